"""Well-known organizations and their acronyms, from packaged data plus users' own files.

A gazetteer file is JSON Lines, one organization a line: ``{"name", "kind", "aliases": [...]}``
(``kind`` from the schema's organization kinds), and optionally ``"titles"``: the titles whose holder
heads the body without naming it ("police commissioner" for the NYPD, "defense secretary"). Users add theirs with ``--gazetteer FILE`` or the
``ENDORSEGRAPH_GAZETTEER`` variable (several files separated by ``:``).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from ..graph import schema
from ..graph.errors import InputError, SchemaError
from ..graph.model import normalize_name

ENV_VAR = "ENDORSEGRAPH_GAZETTEER"


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()     # lower case, the role word last: "police commissioner"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer:
    """Organizations by every normalized name and alias."""

    def __init__(self, organizations: list[KnownOrganization]):
        self.organizations = organizations
        self._by_form: dict[str, KnownOrganization] = {}
        self.by_title: dict[tuple[str, ...], KnownOrganization] = {}
        for organization in organizations:
            for form in organization.forms:
                self._by_form[normalize_name(form)] = organization
            for title in organization.titles:
                self.by_title[tuple(title.split())] = organization
        self._title_starts = {words[0] for words in self.by_title}

    @cached_property
    def normalized_names(self) -> dict[str, str]:
        """Canonical name -> its normalized form, for fuzzy matching of misspellings."""
        return {o.name: normalize_name(o.name) for o in self.organizations}

    def find(self, text: str) -> KnownOrganization | None:
        return self._by_form.get(normalize_name(text))

    def titles_at(self, doc, start: int) -> list[tuple[tuple[int, tuple[str, ...]], KnownOrganization]]:
        """The known titles that start at token ``start`` of ``doc``, longest first, each with its body."""
        if doc[start].lower_ not in self._title_starts:
            return []
        found = []
        for words, organization in self.by_title.items():
            if tuple(t.lower_ for t in doc[start:start + len(words)]) == words:
                found.append(((len(words), words), organization))
        return sorted(found, key=lambda item: -item[0][0])


@cache
def gazetteer(files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer :func:`load_gazetteer` gives for ``files``, loaded once per process."""
    return load_gazetteer(files)


def load_gazetteer(extra_files: tuple[str, ...] = ()) -> Gazetteer:
    """The packaged gazetteer, then files named in ENDORSEGRAPH_GAZETTEER, then ``extra_files``."""
    packaged = resources.files(__package__).joinpath("data/organizations.jsonl")
    organizations = _parse(packaged.read_text("utf-8"), "organizations.jsonl (packaged)")
    from_env = tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)
    for path in (*from_env, *extra_files):
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(path, f"cannot read gazetteer ({err})") from None
        organizations += _parse(text, path)
    return Gazetteer(organizations)


def _parse(text: str, where: str) -> list[KnownOrganization]:
    kinds = schema.schema()["entity_types"]["Organization"]["properties"]["kind"]
    organizations = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            kind = schema.coerce(row.get("kind", "other"), kinds, "kind")
            organizations.append(KnownOrganization(str(row["name"]), kind, tuple(row.get("aliases", [])),
                                                   tuple(str(title).lower() for title in row.get("titles", []))))
        except (json.JSONDecodeError, KeyError, TypeError, SchemaError) as err:
            raise InputError(where, f"bad gazetteer entry ({err})", line=line) from None
    return organizations
