"""A relation type added to a copy of graph/schema.json flows through build, the queries on both
back ends, export, the page and the synthetic generator (tests/support), with no code changed.

The copy is given to each command in ENDORSEGRAPH_SCHEMA (read once per process, so every command
runs as its own process); without it the same records file is refused.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ENDORSEGRAPH = Path(sys.executable).with_name("endorsegraph")
COLOR = "#117733"
CHAIRS_CAMPAIGN = {
    "doc": "A person chairs a candidate's campaign.",
    "tags": ["position"],
    "source": ["Person"],
    "target": ["Candidate"],
    "properties": {"role": {"type": "str", "doc": "chair, co-chair"},
                   "current": {"type": "bool", "inactive": False, "doc": "false once it is over"},
                   "since": {"type": "date", "doc": "when it began"}},
    "display": {"label": "chairs the campaign of", "inactive_label": "chaired the campaign of",
                "color": COLOR, "width": 3, "cue": "chair\\w*"},
    "synthetic_weight": 4,
}
RECORDS = [
    {"name": "Teachers Guild", "type": "Organization", "kind": "union"},
    {"name": "Ben Okoro"},                                   # a Person, until he is a campaign's candidate
    {"relation": "CHAIRS_CAMPAIGN", "source": "Dana Reyes", "target": "Ada Mills", "role": "co-chair",
     "current": "false", "since": "2024-02-01", "evidence": "Dana Reyes co-chaired Ada Mills's campaign until March."},
    {"relation": "CHAIRS_CAMPAIGN", "source": "Gus Hale", "target": "Ben Okoro", "role": "chair",
     "evidence": "Gus Hale chairs the Okoro campaign."},
    {"relation": "LEADS", "source": "Dana Reyes", "target": "Teachers Guild", "role": "president", "current": True,
     "evidence": "Dana Reyes, the guild's president, spoke."},
    {"relation": "ENDORSED", "source": "Teachers Guild", "target": "Ada Mills", "evidence": "The guild backs Mills."},
]


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment that gives every command the schema with CHAIRS_CAMPAIGN added."""
    document = json.loads(resources.files("endorsegraph.graph").joinpath("schema.json").read_text("utf-8"))
    document["relation_types"]["CHAIRS_CAMPAIGN"] = CHAIRS_CAMPAIGN
    path = tmp_path_factory.mktemp("schema") / "schema.json"
    path.write_text(json.dumps(document), "utf-8")
    return {**os.environ, "ENDORSEGRAPH_SCHEMA": str(path)}


@pytest.fixture(scope="module")
def graph(extended: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    records = folder / "campaigns.jsonl"
    records.write_text("".join(json.dumps(row) + "\n" for row in RECORDS), "utf-8")
    built = folder / "graph.json"
    run("build", str(records), "--graph", str(built), env=extended)
    return built


def run(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([str(ENDORSEGRAPH), *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def roles_of(rows: list[dict]) -> set[tuple]:
    return {(r["holder"], r["relation"], r["subject"], r["role"], r["current"]) for r in rows}


EXPECTED_ROLES = {("Dana Reyes", "CHAIRS_CAMPAIGN", "Ada Mills", "co-chair", False),
                  ("Dana Reyes", "LEADS", "Teachers Guild", "president", True)}


def test_the_packaged_schema_refuses_the_new_relation(tmp_path):
    records = tmp_path / "campaigns.jsonl"
    records.write_text("".join(json.dumps(row) + "\n" for row in RECORDS), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ENDORSEGRAPH_SCHEMA"}
    done = subprocess.run([str(ENDORSEGRAPH), "build", str(records), "--graph", str(tmp_path / "g.json")],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "campaigns.jsonl:3: unknown field since" in done.stderr


def test_build_makes_the_chaired_person_a_candidate(graph):
    document = json.loads(graph.read_text("utf-8"))
    types = {node["id"]: node["type"] for node in document["nodes"]}
    assert types["ben-okoro"] == types["ada-mills"] == "Candidate" and types["gus-hale"] == "Person"
    edge = next(e for e in document["links"] if e["type"] == "CHAIRS_CAMPAIGN" and e["source"] == "dana-reyes")
    assert (edge["role"], edge["current"], edge["since"]) == ("co-chair", False, "2024-02-01")


def test_the_roles_query_lists_it_on_the_embedded_graph(graph, extended):
    rows = json.loads(run("query", "roles", "Dana Reyes", "--format", "json", "--graph", str(graph),
                          "--backend", "embedded", env=extended))
    assert roles_of(rows) == EXPECTED_ROLES
    cypher = json.loads(run("cypher", "MATCH (p)-[r:CHAIRS_CAMPAIGN]->(c:Candidate) RETURN p.name AS p, "
                            "c.name AS c, r.since AS since ORDER BY p", "--format", "json", "--graph", str(graph),
                            "--backend", "embedded", env=extended))
    assert cypher == [{"p": "Dana Reyes", "c": "Ada Mills", "since": "2024-02-01"},
                      {"p": "Gus Hale", "c": "Ben Okoro", "since": None}]


def test_the_roles_query_lists_it_on_the_server(graph, extended, bolt_env, clean_bolt_store):
    server = {**extended, **bolt_env}
    run("push", "--graph", str(graph), env=server)
    rows = json.loads(run("query", "roles", "Dana Reyes", "--format", "json", "--backend", "neo4j", env=server))
    assert roles_of(rows) == EXPECTED_ROLES
    chairs = json.loads(run("query", "roles", "Gus Hale", "--format", "json", "--backend", "neo4j", env=server))
    assert roles_of(chairs) == {("Gus Hale", "CHAIRS_CAMPAIGN", "Ben Okoro", "chair", None)}


def test_export_carries_it_and_its_new_property(graph, extended):
    table = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--graph", str(graph), "-o", "-",
                                                env=extended))))
    chaired = [row for row in table if row["relation"] == "CHAIRS_CAMPAIGN"]
    assert {(row["source_name"], row["target_name"], row["since"]) for row in chaired} == {
        ("Dana Reyes", "Ada Mills", "2024-02-01"), ("Gus Hale", "Ben Okoro", "")}


def test_the_page_draws_and_explains_it(graph, extended, tmp_path):
    page = tmp_path / "page.html"
    run("viz", "--graph", str(graph), "-o", str(page), env=extended)
    html = page.read_text("utf-8")
    assert "chairs the campaign of" in html and "chaired the campaign of" in html and COLOR in html


def test_synthetic_graphs_hold_it(extended):
    code = ("from support.synthetic import synthetic_graph\n"
            "edges = [d for *_, d in synthetic_graph(2000).edges(data=True) if d['type'] == 'CHAIRS_CAMPAIGN']\n"
            "print(len(edges), all('role' in d and 'current' in d for d in edges))\n")
    done = subprocess.run([sys.executable, "-c", code], env=extended, cwd=Path(__file__).parent,  # support/ is here
                          capture_output=True, text=True, check=True)
    count, complete = done.stdout.split()
    assert int(count) > 100 and complete == "True"


def test_a_relation_without_what_the_page_needs_is_refused(extended, tmp_path):
    document = json.loads(Path(extended["ENDORSEGRAPH_SCHEMA"]).read_text("utf-8"))
    del document["relation_types"]["CHAIRS_CAMPAIGN"]["display"]["cue"]
    broken = tmp_path / "schema.json"
    broken.write_text(json.dumps(document), "utf-8")
    done = subprocess.run([str(ENDORSEGRAPH), "stats", "--graph", str(tmp_path / "none.json")],
                          env={**extended, "ENDORSEGRAPH_SCHEMA": str(broken)}, capture_output=True, text=True)
    assert done.returncode != 0 and "relation CHAIRS_CAMPAIGN: its display needs cue" in done.stderr
