"""Party labels as nominations: "Green Party candidate X" is the party's endorsement only in a contest.

In a general election each party puts up one candidate, so a post that labels the candidates of two
or more parties ("Republican candidate A", "B, the Green Party candidate", "C, the candidate of the
Freedom Party") reports each party's line, which in New York's fusion voting is that party's
endorsement. In a primary one party labels several candidates, and a lone label ("Republican
candidate X" in July) says only which party X belongs to: neither is read as an endorsement. "Republican
X" counts only beside such labels; "the Democratic nominee, X" always counts: a nominee is nominated.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from .mention_model import ArticleEntities, EntityInfo, Mention
from .relations import Found
from .vocabulary import LABEL_NOUNS, PARTY_ADJECTIVES, PARTY_NOUNS, RACE_WORDS, TITLES, UNSETTLED_WORDS

RULE = "label:party-candidate"
NOMINEE_RULE = "label:party-nominee"
BARE_RULE = "label:party-adjective"                  # "Republican Joe Lhota": counts only beside a candidate label
LABEL_RULES = {RULE, BARE_RULE}


def party_labels(doc: Doc, entities: ArticleEntities) -> list[Found]:
    """Every "<party> candidate <person>", "<person>, the <party> candidate" and "<person>, the
    candidate of the <party>" of ``doc``, as a reading that :func:`contested` keeps or drops."""
    found = []
    for token in doc:
        if token.lower_ not in LABEL_NOUNS:
            continue
        party = _party_before(doc, token.i, entities) or _party_after(doc, token.i, entities)
        person = _person_before(doc, token.i, entities) or _person_after(doc, token.i, entities)
        unsettled = any(t.lower_ in UNSETTLED_WORDS for t in doc[max(token.i - 4, 0):token.i])   # "likely GOP nominee"
        if party and person and party != person.entity and not unsettled:
            rule = NOMINEE_RULE if token.lower_ == "nominee" else RULE
            found.append(Found("ENDORSED", party, person.entity, token.sent, rule, 0.75, token.i,
                               {"status": "endorsed"}))
    for mention in entities.mentions:                # "Republican Joe Lhota", not "Republican Sen. X"
        party = _party_word(doc[mention.start - 1]) if mention.start > 0 else None
        if party and mention.explicit and mention.label == "PERSON" \
                and doc[mention.start].lower_.rstrip(".") not in TITLES:
            found.append(Found("ENDORSED", party, mention.entity, doc[mention.start].sent, BARE_RULE, 0.7,
                               mention.start - 1, {"status": "endorsed"}))
    return found


def contested(found: list[tuple[int, Found]], entities: dict[str, EntityInfo]) -> list[tuple[int, Found]]:
    """An article's ``(offset, relation)`` pairs without the party labels that are no nomination: a
    label stays only if two or more parties each label exactly one candidate, its party among them.
    A party named only by its adjective ("Republican candidate X") joins ``entities``."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for _, relation in found:
        if relation.rule in LABEL_RULES:
            candidates[relation.source].add(relation.target)
    single = {party for party, named in candidates.items() if len(named) == 1}
    labelled = any(relation.rule == RULE for _, relation in found)
    contest = single if len(single) > 1 and labelled else set()
    for party in contest | {r.source for _, r in found if r.rule == NOMINEE_RULE}:
        entities.setdefault(party, EntityInfo(party, "Organization", [party], kind="party"))
    return [(offset, r) for offset, r in found if r.rule not in LABEL_RULES or r.source in contest]


def _party_word(token) -> str | None:
    return PARTY_ADJECTIVES.get(token.text) or PARTY_NOUNS.get(token.text)


def _party_before(doc: Doc, i: int, entities: ArticleEntities) -> str | None:
    """The party named just before the label noun, over race words: "Green Party (gubernatorial) candidate"."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in RACE_WORDS:
        j -= 1
    if j < 0:
        return None
    if _party_word(doc[j]):
        return _party_word(doc[j])
    parties = [m for m in entities.starting_in(max(j - 8, 0), j + 1) if m.end == j + 1 and _is_party(m)]
    return parties[0].entity if parties else None


def _party_after(doc: Doc, i: int, entities: ArticleEntities) -> str | None:
    """"candidate of the Rent Relief Party"."""
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "of":
        j += 2 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else 1
        parties = [m for m in entities.starting_in(j, j + 4)
                   if _is_party(m) and all(t.is_title for t in doc[j:m.start])]
        if parties:                                  # "of the Rent Is | Too High Party": the whole name
            return parties[0].entity if parties[0].start == j else doc[j:parties[0].end].text
    return None


def _person_after(doc: Doc, i: int, entities: ArticleEntities) -> Mention | None:
    """The person named right after the label, over a comma and a title: "candidate, Councilman X"."""
    j = i + 1
    if j < len(doc) and doc[j].text == ",":
        j += 1
    elif j < len(doc) and doc[j].lower_ == "and":    # "mayoral candidate and longtime activist X"
        j = next((k for k in range(j + 1, min(j + 7, len(doc))) if entities.at(k) or doc[k].text in ",;.()"), j)
    for k in range(j, min(j + 4, len(doc))):
        mention = entities.at(k)
        if mention is not None:
            return mention if mention.start == k and mention.explicit and mention.label == "PERSON" else None
        if not doc[k].is_title:
            return None
    return None


def _person_before(doc: Doc, i: int, entities: ArticleEntities) -> Mention | None:
    """"X, the Republican candidate": the person before ", the" that opens the label."""
    j = i - 1
    while j >= 0 and doc[j].lower_ not in ("the", ",", ".") and i - j < 8:
        j -= 1
    if j < 2 or doc[j].lower_ != "the" or doc[j - 1].text != ",":
        return None
    mention = entities.at(j - 2)
    return mention if mention and mention.end == j - 1 and mention.explicit and mention.label == "PERSON" else None


def _is_party(mention: Mention) -> bool:
    return mention.label == "ORG" and mention.entity.lower().endswith(" party")
