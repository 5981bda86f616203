"""Who an article talks about: entity mentions found by spaCy and the gazetteer, repaired and resolved.

Resolution works within the article first (acronyms to full names, surnames to full names,
"the union" to the organization just named, "he" to the person just discussed, "the Vermont
senator" to the article's main person), then against the graph built so far.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from ..graph.model import normalize_name
from ..graph.names import NameIndex
from .gazetteer import Gazetteer

TITLES = {"sen", "senator", "rep", "representative", "gov", "governor", "president", "mr", "mrs", "ms",
          "dr", "secretary", "mayor", "vice", "former", "congressman", "congresswoman", "sec", "rev", "gen",
          "lt", "lieutenant", "alderwoman", "alderman", "councilman", "councilwoman", "councilmember",
          "commissioner", "judge", "justice", "assemblyman", "assemblywoman", "delegate", "comptroller",
          "businessman", "businesswoman", "attorney", "general", "state", "speaker", "leader", "sheriff",
          "councilor", "trustee", "supervisor", "treasurer", "auditor", "chancellor", "pastor", "sgt", "capt",
          "cpl", "det", "col", "maj", "supt", "cmdr", "insp", "officer", "sergeant", "captain", "chief",
          "atty", "del", "comm"}
NAME_CUES = {"candidate", "challenger", "nominee", "incumbent", "rival", "opponent", "activist", "organizer",
             "lawyer", "prosecutor", "executive", "member", "official", "consultant", "veteran"}
ORG_HEADS = {"council", "association", "union", "federation", "committee", "party", "alliance", "coalition",
             "fund", "caucus", "club", "league", "society", "foundation", "bureau", "network", "project"}
PERSON_DESCRIPTORS = {"senator", "governor", "congressman", "congresswoman", "lawmaker", "candidate",
                      "democrat", "republican", "populist", "mayor", "socialist", "frontrunner", "front-runner"}
REFERRING_TITLES = {"senator", "governor", "congressman", "congresswoman", "lawmaker", "mayor", "candidate",
                    "frontrunner", "front-runner", "councilwoman", "councilman", "incumbent", "challenger"}
CANDIDATE_WORDS = {"candidate", "front-runner", "frontrunner", "nominee", "hopeful", "challenger", "contender"}
ORG_REFERENCES = {  # "the union" refers back to the last organization of a compatible kind
    "union": {"union", "union federation", "other"}, "association": {"union", "other"}, "federation": {"union federation"}, "party": {"party"},
    "group": {"advocacy group", "other", "PAC", "party"}, "organization": None, "organisation": None,
    "pac": {"PAC"}, "committee": {"PAC", "party", "other"}, "coalition": {"advocacy group", "other"},
    "council": None, "chapter": None, "local": None, "alliance": None, "league": None, "club": None,
}
KIND_WORDS = [  # the first word found in an unknown organization's name (or its description) sets its kind
    ("federation", "union federation"), ("afl", "union federation"), ("union", "union"),
    ("workers", "union"), ("brotherhood", "union"), ("teachers", "union"), ("nurses", "union"),
    ("party", "party"), ("pac", "PAC"), ("super pac", "PAC"), ("fund", "PAC"),
    ("campaign", "campaign"), ("committee", "PAC"), ("group", "advocacy group"),
    ("coalition", "advocacy group"), ("alliance", "advocacy group"), ("league", "advocacy group"),
    ("caucus", "government body"), ("congress", "government body"),
    ("senate", "government body"), ("house", "government body"), ("department", "government body"),
    ("times", "media"), ("post", "media"), ("news", "media"), ("journal", "media"),
    ("inc", "company"), ("corp", "company"), ("company", "company"),
]
UNIT_WORDS = {"local", "region", "district", "chapter", "lodge", "branch", "division"}
UNIT_NUMBER = re.compile(r"^\d+[A-Za-z]?$")
ENDORSEMENT_WORDS = {"endorsement", "endorsements", "backing", "nod", "support", "endorsed", "backed"}
ORG_DESCRIPTORS = {"group", "union", "organization", "organisation", "association", "party", "committee",
                   "coalition", "pac", "federation", "alliance", "council", "caucus", "nonprofit"}
GENERIC_ORGS = {"pac", "super pac", "union", "campaign", "committee", "party", "the union", "related", "watch"}
SUBJECT_PRONOUNS = {"he", "she"}
OBJECT_PRONOUNS = {"him", "her"}
TEMPORAL_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
HONORIFICS = TITLES - {"president", "secretary", "vice", "former", "state", "speaker", "leader", "chief"}
TITLE_LEAD_INS = {"state", "former", "then", "county", "city", "u.s.", "us", "federal"}
ROLE_WORDS = {"spokesperson", "spokeswoman", "spokesman", "president", "director", "chair", "chairman",
              "chairwoman", "adviser", "advisor", "manager", "strategist", "secretary", "treasurer", "founder"}
FUZZY_MIN = 92


@dataclass
class EntityInfo:
    """One entity of an article: its canonical name, type, and what the article says of it."""

    name: str
    type: str                       # Person, Candidate or Organization
    surfaces: list[str] = field(default_factory=list)
    kind: str | None = None
    members: int | None = None


@dataclass(frozen=True)
class Mention:
    """A span of the document that names (or refers back to) an entity."""

    start: int                      # token indices
    end: int
    entity: str                     # canonical name, the key of ArticleEntities.entities
    label: str                      # PERSON or ORG
    explicit: bool = True           # False for "the union", "he", "the Vermont senator"


@dataclass
class ArticleEntities:
    mentions: list[Mention]
    entities: dict[str, EntityInfo]

    def at(self, token_index: int) -> Mention | None:
        for mention in self.mentions:
            if mention.start <= token_index < mention.end:
                return mention
        return None


def find_entities(doc: Doc, gazetteer: Gazetteer, known: NameIndex | None = None) -> ArticleEntities:
    """Every person and organization mention in ``doc``, resolved to canonical entities
    (within the article first, then against ``known``, the names of the graph built so far)."""
    raw = [part for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP") for part in _split_at_role(e)]
    raw = [s for s in (_trim(e) for e in raw) if s is not None]
    raw = [_extend_organization(s) if s.label_ == "ORG" else s for s in raw]
    raw = _merge_overlaps(_names_after_titles(doc) + _full_names_of_surnames(doc, raw) + raw)
    raw = _merge_overlaps(raw + _organizations_by_context(doc, raw))
    spans = _repair_labels(raw, doc, gazetteer)
    entities: dict[str, EntityInfo] = {}
    mentions: list[Mention] = []
    resolver = _Resolver(spans, gazetteer, known)
    for span, label in spans:
        name, known_kind = resolver.resolve(span, label)
        if name is None:
            continue
        info = entities.setdefault(name, EntityInfo(name, "Person" if label == "PERSON" else "Organization"))
        info.surfaces.append(span.text)
        if label == "ORG":
            info.kind = info.kind or known_kind or _kind_from_words(name) or _kind_from_context(span)
            info.members = info.members or _members_near(span)
        elif _described_as_candidate(span):
            info.type = "Candidate"
        mentions.append(Mention(_title_start(span) if label == "PERSON" else span.start, span.end, name, label))
    mentions += _references(doc, mentions, entities)
    for info in entities.values():
        if info.type == "Organization" and not info.kind:
            info.kind = "other"
    return ArticleEntities(sorted(mentions, key=lambda m: m.start), entities)


def _trim(span: Span) -> Span | None:
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
    if label == "ORG" and not span.id_ and doc[start].lower_.rstrip(".") in HONORIFICS and end - start > 1 \
            and all(t.is_title for t in doc[start:end]):
        label = "PERSON"                             # "Councilwoman Naomi Feld" tagged as an organization
    if label == "PERSON":
        last_title = max((t.i for t in doc[start:end - 1] if t.lower_.rstrip(".") in TITLES), default=None)
        if last_title is not None:                   # "Millcreek Township Supervisor Dominic Farrugia"
            start = last_title + 1
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


def _extend_organization(span: Span) -> Span:
    """Grow an organization over the place or local that is part of its name.

    "Colorado AFL-CIO", "the Oregon League of Conservation Voters", "UNITE HERE Local 11",
    "Democratic Party of New Mexico", "Sierra Club California" are chapters, not the national body.
    """
    doc, start, end = span.doc, span.start, span.end
    limit = span.sent.end
    while start > span.sent.start and _place_word(doc[start - 1]):
        start -= 1
    if start >= 2 and doc[start - 1].lower_ in ("for", "of") and doc[start - 2].is_title and \
            doc[start - 2].ent_type_ not in ("PERSON", *TEMPORAL_TYPES) and doc[start - 2].i >= span.sent.start:
        start -= 2                                   # "Americans for Lower Taxes"
    while end < limit and doc[end].lower_ in ORG_HEADS and doc[end].is_title:
        end += 1
    run = end                                        # "the Grand Canyon" + "State Teachers Union"
    while run < limit and run - end < 4 and _proper_word(doc[run]) and doc[run].ent_type_ not in TEMPORAL_TYPES:
        run += 1
        if doc[run - 1].lower_ in ORG_HEADS:
            end = run
    if span.text.isupper() and span.id_:             # "SEIU Healthcare Pennsylvania"
        while end < limit and end - span.end < 3 and _proper_word(doc[end]) and doc[end].ent_type_ not in \
                TEMPORAL_TYPES and doc[end].lower_.rstrip(".") not in TITLES | ROLE_WORDS | UNIT_WORDS:
            end += 1
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


def _split_at_role(span: Span) -> list[Span]:
    """"Shaw spokesperson Nadia Petrov" read as one entity is two: a name, a role word, a name."""
    for token in span[1:-1]:
        if token.lower_ in ROLE_WORDS:
            return [Span(span.doc, span.start, token.i, label=span.label_),
                    Span(span.doc, token.i + 1, span.end, label="PERSON")]
    return [span]


def _names_after_titles(doc: Doc) -> list[Span]:
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


def _organizations_by_context(doc: Doc, spans: list[Span]) -> list[Span]:
    """Unlabelled proper names that context makes organizations: "the endorsement of Conservation
    Colorado", "Green Valley Votes, the renters' advocacy group"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found, i = [], 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 7 and end not in taken and doc[end].lower_.rstrip(".") not in TITLES \
                and (_proper_word(doc[end]) or (end > i and doc[end].text in ("'", "'s", "for", "of", "and")
                                                and end + 1 < len(doc) and _proper_word(doc[end + 1]))
                     or (end > i and doc[end].text == "'")):
            end += 1
        if end - i >= 2 and (_after_endorsement_word(doc, i) or _described_as_organization(doc, end)):
            found.append(Span(doc, i, end, label="ORG"))
        i = max(end, i + 1)
    return found


def _after_endorsement_word(doc: Doc, start: int) -> bool:
    window = [t for t in doc[max(start - 5, 0):start] if t.pos_ != "DET"]
    return (len(window) > 0 and window[-1].lower_ in {"of", "from", "by"}
            and any(t.lower_ in ENDORSEMENT_WORDS for t in window))


def _described_as_organization(doc: Doc, end: int) -> bool:
    if end >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1:end + 8]:
        if token.text in {",", ".", ";"}:
            return False
        if token.lower_ in ORG_DESCRIPTORS:
            return True
    return False


def _full_names_of_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Marcus Dunn" left unlabelled while "Dunn" is a person elsewhere: label the full name too."""
    surnames = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
    found = []
    for token in doc[1:]:
        if token.text in surnames and _name_word(doc[token.i - 1]) and doc[token.i - 1].ent_type_ != "PERSON":
            found.append(Span(doc, token.i - 1, token.i + 1, label="PERSON"))
    return found


def _name_word(token) -> bool:
    return (token.is_title and token.pos_ == "PROPN" and token.is_alpha and token.ent_type_ not in TEMPORAL_TYPES
            and token.lower_.rstrip(".") not in TITLES)


def _title_start(span: Span) -> int:
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


def _merge_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _repair_labels(spans: list[Span], doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Fix the model's labels with what the rest of the document says.

    A word that is the surname of a person named in full elsewhere is that person, whatever the
    model called it ("Sanders" as ORG, "Shelton" as GPE); a gazetteer organization is an ORG; other
    GPE/NORP spans are dropped. Unlabelled surnames of known people become mentions too.
    """
    full_names = [s for s in spans if s.label_ == "PERSON" and len(s) > 1 and not gazetteer.find(s.text)]
    name_parts = {t.text for s in full_names for t in s if t.text[:1].isupper()}
    name_tails = {s[i:].text for s in full_names for i in range(1, len(s) - 1)}   # "Van Arsdale"
    repaired: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for span in spans:
        if span.id_ or gazetteer.find(span.text):
            label = "ORG"
        elif span.label_ == "PERSON" or (len(span) == 1 and span.text in name_parts) or span.text in name_tails:
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
            repaired.append((doc[token.i:token.i + 1], "PERSON"))
        elif token.is_upper and token.is_alpha and token.text in known_acronyms:
            repaired.append((doc[token.i:token.i + 1], "ORG"))
        elif token.lower_ in UNIT_WORDS and token.is_title and token.i + 1 < len(doc) and \
                UNIT_NUMBER.match(doc[token.i + 1].text) and token.i + 1 not in taken:
            repaired.append((doc[token.i:token.i + 2], "ORG"))
    return sorted(repaired, key=lambda item: item[0].start)


def _is_descriptor(span: Span) -> bool:
    return span[-1].lower_ in PERSON_DESCRIPTORS


class _Resolver:
    """Maps a mention's surface form to a canonical name."""

    def __init__(self, spans: list[tuple[Span, str]], gazetteer: Gazetteer, known: NameIndex | None):
        self.gazetteer = gazetteer
        self.graph_names = known
        self.people = [s for s, label in spans if label == "PERSON" and len(s) > 1]
        self.organizations = [s for s, label in spans if label == "ORG"]

    def resolve(self, span: Span, label: str) -> tuple[str | None, str | None]:
        if label == "ORG":
            return self._organization(span)
        return self._person(span), None

    def _organization(self, span: Span) -> tuple[str, str | None]:
        earlier = self._named_by_tail(span)
        if earlier is not None:
            return self._organization(earlier)
        known = self.gazetteer.find(span.text) or (self.gazetteer.find(span.id_) if span.id_ else None)
        if known is None and len(span) > 1:
            known = self._fuzzy_known(span.text)
        if known:
            return known.name, known.kind
        if span.text.isupper() and 2 <= len(span.text) <= 6:
            for other in self.organizations:
                if len(other) > 1 and span.text in acronyms(other.text):
                    return self._organization(other)
        graph_name = self._graph_name(span.text, ("Organization",))
        return graph_name or span.text, None

    def _named_by_tail(self, span: Span) -> Span | None:
        """An earlier organization whose full name ends with this short one ("Council", "Local 1199")."""
        words = span.text.split()
        if len(words) > 2 or (len(words) == 1 and words[0].lower() not in ORG_HEADS):
            return None
        return next((o for o in reversed(self.organizations) if o.start < span.start and len(o) > len(span)
                     and o.text.split()[-len(words):] == words), None)

    def _fuzzy_known(self, text: str):
        best = process.extractOne(normalize_name(text), self.gazetteer.normalized_names, scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_MIN)
        return self.gazetteer.find(best[2]) if best else None

    def _person(self, span: Span) -> str | None:
        text = span.text
        longer = {p.text for p in self.people if len(p) > len(span) and p[len(p) - len(span):].text == text}
        if len(span) > 1:
            return longer.pop() if len(longer) == 1 else text
        matches = {p.text for p in self.people if text in (p[0].text, p[-1].text)}
        if len(matches) == 1:
            return matches.pop()
        if matches:
            return None                              # two people share this name: leave it unresolved
        return self._graph_name(text, ("Person", "Candidate"), surname=True) or text

    def _graph_name(self, text: str, types: tuple[str, ...], surname: bool = False) -> str | None:
        """The one entity of the graph built so far that ``text`` names (or, for people, ends with)."""
        if self.graph_names is None:
            return None
        ids = self.graph_names.ids(text, types)
        if not ids and surname:
            ids = self.graph_names.by_surname(text)
        return self.graph_names.name_of(ids.pop()) if len(ids) == 1 else None


def acronyms(name: str) -> set[str]:
    """Initials of a name, with and without its small words: "Democracy for America" -> {"DFA", "DA"}."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() != "the"]
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}


def _references(doc: Doc, mentions: list[Mention], entities: dict[str, EntityInfo]) -> list[Mention]:
    """Mentions that refer back: "the union", "he", "the Vermont senator"."""
    by_start = sorted(mentions, key=lambda m: m.start)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.i in taken:
            continue
        before = [m for m in by_start if m.end <= token.i]
        article = _definite_article(doc, token) if token.lower_ in ORG_REFERENCES else None
        if article is None and token.lower_ in ORG_REFERENCES and token.is_lower and token.i + 1 < len(doc) \
                and doc[token.i + 1].lower_ in ROLE_WORDS:
            article = token.i                        # "said council president Gary Thiessen"
        if article is not None and not _apposition(doc, article, taken) and token.i + 1 not in taken:
            kinds = ORG_REFERENCES[token.lower_]
            fitting = [m for m in reversed(before) if m.label == "ORG"
                       and (kinds is None or (entities[m.entity].kind or "other") in kinds)]
            described = {w.lower_.rstrip("s") for w in doc[article + 1:token.i] if w.is_alpha}
            target = next((m for m in fitting if described & {w.rstrip("s") for w in m.entity.lower().split()}),
                          fitting[0] if fitting else None)   # "the nurses' group": the one with Nurses in its name
            if target:
                found.append(Mention(article, token.i + 1, target.entity, "ORG", explicit=False))
        elif token.lower_ == "its" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ROLE_WORDS | {"state"}:
            target = _sentence_subject(doc, token, before) or next(
                (m for m in reversed(before) if m.label == "ORG"), None)
            if target:
                found.append(Mention(token.i, token.i + 1, target.entity, "ORG", explicit=False))
        elif token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            target = next((m for m in reversed(before) if m.label == "ORG" and m.explicit), None)
            if target:
                found.append(Mention(token.i, token.i + 1, target.entity, "ORG", explicit=False))
        elif (token.lower_ in SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")) or (
                token.lower_ in OBJECT_PRONOUNS and token.dep_ in ("dobj", "pobj")):
            target = _last_person_subject(doc, before, token)
            if target:
                found.append(Mention(token.i, token.i + 1, target.entity, "PERSON", explicit=False))
        elif token.lower_ in REFERRING_TITLES and token.i > 0 and _definite(doc, token) is not None and (
                token.i + 1 >= len(doc) or doc[token.i + 1].pos_ not in ("NOUN", "PROPN")):
            target = _most_salient_person(before)
            if target:
                start = _definite(doc, token)
                if token.i - start > 1:                  # "the Vermont senator" is an alias; "the senator" is not
                    entities[target.entity].surfaces.append(doc[start + 1:token.i + 1].text)
                found.append(Mention(start, token.i + 1, target.entity, "PERSON", explicit=False))
    return found


def _apposition(doc: Doc, start: int, taken: set[int]) -> bool:
    """"X, the liberal group that …": a description of the name just before, not a reference."""
    return start >= 2 and doc[start - 1].text == "," and (start - 2) in taken


def _definite_article(doc: Doc, token) -> int | None:
    """Start of "the union" / "the state party" ending at ``token`` (up to two lowercase words between)."""
    for start in range(token.i - 1, max(token.i - 4, -1), -1):
        if doc[start].lower_ in ("the", "that", "this"):
            return start
        if doc[start].text != "'" and (not doc[start].is_lower or doc[start].pos_ not in ("ADJ", "NOUN")):
            return None
    return None


def _definite(doc: Doc, token) -> int | None:
    """Start of "the [Vermont] senator" ending at ``token``, if it is such a phrase."""
    for start in range(token.i - 1, max(token.i - 4, -1), -1):
        if doc[start].lower_ == "the":
            between = doc[start + 1:token.i]
            if all(t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in {"former", "junior", "senior"}
                   for t in between):
                return start
            return None
        if not doc[start].text[:1].isupper() and doc[start].lower_ not in {"former", "junior", "senior"}:
            return None
    return None


def _sentence_subject(doc: Doc, token, before: list[Mention]) -> Mention | None:
    """The organization that is the subject of ``token``'s sentence ("Local 1199 ... said its president")."""
    sent = token.sent
    for mention in before:
        if mention.label == "ORG" and sent.start <= mention.start and \
                any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[mention.start:mention.end]):
            return mention
    return None


def _last_person_subject(doc: Doc, before: list[Mention], token=None) -> Mention | None:
    """The person a pronoun stands for: a subject (or a subject's apposition) of its own sentence
    before it, else the last person who was a subject."""
    if token is not None:
        for mention in reversed(before):
            head = doc[mention.end - 1]
            if mention.label == "PERSON" and mention.start >= token.sent.start and (
                    head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "appos" and head.head.dep_ == "nsubj")):
                return mention
    for mention in reversed(before):
        if mention.label == "PERSON" and doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass"):
            return mention
    return next((m for m in reversed(before) if m.label == "PERSON"), None)


def _most_salient_person(before: list[Mention]) -> Mention | None:
    counts = Counter(m.entity for m in before if m.label == "PERSON")
    if not counts:
        return None
    top = max(counts.values())
    return next(m for m in reversed(before) if m.label == "PERSON" and counts[m.entity] == top)


def _described_as_candidate(span: Span) -> bool:
    window = span.doc[max(span.start - 3, span.sent.start):span.start]
    return any(t.lower_ in CANDIDATE_WORDS for t in window)


def _kind_from_words(name: str) -> str | None:
    words = normalize_name(name)
    for word, kind in KIND_WORDS:
        if re.search(rf"\b{word}\b", words):
            return kind
    return None


def _kind_from_context(span: Span) -> str | None:
    """"the liberal group X", "X, a union that ...": a describing noun next to the mention."""
    doc = span.doc
    before = doc[max(span.start - 3, span.sent.start):span.start]
    after = doc[span.end:min(span.end + 4, span.sent.end)]
    context = " ".join(t.lower_ for t in before) + " | " + " ".join(t.lower_ for t in after if t.text != ",")
    for word, kind in KIND_WORDS:
        if re.search(rf"\b{word}\b", context):
            return kind
    return None


_MEMBERS = re.compile(r"(\d[\d,]*)(?:-| )member|represents (\d[\d,]*) (?:workers|members|employees)")


def _members_near(span: Span) -> int | None:
    text = span.doc.text
    window = text[max(span.start_char - 40, 0):span.end_char + 60]
    before, _, after = window.partition(span.text)
    match = _MEMBERS.search(before.rsplit(".", 1)[-1] + span.text + after.split(".", 1)[0])
    if not match:
        return None
    return int((match.group(1) or match.group(2)).replace(",", ""))

