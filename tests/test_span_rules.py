"""Every span-repair and reference rule is needed: an invented example changes when that rule alone is off.

The rule lists of :mod:`endorsegraph.loaders.spans` and :mod:`endorsegraph.loaders.coref` are walked
rule by rule; a rule with no example here, or whose examples come out the same without it, is dead.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest
from spacy.tokens import Doc, Span

from endorsegraph.loaders.coref import REFERENCE_RULES, references
from endorsegraph.loaders.mentions import find_entities
from endorsegraph.loaders.nlp import gazetteer, pipeline
from endorsegraph.loaders.spans import (
    EXTEND_RULES,
    LABEL_RULES,
    MENTION_RULES,
    SUFFIX_RULES,
    TRIM_RULES,
    Rule,
    entity_spans,
    extend_organization,
    organizations_after_titles,
    organizations_before_titles,
    split_at_role,
    trim,
)


@dataclass(frozen=True)
class Example:
    """``target`` in ``text`` gives ``on`` with every rule on and ``off`` with ``rule`` alone off.

    ``target`` is the span handed to the rules (with the model's ``label``, for trimming), or the
    mention whose label or referent is read."""

    rule: str
    text: str
    target: str
    on: object
    off: object
    label: str = "ORG"


# (trimmed text, label), or None where the span is rejected
TRIM_EXAMPLES = [
    Example("dateline-prefix", "BRAMBLETON - Veteran organizer Lena Marsh spoke on Monday.",
            "BRAMBLETON - Veteran organizer Lena Marsh", ("Veteran organizer Lena Marsh", "PERSON"),
            ("BRAMBLETON - Veteran organizer Lena Marsh", "PERSON"), label="PERSON"),
    Example("leading-filler", "We met the Tarrow Valley Tenants Union on Monday.", "the Tarrow Valley Tenants Union",
            ("Tarrow Valley Tenants Union", "ORG"), ("the Tarrow Valley Tenants Union", "ORG")),
    Example("trailing-possessive", "The Tarrow Valley Tenants Union's board met.", "Tarrow Valley Tenants Union's",
            ("Tarrow Valley Tenants Union", "ORG"), ("Tarrow Valley Tenants Union's", "ORG")),
    Example("lowercase-lead", "Gay and lesbian Harbor fans cheered.", "lesbian Harbor", ("Harbor", "PERSON"),
            ("lesbian Harbor", "PERSON"), label="PERSON"),
    Example("person-role-prefix", "The group hired Director Milo Fenwick last year.", "Director Milo Fenwick",
            ("Milo Fenwick", "PERSON"), ("Director Milo Fenwick", "PERSON"), label="PERSON"),
    Example("only-titles", "Tom Hale, President & CEO of the Harbor Arts League, spoke.", "President & CEO", None,
            ("President &", "ORG")),
    Example("only-titles", "Hector Vale, who is the union's Secretary Treasurer, said no.", "Secretary Treasurer", None,
            ("Treasurer", "PERSON"), label="PERSON"),
    Example("only-titles", "Hector Vale, who is Harbor Union Secretary Treasurer, said no.", "Treasurer", None,
            ("Treasurer", "PERSON"), label="PERSON"),
    Example("trailing-verb", "Police Commissioner Dora Finch VOWS to crack down on graffiti.", "Dora Finch VOWS",
            ("Dora Finch", "PERSON"), ("Dora Finch VOWS", "PERSON"), label="PERSON"),
    Example("trailing-verb", "Council Speaker Dora Finch Tweeted the photograph.", "Dora Finch Tweeted",
            ("Dora Finch", "PERSON"), ("Dora Finch Tweeted", "PERSON"), label="PERSON"),
    Example("organization-role-suffix", "Marlow County Water Board Executive Director Ruth Amsel resigned.",
            "Marlow County Water Board Executive Director", ("Marlow County Water Board", "ORG"),
            ("Marlow County Water Board Executive Director", "ORG")),
    Example("organization-title-prefix", "Ada Brill took over as Chairman of Harbor Freight Lines.",
            "Chairman of Harbor Freight Lines", ("Harbor Freight Lines", "ORG"),
            ("Chairman of Harbor Freight Lines", "ORG")),
    Example("honorific-organization", "Councilwoman Odette Brisk spoke at the rally.", "Councilwoman Odette Brisk",
            ("Odette Brisk", "PERSON"), ("Councilwoman Odette Brisk", "ORG")),
    Example("after-last-title", "Glenmoor Township Supervisor Ivo Pastern spoke.",
            "Glenmoor Township Supervisor Ivo Pastern", ("Ivo Pastern", "PERSON"),
            ("Glenmoor Township Supervisor Ivo Pastern", "PERSON"), label="PERSON"),
    Example("poll-share", "Voters favored Haskell 52 percent to 40 percent.", "Haskell 52 percent",
            ("Haskell", "PERSON"), ("Haskell 52 percent", "PERSON"), label="PERSON"),
    Example("open-parenthesis", "The Lakeshore Clean Water Fund (LCWF) sued the county.",
            "Lakeshore Clean Water Fund (LCWF", ("Lakeshore Clean Water Fund", "ORG"),
            ("Lakeshore Clean Water Fund (LCWF", "ORG")),
    Example("place-before-based", "We met the Chicago-based Lakeside Players on Monday.", "Chicago", None,
            ("Chicago", "ORG")),
    Example("link", "The chair blamed racism on Abe Lutz https://t.co/x1Yb7 pic.twitter.com/y2Xc", "Abe Lutz https://t.co/x1Yb7 pic.twitter.com/y2Xc",
            ("Abe Lutz", "PERSON"), ("Abe Lutz https://t.co/x1Yb7 pic.twitter.com/y2Xc", "PERSON"), label="PERSON"),
    Example("family", "Abe Lutz vanished in 1979. Tom Hale is now an adviser to the Lutzes.", "Lutzes", None,
            ("Lutzes", "PERSON"), label="PERSON"),
    Example("one-character", "Then Q posted again about the race.", "Q", None, ("Q", "ORG")),
    Example("handle", "Stay safe out there. — Commissioner Dora Finch (@CommissFinch) July 23, 2014", "@CommissFinch",
            None, ("@CommissFinch", "ORG")),
    Example("function-words", "UPDATE BELOW President Dora Finch will speak at noon.", "BELOW", None, ("BELOW", "ORG")),
    Example("function-words", "Possibly President Dora Finch?? The caption asks.", "Possibly", None, ("Possibly", "ORG")),
    Example("no-capital", "the volunteers knocked on doors.", "the volunteers", None, ("volunteers", "ORG")),
    Example("generic-name", "The Union voted on Monday.", "The Union", None, ("Union", "ORG")),
    Example("dateline-place", "GRANTSVILLE - The mayor spoke.", "GRANTSVILLE", None, ("GRANTSVILLE", "ORG")),
    Example("place-as-person", "Protesters gathered outside Halvorsen Tower on Monday.", "Halvorsen Tower", None,
            ("Halvorsen Tower", "PERSON"), label="PERSON"),
]

# the organization's text once grown
EXTEND_EXAMPLES = [
    Example("people-possessive-before", "Ida Vole, president of the Lakeport Correction Officer's Benevolent Association, spoke.",
            "Benevolent Association", "Lakeport Correction Officer's Benevolent Association", "Benevolent Association"),
    Example("serial-words-before", '"We won," said the Hotel, Motel and Diner Employees Union president Tom Hale.',
            "Motel and Diner Employees Union", "Hotel, Motel and Diner Employees Union", "Motel and Diner Employees Union"),
    Example("ordinal-before", "Lia Poe is the 22nd Century Lumber chairman.", "Lumber",
            "22nd Century Lumber", "Lumber"),
    Example("place-or-local-before", "The Dakota Plainsworkers Union backed the levy.", "Plainsworkers Union",
            "Dakota Plainsworkers Union", "Plainsworkers Union"),
    Example("acronym-before", "Ida Vole, head of the HFD Harbor Retirees Association, spoke.", "Harbor Retirees Association",
            "HFD Harbor Retirees Association", "Harbor Retirees Association"),
    Example("officeholder-before", "Ida Vole, head of the Mayor's Office of Harbor Affairs, spoke.", "Office of Harbor Affairs",
            "Mayor's Office of Harbor Affairs", "Office of Harbor Affairs"),
    Example("numbered-name-before", "Ida Vole, president of the PS 88 PTA, spoke.", "PTA", "PS 88 PTA", "PTA"),
    Example("numbered-name-before", "Local 908 Brotherhood of Tile Setters backed the levy.",
            "Brotherhood of Tile Setters", "Local 908 Brotherhood of Tile Setters", "Brotherhood of Tile Setters"),
    Example("for-or-of-before", "Neighbors for Cleaner Harbors backed the levy.", "Cleaner Harbors",
            "Neighbors for Cleaner Harbors", "Cleaner Harbors"),
    Example("heads-after", "Marrow Creek Teachers Council President Ada Vole spoke.", "Marrow Creek Teachers",
            "Marrow Creek Teachers Council", "Marrow Creek Teachers"),
    Example("head-within-run", "Cedar Ridge State Nurses Union backed the levy.", "Cedar Ridge",
            "Cedar Ridge State Nurses Union", "Cedar Ridge"),
    Example("proper-words-after", "The Meadowlark Nurses Guild backed the levy.", "Meadowlark",
            "Meadowlark Nurses Guild", "Meadowlark"),
]

SUFFIX_EXAMPLES = [
    Example("unit-number-closing", "The Cascade Valley Nurses Union Local 31 backed the levy.",
            "Cascade Valley Nurses Union Local", "Cascade Valley Nurses Union Local 31",
            "Cascade Valley Nurses Union Local"),
    Example("unit-number-after", "Harbor Hotel Workers Local 908 backed the levy.", "Harbor Hotel Workers",
            "Harbor Hotel Workers Local 908", "Harbor Hotel Workers"),
    Example("unit-of-parent", "The union's Local 1199 of the Harbor Health Workers Union endorsed Abe Lutz.", "Local 1199",
            "Local 1199 of the Harbor Health Workers Union", "Local 1199"),
    Example("possessive-in-name", "Harlow's will close 40 stores. Ida Vole, the chairman of Harlow's, said so.", "Harlow",
            "Harlow's", "Harlow"),
    Example("possessive-chapter", "The Harbor Alliance's Youth Caucus backed the levy.", "Harbor Alliance",
            "Harbor Alliance's Youth Caucus", "Harbor Alliance"),
    Example("chapter-of", "The Lakeside University chapter of the National Writers Guild backed the levy.",
            "The Lakeside University", "The Lakeside University chapter of the National Writers Guild",
            "The Lakeside University"),
    Example("advisory-body-to", "The Harbor Riders Advisory Council to the MTA met on Monday.",
            "Harbor Riders Advisory Council", "Harbor Riders Advisory Council to the MTA", "Harbor Riders Advisory Council"),
    Example("of-place", "The Prairie Party of Nebraska backed the levy.", "Prairie Party",
            "Prairie Party of Nebraska", "Prairie Party"),
    Example("of-place", "Tom Hale, chair of the Prairie Party in Nebraska, backed the levy.", "Prairie Party",
            "Prairie Party in Nebraska", "Prairie Party"),
    Example("place-after", "The Cascade Valley Nurses Guild Oregon backed the levy.", "Cascade",
            "Cascade Valley Nurses Guild Oregon", "Cascade Valley Nurses Guild"),
]

# the label the target span ends with, or None where it is no span
LABEL_EXAMPLES = [
    Example("known-organization", "Republican presidential nominee Walt Brenner spoke in Dayton.", "Republican",
            "ORG", None),
    Example("body-before-head-title", "Harlow Ed CEO Tom Hale said the rates would rise.", "Harlow Ed", "ORG",
            "PERSON"),
    Example("model-person", "Maria Ostrander thanked the volunteers.", "Maria Ostrander", "PERSON", None),
    Example("owner-of-a-campaign", "Greer campaign chair Ted Lyle said it was fine.", "Greer", "PERSON", None),
    Example("word-of-full-name", "Councilman Ray Exxon won. Exxon thanked the volunteers.", "Exxon", "PERSON", "ORG"),
    Example("tail-of-full-name", "Mayor Rosa La Crosse won. La Crosse thanked the volunteers.", "La Crosse",
            "PERSON", "ORG"),
    Example("full-name-of-a-surname", "Mei-Lin Tsou, backed by the Working Families Party, beat four other "
            "candidates in the primary. Tsou said she was thrilled.", "Mei-Lin Tsou", "PERSON", "ORG"),
    Example("described-by-title", "\"We will win,\" said Temple Hart, president of the Harbor Valley Alliance.",
            "Temple Hart", "PERSON", "ORG"),
    Example("described-by-title", "It was cruel, said an appalled Paola Massari, director of the city's Harbor Animal "
            "Project, a partner of the ASPCA.", "Paola Massari", "PERSON", "ORG"),
    Example("model-organization", "The Harbor Valley Alliance thanked the volunteers.", "Harbor Valley Alliance",
            "ORG", None),
]

MENTION_EXAMPLES = [
    Example("surname-mention", "Ellen Tarrow won the primary on Tuesday. Volunteers for Tarrow knocked on doors.",
            "Tarrow", "PERSON", None),
    Example("campaign-owner", "Okafor campaign manager Ted Lyle said the speech went well.", "Okafor", "PERSON",
            None),
    Example("acronym-mention", "The Harbor Valley Nurses Association backed the levy. HVNA members voted on Monday.",
            "HVNA", "ORG", None),
    Example("acronym-before-title", '"If this became law, it would be a license to harm," said Ines Calloway, '
            'GLAAD\'s president and CEO, in a statement to reporters.', "GLAAD", "ORG", None),
    Example("named-by-title", "Ines Calloway, the national president of the Harbor Order of Police, which "
            "backed the ticket in 2000, is trying to rally support for members under siege.", "Ines Calloway",
            "PERSON", None),
    Example("unit-mention", "The Harbor Valley Nurses Association backed the levy, and Local 77 voted on Monday.",
            "Local 77", "ORG", None),
    Example("unit-mention", "Local 1187 of the Harbor Valley Nurses Association is threatening to strike.",
            "Local 1187 of the Harbor Valley Nurses Association", "ORG", None),
    Example("office-title", "The award went to Police Commissioner Ray Kelly on Monday.", "Police", "ORG", None),
]

# the entity the target mention refers to, or None where it refers to none
REFERENCE_EXAMPLES = [
    Example("the-union", "The Harbor Valley Nurses Union met on Monday. The union endorsed Maria Ostrander for mayor.",
            "The union", "Harbor Valley Nurses Union", None),
    Example("council-president", "The Millbrook Tenants League met on Monday. League President Ora Blum endorsed "
            "Maria Ostrander.", "League", "Millbrook Tenants League", None),
    Example("its-president", "The Harbor Valley Nurses Union said its president would endorse Maria Ostrander.",
            "its", "Harbor Valley Nurses Union", None),
    Example("it", "The Harbor Valley Nurses Union met on Monday. It endorsed Maria Ostrander for mayor.",
            "It", "Harbor Valley Nurses Union", None),
    Example("they", "The Harbor Valley Nurses Union met on Monday. They endorsed Maria Ostrander for mayor.",
            "They", "Harbor Valley Nurses Union", None),
    Example("he-she-him-her", "Maria Ostrander spoke on Monday. She thanked the volunteers.",
            "She", "Maria Ostrander", None),
    Example("i-in-a-quote", '"I am proud to endorse Maria Ostrander," Lia Poe said on Monday.', "I", "Lia Poe", None),
    Example("his-campaign-manager", "Maria Ostrander spoke on Monday. Her campaign manager, Lia Poe, thanked "
            "the volunteers.", "Her", "Maria Ostrander", None),
    Example("his-campaign-manager", "Maria Ostrander spoke on Monday. Lia Poe, her spokeswoman, thanked "
            "the volunteers.", "her", "Maria Ostrander", None),
    Example("her-supporters", 'Maria Ostrander spoke on Monday: "Tom Hale is wrong." One of her supporters, Ida Cole, '
            "agreed.", "her", "Maria Ostrander", None),
    Example("the-campaign", "Maria Ostrander is running for mayor. Lia Poe, a spokeswoman for the campaign, thanked "
            "the volunteers.", "the campaign", "Maria Ostrander", None),
    Example("the-vermont-senator", "Senator Maria Ostrander spoke in Portland on Monday. The Oregon senator thanked "
            "the volunteers.", "The Oregon senator", "Maria Ostrander", None),
]


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    """The project's pipeline, loaded once for the module, with each example text parsed once."""
    return cache(pipeline())


def given_span(doc: Doc, example: Example) -> Span:
    """The example's target as a span of ``doc`` with the example's label."""
    start = doc.text.index(example.target)
    return doc.char_span(start, start + len(example.target), label=example.label)


def trimmed(doc: Doc, example: Example, disabled: frozenset[str]) -> tuple[str, str] | None:
    span = trim(given_span(doc, example), disabled)
    return None if span is None else (span.text, span.label_)


def extended(doc: Doc, example: Example, disabled: frozenset[str]) -> str:
    return extend_organization(given_span(doc, example), disabled).text


def labelled(doc: Doc, example: Example, disabled: frozenset[str]) -> str | None:
    return {span.text: label for span, label in entity_spans(doc, gazetteer(), disabled=disabled)}.get(example.target)


def referent(doc: Doc, example: Example, disabled: frozenset[str]) -> str | None:
    found = find_entities(doc, gazetteer())
    named = [m for m in found.mentions if m.explicit]
    back = references(doc, named, copy.deepcopy(found.entities), disabled)
    return {doc[m.start:m.end].text: m.entity for m in back}.get(example.target)


Probe = Callable[[Doc, Example, frozenset[str]], object]

CHECKS: list[tuple[tuple[Rule, ...], Probe, list[Example]]] = [
    (TRIM_RULES, trimmed, TRIM_EXAMPLES),
    (EXTEND_RULES, extended, EXTEND_EXAMPLES),
    (SUFFIX_RULES, extended, SUFFIX_EXAMPLES),
    (LABEL_RULES, labelled, LABEL_EXAMPLES),
    (MENTION_RULES, labelled, MENTION_EXAMPLES),
    (REFERENCE_RULES, referent, REFERENCE_EXAMPLES),
]


def test_every_rule_is_needed_by_an_example(parse):
    problems = []
    for rules, probe, examples in CHECKS:
        names = {rule.name for rule in rules}
        problems += [f"{e.rule}: example for a rule not in this list" for e in examples if e.rule not in names]
        for rule in rules:
            mine = [e for e in examples if e.rule == rule.name]
            if not mine:
                problems.append(f"{rule.name}: dead rule, no example exercises it")
            for example in mine:
                doc = parse(example.text)
                got = probe(doc, example, frozenset()), probe(doc, example, frozenset({rule.name}))
                if example.on == example.off or got != (example.on, example.off):
                    problems.append(f"{rule.name}: {example.text!r} gave {got}, expected {(example.on, example.off)}")
    assert not problems, "\n".join(problems)


def test_rules_have_unique_names_and_one_line_descriptions():
    rules = [rule for rules, _, _ in CHECKS for rule in rules]
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names))
    assert all(rule.description and "\n" not in rule.function.__doc__.strip() for rule in rules)


def test_a_nationality_label_without_a_demonym_before_a_head_title_is_an_organization(parse) -> None:
    """The model sometimes calls a company a nationality ("Verizon" as NORP); "American" stays a people."""
    for word, is_organization in (("Verizon", True), ("American", False)):
        doc = parse(f"Later, {word} CEO Tom Hale called the demands silly.")
        doc = copy.deepcopy(doc)
        doc.ents = [Span(doc, 2, 3, label="NORP")]
        found = [span.text for span in organizations_before_titles(doc, [])]
        assert (found == [word]) is is_organization, found


def test_an_office_inside_an_organization_label_leaves_the_person_after_it(parse) -> None:
    """"Fairview Mayor Tomas Pellegrino" read whole as an organization is a person; "Fairview" no body."""
    doc = parse("Rosa Vint endorsed Fairview Mayor Tomas Pellegrino on Monday.")
    parts = split_at_role(Span(doc, 3, 7, label="ORG"))
    assert [(part.text, part.label_) for part in parts] == [("Tomas Pellegrino", "PERSON")]


def test_an_organization_before_a_title_does_not_reach_over_and_into_a_person(parse) -> None:
    """"First Lady Ada Vole and HPD Commissioner Tom Hale": "HPD" is the organization, not "Lady Ada Vole and HPD"."""
    doc = parse("Last week, First Lady Ada Vole and HPD Commissioner Tom Hale met the tenants.")
    assert [span.text for span in organizations_before_titles(doc, [])] == ["HPD"]


def test_an_organization_before_a_title_does_not_reach_over_and_into_a_titled_name(parse) -> None:
    """"Mayor Bloomberg and City Council Speaker X": the model calls the mayor a place; a name after a title is
    a person's all the same, so the organization is "City Council"."""
    doc = parse("On Monday, Mayor Bloomberg and City Council Speaker Ada Vole agreed on a budget.")
    assert [span.text for span in organizations_before_titles(doc, [])] == ["City Council"]


def test_a_deputy_title_names_no_organization_before_it(parse) -> None:
    """"retired Deputy Fire Chief X" heads nothing: "Deputy Fire" is no organization."""
    doc = parse("Critics like retired Deputy Fire Chief Tom Hale spoke against the fee.")
    assert organizations_before_titles(doc, []) == []


@pytest.mark.parametrize("text, expected", [
    ("Ada Vole, chairwoman of Harbor State Right To Parks, spoke.", ["Harbor State Right To Parks"]),
    ("Ada Vole, president of HarborLeadershipNow, spoke.", ["HarborLeadershipNow"]),
    ("Ada Vole, chairwoman of the Marsh League's Tarrow Valley Owls, spoke.", ["Tarrow Valley Owls"]),
    ("Ada Vole, chairwoman of the Marsh League's Board of Governors, spoke.", ["Marsh League"]),  # its own board
    ("Ada Vole, principal of Tarrow Catholic high school, spoke.", []),                # a description, no name
    ("Ada Vole, president of Brazil, spoke.", []),
])
def test_the_name_a_head_title_governs_is_one_organization(parse, text: str, expected: list[str]) -> None:
    """"chairwoman of <Title Case Name With To>", a name with inner capitals, the name possessed after "'s"."""
    doc = parse(text)
    assert [span.text for span in organizations_after_titles(doc, [])] == expected
