"""Cleaning article text without moving a character: odd Unicode mapped one-for-one, page furniture blanked.

:func:`clean_text` returns a string of exactly the input's length, so character offsets found in the
cleaned text point at the same characters in the original. Furniture (browser warnings, appeals,
teasers, photo credits, share and comment prompts) is replaced by spaces; newlines are kept.
The rules are data: :data:`RULES` is a list of named patterns, and an appeal line opens a block
whose following lines are blanked while they speak about the publisher (:func:`about_publisher`).
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .required_text import folded, required_strings

# One character in, one character out: spaces, quotes, hyphens and invisible marks.
CHARACTER_MAP = str.maketrans({
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", " "),
    **dict.fromkeys("\u2028\u2029\u0085", "\n"),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011", "-"),
    **dict.fromkeys("[]", " "),      # an editor's insertion reads on: "[Harbor Union president] Tom Hale said"
})

SENTENCE_END = r"(?:[.!?](?=\s|$|[A-Z][a-z])|$)"   # also where furniture is glued to the next sentence
SENTENCE_START = r"(?:^|(?<=[.!?] ))[ \t]*"


@dataclass(frozen=True)
class Rule:
    """A named pattern for page furniture; ``opens_block`` marks appeals that run on for lines."""

    name: str
    pattern: re.Pattern[str]
    opens_block: bool = False


def _rule(name: str, pattern: str, opens_block: bool = False, flags: int = re.IGNORECASE) -> Rule:
    return Rule(name, re.compile(pattern, flags | re.MULTILINE), opens_block)


RULES: tuple[Rule, ...] = (
    _rule("browser-warning", r"^.*\b(?:IE ?\d+|Internet Explorer|(?:your|this) browser)\b.*"
                             r"\b(?:not supported|no longer supported|unsupported|out of date|outdated)\b.*$"),
    _rule("enable-javascript", r"^.*\b(?:enable|turn on|activate) JavaScript\b.*$"),
    _rule("support-appeal", SENTENCE_START + r"(?:Your|Reader) (?:support|donations?|contributions?|gift|membership)"
                            r"\b[^.!?\n]*" + SENTENCE_END, opens_block=True),
    _rule("journalism-appeal", r"^[ \t]*(?:Support|Fund|Help (?:us )?fund|Donate to|Invest in)[ \t]+"
                               r"(?:(?:independent|quality|our|local|nonprofit|trusted|fact-based|free)[ \t]+)*"
                               r"(?:journalism|reporting|newsroom|news)\b[^\n]{0,40}$", opens_block=True),
    _rule("help-appeal", r"^[ \t]*(?![\"'])[^\n]{0,60}\b(?:needs?|relies on|depends on) (?:your|readers'?) "
                         r"(?:help|support|donations?)\b[^\n]*$", opens_block=True),
    _rule("donate-button", r"^[ \t]*(?:Donate|Contribute|Give|Become a (?:member|supporter|subscriber))"
                           r"(?: now| today| here)?[ \t]*[.!]?[ \t]*$", opens_block=True),
    _rule("sign-up", r"^[ \t]*(?:Sign up(?: for| to| here| now| today)?|Subscribe(?: to| for| now| today| here)?)\b"
                     r"[^\n]{0,160}$"),
    _rule("subscriber-only", r"^[ \t]*(?:Already a subscriber|Subscribers? only|Log ?in to (?:read|continue)|"
                             r"Register (?:for free )?to (?:continue|read))\b.*$"),
    _rule("inbox-prompt", r"^[^\n]{0,160}\b(?:to|in) your inbox\b[^\n]{0,40}$"),
    _rule("affiliate-disclosure", r"^[^\n]*\bwe may (?:earn|receive) (?:a )?(?:small )?commission\b[^\n]*$"),
    _rule("click-here", r"^[ \t]*Click (?:here|to)\b.*$"),
    _rule("tip-line", r"^[ \t]*(?:Have|Got) a (?:news )?tip\b[^\n]{0,120}$"),
    _rule("audio-player", r"^[ \t]*Listen to this (?:article|story)\b[^\n]{0,30}$"),
    _rule("follow-author", r"^[ \t]*Follow (?:@\w+|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} on "
                           r"(?:Twitter|X|Facebook|Instagram|Bluesky|Threads))\b[^\n]{0,40}$", flags=0),
    _rule("teaser", r"^[ \t]*(?:RELATED|WATCH|READ MORE|READ|MORE|SEE ALSO|ALSO READ|LISTEN|VIDEO|RECOMMENDED|"
                    r"TRENDING|MORE FROM [A-Z][\w ]{0,30}|MUST READ|TOP STORIES)[ \t]*:.*$", flags=0),
    _rule("teaser-heading", r"^[ \t]*(?:Also on [A-Z][\w.]*(?: [A-Z][\w.]*){0,2}|Read next|Up next|Most (?:popular|read)|"
                            r"Trending now|Recommended (?:for you|stories|reading)|You may also like|"
                            r"Related (?:stories|coverage|articles|content|links))[ \t]*:?[ \t]*$", flags=0),
    _rule("advertisement", r"^[ \t]*[-\u2013\u2014]*[ \t]*(?:ADVERTISEMENT|Advertisement|Sponsored(?: content)?|"
                           r"(?:Story|Article) continues below(?: advertisement)?|Continue reading(?: below| the main story)?|"
                           r"Skip (?:advertisement|ad))[ \t]*[-\u2013\u2014]*[ \t]*$", flags=0),
    _rule("comment-prompt", r"^[ \t]*(?:Join (?:our|the) (?:commenting forum|conversation|discussion|comments?)|"
                            r"Join thought-provoking conversations|Leave a comment|Add a comment|Show comments|"
                            r"View comments|Comments are (?:closed|moderated))\b.*$"),
    _rule("comments-heading", r"^[ \t]*(?:\d+ )?Comments?[ \t]*(?:\(\d+\))?[ \t]*$"),
    _rule("photo-credit", r"\((?:AP |AFP |Reuters )?(?:Photos?|Images?|Picture|Credit|Video)(?: by|:|/)[^()\n]*\)"),
    _rule("photo-caption", r"^[ \t]*(?:Photos?|Images?|Picture|Photograph|Credit|Caption|Photo credit)[ \t]*:.*$"),
    _rule("image-controls", r"^[ \t]*(?:Enlarge this image|toggle caption|(?:Hide|Show) caption|Expand image)"
                            r"[ \t]*$"),
    _rule("pipe-credit", r"[ \t]*\|[ \t]*(?:Getty Images|AP Photo|AP|Reuters|AFP|Bloomberg)\b[^|\n]{0,60}$", flags=0),
    _rule("agency-credit", r"^[ \t]*\(?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}/(?:Getty Images|AFP|AP|Reuters|Bloomberg|"
                           r"Shutterstock)(?: via [^\n]{0,40})?[ \t]*\)?[ \t]*$", flags=0),
    _rule("share-line", r"^[ \t]*(?:Share|Share (?:this|on)(?: article| story| page)?|Follow us(?: on)?)[ \t]*:?"
                        r"(?:[ \t,|/]*(?:Facebook|Twitter|X|LinkedIn|WhatsApp|E-?mail|Print|Copy (?:link|URL)|"
                        r"Reddit|Flipboard|Pinterest|Messenger|Threads|Bluesky|Instagram))*[ \t]*$"),
    _rule("social-buttons", r"^(?:[ \t,|/]*(?:Facebook|Twitter|LinkedIn|WhatsApp|E-?mail|Print|Copy (?:link|URL)|"
                            r"Reddit|Flipboard|Pinterest|Messenger|Threads|Bluesky|Instagram)){2,}[ \t]*$"),
    _rule("byline", r"^[ \t]*By (?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})(?:(?:,| and|, and) [A-Z][\w.'-]+"
                    r"(?: [A-Z][\w.'-]+){1,3})*[ \t]*$", flags=0),
    _rule("tags-line", r"^[ \t]*(?:Tags?|Topics?|Filed under)[ \t]*:[^\n]*$"),
    _rule("copyright", r"^[ \t]*(?:©|\(c\) |Copyright[ \t]*©?[ \t]*\d{4}|All rights reserved)[^\n]*$"),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}
RULE_NEEDS = [(rule, required_strings(rule.pattern) or frozenset({""})) for rule in RULES]

PUBLISHER_VOICE = re.compile(r"\b(?:we|our|us|your)\b", re.IGNORECASE)
PUBLISHER_TOPICS = re.compile(
    r"\b(?:journalis(?:m|ts?)|report(?:ing|ers?)|newsroom|donat(?:e|ions?|ing)|paywalls?|subscri(?:be|bers?|ptions?)|"
    r"readers?|investigat(?:e|es|ing|ions?)|documentar(?:y|ies)|coverage|newsletters?|advertisers?)\b",
    re.IGNORECASE)
MAX_BLOCK_LINES = 10


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the text are furniture, found by ``rule``."""

    start: int
    end: int
    rule: str


def normalize_characters(text: str) -> str:
    """Odd spaces to ' ', curly quotes and apostrophes to straight ones, brackets to spaces, one character for one."""
    return text.translate(CHARACTER_MAP)


def about_publisher(line: str) -> bool:
    """True for a line in the publisher's own voice about its work ("we", "our reporting", "donation")."""
    return bool(PUBLISHER_VOICE.search(line) and PUBLISHER_TOPICS.search(line))


def furniture(text: str) -> list[Span]:
    """Every furniture span of ``text`` (already normalized), in order; appeal blocks as whole lines."""
    key = folded(text)                               # a rule none of whose needed strings is here cannot match
    rules = [rule for rule, needs in RULE_NEEDS if any(needed in key for needed in needs)]
    spans = [Span(m.start(), m.end(), rule.name) for rule in rules for m in rule.pattern.finditer(text)
             if text[m.start():m.end()].strip()]
    return sorted(spans + _blocks(text, spans), key=lambda s: (s.start, s.end))


def clean_text(text: str) -> str:
    """``text`` with odd characters normalized and furniture blanked; same length, newlines kept."""
    normalized = normalize_characters(text)
    return blank(normalized, ((s.start, s.end) for s in furniture(normalized)))


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of every ``(start, end)`` span, except newlines, replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = re.sub(r"[^\n]", " ", text[start:end])
    return "".join(chars)


def _blocks(text: str, spans: list[Span]) -> list[Span]:
    """Lines after an all-furniture appeal line that stay in the publisher's voice, up to the first that does not.

    Every rule matches within one line, so lines are judged on the text with those spans blanked.
    """
    lines = blank(text, ((s.start, s.end) for s in spans)).split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    openers = sorted({bisect.bisect_right(starts, s.start) - 1 for s in spans if RULES_BY_NAME[s.rule].opens_block})
    blocks: list[Span] = []
    resume = 0
    for index in openers:
        if index < resume or lines[index].strip():
            continue
        index, taken = index + 1, 0
        while index < len(lines) and taken < MAX_BLOCK_LINES:
            if lines[index].strip():
                if not about_publisher(lines[index]):
                    break
                blocks.append(Span(starts[index], starts[index] + len(lines[index]), "appeal-block"))
                taken += 1
            index += 1
        resume = index
    return blocks
