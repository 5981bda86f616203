"""Relations stated in a sentence: surface patterns over a slotted view, checked against the parse.

Surface patterns (:mod:`.patterns`) survive the parser's mistakes on long list sentences; the
dependency parse finds subjects that sit far from their verb, and tells negation and modality.
Where both read the same trigger word, they must agree on the endpoints or the surface reading wins.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..graph import schema
from .mention_model import ArticleEntities, Mention
from .patterns import MACROS, PATTERNS, Pattern, alternation
from .quotes import inside, quote_speaker
from .required_text import folded, required_strings
from .vocabulary import (
    ACQUIRE_LEMMAS,
    ADVISER_HEADS,
    BALLOT_WORDS,
    BODY_WORDS,
    CAMPAIGN_FOR_LEMMAS,
    CAMPAIGN_NOUNS,
    CAMPAIGN_ONLY_ROLES,
    CANDIDACY_WORDS,
    ENDORSE_LEMMAS,
    ENDORSE_NOUNS,
    FORMER_WORDS,
    FUNCTION_NOUNS,
    GERUND_PREPOSITIONS,
    HEDGE_VERBS,
    HEDGE_WORDS,
    LEAVING_LEMMAS,
    LEAVING_NOUNS,
    LEGISLATURE_WORDS,
    MEMBER_BODIES,
    MODAL_WORDS,
    NOMINATE_LEMMAS,
    NUMBER_WORDS,
    OFFICE_HOLDER_TITLES,
    OFFICE_TITLES,
    ORG_NAME_DESCRIPTORS,
    PERSON_NOUNS,
    PREDICATED_ADVISER_ROLES,
    PREDICATED_TITLES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SHARED_TITLES,
    STAFF_FUNCTIONS,
    STAFF_NOUNS,
    SUPPORT_VERB_FORMS,
    TITLES,
    TITLE_MODIFIERS,
)

SLOT = re.compile(r"⟦(\d+)⟧")
TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|\d{1,2}(?::\d\d)? ?[ap]\.m\.)", re.IGNORECASE)
AGREEMENT_CONFIDENCE = 0.95
PARSE_CONFIDENCE = 0.7
SUBJECTS = ("nsubj", "nsubjpass")
POSSESSOR_BEFORE = re.compile(r"⟧(?:'s|') $")            # "... the ⟦1⟧'s " right before a slot


@dataclass
class Found:
    """A relation read from one sentence."""

    relation: str
    source: str                      # canonical entity names
    target: str
    sentence: Span
    rule: str
    confidence: float
    trigger: int | None = None       # token index of the trigger word, when known
    properties: dict = field(default_factory=dict)


def sentence_relations(sent: Span, entities: ArticleEntities, quoted: list[tuple[int, int]]) -> list[Found]:
    """Every relation the sentence states, surface and parse readings reconciled."""
    view = SlotView(sent, entities)
    patterns = patterns_that_may_match(view.text)
    explicit = [f for p in patterns for f in _surface(p, view, sent)]
    covered = {f.trigger for f in explicit if f.trigger is not None}
    surface = explicit + [f for p in patterns for f in _surface(p, view, sent, from_parse=True)
                          if f.trigger not in covered]
    parsed = _parse_endorsements(sent, entities) + _parse_endorsement_nouns(sent, entities) + \
        _parse_campaigning(sent, entities) + _parse_roles(sent, entities) + _parse_adviser_roles(sent, entities)
    found = _reconcile(surface + staff_list(view, sent), parsed)
    return [f for f in found if not (f.relation == "ENDORSED" and _inside(f.trigger, sent.doc, quoted)
                                     and not _said_by_source(f, sent.doc, quoted, entities))]


PATTERN_NEEDS = [(pattern, required_strings(pattern.regex)) for pattern in PATTERNS]
NEEDED_STRINGS = sorted({s for _, needs in PATTERN_NEEDS if needs is not None for s in needs})


def patterns_that_may_match(text: str) -> list[Pattern]:
    """The patterns, in order, less those that need a string ``text`` lacks (none of which can match it)."""
    key = folded(text)
    present = {s for s in NEEDED_STRINGS if s in key}
    return [pattern for pattern, needs in PATTERN_NEEDS if needs is None or not present.isdisjoint(needs)]


STAFF_HEAD = re.compile(r"⟦(\d+)⟧(?:'s|') (?:campaign |senior |inner |political )?" + alternation(STAFF_NOUNS)
                        + r"\b")
ISSUE_CAMPAIGN = re.compile(r"(?:[\w-]+ )?campaigns? (?:to|against)\b", re.IGNORECASE)   # a cause, not a candidacy
OF_A_FUNCTION = re.compile(r" of (?!the |a |an )(?:[a-z][\w-]* ){0,2}" + alternation(FUNCTION_NOUNS)
                           + r"(?=[,.;]| at | for | and |$)")   # after a title: a staff function, not a body
STAFF_ITEM = re.compile(r"(?:;|:|\bincludes?|\bincluded|\bare|\bis) (?:and )?⟦(\d+)⟧, (?:(?:his|her|their|a|an|the) )?"
                        r"(?:(?:new|top|chief|senior|longtime|campaign) )*(" + MACROS["ADVISER"] + r")\b", re.IGNORECASE)


def staff_list(view: "SlotView", sent: Span) -> list[Found]:
    """"Lutz's team includes A, his campaign manager; B, a spokesman; and C, his pollster": each
    member advises the team's principal ("his" inside the list is the principal)."""
    head = STAFF_HEAD.search(view.text)
    if head is None:
        return []
    principal = view.slots[int(head.group(1))]
    found = []
    for item in STAFF_ITEM.finditer(view.text, head.end()):
        member = view.slots[int(item.group(1))]
        if member.label == "PERSON" and member.entity != principal.entity:
            found.append(Found("ADVISES", member.entity, principal.entity, sent, "surface:staff-list", 0.8,
                               view.token_at(item.start(2)), {"role": item.group(2).lower()}))
    return found


def listed_endorsements(doc: Doc, entities: ArticleEntities) -> list[Found]:
    """"Okafor received the endorsement of three groups:" followed by one list item per endorser."""
    found = []
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences):
        if not sent.text.strip().endswith(":"):
            continue
        trigger = next((t for t in sent if t.lower_ in ENDORSE_NOUNS), None)
        if trigger is None or trigger.head.lemma_ not in ACQUIRE_LEMMAS \
                or _hedged_token(trigger):
            continue
        subject = _subject_of(trigger.head)
        endorsees = _mentions_of(subject, entities.mentions) if subject is not None else []
        for item in sentences[index + 1:]:
            if not item.text.strip():
                continue
            if not _list_item(doc, item):
                break
            endorser = next((m for m in entities.mentions if item.start <= m.start < item.end and m.label == "ORG"),
                            None)
            for endorsee in endorsees if endorser else []:
                found.append(Found("ENDORSED", endorser.entity, endorsee.entity, item, "surface:endorse-list",
                                   0.75, trigger.i, {"status": "endorsed"}))
    return found


def _list_item(doc: Doc, sent: Span) -> bool:
    """A line that starts with a bullet, or with the blanks a Markdown bullet leaves behind."""
    line_start = doc.text.rfind("\n", 0, sent.start_char) + 1
    return bool(re.match(r"\s*[-*•]\s|\s+\S", doc.text[line_start:line_start + 12]))


SPACES = re.compile(r"\s+")


class SlotView:
    """The sentence as text with each mention replaced by a slot, and a map back to tokens."""

    def __init__(self, sent: Span, entities: ArticleEntities):
        self.entities = entities
        self.slots: list[Mention] = []
        pieces, self.offsets, self.tokens = [], [], []
        length, i = 0, sent.start
        while i < sent.end:
            token = sent.doc[i]
            mention = entities.at(i)
            if mention and mention.start == i and mention.end <= sent.end:
                next_i = _after_parenthetical_acronym(sent, mention, entities)
                text = f"⟦{len(self.slots)}⟧" + _slot_text(sent, next_i)
                self.slots.append(mention)
            else:
                text = SPACES.sub(" ", token.text_with_ws) if not token.is_space else " "
                next_i = i + 1
            if text.strip() or (pieces and not pieces[-1].endswith(" ")):
                self.offsets.append(length)
                self.tokens.append(i)
                pieces.append(text)
                length += len(text)
            i = next_i
        self.text = "".join(pieces)

    def mentions(self, group: str | None) -> list[Mention]:
        return [self.slots[int(n)] for n in SLOT.findall(group or "")]

    def token_at(self, offset: int) -> int:
        return self.tokens[max(bisect.bisect_right(self.offsets, offset) - 1, 0)]


def _after_parenthetical_acronym(sent: Span, mention: Mention, entities: ArticleEntities) -> int:
    """Skip "(CWA)", "(GCC PAC)" right after the name it abbreviates, so "the X (X), which …" reads as one name."""
    end = mention.end
    if end + 2 < sent.end and sent.doc[end].text == "(":
        inner = entities.at(end + 1)
        if inner is not None and inner.entity == mention.entity and inner.end < sent.end \
                and sent.doc[inner.end].text == ")":
            return inner.end + 1
    return end


VERB_CLITICS = frozenset({"'m", "'re", "'ve", "'ll", "'d"})


def _slot_text(sent: Span, resume: int) -> str:
    """A slot with the spacing of what follows the text it replaces, and a space before a verb's clitic:
    "⟦1⟧ 'm proud to endorse ⟦2⟧" reads as "⟦1⟧ am proud to endorse ⟦2⟧" does."""
    if resume < sent.end and sent.doc[resume].lower_ in VERB_CLITICS:
        return " "
    return sent.doc[resume - 1].whitespace_


def _surface(pattern: Pattern, view: SlotView, sent: Span, from_parse: bool = False) -> list[Found]:
    """Readings of ``pattern``; with ``from_parse``, only patterns that take an endpoint from the parse."""
    if from_parse != pattern.endpoint_from_parse:
        return []
    found = []
    for match in pattern.regex.finditer(view.text):
        groups = match.groupdict()
        if _ends_in_possessor(match, view.text) and not _ends_in_title_holder(match):
            continue
        if _led_thing_named_by_modifier(pattern, match, view, sent) or _possessor_board(pattern, match, view, sent):
            continue
        trigger = view.token_at(match.start("trigger")) if groups.get("trigger") else None
        if _hedged_words(groups.get("aux"), sent) or (trigger is not None and _hedged_token(sent.doc[trigger])):
            continue
        sources = _sources(pattern, match, view, sent, trigger)
        targets = view.mentions(groups["tgt"]) if "tgt" in groups else _endorsee_from_parse(sent.doc[trigger], view)
        properties = _properties(pattern, groups)
        if _office_or_staff(pattern, match, view, sent):
            continue
        if pattern.politician_target:
            targets = [t for t in targets if _politician(t.entity, view.entities, sent.doc)]
        if pattern.single_target and len({t.entity for t in targets}) > 1:
            continue
        if pattern.source_kind:
            sources = [s for s in sources if view.entities.entities[s.entity].kind == pattern.source_kind]
        for source in sources:
            for target in targets:
                if _fits(pattern, source, target):
                    found.append(Found(pattern.relation, source.entity, target.entity, sent,
                                       f"surface:{pattern.name}", pattern.confidence, trigger, dict(properties)))
    return found


def _sources(pattern: Pattern, match: re.Match[str], view: SlotView, sent: Span, trigger: int | None) -> list[Mention]:
    """Who the match says did it: the slots of ``src``, the counted organizations, or the parse's subject."""
    groups = match.groupdict()
    if "count" in groups:
        return _counted_referents(groups, view, match)
    if "src" not in groups:
        subject = _subject_of(sent.doc[trigger])
        return _mentions_of(subject, view.slots) if subject is not None else []
    sources = listed_members(view, match) if pattern.described_list else view.mentions(groups["src"])
    between = view.text[match.end("src"):match.start("trigger")] if groups.get("trigger") else ""
    if re.match(r"\W*(?:who|which|that)\b", between, re.IGNORECASE):
        return sources[-1:]                          # "A and B, who endorsed C": only B did
    return sources


def _office_holder(entity: str, entities: ArticleEntities, doc: Doc) -> bool:
    """The article gives ``entity`` an office somewhere ("Gov. Cuomo", "Mayor de Blasio", "Council Member X")."""
    def titled(start: int) -> bool:
        before = doc[max(start - 2, 0):start + 1]
        return any(t.lower_.rstrip(".") in OFFICE_HOLDER_TITLES for t in before[-2:]) or \
            "".join(t.lower_ for t in before[:2]) in OFFICE_HOLDER_TITLES        # "Council Member" = councilmember
    return any(m.entity == entity and m.explicit and titled(m.start) for m in entities.mentions)


def _candidate(entity: str, entities: ArticleEntities) -> bool:
    """The article calls ``entity`` a candidate ("mayoral candidate X", "the nominee X")."""
    info = entities.entities.get(entity)
    return info is not None and info.type == "Candidate"


def _politician(entity: str, entities: ArticleEntities, doc: Doc) -> bool:
    """The article calls ``entity`` a candidate or gives them an office: someone support can be for."""
    return _candidate(entity, entities) or _office_holder(entity, entities, doc)


def _office_or_staff(pattern: Pattern, match: re.Match[str], view: SlotView, sent: Span) -> bool:
    """"Borough President", "Majority Leader" are offices and "Press Secretary" staff, not heads of an organization; a spokesman
    or press secretary of an officeholder ("a spokesman for the mayor", "Koch's former press
    secretary", "communications director for Mayor X") is government staff unless the words say campaign;
    "a director of Y" is one of its board, a "director of Public Relations" heads a staff function, a
    "Chief Inspector" holds a rank, a "Deputy Police Commissioner" is a deputy and a commission's
    commissioner (or an authority's or a board's) one of its members (its chair heads it), and a
    legislature's secretary its staff."""
    groups = match.groupdict()
    role = (groups.get("role") or "").lower()
    if not role:
        return False
    if pattern.relation == "ADVISES":
        if role not in CAMPAIGN_ONLY_ROLES or "campaign" in match.group().lower():
            return False
        modifiers = f"{groups.get('mod0') or ''} {groups.get('mod') or ''}".lower()   # "former Reagan speechwriter"
        former = any(w in modifiers for w in FORMER_WORDS)
        principals = [m for m in view.mentions(groups.get("tgt"))
                      if "campaign" not in sent.doc[m.start:m.end].text.lower()]   # "a spokesman for the campaign"
        running = principals and all(_candidate(m.entity, view.entities) for m in principals)   # no office to serve
        return (former and not running) or any(_office_holder(m.entity, view.entities, sent.doc) or
                             (not m.explicit and not _candidate(m.entity, view.entities))   # "his spokesman"
                             for m in principals)
    if pattern.relation != "LEADS":
        return False
    if _one_of_many(role, sent.doc[view.token_at(match.end("role") - 1)]):
        return True
    if any(_names_a_function(sent.doc[m.start:m.end]) for m in view.mentions(groups.get("tgt"))):
        return True                                  # "director of Public Relations for the company"
    if role == "chief" and any(sent.doc[m.start].lower_.rstrip(".") in TITLES for m in view.mentions(groups.get("src"))):
        return True                                  # "Sanitation Department Chief Inspector X": a rank
    if groups.get("tgt") and match.start("tgt") < match.start("role") \
            and view.text[:match.start("tgt")].rstrip().rpartition(" ")[2].lower() in STAFF_FUNCTIONS:
        return True                                  # "Deputy Police Commissioner X": a deputy's title
    targets = view.mentions(groups.get("tgt"))
    bodies = [m.entity.lower() for m in targets]
    written = [sent.doc[m.start:m.end].text.lower() for m in targets]   # as the text names it, not a gazetteer's title
    if role == "commissioner" and (any(body.endswith("commission") for body in bodies)
                                   or any(body.endswith(("authority", "board")) for body in written)):
        return True                                  # "Harbor Taxi Commission Commissioner X": one of its members
    if role == "secretary" and any(set(body.split()) & LEGISLATURE_WORDS for body in bodies):
        return True                                  # "Senate Secretary X": the chamber's staff
    before = view.text[:match.start("role")].rstrip()
    slot = re.search(r"⟦(\d+)⟧(?:'s|')?$", before)
    mention = view.slots[int(slot.group(1))] if slot else None
    previous = sent.doc[mention.end - 1].lower_ if mention else before.rsplit(" ", 1)[-1].lower()
    staff_title = mention is not None and mention.end - mention.start == 1 and previous in STAFF_FUNCTIONS
    of_a_function = OF_A_FUNCTION.match(view.text, match.end("role"))   # "the DOC's director of legislative affairs"
    return staff_title or bool(of_a_function) or (previous, role.split()[0]) in OFFICE_TITLES   # "Press Secretary X"


PEOPLE_OF_SLOT = re.compile(r" (?:[\w-]+ )?(?:" + "|".join(sorted(PERSON_NOUNS)) + r")\b",   # "Assembly Members"
                            re.IGNORECASE)
DESCRIBING_SLOT = re.compile(r"(?:'s|')?(?: (?!and\b|or\b)[\w-]+(?: (?!and\b|or\b)[\w-]+)?,?)? ⟦")


def listed_members(view: SlotView, match: re.Match[str]) -> list[Mention]:
    """The members of a described list: a slot that only describes the next one ("the ⟦City Council⟧
    speaker, ⟦Mark-Viverito⟧", "president of ⟦X⟧, ⟦Y⟧") is left out."""
    members = []
    for group in ("src", "more"):
        if match.groupdict().get(group):
            members += _members(view, *match.span(group))
    return members


def _members(view: SlotView, start: int, end: int) -> list[Mention]:
    members = []
    for slot in SLOT.finditer(view.text, start, end):
        after = view.text[slot.end():end]               # what describes it lies inside the list
        before = view.text[max(start, slot.start() - 40):slot.start()]
        mention = view.slots[int(slot.group(1))]
        if not mention.explicit and not re.search(r"(?:,|\band|\bor) $", before):
            continue                                    # "A and B, thought it": a pronoun joins no list
        if DESCRIBING_SLOT.match(after) or PEOPLE_OF_SLOT.match(view.text, slot.end()) or (mention.label == "ORG" and re.search(r"\b(?:of|at|for) (?:the )?$", before)
                                            and after.startswith(", ⟦")):
            continue
        members.append(mention)
    return members


def _names_a_function(name: Span) -> bool:
    """"Public Relations", "Government Affairs", "Communications for MLS": a staff function, not an organization."""
    words = [t.lower_ for t in name if t.lower_ not in ("and", "&", "of", "the")]
    if words and words[0] in FUNCTION_NOUNS and any(t.lower_ in ("for", "at") for t in name):
        return True
    return bool(words) and words[-1] in FUNCTION_NOUNS and all(w in STAFF_FUNCTIONS or w in FUNCTION_NOUNS for w in words)


def _one_of_many(role: str, title: Token) -> bool:
    """"a director of Y", "a former Y director": a title many hold at once, said with "a", is not the head's."""
    return role in SHARED_TITLES and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in title.children)


def _ends_in_possessor(match: re.Match[str], text: str) -> bool:
    """"a spokesman for X's rival": X is only the possessor of the real argument ("X's campaign" is X,
    but not "X's campaign to stop the ban", a cause's)."""
    after = re.match(r"(?:'s|')\s+([^,.;]{1,40})", text[match.end():])
    return bool(after) and (not set(re.findall(r"[\w-]+", after.group(1).lower())[:4]) & CANDIDACY_WORDS
                            or bool(ISSUE_CAMPAIGN.match(after.group(1))))


def _led_thing_named_by_modifier(pattern: Pattern, match: re.Match[str], view: SlotView, sent: Span) -> bool:
    """"X directed the Rolling Stones documentary", "he leads the House committee on taxes": the
    organization only modifies the lowercase noun that names what is led."""
    if pattern.relation != "LEADS" or not match.groupdict().get("tgt") or match.end("tgt") != match.end():
        return False
    last = sent.doc[view.mentions(match.group("tgt"))[-1].end - 1]
    head = last.head
    return last.dep_ in ("compound", "nmod") and head.i > last.i and head.pos_ == "NOUN" and head.is_lower \
        and head.ent_type_ == "" and head.lower_ not in BODY_WORDS \
        and head.lower_ not in ORG_NAME_DESCRIPTORS                            # "the X group" is X


def _possessor_board(pattern: Pattern, match: re.Match[str], view: SlotView, sent: Span) -> bool:
    """"chairman of the Port Authority's Board of Commissioners": the chair of a body's own board heads
    that body, never a "Board" of its own."""
    if pattern.relation != "LEADS" or not match.groupdict().get("tgt") \
            or not POSSESSOR_BEFORE.search(view.text, 0, match.start("tgt")):
        return False
    return sent.doc[view.mentions(match.group("tgt"))[0].start].lower_ in BODY_WORDS


def _ends_in_title_holder(match: re.Match[str]) -> bool:
    """"NYPD Commissioner X's resignation": the title is still X's, whatever X possesses."""
    return bool(match.groupdict().get("src")) and match.end("src") == match.end() and match.groupdict().get("role") is not None


def _counted_referents(groups: dict, view: SlotView, match: re.Match[str]) -> list[Mention]:
    """The organizations named earlier in the sentence, if there are exactly as many as the text counts."""
    earlier = SLOT.findall(view.text[:match.start()])
    named = {view.slots[int(n)].entity: view.slots[int(n)] for n in earlier if view.slots[int(n)].label == "ORG"}
    count = groups.get("count", "").lower()
    wanted = NUMBER_WORDS.get(count) or (int(count) if count.isdigit() else None)
    return list(named.values()) if wanted == len(named) else []


def _fits(pattern: Pattern, source: Mention, target: Mention) -> bool:
    if source.entity == target.entity:
        return False
    if pattern.source_label and source.label != pattern.source_label:
        return False
    if pattern.target_label and target.label != pattern.target_label:
        return False
    if pattern.relation == "ENDORSED" and target.label != "PERSON":
        return False
    return True


PAST_ROLE_VERBS = frozenset({"led", "headed", "chaired", "ran", "directed", "owned", "co-owned"})   # a former role


def _properties(pattern: Pattern, groups: dict) -> dict:
    properties: dict = {}
    if schema.carries(pattern.relation, "status"):
        properties["status"] = pattern.status or schema.property_defaults(pattern.relation)["status"]
    role = (groups.get("role") or "").lower()
    if pattern.role and schema.carries(pattern.relation, "role"):
        properties["role"] = pattern.role
    elif role and schema.carries(pattern.relation, "role"):
        properties["role"] = (groups.get("title") or "").lower() or _role_name(role)
    if schema.carries(pattern.relation, "current"):
        modifiers = f"{groups.get('mod0') or ''} {groups.get('mod') or ''}".lower()
        past_verb = role in PAST_ROLE_VERBS and not pattern.name.startswith("leader-passive")
        properties["current"] = not (past_verb or any(w in modifiers for w in FORMER_WORDS))
    return properties


def _role_name(role: str) -> str:
    verbs = {"leads": "leader", "led": "leader", "heads": "head", "headed": "head", "chairs": "chair", "run": "leader",
             "chaired": "chair", "runs": "leader", "ran": "leader", "directs": "director", "directed": "director",
             "owns": "owner", "owned": "owner", "co-owns": "co-owner", "co-owned": "co-owner",
             "advises": "adviser", "advised": "adviser", "advising": "adviser"}
    return verbs.get(role, role.replace(" & ", " and "))


def _hedged_words(aux: str | None, sent: Span) -> bool:
    words = set(re.findall(r"[\w']+", (aux or "").lower()))
    if ("would" in words and "have" in words) or re.search(r"\byet to\b", (aux or "").lower()):
        return True                                  # "would have won", "has yet to endorse"
    if words & {"will", "to"} and scheduled_today(sent):
        words -= {"will"}                            # "X will endorse Y today at noon": announced, not guessed
    return bool(words & HEDGE_WORDS)


def scheduled_today(sent: Span) -> bool:
    """The sentence sets the act for today ("today", "tonight", "at 11:30 a.m."): a plan being carried out."""
    return bool(TODAY.search(sent.text))


CONTRACTED = {"'ll": "will", "’ll": "will", "'d": "would", "’d": "would"}      # "he'll go campaigning for Y"


def _hedged_token(token: Token) -> bool:
    """Negated, modal, counterfactual or merely intended: "declined to endorse", "would have won"."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    chain = [verb, *list(verb.ancestors)[:2]]
    for depth, word in enumerate(chain):
        children = list(word.children)
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in HEDGE_WORDS) for c in children):
            return True                              # "did not endorse", "basically endorses": a gloss
        auxes = {CONTRACTED.get(c.lower_, c.lower_) for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes == {"will"} and scheduled_today(token.sent):
            auxes = set()
        if auxes & MODAL_WORDS or ("would" in auxes and ("have" in auxes or not _reported(word))):
            return True
        if depth and word.lemma_ in HEDGE_VERBS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in children):
            return True
        if word.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in children):
            return True                              # "has yet to endorse"
        if auxes & {"would", "will", "'d", "'ll"} and any(_condition(c) for c in children):
            return True                              # "said it would endorse X if she wins"
        if word.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            break
    return False


def _condition(clause: Token) -> bool:
    """An adverbial clause that sets a condition: "if she wins", "unless he drops out" (not "even if")."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")]
    return clause.dep_ == "advcl" and bool(marks) and not any(
        c.lower_ == "even" for c in clause.children if c.i < marks[0].i)


def _reported(verb: Token) -> bool:
    """"The union said it would back X" reports a decision; "speculation that X would back Y" does not."""
    return any(a.lemma_ in REPORTING_VERBS for a in list(verb.ancestors)[:2])


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject (for a relative clause, the noun it describes or the name that noun describes; for
    a clause after an object, that object), inherited through coordination ("X announced …, picked up …"), by a
    participle or a purpose clause that continues its clause ("X swept the city, winning endorsements
    from …"; "X voted on Saturday to endorse Y") and by a
    gerund after a preposition ("X threw it away by endorsing Y"; not "praised X for endorsing Y")."""
    gerund = False
    for word in [verb, *verb.ancestors]:
        subjects = [c for c in word.children if c.dep_ in SUBJECTS]
        if subjects:
            relative = subjects[0].lower_ in ("who", "which", "that") and word.dep_ == "relcl"
            return _described(word.head) if relative else subjects[0]     # "X, who endorsed Y": X
        controller = [c for c in word.head.children if c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN", "NOUN")
                      ] if word.dep_ == "xcomp" else []     # not "voted 1,412 to 388 to endorse Y"
        if controller:
            return controller[0]                     # "X nominated him to be head of Y": him, not X
        continues = word.dep_ in ("conj", "xcomp") or (word.dep_ == "advcl" and (
            word.tag_ in ("VBG", "VBN") or _to_infinitive(word))) \
            or (gerund and word.dep_ == "prep" and word.lower_ in GERUND_PREPOSITIONS)
        gerund = word.dep_ == "pcomp" and word.tag_ == "VBG"
        if not (continues or gerund):
            return None
    return None


def _described(noun: Token) -> Token:
    """The name a describing noun stands beside: "X, a former Democrat who ran ...": X, not "Democrat"."""
    while noun.dep_ == "appos" and (noun.pos_ == "NOUN" or noun.ent_type_ not in ("PERSON", "ORG")):
        noun = noun.head
    return noun


def _passive_subject(verb: Token) -> Token | None:
    """Who a passive participle without a subject of its own says was endorsed: the noun it describes
    ("Y, endorsed by X,"), its clause's subject ("Endorsed by X, Y leads"; "Y was praised by A and
    endorsed by B"), or the word its preposition hangs on ("Y smiled after being endorsed by X"; a
    caption's "Y after being endorsed by X")."""
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "advcl":
        return _subject_of(verb.head)
    if verb.dep_ == "conj":
        return _subject_of(verb)
    if verb.dep_ == "pcomp" and verb.head.lower_ in GERUND_PREPOSITIONS - {"by"}:
        governor = verb.head.head
        return governor if governor.pos_ in ("NOUN", "PROPN") else _subject_of(governor)
    return None


def _to_infinitive(verb: Token) -> bool:
    """"voted on Saturday to endorse Y": a purpose clause shares its subject."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _endorsee_from_parse(trigger: Token, view: SlotView) -> list[Mention]:
    """For "…picked up the endorsement of X": the subject of the acquiring verb."""
    verb = trigger.head
    if trigger.lemma_.lower() in BALLOT_WORDS and verb.dep_ == "prep":
        subject = _subject_of(verb.head)        # "X is running on the Green Party ticket"
        return _mentions_of(subject, view.slots) if subject is not None else []
    if verb.lemma_ not in ACQUIRE_LEMMAS or trigger.dep_ not in ("dobj", "pobj", "obj", "conj"):
        return []
    if any(c.dep_ == "poss" for c in trigger.children):
        return []                                    # "she announced her endorsement of X": her own
    subject = _subject_of(verb)
    if subject is None:
        return []
    return _mentions_of(subject, view.slots)


def _mentions_of(token: Token, candidates: list[Mention]) -> list[Mention]:
    """Mentions a subject or object token stands for: itself, a possessor ("his campaign"), conjuncts, and
    the name set beside a title ("its former president, X, now serves as ...")."""
    heads = [token, *token.conjuncts]
    if not any(m.start <= token.i < m.end for m in candidates):
        heads += [c for c in token.children if c.dep_ == "appos"]
    if token.lower_ in CAMPAIGN_NOUNS and not _a_cause(token):
        heads += [c for c in token.children if c.dep_ == "poss"]
    found = []
    for head in heads:
        found += [m for m in candidates if m.start <= head.i < m.end]
    return found


def _a_cause(campaign: Token) -> bool:
    """"X's campaign to stop the ban", "X's campaign against the tax": a cause's campaign, not a candidacy."""
    return any((c.dep_ in ("acl", "relcl", "xcomp") and any(g.lower_ == "to" for g in c.children))
               or (c.dep_ == "prep" and c.lower_ == "against") for c in campaign.children)


def _parse_endorsements(sent: Span, entities: ArticleEntities) -> list[Found]:
    """ENDORSED read from the dependency parse: "X endorsed Y", "Y was endorsed by X"."""
    found = []
    mentions = entities.starting_in(sent.start, sent.end)
    for token in sent:
        nominated = token.lemma_ in NOMINATE_LEMMAS
        if not (nominated or token.lemma_ in ENDORSE_LEMMAS) or token.pos_ != "VERB" or _hedged_token(token):
            continue
        children = list(token.children)
        if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in children):
            subject = next((c for c in children if c.dep_ == "nsubjpass"), None) or _passive_subject(token)
            targets = _mentions_of(subject, mentions) if subject is not None else []
            agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            sources = [m for a in agents for m in _mentions_of(a, mentions)
                       if not nominated or entities.entities[m.entity].kind == "party"]
        elif nominated:
            continue                                 # the active "X nominated Y" is the surface pattern's
        else:
            subject = _subject_of(token)
            sources = _mentions_of(subject, mentions) if subject is not None else []
            if subject is not None and not sources and subject.lower_ in MEMBER_BODIES:
                sources = [m for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "at")
                           for g in c.children if g.dep_ == "pobj" for m in _mentions_of(g, mentions)
                           if m.label == "ORG"]      # "delegates of the X voted to endorse Y"
            targets = [m for c in children if c.dep_ in ("dobj", "obj") for m in _mentions_of(c, mentions)]
        found += _parsed_endorsements(sources, targets, sent, "parse:endorse-verb", token.i)
    return found


def _parse_campaigning(sent: Span, entities: ArticleEntities) -> list[Found]:
    """"X rubbed a statue for luck while campaigning for Y": the subject of a verb of campaigning supports the
    person its "for" names."""
    found = []
    mentions = entities.starting_in(sent.start, sent.end)
    for verb in sent:
        if verb.lemma_ not in CAMPAIGN_FOR_LEMMAS or f"{verb.lower_} for" not in SUPPORT_VERB_FORMS \
                or verb.pos_ != "VERB" or _hedged_token(verb):
            continue                                 # only the forms the trigger words know ("campaigned for")
        targets = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                   for g in c.children if g.dep_ == "pobj" for m in _mentions_of(g, mentions)]
        subject = _subject_of(verb) if targets else None
        sources = _mentions_of(subject, mentions) if subject is not None else []
        found += _parsed_endorsements(sources, targets, sent, "parse:campaign-for", verb.i)
    return found


def _parse_endorsement_nouns(sent: Span, entities: ArticleEntities) -> list[Found]:
    """"Y announced her run with a video endorsement from X", "Y counts A as a supporter, in addition to
    an endorsement from X": an endorsement *from* someone, inside a clause, is given to its subject."""
    found = []
    mentions = entities.starting_in(sent.start, sent.end)
    for noun in sent:
        if noun.lower_ not in ENDORSE_NOUNS or noun.pos_ != "NOUN" or any(c.dep_ == "poss" for c in noun.children) \
                or {t.lower_ for t in sent.doc[max(noun.i - 3, sent.start):noun.i]} & {"not", "no", "without"}:
            continue                                 # "praise (but not an endorsement) from X"
        givers = [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj" for m in _mentions_of(g, mentions)]
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if not givers or verb is None or verb.lemma_ in HEDGE_VERBS or _hedged_token(verb):
            continue
        subject = _subject_of(verb)
        endorsees = _mentions_of(subject, mentions) if subject is not None else []
        found += _parsed_endorsements(givers, endorsees, sent, "parse:endorsement-from", noun.i)
    return found


def _parsed_endorsements(sources: list[Mention], targets: list[Mention], sent: Span, rule: str,
                         trigger: int) -> list[Found]:
    """ENDORSED from every source to every target that is a person other than the source."""
    return [Found("ENDORSED", source.entity, target.entity, sent, rule, PARSE_CONFIDENCE, trigger,
                  {"status": "endorsed"})
            for source in sources for target in targets
            if source.entity != target.entity and target.label == "PERSON"]


def _parse_roles(sent: Span, entities: ArticleEntities) -> list[Found]:
    """LEADS read from the parse where a head title is predicated of someone: "X is a vice chairman of
    Y", "he lost his role as the chairman of Y", "taking over as chairman of Y", "two former Y chairmen:
    A and B". The organization is the title's "of"/"at" object, possessor or compound; the holder its
    clause's subject, the person it is said of, or the names set beside it."""
    found = []
    mentions = entities.starting_in(sent.start, sent.end)
    for title in sent:
        if title.lower_ not in PREDICATED_TITLES or title.pos_ not in ("NOUN", "PROPN"):
            continue
        modifiers = [c for c in title.children if c.dep_ in ("amod", "compound", "nmod") and c.i < title.i]
        if any(m.lower_ in STAFF_FUNCTIONS for m in modifiers) or any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in FUNCTION_NOUNS
                                                            for g in c.children) for c in title.children):
            continue                                 # "political director", "director of communications": staff
        role = " ".join([m.lower_ for m in modifiers if m.lower_ in TITLE_MODIFIERS] + [title.lemma_.lower()])
        if _one_of_many(role, title) or role.endswith("vice president"):
            continue                                 # a vice president is an officer, not the head
        if any(m.ent_type_ in ("GPE", "LOC") for m in modifiers):
            continue                                 # "DOT's acting Manhattan commissioner": a region's head
        organizations = [m for m in _role_organizations(title, mentions) if m.label == "ORG"]
        holders, verb = _role_holders(title, mentions)
        holders = [m for m in holders if m.label == "PERSON" and (m.explicit or sent.doc[m.start].dep_ in SUBJECTS)]
                                                     # "he took over as chair of Y": the subject "he" is who holds it
        if not organizations or not holders or (verb is not None and _hedged_token(verb)):
            continue
        words = {m.lower_ for m in modifiers} | {c.lower_ for c in title.children if c.dep_ == "advmod"}
        current = not (words & set(FORMER_WORDS) or (verb is not None and (
            verb.lemma_ in LEAVING_LEMMAS | LEAVING_NOUNS or verb.head.lower_ == "used")))  # "used to serve as chair"
        for organization in organizations:
            if (sent.doc[organization.end - 1].lower_, role.split()[-1]) in OFFICE_TITLES:
                continue
            for holder in holders:
                found.append(Found("LEADS", holder.entity, organization.entity, sent, "parse:role-predicate",
                                   PARSE_CONFIDENCE, title.i, {"role": role, "current": current}))
    return found


def _parse_adviser_roles(sent: Span, entities: ArticleEntities) -> list[Found]:
    """ADVISES read from the parse where a campaign role is predicated of someone: "X became Y's media
    adviser", "X now serves as Y's campaign treasurer", "X is a senior adviser to Y"."""
    found = []
    mentions = entities.starting_in(sent.start, sent.end)
    for title in sent:
        role = _campaign_role(title) if title.pos_ == "NOUN" else None
        if role is None:
            continue
        principals = [m for c in title.children if c.dep_ == "poss" for m in _mentions_of(c, mentions)]
        principals += [m for c in title.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                       for g in c.children if g.dep_ == "pobj" for m in _mentions_of(g, mentions)]
        holders, verb = _role_holders(title, mentions)
        if verb is not None and _hedged_token(verb):
            continue
        for principal in (m for m in principals if m.label == "PERSON"):
            for holder in (m for m in holders if m.label == "PERSON" and m.entity != principal.entity):
                found.append(Found("ADVISES", holder.entity, principal.entity, sent, "parse:adviser-predicate",
                                   PARSE_CONFIDENCE, title.i, {"role": role}))
    return found


def _campaign_role(title: Token) -> str | None:
    """The campaign role a noun and its modifiers name ("campaign manager", "media adviser"), if any;
    an adviser described by a staff word ("legal adviser") holds none."""
    modifiers = [c.lower_ for c in title.children if c.dep_ in ("amod", "compound") and c.i < title.i]
    role = " ".join([m for m in modifiers if m not in FORMER_WORDS] + [title.lower_])
    if {role, role.removeprefix("campaign ")} & PREDICATED_ADVISER_ROLES:
        return role
    if title.lower_ in ADVISER_HEADS and not set(modifiers) & (STAFF_FUNCTIONS - {"media"}):
        return role
    return None


def _role_organizations(title: Token, mentions: list[Mention]) -> list[Mention]:
    """"chairman of/at Y", "Y's chairman", "the Y chairman", "founder and chairman of Y" (the "of" the
    parse hangs on the first of the titles)."""
    shared = [title.head] if title.dep_ == "conj" else []
    heads = [g for word in [title, *shared] for c in word.children
             if c.dep_ == "prep" and c.lower_ in ("of", "at") and c.i > title.i
             for g in c.children if g.dep_ == "pobj"]
    heads += [n for g in heads for c in g.children if c.dep_ == "acl" and c.lemma_ in ("call", "name")
              for n in c.children if n.dep_ in ("oprd", "dobj", "attr")]   # "of a group called the X"
    heads += [c for c in title.children if c.dep_ in ("poss", "compound", "nmod") and c.i < title.i]
    heads += [c for word in shared for c in word.children if c.dep_ == "poss"]   # "its founder and director"
    return [m for head in heads for m in _mentions_of(head, mentions)]


def _role_holders(title: Token, mentions: list[Mention]) -> tuple[list[Mention], Token | None]:
    """Who holds the title, and the verb that says so (None for names set beside it)."""
    beside = [c for c in title.children if c.dep_ == "appos"]
    if beside:
        return [m for c in beside for m in _mentions_of(c, mentions)], None
    first = title
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "oprd":                     # "the board named X chairman", "X was named chairman"; not
        verb = first.head                            # "he called the president of Y", no predicate of anyone
        objects = [m for c in verb.children if c.dep_ == "dobj" for m in _mentions_of(c, mentions)]
        if objects or not any(c.dep_ == "nsubjpass" for c in verb.children):
            return objects, verb
    elif first.dep_ in ("attr", "acomp"):
        verb = first.head
    elif first.dep_ == "nsubj" and first.head.lemma_ == "be":   # "the president of Y is X", "Y's director is X"
        return [m for c in first.head.children if c.dep_ == "attr" for m in _mentions_of(c, mentions)], first.head
    elif first.dep_ == "appos" and first is not title:
        return _mentions_of(first.head, mentions), None   # "X, founder and CEO of Y"
    elif first.dep_ == "pobj" and first.head.lower_ == "as":
        verb = first.head.head
        if verb.pos_ == "PROPN" and (named := _mentions_of(verb, mentions)):
            return named, None                       # "the appointment of X as head of Y": "as" hangs on the name
        if verb.lower_ in ROLE_NOUNS and verb.dep_ in ("dobj", "pobj", "nsubj"):
            verb = verb.head if verb.dep_ == "dobj" else verb.head.head
        elif verb.pos_ == "NOUN" and (named := _noun_of(verb, mentions)):
            return named, verb                       # "the appointment of X as head of Y", "X's resignation as chair"
        object_words = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
        objects = [m for c in object_words for m in _mentions_of(c, mentions)]
        if objects:
            return objects, verb                     # "the board named X as chairman of Y"
        if any(c.lower_ not in ROLE_NOUNS and any(p.dep_ == "poss" for p in c.children) for c in object_words):
            return [], verb                          # "lauded his decision-making as chairman": its owner's role
    else:
        return [], None
    subject = _subject_of(verb)
    return (_mentions_of(subject, mentions) if subject is not None else []), verb


def _noun_of(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """Whose act a noun names: its possessor or its "of" object ("X's appointment", "the appointment of X")."""
    heads = [c for c in noun.children if c.dep_ == "poss"]
    heads += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [m for head in heads for m in _mentions_of(head, mentions)]


def _reconcile(surface: list[Found], parsed: list[Found]) -> list[Found]:
    """Merge readings of the same trigger: agreement raises confidence, disagreement keeps the surface one."""
    result: dict[tuple[str, str, str], Found] = {}
    for reading in surface:                      # patterns are ordered most specific first
        result.setdefault((reading.relation, reading.source, reading.target), reading)
    surface_triggers = {f.trigger for f in surface if f.trigger is not None}
    for reading in parsed:
        key = (reading.relation, reading.source, reading.target)
        if key in result:
            agreed = result[key]
            agreed.rule = f"{agreed.rule}+{reading.rule}"
            agreed.confidence = AGREEMENT_CONFIDENCE
        elif reading.trigger not in surface_triggers:
            result[key] = reading
    return list(result.values())


def _said_by_source(found: Found, doc: Doc, regions: list[tuple[int, int]], entities: ArticleEntities) -> bool:
    """A quoted endorsement stands when its endorser is the quote's speaker ('"I endorse X," Y said')."""
    speaker = quote_speaker(doc[found.trigger], regions, entities.mentions)
    return speaker is not None and speaker.entity == found.source


def _inside(token_index: int | None, doc: Doc, regions: list[tuple[int, int]]) -> bool:
    return token_index is not None and inside(doc[token_index].idx, regions)
