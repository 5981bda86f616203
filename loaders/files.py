"""Finding input files and reading them safely: size, emptiness, binary content, encoding."""
from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..graph.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every file below named folders, in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")       # a dangling link is reported, not skipped
                              if (p.is_file() or p.is_symlink()) and not _hidden(p.relative_to(path)))
        elif path.exists():
            yield path
        else:
            raise InputError(str(path), "no such file or folder")


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text, or InputError if it is unreadable, empty, too large, binary or not UTF-8.

    UTF-16 and UTF-32 with a byte-order mark are read too; UTF-16 without one is named, not guessed.
    """
    raw = read_bytes(path, max_bytes)
    encoding = _bom_encoding(raw)
    if encoding is None and b"\x00" in raw[:8192]:
        guess = _bomless_utf16(raw[:8192])
        raise InputError(str(path), f"file looks like {guess} text without a byte-order mark; save it as UTF-8"
                         if guess else "file is binary, not text")
    text = _decode(path, raw, encoding or "utf-8-sig")
    if not text.strip():
        raise InputError(str(path), "file is empty")
    return text


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or InputError if it is unreadable or larger than ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        return path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read file ({err.strerror or err})") from None


def first_line(path: Path, head_bytes: int = 65536) -> str:
    """The first non-empty line of ``path``, read from its first ``head_bytes`` in the encoding its
    byte-order mark announces (UTF-8 otherwise); "" when there is none or the head does not decode."""
    try:
        with path.open("rb") as file:
            head = file.read(head_bytes)
    except OSError:
        return ""
    text = head.decode(_bom_encoding(head) or "utf-8-sig", errors="ignore").removeprefix("\ufeff")
    return next((line for line in text.split("\n") if line.strip()), "")


def _bom_encoding(raw: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding a byte-order mark announces (UTF-32's first: it starts like UTF-16's)."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _bomless_utf16(head: bytes) -> str | None:
    """The UTF-16 byte order ``head`` looks like (ASCII-range text: every other byte zero), if any."""
    pairs = len(head) // 2
    if pairs == 0:
        return None
    for encoding, zero in (("UTF-16-LE", 1), ("UTF-16-BE", 0)):
        if head[zero::2].count(0) > 0.9 * pairs and head[1 - zero::2].count(0) < 0.1 * pairs:
            return encoding
    return None


def _decode(path: Path, raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        raise InputError(str(path), f"not {name} text (bad byte at offset {err.start})") from None
    return text.removeprefix("\ufeff")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIPPED_NAMES
