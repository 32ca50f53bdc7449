"""Meetings: identity from participants, status, place, present vs announced."""

from __future__ import annotations

import blogfactory as bf
import pytest

from tui.core.extract import extract


def meetings(*posts: str):
    ex = extract(bf.make_blog(list(posts)), bf.KNOWLEDGE)
    out = {}
    for pf in ex.posts:
        for m in pf.meetings:
            out[m.id] = m
    return out


def test_trilateral_with_the_host_is_the_direct_talks() -> None:
    ms = meetings("Direct talks between Russia and Ukraine are scheduled for Friday.",
                  "Talks between the Russian, Ukrainian, and Turkish delegations have started at Dolmabahce Palace in Istanbul.")
    assert list(ms) == ["ru-ua-talks"]
    m = ms["ru-ua-talks"]
    assert (m.status, m.place, m.kind) == ("happened", "Dolmabahce Palace, Istanbul", "trilateral")
    assert {p.name for p in m.participants if p.basis == "present"} == {"Russian delegation", "Ukrainian delegation", "Turkish delegation"}


def test_an_announced_line_up_is_not_attendance() -> None:
    ms = meetings("Direct talks between Russia and Ukraine are scheduled for Friday.",
                  "Russia will be represented at the meeting by presidential aide Vladimir Medinsky and Deputy Foreign Minister Mikhail Galuzin.")
    m = ms["ru-ua-talks"]
    assert m.status == "planned"
    assert [(p.name, p.basis) for p in m.participants] == [("Vladimir Medinsky", "announced"), ("Mikhail Galuzin", "announced")]


def test_putin_will_not_attend_is_absence_not_attendance_once_his_coming_was_in_question() -> None:
    ms = meetings("Direct talks between Russia and Ukraine are scheduled for Friday.",
                  "Russia has yet to decide whether Vladimir Putin will attend the talks.",
                  "Vladimir Putin will not attend the direct talks between Moscow and Kiev in Istanbul, Kremlin spokesman Dmitry Peskov has said.")
    assert [(p.name, p.basis) for p in ms["ru-ua-talks"].participants if p.name == "Vladimir Putin"] == [("Vladimir Putin", "absent")]
    # never expected: he is not coming (his side's status says so), but he is no absentee of the meeting
    ms = meetings("Direct talks between Russia and Ukraine are scheduled for Friday.",
                  "Vladimir Putin will not attend the direct talks between Moscow and Kiev in Istanbul, Kremlin spokesman Dmitry Peskov has said.")
    assert not [p for p in ms["ru-ua-talks"].participants if p.name == "Vladimir Putin"]


def test_person_level_meeting_underway() -> None:
    ms = meetings("According to Anadolu news agency, a meeting between Erdogan and Zelensky is currently underway in Ankara.")
    m = ms["erdogan-zelensky-meeting"]
    assert (m.status, m.place) == ("happened", "Ankara")
    assert [(p.name, p.basis) for p in m.participants] == [("Recep Tayyip Erdogan", "present"), ("Vladimir Zelensky", "present")]


def test_phone_call_with_a_role_phrase_and_name() -> None:
    ms = meetings("Russian President Vladimir Putin spoke on phone with his Brazilian counterpart Luiz Inacio Lula da Silva.")
    m = ms["lula-putin-call"]
    assert (m.kind, m.status) == ("call", "happened")


def test_proposed_meeting_has_no_attendees() -> None:
    ms = meetings("A meeting between Vladimir Putin and Donald Trump is “necessary,” Kremlin spokesman Dmitry Peskov has said.")
    m = ms["putin-trump-meeting"]
    assert m.status == "planned" and m.participants == ()


def test_a_2022_meeting_is_history() -> None:
    assert meetings("Medinsky headed Moscow’s negotiating team at the failed 2022 Istanbul talks.") == {}


def test_present_tense_roster_during_a_meeting_is_presence() -> None:
    ms = meetings("The talks between the Ukrainian, Turkish, and US delegations have started at Dolmabahce Palace in Istanbul.",
                  "The US delegation at the trilateral meeting with Ukraine and Türkiye includes Secretary of State Marco Rubio "
                  "and Donald Trump’s special envoy Keith Kellogg.")
    m = ms["ua-us-talks"]
    present = {p.name for p in m.participants if p.basis == "present"}
    assert {"Marco Rubio", "Keith Kellogg"} <= present
    assert "Donald Trump" not in present  # named only as Kellogg's boss


def test_met_with_between_people_is_a_meeting_with_everyone_present() -> None:
    ms = meetings("Ukrainian Foreign Minister Andrey Sibiga said that he met with Marco Rubio and Lindsey Graham in Antalya.")
    (m,) = ms.values()
    assert m.status == "happened"
    assert {p.name for p in m.participants if p.basis == "present"} == {"Andrey Sibiga", "Marco Rubio", "Lindsey Graham"}


def test_a_met_with_in_another_sense_is_no_meeting() -> None:
    assert meetings("The proposal met with criticism in Kiev.") == {}


def test_the_main_clause_subject_is_not_a_party_of_a_meeting_in_an_until_clause() -> None:
    ms = meetings("The Ukrainian negotiators will remain in Ankara until Zelensky has spoken with Erdogan.")
    assert list(ms) == ["erdogan-zelensky-meeting"]
    # without the subordinator the delegation is the subject and a party
    ms = meetings("The Ukrainian delegation met with Turkish Foreign Minister Hakan Fidan.")
    assert list(ms) == ["ua-tr-talks"]


def _attendance(*posts: str) -> list[tuple[str, str, int]]:
    from tui.core.knowledge import Knowledge
    from tui.core.timeline import Timeline

    tl = Timeline.build(bf.make_blog(list(posts)), Knowledge())
    return sorted({(p.name, p.basis, p.seq) for m in tl.all_meetings() for p in m.participants}
                  | {(p.name, p.basis, p.seq) for seq in range(1, len(posts) + 1) for _, p in tl.again_of(seq)})


CHAIRED = "Ruta Vale, the Holmstad envoy, will chair the talks between the Varnian and Osterlandic delegations, due to start at 10:00."


def test_the_chair_of_a_sitting_is_announced_then_present() -> None:
    got = _attendance(CHAIRED, "Vale opened the final day's plenary at 09:34.")
    assert ("Ruta Vale", "announced", 1) in got and ("Ruta Vale", "present", 2) in got


def test_a_working_group_under_its_chair_has_the_chair_present() -> None:
    got = _attendance(CHAIRED, "The working group on maps began at 14:15 under Lena Brandt, a Holmstad official.")
    assert ("Lena Brandt", "present", 2) in got


def test_a_chair_who_only_suspends_the_sitting_is_not_new_attendance() -> None:
    # annotators place the chair at the opening, not at each break
    got = _attendance(CHAIRED, "The talks have begun.", "Vale has suspended the session.")
    assert not any(seq == 3 for _, _, seq in got)


@pytest.mark.parametrize("text", [
    "Emil Holm opened the border crossing at Kivimaa while the talks continued.",
    "Emil Holm opened a new hospital in Kivimaa while the talks continued.",
    "Emil Holm convened his security council in the capital while the talks went on.",
])
def test_opening_or_convening_something_else_is_no_chairing(text: str) -> None:
    got = _attendance(CHAIRED, "The talks have begun.", text)
    assert not any(name == "Emil Holm" for name, _, _ in got)
