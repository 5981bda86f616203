"""Mentions that refer back: "the union", "its president", "he", "him", "the Vermont senator"."""
from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc

from .mention_model import EntityInfo, Mention
from .vocabulary import (
    OBJECT_PRONOUNS,
    ORG_REFERENCES,
    REFERRING_TITLES,
    ROLE_WORDS,
    SUBJECT_PRONOUNS,
)

REFERRING_WORDS = set(ORG_REFERENCES) | REFERRING_TITLES | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | {"it", "its", "they"}


def references(doc: Doc, mentions: list[Mention], entities: dict[str, EntityInfo]) -> list[Mention]:
    """Mentions that refer back: "the union", "he", "the Vermont senator"."""
    by_start = sorted(mentions, key=lambda m: m.start)   # explicit mentions never overlap: ends sorted too
    ends = [m.end for m in by_start]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.i in taken or token.lower_ not in REFERRING_WORDS:
            continue
        before = by_start[:bisect.bisect_right(ends, token.i)]
        article = _definite_article(doc, token) if token.lower_ in ORG_REFERENCES else None
        if article is None and token.lower_ in ORG_REFERENCES and token.i + 1 < len(doc) \
                and doc[token.i + 1].lower_ in ROLE_WORDS:
            article = token.i                        # "said council president X", "League President X"
        if article is not None and not _apposition(doc, article, by_start) and token.i + 1 not in taken:
            kinds = ORG_REFERENCES[token.lower_]
            fitting = [m for m in reversed(before) if m.label == "ORG"
                       and (kinds is None or (entities[m.entity].kind or "other") in kinds)]
            described = {w.lower_.rstrip("s") for w in doc[min(article + 1, token.i):token.i + 1] if w.is_alpha}
            target = next((m for m in fitting if described & {w.rstrip("s") for w in m.entity.lower().split()}),
                          fitting[0] if fitting else None)   # "the nurses' group", "council president": named so
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
        elif token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass"):
            target = _organization_subject(doc, before, token)
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


def _apposition(doc: Doc, start: int, mentions: list[Mention]) -> bool:
    """"X, the liberal group that …": a description of the organization just named, not a reference."""
    return start >= 2 and doc[start - 1].text == "," and any(
        m.end == start - 1 and m.label == "ORG" for m in mentions)


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


def _organization_subject(doc: Doc, before: list[Mention], token) -> Mention | None:
    """"The union met on Monday. They endorsed X": "they" is an organization when the last subject
    before it, in this sentence or the one before, is one."""
    sentences = [token.sent.start]
    if token.sent.start > 0:
        sentences.insert(0, doc[token.sent.start - 1].sent.start)
    for mention in reversed(before):
        if mention.start < sentences[0]:
            return None
        if doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass"):
            return mention if mention.label == "ORG" and mention.explicit else None
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
