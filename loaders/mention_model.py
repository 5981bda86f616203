"""What the mention finder produces: an article's entities and the spans that mention them."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..graph.model import normalize_name
from .vocabulary import KIND_WORDS

KIND_PATTERNS = [(re.compile(rf"\b{word}\b"), kind) for word, kind in KIND_WORDS]


def kind_from_words(name: str) -> str | None:
    """An organization's kind from the first KIND_WORDS word its name holds ("Harbor Teachers Union": union)."""
    words = normalize_name(name)
    return next((kind for word, kind in KIND_PATTERNS if word.search(words)), None)


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
    _by_token: dict[int, Mention] | None = field(default=None, repr=False, compare=False)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def at(self, token_index: int) -> Mention | None:
        """The mention covering a token (the first listed, where two overlap)."""
        if self._by_token is None:
            self._by_token = {i: m for m in reversed(self.mentions) for i in range(m.start, m.end)}
        return self._by_token.get(token_index)

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions (sorted by start) that start at a token in ``start:end``."""
        if self._starts is None:
            self._starts = [m.start for m in self.mentions]
        return self.mentions[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]
