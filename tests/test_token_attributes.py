"""The cached token step gives every token the values spaCy's attribute ruler and lemmatizer give."""
from __future__ import annotations

from pathlib import Path

import pytest
from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.nlp import load_pipeline, pipeline
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language

HERE = Path(__file__).parent
FOLDERS = [HERE / "fixtures" / "articles", HERE / "fixtures" / "validation" / "articles"]
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
TRICKY = [                                   # the ruler's two-word patterns, spaces, contractions
    "There is a union. There's one. Is there? We're gonna win, y'all, and we gotta, so let's go.",
    "He ain't backing her.  C'mon, I'd have done it; you'll see 'em.\n\n\tShe hasn't.",
    "I did it. It was me. Give it to me and you. Something happened, nothing did.",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The pipeline with spaCy's own attribute ruler and lemmatizer."""
    return load_pipeline(cached_token_attributes=False)


def _attributes(doc) -> list:
    return doc.to_array(ATTRS).tolist()


def test_every_token_gets_the_rulers_and_lemmatizers_values(stock) -> None:
    texts = TRICKY + [a.text for folder in FOLDERS for p in sorted(folder.iterdir()) for a in read_articles(p)]
    cached = load_pipeline()
    for text in texts * 2:                   # the second time every word comes from the caches
        assert _attributes(cached(text)) == _attributes(stock(text)), text[:60]


def test_the_pipeline_has_one_cached_step_instead_of_the_two() -> None:
    names = pipeline().pipe_names
    assert "endorsegraph_token_attributes" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


def test_forgetting_the_caches_changes_nothing(stock, monkeypatch) -> None:
    from endorsegraph.loaders import token_attributes
    monkeypatch.setattr(token_attributes, "CACHE_ENTRIES", 10)
    cached = load_pipeline()
    for text in TRICKY * 2:
        assert _attributes(cached(text)) == _attributes(stock(text)), text[:60]
    longest = max(len(stock(text)) for text in TRICKY)       # a cache outgrows the cap by one text at most
    assert len(cached.get_pipe("endorsegraph_token_attributes")._final) <= 10 + longest


def test_a_model_with_components_of_another_kind_keeps_spacys_own() -> None:
    from endorsegraph.loaders.token_attributes import use_token_attributes
    nlp = load_pipeline(cached_token_attributes=False)
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "dd"}]], {"POS": "NUM"})
    assert not use_token_attributes(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
