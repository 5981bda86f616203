"""The entity spans found as the last step of the parse, so parsing workers find them."""
from __future__ import annotations

from spacy.tokens import Doc

from endorsegraph.loaders.headlines import title_case_lines
from endorsegraph.loaders.nlp import gazetteer, pipeline
from endorsegraph.loaders.parsed_entities import KEY, parsed_entity_spans
from endorsegraph.loaders.spans import entity_spans

TEXT = ("Union Chief Backs Lutz For Mayor\n"
        "Dora Finch, president of the Plumbers Union Local 12, said the union endorsed Abe Lutz on Monday. "
        "Finch spoke at the CWA hall.")


def _pairs(found: list) -> list[tuple[int, int, str, str]]:
    return [(span.start, span.end, span.id_, label) for span, label in found]


def test_the_parse_stores_the_spans_finding_them_would_give() -> None:
    doc = pipeline()(TEXT)
    stored = parsed_entity_spans(doc, gazetteer())
    assert KEY in doc.spans and stored
    assert _pairs(stored) == _pairs(entity_spans(doc, gazetteer(), skip=title_case_lines(doc)))


def test_the_spans_travel_with_the_docs_bytes() -> None:
    """What a parsing worker sends back is what the reading process reads."""
    nlp = pipeline()
    doc = nlp(TEXT)
    received = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _pairs(parsed_entity_spans(received, gazetteer())) == _pairs(parsed_entity_spans(doc, gazetteer()))


def test_a_doc_parsed_without_the_step_gets_its_spans_found() -> None:
    nlp = pipeline()
    with nlp.select_pipes(disable=["endorsegraph_entity_spans"]):
        doc = nlp(TEXT)
    assert KEY not in doc.spans
    assert _pairs(parsed_entity_spans(doc, gazetteer())) == _pairs(parsed_entity_spans(nlp(TEXT), gazetteer()))
