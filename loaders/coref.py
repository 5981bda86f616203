"""Mentions that refer back: "the union", "its president", "he", "him", "the Vermont senator".

:data:`REFERENCE_RULES` is an ordered list of named rules (:class:`.spans.Rule`), one per kind of
reference; for each referring word the first rule that resolves it wins. :func:`references` takes
``disabled``, a set of rule names to skip, so one rule can be switched off alone:
``references(doc, mentions, entities, disabled=frozenset({"they"}))``.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .mention_model import EntityInfo, Mention, kind_from_words
from .quotes import inside, quote_speaker, quoted_regions
from .spans import Rule, enabled, first_result, names_a_campaign
from .vocabulary import (
    ADVISER_WORDS,
    CAMPAIGN_STAFF,
    ENDORSE_LEMMAS,
    ENDORSE_NOUN_FORMS,
    OBJECT_PRONOUNS,
    ORG_REFERENCES,
    PARTY_ADJECTIVES,
    REFERENCE_MODIFIERS,
    REFERRING_TITLES,
    REFERRING_WORDS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SPEAKER_PRONOUNS,
    SUBJECT_PRONOUNS,
    SUPPORT_VERB_FORMS,
    SUPPORTER_NOUNS,
    TITLED_REFERENCES,
    UNNAMED_PEOPLE,
)


@dataclass(frozen=True)
class Antecedents:
    """The explicit mentions of a document that a reference can point back to, and the article's entities."""

    doc: Doc
    mentions: list[Mention]          # by start; explicit mentions never overlap, so their ends are sorted too
    ends: list[int]
    taken: frozenset[int]
    entities: dict[str, EntityInfo]
    quoted: list[tuple[int, int]]    # character ranges inside quotes

    @classmethod
    def of(cls, doc: Doc, mentions: list[Mention], entities: dict[str, EntityInfo]) -> Antecedents:
        """The antecedents among ``mentions``."""
        by_start = sorted(mentions, key=lambda m: m.start)
        return cls(doc, by_start, [m.end for m in by_start],
                   frozenset(i for m in mentions for i in range(m.start, m.end)), entities, quoted_regions(doc.text))

    def before(self, token: Token) -> list[Mention]:
        """The mentions that end before ``token``."""
        return self.mentions[:bisect.bisect_right(self.ends, token.i)]

    def narrated_before(self, token: Token) -> list[Mention]:
        """The mentions before ``token``, less those inside quotes when ``token`` is not: the narrator's
        "his" is never someone a speaker names ("... Cuomo is frightened," said his campaign manager)."""
        if inside(token.idx, self.quoted):
            return self.before(token)
        return [m for m in self.before(token) if not inside(self.doc[m.start].idx, self.quoted)]


ReferenceRule = Callable[[Token, Antecedents], Mention | None]


def _the_organization(token: Token, antecedents: Antecedents) -> Mention | None:
    """"the union", "this group", "the nurses' group": the last organization of a fitting kind."""
    if token.lower_ not in ORG_REFERENCES:
        return None
    article = _definite_article(antecedents.doc, token)
    return None if article is None else _organization_reference(token, article, antecedents)


def _organization_before_role(token: Token, antecedents: Antecedents) -> Mention | None:
    """"said council president X", "League President X": an organization word before a role word."""
    doc = antecedents.doc
    if token.lower_ not in ORG_REFERENCES or _definite_article(doc, token) is not None \
            or not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ROLE_WORDS):
        return None
    found = _organization_reference(token, token.i, antecedents)
    kind = doc[token.i - 1] if token.i else None     # "principals union president X": another union than the UFT
    if found and kind is not None and kind.is_alpha and (kind.text.islower() and kind.lower_.endswith("s") or
                                                         kind.pos_ in ("NOUN", "PROPN") and kind.is_title) \
            and not kind.is_stop and kind.lemma_ not in REPORTING_VERBS and kind.pos_ != "ADJ" \
            and kind.lower_.rstrip("s") not in {w.rstrip("s") for w in found.entity.lower().split()}:
        return _unnamed_body(kind.i, token, antecedents)   # nor "Correction union president X" the city's
    return found


def _organization_reference(token: Token, article: int, antecedents: Antecedents) -> Mention | None:
    """The phrase from ``article`` to ``token`` as the last organization it fits, best one whose name it uses."""
    doc = antecedents.doc
    if _apposition(doc, article, antecedents.mentions) or token.i + 1 in antecedents.taken:
        return None
    kinds = ORG_REFERENCES[token.lower_]
    fitting = [m for m in reversed(antecedents.before(token)) if m.label == "ORG"
               and (kinds is None or (antecedents.entities[m.entity].kind or "other") in kinds)]
    members = [w for w in doc[article + 1:token.i] if _members_word(w)]     # "the players union": players, not union
    described = {w.lower_.rstrip("s") for w in members or doc[min(article + 1, token.i):token.i + 1] if w.is_alpha}
    named = next((m for m in fitting if described & {w.rstrip("s") for w in m.entity.lower().split()}), None)
    if named is None and members:
        return _unnamed_body(article + 1, token, antecedents)   # "the exotics committee" of a club: its own body
    if named is None and any(w.pos_ == "NOUN" for w in doc[article + 1:token.i]):
        return None                                  # "the block association" is a body of its own, unnamed
    if named is None and token.is_title and token.i > token.sent.start:
        return None                                  # "the Coalition" names a coalition, not the last body
    target = named or (fitting[0] if fitting else None)   # "the nurses' group", "council president": named so
    return Mention(article, token.i + 1, target.entity, "ORG", explicit=False) if target else None


def _unnamed_body(start: int, token: Token, antecedents: Antecedents) -> Mention | None:
    """"the players union", "principals union president X": a body the article describes by its members
    and never names, an organization of its own called so ("players union"), not the last union named."""
    words = antecedents.doc[start:token.i + 1]
    if not 2 <= len(words) <= 3 or not all(_members_word(w) for w in words[:-1]):
        return None
    name = words.text
    antecedents.entities.setdefault(name, EntityInfo(name, "Organization", [name], kind=kind_from_words(name)))
    return Mention(start, token.i + 1, name, "ORG")


def _members_word(token: Token) -> bool:
    """A lowercase plural before an organization word that says who its members are ("players", "principals")."""
    return token.is_lower and token.is_alpha and not token.is_stop and token.lower_.endswith("s") \
        and not token.lower_.endswith("ss")


def _its_role(token: Token, antecedents: Antecedents) -> Mention | None:
    """"its president", "its state chapter": the organization that is the sentence's subject, else the last one."""
    doc = antecedents.doc
    if token.lower_ != "its" or not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ROLE_WORDS | {"state"}):
        return None
    before = antecedents.before(token)
    target = _sentence_subject(doc, token, before) or next((m for m in reversed(before) if m.label == "ORG"), None)
    return Mention(token.i, token.i + 1, target.entity, "ORG", explicit=False) if target else None


def _it_subject(token: Token, antecedents: Antecedents) -> Mention | None:
    """"It supported X": "it" as a subject is the last organization named."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass") or _unnamed_subject_reports(token, antecedents):
        return None
    target = next((m for m in reversed(antecedents.before(token)) if m.label == "ORG" and m.explicit), None)
    return Mention(token.i, token.i + 1, target.entity, "ORG", explicit=False) if target else None


def _unnamed_subject_reports(token: Token, antecedents: Antecedents) -> bool:
    """"X's campaign announced it had hired Y": the clause reporting "it" has a subject that names no
    entity (the campaign), which "it" stands for rather than the last organization."""
    for verb in token.head.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].pos_ == "NOUN" and subjects[0].i not in antecedents.taken
    return False


def _they_subject(token: Token, antecedents: Antecedents) -> Mention | None:
    """"They endorsed X": "they" as a subject is an organization that was the last subject."""
    if token.lower_ != "they" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    target = _organization_subject(antecedents.doc, antecedents.before(token), token)
    return Mention(token.i, token.i + 1, target.entity, "ORG", explicit=False) if target else None


def _personal_pronoun(token: Token, antecedents: Antecedents) -> Mention | None:
    """"he", "she" as subjects and "him", "her" as objects: the person last a subject."""
    if not ((token.lower_ in SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")) or (
            token.lower_ in OBJECT_PRONOUNS and token.dep_ in ("dobj", "pobj"))):
        return None
    before = antecedents.narrated_before(token)
    if _unnamed_person_before(token, before):
        return None
    target = _last_person_subject(antecedents.doc, before, token)
    return Mention(token.i, token.i + 1, target.entity, "PERSON", explicit=False) if target else None


def _unnamed_person_before(token: Token, before: list[Mention]) -> bool:
    """"There was a guy I talked to, he had ...": someone unnamed, introduced with "a" or "one" earlier in the
    pronoun's sentence and after every person named there, is whom the pronoun stands for."""
    named = max((m.end for m in before if m.label == "PERSON" and m.start >= token.sent.start), default=token.sent.start)
    return any(((t.lower_ in UNNAMED_PEOPLE and t.pos_ == "NOUN") or t.lower_ in ROLE_WORDS)   # "a BQX Director"
               and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in t.children)
               for t in token.doc[named:token.i])


def _speaker(token: Token, antecedents: Antecedents) -> Mention | None:
    """"I" endorsing inside a quote is its speaker, a person ('"I endorse X," Y said'); "we" an organization."""
    # Read for endorsements only: "I'm going to tell the chairman of the MTA" makes the speaker no chairman.
    if token.lower_ not in SPEAKER_PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass") \
            or not any(_endorsing(t) for t in token.head.subtree):
        return None
    speaker = quote_speaker(token, antecedents.quoted, antecedents.mentions)
    if speaker is None or speaker.label != ("PERSON" if token.lower_ == "i" else "ORG"):
        return None
    return Mention(token.i, token.i + 1, speaker.entity, speaker.label, explicit=False)


def _endorsing(token: Token) -> bool:
    """A verb of endorsing or supporting ("endorse", "backing", "supporting"), or a noun of it ("my support")."""
    if token.pos_ == "VERB":
        return token.lemma_ in ENDORSE_LEMMAS or token.lower_ in SUPPORT_VERB_FORMS
    return token.pos_ == "NOUN" and token.lower_ in ENDORSE_NOUN_FORMS


def _his_adviser(token: Token, antecedents: Antecedents) -> Mention | None:
    """"His campaign manager, X", "X, his spokeswoman,": whose adviser "his" names, never the name beside it."""
    doc = antecedents.doc
    campaign_staff = token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "campaign" \
        and token.head.lower_ in CAMPAIGN_STAFF                                       # "his campaign treasurer"
    named_beside = token.head.i + 1 in antecedents.taken                            # "his campaign manager X"
    beside_name = token.head.dep_ == "appos" and token.head.head.i in antecedents.taken   # "X, his spokeswoman,"
    if token.lower_ not in ("his", "her") or token.dep_ != "poss" or not (
            token.head.lower_ in ADVISER_WORDS or campaign_staff) or not (
            token.head.dep_ in ("nsubj", "nsubjpass") or named_beside or beside_name):
        return None
    before = antecedents.narrated_before(token)
    if beside_name:
        before = [m for m in before if not m.start <= token.head.head.i < m.end]
    target = _last_person_subject(doc, before, token)
    return Mention(token.i, token.i + 1, target.entity, "PERSON", explicit=False) if target else None


def _his_supporters(token: Token, antecedents: Antecedents) -> Mention | None:
    """"One of her supporters, X": the person backed, as for "she", never someone named inside a quote."""
    doc = antecedents.doc
    if token.lower_ not in ("his", "her") or token.dep_ != "poss" or token.head.lower_ not in SUPPORTER_NOUNS \
            or doc[token.i - 1].lower_ != "of" or token.head.i + 1 >= len(doc) or doc[token.head.i + 1].text != ",":
        return None                                  # a name set beside them: "one of her (longtime) supporters, X"
    unquoted = [m for m in antecedents.before(token) if not inside(doc[m.start].idx, antecedents.quoted)]
    target = _last_person_subject(doc, unquoted, token)
    return Mention(token.i, token.i + 1, target.entity, "PERSON", explicit=False) if target else None


def _the_campaign(token: Token, antecedents: Antecedents) -> Mention | None:
    """"a spokesman for the campaign": the most mentioned person called a candidate or named with a campaign."""
    # Not "the campaign to save the park" nor "the campaign trail".
    doc = antecedents.doc
    if token.lower_ != "campaign" or token.i == 0 or doc[token.i - 1].lower_ != "the":
        return None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in ("to", "for", "against", "of", "'s")):
        return None
    before = antecedents.before(token)
    owners = {m.entity for m in before if m.label == "PERSON" and m.explicit and (
        antecedents.entities[m.entity].type == "Candidate" or names_a_campaign(doc, m.end))}
    target = _most_salient_person([m for m in before if m.entity in owners])
    return Mention(token.i - 1, token.i + 1, target.entity, "PERSON", explicit=False) if target else None


def _the_title(token: Token, antecedents: Antecedents) -> Mention | None:
    """"the senator", "the Vermont senator": the person mentioned most; a place makes the phrase an alias."""
    doc = antecedents.doc
    if token.lower_ not in REFERRING_TITLES or token.i == 0:
        return None
    start = _definite(doc, token)
    if start is None or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN")):
        return None
    if token.lower_ in TITLED_REFERENCES and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
        return None                                  # "the president of the union" is no back-reference
    before = _titled(antecedents.before(token), token.lower_, doc)
    party = next((PARTY_ADJECTIVES[t.text] for t in doc[start + 1:token.i] if t.text in PARTY_ADJECTIVES), None)
    if party:                                        # "the Republican candidate": a Republican, not the most named
        before = _party_labelled(before, party, doc)
    target = _most_salient_person(_titled_or_headlined(before, token.lower_, doc))
    if not target:
        return None
    if token.i - start > 1:                          # "the Vermont senator" is an alias; "the senator" is not
        antecedents.entities[target.entity].surfaces.append(doc[start + 1:token.i + 1].text)
    return Mention(start, token.i + 1, target.entity, "PERSON", explicit=False)


REFERENCE_RULES: tuple[Rule[ReferenceRule], ...] = (
    Rule("the-union", _the_organization),
    Rule("council-president", _organization_before_role),
    Rule("its-president", _its_role),
    Rule("it", _it_subject),
    Rule("they", _they_subject),
    Rule("he-she-him-her", _personal_pronoun),
    Rule("i-in-a-quote", _speaker),
    Rule("his-campaign-manager", _his_adviser),
    Rule("her-supporters", _his_supporters),
    Rule("the-campaign", _the_campaign),
    Rule("the-vermont-senator", _the_title),
)


def references(doc: Doc, mentions: list[Mention], entities: dict[str, EntityInfo],
               disabled: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions that refer back ("the union", "he", "the Vermont senator"), by the rules not ``disabled``."""
    antecedents = Antecedents.of(doc, mentions, entities)
    rules = enabled(REFERENCE_RULES, disabled)
    return [found for token in doc if token.i not in antecedents.taken and token.lower_ in REFERRING_WORDS
            and (found := first_result(rules, token, antecedents)) is not None]


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
            if all(t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in REFERENCE_MODIFIERS
                   for t in between):
                return start
            return None
        if not doc[start].text[:1].isupper() and doc[start].lower_ not in REFERENCE_MODIFIERS:
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


def _last_person_subject(doc: Doc, before: list[Mention], token: Token) -> Mention | None:
    """The person a pronoun stands for: a subject (or a subject's apposition) of its own sentence
    before it, else the last person who was a subject. An unresolved surname as its own sentence's
    subject blocks the search when it is shared by several people ("Murdoch said that he ...")."""
    for mention in reversed(before):
        head = doc[mention.end - 1]
        if mention.label == "PERSON" and mention.start >= token.sent.start and (
                head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "appos" and head.head.dep_ == "nsubj")):
            return mention
    if any(_shared_surname(t, before) for t in doc[token.sent.start:token.i] if t.dep_ in ("nsubj", "nsubjpass")):
        return None
    for mention in reversed(before):
        if mention.label == "PERSON" and doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass"):
            return mention
    return next((m for m in reversed(before) if m.label == "PERSON"), None)


def _shared_surname(token: Token, before: list[Mention]) -> bool:
    """An unresolved name that ends the names of two or more people mentioned before it."""
    if token.pos_ != "PROPN" or any(m.start <= token.i < m.end for m in before):
        return False
    return len({m.entity for m in before if m.label == "PERSON" and m.entity.split()[-1] == token.text}) > 1


def _titled(before: list[Mention], title: str, doc: Doc) -> list[Mention]:
    """The mentions among ``before`` of whom the article may say "the <title>": for a title of
    :data:`TITLED_REFERENCES`, only people it titles so ("President X" for "the president")."""
    if title not in TITLED_REFERENCES:
        return before
    holders = _title_holders(before, title, doc)
    return [m for m in before if m.entity in holders]


def _titled_or_headlined(before: list[Mention], title: str, doc: Doc) -> list[Mention]:
    """The mentions among ``before`` of the people the article titles so ("Mayor X" for "the mayor"), else of
    the one person its headline names, else all of them."""
    holders = _title_holders(before, title, doc) or _headlined(before, doc)
    return [m for m in before if m.entity in holders] if holders else before


def _title_holders(before: list[Mention], title: str, doc: Doc) -> set[str]:
    """The people among ``before`` named with ``title`` beside them ("Mayor X", "X, the mayor")."""
    return {m.entity for m in before if m.label == "PERSON" and m.explicit
            and any(t.lower_ == title for t in doc[max(m.start - 2, 0):m.start + 2])}


def _headlined(before: list[Mention], doc: Doc) -> set[str]:
    """The one person the headline (the first line) names among ``before``, if it names exactly one."""
    first_line = next((t.i for t in doc if "\n" in t.text), len(doc))
    named = {m.entity for m in before if m.label == "PERSON" and m.explicit and m.start < first_line}
    return named if len(named) == 1 else set()


def _party_labelled(before: list[Mention], party: str, doc: Doc) -> list[Mention]:
    """The mentions among ``before`` of people the article labels with ``party`` ("Republican Joe Lhota",
    "GOP nominee X"): "the Republican candidate" is one of them, never a Democrat mentioned more."""
    labelled = {m.entity for m in before if m.label == "PERSON" and m.explicit
                and any(PARTY_ADJECTIVES.get(t.text) == party for t in doc[max(m.start - 3, 0):m.start])}
    return [m for m in before if m.entity in labelled]


def _most_salient_person(before: list[Mention]) -> Mention | None:
    counts = Counter(m.entity for m in before if m.label == "PERSON")
    if not counts:
        return None
    top = max(counts.values())
    return next(m for m in reversed(before) if m.label == "PERSON" and counts[m.entity] == top)
