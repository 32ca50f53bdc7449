"""Filter language: parse_query, match_days and PostIndex."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.facts import PostEntities
from tui.core.model import Post
from tui.core.query import PostIndex, Query, Term, fold, match_days, parse_query

TZ = timezone(timedelta(hours=3))

TEXTS = [
    # 14 May (Wednesday)
    ("Vladimir Medinsky will lead Russia’s delegation.", ("Vladimir Medinsky",), ("ru",), ()),
    ("Kiev’s team is undecided, TASS reports.", (), ("ua",), ("TASS",)),
    # 15 May (Thursday)
    ("Putin will not attend, Peskov said. [US] officials agree.", ("Vladimir Putin", "Dmitry Peskov"), ("ru",), ()),
    ("Zelensky met Erdogan in Ankara.", ("Vladimir Zelensky", "Recep Tayyip Erdogan"), ("ua", "tr"), ()),
    ("Straße closed; the prisoner exchange — 1,000 each.", (), (), ("RIA Novosti",)),
    # 16 May (Friday)
    ("Talks started at 12:30pm in the Dolmabahce Palace.", (), ("ru", "ua", "tr"), ("RT",)),
    ("Medinsky: “We are satisfied”. Prisoner exchange agreed.", ("Vladimir Medinsky",), ("ru",), ()),
]
DAYS = [date(2025, 5, 14)] * 2 + [date(2025, 5, 15)] * 3 + [date(2025, 5, 16)] * 2


def make_posts(texts=TEXTS, days=DAYS) -> list[Post]:
    posts = []
    for i, ((text, *_), d) in enumerate(zip(texts, days), start=1):
        t = datetime(d.year, d.month, d.day, 9, tzinfo=TZ) + timedelta(minutes=10 * i)
        posts.append(Post(i, d, t, True, i, i, tuple(text.split("\n"))))
    return posts


def entities(seq: int) -> PostEntities:
    _, people, dels, outlets = TEXTS[seq - 1]
    return PostEntities(people=people, delegations=dels, outlets=outlets)


ALIASES = {"delegation": {"Russia": "ru", "Russian": "ru", "Ukraine": "ua", "Türkiye": "tr", "Turkey": "tr"}}


def index() -> PostIndex:
    return PostIndex.build(make_posts(), entities, aliases=ALIASES)


# ---------------------------------------------------------------- parse_query
def test_parse_terms_quotes_and_prefixes():
    q = parse_query('person:"Vladimir Medinsky" exchange "prisoner exchange" day:fri delegation:ru')
    assert [(t.kind, t.value) for t in q.terms] == [
        ("person", "Vladimir Medinsky"),
        ("text", "exchange"),
        ("text", "prisoner exchange"),
        ("day", "fri"),
        ("delegation", "ru"),
    ]
    assert q.terms[0].raw == 'person:"Vladimir Medinsky"'
    assert parse_query(q.text) == q


def test_unknown_prefix_and_times_are_text():
    q = parse_query("re:foo 12:30pm http://x")
    assert [t.kind for t in q.terms] == ["text", "text", "text"]
    assert [t.value for t in q.terms] == ["re:foo", "12:30pm", "http://x"]


def test_incomplete_and_odd_input_never_raises():
    assert parse_query("").is_empty
    assert parse_query("   person:   ").is_empty
    assert parse_query('person:"').is_empty
    q = parse_query('"unclosed phrase')
    assert q.terms == (Term("text", "unclosed phrase", '"unclosed phrase'),)
    assert parse_query('a"b').terms[0].value == "a"


def test_prefix_synonyms_and_case():
    q = parse_query("WHO:putin Date:15 Source:tass")
    assert [t.kind for t in q.terms] == ["person", "day", "outlet"]


def test_without_removes_one_chip():
    q = parse_query("a person:b c")
    assert q.without(1).text == "a c"
    assert q.terms[1].label == "person:b"


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60))
def test_parse_any_text_roundtrips(text):
    q = parse_query(text)
    assert all(t.value and t.kind in ("text", "person", "delegation", "outlet", "day") for t in q.terms)
    assert parse_query(q.text) == q


# ---------------------------------------------------------------- days
MAY = [date(2025, 5, 14), date(2025, 5, 15), date(2025, 5, 16), date(2025, 6, 15)]


def test_a_day_the_blog_does_not_have_says_which_days_it_has():
    found, error = match_days("32", [date(2025, 5, 14), date(2025, 5, 16)])
    assert found == [] and error == "day:32 names no day of this blog (its days: Wed 14 May – Fri 16 May)"
    assert match_days("monday", [date(2025, 5, 14)])[1] == "day:monday names no day of this blog (its days: Wed 14 May)"


def test_match_days_forms():
    assert match_days("2025-05-15", MAY) == ([date(2025, 5, 15)], None)
    assert match_days("15", MAY)[0] == [date(2025, 5, 15), date(2025, 6, 15)]
    assert match_days("15 May", MAY)[0] == [date(2025, 5, 15)]
    assert match_days("may 15", MAY)[0] == [date(2025, 5, 15)]
    assert match_days("May 15, 2025", MAY)[0] == [date(2025, 5, 15)]
    assert match_days("15th May", MAY)[0] == [date(2025, 5, 15)]
    assert match_days("friday", MAY)[0] == [date(2025, 5, 16)]
    assert match_days("fri", MAY)[0] == [date(2025, 5, 16)]
    assert match_days("Thu", MAY)[0] == [date(2025, 5, 15)]
    # a valid date with no posts: none found, and the reason says which days the blog has
    assert match_days("2025-05-20", MAY)[0] == [] and "names no day of this blog" in match_days("2025-05-20", MAY)[1]


def test_match_days_errors():
    for junk in ("2025-02-30", "banana", "15 bananas", "May", "32 May 15"):
        days, err = match_days(junk, MAY)
        assert days == [] and err


# ---------------------------------------------------------------- index
def test_free_text_is_case_insensitive_substring_and_anded():
    idx = index()
    assert idx.filter(parse_query("medinsky")) == [1, 7]
    assert idx.filter(parse_query("PRISONER exchange")) == [5, 7]
    assert idx.filter(parse_query('"prisoner exchange" satisfied')) == [7]
    assert idx.filter(parse_query("nothing-like-this")) == []


def test_typographic_punctuation_and_casefold():
    idx = index()
    assert idx.filter(parse_query("kiev's")) == [2]
    assert idx.filter(parse_query('"we are satisfied"')) == [7]
    assert idx.filter(parse_query("strasse")) == [5]  # ß casefolds to ss
    assert idx.filter(parse_query("exchange - 1,000")) == [5]  # em dash folds to -


def test_brackets_and_times_are_plain_text():
    idx = index()
    assert idx.filter(parse_query("[us]")) == [3]
    assert idx.filter(parse_query("12:30pm")) == [6]


def test_entity_terms_exact_then_substring():
    idx = index()
    assert idx.filter(parse_query("person:putin")) == [3]
    assert idx.filter(parse_query('person:"vladimir medinsky"')) == [1, 7]
    assert idx.filter(parse_query("person:vladimir")) == [1, 3, 4, 7]  # every Vladimir
    assert idx.entity_keys("person", "vlad") == ["Vladimir Medinsky", "Vladimir Putin", "Vladimir Zelensky"]
    assert idx.filter(parse_query("delegation:russia")) == [1, 3, 6, 7]  # alias
    assert idx.filter(parse_query("delegation:TURKEY")) == [4, 6]
    assert idx.filter(parse_query("outlet:tass")) == [2]
    assert idx.filter(parse_query("person:nobody")) == []
    assert idx.term_error(Term("person", "nobody", "person:nobody"))
    assert idx.term_error(Term("person", "putin", "person:putin")) is None


def test_terms_and_together():
    idx = index()
    assert idx.filter(parse_query("delegation:ru day:16")) == [6, 7]
    assert idx.filter(parse_query("delegation:ru day:16 exchange")) == [7]
    assert idx.filter(parse_query("person:putin person:peskov")) == [3]
    assert idx.filter(parse_query("person:putin person:medinsky")) == []
    assert idx.filter(parse_query("day:thursday")) == [3, 4, 5]
    assert idx.filter(parse_query("day:junk")) == []


def test_empty_query_is_everything():
    assert index().filter(Query()) == list(range(1, 8))


def test_term_counts_per_chip():
    idx = index()
    q = parse_query("delegation:ru exchange day:15 person:nobody")
    assert idx.term_counts(q) == [4, 2, 3, 0]


def test_incremental_typing_gives_same_results_as_fresh():
    idx = index()
    typed = "prisoner exch"
    for i in range(1, len(typed) + 1):
        q = parse_query(typed[:i])
        assert idx.filter(q) == index().filter(q)
    # going back (deleting) must widen again
    assert idx.filter(parse_query("pri")) == [5, 7]
    assert idx.filter(parse_query("p")) == index().filter(parse_query("p"))


def test_matches_single_post():
    idx = index()
    q = parse_query("delegation:ua ankara")
    assert idx.matches(4, q) and not idx.matches(3, q) and not idx.matches(99, q)


def test_without_entities_function_entity_terms_match_nothing():
    idx = PostIndex.build(make_posts(), None, eager=True)
    assert idx.filter(parse_query("person:putin")) == []
    assert idx.filter(parse_query("putin")) == [3]


words = st.sampled_from(["medinsky", "exchange", "talks", "putin", "the", "zz", "kiev", "ankara", "a"])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, max_size=3), st.lists(words, max_size=3))
def test_filter_equals_naive_scan(q1, q2):
    idx = index()
    posts = make_posts()
    for ws in (q1, q2):  # second query may narrow the first (cache path)
        q = parse_query(" ".join(ws))
        expected = [p.seq for p in posts if all(fold(w) in fold(p.text) for w in ws)]
        assert idx.filter(q) == expected


def test_the_index_grows_with_the_posts_and_the_extracted_entities():
    """A progressive load adds posts in chunks and extraction follows: each query
    sees exactly the posts and entities handed over so far."""
    posts = make_posts()
    idx = PostIndex(posts[:3], aliases=ALIASES)
    idx.set_entities(entities, 2)
    assert idx.filter(parse_query("person:medinsky")) == [1]
    assert idx.filter(parse_query("exchange")) == []
    idx.extend(posts[3:])
    assert idx.size == 7 and idx.filter(parse_query("exchange")) == [5, 7]
    assert idx.filter(parse_query("person:medinsky")) == [1]  # post 7 is not extracted yet
    idx.set_entities(entities, 7)
    assert idx.filter(parse_query("person:medinsky")) == [1, 7]
    assert idx.filter(parse_query("person:medinsky"), upto=6) == [1]


def test_extend_refuses_a_gap_in_the_seqs():
    posts = make_posts()
    idx = PostIndex(posts[:2])
    try:
        idx.extend(posts[3:])
    except ValueError as error:
        assert "seq 3" in str(error)
    else:
        raise AssertionError("a gap in the seqs must be refused")


def test_aliases_given_per_query_replace_the_default_ones():
    idx = PostIndex.build(make_posts(), entities)
    assert idx.filter(parse_query("delegation:Türkiye")) == []
    assert idx.filter(parse_query("delegation:Türkiye"), aliases={"delegation": {"Türkiye": "tr"}}) == [4, 6]
    assert idx.term_error(parse_query("delegation:Türkiye").terms[0]) is not None


def test_term_seqs_are_cut_at_the_playhead():
    idx = index()
    q = parse_query("exchange delegation:ru")
    assert idx.term_seqs(q) == [[5, 7], [1, 3, 6, 7]]
    assert idx.term_seqs(q, upto=5) == [[5], [1, 3]]
    assert idx.term_counts(q, upto=5) == [1, 2]


def test_two_threads_catching_up_at_once_index_each_post_once() -> None:
    """The loading worker and the UI thread both bring the index up to the posts parsed; what one
    added the other skips (it used to read the size, then extend from a stale start: a ValueError)."""
    import threading

    posts = make_posts()
    for _ in range(50):
        idx = PostIndex(posts[:1])
        start = threading.Barrier(2)

        def catch_up() -> None:
            start.wait()
            for n in range(2, len(posts) + 1):
                idx.catch_up(posts, n)

        others = [threading.Thread(target=catch_up) for _ in range(2)]
        for t in others:
            t.start()
        for t in others:
            t.join()
        assert idx.size == len(posts)
        assert idx.filter(parse_query("exchange")) == [5, 7]
