"""The words without which no rule reads a relation: an article with none of them is not parsed.

Every surface pattern, the list readers and the parse reading need at least one of these words in the
text they read (an endorsing verb or noun, a leadership, advisory, founding or membership word).
Most posts of a news archive have none (crime, food, transit), so the prefilter saves the whole spaCy
pipeline on them; ``tests/test_triggers.py`` checks that it never drops an article the full
extractor reads a relation from, and that every pattern's examples carry a trigger.
"""
from __future__ import annotations

import itertools
import re

from .patterns import alternation
from .required_text import folded, required_strings
from .spans import acronyms
from .vocabulary import CAPITALIZED_NON_NAMES, SUPPORT_VERB_FORMS

TRIGGER_WORDS = re.compile(          # lowercase: searched in folded text (3x faster than a case-insensitive search)
    r"\bendors|\bback(?:ed|s|ing|ers?)\b|support|\bnods?\b|nomin|candidate|ticket|\blines?\b|recommend|\bweight\b|\bout for|"
    + alternation(SUPPORT_VERB_FORMS) + "|"   # every supporting verb (lowercase, as every word here)
    r"rallying|(?:his|her|their) (?:side|corner)|\b(?:my|our|his|her|its|their) vote\b|president|director|chair|secretar|treasurer|\bboss|\bhead(?!lin|light|quarter|phone|ache)|leader|"
    r"\blead|\bled\b|\bdelegate\b|(?<!-)\bruns?\b|\bran\b|direct(?!ly|ion)|\bfound(?:ed|er|ers|ing)\b|co-?found|\bceo\b|"
    r"chief|manager|commissioner|speaker|owner|\bown(?:s|ed)\b|co-own|chancellor|\bdean\b|principal|"
    r"behalf|advocat|campaign (?:attorney|lawyer|counsel)|press officer|\bwork(?:s|ed|ing)? (?:on|for) [^.\n]{0,40}campaign|"
    r"publisher|advis|strateg|spokes|pollster|surrogate|speechwriter|fundrais|consult|superintend|grew out|born out|emerged from|"
    r"sprang from|came out of|started by|created by|launched by|(?<!re)member|affiliat")
PARTY_LABEL = re.compile(r"\b(?:Democrat|Democratic|Republican|GOP|Green|Libertarian|Conservative|Independence) [A-Z]")

TRIGGER_NEEDS = (required_strings(TRIGGER_WORDS) or frozenset({""})) | (required_strings(PARTY_LABEL) or frozenset({""}))


def may_state_relation(text: str) -> bool:
    """False when ``text`` holds no word any extraction rule needs: it states no relation we can read.

    A trigger word in any case (searched in the folded text, which keeps every character's place), or
    a capitalized party label; after ruling out at C speed the texts that hold none of the strings
    these need (most lines of an article)."""
    key = folded(text)
    return any(needed in key for needed in TRIGGER_NEEDS) and \
        (TRIGGER_WORDS.search(key) is not None or PARTY_LABEL.search(text) is not None)


LIST_ITEM_CHARS = 200                                  # a longer line ends a list
NAME = re.compile(r"\b[A-Z][\w'.-]+")
FULL_NAME = re.compile(r"\b[A-Z][\w'.-]+(?: (?:[A-Z]\.|[A-Z][\w'.-]+))+")   # "Karen Whitfield", "Michael R. Caputo"
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
SPELLED_OUT = re.compile(r"[A-Z][\w'-]*(?: (?:(?:of|for|and|the|&) )*[A-Z][\w'-]*)+")


def relation_text(text: str, before: int = 1) -> str:
    """``text`` with only the lines a relation can come from left in: lines with a trigger word, the
    ``before`` non-empty lines ahead of each (pronouns' antecedents and the parser's context), the first
    line (the headline), the list after a trigger line that ends in a colon, and lines where a name of a trigger line appears in full ("Karen Whitfield" for
    "Whitfield", so a short name resolves as in the whole article). Every other line is blanked to
    spaces: offsets are unchanged and the parser spends next to nothing on it."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    hits = [n for n, i in enumerate(filled) if may_state_relation(lines[i])]
    keep = {0, *(filled[m] for n in hits for m in range(max(0, n - before), n + 1))}
    for n in hits:                                   # "... the endorsement of three groups:" and its list
        if lines[filled[n]].rstrip().endswith(":"):
            keep |= set(itertools.takewhile(lambda i: len(lines[i]) <= LIST_ITEM_CHARS, filled[n + 1:]))
    names = {word for n in hits for word in NAME.findall(lines[filled[n]])} - CAPITALIZED_NON_NAMES
    keep |= {i for i in filled if any(names.intersection(full.split()) for full in FULL_NAME.findall(lines[i]))}
    initials = {name.rstrip(".,:;'’s") for name in names if ACRONYM.fullmatch(name.rstrip(".,:;'’s"))}
    if initials:                                     # "New York Civil Liberties Union" for "NYCLU"
        keep |= {i for i in filled if i not in keep and _spells_out(lines[i], initials)}
    return "\n".join(line if i in keep else " " * len(line) for i, line in enumerate(lines))


def _spells_out(line: str, initials: set[str]) -> bool:
    """True when ``line`` holds a run of capitalised words whose initials are one of ``initials``
    (as :func:`.spans.acronyms` reads them), so an acronym of a trigger line resolves as in the whole
    article."""
    for run in SPELLED_OUT.findall(line):
        words = run.split()
        if any(not initials.isdisjoint(acronyms(" ".join(words[k:]))) for k in range(len(words) - 1)):
            return True
    return False
