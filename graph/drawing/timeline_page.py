"""A page of endorsements over time: one step chart per candidate, a point for every state.

The page is one HTML file with inline SVG and CSS and no script: it fetches nothing and works
offline. Each chart steps up and down with the endorsements standing on each day; each point is
one source's state (endorsed, withdrawn, switched, expected, conditional, declined) and shows its
date, endorser and sentence on hover (an SVG ``<title>``). Undated states are listed, never placed.
Every name and sentence is untrusted text: it reaches the page only through ``html.escape``.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..embedded import write_atomic

WIDTH, HEIGHT, MARGIN = 760, 170, 40
STATE_COLOURS = {"endorsed": "#009E73", "withdrawn": "#D55E00", "switched-away": "#D55E00",
                 "switched-to": "#0072B2", "expected": "#999999", "conditional": "#E69F00", "declined": "#CC79A7"}
POLICY = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """body{font:14px system-ui,sans-serif;margin:24px;color:#222}h2{font-size:16px;margin:24px 0 4px}
svg{border:1px solid #ddd;background:#fff}.step{fill:none;stroke:#333;stroke-width:2}
.axis{stroke:#bbb}.tick{font-size:11px;fill:#555}table{border-collapse:collapse;margin-top:8px}
td,th{border-bottom:1px solid #eee;padding:2px 8px;text-align:left;vertical-align:top}
.key span{display:inline-block;margin-right:12px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px}"""


def render(events: Sequence[Any], steps: dict[str, list[tuple[str, int]]], title: str) -> str:
    """The page for ``events`` (:class:`..queries.lifecycle.Event` rows) and ``steps`` (per candidate
    id, (day, endorsements standing))."""
    days = sorted({e.known_by for e in events if e.known_by})
    span = (_day(days[0]), _day(days[-1])) if days else None
    sections = []
    for candidate_id in sorted(steps, key=lambda c: (-max((n for _, n in steps[c]), default=0), c)):
        own = [e for e in events if e.candidate_id == candidate_id]
        sections.append(f"<h2>{_text(own[0].candidate)}</h2>"
                        + (_chart(own, steps[candidate_id], span) if span else "")
                        + _undated([e for e in own if not e.known_by]))
    key = "".join(f'<span><i class="dot" style="background:{colour}"></i> {state}</span>'
                  for state, colour in STATE_COLOURS.items())
    body = "".join(sections) or "<p>No endorsement states in this graph.</p>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            f"<title>{_text(title)}</title><style>{STYLE}</style></head><body><h1>{_text(title)}</h1>"
            f'<p class="key">{key}</p><p>The line counts the endorsements standing on each day; hover a point '
            f"for its sentence.</p>{body}</body></html>")


def write(events: Sequence[Any], steps: dict[str, list[tuple[str, int]]], output: Path, title: str) -> None:
    """Write :func:`render`'s page to ``output`` atomically."""
    write_atomic(Path(output), render(events, steps, title).encode("utf-8"))


def _chart(own: list[Any], steps: list[tuple[str, int]], span: tuple[dt.date, dt.date]) -> str:
    top = max([n for _, n in steps] + [1])
    x = _scale(span)

    def y(count: float) -> float:
        return HEIGHT - MARGIN / 2 - (HEIGHT - MARGIN) * count / top

    path, previous = [], 0
    for day, count in steps:
        path += [f"{x(day):.1f},{y(previous):.1f}", f"{x(day):.1f},{y(count):.1f}"]
        previous = count
    path.append(f"{WIDTH - MARGIN / 2:.1f},{y(previous):.1f}")
    stacked: dict[str, int] = {}
    points = []
    for event in (e for e in own if e.known_by):
        level = stacked.get(event.known_by, 0)
        stacked[event.known_by] = level + 1
        tip = f"{event.known_by} {event.state}: {event.endorser}" + (f" (other: {event.other})" if event.other else "") \
            + f"\n{event.sentence}\n{event.source}"
        points.append(f'<circle cx="{x(event.known_by):.1f}" cy="{HEIGHT - 8 - 9 * level:.1f}" r="4" '
                      f'fill="{STATE_COLOURS.get(event.state, "#000")}"><title>{_text(tip)}</title></circle>')
    days = _tick_days(span)
    anchors = ["start"] * (len(days) - 1) + ["end" if len(days) > 1 else "start"]
    ticks = "".join(f'<text class="tick" x="{x(day):.1f}" y="12" text-anchor="{anchor}">{day}</text>'
                    for day, anchor in zip(days, anchors))
    axis = f'<line class="axis" x1="{MARGIN}" y1="{y(0):.1f}" x2="{WIDTH - MARGIN / 2}" y2="{y(0):.1f}"/>'
    label = f'<text class="tick" x="4" y="{y(top) + 4:.1f}">{top}</text><text class="tick" x="4" y="{y(0):.1f}">0</text>'
    return (f'<svg width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">{ticks}{axis}{label}'
            f'<polyline class="step" points="{" ".join(path)}"/>{"".join(points)}</svg>')


def _undated(events: list[Any]) -> str:
    if not events:
        return ""
    rows = "".join(f"<tr><td>{_text(e.state)}</td><td>{_text(e.endorser)}</td><td>{_text(e.sentence)}</td>"
                   f"<td>{_text(e.source)}</td></tr>" for e in events)
    return f"<table><caption>Undated</caption><tr><th>state</th><th>endorser</th><th>sentence</th><th>source</th></tr>{rows}</table>"


def _scale(span: tuple[dt.date, dt.date]) -> Callable[[str], float]:
    first, last = span
    width = max((last - first).days, 1)
    return lambda day: MARGIN + (WIDTH - 1.5 * MARGIN) * (_day(day) - first).days / width


def _tick_days(span: tuple[dt.date, dt.date]) -> list[str]:
    first, last = span
    if first == last:
        return [first.isoformat()]
    return [first.isoformat(), (first + (last - first) / 2).isoformat(), last.isoformat()]


def _day(text: str | dt.date) -> dt.date:
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(text)


def _text(value: Any) -> str:
    return html.escape(str(value), quote=True)
