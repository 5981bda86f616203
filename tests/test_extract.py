"""The news extractor: patterns and parse, traps, resolution, evidence, and the acceptance gates."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from endorsegraph.graph import kg
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.clean import clean_text
from endorsegraph.queries.evaluate import evaluate
from endorsegraph.loaders.news import ExtractOptions, extract
from endorsegraph.loaders.nlp import pipeline
from endorsegraph.loaders.spans import numbered_schools

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SHARED = HERE.parent.parent / "shared"
SEEDS, GOLD = SHARED / "corpus" / "seeds", SHARED / "corpus" / "gold"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus is not beside this checkout")

# Measured on the fixture suite when these thresholds were set: precision 1.00, recall 0.99.
FIXTURE_MIN_PRECISION = 1.0
FIXTURE_MIN_RECALL = 0.95


def relations_of(text: str, published: str | None = None) -> dict[tuple[str, str, str], dict]:
    """(type, source name, target name) -> edge data, for one article made of ``text``."""
    graph = kg.new_graph()
    article = Article(id="test.txt", source="test.txt", text=clean_text(text), published=published)
    kg.apply_batch(graph, extract([article], graph, "test.txt"))
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    return {(d["type"], names[s], names[t]): d for s, t, d in graph.edges(data=True)}


def relations_of_type(text: str, relation_type: str) -> set[tuple[str, str, str]]:
    """(type, source name, target name) of the ``relation_type`` relations read from ``text``."""
    return {key for key in relations_of(text) if key[0] == relation_type}


def endorsements(text: str) -> set[tuple[str, str]]:
    return {(s, t) for (kind, s, t) in relations_of(text) if kind == "ENDORSED"}


# --- ENDORSED in its forms -------------------------------------------------------------------

@pytest.mark.parametrize("text, endorser, endorsee", [
    ("The United Steelworkers endorsed Paula Greer on Monday.", "United Steelworkers", "Paula Greer"),
    ("Paula Greer was endorsed by the Sierra Club on Monday.", "Sierra Club", "Paula Greer"),
    ("Paula Greer picked up the endorsement of the Sierra Club on Monday.", "Sierra Club", "Paula Greer"),
    ("Paula Greer won the backing of the Teamsters this week.", "International Brotherhood of Teamsters",
     "Paula Greer"),
    ("Paula Greer earned a nod from the League of Conservation Voters.", "League of Conservation Voters",
     "Paula Greer"),
    ("The Sierra Club, the oldest environmental group in the country, threw its support behind Paula Greer.",
     "Sierra Club", "Paula Greer"),
    ("The Sierra Club's endorsement of Paula Greer surprised nobody.", "Sierra Club", "Paula Greer"),
    ("Paula Greer, who was endorsed by the United Auto Workers in April, spoke in Detroit.",
     "United Auto Workers", "Paula Greer"),
    ("The Teamsters announced Tuesday that it is endorsing Paula Greer.",
     "International Brotherhood of Teamsters", "Paula Greer"),
    ("Paula Greer has the backing of the AFL-CIO and most of its affiliates.", "AFL-CIO", "Paula Greer"),
    ("The AFL-CIO on Tuesday endorsed Paula Greer for governor.", "AFL-CIO", "Paula Greer"),
    ("Elected on the Harbor Valley Party ticket in 2015, Paula Greer is up for reelection this year.",
     "Harbor Valley Party", "Paula Greer"),
    ("Mei-Lin Tsou, backed by the Harbor Valley Party, beat four other candidates in the primary. Tsou said she "
     "was thrilled.", "Harbor Valley Party", "Mei-Lin Tsou"),
    ("Delegates of the Harbor Valley Nurses Union voted 212-148 on Saturday to endorse Paula Greer for governor.",
     "Harbor Valley Nurses Union", "Paula Greer"),
    ("The Harbor Valley Conservatives PAC (HVC PAC) announced its endorsement of Greer in March. Paula Greer is "
     "running for governor.", "Harbor Valley Conservatives PAC", "Paula Greer"),
])
def test_endorsement_forms(text: str, endorser: str, endorsee: str) -> None:
    assert endorsements(text) == {(endorser, endorsee)}


@pytest.mark.parametrize("text", [
    "Paula Greer is running for mayor. Greer smiled after being endorsed by rival Victor Hale.",
    "Paula Greer is running for mayor. Paula Greer after being endorsed by rival Victor Hale (Photo: Ann Lee)",
    "Paula Greer is running for mayor. Endorsed by Victor Hale last week, Greer leads the polls.",
    "Paula Greer is running for mayor. Greer was praised by Tom Bell and endorsed by Victor Hale.",
])
def test_a_passive_participle_without_its_own_subject_endorses_the_one_it_is_said_of(text: str) -> None:
    assert ("Victor Hale", "Paula Greer") in endorsements(text)
    assert ("Paula Greer", "Victor Hale") not in endorsements(text)


def test_endorsers_introduced_by_including() -> None:
    found = endorsements("Paula Greer has been endorsed by several unions, including the SEIU and the AFT.")
    assert found == {("Service Employees International Union", "Paula Greer"),
                     ("American Federation of Teachers", "Paula Greer")}


def test_endorsers_listed_after_a_colon() -> None:
    text = ("Paula Greer received the endorsement of three groups:\n\n- the Sierra Club, a conservation group\n"
            "- the United Steelworkers\n- Teamsters Local 436\n\nGreer thanked them.")
    assert endorsements(text) == {("Sierra Club", "Paula Greer"), ("United Steelworkers", "Paula Greer"),
                                  ("Teamsters Local 436", "Paula Greer")}


def test_support_from_a_vague_crowd_is_no_endorsement() -> None:
    assert endorsements("Paula Greer has locked down support from huge swaths of Congress.") == set()
    assert endorsements("Paula Greer received the endorsement of the Sierra Club on Monday and thanked "
                        "Mayor Ed Marsh.") == {("Sierra Club", "Paula Greer")}


def test_a_list_of_endorsers_each_endorses() -> None:
    found = endorsements("Paula Greer has been endorsed by the Sierra Club, the United Steelworkers "
                         "and the National Nurses United.")
    assert found == {("Sierra Club", "Paula Greer"), ("United Steelworkers", "Paula Greer"),
                     ("National Nurses United", "Paula Greer")}


def test_counted_unions_that_backed_a_candidate() -> None:
    text = ('"Ask any member of the AFT or the NEA," Greer said, referring to two large unions '
            "that backed Victor Hale.")
    assert endorsements(text) == {("American Federation of Teachers", "Victor Hale"),
                                  ("National Education Association", "Victor Hale")}


def test_surface_pattern_wins_where_the_parse_misreads_a_long_sentence() -> None:
    text = ("Soon after Paula Greer left the AFL-CIO hall, the Sierra Club, the environmental group "
            "that grew out of John Muir's hiking society, threw its support behind Paula Greer.")
    found = relations_of(text)
    assert ("ENDORSED", "Sierra Club", "Paula Greer") in found
    assert ("ENDORSED", "AFL-CIO", "Paula Greer") not in found
    assert found[("ENDORSED", "Sierra Club", "Paula Greer")]["claims"][0]["rule"].startswith("surface:")


def test_surface_and_parse_agreeing_raise_confidence() -> None:
    claim = relations_of("The United Steelworkers endorsed Paula Greer.")[
        ("ENDORSED", "United Steelworkers", "Paula Greer")]["claims"][0]
    assert claim["rule"] == "surface:endorse-active+parse:endorse-verb"
    assert claim["confidence"] == 0.95


def test_the_parse_alone_finds_a_subject_far_from_its_verb() -> None:
    text = "The Sierra Club, after months of interviews with every candidate in the race, endorsed Paula Greer."
    claim = relations_of(text)[("ENDORSED", "Sierra Club", "Paula Greer")]["claims"][0]
    assert "parse:endorse-verb" in claim["rule"]


# --- traps ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The United Steelworkers declined to endorse Paula Greer on Monday.",
    "The United Steelworkers is expected to endorse Paula Greer next week.",
    "Victor Hale said he would have won the backing of the Teamsters with an open vote.",
    "The Sierra Club now weighs a nod for Paula Greer.",
    "The Working Families Party tried to draft Paula Greer into the race.",
    "The United Steelworkers did not endorse Paula Greer.",
    '"We will never endorse Paula Greer," the Sierra Club said.',
    '"The Sierra Club endorsed Paula Greer years ago," Victor Hale said.',
    "The United Steelworkers has yet to endorse Paula Greer.",
    "The United Steelworkers said it would endorse Paula Greer if she wins the primary.",
])
def test_negated_modal_and_quoted_statements_give_no_endorsement(text: str) -> None:
    assert endorsements(text) == set()


def test_a_pronoun_after_a_list_of_backers_is_no_backer() -> None:
    text = ("The Harbor Union met on Monday. Ida Cole, a candidate for mayor, had the support of Abe Lutz and "
            "Council Speaker Ed Marsh, thought it was a shame that the vote failed.")
    assert endorsements(text) == {("Abe Lutz", "Ida Cole"), ("Ed Marsh", "Ida Cole")}


def test_withdrawn_endorsement_keeps_its_status() -> None:
    found = relations_of("The Sierra Club withdrew its endorsement of Mayor Paula Greer on Friday.")
    assert found[("ENDORSED", "Sierra Club", "Paula Greer")]["status"] == "withdrawn"


def test_a_rival_named_through_a_possessive_is_not_the_target() -> None:
    found = endorsements("Dale Moss endorsed Paula Greer's main rival, school board trustee Victor Hale, on Friday.")
    assert found == {("Dale Moss", "Victor Hale")}


def test_a_spokesperson_for_someones_rival_advises_neither() -> None:
    found = relations_of('"No comment," said Tom Bell, a spokesman for Paula Greer\'s rival, Victor Hale.')
    assert ("ADVISES", "Tom Bell", "Paula Greer") not in found


def test_two_people_with_one_surname_stay_apart() -> None:
    text = ("State Sen. Maria Lopez endorsed Paula Greer. Her brother, Councilman Raul Lopez, backs Victor Hale. "
            "Lopez said the family would stay close.")
    found = relations_of(text)
    assert ("ENDORSED", "Maria Lopez", "Paula Greer") in found
    assert not any(s == "Lopez" or t == "Lopez" for _, s, t in found)


def test_a_surname_two_people_share_is_the_one_the_article_names_in_full_three_times_as_often() -> None:
    text = ("Abe Lutz spoke in Reno. Abe Lutz thanked voters. Abe Lutz and his wife, Ida Lutz, waved. "
            "On Friday Lutz endorsed Paula Greer for governor.")
    assert endorsements(text) == {("Abe Lutz", "Paula Greer")}
    campaign = ("Ida Lutz spoke in Reno. Ida Lutz thanked voters. Ida Lutz and her husband, Abe Lutz, waved. "
                "Lutz campaign manager Ann Rudd said the speech went well.")     # a campaign: whose is not salience
    advised = {target for kind, _, target in relations_of(campaign) if kind == "ADVISES"}
    assert advised <= {"Lutz"}                       # the surname itself, neither Ida nor Abe Lutz


def test_a_union_named_by_its_members_is_not_the_union_named_before() -> None:
    text = "The Harbor Federation of Teachers met. HFT President Ann Rudd and principals union president Tom Hale spoke."
    found = relations_of(text)
    assert ("LEADS", "Ann Rudd", "Harbor Federation of Teachers") in found
    assert ("LEADS", "Tom Hale", "principals union") in found         # a body of its own, never named
    assert ("LEADS", "Tom Hale", "Harbor Federation of Teachers") not in found
    assert ("LEADS", "Tom Hale", "Harbor Federation of Teachers") in relations_of(
        "The Harbor Federation of Teachers met. Later, teachers union president Tom Hale spoke.")


def test_a_name_and_its_one_fuller_form_are_one_person() -> None:
    text = ("Abe Lutz spoke first. Later Abe R. Lutz, the candidate, left early. "
            "\"We had to go,\" Mr. Lutz's campaign manager, Ann Rudd, said.")
    assert ("ADVISES", "Ann Rudd", "Abe R. Lutz") in relations_of(text)
    two_fuller = "Abe R. Lutz met Abe T. R. Lutz. Mr. Lutz's campaign manager, Ann Rudd, said so. Abe Lutz left."
    advised = {target for kind, _, target in relations_of(two_fuller) if kind == "ADVISES"}
    assert advised <= {"Lutz"}                       # which Lutz? the surname itself, no full name


def test_a_surname_that_is_also_a_title_stays_a_name() -> None:
    text = "Howard Dean spoke in Burlington on Monday. Later, Dean endorsed Paula Greer for governor."
    assert endorsements(text) == {("Howard Dean", "Paula Greer")}


def test_a_gerund_after_by_or_after_shares_its_clause_subject_but_not_after_for() -> None:
    assert ("Ida Cole", "Abe Lutz") in endorsements(
        "It was bad enough when Governor Ida Cole threw her goodwill away by endorsing Abe Lutz for president.")
    assert not endorsements("The Harbor Union attacked Ida Cole for endorsing Abe Lutz.") & {("Harbor Union", "Abe Lutz")}


def test_a_surname_several_people_share_blocks_a_pronoun_from_reaching_further_back() -> None:
    text = ("Tom Bell resigned on Friday. Ann Rudd and Lia Rudd praised him. "
            "Rudd said that he was taking over as chairman of the Sierra Club.")
    assert not [key for key in relations_of(text) if key[0] == "LEADS"]


@pytest.mark.parametrize("text, expected", [
    ("Green Party candidate Abe Lutz and Libertarian candidate Ed Marsh joined the debate.",
     {("Green Party", "Abe Lutz"), ("Libertarian Party", "Ed Marsh")}),
    ("Abe Lutz, the Republican candidate, debated Ed Marsh, the candidate of the Rent Relief Party.",
     {("Republican Party", "Abe Lutz"), ("Rent Relief Party", "Ed Marsh")}),
    ("The Freedom Party candidate, Councilman Ed Marsh, spoke after Democratic mayoral candidate and longtime "
     "housing activist Abe Lutz.", {("Freedom Party", "Ed Marsh"), ("Democratic Party", "Abe Lutz")}),
    ("Abe Lutz, the Republican candidate, and Ed Marsh, the Democratic candidate, are the known names in the race.",
     {("Republican Party", "Abe Lutz"), ("Democratic Party", "Ed Marsh")}),   # each label to its own apposition
    ("Democratic candidate Abe Lutz leads Republican Ed Marsh by ten points.",
     {("Democratic Party", "Abe Lutz"), ("Republican Party", "Ed Marsh")}),
    ("The paper backed the mayor. The Democratic nominee, Comptroller Abe Lutz, is a worthy opponent.",
     {("Democratic Party", "Abe Lutz")}),                                     # a nominee, with or without a contest
])
def test_party_labels_in_a_contest_of_parties_are_nominations(text: str, expected: set[tuple[str, str]]) -> None:
    assert endorsements(text) == expected


@pytest.mark.parametrize("text", [
    "Green Party candidate Abe Lutz joined the debate.",                      # one label: a party member
    "Democratic candidates Abe Lutz and Ed Marsh met. Democratic candidate Abe Lutz spoke first, then "
    "Democratic candidate Ed Marsh, then Republican candidate Tom Hale.",    # a primary: the party labels two
    "Republican Abe Lutz and Democrat Ed Marsh voted for the bill.",          # party adjectives, no candidate label
    "Republican Senate candidate Abe Lutz trails. The winner will face Democratic Sen. Ed Marsh.",   # a title
])
def test_party_labels_outside_a_contest_are_no_endorsement(text: str) -> None:
    assert endorsements(text) == set()


# --- LEADS, ADVISES, FOUNDED ------------------------------------------------------------------


def test_a_word_of_tenure_before_a_body_and_its_title_is_the_titles() -> None:
    found = relations_of("Interim Harbor Transit Authority Chair Dana Ruiz did her best to calm the riders.")
    assert found[("LEADS", "Dana Ruiz", "Harbor Transit Authority")]["current"] is True


def test_a_bare_title_heads_the_one_body_its_sentence_names() -> None:
    found = relations_of("Yesterday, Commissioner Rita Vance cancelled the first week of the Harbor Soccer League "
                         "season as players and owners argued.")
    edge = found[("LEADS", "Rita Vance", "Harbor Soccer League")]
    assert (edge["role"], edge["current"]) == ("commissioner", True)


@pytest.mark.parametrize("text", [
    "Commissioner Rita Vance met the Harbor Soccer League and the Lakeside Players Union on Monday.",   # two bodies
    "Orbach is backed by the Harbor Alliance and by former party Chairwoman Rita Vance.",  # the party's chair
    "The wife of gala co-chair Rita Vance wore a gown from the Harbor Alliance.",         # a co-chair of the gala
    "The mayor praised Commissioner Rita Vance's Safe Harbor approach to policing.",       # hers, not her body
])
def test_a_bare_title_heads_nothing_where_its_body_is_unclear(text: str) -> None:
    assert not [key for key in relations_of(text) if key[0] == "LEADS"]


@pytest.mark.parametrize("text, person, org, role, current", [
    ("Sierra Club President Ann Rudd spoke first.", "Ann Rudd", "Sierra Club", "president", True),
    ("Ann Rudd, executive director of the Sierra Club, spoke first.", "Ann Rudd", "Sierra Club",
     "executive director", True),
    ("The Sierra Club's immediate past president Ann Rudd spoke first.", "Ann Rudd", "Sierra Club", "president",
     False),
    ("Former Sierra Club chair Ann Rudd spoke first.", "Ann Rudd", "Sierra Club", "chair", False),
    ("The once mighty former powerful longtime Sierra Club chair Ann Rudd lost.", "Ann Rudd", "Sierra Club", "chair",
     False),                                      # describing words between "former" and the body
    ("After the vote, Ann Rudd lost her role as the chairwoman of the Sierra Club.", "Ann Rudd", "Sierra Club",
     "chairwoman", False),
    ("The board said Ann Rudd was taking over as Chairman of the Sierra Club.", "Ann Rudd", "Sierra Club", "chairman",
     True),
])
def test_leadership_roles_and_current_flag(text: str, person: str, org: str, role: str, current: bool) -> None:
    edge = relations_of(text)[("LEADS", person, org)]
    assert (edge["role"], edge["current"]) == (role, current)


@pytest.mark.parametrize("text, adviser, role", [
    ("Ann Rudd joined Paula Greer's campaign as a senior adviser in May.", "Ann Rudd", "senior adviser"),
    ('Paula Greer opened an office. "We are ready," said Greer spokesperson Ann Rudd.', "Ann Rudd", "spokesperson"),
    ("Ann Rudd, a senior adviser to Paula Greer, declined to comment.", "Ann Rudd", "senior adviser"),
    ("Paula Greer thanked her staff. Greer campaign manager Ann O'Rourke-Rudd said the team was ready.",
     "Ann O'Rourke-Rudd", "campaign manager"),
])
def test_advisory_roles(text: str, adviser: str, role: str) -> None:
    found = {k: v for k, v in relations_of(text).items() if k[0] == "ADVISES"}
    ((kind, source, target), edge), = found.items()
    assert (source, edge["role"]) == (adviser, role)
    assert target in ("Paula Greer", "Greer")


def test_targets_of_endorsements_become_candidates() -> None:
    graph = kg.new_graph()
    article = Article("a.txt", "a.txt", "The Sierra Club endorsed Paula Greer. Ann Rudd praised Greer.")
    kg.apply_batch(graph, extract([article], graph, "a.txt"))
    assert graph.nodes["paula-greer"]["type"] == "Candidate"
    assert graph.nodes["ann-rudd"]["type"] == "Person"


def test_founded_from_a_campaign() -> None:
    found = relations_of("Our Revolution, the group that grew out of Ann Rudd's 2016 Senate campaign, met today.")
    assert ("FOUNDED", "Ann Rudd", "Our Revolution") in found


# --- resolution -------------------------------------------------------------------------------

def test_acronyms_misspellings_and_back_references_resolve() -> None:
    text = ("The Communications Worker of America endorsed Paula Greer on Monday. "
            "CWA President Ann Rudd said the union decided after a poll of members.")
    found = relations_of(text)
    assert ("ENDORSED", "Communications Workers of America", "Paula Greer") in found
    assert ("LEADS", "Ann Rudd", "Communications Workers of America") in found


def test_the_state_senator_resolves_to_the_articles_main_person() -> None:
    text = ("Sen. Paula Greer held a rally in Reno. Greer spoke for an hour. "
            "Later, the Nevada senator also earned the backing of the Sierra Club.")
    assert ("Sierra Club", "Paula Greer") in endorsements(text)


def test_the_president_is_someone_the_article_titles_president() -> None:
    text = ("President Paula Greer will visit Mayor Victor Hale on Monday. It is their first meeting since Hale "
            "endorsed the president. Ann Lee, the president of the Harbor Alliance, was not invited.")
    assert ("Victor Hale", "Paula Greer") in endorsements(text)
    untitled = "Paula Greer will visit Mayor Victor Hale on Monday. It is their first meeting since Hale endorsed the president."
    assert endorsements(untitled) == set()


def test_a_surname_the_article_gives_a_title_is_that_person_wherever_the_model_misreads_it() -> None:
    text = ("Mayor Okonkwo met the press on Monday. Okonkwo said he was pleased. Since then Okonkwo "
            "endorsed Paula Greer for the Senate.")
    assert ("Okonkwo", "Paula Greer") in endorsements(text)


def test_an_officeholders_spokesperson_is_government_staff_wherever_the_article_gives_the_office() -> None:
    text = "Gov. Paula Greer signed the bill on Monday. Greer spokesperson Tom Bell said the law is fair."
    assert ("ADVISES", "Tom Bell", "Paula Greer") not in relations_of(text)
    campaign = "Paula Greer is running for governor. Greer spokesperson Tom Bell said the race is close."
    assert ("ADVISES", "Tom Bell", "Paula Greer") in relations_of(campaign)


@pytest.mark.parametrize("text", [
    "Paula Greer spoke at the rally. The Greer campaign was pleased. Ann Lee, a spokeswoman for the campaign, said so.",
    "Paula Greer is running for mayor. She spoke at the rally. Ann Lee, a spokeswoman for the campaign, said so.",
])
def test_the_campaign_is_the_candidates_whose_campaign_the_article_is_about(text: str) -> None:
    assert ("ADVISES", "Ann Lee", "Paula Greer") in relations_of(text)


def test_the_campaign_for_a_cause_or_of_no_candidate_advises_no_one() -> None:
    assert not relations_of("Paula Greer spoke. Ann Lee, a spokeswoman for the campaign to save the park, said so.")
    assert not relations_of("Paula Greer spoke at the park. Ann Lee, a spokeswoman for the campaign, said so.")


def test_it_after_a_campaign_that_reports_is_the_campaign_not_the_last_organization() -> None:
    found = relations_of("The Harbor Alliance endorsed Paula Greer for mayor. Greer's campaign announced "
                         "it had hired Ann Lee as finance director.")
    assert ("ADVISES", "Ann Lee", "Paula Greer") in found
    assert not [key for key in found if key[1] == "Harbor Alliance" and key[2] == "Ann Lee"]


def test_his_spokesperson_advises_a_candidate_but_not_an_officeholder() -> None:
    candidate = "Mayoral candidate Paula Greer spoke on Monday. Her spokeswoman, Ann Lee, said more."
    assert ("ADVISES", "Ann Lee", "Paula Greer") in relations_of(candidate)
    officeholder = "Mayor Paula Greer spoke on Monday. Her spokeswoman, Ann Lee, said more."
    assert ("ADVISES", "Ann Lee", "Paula Greer") not in relations_of(officeholder)


@pytest.mark.parametrize("text, person, organization", [
    ('"We can go on," said Ann Lee, the Harbor Port Authority\'s director of legislative affairs.', "Ann Lee",
     "Harbor Port Authority"),
    ("The board wrote to the Harbor Port Authority's acting Manhattan commissioner, Ann Lee, in May.", "Ann Lee",
     "Harbor Port Authority"),
])
def test_a_director_of_a_function_or_of_a_region_heads_nothing(text: str, person: str, organization: str) -> None:
    assert ("LEADS", person, organization) not in relations_of(text)


@pytest.mark.parametrize("text", [
    "Ben Gold, founder and CEO of the Harbor Taco Truck Association, said the rules were onerous.",
    "Ben Gold is the founder and CEO of the Harbor Taco Truck Association.",
])
def test_a_title_after_and_shares_the_first_titles_organization(text: str) -> None:
    assert ("LEADS", "Ben Gold", "Harbor Taco Truck Association") in relations_of(text)


def test_a_body_called_by_its_name_is_the_one_led() -> None:
    text = "Hal Clifton is chairman of a small group called the Harbor Peace Committee."
    assert ("LEADS", "Hal Clifton", "Harbor Peace Committee") in relations_of(text)


def test_a_former_speechwriter_of_an_officeholder_advises_no_one() -> None:
    text = "Abe Lutz left the White House in 1989. And former Lutz speechwriter Ann Lee wrote a column."
    assert ("ADVISES", "Ann Lee", "Abe Lutz") not in relations_of(text)


def test_a_gazetteer_file_adds_organizations(tmp_path: Path) -> None:
    extra = tmp_path / "orgs.jsonl"
    extra.write_text(json.dumps({"name": "Quilters for Progress", "kind": "advocacy group",
                                 "aliases": ["QFP"]}) + "\n")
    graph = kg.new_graph()
    article = Article("a.txt", "a.txt", "QFP endorsed Paula Greer on Monday.")
    kg.apply_batch(graph, extract([article], graph, "a.txt", ExtractOptions(gazetteers=(str(extra),))))
    assert graph.nodes["quilters-for-progress"]["kind"] == "advocacy group"
    assert graph.has_edge("quilters-for-progress", "paula-greer", "ENDORSED")


def test_a_gazetteer_title_names_the_body_its_holder_heads(tmp_path: Path) -> None:
    extra = tmp_path / "orgs.jsonl"
    extra.write_text(json.dumps({"name": "Harbor City Port Authority", "kind": "government body",
                                 "titles": ["port commissioner"]}) + "\n")
    graph = kg.new_graph()
    article = Article("a.txt", "a.txt", "The award went to Port Commissioner Ida Mertz on Monday.")
    kg.apply_batch(graph, extract([article], graph, "a.txt", ExtractOptions(gazetteers=(str(extra),))))
    assert graph.has_edge("ida-mertz", "harbor-city-port-authority", "LEADS")


# --- evidence ---------------------------------------------------------------------------------

def test_every_claim_cites_its_sentence_by_offsets() -> None:
    text = (FIXTURES / "articles" / "org_vs_leader.txt").read_text()
    cleaned = clean_text(text)
    graph = kg.new_graph()
    kg.apply_batch(graph, extract([Article("o.txt", "o.txt", cleaned, published="2025-06-12")], graph, "o.txt"))
    claims = [c for _, _, cs in graph.edges(data="claims") for c in cs]
    assert claims
    for claim in claims:
        assert claim["article"] == "o.txt" and claim["rule"] and 0 < claim["confidence"] <= 1
        assert " ".join(cleaned[claim["start"]:claim["end"]].split()) == claim["sentence"]


def test_weekday_dates_resolve_against_the_publication_date() -> None:
    found = relations_of("The Sierra Club endorsed Paula Greer on Wednesday.", published="2015-12-17")
    claim = found[("ENDORSED", "Sierra Club", "Paula Greer")]["claims"][0]
    assert claim["properties"]["when"] == "Wednesday"
    assert claim["properties"]["date"] == "2015-12-16"


# --- the pipeline -----------------------------------------------------------------------------

def test_the_model_loads_once_and_never_at_import() -> None:
    code = ("import endorsegraph.loaders.news, endorsegraph.cli\n"
            "from endorsegraph.loaders.nlp import pipeline\n"
            "print(pipeline.cache_info().currsize)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "0"
    assert pipeline() is pipeline()


def test_a_missing_model_is_a_clear_error() -> None:
    with pytest.raises(EndorsegraphError, match="spaCy model 'no_such_model' is not installed"):
        pipeline("no_such_model")


# --- endorsers in lists with descriptions ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Tomas Reyes lost narrowly last time. Now he has picked up several big endorsements, including that of the "
     "Queens borough president, Alma Gutt, and the City Council speaker, Ben Farr, who lives nearby.",
     {("Alma Gutt", "Tomas Reyes"), ("Ben Farr", "Tomas Reyes")}),
    ("Lena Ortiz has secured endorsements from many officials, including current Comptroller Abe Lutz, "
     "the late Mayor Ed Marsh and former candidates Ida Cole and Sam Pryor.",
     {("Abe Lutz", "Lena Ortiz"), ("Ed Marsh", "Lena Ortiz"), ("Ida Cole", "Lena Ortiz"), ("Sam Pryor", "Lena Ortiz")}),
    ("Ruth Amsel gained support from unions with strong field operations like the Hotel Trades Council and "
     "the Transit Workers Union.", {("Hotel Trades Council", "Ruth Amsel"), ("Transit Workers Union", "Ruth Amsel")}),
    ("Dana Pike counts Ed Marsh, Ida Cole and the Plumbers Union among her supporters.",
     {("Ed Marsh", "Dana Pike"), ("Ida Cole", "Dana Pike"), ("Plumbers Union", "Dana Pike")}),
    ("The Harbor Gazette's and the Valley Ledger's endorsement of Ruth Amsel surprised no one.",
     {("Harbor Gazette", "Ruth Amsel"), ("Valley Ledger", "Ruth Amsel")}),
    ("Tom Beck voted for the farm bill. He was the first senator to endorse Ruth Amsel.", {("Tom Beck", "Ruth Amsel")}),
    ("Paula Greer has only been endorsed by two labor unions\u2014the Hotel Trades Council and the Plumbers Union.",
     {("Hotel Trades Council", "Paula Greer"), ("Plumbers Union", "Paula Greer")}),
    ("Abe Lutz received endorsements by Queens Borough President Ida Cole, former Public Advocates Ed Marsh and Sam Pryor and "
     "the Harbor Gazette.", {("Ida Cole", "Abe Lutz"), ("Ed Marsh", "Abe Lutz"), ("Sam Pryor", "Abe Lutz"),
                             ("Harbor Gazette", "Abe Lutz")}),
    ("The Harbor Gazette's editorial board also endorsed Abe Lutz today.", {("Harbor Gazette", "Abe Lutz")}),
    ("Members of the Riverside Tenants Association endorsed Abe Lutz.", {("Riverside Tenants Association", "Abe Lutz")}),
    ("Earlier today, Mayor Ed Marsh gave his endorsement for governor to Abe Lutz.", {("Ed Marsh", "Abe Lutz")}),
    ("Endorsements: Abe Lutz got the Harbor Gazette's endorsement on Sunday.", {("Harbor Gazette", "Abe Lutz")}),
    ("The Valley Ledger is endorsing the Republican candidate Abe Lutz.", {("Valley Ledger", "Abe Lutz")}),
])
def test_endorsers_listed_with_descriptions(text: str, expected: set[tuple[str, str]]) -> None:
    assert endorsements(text) == expected


# --- reported speech, pronouns for organizations, party lines, locals, name suffixes -------------

@pytest.mark.parametrize("text, expected", [
    ("The Harbor Gazette reported that the Hotel Trades Council endorsed Ruth Amsel.",
     {("Hotel Trades Council", "Ruth Amsel")}),
    ("The Transit Workers Union met on Monday. They endorsed Ruth Amsel after a long debate.",
     {("Transit Workers Union", "Ruth Amsel")}),
    ("Paula Greer and Dana Pike met on Monday. They endorsed Ruth Amsel after a long debate.", set()),
    ("Ruth Amsel won the Working Families Party line on Tuesday.", {("Working Families Party", "Ruth Amsel")}),
    ("The Conservative Party nominated Abe Lutz for governor.", {("Conservative Party", "Abe Lutz")}),
    ("The Hotel Trades Council met. Abe Lutz, whom the union endorsed in 2012, lost.",
     {("Hotel Trades Council", "Abe Lutz")}),
    ("32BJ SEIU endorsed Abe Lutz, as did District Council 37 and Teamsters Local 237.",
     {("32BJ SEIU", "Abe Lutz"), ("District Council 37", "Abe Lutz"), ("Teamsters Local 237", "Abe Lutz")}),
    ("Rep. Nydia Velazquez endorsed Ruben Diaz Jr. and Adolfo Carrion Jr. backed Gale Brewer.",
     {("Nydia Velazquez", "Ruben Diaz Jr."), ("Adolfo Carrion Jr.", "Gale Brewer")}),
    ("Dana Pike announced her endorsement of Abe Lutz on Friday.", {("Dana Pike", "Abe Lutz")}),
    ("Why did this Teamsters official endorse Abe Lutz?", set()),
    ("Several unions have already backed Abe Lutz: the Hotel Trades Council, which announced it last week, "
     "the Plumbers Union and the Transit Workers Union.",
     {("Hotel Trades Council", "Abe Lutz"), ("Plumbers Union", "Abe Lutz"), ("Transit Workers Union", "Abe Lutz")}),
    ("Unions that had supported Dana Pike (the Hotel Trades Council and the Plumbers Union) have shifted their "
     "support to Abe Lutz.", {("Hotel Trades Council", "Dana Pike"), ("Plumbers Union", "Dana Pike"),
                              ("Hotel Trades Council", "Abe Lutz"), ("Plumbers Union", "Abe Lutz")}),
    ("The Harbor Gazette opted for a triple endorsement, recommending Abe Lutz, Dana Pike and Ruth Amsel.",
     {("Harbor Gazette", "Abe Lutz"), ("Harbor Gazette", "Dana Pike"), ("Harbor Gazette", "Ruth Amsel")}),
    ("Abe Lutz got nods from Councilman Ed Marsh, the Plumbers Union and multiple Assembly Members.",
     {("Ed Marsh", "Abe Lutz"), ("Plumbers Union", "Abe Lutz")}),
    ("Abe Lutz supporter Rep. Ida Cole spoke first.", {("Ida Cole", "Abe Lutz")}),
    ("Ida Cole added her own endorsement of Abe Lutz.", {("Ida Cole", "Abe Lutz")}),
    ("The Plumbers Union has a long history. It supported state Sen. Abe Lutz in 2010.", {("Plumbers Union", "Abe Lutz")}),
    ("A small paper is still being hounded by Abe Lutz fans for endorsing Ruth Amsel.", set()),
    ("Abe Lutz has Mayor Ed Marsh, Comptroller Ida Cole and former Comptroller Sam Pryor rallying for him.",
     {("Ed Marsh", "Abe Lutz"), ("Ida Cole", "Abe Lutz"), ("Sam Pryor", "Abe Lutz")}),
    ("Abe Lutz has the Harbor Gazette and the Plumbers Union on his side, as well as the Transit Workers Union.",
     {("Harbor Gazette", "Abe Lutz"), ("Plumbers Union", "Abe Lutz"), ("Transit Workers Union", "Abe Lutz")}),
    ("As the paper notes, Mayor Ed Marsh, a Lutz supporter, is close to the party. Abe Lutz thanked him.",
     {("Ed Marsh", "Abe Lutz")}),
    ("The mayor spoke last. A Ruth Amsel supporter during the campaign, Ed Marsh praised the plan.",
     {("Ed Marsh", "Ruth Amsel")}),
    ("Ed Marsh attacked Republican presidential nominee Abe Lutz's plan.", {("Republican Party", "Abe Lutz")}),
    ("Abe Lutz is running on the Green Party ticket in District 35.", {("Green Party", "Abe Lutz")}),
    ("Abe Lutz received the support of NOW-NYC.", {("NOW-NYC", "Abe Lutz")}),
    ("Local 3 International Brotherhood of Electrical Workers, the other union, endorsed Ruth Amsel today.",
     {("Local 3 International Brotherhood of Electrical Workers", "Ruth Amsel")}),
    ("Paula Greer spoke. Dale Hughes said the labor support showed that Greer was an insider.", set()),
    ("The loudest voice was Dana Pike of Iowa, who came out for Abe Lutz at a rally.", {("Dana Pike", "Abe Lutz")}),
    ("Ida Cole lost the primary to Carl van Horne. Cole will be at City Hall at 11:30 a.m. to endorse van Horne.",
     {("Ida Cole", "Carl van Horne")}),
    ("Ida Cole will endorse Abe Lutz today at a rally in Dayton.", {("Ida Cole", "Abe Lutz")}),
    ("Ida Cole will endorse Abe Lutz next week.", set()),
    ("Abe Lutz won the backing of the Harbor City Federation of Labor, the umbrella group for 60 local unions, "
     "and of the Plumbers Union.", {("Harbor City Federation of Labor", "Abe Lutz"), ("Plumbers Union", "Abe Lutz")}),
    ("Dana Pike had support from several Plumbers Union board members.", set()),
    ("Abe Lutz gained support from the Hotel Trades Council and the Plumbers Union, both of which endorsed "
     "Ruth Amsel in 2012.", {("Hotel Trades Council", "Abe Lutz"), ("Plumbers Union", "Abe Lutz"),
                             ("Hotel Trades Council", "Ruth Amsel"), ("Plumbers Union", "Ruth Amsel")}),
])

def test_real_news_shapes_of_endorsement(text: str, expected: set[tuple[str, str]]) -> None:
    assert endorsements(text) == expected

def test_a_staff_list_advises_its_principal() -> None:
    text = "Abe Lutz's team includes Ann Rudd, his campaign manager; Ben Toll, a spokesman; and Lia Poe, his pollster."
    advises = {(k[1], v["role"]) for k, v in relations_of(text).items() if k[0] == "ADVISES" and k[2] == "Abe Lutz"}
    assert advises == {("Ann Rudd", "campaign manager"), ("Ben Toll", "spokesman"), ("Lia Poe", "pollster")}


# --- leadership titles in real news --------------------------------------------------------------

@pytest.mark.parametrize("text, leader, organization", [
    ("However, Lakeside Outfitters president Dora Finch says the sign stays up.", "Dora Finch", "Lakeside Outfitters"),
    ("\"We listened,\" said HAVA Director Tomas Brandt in a statement.", "Tomas Brandt", "HAVA"),
    ("County Board of Canvassers Executive Director Mae Holt said turnout was light.", "Mae Holt",
     "County Board of Canvassers"),
    ("Testifying on Monday, Harbor Police Commissioner Ray Donnelly called the bill an intrusion.", "Ray Donnelly",
     "Harbor Police"),
    ("said Assembly Speaker Lou Varga before the vote.", "Lou Varga", "New York State Assembly"),   # gazetteer title
    ("\"It is far,\" said Ines Calloway, president of the PS 88 PTA.", "Ines Calloway", "PS 88 PTA"),
    ("PS 307 PTA President Dora Finch fears the plan.", "Dora Finch", "PS 307 PTA"),
    ("The plan has the support of PS 88 Principal Dora Finch and her staff.", "Dora Finch", "PS 88"),
    ("Both Harbor Transit Chairman Tom Reyes and Lakeside City Transit President Vera Bell make the case.",
     "Vera Bell", "Lakeside City Transit"),                    # not "Tom Reyes and Lakeside City Transit"
    ('"The plan feeds a black market for unsafe rentals," Vijay Dandapani, chairman of the Harbor Hotel '
     'Association, stated this summer.', "Vijay Dandapani", "Harbor Hotel Association"),   # the model: a work of art
    ("Marchers called for Harbor Police Commissioner Ray Donnelly's resignation.", "Ray Donnelly", "Harbor Police"),
    ("The vote was close, Michigan AFL-CIO President Ray Tuck told reporters.", "Ray Tuck", "Michigan AFL-CIO"),
    ("The Lakeside Growers Council, which backed the Republican nominee four years ago, stayed neutral. "
     "\"We will watch,\" said council president Lou Varga.", "Lou Varga", "Lakeside Growers Council"),
    ("Vera Bell, head of the city's Housing Preservation Agency, spoke.", "Vera Bell", "Housing Preservation Agency"),
    ("But Board Chairman Lou Varga opposed the move, saying the Harbor Port Authority would lose.", "Lou Varga",
     "Harbor Port Authority"),          # "Board" alone names no body: the one the sentence names is his
    ("The memos, written by then-HAVA Director Tomas Brandt, changed that.", "Tomas Brandt", "HAVA"),
    ("Rita Vance, co-founder of the Elm Street Neighbors group and co-chair of the Ward 4 Parks Committee, spoke.",
     "Rita Vance", "Ward 4 Parks Committee"),
    ("According to Department of Harbor Preservation and Development Commissioner Ruth Amsel, the plan works.",
     "Ruth Amsel", "Department of Harbor Preservation and Development"),   # "Development" is not a staff title here
    ("City Department of Finance Commissioner Ruth Amsel said the fines would rise.", "Ruth Amsel",
     "City Department of Finance"),
])
def test_a_title_between_an_organization_and_a_name(text: str, leader: str, organization: str) -> None:
    assert ("LEADS", leader, organization) in relations_of(text)


@pytest.mark.parametrize("text", [
    "Queens Borough President Ana Ruiz and Senate Majority Leader Tom Beck spoke at the rally.",
    "Civil Rights Union Advocacy Director Joan Pike agreed with the plan.",
    "The comic is offensive, said Joan Pike, Harbor Defense League Associate Regional Director.",
    "Tom Hale, Communications and Development Director at the Harbor Arts League, spoke.",
    "The mayor was there, with Governor Ed Lyle, Assembly Speaker Sam Orr and others.",
])
def test_offices_and_staff_titles_are_not_leadership(text: str) -> None:
    leads = relations_of_type(text, "LEADS")
    assert all(source == "Sam Orr" for _, source, _ in leads), leads


def test_a_title_is_said_of_whom_it_is_predicated_not_of_who_calls_its_holder() -> None:
    """"X called the president of Y" says nothing of X; "X was named chairman of Y" makes X its head."""
    text = ("Dora Finch made a public apology Tuesday, and also personally called the president of the Harbor Arts "
            "League to apologize again. "
            "Tom Hale was named chairman of the Lakeside Growers Council on Monday.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Tom Hale", "Lakeside Growers Council")}


def test_a_first_name_after_a_surnames_sister_takes_the_surname() -> None:
    text = "Ada Wojcik spoke on Monday. Wojcik's sister Dana is the president of the Harbor Arts League."
    assert ("LEADS", "Dana Wojcik", "Harbor Arts League") in relations_of(text)


def test_a_shared_surname_owning_a_campaign_is_the_candidates() -> None:
    text = ("Abe Lutz is running for mayor. His wife, Ida Lutz, spoke first at the rally. "
            "Lutz campaign spokesman Tom Hale said the crowd was large.")
    assert ("ADVISES", "Tom Hale", "Abe Lutz") in relations_of(text)


def test_his_campaign_treasurer_is_the_subjects_adviser() -> None:
    text = ("Assemblyman Abe Lutz founded the center, but his campaign treasurer Dana Ruiz is the center's director.")
    assert ("ADVISES", "Dana Ruiz", "Abe Lutz") in relations_of(text)


def test_a_dash_glued_to_a_closing_quote_parts_the_words() -> None:
    """'what she called a "death spiral"—Harbor Housing Authority Chair X': one token had hidden the name."""
    text = ('The cuts are what one critic called a "financial death spiral"—Harbor City Housing Authority Chair '
            'Dora Finch insisted the plan would hold.')
    assert ("LEADS", "Dora Finch", "Harbor City Housing Authority") in relations_of(text)


def test_a_capitalized_reference_word_names_its_own_body() -> None:
    """"the Coalition" is a coalition the model did not tag, not the last organization named."""
    text = ("The Lakeside Carriage Association defended its drivers on Monday. "
            "President of the Coalition, Tom Hale, says the city has been lucky.")
    assert not relations_of_type(text, "LEADS")


def test_a_spokesman_for_an_officeholder_is_staff_and_a_campaign_adviser_is_not() -> None:
    text = ("Mayor Carla Dunn defended the plan. Ben Toll, a spokesman for the mayor, said it was sound. "
            "Ed Marsh, Dunn's former press secretary, disagreed. An adviser to Dunn's campaign, Lia Poe, "
            "said the race was tight.")
    advises = relations_of_type(text, "ADVISES")
    assert advises == {("ADVISES", "Lia Poe", "Carla Dunn")}


# --- headlines and entity types ---------------------------------------------------------------

def test_a_title_case_headline_names_only_what_the_body_names() -> None:
    text = ("Ruth Amsel Will Endorse Carlos Vidal Today\n\nState Sen. Ruth Amsel, who came third in the primary, "
            "will appear with Carlos Vidal at noon. Amsel endorsed Vidal at the event.\n")
    graph = kg.new_graph()
    kg.apply_batch(graph, extract([Article(id="t.txt", source="t.txt", text=clean_text(text))], graph, "t.txt"))
    names = {data["name"] for _, data in graph.nodes(data=True)}
    assert names == {"Ruth Amsel", "Carlos Vidal"}
    assert ("ENDORSED", "Ruth Amsel", "Carlos Vidal") in relations_of(text)


def test_mentions_that_disagree_on_a_type_settle_on_the_better_supported_one() -> None:
    from endorsegraph.loaders.mention_model import EntityInfo
    from endorsegraph.loaders.news import settled_types
    entities = {
        "Bill de Blasio": EntityInfo("Bill de Blasio", "Person", ["Bill de Blasio", "de Blasio", "de Blasio"]),
        "Bill De Blasio": EntityInfo("Bill De Blasio", "Organization", ["Bill De Blasio"]),
        "Teamsters": EntityInfo("Teamsters", "Organization", ["Teamsters"])}
    assert settled_types(entities, []) == {"Bill de Blasio": "Person", "Bill De Blasio": "Person",
                                           "Teamsters": "Organization"}


# --- long texts ------------------------------------------------------------------------------------

def test_text_pieces_cover_the_text_and_cut_at_line_ends() -> None:
    from endorsegraph.loaders.news import text_pieces
    text = "".join(f"Line {i} says little.\n" for i in range(200))
    pieces = text_pieces(text, limit=500)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 500 and piece.endswith("\n") for _, piece in pieces)
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_a_text_over_the_models_length_limit_is_read_in_pieces(monkeypatch) -> None:
    """spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters by default); the extractor
    never hands it one. Shown with the limit lowered, so the test stays fast."""
    from endorsegraph.loaders import news
    nlp = pipeline()
    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(news, "PIECE_CHARS", 1_000)
    text = "The weather was mild in the city that day.\n" * 100 + "The Plumbers Union endorsed Abe Lutz.\n"
    batch = news.extract([Article(id="long.txt", source="long.txt", text=text)], kg.new_graph(), "long.txt")
    assert [(r.type, r.source, r.target) for r in batch.relations] == [("ENDORSED", "plumbers-union", "abe-lutz")]


def test_a_text_read_in_pieces_keeps_offsets_into_the_whole_text(monkeypatch) -> None:
    from endorsegraph.loaders import news
    monkeypatch.setattr(news, "PIECE_CHARS", 120)
    text = ("The weather was mild on Monday in the city.\n" * 6 + "The Plumbers Union endorsed Abe Lutz on Friday.\n"
            + "Nothing else happened that day at all.\n" * 4)
    graph = kg.new_graph()
    batch = news.extract([Article(id="t.txt", source="t.txt", text=text)], graph, "t.txt")
    [relation] = [r for r in batch.relations if r.type == "ENDORSED"]
    assert text[relation.claim.start:relation.claim.end] == "The Plumbers Union endorsed Abe Lutz on Friday."


# --- acceptance gates -------------------------------------------------------------------------

def test_fixture_suite_scores() -> None:
    result = evaluate([FIXTURES / "articles"], FIXTURES / "gold")
    assert result["violations"] == []
    assert result["wrong_current"] == []
    assert result["micro"]["precision"] >= FIXTURE_MIN_PRECISION
    assert result["micro"]["recall"] >= FIXTURE_MIN_RECALL


@pytest.mark.parametrize("folder, min_precision, min_recall", [
    # Each set's gate is its current score, which may only go up.
    ("validation", 0.97, 0.96),      # written blind to the extractor; first run 0.88 / 0.44, now 0.97 / 0.96
    ("validation2", 0.94, 0.86),     # a second blind set; first run 0.82 / 0.53, now 0.94 / 0.86
    ("validation3", 0.97, 0.83),     # a third blind set; first run 0.91 / 0.52, now 0.98 / 0.84
])
def test_validation_suites_score(folder: str, min_precision: float, min_recall: float) -> None:
    result = evaluate([FIXTURES / folder / "articles"], FIXTURES / folder / "gold")
    assert result["wrong_current"] == []
    assert result["micro"]["precision"] >= min_precision
    assert result["micro"]["recall"] >= min_recall


@needs_shared
def test_seed_articles_score_perfectly_with_kgscore(tmp_path: Path) -> None:
    """The acceptance check of issue #3, run exactly as the before-stop hook runs it."""
    cli = [str(Path(sys.executable).with_name("endorsegraph"))]
    graph, out = tmp_path / "g.json", tmp_path / "out.json"
    subprocess.run([*cli, "build", str(SEEDS), "--graph", str(graph)], check=True, capture_output=True)
    subprocess.run([*cli, "export", "--graph", str(graph), "--format", "json", "--output", str(out)],
                   check=True, capture_output=True)
    report = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "tools" / "kgscore.py"), str(out), str(GOLD), "--json"],
        check=True, capture_output=True, text=True).stdout)
    for relation_type, scores in report["per_type"].items():
        assert (relation_type, scores["precision"], scores["recall"]) == (relation_type, 1.0, 1.0)
    assert report["violations"] == [] and report["wrong_current"] == [] and report["unmapped"] == []
    assert report["entities"]["missing"] == []



def test_a_name_keeps_its_first_type_across_the_articles_of_one_file() -> None:
    """One JSONL file is one batch: a name read as an organization in one story and as a person in
    the next keeps its first reading (the later mentions are left out) instead of failing the file."""
    from endorsegraph.loaders.news import fits_known_types
    graph = kg.new_graph()
    assert fits_known_types(graph, {"abe-lutz": "Organization"}, "Abe Lutz", "Organization")
    assert not fits_known_types(graph, {"abe-lutz": "Organization"}, "Abe Lutz", "Person")
    assert fits_known_types(graph, {"abe-lutz": "Person"}, "Abe Lutz", "Candidate")


def test_an_article_that_states_no_relation_adds_no_entities_unless_asked(tmp_path: Path) -> None:
    from endorsegraph.loaders.build import load_graph
    (tmp_path / "news.txt").write_text("The Plumbers Union endorsed Abe Lutz on Monday. Ida Cole watched.\n")
    (tmp_path / "crime.txt").write_text("Officer Dana Pike of the Harbor Police arrested a man in Queens.\n")
    (tmp_path / "food.txt").write_text("Lena Ortiz opened a taco shop on Smith Street.\n")
    default = load_graph([tmp_path])
    kept = load_graph([tmp_path], options=ExtractOptions(keep_mentions=True))
    assert {d["name"] for _, d in default.nodes(data=True)} >= {"Plumbers Union", "Abe Lutz", "Ida Cole"}
    assert "Lena Ortiz" not in {d["name"] for _, d in default.nodes(data=True)}
    assert "Lena Ortiz" in {d["name"] for _, d in kept.nodes(data=True)}
    assert set(default.edges) == set(kept.edges)


def test_an_organization_that_only_modifies_what_is_led_is_not_led() -> None:
    """"X directed the Y documentary", "X leads the Y committee on Z": the organization names what is led."""
    text = ("Tom Hale directed the Harbor Arts League documentary about the strike. "
            "Dora Finch now leads the Lakeside Growers Council committee on water rights. "
            "Ida Cole, president of the Harbor Tenants Union board, spoke last.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "Harbor Tenants Union")}


def test_a_title_many_hold_said_with_a_is_not_the_heads() -> None:
    """"a director of Y" sits on its board; "the director of Y" runs it."""
    text = ("Tom Hale, a former Harbor Arts League director, was arrested on Monday. "
            "Dora Finch worked as a director of lending at the Lakeside Savings Bank. "
            "Ida Cole is the director of the Harbor Tenants Union.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "Harbor Tenants Union")}


def test_a_clause_after_an_object_is_said_of_the_object() -> None:
    """"X nominated him to be head of Y": he would head Y, not X."""
    text = ("Dora Finch rose fast. Governor Abe Lutz even nominated her to be the head of the Harbor Transit Agency. "
            "Mayor Ida Cole appointed Tom Hale to be chairman of the Lakeside Growers Council.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Tom Hale", "Lakeside Growers Council")}


def test_a_staff_function_or_a_rank_is_not_leadership() -> None:
    text = ('"It was a business decision," said Tom Hale, director of Public Relations for the company. '
            "Here Harbor Sanitation Department Chief Inspector Dora Finch examines a plant taller than she is.")
    assert not relations_of_type(text, "LEADS")


def test_a_campaign_for_a_cause_is_not_a_candidacy() -> None:
    """"backs X's campaign to stop the ban" backs a cause; "backs X's campaign for mayor" backs X."""
    text = ("Tom Hale backs Abe Lutz's campaign to stop the ferry cuts. "
            "The Plumbers Union backs Sam Orr's campaign for mayor.")
    endorsed = relations_of_type(text, "ENDORSED")
    assert endorsed == {("ENDORSED", "Plumbers Union", "Sam Orr")}


def test_a_capitalized_candidate_ends_a_partys_name() -> None:
    """"Green Party Candidate X": "Candidate" is the label, not the last word of the party's name."""
    text = ("Marchers will rally, and so will the fans of Green Party Candidate Ida Cole. "
            "Cole decried the decision to exclude herself and Libertarian Party Candidate Sam Orr from the debate.")
    endorsed = relations_of_type(text, "ENDORSED")
    assert endorsed == {("ENDORSED", "Green Party", "Ida Cole"), ("ENDORSED", "Libertarian Party", "Sam Orr")}


def test_a_known_title_yields_to_the_body_its_sentence_names() -> None:
    """"Police Commissioner" is the NYPD's, but beside "the Harbor County Police Department" it is that one's."""
    text = ('"The Harbor County Police Department will not tolerate any violence," Acting Police Commissioner '
            'Tom Hale told reporters last week. Police Commissioner Ida Cole of New York agreed.')
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "New York City Police Department"),
                     ("LEADS", "Tom Hale", "Harbor County Police Department")}


def test_a_known_title_in_lower_case_still_names_its_body_but_not_a_citys_own_force() -> None:
    """"Police commissioner X" is the NYPD's; "Harbor police commissioner X" heads his own city's force."""
    text = ("The strike ended on Monday. Mayor Abe Lutz and Police commissioner Ray Donnelly thanked the crews. "
            "Harbor police commissioner Ida Cole stayed home.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ray Donnelly", "New York City Police Department")}


def test_the_party_candidate_is_the_one_the_article_labels_with_that_party() -> None:
    """"the Republican candidate" is the Republican the article names, not the Democrat it names most."""
    text = ("Democrat Abe Lutz leads the race. Lutz spoke on Monday, and Lutz spoke again on Tuesday. "
            "Republican Ed Marsh trails. The Republican candidate, a former Harbor Alliance chairman, won the "
            "backing of the Plumbers Union.")
    found = relations_of(text)
    assert ("ENDORSED", "Plumbers Union", "Ed Marsh") in found
    assert not {k for k in found if "Abe Lutz" in k}


def test_a_title_before_a_name_with_a_middle_initial_names_the_body() -> None:
    """"Museum Executive Director Peter J. Kim": the middle initial is part of the name after the title,
    and "Museum" alone is the article's one museum."""
    text = "The Harbor Museum of Food opens in May. Museum Executive Director Ida B. Cole fired the first blast."
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida B. Cole", "Harbor Museum of Food")}


def test_a_body_described_by_its_members_and_never_named_is_an_organization_of_its_own() -> None:
    """"the players union", "principals union president X": not the last union named, and not nothing."""
    text = ("The Harbor Teachers Union sued the city on Monday. Dora Finch, the president of the players union, "
            "disagreed. Later principals union president Ed Marsh agreed with the teachers union.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Dora Finch", "players union"), ("LEADS", "Ed Marsh", "principals union")}


def test_ex_before_a_body_makes_a_former_leader_of_that_body() -> None:
    """"ex-Assembly Leader X": the body is the Assembly, and he led it once."""
    leads = {(k, d.get("current")) for k, d in relations_of(
        "The prosecutor won a conviction of ex-Harbor Council Leader Abe Lutz on Monday.").items() if k[0] == "LEADS"}
    assert leads == {(("LEADS", "Abe Lutz", "Harbor Council"), False)}


def test_a_rank_is_not_the_head_of_a_body() -> None:
    """"Battalion Chief X", "Fire Chief X" hold ranks; "FCC Commissioner X" is one commissioner of many."""
    text = ("At the drill were Fire Chief Ida Cole and Harbor Fire Department Battalion Chief Abe Lutz. "
            "FCC Commissioner Tom Hale spoke, and FCC Chairman Ed Marsh agreed.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ed Marsh", "Federal Communications Commission")}


def test_a_dotted_acronym_before_a_title_is_the_organization_it_abbreviates() -> None:
    text = "The Harbor Arts League met on Monday. H.A.L. Director Ida Cole said the plan was firm."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Ida Cole", "Harbor Arts League")}


def test_a_lone_institution_noun_is_the_one_named_with_for() -> None:
    text = "Shelter for Families backed the bill. Shelter director Ida Cole said it was time."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Ida Cole", "Shelter for Families")}


def test_a_name_a_place_or_people_only_opens_is_an_organization_after_a_head_title() -> None:
    """"director of New Yorkers for Parks", "president of the Harbor Chinese-American League": the model's
    place or people opens the name; "principal of Harbor Catholic high school X" names no organization."""
    text = ("Ida Cole, executive director of New Yorkers for Parks, spoke. Abe Lutz, president of the Harbor "
            "Chinese-American League, agreed. Tom Hale, the principal of Staten Island Catholic high school, left.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "New Yorkers for Parks"),
                     ("LEADS", "Abe Lutz", "Harbor Chinese-American League")}


def test_a_name_without_its_head_word_is_the_organization_named_with_it() -> None:
    """"Harbor president X" where the article names Harbor College; an acronym keeps its own body."""
    text = ("He spoke at Harbor College on Monday. The talk was hosted by Harbor president Ida Cole. "
            "The FDNY Foundation paid for the dinner, and FDNY Commissioner Tom Hale thanked it.")
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "Harbor College"),
                     ("LEADS", "Tom Hale", "Fire Department of the City of New York")}


def test_the_state_party_is_not_the_national_one() -> None:
    """"state Democratic Party Chairman X", "the state GOP chair X" lead the state's party."""
    text = "Voters are angry, said state Democratic Party Chairman Ida Cole. The state GOP chair Abe Lutz agreed."
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Ida Cole", "State Democratic Party"), ("LEADS", "Abe Lutz", "State Republican Party")}


def test_a_title_keeps_the_whole_name_the_model_reads_before_it() -> None:
    """The model's "Coca-Cola's North America Sparkling Beverages" before "President X", not its last words."""
    text = "Coca-Cola's North America Sparkling Beverages President Ida Cole said the cans were small."
    assert relations_of_type(text, "LEADS") == {
        ("LEADS", "Ida Cole", "Coca-Cola's North America Sparkling Beverages")}


def test_a_shared_surname_owning_an_adviser_is_the_candidates() -> None:
    text = ("Ida Lutz spoke first at the rally. Ida Lutz thanked the crowd. Her husband, Abe Lutz, is running "
            "for mayor. Lutz adviser Tom Hale said the crowd was large.")
    advises = relations_of_type(text, "ADVISES")
    assert advises == {("ADVISES", "Tom Hale", "Abe Lutz")}


def test_a_campaign_fundraiser_advises_and_his_line_is_read() -> None:
    text = "Mayor Abe Lutz spoke on Monday. The mayor's campaign fundraiser, Tom Hale, sent over a list of donors."
    assert ("ADVISES", "Tom Hale", "Abe Lutz") in relations_of(text)


def test_a_deputy_or_a_staff_director_is_not_the_head() -> None:
    text = ("Deputy Police Commissioner Tom Hale, who retired last night, was also charged. "
            "Harbor Transit Authority director of communications Ida Cole is here to check the facts.")
    assert not relations_of_type(text, "LEADS")


def test_a_deputy_campaign_title_names_no_candidate() -> None:
    """"Lutz For America Deputy Campaign Manager X": "Deputy" is part of the title, not the owner of a campaign."""
    text = "Lutz For America Deputy Campaign Manager Ida Cole points us to Tom Hale, whose new book is out."
    assert not {k for k in relations_of(text) if k[0] == "ADVISES" and k[2] == "Deputy"}


def test_a_bare_titles_body_is_no_place_and_not_read_in_a_headline() -> None:
    """"Commissioner X ... ala the Y Stadium": a stadium is headed by no commissioner; in a Title-Case
    headline ("Harbor Ads Comes Clean; Commissioner Cole Calls Ad A Disgrace") the words are no sentence."""
    headline = ("Harbor Ads Comes Clean; Commissioner Cole Calls Ad A Disgrace\n\n"
                "The agency Harbor Ads apologized on Monday for the ad. Police Commissioner Ida Cole said it was a "
                "disgrace.")
    stadium = "Commissioner Dora Finch has said the league wants stadiums downtown, ala the Lakeside Savings Bank Stadium."
    assert relations_of_type(headline, "LEADS") == {
        ("LEADS", "Ida Cole", "New York City Police Department")}
    assert not relations_of_type(stadium, "LEADS")


def test_a_board_chairman_heads_the_body_his_sentence_names() -> None:
    """"Board Chairman X opposed it, saying the Port Authority ...": "Board" is no organization of its own."""
    text = "But Board Chairman Tom Hale opposed the move, saying the Harbor Port Authority would lose money."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Tom Hale", "Harbor Port Authority")}


def test_a_named_kind_of_union_is_not_the_last_organization() -> None:
    """"Correction union president X" after the Harbor Transit Authority: a correction union, not the authority."""
    text = ("The investigation into the Harbor Transit Authority has landed another big fish: Correction union "
            "president Tom Hale was arrested this morning.")
    assert not relations_of_type(text, "LEADS")


def test_a_function_for_an_organization_is_staff() -> None:
    text = "We reached out to Ida Cole, Executive Vice President of Communications for MLS, who said no."
    assert not relations_of_type(text, "LEADS")


def test_an_honorific_opening_an_organizations_name_leaves_it_an_organization() -> None:
    text = "Tom Hale, president of the Sergeant Benevolent Association (SBA), said it was wrong."
    assert ("LEADS", "Tom Hale", "Sergeant Benevolent Association") in relations_of(text)


def test_a_possessive_before_a_staff_title_names_the_principal() -> None:
    """"Romney's Finance Chairman" tagged as one organization: "Romney" is the candidate he advises."""
    text = "Paula Greer spoke on Monday. Tom Hale, who is Greer's Finance Chairman, responded to a question."
    assert ("ADVISES", "Tom Hale", "Paula Greer") in relations_of(text)


def test_a_city_agencys_known_title_names_the_agency() -> None:
    text = "Parks Commissioner Dora Finch said the pool would open. Health Commissioner Tom Hale warned about the heat."
    leads = relations_of_type(text, "LEADS")
    assert leads == {("LEADS", "Dora Finch", "New York City Department of Parks and Recreation"),
                     ("LEADS", "Tom Hale", "New York City Department of Health and Mental Hygiene")}


@pytest.mark.parametrize("text, leader, organization, role", [
    ("Dana Ruiz, founder and president of the Tarrow Valley Tenants Union, spoke on Monday.", "Dana Ruiz",
     "Tarrow Valley Tenants Union", "founder and president"),
    ("Critics cheered the fall of Harbor News founder and CEO Tom Hale last summer.", "Tom Hale", "Harbor News",
     "founder and ceo"),
    ("Harbor Transit Authority Chairman and CEO Ida Cole said the trains would run.", "Ida Cole",
     "Harbor Transit Authority", "chairman and ceo"),
])
def test_two_titles_joined_by_and_are_one_role(text: str, leader: str, organization: str, role: str) -> None:
    edge = relations_of(text).get(("LEADS", leader, organization))
    assert edge is not None and (edge.get("current"), edge.get("role")) == (True, role)


def test_a_council_members_spokeswoman_is_government_staff() -> None:
    text = 'Council Member Abe Lutz wants more bike lanes. "We will fight," said Lutz spokeswoman Ida Cole.'
    assert not relations_of_type(text, "ADVISES")


def test_a_commissions_commissioner_is_one_of_its_members() -> None:
    text = ("Harbor Taxi Commission Commissioner Tom Hale voted against the plan. "
            "Harbor Taxi Commission Chairman Ida Cole voted for it.")
    assert relations_of_type(text, "LEADS") == {("LEADS", "Ida Cole", "Harbor Taxi Commission")}


def test_parks_named_alone_is_the_citys_parks_department() -> None:
    """"Parks spokesman X": the department's spokesman, not an adviser of someone named Parks."""
    text = '"The hours remain in effect," said Parks spokesman Tom Hale in a statement.'
    assert not relations_of_type(text, "ADVISES")


def test_a_body_named_for_people_in_the_possessive_keeps_its_whole_name() -> None:
    """"Correction Officer's Benevolent Association president X" leads the whole body, not "Benevolent Association"."""
    text = "Lakeport County Correction Officer's Benevolent Association president Dana Kirby opposed the plan."
    assert relations_of_type(text, "LEADS") == \
        {("LEADS", "Dana Kirby", "Lakeport County Correction Officer's Benevolent Association")}


def test_a_company_named_with_its_possessive_keeps_it() -> None:
    """"Harlow's will close": the "'s" is the name's, so "Harlow's President X" leads "Harlow's"."""
    text = "Harlow's will close 40 stores next year. Harlow's President Dana Kirby announced the cuts."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Dana Kirby", "Harlow's")}


def test_an_organization_before_the_word_group_is_the_group_led() -> None:
    """"the head of the X group": X is the group, not a word modifying what is led."""
    text = "Bob Marino, the head of the Lakeport Council of Dog Owners group, told the paper the park is safe."
    assert ("LEADS", "Bob Marino", "Lakeport Council of Dog Owners") in relations_of(text)


@pytest.mark.parametrize("text, leader, party", [
    ("Congressman Tom Hale, the Queens County Democratic boss, backed Abe Lutz.", "Tom Hale", "Queens County Democratic Party"),
    ("The nonprofit was founded by Democratic Brooklyn party boss Tom Hale in 1980.", "Tom Hale", "Brooklyn Democratic Party"),
    ("New York State Republican chairman Tom Hale backed Abe Lutz.", "Tom Hale", "New York State Republican Party"),
])
def test_a_places_party_is_named_by_its_leaders_title(text: str, leader: str, party: str) -> None:
    """"the Queens County Democratic boss": a county's party, not the Democratic Party."""
    assert relations_of_type(text, "LEADS") == {("LEADS", leader, party)}


def test_a_legislatures_party_leader_leads_no_county_party() -> None:
    assert not {k for k in relations_of("Senate Democratic leader Tom Hale backed Abe Lutz.") if k[0] == "LEADS"}


def test_joining_an_organization_as_its_head_leads_it() -> None:
    assert ("LEADS", "Tom Hale", "Vextra Inc.") in relations_of("Tom Hale joined Vextra Inc. as its president in 2010.")
    assert not {k for k in relations_of("Tom Hale joined Vextra Inc. as a consultant in 2010.") if k[0] == "LEADS"}


@pytest.mark.parametrize("text, owner, business, current", [
    ("Tom Hale, who owns the Vextra Corporation, gave money to the campaign.", "Tom Hale", "Vextra Corporation", True),
    ("Ida Cole co-owns the popular Harbor Bakery Company with her brother.", "Ida Cole", "Harbor Bakery Company", True),
    ("Tom Hale, who owned the Vextra Corporation until 2009, gave money.", "Tom Hale", "Vextra Corporation", False),
])
def test_an_owner_of_a_business_leads_it(text: str, owner: str, business: str, current: bool) -> None:
    edge = relations_of(text).get(("LEADS", owner, business))
    assert edge is not None and edge["current"] is current


def test_owning_something_near_a_business_is_not_leading_it() -> None:
    text = "Tom Hale, who owns a house near the Vextra Corporation, gave money."
    assert not relations_of_type(text, "LEADS")


@pytest.mark.parametrize("text, organization", [
    ("Harlow Ed CEO Tom Hale said the rates would rise.", "Harlow Ed"),
    ("Brennan Lutz head Tom Hale said no.", "Brennan Lutz"),
    ("Brennan Lutz won the contract in May. Brennan Lutz head Tom Hale said the work starts soon.", "Brennan Lutz"),
])
def test_a_name_before_a_heads_title_and_a_person_is_the_body_they_head(text: str, organization: str) -> None:
    """The model reads some firms as people ("Con Ed CEO X"); the title and the second name say it is a body."""
    assert relations_of_type(text, "LEADS") == {("LEADS", "Tom Hale", organization)}


def test_a_person_the_article_names_is_no_body_before_a_title() -> None:
    text = "Abe Lutz won the primary on Tuesday. Lutz president Tom Hale cheered."
    assert not relations_of_type(text, "LEADS")


@pytest.mark.parametrize("text", [
    '"We won," said [Harbor Union president] Tom Hale on Monday.',
    '"We won," said [Harbor Union president Tom] Hale on Monday.',
])
def test_an_editors_brackets_read_as_the_words_they_hold(text: str) -> None:
    """An insertion in a quote ("[Success Academy CEO] X") is read with the words around it, one name kept whole."""
    assert relations_of_type(text, "LEADS") == {("LEADS", "Tom Hale", "Harbor Union")}


@pytest.mark.parametrize("text", [
    "Mayor Abe Lutz hired Tom Hale, a veteran operative, to run his campaign.",
    "Ida Cole criticized Abe Lutz's hiring of Harbor Bank president Tom Hale to run his campaign.",
    "Tom Hale left the state job in 2014 to run Abe Lutz's re-election campaign.",
    "Abe Lutz spoke on Monday. The plan was devised by Lutz campaign chief executive Tom Hale.",
])
def test_who_runs_a_campaign_advises_its_candidate(text: str) -> None:
    edge = relations_of(text).get(("ADVISES", "Tom Hale", "Abe Lutz"))
    assert edge is not None and edge["role"] in ("campaign manager", "campaign chief executive")


def test_running_against_a_campaign_advises_no_one() -> None:
    assert not relations_of_type("Tom Hale, who ran against Abe Lutz's campaign, declined to comment.", "ADVISES")


def test_a_relative_clause_after_a_describing_noun_is_said_of_the_name() -> None:
    """"X, a former Democrat who ran on the Green Party line": X ran, not "Democrat"."""
    text = "Ida Cole, a former Democrat who ran on the Green Party line, drew votes from Abe Lutz."
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Green Party", "Ida Cole")}


def test_the_members_of_a_candidates_team_advise_the_candidate() -> None:
    """The candidate is known by the article's "Lutz campaign"; the team's members are described, not titled."""
    text = ("Abe Lutz spoke. The Lutz campaign spent heavily. Lutz's team, which includes Harbor Bank CEO Tom Hale, "
            "the pollster Ida Cole and Sam Orr, met on Monday.")
    advisers = relations_of_type(text, "ADVISES")
    assert advisers == {("ADVISES", name, "Abe Lutz") for name in ("Tom Hale", "Ida Cole", "Sam Orr")}


def test_a_team_of_someone_no_article_calls_a_politician_advises_no_one() -> None:
    assert not relations_of_type("Abe Lutz's team, which includes Tom Hale and Ida Cole, won the league.", "ADVISES")


def test_a_proud_supporter_endorses() -> None:
    text = "Senator Abe Lutz spoke. Ida Cole said she was a proud supporter of Abe Lutz."
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Ida Cole", "Abe Lutz")}


def test_a_name_that_opens_with_a_list_keeps_its_commas() -> None:
    text = '"We won," said the Hotel, Motel and Diner Employees Union president Tom Hale.'
    assert relations_of_type(text, "LEADS") == {("LEADS", "Tom Hale", "Hotel, Motel and Diner Employees Union")}


@pytest.mark.parametrize("text", [
    "Governor Ida Cole campaigned in Ohio on Abe Lutz's behalf.",
    "During an appearance in Ohio on Abe Lutz's behalf yesterday, Gov. Ida Cole said he would win.",
    "Ida Cole passionately advocated for Senator Abe Lutz at the convention.",
    'Senator Abe Lutz spoke. Ida Cole said she was a "proud supporter of Abe Lutz" all along.',
])
def test_campaigning_on_a_politicians_behalf_endorses_them(text: str) -> None:
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Ida Cole", "Abe Lutz")}


def test_advocating_for_a_company_endorses_no_one() -> None:
    assert not relations_of_type("Ida Cole advocated for the Harbor Bank at the hearing.", "ENDORSED")


def test_a_party_choosing_its_candidate_endorses_them() -> None:
    text = "The Harbor Party formally selected Ida Cole as its preferred candidate for governor."
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Harbor Party", "Ida Cole")}


def test_a_partys_chapter_in_a_state_is_named_with_the_state() -> None:
    text = "Tom Hale, chairman of the Democratic Party in New Jersey, spoke."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Tom Hale", "Democratic Party in New Jersey")}


@pytest.mark.parametrize("text", [
    "Tom Hale wrote plays about race and managed the presidential campaign of Abe Lutz, the first to run.",
    "Senator Abe Lutz spoke. Lutz's campaign attorney, Tom Hale, said the filing was late.",
])
def test_a_campaigns_manager_or_lawyer_advises_its_candidate(text: str) -> None:
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Tom Hale", "Abe Lutz")}


def test_supported_by_in_the_passive_is_an_endorsement() -> None:
    text = "Abe Lutz was supported by state GOP Chairman Tom Hale."
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Tom Hale", "Abe Lutz")}


def test_a_name_after_a_describing_noun_is_an_organization() -> None:
    """The model reads "Hugo Neu" as a work of art; "firm" before it says it is a firm."""
    text = "Wendy Neu, CEO of electronics recycling firm Hugo Neu, said no."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Wendy Neu", "Hugo Neu")}


@pytest.mark.parametrize("text", [
    "Senator Abe Lutz spoke. Ida Cole, a top Lutz adviser, said no.",
    "Senator Abe Lutz spoke. Ida Cole, Lutz's senior adviser, said no.",
    "Senator Abe Lutz spoke. Ida Cole is a longtime Lutz strategist.",
])
def test_a_candidates_adviser_named_by_the_candidates_name(text: str) -> None:
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Ida Cole", "Abe Lutz")}


def test_a_candidates_neighbor_advises_no_one() -> None:
    assert not relations_of_type("Senator Abe Lutz spoke. Ida Cole, a Lutz neighbor, said no.", "ADVISES")


def test_a_candidates_press_officer_advises_and_a_mayors_does_not() -> None:
    assert relations_of_type("Candidate Abe Lutz spoke. Lutz's press officer, Tom Hale, said no.", "ADVISES") == {
        ("ADVISES", "Tom Hale", "Abe Lutz")}
    assert not relations_of_type("Mayor Abe Lutz spoke. Lutz's press officer, Tom Hale, said no.", "ADVISES")


@pytest.mark.parametrize("text", [
    "Harbor Port Authority commissioner Tom Hale wants to be mayor.",
    "They tried to rid the chamber of Senate Secretary Tom Hale.",
])
def test_a_boards_commissioner_and_a_chambers_secretary_lead_nothing(text: str) -> None:
    assert not relations_of_type(text, "LEADS")


def test_a_titled_surname_is_not_the_relative_named_in_full() -> None:
    """"his wife Ann Lutz" is the only Lutz named in full; "Mayor Lutz" is someone else."""
    text = "The mayor came with his wife Ann Lutz on Monday. Mayor Lutz's advisers Tom Hale and Ida Cole agreed."
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Tom Hale", "Lutz"), ("ADVISES", "Ida Cole", "Lutz")}


@pytest.mark.parametrize("text, advises", [
    ("Tom Hale, who worked for the Abe Lutz campaign, declined to comment.", True),
    ("Tom Hale worked on Abe Lutz's campaign to ban plastic bags.", False),
])
def test_working_on_a_candidates_campaign_advises_them(text: str, advises: bool) -> None:
    assert (("ADVISES", "Tom Hale", "Abe Lutz") in relations_of(text)) is advises


def test_title_case_party_labels_in_a_contest_are_nominations() -> None:
    """"Green Party Presidential Candidate X": the race word and the label are no part of either name."""
    text = ("Police escorted Green Party Presidential Candidate Ida Cole off the campus. Cole, along with "
            "Harbor Party Candidate Tom Hale, was not invited to the debate. Ida spoke later.")
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Green Party", "Ida Cole"),
                                                   ("ENDORSED", "Harbor Party", "Tom Hale")}


def test_serving_in_a_campaigns_role_advises_its_candidate() -> None:
    text = "Among them is Tom Hale, the developer who serves as finance chairman in Abe Lutz's campaign for governor."
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Tom Hale", "Abe Lutz")}


@pytest.mark.parametrize("text, advises", [
    ("Republican nominee Abe Lutz spoke. Former Lutz spokesperson Tom Hale said no.", True),
    ("Mayor Abe Lutz spoke. Former Lutz spokesperson Tom Hale said no.", False),
])
def test_a_former_spokesperson_of_a_candidate_with_no_office_was_campaign_staff(text: str, advises: bool) -> None:
    assert (("ADVISES", "Tom Hale", "Abe Lutz") in relations_of(text)) is advises


def test_an_aside_between_a_title_and_its_holder() -> None:
    text = "Harbor Union president (and the current mayoral frontrunner) Dora Finch spoke."
    assert relations_of_type(text, "LEADS") == {("LEADS", "Dora Finch", "Harbor Union")}


def test_a_tenure_word_opening_a_sentence_is_no_part_of_a_name() -> None:
    """"Longtime Lutz supporter Ida Cole": Lutz is Abe Lutz, not a person called "Longtime Lutz"."""
    text = "Abe Lutz spoke. Longtime Lutz supporter Ida Cole cheered."
    assert relations_of_type(text, "ENDORSED") == {("ENDORSED", "Ida Cole", "Abe Lutz")}


def test_a_shared_surname_owning_a_campaign_is_the_candidate_the_graph_knows() -> None:
    """Ida and Abe Lutz both named in full, neither called a candidate here: "Lutz campaign manager X" is
    the Lutz an earlier article made a candidate."""
    graph = kg.new_graph()
    first = Article(id="a.txt", source="a.txt", text="Mayoral candidate Abe Lutz was endorsed by the Plumbers Union.")
    kg.apply_batch(graph, extract([first], graph, "a.txt"))
    second = Article(id="b.txt", source="b.txt", text=(
        "Ida Lutz spoke at the gala. Abe Lutz and Ida Lutz arrived late. "
        "Lutz campaign manager Tom Hale said the gala went well."))
    kg.apply_batch(graph, extract([second], graph, "b.txt"))
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    advises = {(names[s], names[t]) for s, t, d in graph.edges(data=True) if d["type"] == "ADVISES"}
    assert advises == {("Tom Hale", "Abe Lutz")}


def test_a_former_police_commissioner_headed_the_department_his_sentence_names() -> None:
    """The tenure word stands before the whole title ("former Police Commissioner X"), not before "Commissioner"."""
    text = '"The Lakeport Police Department will not tolerate violence," former Police Commissioner Tom Hale said.'
    assert relations_of(text)[("LEADS", "Tom Hale", "Lakeport Police Department")]["current"] is False


def test_a_schools_number_is_part_of_its_name() -> None:
    """"Intermediate School 194 principal X" leads that school, not "Intermediate School"; "P.S. 21" is one."""
    assert set(relations_of("Intermediate School 194 principal Ana Ortiz said the doors stay open.")) == {
        ("LEADS", "Ana Ortiz", "Intermediate School 194")}
    assert set(relations_of("Ana Ortiz, the principal of P.S. 21, said the doors stay open.")) == {
        ("LEADS", "Ana Ortiz", "P.S. 21")}


def test_a_word_in_capitals_before_a_number_is_no_school() -> None:
    nlp = pipeline()
    assert [s.text for s in numbered_schools(nlp("Ana Ortiz runs IS 318 in Marlow."))] == ["IS 318"]
    assert not numbered_schools(nlp("THIS IS 2 MUCH, said Ana Ortiz on Monday."))


def test_a_title_after_a_title_is_no_person() -> None:
    """"Secretary Treasurer": the model's PERSON "Treasurer" is the rest of the title, and leads nothing."""
    assert set(relations_of("Hector Vale, who is Harbor Union Secretary Treasurer, said no.")) == {
        ("LEADS", "Hector Vale", "Harbor Union")}


def test_an_advisory_bodys_name_runs_on_to_the_body_it_advises() -> None:
    assert set(relations_of("Ida Vole, director of the Harbor Riders Advisory Council to the MTA, said the plan is vague.")) \
        == {("LEADS", "Ida Vole", "Harbor Riders Advisory Council to the MTA")}


def test_a_places_chapter_of_an_organization_is_led_not_the_organization() -> None:
    """"president of the Marlow chapter of the Harbor Arts League" leads the chapter, a body of its own."""
    assert set(relations_of("Ida Vole, president of the New Jersey chapter of the Harbor Arts League, said no.")) == {
        ("LEADS", "Ida Vole", "New Jersey chapter of the Harbor Arts League")}


@pytest.mark.parametrize("candidate, child, other", [("Abe Lutz", "Ida Lutz", "Tom Lutz"),
                                                     ("Carl van Horne", "Ida van Horne", "Tom van Horne")])
def test_a_shared_surname_is_the_candidate_the_article_names(candidate: str, child: str, other: str) -> None:
    """A candidate and his children named in full once each: the bare surname is the candidate."""
    surname = candidate.split(" ", 1)[1]
    text = (f"Mayoral candidate {candidate} came with his children, {child} and {other}. "
            f"The Plumbers Union endorsed {surname} on Monday.")
    assert endorsements(text) == {("Plumbers Union", candidate)}


def test_a_lines_first_word_is_no_sentence_of_its_own() -> None:
    """The parser, told where a line starts, ended a sentence after its first word ("Harbor | Fitness owner ...")."""
    text = "Towels Are Gone\n\nHarbor Fitness owner Dana Kirby made a big stink about new rules. She left.\n\nNo"
    assert [s.text.strip() for s in pipeline()(text).sents] == [
        "Towels Are Gone", "Harbor Fitness owner Dana Kirby made a big stink about new rules.", "She left.", "No"]
    assert set(relations_of(text)) == {("LEADS", "Dana Kirby", "Harbor Fitness")}


def test_he_after_someone_unnamed_is_no_one_named_before() -> None:
    """"There was a guy I talked to, he had supported X": he is the guy, not the last person named."""
    before = "Ed Marsh is running for mayor. Abe Lutz spoke on Monday. "
    assert not endorsements(before + "There was a guy I talked to on the flight, he had supported Ed Marsh.")
    assert endorsements(before + "A guy was there too. Later he said he had supported Ed Marsh.") == {
        ("Abe Lutz", "Ed Marsh")}                    # the unnamed one is in another sentence


def test_the_narrators_his_is_no_one_a_speaker_names() -> None:
    text = ('Abe Lutz won the primary for governor on Monday. "Ed Marsh is clearly frightened of us. Your time has '
            'come," said his campaign manager, Ida Cole.')
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Ida Cole", "Abe Lutz")}


@pytest.mark.parametrize("text, expected", [
    ('"I am proud to endorse Ed Marsh," Dora Finch told the press.', {("Dora Finch", "Ed Marsh")}),
    ('Dora Finch said: "I am supporting Ed Marsh for mayor."', {("Dora Finch", "Ed Marsh")}),
    ('Dora Finch told the press, "I\'m proud to throw my support behind Ed Marsh."', {("Dora Finch", "Ed Marsh")}),
    ('"We\'re endorsing Ed Marsh," the Plumbers Union said.', {("Plumbers Union", "Ed Marsh")}),
    ('"I\'m not endorsing Ed Marsh," Dora Finch said.', set()),
    ('"Tom Hale endorsed Ed Marsh," Dora Finch said.', set()),         # what a speaker says of someone else
    ('"I will never endorse Ed Marsh," Dora Finch said.', set()),
])
def test_a_speaker_endorses_in_the_first_person(text: str, expected: set) -> None:
    assert endorsements("Ed Marsh is running for mayor. " + text) == expected


@pytest.mark.parametrize("text, leader, organization", [
    ("The board confirmed the appointment of Ida Cole as head of the Harbor Transit Authority.", "Ida Cole",
     "Harbor Transit Authority"),                                          # "as" hangs on the name
    ("The governor named Ida Cole as chair of the Harbor Transit Authority.", "Ida Cole", "Harbor Transit Authority"),
    ("Vextra Holdings (run by developer Ida Cole) bought the lot.", "Ida Cole", "Vextra Holdings"),
    ("The Tenants Alliance, a group led by Ida Cole, marched on Monday.", "Ida Cole", "Tenants Alliance"),
])
def test_a_title_or_a_reduced_passive_says_who_leads(text: str, leader: str, organization: str) -> None:
    assert relations_of_type(text, "LEADS") == {("LEADS", leader, organization)}


def test_a_team_led_by_someone_in_a_game_is_no_leadership() -> None:
    assert not relations_of_type("The Harbor Hawks, led by Ida Cole's 30 points, won on Monday.", "LEADS")


def test_advising_a_campaign_advises_its_candidate() -> None:
    text = "Ed Marsh is running for mayor. Ida Cole, who has informally advised the Ed Marsh campaign, spoke."
    assert relations_of_type(text, "ADVISES") == {("ADVISES", "Ida Cole", "Ed Marsh")}


def test_his_spokeswoman_beside_a_name_is_the_candidates_not_the_names() -> None:
    said = " Ida Cole, his spokeswoman, said he would win."
    assert relations_of_type("Mayoral candidate Ed Marsh held a rally on Monday." + said, "ADVISES") == {
        ("ADVISES", "Ida Cole", "Ed Marsh")}
    assert not relations_of_type("Mayor Ed Marsh held a rally on Monday." + said, "ADVISES")   # government staff


def test_a_resignation_as_head_is_a_former_leadership() -> None:
    edges = relations_of("Ida Cole's resignation as chair of the Harbor Transit Authority surprised no one.")
    assert edges[("LEADS", "Ida Cole", "Harbor Transit Authority")]["current"] is False


def test_the_mayor_is_whom_the_article_titles_so_else_whom_its_headline_names() -> None:
    headline = "Paula Greer Faces A Budget Fight\n\nPaula Greer wants a bigger budget.\n\n"
    others = "Tom Hale, a developer, spoke on Monday. Tom Hale said the budget was too big. Then Tom Hale left.\n\n"
    said = "The mayor's campaign manager, Ida Cole, said the budget was fine."
    assert relations_of_type(headline + others + said, "ADVISES") == {("ADVISES", "Ida Cole", "Paula Greer")}
    titled = "Budget Fight\n\nMayor Abe Lutz wants a bigger budget.\n\n"
    assert relations_of_type(titled + others + said, "ADVISES") == {("ADVISES", "Ida Cole", "Abe Lutz")}


def test_a_name_given_only_with_its_particle_keeps_it_in_every_mention() -> None:
    """"de Blasio" is the whole name the post gives: "While de Blasio ..." is no person "Blasio"."""
    from endorsegraph.graph.names import NameIndex
    from endorsegraph.loaders.mentions import find_entities
    from endorsegraph.loaders.nlp import gazetteer
    doc = pipeline()("Mayor De Blasio Heads To Israel\n\nTonight, Mayor de Blasio will fly to Israel. While de Blasio "
                     "had planned a longer trip, he cut it short.\n\nA de Blasio spokeswoman, Ida Cole, said so.")
    found = find_entities(doc, gazetteer(()), NameIndex(kg.new_graph()))
    assert {doc[m.start:m.end].text for m in found.mentions if m.entity == "de Blasio" and m.explicit} == {
        "De Blasio", "Mayor de Blasio", "de Blasio"}


def test_a_type_no_relation_rests_on_does_not_hold_back_a_relation() -> None:
    """A name stored as an organization by an article that relates it to nothing yields to a later article
    whose relation needs it as a person; a type a relation rests on stands."""
    from endorsegraph.graph.model import Claim, Entity, Relation
    from endorsegraph.loaders.news import fits_known_types
    graph = kg.new_graph()
    kg.add_entity(graph, Entity("Abe Lutz", "Organization", "a.txt"))
    assert fits_known_types(graph, {}, "Abe Lutz", "Person", in_relation=True)
    assert not fits_known_types(graph, {}, "Abe Lutz", "Person")
    kg.add_entity(graph, Entity("Ida Cole", "Person", "a.txt"))
    kg.add_relation(graph, Relation("LEADS", "ida-cole", "abe-lutz", Claim("a.txt", "a.txt", "test")))
    assert not fits_known_types(graph, {}, "Abe Lutz", "Person", in_relation=True)


@pytest.mark.parametrize("text, expected", [
    ("Ed Marsh runs for mayor. Abe Lutz rubbed a statue for luck while campaigning for Ed Marsh in Ohio.",
     {("Abe Lutz", "Ed Marsh")}),                              # the subject two verbs up
    ("Ed Marsh runs for mayor. Former mayor Abe Lutz campaigned on behalf of Ed Marsh on Monday.",
     {("Abe Lutz", "Ed Marsh")}),
    ("Ed Marsh runs for mayor. Abe Lutz campaigned for a new park.", set()),
    ("Ed Marsh runs for mayor. Abe Lutz sings on Monday. He toured the state campaigning for Ed Marsh.",
     {("Abe Lutz", "Ed Marsh")}),
    ("Ed Marsh runs for mayor. Abe Lutz sings on Monday. He'll tour the state campaigning for Ed Marsh.", set()),
])
def test_campaigning_for_someone_supports_them(text: str, expected: set) -> None:
    assert endorsements(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"We will fight," said Rosa Alvarez, chairwoman of Harbor State Right To Parks.', {"Harbor State Right To Parks"}),
    ("The letter came from Rosa Alvarez, president of HarborLeadershipNow.", {"HarborLeadershipNow"}),
    ("Rosa Alvarez, chairwoman of the Marsh League's Tarrow Valley Owls, said no.", {"Tarrow Valley Owls"}),
    ("Rosa Alvarez, chairwoman of the Marsh Port Authority's Board of Governors, said no.", set()),
])
def test_a_head_title_leads_the_whole_name_it_governs(text: str, expected: set) -> None:
    """The organization after "<title> of" is read whole: capitalized "To", inner capitals, a possessed name;
    the chair of a body's board leads no "Board"."""
    assert {target for (kind, source, target) in relations_of(text) if kind == "LEADS" and source == "Rosa Alvarez"} == expected


def test_a_surname_several_people_share_is_the_headlined_one() -> None:
    """"Marsh" after Ada and Tom Marsh, each named once: the one the headline names in full."""
    text = ("Senator Ada Marsh, Harbor's Longtime Voice, Dies At 80\n"
            "Ada Marsh served four terms. Her brother Tom Marsh ran a bakery in Tarrow.\n"
            "In 2008, Marsh endorsed Abe Lutz for governor.")
    assert endorsements(text) == {("Ada Marsh", "Abe Lutz")}


def test_a_nickname_and_a_formal_name_of_one_surname_are_one_person() -> None:
    """"Ted Marsh" and "Edward M. Marsh" in one article: one person under the fullest formal name, so a bare
    "Marsh" is theirs; "Chris" is never short for two people of the article at once."""
    text = "Ted Marsh spoke on Monday. Edward M. Marsh spoke again on Tuesday. The Harbor Union endorsed Marsh."
    assert endorsements(text) == {("Harbor Union", "Edward M. Marsh")}
    shared = "Chris Marsh spoke. Christine Marsh and Christopher Marsh spoke too. The Harbor Union endorsed Marsh."
    assert endorsements(shared) == set()


@pytest.mark.parametrize("text, expected", [
    ("Tom Hale spoke on Monday. Last year he took over as chairman of the Marsh Society.",
     {("Tom Hale", "Marsh Society", True)}),                                  # the subject the pronoun stands for
    ("Ida Cole praised Tom Hale. She lauded his work as chairman of the Marsh Society.", set()),   # not hers
    ("Tom Hale mentored young lawyers as president of the Marsh Society.", {("Tom Hale", "Marsh Society", True)}),
    ("Mayor Abe Lutz hired a Harbor Transit Director on Monday (he used to serve as chair of the Marsh Society).",
     set()),                                                                  # "he" is the unnamed director
])
def test_a_title_after_as_belongs_to_the_subject_unless_the_object_is_someone_s(text: str, expected: set) -> None:
    """"he took over as chairman of Y": the pronoun subject holds the title; "lauded his work as chairman":
    the work's owner does, not the subject; an unnamed "a <title>" before "he" is whom it stands for."""
    assert {(s, t, d["current"]) for (kind, s, t), d in relations_of(text).items() if kind == "LEADS"} == expected


def test_a_gloss_adverb_hedges_an_endorsement_read_from_the_parse_too() -> None:
    """"but he basically endorses Y" glosses praise: neither the pattern nor the parse reads an endorsement."""
    assert endorsements("Ed Marsh is wary of endorsements, but he basically endorses Abe Lutz.") == set()
    assert endorsements("Ed Marsh is wary of endorsements, but he endorses Abe Lutz.") == {("Ed Marsh", "Abe Lutz")}


def test_a_surname_several_people_share_is_the_officeholder_s_when_one_is_titled() -> None:
    """"Marsh" after Ada, Tom and Governor Edna Marsh: the one the article names in full after an office."""
    text = ("Marsh Speaks Out\nAda Marsh and Tom Marsh ran a bakery in Tarrow. Governor Edna Marsh spoke on Monday. "
            "Marsh, who had supported Abe Lutz for president, spoke again.")
    assert endorsements(text) == {("Edna Marsh", "Abe Lutz")}


@pytest.mark.parametrize("text", ["The president of the Harbor League is Tom Hale.",
                                  "The Harbor League's president is Tom Hale.",
                                  "Harbor League director is Tom Hale."])
def test_a_title_the_subject_of_be_is_held_by_the_name_after_it(text: str) -> None:
    """"The president of Y is X": the title is the subject, its holder the name after "is"."""
    assert {(s, t) for (kind, s, t) in relations_of(text) if kind == "LEADS"} == {("Tom Hale", "Harbor League")}
    negated = text.replace(" is ", " is not ")
    assert not {(s, t) for (kind, s, t) in relations_of(negated) if kind == "LEADS"}


def test_a_titled_name_keeps_its_particles_and_is_not_merged_with_a_shorter_namesake() -> None:
    """"Councilwoman Maria del Carmen Arroyo" beside "Assemblywoman Carmen E. Arroyo": two people, whole names."""
    text = ("Assemblywoman Carmen E. Arroyo endorsed Abe Lutz. Her daughter, Councilwoman Maria del Carmen Arroyo, "
            "endorsed Dana Pike.")
    assert endorsements(text) == {("Carmen E. Arroyo", "Abe Lutz"), ("Maria del Carmen Arroyo", "Dana Pike")}
