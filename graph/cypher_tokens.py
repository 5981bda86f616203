"""Cypher text as tokens, for the checks made before a user's statement reaches a server.

The scanner knows strings, backtick-quoted names, comments, parameters, numbers, plain ASCII
words and punctuation; anything else (an unterminated string or comment, a character outside
those) makes the statement uncheckable, and an uncheckable statement is never sent.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import EndorsegraphError

# One alternative per token kind; the first that matches at a position wins.
_TOKEN = re.compile(r"""
    (?P<space>[ \t\r\n\f\v]+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")
  | (?P<name>`(?:[^`]|``)*`)
  | (?P<parameter>\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|`(?:[^`]|``)*`))
  | (?P<number>0[xX][0-9A-Fa-f]+|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<unterminated>/\*|['"`$])
  | (?P<punctuation>\.\.|<>|!=|<=|>=|=~|\+=|->|<-|[-()\[\]{},.:;|+*/%^=<>!&?~])
""", re.VERBOSE | re.DOTALL)
_UNTERMINATED = {"'": "an unterminated string", '"': "an unterminated string", "`": "an unterminated quoted name",
                 "/*": "an unterminated comment", "$": "a $ without a parameter name"}


class UncheckableQuery(EndorsegraphError):
    """A statement the client cannot read with certainty, so it is not sent."""


@dataclass(frozen=True)
class Token:
    kind: str       # word, name (backtick-quoted), string, parameter, number or punctuation
    text: str       # as written

    @property
    def value(self) -> str:
        """The text, with a name's backticks and a parameter's ``$`` taken off."""
        text = self.text[1:] if self.kind == "parameter" else self.text
        return text[1:-1].replace("``", "`") if text.startswith("`") else text

    @property
    def keyword(self) -> str:
        """A word in capitals (it may be a keyword); empty for anything else, quoted names too."""
        return self.text.upper() if self.kind == "word" else ""


def tokens(query: str) -> list[Token]:
    """The statement's tokens without whitespace and comments; :class:`UncheckableQuery` if it cannot be read."""
    return [Token(match.lastgroup or "", match.group()) for match in _scan(query)
            if match.lastgroup not in ("space", "comment")]


def normalised(query: str) -> str:
    """``query`` with each comment replaced by one space (FalkorDB crashes on some comments)."""
    return "".join(" " if match.lastgroup == "comment" else match.group() for match in _scan(query))


def parameter_names(query: str) -> set[str]:
    """The names of the ``$parameters`` the statement uses."""
    return {token.value for token in tokens(query) if token.kind == "parameter"}


def _scan(query: str) -> Iterator[re.Match[str]]:
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        if match is None or match.lastgroup == "unterminated":
            raise UncheckableQuery(_unreadable(query, position))
        yield match
        position = match.end()


def _unreadable(query: str, position: int) -> str:
    rest = query[position:]
    reason = next((why for start, why in _UNTERMINATED.items() if rest.startswith(start)),
                  f"{rest[0]!r} (outside strings, write other characters in backticks)")
    return f"the query could not be checked, so it was not sent: at character {position + 1}, {reason}"
