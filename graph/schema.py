"""The graph schema, read from ``schema.json``: entity kinds, relation types, what they mean.

``schema.json`` is the one declaration of a relation type: its ends, its properties and their
meaning, the tags queries select it by and how the page draws it. This module is its only reader;
loaders, queries and drawing ask the functions here rather than restating the facts. Every write
goes through :func:`check_entity` and :func:`check_relation`.

The schema is read once per process, from the packaged file or, if the environment variable
``ENDORSEGRAPH_SCHEMA`` names one, from that file (a test uses it to add a relation type).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import SchemaError

CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")     # Unicode category Cc
SCHEMA_ENV = "ENDORSEGRAPH_SCHEMA"       # a schema file to read instead of the packaged one
TYPE_NAME = re.compile(r"[A-Z][A-Za-z0-9_]*")   # entity and relation type names go into Cypher as they are
ENDS = ("source", "target")


def schema_file() -> Path | Traversable:
    """The schema file this process reads: ``$ENDORSEGRAPH_SCHEMA`` if set, else the packaged one."""
    override = os.environ.get(SCHEMA_ENV)
    return Path(override) if override else resources.files(__package__).joinpath("schema.json")


@cache
def schema() -> dict[str, Any]:
    """The parsed schema document (read once per process); SchemaError if it is malformed."""
    where = schema_file()
    try:
        document = json.loads(where.read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise SchemaError(f"schema {where}: {err}") from None
    try:
        _check_document(document, str(where))
    except (KeyError, TypeError, AttributeError) as err:
        raise SchemaError(f"schema {where}: malformed ({type(err).__name__}: {err})") from None
    return document


def version() -> int:
    """Schema version written into every graph file."""
    return schema()["version"]


def entity_types() -> list[str]:
    return list(schema()["entity_types"])


def relation_types() -> list[str]:
    return list(schema()["relation_types"])


def core_relation_types() -> list[str]:
    """ENDORSED, LEADS and ADVISES: the relations the project is measured on."""
    return [name for name, spec in schema()["relation_types"].items() if spec.get("core")]


def lifecycle_relation_types() -> list[str]:
    """Relations that record an endorsement's other states (expected, declined...): not endorsements."""
    return [name for name, spec in schema()["relation_types"].items() if spec.get("lifecycle_of")]


def connecting_relation_types() -> list[str]:
    """Relations a path or neighbourhood walks by default: every one but the lifecycle states."""
    return [name for name in relation_types() if name not in lifecycle_relation_types()]


def relations_tagged(tag: str) -> tuple[str, ...]:
    """The relation types carrying ``tag`` (see the schema's ``tags``), in name order.

    >>> relations_tagged("position")
    ('ADVISES', 'FOUNDED', 'LEADS', 'MEMBER_OF')
    """
    if tag not in schema()["tags"]:
        raise SchemaError(f"unknown relation tag {tag!r} (known: {', '.join(schema()['tags'])})")
    return tuple(sorted(name for name, spec in schema()["relation_types"].items() if tag in spec.get("tags", ())))


def relations_carrying(prop: str) -> tuple[str, ...]:
    """The relation types that declare the property ``prop`` (``role``, ``current``, ``status``...), in name order.

    >>> relations_carrying("role")
    ('ADVISES', 'LEADS', 'MEMBER_OF')
    """
    return tuple(sorted(name for name, spec in schema()["relation_types"].items() if prop in spec["properties"]))


def carries(relation_type: str, prop: str) -> bool:
    """True if ``relation_type`` declares the property ``prop``: ``carries("LEADS", "current")``."""
    return prop in _relation_spec(relation_type)["properties"]


def property_defaults(relation_type: str) -> dict[str, Any]:
    """What a stated relation's properties are when its source does not say (ENDORSED: status endorsed)."""
    return {key: spec["default"] for key, spec in relation_properties(relation_type).items()
            if isinstance(spec, dict) and "default" in spec}


def inactive_when(relation_type: str) -> dict[str, Any]:
    """The property values that mark a relation as no longer holding: a former leader
    (``{"current": False}``), a withdrawn endorsement (``{"status": "withdrawn"}``); empty if none."""
    return {key: spec["inactive"] for key, spec in relation_properties(relation_type).items()
            if isinstance(spec, dict) and "inactive" in spec}


def candidate_ends(relation_type: str) -> tuple[str, ...]:
    """The ends (``"source"``, ``"target"``) that must be a Candidate: a Person found there becomes one.

    >>> candidate_ends("ADVISES"), candidate_ends("LEADS")
    (('target',), ())
    """
    return tuple(end for end, allowed in zip(ENDS, allowed_endpoints(relation_type)) if allowed == ["Candidate"])


def end_type(relation_type: str, end: str, entity_type: str) -> str:
    """The type an entity of ``entity_type`` takes at ``end`` of the relation: a Person at a
    candidate end is a Candidate; any other type stays as it is."""
    if end in candidate_ends(relation_type) and is_a("Candidate", entity_type):
        return "Candidate"
    return entity_type


def display(relation_type: str) -> dict[str, Any]:
    """How the page draws a relation: ``label``, ``color``, ``width``, ``cue`` (a regular expression
    for its words), ``inactive_label`` if it has one, and ``inactive_when`` (:func:`inactive_when`)."""
    look = dict(_relation_spec(relation_type)["display"])
    when = inactive_when(relation_type)
    return {**look, "inactive_when": when} if when else look


def verb(relation_type: str) -> str:
    """The words between two names in a sentence stating the relation: ``is a member of``."""
    look = _relation_spec(relation_type)["display"]
    return look.get("verb", look["label"])


def synthetic_weight(relation_type: str) -> int:
    """How many parts of a synthetic graph's relations are of this type (0: none)."""
    return int(_relation_spec(relation_type).get("synthetic_weight", 0))


def labels(entity_type: str) -> list[str]:
    """Labels of an entity type: a Candidate is also a Person."""
    return list(_entity_spec(entity_type)["labels"])


def is_a(entity_type: str, base: str) -> bool:
    """True if ``entity_type`` is ``base`` or extends it."""
    return base in labels(entity_type)


def compatible(a: str, b: str) -> bool:
    """True when one type is the other or a kind of it (Person and Candidate), so one entity may be both."""
    return is_a(a, b) or is_a(b, a)


def more_specific(a: str, b: str) -> str:
    """The narrower of two compatible types (Candidate over Person); SchemaError if they clash."""
    if is_a(a, b):
        return a
    if is_a(b, a):
        return b
    raise SchemaError(f"an entity cannot be both {a} and {b}")


def relation_properties(relation_type: str) -> dict[str, Any]:
    return dict(_relation_spec(relation_type)["properties"])


def allowed_endpoints(relation_type: str) -> tuple[list[str], list[str]]:
    spec = _relation_spec(relation_type)
    return list(spec["source"]), list(spec["target"])


def check_entity(entity_type: str, properties: dict[str, Any]) -> dict[str, Any]:
    """Validate and coerce an entity's properties; returns the cleaned dict."""
    return _check_properties(f"{entity_type} entity", _entity_properties(entity_type), properties)


def entity_properties(entity_type: str) -> set[str]:
    """The names of the properties an entity of ``entity_type`` may carry."""
    return set(_entity_properties(entity_type))


def _entity_properties(entity_type: str) -> dict[str, Any]:
    spec = _entity_spec(entity_type)
    parent = spec.get("extends")
    return {**(_entity_spec(parent)["properties"] if parent else {}), **spec["properties"]}


def check_relation(relation_type: str, source_type: str, target_type: str,
                   properties: dict[str, Any]) -> dict[str, Any]:
    """Validate endpoints and properties of a relation; returns the cleaned properties."""
    sources, targets = allowed_endpoints(relation_type)
    if not any(is_a(source_type, allowed) for allowed in sources):
        raise SchemaError(f"{relation_type} cannot start at a {source_type} "
                          f"(allowed: {', '.join(sources)})")
    if not any(is_a(target_type, allowed) for allowed in targets):
        raise SchemaError(f"{relation_type} cannot end at a {target_type} "
                          f"(allowed: {', '.join(targets)})")
    return check_relation_properties(relation_type, properties)


def check_relation_properties(relation_type: str, properties: dict[str, Any]) -> dict[str, Any]:
    """Validate and coerce a relation's properties (not its endpoints); returns the cleaned dict."""
    return _check_properties(relation_type, relation_properties(relation_type), properties)


def check_name(name: str, what: str = "name") -> str:
    """``name`` itself if it can name an entity: no control characters (NUL, newline, escape...)."""
    bad = CONTROL_CHARACTER.search(name)
    if bad:
        raise SchemaError(f"{what} {name!r} contains a control character (U+{ord(bad.group()):04X})")
    return name


def coerce(value: Any, spec: str | dict[str, Any], what: str = "value") -> Any:
    """Turn ``value`` (possibly a string from a CSV cell) into the schema type ``spec``."""
    type_name = spec if isinstance(spec, str) else spec["type"]
    try:
        result = _COERCERS[type_name](value)
    except (TypeError, ValueError):
        raise SchemaError(f"{what} must be {_TYPE_WORDS[type_name]}, got {value!r}") from None
    choices = spec.get("enum") if isinstance(spec, dict) else None
    if choices and result not in choices:
        raise SchemaError(f"{what} must be one of {', '.join(choices)}; got {value!r}")
    return result


def _check_properties(owner: str, declared: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(properties) - set(declared))
    if unknown:
        raise SchemaError(f"{owner} has no property {', '.join(unknown)} "
                          f"(declared: {', '.join(sorted(declared)) or 'none'})")
    return {key: coerce(value, declared[key], f"{owner} property {key!r}")
            for key, value in properties.items() if value is not None}


def _entity_spec(entity_type: str) -> dict[str, Any]:
    try:
        return schema()["entity_types"][entity_type]
    except KeyError:
        raise SchemaError(f"unknown entity type {entity_type!r} "
                          f"(known: {', '.join(entity_types())})") from None


def _relation_spec(relation_type: str) -> dict[str, Any]:
    try:
        return schema()["relation_types"][relation_type]
    except KeyError:
        raise SchemaError(f"unknown relation type {relation_type!r} "
                          f"(known: {', '.join(relation_types())})") from None


def _check_document(document: dict[str, Any], where: str) -> None:
    """Refuse a schema whose relation types name unknown entity types, tags or property types, or
    lack what loaders, queries and the page read from them."""
    entities, tags = document["entity_types"], document["tags"]
    if not isinstance(document["version"], int):
        raise SchemaError(f"schema {where}: version must be a whole number")
    for name, spec in document["relation_types"].items():
        what = f"schema {where}: relation {name}"
        if not TYPE_NAME.fullmatch(name):
            raise SchemaError(f"{what}: a type name is letters, digits and _, starting with a capital")
        unknown = sorted({*spec["source"], *spec["target"]} - set(entities)) + \
            sorted(set(spec.get("tags", ())) - set(tags))
        if unknown:
            raise SchemaError(f"{what}: unknown entity type or tag {', '.join(unknown)}")
        for key, prop in spec["properties"].items():
            type_name = prop if isinstance(prop, str) else prop.get("type")
            if type_name not in _COERCERS:
                raise SchemaError(f"{what}: property {key!r} has no known type ({', '.join(_COERCERS)})")
        missing = sorted({"label", "color", "width", "cue"} - set(spec.get("display", {})))
        if missing:
            raise SchemaError(f"{what}: its display needs {', '.join(missing)}")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "1", "current"}:
        return True
    if text in {"false", "no", "0", "former"}:
        return False
    raise ValueError(value)


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    return int(str(value).replace(",", "").replace("_", "").strip())


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    result = float(value if isinstance(value, (int, float)) else str(value).replace(",", "").strip())
    if not math.isfinite(result):
        raise ValueError(value)
    return result


def _to_str(value: Any) -> str:
    if not isinstance(value, (str, int, float)):
        raise ValueError(value)
    return str(value).strip()


def _to_date(value: Any) -> str:
    return dt.date.fromisoformat(str(value).strip()).isoformat()


_COERCERS = {"str": _to_str, "int": _to_int, "float": _to_float, "bool": _to_bool, "date": _to_date}
_TYPE_WORDS = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true or false",
               "date": "an ISO date (YYYY-MM-DD)"}
