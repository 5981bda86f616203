"""Where a document quotes someone: the character ranges inside double quotes."""
from __future__ import annotations

import re


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` (a document's) inside double quotes; an unclosed quote ends with its line."""
    regions = []
    for line in re.finditer(r"[^\n]+", text):
        marks = [m.start() + line.start() for m in re.finditer('"', line.group())]
        if len(marks) % 2:
            marks.append(line.end())
        regions += list(zip(marks[::2], marks[1::2]))
    return regions


def inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    """The character at ``offset`` is inside one of ``regions``."""
    return any(start < offset < end for start, end in regions)
