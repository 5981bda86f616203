"""Endorsement lifecycle (#15): each state read with its own rule, sentence and date; the core
ENDORSED reading untouched; timeline, switched, declined and --as-of on the fixture race."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.graph.drawing import timeline_page
from endorsegraph.graph.errors import SchemaError
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.build import load_graph
from endorsegraph.loaders.clean import clean_text
from endorsegraph.loaders.event_dates import resolve
from endorsegraph.loaders.news import extract
from endorsegraph.queries import catalog, lifecycle
from typer.testing import CliRunner

RACE = Path(__file__).parent / "fixtures" / "lifecycle"
PUBLISHED = "2013-08-07"     # a Wednesday


def found(text: str) -> dict[tuple[str, str, str], dict]:
    graph = kg.new_graph()
    kg.apply_batch(graph, extract([Article(id="t.txt", source="t.txt", text=clean_text(text), published=PUBLISHED)],
                                  graph, "t.txt"))
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    return {(d["type"], names[s], names[t]): d for s, t, d in graph.edges(data=True)}


def states(text: str) -> dict[tuple[str, str], tuple[str, str | None, str, str]]:
    """(endorser, candidate) -> (state, date, rule, sentence) of the ENDORSEMENT_STATE claims."""
    return {(s, t): (c["properties"]["state"], c["properties"].get("date"), c["rule"], c["sentence"])
            for (kind, s, t), d in found(text).items() if kind == "ENDORSEMENT_STATE" for c in d["claims"]}


@pytest.mark.parametrize("text, state, date, rule", [
    ("The Sierra Club is expected to endorse Paula Greer on Friday.", "expected", "2013-08-09", "expected-to-endorse"),
    ("The Sierra Club plans to endorse Paula Greer next week.", "expected", "2013-08-18", "plans-to-endorse"),
    ("The Sierra Club will endorse Paula Greer on Thursday.", "expected", "2013-08-08", "will-endorse"),
    ("The United Steelworkers declined to endorse Paula Greer on Monday.", "declined", "2013-08-05",
     "declined-to-endorse"),
    ("The United Steelworkers has not endorsed Paula Greer.", "declined", None, "has-not-endorsed"),
    ("The United Steelworkers did not endorse Paula Greer in 2012.", "declined", "2012-12-31", "did-not-endorse"),
    ("If Paula Greer wins the primary, the Sierra Club will support her.", "conditional", None,
     "conditional-if-first"),
    ('"If Paula Greer wins the nomination, she has my vote," Victor Hale said.', "conditional", None,
     "conditional-my-vote"),
    ("Victor Hale said that if Paula Greer wins the nomination, she has his vote.", "conditional", None,
     "conditional-said-vote"),
    ("The United Steelworkers has yet to endorse Paula Greer.", "declined", None, "has-yet-to-endorse"),
    ("The Sierra Club said it would endorse Paula Greer if she wins the primary.", "conditional", None,
     "conditional-if"),
])
def test_each_state_has_its_rule_date_and_sentence(text, state, date, rule):
    read = states(text)
    assert len(read) == 1
    (got_state, got_date, got_rule, sentence), = read.values()
    assert (got_state, got_date, got_rule, sentence) == (state, date, f"lifecycle:{rule}", text)
    assert not [key for key in found(text) if key[0] == "ENDORSED"], "a state is never an endorsement"


def test_a_switch_is_two_facts_dated_by_the_sentence():
    text = "The Sierra Club, which endorsed Paula Greer in June, shifted its support from Paula Greer to Victor Hale last week."
    assert states(text) == {
        ("Sierra Club", "Paula Greer"): ("switched-away", "2013-08-04", "lifecycle:switched-support", text),
        ("Sierra Club", "Victor Hale"): ("switched-to", "2013-08-04", "lifecycle:switched-support", text)}


@pytest.mark.parametrize("text", [
    "The Sierra Club may switch its support from Paula Greer to Victor Hale.",
    "The firefighters have not said whether the Sierra Club will endorse Paula Greer.",
    "The Sierra Club is not expected to endorse Paula Greer.",
    '"We declined to endorse Paula Greer," the Sierra Club said.',
    "The Sierra Club declined to endorse Paula Greer's running mate, Victor Hale.",
    '"If Paula Greer loses the primary, Ed Marsh has my vote," Victor Hale said.',   # the vote goes elsewhere
])
def test_hedged_quoted_and_possessive_sentences_state_nothing(text):
    assert states(text) == {}


def test_a_pair_the_sentence_says_was_endorsed_keeps_only_its_endorsement():
    assert states("The Sierra Club will endorse Paula Greer today at noon.") == {}
    assert ("ENDORSED", "Sierra Club", "Paula Greer") in found("The Sierra Club will endorse Paula Greer today at noon.")


def test_withdrawal_stays_an_endorsed_claim_with_its_status():
    edge = found("The Plumbers Union withdrew its endorsement of Paula Greer on Monday.")[
        ("ENDORSED", "Plumbers Union", "Paula Greer")]
    assert edge["status"] == "withdrawn" and edge["date"] == "2013-08-05"


@pytest.mark.parametrize("phrase, future, date", [
    ("Monday", False, "2013-08-05"), ("Wednesday", False, "2013-08-07"), ("last Wednesday", False, "2013-07-31"),
    ("Friday", True, "2013-08-09"), ("next Wednesday", True, "2013-08-14"), ("yesterday", False, "2013-08-06"),
    ("last week", False, "2013-08-04"), ("last month", False, "2013-07-31"), ("in March", False, "2013-03-31"),
    ("September", False, "2012-09-30"), ("September", True, "2013-09-30"), ("March 3", False, "2013-03-03"),
    ("Dec. 12", False, "2012-12-12"), ("Dec. 12", True, "2013-12-12"), ("June 4, 2009", False, "2009-06-04"),
    ("2012", False, "2012-12-31"), ("this week", False, "2013-08-07"), ("soon", False, None),
    ("recently", False, None),
])
def test_relative_dates_resolve_against_publication(phrase, future, date):
    assert resolve(phrase, PUBLISHED, future) == date


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolve("Monday", None) is None
    assert resolve("March 3, 2012", None) == "2012-03-03"


@pytest.fixture(scope="module")
def race() -> nx.MultiDiGraph:
    return load_graph([RACE])


def ask(graph, name, **params):
    return catalog.run(catalog.Embedded(graph), name, params)


def test_timeline_lists_every_state_in_order_with_its_sentence(race):
    rows = ask(race, "timeline", candidate="Paula Greer")
    assert [(r.known_by, r.state, r.endorser, r.other) for r in rows] == [
        ("2013-06-10", "endorsed", "Plumbers Union", None),
        ("2013-06-12", "expected", "Sierra Club", None),
        ("2013-08-04", "switched-away", "Sierra Club", "Victor Hale"),
        ("2013-08-05", "withdrawn", "Plumbers Union", None)]
    expected = rows[1]
    assert (expected.date, expected.when, expected.published) == ("2013-06-14", "Friday", "2013-06-12")
    assert expected.sentence == "The Sierra Club is expected to endorse Paula Greer on Friday."


def test_a_date_kept_as_words_is_resolved_on_the_timeline(race):
    endorsed = [r for r in ask(race, "timeline", candidate="Victor Hale") if r.state == "endorsed"]
    assert [(r.endorser, r.when, r.date) for r in endorsed] == [("Teachers Guild", "July", "2013-07-31")]


def test_switched_and_declined(race):
    assert [(r.endorser, r.away, r.to, r.known_by) for r in ask(race, "switched")] == [
        ("Sierra Club", "Paula Greer", "Victor Hale", "2013-08-04")]
    assert [(r.endorser, r.candidate, r.known_by, r.date) for r in ask(race, "declined")] == [
        ("United Steelworkers", "Victor Hale", "2013-06-11", "2013-06-11"),
        ("Teachers Guild", "Victor Hale", "2013-06-12", None)]


@pytest.mark.parametrize("day, greer, hale", [
    ("2013-06-09", [], []), ("2013-06-10", ["Plumbers Union"], []), ("2013-08-04", ["Plumbers Union"],
                                                                     ["Teachers Guild"]),
    ("2013-08-05", [], ["Teachers Guild"]),
])
def test_as_of_keeps_the_endorsements_standing_that_day(race, day, greer, hale):
    assert [r.endorser for r in ask(race, "endorsers", candidate="Paula Greer", as_of=day)] == greer
    assert [r.endorser for r in ask(race, "endorsers", candidate="Victor Hale", as_of=day)] == hale
    totals = {r.candidate: r.endorsements for r in ask(race, "tally", as_of=day) if r.endorser_kind == "(all)"}
    assert totals == {name: len(who) for name, who in (("Paula Greer", greer), ("Victor Hale", hale)) if who}


def test_without_as_of_the_core_answers_are_unchanged(race):
    assert [(r.endorser, r.status) for r in ask(race, "endorsers", candidate="Paula Greer")] == [
        ("Plumbers Union", "withdrawn")]
    assert {r.candidate for r in ask(race, "tally")} == {"Victor Hale"}


def test_as_of_refuses_what_is_not_a_date(race):
    with pytest.raises(SchemaError, match="--as-of must be an ISO date"):
        ask(race, "endorsers", candidate="Paula Greer", as_of="last Tuesday")


def test_paths_walk_states_only_when_asked(race):
    assert ask(race, "path", source="Plumbers Union", target="Sierra Club") == []
    asked = ask(race, "path", source="Plumbers Union", target="Sierra Club", relations=["ENDORSED", "ENDORSEMENT_STATE"])
    assert [hop.relation for hop in asked if hop.path == 1] == ["ENDORSED", "ENDORSEMENT_STATE"]
    before = ask(race, "path", source="Plumbers Union", target="Sierra Club", as_of="2013-06-12",
                 relations=["ENDORSED", "ENDORSEMENT_STATE"])
    assert [hop.relation for hop in before if hop.path == 1] == ["ENDORSED", "ENDORSEMENT_STATE"]
    unknown_yet = ask(race, "path", source="Plumbers Union", target="Sierra Club", as_of="2013-06-11",
                      relations=["ENDORSED", "ENDORSEMENT_STATE"])
    assert unknown_yet == []
    after = ask(race, "path", source="Plumbers Union", target="Sierra Club", as_of="2013-08-05",
                relations=["ENDORSED", "ENDORSEMENT_STATE"])
    assert after == []


def test_timeline_page_is_offline_scriptless_and_escapes_text(race):
    events = lifecycle.race_events(race)
    probe = lifecycle.Event("<script>alert(1)</script>", "x", "2013-06-10", "endorsed", "A & B", "ab", None,
                            None, None, None, '"><img src=x onerror=alert(1)>', "s", "r")
    page = timeline_page.render([*events, probe], lifecycle.steps([*events, probe]), "Race <b>")
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert not re.search(r"(?:src|href)=\"?(?:https?:)?//", page)
    assert page.count("<svg") == 3 and page.count("<circle") == len(events) + 1
    assert "Undated" not in page


def test_viz_timeline_and_as_of_commands(race, tmp_path):
    graph_file = tmp_path / "race.json"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(RACE), "--graph", str(graph_file)]).exit_code == 0
    page = tmp_path / "t.html"
    result = runner.invoke(app, ["viz", "--timeline", "--focus", "Paula Greer", "--graph", str(graph_file),
                                 "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "Sierra Club shifted its support" in page.read_text()
    drawn = runner.invoke(app, ["viz", "--as-of", "2013-06-12", "--graph", str(graph_file), "-o", str(tmp_path / "g.html")])
    assert drawn.exit_code == 0 and "5 relations" in drawn.stdout    # one endorsement, four states known by then
    asked = runner.invoke(app, ["query", "endorsers", "Paula Greer", "--as-of", "2013-06-10", "--graph", str(graph_file)])
    assert "Plumbers Union" in asked.stdout
