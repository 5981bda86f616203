"""The states of an endorsement other than made: expected, conditional, declined, switched.

Each state is read from one sentence by a named surface rule, over the sentence with every entity
mention replaced by a slot ``⟦n⟧`` (as :mod:`.patterns` does), and becomes an ENDORSEMENT_STATE
relation whose claim carries the ``state`` and, when the sentence gives one, the date resolved
against the article's publication (:mod:`.event_dates`). Made and withdrawn endorsements stay
ENDORSED (:mod:`.relations`): a state is never read for a pair the same sentence says was
endorsed, and nothing here adds or removes an ENDORSED relation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import event_dates
from .mention_model import ArticleEntities
from .quotes import inside
from .relations import Found, SlotView
from .vocabulary import LIFECYCLE_HEDGES

RELATION = "ENDORSEMENT_STATE"
CONFIDENCE = 0.8
ENDORSING = r"(?:endorse|support)"        # not a bare "back": the prefilter (.triggers) keeps no line for it
LIST = r"(?P<src>(?:the )?⟦\d+⟧(?:(?:, (?:the )?⟦\d+⟧)*,? and (?:the )?⟦\d+⟧)?)"
APPOS = r"(?:, (?:the|a|an|which|who|whose|its|his|her)\b[^,;]{0,120}?,)?"
TARGET = r"(?:(?-i:[A-Z][\w.'-]*) ){0,2}?(?P<tgt>⟦\d+⟧)(?!'|’)"      # not "Y's challenger"
OPEN_QUESTION = re.compile(r"\b(?:whether|if)(?: or not)? $", re.IGNORECASE)   # "not said whether X will ..."
CONDITION = r"(?:only )?(?:if|unless|once|provided|as long as)\b"


@dataclass(frozen=True)
class StateRule:
    """A surface rule for one state; ``away`` names the group of the candidate a switch leaves."""

    name: str
    state: str
    regex: re.Pattern[str]
    future: bool = False            # the event is to come: a weekday is the next one
    away: bool = False
    quoted: bool = False            # reads the speaker's own quoted words ("he has my vote," X said)
    doc: str = ""


def _rule(name: str, state: str, template: str, **options) -> StateRule:
    pattern = template.replace("{LIST}", LIST).replace("{APPOS}", APPOS).replace("{TGT}", TARGET) \
        .replace("{ENDORSING}", ENDORSING).replace("{CONDITION}", CONDITION)
    return StateRule(name, state, re.compile(pattern, re.IGNORECASE), **options)


RULES: tuple[StateRule, ...] = (
    _rule("conditional-if", "conditional",
          r"{LIST}{APPOS} (?:(?:said|says|has said|announced|promised|pledged) (?:that )?(?:it|he|she|they|⟦\d+⟧) )?"
          r"(?:will|would) (?:only )?(?P<trigger>{ENDORSING}) {TGT},? {CONDITION}",
          doc="'X would back Y if ...': an endorsement promised on a condition."),
    _rule("conditional-if-first", "conditional",
          r"\b(?:only )?(?:if|once) (?P<tgt>⟦\d+⟧) [^;⟦]{1,80}?, {LIST}{APPOS} (?:will|would) "
          r"(?:gladly |happily )?(?P<trigger>{ENDORSING}) (?:him|her|them|⟦\d+⟧)",
          doc="'If Y wins the primary, X will back her'."),
    _rule("conditional-my-vote", "conditional",
          r"\b(?:only )?(?:if|once) (?P<tgt>⟦\d+⟧) [^;⟦]{1,80}?, (?:he|she|they|(?P<holder>⟦\d+⟧)) "
          r"(?:has|have|will have|gets|get|will get) (?:my|our) (?P<trigger>vote|support|endorsement)\W{0,4} "
          r"(?P<src>⟦\d+⟧),? (?:said|says|added)",
          quoted=True, doc='"If Y wins the nomination, he has my vote," X said.'),
    _rule("conditional-said-vote", "conditional",
          r"{LIST}{APPOS} (?:said|says|has said|added) (?:that )?(?:only )?(?:if|once) (?P<tgt>⟦\d+⟧) "
          r"[^;⟦]{1,80}?, (?:he|she|they|(?P<holder>⟦\d+⟧)) (?:has|have|will have|gets|get|will get) "
          r"(?:her|his|its|their|⟦\d+⟧) (?P<trigger>vote|support|endorsement)",
          doc="X said that if Y wins the nomination, he has her vote."),
    _rule("expected-to-endorse", "expected",
          r"{LIST}{APPOS} (?:is|are|was|were|has been|had been) (?:widely |also |now )?(?:expected|poised|set|"
          r"likely|scheduled|slated|planning|preparing|due) to (?:formally |officially |publicly )?"
          r"(?:announce (?:its|his|her|their) endorsement of|(?P<trigger>{ENDORSING})) {TGT}",
          future=True, doc="'X is expected to endorse Y'."),
    _rule("plans-to-endorse", "expected",
          r"{LIST}{APPOS} (?:plans|intends|plan|intend|planned|intended) to (?:formally |officially |publicly )?"
          r"(?P<trigger>{ENDORSING}) {TGT}", future=True, doc="'X plans to endorse Y'."),
    _rule("will-endorse", "expected",
          r"{LIST}{APPOS} will (?:formally |officially |publicly )?(?P<trigger>endorse) {TGT}",
          future=True, doc="'X will endorse Y on Thursday' (not today: that is an endorsement made)."),
    _rule("declined-to-endorse", "declined",
          r"{LIST}{APPOS} (?:has |have |had )?(?:declined|refused|declines|refuses|decided not|chose not|opted not)"
          r" to (?:formally |officially |publicly )?(?P<trigger>{ENDORSING}) {TGT}",
          doc="'X declined to endorse Y'."),
    _rule("has-not-endorsed", "declined",
          r"{LIST}{APPOS} (?:has|have|had)(?: not|n't) (?:yet )?(?P<trigger>endorsed|backed) {TGT}",
          doc="'X has not endorsed Y'."),
    _rule("has-yet-to-endorse", "declined",
          r"{LIST}{APPOS} (?:has|have|had) yet to (?P<trigger>{ENDORSING}) {TGT}",
          doc="'X has yet to endorse Y'."),
    _rule("did-not-endorse", "declined",
          r"{LIST}{APPOS} (?:did|does|do|will|would)(?: not|n't) (?P<trigger>{ENDORSING}) {TGT}",
          doc="'X did not endorse Y', 'X will not back Y'."),
    _rule("switched-support", "switched-away",
          r"{LIST}{APPOS} (?P<aux>(?:[\w']+ ){0,2}?)(?P<trigger>switched|shifted|moved|transferred|changed) "
          r"(?:its|his|her|their) (?:support|endorsement|backing|allegiance) from (?P<away>⟦\d+⟧) to {TGT}",
          away=True, doc="'X shifted its support from A to B': switched away from A, to B."),
    _rule("switched-from-to", "switched-away",
          r"{LIST}{APPOS} (?P<aux>(?:[\w']+ ){0,2}?)(?P<trigger>switched|shifted|moved) from "
          r"(?:backing|supporting|endorsing) (?P<away>⟦\d+⟧) to (?:backing |supporting |endorsing )?{TGT}",
          away=True, doc="'X switched from backing A to B'."),
)


def article_states(doc: Doc, entities: ArticleEntities, quoted: list[tuple[int, int]], endorsed: list[Found],
                   published: str | None) -> list[Found]:
    """Every state the document's sentences state, dated against ``published``; ``endorsed``: what
    the relation rules read, whose pairs keep their ENDORSED reading in the same sentence."""
    made = {(f.source, f.target, f.sentence.start) for f in endorsed if f.relation == "ENDORSED"}
    found = []
    for sent in doc.sents:
        for state in sentence_states(sent, entities, quoted, published):
            if state.properties["state"].startswith("switched") or \
                    (state.source, state.target, sent.start) not in made:
                found.append(state)
    return found


def sentence_states(sent: Span, entities: ArticleEntities, quoted: list[tuple[int, int]],
                    published: str | None) -> list[Found]:
    """The states ``sent`` states, the first rule to read a pair winning."""
    if not entities.starting_in(sent.start, sent.end):      # no slot without a mention
        return []
    view = SlotView(sent, entities)
    if "⟦" not in view.text:
        return []
    found: dict[tuple[str, str], Found] = {}
    for rule in RULES:
        for match in rule.regex.finditer(view.text):
            trigger = view.token_at(match.start("trigger")) if match.group("trigger") else view.token_at(match.start())
            if _hedged(match) or (inside(sent.doc[trigger].idx, quoted) and not rule.quoted) or \
                    _other_holder(match, view) or \
                    (rule.state != "conditional" and OPEN_QUESTION.search(view.text, 0, match.start())):
                continue
            properties = _dated(sent, trigger, published, rule.future)
            for source in view.mentions(match.group("src")):
                targets = [(view.mentions(match.group("tgt")), rule.state)]
                if rule.away:
                    targets = [(view.mentions(match.group("away")), "switched-away"),
                               (targets[0][0], "switched-to")]
                for mentions, state in targets:
                    for target in mentions:
                        if source.label in ("PERSON", "ORG") and target.label == "PERSON" \
                                and source.entity != target.entity:
                            found.setdefault((source.entity, target.entity), Found(
                                RELATION, source.entity, target.entity, sent, f"lifecycle:{rule.name}",
                                CONFIDENCE, trigger, {"state": state, **properties}))
    return list(found.values())


def _other_holder(match: re.Match[str], view: SlotView) -> bool:
    """"If A wins, B has my vote": the vote goes to B, not to the A of the condition."""
    holder = view.mentions(match.groupdict().get("holder"))
    return bool(holder) and holder[0].entity not in {m.entity for m in view.mentions(match.group("tgt"))}


def _hedged(match: re.Match[str]) -> bool:
    words = set(re.findall(r"[\w']+", (match.groupdict().get("aux") or "").lower()))
    return bool(words & LIFECYCLE_HEDGES)


def _dated(sent: Span, trigger: int, published: str | None, future: bool) -> dict[str, str]:
    """``when`` (the words) and ``date`` (resolved) of the time expression nearest after the trigger,
    else nearest before it ("X, which endorsed A in June, switched to B on Monday": Monday)."""
    spans = _date_spans(sent)
    if not spans:
        return {}
    _, when = min(spans, key=lambda span: (span[0] < trigger, abs(span[0] - trigger)))
    resolved = event_dates.resolve(when, published, future)
    return {"when": when, **({"date": resolved} if resolved else {})}


def _date_spans(sent: Span) -> list[tuple[int, str]]:
    """(first token, text) of each DATE entity of the sentence; a bare year only after "in"."""
    spans: list[tuple[int, str]] = []
    for token in sent:
        if token.ent_type_ != "DATE":
            continue
        if token.ent_iob_ == "B" or not spans or token.i == sent.start:
            spans.append((token.i, token.text_with_ws))
        else:
            spans[-1] = (spans[-1][0], spans[-1][1] + token.text_with_ws)
    doc = sent.doc
    return [(i, text.strip()) for i, text in spans
            if not re.fullmatch(r"\d{4}", text.strip()) or (i > 0 and doc[i - 1].lower_ == "in")]


