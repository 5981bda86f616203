"""The vocabulary is data: every list in ``loaders/data/vocabulary.json`` has a note, is read, derives rather
than restates, and holds no word that nothing needs.

A word no gold text needs (seeds, fixtures, validation and archive sets) is kept only if real news uses it, and
then :data:`WORDS_NO_GOLD_TEXT_NEEDS` gives it a sentence of our own that reads differently without it: each
case below was checked to fail with its word alone removed from the data.
"""
from __future__ import annotations

import json

import pytest

from endorsegraph.graph import kg
from endorsegraph.loaders import vocabulary
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.news import extract
from endorsegraph.loaders.nlp import pipeline
from endorsegraph.loaders.spans import trim
from endorsegraph.loaders.vocabulary import ENTRIES, VocabularyError, read_entries, words


def test_every_entry_has_a_note_and_a_name_in_the_reader() -> None:
    for name, entry in ENTRIES.items():
        assert entry["note"].strip(), name
        assert hasattr(vocabulary, name), f"{name} is in the data but the reader gives it no name"


def test_derived_entries_follow_what_they_extend() -> None:
    assert vocabulary.HONORIFICS < vocabulary.TITLES
    assert vocabulary.ADVISER_WORDS < vocabulary.CAMPAIGN_STAFF
    assert vocabulary.ADVISER_WORDS < vocabulary.ROLE_WORDS
    assert "chief" in vocabulary.HEAD_TITLES and "chief" not in vocabulary.PREDICATED_TITLES
    assert not vocabulary.PREDICATED_ADVISER_ROLES & vocabulary.CAMPAIGN_ONLY_ROLES
    assert set(vocabulary.ORG_REFERENCES) < vocabulary.REFERRING_WORDS
    assert "Sgt." in vocabulary.TITLE_ABBREVIATIONS and "sgt" in vocabulary.TITLES


@pytest.mark.parametrize("entry, problem", [
    ({"words": ["a"]}, "needs a note"),
    ({"note": "n", "words": ["a", "a"]}, "listed twice"),
    ({"note": "n", "extends": ["BASE"], "words": ["x"]}, "already in what it extends"),
    ({"note": "n", "extends": ["BASE"], "minus": ["y"]}, "which it does not have"),
])
def test_a_malformed_entry_is_refused(monkeypatch, entry: dict, problem: str) -> None:
    monkeypatch.setattr(vocabulary, "ENTRIES", {"BASE": {"note": "n", "words": ["x"]}, "BAD": entry})
    if "note" not in entry:
        with pytest.raises(VocabularyError, match=problem):
            read_entries(json.dumps({"entries": {"BAD": entry}}))
        return
    words.cache_clear()
    try:
        with pytest.raises(VocabularyError, match=problem):
            words("BAD")
    finally:
        words.cache_clear()


# (entry, word, sentence, what the sentence states: ENDORSED and ADVISES as (type, source, target), LEADS as
# (type, holder, organization, current, role)). Names are invented.
WORDS_NO_GOLD_TEXT_NEEDS = [
    ("NAME_PARTICLES", "del", "Councilwoman Maria del Carmen Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Maria del Carmen Ruiz", "Abe Lutz")}),                 # not "Carmen Ruiz", someone else
    ("HEDGE_WORDS", "essentially", "Ed Marsh is wary of endorsements. He essentially endorsed Abe Lutz on Monday.",
     set()),                                                         # a writer's gloss, not an endorsement made
    ("LEADER_ROLES", "co-chairman", "Tom Hale, the Harbor Arts League's co-chairman, said no.",
     {("LEADS", "Tom Hale", "Harbor Arts League", True, "co-chairman")}),
    ("LEADER_ROLES", "co-chairwoman", "Ida Cole, the Harbor Arts League's co-chairwoman, said no.",
     {("LEADS", "Ida Cole", "Harbor Arts League", True, "co-chairwoman")}),
    ("LEAVING_NOUNS", "resignation", "Ida Cole's resignation as chair of the Harbor Transit Authority surprised no one.",
     {("LEADS", "Ida Cole", "Harbor Transit Authority", False, "chair")}),
    ("LEAVING_NOUNS", "retirement", "Ida Cole's retirement as chair of the Harbor Transit Authority surprised no one.",
     {("LEADS", "Ida Cole", "Harbor Transit Authority", False, "chair")}),
    ("LEAVING_NOUNS", "departure", "Ida Cole's departure as chair of the Harbor Transit Authority surprised no one.",
     {("LEADS", "Ida Cole", "Harbor Transit Authority", False, "chair")}),
    ("LEAVING_NOUNS", "ouster", "Ida Cole's ouster as chair of the Harbor Transit Authority surprised no one.",
     {("LEADS", "Ida Cole", "Harbor Transit Authority", False, "chair")}),
    ("SURNAME_KIN", "sister", "Ada Wojcik spoke on Monday. Wojcik's sister Dana is the president of the Harbor Arts League.",
     {("LEADS", "Dana Wojcik", "Harbor Arts League", True, "president")}),
    ("SURNAME_KIN", "brother", "Ada Wojcik spoke on Monday. Wojcik's brother Dana is the president of the Harbor Arts League.",
     {("LEADS", "Dana Wojcik", "Harbor Arts League", True, "president")}),
    ("SURNAME_KIN", "daughter", "Ada Wojcik spoke on Monday. Wojcik's daughter Dana is the president of the Harbor Arts League.",
     {("LEADS", "Dana Wojcik", "Harbor Arts League", True, "president")}),
    ("SURNAME_KIN", "son", "Ada Wojcik spoke on Monday. Wojcik's son Dana is the president of the Harbor Arts League.",
     {("LEADS", "Dana Wojcik", "Harbor Arts League", True, "president")}),
    ("SUPPORT_VERB_FORMS", "campaigned for", "Dana Ruiz campaigned for Abe Lutz across Queens on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("SUPPORT_VERB_FORMS", "campaigning for", "Dana Ruiz has been campaigning for Abe Lutz across Queens.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("SUPPORT_VERB_FORMS", "stumped for", "Dana Ruiz stumped for Abe Lutz across Queens on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("SUPPORT_VERB_FORMS", "stumping for", "Dana Ruiz was stumping for Abe Lutz across Queens on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("TITLES", "alderwoman", "Alderwoman Dana Ruiz endorsed Abe Lutz for mayor on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("REFERRING_TITLES", "congresswoman", "Abe Lutz spoke in Queens on Sunday. The congresswoman was endorsed by the "
                                          "Tarrow Valley Tenants Union on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REFERRING_TITLES", "councilwoman", "Abe Lutz spoke in Queens on Sunday. The councilwoman was endorsed by the "
                                         "Tarrow Valley Tenants Union on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("OFFICE_HOLDER_TITLES", "president", "Dana Ruiz, a longtime supporter of President Abe Lutz, spoke on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("OFFICE_HOLDER_TITLES", "commissioner", "Dana Ruiz, a longtime supporter of Commissioner Abe Lutz, spoke on "
                                             "Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("OFFICE_HOLDER_TITLES", "gov", "Dana Ruiz, a spokeswoman for Gov. Abe Lutz, said he would not comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "sen", "Dana Ruiz, a spokeswoman for Sen. Abe Lutz, said he would not comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "senator", "Dana Ruiz, a spokeswoman for Senator Abe Lutz, said he would not comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "rep", "Dana Ruiz, a spokeswoman for Rep. Abe Lutz, said he would not comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "congressman", "Dana Ruiz, a spokeswoman for Congressman Abe Lutz, said he would not "
                                            "comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "congresswoman", "Dana Ruiz, a spokeswoman for Congresswoman Abe Lutz, said he would "
                                              "not comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "councilman", "Dana Ruiz, a spokeswoman for Councilman Abe Lutz, said he would not "
                                           "comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "councilwoman", "Dana Ruiz, a spokeswoman for Councilwoman Abe Lutz, said he would not "
                                             "comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "assemblyman", "Dana Ruiz, a spokeswoman for Assemblyman Abe Lutz, said he would not "
                                            "comment.",
     set()),
    ("OFFICE_HOLDER_TITLES", "assemblywoman", "Dana Ruiz, a spokeswoman for Assemblywoman Abe Lutz, said he would "
                                              "not comment.",
     set()),
    ("OFFICE_TITLES", "senate president", "Tarrow Valley Senate President Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("CAMPAIGN_STAFF", "chairwoman", "Lutz campaign chairwoman Dana Ruiz said the union would decide soon.",
     {("ADVISES", "Dana Ruiz", "Lutz")}),
    ("CAMPAIGN_STAFF", "pollster", "Lutz campaign pollster Dana Ruiz said the union would decide soon.",
     {("ADVISES", "Dana Ruiz", "Lutz")}),
    ("TITLE_MODIFIERS", "managing", "Tarrow Valley Tenants Union Managing Director Dana Ruiz spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "managing director")}),
    ("TITLE_MODIFIERS", "acting", "Tarrow Valley Tenants Union Acting Director Dana Ruiz spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "director")}),
    ("TENURE_WORDS", "acting", "Acting Tarrow Valley Tenants Union Chair Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz"), ("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chair")}),
    ("TENURE_WORDS", "outgoing", "Outgoing Tarrow Valley Tenants Union Chair Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz"), ("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chair")}),
    ("TENURE_WORDS", "incoming", "Incoming Tarrow Valley Tenants Union Chair Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz"), ("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chair")}),
    ("TENURE_WORDS", "former", "Former Tarrow Valley Tenants Union Chair Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz"), ("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chair")}),
    ("STAFF_FUNCTIONS", "athletic", "When tapes were reviewed by Athletic Director Dana Ruiz, he acted at once.",
     set()),
    ("STAFF_FUNCTIONS", "athletics", "The school's Athletics Director Dana Ruiz said, \"I am responsible.\"",
     set()),
    ("STAFF_FUNCTIONS", "political", "Tarrow Valley Tenants Union Political Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "organizing", "Tarrow Valley Tenants Union Organizing Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "field", "Tarrow Valley Tenants Union Field Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "programs", "Tarrow Valley Tenants Union Programs Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "digital", "Tarrow Valley Tenants Union Digital Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "media", "Tarrow Valley Tenants Union Media Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "marketing", "Tarrow Valley Tenants Union Marketing Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "assistant", "Tarrow Valley Tenants Union Assistant Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "associate", "Tarrow Valley Tenants Union Associate Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "legal", "Tarrow Valley Tenants Union Legal Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "outreach", "Tarrow Valley Tenants Union Outreach Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "public", "Tarrow Valley Tenants Union Public Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "government", "Tarrow Valley Tenants Union Government Director Dana Ruiz spoke on Monday.",
     set()),
    ("STAFF_FUNCTIONS", "external", "Tarrow Valley Tenants Union External Director Dana Ruiz spoke on Monday.",
     set()),
    ("LEADER_ROLES", "state party chair", "Dana Ruiz, state party chair of the Tarrow Valley Tenants Union, spoke on "
                                          "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "state party chair")}),
    ("LEADER_ROLES", "state chair", "Dana Ruiz, state chair of the Tarrow Valley Tenants Union, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "state chair")}),
    ("LEADER_ROLES", "national president", "Dana Ruiz, national president of the Tarrow Valley Tenants Union, spoke "
                                           "on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "national president")}),
    ("LEADER_ROLES", "national chairman", "Dana Ruiz, national chairman of the Tarrow Valley Tenants Union, spoke on "
                                          "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "national chairman")}),
    ("LEADER_ROLES", "national chair", "Dana Ruiz, national chair of the Tarrow Valley Tenants Union, spoke on "
                                       "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "national chair")}),
    ("LEADER_ROLES", "financial secretary", "Dana Ruiz, financial secretary of the Tarrow Valley Tenants Union, "
                                            "spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "financial secretary")}),
    ("LEADER_ROLES", "recording secretary", "Dana Ruiz, recording secretary of the Tarrow Valley Tenants Union, "
                                            "spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "recording secretary")}),
    ("LEADER_ROLES", "managing director", "Dana Ruiz, managing director of the Tarrow Valley Tenants Union, spoke on "
                                          "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "managing director")}),
    ("LEADER_ROLES", "police commissioner", "Dana Ruiz, police commissioner of the Harbor City Police Department, "
                                            "spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Harbor City Police Department", True, "police commissioner")}),
    ("LEADER_ROLES", "publisher", "Dana Ruiz, publisher of the Harbor Ledger, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Harbor Ledger", True, "publisher")}),
    ("LEADER_ROLES", "vice chair", "Dana Ruiz, vice chair of the Tarrow Valley Tenants Union, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "vice chair")}),
    ("LEADER_ROLES", "vice chairwoman", "Dana Ruiz, vice chairwoman of the Tarrow Valley Tenants Union, spoke on "
                                        "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "vice chairwoman")}),
    ("LEADER_ROLES", "chief executive officer", "Dana Ruiz, chief executive officer of the Tarrow Valley Tenants "
                                                "Union, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chief executive officer")}),
    ("LEADER_ROLES", "chairperson", "Dana Ruiz, chairperson of the Tarrow Valley Tenants Union, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chairperson")}),
    ("LEADER_ROLES", "general secretary", "Dana Ruiz, general secretary of the Tarrow Valley Tenants Union, spoke on "
                                          "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "general secretary")}),
    ("LEADER_ROLES", "secretary general", "Dana Ruiz, secretary general of the Tarrow Valley Tenants Union, spoke on "
                                          "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "secretary general")}),
    ("LEADER_ROLES", "treasurer", "Dana Ruiz, treasurer of the Tarrow Valley Tenants Union, spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "treasurer")}),
    ("ADVISER_ROLES", "policy director", "Dana Ruiz, a policy director for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "surrogate", "Dana Ruiz, a surrogate for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "speechwriter", "Dana Ruiz, a speechwriter for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "finance chairwoman", "Dana Ruiz, a finance chairwoman for the Abe Lutz campaign, spoke on "
                                            "Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "finance chair", "Dana Ruiz, a finance chair for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "political director", "Dana Ruiz, a political director for the Abe Lutz campaign, spoke on "
                                            "Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "field director", "Dana Ruiz, a field director for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("ADVISER_ROLES", "digital director", "Dana Ruiz, a digital director for the Abe Lutz campaign, spoke on Monday.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("CAMPAIGN_ONLY_ROLES", "policy director", "Dana Ruiz, a policy director for Mayor Abe Lutz, spoke on Monday.",
     set()),
    ("CAMPAIGN_ONLY_ROLES", "speechwriter", "Dana Ruiz, a speechwriter for Mayor Abe Lutz, spoke on Monday.",
     set()),
    ("ADVISER_HEADS", "advisor", "Dana Ruiz became Abe Lutz's media advisor in March.",
     {("ADVISES", "Dana Ruiz", "Abe Lutz")}),
    ("FORMER_WORDS", "onetime", "Dana Ruiz, the onetime president of the Tarrow Valley Tenants Union, spoke on "
                                "Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "president")}),
    ("CURRENT_WORDS", "newly elected", "Dana Ruiz, the newly elected president of the Tarrow Valley Tenants Union, "
                                       "spoke on Monday.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "president")}),
    ("LEAVING_LEMMAS", "step", "Dana Ruiz stepped down as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "lose", "Dana Ruiz lost her job as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "leave", "Dana Ruiz left her job as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "quit", "Dana Ruiz quit her job as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "retire", "Dana Ruiz retired as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "oust", "Dana Ruiz was ousted as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "fire", "Dana Ruiz was fired as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "force", "Dana Ruiz was forced out as chairwoman of the Tarrow Valley Tenants Union last "
                                "year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("LEAVING_LEMMAS", "remove", "Dana Ruiz was removed as chairwoman of the Tarrow Valley Tenants Union last year.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", False, "chairwoman")}),
    ("ROLE_NOUNS", "role", "Dana Ruiz began her role as chairwoman of the Tarrow Valley Tenants Union in May.",
     {("LEADS", "Dana Ruiz", "Tarrow Valley Tenants Union", True, "chairwoman")}),
    ("UNIT_WORDS", "lodge", "Machinists Lodge 12 endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Machinists Lodge 12", "Abe Lutz")}),
    ("CHAPTER_WORDS", "branch", "The Queens branch of the Tarrow Valley Tenants Union endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Queens branch of the Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CHAPTER_WORDS", "affiliate", "The Queens affiliate of the Tarrow Valley Tenants Union endorsed Abe Lutz on "
                                   "Monday.",
     {("ENDORSED", "Queens affiliate of the Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CHAPTER_WORDS", "division", "The Queens division of the Tarrow Valley Tenants Union endorsed Abe Lutz on "
                                  "Monday.",
     {("ENDORSED", "Queens division of the Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CHAPTER_WORDS", "wing", "The Queens wing of the Tarrow Valley Tenants Union endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Queens wing of the Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("GENERIC_ORGS", "committee", "The Committee endorsed Abe Lutz on Monday.",
     set()),
    ("GENERIC_ORGS", "party", "The Party endorsed Abe Lutz on Monday.",
     set()),
    ("GENERIC_BODIES", "city", "City Commissioner Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("GENERIC_BODIES", "county", "County Commissioner Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("GENERIC_BODIES", "federal", "Federal Commissioner Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("GENERIC_BODIES", "school", "School Commissioner Dana Ruiz endorsed Abe Lutz on Monday.",
     {("ENDORSED", "Dana Ruiz", "Abe Lutz")}),
    ("RACE_WORDS", "assembly", "Green Party assembly candidate Dana Ruiz and Republican assembly candidate Abe Lutz "
                               "debated on Monday.",
     {("ENDORSED", "Green Party", "Dana Ruiz"), ("ENDORSED", "Republican Party", "Abe Lutz")}),
    ("RACE_WORDS", "comptroller", "Green Party comptroller candidate Dana Ruiz and Republican comptroller candidate "
                                  "Abe Lutz debated on Monday.",
     {("ENDORSED", "Green Party", "Dana Ruiz"), ("ENDORSED", "Republican Party", "Abe Lutz")}),
    ("RACE_WORDS", "judicial", "Green Party judicial candidate Dana Ruiz and Republican judicial candidate Abe Lutz "
                               "debated on Monday.",
     {("ENDORSED", "Green Party", "Dana Ruiz"), ("ENDORSED", "Republican Party", "Abe Lutz")}),
    ("RACE_WORDS", "county", "Green Party county candidate Dana Ruiz and Republican county candidate Abe Lutz "
                             "debated on Monday.",
     {("ENDORSED", "Green Party", "Dana Ruiz"), ("ENDORSED", "Republican Party", "Abe Lutz")}),
    ("RACE_WORDS", "borough", "Green Party borough candidate Dana Ruiz and Republican borough candidate Abe Lutz "
                              "debated on Monday.",
     {("ENDORSED", "Green Party", "Dana Ruiz"), ("ENDORSED", "Republican Party", "Abe Lutz")}),
    ("ENDORSE_VERB_FORMS", "recommended", "The Tarrow Valley Tenants Union recommended Abe Lutz for mayor.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("ENDORSE_VERB_FORMS", "recommends", "The Tarrow Valley Tenants Union recommends Abe Lutz for mayor.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("ENDORSE_VERB_FORMS", "recommending", "The Tarrow Valley Tenants Union is recommending Abe Lutz for mayor.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "re-election", "The Tarrow Valley Tenants Union endorsed Abe Lutz's re-election on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "reelection", "The Tarrow Valley Tenants Union endorsed Abe Lutz's reelection on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "gubernatorial", "The Tarrow Valley Tenants Union endorsed Abe Lutz's gubernatorial effort "
                                         "on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "mayoral", "The Tarrow Valley Tenants Union endorsed Abe Lutz's mayoral effort on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "run", "The Tarrow Valley Tenants Union endorsed Abe Lutz's run for mayor on Monday.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("CANDIDACY_WORDS", "campaigns", "The Tarrow Valley Tenants Union endorsed Abe Lutz's campaigns for mayor and "
                                     "governor.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("GERUND_PREPOSITIONS", "after", "The Tarrow Valley Tenants Union surprised its members after endorsing Abe "
                                     "Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("GERUND_PREPOSITIONS", "before", "The Tarrow Valley Tenants Union surprised its members before endorsing Abe "
                                      "Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("GERUND_PREPOSITIONS", "upon", "The Tarrow Valley Tenants Union surprised its members upon endorsing Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("GERUND_PREPOSITIONS", "in", "The Tarrow Valley Tenants Union joined two other unions in endorsing Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "tell", "The Tarrow Valley Tenants Union told reporters that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "confirm", "The Tarrow Valley Tenants Union confirmed that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "decide", "The Tarrow Valley Tenants Union decided that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "vote", "The Tarrow Valley Tenants Union voted that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "agree", "The Tarrow Valley Tenants Union agreed that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "state", "The Tarrow Valley Tenants Union stated that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "declare", "The Tarrow Valley Tenants Union declared that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "write", "The Tarrow Valley Tenants Union wrote that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "report", "The Tarrow Valley Tenants Union reported that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "note", "The Tarrow Valley Tenants Union noted that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "reveal", "The Tarrow Valley Tenants Union revealed that it would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("REPORTING_VERBS", "learn", "Reporters learned that the Tarrow Valley Tenants Union would endorse Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MODAL_WORDS", "might", "The Tarrow Valley Tenants Union might endorse Abe Lutz.",
     set()),
    ("MODAL_WORDS", "may", "The Tarrow Valley Tenants Union may endorse Abe Lutz.",
     set()),
    ("MODAL_WORDS", "should", "The Tarrow Valley Tenants Union should endorse Abe Lutz.",
     set()),
    ("MODAL_WORDS", "shall", "The Tarrow Valley Tenants Union shall endorse Abe Lutz.",
     set()),
    ("MODAL_WORDS", "must", "The Tarrow Valley Tenants Union must endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "try", "The Tarrow Valley Tenants Union tried to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "seek", "The Tarrow Valley Tenants Union seeks to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "intend", "The Tarrow Valley Tenants Union intends to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "urge", "The Tarrow Valley Tenants Union was urged to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "pressure", "The Tarrow Valley Tenants Union was pressured to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "lobby", "The Tarrow Valley Tenants Union was lobbied to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "mull", "The Tarrow Valley Tenants Union mulled endorsing Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "debate", "The Tarrow Valley Tenants Union debated endorsing Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "threaten", "The Tarrow Valley Tenants Union threatened to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "aim", "The Tarrow Valley Tenants Union aims to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "wish", "The Tarrow Valley Tenants Union wishes to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "fail", "The Tarrow Valley Tenants Union failed to endorse Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "reject", "The Tarrow Valley Tenants Union rejected endorsing Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "deny", "The Tarrow Valley Tenants Union denied endorsing Abe Lutz.",
     set()),
    ("HEDGE_VERBS", "rumor", "The Tarrow Valley Tenants Union was rumored to endorse Abe Lutz.",
     set()),
    ("HEDGE_WORDS", "unlikely", "The Tarrow Valley Tenants Union is unlikely to endorse Abe Lutz.",
     set()),
    ("ADVISER_ROLES", "finance director", "Abe Lutz's campaign also announced it had hired Ann Rudd as finance director.",
     {("ADVISES", "Ann Rudd", "Abe Lutz")}),
    ("REFERRING_WORDS", "campaign", 'Abe Lutz is running for mayor. "We are confident," said Ann Rudd, a spokeswoman '
                                    'for the campaign.',
     {("ADVISES", "Ann Rudd", "Abe Lutz")}),
    ("TITLED_REFERENCES", "president", "President Ida Cole met Abe Lutz in Queens on Sunday. Abe Lutz spoke again "
                                       "later. The president endorsed Dana Ruiz on Monday.",
     {("ENDORSED", "Ida Cole", "Dana Ruiz")}),
    ("MEMBER_BODIES", "delegates", "Delegates of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "members", "Members of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "leaders", "Leaders of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "board", "The board of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "leadership", "The leadership of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "membership", "The membership of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("MEMBER_BODIES", "officers", "Officers of the Tarrow Valley Tenants Union, meeting in Albany on Saturday, endorsed "
                             "Abe Lutz.",
     {("ENDORSED", "Tarrow Valley Tenants Union", "Abe Lutz")}),
    ("SHARED_TITLES", "director", "Tom Hale, a former Harbor Arts League director, was arrested on Monday.", set()),
    ("TITLES", "inspector", "Here Harbor Sanitation Department Chief Inspector Dora Finch examines a plant.", set()),
    ("GENERIC_ORGS", "university", "\"We agree,\" said University President Tom Hale on Monday.", set()),
    ("GENERIC_ORGS", "college", "\"We agree,\" said College President Tom Hale on Monday.", set()),
    ("LEADER_ROLES", "co-director", "\"It is a hard case,\" said Harbor Tenants Union co-director Tom Hale in a statement.",
     {("LEADS", "Tom Hale", "Harbor Tenants Union", True, "co-director")}),
    ("ORG_REFERENCES", "university", "The speech was at Harbor State University on Monday. And University President Tom "
                                     "Hale said he was proud.",
     {("LEADS", "Tom Hale", "Harbor State University", True, "president")}),
    ("ORG_REFERENCES", "college", "The speech was at Lakeside College on Monday. And College President Tom Hale said he "
                                  "was proud.",
     {("LEADS", "Tom Hale", "Lakeside College", True, "president")}),
    ("KIND_WORDS", "authority", "The Harbor Housing Authority faces a lawsuit over the fire. Union president Tom Hale said the "
                          "members want the teen to pay.", set()),
    ("KIND_WORDS", "agency", "The Harbor Transit Agency faces a lawsuit over the fire. Union president Tom Hale said the "
                          "members want the teen to pay.", set()),
    ("KIND_WORDS", "commission", "The Harbor Taxi Commission faces a lawsuit over the fire. Union president Tom Hale said the "
                          "members want the teen to pay.", set()),
    ("UNSETTLED_WORDS", "likely", "Ed Marsh attacked the likely Republican presidential nominee Abe Lutz on Monday.", set()),
    ("UNSETTLED_WORDS", "presumptive", "Ed Marsh attacked the presumptive Republican presidential nominee Abe Lutz on Monday.", set()),
    ("UNSETTLED_WORDS", "probable", "Ed Marsh attacked the probable Republican presidential nominee Abe Lutz on Monday.", set()),
    ("UNSETTLED_WORDS", "potential", "Ed Marsh attacked the potential Republican presidential nominee Abe Lutz on Monday.", set()),
    ("POSTING_VERBS", "instagrammed", "City Council Speaker Dora Finch Instagrammed the photograph on Monday.",
     {("LEADS", "Dora Finch", "New York City Council", True, "speaker")}),
    ("POSTING_VERBS", "tweeted", "City Council Speaker Dora Finch Tweeted the photograph on Monday.",
     {("LEADS", "Dora Finch", "New York City Council", True, "speaker")}),
    ("POSTING_VERBS", "tweets", "City Council Speaker Dora Finch Tweets the photograph on Monday.",
     {("LEADS", "Dora Finch", "New York City Council", True, "speaker")}),
    ("LEADER_ROLES", "secretary treasurer", "Hector Vale, who is the Harbor Union's Secretary Treasurer, said no.",
     {("LEADS", "Hector Vale", "Harbor Union", True, "secretary treasurer")}),
    ("SPEAKER_PRONOUNS", "i", 'Ed Marsh is running for mayor. "I am proud to endorse Ed Marsh," Ida Cole said on Monday.',
     {("ENDORSED", "Ida Cole", "Ed Marsh")}),
    ("SPEAKER_PRONOUNS", "we", 'Ed Marsh is running for mayor. "We are proud to endorse Ed Marsh," the Plumbers Union '
                               'said on Monday.', {("ENDORSED", "Plumbers Union", "Ed Marsh")}),
] + [("ORG_NAME_DESCRIPTORS", word, f"Tom Hale, CEO of the {word} Vextra Inc., said prices will rise.",
      {("LEADS", "Tom Hale", "Vextra Inc.", True, "ceo")})                  # "CEO of biotechnology giant X"
     for word in ("giant", "brokerage", "startup", "magazine", "bank", "retailer", "corporation", "conglomerate",
                  "charity")] + \
    [("PARTY_LEADER_WORDS", word, f"Tom Hale, the Bronx Republican {word}, backed Abe Lutz.",   # a county's party
      {("ENDORSED", "Tom Hale", "Abe Lutz"), ("LEADS", "Tom Hale", "Bronx Republican Party", True, word)})
     for word in ("chair", "chairwoman", "chairperson", "leader")] + \
    [("SCHOOL_ABBREVIATIONS", kind, f"Most recently, {kind} 191 principal Ana Ortiz set up a page for the library.",
      {("LEADS", "Ana Ortiz", f"{kind} 191", True, "principal")})                # a numbered public school
     for kind in ("P.S.", "PS", "I.S.", "IS", "M.S.", "MS", "J.H.S.", "JHS")] + \
    [("INSTITUTION_NOUNS", word, f"The Harbor {word.capitalize()} reopened on Monday. {word.capitalize()} director "
                                 "Ida Cole said it was ready.",           # the article's one zoo, not "Zoo"
      {("LEADS", "Ida Cole", f"Harbor {word.capitalize()}", True, "director")})
     for word in ("hospital", "zoo", "gallery", "theater", "company", "clinic", "shelter", "sanctuary")] + \
    [("NICKNAMES", nick, f"{nick.capitalize()} Marsh spoke on Monday. {formal.capitalize()} Marsh spoke on Tuesday. "
                         "The Harbor Union endorsed Marsh.",          # one person, so "Marsh" is someone
      {("ENDORSED", "Harbor Union", f"{formal.capitalize()} Marsh")})
     for nick, formal in (("al", "alfred"), ("alex", "alexander"), ("andy", "andrew"), ("ben", "benjamin"),
                          ("bill", "william"), ("billy", "william"), ("bob", "robert"), ("bobby", "robert"),
                          ("chris", "christine"), ("chuck", "charles"), ("charlie", "charles"), ("cy", "cyrus"),
                          ("dan", "daniel"), ("danny", "daniel"), ("dave", "david"), ("dick", "richard"),
                          ("don", "donald"), ("ed", "edward"), ("eddie", "edward"), ("fred", "frederick"),
                          ("freddy", "fernando"), ("greg", "gregory"), ("jim", "james"), ("jimmy", "james"),
                          ("joe", "joseph"), ("jack", "john"), ("jon", "jonathan"), ("kathy", "kathleen"),
                          ("ken", "kenneth"), ("larry", "lawrence"), ("liz", "elizabeth"), ("matt", "matthew"),
                          ("mike", "michael"), ("nick", "nicholas"), ("pat", "patricia"), ("pete", "peter"),
                          ("phil", "philip"), ("rick", "richard"), ("rob", "robert"), ("ron", "ronald"),
                          ("rudy", "rudolph"), ("sam", "samuel"), ("steve", "stephen"), ("ted", "edward"),
                          ("tim", "timothy"), ("tom", "thomas"), ("tony", "anthony"), ("vince", "vincent"),
                          ("walt", "walter"))] + \
    [("UNNAMED_PEOPLE", word, f"Ed Marsh is running for mayor. Abe Lutz spoke on Monday. There was a {word} I talked "
                              f"to on the flight, {'she' if word == 'woman' else 'he'} had supported Ed Marsh in the primaries.",
      set())                                                                      # the unnamed one, not Abe Lutz
     for word in ("guy", "man", "woman", "person", "voter", "resident", "respondent", "friend", "neighbor", "reader",
                  "source")]


def _relations(text: str) -> set[tuple]:
    graph = kg.new_graph()
    kg.apply_batch(graph, extract([Article(id="t.txt", source="t.txt", text=text)], graph, "t.txt"))
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    return {(d["type"], names[s], names[t]) + ((d.get("current"), d.get("role")) if d["type"] == "LEADS" else ())
            for s, t, d in graph.edges(data=True) if d["type"] in ("ENDORSED", "LEADS", "ADVISES")}


def _listed(entry: str, word: str) -> bool:
    if "pairs" in ENTRIES[entry]:
        return tuple(word.split()) in getattr(vocabulary, entry)
    return word in ENTRIES[entry].get("words", ENTRIES[entry].get("mapping", {}))


@pytest.mark.parametrize("entry, word, text, expected", WORDS_NO_GOLD_TEXT_NEEDS,
                         ids=[f"{entry}:{word}" for entry, word, *_ in WORDS_NO_GOLD_TEXT_NEEDS])
def test_a_word_no_gold_text_needs_reads_its_sentence(entry: str, word: str, text: str, expected: set) -> None:
    assert _listed(entry, word), f"{word!r} is not in {entry}: drop its case"
    assert _relations(text) == expected


# PLACE_HEADS: each word ends a name the model may call a person ("Trump Tower"); the trim rule place-as-person
# drops such a name, and keeps it with the word alone removed from the data.
PLACES_NO_GOLD_TEXT_NEEDS = [
    "airport", "arena", "avenue", "bridge", "building", "cathedral", "center", "centre", "church", "garden",
    "gardens", "hall", "hotel", "houses", "library", "mansion", "museum", "park", "plaza", "square", "stadium",
    "station", "street", "terminal", "theater", "theatre", "tower", "towers",
]


@pytest.mark.parametrize("word", PLACES_NO_GOLD_TEXT_NEEDS)
def test_a_place_word_makes_a_person_reading_a_place(word: str) -> None:
    assert word in vocabulary.PLACE_HEADS, f"{word!r} is not in PLACE_HEADS: drop its case"
    text = f"Protesters gathered outside Halvorsen {word.capitalize()} on Monday."
    start = text.index("Halvorsen")
    span = pipeline()(text).char_span(start, start + len("Halvorsen ") + len(word), label="PERSON")
    assert trim(span, frozenset()) is None
