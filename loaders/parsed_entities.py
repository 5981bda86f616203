"""The person and organization spans of a document, found as the last step of its parse.

Finding them (:func:`.spans.entity_spans`) reads only the document and the gazetteer, not the graph, so
it runs where the document is parsed: with ``--workers N``, in the parsing processes, and the one
process that reads every worker's documents in order only resolves names. The spans travel with the
Doc's bytes in ``doc.spans``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .gazetteer import Gazetteer, gazetteer
from .headlines import title_case_lines
from .spans import entity_spans

KEY = "endorsegraph_entities"


@Language.factory("endorsegraph_entity_spans", default_config={"gazetteer_files": []})
def make_entity_spans(nlp: Language, name: str, gazetteer_files: list[str]):
    """The step that stores each document's entity spans, read with the gazetteer these files extend."""
    known = gazetteer(tuple(gazetteer_files))

    def store(doc: Doc) -> Doc:
        found = entity_spans(doc, known, skip=title_case_lines(doc))
        doc.spans[KEY] = SpanGroup(doc, name=KEY, spans=[span for span, _ in found],
                                   attrs={"labels": [label for _, label in found]})
        return doc
    return store


def parsed_entity_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """The spans the parse stored with their labels (PERSON or ORG); found now, with ``gazetteer``, for a
    document parsed without that step."""
    group = doc.spans.get(KEY)
    if group is None:
        return entity_spans(doc, gazetteer, skip=title_case_lines(doc))
    return list(zip(group, group.attrs["labels"]))
