"""Reading CSV tables as data sites and spreadsheets write them: UTF-8 (with or without a byte-order
mark) or Latin-1 (Windows-1252), lines ended by LF, CRLF or a bare CR (old Mac), every row numbered
by the line it starts on.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..graph.errors import InputError
from .files import read_bytes

if TYPE_CHECKING:
    from .mapped import ColumnMap

HEAD_BYTES = 65536
LATIN_1 = "cp1252"                  # what "Latin-1" files from Windows spreadsheets really are
ENCODING_NAMES = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "latin-1": LATIN_1,
                  "latin1": LATIN_1, "iso-8859-1": "latin-1", "cp1252": LATIN_1, "windows-1252": LATIN_1}

Row = tuple[int, dict[str, str]]


@dataclass(frozen=True)
class Table:
    """A CSV file's columns (as written, stripped) and its non-blank rows as ``(line, {column: cell})``."""

    path: Path
    columns: list[str]
    rows: list[Row]
    encoding: str


def normalize_column(name: str) -> str:
    """A column name as compared: lower case, runs of anything but letters and digits as one space
    (``"Warren Endorsed? "`` and ``warren_endorsed`` are both ``"warren endorsed"``)."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def check_encoding(name: str | None) -> str | None:
    """The codec for an ``--encoding`` value (utf-8, utf-8-sig, latin-1, cp1252), or an InputError."""
    if name is None:
        return None
    try:
        return ENCODING_NAMES[name.lower()]
    except KeyError:
        raise InputError("--encoding", f"unknown encoding {name!r} (choose from utf-8, utf-8-sig, latin-1)") from None


def header(path: Path, encoding: str | None = None) -> list[str]:
    """The first row of a CSV file (its column names), read from the file's head only; [] if none."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return []
    text = head.decode(encoding or _guess(head, partial=True), errors="replace").removeprefix("\ufeff")
    try:
        return [c.strip() for c in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error:
        return []


def read_table(path: Path, encoding: str | None = None) -> Table:
    """The whole table; InputError (``file:line: reason``) for a file that is unreadable, too large,
    binary, empty, not in ``encoding`` (when given), or whose quoting is broken."""
    raw = read_bytes(path)
    if b"\x00" in raw[:8192]:
        raise InputError(str(path), "file is binary, not a CSV table (UTF-16 tables: save them as UTF-8)")
    codec = encoding or _guess(raw, partial=False)
    try:
        text = raw.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not {codec} text (bad byte at offset {err.start}); "
                         "try --encoding latin-1") from None
    if not text.strip():
        raise InputError(str(path), "file is empty")
    columns, rows = _rows(path, text)
    return Table(path, columns, rows, codec)


def _guess(raw: bytes, partial: bool) -> str:
    """UTF-8 with a byte-order mark, UTF-8, else Latin-1 (Windows-1252; a byte it leaves undefined
    makes it ISO-8859-1). ``partial``: ``raw`` is a file's head, which may end inside a character."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(raw, final=not partial)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode(LATIN_1)
        return LATIN_1
    except UnicodeDecodeError:
        return "latin-1"


def _rows(path: Path, text: str) -> tuple[list[str], list[Row]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)   # newline="": CR, LF, CRLF alike
    read = 0
    try:
        columns = [c.strip() for c in next(reader, [])]
        if not any(columns):
            raise InputError(str(path), "no column names in the first line", line=1)
        read = reader.line_num                              # lines read up to the end of the last row
        rows: list[Row] = []
        for cells in reader:
            start, read = read + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise InputError(str(path), f"{len(cells)} cells in a row of {len(columns)} columns", line=start)
            rows.append((start, dict(zip(columns, (c.strip() for c in cells)))))
    except csv.Error as err:
        raise InputError(str(path), f"bad CSV: {err} (check the quotes of this row)", line=read + 1) from None
    return columns, rows


@dataclass(frozen=True)
class TableOptions:
    """How ``build`` reads CSV tables: ``encoding`` (None: UTF-8, its BOM, else Latin-1, detected),
    ``format`` (None: by the header; or records, fivethirtyeight-2020, fivethirtyeight-2018) and
    ``mapping`` (every CSV read through this column map)."""

    encoding: str | None = None
    format: str | None = None
    mapping: ColumnMap | None = None
