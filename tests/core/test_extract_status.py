"""Delegation status rules on constructed sentences: positive and negative."""

from __future__ import annotations

import blogfactory as bf

from tui.core.extract import extract


def statuses(*posts: str) -> list[tuple[int, str, str, str | None]]:
    ex = extract(bf.make_blog(list(posts)), bf.KNOWLEDGE)
    return [(f.seq, f.delegation, f.status, f.where) for pf in ex.posts for f in pf.status]


def test_arrived_with_place() -> None:
    assert statuses("The Russian delegation has arrived in Istanbul, a source said.") == [(1, "russia", "arrived", "Istanbul")]


def test_arrived_at_a_venue_prefers_the_venue() -> None:
    got = statuses("The Russian delegation has arrived at Dolmabahce Palace in Istanbul for talks.")
    assert got == [(1, "russia", "arrived", "Dolmabahce Palace")]


def test_a_planned_trip_is_not_an_arrival() -> None:
    got = statuses("The Ukrainian delegation will arrive in Istanbul late on Thursday, an aide said.")
    assert got == [(1, "ukraine", "will_attend", "Istanbul")]


def test_negated_and_speculative_arrivals_are_ignored() -> None:
    assert statuses("The Ukrainian delegation has not arrived in Istanbul yet.") == []
    assert statuses("The Ukrainian delegation could arrive in Istanbul tonight.") == []


def test_left_for_a_destination() -> None:
    got = statuses("The Russian delegation, led by Vladimir Medinsky, has just left Istanbul for Moscow.")
    # (and its leader named again: the line-up "announced", as the annotations read it)
    assert sorted(got, key=str) == sorted([(1, "russia", "announced", None), (1, "russia", "left", "Moscow")], key=str)
    got = statuses("The Russian delegation, led by the president’s aide, has just left Istanbul for Moscow.")
    assert got == [(1, "russia", "left", "Moscow")]


def test_status_goes_to_the_grammatical_subject_not_the_reporter() -> None:
    got = statuses("Russian Foreign Ministry spokeswoman Maria Zakharova has confirmed that the Russian delegation has arrived in Istanbul.")
    assert got == [(1, "russia", "arrived", "Istanbul")]
    got = statuses("Kiev is still considering whether to send a delegation to speak with the Russian team that arrived in Istanbul.")
    assert got == [(1, "russia", "arrived", "Istanbul")]


def test_coordinated_subjects_each_get_the_status() -> None:
    got = statuses("The Ukrainian, Turkish, and US delegations have arrived at Dolmabahce Palace in Istanbul.")
    assert sorted(d for _, d, _, _ in got) == ["turkiye", "ukraine", "united_states"]


def test_a_member_moving_moves_the_delegation() -> None:
    assert statuses("US Secretary of State Marco Rubio has landed in Istanbul.") == [(1, "united_states", "arrived", "Istanbul")]


def test_a_leaders_own_attendance_counts_for_the_side() -> None:
    assert statuses("Vladimir Zelensky has arrived in Ankara.") == [(1, "ukraine", "arrived", "Ankara")]
    assert statuses("Vladimir Putin will not attend the direct talks in Istanbul, Kremlin spokesman Dmitry Peskov has said.") \
        == [(1, "russia", "will_not_attend", None)]


def test_waiting_and_located() -> None:
    assert statuses("The Russian delegation is ready and it is waiting in Istanbul, he said.") == [(1, "russia", "waiting", "Istanbul")]
    assert statuses("The Russian delegation are in the Dolmabahce Palace in Istanbul.") == [(1, "russia", "located", "Dolmabahce Palace")]


def test_pronoun_subject_continues_the_previous_sentence() -> None:
    got = statuses("The Russian team has left the Russian consulate. It is headed out to the Dolmabahce Palace.")
    assert got == [(1, "russia", "left", None), (1, "russia", "travelling", "Dolmabahce Palace")]


def test_send_a_delegation_is_will_attend_for_the_leaders_side() -> None:
    got = statuses("Vladimir Zelensky has decided to send a delegation to the talks in Istanbul.")
    assert got == [(1, "ukraine", "will_attend", "Istanbul")]
    assert statuses("Kiev is still considering whether to send a delegation.") == []


def test_announced_composition_and_claims_that_are_not_announcements() -> None:
    assert statuses("Moscow’s delegation for the talks comprises presidential aide Vladimir Medinsky.") == [(1, "russia", "announced", None)]
    assert statuses("Earlier, The Washington Post claimed the Russian delegation will be led by Lavrov.") == []


def test_history_is_not_this_weeks_status() -> None:
    assert statuses("The Russian delegation arrived in Istanbul in April 2022.") == []


# --- the whole meeting concludes: every delegation reported present -----------------------------

def test_the_host_present_at_the_start_concludes_with_the_talks() -> None:
    got = statuses("Talks between the Russian, Ukrainian, and Turkish delegations have started at Dolmabahce Palace.",
                   "The direct talks between the Russian and Ukrainian delegations have concluded, a source said.")
    concluded = {(d, s) for _, d, s, _ in got if s == "concluded"}
    assert concluded == {("russia", "concluded"), ("ukraine", "concluded"), ("turkiye", "concluded")}


def test_a_delegation_not_present_does_not_conclude() -> None:
    got = statuses("Talks between the Russian and Ukrainian delegations have started in Istanbul.",
                   "The talks between the Russian and Ukrainian delegations have concluded, a source said.")
    assert not any(d == "turkiye" for _, d, _, _ in got)


def test_a_retold_end_changes_no_status() -> None:
    got = statuses("Talks between the Russian and Ukrainian delegations have started in Istanbul.",
                   "The talks between the Russian and Ukrainian delegations have concluded, a source said.",
                   "The Russian delegation has left Istanbul for Moscow.",
                   "A Turkish official told CNN hours after the talks wrapped up in Istanbul that they went well.")
    assert [s for seq, d, s, _ in got if d == "russia"] == ["meeting", "concluded", "left"]


def test_people_meeting_are_not_their_delegations_meeting() -> None:
    got = statuses("Ukrainian Foreign Minister Andrey Sibiga said that he met with US Secretary of State Marco Rubio in Antalya.")
    assert got == []


# --- repeats are confirmations, not status changes --------------------------------------------------

def test_the_same_arrival_from_a_second_source_is_a_further_source_not_a_change() -> None:
    ex = extract(bf.make_blog(["The Russian delegation has arrived in Istanbul, RIA Novosti reports.",
                               "Maria Zakharova has confirmed that the Russian delegation has arrived in Istanbul."]),
                 bf.KNOWLEDGE)
    got = [(f.seq, f.delegation, f.status, f.where, f.confirms) for pf in ex.posts for f in pf.status]
    assert got == [(1, "russia", "arrived", "Istanbul", False), (2, "russia", "arrived", "Istanbul", True)]


def test_an_arrival_restated_in_a_relative_clause_after_waiting_is_not_new() -> None:
    got = statuses("The Russian delegation has arrived in Istanbul, RIA Novosti reports.",
                   "The Russian delegation is ready and it is waiting in Istanbul, Peskov said.",
                   "A source said Kiev is still considering whether to send a delegation to speak with the Russian team that arrived in Istanbul earlier in the day.")
    assert [s for _, d, s, _ in got if d == "russia"] == ["arrived", "waiting"]


def test_arriving_again_after_leaving_is_a_new_fact() -> None:
    got = statuses("The Russian delegation has arrived in Istanbul.",
                   "The Russian delegation has left Istanbul for Ankara.",
                   "The Russian delegation has arrived in Istanbul.")
    assert [s for _, d, s, _ in got] == ["arrived", "left", "arrived"]


# --- line-ups: biography is not an announcement; present-tense compositions are -------------------

def test_a_biography_relative_clause_is_not_a_line_up() -> None:
    got = statuses("Presidential aide Vladimir Medinsky, who was designated to lead Russia’s negotiators in Istanbul, "
                   "served as a member of the State Duma from 2004 to 2011.")
    assert got == []


def test_a_future_relative_clause_is_a_line_up() -> None:
    got = statuses("The Ukrainian team, which will be headed by Defense Minister Rustem Umerov, is planning to discuss a ceasefire, he said.")
    assert got == [(1, "ukraine", "announced", None)]


def test_is_represented_by_and_made_up_of_announce_a_line_up() -> None:
    assert statuses("Ukraine is represented by Defense Minister Rustem Umerov and Foreign Minister Andrey Sibiga.") == [
        (1, "ukraine", "announced", None)]
    assert statuses("The Russian team is made up of Vladimir Medinsky and Mikhail Galuzin.") == [(1, "russia", "announced", None)]


def test_will_remain_is_a_plan_not_a_location() -> None:
    assert statuses("Kiev’s negotiators will remain in Istanbul on Friday, Zelensky added.") == []
    assert statuses("The Ukrainian delegation remains in Istanbul, a source said.") == [(1, "ukraine", "located", "Istanbul")]


def test_waiting_is_a_present_state_not_a_plan() -> None:
    assert statuses("The Russian delegation is ready and it is waiting in Istanbul, Peskov said.") == \
        [(1, "russia", "waiting", "Istanbul")]
    # future aspect: where it will wait tomorrow is a plan to be there (will_attend), not where it waits now
    assert statuses("The Russian delegation will be waiting for the Ukrainian side at 10 a.m. on Friday, Medinsky said.") == \
        [(1, "russia", "will_attend", None)]


def test_a_country_after_a_host_modifier_is_the_subject_of_a_line_up() -> None:
    assert statuses("Host nation Türkiye is represented by Foreign Minister Hakan Fidan and intelligence chief Ibrahim Kalin.") == \
        [(1, "turkiye", "announced", None)]
    # any other words before the country: not its line-up ("a report on Türkiye is made up of …")
    assert statuses("A report about Türkiye is made up of rumours, the source said.") == []

