"""The news loader: articles in, entities and cited relations out."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from spacy.tokens import Span

from ..graph import schema
from ..graph.errors import EndorsegraphError
from ..graph.model import Batch, Claim, Entity, Relation, entity_id
from ..graph.names import NameIndex
from .articles import Article, read_articles
from .contests import contested, party_labels
from .implied_bodies import implied_bodies
from .lifecycle import article_states
from .mention_model import EntityInfo
from .mentions import find_entities
from .nlp import gazetteer, parse_stream, pipeline
from .quotes import quoted_regions
from .relations import Found, listed_endorsements, sentence_relations
from .triggers import may_state_relation, relation_text

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PIECE_CHARS = 100_000        # longer texts are read in pieces cut at line or sentence ends
STREAM_BATCH = 32            # texts per batch a worker parses


@dataclass(frozen=True)
class ExtractOptions:
    """Which spaCy model and gazetteer files the extractor uses, and which entities it keeps."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    keep_mentions: bool = False     # also keep the entities of articles that state no relation
    full_parse: bool = False        # parse every line, not only the lines a relation can come from


def load_news(path: Path, graph: nx.MultiDiGraph, options: ExtractOptions = ExtractOptions(),
              names: NameIndex | None = None) -> Batch:
    """Read the articles in ``path`` and extract what they state (``names``: the graph's name index)."""
    return extract(read_articles(path), graph, str(path), options, names)


def extract(articles: Iterable[Article], graph: nx.MultiDiGraph, source: str,
            options: ExtractOptions = ExtractOptions(), names: NameIndex | None = None) -> Batch:
    """Entities and relations of ``articles``, every relation with one claim per sentence stating it."""
    job = Job(source, list(articles))
    _, batch = next(extract_stream([job], graph, names if names is not None else NameIndex(graph), options))
    if job.error is not None:
        raise job.error
    return batch


@dataclass
class Job:
    """One input of a stream: its articles (None for an input that is not news: the caller loads it
    when the stream reaches it); ``error`` is set when extraction failed on it."""

    key: Any
    articles: list[Article] | None = None
    error: EndorsegraphError | None = None


def extract_stream(jobs: Iterable[Job], graph: nx.MultiDiGraph, names: NameIndex,
                   options: ExtractOptions = ExtractOptions(), workers: int = 1,
                   on_article: Callable[[Job, int], None] | None = None) -> Iterator[tuple[Job, Batch]]:
    """``(job, batch)`` for every job, in order, as soon as its last article is read.

    Jobs are read lazily and parsed by ``workers`` processes (spaCy's ``n_process``), so memory stays
    flat however many there are; what the parse says is read here, in order, resolving names through
    ``names``, which the caller may grow with each batch before the next one is read.
    ``on_article(job, index)`` is called after each article, whether it was parsed or not.
    """
    nlp = pipeline(options.model, options.gazetteers)
    organizations = gazetteer(options.gazetteers)
    batch, entities, found, batch_types = None, {}, [], {}
    docs = parse_stream(nlp, _pieces(jobs, options), workers, STREAM_BATCH)
    for doc, (text, job, index, offset, last_of_article, last_of_job) in docs:
        if batch is None:
            batch = Batch(source=str(job.key))
        if index is not None and job.error is None and text:     # the doc's text: Doc.text joins every token
            try:
                found_entities = find_entities(doc, organizations, names)
                quoted = quoted_regions(text)
                relations = [f for sent in doc.sents if found_entities.starting_in(sent.start, sent.end)
                             for f in sentence_relations(sent, found_entities, quoted)]   # none without a mention
                relations += listed_endorsements(doc, found_entities) + party_labels(doc, found_entities)
                relations += implied_bodies(doc, found_entities)
                relations += article_states(doc, found_entities, quoted, relations, job.articles[index].published)
            except EndorsegraphError as err:
                job.error = err
            else:
                _merge_entities(entities, found_entities.entities)
                found += [(offset, relation) for relation in relations]
        if index is not None and last_of_article:     # the article is read: store it, let its documents go
            if job.error is None:
                _add_article(batch, job.articles[index], entities, found, graph, batch_types, options.keep_mentions)
            entities, found = {}, []
            if on_article:
                on_article(job, index)
        if last_of_job:
            yield job, batch
            batch, batch_types = None, {}


def _pieces(jobs: Iterable[Job], options: ExtractOptions) -> Iterator[tuple[str, tuple]]:
    """(text, (text, job, article index, offset, last of its article, last of its job)) for the stream.

    An article without a trigger word, and an input that is not news, pass as one empty text, so
    every article and job is seen in order; the others are cut into pieces, and unless
    ``full_parse`` or ``keep_mentions`` only the lines a relation can come from are left in them.
    """
    fast = not (options.keep_mentions or options.full_parse)
    for job in jobs:
        articles = job.articles or []
        if not articles:
            yield "", ("", job, None, 0, True, True)
        for index, article in enumerate(articles):
            pieces = text_pieces(article.text, PIECE_CHARS) \
                if options.keep_mentions or may_state_relation(article.text) else [(0, "")]
            for n, (offset, text) in enumerate(pieces):
                last = n == len(pieces) - 1
                kept = relation_text(text) if fast and text else text
                yield kept, (kept, job, index, offset, last, last and index == len(articles) - 1)


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs of at most ``limit`` characters, cut after a line or sentence
    where one is near: a long text is read piece by piece, so time and memory grow linearly."""
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start + limit // 2, end), text.rfind(". ", start + limit // 2, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces or [(0, text)]


def _merge_entities(into: dict[str, EntityInfo], more: dict[str, EntityInfo]) -> None:
    for name, info in more.items():
        if name in into:
            into[name].surfaces += info.surfaces
            into[name].kind = into[name].kind or info.kind
            into[name].members = into[name].members or info.members
            if info.type == "Candidate":
                into[name].type = "Candidate"
        else:
            into[name] = info


def _add_article(batch: Batch, article: Article, entities: dict[str, EntityInfo], found: list[tuple[int, Found]],
                 graph: nx.MultiDiGraph, batch_types: dict[str, str], keep_mentions: bool) -> None:
    """The article's relations and entities. An article that states no relation adds its entities to
    ``batch.mentioned`` only (known to name resolution, not stored), unless ``keep_mentions``."""
    found = contested(found, entities)
    types = settled_types(entities, [relation for _, relation in found])
    read_ends = {name for _, r in found for name in (r.source, r.target)}
    usable = {name for name, entity_type in types.items()
              if fits_known_types(graph, batch_types, name, entity_type, name in read_ends)}
    relations = [(offset, r) for offset, r in found if r.source in usable and r.target in usable
                 and _fits_schema(r.relation, types[r.source], types[r.target])]
    stored_ends = {name for _, r in relations for name in (r.source, r.target)}
    stored = batch.entities if keep_mentions or relations else batch.mentioned
    for name in sorted(usable):
        info = entities[name]
        properties = {"kind": info.kind, "members": info.members} if types[name] == "Organization" else {}
        entity = Entity(name=name, type=types[name], article=article.id, aliases=tuple(info.surfaces) or (name,),
                        properties={k: v for k, v in properties.items() if v is not None})
        stored.append(entity)
        if name in stored_ends:
            batch_types[entity.id] = schema.more_specific(batch_types.get(entity.id, entity.type), entity.type)
    for offset, relation in relations:
        batch.relations.append(Relation(relation.relation, entity_id(relation.source), entity_id(relation.target),
                                        _claim(article, relation, offset)))


def settled_types(entities: dict[str, EntityInfo], found: list[Found]) -> dict[str, str]:
    """One type per entity of the article, never two for one node id.

    Names that share an id ("Bill De Blasio" in a headline, "Bill de Blasio" in the text) take the
    type most of their mentions support; a person who is endorsed or advised is a Candidate.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for name, info in entities.items():
        votes[entity_id(name)][_base_type(info.type)] += max(len(info.surfaces), 1)
    types = {}
    for name, info in entities.items():
        winner = votes[entity_id(name)].most_common(1)[0][0]
        types[name] = info.type if _base_type(info.type) == winner else winner
    for relation in found:
        for end, name in zip(schema.ENDS, (relation.source, relation.target)):
            if name in types:
                types[name] = schema.end_type(relation.relation, end, types[name])
    return types


def _base_type(entity_type: str) -> str:
    return "Person" if schema.is_a(entity_type, "Person") else entity_type


def _fits_schema(relation_type: str, source_type: str, target_type: str) -> bool:
    sources, targets = schema.allowed_endpoints(relation_type)
    return any(schema.is_a(source_type, t) for t in sources) and any(schema.is_a(target_type, t) for t in targets)


def fits_known_types(graph: nx.MultiDiGraph, batch_types: dict[str, str], name: str, entity_type: str,
                     in_relation: bool = False) -> bool:
    """False when the graph, or a relation of an earlier article of this batch (``batch_types``), holds this
    name as an incompatible type (a person vs an organization): the first reading stands and the build
    goes on. A name ``in_relation`` of this article is held back only by a reading a relation rests on:
    a mention no relation needs ("Bloomberg" read as a company in passing) yields to it."""
    node = graph.nodes.get(entity_id(name))
    from_graph = node["type"] if node is not None and (not in_relation or graph.degree(entity_id(name))) else None
    known = [t for t in (from_graph, batch_types.get(entity_id(name))) if t]
    return all(schema.compatible(t, entity_type) for t in known)


CLOSING_MARKS = frozenset("\"')")


def _evidence(sentence: Span) -> Span:
    """The sentence with the closing quotes glued right after it (the parser gives 'trust."' to one sentence
    or to the next depending on what follows)."""
    doc, end = sentence.doc, sentence.end
    while end < len(doc) and not (doc[end - 1].whitespace_ or doc[end - 1].is_space) \
            and set(doc[end].text) <= CLOSING_MARKS:
        end += 1
    return doc[sentence.start:end]


def _claim(article: Article, relation: Found, offset: int = 0) -> Claim:
    sentence = _evidence(relation.sentence)
    text = sentence.text
    start = offset + sentence.start_char + (len(text) - len(text.lstrip()))
    end = offset + sentence.end_char - (len(text) - len(text.rstrip()))
    properties = dict(relation.properties)
    if relation.relation == "ENDORSED":
        properties.update(_when(sentence, article.published))
    return Claim(article=article.id, source=article.url or article.source, rule=relation.rule,
                 sentence=re.sub(r"\s+", " ", text.strip()), start=start, end=end, title=article.title,
                 published=article.published, confidence=relation.confidence, properties=properties)


def _when(sentence: Span, published: str | None) -> dict[str, str]:
    """The time the sentence gives ("on Wednesday"), and its date when the article's date makes it plain."""
    dates = [d for d in _date_spans(sentence) if not re.fullmatch(r"\d{4}", d)]
    if not dates:
        return {}
    when = dates[0]
    resolved = _resolve_date(when, published)
    return {"when": when, **({"date": resolved} if resolved else {})}


def _date_spans(sentence: Span) -> list[str]:
    """The DATE entities of the sentence, read from its tokens (``Span.ents`` walks the whole document)."""
    dates: list[str] = []
    for token in sentence:
        if token.ent_type_ != "DATE":
            continue
        if token.ent_iob_ == "B" or not dates or token.i == sentence.start:
            dates.append(token.text_with_ws)
        else:
            dates[-1] += token.text_with_ws
    return [d.strip() for d in dates]


def _resolve_date(when: str, published: str | None) -> str | None:
    if not published:
        return None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    words = when.lower().split()
    if "today" in words:
        return base.isoformat()
    if "yesterday" in words:
        return (base - dt.timedelta(days=1)).isoformat()
    for index, day in enumerate(WEEKDAYS):
        if day in words and "last" not in words and "next" not in words:
            return (base - dt.timedelta(days=(base.weekday() - index) % 7)).isoformat()
    return None


