"""The graph schema, read from ``schema.json``: entity kinds, relation types, their properties.

Every write goes through :func:`check_entity` and :func:`check_relation`, so the rules live in
one data file rather than in scattered constants.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

from .errors import SchemaError

CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")     # Unicode category Cc


@cache
def schema() -> dict[str, Any]:
    """The parsed schema document."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text("utf-8"))


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


def labels(entity_type: str) -> list[str]:
    """Labels of an entity type: a Candidate is also a Person."""
    return list(_entity_spec(entity_type)["labels"])


def is_a(entity_type: str, base: str) -> bool:
    """True if ``entity_type`` is ``base`` or extends it."""
    return base in labels(entity_type)


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
    spec = _entity_spec(entity_type)
    declared = dict(spec["properties"])
    parent = spec.get("extends")
    if parent:
        declared = {**_entity_spec(parent)["properties"], **declared}
    return _check_properties(f"{entity_type} entity", declared, properties)


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
