"""Cypher parameters from the command line: ``--param name=value``."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..graph.errors import EndorsegraphError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``["name=Bernie Sanders", "n=3", 'ids=["a","b"]']`` -> ``{"name": "Bernie Sanders", "n": 3, ...}``.

    A value that reads as JSON (number, true/false/null, list, object, quoted string) is that
    value; anything else is the text itself.
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        name, equals, text = pair.partition("=")
        if not equals or not _NAME.fullmatch(name.strip()):
            raise EndorsegraphError(f"--param {pair!r}: expected NAME=VALUE, e.g. --param name='Bernie Sanders'")
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = text
        params[name.strip()] = value
    return params
