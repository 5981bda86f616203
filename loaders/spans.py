"""Entity spans: the model's PERSON and ORG spans, trimmed, grown and repaired with what the article says.

The repairs are ordered lists of small named rules, like :data:`.clean.RULES`, each a :class:`Rule`
whose function's docstring says what it does:

- :data:`TRIM_RULES` (:func:`trim`) cut a span down to its name, one after another; a rule that
  finds nothing name-like left rejects the span.
- :data:`EXTEND_RULES` (:func:`extend_organization`) grow an organization over the words before and
  after it that belong to its name, one after another; then the first of :data:`SUFFIX_RULES` that
  fits adds one suffix (a unit's number, a chapter, a place).
- :data:`LABEL_RULES` (:func:`repair_labels`) label each span: the first rule that gives a label
  wins, and a span that none labels is dropped. :data:`MENTION_RULES` then find the words the model
  left unlabelled that the document names elsewhere; the first rule that fits a word wins.

Every driver takes ``disabled``, a set of rule names to skip, so one rule can be switched off alone:
``entity_spans(doc, gazetteer, disabled=frozenset({"poll-share"}))``. :mod:`.coref` does the same
for references back ("the union", "he").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from ..graph.model import normalize_name
from .gazetteer import Gazetteer
from .vocabulary import (
    ADVISER_WORDS,
    BODY_HEAD_TITLES,
    BODY_WORDS,
    CAMPAIGN_STAFF,
    CHAPTER_WORDS,
    ENDORSEMENT_WORDS,
    FORMER_WORDS,
    GENERIC_BODIES,
    GENERIC_ORGS,
    HEAD_TITLES,
    HONORIFICS,
    LABEL_NOUNS,
    LEGISLATURE_WORDS,
    NAME_CUES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NUMBERED_NAME_ENDS,
    OFFICE_HOLDER_TITLES,
    OFFICE_TITLES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_NAME_DESCRIPTORS,
    ORG_REFERENCES,
    PARTY_ADJECTIVES,
    PARTY_LABEL_HEADS,
    PARTY_LEADER_WORDS,
    PEOPLE_NOUNS,
    PERSON_DESCRIPTORS,
    PLACE_HEADS,
    POSTING_VERBS,
    RACE_WORDS,
    ROLE_WORDS,
    SCHOOL_ABBREVIATIONS,
    STAFF_FUNCTIONS,
    TEMPORAL_TYPES,
    TENURE_WORDS,
    TITLES,
    TITLE_LEAD_INS,
    TITLE_MODIFIERS,
    UNIT_NUMBER,
    UNIT_WORDS,
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


@dataclass(frozen=True)
class Rule(Generic[F]):
    """One named step of a heuristic: ``function`` does it, and its docstring says what it does."""

    name: str
    function: F

    @property
    def description(self) -> str:
        """The rule's one-line description: the first line of its function's docstring."""
        return (self.function.__doc__ or "").strip().splitlines()[0]


def enabled(rules: Iterable[Rule[F]], disabled: frozenset[str] = frozenset()) -> list[F]:
    """The functions of ``rules``, in order, less those of the rules named in ``disabled``."""
    return [rule.function for rule in rules if rule.name not in disabled]


def first_result(functions: Iterable[Callable[..., T | None]], *args: Any) -> T | None:
    """The result of the first of ``functions`` that gives one (not None) for ``args``."""
    return next((result for function in functions if (result := function(*args)) is not None), None)


def entity_spans(doc: Doc, gazetteer: Gazetteer, skip: list[tuple[int, int]] = (),
                 disabled: frozenset[str] = frozenset()) -> list[tuple[Span, str]]:
    """Every person and organization span of ``doc`` with its repaired label (PERSON or ORG), none of
    them inside the token ranges ``skip`` (a Title-Case headline, whose capitals the model misreads);
    the rules named in ``disabled`` are skipped."""
    def outside(spans: list[Span]) -> list[Span]:
        return [s for s in spans if not any(start < s.end and s.start < end for start, end in skip)]

    raw = [part for e in outside(list(doc.ents)) if e.label_ in ("PERSON", "ORG", "GPE", "NORP")
           for part in split_at_role(e)]
    raw += [Span(doc, e.start, e.end, label="PERSON") for e in outside(list(doc.ents))   # "X, chairman of ..." the
            if e.label_ not in ("PERSON", "ORG", "GPE", "NORP") and _described_as_person(e)]   # model called a title
    raw = [s for s in (trim(e, disabled) for e in raw) if s is not None]
    raw = [extend_organization(s, disabled) if s.label_ == "ORG" else s for s in raw]
    overriding = outside(names_with_suffixes(doc) + merge_overlaps(county_parties(doc) + parties_by_their_adjective(doc)))
    raw = [s for s in raw if not any(s.start < n.end and n.start < s.end for n in overriding)] + overriding
    raw = merge_overlaps(outside(numbered_schools(doc) + place_chapters(doc) + names_after_titles(doc)
                                 + full_names_of_surnames(doc, raw) + raw))
    raw = merge_overlaps(raw + [extend_organization(s, disabled) for s in outside(organizations_by_context(doc, raw))])
    heads = [_longer_name(head, raw) for head in outside(organizations_before_titles(doc, raw))]
    heads += outside(organizations_after_titles(doc, raw))
    raw = sorted(heads + [s for s in raw if not any(s.start < h.end and h.start < s.end for h in heads)],
                 key=lambda s: s.start)
    return [(span, label) for span, label in repair_labels(raw, doc, gazetteer, disabled) if outside([span])]


def _longer_name(head: Span, spans: list[Span]) -> Span:
    """The organization among ``spans`` that ends where ``head`` does and runs on before it, over a possessive
    ("Correction Officer's Benevolent Association" for "Benevolent Association") or a lowercase word ("state
    Democratic Party" for "Democratic Party"), else ``head``; tenure words stay out ("Interim X Authority Chair")."""
    doc = head.doc
    for span in spans:
        if span.label_ == "ORG" and span.end == head.end and span.start < head.start:
            start = span.start
            while start < head.start and (doc[start].is_stop or doc[start].is_punct or doc[start].lower_ in TENURE_WORDS):
                start += 1
            if start < head.start:
                return span if start == span.start else Span(doc, start, span.end, label="ORG", span_id=span.id_)
    return head


LOCAL_NAME = re.compile(r"^\d+[A-Za-z]{1,2}$")


def parties_by_their_adjective(doc: Doc) -> list[Span]:
    """"Republican presidential nominee X", "the Conservative line": the adjective names the party."""
    found = []
    for token in doc[:-1]:
        party = PARTY_ADJECTIVES.get(token.text)
        if not party:
            continue
        ahead = {t.lower_ for t in doc[token.i + 1:token.i + 3]}
        if doc[token.i + 1].lower_ == "and" and token.i + 2 < len(doc) and doc[token.i + 2].text in PARTY_ADJECTIVES:
            ahead = {t.lower_ for t in doc[token.i + 3:token.i + 5]}           # "the Republican and Conservative lines"
        named = "nominee" not in ahead or any(_name_word(t) for t in doc[token.i + 2:token.i + 6])
        if named and ahead & PARTY_LABEL_HEADS \
                and doc[token.i + 1].lower_ != "party":
            found.append(Span(doc, token.i, token.i + 1, label="ORG", span_id=party))
    return found


def county_parties(doc: Doc) -> list[Span]:
    """"the Queens County Democratic boss", "Democratic Brooklyn party boss X": a place's party, named by its
    adjective and a title of its leader after it, is that place's party ("Queens County Democratic Party")."""
    found = []
    for token in doc:
        party = PARTY_ADJECTIVES.get(token.text)
        if not party:
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and _county_word(doc[start - 1]):
            start -= 1                                   # "Queens County" + "Democratic"
        end = token.i + 1
        if start == token.i:
            while end < len(doc) and end - token.i <= 4 and _county_word(doc[end]):
                end += 1                                 # "Democratic" + "Brooklyn" + "party"
            if end == token.i + 1 or end >= len(doc) or doc[end].lower_ != "party":
                continue
        place = doc[start:token.i] if start < token.i else doc[token.i + 1:end]
        if end < len(doc) and doc[end].lower_ == "party":
            end += 1
        if end < len(doc) and doc[end].lower_ in PARTY_LEADER_WORDS:
            found.append(Span(doc, start, end, label="ORG", span_id=f"{place.text[:1].upper()}{place.text[1:]} {party}"))
    return found


def _county_word(token: Token) -> bool:
    """A word of a place's name ("Queens County", "New York State", "the state"), never a legislature ("Senate Democratic leader")."""
    return (_place_word(token) or (token.ent_type_ == "NORP" and token.is_title and not DEMONYM.search(token.lower_))
            or token.lower_ == "state") \
        and token.lower_ not in LEGISLATURE_WORDS and token.text not in PARTY_ADJECTIVES


SCHOOL_NUMBER = re.compile(r"^\d{1,3}[A-Z]?$")


def numbered_schools(doc: Doc) -> list[Span]:
    """"P.S. 321", "IS 318", "Junior High School 190": a kind of public school and a number after it name a
    school, and a body of the school named right after them is that body ("PS 191 PTA"); not in
    capitals ("THIS IS 2 MUCH")."""
    found = []
    for token in doc[:-1]:
        if not SCHOOL_NUMBER.match(doc[token.i + 1].text):
            continue
        start = token.i
        if token.text == "School":
            while start > 0 and token.i - start < 3 and doc[start - 1].is_title and not doc[start - 1].is_stop:
                start -= 1                               # "Junior High" + "School"
        if start < token.i or (token.text in SCHOOL_ABBREVIATIONS and not (
                token.i and doc[token.i - 1].is_upper and doc[token.i - 1].is_alpha)):
            found.append(Span(doc, start, _school_body_end(doc, token.i + 2), label="ORG"))
    return found


def place_chapters(doc: Doc) -> list[Span]:
    """"the New York City chapter of the National Organization for Women": a place's chapter of an
    organization is an organization of its own."""
    found = []
    for token in doc[1:-2]:
        if token.lower_ not in CHAPTER_WORDS or doc[token.i + 1].lower_ != "of":
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and doc[start - 1].ent_type_ in ("GPE", "LOC") and doc[start - 1].is_title:
            start -= 1
        body_end = _organization_at(doc, token.i + 2)
        if start < token.i and body_end is not None:
            found.append(Span(doc, start, body_end, label="ORG"))
    return found


def _school_body_end(doc: Doc, end: int) -> int:
    """The end of "PTA" or "Parent Teacher Association" after a school's name at ``end``, else ``end``."""
    if end < len(doc) and doc[end].is_upper and doc[end].is_alpha and 2 <= len(doc[end]) <= 5:
        return end + 1
    run = end
    while run < len(doc) and run - end < 4 and doc[run].is_title and doc[run].is_alpha:
        run += 1
    return run if run > end and doc[run - 1].lower_ in ORG_HEADS else end


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


@dataclass(frozen=True)
class Cut:
    """The token range ``start:end`` a span is being trimmed to, and the label it will carry."""

    start: int
    end: int
    label: str

    def span_of(self, span: Span) -> Span:
        """The trimmed span, keeping ``span``'s ids."""
        return Span(span.doc, self.start, self.end, label=self.label, kb_id=span.kb_id_, span_id=span.id_)


TrimRule = Callable[[Span, Cut], Cut | None]


def _dateline_prefix(span: Span, cut: Cut) -> Cut:
    """"PHOENIX - Veteran ...": capitals glued on before a dash are a dateline, not the name."""
    doc = span.doc
    dash = next((t.i for t in doc[cut.start:min(cut.start + 4, cut.end)] if t.text in {"-", "–", "—"}
                 and t.i > cut.start and t.whitespace_ and doc[t.i - 1].whitespace_), None)
    if dash is not None and all(t.is_upper or t.is_punct for t in doc[cut.start:dash]):
        return replace(cut, start=dash + 1)
    return cut


def _leading_filler(span: Span, cut: Cut) -> Cut:
    """Leading articles, spaces, punctuation and "ex-" are not the name, nor a person's titles, tenure or label ("Candidate X")."""
    doc, start = span.doc, cut.start
    while start + 2 < cut.end and doc[start].lower_ + "-" in FORMER_WORDS and doc[start + 1].text == "-":
        start += 2                                   # "ex-Assembly Leader X": a former leader of the Assembly
    while start < cut.end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space or
                               (cut.label == "PERSON" and (doc[start].lower_.rstrip(".") in TITLES or
                                                           doc[start].lower_ in TENURE_WORDS | LABEL_NOUNS)
                                and cut.end - start > 1) or doc[start].is_punct):
        start += 1
    return replace(cut, start=start)


def _place_before_based(span: Span, cut: Cut) -> Cut | None:
    """"Queens-based The Beets": a name right before "-based" is a place that describes the next one."""
    doc, end = span.doc, cut.end
    return None if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based" else cut


def _trailing_possessive(span: Span, cut: Cut) -> Cut:
    """A trailing possessive ("Local 88's"), punctuation or space is not the name."""
    doc, end = span.doc, cut.end
    while end > cut.start and (doc[end - 1].lower_ in {"'s", "'", "s"} or doc[end - 1].is_punct
                               or doc[end - 1].is_space):
        end -= 1
    return replace(cut, end=end)


def _lowercase_lead(span: Span, cut: Cut) -> Cut:
    """"lesbian Lakers" read as a person: no name opens with a lowercase word longer than a particle ("de", "van")."""
    doc, start = span.doc, cut.start
    while cut.label == "PERSON" and cut.end - start > 1 and doc[start].is_lower and doc[start].is_alpha \
            and len(doc[start]) > 3:
        start += 1
    return replace(cut, start=start)


def _person_role_prefix(span: Span, cut: Cut) -> Cut:
    """"Director Michael Ryan": role words before a person's name are not the name."""
    if cut.label != "PERSON":
        return cut
    doc, start = span.doc, cut.start
    while cut.end - start > 1 and doc[start].lower_ in ROLE_WORDS | TITLE_MODIFIERS:
        start += 1
    return replace(cut, start=start)


def _only_titles(span: Span, cut: Cut) -> Cut | None:
    """"President & CEO" (an organization), "Secretary Treasurer" (a person): titles alone name no one."""
    words = [t for t in span.doc[cut.start:cut.end] if not t.is_punct]
    if cut.label == "ORG" and not span.id_ and words and \
            all(t.lower_ in ROLE_WORDS | HEAD_TITLES | TITLE_MODIFIERS or t.lower_ == "and" for t in words):
        return None
    titles = ROLE_WORDS | HEAD_TITLES | TITLES
    if cut.label == "PERSON" and len(span) > 1 and all(t.lower_ in titles for t in span):
        return None                                  # one title word alone may be a name: "Dean" is Howard Dean,
    if cut.label == "PERSON" and len(span) == 1 and span.start and span[0].lower_ in ROLE_WORDS \
            and span.doc[span.start - 1].lower_ in titles:
        return None                                  # but not after another title: "Secretary" + "Treasurer"
    return cut


def _organization_role_suffix(span: Span, cut: Cut) -> Cut:
    """"City Board of Elections Executive" + "Director X": role words ending an organization are the next person's."""
    if cut.label != "ORG" or span.id_:
        return cut
    doc, end = span.doc, cut.end
    role_words = ROLE_WORDS | TITLE_MODIFIERS | STAFF_FUNCTIONS
    while end - cut.start > 1 and doc[end - 1].lower_ in role_words and not _completes_name(doc, end - 1, role_words):
        end -= 1
    while end < cut.end and end - cut.start > 1 and doc[end - 1].lower_ in ("'s", "'"):
        end -= 1                                     # "Romney's Finance" + "Chairman": Romney's
    return replace(cut, end=end)


def _completes_name(doc: Doc, i: int, role_words: frozenset[str]) -> bool:
    """True when the word at ``i`` is what the name's own "of" or "and" takes ("Department of Education",
    "Housing Preservation and Development"), not a role coordinated with another ("Finance and Operations")."""
    joiner = doc[i - 1].lower_
    return joiner in NAME_JOINERS | {"&"} and not (joiner in ("and", "&") and i > 1 and doc[i - 2].lower_ in role_words)


def _organization_title_prefix(span: Span, cut: Cut) -> Cut:
    """"Chairman of Fox News": a head title and "of" before an organization are a role, not its name."""
    doc, start = span.doc, cut.start
    if cut.label != "ORG" or span.id_:
        return cut
    while start < cut.end and doc[start].lower_ in TITLE_MODIFIERS | {"co", "-"}:
        start += 1
    if start + 2 < cut.end and doc[start].lower_ in HEAD_TITLES and doc[start + 1].lower_ == "of":
        start += 3 if doc[start + 2].lower_ == "the" and start + 3 < cut.end else 2
        return replace(cut, start=start)
    return cut


def _honorific_organization(span: Span, cut: Cut) -> Cut:
    """"Councilwoman Naomi Feld" tagged as an organization: an honorific and capitalized words are a person."""
    doc = span.doc
    if cut.label == "ORG" and not span.id_ and doc[cut.start].lower_.rstrip(".") in HONORIFICS \
            and cut.end - cut.start > 1 and all(t.is_title for t in doc[cut.start:cut.end]) \
            and doc[cut.end - 1].lower_ not in ORG_HEADS:          # not "Sergeant Benevolent Association"
        return replace(cut, label="PERSON")
    return cut


def _after_last_title(span: Span, cut: Cut) -> Cut:
    """"Millcreek Township Supervisor Dominic Farrugia": a person's name starts after the last title."""
    if cut.label != "PERSON":
        return cut
    last_title = max((t.i for t in span.doc[cut.start:cut.end - 1] if t.lower_.rstrip(".") in TITLES), default=None)
    return cut if last_title is None else replace(cut, start=last_title + 1)


def _trailing_verb(span: Span, cut: Cut) -> Cut:
    """"Bratton VOWS to act", "Christine Quinn Tweeted the photo": a shout or a posting verb ends no name."""
    doc, end = span.doc, cut.end
    while cut.label == "PERSON" and end - cut.start > 1 and _not_a_name(doc[end - 1]) \
            and not all(t.is_upper for t in doc[cut.start:end]):
        end -= 1
    return replace(cut, end=end)


def _not_a_name(token: Token) -> bool:
    """A word in capitals that is no name's suffix ("VOWS", not "III"), or a verb of posting ("Tweeted")."""
    return (token.is_upper and token.is_alpha and len(token) > 1 and token.lower_ not in NAME_SUFFIXES) \
        or token.lower_ in POSTING_VERBS


def _poll_share(span: Span, cut: Cut) -> Cut:
    """"Thompson 52 - 36 percent": a poll result after a name is cut off."""
    doc = span.doc
    share = next((t.i for t in doc[cut.start:cut.end] if t.ent_type_ in ("PERCENT", "MONEY")
                  or t.lower_ in ("percent", "%")), None)
    if share is None:
        return cut
    end = share
    while end > cut.start and (doc[end - 1].like_num or doc[end - 1].is_punct):
        end -= 1
    return replace(cut, end=end)


def _open_parenthesis(span: Span, cut: Cut) -> Cut:
    """"Nevada Voting Rights Project (NVRP": an opening parenthesis ends the name."""
    paren = next((t.i for t in span.doc[cut.start:cut.end] if t.text == "("), None)
    return cut if paren is None else replace(cut, end=paren)


def _handle(span: Span, cut: Cut) -> Cut | None:
    """"(@CommissBratton)" in a tweet's byline: a social media handle names an account, not an entity."""
    return None if span.doc[cut.start].text.startswith("@") else cut


def _function_words(span: Span, cut: Cut) -> Cut | None:
    """"UPDATE BELOW", "Possibly" tagged as names: no name is made of function words and adverbs alone."""
    return None if all(t.is_stop or t.is_punct or t.pos_ == "ADV" for t in span.doc[cut.start:cut.end]) else cut


def _family(span: Span, cut: Cut) -> Cut | None:
    """"the Patzes" where the article names "Etan Patz": a surname in the plural is a family, not a person."""
    doc, word = span.doc, span.doc[cut.start].text
    plural = cut.label == "PERSON" and cut.end - cut.start == 1 and word.endswith("s") \
        and cut.start > 0 and doc[cut.start - 1].lower_ == "the"
    if not plural:
        return cut
    stems = {word[:-2], word[:-1]}                   # "Patzes", "Lutzes", "Smiths"
    return None if any(t.text in stems for t in doc if t.is_title) else cut


LINK_STARTS = ("http", "www.", "pic.twitter")


def _link(span: Span, cut: Cut) -> Cut:
    """"Obama https://t.co/x pic.twitter.com/y": a name ends where a link glued to it begins."""
    end = next((t.i for t in span.doc[cut.start:cut.end] if t.like_url or t.lower_.startswith(LINK_STARTS)), cut.end)
    return replace(cut, end=end)


def _one_character(span: Span, cut: Cut) -> Cut | None:
    """A name of one character ("&", "A") is no name."""
    return cut if len(cut.span_of(span).text) >= 2 else None


def _no_capital(span: Span, cut: Cut) -> Cut | None:
    """A span without a capital letter ("the union", "officials") is no name."""
    return cut if any(c.isupper() for c in cut.span_of(span).text) else None


def _generic_name(span: Span, cut: Cut) -> Cut | None:
    """A generic name ("the Party", "the Union") is no particular organization."""
    return None if normalize_name(cut.span_of(span).text) in GENERIC_ORGS else cut


def _place_as_person(span: Span, cut: Cut) -> Cut | None:
    """"Trump Tower", "Carnegie Hall" read as a person: a name ending in a place word is a place."""
    last = span.doc[cut.end - 1] if cut.end > cut.start else None
    return None if cut.label == "PERSON" and last is not None and last.is_title and last.lower_ in PLACE_HEADS \
        and cut.end - cut.start > 1 else cut


def _dateline_place(span: Span, cut: Cut) -> Cut | None:
    """"MANCHESTER", "SANTA FE": a capitalized place that opens a story is no acronym."""
    return None if _dateline(cut.span_of(span)) else cut


TRIM_RULES: tuple[Rule[TrimRule], ...] = (
    Rule("dateline-prefix", _dateline_prefix),
    Rule("leading-filler", _leading_filler),
    Rule("trailing-possessive", _trailing_possessive),
    Rule("lowercase-lead", _lowercase_lead),
    Rule("person-role-prefix", _person_role_prefix),
    Rule("only-titles", _only_titles),
    Rule("organization-role-suffix", _organization_role_suffix),
    Rule("organization-title-prefix", _organization_title_prefix),
    Rule("honorific-organization", _honorific_organization),
    Rule("after-last-title", _after_last_title),
    Rule("trailing-verb", _trailing_verb),
    Rule("poll-share", _poll_share),
    Rule("open-parenthesis", _open_parenthesis),
    Rule("place-before-based", _place_before_based),
    Rule("link", _link),
    Rule("family", _family),
    Rule("one-character", _one_character),
    Rule("handle", _handle),
    Rule("function-words", _function_words),
    Rule("no-capital", _no_capital),
    Rule("generic-name", _generic_name),
    Rule("place-as-person", _place_as_person),
    Rule("dateline-place", _dateline_place),
)


def trim(span: Span, disabled: frozenset[str] = frozenset()) -> Span | None:
    """``span`` cut down to its name by :data:`TRIM_RULES` (less ``disabled``); None if nothing name-like is left."""
    cut: Cut | None = Cut(span.start, span.end, span.label_)
    for rule in enabled(TRIM_RULES, disabled):
        cut = rule(span, cut)
        if cut is None:
            return None
    return cut.span_of(span) if cut.start < cut.end else None


@dataclass(frozen=True)
class Reach:
    """The token range ``start:end`` an organization grows to, never past ``limit`` (the end of its line)."""

    start: int
    end: int
    limit: int


ExtendRule = Callable[[Span, Reach], Reach]
SuffixRule = Callable[[Span, Reach], Reach | None]


def _people_possessive_before(span: Span, reach: Reach) -> Reach:
    """"Correction Officer's" + "Benevolent Association": the people a body is named for, in the possessive, open its name."""
    doc, start = span.doc, reach.start
    if not (start - 2 >= span.sent.start and doc[start - 1].text in ("'s", "'") and doc[start - 2].is_title
            and doc[start - 2].lower_ in PEOPLE_NOUNS and span[-1].lower_ in ORG_HEADS):
        return reach
    start -= 2
    while start > span.sent.start and doc[start - 1].is_title and not doc[start - 1].is_stop \
            and doc[start - 1].ent_type_ != "PERSON" and doc[start - 1].lower_.rstrip(".") not in TITLES:
        start -= 1
    return replace(reach, start=start)


def _place_or_local_before(span: Span, reach: Reach) -> Reach:
    """"Oregon AFL-CIO", "32BJ SEIU": places and a local's name before the name are part of it."""
    doc, start = span.doc, reach.start
    while start > span.sent.start and (_place_word(doc[start - 1]) or LOCAL_NAME.match(doc[start - 1].text)):
        start -= 1
    return replace(reach, start=start)


def _acronym_before(span: Span, reach: Reach) -> Reach:
    """"FDNY" + "EMS Retirees Association": an acronym right before a name ending in a head word opens it."""
    doc, start = span.doc, reach.start
    if start > span.sent.start and _acronym(doc[start - 1]) and span[-1].lower_ in ORG_HEADS:
        return replace(reach, start=start - 1)
    return reach


def _serial_words_before(span: Span, reach: Reach) -> Reach:
    """"Retail, Wholesale and" + "Department Store Union": a list of words and commas before "and" opens the name."""
    doc, first = span.doc, span.sent.start

    def words_before(end: int, listed: bool) -> int:
        """Where a run of up to three proper words ending before ``end`` starts: words outside any entity, or
        (``listed``, behind a comma) one the model read as a name of its own ("Hotel, Motel and ...")."""
        start = end
        while start > first and end - start < 3 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and (not doc[start - 1].ent_type_ or (listed and doc[start - 1].ent_type_ in ("ORG", "PRODUCT"))):
            start -= 1
        return start
    start = reach.start
    if start - 2 >= first and doc[start - 1].lower_ in ("and", "&") and words_before(start - 1, False) < start - 1:
        opened = words_before(start - 1, False)
    elif any(t.lower_ in ("and", "&") for t in doc[start + 1:min(start + 3, reach.end - 1)]):
        opened = start
    else:
        return reach
    listed = opened
    while listed - 2 >= first and doc[listed - 1].text == "," and words_before(listed - 1, True) < listed - 1:
        listed = words_before(listed - 1, True)
    return replace(reach, start=listed) if listed < opened else reach


def _officeholder_before(span: Span, reach: Reach) -> Reach:
    """"Mayor's" + "Office of Criminal Justice": the office of a titled officeholder is named with the title."""
    doc, start = span.doc, reach.start
    if span[0].lower_ == "office" and start - 2 >= span.sent.start and doc[start - 1].text in ("'s", "'") \
            and doc[start - 2].lower_ in TITLES and doc[start - 2].is_title:
        return replace(reach, start=start - 2)
    return reach


def _numbered_name_before(span: Span, reach: Reach) -> Reach:
    """"Local 3" + "International Brotherhood of ...", "PS 307" + "PTA": a numbered unit or school before the name."""
    doc, start = span.doc, reach.start
    if start - 2 >= span.sent.start and UNIT_NUMBER.match(doc[start - 1].text) and doc[start - 2].text[:1].isupper() \
            and doc[start - 2].is_alpha and doc[start - 2].ent_type_ not in TEMPORAL_TYPES:
        return replace(reach, start=start - 2)
    return reach


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _ordinal_before(span: Span, reach: Reach) -> Reach:
    """"21st Century" + "Fox": an ordinal and a capitalized word the model read as a date open the name."""
    doc, start = span.doc, reach.start
    if start >= span.sent.start + 2 and doc[start - 1].is_title and ORDINAL.match(doc[start - 2].text):
        return replace(reach, start=start - 2)
    return reach


def _for_or_of_before(span: Span, reach: Reach) -> Reach:
    """"Americans for Lower Taxes": a capitalized word and "for" or "of" before the name."""
    doc, start = span.doc, reach.start
    if start >= 2 and doc[start - 1].lower_ in ("for", "of") and doc[start - 2].is_title and \
            doc[start - 2].ent_type_ not in ("PERSON", *TEMPORAL_TYPES) and doc[start - 2].i >= span.sent.start \
            and doc[start - 2].lower_ not in HEAD_TITLES \
            and not doc[start - 2].is_stop:                    # "Chairman of Fox News" is a role; "As for X" no name
        return replace(reach, start=start - 2)
    return reach


def _heads_after(span: Span, reach: Reach) -> Reach:
    """"Sierra Club" + "Foundation": capitalized head words ("Union", "Council") right after the name."""
    doc, end = span.doc, reach.end
    while end < reach.limit and doc[end].lower_ in ORG_HEADS and doc[end].is_title:
        end += 1
    return replace(reach, end=end)


def _head_within_run(span: Span, reach: Reach) -> Reach:
    """"the Grand Canyon" + "State Teachers Union": proper words after the name, up to a head word among them."""
    doc, end = span.doc, reach.end
    run = end
    while run < reach.limit and run - reach.end < 4 and _proper_word(doc[run]) and \
            doc[run].ent_type_ not in TEMPORAL_TYPES and not _title_ahead(doc, run):
        run += 1
        if doc[run - 1].lower_ in ORG_HEADS:
            end = run
    return replace(reach, end=end)


def _proper_words_after(span: Span, reach: Reach) -> Reach:
    """"SEIU Healthcare Pennsylvania": up to three proper words left off the end, no titles, no "(Presidential) Candidate"."""
    doc, end = span.doc, reach.end
    while end < reach.limit and end - span.end < 3 and _proper_word(doc[end]) and doc[end].ent_type_ not in \
            TEMPORAL_TYPES and doc[end].lower_.rstrip(".") not in TITLES | ROLE_WORDS | UNIT_WORDS | LABEL_NOUNS \
            and not _title_ahead(doc, end) and not _race_label_ahead(doc, end):
        end += 1
    return replace(reach, end=end)


def _race_label_ahead(doc: Doc, i: int) -> bool:
    """"Presidential Candidate", "Mayoral Nominee": a race word that opens a label, not part of a name."""
    return doc[i].lower_ in RACE_WORDS and i + 1 < len(doc) and doc[i + 1].lower_ in LABEL_NOUNS


def _unit_number_closing(span: Span, reach: Reach) -> Reach | None:
    """"Silver State Hospitality Workers Union Local" + "88": the number of the unit word ending the span."""
    doc, end = span.doc, reach.end
    if span[-1].lower_ in NUMBERED_NAME_ENDS and end < reach.limit and UNIT_NUMBER.match(doc[end].text):
        return replace(reach, end=end + 1)
    return None


def _unit_number_after(span: Span, reach: Reach) -> Reach | None:
    """"UNITE HERE Local 11", "United Auto Workers Region 1A": a numbered unit after the name."""
    doc, end = span.doc, reach.end
    if end + 1 < reach.limit and doc[end].lower_ in UNIT_WORDS and UNIT_NUMBER.match(doc[end + 1].text):
        return replace(reach, end=end + 2)
    return None


def _unit_of_parent(span: Span, reach: Reach) -> Reach | None:
    """"Local 100" + "of the Transport Workers Union": a numbered unit's parent is part of its name."""
    doc, end = span.doc, reach.end
    if end - reach.start >= 2 and UNIT_NUMBER.match(doc[end - 1].text) and doc[end - 2].lower_ in UNIT_WORDS:
        parent_end = _of_parent_end(doc, end)
        return replace(reach, end=parent_end) if parent_end > end else None
    return None


def _possessive_chapter(span: Span, reach: Reach) -> Reach | None:
    """"the Sierra Club's Rio Grande Chapter": a possessive and proper words ending in a head or unit word."""
    doc, end = span.doc, reach.end
    if not (end + 2 < reach.limit and doc[end].lower_ in ("'s", "'") and _proper_word(doc[end + 1])):
        return None
    tail = end + 1
    while tail < reach.limit and tail - end <= 4 and _proper_word(doc[tail]):
        tail += 1
    return replace(reach, end=tail) if doc[tail - 1].lower_ in ORG_HEADS | UNIT_WORDS else reach


def _chapter_of(span: Span, reach: Reach) -> Reach | None:
    """"the NYU chapter of the American Association of University Professors": a unit of the body named after."""
    doc, end = span.doc, reach.end
    if not (end + 2 < reach.limit and doc[end].lower_ in CHAPTER_WORDS and doc[end + 1].lower_ == "of"):
        return None
    body_end = _organization_at(doc, end + 2, reach.limit)
    return None if body_end is None else replace(reach, end=body_end)


def _advisory_body_to(span: Span, reach: Reach) -> Reach | None:
    """"Permanent Citizens Advisory Committee" + "to the MTA": an advisory body's name runs on to the body it advises."""
    doc, end = span.doc, reach.end
    if not (end + 1 < reach.limit and doc[end].lower_ == "to" and doc[end - 1].lower_ in ORG_HEADS
            and any(t.lower_ == "advisory" for t in doc[reach.start:end])):
        return None
    body_end = _organization_at(doc, end + 1, reach.limit)
    return None if body_end is None else replace(reach, end=body_end)


def _of_place(span: Span, reach: Reach) -> Reach | None:
    """"Democratic Party of New Mexico" ("of" and a place or proper words after a head), "Democratic Party in Ohio"."""
    doc, end = span.doc, reach.end
    if end + 1 >= reach.limit:
        return None
    of_place = doc[end].lower_ == "of" and (
        _place_word(doc[end + 1]) or (doc[end - 1].lower_ in ORG_HEADS and _proper_word(doc[end + 1])))
    in_place = doc[end].lower_ == "in" and doc[end - 1].lower_ == "party" and doc[end + 1].ent_type_ == "GPE"
    if not (of_place or in_place):
        return None
    end += 1
    while end < reach.limit and _proper_word(doc[end]):
        end += 1
    return replace(reach, end=end)


NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _possessive_in_name(span: Span, reach: Reach) -> Reach | None:
    """"Macy's President": a one-word name's "'s" is its own where the article also writes it with nothing owned after it."""
    doc, end = span.doc, reach.end
    if not (reach.end - reach.start == 1 and end < reach.limit and doc[end].text in ("'s", "’s") and doc[end].tag_ == "POS"):
        return None
    word = doc[end - 1].text
    if any(token.text == word and token.ent_type_ == "PERSON" for token in doc):
        return None                                  # "Lopez's", of a person the article names
    for token in doc:
        if token.text == word and token.i + 1 < len(doc) and doc[token.i + 1].text == doc[end].text \
                and doc[token.i + 1].tag_ == "POS" and \
                (token.i + 2 == len(doc) or doc[token.i + 2].pos_ not in NOMINAL_POS and not doc[token.i + 2].is_space):
            return replace(reach, end=end + 1)
    return None


def _place_after(span: Span, reach: Reach) -> Reach | None:
    """"Sierra Club California": a place after the name, unless a capitalized word follows the place."""
    doc, end = span.doc, reach.end
    if not (end < reach.limit and _place_word(doc[end]) and doc[end].ent_iob_ == "B"):
        return None
    place_end = _entity_end(doc, end, reach.limit)
    return replace(reach, end=place_end) if place_end >= reach.limit or not doc[place_end].is_title else reach


EXTEND_RULES: tuple[Rule[ExtendRule], ...] = (
    Rule("people-possessive-before", _people_possessive_before),
    Rule("place-or-local-before", _place_or_local_before),
    Rule("acronym-before", _acronym_before),
    Rule("numbered-name-before", _numbered_name_before),
    Rule("officeholder-before", _officeholder_before),
    Rule("ordinal-before", _ordinal_before),
    Rule("for-or-of-before", _for_or_of_before),
    Rule("heads-after", _heads_after),
    Rule("head-within-run", _head_within_run),
    Rule("proper-words-after", _proper_words_after),
    Rule("serial-words-before", _serial_words_before),
)

SUFFIX_RULES: tuple[Rule[SuffixRule], ...] = (
    Rule("unit-number-closing", _unit_number_closing),
    Rule("unit-number-after", _unit_number_after),
    Rule("unit-of-parent", _unit_of_parent),
    Rule("possessive-in-name", _possessive_in_name),
    Rule("possessive-chapter", _possessive_chapter),
    Rule("chapter-of", _chapter_of),
    Rule("advisory-body-to", _advisory_body_to),
    Rule("of-place", _of_place),
    Rule("place-after", _place_after),
)


def extend_organization(span: Span, disabled: frozenset[str] = frozenset()) -> Span:
    """Grow an organization over the place or local that is part of its name, by :data:`EXTEND_RULES`
    and then the first of :data:`SUFFIX_RULES` that fits (less ``disabled``).

    "Colorado AFL-CIO", "the Oregon League of Conservation Voters", "UNITE HERE Local 11",
    "Democratic Party of New Mexico", "Sierra Club California" are chapters, not the national body.
    """
    reach = Reach(span.start, span.end, _line_end(span.doc, span.end))   # the parser may split "Teamsters | Local 436"
    for rule in enabled(EXTEND_RULES, disabled):
        reach = rule(span, reach)
    reach = first_result(enabled(SUFFIX_RULES, disabled), span, reach) or reach
    if (reach.start, reach.end) == (span.start, span.end):
        return span
    return Span(span.doc, reach.start, reach.end, label="ORG", kb_id=span.kb_id_)


def _organization_at(doc: Doc, start: int, limit: int | None = None) -> int | None:
    """Where the organization the model names at ``start`` (after an optional "the") ends, never past
    ``limit`` (else its line's end); None if none starts there."""
    if start < len(doc) and doc[start].lower_ == "the" and doc[start].ent_iob_ != "B":
        start += 1
    if start >= (len(doc) if limit is None else limit) or doc[start].ent_type_ != "ORG" or doc[start].ent_iob_ != "B":
        return None
    return _entity_end(doc, start, _line_end(doc, start) if limit is None else limit)


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
    return span.text.isupper() and all(t.is_alpha for t in span) and (len(span) > 1 or len(span.text) > 5) \
        and not span.id_


def split_at_role(span: Span) -> list[Span]:
    """"Shaw spokesperson Nadia Petrov" read as one entity is two: a name, a role word, a name;
    "Concord Mayor Nina Ferris" is a person after a place's office."""
    for token in span[1:-1]:
        if token.lower_ in OFFICE_HOLDER_TITLES - ROLE_WORDS and span.label_ == "ORG" and \
                all(t.is_title for t in span.doc[token.i + 1:span.end]):
            return [Span(span.doc, token.i + 1, span.end, label="PERSON")]
        if token.lower_ in ROLE_WORDS:
            left = span.doc[span.start:token.i]
            label = "ORG" if left.text.isupper() and token.lower_ not in ADVISER_WORDS else span.label_
            return [Span(span.doc, span.start, token.i, label=label),    # "MREA President X": MREA leads
                    Span(span.doc, token.i + 1, span.end, label="PERSON")]
    return [span]


def names_after_titles(doc: Doc) -> list[Span]:
    """Capitalized names right after a title or role word: "Mayor Derek Haas", "spokesperson Nadia Petrov",
    with their particles ("Councilwoman Maria del Carmen Arroyo")."""
    found = []
    for token in doc[:-1]:
        if token.lower_.rstrip(".") not in TITLES | ROLE_WORDS | NAME_CUES or token.lower_ in {"state", "general", "former"}:
            continue
        first = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].text == "," else token.i + 1
        end, words = first, 0
        while end < len(doc) and words < 3:
            if end > first and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
                end += 1                                 # "del", "de la": not a word of the count
                continue
            if not _name_word(doc[end]) or (end > first and _not_a_name(doc[end])):
                break
            end, words = end + 1, words + 1
        while end > first and doc[end - 1].lower_ in NAME_PARTICLES and doc[end - 1].is_lower:
            end -= 1                                     # a particle never ends a name
        if end - first >= 2:
            found.append(Span(doc, first, end, label="PERSON"))
    return found


NAME_JOINERS = frozenset({"to", "for", "of", "and", "the", "on", "in"})    # capitalized inside a Title-Case name


def organizations_after_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """"chairman of New York State Right To Life", "president of JustLeadershipUSA", "chairman of the NHL's
    St. Louis Blues": the proper name a head title governs through "of" is one organization, read whole
    where the model saw only pieces of it or none (its capitalized "To", a name with inner capitals, the
    name possessed after a possessor). Never over a person, a place alone or a span the model read longer."""
    found = []
    for token in doc[:-2]:
        if token.lower_ not in HEAD_TITLES or doc[token.i + 1].lower_ != "of" \
                or (token.i > 0 and doc[token.i - 1].lower_ in STAFF_FUNCTIONS):
            continue
        start = token.i + 3 if doc[token.i + 2].lower_ == "the" else token.i + 2
        end = _name_run_end(doc, start)
        if end + 1 < len(doc) and doc[end].text in ("'s", "\u2019s") and _run_word(doc[end + 1]) \
                and doc[end + 1].lower_ not in BODY_WORDS:         # the chair of its "Board" chairs the possessor
            start, end = end + 1, _name_run_end(doc, end + 1)      # "the NHL's St. Louis Blues": the possessed
        run = doc[start:end]
        if not run or (len(run) == 1 and not _inner_capitals(run[0])) or doc[start].lower_.rstrip(".") in TITLES \
                or not _ends_a_name(doc, end) or any(t.ent_type_ == "PERSON" for t in run) \
                or all(t.ent_type_ in ("GPE", "LOC", "NORP") for t in run) or _read_otherwise(spans, start, end):
            continue
        found.append(Span(doc, start, end, label="ORG"))
    return found


def _read_otherwise(spans: list[Span], start: int, end: int) -> bool:
    """A span already read covers ``start``-``end`` or crosses one of its edges (only spans inside it give way)."""
    covers = any(s.start <= start and end <= s.end for s in spans)
    return covers or any(s.start < end and start < s.end and not start <= s.start < s.end <= end for s in spans)


def _name_run_end(doc: Doc, start: int) -> int:
    """Where a name that starts at ``start`` ends: capitalized words and acronyms, numbers after them ("Local
    32"), and "of", "for", "&" or a capitalized function word between two of them ("Right To Life")."""
    end = start
    while end < len(doc) and end - start < 8:
        token = doc[end]
        joins = end > start and end + 1 < len(doc) and _run_word(doc[end + 1]) and (
            token.lower_ in ("of", "for", "&") or (token.is_title and token.lower_ in NAME_JOINERS))
        if not (_run_word(token) or (end > start and token.like_num) or joins):
            break
        end += 1
    return end


def _run_word(token: Token) -> bool:
    """A word of a proper name: capitalized, in capitals or capitalized inside, or an abbreviation ("St.")."""
    capitalized = token.is_alpha and (token.is_title or _inner_capitals(token) or (token.is_upper and len(token) > 1))
    abbreviation = token.text[:1].isupper() and token.text.endswith(".") and token.text.replace(".", "").isalpha()
    return (capitalized and token.lower_ not in NAME_JOINERS) or abbreviation


def _inner_capitals(token: Token) -> bool:
    """"JustLeadershipUSA", "MoveOn": a one-word name capitalized inside."""
    return token.is_alpha and token.text[:1].isupper() and any(c.isupper() for c in token.text[1:]) \
        and not token.is_upper


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
        while start > 0 and title - start < 7 and _organization_word(doc[start - 1], start - 1 < title - 1) \
                and not (doc[start - 1].lower_ == "and" and (doc[start - 2].ent_type_ == "PERSON" or
                                                             (start >= 3 and doc[start - 3].lower_.rstrip(".") in TITLES) or
                                                             (title - start == 1 and _acronym(doc[start])))):
            start -= 1                               # not over "A Person and" in "A Person and City Transit President X"
                                                     # ("Mayor Bloomberg and City Council Speaker X", whatever the
                                                     # model called Bloomberg), nor over "First Lady X and" in
                                                     # "... and NYPD Commissioner Y"
        while start < title and (doc[start].is_stop or doc[start].like_num or doc[start].is_punct
                                 or doc[start].text == "'s" or doc[start].lower_ in TENURE_WORDS):
            start += 1                               # "But Board Chairman X", "Interim MTA Chair X": no name
        if title - start == 1 and doc[start].lower_ in ORG_HEADS | ORG_REFERENCES.keys() | GENERIC_BODIES | BODY_WORDS:
            continue                                 # "League President X", "Board Chairman X" refer back
        if start < title and doc[start].lower_ in STAFF_FUNCTIONS:
            continue                                 # "Deputy Fire Chief X" is a deputy
        if start == title or (doc[title - 1].lower_, doc[title].lower_) in OFFICE_TITLES or \
                all(_place_or_people(t) or t.lower_.rstrip(".") in TITLES for t in doc[start:title] if t.is_alpha) or \
                (title - start > 1 and all(t.ent_type_ == "PERSON" for t in doc[start:title])):
            continue
        found.append(Span(doc, start, title, label="ORG"))
    return found


DEMONYM = re.compile(r"(?:an|ans|ish|ese|i|ic|ch)$")
MIDDLE_INITIAL = re.compile(r"[A-Z]\.$")


def _place_or_people(token) -> bool:
    """A place ("Brooklyn Borough President") or a people's adjective ("American"); a word the model
    calls a nationality without a demonym's ending ("Verizon CEO X") is a company's name."""
    if token.ent_type_ in ("GPE", "LOC"):
        return True
    return token.ent_type_ == "NORP" and (bool(DEMONYM.search(token.lower_)) or token.text in PARTY_ADJECTIVES)


def _name_follows(doc: Doc, i: int) -> bool:
    """A name of two words or more starts at ``i`` (after a comma), a middle initial counted in ("Peter J. Kim")."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 2 < len(doc) and MIDDLE_INITIAL.match(doc[i + 1].text):
        return _name_word(doc[i]) and _name_word(doc[i + 2])
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
    Colorado", "Green Valley Votes, the renters' advocacy group", "director of New Yorkers for Parks" (a
    place or people that only opens the name)."""
    places = {s.start: s.end for s in spans if s.label_ in ("GPE", "NORP")}
    taken = {i for s in spans for i in range(s.start, s.end) if s.start not in places}
    tokens = list(doc)                                   # doc[i] makes a new Token each time
    found, i = [], 0
    while i < len(tokens):
        if not (tokens[i].is_upper or _proper_word(tokens[i])):     # no name and no acronym starts here
            i += 1
            continue
        end = i
        while end < len(tokens) and end - i < 7 and end not in taken and tokens[end].lower_.rstrip(".") not in TITLES \
                and not (tokens[end].lower_ in HEAD_TITLES and _name_follows(doc, end + 1)) \
                and (_proper_word(tokens[end]) or (tokens[end].is_upper and tokens[end].is_alpha and len(tokens[end]) > 1)
                     or (end > i and tokens[end].text in ("'", "'s", "for", "of", "and")
                                                and end + 1 < len(tokens) and _proper_word(tokens[end + 1]))
                     or (end > i and tokens[end].text == "'")
                     or (end > i and tokens[end].text == "-" and not tokens[end - 1].whitespace_     # "Chinese-American"
                         and not tokens[end].whitespace_ and end + 1 < len(tokens) and _proper_word(tokens[end + 1]))
                     or (end > i and tokens[end].like_num and end + 1 < len(tokens)
                         and (_proper_word(tokens[end + 1]) or tokens[end + 1].is_upper))):
            end += 1
        opened_by_place = i in places and not (end > places[i] and _ends_a_name(doc, end))
        if end - i >= 2 and not opened_by_place and (_after_endorsement_word(doc, i) or _after_head_title(doc, i)
                             or _after_descriptor(doc, i) or _described_as_organization(doc, end)
                             or doc[end - 1].lower_ in ORG_HEADS | {"pac"}):
            found.append(Span(doc, i, end, label="ORG"))
        elif i not in taken and _acronym(doc[i]) and _after_endorsement_word(doc, i):
            end = i + 1                                  # "nods from NOW", "the support of NOW-NYC"
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and _acronym(doc[end + 1]):
                end += 2
            found.append(Span(doc, i, end, label="ORG"))
        i = max(end, i + 1)
    return found


def _ends_a_name(doc: Doc, end: int) -> bool:
    """No lowercase noun follows: "Staten Island Catholic high school" describes a school, it names none."""
    return end >= len(doc) or not (doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ", "PROPN"))


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


def _after_descriptor(doc: Doc, start: int) -> bool:
    """"electronics recycling firm Hugo Neu", "the tenants group Harbor Renters United": a describing noun before."""
    return start >= 1 and doc[start - 1].is_lower and doc[start - 1].lower_ in ORG_NAME_DESCRIPTORS


def _described_as_organization(doc: Doc, end: int) -> bool:
    if end >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1:end + 8]:
        if token.text in {",", ".", ";"} or token.lower_ in ROLE_WORDS:   # "X, chairman of the Y Association": a person
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
    """"Advocacy Director", "Associate Regional Director", "Majority Leader": a staff or office title starts at
    token ``i``."""
    j = i
    while j < len(doc) and doc[j].lower_ in STAFF_FUNCTIONS:
        j += 1
    if j == i and doc[i].lower_ in {w for w, _ in OFFICE_TITLES}:
        j = i + 1
    return i < j < len(doc) and doc[j].lower_ in ROLE_WORDS | HEAD_TITLES | {w for _, w in OFFICE_TITLES}


def _name_word(token) -> bool:
    return (token.text[:1].isupper() and token.lower_ not in ROLE_WORDS and token.pos_ == "PROPN" and token.text.replace("'", "").replace("-", "").isalpha()
            and token.ent_type_ not in TEMPORAL_TYPES
            and token.lower_.rstrip(".") not in TITLES | LABEL_NOUNS)


def title_start(span: Span) -> int:
    """Where the mention starts once its titles are counted in ("Lt. Gov. Rosa Alvarez", "City Councilor X").
    A role a relation is read from stays outside ("CDC Director Dr. X", "his campaign treasurer X")."""
    doc, start = span.doc, span.start
    while start > span.sent.start and (doc[start - 1].lower_.rstrip(".") in HONORIFICS or doc[start - 1].text == ".") \
            and doc[start - 1].lower_ not in ROLE_WORDS:
        start -= 1
    if start < span.start:
        while start > span.sent.start and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ != "PERSON" and doc[start - 1].lower_ not in ROLE_WORDS | HEAD_TITLES:
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


@dataclass(frozen=True)
class NameEvidence:
    """What the document says of names: the gazetteer, the words and tails of the full names given, and,
    once spans are labelled, the tokens they take and the acronyms of the organizations among them."""

    gazetteer: Gazetteer
    name_parts: frozenset[str]
    name_tails: frozenset[str]
    surnames: frozenset[str] = frozenset()
    taken: frozenset[int] = frozenset()
    known_acronyms: frozenset[str] = frozenset()


LabelRule = Callable[[Span, NameEvidence], str | None]
MentionRule = Callable[[Token, NameEvidence], tuple[Span, str] | None]


def _name_evidence(spans: list[Span], gazetteer: Gazetteer) -> NameEvidence:
    """The words of the document's full names and of its titled surnames ("Mayor Bloomberg"), and the
    full names' tails: "Van Arsdale"; "de Blasio" also as "De Blasio"."""
    full_names = [s for s in spans if s.label_ == "PERSON" and len(s) > 1 and not gazetteer.find(s.text)]
    titled = [s for s in spans if s.label_ == "PERSON" and len(s) == 1 and s.start > 0 and s[0].is_title
              and s.doc[s.start - 1].lower_.rstrip(".") in HONORIFICS and not gazetteer.find(s.text)]
    return NameEvidence(
        gazetteer,
        frozenset(t.text for s in full_names + titled for t in s if t.text[:1].isupper()),
        frozenset(t for s in full_names for i in range(0 if s[0].is_lower else 1, len(s) - 1)   # "de Blasio" itself
                  for t in capitalized_too(s[i:].text)),
        frozenset(s.text for s in spans if s.label_ == "PERSON" and len(s) == 1 and s[0].is_title
                  and not gazetteer.find(s.text)))


def _known_organization(span: Span, evidence: NameEvidence) -> str | None:
    """A party named by its adjective, or an organization of the gazetteer, is an organization."""
    return "ORG" if span.id_ or evidence.gazetteer.find(span.text) else None


def _head_title_then_person(doc: Doc, i: int) -> bool:
    """A head's title ("CEO", "executive director", "'s co-owner") at token ``i``, then a name read as a person's."""
    if i < len(doc) and doc[i].lower_ in ("'s", "'"):
        i += 1
    while i < len(doc) and doc[i].lower_ in TITLE_MODIFIERS | {"co", "-"}:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in BODY_HEAD_TITLES:
        return False
    return i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ == "PERSON"


def _body_before_head_title(span: Span, evidence: NameEvidence) -> str | None:
    """"Con Ed CEO X": a "person" before a head's title and a person (here or where the same name stands) is a body."""
    if span.label_ != "PERSON":
        return None
    doc = span.doc
    same_name = [e.end for e in doc.ents if e.label_ == "PERSON" and e.text == span.text]
    if not any(_head_title_then_person(doc, end) for end in [span.end, *same_name]):
        return None
    surname = span[-1].text
    named_elsewhere = any(e.label_ == "PERSON" and e[-1].text == surname and e.text != span.text
                          and (e.end <= span.start or e.start >= span.end) for e in doc.ents)
    return None if named_elsewhere else "ORG"


def _model_person(span: Span, evidence: NameEvidence) -> str | None:
    """A span the model labelled PERSON is a person."""
    return "PERSON" if span.label_ == "PERSON" else None


def _word_of_full_name(span: Span, evidence: NameEvidence) -> str | None:
    """One word of a full name given elsewhere ("Sanders" tagged ORG, "Shelton" tagged GPE) is that person."""
    return "PERSON" if len(span) == 1 and span.text in evidence.name_parts else None


def _tail_of_full_name(span: Span, evidence: NameEvidence) -> str | None:
    """The tail of a full name given elsewhere ("Van Arsdale", "De Blasio") is that person."""
    return "PERSON" if span.text in evidence.name_tails else None


def _full_name_of_a_surname(span: Span, evidence: NameEvidence) -> str | None:
    """"Mei-Lin Tsou" tagged ORG where "Tsou" alone is a person: a short name ending in that word is that person."""
    words = [t for t in span if not t.is_punct]
    return "PERSON" if 2 <= len(words) <= 3 and span[-1].text in evidence.surnames \
        and all(t.is_title for t in words) and not any(t.lower_ in ORG_HEADS for t in span) else None


def _described_by_title(span: Span, evidence: NameEvidence) -> str | None:
    """"said Ines Calloway, president of ...": a name described by a title is a person."""
    return "PERSON" if _described_as_person(span) else None


def _campaign_staff_after(doc: Doc, i: int) -> bool:
    """"('s) campaign manager" (or another campaign role) starts at token ``i``."""
    words = [t.lower_ for t in doc[i:i + 3]]
    if words[:1] in (["'s"], ["'"]):
        words = words[1:]
    return len(words) >= 2 and words[0] == "campaign" and words[1] in CAMPAIGN_STAFF


def _owner_of_a_campaign(span: Span, evidence: NameEvidence) -> str | None:
    """"Hynes' campaign spokesman X": one capitalized word (not an acronym) owning campaign staff is the candidate."""
    return "PERSON" if len(span) == 1 and span[0].is_title and _campaign_staff_after(span.doc, span.end) else None


def _model_organization(span: Span, evidence: NameEvidence) -> str | None:
    """A span the model labelled ORG is an organization, unless it ends in a person descriptor or a title not after "of"."""
    if span.label_ == "ORG" and not _is_descriptor(span) and (
            span[-1].lower_.rstrip(".") not in TITLES or any(t.lower_ == "of" for t in span[:-1])):
        return "ORG"
    return None


LABEL_RULES: tuple[Rule[LabelRule], ...] = (
    Rule("known-organization", _known_organization),
    Rule("body-before-head-title", _body_before_head_title),
    Rule("model-person", _model_person),
    Rule("owner-of-a-campaign", _owner_of_a_campaign),
    Rule("word-of-full-name", _word_of_full_name),
    Rule("tail-of-full-name", _tail_of_full_name),
    Rule("full-name-of-a-surname", _full_name_of_a_surname),
    Rule("described-by-title", _described_by_title),
    Rule("model-organization", _model_organization),
)


def _surname_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """An unlabelled word of a full name given elsewhere is that person, with its particle ("de Blasio")."""
    if not (token.text in evidence.name_parts and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")):
        return None
    doc = token.doc
    particle = token.i > 0 and token.i - 1 not in evidence.taken \
        and doc[token.i - 1:token.i + 1].text in evidence.name_tails
    return doc[token.i - particle:token.i + 1], "PERSON"


def _campaign_owner_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """An unlabelled capitalized name before "campaign manager" ("Okafor campaign manager X") is the candidate."""
    if token.is_title and token.pos_ == "PROPN" and token.lower_.rstrip(".") not in TITLES | STAFF_FUNCTIONS \
            and _campaign_staff_after(token.doc, token.i + 1):           # not "Deputy Campaign Manager X"
        return token.doc[token.i:token.i + 1], "PERSON"
    return None


def _acronym_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """An unlabelled acronym of an organization named in full ("DFA" for "Democracy for America")."""
    if token.is_upper and token.is_alpha and token.text in evidence.known_acronyms:
        return token.doc[token.i:token.i + 1], "ORG"
    return None


def _named_by_title_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """"Chuck Canterbury, the national president of X": unlabelled capitalized words described by a title are a person."""
    doc = token.doc
    if not _name_word(token) or (token.i > 0 and _name_word(doc[token.i - 1])):
        return None
    end = token.i + 1
    while end < len(doc) and end - token.i < 3 and _name_word(doc[end]) and end not in evidence.taken:
        end += 1
    span = Span(doc, token.i, end, label="PERSON")
    return (span, "PERSON") if end - token.i >= 2 and _described_as_person(span) else None


def _acronym_with_title_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """An unlabelled acronym whose head title follows ("GLAAD's president", "P.A. Director X") is an organization."""
    doc = token.doc
    letters = token.text.replace(".", "")
    if not (letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6) or token.lower_.rstrip(".") in TITLES \
            or (letters != token.text and token.ent_type_ in ("GPE", "LOC", "NORP")):      # "U.S. Attorney X"
        return None
    after = [t.lower_ for t in doc[token.i + 1:token.i + 3]]
    title = after[1:2] if after[:1] in (["'s"], ["'"]) else after[:1]
    return (doc[token.i:token.i + 1], "ORG") if title and title[0] in HEAD_TITLES else None


def _unit_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """An unlabelled numbered unit ("Local 3", "Local 1181 of the Amalgamated Transit Union") is an organization."""
    doc = token.doc
    if token.lower_ in UNIT_WORDS and token.is_title and token.i + 1 < len(doc) and \
            UNIT_NUMBER.match(doc[token.i + 1].text) and token.i + 1 not in evidence.taken:
        return doc[token.i:_of_parent_end(doc, token.i + 2)], "ORG"
    return None


def _of_parent_end(doc: Doc, end: int) -> int:
    """Where "of the <Organization>" after a unit ends (``end`` itself if none follows)."""
    body_end = _organization_at(doc, end + 1) if end < len(doc) and doc[end].lower_ == "of" else None
    return end if body_end is None else body_end


def _office_title_mention(token: Token, evidence: NameEvidence) -> tuple[Span, str] | None:
    """"Police Commissioner X", "Police commissioner X" (not "Boston police commissioner X"): the title's body."""
    doc = token.doc
    for (length, words), organization in evidence.gazetteer.titles_at(doc, token.i):
        end = token.i + length
        if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and \
                (token.is_title or token.is_upper) and not set(range(token.i, end)) & evidence.taken \
                and not _names_another_body(token, words[0], organization, evidence.gazetteer):
            return Span(doc, token.i, end - 1, label="ORG", span_id=organization.name), "ORG"
    return None


def _names_another_body(title: Token, word: str, organization, gazetteer: Gazetteer) -> bool:
    """""Nassau County Police Department ...," Police Commissioner X said': the sentence names his body."""
    return any(ent.label_ == "ORG" and word in {t.lower_ for t in ent} and not ent.start <= title.i < ent.end
               and gazetteer.find(ent.text) is not organization for ent in title.sent.ents)


MENTION_RULES: tuple[Rule[MentionRule], ...] = (
    Rule("surname-mention", _surname_mention),
    Rule("campaign-owner", _campaign_owner_mention),
    Rule("acronym-mention", _acronym_mention),
    Rule("acronym-before-title", _acronym_with_title_mention),
    Rule("named-by-title", _named_by_title_mention),
    Rule("unit-mention", _unit_mention),
    Rule("office-title", _office_title_mention),
)


def repair_labels(spans: list[Span], doc: Doc, gazetteer: Gazetteer,
                  disabled: frozenset[str] = frozenset()) -> list[tuple[Span, str]]:
    """Fix the model's labels with what the rest of the document says, by :data:`LABEL_RULES`, and add
    the unlabelled words that :data:`MENTION_RULES` find (less ``disabled``).

    A word that is the surname of a person named in full elsewhere is that person, whatever the
    model called it ("Sanders" as ORG, "Shelton" as GPE); a gazetteer organization is an ORG; other
    GPE/NORP spans are dropped. Unlabelled surnames of known people become mentions too.
    """
    evidence = _name_evidence(spans, gazetteer)
    label_rules = enabled(LABEL_RULES, disabled)
    repaired = [(span, label) for span in spans if (label := first_result(label_rules, span, evidence)) is not None]
    evidence = replace(evidence, taken=frozenset(i for span, _ in repaired for i in range(span.start, span.end)),
                       known_acronyms=_organization_acronyms(repaired))
    mention_rules = enabled(MENTION_RULES, disabled)
    unlabelled = [found for token in doc if token.i not in evidence.taken and _capitalized(token)
                  and (found := first_result(mention_rules, token, evidence)) is not None]
    repaired = [(span, label) for span, label in repaired        # "Local 1181 of the X" holds its parent's name
                if not any(u.start <= span.start and span.end <= u.end for u, _ in unlabelled)]
    return sorted(repaired + unlabelled, key=lambda item: item[0].start)


def _capitalized(token: Token) -> bool:
    """Every mention rule starts at a capitalized word (a name, an acronym, a title or "Local")."""
    return token.is_title or token.is_upper or token.text[:1].isupper()


def _organization_acronyms(labelled: list[tuple[Span, str]]) -> frozenset[str]:
    """The acronyms of the organizations of more than one word among ``labelled``."""
    return frozenset(a for span, label in labelled if label == "ORG" and len(span) > 1 for a in acronyms(span.text))


def _described_as_person(span: Span) -> bool:
    """"said Ines Calloway, president of ...": a name (however the model labelled it) described by a title."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title for t in span) or any(t.lower_ in ORG_HEADS for t in span):
        return False
    after = [t.lower_ for t in doc[span.end:span.end + 5]]
    start = span.start
    while start > span.sent.start and doc[start - 1].pos_ in ("DET", "ADJ") and span.start - start < 2:
        start -= 1                                   # "said an appalled Ines Calloway, director of ..."
    return bool(after) and after[0] == "," and any(w in ROLE_WORDS | HEAD_TITLES for w in after[1:4]) and \
        (start == span.sent.start or doc[start - 1].lower_ in {"said", "says", "told", ",", "and", '"', "\u201d"})


def names_a_campaign(doc: Doc, end: int) -> bool:
    """"Trump campaign", "Trump's campaign": the name ending at token ``end`` owns a campaign."""
    return any(token.lower_ == "campaign" for token in doc[end:end + 2] if token.lower_ not in ("'s", "'"))


def names_a_principal(doc: Doc, end: int) -> bool:
    """"Trump campaign", "Obama adviser", "Lhota's spokeswoman": the name ending at ``end`` owns a campaign or an adviser."""
    after = [token.lower_ for token in doc[end:end + 2] if token.lower_ not in ("'s", "'")]
    return names_a_campaign(doc, end) or bool(after) and after[0] in ADVISER_WORDS


def capitalized_too(text: str) -> set[str]:
    """``text`` as written and with its first letter capitalized ("de Blasio" opening a sentence)."""
    return {text, text[:1].upper() + text[1:]}


def _is_descriptor(span: Span) -> bool:
    return span[-1].lower_ in PERSON_DESCRIPTORS


def acronyms(name: str) -> set[str]:
    """Initials of a name, with and without its small words: "Democracy for America" -> {"DFA", "DA"}."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() != "the"]
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}
