"""Sentences near the new rules' forms that must not fire them (each once a false alarm of a
broader pattern). Invented names; no knowledge file."""

from __future__ import annotations

import blogfactory as bf
import pytest

from tui.core.discover.reader import Reader
from tui.core.discover.registry import Registry
from tui.core.extract import extract
from tui.core.knowledge import Knowledge

OPENING = "Talks between Varnia and Osterland will open in Port Elda at 10:00 on Monday. The Varnian and Osterlandic delegations will attend."


def facts(*posts: str):
    return extract(bf.make_blog([OPENING, *posts]), Knowledge()).posts


@pytest.mark.parametrize("text", [
    "The talks won’t start at 10:00 as planned, the mediators said.",
    "The talks will not now start at 10:00 as planned.",
    "The talks are not going to start at 10:00 as planned.",
])
def test_a_negated_as_planned_is_no_confirmation(text: str) -> None:
    assert not [f for pf in facts(text) for f in pf.schedule if f.kind == "confirmed"]


def test_as_planned_with_a_british_clock_is_a_confirmation() -> None:
    assert [f for pf in facts("The talks are due to start at 10.00 as planned.") for f in pf.schedule if f.kind == "confirmed"]


@pytest.mark.parametrize("text", [
    "The Varnian delegation has flown to Port Elda for the talks.",
    "The Varnian foreign minister walked into controversy over the agenda.",
])
def test_flying_to_the_talks_and_walking_into_controversy_are_no_departure_or_arrival(text: str) -> None:
    got = {(f.delegation, f.status) for pf in facts(text) for f in pf.status if f.seq == 2}
    assert ("varnia", "left") not in got and ("varnia", "arrived") not in got


@pytest.mark.parametrize("text", [
    "Costa Nueva will host the talks, and the mediator said she was hopeful.",
    "Nova Terra sent a letter to the envoy, who said he would reply.",
])
def test_a_pronoun_in_another_clause_makes_no_person(text: str) -> None:
    r = Reader(Registry())
    r.read(text, 1)
    assert not r.reg.people


def test_a_colon_list_of_members_is_no_list_of_parties() -> None:
    r = Reader(Registry())
    r.read("The members of the delegation: Dana Ruiz, Emil Holm and Jan Marek.", 1)
    assert not r.reg.parties


def test_a_working_group_someone_founded_is_no_body_named_after_its_kind() -> None:
    r = Reader(Registry())
    r.read("She chairs the working group Dana Ruiz founded last year.", 1)
    assert not r.reg.parties


def test_a_person_who_told_the_observers_something_is_not_seated_as_one() -> None:
    got = facts("The talks between Varnia and Osterland have begun in Port Elda.",
                "Ana Ruiz is in the chair, and Emil Holm, who has criticised the observers, sits opposite.")
    present = {p.name for pf in got for m in pf.meetings for p in m.participants if p.basis == "present"}
    assert "Emil Holm" not in present  # (no side of his is known: only "as observers" would seat him)
