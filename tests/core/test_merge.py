"""Two blogs of one event on one clock (tui.core.merge).

Hand-built posts pin the order, the ties and the zones; two test blogs of one
invented event (tests/core/merge/: a stamped oldest-first wire and an unstamped
newest-first daily whose times are estimates) check the parse, the facts with a
source in each blog, and that nothing at post k depends on a later post.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.export_facts import state_export
from tui.core.knowledge import Delegation, Knowledge, Outlet, Person
from tui.core.load import load_blog
from tui.core.merge import blog_name, merge_blogs, merge_knowledge
from tui.core.model import Blog, BlogMeta, ParseWarning, Post, Summary
from tui.core.query import PostIndex, parse_query
from tui.core.timeline import Timeline

HERE = Path(__file__).resolve().parent / "merge"
WIRE, DAILY = HERE / "northwind_wire.txt", HERE / "harbour_daily.txt"
IST = ZoneInfo("Europe/Istanbul")


def blog(outlet: str, times: list[tuple[str, bool]], tz=IST, title: str = "", summary: str = "") -> Blog:
    posts = []
    for seq, (stamp, estimated) in enumerate(times, 1):
        when = datetime.fromisoformat(stamp).replace(tzinfo=tz) if "+" not in stamp[10:] else datetime.fromisoformat(stamp)
        posts.append(Post(seq, when.date(), when, estimated, seq + 1, seq + 1, (f"{outlet} post {seq}",)))
    return Blog(meta=BlogMeta(title=title or f"{outlet} live", outlet=outlet, timezone=str(tz)), tz=tz,
                summary=Summary(summary, 1, 1) if summary else None, posts=posts,
                days=sorted({p.day for p in posts}), order="oldest-first", source=f"{outlet.lower()}.txt")


def test_posts_are_ordered_by_time_ties_keep_the_blogs_order_and_seq_is_renumbered() -> None:
    a = blog("Alpha", [("2025-05-15T09:00", False), ("2025-05-15T10:00", False), ("2025-05-15T12:00", False)])
    b = blog("Beta", [("2025-05-15T08:30", False), ("2025-05-15T10:00", False), ("2025-05-15T10:00", True)])
    merged = merge_blogs([a, b])
    assert [p.text for p in merged.posts] == ["Beta post 1", "Alpha post 1", "Alpha post 2", "Beta post 2",
                                              "Beta post 3", "Alpha post 3"]
    assert [p.seq for p in merged.posts] == list(range(1, 7))
    assert [p.blog_name for p in merged.posts] == ["Beta", "Alpha", "Alpha", "Beta", "Beta", "Alpha"]
    assert [p.time_estimated for p in merged.posts] == [False, False, False, False, True, False]
    # The other order of the arguments puts Beta first at the tie.
    swapped = merge_blogs([b, a])
    assert [p.text for p in swapped.posts][2:4] == ["Beta post 2", "Beta post 3"]
    assert merged.merged_from == {"Alpha": "alpha.txt", "Beta": "beta.txt"}
    assert merged.meta.outlet == "" and "Alpha live" in merged.title and "Beta live" in merged.title
    # Lines stay lines of each post's own file.
    assert merged.posts[0].first_line == b.posts[0].first_line


def test_each_blog_keeps_its_own_order_even_with_equal_times() -> None:
    same = [("2025-05-15T10:00", True)] * 3
    merged = merge_blogs([blog("Alpha", same), blog("Beta", same)])
    assert [p.text for p in merged.posts] == [f"Alpha post {i}" for i in (1, 2, 3)] + [f"Beta post {i}" for i in (1, 2, 3)]


def test_times_are_instants_shown_in_the_first_blogs_zone() -> None:
    a = blog("Alpha", [("2025-05-15T23:30", False)])  # Istanbul, UTC+3
    b = blog("Beta", [("2025-05-15T21:00", False)], tz=timezone.utc)  # 00:00 on the 16th in Istanbul
    merged = merge_blogs([a, b])
    assert [p.blog_name for p in merged.posts] == ["Alpha", "Beta"]  # 20:30 UTC before 21:00 UTC
    beta = merged.posts[1]
    assert beta.time == datetime(2025, 5, 16, 0, 0, tzinfo=IST) and beta.time.utcoffset() == timedelta(hours=3)
    assert beta.day == date(2025, 5, 16) and merged.days == [date(2025, 5, 15), date(2025, 5, 16)]


def test_blog_names_come_from_outlet_title_or_file_and_stay_apart() -> None:
    a = blog("Alpha", [("2025-05-15T09:00", False)])
    untitled = dataclasses.replace(a, meta=BlogMeta(), source="/tmp/wire_feed.txt")
    assert blog_name(untitled) == "wire_feed"
    assert blog_name(dataclasses.replace(a, meta=BlogMeta(title="  Talks   live "))) == "Talks live"
    merged = merge_blogs([a, a])
    assert [p.blog_name for p in merged.posts] == ["Alpha", "Alpha (2)"]


def test_summaries_and_warnings_name_their_blog() -> None:
    a = blog("Alpha", [("2025-05-15T09:00", False)], summary="Alpha's lede.")
    b = blog("Beta", [("2025-05-15T10:00", False)], summary="Beta's lede.")
    merged = merge_blogs([a, dataclasses.replace(b, warnings=[ParseWarning(3, "odd stamp")])])
    assert merged.summary is not None and merged.summary.text == "Alpha: Alpha's lede.\nBeta: Beta's lede."
    assert merged.warnings == [ParseWarning(3, "Beta: odd stamp")]


def test_two_parsed_blogs_one_stamped_one_estimated() -> None:
    wire, daily = load_blog(WIRE), load_blog(DAILY)
    assert not any(p.time_estimated for p in wire.posts) and all(p.time_estimated for p in daily.posts)
    merged = merge_blogs([wire, daily])
    assert len(merged.posts) == len(wire.posts) + len(daily.posts)
    times = [p.time for p in merged.posts]
    assert times == sorted(times)
    # Each blog's own order (and estimate flags) is kept inside the merge.
    for source in (wire, daily):
        mine = [p for p in merged.posts if p.blog_name == source.meta.outlet]
        assert [p.paragraphs for p in mine] == [p.paragraphs for p in source.posts]
        assert [p.time_estimated for p in mine] == [p.time_estimated for p in source.posts]


def test_two_estimated_clocks_interleave_by_their_estimates() -> None:
    """Two blogs without stamps: each spreads its day over day_start..day_end, and the merge
    orders those estimates like times (documented in the README: the order between the
    blogs is only as good as the estimates)."""
    daily = load_blog(DAILY)
    other = dataclasses.replace(daily, meta=dataclasses.replace(daily.meta, outlet="Second Daily"))
    merged = merge_blogs([daily, other])
    assert all(p.time_estimated for p in merged.posts)
    names = [p.blog_name for p in merged.posts]
    assert names == ["Harbour Daily", "Second Daily"] * len(daily.posts)  # equal estimates: A before B


def test_a_fact_reported_by_both_blogs_keeps_both_sources() -> None:
    merged = merge_blogs([load_blog(WIRE), load_blog(DAILY)])
    timeline = Timeline.build(merged, Knowledge())
    state = timeline.state_at(len(merged.posts))
    orlania = next(d for d in state.delegations if d.id == "orlania")
    arrivals = [f for f in orlania.history if f.status == "arrived"]
    assert {merged.posts[f.seq - 1].blog_name for f in arrivals} == {"Northwind Wire", "Harbour Daily"}
    first, again = arrivals
    assert not first.confirms and again.confirms  # the second report is a further source, not a change
    meeting = state.meetings[0]
    assert {merged.posts[s - 1].blog_name for s in meeting.seqs} == {"Northwind Wire", "Harbour Daily"}


def test_no_spoilers_across_the_merge() -> None:
    """The state and the knowledge at k depend on posts 1..k of the merged blog only,
    whichever blog the later posts come from."""
    merged = merge_blogs([load_blog(WIRE), load_blog(DAILY)])
    full = Timeline.build(merged, Knowledge())
    for k in range(1, len(merged.posts)):
        cut = dataclasses.replace(merged, posts=merged.posts[:k], days=sorted({p.day for p in merged.posts[:k]}))
        part = Timeline.build(cut, Knowledge())
        mine, theirs = state_export(full.state_at(k)), state_export(part.state_at(k))
        mine.pop("summary_revealed"), theirs.pop("summary_revealed")
        assert mine == theirs, f"post {k}: the state depends on later posts"
        assert full.knowledge_at(k) == part.knowledge_at(k)


def test_the_blog_filter_term_selects_one_blog() -> None:
    merged = merge_blogs([load_blog(WIRE), load_blog(DAILY)])
    index = PostIndex(merged.posts)
    harbour = [p.seq for p in merged.posts if p.blog_name == "Harbour Daily"]
    assert index.filter(parse_query("blog:harbour")) == harbour
    assert index.filter(parse_query('blog:"Harbour Daily"')) == harbour
    assert index.filter(parse_query("blog:harbour Orlanian")) == [s for s in harbour if "Orlanian" in merged.posts[s - 1].text]
    assert index.blogs == ["Northwind Wire", "Harbour Daily"]
    assert index.term_error(parse_query("blog:reuters").terms[0]) == "no blog matches 'reuters' (blogs: Northwind Wire, Harbour Daily)"
    single = PostIndex(load_blog(WIRE).posts)
    assert single.filter(parse_query("blog:wire")) == []
    assert "replay A B" in (single.term_error(parse_query("blog:wire").terms[0]) or "")


def test_knowledge_files_merge_first_one_winning() -> None:
    a = Knowledge(delegations=(Delegation(id="orlania", name="Orlania"),), people=(Person(name="Ilse Marquardt"),),
                  outlets=(Outlet("ONA"),), source="a.toml")
    b = Knowledge(delegations=(Delegation(id="orlania", name="Other"), Delegation(id="vestmark", name="Vestmark")),
                  outlets=(Outlet("ONA"), Outlet("Harbour Daily")), source="b.toml")
    merged = merge_knowledge([a, b])
    assert [d.name for d in merged.delegations] == ["Orlania", "Vestmark"]
    assert [o.name for o in merged.outlets] == ["ONA", "Harbour Daily"]
    assert [p.name for p in merged.people] == ["Ilse Marquardt"]
    assert merged.source == "a.toml + b.toml"
    assert merge_knowledge([a]) is a


def test_merging_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        merge_blogs([])
