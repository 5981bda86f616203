"""Claims shards: `extract --claims-out` writes one per article file, `build --claims` merges them, and
the graph file's bytes do not depend on the order shards were written or listed in."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.graph.errors import InputError
from endorsegraph.graph.model import Batch, Claim, Entity, Relation
from endorsegraph.loaders.build import BuildFailed, build
from endorsegraph.loaders.shards import claim_files, load_claims, read_shard, shard_name, write_shard
from endorsegraph.loaders.sharding import extract

FIXTURES = Path(__file__).parent / "fixtures" / "shards"
ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix != ".csv")
TABLE = FIXTURES / "people.csv"
runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def merged(folders: list[Path], graph_file: Path, *more: Path) -> bytes:
    """The graph file that `build --claims` of ``folders`` (then ``more`` inputs) writes."""
    build([*claim_files(folders), *more], JsonFileStore(graph_file))
    return graph_file.read_bytes()


@pytest.fixture(scope="module")
def shard_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    report = extract([FIXTURES], folder)
    assert not report.inputs.skipped
    assert report.tables == [TABLE]                   # records are left for build
    assert [p.name for p in report.shards] == [shard_name(p) for p in ARTICLES]
    return folder


@pytest.fixture(scope="module")
def direct(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    graph_file = tmp_path_factory.mktemp("direct") / "g.json"
    build([FIXTURES], JsonFileStore(graph_file))
    return graph_file.read_bytes()


def test_merging_shards_gives_the_direct_builds_bytes(shard_folder: Path, direct: bytes, tmp_path: Path) -> None:
    """No fixture article names an entity only another file names fully, so the two builds agree."""
    assert json.loads(direct)["links"], "the fixtures state relations"
    assert merged([shard_folder], tmp_path / "g.json", TABLE) == direct


def test_shards_in_any_order_give_the_same_bytes(shard_folder: Path, tmp_path: Path) -> None:
    """Each file extracted alone, in a shuffled order, into folders of its own (as workers would):
    the shards are the same bytes, and so is every merge of them, however they are listed, and
    even merged by one build each in that shuffled order."""
    expected = merged([shard_folder], tmp_path / "all.json")
    shuffled = random.Random(13).sample(ARTICLES, len(ARTICLES))
    folders = []
    for index, article in enumerate(shuffled):
        folder = tmp_path / f"worker{index}"
        [shard] = extract([article], folder).shards
        assert shard.read_bytes() == (shard_folder / shard.name).read_bytes()
        folders.append(folder)
    for attempt in range(3):
        order = random.Random(attempt).sample(folders, len(folders))
        assert merged(order, tmp_path / f"merge{attempt}.json") == expected
    single = tmp_path / "single"
    single.mkdir()
    for folder in reversed(folders):                 # copied into one folder in another order
        for shard in folder.iterdir():
            shutil.copy(shard, single / shard.name)
    assert merged([single], tmp_path / "single.json") == expected
    one_at_a_time = tmp_path / "one_at_a_time.json"
    for folder in folders:                            # a build per shard, in the shuffled order
        merged([folder], one_at_a_time)
    assert one_at_a_time.read_bytes() == expected     # (no two fixture files spell a name differently)


def test_merging_again_adds_only_new_shards(shard_folder: Path, tmp_path: Path) -> None:
    graph_file, partial = tmp_path / "g.json", tmp_path / "partial"
    partial.mkdir()
    last = sorted(shard_folder.iterdir())[-1]
    for shard in shard_folder.iterdir():
        if shard != last:
            shutil.copy(shard, partial / shard.name)
    merged([partial], graph_file)
    shutil.copy(last, partial / last.name)
    result = run("build", "--claims", partial, "--graph", graph_file)
    assert result.exit_code == 0, result.output
    assert f"{len(ARTICLES) - 1} unchanged" in result.stdout
    assert graph_file.read_bytes() == merged([shard_folder], tmp_path / "once.json")


def test_a_shard_holds_entities_and_claims_with_their_evidence(shard_folder: Path) -> None:
    header, batch = read_shard(shard_folder / shard_name(FIXTURES / "weekly.jsonl"))
    assert header["input"] == str((FIXTURES / "weekly.jsonl").resolve())
    assert len(header["sha256"]) == 64
    entities = {e.name: e for e in batch.entities}
    assert entities["Kevin Osei"].type == "Candidate" and entities["Transit Riders Alliance"].type == "Organization"
    claim = next(r.claim for r in batch.relations if r.source == "transit-riders-alliance" and r.type == "ENDORSED")
    assert claim.sentence.startswith("The Transit Riders Alliance endorsed Kevin Osei")
    assert (claim.article, claim.source, claim.published, claim.title) == \
        ("weekly-1", "https://example.org/weekly/1", "2021-05-14", "Transit riders pick a side")
    assert claim.properties["date"] == "2021-05-13" and claim.start is not None


def test_a_name_the_graph_holds_as_another_type_is_left_out(tmp_path: Path) -> None:
    """The first reading stands, as when build reads the article: the clashing entity goes, with its
    relations, and an article left with no relation keeps no entity."""
    article = tmp_path / "clash.txt"
    article.write_text("Fairview endorsed Ann Lee.\n")
    claim = Claim(article="clash.txt", source=str(article), rule="test", sentence="Fairview endorsed Ann Lee.",
                  start=0, end=26)
    batch = Batch(source=str(article),
                  entities=[Entity("Fairview", "Person", "clash.txt"), Entity("Ann Lee", "Candidate", "clash.txt"),
                            Entity("Bo Park", "Person", "other.txt")],
                  relations=[Relation("ENDORSED", "fairview", "ann-lee", claim)])
    shard = write_shard(tmp_path / "claims", article, batch)
    graph = kg.new_graph()
    kg.add_entity(graph, Entity("Fairview", "Organization"))
    kept = load_claims(shard, graph)
    assert [e.name for e in kept.entities] == ["Bo Park"] and kept.relations == []
    assert load_claims(shard, kg.new_graph()).relations == batch.relations


def test_a_damaged_shard_fails_the_build_and_names_its_line(shard_folder: Path, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(shard_folder, folder)
    victim = sorted(folder.iterdir())[0]
    victim.write_text(victim.read_text().splitlines()[0] + "\n{not json\n")
    with pytest.raises(BuildFailed, match=rf"{victim.name}:2: damaged claims shard"):
        merged([folder], tmp_path / "g.json")
    assert not (tmp_path / "g.json").exists()
    with pytest.raises(InputError, match="no claims shards"):
        claim_files([FIXTURES])


def test_the_extract_command(tmp_path: Path, direct: bytes) -> None:
    result = run("extract", FIXTURES, "--claims-out", tmp_path / "claims")
    assert result.exit_code == 0, result.output
    assert f"wrote {len(ARTICLES)} claims shard(s)" in result.stdout
    assert "left 1 records or table file(s) for build" in result.stderr
    result = run("build", TABLE, "--claims", tmp_path / "claims", "--graph", tmp_path / "g.json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g.json").read_bytes() == direct


def test_extract_names_bad_inputs_and_writes_the_good(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = run("extract", FIXTURES / "greenway.html", bad, "--claims-out", tmp_path / "claims")
    assert result.exit_code == 1
    assert f"error: {bad}: file is empty" in result.stderr
    assert [p.name for p in (tmp_path / "claims").iterdir()] == [shard_name(FIXTURES / "greenway.html")]
    assert run("extract", bad, "--claims-out", tmp_path / "c2", "--skip-bad").exit_code == 0


def test_build_needs_inputs_or_claims(tmp_path: Path) -> None:
    result = run("build", "--graph", tmp_path / "g.json")
    assert result.exit_code == 1 and "nothing to build" in result.stderr
    (tmp_path / "none").mkdir()
    result = run("build", "--claims", tmp_path / "none", "--graph", tmp_path / "g.json")
    assert result.exit_code == 1 and "no claims shards" in result.stderr
