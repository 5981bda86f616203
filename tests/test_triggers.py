"""The prefilter never costs a relation: what the full pipeline reads, the fast path reads too."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive_set import ARCHIVE, unpack
from endorsegraph.graph import export
from endorsegraph.loaders.build import load_graph
from endorsegraph.loaders.news import ExtractOptions
from endorsegraph.loaders.patterns import PATTERNS
from endorsegraph.loaders.triggers import may_state_relation

HERE = Path(__file__).parent
SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"
SETS = [HERE / "fixtures" / "articles", *(HERE / "fixtures" / v / "articles" for v in
                                         ("validation", "validation2", "validation3"))]


def relations(graph) -> set[tuple]:
    public = export.public_graph(graph)
    return {(s, t, d["type"], c["article"], c["start"], c["end"], c["rule"])
            for s, t, d in public.edges(data=True) for c in d["claims"]}


def test_every_pattern_example_carries_a_trigger() -> None:
    assert [p.name for p in PATTERNS for e in p.examples if not may_state_relation(e)] == []


def test_text_without_a_trigger_is_not_parsed() -> None:
    assert not may_state_relation("A water main broke on Fifth Avenue and flooded two subway stations.")
    assert may_state_relation("The union endorsed her on Monday.")


@pytest.mark.parametrize("folder", SETS + ([SEEDS] if SEEDS.is_dir() else []), ids=lambda p: p.parent.name + "/" + p.name)
def test_the_fast_path_reads_what_the_full_pipeline_reads(folder: Path) -> None:
    fast = load_graph([folder])
    full = load_graph([folder], options=ExtractOptions(keep_mentions=True))
    assert relations(fast) == relations(full)
    assert set(fast.nodes) <= set(full.nodes)


@pytest.mark.skipif(not ARCHIVE.is_file(), reason="../shared/corpus/archive is not beside this checkout")
def test_the_fast_path_reads_what_the_full_pipeline_reads_on_real_posts(tmp_path: Path) -> None:
    posts = unpack(("dev",), tmp_path)["dev"]
    fast = load_graph([posts])
    full = load_graph([posts], options=ExtractOptions(keep_mentions=True))
    assert relations(fast) == relations(full)
    assert fast.number_of_nodes() < full.number_of_nodes()
