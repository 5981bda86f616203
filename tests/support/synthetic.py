"""A deterministic synthetic endorsement graph, for benchmarks and scale tests.

Built only through :mod:`.kg`, so it obeys the schema like any loaded graph: people, candidates
and organizations of several kinds (with aliases), ENDORSED/LEADS/ADVISES/FOUNDED/MEMBER_OF edges,
each backed by one or two claims with a sentence, an article and character offsets.
"""
from __future__ import annotations

import gc
import random
from collections.abc import Callable

import networkx as nx

from endorsegraph.graph import kg
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
# Relation type, source kinds, target kind, share of all relations in twentieths.
RELATION_MIX = (("ENDORSED", ("person", "organization"), "candidate", 7),
                ("LEADS", ("person",), "organization", 3),
                ("ADVISES", ("person",), "candidate", 2),
                ("FOUNDED", ("person", "organization"), "organization", 2),
                ("MEMBER_OF", ("person", "organization"), "organization", 6))
RELATION_DRAWS = tuple(spec[:3] for spec in RELATION_MIX for _ in range(spec[3]))
VERBS = {"ENDORSED": "endorsed", "LEADS": "leads", "ADVISES": "advises", "FOUNDED": "founded",
         "MEMBER_OF": "is a member of"}
DATES = tuple(f"2015-{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29))
RELATIONS_PER_ENTITY = 3
ARTICLES = 1000
RULE = "synthetic"


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
    ids = {"candidate": _add_candidates(graph, max(3, n_entities // 500)),
           "organization": _add_organizations(graph, rng, max(10, n_entities * 3 // 10)),
           "person": _add_people(graph, rng, max(17, n_entities * 7 // 10))}
    names = dict(graph.nodes(data="name"))
    draw = rng.random
    edges = 0
    while edges < n_relations:
        relation_type, source_kinds, target_kind = RELATION_DRAWS[int(draw() * len(RELATION_DRAWS))]
        sources, targets = ids[source_kinds[int(draw() * len(source_kinds))]], ids[target_kind]
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
    if relation_type == "ENDORSED":
        return {"date": DATES[int(draw() * len(DATES))], "status": "withdrawn" if draw() < 0.05 else "endorsed"}
    if relation_type == "LEADS":
        return {"role": ROLES[int(draw() * len(ROLES))], "current": draw() < 0.8}
    if relation_type in ("ADVISES", "MEMBER_OF"):
        return {"role": ROLES[int(draw() * len(ROLES))]}
    return {}
