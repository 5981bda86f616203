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
from .vocabulary import CAPITALIZED_NON_NAMES, NAME_PARTICLES, REFERRING_TITLES, SUPPORT_VERB_FORMS

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
FULL_NAME = re.compile(r"\b[A-Z][\w'.-]+(?: (?:[A-Z]\.|[A-Z][\w'.-]+|" + alternation(sorted(NAME_PARTICLES))
                       + r"(?= [A-Z])))+")           # "Karen Whitfield", "Michael R. Caputo", "Mayor de Blasio"
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
REFERRING_TITLE = re.compile(r"\b(?:the|The) (" + alternation(sorted(REFERRING_TITLES)) + r")\b")   # "the mayor"
SPELLED_OUT = re.compile(r"[A-Z][\w'-]*(?: (?:(?:of|for|and|the|&) )*[A-Z][\w'-]*)+")


def relation_text(text: str, before: int = 1) -> str:
    """``text`` with only what a relation can come from left in: of each line with a trigger word, its
    sentences from the one before the first with a trigger word to the last with one; the first line (the
    headline), the list after a trigger line that ends in a colon, the last sentence of the
    ``before`` non-empty lines ahead of each trigger line (pronouns' antecedents and the parser's context),
    and the sentences that name in full someone or something a trigger line or the headline names
    ("Karen Whitfield" for "Whitfield", "the New York Civil Liberties Union" for "NYCLU", "Mayor X" for
    "the mayor"), so a short name or a reference resolves as in the whole article. Everything else is
    blanked to spaces: offsets are unchanged and the models spend next to nothing on it."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    hits = [n for n, i in enumerate(filled) if may_state_relation(lines[i])]
    triggered = [filled[n] for n in hits]
    whole = {0}
    for n in hits:                                   # "... the endorsement of three groups:" and its list
        if lines[filled[n]].rstrip().endswith(":"):
            whole |= set(itertools.takewhile(lambda i: len(lines[i]) <= LIST_ITEM_CHARS, filled[n + 1:]))
    names = {_bare(word) for i in {0, *triggered} for word in NAME.findall(lines[i])} - CAPITALIZED_NON_NAMES
    names |= {title.capitalize() for i in triggered for title in REFERRING_TITLE.findall(lines[i])}   # "Mayor X"
    initials = {name for name in names if ACRONYM.fullmatch(name)}
    ahead = {filled[m] for n in hits for m in range(max(0, n - before), n)}
    kept = []
    for i, line in enumerate(lines):
        if i in whole or not line.strip():
            kept.append(line)
            continue
        sentences = _sentences(line)
        wanted = {(a, b) for a, b in sentences if _names_in_full(line[a:b], names, initials)}
        if i in ahead:
            wanted.add(sentences[-1])
        if i in triggered:
            wanted |= set(_around_triggers(line, sentences))
        kept.append("".join(line[a:b] if (a, b) in wanted else " " * (b - a) for a, b in sentences))
    return "\n".join(kept)


def _around_triggers(line: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of a trigger line from the one before its first trigger sentence to its last."""
    hits = [k for k, (a, b) in enumerate(sentences) if may_state_relation(line[a:b])]
    if not hits:
        return sentences
    return sentences[max(0, hits[0] - 1):hits[-1] + 1]


def _names_in_full(sentence: str, names: set[str], initials: set[str]) -> bool:
    """True when ``sentence`` names in full one of ``names`` or spells out one of ``initials``."""
    return any(names.intersection(map(_bare, full.split())) for full in FULL_NAME.findall(sentence)) \
        or bool(initials and _spells_out(sentence, initials))


def _bare(word: str) -> str:
    """A name word without the punctuation or possessive glued to it ("Pell." and "Pell's" are "Pell")."""
    return re.sub(r"(?:['’]s?)?[.,:;]*$", "", word)


SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
QUOTES = re.compile(r"[\"“”]")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")     # "J.", "U.S.", "Sen.", "Gov.": no sentence end


def _sentences(line: str) -> list[tuple[int, int]]:
    """A line's sentences as (start, end) spans covering it, cut after '.', '!' or '?' before a capital,
    never after an initial or a short capitalized abbreviation ("Donald J. Trump", "Sen. Lutz"), nor
    inside a quotation (one kept without the rest would turn what follows into a quote)."""
    cuts = [m.end() for m in SENTENCE_END.finditer(line)
            if not ABBREVIATION.fullmatch(line[:m.start()].rsplit(None, 1)[-1].lstrip("\"'“‘("))
            and not len(QUOTES.findall(line, 0, m.end())) % 2]
    return list(zip([0, *cuts], [*cuts, len(line)]))


def _spells_out(line: str, initials: set[str]) -> bool:
    """True when ``line`` holds a run of capitalised words whose initials are one of ``initials``
    (as :func:`.spans.acronyms` reads them), so an acronym of a trigger line resolves as in the whole
    article."""
    for run in SPELLED_OUT.findall(line):
        words = run.split()
        if any(not initials.isdisjoint(acronyms(" ".join(words[k:]))) for k in range(len(words) - 1)):
            return True
    return False
