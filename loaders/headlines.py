"""A Title-Case headline: the model reads every capitalized word there as a name.

The headline (the article's first line) names only entities the body names when it is written in
Title Case: its own entity spans are set aside and the body's names, aliases and unambiguous
surnames are looked up in it instead ("Christine Quinn Will Endorse Bill De Blasio Today" gives
two mentions, not one entity "Christine Quinn Will Endorse Bill De Blasio").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .mention_model import EntityInfo, Mention
from .vocabulary import SMALL_WORDS

MIN_WORDS = 3
MIN_CAPITALIZED = 0.75


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """The token range of the headline, if it is written in Title Case (else none)."""
    start = next((t.i for t in doc if not t.is_space), len(doc))
    end = next((t.i for t in doc[start:] if t.is_space and "\n" in t.text), len(doc))
    return [(start, end)] if _title_case(doc[start:end]) else []


def headline_mentions(doc: Doc, ranges: list[tuple[int, int]], entities: dict[str, EntityInfo]) -> list[Mention]:
    """Mentions of the body's entities inside the Title-Case lines, longest forms first."""
    forms = _forms(entities)
    found: list[Mention] = []
    for start, end in ranges:
        line = doc[start:end]
        lowered = line.text.lower()
        taken: set[int] = set()
        for form, (name, label) in forms:
            if form not in lowered:                  # most forms are not in the headline: no regex to build
                continue
            for match in re.finditer(rf"(?<![\w'-]){re.escape(form)}(?![\w-])", line.text, re.IGNORECASE):
                span = doc.char_span(line.start_char + match.start(), line.start_char + match.end(),
                                     alignment_mode="contract")
                if span is None or taken & set(range(span.start, span.end)):
                    continue
                taken.update(range(span.start, span.end))
                found.append(Mention(span.start, span.end, name, label))
    return found


def _forms(entities: dict[str, EntityInfo]) -> list[tuple[str, tuple[str, str]]]:
    """Every surface form of the body's entities (and people's surnames, when only one person has
    that surname), mapped to (entity, label), longest first; forms shared by two entities are left out."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for name, info in entities.items():
        label = "ORG" if info.type == "Organization" else "PERSON"
        words = {name, *info.surfaces}
        if label == "PERSON" and len(name.split()) > 1:
            words.add(name.split()[-1])
        for form in words:
            if len(form) > 2 or form.isupper():
                owners.setdefault(form.lower(), set()).add((name, label))
    unique = [(form, next(iter(names))) for form, names in owners.items() if len(names) == 1]
    return sorted(unique, key=lambda item: -len(item[0]))


def _title_case(line: Span) -> bool:
    words = [t for t in line if t.is_alpha]
    content = [t for t in words if t.lower_ not in SMALL_WORDS]
    if len(words) < MIN_WORDS or not content or line.text.rstrip().endswith("."):
        return False
    return sum(t.text[:1].isupper() for t in content) / len(content) >= MIN_CAPITALIZED
