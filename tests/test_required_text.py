"""A pattern is skipped only on text it cannot match: the strings it requires are really required."""
from __future__ import annotations

import re

import pytest
from endorsegraph.loaders.patterns import PATTERNS
from endorsegraph.loaders.relations import PATTERN_NEEDS, patterns_that_may_match
from endorsegraph.loaders.required_text import folded, required_strings
from endorsegraph.loaders.triggers import PARTY_LABEL, TRIGGER_WORDS, may_state_relation


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


def test_the_trigger_prefilter_agrees_with_the_trigger_words() -> None:
    lines = [t for p in PATTERNS for t in (*p.examples, *p.non_examples)] + [
        "A water main broke.", "He ran on the Republican Line", "Democrat Joe", "democrat joe", "CO-FOUNDER",
        "the ſupporters", "İts HEAD", "nothing here at all"]
    case_insensitive = re.compile(TRIGGER_WORDS.pattern, re.IGNORECASE)
    assert [may_state_relation(t) for t in lines] == \
        [case_insensitive.search(t) is not None or PARTY_LABEL.search(t) is not None for t in lines]


def test_folding_keeps_every_character_that_matches_an_ascii_character() -> None:
    """Every character stays one character, and one that a case-insensitive regex matches to an ASCII
    character becomes that character, so a required string is found wherever the regex could match."""
    printable = [chr(c) for c in range(32, 127)]
    matches = re.compile("[" + re.escape("".join(printable)) + "]", re.IGNORECASE)
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert len(folded(char)) == 1, hex(code)
        if matches.fullmatch(char):
            assert {c.lower() for c in printable if re.fullmatch(re.escape(c), char, re.IGNORECASE)} == {folded(char)}, \
                hex(code)
