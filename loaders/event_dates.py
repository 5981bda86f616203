"""Dates of events that a sentence gives in words, resolved against the article's publication date.

"on Monday", "yesterday", "last week", "in March", "on March 3", "in 2012": a day resolves to
that day; a period (a week, a month, a year) to its last day, never later than publication for
what has happened, so the date is the day by which the text says it had happened. An event the
text expects ("will endorse on Thursday") resolves forward, to the next such day. Anything else
("soon", "recently") stays undated: no date is guessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
DAY_OF_MONTH = re.compile(r"\b(?P<month>[a-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def resolve(phrase: str, published: str | None, future: bool = False) -> str | None:
    """The ISO date ``phrase`` names, read against ``published`` (ISO); None when it names none.

    ``future``: the event is expected, so a weekday or month is the next one, not the last.
    """
    words = phrase.lower().replace(",", " ").split()
    text = " ".join(words)
    if ISO.search(text):
        return _iso(ISO.search(text).group())
    base = _iso_date(published)
    exact = DAY_OF_MONTH.search(text)
    if exact and exact["month"] in MONTHS:
        return _day_of_month(MONTHS[exact["month"]], int(exact["day"]), exact["year"], base, future)
    if base is None:
        year = YEAR.search(text)
        return _last_day(int(year.group()), 12) if year and text == year.group() else None
    return _relative(words, base, future)


def _relative(words: list[str], base: dt.date, future: bool) -> str | None:
    step = 1 if future or "next" in words else -1
    if "today" in words or "tonight" in words or words[-1:] == ["week"] and "this" in words:
        return base.isoformat()
    if "yesterday" in words:
        return (base - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (base + dt.timedelta(days=1)).isoformat()
    for index, day in enumerate(WEEKDAYS):
        if day in words:
            return _weekday(base, index, step, "last" in words or "next" in words).isoformat()
    if "week" in words and ("last" in words or "next" in words):
        sunday = base + dt.timedelta(days=6 - base.weekday() + 7 * step)
        return sunday.isoformat()
    if "month" in words and ("last" in words or "next" in words):
        month = (base.replace(day=1) + dt.timedelta(days=32 * step)) if step > 0 else \
            base.replace(day=1) - dt.timedelta(days=1)
        return _last_day(month.year, month.month)
    for word in words:
        if word in MONTHS and len(word) > 3:
            year = _year_of(words, base, MONTHS[word], future)
            return min(dt.date.fromisoformat(_last_day(year, MONTHS[word])), base if not future else dt.date.max) \
                .isoformat()
    year = YEAR.search(" ".join(words))
    if year and int(year.group()) <= base.year:
        return min(dt.date(int(year.group()), 12, 31), base).isoformat()
    if year:
        return _last_day(int(year.group()), 12)
    return None


def _weekday(base: dt.date, index: int, step: int, skip_this_week: bool) -> dt.date:
    """The nearest such weekday at or before ``base`` (``step`` -1) or at or after it (+1); "last
    Monday" and "next Monday" are never the publication day itself."""
    days = (base.weekday() - index) % 7 if step < 0 else (index - base.weekday()) % 7
    if skip_this_week and days == 0:
        days = 7
    return base + dt.timedelta(days=days * step)


def _day_of_month(month: int, day: int, year: str | None, base: dt.date | None, future: bool) -> str | None:
    if year is None and base is None:
        return None
    chosen = int(year) if year else base.year
    if year is None:
        candidate = _safe_date(chosen, month, day)
        if candidate is not None and not future and candidate > base:
            chosen -= 1
        elif candidate is not None and future and candidate < base:
            chosen += 1
    found = _safe_date(chosen, month, day)
    return found.isoformat() if found else None


def _year_of(words: list[str], base: dt.date, month: int, future: bool) -> int:
    year = YEAR.search(" ".join(words))
    if year:
        return int(year.group())
    if not future and month > base.month:
        return base.year - 1
    if future and month < base.month:
        return base.year + 1
    return base.year


def _last_day(year: int, month: int) -> str:
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(text: str) -> str | None:
    found = _iso_date(text)
    return found.isoformat() if found else None


def _iso_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
