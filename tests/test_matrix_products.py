"""The models multiply through numpy's BLAS and annotate every token as they do with blis."""
from __future__ import annotations

from pathlib import Path

from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.nlp import load_pipeline, pipeline
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG
from thinc.api import NumpyOps

HERE = Path(__file__).parent
FOLDERS = [HERE / "fixtures" / "articles", HERE / "fixtures" / "validation2" / "articles"]
ATTRS = [TAG, POS, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]


def test_every_model_multiplies_through_numpy() -> None:
    nodes = [node for _, pipe in pipeline().components if hasattr(pipe, "model") for node in pipe.model.walk()]
    assert nodes and all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nodes)


def test_every_token_gets_the_values_blis_gives() -> None:
    texts = [a.text for folder in FOLDERS for p in sorted(folder.iterdir()) for a in read_articles(p)]
    blis = load_pipeline(numpy_products=False)
    assert all(node.ops.use_blis for _, pipe in blis.components if hasattr(pipe, "model") for node in pipe.model.walk())
    for ours, theirs in zip(pipeline().pipe(texts), blis.pipe(texts)):
        assert ours.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist(), ours.text[:60]
