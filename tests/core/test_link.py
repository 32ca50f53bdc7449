"""Entity linking: spellings, possessives, role phrases, collective references, lists."""

from __future__ import annotations

import pytest

from tui.core.knowledge import load_knowledge
from tui.core.link import Linker

LINKER = Linker(load_knowledge())


def found(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.key) for m in LINKER.link(text) if kind is None or m.kind == kind]


@pytest.mark.parametrize("text, person", [
    ("Kostya Prydybalo reported.", "Konstantin Pridybaylo"),
    ("Kostya Pridybailo reported.", "Konstantin Pridybaylo"),
    ("Konstantin Pridybaylo wrote.", "Konstantin Pridybaylo"),
    ("Deputy Defense Minister Alexander Fomin", "Aleksandr Fomin"),
    ("Andrii Sybiha said", "Andrey Sibiga"),
    ("Zelenskyy said", "Vladimir Zelensky"),
    ("the Kremlin spokesman said", "Dmitry Peskov"),
    ("The head of the Russian delegation said", "Vladimir Medinsky"),
    ("Russia’s top negotiator said", "Vladimir Medinsky"),
    ("the top US diplomat will speak", "Marco Rubio"),
    ("the Ukrainian leader said", "Vladimir Zelensky"),
])
def test_spellings_and_role_phrases(text: str, person: str) -> None:
    assert person in [key for _, key in found(text, "person")]


def test_possessives_with_curly_and_straight_apostrophes() -> None:
    assert found("Medinsky’s team and Medinsky's aide", "person") == [
        ("Medinsky", "Vladimir Medinsky"), ("Medinsky", "Vladimir Medinsky")]


def test_a_role_phrase_keeps_the_name_inside_it() -> None:
    keys = [k for _, k in found("Putin’s spokesman announced it.", "person")]
    assert keys == ["Dmitry Peskov", "Vladimir Putin"]


@pytest.mark.parametrize("text, deleg", [
    ("the Russian team arrived", "russia"),
    ("Moscow’s negotiators are ready", "russia"),
    ("Kiev’s representatives arrived", "ukraine"),
    ("at the initiative of the Turkish side", "turkiye"),
    ("The US delegation includes", "united_states"),
])
def test_collective_references_link_to_the_delegation(text: str, deleg: str) -> None:
    assert [k for _, k in found(text, "delegation")] == [deleg]


def test_coordinated_lists_link_each_side() -> None:
    text = "Talks between the Russian, Ukrainian, and Turkish delegations; the teams from Moscow, Kiev, and Ankara"
    assert [k for _, k in found(text, "delegation")] == ["russia", "ukraine", "turkiye", "russia", "ukraine", "turkiye"]


def test_a_bare_country_is_a_place_that_knows_its_side() -> None:
    [m] = [m for m in LINKER.link("Moscow insists") if m.kind == "place"]
    assert (m.key, m.side) == ("Moscow", "russia")
    assert not [m for m in LINKER.link("Moscow insists") if m.kind == "delegation"]


def test_outlets_win_over_the_places_inside_their_names() -> None:
    assert found("The Washington Post and CNN Turk reported", "outlet") == [
        ("The Washington Post", "The Washington Post"), ("CNN Turk", "CNN Turk")]
    assert not found("The Washington Post reported", "place")


def test_all_caps_names_are_case_sensitive() -> None:
    assert found("tell us about it", "delegation") == []
    assert found("tell us about it", "outlet") == []


def test_unknown_names_are_just_not_linked() -> None:
    assert LINKER.link("Jane Roe met John Doe.") == []


def test_entities_are_unique_and_ordered() -> None:
    e = LINKER.entities("Peskov said; Dmitry Peskov, the Kremlin spokesman, told TASS and RIA Novosti.")
    assert e.people == ("Dmitry Peskov",)
    assert e.outlets == ("TASS", "RIA Novosti")
