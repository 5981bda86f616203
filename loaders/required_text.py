"""What a regular expression cannot match without: strings one of which every match contains.

Used to try a surface pattern only on sentences that hold one of its required strings (most
patterns name a trigger verb or noun, and most sentences have none), with the same results:
a sentence without any of them cannot match, so skipping it loses nothing.
"""
from __future__ import annotations

import re
import re._constants as op
import re._parser as parser

# Characters that match an ASCII letter case-insensitively but that str.lower() does not turn into
# it: Turkish dotted capital and dotless i, and the long s ("K", the Kelvin sign, lowers to "k").
UNLOWERED = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which every match of ``pattern`` contains (as :func:`folded`
    text), or None if there is no such set we can tell."""
    return _required(parser.parse(pattern.pattern, pattern.flags))


def folded(text: str) -> str:
    """``text`` as :func:`required_strings`' strings are looked up in it."""
    return text.translate(UNLOWERED).lower() if not text.isascii() else text.lower()


def _required(items) -> frozenset[str] | None:
    """The best requirement of a sequence: its longest literal run or any one item's requirement."""
    choices: list[frozenset[str]] = []
    run = ""
    for kind, value in items:
        if kind is op.LITERAL and value < 128:
            run += chr(value).lower()
            continue
        if run:
            choices.append(frozenset({run}))
            run = ""
        found = _item(kind, value)
        if found:
            choices.append(found)
    if run:
        choices.append(frozenset({run}))
    return max(choices, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _item(kind, value) -> frozenset[str] | None:
    if kind is op.SUBPATTERN:
        return _required(value[-1])
    if kind is op.ATOMIC_GROUP:
        return _required(value)
    if kind in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT):
        low, _, inner = value
        return _required(inner) if low >= 1 else None
    if kind is op.BRANCH:
        branches = [_required(branch) for branch in value[1]]
        return None if any(not b for b in branches) else frozenset().union(*branches)
    return None                                      # classes, anchors, lookarounds: nothing required
