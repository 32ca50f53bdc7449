"""`/` search: literal by default, guarded regex, next/prev over matches."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Post
from tui.core.query import PostIndex
from tui.core.search import MAX_PATTERN, MAX_SPANS, SearchError, SearchResult, compile_search, search_posts

TZ = timezone(timedelta(hours=3))
CASES = Path(__file__).resolve().parents[1] / "cases"  # copies of shared/cases/input


def posts_of(*texts: str) -> list[Post]:
    t0 = datetime(2025, 5, 15, 9, tzinfo=TZ)
    return [Post(i, date(2025, 5, 15), t0 + timedelta(minutes=i), False, i, i, (t,)) for i, t in enumerate(texts, 1)]


def test_literal_is_default_and_case_insensitive():
    p = compile_search("Medinsky.*")
    assert not p.is_regex
    assert p.spans("MEDINSKY.* and medinsky") == [(0, 10)]
    assert compile_search("[US]").spans("said [US] officials [us]") == [(5, 9), (20, 24)]


def test_literal_matches_typographic_punctuation():
    assert compile_search("Kiev's").spans("Kiev’s team") == [(0, 6)]
    assert compile_search('"we').spans("“We are") == [(0, 3)]


def test_regex_opt_in_with_prefix_or_flag():
    p = compile_search(r"re:\d{1,2}:\d\d")
    assert p.is_regex and p.spans("at 12:30pm and 9:05") == [(3, 8), (15, 19)]
    assert compile_search(r"\bputin\b", regex=True).spans("Putin, putinism") == [(0, 5)]


def test_empty_matches_are_not_spans():
    assert compile_search("re:x*").spans("abc") == []
    assert not compile_search("re:x*").matches("abc")


@pytest.mark.parametrize(
    "pattern, message",
    [
        (r"re:(.*)\1", "backreferences"),
        ("re:(?P<x>a)(?P=x)", "bad regex"),
        ("re:(?<=a)b", "lookarounds"),
        ("re:[", "bad regex"),
        ("re:a{2,1}", "bad regex"),
        ("re:", "empty"),
        ("", "empty"),
        ("x" * (MAX_PATTERN + 1), "too long"),
        ("re:" + "a" * (MAX_PATTERN + 1), "too long"),
    ],
)
def test_patterns_re2_cannot_run_are_refused_with_a_message(pattern, message):
    with pytest.raises(SearchError, match=message):
        compile_search(pattern)


def assert_well_formed(spans: list[tuple[int, int]], text: str) -> None:
    """Non-empty, in order, not overlapping, inside the text."""
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))


def python_spans(pattern: str, text: str) -> list[tuple[int, int]]:
    """What Python's re finds, case-insensitively, without empty matches (the search's contract)."""
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE) if m.end() > m.start()][:MAX_SPANS]


@pytest.mark.parametrize(
    "pattern",
    # The old backtracking checker refused all of these; a linear-time engine runs them.
    [r"(a+)+$", r"(a|a)*b", r"(.*a){12}", r"a.*b.*c", r"(\w+\s?)*$", r"foo.*bar", r"(?:a*)*", r"\s*,\s*"],
)
def test_catastrophic_patterns_run_in_linear_time_on_hostile_text(pattern):
    p = compile_search("re:" + pattern)
    for text in ("a" * 20_000 + "!", "1" * 20_000 + "x", "aaaa " * 4_000, "\u2019" * 20_000):
        spans = p.spans(text)  # returns at once; a hang would trip pytest-timeout
        assert_well_formed(spans, text)
        # The same answer as Python's backtracking engine, on a piece short enough for it.
        short = text[:12] + text[-1]
        assert p.spans(short) == python_spans(pattern, short)


def test_a_regex_sees_the_whole_post():
    p = compile_search("re:needle")
    assert p.matches("x" * 100_000 + "needle")
    assert compile_search("needle").matches("x" * 100_000 + "needle")


def test_a_decomposed_spelling_matches_a_typed_precomposed_one():
    """Some pages store "ü" as "u" + a combining diaeresis: search compares one normal form."""
    text = "Officials in Zu\u0308rich said the talks in Montre\u0301al are over."
    for typed in ("Zürich", "zürich", "ZÜRICH", "re:z\u00fcrich", "re:montr.al"):
        spans = compile_search(typed).spans(text)
        assert len(spans) == 1, typed
        start, end = spans[0]
        assert text[start:end] in ("Zu\u0308rich", "Montre\u0301al"), typed  # the original characters
    assert compile_search("zu").spans(text) == []  # "zu" is not inside "zü"
    assert compile_search("ss").spans("Straße") == [(4, 5)]  # ß folds to ss: the ß is highlighted


def test_the_nfd_case_file_finds_composed_words_in_search_and_filter():
    """shared/cases/input/nfd_search.txt (copied byte for byte), parsed as a user would open it:
    "Zürich" is precomposed in one post and decomposed in another."""
    import unicodedata

    from tui.core.load import load_blog
    from tui.core.query import parse_query

    blog = load_blog(CASES / "nfd_search.txt")
    index = PostIndex.build(blog.posts)
    assert any("Zu\u0308rich" in p.text for p in blog.posts), "the case file keeps its decomposed spelling"
    for typed in ("Zürich", "Montréal"):
        has = [p.seq for p in blog.posts if typed in unicodedata.normalize("NFC", p.text)]
        assert has
        assert search_posts(compile_search(typed), blog.posts, index=index).seqs == tuple(has)
        assert search_posts(compile_search(typed), blog.posts).seqs == tuple(has)
        assert index.filter(parse_query(typed.lower())) == has
    assert index.filter(parse_query("zu")) == []
    assert search_posts(compile_search("zu"), blog.posts, index=index).seqs == ()


TOKENS = st.sampled_from(["a", "b", ".", r"\w", r"\s", r"\d", "[ab]", "[^a]", "*", "+", "?", "{1,3}", "{2,}", "(", ")", "|", "(?:", "^", "$", r"\b"])


@settings(max_examples=150, deadline=5000)
@given(st.lists(TOKENS, min_size=1, max_size=10))
def test_random_patterns_are_refused_or_run(tokens):
    try:
        p = compile_search("re:" + "".join(tokens))
    except SearchError:
        return
    for text in ("a" * 2_000 + "!", "ab " * 700, "1" * 2_000):
        assert_well_formed(p.spans(text), text)
    short = "ab 1a!"
    try:
        found = list(re.finditer("".join(tokens), short, re.IGNORECASE))
    except re.error:  # RE2 reads a few forms Python refuses ("^*"): nothing to compare with
        return
    if all(m.end() > m.start() for m in found):  # after an empty match the two engines resume differently
        assert p.spans(short) == [m.span() for m in found][:MAX_SPANS]


# ---------------------------------------------------------------- result navigation
def result(*seqs: int) -> SearchResult:
    return SearchResult(compile_search("x"), tuple(seqs), 100)


def test_next_and_prev_wrap_and_respect_the_playhead():
    r = result(3, 10, 20)
    assert r.next_after(3) == 10 and r.next_after(20) == 3
    assert r.next_after(20, wrap=False) is None
    assert r.prev_before(10) == 3 and r.prev_before(3) == 20
    assert r.prev_before(3, wrap=False) is None
    # only revealed posts (<= upto) may be found: no spoilers
    assert r.next_after(10, upto=15) == 3
    assert r.prev_before(3, upto=15) == 10
    assert r.next_after(0, upto=2) is None and r.prev_before(5, upto=2) is None
    assert r.count_upto(10) == 2 and len(r) == 3


def test_rank_and_extension_for_match_counts():
    r = result(3, 10, 20)
    assert [r.rank(s) for s in (3, 10, 20, 4)] == [1, 2, 3, None]
    more = r.extended([50, 120, 130], 130)
    assert more.seqs == (3, 10, 20, 120, 130) and more.scanned_to == 130  # 50 was already looked at


def test_search_posts_literal_with_index_and_regex_scan():
    posts = posts_of("Medinsky arrived", "Talks at 12:30", "Kiev’s team", "[US] says medinsky")
    idx = PostIndex.build(posts)
    assert search_posts(compile_search("medinsky"), posts, index=idx).seqs == (1, 4)
    assert search_posts(compile_search("kiev's"), posts, index=idx).seqs == (3,)
    r = search_posts(compile_search(r"re:\d\d:\d\d"), posts)
    assert r.seqs == (2,) and r.scanned_to == 4
    assert search_posts(compile_search("medinsky"), posts).seqs == (1, 4)  # no index: scan
    assert search_posts(compile_search("medinsky"), posts, index=idx, start=2).seqs == (4,)
    assert search_posts(compile_search("re:medinsky"), posts, start=2).seqs == (4,)
