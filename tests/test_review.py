"""Review and curation (issue #14): decisions kept in a file and applied on every build and load.

Real builds of the articles in tests/fixtures/review (written for these tests): the Harbor Workers
Union endorses Rosa Mendez; in the other article a misspelt "Harbour Workers Union" endorses Victor
Delgado, as do two people named Thompson who are not one person.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import endorsegraph
import pytest
from endorsegraph.cli import app
from endorsegraph.graph import curation
from endorsegraph.graph import decisions as dfile
from endorsegraph.graph.identity import Identities
from endorsegraph.graph.review_queue import claim_queue, entity_pairs
from typer.testing import CliRunner

ARTICLES = Path(__file__).parent / "fixtures" / "review"
ENDORSEGRAPH = Path(sys.executable).parent / "endorsegraph"
runner = CliRunner()
HARBOUR_CLAIM = "The Harbour Workers Union endorsed Victor Delgado in a statement that surprised some members."


def run(*args: object, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def ok(*args: object, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture articles built once, from inside their folder (claims name ``articles/...``)."""
    folder = tmp_path_factory.mktemp("built")
    shutil.copytree(ARTICLES, folder / "articles")
    here = Path.cwd()
    os.chdir(folder)
    try:
        ok("build", "articles", "--graph", "g.json")
    finally:
        os.chdir(here)
    return folder


@pytest.fixture
def work(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the built graph and its articles, no decisions yet, as the working folder;
    returns the graph file."""
    shutil.copytree(built / "articles", tmp_path / "articles")
    shutil.copy(built / "g.json", tmp_path / "g.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "g.json"


def claim_id(graph_file: Path, sentence: str) -> str:
    graph = endorsegraph.load(graph_file)
    found = [c for *_, claims in graph.edges(data="claims") for c in claims if c.get("sentence") == sentence]
    assert len(found) == 1
    return dfile.key_id(next(dfile.claim_key(c, t, s, e) for s, e, t, d in graph.edges(keys=True, data=True)
                             for c in d["claims"] if c is found[0]))


def test_a_rejected_claim_leaves_queries_exports_pages_and_the_api(work: Path) -> None:
    wrong = claim_id(work, HARBOUR_CLAIM)
    assert wrong in ok("show", "Victor Delgado", "--graph", work)
    extracted = work.read_bytes()
    said = ok("decide", "reject", wrong, "--why", "sent by mistake", "--by", "rita", "--graph", work)
    assert said.startswith(f"reject: {wrong} harbour-workers-union -ENDORSED-> victor-delgado (council.txt [")
    assert [d.action for d in dfile.read(work.with_name("g.json.decisions.jsonl"))] == ["reject"]

    endorsers = json.loads(ok("query", "endorsers", "Victor Delgado", "--graph", work, "-f", "json"))
    assert [row["endorser"] for row in endorsers] == ["Bill Thompson"]
    for suffix in (".json", ".graphml", ".gexf", ".csv"):
        ok("export", "--graph", work, "--output", work.with_name("out" + suffix))
        assert "Harbour Workers Union endorsed" not in work.with_name("out" + suffix).read_text()
    ok("viz", "--graph", work, "--output", work.with_name("page.html"))
    assert "Harbour Workers Union endorsed" not in work.with_name("page.html").read_text()
    assert not [c for *_, cs in endorsegraph.load(work).edges(data="claims") for c in cs if c["id"] == wrong]
    assert "Harbour Workers Union endorsed" not in ok("cypher", "MATCH ()-[r]->() RETURN r.sentences AS s",
                                                      "--graph", work)

    shown = ok("show", "Victor Delgado", "--graph", work)
    assert "Harbour Workers Union -ENDORSED->" not in shown                # its only claim: the relation is gone
    everything = ok("show", "Victor Delgado", "--graph", work, "--all")
    assert "Harbour Workers Union -ENDORSED-> Victor Delgado" in everything
    assert "[REJECTED by rita on " in everything and ": sent by mistake]" in everything
    stats = json.loads(ok("stats", "--graph", work, "-f", "json"))
    assert stats["claims"] == 6 and stats["review"]["rejected"] == 1 and stats["review"]["unreviewed"] == 6
    assert "  rejected        1  (not counted above; show --all lists them)" in ok("stats", "--graph", work)
    assert work.read_bytes() == extracted                                 # the graph file keeps what was read


def test_a_rejected_claim_is_not_pushed(work: Path, clean_bolt_store, bolt_env: dict[str, str]) -> None:
    ok("decide", "reject", claim_id(work, HARBOUR_CLAIM), "--graph", work)
    ok("push", "--graph", work, env=bolt_env)
    pushed = clean_bolt_store.load()
    sentences = [c.get("sentence") for *_, cs in pushed.edges(data="claims") for c in cs]
    assert HARBOUR_CLAIM not in sentences and len(sentences) == 6
    assert not pushed.has_node("harbour-workers-union") or not pushed.out_degree("harbour-workers-union")


def rebuild_from_scratch(graph_file: Path) -> str:
    """Build the graph file again with nothing from before; returns what build said on stderr."""
    for leftover in (graph_file, graph_file.with_name(graph_file.name + ".inputs.json")):
        leftover.unlink(missing_ok=True)
    result = run("build", "articles", "--graph", graph_file)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_the_same_inputs_and_decisions_give_the_same_bytes(work: Path) -> None:
    wrong = claim_id(work, HARBOUR_CLAIM)
    right = claim_id(work, "Bill Thompson, a longtime member of the city council, endorsed Victor Delgado "
                           "for mayor on Tuesday.")
    ok("decide", "accept", right, "--graph", work, "--by", "rita")
    ok("decide", "correct", wrong, "--target", "Rosa Mendez", "--why", "the statement was about Mendez",
       "--graph", work, "--by", "rita")
    ok("merge", "Harbour Workers Union", "Harbor Workers Union", "--graph", work, "--by", "rita")
    ok("decide", "rename", "Harbor Workers Union", "Harbor Workers Union Local 7", "--graph", work)
    ok("export", "--graph", work, "--output", work.with_name("first.json"))
    raw = work.read_bytes()

    assert "decisions: 4 applied\n" in rebuild_from_scratch(work)
    ok("export", "--graph", work, "--output", work.with_name("second.json"))
    assert work.read_bytes() == raw
    assert work.with_name("second.json").read_bytes() == work.with_name("first.json").read_bytes()

    mendez = json.loads(ok("query", "endorsers", "Rosa Mendez", "--graph", work, "-f", "json"))
    assert {row["endorser"] for row in mendez} == {"Ann Thompson", "Harbor Workers Union Local 7"}
    union = json.loads(ok("show", "Harbor Workers Union Local 7", "--graph", work, "-f", "json"))
    claims = [c for r in union["relations"] for c in r["claims"]]
    assert {c["review"]["status"] for c in claims if "review" in c} == {"corrected"}
    assert "Harbour Workers Union" in union["aliases"]


def test_a_merge_applies_to_articles_built_later(work: Path) -> None:
    ok("merge", "Harbour Workers Union", "Harbor Workers Union", "--graph", work)
    later = work.parent / "later"
    later.mkdir()
    (later / "park.txt").write_text("Comptroller race\n\nThe Harbour Workers Union endorsed Nina Castillo "
                                    "for comptroller in a statement on Friday.\n")
    ok("build", later, "--graph", work)
    rows = json.loads(ok("query", "endorsers", "Nina Castillo", "--graph", work, "-f", "json"))
    assert [row["endorser"] for row in rows] == ["Harbor Workers Union"]


def test_not_same_stops_proposals_and_merges_also_after_later_builds(work: Path) -> None:
    reviewed = curation.load(work)
    pairs = {frozenset((p.a, p.b)) for p in entity_pairs(reviewed.graph, reviewed.identities)}
    assert frozenset(("harbour-workers-union", "harbor-workers-union")) in pairs
    ok("decide", "not-same", "Harbour Workers Union", "Harbor Workers Union", "--why", "two locals", "--graph", work)
    refused = run("merge", "Harbour Workers Union", "Harbor Workers Union", "--graph", work)
    assert refused.exit_code == 1
    assert refused.stderr == "error: not recorded: 'harbour-workers-union' and 'harbor-workers-union' were " \
                             "judged not the same\n"

    later = work.parent / "later"
    later.mkdir()
    (later / "ward.txt").write_text("Comptroller race\n\nThe Harbour Workers Union endorsed Nina Castillo "
                                    "for comptroller in a statement on Friday.\n")
    ok("build", later, "--graph", work)
    reviewed = curation.load(work)
    pairs = {frozenset((p.a, p.b)) for p in entity_pairs(reviewed.graph, reviewed.identities)}
    assert frozenset(("harbour-workers-union", "harbor-workers-union")) not in pairs


def test_entity_decisions_are_transitive() -> None:
    identities = Identities()
    identities.merge("a", "b")
    identities.merge("b", "c")
    assert identities.same("a", "c")                                   # A=B, B=C: A=C
    identities.keep_apart("c", "d")
    identities.merge("e", "d")
    assert identities.different("a", "e")                              # A=C, C!=D, E=D: A!=E
    with pytest.raises(ValueError):
        identities.merge("e", "a")


def test_a_merge_into_an_entity_kept_apart_is_refused(work: Path) -> None:
    ok("decide", "not-same", "Ann Thompson", "Bill Thompson", "--graph", work)
    ok("merge", "Ann Thompson", "Rosa Mendez", "--graph", work)        # people: a merge the schema allows
    refused = run("merge", "Rosa Mendez", "Bill Thompson", "--graph", work)
    assert refused.exit_code == 1 and "judged not the same" in refused.stderr


def test_a_stale_decision_is_reported_never_dropped(work: Path) -> None:
    rebuild_from_scratch(work)                         # the inputs' record names this folder's files
    wrong = claim_id(work, HARBOUR_CLAIM)
    ok("decide", "reject", wrong, "--graph", work)
    ok("merge", "Harbour Workers Union", "Harbor Workers Union", "--graph", work)
    assert ok("review", "--stale", "--graph", work).startswith("no stale decisions (2 in ")
    article = work.parent / "articles" / "council.txt"
    article.write_text(article.read_text().replace("The Harbour Workers Union endorsed Victor Delgado in a "
                                                   "statement", "The Harbour Workers Union endorsed Victor "
                                                   "Delgado in a broadcast"))   # same length: the offsets stay
    result = run("build", "articles", "--graph", work)
    assert result.exit_code == 0
    assert "decisions: 1 applied, 1 stale or in conflict (endorsegraph review --stale lists them)" in result.stderr
    stale = run("review", "--stale", "--graph", work)
    assert stale.exit_code == 1
    assert stale.stdout == f"{work.with_name('g.json.decisions.jsonl')}:1: stale: {wrong} harbour-workers-union " \
                           f"-ENDORSED-> victor-delgado (council.txt [132:225]): the sentence of {wrong} changed " \
                           "since the decision\n"
    assert len(dfile.read(work.with_name("g.json.decisions.jsonl"))) == 2


def test_a_malformed_decisions_line_is_one_error_and_writes_nothing(work: Path) -> None:
    decisions = work.with_name("g.json.decisions.jsonl")
    ok("decide", "accept", claim_id(work, HARBOUR_CLAIM), "--graph", work)
    with decisions.open("a") as handle:
        handle.write('{"action": "reject", "by": "rita"}\n')
    before = work.read_bytes()
    for command in (["build", "articles"], ["stats"], ["show", "Rosa Mendez"], ["review", "--stale"]):
        result = run(*command, "--graph", work)
        assert result.exit_code == 1
        assert result.stderr == f"error: {decisions}:2: a decision needs 'at'\n"
    assert work.read_bytes() == before
    fresh = work.with_name("new.json")
    assert run("build", "articles", "--graph", fresh, "--decisions", decisions).exit_code == 1
    assert not fresh.exists()


def test_export_reviewed_only_keeps_what_a_person_accepted(work: Path) -> None:
    ok("decide", "accept", claim_id(work, HARBOUR_CLAIM), "--graph", work)
    ok("export", "--graph", work, "--reviewed-only", "--output", work.with_name("pub.json"))
    published = json.loads(work.with_name("pub.json").read_text())
    assert [link["claims"][0]["sentence"] for link in published["links"]] == [HARBOUR_CLAIM]
    assert {node["id"] for node in published["nodes"]} == {"harbour-workers-union", "victor-delgado"}


def test_the_queue_puts_what_most_needs_a_person_first(work: Path) -> None:
    graph = endorsegraph.load(work)
    doubted = graph.edges["ann-thompson", "rosa-mendez", "ENDORSED"]["claims"][0]
    doubted["confidence"] = 0.5
    both = graph.edges["tom-okafor", "harbor-workers-union", "LEADS"]["claims"]
    assert len(both) == 2
    both[0]["properties"]["current"] = False                        # the two articles now disagree
    order = claim_queue(graph)
    assert order[0].claim is doubted and order[0].reasons == ("low confidence", "sole support")
    assert {id(item.claim) for item in order[1:3]} == {id(c) for c in both}
    assert all(item.reasons == ("conflict: current",) for item in order[1:3])
    assert all(item.reasons == ("sole support",) for item in order[3:]) and len(order) == 7


def read_until(descriptor: int, wanted: str, seen: list[str], timeout: float = 60) -> str:
    """Terminal output until ``wanted`` appears (all of it is kept in ``seen``)."""
    deadline = time.monotonic() + timeout
    while wanted not in "".join(seen):
        assert time.monotonic() < deadline, f"{wanted!r} never came; got {''.join(seen)!r}"
        if select.select([descriptor], [], [], 0.5)[0]:
            try:
                seen.append(os.read(descriptor, 4096).decode("utf-8", "replace"))
            except OSError:
                break
    return "".join(seen)


def drive(args: list[str], steps: list[tuple[str, str]]) -> str:
    """Run ``endorsegraph`` on a pseudo-terminal: for each step, wait for its text, then type its keys."""
    leader, follower = os.openpty()
    process = subprocess.Popen([str(ENDORSEGRAPH), *args], stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, "NO_COLOR": "1"}, close_fds=True)
    os.close(follower)
    seen: list[str] = []
    try:
        for wanted, keys in steps:
            read_until(leader, wanted, seen)
            os.write(leader, keys.encode())
        assert process.wait(timeout=60) == 0, "".join(seen)
        read_until(leader, "recorded in", seen)
    finally:
        process.kill()
        os.close(leader)
    return "".join(seen)


def test_the_review_queue_in_a_terminal_records_answers_and_resumes(work: Path) -> None:
    args = ["review", "--graph", str(work), "--by", "rita"]
    screen = drive(args, [("claim 1 of 7", "r"), ("why", "sent by mistake\n"), ("claim 2 of 7", "a"),
                          ("claim 3 of 7", "s"), ("claim 4 of 7", "o"), ("source:", "q")])
    assert "[a]ccept  [r]eject  [u]nsure  [s]kip  [c]orrect  [o]pen source  [q]uit" in screen
    assert "2 answer(s) recorded in" in screen
    decisions = dfile.read(work.with_name("g.json.decisions.jsonl"))
    assert [(d.action, d.by) for d in decisions] == [("reject", "rita"), ("accept", "rita")]
    assert decisions[0].why == "sent by mistake"
    resumed = drive(args, [("claim 1 of 5", "q")])                        # two claims fewer
    assert "claim 1 of 5 · 2 reviewed so far" in resumed
    stats = json.loads(ok("stats", "--graph", work, "-f", "json"))
    assert (stats["review"]["rejected"], stats["review"]["accepted"]) == (1, 1)


def test_the_entity_queue_merges_in_a_terminal(work: Path) -> None:
    screen = drive(["review", "--entity", "--graph", str(work)],
                   [("may be one entity: near names", "m"), ("canonical name [", "\n")])
    assert "merged Harbour Workers Union into Harbor Workers Union" in screen
    assert [d.action for d in dfile.read(work.with_name("g.json.decisions.jsonl"))] == ["merge"]
    assert "Harbour Workers Union (1)" in ok("show", "Harbor Workers Union", "--graph", work)


def test_review_needs_a_terminal(work: Path) -> None:
    result = run("review", "--graph", work)
    assert result.exit_code == 1
    assert result.stderr == "error: review needs a terminal; for scripts use `endorsegraph decide ACTION ...`\n"


def test_split_retype_and_rename_apply_and_a_split_of_unknown_forms_is_refused(work: Path) -> None:
    ok("decide", "split", "Bill Thompson", "--form", "Bill Thompson", "--name", "William Thompson", "--graph", work)
    rows = json.loads(ok("query", "endorsers", "Victor Delgado", "--graph", work, "-f", "json"))
    assert {row["endorser"] for row in rows} == {"William Thompson", "Harbour Workers Union"}
    refused = run("decide", "split", "Ann Thompson", "--form", "Annie", "--graph", work)
    assert refused.exit_code == 1
    assert refused.stderr == "error: not recorded: no article names 'ann-thompson' only as Annie\n"
    ok("decide", "rename", "Rosa Mendez", "Rosa M. Mendez", "--graph", work)
    ok("decide", "retype", "Tom Okafor", "Candidate", "--graph", work)
    shown = ok("show", "Rosa M. Mendez", "--graph", work)
    assert shown.startswith("Rosa M. Mendez  [Candidate]  id=rosa-mendez")
    assert ok("show", "Tom Okafor", "--graph", work).startswith("Tom Okafor  [Candidate]")
    refused = run("decide", "retype", "Harbor Workers Union", "Person", "--graph", work)
    assert refused.exit_code == 1 and "LEADS cannot end at a Person" in refused.stderr
