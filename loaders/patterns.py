"""Surface patterns for relations, as data.

Patterns match a sentence *view* in which every entity mention is replaced by a slot ``⟦n⟧``.
Named groups: ``src``/``tgt`` hold one slot or a list of slots ("A, B and C"); ``role`` and
``mod`` set the relation's role and current/former flag; ``aux`` holds the words between subject
and verb, checked for negation and modality; ``trigger`` marks the word the parse is asked about.
``{ENT}``, ``{LIST}``, ``{APPOS}``, ``{AUX}``, ``{ROLE}``, ``{ADVISER}``, ``{MOD}``, ``{DET}`` are macros.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import AUX_BREAKERS, PERSON_NOUNS

LEADER_ROLES = ["state party chair", "state director", "state chair", "business manager", "general president",
                "international president", "executive secretary-treasurer", "financial secretary",
                "recording secretary", "executive vice president", "vice president", "president", "executive director",
                "national director", "managing director", "police commissioner", "commissioner", "speaker",
                "owner", "publisher", "vice chair", "vice chairman", "vice chairwoman", "president and ceo",
                "director", "chief executive officer", "chief executive", "ceo", "chairwoman", "chairman",
                "chairperson", "co-chair", "chair", "secretary-treasurer", "general secretary",
                "secretary general", "executive secretary", "treasurer", "head", "leader", "founder and president"]
ADVISER_ROLES = ["senior adviser", "senior advisor", "chief strategist", "strategist", "campaign manager",
                 "deputy campaign manager", "campaign chairman", "campaign chairwoman", "campaign chair",
                 "national press secretary", "press secretary", "communications director", "policy director",
                 "spokesperson", "spokeswoman", "spokesman", "pollster", "adviser", "advisor", "surrogate",
                 "speechwriter", "finance chairman", "finance chairwoman", "finance chair", "national co-chair",
                 "co-chair", "campaign co-chair", "political director", "field director", "digital director"]
# Spokespeople and press staff speak for an office as often as for a campaign: ADVISES only when the
# words say "campaign" ("a spokesman for the Quinn campaign"), never for "a spokesman for the mayor".
CAMPAIGN_ONLY_ROLES = {"spokesperson", "spokeswoman", "spokesman", "press secretary", "national press secretary",
                       "communications director", "policy director", "speechwriter"}
FORMER_WORDS = ["immediate past", "former", "past", "ex-", "onetime", "one-time", "then-", "retired",
                "previous", "erstwhile", "late"]
CURRENT_WORDS = ["current", "new", "newly elected", "incoming", "outgoing", "interim", "acting",
                 "longtime", "founding"]

DESCRIBED = r"(?-i:(?:(?!(?:by|of|from|to|for|in|with|at|on|as|and|the|a|an) )(?:[a-z][\w-]*|Democratic|Republican|GOP|" \
            r"Dem|Conservative|Green|Libertarian|Independent|Progressive) ){0,3}?)"
GROUP_NOUNS = r"(?:unions|groups|organizations|federations|parties|PACs|committees|papers|newspapers|dailies|" \
              r"tabloids|outlets|officials|leaders|lawmakers|legislators|members|clubs|locals)"
CLAUSE_VERB = r"(?:endorsed|endorses|backed|backs|supports|supported|said|says|is|was|has|had|won|lost|called)\b"
LIST_STOP = r"\b(?:who|which|that|whose|said|says|but|while|because|both|all|after|before|when|since)\b"
MACROS = {
    "ENT": r"⟦\d+⟧",
    "LIST": r"(?:the )?⟦\d+⟧(?:(?:, (?:the )?⟦\d+⟧)*(?:, (?:the|a|an) [^,;⟦]{1,80})?,? (?:and|or) "
            r"(?:(?:by|of|from) )?(?:the |former |outgoing )?⟦\d+⟧)?",
    # A list whose items may carry descriptions: "the Bronx borough president, A, and the Council speaker, B";
    # :func:`relations.listed_members` keeps the named members and drops the describing slots.
    "MEMBERS": r"(?:(?:(?!" + LIST_STOP + r")[^;⟦\n]){0,60}?(?:including|like|such as|among them|namely|:|—|–| -)"
               r"(?: (?:those|that) of)? ?)?(?:(?:the|a|an|its|his|her|their) )?(?:(?!of\b|from\b|by\b)[\w,.'-]+ ){0,4}?⟦\d+⟧"
               r"(?:(?:, (?:which|who)\b[^,;⟦]{0,80}(?=,))?(?:, (?:the|a|an) [^,;⟦]{1,80}(?=,))?(?:'s|')?"
               r"(?:,? (?:and|or|as well as|plus)(?: (?:by|of|from))?|,)? "
               r"(?:(?!" + LIST_STOP + r"|(?!including\b)[a-z]+(?:ed|ing)\b)[\w.'&-]+,? ){0,5}?⟦\d+⟧)*",
    # Endorsees; the last one may not start a clause of its own ("endorsed A and B backed C": B is a subject).
    "TARGETS": rf"{DESCRIBED}⟦\d+⟧(?:(?:, {DESCRIBED}⟦\d+⟧)*,? and {DESCRIBED}⟦\d+⟧(?! (?:[\w'-]+ )?{CLAUSE_VERB}))?",
    "APPOS": r"(?:, (?:the|a|an|which|who|whose|one|its|his|her)\b(?:[^,;]|,(?=\d)){0,160},|, (?:which|who)\b[^;⟦]{0,200}?,"
             r"|, (?:meanwhile|however|too|also|though|in turn|for (?:his|her|its|their) part|in addition),"
             r"|, (?:both|all|each|two|three|four|several) of (?:which|whom|them))?,?",
    "GROUP": r"(?:[\w-]+ ){0,3}?" + GROUP_NOUNS,
    "BODY": r"(?:'s|') (?:editorial board|editorial page|editors|executive board|board|leadership|members|"
            r"membership|delegates|executive council)",
    # Auxiliaries and adverbs between subject and verb; not a person noun ("this union official endorsed")
    # nor a preposition ("hounded by Trump fans for endorsing Y": Trump endorsed no one).
    "AUX": r"(?:(?:(?!(?:" + "|".join(sorted(PERSON_NOUNS | AUX_BREAKERS)) + r")\b)[\w'-]+|'s) ){0,4}?",
    # What one receives: not "her endorsement of Y", which is her own.
    "RECEIVED": r"(?:(?:the|a|an) )?(?:(?!of\b|from\b|by\b|his\b|her\b|its\b|their\b)[\w,.'-]+ ){0,4}?",
    "DET": r"(?:(?:the|a|an|its|his|her|their) )?(?:(?!of\b|from\b|by\b)[\w,.'-]+ ){0,4}?",
    "ROLE": "(?:" + "|".join(sorted(map(re.escape, LEADER_ROLES), key=len, reverse=True)) + ")",
    "ADVISER": "(?:" + "|".join(sorted(map(re.escape, ADVISER_ROLES), key=len, reverse=True)) + ")",
    "MOD": "(?:(?:" + "|".join(map(re.escape, FORMER_WORDS + CURRENT_WORDS)) + r") ?)*",
    "POSS": r"(?:'s|')?",
    "TIME": r"(?: (?:on|this|last|early|late|in) [\w-]+(?: [\w-]+)?| (?:monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday|yesterday|today)(?: morning| afternoon| night)?)?",
}
ENDORSE_VERB = r"(?:endorsed|endorses|endorse|endorsing|backed|backs|backing|recommended|recommends|recommending)"
SUPPORT_VERB = r"(?:supporting|supports|supported|(?<=to )support|came out for|comes out for|come out for)"
ACQUIRE_VERB = (r"(?:picked up|picks up|pick up|picking up|earned|earns|earn|earning|won|wins|win|winning|"
                r"received|receives|receive|gained|gains|gain|secured|secures|secure|landed|lands|land|"
                r"got|gets|collected|garnered|nabbed|snagged|clinched|captured|scored|added|announced|has|have|had|"
                r"enjoys|enjoyed|boasts|boasted|touted|touts|retains|retained|keeps|kept|maintains|holds|"
                r"came out with|rolled out|unveiled|carries|carried|locked up|locks up|racked up|racks up|lined up|lines up|"
                r"scooped up|swept|sweeps|winning|securing|earning|receiving|collecting|getting|garnering)")
ENDORSE_NOUN = r"(?:endorsements?|backing|nods?|support)"


@dataclass(frozen=True)
class Pattern:
    name: str
    relation: str
    regex: re.Pattern[str]
    source_label: str | None = None     # PERSON or ORG, if the source must be one
    target_label: str | None = None
    status: str | None = None           # for ENDORSED: endorsed or withdrawn
    confidence: float = 0.85
    described_list: bool = False        # ``src`` is a {MEMBERS} list, read by relations.listed_members

    @property
    def endpoint_from_parse(self) -> bool:
        """True if the text names only one end and the parse supplies the other."""
        groups = self.regex.groupindex
        return not {"src", "tgt"} <= set(groups) and "count" not in groups


def _pattern(name: str, relation: str, template: str, **options) -> Pattern:
    return Pattern(name, relation, re.compile(template.format(**MACROS), re.IGNORECASE), **options)


PATTERNS: list[Pattern] = [
    # ENDORSED
    _pattern("endorse-withdrawn", "ENDORSED",
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>withdrew|withdrawn|withdraws|rescinded|revoked|"
             r"pulled|retracted) (?:its|his|her|their) (?:[\w-]+ )?(?:endorsement|support|backing) (?:of|for|from) "
             r"(?P<tgt>{ENT})", status="withdrawn"),
    _pattern("endorse-active", "ENDORSED",   # also "members of X endorsed Y", "X's editorial board endorsed Y"
             r"(?:(?:members|leaders|delegates) of (?:the )?)?(?P<src>{LIST})(?:{BODY})?{APPOS} (?P<aux>{AUX})"
             r"(?P<trigger>" + ENDORSE_VERB + r") (?P<tgt>{TARGETS})"),
    _pattern("endorse-group-subject", "ENDORSED",   # "A and B weighed in. Both papers have endorsed Y"
             r"(?P<count>two|three|four|five|six|both|\d+) (?:[\w-]+ ){{0,2}}?(?:unions|groups|organizations|"
             r"federations|parties|papers|newspapers|dailies|tabloids|outlets) (?P<aux>{AUX})(?P<trigger>"
             + ENDORSE_VERB + r") (?P<tgt>{TARGETS})", source_label="ORG", confidence=0.75),
    _pattern("support-active", "ENDORSED",   # "The union is supporting newcomer X and incumbent Y"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>" + SUPPORT_VERB + r") (?P<tgt>{TARGETS})",
             confidence=0.75),
    _pattern("supporters-including", "ENDORSED",   # "X rolled out a list of supporters, including A, B and C"
             r"(?P<tgt>{ENT}) (?:[\w-]+ ){{0,3}}?(?:a |an |the )?(?:list|slate|roster) of (?:[\w\x27]+ ){{0,3}}?"
             r"(?P<trigger>supporters|endorsers|endorsements|backers),? (?:including|such as|among them) (?P<src>{LIST})",
             confidence=0.75),
    _pattern("endorse-rival", "ENDORSED",   # "X endorsed Y's main rival, school board trustee Z"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + r") {ENT}(?:'s|') (?:[\w-]+ )?"
             r"(?:rival|opponent|challenger|competitor),? (?:[\w-]+ ){{0,4}}?(?P<tgt>{ENT})"),
    _pattern("endorse-relative", "ENDORSED",   # "Delia Farnsworth of Iowa, who came out for Y"
             r"(?P<src>{LIST})(?: of (?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*))?)?,? (?:which|who|that) (?P<aux>{AUX})"
             r"(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB + r") (?P<tgt>{ENT})"),
    _pattern("endorse-passive", "ENDORSED",
             r"(?P<tgt>{ENT}){APPOS}(?P<aux>(?:'s|'ve|, who|, which)?(?: (?:has|have|had|was|were|is|are|been|"
             r"being|be|also|already|now|since|formally|officially|just|recently|previously|publicly|only|even|"
             r"reportedly|both|all|each|long|first|twice)){{1,4}}) "
             r"(?P<trigger>endorsed|backed)(?: [\w.]+){{0,2}}? by (?P<src>{MEMBERS})", described_list=True),
    _pattern("endorse-acquire", "ENDORSED",
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") {RECEIVED}(?P<trigger>"
             + ENDORSE_NOUN + r"){TIME} (?:of|from|by) (?P<src>{MEMBERS})", described_list=True),
    _pattern("endorse-acquire-possessive", "ENDORSED",   # "Y got the Daily News' endorsement", "lands X endorsement"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") (?:the |a |an )?(?:[\w-]+ ){{0,2}}?"
             r"(?P<src>{ENT})(?: editorial board| editorial page| board)?(?:'s|')? (?:[\w-]+ ){{0,2}}?"
             r"(?P<trigger>endorsement|backing|nod|ballot line|line|nomination)\b"),
    _pattern("endorse-noun", "ENDORSED",   # the endorsee comes from the parse: "…, picked up the nod of X"
             r"(?P<trigger>" + ENDORSE_NOUN + r"){TIME} (?:of|from|by) (?P<src>{MEMBERS})", described_list=True,
             confidence=0.8),
    _pattern("endorse-including", "ENDORSED",   # "Y picked up several endorsements, including that of A and B"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") {DET}(?P<trigger>"
             + ENDORSE_NOUN + r")[^;⟦]{{0,80}}?,? (?:including|like|such as|among them)(?: (?:those|that) of)? "
             r"(?P<src>{MEMBERS})", described_list=True, confidence=0.8),
    _pattern("endorse-noun-including", "ENDORSED",   # the endorsee comes from the parse ("he picked up ...")
             r"(?P<trigger>" + ENDORSE_NOUN + r")[^;⟦]{{0,80}}?,? (?:including|like|such as|among them)"
             r"(?: (?:those|that) of)? (?P<src>{MEMBERS})", described_list=True, confidence=0.75),
    _pattern("endorse-first-to", "ENDORSED",   # "he was the first senator to endorse Y"
             r"(?P<src>{LIST}){APPOS} (?:was|is|became|were|are|has been) (?:the|a|an) (?:first|second|third|latest|"
             r"last|only|lone|biggest|largest) (?:[\w-]+ ){{0,3}}?to (?P<trigger>endorse|back) (?P<tgt>{TARGETS})"),
    _pattern("supporters-counted", "ENDORSED",   # "Y counts A, B and C as supporters"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>counts|counted|lists|listed|names|named) "
             r"(?P<src>{MEMBERS}),? (?:among (?:his|her|their) |as (?:his |her |their )?)(?:supporters|backers|"
             r"endorsers)", described_list=True, confidence=0.8),
    _pattern("nominated", "ENDORSED",   # a party's nomination or ballot line is its endorsement
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>nominated|nominates|renominated|designated|"
             r"cross-endorsed|cross-endorses) (?P<tgt>{TARGETS})", source_label="ORG", confidence=0.8),
    _pattern("endorse-whom", "ENDORSED",   # "Abe Lutz, whom the union endorsed in 2012"
             r"(?P<tgt>{ENT}),? whom (?P<src>{LIST}) (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + r")\b"),
    _pattern("endorse-as-did", "ENDORSED",   # "..., endorsed Y, as did A and B"
             r"(?P<trigger>" + ENDORSE_VERB + r") (?P<tgt>{TARGETS})[^;⟦]{{0,60}}?, as (?:did|have|has|had) "
             r"(?P<src>{LIST})"),
    _pattern("endorse-then-list", "ENDORSED",   # "Several unions have backed Y: the A, which ..., B and the C"
             r"{GROUP} (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB + r") (?P<tgt>{ENT})"
             r"(?: [^:⟦;]{{0,40}}?)?(?::|—|–| -) (?P<src>{MEMBERS})", described_list=True, confidence=0.8),
    _pattern("endorse-parenthesized", "ENDORSED",   # "Unions that had supported Y (A, B and C)"
             r"{GROUP} (?:that|which|who) (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB
             + r") (?P<tgt>{ENT}) \((?P<src>{MEMBERS})\)", described_list=True, confidence=0.8),
    _pattern("support-shifted", "ENDORSED",   # "(A, B and C) have shifted their support to Y"
             r"(?P<src>{LIST})\)? (?P<aux>{AUX})(?P<trigger>shifted|switched|moved|transferred|given|gave|lent) "
             r"(?:their|its|his|her) (?:[\w-]+ )?(?:support|backing|endorsements?) (?:to|behind) (?P<tgt>{ENT})"),
    _pattern("endorse-participle", "ENDORSED",   # "The paper opted for a triple endorsement, recommending A, B and C"
             r"(?P<src>{LIST}){APPOS} (?:[^;⟦,]{{1,60}}), (?P<trigger>endorsing|recommending|backing) (?P<tgt>{TARGETS})",
             confidence=0.75),
    _pattern("supporter-title", "ENDORSED",   # "Lutz supporter Rep. Ida Cole"
             r"(?P<tgt>{ENT})(?:'s)? (?:longtime |early |prominent )?(?P<trigger>supporter|backer|endorser) (?P<src>{ENT})",
             confidence=0.75),
    _pattern("supporters-on-side", "ENDORSED",   # "Y has A, B and C rallying for him", "Y has A on his side"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>has|had|have|counts|boasts|got|gets) (?P<src>{MEMBERS})"
             r"(?:,? and (?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*)){{0,3}})?,? "   # a last name the model missed
             r"(?:rallying (?:for|behind) (?:him|her|them|⟦\d+⟧)|on (?:his|her|their) side|in (?:his|her|their) corner|"
             r"behind (?:him|her|them|⟦\d+⟧))(?:,? as well as (?P<more>{MEMBERS}))?", described_list=True, confidence=0.8),
    _pattern("supporter-apposition", "ENDORSED",   # "Mayor X, a Hillary supporter,", "X is an adamant Trump supporter"
             r"(?P<src>{ENT}),? (?:who is |is |was |, )?(?:a|an) (?:(?-i:[a-z][\w-]*) ){{0,2}}?(?P<tgt>{ENT}) "
             r"(?P<trigger>supporter|backer|endorser)\b", confidence=0.75),
    _pattern("supporter-fronted", "ENDORSED",   # "A Hillary Clinton supporter during the campaign, he praised ..."
             r"^(?:(?:a|an) )?(?:(?-i:[a-z][\w-]*) ){{0,2}}?(?P<tgt>{ENT}) (?P<trigger>supporter|backer|endorser)\b"
             r"[^,;⟦]{{0,80}}, (?P<src>{ENT})", confidence=0.75),
    _pattern("party-nominee", "ENDORSED",   # "Republican presidential nominee Donald Trump": the party's nomination
             r"(?P<src>{ENT}) (?:presidential |mayoral |gubernatorial |senate |congressional |vice-presidential )?"
             r"(?P<trigger>nominee),? (?:(?:[\w.'-]+) ){{0,3}}?(?P<tgt>{ENT})(?:'s|')?", source_label="ORG",
             confidence=0.75),
    _pattern("party-ticket", "ENDORSED",   # the endorsee comes from the parse: "running on the Green Party ticket"
             r"(?:on|as) (?:the|a|an) (?P<src>{ENT}) (?P<trigger>ticket|line|ballot line)\b", source_label="ORG",
             confidence=0.75),
    _pattern("endorse-scheduled", "ENDORSED",   # "X will be at City Hall at 11:30 a.m. to endorse Y"
             r"(?P<src>{ENT}) will (?:be|appear|hold [\w ]{{1,30}}?) (?:at|in|on|with) [^;⟦]{{0,60}}?"
             r"\b(?:today|tonight|\d{{1,2}}(?::\d\d)? ?[ap]\.m\.)[^;⟦]{{0,30}}? to (?P<trigger>endorse|back) "
             r"(?P<tgt>{TARGETS})", confidence=0.75),
    _pattern("endorse-group-reference", "ENDORSED",   # "the AFT and the NEA, two unions that backed X"
             r"(?P<count>two|three|four|five|six|both|\d+) (?:[\w-]+ ){{0,3}}?(?:unions|groups|organizations|"
             r"federations|parties|PACs|committees|papers|newspapers|dailies|tabloids|outlets) (?:that|which|who) (?P<aux>{AUX})(?P<trigger>"
             + ENDORSE_VERB + r") (?P<tgt>{ENT})", source_label="ORG", confidence=0.75),
    _pattern("endorse-possessive", "ENDORSED",   # "the Post's and the Times' endorsement of Y"
             r"(?P<src>{ENT}(?:(?:'s|'),? (?:(?:and|&) )?(?:the )?{ENT})*)(?:'s|') (?:[\w-]+ ){{0,2}}?(?P<trigger>endorsement|backing) of (?P<tgt>{ENT})"),
    _pattern("support-behind", "ENDORSED",
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>threw|throws|throw|throwing|thrown|put|puts|"
             r"putting|placed) (?:its|his|her|their) (?:[\w-]+ )?(?:support|weight|backing) behind (?P<tgt>{ENT})"),
    _pattern("support-behind-subject", "ENDORSED",   # "X ended his campaign … and threw his support behind Y"
             r"(?P<trigger>threw|throws|throw|throwing|thrown|put|puts|putting|placed) (?:its|his|her|their) "
             r"(?:[\w-]+ )?(?:support|weight|backing) behind (?P<tgt>{ENT})", confidence=0.75),
    _pattern("support-for", "ENDORSED",
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>announced|declared|pledged|gave|lent|offered|"
             r"reaffirmed|renewed|reiterated|formalized|added)"
             r" (?:its|his|her|their) (?:[\w-]+ )?(?:endorsement|backing)(?: for [\w-]+(?: [\w-]+)?)? (?:to|for|of) "
             r"(?P<tgt>{ENT})"),
    # LEADS
    _pattern("leader-title-before", "LEADS",
             r"(?P<mod0>{MOD})(?P<tgt>{ENT}){POSS} (?P<mod>{MOD})(?P<role>{ROLE}),? (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.9),
    _pattern("leader-apposition", "LEADS",
             r"(?P<src>{ENT}), (?:the |a |an |its |who is |who was )?(?P<mod>{MOD})(?P<role>{ROLE}) (?:of|at|for)"
             r" (?:the )?(?:(?:city|state|nation|country|county|borough|party|union)(?:'s|') )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.9),
    _pattern("leader-apposition-second", "LEADS",   # "X, co-founder of A and co-chair of B"
             r"(?P<src>{ENT}), (?:the |a |an )?[\w -]{{1,40}}? (?:of|at|for) (?:the )?{ENT}(?: [\w-]+)?,? and "
             r"(?:the |a |an )?(?P<mod>{MOD})(?P<role>{ROLE}) (?:of|at|for) (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85),
    _pattern("leader-apposition-possessive", "LEADS",   # not "X, Assembly Speaker Y": the title is Y's
             r"(?P<src>{ENT}), (?:the )?(?P<mod0>{MOD})(?P<tgt>{ENT}){POSS} (?P<mod>{MOD})(?P<role>{ROLE})\b(?!,? ⟦)",
             source_label="PERSON", target_label="ORG", confidence=0.9),
    _pattern("leader-role-of-then-name", "LEADS",   # "the current chair of the party, Lucia Trujillo"
             r"(?P<mod>{MOD})(?P<role>{ROLE}) of (?:the )?(?P<tgt>{ENT}), (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85),
    _pattern("leader-whose", "LEADS",   # "the Oregon AFL-CIO, whose president, Walt Demers, said"
             r"(?P<tgt>{ENT}){APPOS} whose (?P<mod>{MOD})(?P<role>{ROLE}),? (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85),
    _pattern("leader-passive", "LEADS",   # "The alliance is led by president Janelle Corrigan"
             r"(?P<tgt>{ENT}){APPOS} (?:is|was|has been|had been) (?P<role>led|headed|chaired|run|directed) by "
             r"(?:its |the )?(?:(?P<mod>{MOD})(?P<title>{ROLE}) )?(?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85),
    _pattern("leader-verb", "LEADS",
             r"(?P<src>{ENT}),? (?:who )?(?P<aux>(?:also |currently |now |once )?)(?P<role>leads|heads|chairs|"
             r"runs|directs|led|headed|chaired|ran|directed) (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.8),
    # ADVISES
    _pattern("adviser-title-before", "ADVISES",
             r"(?P<mod0>{MOD})(?P<tgt>{ENT}){POSS} (?:(?:presidential |re-?election )?campaign )?(?P<mod>{MOD})"
             r"(?P<role>{ADVISER}),? (?:(?:former|state|then-|(?-i:[A-Z][\w.'-]*)|⟦\d+⟧) ){{0,6}}?(?P<src>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.9),
    _pattern("adviser-joined", "ADVISES",
             r"(?P<src>{ENT}){APPOS},? (?P<aux>{AUX})(?P<trigger>joined|joins|join) (?P<tgt>{ENT}){POSS} "
             r"(?:(?:[\w-]+|{ENT}) )?campaign as (?:a |an |the |its |his |her )?(?:[\w-]+ )??(?P<role>{ADVISER}|{ROLE})",
             source_label="PERSON", target_label="PERSON", confidence=0.9),
    _pattern("adviser-apposition", "ADVISES",
             r"(?P<src>{ENT}), (?:a |an |the )?(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for) "
             r"(?:the )?(?P<tgt>{ENT})(?: campaign)?", source_label="PERSON", target_label="PERSON", confidence=0.9),
    _pattern("adviser-for-rival", "ADVISES",   # "X, a spokesman for Y's rival, Z"
             r"(?P<src>{ENT}), (?:a |an |the )?(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for) {ENT}"
             r"(?:'s|') (?:[\w-]+ )?(?:rival|opponent|challenger),? (?:former |then-)?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.85),
    _pattern("adviser-apposition-possessive", "ADVISES",
             r"(?P<src>{ENT}), (?P<tgt>{ENT}){POSS} (?:(?:presidential )?campaign )?(?P<mod>{MOD})"
             r"(?P<role>{ADVISER})\b(?!,? ⟦)", source_label="PERSON", target_label="PERSON", confidence=0.9),
    _pattern("adviser-role-then-name", "ADVISES",   # "an adviser to Rangel's campaign, Charlie King, said"
             r"(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for|on) (?:the )?(?P<tgt>{ENT})(?:'s|')? "
             r"(?:[\w-]+ )?campaign,? (?P<src>{ENT})", source_label="PERSON", target_label="PERSON", confidence=0.85),
    _pattern("adviser-hired", "ADVISES",   # "Marlowe named Cynthia Oakes as his new campaign manager"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>named|hired|tapped|appointed|brought on|added|picked|"
             r"chose|recruited|announced) (?:[\w-]+ ){{0,2}}?(?P<src>{ENT}),? (?:[\w,-]+ ){{0,6}}?as (?:his|her|their|its|the "
             r"campaign's|a|an|the) (?:new |top |chief |senior )?(?P<role>{ADVISER})",
             source_label="PERSON", target_label="PERSON", confidence=0.8),
    _pattern("adviser-verb", "ADVISES",
             r"(?P<src>{ENT}),? (?:who )?(?P<aux>{AUX})(?P<role>advises|advised|advising) (?P<tgt>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.8),
    # FOUNDED
    _pattern("founded-grew-out", "FOUNDED",
             r"(?P<tgt>{ENT}),? (?:(?:the|a|an) (?:[\w'-]+ ){{0,4}}?)?(?:that |which |who )?(?:[\w-]+ )?"
             r"(?P<trigger>grew out of|was born out of|emerged from|sprang from|came out of|was founded by|"
             r"was started by|was created by|was launched by|founded by|started by|created by) "
             r"(?:[\w-]+ ){{0,2}}?(?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.8),
    _pattern("founded-active", "FOUNDED",
             r"(?P<src>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>founded|co-founded|cofounded) (?:the )?(?P<tgt>{ENT})",
             target_label="ORG", confidence=0.85),
    _pattern("founder-title", "FOUNDED",
             r"(?P<tgt>{ENT}){POSS} (?:co-?)?founder (?P<src>{ENT})", source_label="PERSON", target_label="ORG"),
    _pattern("founder-apposition", "FOUNDED",
             r"(?P<src>{ENT}), (?:the |a )?(?:co-?)?founder of (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG"),
    # MEMBER_OF
    _pattern("member-apposition", "MEMBER_OF",
             r"(?P<src>{ENT}),? (?:who is |which is |is |was |are )?(?:a |an )?(?:[\w-]+ )?(?:member|affiliate)"
             r" of (?:the )?(?P<tgt>{ENT})", target_label="ORG", confidence=0.8),
]
