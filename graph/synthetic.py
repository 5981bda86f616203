"""A deterministic synthetic endorsement graph, for benchmarks and scale tests.

Built only through :mod:`.kg`, so it obeys the schema like any loaded graph: people, candidates
and organizations of several kinds (with aliases), ENDORSED/LEADS/ADVISES/FOUNDED/MEMBER_OF edges,
each backed by one or two claims with a sentence, an article and character offsets.
"""
from __future__ import annotations

import random

import networkx as nx

from . import kg
from .model import Claim, Entity, Relation

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
# Relation type, source kinds, target kind, share of all relations.
RELATION_MIX = (("ENDORSED", ("person", "organization"), "candidate", 0.35),
                ("LEADS", ("person",), "organization", 0.15),
                ("ADVISES", ("person",), "candidate", 0.10),
                ("FOUNDED", ("person", "organization"), "organization", 0.10),
                ("MEMBER_OF", ("person", "organization"), "organization", 0.30))
RELATIONS_PER_ENTITY = 3
ARTICLES = 1000
RULE = "synthetic"


def synthetic_graph(n_relations: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph with exactly ``n_relations`` edges; the same arguments always give the same graph."""
    rng = random.Random(seed)
    graph = kg.new_graph()
    n_entities = max(30, n_relations // RELATIONS_PER_ENTITY)
    ids = {"candidate": _add_candidates(graph, max(3, n_entities // 500)),
           "organization": _add_organizations(graph, rng, max(10, n_entities * 3 // 10)),
           "person": _add_people(graph, rng, max(17, n_entities * 7 // 10))}
    types, weights = zip(*((spec[:3], spec[3]) for spec in RELATION_MIX))
    edges = 0
    while edges < n_relations:
        relation_type, source_kinds, target_kind = rng.choices(types, weights)[0]
        source = rng.choice(ids[rng.choice(source_kinds)])
        target = rng.choice(ids[target_kind])
        if source == target or graph.has_edge(source, target, key=relation_type):
            continue
        for _ in range(rng.choice((1, 1, 2))):
            edges += kg.add_relation(graph, Relation(relation_type, source, target,
                                                     _claim(graph, rng, relation_type, source, target)))
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


def _claim(graph: nx.MultiDiGraph, rng: random.Random, relation_type: str, source: str, target: str) -> Claim:
    article = rng.randrange(ARTICLES)
    sentence = f"{graph.nodes[source]['name']} {_VERBS[relation_type]} {graph.nodes[target]['name']}."
    start = rng.randrange(0, 20_000)
    return Claim(article=f"article-{article}", source=f"https://news.example.org/{article}", rule=RULE,
                 sentence=sentence, start=start, end=start + len(sentence),
                 published=f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                 confidence=round(rng.uniform(0.5, 1.0), 2), properties=_properties(rng, relation_type))


def _properties(rng: random.Random, relation_type: str) -> dict[str, object]:
    if relation_type == "ENDORSED":
        return {"date": f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "status": "withdrawn" if rng.random() < 0.05 else "endorsed"}
    if relation_type == "LEADS":
        return {"role": rng.choice(ROLES), "current": rng.random() < 0.8}
    if relation_type in ("ADVISES", "MEMBER_OF"):
        return {"role": rng.choice(ROLES)}
    return {}


_VERBS = {"ENDORSED": "endorsed", "LEADS": "leads", "ADVISES": "advises", "FOUNDED": "founded",
          "MEMBER_OF": "is a member of"}
