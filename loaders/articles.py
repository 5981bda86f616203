"""News articles as cleaned text with their metadata: plain text, Markdown, HTML and JSON Lines.

Every article's ``text`` has been through :func:`clean.clean_text`, so claims' character offsets
refer to it. Markdown markup is blanked in place (offsets also match the file); HTML goes through
trafilatura, which keeps the main text and reads the title, canonical URL and date.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..graph.errors import InputError
from . import front_matter
from .clean import blank, clean_text
from .files import first_line, read_text
from .html_text import html_text, looks_like_html


@dataclass(frozen=True)
class Article:
    """One article: claims' character offsets refer to ``text``."""

    id: str            # file name for single-article files; the record's "id" for JSONL
    source: str        # path as given, or the record's URL when it has one
    text: str          # the cleaned main text
    title: str | None = None
    url: str | None = None
    published: str | None = None   # ISO date when known


@dataclass(frozen=True)
class _Extracted:
    """A body of text and what is known about it: a record's own text, or what trafilatura found."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


ARTICLE_FIELDS = ("id", "url", "title", "published", "text", "html")

# Markdown markup, blanked in place; a link keeps its text and loses its brackets and target.
MARKDOWN_MARKUP: tuple[re.Pattern[str], ...] = (
    re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*$", re.MULTILINE | re.DOTALL),      # YAML front matter
    re.compile(r"^ {0,3}(?:(?:[-*_] *){3,}|=+[ \t]*)$", re.MULTILINE),           # rules, setext underlines
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),                   # link reference definitions
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                                    # images
    re.compile(r"(?<!!)\[(?=[^\]\n]*\]\()|\]\([^)\n]*\)"),                       # link brackets and targets
    re.compile(r"^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.MULTILINE),  # block marks
    re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE),                                # closing heading hashes
    re.compile(r"<[^>\n]+>"),                                                    # inline HTML
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!])"),                                  # backslash escapes
    re.compile(r"(?<!\w)(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})(?!\w)"),  # emphasis
    re.compile(r"`+"),                                                           # code spans
)
MARKDOWN_TITLE = re.compile(r"\A---[ \t]*\n(?:(?!---).*\n)*?title:[ \t]*[\"']?(?P<front>.+?)[\"']?[ \t]*\n|"
                            r"^ {0,3}# +(?P<heading>.+?)[ #]*$", re.MULTILINE)


def read_articles(path: Path) -> list[Article]:
    """The articles in a .txt, .md, .html/.htm or articles .jsonl file, cleaned; InputError if unusable."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(str(path), f"not an article file (supported: {', '.join(sorted(READERS))})")
    return READERS[suffix](path)


def is_article_jsonl(path: Path) -> bool:
    """True if the first non-empty line of ``path`` is a JSON object with "text" or "html"."""
    try:
        record = json.loads(first_line(path))
    except (json.JSONDecodeError, RecursionError):   # the file's own reader names the problem
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def article_ids(path: Path) -> list[str]:
    """The ids of the articles in ``path`` (for any other input, its file name), without reading their text."""
    if path.suffix.lower() != ".jsonl" or not is_article_jsonl(path):
        return [path.name]
    return [_record_id(path, line, record) for line, record in _records(path)]


def blank_markdown(text: str) -> str:
    """Markdown with its markup replaced by spaces: same length, so offsets match the file."""
    return blank(text, (m.span() for pattern in MARKDOWN_MARKUP for m in pattern.finditer(text)))


def _read_plain(path: Path) -> list[Article]:
    return [Article(id=path.name, source=str(path), text=clean_text(read_text(path)))]


def _read_markdown(path: Path) -> list[Article]:
    text = read_text(path)
    fields, body, _ = front_matter.split(text)
    if looks_like_html(body):
        return [_post(path, fields, body)]
    title = MARKDOWN_TITLE.search(text)
    return [Article(id=path.name, source=fields.get("url") or fields.get("permalink") or str(path),
                    text=clean_text(blank_markdown(text)),
                    title=(title["front"] or title["heading"]).strip() if title else None,
                    url=fields.get("url") or fields.get("permalink"), published=front_matter.iso_date(fields.get("date")))]


def _post(path: Path, fields: dict[str, str], body: str) -> Article:
    """A scraped or static-site post: front matter, then an HTML body. The title opens the text."""
    title = html_text(fields["title"]).strip() if fields.get("title") else None
    url = fields.get("url") or fields.get("permalink")
    text = f"{title}\n\n{html_text(body)}" if title else html_text(body)
    return Article(id=path.name, source=url or str(path), text=clean_text(text), title=title, url=url,
                   published=front_matter.iso_date(fields.get("date")))


def _read_html(path: Path) -> list[Article]:
    fields, body, _ = front_matter.split(read_text(path))
    if fields:
        return [_post(path, fields, body)]
    page = _extract_html(body)
    if page is None:
        raise InputError(str(path), "no article text found in the HTML")
    return [Article(id=path.name, source=page.url or str(path), text=clean_text(page.text),
                    title=page.title, url=page.url, published=page.published)]


def _read_jsonl(path: Path) -> list[Article]:
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for line, record in _records(path):
        article = _record_article(path, line, record)
        if article.id in seen:
            raise InputError(str(path), f"duplicate article id {article.id!r} (first on line {seen[article.id]})",
                             line=line)
        seen[article.id] = line
        articles.append(article)
    return articles


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-empty line; InputError naming the line otherwise."""
    records = []
    for line, raw in enumerate(read_text(path).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"invalid JSON: {err.msg}", line=line) from None
        if not isinstance(record, dict):
            raise InputError(str(path), f"expected an article object, got {type(record).__name__}", line=line)
        records.append((line, record))
    return records


def _record_article(path: Path, line: int, record: dict[str, Any]) -> Article:
    """An article from one JSONL object: "text" (used as is) or else "html" (extracted)."""
    for key in ARTICLE_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], (str, int) if key == "id" else str):
            raise InputError(str(path), f'"{key}" must be a string, got {type(record[key]).__name__}', line=line)
    if (record.get("text") or "").strip():
        page = _Extracted(record["text"])
    elif (record.get("html") or "").strip():
        page = _extract_html(record["html"])
        if page is None:
            raise InputError(str(path), 'no article text found in "html"', line=line)
    else:
        raise InputError(str(path), 'an article needs a non-empty "text" or "html"', line=line)
    url = record.get("url") or page.url
    published = _iso_date(path, line, record["published"]) if record.get("published") else page.published
    return Article(id=_record_id(path, line, record), source=url or str(path), text=clean_text(page.text),
                   title=record.get("title") or page.title, url=url, published=published)


def _record_id(path: Path, line: int, record: dict[str, Any]) -> str:
    given = str(record.get("id") or "").strip()
    return given or f"{path.name}:{line}"


def _iso_date(path: Path, line: int, value: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(str(path), f'"published" must be an ISO date (YYYY-MM-DD), got {value!r}',
                         line=line) from None


def _extract_html(html: str) -> _Extracted | None:
    """The main text and metadata of an HTML page, or None if trafilatura finds no text."""
    import trafilatura                       # only for whole pages: it takes a while to import
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False)
    if document is None or not (document.text or "").strip():
        return None
    return _Extracted(text=document.text, title=document.title or None, url=document.url or None,
                      published=document.date or None)


READERS: dict[str, Callable[[Path], list[Article]]] = {
    ".txt": _read_plain, ".md": _read_markdown, ".html": _read_html, ".htm": _read_html, ".jsonl": _read_jsonl}
