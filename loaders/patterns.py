"""Surface patterns for relations, as data.

Patterns match a sentence *view* in which every entity mention is replaced by a slot ``⟦n⟧``.
Every pattern has a name, a one-line ``doc``, ``examples`` it must read and ``non_examples`` it
must leave alone; ``tests/test_patterns.py`` walks the list and runs them all.
Named groups: ``src``/``tgt`` hold one slot or a list of slots ("A, B and C"); ``role`` and
``mod`` set the relation's role and current/former flag; ``aux`` holds the words between subject
and verb, checked for negation and modality; ``trigger`` marks the word the parse is asked about.
``{ENT}``, ``{LIST}``, ``{APPOS}``, ``{AUX}``, ``{ROLE}``, ``{ADVISER}``, ``{ADVISER_MOD}``, ``{MOD}``, ``{DET}``,
``{DESCRIBED}`` are macros.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .vocabulary import (
    ACQUIRE_VERB_FORMS,
    ADVISER_ROLES,
    AUX_BREAKERS,
    CLAUSE_VERBS,
    COUNTED_GROUP_NOUNS,
    CURRENT_WORDS,
    DAY_PARTS,
    DAY_WORDS,
    ENDORSE_NOUN_FORMS,
    ENDORSE_VERB_FORMS,
    ENDORSER_BODIES,
    FORMER_WORDS,
    GROUP_NOUNS,
    LEADER_ROLES,
    LIST_STOP_WORDS,
    ORG_NAME_DESCRIPTORS,
    PERSON_NOUNS,
    STAFF_NOUNS,
    SUPPORT_VERB_FORMS,
    UNSETTLED_WORDS,
)


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` (escaped), tried in the order given."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


# "Police Chief X", "X, chief of Y", but not "chief marketing officer": a bare chief ends its title.
BARE_CHIEF = r"chief(?=,| ⟦| (?:of|at|for)\b)"
LEADER_ROLE = "|".join(map(re.escape, sorted(LEADER_ROLES, key=len, reverse=True))) + "|" + BARE_CHIEF
DESCRIBED = r"(?-i:(?:(?!(?:by|of|from|to|for|in|with|at|on|as|and|the|a|an|near|behind|beside|next|across|" \
            r"outside|inside|above|below|under|over|around|off|opposite) )(?:[a-z][\w-]*|Democratic|Republican|GOP|" \
            r"Dem|Conservative|Green|Libertarian|Independent|Progressive) ){0,3}?)"
CLAUSE_VERB = alternation(CLAUSE_VERBS) + r"\b"
UNSETTLED = "".join(f"(?<!{re.escape(word)} )" for word in UNSETTLED_WORDS)    # "the likely Republican nominee"
LIST_STOP = r"\b" + alternation(LIST_STOP_WORDS) + r"\b"
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
    "GROUP": r"(?:[\w-]+ ){0,3}?" + alternation(GROUP_NOUNS),
    # What describes an organization just before its name: "the transit advocacy group X".
    "DESCRIPTOR": alternation(ORG_NAME_DESCRIPTORS),
    "BODY": r"(?:'s|') " + alternation(ENDORSER_BODIES),
    # Auxiliaries and adverbs between subject and verb; not a person noun ("this union official endorsed")
    # nor a preposition ("hounded by Trump fans for endorsing Y": Trump endorsed no one).
    "AUX": r"(?:(?:(?!(?:" + "|".join(sorted(PERSON_NOUNS | AUX_BREAKERS)) + r")\b)[\w'-]+|'s) ){0,4}?",
    # What one receives: not "her endorsement of Y", which is her own.
    "RECEIVED": r"(?:(?:the|a|an) )?(?:(?!of\b|from\b|by\b|his\b|her\b|its\b|their\b)[\w,.'-]+ ){0,4}?",
    "DET": r"(?:(?:the|a|an|its|his|her|their) )?(?:(?!of\b|from\b|by\b)[\w,.'-]+ ){0,4}?",
    "ROLE": "(?:(?:co-?)?founder and )?(?:" + LEADER_ROLE + ")(?: (?:and|&) (?:" + LEADER_ROLE + "))?",   # "founder and CEO",
                                                                                                 # "President & CEO"
    "ADVISER": "(?:" + "|".join(sorted(map(re.escape, ADVISER_ROLES), key=len, reverse=True)) + ")",
    "MOD": "(?:(?:" + "|".join(map(re.escape, FORMER_WORDS + CURRENT_WORDS)) + r") ?)*",
    # Words of tenure opening a match, a former one with up to two describing words after it ("former powerful
    # longtime Assembly leader X" is a former leader): read for the flag only, before the organization's name.
    "LEAD_MOD": "(?:(?:" + "|".join(map(re.escape, FORMER_WORDS)) + r")(?: ?(?-i:[a-z][\w-]*)){0,2}? ?|(?:"
                + "|".join(map(re.escape, CURRENT_WORDS)) + r") ?)*",
    # A word between a candidate's name and an adviser's title: "a top Lutz adviser", "Lutz's senior adviser".
    "ADVISER_MOD": r"(?:(?-i:top|senior|chief|longtime|close|key|veteran|trusted|political|media|legal|economic|policy|"
                   r"communications|digital) )?",
    "POSS": r"(?:'s|')?",
    "DESCRIBED": DESCRIBED,      # up to three lowercase words describing a name: "the popular Harlem bakery"
    "TIME": r"(?: (?:on|this|last|early|late|in) [\w-]+(?: [\w-]+)?| " + alternation(DAY_WORDS)
            + "(?: " + alternation(DAY_PARTS) + ")?)?",
}
ENDORSE_VERB = alternation(ENDORSE_VERB_FORMS)
SUPPORT_VERB = r"(?:" + alternation(SUPPORT_VERB_FORMS) + r"|(?<=to )support)"     # the infinitive only after "to"
ACQUIRE_VERB = alternation(ACQUIRE_VERB_FORMS)
ENDORSE_NOUN = alternation(ENDORSE_NOUN_FORMS)


# The start of the on-behalf patterns: "X campaigned (in Ohio) on ...", a template fragment before the macros.
CAMPAIGNED_ON = r"(?P<src>{ENT}){APPOS} (?P<aux>{AUX})(?:campaigned|campaigns|campaigning|stumped|stumping|rallied|" \
                r"appeared|canvassed) (?:[^;⟦]{{0,40}}? )?on "


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
    politician_target: bool = False     # the target must be a candidate or an officeholder by the article's words
    role: str | None = None             # the role the match gives, where its words name none ("is run by")
    source_kind: str | None = None      # the kind of organization the source must be ("party")
    single_target: bool = False         # one target or none: several are a field, not a pick ("on the X ticket")
    doc: str = ""                       # what the rule reads, in a line
    examples: tuple[str, ...] = ()      # texts it must read (tests/test_patterns.py checks every one)
    non_examples: tuple[str, ...] = ()  # near misses it must leave alone

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
             r"(?P<tgt>{ENT})", status="withdrawn",
             doc='A backer takes its endorsement back.',
             examples=('The Plumbers Union withdrew its endorsement of Abe Lutz on Friday.',),
             non_examples=('The Plumbers Union withdrew its complaint against Abe Lutz on Friday.',)),
    _pattern("endorse-active", "ENDORSED",   # also "members of X endorsed Y", "X's editorial board endorsed Y"
             r"(?:(?:members|leaders|delegates) of (?:the )?)?(?P<src>{LIST})(?:{BODY})?{APPOS} (?P<aux>{AUX})"
             r"(?P<trigger>" + ENDORSE_VERB + r") (?P<tgt>{TARGETS})",
             doc='The endorser, a verb of endorsing, the endorsee.',
             examples=('The Plumbers Union endorsed Abe Lutz on Monday.',),
             non_examples=('The Plumbers Union is expected to endorse Abe Lutz on Monday.',)),
    _pattern("endorse-group-subject", "ENDORSED",   # "A and B weighed in. Both papers have endorsed Y"
             r"(?P<count>two|three|four|five|six|both|\d+) (?:[\w-]+ ){{0,2}}?" + alternation(COUNTED_GROUP_NOUNS)
             + r" (?P<aux>{AUX})(?P<trigger>"
             + ENDORSE_VERB + r") (?P<tgt>{TARGETS})", source_label="ORG", confidence=0.75,
             doc='A counted group as subject whose members were just named.',
             examples=('The Hotel Trades Council and the Plumbers Union met, and both unions have endorsed Abe Lutz.',),
             non_examples=('The Hotel Trades Council met, and both unions have endorsed Abe Lutz.',)),
    _pattern("support-active", "ENDORSED",   # "The union is supporting newcomer X and incumbent Y"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>" + SUPPORT_VERB + r") (?P<tgt>{TARGETS})",
             confidence=0.75,
             doc="A supporting verb: 'is supporting X', 'came out for X'.",
             examples=('The Plumbers Union is supporting Abe Lutz in the primary.',),
             non_examples=('The Plumbers Union is not supporting Abe Lutz in the primary.',)),
    _pattern("advocate-for", "ENDORSED",   # "She passionately advocated for Senator X"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>advocated|advocates|advocating) for (?P<tgt>{TARGETS})",
             politician_target=True, confidence=0.75,
             doc="Advocating for a politician: 'X advocated for Senator Y' (not for a company, a bill or a cause).",
             examples=('Ida Cole passionately advocated for Senator Abe Lutz at the convention.',),
             non_examples=('Ida Cole advocated for the Harbor Bank at the hearing.',)),
    _pattern("supporters-including", "ENDORSED",   # "X rolled out a list of supporters, including A, B and C"
             r"(?P<tgt>{ENT}) (?:[\w-]+ ){{0,3}}?(?:a |an |the )?(?:list|slate|roster) of (?:[\w\x27]+ |⟦\d+⟧ ){{0,3}}?"
             r"(?P<trigger>supporters|endorsers|endorsements|backers),? (?:including|such as|among them) (?P<src>{LIST})",
             confidence=0.75,
             doc="A candidate's list of supporters, including named ones.",
             examples=('Abe Lutz rolled out a list of supporters, including the Plumbers Union and Ida Cole.',),
             non_examples=('Abe Lutz rolled out a list of proposals, including one from Ida Cole.',)),
    _pattern("endorse-rival", "ENDORSED",   # "X endorsed Y's main rival, school board trustee Z"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + r") {ENT}(?:'s|') (?:[\w-]+ )?"
             r"(?:rival|opponent|challenger|competitor),? (?:[\w-]+ ){{0,4}}?(?P<tgt>{ENT})",
             doc="Endorsing someone's rival: the rival is the endorsee.",
             examples=("The Plumbers Union endorsed Ida Cole's main rival, school board trustee Abe Lutz.",),
             non_examples=("The Plumbers Union criticized Ida Cole's main rival, school board trustee Abe Lutz.",)),
    _pattern("endorse-relative", "ENDORSED",   # "Delia Farnsworth of Iowa, who came out for Y"
             r"(?P<src>{LIST})(?: of (?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*))?)?,? (?:which|who|that) (?P<aux>{AUX})"
             r"(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB + r") (?P<tgt>{ENT})",
             doc="A relative clause after the endorser: 'X, who endorsed Y'.",
             examples=('The loudest voice was Dana Pike of Iowa, who came out for Abe Lutz at a rally.',),
             non_examples=('The loudest voice was Dana Pike of Iowa, who came out against Abe Lutz at a rally.',)),
    _pattern("endorse-passive", "ENDORSED",
             r"(?P<tgt>{ENT}){APPOS}(?P<aux>(?:'s|'ve|, who|, which)?(?: (?:has|have|had|was|were|is|are|been|"
             r"being|be|also|already|now|since|formally|officially|just|recently|previously|publicly|only|even|"
             r"reportedly|both|all|each|long|first|twice)){{1,4}}) "
             r"(?P<trigger>endorsed|backed|supported)(?: [\w.]+){{0,2}}? by (?P<src>{MEMBERS})", described_list=True,
             doc="'Y was endorsed (backed, supported) by A, B and C', with descriptions allowed in the list.",
             examples=('Abe Lutz has been endorsed by the Plumbers Union and the Sierra Club.',),
             non_examples=('Abe Lutz has been criticized by the Plumbers Union and the Sierra Club.',)),
    _pattern("endorse-acquire", "ENDORSED",
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") {RECEIVED}(?P<trigger>"
             + ENDORSE_NOUN + r"){TIME} (?:of|from|by) (?P<src>{MEMBERS})", described_list=True,
             doc="The endorsee acquires the endorsement: 'Y won the backing of X'.",
             examples=('Abe Lutz won the backing of the Plumbers Union on Monday.',),
             non_examples=('Abe Lutz announced her endorsement of the Plumbers Union on Monday.',)),
    _pattern("endorse-acquire-possessive", "ENDORSED",   # "Y got the Daily News' endorsement", "lands X endorsement"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") (?:the |a |an )?(?:[\w-]+ ){{0,2}}?"
             r"(?P<src>{ENT})(?: editorial board| editorial page| board)?(?:'s|')? (?:[\w-]+ ){{0,2}}?"
             r"(?P<trigger>endorsement|backing|nod|ballot line|line|nomination)\b",
             doc="The endorsee gets a named endorser's endorsement, nomination or ballot line.",
             examples=("Endorsements: Abe Lutz got the Harbor Gazette's endorsement on Sunday.",),
             non_examples=("Abe Lutz got the Harbor Gazette's attention on Sunday.",)),
    _pattern("endorse-noun", "ENDORSED",   # the endorsee comes from the parse: "…, picked up the nod of X"
             r"(?P<trigger>" + ENDORSE_NOUN + r"){TIME} (?:of|from|by) (?P<src>{MEMBERS})", described_list=True,
             confidence=0.8,
             doc="'the endorsement of X' after an acquiring verb whose subject is the endorsee.",
             examples=('Abe Lutz swept most of the big suburban towns and cities, winning endorsements from the Harbor Gazette and the Plumbers Union.',),
             non_examples=('The nod of the Plumbers Union came as no surprise.',)),
    _pattern("endorse-including", "ENDORSED",   # "Y picked up several endorsements, including that of A and B"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<verb>" + ACQUIRE_VERB + r") {DET}(?P<trigger>"
             + ENDORSE_NOUN + r")[^;⟦]{{0,80}}?,? (?:including|like|such as|among them)(?: (?:those|that) of)? "
             r"(?P<src>{MEMBERS})", described_list=True, confidence=0.8,
             doc='Endorsements, including those of A and B, named after the endorsee acquires them.',
             examples=('Abe Lutz picked up several big endorsements, including that of the Queens borough president, Ida Cole.',),
             non_examples=('Abe Lutz picked up several big donations, including that of the Queens borough president, Ida Cole.',)),
    _pattern("endorse-first-to", "ENDORSED",   # "he was the first senator to endorse Y"
             r"(?P<src>{LIST}){APPOS} (?:was|is|became|were|are|has been) (?:the|a|an) (?:first|second|third|latest|"
             r"last|only|lone|biggest|largest) (?:[\w-]+ ){{0,3}}?to (?P<trigger>endorse|back) (?P<tgt>{TARGETS})",
             doc="'X was the first senator to endorse Y'.",
             examples=('Tom Beck voted for the farm bill. He was the first senator to endorse Ruth Amsel.',),
             non_examples=('Tom Beck voted for the farm bill. He was the first senator to criticize Ruth Amsel.',)),
    _pattern("supporters-counted", "ENDORSED",   # "Y counts A, B and C as supporters"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>counts|counted|lists|listed|names|named) "
             r"(?P<src>{MEMBERS}),? (?:among (?:his|her|their) |as (?:his |her |their )?)(?:supporters|backers|"
             r"endorsers)", described_list=True, confidence=0.8,
             doc="'Y counts A and B among her supporters'.",
             examples=('Dana Pike counts Ed Marsh, Ida Cole and the Plumbers Union among her supporters.',),
             non_examples=('Dana Pike counts Ed Marsh, Ida Cole and the Plumbers Union among her critics.',)),
    _pattern("chosen-as-candidate", "ENDORSED",   # "Queens Democrats tapped X as their candidate"
             r"(?P<src>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>tapped|chose|picked|selected|named|designated|anointed) "
             r"(?:(?:[\w.-]+|⟦\d+⟧) ){{0,3}}?(?P<tgt>{ENT}) as (?:their|its|the party's|the) (?:[\w-]+ ){{0,2}}?"
             r"(?:candidate|nominee|standard-bearer)\b", source_label="ORG", confidence=0.8,
             doc="'<Party> tapped <Person> as their candidate': an organization choosing its candidate backs them.",
             examples=('The Harbor Party tapped Assemblywoman Ida Cole as its candidate for the seat.',),
             non_examples=('The Harbor Party tapped Assemblywoman Ida Cole as its treasurer for the seat.',)),
    _pattern("on-behalf", "ENDORSED",   # "Gov. Ida Cole campaigned in Ohio on Lutz's behalf"
             CAMPAIGNED_ON + r"(?P<tgt>{ENT})(?:'s|') (?P<trigger>behalf)",
             target_label="PERSON", confidence=0.75,
             doc="'X campaigned in Ohio on <Candidate>'s behalf'.",
             examples=("Governor Ida Cole campaigned in Ohio on Abe Lutz's behalf.",),
             non_examples=("Governor Ida Cole filed the papers on Abe Lutz's behalf.",)),
    _pattern("on-behalf-of", "ENDORSED",   # "Former mayor Ida Cole campaigned on behalf of Mayor Lutz"
             CAMPAIGNED_ON + r"(?P<trigger>behalf) of (?:(?-i:[A-Z][\w.]*) )?(?P<tgt>{ENT})",
             target_label="PERSON", confidence=0.75,
             doc="'X campaigned in Ohio on behalf of <Candidate>'.",
             examples=("Former mayor Ida Cole campaigned on behalf of Mayor Abe Lutz on Monday.",),
             non_examples=("Former mayor Ida Cole filed the papers on behalf of Mayor Abe Lutz on Monday.",)),
    _pattern("on-behalf-appearance", "ENDORSED",   # "During an appearance in Iowa on Lutz's behalf, Gov. Ida Cole said"
             r"(?:appearance|campaign stop|campaign event|rally) (?:[^;⟦]{{0,40}}? )?on (?P<tgt>{ENT})(?:'s|') "
             r"(?P<trigger>behalf)(?: [\w]+){{0,2}}?, (?:(?:[\w.]+|⟦\d+⟧) ){{0,3}}(?P<src>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.75,
             doc="'During an appearance in Ohio on <Candidate>'s behalf, Gov. X said ...'.",
             examples=("During an appearance in Ohio on Abe Lutz's behalf yesterday, Gov. Ida Cole said he would win.",),
             non_examples=("During a hearing in Ohio on Abe Lutz's behalf yesterday, Gov. Ida Cole said he would win.",)),
    _pattern("nominated", "ENDORSED",   # a party's nomination or ballot line is its endorsement
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>nominated|nominates|renominated|designated|"
             r"cross-endorsed|cross-endorses) (?P<tgt>{TARGETS})", source_label="ORG", confidence=0.8,
             doc='A party nominates its candidate: its nomination is its endorsement.',
             examples=('The Conservative Party nominated Abe Lutz for governor.',),
             non_examples=('The Conservative Party criticized Abe Lutz for governor.',)),
    _pattern("endorse-whom", "ENDORSED",   # "Abe Lutz, whom the union endorsed in 2012"
             r"(?P<tgt>{ENT}),? whom (?P<src>{LIST}) (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + r")\b",
             doc="'Y, whom X endorsed'.",
             examples=('The Hotel Trades Council met. Abe Lutz, whom the union endorsed in 2012, lost.',),
             non_examples=('The Hotel Trades Council met. Abe Lutz, whom the union criticized in 2012, lost.',)),
    _pattern("endorse-as-did", "ENDORSED",   # "..., endorsed Y, as did A and B"
             r"(?P<trigger>" + ENDORSE_VERB + r") (?P<tgt>{TARGETS})[^;⟦]{{0,60}}?, as (?:did|have|has|had) "
             r"(?P<src>{LIST})",
             doc="', as did A and B' after an endorsement.",
             examples=('The Sierra Club endorsed Abe Lutz, as did District Council 37 and Teamsters Local 237.',),
             non_examples=('The Sierra Club endorsed Abe Lutz, and District Council 37 and Teamsters Local 237 stayed out.',)),
    _pattern("endorse-then-list", "ENDORSED",   # "Several unions have backed Y: the A, which ..., B and the C"
             r"{GROUP} (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB + r") (?P<tgt>{ENT})"
             r"(?: [^:⟦;]{{0,40}}?)?(?::|—|–| -) (?P<src>{MEMBERS})", described_list=True, confidence=0.8,
             doc='A plural subject endorsed Y, then a colon or dash list names its members.',
             examples=('Several unions have already backed Abe Lutz: the Hotel Trades Council and the Plumbers Union.',),
             non_examples=('Several unions have already criticized Abe Lutz: the Hotel Trades Council and the Plumbers Union.',)),
    _pattern("endorse-parenthesized", "ENDORSED",   # "Unions that had supported Y (A, B and C)"
             r"{GROUP} (?:that|which|who) (?P<aux>{AUX})(?P<trigger>" + ENDORSE_VERB + "|" + SUPPORT_VERB
             + r") (?P<tgt>{ENT}) \((?P<src>{MEMBERS})\)", described_list=True, confidence=0.8,
             doc="'Unions that had supported Y (A, B and C)'.",
             examples=('Unions that had supported Dana Pike (the Hotel Trades Council and the Plumbers Union) met on Monday.',),
             non_examples=('Unions that had opposed Dana Pike (the Hotel Trades Council and the Plumbers Union) met on Monday.',)),
    _pattern("support-shifted", "ENDORSED",   # "(A, B and C) have shifted their support to Y"
             r"(?P<src>{LIST})\)? (?P<aux>{AUX})(?P<trigger>shifted|switched|moved|transferred|given|gave|lent) "
             r"(?:their|its|his|her) (?:[\w-]+ )?(?:support|backing|endorsements?) (?:to|behind) (?P<tgt>{ENT})",
             doc='Endorsers move their support to Y.',
             examples=('Unions that had supported Dana Pike (the Hotel Trades Council and the Plumbers Union) have shifted their support to Abe Lutz.',),
             non_examples=('The Hotel Trades Council and the Plumbers Union have shifted their attention to Abe Lutz.',)),
    _pattern("endorse-participle", "ENDORSED",   # "The paper opted for a triple endorsement, recommending A, B and C"
             r"(?P<src>{LIST}){APPOS} (?:[^;⟦,]{{1,60}}), (?P<trigger>endorsing|recommending|backing) (?P<tgt>{TARGETS})",
             confidence=0.75,
             doc="A participle continuing the endorser's clause: ', recommending A, B and C'.",
             examples=('The Harbor Gazette opted for a triple endorsement, recommending Abe Lutz, Dana Pike and Ruth Amsel.',),
             non_examples=('The Harbor Gazette ran a long profile, interviewing Abe Lutz, Dana Pike and Ruth Amsel.',)),
    _pattern("supporter-title", "ENDORSED",   # "Lutz supporter Rep. Ida Cole"
             r"(?P<tgt>{ENT})(?:'s)? (?:longtime |early |prominent )?(?P<trigger>supporter|backer|endorser) (?P<src>{ENT})",
             confidence=0.75,
             doc="'Y supporter Rep. X': X supports Y.",
             examples=('Abe Lutz supporter Rep. Ida Cole spoke first.',),
             non_examples=('Abe Lutz critic Rep. Ida Cole spoke first.',)),
    _pattern("supporter-of", "ENDORSED",   # "Ida Cole, a longtime supporter of Abe Lutz"
             r"(?P<src>{ENT}),? (?:(?:the|a|an) (?:[^,;⟦]|⟦\d+⟧){{0,50}}? )?(?:who (?:is|was|has been) |is |was |has been )?"
             r"(?:a |an |one )\"?(?:(?:longtime|early|strong|staunch|vocal|prominent|big|major|key|ardent|loyal|avid|proud|"
             r"huge|enthusiastic|committed|passionate|fervent|devoted|outspoken) )?"
             r"(?P<trigger>supporter|backer|endorser) of (?:(?-i:[A-Z][a-z]*\.?) ){{0,2}}(?P<tgt>{ENT})",
             target_label="PERSON", politician_target=True, confidence=0.75,
             doc="'X, a longtime supporter of Y', 'X, the host who is a strong supporter of Y', 'X is a backer of Y'.",
             examples=('Ida Cole, a longtime supporter of Sen. Abe Lutz, spoke first.',
                       'Mayoral candidate Abe Lutz spoke. Ida Cole, the radio host who is a strong supporter of Lutz, agreed.'),
             non_examples=('Ida Cole, a longtime critic of Sen. Abe Lutz, spoke first.',
                           'Ida Cole, a longtime supporter of the Harbor Alliance, spoke first.',
                           'Ida Cole, a longtime supporter of Abe Lutz, the network chief, spoke first.')),
    _pattern("one-of-supporters", "ENDORSED",   # "one of her supporters, X", "one of Y's backers, X"
             r"\b(?:one|some|many|two|three|several|most) of (?P<tgt>{ENT})(?:'s|')? (?:(?-i:[a-z][\w-]*) )?"
             r"(?P<trigger>supporters|backers|endorsers),? (?P<src>{LIST})",
             target_label="PERSON", confidence=0.75,
             doc="'one of her supporters, X': X is among Y's backers.",
             examples=('Abe Lutz is running for mayor. One of his longtime supporters, Ida Cole, spoke.',),
             non_examples=('Abe Lutz is running for mayor. One of his longtime critics, Ida Cole, spoke.',)),
    _pattern("supporters-on-side", "ENDORSED",   # "Y has A, B and C rallying for him", "Y has A on his side"
             r"(?P<tgt>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>has|had|have|counts|boasts|got|gets) (?P<src>{MEMBERS})"
             r"(?:,? and (?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*)){{0,3}})?,? "   # a last name the model missed
             r"(?:rallying (?:for|behind) (?:him|her|them|⟦\d+⟧)|on (?:his|her|their) side|in (?:his|her|their) corner|"
             r"behind (?:him|her|them|⟦\d+⟧))(?:,? as well as (?P<more>{MEMBERS}))?", described_list=True, confidence=0.8,
             doc="'Y has A, B and C rallying for him / on his side / in her corner'.",
             examples=('Abe Lutz has the Harbor Gazette and the Plumbers Union on his side, as well as the Transit Workers Union.',),
             non_examples=('Abe Lutz has the Harbor Gazette and the Plumbers Union against him.',)),
    _pattern("supporter-apposition", "ENDORSED",   # "Mayor X, a Hillary supporter,", "X is an adamant Trump supporter"
             r"(?P<src>{ENT}),? (?:who (?:is|was|has been|had been) |is |was |, )?(?:a|an) (?:(?-i:[a-z][\w-]*) ){{0,2}}?(?P<tgt>{ENT}) "
             r"(?P<trigger>supporter|backer|endorser)\b", confidence=0.75,
             doc="'X, a Y supporter', 'X is an adamant Y supporter', 'X, who was a staunch Y supporter'.",
             examples=('As the paper notes, Mayor Ed Marsh, a Lutz supporter, is close to the party. Abe Lutz thanked him.',
                       'Abe Lutz thanked union president Ed Marsh, who was a staunch Ruth Amsel supporter.'),
             non_examples=('As the paper notes, Mayor Ed Marsh, a Lutz critic, is close to the party. Abe Lutz thanked him.',)),
    _pattern("delegate-apposition", "ENDORSED",   # "X, a Sanders delegate from New York,"
             r"(?P<src>{ENT}),? (?:who (?:is|was) |is |was )?(?:a|an|one) (?:(?-i:[a-z][\w-]*) ){{0,2}}?(?P<tgt>{ENT}) "
             r"(?P<trigger>delegate)\b", target_label="PERSON", confidence=0.75,
             doc="'X, a Y delegate': a delegate pledged to candidate Y backs Y (not a party's or a convention's delegate).",
             examples=('Abe Lutz lost the primary. Ida Cole, a Lutz delegate from Ohio, spoke for an hour.',),
             non_examples=('Abe Lutz lost the primary. Ida Cole, a DNC delegate from Ohio, spoke for an hour.',)),
    _pattern("supporter-fronted", "ENDORSED",   # "A Hillary Clinton supporter during the campaign, he praised ..."
             r"^(?:(?:a|an) )?(?:(?-i:[a-z][\w-]*) ){{0,2}}?(?P<tgt>{ENT}) (?P<trigger>supporter|backer|endorser)\b"
             r"[^,;⟦]{{0,80}}, (?P<src>{ENT})", confidence=0.75,
             doc="A sentence that opens with 'A Y supporter ..., X'.",
             examples=('The mayor spoke last. A Ruth Amsel supporter during the campaign, Ed Marsh praised the plan.',),
             non_examples=('The mayor spoke last. A Ruth Amsel critic during the campaign, Ed Marsh praised the plan.',)),
    _pattern("endorse-compound", "ENDORSED",   # "the Working Families Party-backed challenger X"
             r"(?P<src>{ENT})-(?P<trigger>backed|endorsed|supported) (?:(?-i:[a-z][\w-]*) ){{0,3}}?(?P<tgt>{ENT})",
             target_label="PERSON", confidence=0.75,
             doc="'the X-backed challenger Y': a hyphenated participle of endorsing.",
             examples=('The Harbor Party-backed challenger Abe Lutz won the primary.',),
             non_examples=('The Harbor Party-funded challenger Abe Lutz won the primary.',)),
    _pattern("party-nominee", "ENDORSED",   # "Republican presidential nominee Donald Trump": the party's nomination
             UNSETTLED + r"(?P<src>{ENT}) (?:presidential |mayoral |gubernatorial |senate |congressional |"
             r"vice-presidential )?(?P<trigger>nominee),? (?:(?:[\w.'-]+) ){{0,3}}?(?P<tgt>{ENT})(?:'s|')?",
             source_label="ORG", source_kind="party", confidence=0.75,
             doc="'Republican presidential nominee X': the party's nomination (not 'the likely Republican nominee').",
             examples=("Ed Marsh attacked Republican presidential nominee Abe Lutz's plan.",),
             non_examples=('Ed Marsh attacked the Republican plan of Abe Lutz.',
                           "Ed Marsh mocked the Harbor Transit Authority nominee Abe Lutz.",
                           "Ed Marsh attacked the likely Republican presidential nominee Abe Lutz.")),
    _pattern("party-ticket", "ENDORSED",   # the endorsee comes from the parse: "running on the Green Party ticket"
             r"(?:on|as) (?:the|a|an|both) (?P<src>{ENT}(?:,? (?:and|or) {ENT})?) (?P<trigger>tickets?|lines?|"
             r"ballot lines?)\b", source_label="ORG", confidence=0.75, single_target=True,
             doc="Running on a party's ticket or line, or two parties' lines; the candidate is read from the parse "
                 "(a party's line carries one candidate: several named on it are a primary's field).",
             examples=('Abe Lutz is running on the Green Party ticket in District 35.',
                       'Abe Lutz decided to run on the Republican and Conservative lines this fall.'),
             non_examples=('Abe Lutz is running against the Green Party candidate in District 35.',
                           "On the Green Party ticket, there's activist Abe Lutz and former judge Dana Pike.")),
    _pattern("endorse-scheduled", "ENDORSED",   # "X will be at City Hall at 11:30 a.m. to endorse Y"
             r"(?P<src>{ENT}) will (?:be|appear|hold [\w ]{{1,30}}?) (?:at|in|on|with) [^;⟦]{{0,60}}?"
             r"\b(?:today|tonight|\d{{1,2}}(?::\d\d)? ?[ap]\.m\.)[^;⟦]{{0,30}}? to (?P<trigger>endorse|back) "
             r"(?P<tgt>{TARGETS})", confidence=0.75,
             doc="'X will be at City Hall at 11:30 a.m. to endorse Y': an endorsement set for today.",
             examples=('Ida Cole lost the primary to Carl van Horne. Cole will be at City Hall at 11:30 a.m. to endorse van Horne.',),
             non_examples=('Ida Cole lost the primary to Carl van Horne. Cole will be at City Hall next week to endorse van Horne.',)),
    _pattern("endorse-possessive", "ENDORSED",   # "the Post's and the Times' endorsement of Y"
             r"(?P<src>{ENT}(?:(?:'s|'),? (?:(?:and|&) )?(?:the )?{ENT})*)(?:'s|') (?:[\w-]+ ){{0,2}}?(?P<trigger>endorsement|backing) of (?P<tgt>{ENT})",
             doc="'X's endorsement of Y', also for a list of possessors.",
             examples=("The Harbor Gazette's and the Valley Ledger's endorsement of Ruth Amsel surprised no one.",),
             non_examples=("The Harbor Gazette's endorsement of the stadium plan surprised no one.",)),
    _pattern("support-behind", "ENDORSED",
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>threw|throws|throw|throwing|thrown|put|puts|"
             r"putting|placed|places|placing) (?:its|his|her|their|my|our) (?:[\w-]+ )?(?:support|weight|backing) "
             r"(?:behind|to) (?P<tgt>{ENT})",
             doc="'X threw its support behind Y', 'has thrown its support to Y'.",
             examples=('The Plumbers Union threw its support behind Abe Lutz on Monday.',
                       'The Plumbers Union has thrown its support to Abe Lutz.'),
             non_examples=('The Plumbers Union threw its support behind the stadium plan on Monday.',)),
    _pattern("support-behind-subject", "ENDORSED",   # "X ended his campaign … and threw his support behind Y"
             r"(?P<trigger>threw|throws|throw|throwing|thrown|put|puts|putting|placed|places|placing) "
             r"(?:its|his|her|their|my|our) (?:[\w-]+ )?(?:support|weight|backing) (?:behind|to) (?P<tgt>{ENT})",
             confidence=0.75,
             doc="'... and threw his support behind Y', '..., placing his support behind Y'; the endorser is read "
                 "from the parse.",
             examples=('Ida Cole ended her campaign on Monday and threw her support behind Abe Lutz.',
                       'Ida Cole just dropped out of the race, placing her support behind Abe Lutz.'),
             non_examples=('Ida Cole ended her campaign on Monday and threw her weight into the school fight.',)),
    _pattern("support-for", "ENDORSED",
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>announced|declared|pledged|gave|lent|offered|"
             r"reaffirmed|renewed|reiterated|formalized|added)"
             r" (?:its|his|her|their) (?:[\w-]+ )?(?:endorsement|backing)(?: for [\w-]+(?: [\w-]+)?)? (?:to|for|of) "
             r"(?P<tgt>{ENT})",
             doc="'X announced its endorsement of Y', 'gave his endorsement for governor to Y'.",
             examples=('Earlier today, Mayor Ed Marsh gave his endorsement for governor to Abe Lutz.',),
             non_examples=('Earlier today, Mayor Ed Marsh gave his opinion of Abe Lutz.',)),
    _pattern("support-declared", "ENDORSED",   # "Sarandon explained her support for de Blasio"
             r"(?P<src>{LIST}){APPOS} (?P<aux>{AUX})(?P<trigger>announced|declared|pledged|offered|reaffirmed|"
             r"renewed|reiterated|explained|defended|voiced|expressed|touted) (?:its|his|her|their) (?:[\w-]+ )?"
             r"support (?:for|of) (?P<tgt>{ENT})(?!'s|')",
             target_label="PERSON", politician_target=True, confidence=0.75,
             doc="'X explained her support for Y', Y a candidate or an officeholder by the article's words "
                 "(not 'her support for the victim').",
             examples=('Abe Lutz is running for mayor. Ida Cole explained her support for Lutz over Ed Marsh.',),
             non_examples=("Abe Lutz, a firefighter, was hurt. Ida Cole expressed her support for Lutz on Monday.",
                           "Abe Lutz is running for mayor. Ida Cole explained her support for Lutz's plan.")),
    _pattern("support-possessive", "ENDORSED",   # "Kennedy's support of Obama may be seen as a betrayal"
             r"(?P<src>{ENT})(?:'s|') (?:(?-i:[a-z][\w-]*) ){{0,2}}?support (?:for|of) (?P<tgt>{ENT})(?!'s|')",
             target_label="PERSON", politician_target=True, confidence=0.75,
             doc="'X's support of Y', Y a candidate or an officeholder: a support the words take as given, "
                 "whatever the sentence then says of it.",
             examples=('Abe Lutz is running for mayor. Ida Cole\'s support of Lutz may be seen as a betrayal.',),
             non_examples=("Abe Lutz, a firefighter, was hurt. Ida Cole's support of Lutz moved the crowd.",)),
    _pattern("support-given", "ENDORSED",   # "X gave Y the support of his Independence Party"
             r"\b(?:gave|gives|giving|given|lent|lends|lending) (?P<tgt>{ENT}) (?:the|its|his|her|their) "
             r"(?P<trigger>support|backing|endorsement|nod|line) of (?P<src>{MEMBERS})", described_list=True,
             confidence=0.75,
             doc="'gave Y the support of X': X's backing is given to Y.",
             examples=('Ed Marsh helped him and gave Abe Lutz the support of his Harbor Party in three races.',),
             non_examples=('Ed Marsh helped him and gave Abe Lutz the keys of his Harbor Party office.',)),
    # LEADS
    _pattern("leader-title-before", "LEADS",
             r"(?P<mod0>{LEAD_MOD})(?P<tgt>{ENT}){POSS} (?P<mod>{MOD})(?P<role>{ROLE}),?(?: \([^()⟦]{{1,60}}\))? (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.9,
             doc="'<Organization> <title> <Person>', also with an aside: '<Organization> <title> (and ...) <Person>'.",
             examples=('However, Lakeside Outfitters president Dora Finch says the sign stays up.',
                       'Harbor Union president (and the current mayoral frontrunner) Dora Finch spoke.',
                       'However, Harbor Springs Police Chief Dora Finch says the sign stays up.'),
             non_examples=('However, Queens Borough President Dora Finch says the sign stays up.',
                           'Last week, Press Secretary Dora Finch said the sign stays up.')),
    _pattern("leaders-title-before", "LEADS",   # "Mets owners Fred Wilpon and Saul Katz": a plural title, each name
             r"(?P<mod0>{LEAD_MOD})(?P<tgt>{ENT}){POSS} (?P<mod>{MOD})(?!(?:leader|head)s\b)(?P<role>{ROLE})s "
             r"(?P<src>{ENT}(?:, {ENT})*,? and {ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.9,
             doc="'<Organization> <titles> <Person> and <Person>': a plural title before names is each one's.",
             examples=('Harbor Diner owners Dora Finch and Tom Hale closed the kitchen.',),
             non_examples=('Harbor Diner owner Dora Finch and Tom Hale closed the kitchen.',
                           'Harbor Diner workers Dora Finch and Tom Hale closed the kitchen.',
                           'Harbor Council leaders Dora Finch and Tom Hale met.')),   # a body's leaders: not each its head
    _pattern("leader-apposition", "LEADS",
             r"(?P<src>{ENT})(?:, \d{{1,3}})?(?:, | ?[—–] ?| - )(?:the |a |an |its |who is |who was )?(?P<mod>{MOD})(?P<role>{ROLE}) "
             r"(?:of|at|for) (?:the )?(?:board(?: of (?:directors|trustees|governors))? of (?:the )?)?"
             r"(?:(?:city|state|nation|country|county|borough|party|union|{ENT})(?:'s|') )?"
             r"(?:(?:(?-i:[A-Z][\w.]*)|{ENT})-based (?:the )?)?"
             r"(?-i:(?:(?:(?!(?:of|for|at|in|on|with)\b)[a-z][\w-]* ){{0,4}}?{DESCRIPTOR} (?:(?:called|named) (?:the )?)?)?)"
             r"(?P<tgt>{ENT})(?!-based)",
             source_label="PERSON", target_label="ORG", confidence=0.9,
             doc="'<Person>, president of <Organization>', also 'director of the transit group <Organization>', "
                 "'chairwoman of the board of directors of <Organization>'.",
             examples=('"It is far," said Ines Calloway, president of the PS 88 PTA.',
                       'Omar Reyes, director of the bike advocacy group Safe Streets Now, was pleased.',
                       'Tom Hale, CEO of biotechnology giant Vextra Inc., said prices will rise.',
                       '"We need more," said Vera Oakes, chairwoman of the board of directors of the Harbor Arts League.',
                       'Tom Hale, president of the developer and landlord lobbying group Harbor Realty Board, agreed.',
                       'Late on Monday Tom Hale—President and CEO of the Harbor Arts League—announced a fee.',
                       'Tom Hale, chairman of a small group called the Harbor Peace Committee, spoke.',
                       'Tom Hale, leader of Queens-based The Marsh Owls, spoke.',
                       'Tom Hale, 86, chairman of the Harbor Arts League, spoke.',
                       'Tom Hale, President & CEO of the Harbor Arts League, spoke.',
                       'Tom Hale, director of the Harbor Growers Union-based advocacy group Clean Streets, spoke.',
                       "Tom Hale, director of Marsh University's Harbor Institute, spoke."),
             non_examples=('"It is far," said Ines Calloway, a member of the PS 88 PTA.',
                           'Omar Reyes, director of the local chapter of Safe Streets Now, was pleased.')),
    _pattern("leader-apposition-second", "LEADS",   # "X, co-founder of A and co-chair of B"
             r"(?P<src>{ENT}), (?:the |a |an )?[\w -]{{1,40}}? (?:of|at|for) (?:the )?{ENT}(?: [\w-]+)?,? and "
             r"(?:the |a |an )?(?P<mod>{MOD})(?P<role>{ROLE}) (?:of|at|for) (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'X, co-founder of A and co-chair of B': the second role.",
             examples=('Rita Vance, co-founder of the Elm Street Neighbors group and co-chair of the Ward 4 Parks Committee, spoke.',),
             non_examples=('Rita Vance, co-founder of the Elm Street Neighbors group and a member of the Ward 4 Parks Committee, spoke.',)),
    _pattern("leader-apposition-possessive", "LEADS",   # not "X, Assembly Speaker Y": the title is Y's
             r"(?P<src>{ENT}), (?:who (?:is|was) )?(?:the )?(?-i:(?:(?!(?:of|to|for|at|in|with|by|from|and|or|state|city|county|"
             r"national|federal|local)\b)[a-z][\w-]* ){{0,2}}?)(?P<mod0>{MOD})(?P<tgt>{ENT}){POSS} (?P<mod>{MOD})"
             r"(?P<role>{ROLE})\b(?!,? ⟦| of (?!the board\b))",
             source_label="PERSON", target_label="ORG", confidence=0.9,
             doc="'<Person>, <Organization>'s president', '<Person>, who is the <Organization>'s president', "
                 "not its 'director of station signage' nor 'Director of Veterinary Services' (a unit's head).",
             examples=("Dora Finch, the Harbor Alliance's president, spoke first.",
                       "The mayor has strained relations with Dora Finch, the embattled Harbor Alliance chairman.",
                       "Dora Finch, a former Harbor Alliance chairman, spoke first.",
                       "Hector Vale, who is the Harbor Union's Secretary Treasurer, said no."),
             non_examples=('The mayor was there, with Governor Ed Lyle, Assembly Speaker Sam Orr and others.',
                           "The mayor has strained relations with Dora Finch, the new state Harbor Party chairman.",
                           '"It is a popular dish," said Dora Finch, Lakeside Outfitters\' chief marketing officer.',
                           "Dora Finch, the Harbor Transit Authority's director of station signage, spoke first.",
                           "Dora Finch, the Harbor Animal League's Director of Equine Veterinary Services, spoke first.")),
    _pattern("leader-role-of-then-name", "LEADS",   # "the current chair of the party, Lucia Trujillo"
             r"(?<!⟧, )(?<!⟧, the )(?<!⟧, a )(?<!⟧, an )"      # not the title of the name before it
             r"(?P<mod>{MOD})(?P<role>{ROLE}) of (?:the )?(?P<tgt>{ENT}), (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'the current chair of the party, <Person>'.",
             examples=('The current chair of the Harbor City Democratic Committee, Lucia Trujillo, spoke.',),
             non_examples=('The current offices of the Harbor City Democratic Committee, Lucia Trujillo said, are small.',
                           'According to Tom Hale, head of the Harbor Captains Association, Ida Cole feels betrayed.')),
    _pattern("leader-title-of-then-name", "LEADS",   # "President of the United Federation of Teachers Michael Mulgrew"
             r"(?<!⟧, )(?<!⟧ )(?P<mod>{MOD})(?P<role>(?=(?-i:[A-Z])){ROLE}) of (?:the )?(?P<tgt>{ENT}) (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'President of the <Organization> <Person>': a capitalized title of a body, then the name.",
             examples=('The plan was praised by President of the Harbor Teachers Union Tom Hale on Monday.',
                       'The plan was praised by Chairman of the Harbor Transit Authority Sam Orr on Monday.'),
             non_examples=('The plan was praised by the president of the Harbor Teachers Union on Monday.',
                           'Ida Cole, President of the Harbor Teachers Union Tom Hale said, is away.')),
    _pattern("leader-whose", "LEADS",   # "the Oregon AFL-CIO, whose president, Walt Demers, said"
             r"(?P<tgt>{ENT}){APPOS} whose (?P<mod>{MOD})(?P<role>{ROLE}),? (?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'<Organization>, whose president, <Person>, ...'.",
             examples=('The union met with the Oregon AFL-CIO, whose president, Walt Demers, said it was ready.',),
             non_examples=('The union met with the Oregon AFL-CIO, whose member, Walt Demers, said it was ready.',)),
    _pattern("leader-passive", "LEADS",   # "The alliance is led by president Janelle Corrigan"
             r"(?P<tgt>{ENT}){APPOS} (?:is|was|has been|had been) (?P<role>led|headed|chaired|run|directed) by "
             r"(?:its |the )?(?:(?P<mod>{MOD})(?P<title>{ROLE}) )?(?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'<Organization> is led by president <Person>'.",
             examples=('The Harbor Alliance is led by president Janelle Corrigan.',),
             non_examples=('The Harbor Alliance is funded by donor Janelle Corrigan.',)),
    _pattern("leader-passive-reduced", "LEADS",   # "Y (run by developer X)", "Y, a group led by X"
             r"(?P<tgt>{ENT})(?: \(|, (?:a|an|the) (?:(?-i:[a-z][\w-]*) ){{1,3}}?)(?P<role>led|headed|chaired|run) "
             r"by (?:its |the )?(?:(?P<mod>{MOD})(?P<title>{ROLE}) )?(?:{ENT}(?:'s|') )?{DESCRIBED}(?P<src>{ENT})(?!'s|')",
             source_label="PERSON", target_label="ORG", confidence=0.8,
             doc="'<Organization> (run by <Person>)', '<Organization>, a group led by <Person>': a reduced passive set "
                 "beside the name.",
             examples=('Harbor Holdings (run by developer Dana Reyes) bought the lot.',
                       'The Tenants Alliance, a group led by Dana Reyes, marched on Monday.',
                       "Harbor Holdings (run by Tom Hale's daughter Dana Reyes) bought the lot."),
             non_examples=('The Tenants Alliance, a group funded by Dana Reyes, marched on Monday.',
                           "The Harbor Hawks, led by Dana Reyes's 30 points, won.",
                           'The Harbor Hawks, led by Dana Reyes, won the game.',
                           'It stars Tom Hale and Ida Cole—directed by Dana Reyes—and opens today.')),
    _pattern("leader-verb", "LEADS",
             r"(?P<src>{ENT}),? (?:who )?(?P<aux>(?:also |currently |now |once )?)(?P<role>leads|heads|chairs|"
             r"runs|directs|led|headed|chaired|ran|directed) (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.8,
             doc="'<Person> heads/leads the <Organization>'.",
             examples=('Janelle Corrigan heads the Harbor Alliance.',),
             non_examples=('Janelle Corrigan joined the Harbor Alliance.',)),
    _pattern("owner-verb", "LEADS",   # "X, who owns the Y"; "owned" is a former role
             r"(?P<src>{ENT}),? (?:who )?(?P<aux>(?:also |now |once |still )?)(?P<role>co-owns|co-owned|owns|owned)"
             r"(?: and (?:operates|runs|manages|operated|ran|managed))? (?:the |a |an )?{DESCRIBED}(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.8,
             doc="'<Person>, who owns the <business>': the owner of a business leads it.",
             examples=('Tom Hale, who owns the Vextra Corporation, gave money.',
                       'Ida Cole co-owns the Harbor Bakery Company with her brother.'),
             non_examples=('Tom Hale, who owns a house near the Vextra Corporation, gave money.',
                           'Tom Hale, who owns the house behind Vextra Corporation, gave money.',
                           'Tom Hale, who knows the Vextra Corporation well, gave money.')),
    _pattern("leader-joined-as", "LEADS",   # "X joined Y as its president"
             r"(?P<src>{ENT}){APPOS},? (?P<aux>{AUX})(?P<trigger>joined|joins|join|joining|rejoined) (?:the )?(?P<tgt>{ENT})"
             r"(?: in (?-i:[A-Z])[\w.' ]{{0,30}}?)? as (?:its |the |their |⟦\d+⟧ )?(?:new )?(?P<mod>{MOD})(?P<role>{ROLE})\b",
             source_label="PERSON", target_label="ORG", confidence=0.85,
             doc="'<Person> joined <Organization> as its president': a head's title (not 'as a director', a board seat).",
             examples=('Tom Hale joined Vextra Inc. as its president in 2010.',
                       'In 2012 Ida Cole joined the Harbor Arts League as executive director.'),
             non_examples=('Tom Hale joined Vextra Inc. as a consultant in 2010.',
                           'Ida Cole joined the Harbor Arts League as a director in 2012.')),
    # ADVISES
    _pattern("adviser-title-before", "ADVISES",
             r"(?P<mod0>{MOD})(?P<tgt>{ENT}){POSS} (?:(?:(?-i:[a-z][\w-]*) )?campaign )?(?P<mod>{MOD})"
             r"(?P<role>{ADVISER})s?,? (?:(?:former|state|then-|(?-i:[A-Z][\w.'-]*)|⟦\d+⟧) ){{0,6}}?(?P<src>{LIST})",
             source_label="PERSON", target_label="PERSON", confidence=0.9,
             doc="'<Candidate>'s (national) campaign manager <Person>', '<Candidate>'s advisers <A> and <B>'.",
             examples=("Paula Greer thanked her staff. Greer campaign manager Ann O'Rourke-Rudd said the team was ready.",
                       "Paula Greer spoke. Greer's national campaign finance chairman Tom Hale gave money on Monday.",
                       "The remarks were disavowed by Paula Greer's advisers Tom Hale and Ida Cole on Monday."),
             non_examples=("Paula Greer thanked her staff. Greer campaign volunteer Ann O'Rourke-Rudd said the team was ready.",)),
    _pattern("adviser-team-includes", "ADVISES",   # "Lutz's team, which includes A, B and C"
             r"(?P<tgt>{ENT})(?:'s|') (?:campaign |senior |inner |political )?" + alternation(STAFF_NOUNS) +
             r"(?:, which| now)? (?P<trigger>includes?|included|consists of|is made up of) (?P<src>{MEMBERS})",
             described_list=True, source_label="PERSON", target_label="PERSON", politician_target=True,
             confidence=0.75, role="campaign staff",
             doc="'<Candidate>'s team, which includes A, B and C': the members of a politician's team advise them.",
             examples=("Senate candidate Abe Lutz spoke. Lutz's team, which includes Tom Hale, the pollster Ida Cole "
                       "and Sam Orr, met Monday.",),
             non_examples=("Senate candidate Abe Lutz spoke. Lutz's team faced Tom Hale, the pollster Ida Cole and "
                           "Sam Orr on Monday.",
                           "Abe Lutz's team, which includes Tom Hale and Ida Cole, won the bowling league.")),
    _pattern("adviser-hired-to-run", "ADVISES",   # "Marlowe hired X to run his campaign", "Marlowe's hiring of X to run ..."
             r"(?P<tgt>{ENT})(?:(?:'s|') |{APPOS} (?P<aux>{AUX}))(?P<trigger>hiring of|choice of|hired|tapped|named|picked|"
             r"chose|recruited|brought in|brought on) (?:(?:[\w-]+|⟦\d+⟧) ){{0,3}}?(?P<src>{ENT})(?:, [^;⟦]{{0,120}}?,)? "
             r"to (?:run|manage|lead|head) (?:his|her|their|the) (?:(?-i:[a-z][\w-]*) )?campaign\b",
             source_label="PERSON", target_label="PERSON", confidence=0.8, role="campaign manager",
             doc="'<Candidate> hired <Person> to run his campaign', '<Candidate>'s hiring of <Person> to run his campaign'.",
             examples=('Abe Lutz hired Tom Hale, a veteran operative, to run his campaign.',
                       "Ida Cole criticized Abe Lutz's hiring of Harbor Bank president Tom Hale to run his campaign."),
             non_examples=('Abe Lutz hired Tom Hale to run his bakery.',)),
    _pattern("adviser-runs-campaign", "ADVISES",   # "X left in 2014 to run Marlowe's re-election campaign"
             r"\b(?P<trigger>run|runs|ran|manage|manages|managed) (?P<tgt>{ENT})(?:'s|') "
             r"(?:(?-i:[a-z][\w-]*|\d{{4}}) ){{0,2}}campaign\b",
             source_label="PERSON", target_label="PERSON", confidence=0.8, role="campaign manager",
             doc="'<Person> left the firm to run <Candidate>'s re-election campaign', '<Person>, who ran <Candidate>'s "
                 "campaign'; the manager is the verb's subject in the parse.",
             examples=("Tom Hale left the state job in 2014 to run Abe Lutz's re-election campaign.",
                       "Tom Hale, who ran Abe Lutz's 2010 campaign, declined to comment."),
             non_examples=("Tom Hale, who ran against Abe Lutz's campaign, declined to comment.",
                           "Tom Hale will not run Abe Lutz's campaign.")),
    _pattern("adviser-runs-campaign-of", "ADVISES",   # "X managed the presidential campaign of Marlowe"
             r"\b(?P<trigger>run|runs|ran|manage|manages|managed) the (?:(?-i:[a-z][\w-]*|\d{{4}}) ){{0,2}}campaign of "
             r"(?P<tgt>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.8, role="campaign manager",
             doc="'<Person> managed the presidential campaign of <Candidate>'; the manager is the verb's subject in the parse.",
             examples=("Tom Hale managed the presidential campaign of Abe Lutz in 1988.",),
             non_examples=("Tom Hale covered the presidential campaign of Abe Lutz in 1988.",)),
    _pattern("adviser-works-on-campaign", "ADVISES",   # "X had been working on his campaign", "X worked for the Lutz campaign"
             r"\b(?P<trigger>works|worked|working|work) (?:on|for) (?:the )?(?P<tgt>{ENT})(?:(?:'s|') | )"
             r"(?:(?-i:[a-z][\w-]*|\d{{4}}) ){{0,2}}campaign\b(?! (?:to|against|for)\b)",
             source_label="PERSON", target_label="PERSON", confidence=0.75, role="campaign staff",
             doc="'<Person> worked on <Candidate>'s campaign', 'worked for the <Candidate> campaign'; the worker from the parse.",
             examples=("Tom Hale worked on Abe Lutz's 2010 campaign before he ran himself.",
                       "Tom Hale, who worked for the Abe Lutz campaign, declined to comment."),
             non_examples=("Tom Hale worked on Abe Lutz's campaign to ban plastic bags.",
                           "Tom Hale reported on Abe Lutz's 2010 campaign for the Post.")),
    _pattern("adviser-serves-as", "ADVISES",   # "X, who serves as finance chairman in Lutz's campaign"
             r"\b(?P<trigger>serves|served|serving|serve) as (?:the |a |an |its |his |her )?(?P<mod>{MOD})"
             r"(?:(?-i:[a-z][\w-]*) )?(?P<role>{ADVISER}) (?:in|for|on|of|to) (?:the )?(?P<tgt>{ENT})"
             r"(?:(?:'s|') (?:(?-i:[a-z][\w-]*) ){{0,2}}campaign| campaign)?\b",
             source_label="PERSON", target_label="PERSON", confidence=0.8,
             doc="'<Person> serves as finance chairman in <Candidate>'s campaign'; the one who serves from the parse.",
             examples=("Tom Hale, the developer who serves as finance chairman in Abe Lutz's campaign, gave money.",),
             non_examples=("Tom Hale served as a juror for Abe Lutz's trial in 2010.",)),
    _pattern("adviser-joined", "ADVISES",
             r"(?P<src>{ENT}){APPOS},? (?P<aux>{AUX})(?P<trigger>joined|joins|join) (?P<tgt>{ENT}){POSS} "
             r"(?:(?:[\w-]+|{ENT}) )?campaign as (?:a |an |the |its |his |her )?(?:[\w-]+ )??(?P<role>{ADVISER}|{ROLE})",
             source_label="PERSON", target_label="PERSON", confidence=0.9,
             doc="'<Person> joined <Candidate>'s campaign as a senior adviser'.",
             examples=("Tom Reyes joined Paula Greer's campaign as a senior adviser in May.",),
             non_examples=("Tom Reyes joined Paula Greer's campaign as a volunteer in May.",)),
    _pattern("adviser-apposition", "ADVISES",
             r"(?P<src>{ENT}), (?:a |an |the )?(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for) "
             r"(?:the )?(?P<tgt>{ENT})(?: campaign)?", source_label="PERSON", target_label="PERSON", confidence=0.9,
             doc="'<Person>, a senior adviser to <Candidate>'.",
             examples=('Ann Rudd, a senior adviser to Paula Greer, declined to comment.',),
             non_examples=('Ann Rudd, a neighbor of Paula Greer, declined to comment.',)),
    _pattern("adviser-for-rival", "ADVISES",   # "X, a spokesman for Y's rival, Z"
             r"(?P<src>{ENT}), (?:a |an |the )?(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for) {ENT}"
             r"(?:'s|') (?:[\w-]+ )?(?:rival|opponent|challenger),? (?:former |then-)?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.85,
             doc="'<Person>, a spokesman for <A>'s rival, <Candidate>'.",
             examples=("Ben Toll, a strategist for Greer's rival, Dale Hughes, disagreed.",),
             non_examples=("Ben Toll, a neighbor of Greer's rival, Dale Hughes, disagreed.",)),
    _pattern("adviser-apposition-possessive", "ADVISES",
             r"(?P<src>{ENT})(?:, (?:who (?:is|was) )?| (?:is|was|has been) )(?:(?:also|now) )?(?:(?:a|an|the) )?"
             r"(?P<mod0>{MOD})(?:(?-i:[a-z][\w-]*) )?(?P<tgt>{ENT}){POSS} (?:(?:(?-i:[a-z][\w-]*) )?campaign )?(?P<mod>{MOD})"
             r"{ADVISER_MOD}(?P<role>{ADVISER})\b(?!,? ⟦)", source_label="PERSON", target_label="PERSON", confidence=0.9,
             doc="'<Person>, <Candidate>'s campaign manager', '<Person>, who is <Candidate>'s finance chairman', "
                 "'<Person>, a top <Candidate> adviser', '<Person> is a longtime <Candidate> strategist'.",
             examples=("Ann Rudd, Paula Greer's campaign manager, declined to comment.",
                       "Paula Greer spoke. Tom Hale, who is Greer's Finance Chairman, responded to a question.",
                       "Ann Rudd, a top Paula Greer adviser, declined to comment.",
                       "Ann Rudd, Paula Greer's top adviser, declined to comment.",
                       "Paula Greer spoke. Ann Rudd is a longtime Greer strategist.",
                       "Ann Rudd, a Greer campaign spokeswoman, declined to comment. Paula Greer left."),
             non_examples=("Ann Rudd, Paula Greer's neighbor, declined to comment.",
                           "Ann Rudd, a Greer spokeswoman, declined to comment. Mayor Paula Greer left.")),
    _pattern("adviser-role-then-name", "ADVISES",   # "an adviser to Rangel's campaign, Charlie King, said"
             r"(?P<mod>{MOD})(?:[\w-]+ )??(?P<role>{ADVISER}) (?:to|for|on) (?:the )?(?P<tgt>{ENT})(?:'s|')? "
             r"(?:[\w-]+ )?campaign,? (?P<src>{ENT})", source_label="PERSON", target_label="PERSON", confidence=0.85,
             doc="'an adviser to <Candidate>'s campaign, <Person>, said'.",
             examples=("Mayor Carla Dunn ran again. An adviser to Dunn's campaign, Lia Poe, said the race was tight.",),
             non_examples=("Mayor Carla Dunn ran again. A critic of Dunn's campaign, Lia Poe, said the race was tight.",)),
    _pattern("adviser-hired", "ADVISES",   # "Marlowe named Cynthia Oakes as his new campaign manager"
             r"(?P<tgt>{ENT})(?:(?:'s|') campaign)?{APPOS} (?P<aux>{AUX})(?P<trigger>named|hired|tapped|appointed|brought on|added|picked|"
             r"chose|recruited|announced) (?:[\w-]+ ){{0,3}}?(?P<src>{ENT})(?:, [^;⟦]{{0,160}}?,)?,? (?:[\w,-]+ ){{0,6}}?as (?:(?:his|her|their|its|the "
             r"campaign's|a|an|the) )?(?:new |top |chief |senior )?(?P<role>{ADVISER})",
             source_label="PERSON", target_label="PERSON", confidence=0.8,
             doc="'<Candidate> named <Person> as his campaign manager'.",
             examples=('Marlowe named Cynthia Oakes, a veteran operative, as his new campaign manager.',
                       'Marlowe named Cynthia Oakes, an operative who has run races in three western states, as his '
                       'new campaign manager.',
                       "Abe Lutz's campaign also announced it had hired Ann Rudd as finance director."),
             non_examples=('Marlowe named Cynthia Oakes, a veteran operative, as a witness.',)),
    _pattern("campaign-run-by", "ADVISES",
             r"(?P<tgt>{ENT})(?:'s|') (?:re-?election |presidential |mayoral )?campaign,? (?:[^,;⟦]{{0,60}}?, )?"
             r"(?P<aux>{AUX})(?:is|was|has been|had been|will be) (?P<trigger>run|managed) by (?P<src>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.8, role="campaign manager",
             doc="'<Candidate>'s campaign is run by <Person>': the person manages it.",
             examples=("Abe Lutz's campaign is run by Ann Rudd, a veteran of two races.",),
             non_examples=("Abe Lutz's campaign is funded by Ann Rudd, a veteran of two races.",)),
    _pattern("adviser-verb", "ADVISES",
             r"(?P<src>{ENT}),? (?:who )?(?P<aux>{AUX})(?P<role>advises|advised|advising) (?:the (?=⟦\d+⟧ campaign))?"
             r"(?P<tgt>{ENT})",
             source_label="PERSON", target_label="PERSON", confidence=0.8,
             doc="'<Person> advises <Candidate>', also '<Person> has informally advised the <Candidate> campaign'.",
             examples=('Ann Rudd, who advises Paula Greer, declined to comment.',
                       'Ann Rudd, who has informally advised the Paula Greer campaign, declined to comment.'),
             non_examples=('Ann Rudd, who knows Paula Greer, declined to comment.',)),
    # FOUNDED
    _pattern("founded-grew-out", "FOUNDED",
             r"(?P<tgt>{ENT}),? (?:(?:the|a|an) (?:[\w'-]+ ){{0,4}}?)?(?:that |which |who )?(?:[\w-]+ )?"
             r"(?P<trigger>grew out of|was born out of|emerged from|sprang from|came out of|was founded by|"
             r"was started by|was created by|was launched by|founded by|started by|created by) "
             r"(?:[\w-]+ ){{0,2}}?(?P<src>{ENT})",
             source_label="PERSON", target_label="ORG", confidence=0.8,
             doc="'<Organization> grew out of <Person>'s campaign', 'was founded by'.",
             examples=('The Harbor Alliance was founded by Janelle Corrigan in 2004.',),
             non_examples=('The Harbor Alliance was praised by Janelle Corrigan in 2004.',)),
    _pattern("founded-active", "FOUNDED",
             r"(?P<src>{ENT}){APPOS} (?P<aux>{AUX})(?P<trigger>founded|co-founded|cofounded) (?:the )?(?P<tgt>{ENT})",
             target_label="ORG", confidence=0.85,
             doc="'<Person> founded <Organization>'.",
             examples=('Janelle Corrigan founded the Harbor Alliance in 2004.',),
             non_examples=('Janelle Corrigan joined the Harbor Alliance in 2004.',)),
    _pattern("founder-title", "FOUNDED",
             r"(?P<tgt>{ENT}){POSS} (?:co-?)?founder (?P<src>{ENT})", source_label="PERSON", target_label="ORG",
             doc="'<Organization> founder <Person>'.",
             examples=('Harbor Alliance founder Janelle Corrigan spoke first.',),
             non_examples=('Harbor Alliance member Janelle Corrigan spoke first.',)),
    _pattern("founder-apposition", "FOUNDED",
             r"(?P<src>{ENT}), (?:the |a )?(?:co-?)?founder of (?:the )?(?P<tgt>{ENT})",
             source_label="PERSON", target_label="ORG",
             doc="'<Person>, the founder of <Organization>'.",
             examples=('Janelle Corrigan, the founder of the Harbor Alliance, spoke first.',),
             non_examples=('Janelle Corrigan, a donor to the Harbor Alliance, spoke first.',)),
    # MEMBER_OF
    _pattern("member-apposition", "MEMBER_OF",
             r"(?P<src>{ENT}),? (?:who is |which is |is |was |are )?(?:a |an )?(?:[\w-]+ )?(?:member|affiliate)"
             r" of (?:the )?(?P<tgt>{ENT})", target_label="ORG", confidence=0.8,
             doc="'<Person>, a member of <Organization>'.",
             examples=('Janelle Corrigan, a member of the Harbor Alliance, spoke first.',),
             non_examples=('Janelle Corrigan, a critic of the Harbor Alliance, spoke first.',)),
]
