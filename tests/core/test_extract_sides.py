"""The sides of talks named in more ways: a state by its government, a movement by its full name
with an acronym, a name with "bint" — invented parties and people, no knowledge file."""

from __future__ import annotations

import blogfactory as bf
import pytest

from tui.core.extract import extract
from tui.core.knowledge import Knowledge


def meetings(*posts: str) -> dict:
    out = {}
    for pf in extract(bf.make_blog(list(posts)), Knowledge()).posts:
        for m in pf.meetings:
            out[m.id] = m
    return out


@pytest.mark.parametrize("text", [
    "Varnia's government and the Coast Liberation Front (CLF) will open talks in Port Elda on Friday.",
    "Varnia and the Coast Liberation Front (CLF) will hold talks in Port Elda on Friday.",
])
def test_talks_between_a_state_and_a_movement_named_in_full(text: str) -> None:
    got = meetings(text)
    assert len(got) == 1
    (m,) = got.values()
    assert set(m.parties) == {"Varnia", "Coast Liberation Front"} and m.status == "planned"


def test_a_name_with_bint_is_one_person() -> None:
    got = meetings("Talks between Varnia and Osterland open in Port Elda on Monday.",
                   "Varnia will be represented by Foreign Minister Noura bint Salem al-Harthi and Karl Aune.")
    (m,) = got.values()
    assert {"Noura bint Salem al-Harthi", "Karl Aune"} <= {p.name for p in m.participants}


def test_the_rest_of_a_team_told_as_alongside_x_are() -> None:
    got = meetings("Talks between Varnia and Osterland open in Port Elda on Monday.",
                   "Varnia's delegation will be led by Ana Mrkonja. Alongside Mrkonja are Karl Aune, director of the "
                   "water agency; Colonel Ilse Brandvik, head of the survey institute; and the legal adviser, Tomas Verey.")
    (m,) = got.values()
    assert {"Ana Mrkonja", "Karl Aune", "Ilse Brandvik", "Tomas Verey"} <= {p.name for p in m.participants}


def test_a_call_between_ministers_each_named_with_their_country_is_theirs() -> None:
    got = meetings("Talks between Varnia and Osterland open in Port Elda on Monday.",
                   "Foreign ministers Ana Ruiz of Varnia and Emil Holm of Osterland will hold a video call at 09:00 tomorrow.")
    calls = [m for m in got.values() if m.kind == "call"]
    assert len(calls) == 1 and set(calls[0].parties) == {"Ana Ruiz", "Emil Holm"}
    assert {p.name for p in calls[0].participants} == {"Ana Ruiz", "Emil Holm"}


def test_a_call_between_the_presidents_of_two_sides_is_between_those_presidents() -> None:
    got = meetings("Talks between Varnia and Osterland open in Port Elda on Monday. The Varnian and Osterlandic delegations will attend.",
                   "Varnian President Ana Ruiz said the talks must succeed.",
                   "Osterlandic President Emil Holm said he was hopeful.",
                   "The presidents of Varnia and Osterland have spoken by phone, the presidential office says.")
    calls = [m for m in got.values() if m.kind == "call"]
    assert len(calls) == 1 and set(calls[0].parties) == {"Ana Ruiz", "Emil Holm"}


def test_a_working_group_chaired_by_an_agencys_official_named_in_the_next_sentence() -> None:
    got = meetings("Talks between Varnia, Osterland and Holmstadia open in Port Elda on Monday. The Varnian, Osterlandic "
                   "and Holmstadian delegations will attend, with the International Fisheries Agency (IFA) observing.",
                   "The mediator has set up a working group of technical experts from the three delegations. It will be "
                   "chaired by Karl Aune, the IFA's head of safeguards, and meets for the first time at 21:00.",
                   "The working group began at 21:14.")
    (wg,) = [m for m in got.values() if m.kind == "working_group"]
    assert "International Fisheries Agency" in wg.parties and wg.status == "happened"
