"""How fast `endorsegraph viz` pages are made and how long they take to settle in a browser.

Run: .venv/bin/python bench/viz.py [--relations 1000 5000 20000] [--browser]
For each synthetic graph: time to choose the view and render the page (Python), the page size,
and with --browser the time headless Chromium takes to load the page and finish the layout.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from endorsegraph.graph import viz
from endorsegraph.graph.synthetic import synthetic_graph
from endorsegraph.graph.view import DEFAULT_MAX_NODES, select

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,900")


def settle_seconds(page: Path) -> float:
    """Seconds from navigation until the page reports its layout done (physics stopped)."""
    from selenium import webdriver
    from selenium.webdriver.support.wait import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver")), options=options)
    try:
        started = time.perf_counter()
        driver.get(page.as_uri())
        WebDriverWait(driver, 600, poll_frequency=0.05).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-layout')") == "done")
        return time.perf_counter() - started
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    parser.add_argument("--browser", action="store_true", help="also time the layout in headless Chromium")
    args = parser.parse_args()
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
