"""The prose of an HTML fragment (a post body) as plain text: paragraphs, link text, entities decoded.

Scripts, embeds, images, credits and link furniture are dropped. A caption (the short text of an image,
or a gallery's ``"caption"`` in its script) is kept as a paragraph of its own, without its closing
credit, because readers take facts from captions too; block elements end a paragraph and ``<br>`` ends
a line, so sentences never run across them. Used for bodies that are HTML inside Markdown or
JSON; whole pages go through trafilatura instead.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

DROPPED = {"script", "style", "iframe", "noscript", "embed", "object", "figure", "figcaption", "video",
           "audio", "svg", "form", "button", "select", "textarea", "head", "title", "meta", "link"}
BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
          "h6", "center", "section", "article", "header", "footer", "aside", "dl", "dt", "dd", "pre", "hr"}
FURNITURE_CLASS = re.compile(r"credit|share|related", re.IGNORECASE)
CAPTION_CLASS = re.compile(r"caption|enclosure|image|photo|gallery|slideshow", re.IGNORECASE)
MAX_CAPTION_CHARS = 300
GALLERY_CAPTION = re.compile(r'"caption"\s*:\s*("(?:[^"\\\n]|\\.)*")')     # photo = {"caption": "...", ...}
JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
MOJIBAKE = re.compile(r"[\xc2-\xf4][\x80-\xbf]{1,3}")          # UTF-8 bytes read one by one as Latin-1
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CLOSING_CREDIT = re.compile(r"\s*\([^()]{1,60}\)\.?\s*$")                  # "... last month (Getty Images)"
HTML_BODY = re.compile(r"<(?:p|div|br|span|a|img|blockquote|i|em|strong|b|ul|li|center|table)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is marked up with HTML tags rather than written in Markdown."""
    return len(HTML_BODY.findall(text[:20000])) >= 2


def html_text(fragment: str) -> str:
    """The readable text of ``fragment``: one paragraph per block and per caption, embeds left out."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in list(root.iter()):
        if element is root or element.getparent() is None:
            continue
        captions = _captions(element)
        if captions is not None:
            _replace_with_paragraphs(element, captions)
        elif _dropped(element):
            element.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    return _tidy("".join(pieces))


def _captions(element: etree._Element) -> list[str] | None:
    """The captions ``element`` stands for (a gallery script, a captioned image), or None if it is no caption."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "script":
        return [_caption_text(_markup_text(_js_string(literal)))
                for literal in GALLERY_CAPTION.findall(element.text or "")]
    if not tag or tag in DROPPED or FURNITURE_CLASS.search(element.get("class", "")):
        return None
    short = len(element.text_content().strip()) <= MAX_CAPTION_CHARS
    has_image = tag == "img" or element.find(".//img") is not None
    if short and (CAPTION_CLASS.search(element.get("class", "")) or has_image and tag in BLOCKS | {"span", "a"}):
        for credit in element.xpath(".//*[contains(translate(@class, 'CREDIT', 'credit'), 'credit')]"):
            credit.drop_tree()
        return [_caption_text(element.text_content())]
    return None


def _js_string(literal: str) -> str:
    """The value of a quoted JavaScript string literal: ``\\uXXXX`` decoded, other escapes unescaped."""
    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 else {"n": " ", "r": " ", "t": " "}.get(code, code)
    return JS_ESCAPE.sub(unescape, literal[1:-1])


def _redecoded(match: re.Match[str]) -> str:
    """The character a run of UTF-8 bytes read as Latin-1 stands for (unchanged if it stands for none)."""
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeError:
        return match.group()


def _markup_text(text: str) -> str:
    """The words of a caption that may itself hold markup ("<b>Title</b>, March 12: ...")."""
    return lxml.html.fragment_fromstring(text, create_parent="div").text_content() if "<" in text else text


def _caption_text(text: str) -> str:
    """One line of caption: UTF-8 read as Latin-1 repaired, control characters and the closing credit gone."""
    text = MOJIBAKE.sub(_redecoded, text)
    return CLOSING_CREDIT.sub("", " ".join(CONTROL.sub(" ", text).split()))


def _replace_with_paragraphs(element: etree._Element, texts: list[str]) -> None:
    """Put one ``<p>`` per non-empty text where ``element`` was, keeping the text that followed it."""
    parent, tail = element.getparent(), element.tail
    index = parent.index(element)
    parent.remove(element)
    paragraphs = [text for text in texts if text]
    for offset, text in enumerate(paragraphs):
        paragraph = etree.Element("p")
        paragraph.text = text
        parent.insert(index + offset, paragraph)
    _append_text(parent, index + len(paragraphs) - 1, tail)


def _append_text(parent: etree._Element, last: int, text: str | None) -> None:
    """Keep ``text`` (a removed element's tail) after child ``last`` of ``parent`` (-1: at its start)."""
    if not text:
        return
    if last >= 0:
        parent[last].tail = (parent[last].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _dropped(element: etree._Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag.lower() in DROPPED:
        return True
    return bool(FURNITURE_CLASS.search(element.get("class", ""))) and len(element.text_content()) <= MAX_CAPTION_CHARS


def _walk(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    block = tag in BLOCKS
    if block:
        pieces.append("\n\n")
    elif tag == "br":
        pieces.append("\n")
    if element.text:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n\n")


INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")   # soft hyphen, zero-width characters


def _tidy(text: str) -> str:
    text = INVISIBLE.sub("", text)                   # "the Foundation for &shy;Ethnic Understanding" is one name
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
