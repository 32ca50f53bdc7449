"""Key events: the timeline's index of posts that change a pane, what each changed,
and `}` / `{` on the session (no Pilot) — including while facts are still extracted."""

from __future__ import annotations

import blogfactory as bf
import pytest

from tui.core.key_events import describe_change
from tui.core.load import load_blog
from tui.core.session import ReplaySession
from tui.core.timeline import Timeline

POSTS = [
    "The Russian delegation will be led by Vladimir Medinsky, the Kremlin has said.",
    "The weather in Istanbul is sunny, local media have reported.",  # nothing for a pane
    "The Russian delegation has arrived in Istanbul, TASS has reported.",
    "The Russian delegation has arrived in Istanbul, a source has told RIA Novosti.",  # a further source
    "Talks between the Russian and Ukrainian delegations are scheduled to begin at 10am on Friday, "
    "the Turkish Foreign Ministry has said.",
    "Peskov has declined to comment on the talks between the Russian and Ukrainian delegations.",  # a mention
    "The talks between the Russian and Ukrainian delegations have started in Istanbul, Anadolu has reported.",
]
CHANGES = [1, 3, 5, 7]


@pytest.fixture(scope="module")
def blog():
    return bf.make_blog(POSTS)


@pytest.fixture(scope="module")
def timeline(blog):
    return Timeline.build(blog, bf.KNOWLEDGE)


def test_the_index_holds_posts_that_change_a_pane_not_repeats_or_mere_mentions(timeline) -> None:
    assert list(timeline.changes()) == CHANGES
    # the posts left out really add nothing a pane shows: a repeat is a further source only
    assert [f.confirms for f in timeline.facts_of(4)] == [True]
    assert describe_change(timeline, 2) == describe_change(timeline, 4) == describe_change(timeline, 6) == ""


def test_what_each_key_event_changed_reads_like_the_panes(timeline) -> None:
    assert describe_change(timeline, 3) == "Russian delegation arrived in Istanbul"
    # (the knowledge file lists Ukraine, but its row starts with the post that first names its team)
    assert describe_change(timeline, 5) == "new delegation: Ukrainian delegation; Russia – Ukraine talks planned for Fri 16 May 10:00"
    assert describe_change(timeline, 7) == (
        "Russian delegation, Ukrainian delegation in talks; "
        "Russia – Ukraine talks started (Thu 15 May): in Istanbul · present Russian delegation, Ukrainian delegation"
    )
    assert describe_change(timeline, 1).startswith("Russian delegation line-up announced; ")
    assert "announced Vladimir Medinsky" in describe_change(timeline, 1)


def test_the_index_grows_with_extraction_and_a_view_taken_earlier_stays_fixed(blog) -> None:
    tl = Timeline.start(blog, bf.KNOWLEDGE)
    assert list(tl.changes()) == []
    tl.extend(4)
    early = tl.changes()
    assert list(early) == [1, 3]
    tl.extend()
    assert list(early) == [1, 3] and list(tl.changes()) == CHANGES


def test_bundled_blog_incremental_index_equals_the_built_one_and_ignores_later_posts() -> None:
    seed = load_blog()
    full = Timeline.build(seed, bf.KNOWLEDGE)
    chunked = Timeline.start(seed, bf.KNOWLEDGE)
    while not chunked.complete:
        chunked.extend(limit=7)
    changes = list(full.changes())
    assert list(chunked.changes()) == changes
    assert 20 < len(changes) < len(seed.posts)  # most posts change nothing a pane shows
    for k in (30, 75):  # no spoilers: the blog cut at k gives the same events and words up to k
        cut = bf.Blog(seed.meta, seed.tz, None, seed.posts[:k], seed.days, seed.order, seed.source)
        alone = Timeline.build(cut, bf.KNOWLEDGE)
        assert list(alone.changes()) == [s for s in changes if s <= k]
        assert [describe_change(alone, s) for s in alone.changes()] == [describe_change(full, s) for s in alone.changes()]


# ---------------------------------------------------------------- the session: } and {
def test_next_and_previous_key_event_move_the_playhead_and_say_what_changed(blog, timeline) -> None:
    session = ReplaySession(blog, timeline=timeline, start_at=1, paused=True)
    assert session.key_event(True, 0.0) == "#3: Russian delegation arrived in Istanbul"
    assert session.clock.position == 3
    assert session.key_event(True, 0.0).startswith("#5: new delegation: Ukrainian delegation; Russia – Ukraine talks planned")
    assert session.key_event(True, 0.0).startswith("#7: ")
    assert session.key_event(True, 0.0) == "no later key event" and session.clock.position == 7
    assert session.key_event(False, 0.0).startswith("#5: ")
    session.step(1, 0.0)  # on post 6, which changes nothing: back goes to 5, forward to 7
    assert session.key_event(False, 0.0).startswith("#5: ")
    assert session.key_event(False, 0.0).startswith("#3: ")
    assert session.key_event(False, 0.0).startswith("#1: ")
    assert session.key_event(False, 0.0) == "no earlier key event" and session.clock.position == 1


def test_key_events_never_pass_what_is_extracted_and_say_facts_are_loading(blog) -> None:
    session = ReplaySession(blog, start_at=1, paused=True)
    assert session.key_event(True, 0.0) == "facts still loading (extracted up to #0)"  # no timeline yet
    assert session.key_event(False, 0.0) == "facts still loading (extracted up to #0)"
    tl = Timeline.start(blog, bf.KNOWLEDGE)
    session.set_timeline(tl)
    tl.extend(2)
    assert session.key_event(True, 0.0) == "facts still loading (extracted up to #2)"
    assert session.clock.position == 1  # did not move, and said why
    tl.extend(4)
    assert session.key_event(True, 0.0).startswith("#3: ")
    assert session.key_event(True, 0.0) == "facts still loading (extracted up to #4)"  # post 5 is not extracted
    session.step(1, 0.0)
    session.step(1, 0.0)  # playhead at 5, facts up to 4: an event at 5 is not known yet
    assert session.key_event(False, 0.0) == "facts still loading (extracted up to #4)"
    assert session.clock.position == 5
    tl.extend()
    assert session.key_event(False, 0.0).startswith("#3: ")


def test_a_key_event_lands_while_the_blog_loads_and_cancels_a_pending_jump(tmp_path) -> None:
    from tui.core.progressive import open_blog
    from tui.core.session import Target

    path = tmp_path / "blog.txt"
    path.write_text("16 May 2025\nThe Russian delegation has left Istanbul, TASS has reported.\n"
                    "15 May 2025\nThe weather in Istanbul is sunny, local media have reported.\n"
                    "The Russian delegation has arrived in Istanbul, TASS has reported.\n",  # newest first
                    encoding="utf-8")
    load = open_blog(path, first_posts=1)
    assert not load.done and len(load.blog.posts) == 2  # the oldest day only
    session = ReplaySession(load.blog, load=load, start_at=2, paused=True)
    tl = Timeline.start(load.blog, bf.KNOWLEDGE, complete=lambda: load.done)
    session.set_timeline(tl)
    tl.extend()
    session.jump(Target.end(), 0.0)
    assert session.pending == Target.end()
    assert session.key_event(True, 0.0) == "facts still loading (extracted up to #2)"  # more posts to come
    assert session.pending == Target.end()  # nothing moved: the jump still waits
    assert session.key_event(False, 0.0) == "#1: Russian delegation arrived in Istanbul"
    assert session.pending is None and session.clock.position == 1


def test_a_listed_delegation_has_no_row_before_a_post_names_its_team(timeline) -> None:
    assert [d.id for d in timeline.state_at(0).delegations] == []
    assert "ukraine" not in [d.id for d in timeline.state_at(4).delegations]
    assert "ukraine" in [d.id for d in timeline.state_at(5).delegations]
