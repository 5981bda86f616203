"""A pattern is skipped only on text it cannot match: the strings it requires are really required."""
from __future__ import annotations

import re

import pytest
from endorsegraph.loaders.patterns import PATTERNS
from endorsegraph.loaders.relations import PATTERN_NEEDS, patterns_that_may_match
from endorsegraph.loaders.required_text import folded, required_strings


@pytest.mark.parametrize(("regex", "needs"), [
    ("endorsed", {"endorsed"}),
    ("(?:backed|endorsed) ⟦", {"backed", "endorsed"}),
    ("x(?:ab)+y", {"ab"}),
    ("a(?:bc)?d", {"a"}),                            # an optional part requires nothing
    ("(?:foo|\\w+)", None),                          # one branch requires nothing, so the whole does not
    ("[abc]+", None),
])
def test_what_a_regex_requires(regex: str, needs: set[str] | None) -> None:
    found = required_strings(re.compile(regex, re.IGNORECASE))
    assert (set(found) if found is not None else None) == needs


def test_case_is_matched_as_the_regex_matches_it() -> None:
    """"İ", "ı" and "ſ" match "i" and "s" case-insensitively though str.lower() leaves them apart."""
    for text in ("ENDORSED", "Endorſed", "SUPPORTİNG", "supportıng"):
        needs = required_strings(re.compile("endorsed|supporting", re.IGNORECASE))
        assert any(s in folded(text) for s in needs), text


def test_every_pattern_requires_something() -> None:
    assert [p.name for p, needs in PATTERN_NEEDS if not needs] == []


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_a_pattern_is_tried_wherever_it_matches(pattern) -> None:
    texts = [t for p in PATTERNS for t in (*p.examples, *p.non_examples)]
    slotted = [re.sub(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", "⟦0⟧", t) for t in texts]
    for text in texts + slotted:
        if pattern.regex.search(text):
            assert pattern in patterns_that_may_match(text), text
