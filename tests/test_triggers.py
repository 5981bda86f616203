"""The prefilters never cost a relation: what the full pipeline reads, the fast path reads too."""
from __future__ import annotations

from pathlib import Path

import pytest
from archive_set import ARCHIVE, HALVES, unpack
from endorsegraph.graph import export
from endorsegraph.loaders import vocabulary
from endorsegraph.loaders.build import load_graph
from endorsegraph.loaders.news import ExtractOptions
from endorsegraph.loaders.patterns import PATTERNS
from endorsegraph.loaders.triggers import may_state_relation

HERE = Path(__file__).parent
SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"
SETS = [HERE / "fixtures" / "articles", *(HERE / "fixtures" / v / "articles" for v in
                                         ("validation", "validation2", "validation3"))]
REAL_SAMPLE = 4          # posts of each annotated half compared in CI


def relations(graph) -> set[tuple]:
    public = export.public_graph(graph)
    return {(s, t, d["type"], c["article"], c["start"], c["end"], c["rule"])
            for s, t, d in public.edges(data=True) for c in d["claims"]}


def test_every_pattern_example_carries_a_trigger() -> None:
    assert [p.name for p in PATTERNS for e in p.examples if not may_state_relation(e)] == []


@pytest.mark.parametrize("entry", ["ADVISER_ROLES", "LEADER_ROLES", "PREDICATED_TITLES", "PREDICATED_ADVISER_ROLES",
                                   "IMPLIED_TITLES", "SUPPORTER_NOUNS", "ENDORSE_NOUN_FORMS", "ENDORSE_VERB_FORMS"])
def test_every_role_and_endorsement_word_carries_a_trigger(entry: str) -> None:
    """A line whose only relation word is missing from the triggers is never parsed ("campaign fundraiser")."""
    assert [word for word in getattr(vocabulary, entry) if not may_state_relation(word)] == []


def test_text_without_a_trigger_is_not_parsed() -> None:
    assert not may_state_relation("A water main broke on Fifth Avenue and flooded two subway stations.")
    assert may_state_relation("The union endorsed her on Monday.")


@pytest.mark.parametrize("folder", SETS + ([SEEDS] if SEEDS.is_dir() else []), ids=lambda p: p.parent.name + "/" + p.name)
def test_the_fast_path_reads_what_the_full_pipeline_reads(folder: Path) -> None:
    fast = load_graph([folder])
    full = load_graph([folder], options=ExtractOptions(full_parse=True))
    assert relations(fast) == relations(full)
    assert set(fast.nodes) <= set(full.nodes)        # entities named only on blanked lines are not stored


def test_keeping_mentions_parses_everything_and_keeps_more_entities() -> None:
    fast = load_graph([SETS[1]])
    full = load_graph([SETS[1]], options=ExtractOptions(keep_mentions=True))
    assert relations(fast) == relations(full)
    assert set(fast.nodes) < set(full.nodes)


def test_two_workers_build_what_one_builds() -> None:
    assert relations(load_graph([SETS[3]], workers=2)) == relations(load_graph([SETS[3]]))


@pytest.mark.skipif(not ARCHIVE.is_file(), reason="../shared/corpus/archive is not beside this checkout")
def test_the_fast_path_reads_what_the_full_pipeline_reads_on_real_posts(tmp_path: Path) -> None:
    """A fixed sample of the four annotated halves (all of them agree too: see bench/archive_bench.py --compare)."""
    halves = unpack(HALVES, tmp_path / "all")
    sample = tmp_path / "sample"
    sample.mkdir()
    for half in HALVES:
        for post in sorted(halves[half].iterdir())[:REAL_SAMPLE]:
            (sample / post.name).write_bytes(post.read_bytes())
    fast = load_graph([sample])
    full = load_graph([sample], options=ExtractOptions(full_parse=True))
    assert relations(full) and relations(fast) == relations(full)


def test_a_line_spelling_out_an_acronym_of_a_trigger_line_is_parsed() -> None:
    """"NYCLU" in a kept line resolves to the name spelled out elsewhere, as in the whole post."""
    from endorsegraph.loaders.triggers import relation_text
    text = ("Headline\n\nThe New York Civil Liberties Union sued the city.\n\nNothing else happened.\n\n"
            "Others agreed.\n\n\"It is wrong,\" said NYCLU Executive Director Donna Lieberman.")
    kept = relation_text(text)
    assert len(kept) == len(text)
    assert "New York Civil Liberties Union" in kept and "Nothing else happened." not in kept


def test_the_trigger_words_are_lowercase() -> None:
    """They are searched in folded text: a capital letter in them would never match."""
    from endorsegraph.loaders.triggers import TRIGGER_WORDS
    assert TRIGGER_WORDS.pattern == TRIGGER_WORDS.pattern.lower()


@pytest.mark.parametrize("line", ["She will remember the rally.", "The headline says it all.", "He went directly home.",
                                  "A hit-and-run in Queens.", "Street vendors lined up.", "Be on the lookout for him.",
                                  "The direction of traffic changed.", "Police headquarters was closed."])
def test_words_that_only_contain_a_trigger_are_not_triggers(line: str) -> None:
    """"remember" is no "member", "headline" no "head", "vendors" no "endorse": such lines are not parsed."""
    assert not may_state_relation(line)


@pytest.mark.parametrize("line", ["She is a member of the club.", "He heads the union.", "She directed the group.",
                                  "He runs the PAC.", "They endorsed her.", "The union came out for him.",
                                  "She is the Democratic Party's pick.", "A Republican Senator spoke."])
def test_the_trigger_words_themselves_still_trigger(line: str) -> None:
    assert may_state_relation(line)


def test_around_a_trigger_line_only_the_sentences_resolution_needs_are_parsed() -> None:
    """The line before a trigger line gives its last sentence; elsewhere only sentences naming in full someone
    a trigger line or the headline names are kept; offsets never move; an initial ends no sentence."""
    from endorsegraph.loaders.triggers import relation_text
    text = ("Harbor Budget Fight\n\n"
            "Donald J. Marsh baked bread. Rain fell all day. Tom Hale, a baker, watched the storm.\n\n"
            "The Plumbers Union endorsed Hale on Monday.\n\n"
            "Rain fell again. Mayor de Blasio left. Ida Cole sang.")
    kept = relation_text(text)
    assert len(kept) == len(text) and kept.split() == (
        "Harbor Budget Fight Tom Hale, a baker, watched the storm. The Plumbers Union endorsed Hale on Monday.".split())
    with_particle = relation_text(text.replace("endorsed Hale", "endorsed Blasio"))
    assert "Mayor de Blasio left." in with_particle and "Rain fell again." not in with_particle
    initial = relation_text(text.replace("endorsed Hale", "endorsed Marsh"))
    assert "Donald J. Marsh baked bread." in initial and "Rain fell all day." not in initial


def test_a_trigger_line_keeps_the_sentence_before_its_trigger_and_never_cuts_a_quotation() -> None:
    from endorsegraph.loaders.triggers import relation_text
    text = ("Headline\n\n"
            "Rain fell all day. The roads flooded. Tom Hale, a baker, left early. The Plumbers Union endorsed "
            "Hale on Monday. Dogs barked.\n\n"
            'Hale said: "I am glad. It is a good day." The union backed him. Cats slept.')
    kept = relation_text(text)
    assert len(kept) == len(text)
    assert "Tom Hale, a baker, left early. The Plumbers Union endorsed Hale on Monday." in kept
    assert "The roads flooded." not in kept and "Cats slept." not in kept
    assert '"I am glad. It is a good day." The union backed him.' in kept     # one unit: the quotation whole
