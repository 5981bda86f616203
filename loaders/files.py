"""Finding input files and reading them safely: size, emptiness, binary content, encoding."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..graph.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
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
    """The file's text, or InputError if it is unreadable, empty, too large, binary or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read file ({err.strerror or err})") from None
    if not raw.strip():
        raise InputError(str(path), "file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(str(path), "file is binary, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not UTF-8 text (bad byte at offset {err.start})") from None


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIPPED_NAMES
