"""`endorsegraph viz` without a browser: choosing the view, styling, safety, offline page, CLI."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.cli import app
from endorsegraph.graph import kg, schema
from endorsegraph.graph.drawing import viz, viz_info
from endorsegraph.graph.drawing import view as viz_view
from endorsegraph.graph.drawing.view import latest_date, parse_types, select
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.lookup import EntityNotFound
from endorsegraph.graph.model import Claim, Entity, Relation
from endorsegraph.loaders.build import load_graph
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "examples" / "records"
PROBES = REPO / "tests" / "fixtures" / "viz"
XSS = "<img src=x onerror=alert(1)>"
BUILT = dt.datetime(2016, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def records() -> nx.MultiDiGraph:
    return load_graph([RECORDS])


@pytest.fixture(scope="module")
def probed() -> nx.MultiDiGraph:
    return load_graph([RECORDS, PROBES])


def page(graph: nx.MultiDiGraph, **options) -> str:
    view = select(graph, **options)
    return viz.render(view, title=viz.default_title(view), built=BUILT, source_name="test.json")


def page_data(html: str) -> tuple[list[dict], list[dict]]:
    """The node and edge items the page hands to vis-network, parsed back from its script."""
    found = {name: json.loads(re.search(rf"var {name} = (.*);\n", html).group(1))
             for name in ("nodeItems", "edgeItems")}
    return found["nodeItems"], found["edgeItems"]


def ids(view) -> set[str]:
    return set(view.graph)


# Choosing what to draw


def test_without_options_every_related_entity_is_drawn(records):
    view = select(records)
    loners = {node for node in records if records.degree(node) == 0}
    assert loners and ids(view) == set(records) - loners
    assert view.graph.number_of_edges() == records.number_of_edges()
    assert view.notes == [f"{len(loners)} {'entity' if len(loners) == 1 else 'entities'} without relations not drawn"]


def test_focus_on_an_entity_without_relations_draws_it_alone(records):
    assert ids(select(records, focus="Working Families Party")) == {"working-families-party"}


def test_only_unrelated_entities_is_nothing_to_draw():
    graph = kg.new_graph()
    kg.add_entity(graph, Entity("Ann Lee", "Person"))
    with pytest.raises(EndorsegraphError, match="nothing to draw: no relations$"):
        select(graph)


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_focus_keeps_the_neighbourhood_in_either_direction(records, depth):
    view = select(records, focus="Sanders", depth=depth)    # an alias
    sanders = "bernie-sanders"
    expected = set(nx.ego_graph(records, sanders, radius=depth, undirected=True))
    assert view.focus == sanders
    assert ids(view) == expected
    assert view.graph.number_of_edges() == records.subgraph(expected).number_of_edges()


def test_focus_shows_endorsers_leaders_and_advisors(records):
    shown = {records.nodes[n]["name"] for n in select(records, focus="Bernie Sanders", depth=2).graph}
    assert {"Communications Workers of America", "Democracy for America", "Larry Cohen",
            "Chris Shelton"} <= shown
    assert "Hillary Clinton" not in shown


def test_focus_near_miss_suggests_names(records):
    with pytest.raises(EntityNotFound, match="did you mean 'Bernie Sanders'"):
        select(records, focus="Bernie Sandrs")


def test_types_keep_only_those_relations_and_their_entities(records):
    view = select(records, types=parse_types("endorsed, LEADS"))
    kinds = [kind for _, _, kind in view.graph.edges(data="type")]
    expected = [kind for _, _, kind in records.edges(data="type") if kind in {"ENDORSED", "LEADS"}]
    assert sorted(kinds) == sorted(expected) and set(kinds) == {"ENDORSED", "LEADS"}
    assert all(view.graph.degree(node) > 0 for node in view.graph)


def test_unknown_type_names_the_known_ones():
    with pytest.raises(EndorsegraphError, match="unknown relation type ENDORSES .*known: ENDORSED"):
        parse_types("ENDORSES")


def test_since_keeps_relations_dated_on_or_after_and_counts_the_undated(records):
    view = select(records, since="2015-12-01")
    kept = [data for *_, data in view.graph.edges(data=True)]
    dated_after = [d for *_, d in records.edges(data=True) if latest_date(d) >= "2015-12-01"]
    undated = [d for *_, d in records.edges(data=True) if not latest_date(d)]
    assert kept and len(kept) == len(dated_after)
    assert all(latest_date(edge) >= "2015-12-01" for edge in kept)
    assert view.notes[-1] == f"{len(undated)} undated relation(s) left out by --since 2015-12-01"


def test_since_reads_claim_publication_dates():
    graph = kg.new_graph()
    for name, kind in (("Ann Lee", "Person"), ("Bo Diaz", "Candidate")):
        kg.add_entity(graph, Entity(name, kind))
    claim = Claim(article="a1", source="a1.txt", rule="test", published="2016-03-01")
    kg.add_relation(graph, Relation("ENDORSED", "ann-lee", "bo-diaz", claim))
    assert select(graph, since="2016-03-01").graph.number_of_edges() == 1
    with pytest.raises(EndorsegraphError, match="nothing to draw: no relations match --since 2016-03-02"):
        select(graph, since="2016-03-02")


@pytest.mark.parametrize("options, message", [
    ({"since": "2015-13-01"}, "--since must be an ISO date"),
    ({"depth": 0, "focus": "Sanders"}, "--depth must be at least 1"),
    ({"max_nodes": 0}, "--max-nodes must be at least 1"),
])
def test_bad_options_are_one_line_errors(records, options, message):
    with pytest.raises(EndorsegraphError, match=message):
        select(records, **options)


def test_empty_graph_is_an_error():
    with pytest.raises(EndorsegraphError, match="graph is empty"):
        select(kg.new_graph())


def test_max_nodes_keeps_the_most_connected_and_says_so(records):
    view = select(records, max_nodes=4)
    degrees = sorted((records.degree(n) for n in records), reverse=True)
    assert len(view.graph) == 4
    assert min(records.degree(n) for n in view.graph) >= degrees[4]
    drawable = sum(1 for node in records if records.degree(node))
    assert view.notes[-1] == (f"showing the 4 most connected of {drawable} entities; "
                              "narrow the picture with --focus NAME (and --depth, --types, --since)")


def test_max_nodes_always_keeps_the_focus(records):
    view = select(records, focus="Howard Dean", depth=3, max_nodes=1)
    assert ids(view) == {"howard-dean"}


# Styling


def test_every_schema_type_kind_and_relation_has_a_style():
    kinds = schema.schema()["entity_types"]["Organization"]["properties"]["kind"]["enum"]
    style = viz.style()
    assert set(style["entities"]) | {"Organization"} == set(schema.entity_types())
    assert set(kinds) <= set(style["organizations"])
    assert set(style["relations"]) == set(schema.relation_types())
    for kind, look in style["relations"].items():
        assert set(look.get("inactive_when", {})) <= set(schema.relation_properties(kind))


def test_organization_kinds_look_different(probed):
    nodes, _ = page_data(page(probed))
    by_name = {n["label"]: n for n in nodes}
    union, advocacy = by_name["Communications Workers of America"], by_name["Democracy for America"]
    assert (union["shape"], union["color"]) != (advocacy["shape"], advocacy["color"])
    assert by_name["Bernie Sanders"]["shape"] == viz.style()["entities"]["Candidate"]["shape"]


def test_candidates_are_sized_by_endorsements(records):
    nodes, _ = page_data(page(records))
    size = {n["id"]: n["size"] for n in nodes}
    assert viz.weight(records, "hillary-clinton") > viz.weight(records, "bernie-sanders") > 0
    assert size["hillary-clinton"] > size["bernie-sanders"] > size["howard-dean"]


def test_former_roles_and_withdrawn_endorsements_are_dashed(probed):
    _, edges = page_data(page(probed))
    dashed = {edge["id"] for edge in edges if edge["dashes"]}
    assert dashed == {"larry-cohen|LEADS|communications-workers-of-america",
                      "rosa-o-brien-friends|ENDORSED|hillary-clinton"}
    labels = {edge["id"]: edge["words"] for edge in edges}
    assert labels["larry-cohen|LEADS|communications-workers-of-america"] == "led"
    assert labels["chris-shelton|LEADS|communications-workers-of-america"] == "leads"


def test_legend_lists_what_is_drawn(records):
    legend = viz.legend(select(records, types=["LEADS"]))
    assert [entry["label"] for entry in legend["entities"]] == ["Person", "Union"]
    assert [entry["label"] for entry in legend["relations"]] == [
        "leads", viz.style()["inactive"]["legend"]]


def test_tooltips_carry_aliases_evidence_and_sources(records):
    nodes, edges = page_data(page(records))
    cwa = next(n for n in nodes if n["id"] == "communications-workers-of-america")
    assert ["line", "Also called: CWA, Communications Worker of America"] in cwa["tooltip"]
    shelton = next(e for e in edges if e["id"] == "chris-shelton|LEADS|communications-workers-of-america")
    texts = [text for _, text in shelton["tooltip"]]
    assert "Shelton became president of the union in 2015." in texts
    assert any("https://example.org/notes/cwa" in text and "line 1" in text for text in texts)


def test_tooltips_spell_properties_as_records_do(records):
    _, edges = page_data(page(records))
    cohen = next(e for e in edges if e["id"] == "larry-cohen|LEADS|communications-workers-of-america")
    assert ["line", "role president · current false"] in cohen["tooltip"]


def test_bigger_graphs_get_less_layout_work_and_straight_edges():
    small, large = viz.vis_options(20), viz.vis_options(viz.LARGE_GRAPH_NODES * 5)
    assert small["physics"]["stabilization"]["iterations"] > large["physics"]["stabilization"]["iterations"]
    assert small["edges"]["smooth"] and large["edges"]["smooth"] is False
    assert small["layout"]["randomSeed"] == large["layout"]["randomSeed"]


def test_tooltips_say_how_many_relations_a_focus_view_hides(records):
    nodes, _ = page_data(page(records, focus="Larry Cohen"))
    cwa = next(n for n in nodes if n["id"] == "communications-workers-of-america")
    hidden = records.degree("communications-workers-of-america") - 2     # Cohen's LEADS + Sanders
    assert any(text.endswith(f", {hidden} not drawn") for _, text in cwa["tooltip"])


# Safety and offline


def test_untrusted_text_reaches_the_page_only_as_escaped_data(probed):
    html = page(probed, focus=XSS)
    assert "<img" not in html
    assert "<script>alert" not in html and "</script><script>" not in html
    nodes, edges = page_data(html)
    assert XSS in {n["label"] for n in nodes}
    assert any("</script><script>alert(3)</script>" in text for e in edges for _, text in e["tooltip"])
    title = re.search(r"<title>(.*)</title>", html).group(1)
    assert title == "Endorsement graph around &lt;img src=x onerror=alert(1)&gt;"


def test_page_loads_nothing_and_runs_only_its_own_scripts(records):
    html = page(records)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    policy = policy.replace("&#39;", "'")
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "default-src 'none'" in policy and "unsafe" not in script_src
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 2 + len(viz.PAGE_SCRIPTS) and len(scripts[0]) > 100_000   # vis-network itself, inline
    assert len(re.findall(r"'sha256-", policy)) == len(scripts)
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    skeleton = re.sub(r"<(script|style)>.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"\b(src|href)\s*=|url\(|@import|<link\b", skeleton)


def test_same_graph_same_page(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for path in (first, second):
        JsonFileStore(path).save(load_graph([RECORDS, PROBES]))
    assert page(JsonFileStore(first).load()) == page(JsonFileStore(second).load())


# The command


def run(*args: str):
    return CliRunner().invoke(app, ["viz", *args])


@pytest.fixture()
def graph_file(tmp_path) -> Path:
    path = tmp_path / "g.json"
    JsonFileStore(path).save(load_graph([RECORDS]))
    os.utime(path, (BUILT.timestamp(), BUILT.timestamp()))
    return path


def test_cli_writes_the_page_with_the_graph_files_date(graph_file, tmp_path):
    output = tmp_path / "out" / "page.html"
    result = run("--graph", str(graph_file), "--output", str(output), "--focus", "Clinton")
    assert result.exit_code == 0, result.output
    around = nx.ego_graph(JsonFileStore(graph_file).load(), "hillary-clinton", undirected=True)
    assert result.stdout == (f"wrote {output}: {around.number_of_nodes()} entities, "
                             f"{around.number_of_edges()} relations\n")
    html = output.read_text()
    assert "graph built 2016-02-03 04:05 UTC" in html
    assert "<h1>Endorsement graph around Hillary Clinton</h1>" in html


def test_cli_reports_the_cap_on_the_terminal_and_the_page(graph_file, tmp_path):
    output = tmp_path / "page.html"
    result = run("--graph", str(graph_file), "--output", str(output), "--max-nodes", "3")
    assert result.exit_code == 0
    graph = JsonFileStore(graph_file).load()
    note = f"showing the 3 most connected of {sum(1 for n in graph if graph.degree(n))} entities"
    assert f"note: {note}" in result.stderr
    assert f'<span class="note">{note}' in output.read_text()


@pytest.mark.parametrize("args, message", [
    (["--focus", "Bernie Sandrs"], "error: no entity named 'Bernie Sandrs'; did you mean 'Bernie Sanders'"),
    (["--types", "ENDORSED,FOO"], "error: unknown relation type FOO"),
    (["--depth", "2"], "error: --depth needs --focus NAME"),
])
def test_cli_errors_are_one_line_and_write_nothing(graph_file, tmp_path, args, message):
    output = tmp_path / "page.html"
    result = run("--graph", str(graph_file), "--output", str(output), *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not output.exists() and list(tmp_path.iterdir()) == [graph_file]


def test_cli_will_not_overwrite_the_graph_with_the_page(graph_file):
    before = graph_file.read_bytes()
    result = run("--graph", str(graph_file), "--output", str(graph_file))
    assert result.exit_code == 1 and "that is the graph file" in result.stderr
    assert graph_file.read_bytes() == before


def test_bidi_controls_are_shown_not_obeyed_and_long_names_are_cut():
    spoof, long_name = "Sierra \u202eClub\u202c", "Union of " + "Very " * 2000 + "Long Names"
    graph = kg.new_graph()
    kg.add_entity(graph, Entity(spoof, "Organization", "a", aliases=(spoof, "Sierra \u2067Club\u2069")))
    kg.add_entity(graph, Entity(long_name, "Organization", "a"))
    kg.add_entity(graph, Entity("Paula Greer", "Candidate", "a"))
    for name in (spoof, long_name):
        kg.add_relation(graph, Relation("ENDORSED", Entity(name, "Organization").id, "paula-greer",
                                        Claim("a", "a", "test", sentence=f"{name} backs Greer.")))
    html = page(graph)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", html)
    nodes, edges = page_data(html)
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels["sierra-club"] == "Sierra [U+202E]Club[U+202C]"
    cut = labels[Entity(long_name, "Organization").id]
    assert len(cut) == viz.LABEL_CHARS and cut.endswith("…") and long_name.startswith(cut[:-1])
    tips = {n["id"]: n["tooltip"] for n in nodes}
    assert ["title", long_name] in tips[Entity(long_name, "Organization").id]
    assert ["line", "Also called: Sierra [U+2067]Club[U+2069]"] in tips["sierra-club"]
    assert any(["quote", "Sierra [U+202E]Club[U+202C] backs Greer."] == row for e in edges for row in e["tooltip"])


# The inspector panel's data


def test_relation_panel_has_every_claim_with_marked_words_title_date_and_link(records):
    _, edges = page_data(page(records))
    shelton = next(e for e in edges if e["id"] == "chris-shelton|LEADS|communications-workers-of-america")["info"]
    assert shelton["title"] == "Chris Shelton leads Communications Workers of America"
    assert shelton["properties"] == "role president · current true"
    assert shelton["support"] == "1 claim from 1 source"
    [claim] = shelton["claims"]
    assert claim["parts"] == [["Shelton", "name"], [" became ", ""], ["president", "word"],
                              [" of the union in 2015.", ""]]
    assert claim["url"] == "https://example.org/notes/cwa" and claim["title"] == "relations.jsonl"
    assert claim["where"] == "line 1 · rule record, confidence 1"
    endorsed = next(e for e in edges if e["id"] == "communications-workers-of-america|ENDORSED|bernie-sanders")
    [claim] = endorsed["info"]["claims"]
    assert claim["date"] == "2015-12-17" and claim["parts"] == [] and claim["url"] is None


def test_entity_panel_has_whole_name_aliases_and_support(records):
    nodes, _ = page_data(page(records, focus="Larry Cohen"))
    cwa = next(n for n in nodes if n["id"] == "communications-workers-of-america")["info"]
    hidden = records.degree("communications-workers-of-america") - 2
    assert cwa["name"] == "Communications Workers of America"
    assert cwa["aliases"] == ["CWA", "Communications Worker of America"]
    assert cwa["support"].startswith(f"{records.degree('communications-workers-of-america')} relations "
                                     f"({hidden} not drawn) · ")


def test_only_web_addresses_become_links(probed):
    _, edges = page_data(page(probed))
    urls = [claim["url"] for e in edges for claim in e["info"]["claims"]]
    assert "https://example.org/notes/cwa" in urls
    assert not any(url and not url.startswith(("http://", "https://")) for url in urls)
    probe = next(e for e in edges if e["id"] == f"{Entity(XSS, 'Organization').id}|ENDORSED|bernie-sanders")
    assert [claim["url"] for claim in probe["info"]["claims"]] == [None]          # its url is javascript:


@pytest.mark.parametrize("sentence, parts", [
    ("CWA backed Sanders.", [("CWA", "name"), (" ", ""), ("backed", "word"), (" ", ""), ("Sanders", "name"),
                             (".", "")]),
    ("Sandersville backs nobody", [("Sandersville ", ""), ("backs", "word"), (" nobody", "")]),
    ("", []),
])
def test_sentences_mark_names_and_relation_words(sentence, parts):
    assert viz_info.marked(sentence, ["Sanders", "CWA"], [viz.style()["relations"]["ENDORSED"]["cue"]]) == parts


def test_a_relation_is_dated_by_its_date_else_its_earliest_claim():
    claims = [{"published": "2016-03-01"}, {"properties": {"date": "2016-01-05"}}, {}]
    assert viz_info.relation_date({"claims": claims}) == "2016-01-05"
    assert viz_info.relation_date({"date": "2015-12-17", "claims": claims}) == "2015-12-17"
    assert viz_info.relation_date({"claims": [{}]}) is None


def star(leaves: int, hubs: int = 2) -> nx.MultiDiGraph:
    """``hubs`` candidates, each endorsed by ``leaves`` people who endorse no one else."""
    graph = kg.new_graph()
    for hub in range(hubs):
        kg.add_entity(graph, Entity(f"Candidate {hub}", "Candidate"))
        for leaf in range(leaves):
            person = kg.add_entity(graph, Entity(f"Voter {hub} {leaf}", "Person"))
            kg.add_relation(graph, Relation("ENDORSED", person, f"candidate-{hub}", Claim("a", "a", "test")))
    return graph


def test_large_views_gather_each_hubs_leaves_and_say_so(tmp_path):
    graph = star(leaves=viz_view.CLUSTER_ABOVE // 2 + 1)
    view = select(graph)
    assert set(view.clusters) == {"candidate-0", "candidate-1"}
    assert view.clusters["candidate-0"] == sorted(n for n in graph if n.startswith("voter-0-"))
    assert view.notes == [f"{len(graph) - 2} entities with a single relation start gathered in 2 clusters "
                          "beside the entity they relate to; click a cluster to open it"]
    [first, _] = viz.clusters(view)
    assert first["label"] == f"{len(view.clusters['candidate-0'])} more"
    assert ["line", "relations: endorsed"] in first["tooltip"]
    focused = select(star(leaves=viz_view.CLUSTER_ABOVE + 5, hubs=1), focus="Voter 0 0", depth=2)
    assert len(focused.clusters["candidate-0"]) == viz_view.CLUSTER_ABOVE + 4     # all but the focus
    assert "voter-0-0" not in focused.clusters["candidate-0"]
    assert select(star(leaves=viz_view.CLUSTER_ABOVE // 2 - 1)).clusters == {}
    path = tmp_path / "g.json"
    JsonFileStore(path).save(graph)
    result = run("--graph", str(path), "--output", str(tmp_path / "page.html"))
    assert "note: 302 entities with a single relation start gathered in 2 clusters" in result.stderr


def test_a_small_hub_keeps_its_leaves_drawn_one_by_one():
    graph = star(leaves=viz_view.CLUSTER_ABOVE)
    person = kg.add_entity(graph, Entity("Lone Voter", "Person"))
    kg.add_entity(graph, Entity("Small Candidate", "Candidate"))
    kg.add_relation(graph, Relation("ENDORSED", person, "small-candidate", Claim("a", "a", "test")))
    assert "small-candidate" not in select(graph).clusters and "lone-voter" not in select(graph).clusters


def test_cli_embed_writes_a_sandboxed_frame_holding_the_page(graph_file, tmp_path):
    output = tmp_path / "fragment.html"
    result = run("--graph", str(graph_file), "--output", str(output), "--embed")
    assert result.exit_code == 0, result.output
    fragment = output.read_text()
    assert fragment.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and fragment.endswith("</iframe>\n")
    assert 'sandbox="allow-scripts"' in fragment and "<script" not in fragment
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', fragment).group(1))
    view = select(JsonFileStore(graph_file).load())
    assert inner == viz.render(view, title=viz.default_title(view), built=BUILT, source_name=graph_file.name)
