"""The prose of an HTML fragment (a post body) as plain text: paragraphs, link text, entities decoded.

Scripts, embeds, images and their captions are dropped; block elements end a paragraph and ``<br>``
ends a line, so sentences never run across them. Used for bodies that are HTML inside Markdown or
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
CAPTION_CLASS = re.compile(r"caption|credit|enclosure|image|photo|gallery|slideshow|share|related", re.IGNORECASE)
MAX_CAPTION_CHARS = 300
HTML_BODY = re.compile(r"<(?:p|div|br|span|a|img|blockquote|i|em|strong|b|ul|li|center|table)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is marked up with HTML tags rather than written in Markdown."""
    return len(HTML_BODY.findall(text[:20000])) >= 2


def html_text(fragment: str) -> str:
    """The readable text of ``fragment``: one paragraph per block, captions and embeds left out."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in list(root.iter()):
        if element is not root and _dropped(element):
            element.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    return _tidy("".join(pieces))


def _dropped(element: etree._Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag.lower() in DROPPED:
        return True
    if CAPTION_CLASS.search(element.get("class", "")) and len(element.text_content()) <= MAX_CAPTION_CHARS:
        return True
    has_image = tag.lower() == "img" or element.find(".//img") is not None
    return has_image and tag.lower() in BLOCKS | {"span", "a"} and \
        len(element.text_content().strip()) <= MAX_CAPTION_CHARS        # an image with its caption


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


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
