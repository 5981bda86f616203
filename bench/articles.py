"""How fast articles are read and cleaned: clean_text on a large text, and each input format.

Run: .venv/bin/python bench/articles.py [--repeat N]
The text is the test fixtures' articles repeated; prints words per second for each step.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.clean import clean_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings, in seconds."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def report(label: str, words: int, seconds: float) -> None:
    print(f"{label:<34}{words:>10,} words {seconds * 1000:>9.1f} ms {words / seconds:>14,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="copies of the fixture texts in the big text")
    args = parser.parse_args()
    texts = [(FIXTURES / name).read_text("utf-8") for name in sorted(p.name for p in FIXTURES.glob("*.txt"))]
    big = "\n\n".join(texts) * args.repeat
    report(f"clean_text ({len(big) / 1e6:.1f} MB)", len(big.split()), best_of(3, lambda: clean_text(big)))

    html = FIXTURES / "tran_nurses.html"
    html_words = len(read_articles(html)[0].text.split())
    report("read_articles .html (1 page)", html_words, best_of(20, lambda: read_articles(html)))

    with tempfile.TemporaryDirectory() as folder:
        stories = Path(folder) / "stories.jsonl"
        stories.write_text("".join(json.dumps({"id": f"s{i}", "text": t}) + "\n"
                                   for i, t in enumerate(texts * 50)), "utf-8")
        words = sum(len(a.text.split()) for a in read_articles(stories))
        report(f"read_articles .jsonl ({len(texts) * 50} texts)", words, best_of(3, lambda: read_articles(stories)))


if __name__ == "__main__":
    main()
