"""Generated malformed inputs and graph files: every one is a one-line error, exit 1, and an untouched graph.

Cases are made from a seeded generator: random valid records (CSV, JSON, JSON Lines) with one
known defect put in a random place, broken bytes of any kind, a few article files, and graph
files damaged in one way each. Each input goes to ``build`` (after a good file, whose changes must
not land); each graph file to ``stats`` and ``build``.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app

SEED = 20151118
RECORD_CASES = {".csv": 110, ".json": 80, ".jsonl": 80}
GRAPH_CASES = 100
WORDS = ("Harbor", "Granite", "Prairie", "Summit", "Cedar", "Lakeside", "Northern", "Civic", "Transit", "Teachers")
FIRST = ("Ann", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo")
LAST = ("Rudd", "Lee", "Ames", "Voss", "Park", "Ng", "Ortiz", "Quill", "Shaw", "Tran")
CONTROL = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B]   # \t \n \r: placed below
KINDS = ("union", "advocacy group", "party", "PAC")
COLUMNS = ("name", "type", "kind", "members", "aliases", "relation", "source", "target", "role", "current",
           "date", "status", "confidence", "evidence", "colour")        # colour: a column no one knows
GOOD = "name,type\nGood Row Person,Person\n"
runner = CliRunner()
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Case:
    id: str
    suffix: str
    payload: bytes
    expected: str                      # a part of the error line


def valid_rows(rng: random.Random) -> Rows:
    """Entities and relations that load: unique names, relations between them or to new candidates."""
    tag = rng.randrange(10**6)
    orgs = [f"{rng.choice(WORDS)} {rng.choice(WORDS)} Union {tag}-{i}" for i in range(rng.randint(1, 3))]
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {tag}-{i}" for i in range(rng.randint(1, 3))]
    rows: Rows = [{"name": o, "type": "Organization", "kind": rng.choice(KINDS), "members": rng.randint(1, 10**6)}
                  for o in orgs]
    rows += [{"name": p, "type": "Person"} for p in people]
    for i in range(rng.randint(1, 4)):
        rows.append({"relation": "ENDORSED", "source": rng.choice(orgs + people), "target": f"Cand {tag}-{i}",
                     "date": f"2015-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
                     "evidence": f'They said, "yes, {rng.choice(WORDS)}" — {i}'})
    rows.append({"relation": "LEADS", "source": rng.choice(people), "target": rng.choice(orgs),
                 "role": "president", "current": rng.choice(["true", "false"]), "confidence": "0.8"})
    rng.shuffle(rows)
    return rows


def _pick(rng: random.Random, rows: Rows, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    return rng.choice([row for row in rows if wanted(row)])


def _is_entity(row: dict[str, Any]) -> bool:
    return "name" in row


def _relation(kind: str) -> Callable[[dict[str, Any]], bool]:
    return lambda row: row.get("relation") == kind


def _with_control(rng: random.Random, text: str) -> str:
    at = rng.randrange(1, len(text))
    return text[:at] + chr(rng.choice([*CONTROL, 0x09, 0x0A, 0x0D])) + text[at:]


def _control_in_name(rng: random.Random, rows: Rows) -> str:
    row = _pick(rng, rows, _is_entity)
    row["name"] = _with_control(rng, row["name"])
    return "control character"


def _control_in_alias(rng: random.Random, rows: Rows) -> str:
    _pick(rng, rows, _is_entity)["aliases"] = _with_control(rng, "Alias Name")
    return "control character"


def _control_in_new_target(rng: random.Random, rows: Rows) -> str:
    row = _pick(rng, rows, _relation("ENDORSED"))
    row["target"] = _with_control(rng, row["target"])
    return "control character"


def _set(wanted: Callable[[dict[str, Any]], bool], key: str, values: tuple[Any, ...], expected: str):
    def defect(rng: random.Random, rows: Rows) -> str:
        _pick(rng, rows, wanted)[key] = rng.choice(values)
        return expected
    return defect


def _both_person_and_organization(rng: random.Random, rows: Rows) -> str:
    org = _pick(rng, rows, lambda row: row.get("type") == "Organization")
    rows.insert(rng.randrange(len(rows) + 1), {"name": org["name"], "type": "Person"})
    return "cannot be both"


def _unknown_endorser(rng: random.Random, rows: Rows) -> str:
    _pick(rng, rows, _relation("ENDORSED"))["source"] = f"Nobody Known {rng.randrange(1000)}"
    return "unknown entity 'Nobody Known"


def _leads_from_an_organization(rng: random.Random, rows: Rows) -> str:
    org = _pick(rng, rows, lambda row: row.get("type") == "Organization")
    _pick(rng, rows, _relation("LEADS"))["source"] = org["name"]
    return "LEADS cannot start at a Organization"


ROW_DEFECTS: tuple[Callable[[random.Random, Rows], str], ...] = (
    _control_in_name, _control_in_alias, _control_in_new_target, _both_person_and_organization,
    _unknown_endorser, _leads_from_an_organization,
    _set(_is_entity, "type", ("Robot", "person", "Org", "Candidate!"), "unknown entity type"),
    _set(lambda row: row.get("type") == "Organization", "kind", ("bakery", "Union", "club"), "must be one of"),
    _set(lambda row: row.get("type") == "Organization", "members", ("many", "1.5", "ten"),
         "must be a whole number"),
    _set(_is_entity, "name", ("", "   "), "needs a name"),
    _set(lambda row: "relation" in row, "relation", ("LIKES", "HATES", "ENDORSE"), "unknown relation"),
    _set(lambda row: "relation" in row, "target", ("", " "), "needs a target"),
    _set(_relation("LEADS"), "current", ("sometimes", "maybe", "2"), "must be true or false"),
    _set(_relation("ENDORSED"), "date", ("2015-13-45", "Thursday", "15/02/2015"), "ISO date"),
    _set(_relation("ENDORSED"), "status", ("pending", "ENDORSED!"), "must be one of"),
    _set(lambda row: "relation" in row, "confidence", ("high", "1,0", "inf", "nan"), "confidence must be a number"),
    _set(lambda row: True, "colour", ("red",), "unknown"),
)


def csv_text(rows: Rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c in COLUMNS if any(c in row for row in rows)],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _open_quote(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    at = rng.randrange(1, len(lines) - 1)
    lines[at] = '"' + lines[at]
    return "\n".join(lines), "bad CSV"


def _quote_then_text(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    at = rng.randrange(1, len(lines) - 1)
    lines[at] = '"x"y,' + lines[at]
    return "\n".join(lines), "bad CSV"


def _extra_cell(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    at = rng.randrange(1, len(lines) - 1)
    lines[at] += ",extra"
    return "\n".join(lines), "more cells than columns"


def _truncated_json(rng: random.Random, text: str) -> tuple[str, str]:
    return text[:rng.randrange(2, len(text) - 2)], "invalid JSON"


def _deep_value(rng: random.Random, text: str) -> tuple[str, str]:
    depth = rng.randint(5_000, 100_000)
    return text.replace('"type": "Person"', '"type": ' + "[" * depth + "]" * depth, 1), "nested too deeply"


def _json_after_the_array(rng: random.Random, text: str) -> tuple[str, str]:
    return text + rng.choice(['{"name": "X"}', "]", "garbage"]), "more after the closing ']'"


def _not_an_object(rng: random.Random, text: str) -> tuple[str, str]:
    return "[\n" + rng.choice(["42", '"x"', "null", "[1]"]) + ",\n" + text.removeprefix("[\n"), "expected an object"


def _nan_confidence(rng: random.Random, text: str) -> tuple[str, str]:
    return text.replace('"confidence": "0.8"', '"confidence": ' + rng.choice(["NaN", "Infinity", "[1]"]), 1), \
        "confidence must be a number"


def _bad_jsonl_line(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    line, expected = rng.choice([("{", "invalid JSON"), ('{"name": "A",}', "invalid JSON"), ("nul", "invalid JSON"),
                                 ("{}}", "invalid JSON"), ("[1, 2]", "expected an object"),
                                 ('"x"', "expected an object")])
    lines.insert(rng.randrange(len(lines)), line)
    return "\n".join(lines), expected


def _deep_jsonl_line(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    depth = rng.randint(5_000, 100_000)
    lines.insert(rng.randrange(1, len(lines)), '{"name": ' + "[" * depth + "]" * depth + "}")
    return "\n".join(lines), "nested too deeply"


TEXT_DEFECTS: dict[str, tuple[Callable[[random.Random, str], tuple[str, str]], ...]] = {
    ".csv": (_open_quote, _quote_then_text, _extra_cell),
    ".json": (_truncated_json, _deep_value, _json_after_the_array, _not_an_object, _nan_confidence),
    ".jsonl": (_bad_jsonl_line, _deep_jsonl_line),
}


def json_text(rows: Rows, suffix: str) -> str:
    rows = [{k: v for k, v in row.items() if v != ""} for row in rows]
    if suffix == ".jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n"


def record_case(rng: random.Random, suffix: str, number: int) -> Case:
    rows = valid_rows(rng)
    text_defects = TEXT_DEFECTS[suffix]
    if rng.random() < 0.3:
        defect = rng.choice(text_defects)
        rows = [{k: v for k, v in row.items() if k != "colour"} for row in rows]
        text, expected = defect(rng, csv_text(rows) if suffix == ".csv" else json_text(rows, suffix))
    else:
        defect = rng.choice(ROW_DEFECTS)
        expected = defect(rng, rows)
        text = csv_text(rows) if suffix == ".csv" else json_text(rows, suffix)
        if "\x00" in text and suffix == ".csv":
            expected = "binary"
    return Case(f"{suffix[1:]}-{number:03}-{defect.__name__}", suffix, text.encode("utf-8"), expected)


def byte_cases() -> list[Case]:
    text = csv_text(valid_rows(random.Random(SEED)))
    return [
        Case("bytes-empty", ".csv", b"", "file is empty"),
        Case("bytes-blank", ".jsonl", b" \n\t\n", "file is empty"),
        Case("bytes-bom-only", ".json", "".encode("utf-16"), "file is empty"),
        Case("bytes-binary", ".csv", bytes(range(256)) * 4, "binary"),
        Case("bytes-not-utf8", ".csv", text.encode("utf-8") + b"\xc3\x28,x\n", "not UTF-8"),
        Case("bytes-latin1", ".json", '[{"name": "José Ruiz"}]'.encode("latin-1"), "not UTF-8"),
        Case("bytes-utf16-no-bom", ".csv", text.encode("utf-16-le"), "looks like UTF-16-LE"),
        Case("bytes-bad-utf16", ".csv", b"\xff\xfe" + "name\n".encode("utf-16-le") + b"\x00\xd8", "not UTF-16-LE"),
        Case("bytes-oversized", ".jsonl", b'{"name": "A"}\n' * 400_000, "over the 5 MB limit"),
        Case("bytes-suffix", ".xlsx", b"PK\x03\x04", "unsupported file type"),
    ]


def article_cases() -> list[Case]:
    """A handful: each fails while reading, before the extractor (and spaCy) is needed."""
    return [
        Case("article-empty-txt", ".txt", b"   \n", "file is empty"),
        Case("article-binary-md", ".md", b"# Title\n\x00\x01\x02", "binary"),
        Case("article-utf16-txt", ".txt", "The union endorsed Ann Rudd.".encode("utf-16-be"), "UTF-16-BE"),
        Case("article-jsonl-no-text", ".jsonl", b'{"id": "a", "text": ""}\n', 'non-empty "text" or "html"'),
        Case("article-jsonl-bad-date", ".jsonl", b'{"id": "a", "text": "Hi.", "published": "May"}\n', "ISO date"),
        Case("article-jsonl-deep", ".jsonl", b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
             "nested too deeply"),
    ]


def input_cases() -> list[Case]:
    rng = random.Random(SEED)
    cases = [record_case(rng, suffix, n) for suffix, count in RECORD_CASES.items() for n in range(count)]
    return cases + byte_cases() + article_cases()


@pytest.fixture(scope="module")
def good_graph_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A graph file built from random valid records, made once."""
    folder = tmp_path_factory.mktemp("good")
    graph, records = folder / "g.json", folder / "seed.csv"
    records.write_text(csv_text(valid_rows(random.Random(SEED + 1))))
    result = runner.invoke(app, ["build", str(records), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    return graph.read_bytes()


@pytest.fixture
def good_graph(tmp_path: Path, good_graph_bytes: bytes) -> Path:
    graph = tmp_path / "g.json"
    graph.write_bytes(good_graph_bytes)
    return graph


@pytest.mark.parametrize("case", input_cases(), ids=lambda case: case.id)
def test_a_malformed_input_fails_the_build_in_one_line_and_leaves_the_graph(tmp_path: Path, good_graph: Path,
                                                                           case: Case) -> None:
    graph = good_graph
    before = graph.read_bytes()
    good, bad = tmp_path / "a_good.csv", tmp_path / f"z_bad{case.suffix}"
    good.write_text(GOOD)
    bad.write_bytes(case.payload)
    result = runner.invoke(app, ["build", str(good), str(bad), "--graph", str(graph)])
    assert result.exit_code == 1, result.output
    error, summary = result.stderr.splitlines()
    assert error.startswith(f"error: {bad}") and case.expected in error, error
    assert summary.startswith("build failed: 1 problem input(s); graph left unchanged")
    assert graph.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock")
    assert left == sorted([graph.name, good.name, bad.name])                # no temporary files


def _node(rng: random.Random, document: dict[str, Any], wanted: Callable[[dict], bool] = lambda node: True) -> dict:
    return rng.choice([node for node in document["nodes"] if wanted(node)])


def _link(rng: random.Random, document: dict[str, Any], kind: str | None = None) -> dict:
    return rng.choice([link for link in document["links"] if kind is None or link["type"] == kind])


def _organization(node: dict) -> bool:
    return node["type"] == "Organization"


GRAPH_DEFECTS: tuple[Callable[[random.Random, dict[str, Any]], None], ...] = (
    lambda rng, d: _node(rng, d).pop(rng.choice(["id", "name", "type"])),
    lambda rng, d: _node(rng, d).update(name=rng.choice(["", " ", 7, None, ["A"]])),
    lambda rng, d: _node(rng, d).update(name=_with_control(rng, "Some Name")),
    lambda rng, d: _node(rng, d).update(type=rng.choice(["Robot", "person", 3])),
    lambda rng, d: _node(rng, d).update(id=rng.choice([5, "", None])),
    lambda rng, d: _node(rng, d).update(**{rng.choice(["colour", "zz:1}) DETACH DELETE m //", "_id"]): 1}),
    lambda rng, d: _node(rng, d, _organization).update(members=rng.choice(["many", -0.5, True, "12"])),
    lambda rng, d: _node(rng, d, _organization).update(kind=rng.choice(["bakery", 3])),
    lambda rng, d: _node(rng, d).update(mentions=rng.choice([[], "x", {"a": []}, {"a": {"A": "two"}}])),
    lambda rng, d: _node(rng, d).update(mentions={"a.csv": {_with_control(rng, "Alias"): 1}}),
    lambda rng, d: d["nodes"].append(copy.deepcopy(_node(rng, d))),
    lambda rng, d: _link(rng, d).update(**{rng.choice(["source", "target"]): rng.choice(["nobody", 4, None])}),
    lambda rng, d: _link(rng, d).update(type=rng.choice(["HATES", "endorsed", 1]), key="HATES"),
    lambda rng, d: _link(rng, d).update(key=rng.choice(["leads", None, 0])),
    lambda rng, d: _link(rng, d).update(claims=rng.choice([[], None, "x", [1], [{}]])),
    lambda rng, d: _link(rng, d).pop("claims"),
    lambda rng, d: _link(rng, d)["claims"][0].pop(rng.choice(["article", "source", "rule"])),
    lambda rng, d: _link(rng, d)["claims"][0].update(**{rng.choice(["start", "line", "confidence"]): "x"}),
    lambda rng, d: _link(rng, d)["claims"][0].update(extra=1),
    lambda rng, d: _link(rng, d, "LEADS")["claims"][0].update(properties={"current": "maybe"}),
    lambda rng, d: _link(rng, d, "LEADS").update(current="sometimes"),
    lambda rng, d: _link(rng, d).update(colour="red"),
    lambda rng, d: _link(rng, d, "LEADS").update(source=_node(rng, d, _organization)["id"]),
    lambda rng, d: d["links"].append(copy.deepcopy(_link(rng, d))),
    lambda rng, d: d.update(nodes=rng.choice([{}, "x", None])),
    lambda rng, d: d.update(links=rng.choice([{}, "x", None])),
    lambda rng, d: d.pop("links"),
    lambda rng, d: d.update(graph=rng.choice([[], "x"])),
    lambda rng, d: d.update(schema_version=rng.choice([None, "1", 99])),
)


def graph_cases() -> list[tuple[str, Callable[[random.Random, dict[str, Any]], None] | str, int]]:
    rng = random.Random(SEED + 2)
    cases: list[tuple[str, Any, int]] = [
        (f"graph-{n:03}-defect{index}", GRAPH_DEFECTS[index], rng.randrange(10**6))
        for n, index in enumerate(rng.randrange(len(GRAPH_DEFECTS)) for _ in range(GRAPH_CASES))]
    whole_file = ("truncated", "deep", "array", "not-utf8")
    return cases + [(f"graph-{how}", how, seed) for seed, how in enumerate(whole_file)]


def damage(graph: Path, how: Callable[[random.Random, dict[str, Any]], None] | str, seed: int) -> None:
    rng, text = random.Random(seed), graph.read_text()
    if how == "truncated":
        graph.write_text(text[:rng.randrange(1, len(text) - 3)])
    elif how == "deep":
        graph.write_text('{"schema_version": 1, "nodes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif how == "array":
        graph.write_text("[" + text + "]")
    elif how == "not-utf8":
        graph.write_bytes(text.encode()[:100] + b"\xff" + text.encode()[100:])
    else:
        document = json.loads(text)
        how(rng, document)
        graph.write_text(json.dumps(document))


@pytest.mark.parametrize("name, how, seed", graph_cases(), ids=[case[0] for case in graph_cases()])
def test_a_damaged_graph_file_is_one_line_in_stats_and_build(tmp_path: Path, good_graph: Path, name: str, how,
                                                             seed: int) -> None:
    graph = good_graph
    damage(graph, how, seed)
    before = graph.read_bytes()
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    for command in (["stats"], ["build", str(good)]):
        result = runner.invoke(app, [*command, "--graph", str(graph)])
        assert result.exit_code == 1, (command, result.output)
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1, (command, result.output)
        assert result.stderr.startswith(f"error: {graph}: "), (command, result.stderr)
        assert graph.read_bytes() == before
