"""The words the extractor reads names and references by: titles, role words, organization heads, kinds.

Kept as data in one place; :mod:`.spans`, :mod:`.coref` and :mod:`.mentions` only use them.
"""
from __future__ import annotations

import re

TITLES = {"sen", "senator", "rep", "representative", "gov", "governor", "president", "mr", "mrs", "ms",
          "dr", "secretary", "mayor", "vice", "former", "congressman", "congresswoman", "sec", "rev", "gen",
          "lt", "lieutenant", "alderwoman", "alderman", "councilman", "councilwoman", "councilmember",
          "commissioner", "judge", "justice", "assemblyman", "assemblywoman", "delegate", "comptroller",
          "businessman", "businesswoman", "attorney", "general", "state", "speaker", "leader", "sheriff",
          "councilor", "trustee", "supervisor", "treasurer", "auditor", "chancellor", "pastor", "sgt", "capt",
          "cpl", "det", "col", "maj", "supt", "cmdr", "insp", "officer", "sergeant", "captain", "chief",
          "atty", "del", "comm", "beep"}
NAME_CUES = {"candidate", "challenger", "nominee", "incumbent", "rival", "opponent", "activist", "organizer",
             "lawyer", "prosecutor", "executive", "member", "official", "consultant", "veteran"}
ORG_HEADS = {"council", "association", "union", "federation", "committee", "party", "alliance", "coalition",
             "fund", "caucus", "club", "league", "society", "foundation", "bureau", "network", "project"}
PERSON_DESCRIPTORS = {"senator", "governor", "congressman", "congresswoman", "lawmaker", "candidate",
                      "democrat", "republican", "populist", "mayor", "socialist", "frontrunner", "front-runner"}
REFERRING_TITLES = {"senator", "governor", "congressman", "congresswoman", "lawmaker", "mayor", "candidate",
                    "frontrunner", "front-runner", "councilwoman", "councilman", "incumbent", "challenger"}
CANDIDATE_WORDS = {"candidate", "front-runner", "frontrunner", "nominee", "hopeful", "challenger", "contender"}
ORG_REFERENCES = {  # "the union" refers back to the last organization of a compatible kind
    "union": {"union", "union federation", "other"}, "association": {"union", "other"}, "federation": {"union federation"}, "party": {"party"},
    "group": None, "organization": None, "organisation": None,
    "pac": {"PAC"}, "committee": {"PAC", "party", "other"}, "coalition": {"advocacy group", "other"},
    "council": None, "chapter": None, "local": None, "alliance": None, "league": None, "club": None,
    "chamber": None, "caucus": None, "fund": None, "network": None,
}
KIND_WORDS = [  # the first word found in an unknown organization's name (or its description) sets its kind
    ("federation", "union federation"), ("afl", "union federation"), ("union", "union"),
    ("workers", "union"), ("brotherhood", "union"), ("teachers", "union"), ("nurses", "union"),
    ("party", "party"), ("pac", "PAC"), ("super pac", "PAC"), ("fund", "PAC"),
    ("campaign", "campaign"), ("committee", "PAC"), ("group", "advocacy group"),
    ("coalition", "advocacy group"), ("alliance", "advocacy group"), ("league", "advocacy group"),
    ("caucus", "government body"), ("congress", "government body"),
    ("senate", "government body"), ("house", "government body"), ("department", "government body"),
    ("times", "media"), ("post", "media"), ("news", "media"), ("journal", "media"),
    ("inc", "company"), ("corp", "company"), ("company", "company"),
]
UNIT_WORDS = {"local", "region", "district", "chapter", "lodge", "branch", "division", "council"}
UNIT_NUMBER = re.compile(r"^\d+[A-Za-z]{0,2}$")             # "Local 1199", "District Council 37", "32BJ"
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PERSON_NOUNS = {"official", "officials", "member", "members", "leader", "leaders", "president", "chief", "head",
                "spokesman", "spokeswoman", "spokesperson", "staffer", "staffers", "boss", "director", "chair",
                "chairman", "chairwoman", "organizer", "lobbyist", "executive", "founder", "activist", "delegate"}
ENDORSEMENT_WORDS = {"endorsement", "endorsements", "backing", "nod", "nods", "support", "endorsed", "backed"}
ORG_DESCRIPTORS = {"group", "union", "organization", "organisation", "association", "party", "committee",
                   "coalition", "pac", "federation", "alliance", "council", "caucus", "nonprofit"}
GENERIC_ORGS = {"pac", "super pac", "union", "campaign", "committee", "party", "the union", "related", "watch"}
SUBJECT_PRONOUNS = {"he", "she"}
OBJECT_PRONOUNS = {"him", "her"}
TEMPORAL_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
HONORIFICS = TITLES - {"president", "secretary", "vice", "former", "state", "speaker", "leader", "chief",
                       "commissioner", "chancellor"}
TITLE_LEAD_INS = {"state", "former", "then", "county", "city", "u.s.", "us", "federal"}
ROLE_WORDS = {"executive", "spokesperson", "spokeswoman", "spokesman", "president", "director", "chair", "chairman",
              "chairwoman", "adviser", "advisor", "manager", "strategist", "secretary", "treasurer", "founder",
              "commissioner", "speaker", "owner", "publisher", "ceo", "co-chair", "secretary-treasurer",
              "chancellor", "principal"}
# "<Org> <title> <Person>": the words before such a title name the organization the person heads.
HEAD_TITLES = {"president", "chairman", "chairwoman", "chair", "co-chair", "director", "speaker", "commissioner",
               "ceo", "head", "owner", "publisher", "founder", "secretary-treasurer", "chief", "chancellor",
               "principal"}     # not "dean": a surname too often ("Howard Dean"); "<Org> dean X" is a pattern
TITLE_MODIFIERS = {"executive", "vice", "general", "international", "national", "managing", "co", "interim",
                   "acting", "state"}
GENERIC_BODIES = {"police", "fire", "city", "state", "county", "federal", "national", "school"}
# Words that make a title a staff job, or a title an elected office, not the head of an organization.
STAFF_FUNCTIONS = {"advocacy", "communications", "political", "organizing", "field", "program", "programs", "programming",
                   "legislative", "policy", "digital", "finance", "development", "research", "press", "media",
                   "marketing", "deputy", "assistant", "associate", "regional", "creative", "art", "legal",
                   "outreach", "campaign", "operations", "education", "public", "government", "external"}
OFFICE_TITLES = {("borough", "president"), ("majority", "leader"), ("minority", "leader"), ("senate", "president"),
                 ("council", "member"), ("conference", "leader"), ("democratic", "leader"), ("republican", "leader")}
FUZZY_MIN = 92
ADVISER_WORDS = {"spokesperson", "spokeswoman", "spokesman", "adviser", "advisor", "manager", "strategist"}
# What follows "X campaign" when X is a candidate with staff ("Okafor campaign manager", "Hynes' campaign spokesman").
CAMPAIGN_STAFF = ADVISER_WORDS | {"chair", "chairman", "chairwoman", "pollster", "aide", "treasurer", "director"}
# A unit of the body named after it: "the NYU chapter of the American Association of University Professors".
CHAPTER_WORDS = {"chapter", "branch", "affiliate", "division", "wing"}
# Words of tenure that belong to a title, not to the body before it: "Interim MTA Chair X" heads the MTA.
TENURE_WORDS = {"interim", "acting", "former", "outgoing", "incoming", "ex"}
OFFICE_HOLDER_TITLES = {"mayor", "governor", "gov", "president", "sen", "senator", "rep", "congressman",
                        "congresswoman", "councilman", "councilwoman", "councilmember", "assemblyman",
                        "assemblywoman", "comptroller", "commissioner"}
AUX_BREAKERS = {"for", "by", "of", "with", "from", "after", "before", "on", "in", "at", "about", "against", "fans",
                "supporters", "voters", "people", "critics", "unions", "groups", "organizations", "papers",
                "newspapers", "parties"}
REPORTING_VERBS = {"say", "announce", "tell", "confirm", "decide", "vote", "agree", "state", "declare", "write",
                   "report", "note", "reveal", "learn"}
RACE_WORDS = {"presidential", "vice-presidential", "mayoral", "gubernatorial", "senate", "congressional", "council",
              "assembly", "comptroller", "judicial", "state", "county", "city", "borough"}   # "Green gubernatorial candidate"
PARTY_ADJECTIVES = {"Democratic": "Democratic Party", "Republican": "Republican Party", "GOP": "Republican Party",
                    "Conservative": "Conservative Party", "Green": "Green Party", "Libertarian": "Libertarian Party",
                    "Independence": "Independence Party"}
