"""Article inputs: plain text, Markdown, HTML and JSON Lines, cleaned, with their metadata and clear errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsegraph.graph.errors import InputError
from endorsegraph.loaders import files
from endorsegraph.loaders.articles import article_ids, blank_markdown, is_article_jsonl, read_articles

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
STORY = ("SPRINGFIELD, Ill. \u2013 The Illinois Federation of Teachers endorsed state Sen. Ada Moreno "
         "for governor on Monday.\n\n\u201cShe\u2019s earned it,\u201d said IFT President Carl Jensen.\n")
PAGE = """<!DOCTYPE html><html><head><title>IFT backs Moreno | Prairie Post</title>
<meta property="og:title" content="IFT backs Moreno for governor">
<link rel="canonical" href="https://prairiepost.example/2026/03/02/ift-moreno">
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article><h1>IFT backs Moreno for governor</h1>
<p>SPRINGFIELD, Ill. &ndash; The Illinois Federation of Teachers endorsed state Sen. Ada Moreno for governor on
Monday, the first statewide union to pick a side in the Democratic primary.</p>
<p>&ldquo;She&rsquo;s earned it in every classroom she visited,&rdquo; said IFT President Carl Jensen.</p>
<p>Moreno faces Comptroller Ben Ruiz, who has the backing of several county chairs, in the March primary.</p>
</article><footer>Copyright 2026 Prairie Post. Tip line: tips@prairiepost.example</footer></body></html>"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def jsonl(tmp_path: Path, *records: object, name: str = "stories.jsonl") -> Path:
    return write(tmp_path, name, "".join(json.dumps(r) + "\n" for r in records))


def test_plain_text_is_one_cleaned_article_with_offsets_of_the_file(tmp_path):
    path = write(tmp_path, "moreno.txt", STORY)
    [article] = read_articles(path)
    assert (article.id, article.source, article.url, article.published) == ("moreno.txt", str(path), None, None)
    assert len(article.text) == len(STORY)
    assert '"She\'s earned it,"' in article.text
    start = article.text.index("Carl Jensen")
    assert STORY[start:start + len("Carl Jensen")] == "Carl Jensen"


def test_markdown_markup_is_blanked_in_place(tmp_path):
    source = ("# IFT backs Moreno\n\n"
              "The **Illinois Federation of Teachers** endorsed [Ada Moreno](https://example.org/moreno) on _Monday_.\n\n"
              "> \u201cShe\u2019s earned it,\u201d said IFT President Carl Jensen.\n\n"
              "- Moreno faces Ben Ruiz.\n![crowd](crowd.jpg)\n")
    [article] = read_articles(write(tmp_path, "moreno.md", source))
    assert article.title == "IFT backs Moreno"
    assert len(article.text) == len(source)
    for word in ("Illinois Federation of Teachers", "Ada Moreno", "Monday", "Carl Jensen", "Moreno faces Ben Ruiz"):
        assert article.text.index(word) == source.index(word)
    for markup in ("**", "](", "https://", "# ", "> ", "- ", "crowd.jpg", "_Monday"):
        assert markup not in article.text, markup
    assert article.text.count("\n") == source.count("\n")


def test_markdown_front_matter_gives_the_title_and_is_blanked(tmp_path):
    source = ('---\ntitle: "Teachers back Moreno"\ndate: 2026-03-02\n---\n'
              "Teachers back Moreno\n====================\n\nThe IFT endorsed Ada Moreno.\n")
    [article] = read_articles(write(tmp_path, "front.md", source))
    assert article.title == "Teachers back Moreno"
    assert article.text.split() == ["Teachers", "back", "Moreno", "The", "IFT", "endorsed", "Ada", "Moreno."]
    assert article.text.index("The IFT") == source.index("The IFT")


def test_markdown_keeps_underscores_and_stars_inside_words():
    assert blank_markdown("snake_case and 5*3 stay") == "snake_case and 5*3 stay"


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path):
    [article] = read_articles(write(tmp_path, "moreno.html", PAGE))
    assert article.id == "moreno.html"
    assert article.url == article.source == "https://prairiepost.example/2026/03/02/ift-moreno"
    assert article.published == "2026-03-02"
    assert article.title and "Moreno" in article.title
    assert "Illinois Federation of Teachers endorsed state Sen. Ada Moreno" in article.text
    assert '"She\'s earned it' in article.text                       # entities decoded, quotes normalized
    for chrome in ("Weather", "Tip line", "Copyright"):
        assert chrome not in article.text


def test_html_without_article_text_is_an_input_error(tmp_path):
    path = write(tmp_path, "empty.htm", "<html><head><title>x</title></head><body><nav></nav></body></html>")
    with pytest.raises(InputError, match="no article text found in the HTML") as raised:
        read_articles(path)
    assert raised.value.path == str(path)


def test_jsonl_records_with_text_or_html(tmp_path):
    path = jsonl(tmp_path,
                 {"id": "a-1", "url": "https://news.example/a-1", "title": "Moreno wins IFT",
                  "published": "2026-03-02T10:00:00Z", "text": STORY},
                 {"html": PAGE},
                 {"id": 7, "text": "Ben Ruiz picked up the backing of the Cook County Democratic Party."})
    first, second, third = read_articles(path)
    assert (first.id, first.source, first.url, first.title, first.published) == (
        "a-1", "https://news.example/a-1", "https://news.example/a-1", "Moreno wins IFT", "2026-03-02")
    assert len(first.text) == len(STORY) and "\u201c" not in first.text
    assert second.id == "stories.jsonl:2"                              # no id: file name and line
    assert second.url == "https://prairiepost.example/2026/03/02/ift-moreno" and second.published == "2026-03-02"
    assert "Ada Moreno" in second.text and "Weather" not in second.text
    assert (third.id, third.source) == ("7", str(path))
    assert article_ids(path) == [first.id, second.id, third.id]


def test_fixture_inputs_read_cleanly():
    articles = [a for path in sorted(ARTICLES.iterdir()) for a in read_articles(path)]
    assert len(articles) == len({a.id for a in articles}) == len(list(ARTICLES.parent.glob("gold/*.json")))
    html = next(a for a in articles if a.id == "tran_nurses.html")
    assert html.published == "2022-06-14" and "Most read" not in html.text


@pytest.mark.parametrize("lines, problem, line", [
    (['{"id": "a", "text": "x"}', "{oops"], "invalid JSON", 2),
    (['["a list"]'], "expected an article object, got list", 1),
    (['{"id": "a", "title": "no body"}'], 'needs a non-empty "text" or "html"', 1),
    (['{"id": "a", "text": "   "}'], 'needs a non-empty "text" or "html"', 1),
    (['{"id": "a", "text": ["not", "a", "string"]}'], '"text" must be a string, got list', 1),
    (['{"id": "a", "text": "x", "published": "last Tuesday"}'], '"published" must be an ISO date', 1),
    (['{"id": "a", "text": "x"}', "", '{"id": "a", "text": "y"}'], "duplicate article id 'a' (first on line 1)", 3),
    (['{"id": "a", "html": "<html><body></body></html>"}'], 'no article text found in "html"', 1),
])
def test_jsonl_problems_name_the_line(tmp_path, lines, problem, line):
    path = write(tmp_path, "bad.jsonl", "\n".join(lines) + "\n")
    with pytest.raises(InputError) as raised:
        read_articles(path)
    assert problem in raised.value.reason
    assert (raised.value.path, raised.value.line) == (str(path), line)


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", "  \n\n", "file is empty"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("latin1.txt", "Mart\xednez endorsed".encode("latin-1"), "not UTF-8"),
    ("story.pdf", "text", "not an article file"),
])
def test_unusable_files_are_input_errors(tmp_path, name, content, problem):
    with pytest.raises(InputError, match=problem):
        read_articles(write(tmp_path, name, content))


def test_oversized_file_is_refused(tmp_path):
    path = write(tmp_path, "long.txt", "The union endorsed her. " * (files.MAX_BYTES // 24 + 1))
    with pytest.raises(InputError, match="over the 5 MB limit"):
        read_articles(path)


@pytest.mark.parametrize("first_line, expected", [
    ('{"id": "a", "text": "The union endorsed her."}', True),
    ('{"html": "<p>x</p>"}', True),
    ('{"relation": "ENDORSED", "source": "CWA", "target": "Sanders"}', False),
    ("not json at all", False),
    ('["text"]', False),
])
def test_is_article_jsonl_reads_the_first_non_empty_line(tmp_path, first_line, expected):
    assert is_article_jsonl(write(tmp_path, "x.jsonl", "\n\n" + first_line + "\n{broken")) is expected


def test_article_ids_of_other_inputs_are_their_file_names(tmp_path):
    records = jsonl(tmp_path, {"name": "CWA", "type": "Organization"}, name="records.jsonl")
    assert article_ids(records) == ["records.jsonl"]
    assert article_ids(write(tmp_path, "a.html", PAGE)) == ["a.html"]


# --- posts: front matter and an HTML body (static sites, scrapers) -----------------------------

POST = """---
author: Dana Pike
date: Aug 25, 2013 4:55 PM
title: Plumbers&apos; Union Backs Ortiz For Council
url: https://news.example/2013/08/25/plumbers-ortiz
---

<p><span class="mt-enclosure"> </span></p><div class="image-none"><img src="x.jpg"> <br> <i>Ortiz at a rally (Getty Images)</i></div>
<p>The Plumbers&#x2019; Union <a href="https://example.org">endorsed Lena Ortiz</a> on Monday.</p>
<p>&quot;She listens,&quot; said the union&apos;s president.<br>Ortiz thanked them.</p><script>var ad = 1;</script>
<script>var photo = { "id":2, "caption": "Ortiz with <b>Local 9&#39;s</b> Al Reyes, who said \\"we\\'re in\\" (AP)", "credit":"AP"};</script>
<script>var photo = { "id":3, "caption": "Ortiz\\u2019s victory party \u00e2\u0080\u0094 at last.\\r\\n", "credit":"AP"};</script>
"""


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_a_post_with_front_matter_and_an_html_body_reads_as_prose(tmp_path, suffix):
    [article] = read_articles(write(tmp_path, "post" + suffix, POST))
    assert (article.title, article.published) == ("Plumbers' Union Backs Ortiz For Council", "2013-08-25")
    assert article.url == article.source == "https://news.example/2013/08/25/plumbers-ortiz"
    lines = [line for line in article.text.splitlines() if line.strip()]
    assert lines == ["Plumbers' Union Backs Ortiz For Council",
                     "Ortiz at a rally",                # a caption is a paragraph of its own, its credit dropped
                     "The Plumbers' Union endorsed Lena Ortiz on Monday.",
                     '"She listens," said the union\'s president.', "Ortiz thanked them.",
                     "Ortiz with Local 9's Al Reyes, who said \"we're in\"",     # a gallery's caption, markup read
                     "Ortiz's victory party \u2014 at last."]    # mis-decoded UTF-8 repaired, "\\r\\n" a space


def test_front_matter_dates_in_the_forms_sites_write():
    from endorsegraph.loaders.front_matter import iso_date
    assert [iso_date(v) for v in ("Jun 26, 2014 8:55 am", "2019-04-02T10:00:00Z", "March 3, 2015",
                                  "not a date", None)] == ["2014-06-26", "2019-04-02", "2015-03-03", None, None]


def test_markdown_prose_with_front_matter_keeps_file_offsets_and_gains_the_date(tmp_path):
    source = "---\ntitle: Ortiz wins\ndate: 2013-08-25\n---\n\nThe union endorsed *Lena Ortiz*.\n"
    [article] = read_articles(write(tmp_path, "prose.md", source))
    assert len(article.text) == len(source) and article.published == "2013-08-25"
    assert article.text.index("Lena Ortiz") == source.index("Lena Ortiz")


def test_a_utf16_articles_file_is_read_as_articles(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(json.dumps({"id": "w1", "text": "The Plumbers Union endorsed Abe Lutz."}).encode("utf-16"))
    assert is_article_jsonl(path)
    assert [a.id for a in read_articles(path)] == ["w1"]


def test_invisible_characters_of_an_html_body_leave_names_whole():
    """A soft hyphen or a zero-width space the CMS left inside a name ("Foundation for &shy;Ethnic Understanding")
    is dropped, so the name reads as one."""
    from endorsegraph.loaders.html_text import html_text
    body = "<p>Rabbi Ari Lev, president of the Harbor Foundation for &shy;Ethnic Understanding, spoke&#8203; on Monday.</p>"
    assert html_text(body) == "Rabbi Ari Lev, president of the Harbor Foundation for Ethnic Understanding, spoke on Monday.\n"
