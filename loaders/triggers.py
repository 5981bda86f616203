"""The words without which no rule reads a relation: an article with none of them is not parsed.

Every surface pattern, the list readers and the parse reading need at least one of these words in the
text they read (an endorsing verb or noun, a leadership, advisory, founding or membership word).
Most posts of a news archive have none (crime, food, transit), so the prefilter saves the whole spaCy
pipeline on them; ``tests/test_triggers.py`` checks that it never drops an article the full
extractor reads a relation from, and that every pattern's examples carry a trigger.
"""
from __future__ import annotations

import re

TRIGGER = re.compile(
    r"endors|\bback(?:ed|s|ing|ers?)\b|support|\bnods?\b|nomin|ticket|\bline\b|recommend|\bweight\b|out for|"
    r"rallying|(?:his|her|their) (?:side|corner)|president|director|chair|secretar|treasurer|\bhead|leader|"
    r"\blead|\bled\b|\bruns?\b|\bran\b|direct|\bfound(?:ed|er|ers|ing)\b|co-?found|\bceo\b|chief|manager|commissioner|speaker|owner|chancellor|\bdean\b|principal|"
    r"publisher|advis|strateg|spokes|pollster|surrogate|speechwriter|grew out|born out|emerged from|"
    r"sprang from|came out of|started by|created by|launched by|member|affiliat",
    re.IGNORECASE)


def may_state_relation(text: str) -> bool:
    """False when ``text`` holds no word any extraction rule needs: it states no relation we can read."""
    return TRIGGER.search(text) is not None
