"""PlaybackClock: deterministic, driven by injected `now` values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clock import SPEEDS, PlaybackClock

TZ = timezone(timedelta(hours=3))
T0 = datetime(2025, 5, 14, 9, 0, tzinfo=TZ)


def times_from_gaps(gaps_min: list[float]) -> list[datetime]:
    out, t = [T0], T0
    for g in gaps_min:
        t = t + timedelta(minutes=g)
        out.append(t)
    return out


def make(gaps_min=(10, 10, 10), **kw) -> PlaybackClock:
    return PlaybackClock(times_from_gaps(list(gaps_min)), **kw)


def test_opens_at_first_post_paused_at_its_time():
    c = make()
    assert c.position == 1 and not c.playing and c.total == 4
    assert c.sim_time(0.0) == T0
    assert c.next_due(0.0) is None


def test_speed_mode_reveals_after_gap_over_speed():
    c = make(speed=60, idle_cap=None)  # 10 min gap at 60x = 10 s
    c.play(100.0)
    assert c.next_due(100.0) == pytest.approx(10.0)
    assert c.tick(109.9) == 1
    assert c.sim_time(105.0) == T0 + timedelta(minutes=5)
    assert c.tick(110.0) == 2
    assert c.sim_time(110.0) == T0 + timedelta(minutes=10)


def test_idle_cap_limits_real_wait_of_long_gaps():
    c = make(gaps_min=(600, 1), speed=1, idle_cap=2.0)  # 10 hours apart
    c.play(0.0)
    assert c.next_due(0.0) == pytest.approx(2.0)
    assert c.tick(2.0) == 2
    # the simulated clock still crosses the whole gap (compressed)
    assert c.sim_time(2.0) == T0 + timedelta(hours=10)


def test_changing_idle_cap_mid_gap_keeps_progress():
    c = make(gaps_min=(600, 1), speed=1, idle_cap=2.0)
    c.play(0.0)
    c.tick(1.0)  # half way through the capped wait
    c.set_idle_cap(10.0, 1.0)
    assert c.sim_time(1.0) == T0 + timedelta(hours=5)
    assert c.next_due(1.0) == pytest.approx(5.0)  # the other half of a 10 s wait
    with pytest.raises(ValueError):
        c.set_idle_cap(0, 1.0)


def test_pace_mode_one_post_every_n_seconds():
    c = make(gaps_min=(1, 500, 3), pace=3.0)
    c.play(0.0)
    assert c.tick(2.9) == 1
    assert c.tick(3.0) == 2
    assert c.tick(6.0) == 3
    assert c.tick(9.0) == 4
    assert c.at_end and not c.playing


def test_tick_reveals_several_posts_at_high_speed_and_keeps_cadence():
    c = make(gaps_min=(1,) * 10, speed=60, idle_cap=None)  # one post per real second
    c.play(0.0)
    assert c.tick(3.5) == 4
    # the next gap started when post 4 was due (t=3), not at the late tick
    assert c.next_due(3.5) == pytest.approx(0.5)


def test_pause_keeps_simulated_moment_and_resume_continues():
    c = make(speed=60, idle_cap=None)
    c.play(0.0)
    c.pause(4.0)
    assert not c.playing
    frozen = c.sim_time(4.0)
    assert c.sim_time(1000.0) == frozen == T0 + timedelta(minutes=4)
    c.play(50.0)
    assert c.next_due(50.0) == pytest.approx(6.0)
    assert c.tick(56.0) == 2


def test_toggle():
    c = make()
    assert c.toggle(0.0) is True
    assert c.toggle(1.0) is False


def test_step_while_paused_sets_clock_to_post_time():
    c = make()
    assert c.step(+1, 0.0) == 2
    assert c.sim_time(0.0) == T0 + timedelta(minutes=10)
    assert c.step(-1, 0.0) == 1
    assert c.step(-1, 0.0) == 1  # never below post 1
    assert c.step(+99, 0.0) == 4 and c.at_end


def test_step_while_playing_restarts_wait():
    c = make(speed=60, idle_cap=None)
    c.play(0.0)
    c.tick(8.0)
    assert c.step(+1, 8.0) == 2
    assert c.playing
    assert c.next_due(8.0) == pytest.approx(10.0)
    assert c.step(-1, 9.0) == 1
    assert c.next_due(9.0) == pytest.approx(10.0)


def test_reaching_end_stops_and_play_at_end_does_nothing():
    c = make(speed=3600, idle_cap=None)
    c.play(0.0)
    assert c.tick(100.0) == 4
    assert c.at_end and not c.playing
    assert c.play(101.0) is False
    assert c.next_due(101.0) is None
    assert c.sim_time(101.0) == T0 + timedelta(minutes=30)


def test_speed_ladder_and_change_mid_gap():
    c = make(speed=60, idle_cap=None)
    assert c.faster(0.0) == 120 and c.slower(0.0) == 60
    c.set_speed(1, 0.0)
    assert c.slower(0.0) == 1  # bottom of the ladder
    c.set_speed(3600, 0.0)
    assert c.faster(0.0) == 3600  # top
    c.set_speed(7, 0.0)
    assert c.faster(0.0) == 10  # off-ladder speeds move to the next rung
    assert c.speed in SPEEDS
    c.set_speed(60, 0.0)
    c.play(0.0)
    c.tick(5.0)  # half way through a 10 s gap
    c.set_speed(120, 5.0)
    assert c.sim_time(5.0) == T0 + timedelta(minutes=5)
    assert c.next_due(5.0) == pytest.approx(2.5)


def test_pace_faster_slower_halves_and_doubles():
    c = make(pace=4.0)
    assert c.faster(0.0) == 2.0
    assert c.slower(0.0) == 4.0
    c.set_pace(None, 0.0)
    assert c.pace is None


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_rejects_bad_speed_and_pace(bad):
    with pytest.raises(ValueError):
        make(speed=bad)
    with pytest.raises(ValueError):
        make(pace=bad)


def test_rejects_unsorted_times():
    with pytest.raises(ValueError):
        PlaybackClock([T0, T0 - timedelta(minutes=1)])


def day_clock() -> PlaybackClock:
    # 3 posts on the 14th, 2 on the 15th, 2 on the 16th
    ts = [T0 + timedelta(hours=h) for h in (0, 1, 2)]
    ts += [T0 + timedelta(days=1, hours=h) for h in (0, 5)]
    ts += [T0 + timedelta(days=2, hours=h) for h in (0, 1)]
    return PlaybackClock(ts)


def test_next_and_prev_day():
    c = day_clock()
    assert c.days == [date(2025, 5, 14), date(2025, 5, 15), date(2025, 5, 16)]
    assert c.next_day(0.0) == 4
    assert c.current_day() == date(2025, 5, 15)
    assert c.next_day(0.0) == 6
    assert c.next_day(0.0) == 7  # last day: to the end
    assert c.prev_day(0.0) == 4
    assert c.prev_day(0.0) == 1
    assert c.prev_day(0.0) == 1
    assert c.first_of_day(date(2025, 5, 16)) == 6
    assert c.first_of_day(date(2025, 5, 17)) is None


def test_seek_fraction_is_by_time_span():
    c = day_clock()  # spans 48 hours
    assert c.seek_fraction(0.0, 0.0) == 1
    assert c.seek_fraction(0.5, 0.0) == 4  # span 49 h: 24.5 h -> post 4 (day 2, 00:00)
    assert c.seek_fraction(0.9, 0.0) == 5  # 44.1 h -> post 5 (day 2, 05:00)
    assert c.seek_fraction(1.0, 0.0) == 7


def test_seek_time_and_seek_clamps():
    c = day_clock()
    assert c.seek_time(T0 - timedelta(days=3), 0.0) == 1
    assert c.seek_time(T0 + timedelta(hours=1, minutes=30), 0.0) == 2
    assert c.seek_time(T0 + timedelta(days=9), 0.0) == 7
    assert c.seek(-5, 0.0) == 0
    assert c.sim_time(0.0) == T0
    assert c.seek(99, 0.0) == 7
    assert c.restart(0.0) == 1
    assert c.to_end(0.0) == 7 and c.at_end


def test_playing_from_zero_reveals_first_post_at_once():
    c = make(speed=60, idle_cap=None, position=0)
    c.play(0.0)
    assert c.tick(0.0) == 1


def test_empty_blog_is_inert():
    c = PlaybackClock([])
    assert c.position == 0 and c.at_end and c.sim_time(0.0) is None
    assert c.play(0.0) is False
    assert c.step(1, 0.0) == 0 and c.next_day(0.0) == 0 and c.seek_fraction(0.5, 0.0) == 0
    assert c.current_day() is None


# ---------------------------------------------------------------- properties
gaps = st.lists(st.floats(min_value=0, max_value=24 * 60), min_size=0, max_size=25)
ops = st.lists(
    st.tuples(
        st.sampled_from(["tick", "play", "pause", "step+", "step-", "faster", "slower", "seek", "frac", "day+", "day-"]),
        st.floats(min_value=0, max_value=30),
        st.integers(min_value=-3, max_value=40),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(gaps, ops, st.sampled_from([None, 0.5, 2.0]), st.sampled_from([None, 1.0]))
def test_position_and_clock_stay_in_range(gap_list, op_list, cap, pace):
    times = times_from_gaps(gap_list)
    c = PlaybackClock(times, idle_cap=cap, pace=pace)
    now = 0.0
    for name, dt, arg in op_list:
        now += dt
        if name == "tick":
            c.tick(now)
        elif name == "play":
            c.play(now)
        elif name == "pause":
            c.pause(now)
        elif name == "step+":
            c.step(1, now)
        elif name == "step-":
            c.step(-1, now)
        elif name == "faster":
            c.faster(now)
        elif name == "slower":
            c.slower(now)
        elif name == "seek":
            c.seek(arg, now)
        elif name == "frac":
            c.seek_fraction(arg / 10, now)
        elif name == "day+":
            c.next_day(now)
        else:
            c.prev_day(now)
        k = c.position
        assert 0 <= k <= c.total
        sim = c.sim_time(now)
        lo = times[max(k, 1) - 1]
        hi = times[min(k, c.total - 1)] if k < c.total else times[-1]
        assert lo <= sim <= hi + timedelta(microseconds=1)
        due = c.next_due(now)
        assert (due is None) == (not c.playing)
        if c.at_end:
            assert not c.playing


@settings(max_examples=60, deadline=None)
@given(gaps, st.lists(st.floats(min_value=0, max_value=5), max_size=30), st.sampled_from([1, 60, 3600]))
def test_tick_is_monotone_and_next_due_is_exact(gap_list, steps, speed):
    times = times_from_gaps(gap_list)
    c = PlaybackClock(times, speed=speed)
    now = 0.0
    c.play(now)
    last_k, last_sim = c.position, c.sim_time(now)
    for dt in steps:
        due = c.next_due(now)
        if due is not None and due > 1e-6:
            # just before the due time nothing new appears; at it, the next post does
            assert c.tick(now + due * 0.999) == last_k
            assert c.tick(now + due) >= last_k + 1
        now += dt
        k = c.tick(now)
        sim = c.sim_time(now)
        assert k >= last_k
        assert sim >= last_sim - timedelta(microseconds=1)
        last_k, last_sim = c.position, c.sim_time(now)
