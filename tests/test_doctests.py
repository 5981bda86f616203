"""The public functions' docstrings: networkx's sections, and their examples run as doctests.

The public functions are the Python API (api.py), ``catalog.run``, the networkx function of every
catalog query, and ``build``. The examples read the demo graph ``demo.json``, built from
``examples/`` as the README's demo builds it, in a folder of their own that also holds a copy of
``examples/``. Only the modules named here are searched for examples.
"""
from __future__ import annotations

import doctest
import importlib
import inspect
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from endorsegraph import api
from endorsegraph.cli import app
from endorsegraph.loaders import build
from endorsegraph.queries import catalog

REPO = Path(__file__).resolve().parents[1]
MODULES = ("endorsegraph.api", "endorsegraph.queries.catalog", "endorsegraph.loaders.build", "endorsegraph.graph.schema",
           "endorsegraph.queries.endorsements", "endorsegraph.queries.roles", "endorsegraph.queries.paths",
           "endorsegraph.queries.lifecycle", "endorsegraph.queries.points", "endorsegraph.graph.lookup")
ENTRY_POINTS = (api.load, api.query, api.claims_frame, api.entities_frame, api.draw, catalog.run, build.build)
QUERIES = tuple(query.networkx for query in catalog.CATALOG.values())


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("doctests")
    shutil.copytree(REPO / "examples", folder / "examples")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(app, ["build", "examples", "--graph", "demo.json"])
        assert result.exit_code == 0, result.output
        yield folder


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_print_what_they_show(name: str, demo_folder: Path) -> None:
    tests = [test for test in doctest.DocTestFinder().find(importlib.import_module(name)) if test.examples]
    assert tests, f"{name} has no examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


@pytest.mark.parametrize("function", ENTRY_POINTS + QUERIES, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_public_functions_have_networkx_sections(function: Callable[..., Any]) -> None:
    doc = inspect.getdoc(function) or ""
    wanted = ("Parameters", "Returns", *(("Raises",) if function in ENTRY_POINTS else ()), "Examples")
    missing = [name for name in wanted if f"\n{name}\n{'-' * len(name)}\n" not in doc]
    assert not missing, f"{function.__qualname__} lacks {', '.join(missing)}"
    assert ">>> " in doc.split("Examples\n--------")[1]
    assert function.__module__ in MODULES, "its examples would not run"
