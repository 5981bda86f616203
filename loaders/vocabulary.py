"""The words the extractor reads names, roles, references and relations by, read from ``data/vocabulary.json``.

The data file holds every word list with a note saying what shape of text it serves; this module only
reads it, resolves the entries derived from others ("extends", "minus", "minus_entries"), and gives each
list a typed name for :mod:`.spans`, :mod:`.coref`, :mod:`.mentions`, :mod:`.patterns`, :mod:`.relations`
and :mod:`.nlp` (and :mod:`.implied_bodies`, :mod:`.contests`, :mod:`.lifecycle`, :mod:`.headlines`,
:mod:`.triggers`). A malformed entry (no note, a word listed twice, a word restated from what it extends, a
"minus" word it does not have) raises :class:`VocabularyError` at import.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from ..graph.errors import EndorsegraphError

SHAPES = ("words", "mapping", "pairs")
DERIVATIONS = ("extends", "minus", "minus_entries")
KEYS = {"note", "ordered", "word_notes", *SHAPES, *DERIVATIONS}


class VocabularyError(EndorsegraphError):
    """``data/vocabulary.json`` has an entry the reader cannot use."""


def read_entries(text: str) -> dict[str, dict[str, Any]]:
    """The entries of a vocabulary file's ``text``, each checked to have a note and at most one shape."""
    entries = json.loads(text)["entries"]
    for name, entry in entries.items():
        if not entry.get("note") or not KEYS >= set(entry) or sum(shape in entry for shape in SHAPES) > 1:
            raise VocabularyError(f"vocabulary entry {name}: needs a note, one of {SHAPES}, and only {sorted(KEYS)}")
    return entries


ENTRIES = read_entries(resources.files(__package__).joinpath("data/vocabulary.json").read_text("utf-8"))


@cache
def words(name: str) -> frozenset[str]:
    """The words of entry ``name`` (a mapping's keys), its derivations resolved:
    the words of every entry it ``extends``, less ``minus`` and ``minus_entries``, plus its own ``words``."""
    entry = ENTRIES[name]
    own = entry.get("words", [])
    inherited = frozenset().union(*(words(base) for base in entry.get("extends", [])))
    removed = frozenset(entry.get("minus", [])).union(*(words(other) for other in entry.get("minus_entries", [])))
    problems = [f"{w!r} listed twice" for w in sorted({w for w in own if own.count(w) > 1})]
    problems += [f"{w!r} is already in what it extends" for w in own if w in inherited]
    problems += [f"minus {w!r}, which it does not have" for w in entry.get("minus", []) if w not in inherited]
    if problems:
        raise VocabularyError(f"vocabulary entry {name}: " + "; ".join(problems))
    return (inherited - removed) | frozenset(own) | frozenset(entry.get("mapping", {}))


def ordered(name: str) -> tuple[str, ...]:
    """The words of entry ``name`` in the order written (an ``ordered`` entry: regex alternation, first match wins)."""
    words(name)                                       # checks the entry
    return tuple(ENTRIES[name]["words"])


def mapping(name: str) -> dict[str, Any]:
    """The ``mapping`` of entry ``name``, in the order written; a list value becomes a frozenset."""
    entries = ENTRIES[name]["mapping"].items()
    return {key: frozenset(value) if isinstance(value, list) else value for key, value in entries}


def pairs(name: str) -> frozenset[tuple[str, str]]:
    """The word pairs of entry ``name``."""
    return frozenset((first, second) for first, second in ENTRIES[name]["pairs"])


# People: titles and names
ABBREVIATED_TITLES = words("ABBREVIATED_TITLES")
TITLE_ABBREVIATIONS = tuple(sorted(f"{word.capitalize()}." for word in ABBREVIATED_TITLES))   # "Sgt.": one token
TITLES = words("TITLES")
HONORIFICS = words("HONORIFICS")
TITLE_LEAD_INS = words("TITLE_LEAD_INS")
NAME_CUES = words("NAME_CUES")
NAME_SUFFIXES = words("NAME_SUFFIXES")
PERSON_DESCRIPTORS = words("PERSON_DESCRIPTORS")
PERSON_NOUNS = words("PERSON_NOUNS")
UNNAMED_PEOPLE = words("UNNAMED_PEOPLE")
SUBJECT_PRONOUNS = words("SUBJECT_PRONOUNS")
SPEAKER_PRONOUNS = words("SPEAKER_PRONOUNS")
OBJECT_PRONOUNS = words("OBJECT_PRONOUNS")
REFERRING_TITLES = words("REFERRING_TITLES")
TITLED_REFERENCES = words("TITLED_REFERENCES")
REFERENCE_MODIFIERS = words("REFERENCE_MODIFIERS")
MEMBER_BODIES = words("MEMBER_BODIES")
PLACE_HEADS = words("PLACE_HEADS")
REFERRING_WORDS = words("REFERRING_WORDS")
CANDIDATE_WORDS = words("CANDIDATE_WORDS")
OFFICE_HOLDER_TITLES = words("OFFICE_HOLDER_TITLES")
RELATIVE_CUES = words("RELATIVE_CUES")
OFFICE_TITLES = pairs("OFFICE_TITLES")
TEMPORAL_TYPES = words("TEMPORAL_TYPES")
SMALL_WORDS = words("SMALL_WORDS")
CAPITALIZED_NON_NAMES = words("CAPITALIZED_NON_NAMES")

# Roles in organizations and campaigns
HEAD_TITLES = words("HEAD_TITLES")
BODY_HEAD_TITLES = words("BODY_HEAD_TITLES")
ADVISER_WORDS = words("ADVISER_WORDS")
ROLE_WORDS = words("ROLE_WORDS")
CAMPAIGN_STAFF = words("CAMPAIGN_STAFF")
TITLE_MODIFIERS = words("TITLE_MODIFIERS")
TENURE_WORDS = words("TENURE_WORDS")
STAFF_FUNCTIONS = words("STAFF_FUNCTIONS")
FUNCTION_NOUNS = ordered("FUNCTION_NOUNS")
STAFF_NOUNS = ordered("STAFF_NOUNS")
LEADER_ROLES = ordered("LEADER_ROLES")
ADVISER_ROLES = ordered("ADVISER_ROLES")
CAMPAIGN_ONLY_ROLES = words("CAMPAIGN_ONLY_ROLES")
PREDICATED_TITLES = words("PREDICATED_TITLES")
PREDICATED_ADVISER_ROLES = words("PREDICATED_ADVISER_ROLES")
ADVISER_HEADS = words("ADVISER_HEADS")
FORMER_WORDS = ordered("FORMER_WORDS")
CURRENT_WORDS = ordered("CURRENT_WORDS")
LEAVING_LEMMAS = words("LEAVING_LEMMAS")
LEAVING_NOUNS = words("LEAVING_NOUNS")
NAME_PARTICLES = words("NAME_PARTICLES")
ROLE_NOUNS = words("ROLE_NOUNS")
IMPLIED_TITLES = words("IMPLIED_TITLES")
BODY_WORDS = words("BODY_WORDS")
SHARED_TITLES = words("SHARED_TITLES")
POSTING_VERBS = words("POSTING_VERBS")
UNSETTLED_WORDS = words("UNSETTLED_WORDS")
UNHEADED_KINDS = words("UNHEADED_KINDS")

# Organizations
ORG_HEADS = words("ORG_HEADS")
INSTITUTION_NOUNS = words("INSTITUTION_NOUNS")
PEOPLE_NOUNS = words("PEOPLE_NOUNS")
ORG_DESCRIPTORS = words("ORG_DESCRIPTORS")
ORG_NAME_DESCRIPTORS = ordered("ORG_NAME_DESCRIPTORS")
GROUP_NOUNS = ordered("GROUP_NOUNS")
COUNTED_GROUP_NOUNS = ordered("COUNTED_GROUP_NOUNS")
ENDORSER_BODIES = ordered("ENDORSER_BODIES")
ORG_REFERENCES: dict[str, frozenset[str] | None] = mapping("ORG_REFERENCES")
KIND_WORDS: list[tuple[str, str]] = list(mapping("KIND_WORDS").items())
UNIT_WORDS = words("UNIT_WORDS")
NUMBERED_NAME_ENDS = words("NUMBERED_NAME_ENDS")
SCHOOL_ABBREVIATIONS = words("SCHOOL_ABBREVIATIONS")
UNIT_NUMBER = re.compile(r"^\d+[A-Za-z]{0,2}$")             # "Local 1199", "District Council 37", "32BJ"
CHAPTER_WORDS = words("CHAPTER_WORDS")
GENERIC_ORGS = words("GENERIC_ORGS")
GENERIC_BODIES = words("GENERIC_BODIES")
PARTY_ADJECTIVES: dict[str, str] = mapping("PARTY_ADJECTIVES")
PARTY_NOUNS: dict[str, str] = mapping("PARTY_NOUNS")
NICKNAMES: dict[str, frozenset[str]] = mapping("NICKNAMES")
RACE_WORDS = words("RACE_WORDS")
LABEL_NOUNS = words("LABEL_NOUNS")
FUZZY_MIN = 92                                             # rapidfuzz score for one organization named two ways

# Endorsing, and what hedges it
ENDORSE_VERB_FORMS = ordered("ENDORSE_VERB_FORMS")
ACQUIRE_VERB_FORMS = ordered("ACQUIRE_VERB_FORMS")
SUPPORT_VERB_FORMS = ordered("SUPPORT_VERB_FORMS")
ENDORSE_NOUN_FORMS = ordered("ENDORSE_NOUN_FORMS")
CLAUSE_VERBS = ordered("CLAUSE_VERBS")
LIST_STOP_WORDS = ordered("LIST_STOP_WORDS")
DAY_WORDS = ordered("DAY_WORDS")
DAY_PARTS = ordered("DAY_PARTS")
ENDORSE_LEMMAS = words("ENDORSE_LEMMAS")
NOMINATE_LEMMAS = words("NOMINATE_LEMMAS")
CAMPAIGN_FOR_LEMMAS = words("CAMPAIGN_FOR_LEMMAS")
SUPPORTER_NOUNS = words("SUPPORTER_NOUNS")
SURNAME_KIN = words("SURNAME_KIN")
ACQUIRE_LEMMAS = words("ACQUIRE_LEMMAS")
ENDORSE_NOUNS = words("ENDORSE_NOUNS")
ENDORSEMENT_WORDS = words("ENDORSEMENT_WORDS")
BALLOT_WORDS = words("BALLOT_WORDS")
PARTY_LABEL_HEADS = words("PARTY_LABEL_HEADS")
PARTY_LEADER_WORDS = words("PARTY_LEADER_WORDS")
LEGISLATURE_WORDS = words("LEGISLATURE_WORDS")
CANDIDACY_WORDS = words("CANDIDACY_WORDS")
CAMPAIGN_NOUNS = words("CAMPAIGN_NOUNS")
NUMBER_WORDS: dict[str, int] = mapping("NUMBER_WORDS")
GERUND_PREPOSITIONS = words("GERUND_PREPOSITIONS")
AUX_BREAKERS = words("AUX_BREAKERS")
REPORTING_VERBS = words("REPORTING_VERBS")
MODAL_WORDS = words("MODAL_WORDS")
NEGATIONS = words("NEGATIONS")
HEDGE_VERBS = words("HEDGE_VERBS")
HEDGE_WORDS = words("HEDGE_WORDS")
LIFECYCLE_HEDGES = words("LIFECYCLE_HEDGES")
