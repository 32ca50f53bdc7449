"""Delegation status rules on constructed sentences: positive and negative."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tui.core.extract import extract


def _sibling(name: str):
    """tests/ is not a package (pytest --import-mode=importlib): load the helper by path."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


bf = _sibling("blogfactory")


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


def test_a_person_who_is_no_member_is_not_a_delegation() -> None:
    assert statuses("Vladimir Zelensky has arrived in Ankara.") == []
    # "Putin will not attend" is about Putin, not the Russian delegation
    assert statuses("Vladimir Putin will not attend the direct talks in Istanbul, Kremlin spokesman Dmitry Peskov has said.") == []


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
