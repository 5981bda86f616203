"""The vocabulary is data: every list in ``loaders/data/vocabulary.json`` has a note, is read, and derives
rather than restates."""
from __future__ import annotations

import json

import pytest

from endorsegraph.loaders import vocabulary
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
