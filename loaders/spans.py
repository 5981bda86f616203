"""Entity spans: the model's PERSON and ORG spans, trimmed, grown and repaired with what the article says."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..graph.model import normalize_name
from .gazetteer import Gazetteer
from .vocabulary import (
    ADVISER_WORDS,
    ENDORSEMENT_WORDS,
    GENERIC_BODIES,
    GENERIC_ORGS,
    HEAD_TITLES,
    HONORIFICS,
    NAME_CUES,
    NAME_SUFFIXES,
    OFFICE_TITLES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_REFERENCES,
    PARTY_ADJECTIVES,
    PERSON_DESCRIPTORS,
    ROLE_WORDS,
    STAFF_FUNCTIONS,
    TEMPORAL_TYPES,
    TITLE_LEAD_INS,
    TITLE_MODIFIERS,
    TITLES,
    UNIT_NUMBER,
    UNIT_WORDS,
)


def entity_spans(doc: Doc, gazetteer: Gazetteer, skip: list[tuple[int, int]] = ()) -> list[tuple[Span, str]]:
    """Every person and organization span of ``doc`` with its repaired label (PERSON or ORG), none of
    them inside the token ranges ``skip`` (a Title-Case headline, whose capitals the model misreads)."""
    def outside(spans: list[Span]) -> list[Span]:
        return [s for s in spans if not any(start < s.end and s.start < end for start, end in skip)]

    raw = [part for e in outside(list(doc.ents)) if e.label_ in ("PERSON", "ORG", "GPE", "NORP")
           for part in split_at_role(e)]
    raw = [s for s in (trim(e) for e in raw) if s is not None]
    raw = [extend_organization(s) if s.label_ == "ORG" else s for s in raw]
    overriding = outside(names_with_suffixes(doc) + parties_by_their_adjective(doc))   # whatever the model said
    raw = [s for s in raw if not any(s.start < n.end and n.start < s.end for n in overriding)] + overriding
    raw = merge_overlaps(outside(names_after_titles(doc) + full_names_of_surnames(doc, raw) + raw))
    raw = merge_overlaps(raw + outside(organizations_by_context(doc, raw)))
    heads = outside(organizations_before_titles(doc, raw))
    raw = sorted(heads + [s for s in raw if not any(s.start < h.end and h.start < s.end for h in heads)],
                 key=lambda s: s.start)
    return [(span, label) for span, label in repair_labels(raw, doc, gazetteer) if outside([span])]


LOCAL_NAME = re.compile(r"^\d+[A-Za-z]{1,2}$")


def parties_by_their_adjective(doc: Doc) -> list[Span]:
    """"Republican presidential nominee X", "the Conservative line": the adjective names the party."""
    found = []
    for token in doc[:-1]:
        party = PARTY_ADJECTIVES.get(token.text)
        ahead = {t.lower_ for t in doc[token.i + 1:token.i + 3]}
        named = "nominee" not in ahead or any(_name_word(t) for t in doc[token.i + 2:token.i + 6])
        if party and named and ahead & {"nominee", "ticket", "line", "nomination"} and doc[token.i + 1].lower_ != "party":
            found.append(Span(doc, token.i, token.i + 1, label="ORG", span_id=party))
    return found


def names_with_suffixes(doc: Doc) -> list[Span]:
    """"Ruben Diaz Jr.", "Adolfo Carrion Jr.": a name ending in a suffix is a person, whatever the model said."""
    found = []
    for token in doc[2:]:
        if token.lower_ not in NAME_SUFFIXES:
            continue
        end = token.i + 1
        start = token.i - 1 if doc[token.i - 1].text != "," else token.i - 2
        first = start
        while first > 0 and start - first < 3 and _name_word(doc[first - 1]):
            first -= 1
        if start - first >= 1 and _name_word(doc[start]):
            found.append(Span(doc, first, end, label="PERSON"))
    return found


def trim(span: Span) -> Span | None:
    """Drop a leading "the" and titles, and a trailing possessive; None if nothing name-like is left."""
    start, end = span.start, span.end
    doc = span.doc
    dash = next((t.i for t in span[:4] if t.text in {"-", "–", "—"} and t.i > start
                 and t.whitespace_ and doc[t.i - 1].whitespace_), None)
    if dash is not None and all(t.is_upper or t.is_punct for t in doc[start:dash]):
        start = dash + 1                             # a dateline glued on: "PHOENIX - Veteran ..."
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space or
                           (span.label_ == "PERSON" and doc[start].lower_.rstrip(".") in TITLES and end - start > 1)
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "'", "s"} or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    label = span.label_
    if label == "PERSON":                            # "Director Michael Ryan": the title is not the name
        while end - start > 1 and doc[start].lower_ in ROLE_WORDS | TITLE_MODIFIERS:
            start += 1
    elif label == "ORG" and not span.id_:            # "City Board of Elections Executive" + "Director X"
        while end - start > 1 and doc[end - 1].lower_ in ROLE_WORDS | TITLE_MODIFIERS | STAFF_FUNCTIONS:
            end -= 1
    if label == "ORG" and not span.id_ and doc[start].lower_.rstrip(".") in HONORIFICS and end - start > 1 \
            and all(t.is_title for t in doc[start:end]):
        label = "PERSON"                             # "Councilwoman Naomi Feld" tagged as an organization
    if label == "PERSON":
        last_title = max((t.i for t in doc[start:end - 1] if t.lower_.rstrip(".") in TITLES), default=None)
        if last_title is not None:                   # "Millcreek Township Supervisor Dominic Farrugia"
            start = last_title + 1
    share = next((t.i for t in doc[start:end] if t.ent_type_ in ("PERCENT", "MONEY") or t.lower_ in ("percent", "%")),
                 None)
    if share is not None:                            # "Thompson 52 - 36 percent": a poll result, not a name
        end = share
        while end > start and (doc[end - 1].like_num or doc[end - 1].is_punct):
            end -= 1
    paren = next((t.i for t in doc[start:end] if t.text == "("), None)
    if paren is not None:                            # "Nevada Voting Rights Project (NVRP"
        end = paren
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=label, kb_id=span.kb_id_, span_id=span.id_)
    text = trimmed.text
    if len(text) < 2 or not any(c.isupper() for c in text) or normalize_name(text) in GENERIC_ORGS \
            or _dateline(trimmed):
        return None
    return trimmed


def extend_organization(span: Span) -> Span:
    """Grow an organization over the place or local that is part of its name.

    "Colorado AFL-CIO", "the Oregon League of Conservation Voters", "UNITE HERE Local 11",
    "Democratic Party of New Mexico", "Sierra Club California" are chapters, not the national body.
    """
    doc, start, end = span.doc, span.start, span.end
    limit = _line_end(doc, span.end)                 # the parser may split "Teamsters | Local 436"
    while start > span.sent.start and (_place_word(doc[start - 1]) or LOCAL_NAME.match(doc[start - 1].text)):
        start -= 1                                   # "Oregon AFL-CIO", "32BJ SEIU"
    if start - 2 >= span.sent.start and doc[start - 2].lower_ in UNIT_WORDS and UNIT_NUMBER.match(doc[start - 1].text):
        start -= 2                                   # "Local 3 International Brotherhood of Electrical Workers"
    if start >= 2 and doc[start - 1].lower_ in ("for", "of") and doc[start - 2].is_title and \
            doc[start - 2].ent_type_ not in ("PERSON", *TEMPORAL_TYPES) and doc[start - 2].i >= span.sent.start:
        start -= 2                                   # "Americans for Lower Taxes"
    while end < limit and doc[end].lower_ in ORG_HEADS and doc[end].is_title:
        end += 1
    run = end                                        # "the Grand Canyon" + "State Teachers Union"
    while run < limit and run - end < 4 and _proper_word(doc[run]) and doc[run].ent_type_ not in TEMPORAL_TYPES \
            and not _title_ahead(doc, run):
        run += 1
        if doc[run - 1].lower_ in ORG_HEADS:
            end = run
    while end < limit and end - span.end < 3 and _proper_word(doc[end]) and doc[end].ent_type_ not in \
            TEMPORAL_TYPES and doc[end].lower_.rstrip(".") not in TITLES | ROLE_WORDS | UNIT_WORDS \
            and not _title_ahead(doc, end):
        end += 1                                     # the model stopped early: "SEIU Healthcare Pennsylvania"
    if span[-1].lower_ in UNIT_WORDS and end < limit and UNIT_NUMBER.match(doc[end].text):
        end += 1                                     # "Silver State Hospitality Workers Union Local" + "88"
    elif end + 1 < limit and doc[end].lower_ in UNIT_WORDS and UNIT_NUMBER.match(doc[end + 1].text):
        end += 2                                     # "UNITE HERE Local 11", "United Auto Workers Region 1A"
    elif end + 2 < limit and doc[end].lower_ in ("'s", "'") and _proper_word(doc[end + 1]):
        tail = end + 1                               # "the Sierra Club's Rio Grande Chapter"
        while tail < limit and tail - end <= 4 and _proper_word(doc[tail]):
            tail += 1
        if doc[tail - 1].lower_ in ORG_HEADS | UNIT_WORDS:
            end = tail
    elif end + 1 < limit and doc[end].lower_ == "of" and (
            _place_word(doc[end + 1]) or (doc[end - 1].lower_ in ORG_HEADS and _proper_word(doc[end + 1]))):
        end += 1
        while end < limit and _proper_word(doc[end]):
            end += 1
    elif end < limit and _place_word(doc[end]) and doc[end].ent_iob_ == "B":
        place_end = _entity_end(doc, end, limit)
        if place_end >= limit or not doc[place_end].is_title:
            end = place_end
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="ORG", kb_id=span.kb_id_)


def _line_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) and doc[end].text not in ".;!?":
        end += 1
    return end


def _proper_word(token) -> bool:
    return token.is_title and token.pos_ == "PROPN" and token.ent_type_ != "PERSON"


def _entity_end(doc: Doc, start: int, limit: int) -> int:
    end = start + 1
    while end < limit and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _place_word(token) -> bool:
    """A capitalized place name, which the model may have tagged GPE or as an organization of its own."""
    return token.ent_type_ in ("GPE", "ORG", "LOC") and token.is_title and token.pos_ == "PROPN"


def _dateline(span: Span) -> bool:
    """"MANCHESTER", "SANTA FE": a capitalized place that opens a story, not an acronym."""
    return span.text.isupper() and (len(span) > 1 or len(span.text) > 5) and not span.id_


def split_at_role(span: Span) -> list[Span]:
    """"Shaw spokesperson Nadia Petrov" read as one entity is two: a name, a role word, a name."""
    for token in span[1:-1]:
        if token.lower_ in ROLE_WORDS:
            left = span.doc[span.start:token.i]
            label = "ORG" if left.text.isupper() and token.lower_ not in ADVISER_WORDS else span.label_
            return [Span(span.doc, span.start, token.i, label=label),    # "MREA President X": MREA leads
                    Span(span.doc, token.i + 1, span.end, label="PERSON")]
    return [span]


def names_after_titles(doc: Doc) -> list[Span]:
    """Capitalized names right after a title or role word: "Mayor Derek Haas", "spokesperson Nadia Petrov"."""
    found = []
    for token in doc[:-1]:
        if token.lower_.rstrip(".") not in TITLES | ROLE_WORDS | NAME_CUES or token.lower_ in {"state", "general", "former"}:
            continue
        first = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].text == "," else token.i + 1
        end = first
        while end < len(doc) and end - first < 3 and _name_word(doc[end]):
            end += 1
        if end - first >= 2:
            found.append(Span(doc, first, end, label="PERSON"))
    return found


def organizations_before_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Weatherproof president Freddie Stollmack", "RAFA Director X", "Assembly Speaker X": the words
    right before a head title that precedes a name are the organization that person heads, whatever
    the model called them. Staff titles ("Advocacy Director") and offices ("Borough President") are not."""
    found = []
    for token in doc[1:-1]:
        if token.lower_ not in HEAD_TITLES or not _name_follows(doc, token.i + 1):
            continue
        title = token.i
        while title > 0 and doc[title - 1].lower_ in TITLE_MODIFIERS and doc[title - 1].lower_ != "state":
            title -= 1
        if title == 0 or doc[title - 1].lower_ in STAFF_FUNCTIONS:
            continue
        start = title
        while start > 0 and title - start < 7 and _organization_word(doc[start - 1], start - 1 < title - 1):
            start -= 1
        while start < title and (doc[start].is_stop or doc[start].like_num or doc[start].text == "'s"):
            start += 1                               # "But Board Chairman X": the sentence's "But" is no name
        if title - start == 1 and doc[start].lower_ in ORG_HEADS | ORG_REFERENCES.keys() | GENERIC_BODIES:
            continue                                 # "League President X" refers back (coref)
        if start == title or (doc[title - 1].lower_, doc[title].lower_) in OFFICE_TITLES or \
                all(t.ent_type_ in ("GPE", "NORP", "LOC") or t.lower_.rstrip(".") in TITLES
                    for t in doc[start:title] if t.is_alpha) or \
                (title - start > 1 and all(t.ent_type_ == "PERSON" for t in doc[start:title])):
            continue
        found.append(Span(doc, start, title, label="ORG"))
    return found


def _name_follows(doc: Doc, i: int) -> bool:
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i + 1 < len(doc) and _name_word(doc[i]) and _name_word(doc[i + 1])


def _organization_word(token, inner: bool) -> bool:
    """A word of an organization's name: capitalized, or a connector inside one ("Board of Elections")."""
    if token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return True                                  # "AFL-CIO"
    if token.is_space or token.is_punct and token.text not in ("&", "'s"):
        return False
    if token.lower_.rstrip(".") in TITLES - {"state"} or token.ent_type_ in TEMPORAL_TYPES:
        return False
    return (token.text[:1].isupper() and token.is_alpha) or token.is_upper or \
        (inner and (token.lower_ in {"of", "for", "and", "&", "'s"} or token.like_num))   # "PS 307 PTA"


def organizations_by_context(doc: Doc, spans: list[Span]) -> list[Span]:
    """Unlabelled proper names that context makes organizations: "the endorsement of Conservation
    Colorado", "Green Valley Votes, the renters' advocacy group"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found, i = [], 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 7 and end not in taken and doc[end].lower_.rstrip(".") not in TITLES \
                and (_proper_word(doc[end]) or (doc[end].is_upper and doc[end].is_alpha and len(doc[end]) > 1)
                     or (end > i and doc[end].text in ("'", "'s", "for", "of", "and")
                                                and end + 1 < len(doc) and _proper_word(doc[end + 1]))
                     or (end > i and doc[end].text == "'")
                     or (end > i and doc[end].like_num and end + 1 < len(doc)
                         and (_proper_word(doc[end + 1]) or doc[end + 1].is_upper))):
            end += 1
        if end - i >= 2 and (_after_endorsement_word(doc, i) or _after_head_title(doc, i)
                             or _described_as_organization(doc, end)
                             or doc[end - 1].lower_ in ORG_HEADS | {"pac"}):
            found.append(Span(doc, i, end, label="ORG"))
        elif i not in taken and _acronym(doc[i]) and _after_endorsement_word(doc, i):
            end = i + 1                                  # "nods from NOW", "the support of NOW-NYC"
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and _acronym(doc[end + 1]):
                end += 2
            found.append(Span(doc, i, end, label="ORG"))
        i = max(end, i + 1)
    return found


def _after_endorsement_word(doc: Doc, start: int) -> bool:
    window = [t for t in doc[max(start - 5, 0):start] if t.pos_ != "DET"]
    return (len(window) > 0 and window[-1].lower_ in {"of", "from", "by"}
            and any(t.lower_ in ENDORSEMENT_WORDS for t in window))


def _acronym(token) -> bool:
    letters = token.text.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _after_head_title(doc: Doc, start: int) -> bool:
    """"president of the PS 191 PTA", "vice chairman of the Brooklyn Republican Party"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in HEAD_TITLES


def _described_as_organization(doc: Doc, end: int) -> bool:
    if end >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1:end + 8]:
        if token.text in {",", ".", ";"}:
            return False
        if token.lower_ in ORG_DESCRIPTORS:
            return True
    return False


def full_names_of_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Marcus Dunn" left unlabelled while "Dunn" is a person elsewhere: label the full name too."""
    surnames = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
    found = []
    for token in doc[1:]:
        if token.text in surnames and _name_word(doc[token.i - 1]) and doc[token.i - 1].ent_type_ != "PERSON":
            found.append(Span(doc, token.i - 1, token.i + 1, label="PERSON"))
    return found


def _title_ahead(doc: Doc, i: int) -> bool:
    """"Advocacy Director", "Majority Leader": a staff or office title starts at token ``i``."""
    return i + 1 < len(doc) and doc[i].lower_ in STAFF_FUNCTIONS | {w for w, _ in OFFICE_TITLES} and \
        doc[i + 1].lower_ in ROLE_WORDS | HEAD_TITLES | {w for _, w in OFFICE_TITLES}


def _name_word(token) -> bool:
    return (token.text[:1].isupper() and token.lower_ not in ROLE_WORDS and token.pos_ == "PROPN" and token.text.replace("'", "").replace("-", "").isalpha()
            and token.ent_type_ not in TEMPORAL_TYPES
            and token.lower_.rstrip(".") not in TITLES)


def title_start(span: Span) -> int:
    """Where the mention starts once its titles are counted in ("Lt. Gov. Rosa Alvarez", "City Councilor X")."""
    doc, start = span.doc, span.start
    while start > span.sent.start and (doc[start - 1].lower_.rstrip(".") in HONORIFICS or doc[start - 1].text == "."):
        start -= 1
    if start < span.start:
        while start > span.sent.start and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ != "PERSON":
            start -= 1
        while start > span.sent.start and doc[start - 1].lower_ in TITLE_LEAD_INS:
            start -= 1
    return start


def merge_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def repair_labels(spans: list[Span], doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Fix the model's labels with what the rest of the document says.

    A word that is the surname of a person named in full elsewhere is that person, whatever the
    model called it ("Sanders" as ORG, "Shelton" as GPE); a gazetteer organization is an ORG; other
    GPE/NORP spans are dropped. Unlabelled surnames of known people become mentions too.
    """
    full_names = [s for s in spans if s.label_ == "PERSON" and len(s) > 1 and not gazetteer.find(s.text)]
    name_parts = {t.text for s in full_names for t in s if t.text[:1].isupper()}
    name_tails = {t for s in full_names for i in range(1, len(s) - 1) for t in _capitalized_too(s[i:].text)}
    # "Van Arsdale"; "de Blasio" is also "De Blasio" at the start of a sentence
    repaired: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for span in spans:
        if span.id_ or gazetteer.find(span.text):
            label = "ORG"
        elif span.label_ == "PERSON" or (len(span) == 1 and span.text in name_parts) or span.text in name_tails \
                or _described_as_person(span):
            label = "PERSON"
        elif span.label_ == "ORG" and not _is_descriptor(span) and span[-1].lower_.rstrip(".") not in TITLES:
            label = "ORG"
        else:
            continue
        repaired.append((span, label))
        taken.update(range(span.start, span.end))
    known_acronyms = {a for s, label in repaired if label == "ORG" and len(s) > 1 for a in acronyms(s.text)}
    for token in doc:
        if token.i in taken:
            continue
        if token.text in name_parts and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
            particle = token.i > 0 and token.i - 1 not in taken and doc[token.i - 1:token.i + 1].text in name_tails
            repaired.append((doc[token.i - particle:token.i + 1], "PERSON"))   # "de Blasio", not "Blasio"
        elif token.is_upper and token.is_alpha and token.text in known_acronyms:
            repaired.append((doc[token.i:token.i + 1], "ORG"))
        elif token.lower_ in UNIT_WORDS and token.is_title and token.i + 1 < len(doc) and \
                UNIT_NUMBER.match(doc[token.i + 1].text) and token.i + 1 not in taken:
            repaired.append((doc[token.i:token.i + 2], "ORG"))
    return sorted(repaired, key=lambda item: item[0].start)


def _described_as_person(span: Span) -> bool:
    """"said Ines Calloway, president of ...": a name (however the model labelled it) described by a title."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title for t in span) or any(t.lower_ in ORG_HEADS for t in span):
        return False
    after = [t.lower_ for t in doc[span.end:span.end + 5]]
    return bool(after) and after[0] == "," and any(w in ROLE_WORDS | HEAD_TITLES for w in after[1:4]) and \
        (span.start == span.sent.start or doc[span.start - 1].lower_ in {"said", "says", "told", ",", "and"})


def _capitalized_too(text: str) -> set[str]:
    return {text, text[:1].upper() + text[1:]}


def _is_descriptor(span: Span) -> bool:
    return span[-1].lower_ in PERSON_DESCRIPTORS


def acronyms(name: str) -> set[str]:
    """Initials of a name, with and without its small words: "Democracy for America" -> {"DFA", "DA"}."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() != "the"]
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}
