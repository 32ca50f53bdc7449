"""Schedule rules: each cue alone, then kinds and times through extraction."""

from __future__ import annotations

import re

from datetime import datetime

import blogfactory as bf
import pytest

from tui.core.extract import extract
from tui.core.extract.schedule import RULES, cue_kind


def schedule(*posts: str):
    ex = extract(bf.make_blog(list(posts)), bf.KNOWLEDGE)
    return [f for pf in ex.posts for f in pf.schedule]


def cue(text: str, noun: str = "talks", has_time: bool = False):
    i = text.index(noun)
    got = cue_kind(text, 0, i, i + len(noun), len(text), has_time)
    return got[0] if got else None


@pytest.mark.parametrize("text, kind", [
    ("The talks have started at the palace.", "started"),
    ("The talks have concluded at the palace.", "concluded"),
    ("The talks ended for the day at 22:30 local time.", "concluded"),
    ("The talks have been rescheduled for Friday.", "rescheduled"),
    ("The talks have been postponed.", "postponed"),
    ("The talks were cancelled.", "cancelled"),
    ("The talks have not been canceled and are expected soon.", "confirmed"),
    ("The talks are scheduled to begin at 10am.", "planned"),
    ("Pope Leo has offered the Vatican for future talks.", "proposed"),
    ("No preparations are currently underway for talks.", "denied"),
])
def test_each_cue(text: str, kind: str) -> None:
    assert cue(text) == kind


def test_a_cue_before_the_noun_does_not_start_it() -> None:
    # the journalists began, not the meeting
    assert cue("Journalists have begun gathering where the talks are due.") is None


def test_every_rule_has_a_schedule_kind_or_happened() -> None:
    from tui.core.extract.schedule import _OBJECT_VERBS
    from tui.core.facts import SCHEDULE_KINDS
    # "" = the verb decides ("suspended the plenary"): every verb maps to a kind too
    assert {r.kind for r in RULES} <= set(SCHEDULE_KINDS) | {"happened", ""}
    assert set(_OBJECT_VERBS.values()) <= set(SCHEDULE_KINDS)


@pytest.mark.parametrize("text,kind", [
    ("The mediator has suspended the plenary for consultations.", "suspended"),
    ("The chair reconvened the session after lunch.", "resumed"),
    ("Organisers called off the dinner.", "cancelled"),
    ("The chair has not postponed the talks.", None),
])
def test_the_meeting_as_the_object_of_a_verb(text: str, kind: str | None) -> None:
    noun = re.search(r"plenary|session|dinner|talks", text)
    got = cue_kind(text, 0, noun.start(), noun.end(), len(text))
    assert (got[0] if got else None) == kind


def test_planned_time_is_normalised_with_the_zone() -> None:
    [f] = schedule("The direct talks between the Russian and Ukrainian delegations are scheduled to begin at 10am Moscow time (7am GMT).")
    assert (f.subject, f.kind, f.raw) == ("ru-ua-talks", "planned", "at 10am Moscow time (7am GMT)")
    assert f.when == datetime.fromisoformat("2025-05-15T10:00:00+03:00") and f.when_estimated is False


def test_a_new_day_after_a_plan_is_a_reschedule() -> None:
    facts = schedule(
        "The direct talks between the Russian and Ukrainian delegations are scheduled to begin at 10am Moscow time.",
        "Talks between the Russian and Ukrainian delegations will start on Friday, TASS has reported.",
    )
    assert [(f.kind, f.when.date().isoformat()) for f in facts] == [("planned", "2025-05-15"), ("rescheduled", "2025-05-16")]


def test_a_refuted_claim_is_not_a_start() -> None:
    facts = schedule("Turkish broadcaster TRT Haber has claimed that talks between the Russian and Ukrainian delegations "
                     "have started in Istanbul. However, the report is inaccurate and the two sides have yet to begin negotiations.")
    assert "started" not in [f.kind for f in facts]


def test_relative_time_is_estimated_and_kept_raw() -> None:
    facts = schedule("The meeting between Russia and Ukraine has not been canceled and is expected to start in two or three hours.")
    assert [(f.kind, f.raw, f.when_estimated) for f in facts] == [("confirmed", "in two or three hours", True)]


def test_a_2022_meeting_is_not_this_weeks() -> None:
    assert schedule("Medinsky headed Moscow’s delegation at the failed 2022 Istanbul talks, which concluded in April 2022.") == []


def test_a_second_round_is_a_separate_subject() -> None:
    facts = schedule("Direct talks between Russia and Ukraine have started in Istanbul.",
                     "It is possible that another round of talks between Russia and Ukraine could take place on Friday.")
    assert [(f.subject, f.kind) for f in facts] == [("ru-ua-talks", "started"), ("ru-ua-talks-next", "proposed")]


def test_naming_the_possible_talks_is_not_a_proposal() -> None:
    assert schedule("When asked about the agenda of the possible talks between Russia and Ukraine, Peskov replied that all points are open.") == []
    assert schedule("Trump has no plans to travel to Istanbul to join the proposed talks between Russia and Ukraine.") == []
    assert schedule("Trump floated the possibility of joining the negotiations between Russia and Ukraine in person.") == []


def test_a_possible_meeting_stated_as_such_is_proposed() -> None:
    got = schedule("Umerov said a potential meeting between Putin and Zelensky could take place in Istanbul.")
    assert [f.kind for f in got] == ["proposed"]
    got = schedule("An official said it is possible that another round of talks between Russia and Ukraine could take place on Friday.")
    assert [f.kind for f in got] == ["proposed"]


def test_no_fixed_timetable_is_not_a_schedule_change_but_no_talks_on_a_day_is_postponed() -> None:
    assert [f.kind for f in schedule("Direct talks between Russia and Ukraine are scheduled for Thursday.",
                                      "No fixed timetable for the talks between Russia and Ukraine has been set, he stated.")] == ["planned"]
    got = schedule("Direct talks between Russia and Ukraine are scheduled for Thursday.",
                   "TASS sources claim there will be no talks on Thursday due to logistics.")
    assert [f.kind for f in got] == ["planned", "postponed"]


def test_a_trip_on_a_day_for_the_talks_places_the_talks_on_that_day() -> None:
    got = schedule("Direct talks between Russia and Ukraine were proposed by Putin.",
                   "Trump has downplayed the chance that he will travel to Istanbul on Thursday for the Ukraine talks.")
    assert [(f.kind, f.raw) for f in got][-1:] == [("planned", "on Thursday")]
    # a past arrival's day is the trip's, not the talks'; and no day, no plan
    got = schedule("Direct talks between Russia and Ukraine were proposed by Putin.",
                   "The Ukrainian delegation arrived in Istanbul on Thursday for the talks.",
                   "Trump may travel to Istanbul for the talks.")
    assert [f.kind for f in got] == ["proposed"]


def test_a_hedged_guess_is_planned_but_does_not_replace_the_plan() -> None:
    got = schedule("Direct talks between Russia and Ukraine are scheduled to begin at 10am Moscow time.",
                   "The talks between the two delegations are expected to commence, possibly tonight, probably tomorrow.",
                   "Talks between the Russian and Ukrainian delegations will start on Friday, TASS has reported.")
    assert [(f.kind, f.raw) for f in got] == [("planned", "at 10am Moscow time"), ("planned", "tomorrow"),
                                              ("rescheduled", "on Friday")]


def test_the_day_with_no_talks_is_not_the_new_plan() -> None:
    got = schedule("Talks between the Russian and Ukrainian delegations will start on Friday, TASS has reported.",
                   "TASS sources claim there will be no talks on Thursday due to logistics.",
                   "Sources said the talks between the Russian and Ukrainian delegations are set to begin on Friday.")
    # Friday again is a further source of the first plan, not a reschedule
    assert [(f.kind, f.confirms) for f in got] == [("planned", False), ("postponed", False), ("planned", True)]
    got = schedule("Talks between the Russian and Ukrainian delegations will start on Thursday, TASS has reported.",
                   "The talks between Russia and Ukraine have been postponed until Friday.",
                   "Sources said the talks between the Russian and Ukrainian delegations are set to begin on Friday.")
    # "postponed until Friday" is the plan now: Friday again confirms it
    assert [(f.kind, f.confirms) for f in got] == [("planned", False), ("postponed", False), ("planned", True)]


def test_a_new_hour_on_the_same_day_is_a_reschedule_and_the_same_hour_a_repeat() -> None:
    got = schedule("Talks between the Russian and Ukrainian delegations will start at 10 a.m. on Friday, Medinsky said.",
                   "Talks between Russia and Ukraine are scheduled to begin at 12:30pm on Friday, a source said.",
                   "Anadolu said talks between Russia and Ukraine will begin at 12:30pm on Friday.")
    # 12:30 again from Anadolu is a further source of the new plan
    assert [(f.kind, f.when.hour, f.confirms) for f in got] == [("planned", 10, False), ("rescheduled", 12, False),
                                                                  ("planned", 12, True)]
    # a part of the day after an exact hour is no news, and no reschedule
    got = schedule("Talks between the Russian and Ukrainian delegations will start at 10 a.m. on Friday, Medinsky said.",
                   "Talks between Russia and Ukraine are expected to begin on Friday morning.")
    assert [f.kind for f in got] == ["planned"]


def test_a_proposal_after_a_denial_is_news() -> None:
    got = schedule("No preparations are underway for a meeting between Putin and Trump, Peskov said.",
                   "A meeting between Putin and Trump is necessary for the settlement, Peskov said.")
    assert [f.kind for f in got] == ["denied", "proposed"]
    # a conditional infinitive is not a plan: "preparations would be needed for it to take place"
    got = schedule("A meeting between Putin and Trump is necessary, but preparations would be needed for it to take place.")
    assert [f.kind for f in got] == ["proposed"]
    # with no stronger cue the infinitive still plans
    assert [f.kind for f in schedule("The talks between Russia and Ukraine are to take place in Istanbul.")] == ["planned"]


def test_a_refutation_of_a_start_is_a_denial() -> None:
    got = schedule("Direct talks between Russia and Ukraine are scheduled to begin at 10am Moscow time.",
                   "TRT Haber has claimed that talks between the Russian and Ukrainian delegations have started. "
                   "However, the report is inaccurate and the two sides have yet to begin negotiations.")
    assert [f.kind for f in got] == ["planned", "denied"]


def test_a_presupposed_meeting_is_news_only_once() -> None:
    got = schedule("Zelensky plans to hold a meeting with Erdogan in Ankara later in the day.",
                   "Nothing will be decided until Zelensky has spoken with Erdogan, the Guardian reported.")
    assert [f.kind for f in got] == ["planned"]
    # a timeless plan in a "where" clause is background once the talks are on record
    got = schedule("Talks between Russia and Ukraine will take place at the palace, RIA reported.",
                   "Journalists gathered in Istanbul, where the talks between Russia and Ukraine will take place.")
    assert [f.kind for f in got] == ["planned"]


@pytest.mark.parametrize("text, expected", [
    ("Qadira has denied reports that it is pulling out of the summit altogether.", None),
    ("Kolvar has denied a report in the press that Dravenia plans to cut the flow while the talks go on.", None),
    ("The ministry denied reports that the talks had been cancelled.", "denied"),
    ("Peskov denied a report by Reuters that the talks had been postponed.", "denied"),
    ("Moscow has denied reports of talks with Kiev.", "denied"),
])
def test_a_denial_is_the_meetings_only_when_the_meeting_is_what_was_reported(text: str, expected: str | None) -> None:
    import re as _re

    from tui.core.extract.schedule import cue_kind

    m = _re.search(r"talks|summit", text)
    got = cue_kind(text, 0, m.start(), m.end(), len(text))
    assert (got[0] if got else None) == expected
