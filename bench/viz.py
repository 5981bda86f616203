"""How fast `endorsegraph viz` pages are made and how long they take to settle in a browser.

Run: .venv/bin/python bench/viz.py [--relations 1000 5000 20000] [--browser]
For each synthetic graph: time to choose the view and render the page (Python), the page size,
and with --browser the time headless Chromium takes to load the page and finish the layout.

Run: .venv/bin/python bench/viz.py --entities 200 2000 10000
For endorsement stars (candidates, each endorsed by people who endorse no one else, a few who
endorse two): seconds until the page is still (our page: layout done, physics off; a bare pyvis
page of the same graph: vis-network reports it stabilized), then seconds the page takes to answer a
click on a candidate once still, both in headless Chromium with the network blocked.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import sys
import time
from pathlib import Path

from endorsegraph.graph.drawing import viz
from endorsegraph.graph.drawing.view import DEFAULT_MAX_NODES, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # support/: test and benchmark support
from support.synthetic import synthetic_graph  # noqa: E402

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,900")


OURS_STILL = "return document.body.getAttribute('data-layout') === 'done'"
PYVIS_STILL = ("return typeof network !== 'undefined' && network.physics.stabilized === true"
               " && network.body.nodeIndices.length > 0")
CLICK = ("var net = window.endorsegraph ? endorsegraph.network : network, id = arguments[0];"
         "var started = performance.now(), at = net.canvasToDOM(net.getPositions([id])[id]);"
         "net.body.eventListeners.onTap({center: at, srcEvent: {}, changedPointers: [{}]});"
         "return new Promise(function (done) { requestAnimationFrame(function () {"
         "  setTimeout(function () { done((performance.now() - started) / 1000); }, 0); }); });")


def browser():
    """Headless Chromium with every http(s)/ws(s) request blocked."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver")), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    return driver


def settle_seconds(page: Path, still: str = OURS_STILL, timeout: float = 600) -> float:
    """Seconds from navigation until ``still`` (a script) is true: by default, our page's layout is done."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    driver = browser()
    try:
        started = time.perf_counter()
        driver.get(page.as_uri())
        try:
            WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(still))
        except TimeoutException:
            return float("inf")
        return time.perf_counter() - started
    finally:
        driver.quit()


def settle_and_click(page: Path, still: str, node: str, timeout: float) -> tuple[float, float]:
    """Seconds until the page is still (infinite: not within ``timeout``), and seconds it then takes
    to answer a click on ``node`` (after the timeout: while it still moves; infinite: no answer)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait
    from urllib3.exceptions import ReadTimeoutError

    driver, settled = browser(), float("inf")
    driver.set_page_load_timeout(timeout)
    try:
        started = time.perf_counter()
        driver.get(page.as_uri())
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(still))
        settled = time.perf_counter() - started
    except (TimeoutException, ReadTimeoutError):
        pass                                         # not still in time (or too busy to answer)
    try:
        return settled, driver.execute_script(CLICK, node)
    except (TimeoutException, ReadTimeoutError):
        return settled, float("inf")
    finally:
        driver.quit()


def star_graph(entities: int):
    """Candidates (one per 100 entities), each endorsed by people; every tenth person endorses two."""
    from endorsegraph.graph import kg
    from endorsegraph.graph.model import Claim, Entity, Relation

    graph, candidates = kg.new_graph(), max(2, entities // 100)
    for index in range(candidates):
        kg.add_entity(graph, Entity(f"Candidate {index}", "Candidate"))
    for index in range(entities - candidates):
        person = kg.add_entity(graph, Entity(f"Person {index}", "Person"))
        for target in {index % candidates, (index * 7) % candidates if index % 10 == 0 else index % candidates}:
            claim = Claim(article=f"a{index}", source=f"a{index}.txt", rule="bench", sentence=f"P{index} endorsed.")
            kg.add_relation(graph, Relation("ENDORSED", person, f"candidate-{target}", claim))
    return graph


def bare_pyvis(graph, page: Path) -> None:
    """The same graph as pyvis draws it by default (vis inlined), names as labels."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["name"])
    for source, target, data in graph.edges(data=True):
        net.add_edge(source, target, title=data["type"])
    page.write_text(net.generate_html(), encoding="utf-8")


def compare(sizes: list[int], timeout: float) -> None:
    print(f"{'entities':>8} {'drawn':>12} {'ours still':>10} {'click':>7}  {'pyvis still':>11} {'click':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            graph = star_graph(size)
            view = select(graph)
            ours, bare = Path(folder) / f"ours-{size}.html", Path(folder) / f"pyvis-{size}.html"
            viz.write(view, ours, title="bench", built=None, source_name="synthetic")
            bare_pyvis(graph, bare)
            drawn = f"{view.graph.number_of_nodes()}/{len(view.clusters)} cl"
            ours_still, ours_click = settle_and_click(ours, OURS_STILL, "candidate-0", timeout)
            bare_still, bare_click = settle_and_click(bare, PYVIS_STILL, "candidate-0", timeout)
            print(f"{size:>8,} {drawn:>12} {ours_still:>9.1f}s {ours_click:>6.2f}s  {bare_still:>10.1f}s "
                  f"{bare_click:>6.2f}s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    parser.add_argument("--browser", action="store_true", help="also time the layout in headless Chromium")
    parser.add_argument("--entities", type=int, nargs="+",
                        help="instead: endorsement stars of these sizes, our page beside a bare pyvis page")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for a page to be still")
    args = parser.parse_args()
    if args.entities:
        compare(args.entities, args.timeout)
        return
    print(f"{'relations':>9} {'entities':>8} {'drawn':>11} {'select':>8} {'render':>8} {'page':>8}"
          + (f" {'settle':>8}" if args.browser else ""))
    with tempfile.TemporaryDirectory() as folder:
        for count in args.relations:
            graph = synthetic_graph(count)
            started = time.perf_counter()
            view = select(graph, max_nodes=args.max_nodes)
            chosen = time.perf_counter()
            page = Path(folder) / f"viz-{count}.html"
            viz.write(view, page, title="bench", built=None, source_name="synthetic")
            rendered = time.perf_counter()
            drawn = f"{view.graph.number_of_nodes()}/{view.graph.number_of_edges()}"
            line = (f"{count:>9,} {len(graph):>8,} {drawn:>11} {chosen - started:>7.2f}s "
                    f"{rendered - chosen:>7.2f}s {page.stat().st_size / 1e6:>6.1f}MB")
            if args.browser:
                line += f" {settle_seconds(page):>7.1f}s"
            print(line, flush=True)


if __name__ == "__main__":
    main()
