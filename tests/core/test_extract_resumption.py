"""After a break: when a paused meeting sits again, from the same sentence or the next one."""

from __future__ import annotations

from datetime import datetime

import blogfactory as bf
import pytest

from tui.core.facts import ScheduleFact
from tui.core.knowledge import Knowledge
from tui.core.timeline import Timeline
from tui.core.when import find_times

PLAN = "The Varnian and Osterlandic delegations will hold talks at 10:00 in Port Elda."  # post 1, 09:00


def after(text: str) -> list[tuple[str, str | None, str, bool]]:
    """(kind, HH:MM, precision, estimated) of post 2's schedule facts; post 2 is at 09:30."""
    tl = Timeline.build(bf.make_blog([PLAN, text]), Knowledge())
    return [(f.kind, f"{f.when:%H:%M}" if f.when and f.precision != "day" else None, f.precision, f.when_estimated)
            for f in tl.facts_of(2) if isinstance(f, ScheduleFact)]


@pytest.mark.parametrize("text, plan", [
    # a clock: the time told, as told
    ("The talks broke for lunch at 12:06 and are scheduled to resume at 14:30.", ("planned", "14:30", "minute", False)),
    ("The talks have adjourned for lunch. The two sides will be back at the table at half past two, a spokeswoman said.",
     ("planned", "14:30", "minute", False)),
    # a duration: from the break's clock (else the post's time), at the hour, estimated
    ("Ruta Vale suspended the talks at 12:55 for what officials call a two-hour break.", ("planned", "15:00", "hour", True)),
    ("The talks between Varnia and Osterland have been suspended for two hours.", ("planned", "12:00", "hour", True)),
    ("The talks were suspended. The delegations are expected back within the hour.", ("planned", "11:00", "hour", True)),
    # a short break: to five minutes, never back before it began
    ("The talks were suspended at 12:06 for 15 minutes.", ("planned", "12:20", "minute", True)),
])
def test_a_paused_meeting_is_planned_to_sit_again(text: str, plan: tuple) -> None:
    got = after(text)
    assert got[0][0] == "suspended"
    assert plan in got


@pytest.mark.parametrize("text", [
    # the day's story, over: no plan
    "The talks opened at noon and were suspended for about 90 minutes in the afternoon.",
    # no break in this post: "be back" is not a resumption
    "The talks have started. The two sides will be back at the table at 16:00 after a break.",
    # a break too short or too long to be a pause in a sitting
    "The talks were suspended for a minute while the microphones were fixed.",
    # something else resumes: not the talks
    "The talks have adjourned for lunch. Flights from Port Elda are scheduled to resume at 18:00.",
    "The talks have adjourned for lunch. The president will be back in the capital at 18:00.",
])
def test_no_resumption_without_a_break_told_now(text: str) -> None:
    assert all(kind != "planned" for kind, *_ in after(text))


def test_within_the_hour_is_an_hour_from_the_post() -> None:
    ref = datetime(2026, 3, 2, 14, 10)
    (w,) = find_times("expected back within the hour", ref)
    assert (w.dt.hour, w.precision, w.estimated) == (15, "hour", True)
    (w,) = find_times("a decision within two hours", ref)
    assert (w.dt.hour, w.precision) == (16, "hour")
    assert find_times("in the hour before the vote", ref) == []


def test_talks_ended_for_the_day_pause_them_and_conclude_the_day_for_their_sides() -> None:
    tl = Timeline.build(bf.make_blog([PLAN, "The talks between Varnia and Osterland have begun.",
                                      "The talks ended for the day at 22:30 local time, the foreign ministry said."]),
                        Knowledge())
    facts = tl.facts_of(3)
    assert [f.kind for f in facts if isinstance(f, ScheduleFact)] == ["suspended"]  # they sit again
    assert sorted(f.status for f in facts if hasattr(f, "status") and hasattr(f, "delegation")) == ["concluded", "concluded"]


CALL = "Foreign Minister Orvo Talvik of Varnia and Foreign Minister Emil Holm of Osterland will speak by phone this evening."


def _kinds(posts: list[str], seq: int) -> list[str]:
    tl = Timeline.build(bf.make_blog(posts), Knowledge())
    return [f.kind for f in tl.facts_of(seq) if isinstance(f, ScheduleFact)]


def test_the_call_that_lasted_forty_minutes_is_the_call_on_record_and_over() -> None:
    assert _kinds([CALL, "Talvik and Holm have spoken. The call lasted about 40 minutes."], 2) == ["concluded"]
    # with no call on record, "the call" is no call of the talks
    assert _kinds([PLAN, "The call lasted about 40 minutes."], 2) == []


def test_a_meal_had_is_over_and_a_meal_hosted_tonight_is_planned() -> None:
    tl = Timeline.build(bf.make_blog([CALL, "Ruta Vale, the UN envoy, had breakfast with Holm at the Hotel Miramar.",
                                      "Vale is hosting Talvik and Holm for dinner tonight."]), Knowledge())
    first, second = (next(m for m in tl.facts_of(seq) if not isinstance(m, ScheduleFact) and hasattr(m, "participants"))
                     for seq in (2, 3))
    assert first.status == "happened" and {p.name for p in first.participants} == {"Ruta Vale", "Emil Holm"}
    assert [f.kind for f in tl.facts_of(3) if isinstance(f, ScheduleFact)] == ["planned"]
    assert second.status == "planned"


def test_a_plan_for_today_then_its_hour_is_one_plan_told_more_exactly() -> None:
    tl = Timeline.build(bf.make_blog(["The Varnian and Osterlandic delegations are due to sit down in Port Elda today. "
                                      "The opening session is set for 17:00."]), Knowledge())
    got = [(f.kind, f"{f.when:%H:%M}", f.precision) for f in tl.facts_of(1) if isinstance(f, ScheduleFact)]
    assert got == [("planned", "17:00", "minute")]


def test_a_round_named_after_its_place_is_the_talks() -> None:
    assert _kinds([PLAN, "The Port Elda round between the Varnian and Osterlandic delegations has concluded."], 2) \
        == ["concluded"]


def test_a_new_hour_behind_schedule_is_a_delay() -> None:
    got = after("The talks will now open at 15:00, five hours behind schedule, the hosts said.")
    assert [k for k, *_ in got] == ["delayed"]


def test_a_sports_round_is_no_round_of_talks() -> None:
    assert _kinds([PLAN, "A football round between Varnia and Osterland will begin at 20:00."], 2) == []


def test_a_plan_for_tomorrow_then_its_hour_is_that_days_hour() -> None:
    tl = Timeline.build(bf.make_blog(["The Varnian and Osterlandic delegations are due to sit down in Port Elda tomorrow. "
                                      "The opening session is set for 10:00."]), Knowledge())
    got = [(f.kind, f"{f.when:%d %H:%M}") for f in tl.facts_of(1) if isinstance(f, ScheduleFact)]
    day = bf.make_blog(["x"]).posts[0].day.day + 1
    assert got == [("planned", f"{day:02d} 10:00")]
