"""`/` search: literal by default, guarded regex, next/prev over matches."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Post
from tui.core.query import PostIndex
from tui.core.search import MAX_PATTERN, MAX_TEXT, SearchError, SearchResult, check_regex, compile_search, search_posts

TZ = timezone(timedelta(hours=3))


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
        ("re:(a+)+$", "nested"),
        ("re:(?:a*)*", "nested"),
        (r"re:(\w+\s?)*$", "nested"),
        ("re:(x+x+)+y", "nested"),
        ("re:(?>a+)+b", "nested"),
        ("re:(a|a)*$", "alternatives"),
        ("re:(a|aa)+$", "alternatives"),
        (r"re:(.*)\1", "backreferences"),
        ("re:(?P<x>a)(?P=x)", "backreferences"),
        ("re:(?P<x>a)?(?(x)b|c)", "backreferences"),
        ("re:a.*b.*c", "too long"),
        ("re:.*.*=.*", "too long"),
        ("re:(a?){30}a{30}", "too long"),
        ("re:(.*a){12}", "too long"),
        ("re:[", "bad regex"),
        ("re:a{2,1}", "bad regex"),
        ("re:", "empty"),
        ("", "empty"),
        ("x" * (MAX_PATTERN + 1), "too long"),
        ("re:" + "a" * (MAX_PATTERN + 1), "too long"),
    ],
)
def test_hostile_patterns_are_refused_with_a_message(pattern, message):
    with pytest.raises(SearchError, match=message):
        compile_search(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"foo.*bar", r"\w+\s+\w+", r"(foo|bar)+", r"[^\"]+\"", r"\s*,\s*", r"(a|b)*c", r"^\d+$", r"a++b", r"(?=x)\w{1,40}"],
)
def test_reasonable_regexes_are_allowed_and_finish_on_hostile_text(pattern):
    p = compile_search("re:" + pattern)
    for text in ("a" * 20_000 + "!", "1" * 20_000 + "x", "aaaa " * 4_000, "\u2019" * 20_000):
        p.spans(text)  # must return (bounded by MAX_TEXT); a hang fails the suite


def test_regex_sees_only_the_first_max_text_characters():
    p = compile_search("re:needle")
    assert p.matches("x" * (MAX_TEXT - 10) + "needle")
    assert not p.matches("x" * MAX_TEXT + "needle")
    assert compile_search("needle").matches("x" * MAX_TEXT + "needle")  # literal sees everything


TOKENS = st.sampled_from(["a", "b", ".", r"\w", r"\s", r"\d", "[ab]", "[^a]", "*", "+", "?", "{1,3}", "{2,}", "(", ")", "|", "(?:", "^", "$", r"\b"])


@settings(max_examples=150, deadline=5000)
@given(st.lists(TOKENS, min_size=1, max_size=10))
def test_random_patterns_are_refused_or_fast(tokens):
    try:
        p = compile_search("re:" + "".join(tokens))
    except SearchError:
        return
    for text in ("a" * 2_000 + "!", "ab " * 700, "1" * 2_000):
        p.spans(text)


# ---------------------------------------------------------------- result navigation
def result(*seqs: int) -> SearchResult:
    return SearchResult(compile_search("x"), tuple(seqs), True, 100)


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


def test_search_posts_literal_with_index_and_regex_scan():
    posts = posts_of("Medinsky arrived", "Talks at 12:30", "Kiev’s team", "[US] says medinsky")
    idx = PostIndex.build(posts)
    assert search_posts(compile_search("medinsky"), posts, index=idx).seqs == (1, 4)
    assert search_posts(compile_search("kiev's"), posts, index=idx).seqs == (3,)
    r = search_posts(compile_search(r"re:\d\d:\d\d"), posts)
    assert r.seqs == (2,) and r.complete and r.scanned_to == 4
    assert search_posts(compile_search("medinsky"), posts).seqs == (1, 4)  # no index: scan


def test_search_posts_stops_at_the_time_budget():
    posts = posts_of(*(["text"] * 500))
    ticks = iter(range(10_000))
    r = search_posts(compile_search("re:text"), posts, budget=3, clock=lambda: next(ticks))
    assert not r.complete and 0 < r.scanned_to < 500 and len(r.seqs) == r.scanned_to


def test_check_regex_accepts_plain_patterns():
    check_regex(r"\bputin\b|medinsky")
    check_regex(r"\d{1,2}:\d{2}\s*(am|pm)?")
