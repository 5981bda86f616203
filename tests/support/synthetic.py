"""A deterministic synthetic endorsement graph, for benchmarks and scale tests.

Built only through :mod:`.kg`, so it obeys the schema like any loaded graph: people, candidates
and organizations of several kinds (with aliases), and relations of every type the schema gives a
``synthetic_weight`` (ENDORSED, LEADS, ADVISES, FOUNDED, MEMBER_OF), between the types it allows,
each backed by one or two claims with a sentence, an article, character offsets and the properties
named here (date, status, role, current) that the type declares.
"""
from __future__ import annotations

import gc
import random
from collections.abc import Callable

import networkx as nx

from endorsegraph.graph import kg, schema
from endorsegraph.graph.model import Claim, Entity, Relation

FIRST_NAMES = ("Ada", "Ben", "Carla", "Dev", "Elena", "Femi", "Grace", "Hiro", "Ines", "Jamal",
               "Kira", "Luis", "Mara", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tove")
LAST_NAMES = ("Abbott", "Baptiste", "Chen", "Dlamini", "Eriksen", "Fischer", "Garcia", "Haddad",
              "Ito", "Jensen", "Kowalski", "Lopez", "Mensah", "Novak", "Okafor", "Petrov")
ORGANIZATION_KINDS = ("union", "union federation", "advocacy group", "party", "PAC", "media", "company")
ORGANIZATION_WORDS = {"union": "Workers Union", "union federation": "Labor Federation",
                      "advocacy group": "Action Network", "party": "Party", "PAC": "Victory PAC",
                      "media": "Daily", "company": "Industries"}
OFFICES = ("President", "Senate", "Governor")
ROLES = ("president", "chair", "director", "treasurer", "organizer")
DATES = tuple(f"2015-{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29))
RELATIONS_PER_ENTITY = 3
ARTICLES = 1000
RULE = "synthetic"
# A random value for each property the generator knows, by name (what the name means is the schema's).
VALUES: dict[str, Callable[[Callable[[], float]], object]] = {
    "date": lambda draw: DATES[int(draw() * len(DATES))],
    "status": lambda draw: "withdrawn" if draw() < 0.05 else "endorsed",
    "role": lambda draw: ROLES[int(draw() * len(ROLES))],
    "current": lambda draw: draw() < 0.8,
}
# One (relation type, source types, target types) per part of a relation type's synthetic weight.
RELATION_DRAWS = tuple((kind, *schema.allowed_endpoints(kind)) for kind in schema.relation_types()
                       for _ in range(schema.synthetic_weight(kind)))
VERBS = {kind: schema.verb(kind) for kind in schema.relation_types()}
PROPERTY_VALUES = {kind: tuple((key, VALUES[key]) for key in schema.relation_properties(kind) if key in VALUES)
                   for kind in schema.relation_types()}


def synthetic_graph(n_relations: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph with exactly ``n_relations`` edges; the same arguments always give the same graph."""
    collecting = gc.isenabled()
    gc.disable()  # millions of long-lived dicts and no cycles: collection passes would be wasted (~30%)
    try:
        return _build(n_relations, seed)
    finally:
        if collecting:
            gc.enable()


def _build(n_relations: int, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = kg.new_graph()
    n_entities = max(30, n_relations // RELATIONS_PER_ENTITY)
    ids = {"Candidate": _add_candidates(graph, max(3, n_entities // 500)),
           "Organization": _add_organizations(graph, rng, max(10, n_entities * 3 // 10)),
           "Person": _add_people(graph, rng, max(17, n_entities * 7 // 10))}
    names = dict(graph.nodes(data="name"))
    draw = rng.random
    edges = 0
    while edges < n_relations:
        relation_type, source_types, target_types = RELATION_DRAWS[int(draw() * len(RELATION_DRAWS))]
        sources = ids[source_types[int(draw() * len(source_types))]]
        targets = ids[target_types[int(draw() * len(target_types)) if len(target_types) > 1 else 0]]
        source, target = sources[int(draw() * len(sources))], targets[int(draw() * len(targets))]
        if source == target or graph.has_edge(source, target, key=relation_type):
            continue
        sentence = f"{names[source]} {VERBS[relation_type]} {names[target]}."
        for _ in range(1 if draw() < 0.7 else 2):
            edges += kg.add_relation(graph, Relation(relation_type, source, target,
                                                     _claim(draw, relation_type, sentence)))
    return graph


def _add_candidates(graph: nx.MultiDiGraph, count: int) -> list[str]:
    ids = []
    for index in range(count):
        first, last = FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[index % len(LAST_NAMES)]
        name = f"{first} Q. {last} {index}"  # the middle initial keeps candidates apart from people
        ids.append(kg.add_entity(graph, Entity(
            name, "Candidate", article=f"profile-{index}", aliases=(name, f"{last} {index}", f"Sen. {last} {index}"),
            properties={"office": OFFICES[index % len(OFFICES)]})))
    return ids


def _add_organizations(graph: nx.MultiDiGraph, rng: random.Random, count: int) -> list[str]:
    ids = []
    for index in range(count):
        kind = ORGANIZATION_KINDS[index % len(ORGANIZATION_KINDS)]
        name = f"{LAST_NAMES[rng.randrange(len(LAST_NAMES))]} {ORGANIZATION_WORDS[kind]} {index}"
        acronym = "".join(word[0] for word in name.split()[:-1]).upper() + str(index)
        properties = {"kind": kind, **({"members": rng.randrange(100, 2_000_000)} if kind.startswith("union") else {})}
        ids.append(kg.add_entity(graph, Entity(name, "Organization", article=f"registry-{index % ARTICLES}",
                                               aliases=(name, acronym, acronym), properties=properties)))
    return ids


def _add_people(graph: nx.MultiDiGraph, rng: random.Random, count: int) -> list[str]:
    ids = []
    for index in range(count):
        last = rng.choice(LAST_NAMES)
        name = f"{rng.choice(FIRST_NAMES)} {last} {index}"
        ids.append(kg.add_entity(graph, Entity(name, "Person", article=f"article-{index % ARTICLES}",
                                               aliases=(name, f"{last} {index}"))))
    return ids


def _claim(draw: Callable[[], float], relation_type: str, sentence: str) -> Claim:
    article = int(draw() * ARTICLES)
    start = int(draw() * 20_000)
    return Claim(article=f"article-{article}", source=f"https://news.example.org/{article}", rule=RULE,
                 sentence=sentence, start=start, end=start + len(sentence),
                 published=DATES[int(draw() * len(DATES))], confidence=int(50 + draw() * 51) / 100,
                 properties=_properties(draw, relation_type))


def _properties(draw: Callable[[], float], relation_type: str) -> dict[str, object]:
    return {key: value(draw) for key, value in PROPERTY_VALUES[relation_type]}
