"""The public functions' docstrings: networkx's sections, and their examples run as doctests.

The examples read the demo graph ``demo.json``, built from ``examples/`` as the README's demo builds
it, in a folder of their own that also holds a copy of ``examples/``. Only the modules named here are
imported, so no other module's import runs for the doctests.
"""
from __future__ import annotations

import doctest
import importlib
import inspect
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app

REPO = Path(__file__).resolve().parents[1]
MODULES = ("endorsegraph.api", "endorsegraph.queries.catalog", "endorsegraph.loaders.build", "endorsegraph.graph.schema")
PUBLIC = ("endorsegraph.api.load", "endorsegraph.api.query", "endorsegraph.api.claims_frame",
          "endorsegraph.api.entities_frame", "endorsegraph.api.draw", "endorsegraph.queries.catalog.run",
          "endorsegraph.loaders.build.build")
SECTIONS = ("Parameters\n    ----------", "Returns\n    -------", "Raises\n    ------", "Examples\n    --------")


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


@pytest.mark.parametrize("path", PUBLIC)
def test_public_functions_have_networkx_sections(path: str) -> None:
    module, _, function = path.rpartition(".")
    doc = inspect.getdoc(getattr(importlib.import_module(module), function)) or ""
    missing = [section.split("\n")[0] for section in SECTIONS if section.replace("\n    ", "\n") not in doc]
    assert not missing, f"{path} lacks {', '.join(missing)}"
    assert ">>> " in doc.split("Examples\n--------")[1]
