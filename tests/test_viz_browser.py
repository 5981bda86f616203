"""`endorsegraph viz` pages in headless Chromium: offline, complete, quiet, and safe.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs both); skipped without them.
Every http(s)/ws(s) request is blocked and every request the page makes is recorded.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
import struct
import urllib.parse
from xml.etree import ElementTree
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from endorsegraph.graph import kg
from endorsegraph.graph.drawing import viz, viz_info
from endorsegraph.graph.model import Claim, Entity, Relation
from endorsegraph.graph.drawing.view import select
from endorsegraph.loaders.build import load_into

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="headless browser tests need Debian's chromium and chromium-driver")
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
XSS = "<img src=x onerror=alert(1)>"
SVG = "{http://www.w3.org/2000/svg}"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900")
NETWORK = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]
LOCAL_SCHEMES = ("file:", "data:")
# Installed before any page script runs: records alert() calls instead of opening a dialog.
ALERT_TRAP = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"


@dataclass
class Visit:
    requests: list[str]          # every URL the page asked for
    console: list[dict]          # console messages and uncaught errors


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": NETWORK})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def visit(browser, path: Path) -> Visit:
    """Open a page, wait until its layout has settled, and return what it requested and logged."""
    browser.get_log("performance"), browser.get_log("browser")         # forget earlier pages
    browser.get(path.as_uri())
    WebDriverWait(browser, 120).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-layout')") == "done")
    events = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    requests = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
    return Visit(requests=requests, console=browser.get_log("browser"))


def write_page(graph: nx.MultiDiGraph, path: Path, **options) -> Path:
    view = select(graph, **options)
    viz.write(view, path, title=viz.default_title(view), source_name="test.json",
              built=dt.datetime(2016, 2, 3, tzinfo=dt.timezone.utc))
    return path


def count(browser, collection: str) -> int:
    return browser.execute_script(f"return endorsegraph.{collection}.length")


@pytest.fixture(scope="module")
def probed() -> nx.MultiDiGraph:
    graph = kg.new_graph()
    load_into(graph, [REPO / "examples" / "records", REPO / "tests" / "fixtures" / "viz"])
    return graph


@pytest.fixture(scope="module")
def demo() -> nx.MultiDiGraph:
    """The README's demo graph: the example records and articles."""
    graph = kg.new_graph()
    load_into(graph, [REPO / "examples"])
    return graph


@pytest.fixture(scope="module")
def probed_page(browser, probed, tmp_path_factory) -> Visit:
    return visit(browser, write_page(probed, tmp_path_factory.mktemp("viz") / "probed.html"))


def test_page_works_offline(browser, probed_page):
    assert probed_page.requests, "the performance log recorded nothing"
    assert [url for url in probed_page.requests if not url.startswith(LOCAL_SCHEMES)] == []


def test_page_holds_every_node_and_edge(browser, probed, probed_page):
    assert count(browser, "nodes") == sum(1 for node in probed if probed.degree(node))
    assert count(browser, "edges") == probed.number_of_edges()


def test_page_logs_no_errors(browser, probed_page):
    assert [entry for entry in probed_page.console if entry["level"] == "SEVERE"] == []


def test_xss_probe_shows_as_text_and_runs_nothing(browser, probed_page):
    browser.save_screenshot(str(ARTIFACTS / "viz.png"))
    probe = browser.execute_script(
        "var label = arguments[0];"
        "return endorsegraph.nodes.getIds({filter: function (n) { return n.label === label; }});", XSS)
    assert len(probe) == 1
    tooltip = hover(browser, probe[0])
    assert tooltip["text"].startswith(XSS + "Advocacy group")
    assert tooltip["elements"] == 0
    browser.save_screenshot(str(ARTIFACTS / "viz-tooltip.png"))
    svg = ElementTree.fromstring(browser.execute_script("return endorsegraph.drawing()"))
    assert XSS in [text.text for text in svg.iter(f"{SVG}text")]
    assert {element.tag.removeprefix(SVG) for element in svg.iter()} <= {"svg", "line", "circle", "rect", "text"}
    assert browser.execute_script("return window.__alerts") == []
    assert browser.execute_script("return document.querySelectorAll('img, script[src]').length") == 0


def test_clicking_an_entity_fades_all_but_its_neighbours(browser, probed, probed_page):
    pointer = point_at(browser, "bernie-sanders")
    pointer.pointer_action.click()
    pointer.perform()
    opacity = browser.execute_script(
        "var seen = {}; endorsegraph.nodes.forEach(function (n) { seen[n.id] = n.opacity; }); return seen;")
    near = set(nx.all_neighbors(probed, "bernie-sanders")) | {"bernie-sanders"}
    assert {node for node, value in opacity.items() if value == 1} == near
    faded = [value for node, value in opacity.items() if node not in near]
    assert faded and all(value < 1 for value in faded)


def test_clicking_an_entity_opens_the_inspector_with_its_claims(browser, probed, probed_page):
    click(point_at(browser, "bernie-sanders"))
    assert inspector(browser)["id"] == "bernie-sanders"
    panel = inspector(browser)
    assert panel["title"] == "Bernie Sanders"
    claims = sum(len(edge["claims"]) for *_, edge in probed.in_edges("bernie-sanders", data=True))
    assert panel["claims"] == claims
    assert "The group said </script><script>alert(3)</script> and backed Sanders." in panel["text"]
    assert panel["elements"] == 0 and browser.execute_script("return window.__alerts") == []
    browser.save_screenshot(str(ARTIFACTS / "viz-inspector-entity.png"))
    browser.find_element(By.ID, "inspector-close").click()
    assert inspector(browser) is None
    assert browser.execute_script(
        "return endorsegraph.nodes.get().every(function (n) { return n.opacity === 1; })")


@pytest.mark.parametrize("query, found", [("Hillary Clinton", "hillary-clinton"),
                                          ("cwa", "communications-workers-of-america"),
                                          ("Rosa O'Brien", "rosa-o-brien-friends")])
def test_search_finds_an_entity_by_name_or_alias_and_inspects_it(browser, probed, probed_page, query, found):
    finder = browser.find_element(By.ID, "find")
    finder.clear()
    finder.send_keys(query, Keys.ENTER)
    assert browser.execute_script("return endorsegraph.network.getSelectedNodes()") == [found]
    assert inspector(browser)["id"] == found
    bright = browser.execute_script(
        "return endorsegraph.nodes.getIds({filter: function (n) { return n.opacity === 1; }})")
    assert set(bright) == set(nx.all_neighbors(probed, found)) | {found}


def test_search_offers_every_name_and_alias_and_says_when_nothing_matches(browser, probed, probed_page):
    offered = browser.execute_script(
        "return Array.from(document.querySelectorAll('#names option')).map(function (o) { return o.value; })")
    drawn = [n for n in probed if probed.degree(n)]
    assert set(offered) == {viz.visible(text) for n in drawn
                            for text in [probed.nodes[n]["name"], *kg.aliases(probed, n)]}
    finder = browser.find_element(By.ID, "find")
    finder.clear()
    finder.send_keys("Nobody Atall", Keys.ENTER)
    assert browser.find_element(By.ID, "find-answer").text == "No entity drawn is called that"


def test_clicking_a_relation_opens_its_evidence_with_a_link_to_the_source(browser, demo, tmp_path):
    visit(browser, write_page(demo, tmp_path / "demo.html"))
    relation = "chris-shelton|LEADS|communications-workers-of-america"
    click(point_at_edge(browser, relation))
    panel = inspector(browser)
    assert (panel["kind"], panel["id"]) == ("relation", relation)
    assert panel["title"] == "Chris Shelton leads Communications Workers of America"
    assert panel["claims"] == 2 and "2 claims from 2 sources" in panel["text"]
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('#inspector mark')).map(function (m) {"
        "  return [m.className, m.textContent]; })")
    assert ["name", "Chris Shelton"] in marks and ["word", "President"] in marks and ["name", "CWA"] in marks
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('#inspector a')).map(function (a) {"
        "  return [a.href, a.target, a.rel, a.textContent]; })")
    assert links == [["https://example.org/notes/cwa", "_blank", "noopener noreferrer", "relations.jsonl"]]
    selected = browser.execute_script(
        "var s = window.getSelection(); s.selectAllChildren(document.getElementById('inspector-body'));"
        "return s.toString();")
    assert "CWA President Chris Shelton said the decision followed an online vote" in selected
    browser.save_screenshot(str(ARTIFACTS / "viz-inspector-relation.png"))


@pytest.mark.parametrize("depth, window, smallest", [(1, (1400, 900), 14), (2, (800, 700), 9)])
def test_focus_view_labels_do_not_overlap_and_fit_the_window(browser, demo, tmp_path, depth, window, smallest):
    browser.set_window_size(*window)
    try:
        visit(browser, write_page(demo, tmp_path / "focus.html", focus="Bernie Sanders", depth=depth))
        boxes = label_boxes(browser)
        assert len(boxes) == len(select(demo, focus="Bernie Sanders", depth=depth).graph)
        overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if intersect(a["box"], b["box"])]
        assert overlapping == []
        canvas = browser.execute_script("var c = document.querySelector('#network canvas');"
                                        "return [c.clientWidth, c.clientHeight];")
        assert all(0 <= box["box"][0] and box["box"][2] <= canvas[0] and 0 <= box["box"][1]
                   and box["box"][3] <= canvas[1] for box in boxes), (boxes, canvas)
        assert min(box["font"] for box in boxes) >= smallest     # label size on screen, in CSS pixels
        browser.save_screenshot(str(ARTIFACTS / f"viz-focus-depth{depth}.png"))
        browser.set_window_size(1100, 800)                       # the drawing follows the window
        WebDriverWait(browser, 10).until(lambda d: label_boxes(d) != boxes)
        canvas = browser.execute_script("var c = document.querySelector('#network canvas');"
                                        "return [c.clientWidth, c.clientHeight];")
        assert all(box["box"][2] <= canvas[0] and box["box"][3] <= canvas[1] for box in label_boxes(browser))
    finally:
        browser.set_window_size(*map(int, FLAGS[-1].split("=")[1].split(",")))


def test_edge_labels_show_on_hover_and_selection_and_faded_labels_fade(browser, demo, tmp_path):
    visit(browser, write_page(demo, tmp_path / "focus.html", focus="Bernie Sanders"))
    assert edge_labels(browser) == {}
    point_at(browser, "larry-cohen").perform()
    WebDriverWait(browser, 5).until(lambda d: edge_labels(d) != {})
    assert edge_labels(browser) == {"larry-cohen|ADVISES|bernie-sanders": "advises",
                                    "larry-cohen|LEADS|communications-workers-of-america": "led"}
    click(point_at(browser, "larry-cohen"))
    browser.execute_script("endorsegraph.network.emit('blurNode', {node: 'larry-cohen'})")   # the pointer stays
    assert set(edge_labels(browser)) == {"larry-cohen|ADVISES|bernie-sanders",
                                         "larry-cohen|LEADS|communications-workers-of-america"}
    fonts = browser.execute_script("var seen = {}; endorsegraph.nodes.forEach(function (n) {"
                                   "  seen[n.id] = n.font.color; }); return seen;")
    near = {"larry-cohen", "bernie-sanders", "communications-workers-of-america"}
    assert {fonts[node] for node in near} == {viz.style()["vis_options"]["nodes"]["font"]["color"]}
    assert {fonts[node] for node in set(fonts) - near} == {"rgba(31,35,40,0.15)"}
    browser.save_screenshot(str(ARTIFACTS / "viz-focus-selected.png"))


def test_filters_date_slider_neighbours_and_png(browser, demo, tmp_path):
    visit(browser, write_page(demo, tmp_path / "demo.html"))
    dates = sorted({viz_info.relation_date(edge) for *_, edge in demo.edges(data=True)} - {None})
    slider = browser.find_element(By.ID, "as-of")
    browser.execute_script("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", slider)
    assert browser.find_element(By.ID, "as-of-date").text.startswith(f"as of {dates[0]}")
    assert set(shown(browser, "edges")) == {f"{s}|{edge['type']}|{t}" for s, t, edge in demo.edges(data=True)
                                            if viz_info.relation_date(edge) == dates[0]}
    assert set(shown(browser, "nodes")) == {end for edge in shown(browser, "edges") for end in edge.split("|")[::2]}
    slider.send_keys(Keys.END)
    assert len(shown(browser, "edges")) == demo.number_of_edges()
    browser.find_element(By.CSS_SELECTOR, "input[data-relation='ENDORSED']").click()
    assert shown(browser, "edges") and not any("|ENDORSED|" in edge for edge in shown(browser, "edges"))
    browser.find_element(By.CSS_SELECTOR, "input[data-kind='Person']").click()
    assert not set(shown(browser, "nodes")) & {n for n in demo if demo.nodes[n]["type"] == "Person"}
    for box in ("input[data-relation='ENDORSED']", "input[data-kind='Person']"):
        browser.find_element(By.CSS_SELECTOR, box).click()
    assert len(shown(browser, "nodes")) == sum(1 for node in demo if demo.degree(node))
    browser.find_element(By.ID, "find").send_keys("Hillary Clinton", Keys.ENTER)
    browser.find_element(By.ID, "neighbours").click()
    assert set(shown(browser, "nodes")) == set(nx.all_neighbors(demo, "hillary-clinton")) | {"hillary-clinton"}
    browser.find_element(By.ID, "neighbours").click()
    assert len(shown(browser, "nodes")) == sum(1 for node in demo if demo.degree(node))
    browser.execute_script("window.__saved = []; HTMLAnchorElement.prototype.click = function () {"
                           "  window.__saved.push([this.download, this.href]); };")
    browser.find_element(By.ID, "save-png").click()
    [(name, address)] = browser.execute_script("return window.__saved")
    picture = base64.b64decode(address.removeprefix("data:image/png;base64,"))
    assert name == "Endorsement-graph.png" and picture.startswith(b"\x89PNG\r\n\x1a\n") and len(picture) > 10_000
    width, height = struct.unpack(">II", picture[16:24])
    assert width > 500 and height > 400
    browser.find_element(By.ID, "save-svg").click()
    name, address = browser.execute_script("return window.__saved")[-1]
    svg = ElementTree.fromstring(urllib.parse.unquote(address.removeprefix("data:image/svg+xml;charset=utf-8,")))
    drawn = sum(1 for node in demo if demo.degree(node))
    assert name == "Endorsement-graph.svg"
    assert len([*svg.iter(f"{SVG}circle"), *svg.iter(f"{SVG}rect")]) == len(list(svg.iter(f"{SVG}text"))) == drawn
    assert len(list(svg.iter(f"{SVG}line"))) == demo.number_of_edges()


def shown(browser, collection: str) -> list[str]:
    return browser.execute_script(
        f"return endorsegraph.{collection}.getIds({{filter: function (item) {{ return !item.hidden; }}}})")


def label_boxes(browser) -> list[dict]:
    """Every node label's box on screen (left, top, right, bottom in canvas CSS pixels) and font size,
    read from the network's positions and the label widths it measured."""
    return browser.execute_script(
        "var net = endorsegraph.network, ctx = net.canvas.getContext(), scale = net.getScale();"
        "return endorsegraph.nodes.getIds().map(function (id) {"
        "  var node = net.body.nodes[id]; node.updateBoundingBox(ctx);"
        "  var size = node.labelModule.size, bottom = node.shape.boundingBox.bottom;"
        "  var a = net.canvasToDOM({x: node.x - size.width / 2, y: bottom - size.height}),"
        "      b = net.canvasToDOM({x: node.x + size.width / 2, y: bottom});"
        "  return {id: id, box: [a.x, a.y, b.x, b.y], font: node.options.font.size * scale};"
        "});")


def intersect(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def edge_labels(browser) -> dict[str, str]:
    return browser.execute_script(
        "var shown = {}; endorsegraph.edges.forEach(function (e) { if (e.label) shown[e.id] = e.label; });"
        "return shown;")


def inspector(browser) -> dict | None:
    """What the inspector panel shows, or None when it is closed."""
    return browser.execute_script(
        "var panel = document.getElementById('inspector');"
        "if (panel.hidden) return null;"
        "return {kind: panel.getAttribute('data-kind'), id: panel.getAttribute('data-id'),"
        "        title: panel.querySelector('.panel-title').textContent, text: panel.textContent,"
        "        claims: panel.querySelectorAll('li.claim').length,"
        "        elements: panel.querySelectorAll('img, script, b').length};")


def click(pointer: ActionBuilder) -> None:
    pointer.pointer_action.click()
    pointer.perform()


def point_at(browser, node_id: str, offset: tuple[float, float] = (0, 0)) -> ActionBuilder:
    """Pointer actions that start by moving the mouse onto a node (``offset``: of the frame it is in)."""
    point = browser.execute_script(
        "var net = endorsegraph.network, id = arguments[0];"
        "var dom = net.canvasToDOM(net.getPositions([id])[id]);"
        "var box = document.querySelector('#network canvas').getBoundingClientRect();"
        "return {x: Math.round(box.left + dom.x), y: Math.round(box.top + dom.y)};", node_id)
    pointer = ActionBuilder(browser)
    pointer.pointer_action.move_to_location(round(point["x"] + offset[0]), round(point["y"] + offset[1]))
    return pointer


def point_at_edge(browser, edge_id: str) -> ActionBuilder:
    """Pointer actions that start by moving the mouse onto the middle of an edge."""
    point = browser.execute_script(
        "var net = endorsegraph.network, edge = net.body.edges[arguments[0]];"
        "var dom = net.canvasToDOM(edge.edgeType.getPoint(0.5));"
        "var box = document.querySelector('#network canvas').getBoundingClientRect();"
        "return {x: Math.round(box.left + dom.x), y: Math.round(box.top + dom.y)};", edge_id)
    pointer = ActionBuilder(browser)
    pointer.pointer_action.move_to_location(point["x"], point["y"])
    return pointer


def hover(browser, node_id: str) -> dict:
    """Move the mouse onto a node and return the tooltip's text and how many elements it nests."""
    point_at(browser, node_id).perform()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "var tip = document.querySelector('div.vis-tooltip');"
        "return tip !== null && tip.style.visibility !== 'hidden' && tip.textContent !== '';"))
    return browser.execute_script(
        "var tip = document.querySelector('div.vis-tooltip');"
        "return {text: tip.textContent, elements: tip.querySelectorAll('img, script, b').length};")


def crowd(people: int, candidates: int) -> nx.MultiDiGraph:
    """A graph too big to draw whole: ``people`` endorsers spread over ``candidates``."""
    graph = kg.new_graph()
    for index in range(candidates):
        kg.add_entity(graph, Entity(f"Candidate {index}", "Candidate"))
    for index in range(people):
        person = kg.add_entity(graph, Entity(f"Voter {index}", "Person"))
        claim = Claim(article=f"a{index}", source=f"a{index}.txt", rule="test", sentence=f"Voter {index} endorsed.")
        kg.add_relation(graph, Relation("ENDORSED", person, f"candidate-{index % candidates}", claim))
    return graph


def test_large_graph_is_capped_and_settles(browser, tmp_path):
    graph, cap = crowd(people=420, candidates=6), viz.LARGE_GRAPH_NODES + 20
    page = visit(browser, write_page(graph, tmp_path / "crowd.html", max_nodes=cap))
    assert count(browser, "nodes") == cap
    assert count(browser, "edges") == cap - 6                  # every candidate kept, one edge per voter
    note = browser.execute_script("return document.querySelector('.note').textContent")
    assert note.startswith(f"showing the {cap} most connected of {len(graph)} entities")
    assert [entry for entry in page.console if entry["level"] == "SEVERE"] == []
    positions = "return JSON.stringify(endorsegraph.network.getPositions())"
    before = browser.execute_script(positions)
    time.sleep(0.5)
    assert browser.execute_script(positions) == before, "physics still moving after the layout settled"
    browser.save_screenshot(str(ARTIFACTS / "viz-large.png"))


def test_large_graph_starts_clustered_and_opens_a_cluster_on_click(browser, tmp_path):
    graph = crowd(people=420, candidates=6)
    visit(browser, write_page(graph, tmp_path / "crowd.html"))
    notes = browser.execute_script("return Array.from(document.querySelectorAll('.note')).map(function (n) {"
                                   "  return n.textContent; })")
    assert notes == ["420 entities with a single relation start gathered in 6 clusters beside the entity they "
                     "relate to; click a cluster to open it"]
    drawn = "return endorsegraph.network.body.nodeIndices.slice().sort()"
    assert browser.execute_script(drawn) == sorted([f"candidate-{i}" for i in range(6)]
                                                   + [f"cluster:candidate-{i}" for i in range(6)])
    assert count(browser, "nodes") == len(graph)               # all in the page, gathered
    click(point_at(browser, "candidate-2"))                    # its endorsers are in a closed cluster
    assert (inspector(browser)["title"], inspector(browser)["claims"]) == ("Candidate 2", 70)
    click(point_at(browser, "cluster:candidate-0"))
    opened = browser.execute_script(drawn)
    assert len(opened) == 11 + 70 and "voter-0" in opened and "voter-6" in opened
    browser.save_screenshot(str(ARTIFACTS / "viz-large-opened.png"))
    assert browser.execute_script("return endorsegraph.network.body.nodes['cluster:candidate-1'].options.font.size"
                                  " * endorsegraph.network.getScale()") >= 12     # cluster labels readable
    finder = browser.find_element(By.ID, "find")
    finder.click()          # the pointer leaves the drawing: left over a node that the opened cluster moves
                            # under it, it selected that node instead (3 of 5 runs failed, 0 of 6 since)
    finder.send_keys("Voter 1", Keys.ENTER)                   # in candidate-1's cluster
    selected = "return endorsegraph.network.getSelectedNodes()"   # the cluster opens first: wait on a loaded machine
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(selected) == ["voter-1"])
    assert len(browser.execute_script(drawn)) == 10 + 140
    assert inspector(browser)["title"] == "Voter 1"


def test_a_drawing_shows_inline_in_a_notebook_frame(browser, probed, tmp_path):
    from endorsegraph import draw
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><p>a notebook cell</p>{draw(probed)._repr_html_()}</body></html>")
    browser.get(host.as_uri())
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        WebDriverWait(browser, 120).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-layout')") == "done")
        assert count(browser, "nodes") == sum(1 for node in probed if probed.degree(node))
        assert count(browser, "edges") == probed.number_of_edges()
    finally:
        browser.switch_to.default_content()


def test_an_embedded_fragment_works_inside_an_article_page(browser, probed, tmp_path):
    page = write_page(probed, tmp_path / "page.html").read_text()
    host = tmp_path / "article.html"
    host.write_text(f"<!DOCTYPE html><html><body><p>an article</p>{viz.fragment(page)}</body></html>")
    browser.get(host.as_uri())
    frame = browser.find_element(By.TAG_NAME, "iframe")
    offset = browser.execute_script("var box = arguments[0].getBoundingClientRect(); return [box.left, box.top];", frame)
    browser.switch_to.frame(frame)
    try:
        WebDriverWait(browser, 120).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-layout')") == "done")
        assert count(browser, "nodes") == sum(1 for node in probed if probed.degree(node))
        click(point_at(browser, "bernie-sanders", offset))
        assert inspector(browser)["title"] == "Bernie Sanders"
        assert browser.execute_script("return window.__alerts === undefined || window.__alerts.length === 0")
    finally:
        browser.switch_to.default_content()
