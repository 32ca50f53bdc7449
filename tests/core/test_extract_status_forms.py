"""Delegation status in more forms of news English: who arrived first, a side that "is here",
the plane that carries a team, a car leaving the venue, a return to a named building, a decision
put off — and a "reached" that is a deal, not a place. Invented parties, no knowledge file."""

from __future__ import annotations

import blogfactory as bf
import pytest

from tui.core.extract import extract
from tui.core.knowledge import Knowledge

OPENING = "Talks between Varnia and Osterland open in Port Elda on Monday. The Varnian and Osterlandic delegations will attend."


def statuses(*posts: str) -> set[tuple[int, str, str]]:
    facts = extract(bf.make_blog([OPENING, *posts]), Knowledge()).posts
    return {(f.seq, f.delegation, f.status) for pf in facts for f in pf.status if f.seq > 1}


@pytest.mark.parametrize("text,want", [
    ("Varnian Foreign Minister Ana Ruiz was the first to arrive at the Grand Palace.", (2, "varnia", "arrived")),
    ("The Osterlandic delegation is here. Its cars drew up at 09:36.", (2, "osterland", "arrived")),
    ("The Varnian plane touched down at Port Elda airport at 09:58.", (2, "varnia", "arrived")),
    ("A convoy carrying the Varnian delegation drove into the Villa Serena at 9:41 a.m.", (2, "varnia", "arrived")),
    ("The Varnian delegation flew into Port Elda late on Friday.", (2, "varnia", "arrived")),
    ("The Varnian team flew out of Port Elda for Ruta Vale.", (2, "varnia", "left")),
    ("The Osterlandic team will stay overnight and decide in the morning whether to go back.", (2, "osterland", "undecided")),
    ("The Varnian team checked into the Hotel Miramar at about 7:30pm.", (2, "varnia", "arrived")),
    ("Osterland says it will take part in the talks.", (2, "osterland", "will_attend")),
    ("The Varnian delegation spent the night at the Hotel Miramar.", (2, "varnia", "located")),
    ("Osterland's team has been in Port Elda since Sunday, its spokesman said.", (2, "osterland", "located")),
    ("Osterland has named its negotiating team. Emil Holm will lead it.", (2, "osterland", "announced")),
    ("Varnia is sending a special envoy to Port Elda for the talks.", (2, "varnia", "will_attend")),
    ("Osterland will send First Deputy Foreign Minister Emil Holm to Port Elda in her place.", (2, "osterland", "will_attend")),
    ("The Varnian delegation will return to the table tomorrow morning, its spokesman said.", (2, "varnia", "will_attend")),
    ("Osterland said it would take part in whatever format the hosts arranged.", (2, "osterland", "will_attend")),
    ("The Varnian delegation will be at the second round, wherever it is held.", (2, "varnia", "will_attend")),
    ("The Varnian delegation will be waiting for the Osterlandic side at the palace at 10 a.m.", (2, "varnia", "will_attend")),
    ("Osterland has pulled out of the peace talks altogether.", (2, "osterland", "will_not_attend")),
])
def test_a_status_in_everyday_words(text: str, want: tuple[int, str, str]) -> None:
    assert want in statuses(text)


def test_a_return_to_a_named_building_after_a_walkout() -> None:
    got = statuses("The Osterlandic delegation has walked out of the plenary.",
                   "The Osterlandic delegation returned to the Palais Lindqvist at 08:50.")
    assert (2, "osterland", "walked_out") in got and (3, "osterland", "returned") in got


def test_a_delegation_led_by_someone_arriving_is_the_arrival_and_its_leader_named_again() -> None:
    got = statuses("The Varnian delegation, led by Deputy Foreign Minister Orvo Talvik, has arrived at the Villa Serena.")
    assert {(2, "varnia", "arrived"), (2, "varnia", "announced")} <= got
    # a delegation led by no one named is only the arrival
    assert statuses("The Varnian delegation, led by its chief negotiator, has arrived at the Villa Serena.") == {(2, "varnia", "arrived")}


def test_both_delegations_are_the_sides_of_the_talks() -> None:
    got = statuses("Both delegations have now arrived at the Villa Serena.")
    assert {(2, "varnia", "arrived"), (2, "osterland", "arrived")} <= got
    # a plan of the two sides after a break is no news of their coming
    assert statuses("The talks have adjourned. The two sides will be back at the table at 14:30.") == set()


@pytest.mark.parametrize("text", [
    "Reporters waiting for both delegations have arrived at the Villa Serena.",  # not the subject
    "Kivimaa and Lutrenia held talks in Holmstad; both delegations have left.",  # other talks' sides
    "Varnia will send a letter to the president of the Security Council.",  # a letter, no envoy
    "Osterland said it would take part in a regional trade fair in Port Elda.",  # not the talks
    "Varnia has been in talks with Osterland since 2019.",  # in talks, not in a place
])
def test_sides_and_plans_that_are_not_the_talks_give_no_status(text: str) -> None:
    assert statuses(text) == set()


def test_a_return_to_the_table_at_a_hotel_is_a_return() -> None:
    got = statuses("The Varnian delegation walked out of the talks at the Villa Serena.",
                   "The Varnian delegation has returned to the negotiating table at the Hotel Miramar.")
    assert (3, "varnia", "returned") in got


def test_leaving_the_room_for_a_break_is_no_departure() -> None:
    assert not any(status == "left" for _, _, status in
                   statuses("The Varnian delegation has left the room to consult its capital."))
    assert (2, "varnia", "left") in statuses("The Varnian delegation has left Port Elda.")


def test_back_at_the_hotel_after_a_walkout_is_where_it_went_and_back_at_the_villa_is_the_return() -> None:
    got = statuses("The Varnian delegation walked out of the talks at the Villa Serena.",
                   "The Varnian negotiators are back at the Hotel Miramar, Reuters reports.",
                   "The Varnian delegation is back at the Villa Serena and the session has resumed.")
    assert (3, "varnia", "located") in got and (3, "varnia", "returned") not in got
    assert (4, "varnia", "returned") in got


def test_a_plane_taking_off_from_a_place_is_not_travelling_to_it() -> None:
    facts = extract(bf.make_blog([OPENING, "The Varnian delegation has left Port Elda for Holmstad. "
                                  "Its plane took off from Port Elda airport at 6 pm."]), Knowledge()).posts
    travelling = [f for pf in facts for f in pf.status if f.status == "travelling"]
    assert travelling and all(f.where is None for f in travelling)


def test_reaching_a_deal_is_no_arrival() -> None:
    got = statuses("The Varnian and Osterlandic delegations have reached a deal in principle on fishing quotas.")
    assert not any(status == "arrived" for _, _, status in got)


def test_talks_resuming_without_a_side_do_not_bring_it_back() -> None:
    got = statuses("The talks have begun.", "The Varnian delegation has walked out of the plenary.",
                   "The plenary resumed at 18:02 without the Varnians.",
                   "The Varnian delegation returned to the Grand Palace at 08:50.")
    assert (4, "varnia", "returned") not in got and (5, "varnia", "returned") in got


def test_a_summary_telling_an_earlier_days_walkout_again_does_not_make_it_the_status_now() -> None:
    from tui.core.timeline import Timeline

    posts = [OPENING, "The talks have begun.", "The Varnian delegation has walked out.",
             "The Varnian delegation returned to the talks this morning.", "The talks have concluded.",
             "Varnia walked out on Monday evening and returned the next morning."]
    blog = bf.make_blog(posts)
    tl = Timeline.build(blog, Knowledge())
    last = next(d for d in tl.state_at(len(posts)).delegations if d.id == "varnia")
    assert last.status.status == "concluded"
    told = [f for f in tl.facts_of(len(posts)) if getattr(f, "recap", False)]
    assert told and all(f.confirms for f in told)  # kept as further sources, in the export too


def test_a_leaders_own_plan_is_told_of_the_leader_but_a_members_move_is_the_delegations() -> None:
    facts = extract(bf.make_blog([OPENING, "The Varnian delegation will be led by Ana Ruiz.",
                                  "Varnian President Tomas Verey will not attend the talks.",
                                  "Ruiz has left Port Elda for Ruta Vale."]), Knowledge()).posts
    own = {(f.seq, f.status): f.person for pf in facts for f in pf.status if f.delegation == "varnia"}
    assert own[(3, "will_not_attend")] == "Tomas Verey"
    assert own[(4, "left")] == ""


@pytest.mark.parametrize("posts,want", [
    (("The Varnian government jet landed at Port Elda airport at 21:40.",), (2, "varnia", "arrived")),
    (("Foreign Minister Emil Holm will lead the Osterlandic delegation.", "Holm's motorcade swept through the palace gates at 09:12."),
     (3, "osterland", "arrived")),
    (("Foreign Minister Emil Holm will lead the Osterlandic delegation.", "Holm's car drew up at the palace at 08:20."),
     (3, "osterland", "arrived")),
    (("Varnia will send Deputy Foreign Minister Ana Ruiz to lead its delegation.", "Ruiz's plane took off from Ruta Vale at 19:40."),
     (3, "varnia", "travelling")),
    (("Varnia will send Deputy Foreign Minister Ana Ruiz to lead its delegation.", "Ruiz's plane is due at Port Elda at 06:10."),
     (3, "varnia", "travelling")),
    (("Varnia will send Deputy Foreign Minister Ana Ruiz to lead its delegation.", "Ana Ruiz has landed at Port Elda."),
     (3, "varnia", "arrived")),
    (("The Varnian delegation left Port Elda for Kivimaa at 17:10.",), (2, "varnia", "left")),
])
def test_more_ways_of_travelling_arriving_and_leaving(posts, want) -> None:
    assert want in statuses(*posts)


def test_a_plane_carrying_others_is_not_the_delegations_journey() -> None:
    assert not statuses("A Varnian government plane carrying the freed fishermen landed at Port Elda at 13:05.")


def test_a_leader_who_would_send_a_team_headed_by_someone_announces_it() -> None:
    got = statuses("Varnian President Lena Brandt said she would send a delegation headed by Foreign Minister Ana Ruiz.")
    assert {(2, "varnia", "will_attend"), (2, "varnia", "announced")} <= got


@pytest.mark.parametrize("posts,want", [
    (("Varnian Foreign Minister Ana Ruiz walked across the square from her hotel to the palace at 09:40.",),
     (2, "varnia", "arrived")),
    (("Varnian Foreign Minister Ana Ruiz has just walked in through the side entrance.",), (2, "varnia", "arrived")),
])
def test_a_known_sides_adjective_before_its_plane_and_arriving_on_foot(posts, want) -> None:
    assert want in statuses(*posts)


def test_walking_into_a_row_is_no_arrival() -> None:
    assert not statuses("Varnian Foreign Minister Ana Ruiz walked into a row over the agenda.")


def test_a_demonym_seen_only_in_an_outlets_name_still_names_its_country_before_a_plane() -> None:
    facts = extract(bf.make_blog(["Delegations from Varnia and Kestoria meet in Port Elda today for talks. Kestoria will "
                                  "be represented by Emil Holm, the Kestori News Agency reported.",
                                  "The Kestori plane touched down at Port Elda airport at 09:58."]), Knowledge()).posts
    assert (2, "kestoria", "arrived") in {(f.seq, f.delegation, f.status) for pf in facts for f in pf.status}


@pytest.mark.parametrize("text,want", [
    ("The Varnian delegation has flown back to Ruta Vale.", (2, "varnia", "left", "Ruta Vale")),
    ("The Osterlandic delegation flew home to Kivimaa on Thursday.", (2, "osterland", "left", "Kivimaa")),
    ("The Varnian team left for the airport shortly after six.", (2, "varnia", "left", None)),
])
def test_flying_home_and_leaving_for_the_airport_are_departures(text, want) -> None:
    facts = extract(bf.make_blog([OPENING, text]), Knowledge()).posts
    assert want in {(f.seq, f.delegation, f.status, f.where) for pf in facts for f in pf.status}


def test_a_sides_negotiator_walking_out_is_the_side_and_a_dateline_is_no_subject() -> None:
    got = statuses("PORT ELDA, May 18 (Reuters) - The talks will go on tomorrow, after Osterland's chief "
                   "negotiator walked out this afternoon.")
    assert got == {(2, "osterland", "walked_out")}


def test_a_dateline_alone_makes_no_side_move() -> None:
    assert not statuses("RUTA VALE, May 18 (Reuters) - A convoy left for the border on Tuesday.")
