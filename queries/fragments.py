"""Cypher text shared by the catalog's queries."""
from __future__ import annotations

from ..graph import schema, server_model


def match_by_id(**variables: str) -> str:
    """Bind each ``variable`` to the entity whose id is ``$<param>`` (``match_by_id(a="source")``).

    It looks in the id index of every key label, as ``(a {id: $source})`` without a label would
    scan every node. A missing id binds null, so the MATCH that follows finds nothing.
    """
    labels = server_model.key_labels()     # schema data, never user input
    lookups = [f"OPTIONAL MATCH ({variable}{index}:{label} {{id: ${param}}})"
               for variable, param in variables.items() for index, label in enumerate(labels)]
    bound = ", ".join(f"coalesce({', '.join(f'{variable}{index}' for index in range(len(labels)))}) AS {variable}"
                      for variable in variables)
    return "\n".join(lookups) + f"\nWITH {bound}\n"


def any_of(relation_types: tuple[str, ...]) -> str:
    """A relationship pattern's types, ``A|B``: ``MATCH (a)-[r:{any_of(types)}]->(b)``. The names
    are the schema's, which it checks are plain type names."""
    unknown = sorted(set(relation_types) - set(schema.relation_types()))
    if unknown or not relation_types:
        raise ValueError(f"not relation types of the schema: {unknown or 'none given'}")
    return "|".join(relation_types)
