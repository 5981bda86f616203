"""Plain records for what goes into the graph: entities, relations and the claims behind them."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Claim:
    """One source's support for a relation: where it was said, how it was read, how sure we are."""

    article: str                      # article id (file name or JSONL id)
    source: str                       # path or URL of the article or record file
    rule: str                         # extraction rule or loader that produced the claim
    sentence: str = ""
    start: int | None = None          # character offsets of the sentence in the article text
    end: int | None = None
    line: int | None = None           # line of a structured record
    title: str | None = None
    published: str | None = None      # ISO date the article was published, if known
    confidence: float = 1.0
    properties: dict[str, Any] = field(default_factory=dict)  # what this source says (role, date, ...)
    columns: dict[str, str] = field(default_factory=dict)     # a mapped table's other cells, as written
    id: str | None = None             # in a reviewed graph (graph/curation.py): the claim's stable id,
    review: dict[str, str] | None = None   # and a person's decision on it (status, by, at, why)

    def key(self) -> tuple:
        """Identity within one relation: the same span of the same article is the same claim."""
        return (self.article, self.start if self.start is not None else -1,
                self.end if self.end is not None else -1, self.line if self.line is not None else -1)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in vars(self).items() if v is not None and v != {}}
        if "properties" in data:
            data["properties"] = dict(data["properties"])  # properties hold scalars: a copy suffices
        if "columns" in data:
            data["columns"] = dict(data["columns"])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(**data)


@dataclass(frozen=True)
class Entity:
    """A person, candidate or organization as one source names it."""

    name: str
    type: str
    article: str = ""                 # where this mention was seen (for alias counts)
    aliases: tuple[str, ...] = ()     # surface forms seen in that source, one per mention
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return entity_id(self.name)


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entity ids, supported by one claim."""

    type: str
    source: str
    target: str
    claim: Claim


def entity_id(name: str) -> str:
    """Stable node id from a canonical name: ``"Chris Shelton"`` -> ``"chris-shelton"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "entity-" + "-".join(f"{ord(c):x}" for c in name)


POSSESSIVE = re.compile(r"['’`]s\b")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to match names and aliases."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return NOT_ALPHANUMERIC.sub(" ", POSSESSIVE.sub("", ascii_text)).strip()


@dataclass
class Batch:
    """What one input file contributes: entities first, then relations between their ids."""

    source: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mentioned: list[Entity] = field(default_factory=list)   # named by articles that state no relation: not
                                                            # stored, known to name resolution (--keep-mentions)
