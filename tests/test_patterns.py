"""Every extraction rule reads its own examples and leaves its near misses alone: no rule is dead."""
from __future__ import annotations

import pytest

from endorsegraph.graph import kg
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.clean import clean_text
from endorsegraph.loaders.news import extract
from endorsegraph.loaders.patterns import PATTERNS, Pattern


def rules_fired(text: str) -> set[str]:
    """The rules behind every claim extracted from ``text`` ("surface:x+parse:y" counts both)."""
    graph = kg.new_graph()
    batch = extract([Article(id="t.txt", source="t.txt", text=clean_text(text))], graph, "t.txt")
    return {rule for relation in batch.relations for rule in relation.claim.rule.split("+")}


def test_every_rule_is_documented_and_has_examples() -> None:
    names = [p.name for p in PATTERNS]
    assert len(names) == len(set(names))
    undocumented = [p.name for p in PATTERNS if not (p.doc and p.examples and p.non_examples)]
    assert undocumented == []


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_a_rule_reads_its_examples_and_not_its_near_misses(pattern: Pattern) -> None:
    rule = f"surface:{pattern.name}"
    for example in pattern.examples:
        assert rule in rules_fired(example), example
    for near_miss in pattern.non_examples:
        assert rule not in rules_fired(near_miss), near_miss


# Rules written as functions rather than patterns, with the same contract.
FUNCTION_RULES = [
    ("surface:staff-list",
     "Abe Lutz's team includes Ann Rudd, his campaign manager; and Lia Poe, his pollster.",
     "Abe Lutz's team includes Ann Rudd, his neighbor; and Lia Poe, his cousin."),
    ("surface:endorse-list",
     "Paula Greer received the endorsement of three groups:\n\n- the Sierra Club\n- Teamsters Local 436\n\nShe won.",
     "Paula Greer received the endorsement of three groups.\n\nThe Sierra Club met on Monday.\n"),
    ("parse:endorse-verb",
     "The Plumbers Union, whose members met all night in a union hall downtown, endorsed Abe Lutz.",
     "The Plumbers Union, whose members met all night in a union hall downtown, thanked Abe Lutz."),
    ("parse:endorsement-from",
     "Abe Lutz opened his campaign on Monday, with a video endorsement from Ida Cole.",
     "Abe Lutz opened his campaign on Monday, without an endorsement from Ida Cole."),
    ("parse:adviser-predicate",
     "After the primary, Nell Ortiz quietly became Abe Lutz's campaign manager.",
     "After the primary, Nell Ortiz quietly became Abe Lutz's store manager."),
    ("parse:adviser-predicate",
     "They asked whether Nell Ortiz, who became Abe Lutz's media adviser in 1998, would return.",
     "They asked whether Nell Ortiz, who became Abe Lutz's legal adviser in 1998, would return."),
    ("parse:role-predicate",
     "Nell Ortiz grew up in Ohio and is a vice chairman of the Harbor Freight Alliance.",
     "Nell Ortiz grew up in Ohio and is a political director of the Harbor Freight Alliance."),
]


@pytest.mark.parametrize("rule, example, near_miss", FUNCTION_RULES, ids=[r[0] for r in FUNCTION_RULES])
def test_a_function_rule_reads_its_example_and_not_its_near_miss(rule: str, example: str, near_miss: str) -> None:
    assert rule in rules_fired(example)
    assert rule not in rules_fired(near_miss)
