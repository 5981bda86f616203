"""Where a document quotes someone, and who: the character ranges inside double quotes, and their speaker."""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from .mention_model import Mention
from .vocabulary import REPORTING_VERBS


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` (a document's) inside double quotes; an unclosed quote ends with its line."""
    regions = []
    for line in re.finditer(r"[^\n]+", text):
        marks = [m.start() + line.start() for m in re.finditer('"', line.group())]
        if len(marks) % 2:
            marks.append(line.end())
        regions += list(zip(marks[::2], marks[1::2]))
    return regions


def inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    """The character at ``offset`` is inside one of ``regions``."""
    return any(start < offset < end for start, end in regions)


def quote_speaker(token: Token, regions: list[tuple[int, int]], mentions: Iterable[Mention]) -> Mention | None:
    """The named speaker of the quote ``token`` is in: the subject of a verb of saying outside the quotes of
    its sentence ('"...," X said', 'X told the press, "..."'), or of the sentence before when the quote
    began there."""
    if not inside(token.idx, regions):
        return None
    sentences = [token.sent]
    if token.sent.start > 0 and inside(token.sent[0].idx, regions):
        sentences.append(token.doc[token.sent.start - 1].sent)
    named = [m for m in mentions if m.explicit]
    for sent in sentences:
        for verb in sent:
            if verb.lemma_ not in REPORTING_VERBS or inside(verb.idx, regions):
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj" and not inside(c.idx, regions)):
                speaker = next((m for m in named if m.start <= subject.i < m.end), None)
                if speaker is not None:
                    return speaker
    return None
