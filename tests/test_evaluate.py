"""The scorer and the `eval` command, on graphs built from records, and the extractor fixtures' gold."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph import export, kg, schema
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.articles import article_ids, read_articles
from endorsegraph.queries.evaluate import load_gold, normalize, score
from endorsegraph.loaders.records import load_records

FIXTURES = Path(__file__).parent / "fixtures"
EVAL = FIXTURES / "eval"
KGSCORE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "kgscore.py"


def loaded(*names: str):
    """The graph of records files in fixtures/eval/records, as `build` makes it."""
    graph = kg.new_graph()
    for name in names:
        kg.apply_batch(graph, load_records(EVAL / "records" / name, graph))
    return graph


def graph_of(*names: str):
    return export.public_graph(loaded(*names))


def harbor_gold() -> list[dict]:
    return [g for g in load_gold(EVAL / "gold") if g["article"] == "harbor.jsonl"]


def run(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def test_score_counts_each_kind_of_hit_and_mistake():
    result = score(graph_of("harbor.jsonl"), harbor_gold())
    assert result["per_type"]["ENDORSED"] == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.667, "recall": 0.667,
                                              "f1": 0.667}
    assert result["per_type"]["LEADS"] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["per_type"]["ADVISES"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert result["micro"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667}   # 4 tp, 1 fp + 1 unmapped, 2 fn
    assert result["missed"] == [("ADVISES", "Ken Ito", "Omar Haddad"),
                                ("ENDORSED", "Harbor Tenants Alliance", "June Park")]
    assert result["spurious"] == [("ENDORSED", "Harbor City Nurses Union", "Omar Haddad")]
    assert result["unmapped"] == [("ADVISES", "Dana Fox", "Omar Haddad")]
    assert result["violations"] == [("ENDORSED", "Harbor City Nurses Union", "Omar Haddad"),
                                    ("LEADS", "Paul Meyer", "Harbor City Nurses Union")]
    assert result["wrong_current"] == [("LEADS", "Paul Meyer", "Harbor City Nurses Union")]
    assert result["wrong_status"] == [("ENDORSED", "Dockworkers Local 9", "June Park")]
    assert result["entities"] == {"gold": 8, "found": 7, "missing": ["Ken Ito"]}
    assert result["secondary"]["per_type"]["FOUNDED"]["tp"] == 1
    assert result["secondary"]["spurious"] == [("MEMBER_OF", "Harbor City Nurses Union", "Harbor Tenants Alliance")]


@pytest.mark.skipif(not KGSCORE.exists(), reason=f"reference scorer not found at {KGSCORE}")
def test_score_agrees_with_the_reference_scorer(tmp_path):
    graph = loaded("harbor.jsonl")
    exported = tmp_path / "graph.json"
    exported.write_bytes(export.to_json(graph))                     # what `endorsegraph export` writes
    done = subprocess.run([sys.executable, str(KGSCORE), str(exported), str(EVAL / "gold"),
                           "--articles", "harbor.jsonl", "--json"], capture_output=True, text=True, check=True)
    reference = json.loads(done.stdout)
    ours = json.loads(json.dumps(score(export.public_graph(graph), harbor_gold())))       # tuples as lists, like the reference
    for key in ("per_type", "micro", "missed", "spurious", "unmapped", "wrong_current", "entities"):
        assert ours[key] == reference[key], key
    assert sorted(ours["violations"]) == sorted(reference["violations"])


def test_relations_of_articles_without_gold_are_not_scored():
    alone = score(graph_of("harbor.jsonl"), harbor_gold())
    mixed = score(graph_of("harbor.jsonl", "unannotated.jsonl"), harbor_gold())
    assert mixed == alone


def test_a_relation_counts_once_mapped_by_name_or_alias():
    by_alias = score(graph_of("harbor.jsonl"), harbor_gold())
    assert ("ENDORSED", "Harbor City Nurses Union", "June Park") not in by_alias["missed"]   # "HCNU" -> "Park"


NAMES = ["Sen. Elizabeth Warren", "The AFL-CIO", "Sanders's", "Sanders\u2019s", "Smith & Wesson",
         "President Rita Gomez", "José Ñúñez", "Communications Worker of America", "Rep. O'Brien"]


@pytest.mark.parametrize("raw, normal", [("Sen. Elizabeth Warren", "elizabeth warren"), ("The AFL-CIO", "afl cio"),
                                         ("Sanders's", "sanders"), ("Smith & Wesson", "smith and wesson")])
def test_normalize_drops_titles_possessives_and_punctuation(raw, normal):
    assert normalize(raw) == normal


@pytest.mark.skipif(not KGSCORE.exists(), reason=f"reference scorer not found at {KGSCORE}")
def test_normalize_agrees_with_the_reference_scorer():
    spec = importlib.util.spec_from_file_location("kgscore", KGSCORE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    assert [normalize(n) for n in NAMES] == [reference.norm(n) for n in NAMES]


@pytest.mark.parametrize("content, problem", [
    ("{not json", "invalid JSON"),
    ('{"entities": []}', '"article"'),
    ('{"article": "a.txt", "entities": [{"type": "Person"}]}', '"name"'),
    ('{"article": "a.txt", "entities": [{"name": "A"}], "relations": [{"type": "ENDORSED", "source": "A", '
     '"target": "B"}]}', "'B' is not one of the gold entities"),
    ('{"article": "a.txt", "entities": [{"name": "A"}, {"name": "B"}], "relations": [{"type": "LIKES", '
     '"source": "A", "target": "B"}]}', "unknown relation type 'LIKES'"),
    ('{"article": "a.txt", "entities": [], "relations": [{"type": "ENDORSED"}]}', '"type", "source" and "target"'),
])
def test_bad_gold_files_are_named_with_their_problem(tmp_path, content, problem):
    (tmp_path / "bad.json").write_text(content)
    with pytest.raises(InputError) as raised:
        load_gold(tmp_path)
    assert "bad.json" in str(raised.value) and problem in str(raised.value)


def test_two_gold_files_for_one_article_are_refused(tmp_path):
    for name in ("one.json", "two.json"):
        (tmp_path / name).write_text('{"article": "a.txt", "entities": []}')
    with pytest.raises(InputError, match="already has gold"):
        load_gold(tmp_path)


def test_eval_command_scores_the_given_articles_only():
    records = EVAL / "records"
    done = run(str(records / "harbor.jsonl"), str(records / "unannotated.jsonl"), "--gold", str(EVAL / "gold"),
               "--format", "json")
    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout)
    assert result["articles"] == ["harbor.jsonl"]
    assert result["unscored_articles"] == ["unannotated.jsonl"]
    assert result["micro"]["f1"] == score(graph_of("harbor.jsonl"), harbor_gold())["micro"]["f1"]


def test_eval_table_lists_mistakes_and_fail_under_gates():
    args = [str(EVAL / "records" / "harbor.jsonl"), "--gold", str(EVAL / "gold")]
    table = run(*args)
    assert table.exit_code == 0
    for line in ("must-not violation: LEADS Paul Meyer -> Harbor City Nurses Union",
                 "wrong current flag: LEADS Paul Meyer -> Harbor City Nurses Union",
                 "unmapped: ADVISES Dana Fox -> Omar Haddad", "entities found 7/8; missing Ken Ito"):
        assert line in table.stdout
    gated = run(*args, "--fail-under", "0.9")
    assert gated.exit_code == 1
    assert gated.stderr.strip().splitlines()[-1] == "error: micro F1 0.667 is below --fail-under 0.9"
    assert run(*args, "--fail-under", "0.6").exit_code == 0


def test_eval_matches_jsonl_articles_to_gold_by_record_id():
    done = run(str(FIXTURES / "articles" / "wire_stories.jsonl"), "--gold", str(FIXTURES / "gold"), "--format", "json")
    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout)
    assert result["articles"] == ["wire-0412-hawkins", "wire-0412-navarro"]
    assert result["entities"]["gold"] == 14                           # only these two gold files count


@pytest.mark.parametrize("args, problem", [
    (["unannotated.jsonl"], "no gold file is for any of the 1 article(s) given"),
    (["harbor.jsonl", "--format", "xml"], "unknown format 'xml'"),
    (["missing.jsonl"], "no such file or folder"),
])
def test_eval_errors_are_one_line(args, problem):
    done = run(str(EVAL / "records" / args[0]), *args[1:], "--gold", str(EVAL / "gold"))
    assert done.exit_code == 1
    assert problem in done.stderr and "Traceback" not in done.stderr


# The extractor's fixtures: their gold must be sound, or the extractor is measured against mistakes.

ARTICLES = FIXTURES / "articles"
FIXTURE_GOLD = load_gold(FIXTURES / "gold")
TEXTS = {a.id: a.text for path in sorted(ARTICLES.iterdir()) for a in read_articles(path)}


def test_every_fixture_article_has_gold_and_every_gold_an_article():
    ids = [i for path in sorted(ARTICLES.iterdir()) for i in article_ids(path)]
    assert sorted(ids) == sorted(TEXTS)
    assert sorted(g["article"] for g in FIXTURE_GOLD) == sorted(ids)


@pytest.mark.parametrize("gold", FIXTURE_GOLD, ids=lambda g: g["article"])
def test_fixture_evidence_and_entities_are_in_the_cleaned_text(gold):
    text = TEXTS[gold["article"]]
    for relation in gold["relations"] + gold["secondary_relations"]:
        assert relation["evidence"] in text, relation["evidence"]
    for entity in gold["entities"]:
        assert any(form in text for form in (entity["name"], *entity["aliases"])), entity["name"]
        properties = {k: entity[k] for k in ("kind", "members") if k in entity}
        schema.check_entity(entity["type"], properties)
    outsiders = {r[end] for r in gold["must_not_extract"] for end in ("source", "target")}
    outsiders -= {e["name"] for e in gold["entities"]}
    assert not [name for name in outsiders if name in text]        # named only in furniture, now blanked


def test_fixture_names_are_unambiguous_across_articles():
    """kgscore maps aliases over all gold files at once: one surface form, one entity."""
    owners: dict[str, set[str]] = {}
    for gold in FIXTURE_GOLD:
        for entity in gold["entities"]:
            for form in (entity["name"], *entity["aliases"]):
                owners.setdefault(normalize(form), set()).add(entity["name"])
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_fixtures_cover_every_relation_type_and_trap():
    types = Counter(r["type"] for g in FIXTURE_GOLD for r in g["relations"] + g["secondary_relations"])
    assert set(types) >= {"ENDORSED", "LEADS", "ADVISES", "FOUNDED", "MEMBER_OF"}
    leads = [r for g in FIXTURE_GOLD for r in g["relations"] if r["type"] == "LEADS"]
    assert {r["current"] for r in leads} == {True, False}
    assert any(r.get("status") == "withdrawn" for g in FIXTURE_GOLD for r in g["relations"])
    assert sum(len(g["must_not_extract"]) for g in FIXTURE_GOLD) >= 30
