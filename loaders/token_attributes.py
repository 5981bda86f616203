"""The model's attribute ruler and lemmatizer, worked out once per distinct token instead of per token.

spaCy's ``attribute_ruler`` runs a Matcher of ~180 patterns over every token and its ``lemmatizer``
reads each token's morphology in Python: together about a fifth of the pipeline's time, for values
that depend only on the token's own text, tag and dependency label (and, for a handful of two-word
patterns such as "gon na" and "there is", on its neighbour's). :class:`TokenAttributes` does the same
work from the same patterns and tables, remembering the outcome per ``(orth, tag, dep)`` and per
``(orth, pos, morph)``, so a word is looked up rather than matched after its first sighting.
``tests/test_token_attributes.py`` checks that every token gets the very values the two components give.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

SET_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)          # what the ruler's patterns may set, in this order
READ_ATTRS = (ORTH, TAG, DEP, IS_SPACE, LOWER, POS, MORPH, LEMMA)  # what they read, and what they start from
_COLUMN = {TAG: 1, DEP: 2, IS_SPACE: 3, LOWER: 4}
READ_NAMES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
TAG_COLUMN = 1
POS_COLUMN, MORPH_COLUMN, LEMMA_COLUMN = SET_ATTRS.index(POS), SET_ATTRS.index(MORPH), SET_ATTRS.index(LEMMA)
CACHE_ENTRIES = 100_000      # distinct tokens remembered (~70 MB); then forgotten: memory stays flat


class _Predicate:
    """One token of a Matcher pattern (``{"TAG": "NN", "LOWER": {"IN": [...]}}``), tested on the
    values of :data:`READ_ATTRS` as the Matcher tests them (string ids; REGEX on the string)."""

    def __init__(self, spec: dict[str, Any], strings: Any):
        self.strings = strings
        self.tests = []
        self.tag: int | None = None            # the tag a token must have, if the pattern names one
        for name, value in spec.items():
            if name not in READ_NAMES:
                raise ValueError(f"attribute ruler patterns reading {name} are not supported here")
            column = _COLUMN[READ_NAMES[name]]
            if not isinstance(value, dict):
                wanted = int(value) if isinstance(value, bool) else get_string_id(value)
                self.tests.append((column, "==", wanted))
                self.tag = wanted if name == "TAG" else self.tag
                continue
            ((operator, operand),) = value.items()
            if operator == "REGEX":
                self.tests.append((column, "REGEX", re.compile(operand)))
            elif operator in ("IN", "NOT_IN"):
                self.tests.append((column, operator, {get_string_id(v) for v in operand}))
            else:
                raise ValueError(f"attribute ruler operator {operator!r} is not supported here")

    def __call__(self, row: tuple[int, ...]) -> bool:
        for column, operator, operand in self.tests:
            value = row[column]
            if operator == "==" and value != operand or operator == "IN" and value not in operand \
                    or operator == "NOT_IN" and value in operand \
                    or operator == "REGEX" and not operand.search(self.strings[value]):
                return False
        return True


class TokenAttributes:
    """The attribute ruler followed by the lemmatizer, with the same results, cached by token."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer):
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("only a rule lemmatizer that keeps the ruler's lemmas can be cached")
        self.lemmatizer = lemmatizer
        self.single: dict[int | None, list[tuple[int, _Predicate, dict[int, int]]]] = defaultdict(list)
        self.multi: list[tuple[int, list[_Predicate], int, dict[int, int]]] = []
        for rank, pattern in enumerate(ruler.patterns):
            attrs = {attr: value for attr, value in ruler.attrs[rank].items() if attr in SET_ATTRS}
            if len(attrs) != len(ruler.attrs[rank]):
                raise ValueError(f"attribute ruler pattern {rank} sets attributes not supported here")
            for alternative in pattern["patterns"]:
                if any("OP" in spec for spec in alternative):
                    raise ValueError(f"attribute ruler pattern {rank} has an operator not supported here")
                predicates = [_Predicate(spec, ruler.vocab.strings) for spec in alternative]
                if len(predicates) == 1:
                    self.single[predicates[0].tag].append((rank, predicates[0], attrs))
                else:
                    self.multi.append((rank, predicates, ruler.indices[rank] % len(predicates), attrs))
        self._ruled: dict[tuple[int, ...], tuple[list[tuple[int, dict[int, int]]], tuple[int, ...]]] = {}
        self._final: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if max(len(self._ruled), len(self._final), len(self._lemmas)) > CACHE_ENTRIES:
            self._ruled, self._final, self._lemmas = {}, {}, {}
        rows = [tuple(row) for row in doc.to_array(list(READ_ATTRS)).tolist()]
        values: list[tuple[int, ...] | None] = []
        openings = []
        for i, row in enumerate(rows):
            final, opening = self._final.get(row) or (None, self._matched(row)[1])
            values.append(final)
            if opening:
                openings.append((i, opening))
        extra = self._longer_matches(rows, openings)
        missed = [i for i, final in enumerate(values) if final is None or i in extra]
        for i in missed:
            values[i] = _applied(sorted([*self._matched(rows[i])[0], *extra.get(i, ())], key=lambda m: m[0]),
                                 rows[i])
        doc.from_array(list(SET_ATTRS), numpy.array(values, dtype="uint64"))
        for i in missed:
            self._lemmatize(doc, i, values[i], rows[i], cache=i not in extra)
        return doc

    def _matched(self, row: tuple[int, ...]) -> tuple[list[tuple[int, dict[int, int]]], tuple[int, ...]]:
        """The single-token patterns that match a token like ``row``, in the ruler's order, and the
        longer patterns (by their place in ``self.multi``) whose first token it could be."""
        key = row[:4]
        seen = self._ruled.get(key)
        if seen is None:
            candidates = sorted([*self.single.get(row[TAG_COLUMN], ()), *self.single.get(None, ())],
                                key=lambda pattern: pattern[0])
            seen = self._ruled[key] = (
                [(rank, attrs) for rank, predicate, attrs in candidates if predicate(row)],
                tuple(n for n, (_, predicates, _, _) in enumerate(self.multi) if predicates[0](row)))
        return seen

    def _longer_matches(self, rows: list[tuple[int, ...]], openings: list[tuple[int, tuple[int, ...]]]
                        ) -> dict[int, list[tuple[int, dict[int, int]]]]:
        """What the patterns of two or more tokens ("gon na", "there is") set, by the token they set it on."""
        extra: dict[int, list[tuple[int, dict[int, int]]]] = defaultdict(list)
        for start, opening in openings:
            for number in opening:
                rank, predicates, index, attrs = self.multi[number]
                if start + len(predicates) <= len(rows) and \
                        all(predicate(rows[start + k]) for k, predicate in enumerate(predicates) if k):
                    extra[start + index].append((rank, attrs))
        return extra

    def _lemmatize(self, doc: Doc, i: int, ruled: tuple[int, ...], row: tuple[int, ...], cache: bool) -> None:
        """Token ``i``'s lemma, from the lemmatizer where the ruler set none; remember the token's values."""
        final = ruled
        if ruled[LEMMA_COLUMN] == 0:
            key = (row[0], ruled[POS_COLUMN], ruled[MORPH_COLUMN])
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self._lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            doc[i].lemma = lemma
            final = (*ruled[:LEMMA_COLUMN], lemma, *ruled[LEMMA_COLUMN + 1:])
        if cache:
            self._final[row] = (final, self._matched(row)[1])


def _applied(matches: list[tuple[int, dict[int, int]]], row: tuple[int, ...]) -> tuple[int, ...]:
    """The values of :data:`SET_ATTRS` once ``matches`` are applied in order (later ones win)."""
    values = [row[READ_ATTRS.index(attr)] for attr in SET_ATTRS]
    for _, attrs in matches:
        for column, attr in enumerate(SET_ATTRS):
            if attr in attrs:
                values[column] = attrs[attr]
    return tuple(values)


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The lemmatizer's word index as sets instead of lists: ``form in index`` is what it asks of them,
    and on a list that is a scan of thousands of words for every new word."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for key in list(table.keys()) if table is not None else ():
        table[key] = frozenset(table[key])


def use_token_attributes(nlp: Language) -> bool:
    """Replace ``nlp``'s attribute ruler and lemmatizer by the cached step, if it has both and the step
    knows their kind (patterns on tags, words and labels; a rule lemmatizer); else leave them be."""
    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return False
    try:
        TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    except ValueError:
        return False
    nlp.add_pipe("endorsegraph_token_attributes", after="lemmatizer")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True


@Language.factory("endorsegraph_token_attributes")
def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    """The model's ``attribute_ruler`` and ``lemmatizer``, which must be in the pipeline, as one cached step."""
    return TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
