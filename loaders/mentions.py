"""Who an article talks about: its people and organizations, each mention resolved to one entity.

Resolution works within the article first (acronyms to full names, surnames to full names, back-references
by :mod:`.coref`), then against the graph built so far (``known``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from ..graph.model import normalize_name
from ..graph.names import NameIndex
from .coref import references
from .gazetteer import Gazetteer
from .headlines import headline_mentions, title_case_lines
from .mention_model import KIND_PATTERNS, ArticleEntities, EntityInfo, Mention, kind_from_words
from .parsed_entities import parsed_entity_spans
from .spans import acronyms, capitalized_too, names_a_campaign, names_a_principal, title_start
from .vocabulary import (CANDIDATE_WORDS, FUZZY_MIN, GENERIC_ORGS, INSTITUTION_NOUNS, NICKNAMES, OFFICE_HOLDER_TITLES,
                         ORG_HEADS, RELATIVE_CUES, SURNAME_KIN)

NAME_HEADS = ORG_HEADS | INSTITUTION_NOUNS | GENERIC_ORGS           # "Dartmouth" + "College"
DOMINANT = 3                                         # full-name mentions that make a shared surname someone's


def find_entities(doc: Doc, gazetteer: Gazetteer, known: NameIndex | None = None) -> ArticleEntities:
    """Every person and organization mention in ``doc``, resolved to canonical entities
    (within the article first, then against ``known``, the names of the graph built so far)."""
    headlines = title_case_lines(doc)
    spans = parsed_entity_spans(doc, gazetteer)
    entities: dict[str, EntityInfo] = {}
    mentions: list[Mention] = []
    text = doc.text                                  # built once: Doc.text joins every token
    resolver = _Resolver(spans, gazetteer, known)
    for span, label in spans:
        name, known_kind = resolver.resolve(span, label)
        if name is None:
            continue
        name = " ".join(name.split())                # one space between words, where an editor's bracket stood
        info = entities.setdefault(name, EntityInfo(name, "Person" if label == "PERSON" else "Organization"))
        info.surfaces.append(span.text)
        if label == "ORG":
            info.kind = info.kind or known_kind or kind_from_words(name) or _kind_from_context(span)
            info.members = info.members or _members_near(span, text)
        elif _described_as_candidate(span):
            info.type = "Candidate"
        mentions.append(Mention(title_start(span) if label == "PERSON" else span.start, span.end, name, label))
    mentions += headline_mentions(doc, headlines, entities)
    mentions += references(doc, mentions, entities)
    for info in entities.values():
        if info.type == "Organization" and not info.kind:
            info.kind = "other"
    return ArticleEntities(sorted(mentions, key=lambda m: m.start), entities)


class _Resolver:
    """Maps a mention's surface form to a canonical name."""

    def __init__(self, spans: list[tuple[Span, str]], gazetteer: Gazetteer, known: NameIndex | None):
        self.gazetteer = gazetteer
        self.graph_names = known
        self.organizations = [s for s, label in spans if label == "ORG"]
        self.by_tail: dict[str, set[str]] = defaultdict(set)     # "Blasio", "de Blasio" -> {"Bill de Blasio"}
        self.by_end_word: dict[str, set[str]] = defaultdict(set)  # "Bill", "Blasio" -> {"Bill de Blasio"}
        people = [s for s, label in spans if label == "PERSON" and len(s) > 1]
        self.fuller = _fuller_names({p.text for p in people})             # "Carl Paladino" -> "Carl P. Paladino"
        self.fuller |= _formal_names({p.text for p in people}, self.fuller)  # "Ted Kennedy" -> "Edward M. Kennedy"
        self.full_mentions: Counter[str] = Counter()
        self.candidates: set[str] = set()                                 # people the article says run for office
        self.relatives = {self.fuller.get(p.text, p.text) for p in people if _introduced_as_relative(p)}
        self.officeholders = {self.fuller.get(p.text, p.text) for p in people if _office_title_before(p)}
        for person in people:
            name = self.fuller.get(person.text, person.text)
            self.full_mentions[name] += 1
            if _described_as_candidate(person) or names_a_campaign(person.doc, person.end):
                self.candidates.add(name)
            for start in range(1, len(person)):
                tail = person[start:].text
                for form in capitalized_too(tail):                      # "De Blasio" opening a sentence
                    self.by_tail[form].add(name)
            self.by_end_word[person[0].text].add(name)
            self.by_end_word[person[-1].text].add(name)

    def resolve(self, span: Span, label: str) -> tuple[str | None, str | None]:
        if label == "ORG":
            return self._organization(span)
        return self._person(span), None

    def _organization(self, span: Span) -> tuple[str | None, str | None]:
        earlier = self._named_by_tail(span) or self._named_by_head(span) or self._named_without_head(span) \
            or self._named_before_parenthesis(span)
        if earlier is not None:
            return self._organization(earlier)
        if len(span) == 1 and span[0].lower_ in INSTITUTION_NOUNS:
            return None, None                        # "Museum" where the article names no one museum
        known = self.gazetteer.find(span.text) or (self.gazetteer.find(span.id_) if span.id_ else None) \
            or self._titled_body(span)
        if known is None and len(span) > 1:
            known = self._fuzzy_known(span.text)
        if known:
            return known.name, known.kind
        letters = span.text.replace(".", "")                 # "P.A." is "PA"
        if letters.isupper() and 2 <= len(letters) <= 6:
            for other in self.organizations:
                if len(other) > 1 and letters in acronyms(other.text):
                    return self._organization(other)
        graph_name = self._graph_name(span.id_ or span.text, ("Organization",))
        return graph_name or span.id_ or span.text, None

    def _titled_body(self, span: Span):
        """"Defense" in "Defense Secretary X": the body a known title ending right after the span names."""
        return next((body for (length, _), body in self.gazetteer.titles_at(span.doc, span.start)
                     if span.start + length - 1 == span.end), None)

    def _named_by_tail(self, span: Span) -> Span | None:
        """An earlier organization whose full name ends with this short one ("Council", "Local 1199")."""
        words = span.text.split()
        if len(words) > 2 or (len(words) == 1 and words[0].lower() not in ORG_HEADS):
            return None
        return next((o for o in reversed(self.organizations) if o.start < span.start and len(o) > len(span)
                     and [w.lower() for w in o.text.split()[-len(words):]] == [w.lower() for w in words]), None)

    def _named_by_head(self, span: Span) -> Span | None:
        """"Museum" alone ("Museum director X"): the article's one organization named by that noun,
        at its end ("Brooklyn Museum") or before "of"/"for" ("Museum of Food and Drink", "Sanctuary for Families")."""
        if len(span) != 1 or span[0].lower_ not in INSTITUTION_NOUNS:
            return None
        word = span[0].lower_
        return self._only_organization(lambda o: len(o) > 1 and any(
            t.lower_ == word and (t.i == o.end - 1 or t.nbor().lower_ in ("of", "for")) for t in o))

    def _named_without_head(self, span: Span) -> Span | None:
        """"Dartmouth" for "Dartmouth College", "Working Families" for "Working Families Party": the article's
        one organization named by these words and a head word after them."""
        if span.text.isupper() or self.gazetteer.find(span.text):
            return None                              # "FDNY" names the department, not the FDNY Foundation
        words = [t.lower_ for t in span]
        return self._only_organization(lambda o: len(o) == len(span) + 1 and o[-1].lower_ in NAME_HEADS
                                       and [t.lower_ for t in o[:-1]] == words)

    def _only_organization(self, fits: Callable[[Span], bool]) -> Span | None:
        """The article's organization that ``fits``, if exactly one name does."""
        named = {o.text: o for o in self.organizations if fits(o)}
        return next(iter(named.values())) if len(named) == 1 else None

    def _named_before_parenthesis(self, span: Span) -> Span | None:
        """"The Grand Canyon Conservatives PAC (GCC PAC)": a name in parentheses right after an
        organization's is that organization's short name."""
        doc = span.doc
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return None
        return next((o for o in self.organizations if o.end == span.start - 1 and len(o) > len(span)), None)

    def _fuzzy_known(self, text: str):
        """A known organization spelt a little differently ("Communications Worker of America"), word for
        word: a name with a word more ("Local 3 International Brotherhood of ...") is another body."""
        normalized = normalize_name(text)
        best = process.extractOne(normalized, self.gazetteer.normalized_names, scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_MIN)
        if best is None or len(best[0].split()) != len(normalized.split()):
            return None
        return self.gazetteer.find(best[2])

    def _person(self, span: Span) -> str | None:
        text = span.text
        if len(span) > 1:
            if text in self.fuller:
                return self.fuller[text]
            matches = self.by_tail.get(text, set())      # "de Blasio", "Van Arsdale"
        else:
            kin = _kin_full_name(span)
            if kin is not None:
                return kin
            matches = self.by_end_word.get(text, set())
        if len(matches) == 1:
            named = next(iter(matches))
            if named in self.relatives and _office_title_before(span):   # "President Obama" is not Michelle
                return self._graph_name(text, ("Person", "Candidate"), surname=True) or text
            return named
        if matches and names_a_principal(span.doc, span.end):   # people sharing the name of a campaign's owner:
            running = matches & self.candidates                  # the candidate among them, the one the graph
            if len(running) != 1:                                # built so far knows as a candidate, else the name
                running = matches & self._graph_candidates(text)
            return next(iter(running)) if len(running) == 1 else text
        if matches:                                  # several people share this name: the one the article is about
            shared = _dominant(matches, self.full_mentions) or self._the_candidate(matches) \
                or self._the_officeholder(matches) or _named_in_headline(matches, span.doc)
            return shared or (text if len(span) > 1 else None)
        return text if len(span) > 1 else self._graph_name(text, ("Person", "Candidate"), surname=True) or text

    def _the_candidate(self, names: set[str]) -> str | None:
        """Of people sharing a surname, the one the article calls a candidate, if no other is named in full
        more often ("Bill de Blasio" beside his children Chiara and Dante de Blasio)."""
        running = names & self.candidates
        if len(running) != 1:
            return None
        candidate = next(iter(running))
        return candidate if all(self.full_mentions[candidate] >= self.full_mentions[n] for n in names) else None

    def _the_officeholder(self, names: set[str]) -> str | None:
        """Of people sharing a surname, the one the article names in full after an office's title, if only one
        ("Governor Andrew Cuomo" beside his father Mario and grandmother Andrea Cuomo)."""
        titled = names & self.officeholders
        return next(iter(titled)) if len(titled) == 1 else None

    def _graph_candidates(self, surname: str) -> set[str]:
        """The names of the candidates of the graph built so far who have ``surname``."""
        if self.graph_names is None:
            return set()
        return {self.graph_names.name_of(i) for i in self.graph_names.by_surname(surname)
                if self.graph_names.type_of(i) == "Candidate"}

    def _graph_name(self, text: str, types: tuple[str, ...], surname: bool = False) -> str | None:
        """The one entity of the graph built so far that ``text`` names (or, for people, ends with)."""
        if self.graph_names is None:
            return None
        ids = self.graph_names.ids(text, types)
        if not ids and surname:
            ids = self.graph_names.by_surname(text)
        return self.graph_names.name_of(ids.pop()) if len(ids) == 1 else None


def _introduced_as_relative(person: Span) -> bool:
    """"First Lady Michelle Obama", "his wife Ann Lutz": a full name a relative's word stands just before."""
    before = person.doc[max(person.start - 2, 0):person.start]
    return any(t.lower_.rstrip(".") in RELATIVE_CUES for t in before)


def _office_title_before(span: Span) -> bool:
    """"President Obama", "Gov. Lutz": an office's title right before the name."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in OFFICE_HOLDER_TITLES


def _kin_full_name(span: Span) -> str | None:
    """"Wojcicki's sister Susan": a first name after a surname's kin noun, with that surname."""
    doc, start = span.doc, span.start
    if start >= 3 and doc[start - 1].lower_ in SURNAME_KIN and doc[start - 2].text in ("'s", "'") \
            and doc[start - 3].pos_ == "PROPN" and doc[start - 3].is_title:
        return f"{span.text} {doc[start - 3].text}"
    return None


def _named_in_headline(names: set[str], doc: Doc) -> str | None:
    """Of people sharing a surname, the one the headline (the first line) names in full, if it names one:
    "Kennedy" in a post headlined "Senator Ted Kennedy Dies" that also names Robert and Patrick Kennedy."""
    headline = doc.text.split("\n", 1)[0]
    named = [name for name in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", headline)]
    return named[0] if len(named) == 1 else None


def _dominant(names: set[str], full_mentions: Counter[str]) -> str | None:
    """Of people sharing a surname, the one named in full at least ``DOMINANT`` times as often as any
    other and at least that many times ("Barack Obama" nine times, "Michelle Obama" once); else None."""
    ranked = sorted(names, key=lambda name: full_mentions[name], reverse=True)
    first, runner_up = full_mentions[ranked[0]], full_mentions[ranked[1]]
    return ranked[0] if first >= DOMINANT and first >= DOMINANT * runner_up else None


def _fuller_names(names: set[str]) -> dict[str, str]:
    """"Carl Paladino" -> "Carl P. Paladino": a name and the one fuller form of it the article gives (the same
    first and last word, words inserted). Two fuller forms ("George W. Bush", "George H. W. Bush") map nothing."""
    fuller: dict[str, str] = {}
    for name in names:
        words = name.split()
        longer = [other for other in names if len(other.split()) > len(words) and _inserted_into(words, other.split())]
        if len(longer) == 1:
            fuller[name] = longer[0]
    return fuller


def _formal_names(names: set[str], fuller: dict[str, str]) -> dict[str, str]:
    """"Ted Kennedy" -> "Edward M. Kennedy", "Cy Vance" -> "Cyrus Vance": a name whose given name is short
    for the given name of another the article gives (that one's fuller form, if any), if for exactly one."""
    formal: dict[str, str] = {}
    for name in names:
        first, *rest = name.split()
        full_forms = NICKNAMES.get(first.lower())
        if not full_forms or not rest:
            continue
        found = {fuller.get(other, other) for other in names if other.split()[0].lower() in full_forms
                 and _inserted_into([other.split()[0], *rest], other.split())}
        if len(found) == 1:
            formal[name] = found.pop()
    return formal


def _inserted_into(words: list[str], longer: list[str]) -> bool:
    """``longer`` is ``words`` with words inserted between its first and last."""
    if longer[0] != words[0] or longer[-1] != words[-1]:
        return False
    rest = iter(longer[1:-1])
    return all(word in rest for word in words[1:-1])


def _described_as_candidate(span: Span) -> bool:
    """"the Green Party nominee X", "X is running for mayor", "X, who ran for governor", "the X campaign"."""
    doc = span.doc
    window = doc[max(span.start - 3, span.sent.start):span.start]
    after = [t.lower_ for t in doc[span.end:min(span.end + 5, span.sent.end)]]
    running = any(word in ("running", "ran", "run") and after[i + 1:i + 2] == ["for"] for i, word in enumerate(after))
    owned = after[1:] if after[:1] in (["'s"], ["'"]) else after
    campaign = owned[:1] == ["campaign"] and owned[1:2] not in (["to"], ["against"], ["for"])   # not a cause's
    return running or campaign or any(t.lower_ in CANDIDATE_WORDS for t in window)


def _kind_from_context(span: Span) -> str | None:
    """"the liberal group X", "X, a union that ...": a describing noun next to the mention."""
    doc = span.doc
    before = doc[max(span.start - 3, span.sent.start):span.start]
    after = doc[span.end:min(span.end + 4, span.sent.end)]
    context = " ".join(t.lower_ for t in before) + " | " + " ".join(t.lower_ for t in after if t.text != ",")
    return next((kind for word, kind in KIND_PATTERNS if word.search(context)), None)


_MEMBERS = re.compile(r"(\d[\d,]*)(?:-| )member|represents (\d[\d,]*) (?:workers|members|employees)")


def _members_near(span: Span, text: str) -> int | None:
    window = text[max(span.start_char - 40, 0):span.end_char + 60]
    before, _, after = window.partition(span.text)
    match = _MEMBERS.search(before.rsplit(".", 1)[-1] + span.text + after.split(".", 1)[0])
    if not match:
        return None
    return int((match.group(1) or match.group(2)).replace(",", ""))
