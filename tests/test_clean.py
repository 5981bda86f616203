"""The cleaner keeps every offset, normalizes odd characters and blanks page furniture by named rules."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from endorsegraph.loaders.clean import RULES, about_publisher, clean_text, furniture, normalize_characters

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Invented furniture, one or more examples per rule: (rule name, line, the part that is furniture).
RULE_EXAMPLES = [
    ("browser-warning", "Internet Explorer 11 is no longer supported on this site. Try another browser.", None),
    ("browser-warning", "This browser is out of date.", None),
    ("enable-javascript", "To view this video please enable JavaScript.", None),
    ("support-appeal", "Your support keeps the Tri-County Courier on every doorstep", None),
    ("support-appeal", "Your gift matters today.Mayor Alvarez signed the budget on Friday.", "Your gift matters today."),
    ("support-appeal", "The mayor signed the budget. Your donation funds stories like this one.",
     "Your donation funds stories like this one."),
    ("journalism-appeal", "Support local journalism", None),
    ("journalism-appeal", "Fund independent reporting today", None),
    ("help-appeal", "The Tri-County Courier needs your help! Keep local news alive.", None),
    ("donate-button", "Donate now", None),
    ("donate-button", "Become a member", None),
    ("sign-up", "Sign up for the Capitol Week newsletter", None),
    ("sign-up", "Subscribe today and get 3 months free", None),
    ("sign-up", "Subscribe to the Tri-County Courier", None),
    ("inbox-prompt", "Missing the latest? Sign-up for Capitol Morning and get the day's news, every weekday, "
                     "straight to your inbox.", None),
    ("affiliate-disclosure", "When you buy through links on our site, we may earn a commission.", None),
    ("subscriber-only", "Already a subscriber? Log in", None),
    ("subscriber-only", "Register for free to continue reading", None),
    ("inbox-prompt", "Get the day's campaign news delivered to your inbox each morning.", None),
    ("click-here", "Click here to see the full list of candidates", None),
    ("click-here", "Click to share on Bluesky (Opens in new window)", None),
    ("tip-line", "Have a tip about the race? Email our politics desk.", None),
    ("teaser-heading", "Also on CapitolWire", None),
    ("teaser-heading", "Related coverage", None),
    ("teaser-heading", "Most read", None),
    ("image-controls", "toggle caption", None),
    ("pipe-credit", "Supporters cheer at the rally in Reno. | AP Photo/Jo Lin", " | AP Photo/Jo Lin"),
    ("byline", "By Dana Ruiz, Sam Ortiz and Lee Park", None),
    ("advertisement", "- Advertisement -", None),
    ("tags-line", "Tags: 2026 elections, labor unions, Nevada", None),
    ("tags-line", "Topic: endorsements", None),
    ("advertisement", "Continue reading the main story", None),
    ("audio-player", "Listen to this article · 4 min", None),
    ("follow-author", "Follow Dana Ruiz on X", None),
    ("follow-author", "Follow @capitolwatch for updates", None),
    ("teaser", "RELATED: The ten most expensive House races of the cycle", None),
    ("teaser", "WATCH: Governor takes questions on the budget", None),
    ("teaser", "READ MORE: Inside the fight over redistricting", None),
    ("advertisement", "ADVERTISEMENT", None),
    ("advertisement", "Story continues below advertisement", None),
    ("comment-prompt", "Join the discussion below and tell us what you think", None),
    ("comment-prompt", "Join our commenting forum today", None),
    ("comment-prompt", "Join thought-provoking conversations with other readers", None),
    ("comments-heading", "Comments", None),
    ("comments-heading", "42 Comments", None),
    ("photo-credit", "The senator waves to supporters. (Photo by Sam Ortiz/Getty Images)", "(Photo by Sam Ortiz/Getty Images)"),
    ("photo-credit", "Crowds gathered at the capitol (AP Photo/Jo Lin)", "(AP Photo/Jo Lin)"),
    ("photo-caption", "Photo: Supporters line up outside the union hall.", None),
    ("photo-caption", "Image: Campaign volunteers in Reno", None),
    ("agency-credit", "Win McNamee/Getty Images", None),
    ("share-line", "Share this story", None),
    ("share-line", "Share: Facebook | Twitter | Email", None),
    ("social-buttons", "Facebook Twitter LinkedIn Email", None),
    ("copyright", "© 2024 Tri-County Courier. All rights reserved.", None),
    ("copyright", "Copyright 2023 Example Media Group", None),
]

# Invented story lines that look a little like furniture and must survive.
STORY_LINES = [
    "Support for the measure grew after news of the deal spread through the Capitol.",
    '"Your support means everything," Lopez told the crowd in Reno.',
    "Facebook said on Tuesday that it had removed the ads.",
    "The union said its members would watch the debate closely.",
    "Comments from the governor drew a sharp response from the teachers union.",
    "Photographs of the rally circulated widely on Wednesday.",
    "Related legislation stalled in the Senate last year.",
    "Subscribers to the union's text alerts were told to vote early.",
    "The campaign said it would not share its internal polling.",
    "Sign-ups for the volunteer program doubled after the endorsement.",
    "Donations to the campaign rose 40 percent in the week after the debate.",
    "Click and mortar: how a Reno bookstore became a campaign stop.",
    "Most of the union's 40,000 members live in the Las Vegas area.",
    "Also on Tuesday, the Nevada AFL-CIO endorsed Rep. Jo Lin for governor.",
    "Tags on the signs read 'Union Strong' and 'Lin for Nevada'.",
    "The vote was 12-3 | a margin the union called decisive.",
    "By Tuesday, the union had made its choice.",
    '"This campaign needs your help," Reyes told volunteers in Pilsen.',
    "By Mayor Ruth Okoye's count, 30 unions have endorsed her.",
]


def blanked(text: str) -> str:
    """The characters the cleaner replaced, as a string (other characters dropped)."""
    cleaned = clean_text(text)
    return "".join(o for o, c in zip(normalize_characters(text), cleaned) if o != c)


def test_every_rule_has_an_example():
    assert {name for name, _, _ in RULE_EXAMPLES} == {rule.name for rule in RULES}


@pytest.mark.parametrize("rule, line, part", RULE_EXAMPLES)
def test_rule_blanks_its_furniture_and_only_that(rule, line, part):
    part = part or line
    spans = furniture(line)
    assert any(s.rule == rule and line[s.start:s.end].strip() == part.strip() for s in spans), spans
    cleaned = clean_text(line)
    start = line.index(part)
    assert cleaned[start:start + len(part)].strip() == ""
    assert cleaned[:start] + cleaned[start + len(part):] == line[:start] + line[start + len(part):]


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_lines_are_kept(line):
    assert clean_text(line) == line
    assert clean_text("Intro paragraph.\n\n" + line + "\n") == "Intro paragraph.\n\n" + line + "\n"


def test_length_and_newlines_are_kept():
    text = ("WASHINGTON\u00a0\u2014 \u201cWe\u2019re in,\u201d she said.\u200b\r\nRELATED: more\n\n"
            "Your support helps us report.\nOur reporters rely on your donations.\n\u2028tail")
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert [i for i, c in enumerate(cleaned) if c == "\n"] == [i for i, c in enumerate(normalize_characters(text))
                                                               if c == "\n"]


def test_odd_characters_are_normalized_one_for_one():
    text = "Sen.\u00a0Ruiz\u202fsaid \u201cit\u2019s done\u201d \u2018today\u2019\u2009\u2013 really"
    assert normalize_characters(text) == "Sen. Ruiz said \"it's done\" 'today' \u2013 really"


def test_glued_appeal_keeps_the_story_at_its_offsets():
    story = "Governor Park endorsed Ms. Lee on Friday."
    text = "Your contribution is what keeps us going." + story
    cleaned = clean_text(text)
    assert cleaned.endswith(story)
    assert cleaned.index(story) == text.index(story)
    assert cleaned[:text.index(story)].strip() == ""


def test_appeal_block_is_blanked_until_the_story_resumes():
    block = ("Support nonprofit news\n"
             "Our newsroom spent months investigating campaign money in the state, including the Liberty PAC.\n"
             "\n"
             "We never put our reporting behind a paywall, and we depend on readers like you.\n")
    story = ('Mayor Ruth Okoye endorsed the school bond on Monday.\n'
             '"We will keep our promises to every reader of this budget," Okoye said.\n')
    cleaned = clean_text(block + story)
    assert cleaned[:len(block)].strip() == ""
    assert cleaned[len(block):] == story
    assert "Liberty" not in cleaned


def test_a_block_stops_at_its_line_limit_and_needs_an_appeal_to_open():
    publisher_line = "We rely on our readers to fund our reporting.\n"
    after_sign_up = clean_text("Sign up for our newsletter\n" + publisher_line)
    assert publisher_line in after_sign_up            # a newsletter prompt opens no block
    many = clean_text("Your support matters.\n" + publisher_line * 12)
    assert many.count(publisher_line) == 2            # ten lines blanked, the rest kept


def test_about_publisher_needs_voice_and_topic():
    assert about_publisher("We believe quality journalism should be free.")
    assert not about_publisher("We believe the senator will win.")
    assert not about_publisher("The paper's reporters were at the rally.")


def _seed_pairs() -> list[tuple[Path, dict]]:
    if not CORPUS.exists():
        return []
    pairs = []
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        pairs.append((CORPUS / "seeds" / gold["article"], gold))
    return pairs


@pytest.mark.skipif(not CORPUS.exists(), reason=f"shared corpus not found at {CORPUS}")
@pytest.mark.parametrize("article, gold", _seed_pairs(), ids=lambda value: getattr(value, "name", ""))
def test_seed_furniture_goes_and_the_story_stays(article, gold):
    raw = article.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert not re.search(r"^\s*(?:RELATED|WATCH)\s*:|not supported|^\s*Comments\s*$|^\s*Join our", cleaned, re.M)
    for relation in gold["relations"]:                                   # the story stays
        for piece in relation["evidence"].split("..."):
            assert normalize_characters(piece.strip()) in cleaned, piece
    for entity in gold["entities"]:
        assert any(form in cleaned for form in (entity["name"], *entity.get("aliases", []))), entity["name"]
    outsiders = {r["source"] for r in gold["must_not_extract"]} - {e["name"] for e in gold["entities"]}
    for name in outsiders:                                                # named only in furniture
        assert name in normalize_characters(raw) and name not in cleaned, name
