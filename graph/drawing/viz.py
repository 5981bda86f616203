"""An interactive HTML page of a graph view, drawn with pyvis's vis-network and fit to read offline.

Styling (colour, shape, size per entity type and organization kind) lives in ``viz_style.json``;
a relation type's label, colour, width and cue words are its ``display`` in the schema. The page embeds vis-network's JavaScript and CSS and
fetches nothing. Names, aliases and sentences are untrusted: they reach the page only as JSON
data, labels are drawn on a canvas, and tooltips are DOM elements filled with ``textContent``.
Bidirectional controls in them are shown as ``[U+202E]`` rather than obeyed, and long names are
cut in the drawing (whole in the tooltip).
"""
from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import html
import json
import math
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from pyvis.network import Network

from .. import kg, schema
from ..embedded import write_atomic
from . import viz_info
from .view import View

VIS_ASSETS = ("lib", "vis-9.1.2")
PAGE_SCRIPTS = ("clusters.js", "inspector.js", "search.js", "filters.js")   # after viz.js, which draws the network
CLAIMS_PER_TOOLTIP = 2          # the inspector panel, opened by a click, has every claim
LARGE_GRAPH_NODES = 300          # above this, straight edges and a shorter layout keep the page quick
LARGE_GRAPH_LABEL_PX = 8        # ... and labels smaller than this on screen wait for a zoom
LAYOUT_WORK = 100_000            # layout iterations times entities: bigger graphs get fewer iterations
LAYOUT_ITERATIONS = (100, 1000)  # ... within these bounds
EMBED_HEIGHT_PX = 640           # how tall an embedded drawing (viz --embed) is
LABEL_CHARS = 40                 # a longer name is cut in the drawing; the tooltip and the panel have it whole
LABEL_LINE_EMS = 11              # a label wraps onto lines about this many font sizes wide
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@cache
def style() -> dict[str, Any]:
    """The parsed ``viz_style.json``, with ``relations``: each relation type's :func:`schema.display`."""
    drawn = json.loads(resources.files(__package__).joinpath("viz_style.json").read_text("utf-8"))
    return {**drawn, "relations": {kind: schema.display(kind) for kind in schema.relation_types()}}


def node_style(data: dict[str, Any]) -> dict[str, Any]:
    """Style of a node: its entity type's, or for an organization its kind's over the default."""
    if data["type"] == "Organization":
        kinds = style()["organizations"]
        return {**kinds["default"], **kinds.get(data.get("kind", ""), {})}
    return style()["entities"][data["type"]]


def is_inactive(edge: dict[str, Any]) -> bool:
    """A former role (LEADS current false) or a withdrawn endorsement, as the schema defines them."""
    when = style()["relations"][edge["type"]].get("inactive_when", {})
    return bool(when) and all(edge.get(key) == value for key, value in when.items())


def weight(graph: nx.MultiDiGraph, node_id: str) -> int:
    """What sizes a node: standing support (endorsements) received by a candidate, relations of anyone else."""
    if graph.nodes[node_id]["type"] == "Candidate":
        support = schema.relations_tagged("support")
        return sum(1 for _, _, edge in graph.in_edges(node_id, data=True)
                   if edge["type"] in support and not is_inactive(edge))
    return graph.degree(node_id)


def visible(text: str) -> str:
    """``text`` with bidirectional controls (right-to-left override...) written out, not obeyed."""
    return BIDI_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)


def label(name: str) -> str:
    """A node's label: its name made :func:`visible`, cut to ``LABEL_CHARS``."""
    text = visible(name)
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def node_tooltip(view: View, node_id: str) -> list[list[str]]:
    """Tooltip rows ``[kind, text]`` for a node: name, type, aliases, counts, hidden relations."""
    data, whole = view.graph.nodes[node_id], view.whole
    facts = [node_style(data)["label"]]
    if "office" in data:
        facts.append(f"running for {data['office']}")
    if "members" in data:
        facts.append(f"{data['members']:,} members")
    rows = [["title", data["name"]], ["line", " · ".join(facts)]]
    aliases = kg.aliases(whole, node_id)
    if aliases:
        rows.append(["line", "Also called: " + ", ".join(aliases)])
    if data["type"] == "Candidate":
        rows.append(["line", viz_info.count(weight(whole, node_id), "endorsement")])
    hidden = whole.degree(node_id) - view.graph.degree(node_id)
    rows.append(["meta", viz_info.count(whole.degree(node_id), "relation")
                 + (f", {hidden} not drawn" if hidden else "")])
    return _visible_rows(rows)


def edge_tooltip(view: View, source: str, target: str, edge: dict[str, Any]) -> list[list[str]]:
    """Tooltip rows for a relation: who, what, its properties, and each claim's evidence."""
    names = view.graph.nodes
    rows = [["title", f"{names[source]['name']} {edge_label(edge)} {names[target]['name']}"]]
    properties = [f"{key} {viz_info.value_text(edge[key])}"
                  for key in schema.relation_properties(edge["type"]) if key in edge]
    if properties:
        rows.append(["line", " · ".join(properties)])
    for claim in edge["claims"][:CLAIMS_PER_TOOLTIP]:
        if claim.get("sentence"):
            rows.append(["quote", claim["sentence"]])
        rows.append(["source", _where(claim)])
    more = len(edge["claims"]) - CLAIMS_PER_TOOLTIP
    if more > 0:
        rows.append(["meta", f"{viz_info.count(more, 'more claim')}: click the relation"])
    return _visible_rows(rows)


def edge_label(edge: dict[str, Any]) -> str:
    """The words an edge is labelled with: the relation's, or its inactive form's (``led``, ``withdrew``)."""
    relation = style()["relations"][edge["type"]]
    if is_inactive(edge):
        return relation.get("inactive_label", relation["label"])
    return relation["label"]


def network(view: View) -> Network:
    """The view as a pyvis Network: styled nodes and edges carrying tooltip rows and panel data.

    Edges carry their label as ``words``: the page shows it only on hover or selection.
    """
    graph, sizing, borders = view.graph, style()["sizing"], style()["borders"]
    net = Network(directed=True)
    for node_id in sorted(graph):
        data, look = graph.nodes[node_id], node_style(graph.nodes[node_id])
        extra = min(sizing["max_extra"], sizing["per_sqrt_weight"] * math.sqrt(weight(view.whole, node_id)))
        net.add_node(node_id, label=label(data["name"]), shape=look["shape"], size=round(look["size"] + extra, 1),
                     color={"background": look["color"], "border": look["border"],
                            "highlight": {"background": look["color"], "border": borders["highlight"]},
                            "hover": {"background": look["color"], "border": borders["highlight"]}},
                     font={"size": look["font_size"], "bold": look.get("bold", False)},
                     widthConstraint={"maximum": LABEL_LINE_EMS * look["font_size"]},
                     borderWidth=borders["focus_width"] if node_id == view.focus else borders["width"],
                     tooltip=node_tooltip(view, node_id), kind=look["label"],
                     info=viz_info.entity_info(graph, view.whole, node_id, kind=look["label"], visible=visible))
    for relation in kg.relations(graph):
        source, target, kind = relation["source"], relation["target"], relation["type"]
        look, inactive = style()["relations"][kind], is_inactive(relation)
        net.add_edge(source, target, id=f"{source}|{kind}|{target}", relation=kind,
                     words=edge_label(relation), day=viz_info.relation_date(relation),
                     color={"color": look["color"], "highlight": look["color"], "hover": look["color"]},
                     width=look["width"], dashes=style()["inactive"]["dashes"] if inactive else False,
                     tooltip=edge_tooltip(view, source, target, relation),
                     info=viz_info.relation_info(graph, source, target, relation, verb=edge_label(relation),
                                                 cue=look.get("cue", ""), visible=visible))
    net.options = vis_options(graph.number_of_nodes())
    return net


def vis_options(entities: int) -> dict[str, Any]:
    """vis-network options from the style file, with the layout work fit to the graph's size.

    The layout is seeded, so the same graph lays out the same way every time; it stabilizes and
    the page then stops the physics.
    """
    large = entities > LARGE_GRAPH_NODES
    fewest, most = LAYOUT_ITERATIONS
    options = copy.deepcopy(style()["vis_options"])
    options["layout"]["improvedLayout"] = not large
    options["physics"]["stabilization"]["iterations"] = max(fewest, min(most, LAYOUT_WORK // entities))
    options["interaction"]["hideEdgesOnDrag"] = large
    if large:
        options["edges"]["smooth"] = False
        options["nodes"]["scaling"] = {"label": {"drawThreshold": LARGE_GRAPH_LABEL_PX}}
    return options


def clusters(view: View) -> list[dict[str, Any]]:
    """The clusters the page starts with: per hub, its leaves, a label and tooltip rows saying what they hold."""
    gathered = []
    for hub, members in view.clusters.items():
        kinds = sorted({edge_label(edge) for member in members for ends in ((hub, member), (member, hub))
                        for edge in (view.graph.get_edge_data(*ends) or {}).values()})
        hub_name = view.graph.nodes[hub]["name"]
        gathered.append({"hub": hub, "members": members, "label": f"{len(members)} more",
                         "tooltip": _visible_rows([["title", f"{len(members)} entities related only to {hub_name}"],
                                                   ["line", "relations: " + ", ".join(kinds)],
                                                   ["meta", "click to open the cluster"]])})
    return gathered


def legend(view: View) -> dict[str, list[dict[str, Any]]]:
    """The legend entries for what the view shows, in style-file order."""
    shown = [node_style(data) for _, data in view.graph.nodes(data=True)]
    entities = [s for s in _all_node_styles() if s in shown]
    relations = style()["relations"]
    edges = [edge for _, _, edge in view.graph.edges(data=True)]
    shown_types = {edge["type"] for edge in edges}
    rows = [{"label": look["label"], "color": look["color"], "dashed": False, "type": kind}
            for kind, look in relations.items() if kind in shown_types]
    if any(is_inactive(edge) for edge in edges):
        inactive = style()["inactive"]
        rows.append({"label": inactive["legend"], "color": inactive["legend_color"], "dashed": True, "type": None})
    return {"entities": entities, "relations": rows}


def render(view: View, *, title: str, built: dt.datetime | None, source_name: str) -> str:
    """The whole page as one self-contained HTML document.

    Its Content-Security-Policy lets nothing load and runs only the page's own scripts (by
    hash), so even markup that slipped into the data could neither fetch nor execute.
    """
    net, gathered = network(view), clusters(view)
    templates = jinja2.Environment(loader=jinja2.PackageLoader(__package__, "templates"),
                                   autoescape=True, keep_trailing_newline=True)
    scripts = [_asset("vis-network.min.js"),
               templates.get_template("viz.js").render(nodes=net.nodes, edges=net.edges, options=net.options),
               *(templates.get_template(name).render(clusters=gathered) for name in PAGE_SCRIPTS)]
    return templates.get_template("viz.html").render(
        title=title, source_name=source_name, notes=view.notes,
        built=built.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if built else None,
        entity_count=len(net.nodes), relation_count=len(net.edges), legend=legend(view),
        dates=sorted({edge["day"] for edge in net.edges if edge["day"]}),
        vis_css=_asset("vis-network.css"), scripts=scripts,
        script_hashes=" ".join(f"'sha256-{_sha256(script)}'" for script in scripts))


def write(view: View, output: Path, *, title: str, built: dt.datetime | None, source_name: str,
          embed: bool = False) -> None:
    """Render the page and write it to ``output`` atomically; with ``embed``, as a :func:`fragment`."""
    page = render(view, title=title, built=built, source_name=source_name)
    write_atomic(output, (fragment(page) if embed else page).encode("utf-8"))


def fragment(page: str, height_px: int = EMBED_HEIGHT_PX) -> str:
    """``page`` as an HTML fragment for an article page or a notebook cell: a sandboxed frame (its
    scripts run but cannot reach the host page) holding the whole page, escaped, as ``srcdoc``."""
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width: 100%; height: {height_px}px; '
            f'border: 0" sandbox="allow-scripts" title="Endorsement graph"></iframe>\n')


def default_title(view: View) -> str:
    """``Endorsement graph``, or ``Endorsement graph around NAME`` for a focus view."""
    if view.focus is None:
        return "Endorsement graph"
    return f"Endorsement graph around {label(view.graph.nodes[view.focus]['name'])}"


def _all_node_styles() -> list[dict[str, Any]]:
    """Every node style in style-file order (organization kinds merged over the default)."""
    kinds = style()["organizations"]
    return [*style()["entities"].values(), *({**kinds["default"], **kind} for kind in kinds.values())]


def _visible_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[kind, visible(text)] for kind, text in rows]


def _where(claim: dict[str, Any]) -> str:
    """Where a claim comes from, in one line: title or article, source, position, date, rule."""
    parts = [claim.get("title") or claim["article"]]
    if claim.get("source") and claim["source"] != claim["article"]:
        parts.append(claim["source"])
    if claim.get("line") is not None:
        parts.append(f"line {claim['line']}")
    if claim.get("start") is not None:
        parts.append(f"chars {claim['start']}–{claim['end']}")
    if claim.get("published"):
        parts.append(f"published {claim['published']}")
    parts.append(f"rule {claim['rule']}, confidence {claim.get('confidence', 1.0):g}")
    return " · ".join(parts)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def _asset(name: str) -> str:
    """A vis-network file shipped inside the pyvis package."""
    return resources.files("pyvis").joinpath(*VIS_ASSETS, name).read_text("utf-8")
