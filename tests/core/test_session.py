"""ReplaySession: the replay's state without a UI — jumps while loading, play-through,
filter and search that follow the posts as they load, match counts, the status line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.facts import PostEntities
from tui.core.load import load_blog
from tui.core.progressive import open_blog
from tui.core.query import parse_query
from tui.core.search import search_posts
from tui.core.session import IDLE_CAPS, ReplaySession, Target, format_idle_cap, format_speed

DAYS = ["16 May 2025", "15 May 2025", "14 May 2025", "13 May 2025"]


def blog_file(tmp_path: Path) -> Path:
    """Four days, newest first as blogs publish, three posts a day; 'Zürich' only on the last day."""
    lines = ["A summary written afterwards."]
    for d, header in enumerate(DAYS):
        lines.append(header)
        for i in range(3):
            where = "Zürich" if d == 0 else "Geneva"
            lines.append(f"Day {4 - d} item {3 - i}: officials in {where} have said talks continue.")
    path = tmp_path / "blog.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def loading_session(tmp_path: Path, **kw) -> ReplaySession:
    load = open_blog(blog_file(tmp_path), first_posts=1)
    assert not load.done and len(load.blog.posts) == 3  # the oldest day only
    return ReplaySession(load.blog, load=load, paused=True, **kw)


def load_one_more_day(session: ReplaySession, now: float = 0.0) -> bool:
    session.load.step(1)
    return session.posts_loaded(now)


def test_the_end_key_while_loading_lands_on_the_real_end(tmp_path: Path) -> None:
    session = loading_session(tmp_path)
    assert session.jump(Target.end(), 0.0) == "→ the end when loaded"
    assert session.clock.position == 1 and session.pending == Target.end()
    assert "→ the end when loaded" in session.status(0.0).note and "loading" in session.status(0.0).note
    load_one_more_day(session)
    assert session.clock.position == 1  # not there yet: it waits instead of stopping at post 6
    while session.loading:
        load_one_more_day(session)
    assert session.clock.position == session.clock.total == 12 and session.pending is None


def test_steps_typed_after_a_pending_jump_are_made_from_where_it_lands(tmp_path: Path) -> None:
    session = loading_session(tmp_path)
    session.jump(Target.end(), 0.0)
    session.step(-1, 0.0)  # "e ," typed at start-up
    assert session.pending == Target.end() and session.clock.position == 1  # still waiting, not cancelled
    while session.loading:
        load_one_more_day(session)
    assert session.clock.position == session.clock.total - 1 and session.pending is None
    (tmp_path / "b").mkdir()
    later = loading_session(tmp_path / "b")
    later.jump(Target.percent(50), 0.0)
    later.step(1, 0.0)
    later.step(1, 0.0)  # "5 . ."
    while later.loading:
        load_one_more_day(later)
    full = ReplaySession(load_blog(blog_file(tmp_path)), paused=True)
    full.jump(Target.percent(50), 0.0)
    assert later.clock.position == full.clock.position + 2


@pytest.mark.parametrize("percent", [50, 90, 0])
def test_percent_jumps_aim_at_the_whole_time_span(tmp_path: Path, percent: int) -> None:
    session = loading_session(tmp_path)
    session.jump(Target.percent(percent), 0.0)
    while session.loading:
        load_one_more_day(session)
    full = ReplaySession(load_blog(blog_file(tmp_path)), paused=True)
    full.jump(Target.percent(percent), 0.0)  # the same jump on the blog loaded at once
    assert session.clock.position == full.clock.position
    assert percent == 0 or session.clock.position > 3  # beyond the first day parsed when it was asked


def test_next_day_waits_for_that_day_and_lands_on_its_first_post(tmp_path: Path) -> None:
    session = loading_session(tmp_path)
    target = session.next_day_target()
    assert target.kind == "day" and target.day.day == 14
    session.jump(target, 0.0)
    assert session.pending is not None
    load_one_more_day(session)
    assert session.clock.position == 4 and session.pending is None


def test_a_post_number_beyond_the_posts_parsed_lands_when_parsed(tmp_path: Path) -> None:
    session = loading_session(tmp_path)
    session.jump(Target.post(8), 0.0)
    load_one_more_day(session)
    assert session.clock.position == 1
    load_one_more_day(session)
    assert session.clock.position == 8


def test_playing_through_the_posts_parsed_waits_for_more_instead_of_stopping(tmp_path: Path) -> None:
    session = loading_session(tmp_path, speed=1e9)
    session.toggle_play(0.0)
    session.tick(1000.0)  # a huge speed: every parsed post is due
    assert session.clock.position == 3 and session.playing and session.play_through
    assert "waiting for posts" in session.status(1000.0).note
    load_one_more_day(session, 1000.0)
    assert session.clock.playing
    session.tick(2000.0)
    assert session.clock.position == 6
    while session.loading:
        load_one_more_day(session, 3000.0)
        session.tick(4000.0)
    assert session.clock.position == 12 and not session.playing  # the real end stops


def test_filter_and_search_know_which_posts_they_have_covered(tmp_path: Path) -> None:
    session = loading_session(tmp_path)
    assert session.set_filter(parse_query("zürich"))
    upto = session.filter_bounds()
    seqs = session.index.filter(session.filter.query, upto=upto)
    assert session.filter_done(session.filter.generation, seqs, [seqs], upto)
    assert session.filter.seqs == [] and not session.filter_stale
    assert session.set_search("Zürich")
    assert session.search_range() == 1
    generation = session.search.generation
    session.search_done(generation, search_posts(session.search.pattern, session.blog.posts, index=session.index))
    assert session.search_range() is None
    while session.loading:
        load_one_more_day(session)
    assert session.filter_stale and session.search_range() == 4  # the new posts still need a look
    seqs = session.index.filter(session.filter.query, upto=session.filter_bounds())
    session.filter_done(session.filter.generation, seqs, [seqs], session.filter_bounds())
    session.search_done(generation, search_posts(session.search.pattern, session.blog.posts, index=session.index, start=4))
    assert session.filter.seqs == [10, 11, 12] and session.search.result.seqs == (10, 11, 12)


def test_a_late_answer_to_an_old_query_is_dropped(tmp_path: Path) -> None:
    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True)
    session.set_filter(parse_query("zürich"))
    old = session.filter.generation
    session.set_filter(parse_query("geneva"))
    assert not session.filter_done(old, [10], [[10]], 12)
    assert session.filter.seqs is None
    session.set_search("zürich")
    stale = session.search.generation
    session.set_search("geneva")
    assert not session.search_done(stale, search_posts(session.search.pattern, session.blog.posts))


def test_enter_before_the_search_result_jumps_when_it_arrives(tmp_path: Path) -> None:
    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True, start_at=12)
    session.set_search("geneva")
    assert session.submit_search()  # no result yet: the jump is remembered
    session.search_done(session.search.generation, search_posts(session.search.pattern, session.blog.posts))
    assert session.search.pending_jumps == [True]
    jump = session.next_match(None, True, lambda seq: True)
    assert jump.seq == 1 and jump.text == "match 1/9"


def test_match_counts_wrap_and_never_count_posts_after_the_playhead(tmp_path: Path) -> None:
    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True, start_at=5)
    session.set_search("talks")
    session.search_done(session.search.generation, search_posts(session.search.pattern, session.blog.posts))
    visible = lambda seq: True  # noqa: E731
    first = session.next_match(None, True, visible)
    assert (first.seq, first.text) == (1, "match 1/5")
    last = session.next_match(5, True, visible)
    assert (last.seq, last.text) == (1, "match 1/5 · wrapped")
    back = session.next_match(1, False, visible)
    assert (back.seq, back.text) == (5, "match 5/5 · wrapped")
    only_even = session.next_match(None, True, lambda seq: seq % 2 == 0)
    assert only_even.text == "match 1/2"  # matches hidden by the filter are not counted


def test_n_without_a_search_says_so(tmp_path: Path) -> None:
    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True)
    assert session.next_match(None, True, lambda s: True) == "no search — press / to search"
    session.set_search("re:(a")
    assert session.search.error.startswith("bad regex") and session.next_match(None, True, lambda s: True) == session.search.error
    session.set_search("zürich")
    assert session.next_match(None, True, lambda s: True) == "searching…"
    session.search_done(session.search.generation, search_posts(session.search.pattern, session.blog.posts))
    assert session.next_match(None, True, lambda s: True) == "no match for “zürich” in the posts shown"


def test_idle_cap_ladder_and_plain_number_speeds() -> None:
    assert format_speed(1e9) == "1,000,000,000×" and format_speed(60) == "60×" and format_speed(0.5) == "0.5×"
    assert format_speed(60, 2.0) == "1 post/2s"
    assert format_idle_cap(2.0) == "idle ≤2s" and format_idle_cap(None) == "idle: real gaps"
    assert IDLE_CAPS[-1] is None


def test_the_idle_cap_key_cycles_and_changes_the_wait(tmp_path: Path) -> None:
    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True, speed=60)
    session.toggle_play(0.0)
    capped = session.clock.next_due(0.0)
    assert capped == pytest.approx(2.0)  # a 15-hour day split in posts: every gap is over 2 s at 60×
    seen = [session.next_idle_cap(0.0) for _ in IDLE_CAPS]
    assert seen[:3] == ["idle ≤5s", "idle ≤10s", "idle ≤30s"] and "idle: real gaps" in seen
    while session.clock.idle_cap is not None:
        session.next_idle_cap(0.0)
    assert session.clock.next_due(0.0) > 30
    assert session.status(0.0).idle_cap is None


def test_filter_names_come_from_the_knowledge_at_the_playhead() -> None:
    from tui.core.knowledge import Delegation, Knowledge

    from blogfactory import make_blog

    blog = make_blog(["Delegates from Ruritania met.", "Ruritania's team left.", "Nothing here."])

    class Timeline:  # knowledge grows: Ruritania is named from post 2 on
        n = ready_upto = 3
        complete = True

        def entities(self, seq: int) -> PostEntities:
            return PostEntities(delegations=("rur",) if seq <= 2 else ())

        def knowledge_at(self, seq: int) -> Knowledge:
            return Knowledge(delegations=(Delegation("rur", "Ruritanian delegation", "RU"),) if seq >= 2 else ())

        def try_state_at(self, seq: int):
            return None

    session = ReplaySession(blog, timeline=Timeline(), paused=True, start_at=1)
    assert session.aliases() == {"person": {}, "delegation": {}, "outlet": {}}
    session.jump(Target.post(2), 0.0)
    assert session.aliases()["delegation"]["Ruritanian delegation"] == "rur"
    seqs = session.index.filter(parse_query('delegation:"Ruritanian delegation"'), aliases=session.aliases())
    assert seqs == [1, 2]


def test_a_load_finished_in_its_thread_counts_only_once_the_session_took_the_posts(tmp_path: Path) -> None:
    """Race seen in a real terminal: the loader finished in its thread, `e` came before
    posts_loaded ran, and the end was taken to be the last post the clock knew (14/108)."""
    session = loading_session(tmp_path)
    session.load.finish()  # the worker is done; its message is not handled yet
    assert session.loading
    session.jump(Target.end(), 0.0)
    assert session.pending == Target.end() and session.clock.position == 1
    session.posts_loaded(0.0)
    assert not session.loading and session.clock.position == 12


def test_a_day_or_moment_outside_the_blog_says_where_the_jump_landed(tmp_path: Path) -> None:
    from datetime import date, datetime

    session = ReplaySession(load_blog(blog_file(tmp_path)), paused=True)
    assert session.jump(Target.first_of(date(2025, 5, 17)), 0.0) == "no posts after Fri 16 May: at the last post"
    assert session.clock.position == 12
    assert session.jump(Target.first_of(date(2025, 5, 12)), 0.0) == "no posts before Tue 13 May: at the first post"
    assert session.clock.position == 1
    tz = session.blog.posts[0].time.tzinfo
    assert session.jump(Target.moment(datetime(2025, 5, 18, 9, 0, tzinfo=tz)), 0.0).startswith("no posts after Fri 16 May")
    assert session.jump(Target.first_of(date(2025, 5, 15)), 0.0) == ""  # inside: nothing to say
