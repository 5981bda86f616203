"""Front matter of static-site and scraped posts: the ``key: value`` block between ``---`` lines.

Jekyll, Hugo and scrapers write ``title``, ``date`` (ISO, or forms like ``Aug 25, 2013 4:55 PM``),
``author`` and ``url``/``permalink`` there; :func:`split` returns them with the body that follows.
"""
from __future__ import annotations

import datetime as dt
import re

BLOCK = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<block>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
DATE_FORMATS = ("%b %d, %Y %I:%M %p", "%B %d, %Y %I:%M %p", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d")


def split(text: str) -> tuple[dict[str, str], str, int]:
    """(fields, body, offset of the body in ``text``); no fields and the whole text when there is no block."""
    block = BLOCK.match(text)
    if block is None:
        return {}, text, 0
    fields = {m["key"].lower(): _unquote(m["value"]) for m in FIELD.finditer(block["block"]) if m["value"]}
    return fields, text[block.end():], block.end()


def iso_date(value: str | None) -> str | None:
    """The calendar date of a front-matter date, as YYYY-MM-DD; None when it is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.upper(), form).date().isoformat()   # "pm" as "PM"
        except ValueError:
            continue
    return None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
