"""A bare title's body: "Commissioner Adam Silver" heads the one organization his sentence names.

"Board Chairman John Degnan opposed the move, saying the Port Authority would lose" gives the title no
body of its own, yet a reader knows which body he chairs: the one the sentence names. Read only for titles
that head bodies, with only punctuation, a function word, a verb or a word of tenure before the title (a
body named there is the surface rules'; "party Chairwoman X" is the party's), and only where the sentence
names exactly one organization that can be headed: not a party, not a paper, not a place ("BBVA Compass
Stadium"), and not in a Title-Case headline ("DDB Brazil Comes Clean; Commissioner Kelly Calls Ad ...").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .mention_model import ArticleEntities, Mention
from .relations import Found
from .headlines import title_case_lines
from .vocabulary import (BODY_WORDS, CURRENT_WORDS, FORMER_WORDS, GENERIC_BODIES, IMPLIED_TITLES, PLACE_HEADS,
                         UNHEADED_KINDS)

RULE = "context:implied-body"
CONFIDENCE = 0.6
OPENING_POS = {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "PART", "ADV"}
MODIFIER_WORDS = set(FORMER_WORDS) | set(CURRENT_WORDS)


def implied_bodies(doc: Doc, entities: ArticleEntities) -> list[Found]:
    """LEADS for every "<Title> <Person>" whose sentence names exactly one organization that can be headed."""
    found = []
    headline = title_case_lines(doc)
    for mention in entities.mentions:
        title = _bare_title(doc, mention)
        if title is None or any(start <= mention.start < end for start, end in headline):
            continue                                  # a Title-Case headline's words are not its sentence's
        sent = doc[mention.start].sent
        possessed = mention.end + 1                   # "Commissioner X's Broken Windows approach": his, not his body
        bodies = {m.entity for m in entities.starting_in(sent.start, sent.end)
                  if m.label == "ORG" and m.explicit and entities.entities[m.entity].kind not in UNHEADED_KINDS
                  and doc[m.end - 1].lower_ not in PLACE_HEADS          # "BBVA Compass Stadium" is a place
                  and not (m.start == possessed and doc[mention.end].lower_ in ("'s", "'"))}
        first = _title_opening(doc, title)
        if doc[first].lower_ in GENERIC_BODIES:        # "Police Commissioner X": the police department named
            bodies = {body for body in bodies if doc[first].lower_ in body.lower().split()}
        if len(bodies) == 1:
            before = doc[first - 1].lower_ if first > sent.start else ""     # "former Police Commissioner X"
            current = before.rstrip("-") not in {w.rstrip("-") for w in FORMER_WORDS}
            found.append(Found("LEADS", mention.entity, bodies.pop(), sent, RULE, CONFIDENCE, title.i,
                               {"role": title.lower_, "current": current}))
    return found


def _title_opening(doc: Doc, title: Token) -> int:
    """Where a bare title starts: "Board Chairman X", "Police Commissioner X" open at their body's word."""
    return title.i - (title.i > 0 and doc[title.i - 1].lower_ in BODY_WORDS | GENERIC_BODIES)


def _opens_a_title(token: Token) -> bool:
    """What may stand before a bare title: punctuation but a hyphen, a function word, a verb, "former"."""
    return token.pos_ in OPENING_POS and token.text not in ("-", "–") or token.lower_ in MODIFIER_WORDS


def _bare_title(doc: Doc, mention: Mention) -> Token | None:
    """The head title right before a person's name, if nothing capitalized but "Board" stands before it."""
    if mention.label != "PERSON" or not mention.explicit:
        return None
    name = next((i for i in range(mention.start, mention.end) if doc[i].lower_ not in IMPLIED_TITLES | BODY_WORDS),
                mention.end)
    title_index = name - 1                            # inside the mention or just before it
    if title_index < doc[mention.start].sent.start or doc[title_index].lower_ not in IMPLIED_TITLES:
        return None
    first = _title_opening(doc, doc[title_index])
    if first > doc[first].sent.start and not _opens_a_title(doc[first - 1]):
        return None                                   # "NYCHA Chair X", "party Chairwoman X", "co-chair X"
    if first > 1 and doc[first - 1].lower_ in ("and", "&") and doc[first - 2].lower_ in IMPLIED_TITLES:
        return None                                   # "MTA Chairman and CEO X": the surface rules' title
    return doc[title_index]
