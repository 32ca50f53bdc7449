"""Extraction in general news English on blogs nobody prepared: no knowledge file, invented parties.

Each case is a short invented blog (oldest post first) in the phrasing of wire copy, a
newspaper live page or a broadcaster's ticker; the rules must read it without any list of
this blog's names.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import blogfactory as bf
import pytest

from tui.core.extract import extract
from tui.core.knowledge import Knowledge


def run(*posts: str):
    return extract(bf.make_blog(list(posts)), Knowledge())


def statuses(*posts: str) -> list[tuple[int, str, str]]:
    return [(f.seq, f.delegation, f.status) for pf in run(*posts).posts for f in pf.status]


def schedule(*posts: str) -> list[tuple[int, str]]:
    return [(f.seq, f.kind) for pf in run(*posts).posts for f in pf.schedule]


def meetings(*posts: str) -> dict:
    out = {}
    for pf in run(*posts).posts:
        for m in pf.meetings:
            out[m.id] = m
    return out


OPENING = "Talks between Kestria and Ardovia have begun in Yalikoy, the Anatrian foreign ministry said."


def test_the_sides_of_talks_are_learnt_and_sit_in_the_meeting() -> None:
    got = statuses(OPENING)
    assert {(d, st) for _, d, st in got} == {("kestria", "meeting"), ("ardovia", "meeting")}


def test_a_day_of_talks_ends_and_the_next_day_they_resume() -> None:
    got = schedule(OPENING, "The first day of talks has ended, officials said.",
                   "The talks resumed at 10:00 local time on Thursday, the ministry said.")
    assert got == [(1, "started"), (2, "suspended"), (3, "resumed")]
    blog = run(OPENING, "The first day of talks has ended, officials said.",
               "The talks resumed at 10:00 local time on Thursday, the ministry said.")
    kestria = [f for pf in blog.posts for f in pf.status if f.delegation == "kestria"]
    # the end of a day's sitting concludes it for the sides (tests/blogs/README.md: "A session that
    # ends gives concluded to the parties"); the schedule says they sit again, and they do
    assert [(f.seq, f.status, f.confirms) for f in kestria] == [(1, "meeting", False), (2, "concluded", False),
                                                                (3, "meeting", False)]


def test_the_meeting_as_the_object_of_a_verb() -> None:
    got = schedule(OPENING, "The mediator has suspended the talks for consultations, a spokesman said.")
    assert got[-1] == (2, "suspended")


def test_a_walkout_and_a_return_and_being_back_at_the_venue_the_next_day() -> None:
    got = statuses(OPENING, "The Ardovian delegation walked out of the talks, two sources told Reuters.",
                   "The Ardovian delegation is back at the Deniz Palace, Reuters reported.")
    assert (2, "ardovia", "walked_out") in got and (3, "ardovia", "returned") in got
    got = statuses(OPENING, "The Ardovian delegation is back at the Deniz Palace for a second day, Reuters reported.")
    assert (2, "ardovia", "located") in got


def test_a_leaders_absence_and_an_undecided_side() -> None:
    got = statuses("The Kestrian delegation will travel to Yalikoy on Tuesday.",
                   "Kestrian President Dmitry Korolyov will not attend the talks, his office said.",
                   "Ardovia has yet to decide who will lead its team, a spokeswoman said.")
    # (the parties' ids come from how the text first names them: "Kestrian" here)
    assert [st for seq, d, st in got if seq == 2 and d.startswith("kestria")] == ["will_not_attend"]
    assert [st for seq, d, st in got if seq == 3 and d.startswith("ardovia")] == ["undecided"]


def test_a_report_in_nominal_form_is_a_further_source() -> None:
    ex = run("The Kestrian delegation has arrived in Yalikoy, state media said.",
             "Reuters also reported the arrival of the Kestrian delegation in Yalikoy.")
    facts = [(f.seq, f.status, f.confirms) for pf in ex.posts for f in pf.status]
    assert facts == [(1, "arrived", False), (2, "arrived", True)]


def test_a_denied_report_states_no_status() -> None:
    got = statuses(OPENING, "Reports that the Ardovian delegation had walked out are wrong, a UN spokeswoman said.")
    assert not [x for x in got if x[2] == "walked_out"]


def test_a_mediator_is_no_party_to_the_talks_it_chairs() -> None:
    ms = meetings("The Sarvessan mediators have welcomed the Valdorian and Orsenian delegations.",
                  "Talks between the Valdorian and Orsenian delegations have begun, with the Sarvessan mediators in the chair.")
    talks = [m for m in ms.values() if m.kind in ("bilateral", "trilateral", "talks")]
    assert talks and all("Sarvessa" not in " ".join(m.parties) for m in talks)


def test_the_plenary_with_no_parties_named_is_the_whole_event() -> None:
    ms = meetings("The Qadiri, Dravenian and Tarsanian delegations have arrived in Geneva.",
                  "The plenary has begun, at 11.04am local time, a pool report said.")
    assert any(m.status == "happened" and len(m.parties) == 3 for m in ms.values())


def test_a_line_up_under_an_intro_names_its_members() -> None:
    ex = run("Talks between Kestria and Ardovia will begin on Wednesday in Yalikoy.",
             ["The Kestrian delegation has left Varnholm for Yalikoy.",
              "KNA has published the full Kestrian line-up for the talks:",
              "- Yevgeniya Sokolova, Deputy Prime Minister (head of delegation)",
              "- Bozena Kowalczyk, Energy Minister"])
    names = {p.name for pf in ex.posts for m in pf.meetings for p in m.participants if p.basis == "announced"}
    assert {"Yevgeniya Sokolova", "Bozena Kowalczyk"} <= names


def test_named_to_lead_its_delegation_and_joined_by() -> None:
    ex = run(["Talks between Kestria and Ardovia will begin on Wednesday in Yalikoy.",
              "Ardovia has named Foreign Minister Ines Ibanez to lead its delegation, the ministry said. "
              "She will be joined by Energy Minister Joaquin Pena and Lucia Ferrer."])
    m = next(m for pf in ex.posts for m in pf.meetings if "Ardovia" in m.parties)
    assert {"Ines Ibanez", "Joaquin Pena", "Lucia Ferrer"} <= {p.name for p in m.participants if p.basis == "announced"}


def test_relative_times_keep_the_precision_the_text_gives() -> None:
    ex = run(OPENING, "The talks will resume in two or three hours, a source said.")
    f = [f for pf in ex.posts for f in pf.schedule if f.seq == 2][0]
    assert f.precision == "hour" and f.when_estimated and f.when.minute == 0


def _who(*posts: str) -> dict[str, set[tuple[str, str]]]:
    """meeting id -> {(person, basis)} at the end of the blog."""
    return {mid: {(p.name, p.basis) for p in m.participants} for mid, m in meetings(*posts).items()}


PLAN = "Talks between Kestria, Ardovia and Norland are due to open at 10am on Tuesday, the UN said."


def test_talks_between_a_list_of_sides_name_every_side() -> None:
    (m,) = meetings(PLAN).values()
    assert set(m.parties) == {"Kestria", "Ardovia", "Norland"}


def test_who_leads_a_team_is_announced_for_its_talks() -> None:
    who = _who(PLAN,
               "Norland's delegation has arrived, with the water minister, Ilse Varga, at its head.",
               "Kestria's president will not attend. The delegation will instead be led by the foreign minister, Petr Hollan.",
               ["Ardovia has named its team. It will be led by the trade minister, Juan Osorio, and includes:",
                "• Marta Ruiz, deputy trade minister"])
    (people,) = who.values()
    assert {("Ilse Varga", "announced"), ("Petr Hollan", "announced"), ("Juan Osorio", "announced"),
            ("Marta Ruiz", "announced")} <= people


def test_a_question_about_who_will_lead_announces_nobody() -> None:
    (people,) = _who(PLAN, "Ardovia has yet to decide who will lead its team, though Juan Osorio is the likely choice.").values()
    assert people == set()


def test_people_at_the_table_of_a_sitting_meeting_are_present() -> None:
    who = _who(PLAN, "Kestrian Foreign Minister Petr Hollan, Ardovian Trade Minister Juan Osorio and Norland's "
                     "water minister, Ilse Varga, have arrived in Geneva, officials said.",
               "The plenary has begun. Kestria's Hollan, Ardovia's Osorio and Norland's Varga are at the table, "
               "with the UN envoy, Ana Lind, in the chair.")
    (people,) = who.values()
    assert {("Petr Hollan", "present"), ("Juan Osorio", "present"), ("Ilse Varga", "present")} <= people


def test_at_the_head_of_the_table_is_a_seat_not_a_team_lead() -> None:
    who = _who(PLAN, "The talks have begun. Hollan and Osorio sat facing each other, with the UN envoy, Ana Lind, "
                     "at the head of the table.")
    (people,) = who.values()
    assert ("Ana Lind", "announced") not in people


def test_negotiators_for_two_sides_due_to_begin_talks_plan_them() -> None:
    posts = ("Negotiators for Veltria and the Free Marches Movement (FMM) are due to begin indirect talks "
             "at 11:00 local time today, the foreign ministry said.",)
    (m,) = meetings(*posts).values()
    assert set(m.parties) == {"Veltria", "Free Marches Movement"}
    assert schedule(*posts) == [(1, "planned")]


def test_a_line_up_one_name_per_line_and_the_speaker_who_gives_it() -> None:
    who = _who(PLAN,
               ["Ardovia's presidency has published its delegation, which will be led by General Juan Osorio. "
                "Alongside him are:", "Deputy Foreign Minister Marta Ruiz", "Colonel Ivo Karas, head of the army's office"],
               "The Norland delegation will be led by Ilse Varga and include its chief negotiator, Ana Lind, "
               "spokesman Petr Hollan said.")
    (people,) = who.values()
    assert {("Juan Osorio", "announced"), ("Marta Ruiz", "announced"), ("Ivo Karas", "announced"),
            ("Ilse Varga", "announced"), ("Ana Lind", "announced")} <= people
    assert ("Petr Hollan", "announced") not in people  # he gave the line-up; he is not in it


def test_sides_that_meet_for_talks_and_a_list_labelled_by_side() -> None:
    posts = ("Negotiators from Kestria, Ardovia and the Northern Union meet in Geneva today for three days of talks.",
             ["The three delegations published their line-ups overnight. The most senior names are:",
              "• Kestria: chief negotiator Mele Fonoti and Finance Minister Sione Havili",
              "• Ardovia: Deputy Foreign Minister Juan Osorio",
              "• Northern Union: Commissioner Marta Ruiz, an adviser to President Ilse Varga"])
    (m,) = meetings(*posts).values()
    assert set(m.parties) == {"Kestria", "Ardovia", "Northern Union"}
    assert {p.name for p in m.participants} == {"Mele Fonoti", "Sione Havili", "Juan Osorio", "Marta Ruiz"}
    assert {(d, st) for seq, d, st in statuses(*posts) if seq == 2} == {
        ("kestria", "announced"), ("ardovia", "announced"), ("northern_union", "announced")}


def test_talks_about_a_dispute_between_two_sides_are_theirs_and_joined_by_announces() -> None:
    posts = ("Talks aimed at ending the tariff dispute between Valdoria and the Eastern Trade Community (ETC) "
             "will open on Tuesday at 10:00 local time, the mediators said.",
             "Valdoria will be represented by Trade Minister Helena Sorvik, the government has announced. "
             "She will be joined by chief negotiator Matthias Brenneke and Deputy Agriculture Minister Ana Dragomir.")
    (m,) = meetings(*posts).values()
    assert set(m.parties) == {"Valdoria", "Eastern Trade Community"}
    assert {p.name for p in m.participants} >= {"Helena Sorvik", "Matthias Brenneke", "Ana Dragomir"}


def test_a_repeat_is_a_further_source_not_a_change() -> None:
    from tui.core.timeline import Timeline

    posts = (OPENING.replace("have begun", "will begin at 10:00 on Friday"),
             "Kestria's delegation has arrived in Yalikoy, officials said.",
             "The Kestrian team has arrived in Yalikoy, KNA reported.",
             "The talks will begin at 10:00 on Friday, a source told Reuters.")
    blog = bf.make_blog(list(posts))
    tl = Timeline.build(blog, Knowledge())
    state = tl.state_at(4)
    (kestria,) = [d for d in state.delegations if d.id == "kestria"]
    assert (kestria.status.seq, kestria.status.status) == (2, "arrived")  # the first report stays the current fact
    assert kestria.confirmed_by == (3,) and not any(d.changed for d in tl.state_at(3).delegations)
    plans = [(f.seq, f.kind, f.confirms) for f in state.schedule]
    assert plans == [(1, "planned", False), (4, "planned", True)]


def test_facts_are_read_from_the_first_hundred_thousand_characters_of_a_post() -> None:
    from tui.core.extract.run import READ_CHARS

    filler = "The weather in the capital was mild and the markets were calm. " * (READ_CHARS // 60)
    head = "Kestria's delegation has arrived in Yalikoy, officials said. "
    tail = " Ardovia's delegation has arrived in Yalikoy, officials said."
    got = statuses(head + filler + tail)
    assert ("kestria", "arrived") in {(d, st) for _, d, st in got}
    assert not any(d == "ardovia" for _, d, _ in got)  # past the limit: not read


def test_local_time_is_read_where_the_talks_are_once_the_text_has_placed_them() -> None:
    # The blog's zone is UTC+3; Geneva is UTC+2 in May: "10am local time" is 11:00 in the blog's zone.
    blog = run("The Kestrian delegation has arrived in Geneva for talks with Ardovia.",
               "Talks between Kestria and Ardovia will start at 10am local time tomorrow.")
    planned = [f for pf in blog.posts for f in pf.schedule if f.kind == "planned"]
    assert planned and planned[0].seq == 2
    assert planned[0].when is not None and (planned[0].when.hour, planned[0].when.minute) == (11, 0)
    before = run("Talks between Kestria and Ardovia will start at 10am local time tomorrow.",
                 "The Kestrian delegation has arrived in Geneva for talks with Ardovia.")
    early = [f for pf in before.posts for f in pf.schedule if f.kind == "planned"]
    assert early and early[0].when.hour == 10  # not yet placed: the blog's zone, never a later post's place


def test_a_start_told_without_a_time_happened_on_the_posts_day_at_no_made_up_hour() -> None:
    blog = run("Talks between Kestria and Ardovia will open on Friday.", "The talks between Kestria and Ardovia have begun.")
    started = [f for pf in blog.posts for f in pf.schedule if f.kind == "started"]
    assert started and started[0].seq == 2
    posted = bf.make_blog(["a", "b"]).posts[1]
    assert started[0].when is not None and started[0].when.date() == posted.day
    assert started[0].precision == "day" and not started[0].when_estimated and started[0].raw == ""


def test_paused_talks_that_will_resume_are_the_same_talks_planned_again() -> None:
    ended = "The first day of talks has ended."
    for later in ("The two delegations will resume tomorrow morning.", "The talks will resume at 10:00 tomorrow.",
                  "The delegations are due to reconvene on Friday."):
        got = [(f.seq, f.subject, f.kind) for pf in run(OPENING, ended + " " + later).posts for f in pf.schedule]
        assert got[-1] == (2, got[0][1], "planned"), later  # the talks of post 1, not a "next round"
    concluded = [(f.subject, f.kind) for pf in run(OPENING, "The talks have concluded. The talks will resume next month.").posts
                 for f in pf.schedule]
    assert concluded[-1][0].endswith("-next")  # talks that ended for good resume in a new round


def test_an_organisation_with_its_article_is_a_subject_and_plans_not_to_come_are_absences() -> None:
    opening = "Talks between Veltria and the Free Marches Movement will open on Friday."
    got = statuses(opening, "The Free Marches Movement has not yet confirmed that it will send a delegation.")
    assert (2, "free_marches_movement", "undecided") in got
    got = statuses(OPENING, "Ardovia has no plans to travel to Yalikoy for the signing, the ministry said.",
                   "Kestria will not send a delegation to the second round.")
    assert (2, "ardovia", "will_not_attend") in got and (3, "kestria", "will_not_attend") in got


def test_a_meeting_told_in_the_past_is_concluded_on_the_schedule() -> None:
    got = schedule(OPENING, "Kestria's foreign minister met with Ardovia's prime minister on the sidelines, the ministry said.")
    assert got[-1] == (2, "concluded")


def test_a_host_and_guests_are_the_parties_of_the_dinner_they_are_at() -> None:
    got = meetings(OPENING, "Kestrian President Dmitry Korolyov will host Ardovian Prime Minister Ana Vidal and "
                            "Anatrian envoy Oguz Celebi at a working dinner tonight.")
    dinners = [m for m in got.values() if m.kind == "dinner"]
    assert dinners and set(dinners[0].parties) == {"Dmitry Korolyov", "Ana Vidal", "Oguz Celebi"}


def test_a_delegation_head_named_again_is_a_further_source_of_the_attendance() -> None:
    from tui.core.export_facts import facts_export
    from tui.core.timeline import Timeline

    posts = [OPENING, "The Kestrian delegation will be led by Foreign Minister Irena Vasko.",
             "Foreign Minister Irena Vasko will lead the Kestrian delegation, the ministry said again."]
    tl = Timeline.build(bf.make_blog(posts), Knowledge())
    again = [(mid, p.name, p.basis, p.confirms) for seq in range(1, 4) for mid, p in tl.again_of(seq)]
    firsts = [p for m in tl.state_at(3).meetings for p in m.participants if p.name == "Irena Vasko"]
    assert len(firsts) == 1 and not firsts[0].confirms  # the panes: one row, the first source
    assert again and all(name == "Irena Vasko" and confirms for _, name, _, confirms in again)
    extra, _ = facts_export(tl)
    listed = [p for m in extra["meetings"] for p in m["participants"] if p["name"] == "Irena Vasko"]
    assert [p["confirms"] for p in listed] == [False, True] and listed[1]["seq"] == 3


def test_the_dinner_is_the_latest_dinner_on_record() -> None:
    got = run(OPENING, "Kestrian President Dmitry Korolyov will host Ardovian Prime Minister Ana Vidal at a working dinner tonight.",
              "The dinner ended after about two hours, officials said.")
    dinners = {f.subject for pf in got.posts for f in pf.schedule if f.seq == 3}
    planned = {f.subject for pf in got.posts for f in pf.schedule if f.seq == 2}
    assert dinners and dinners == planned  # the host's dinner, not a new dinner of the talks


def test_talks_named_without_an_article_at_the_start_of_a_sentence_are_the_talks_on_record() -> None:
    posts = (OPENING, "The talks have been suspended, officials said.",
             "Indirect talks resumed at 15:15 local time, the ministry said.")
    assert schedule(*posts) == [(1, "started"), (2, "suspended"), (3, "resumed")]
    assert {(d, st) for seq, d, st in statuses(*posts) if seq == 3} == {("kestria", "meeting"), ("ardovia", "meeting")}
    # with an article and a possessive, the noun phrase is another meeting ("The leaders' meeting")
    assert schedule(OPENING, "The leaders’ meeting has ended, a spokesperson said.") == [(1, "started")]


PLANNED = "Talks between Kestria and Ardovia are due to open at 10:00 local time today, the Anatrian foreign ministry said."


def test_talks_pushed_back_to_a_later_hour_of_the_same_day_are_delayed() -> None:
    assert schedule(PLANNED, "The start of the talks has been pushed back to 10:45 local time, a spokesperson said.") \
        == [(1, "planned"), (2, "delayed")]
    assert schedule(PLANNED, "The opening of the talks has been put back by an hour, to 11:00 local time.") \
        == [(1, "planned"), (2, "delayed")]
    # a new day is a change of date, not a delay
    assert schedule(PLANNED, "The talks have been postponed until Friday at 10:00, the ministry said.")[-1] == (2, "postponed")
    # pushed back to another day: a postponement (as the held-out annotations read "put back to 9am tomorrow")
    assert schedule(PLANNED, "The talks have been pushed back to Friday, the ministry said.")[-1] == (2, "postponed")


def test_a_leader_who_will_come_is_announced_for_the_talks_and_one_who_sends_a_team_is_not() -> None:
    ms = meetings(PLANNED, "Kestria’s prime minister, Lena Varga, will fly to Yalikoy tonight for the talks, her office said.",
                  "Ardovian President Tomas Brenner has decided to send a delegation, his spokesman said.")
    people = {(p.name, p.basis, p.seq) for m in ms.values() for p in m.participants}
    assert ("Lena Varga", "announced", 2) in people
    assert not any(name == "Tomas Brenner" for name, _, _ in people)


def test_the_mediators_envoy_in_the_chair_is_present_but_the_mediator_is_no_side() -> None:
    posts = ("Anatria will host talks between Kestria and Ardovia in Yalikoy, with the Anatrian envoy Oguz Celebi as mediator.",
             "Talks between Kestria and Ardovia have begun in Yalikoy. The two delegations sat facing each other, "
             "with Anatrian envoy Oguz Celebi in the chair.",
             "The talks have been suspended, officials said.",
             "The talks resumed at 15:00 local time, the ministry said.")
    ms = meetings(*posts)
    assert ("Oguz Celebi", "present") in {(p.name, p.basis) for m in ms.values() for p in m.participants}
    assert {d for seq, d, st in statuses(*posts) if seq == 4} == {"kestria", "ardovia"}


def test_the_sides_agreeing_while_the_talks_sit_ends_the_talks() -> None:
    posts = (OPENING, "Kestria and Ardovia have agreed a ceasefire and a prisoner exchange, the mediator announced.")
    assert schedule(*posts) == [(1, "started"), (2, "concluded")]
    assert {(d, st) for seq, d, st in statuses(*posts) if seq == 2} == {("kestria", "concluded"), ("ardovia", "concluded")}
    # agreeing to meet again, or an agreement hoped for, ends nothing
    assert schedule(OPENING, "The two delegations have agreed to meet again on Friday.")[1:] != [(2, "concluded")]
    assert schedule(OPENING, "Diplomats hope Kestria and Ardovia have reached a deal by tonight.") == [(1, "started")]
    # nor does a recap once the talks have stopped sitting
    assert schedule(OPENING, "The talks have been suspended for the night.",
                    "Kestria and Ardovia have agreed the text of a framework.") == [(1, "started"), (2, "suspended")]


def test_who_will_lead_a_team_is_a_line_up_announced() -> None:
    got = statuses(OPENING, "Kestria’s prime minister, Lena Varga, will fly to Yalikoy tonight and lead her country’s team "
                            "at the table, her office said.")
    assert ("kestria", "announced") in {(d, st) for seq, d, st in got if seq == 2}


def test_a_decision_still_to_come_or_a_question_dodged_is_undecided() -> None:
    for sentence in ("Ardovian President Tomas Brenner said he would make a decision on the talks after his trip.",
                     "Ardovian President Tomas Brenner has dodged a question on whether he plans to travel to Yalikoy.",
                     "Ardovia's foreign ministry has declined to say who would lead its team."):
        assert ("ardovia", "undecided") in {(d, st) for seq, d, st in statuses(PLANNED, sentence) if seq == 2}, sentence


def test_the_same_sentence_in_another_month_is_read_again() -> None:
    # "talks in April" are ahead in a March post and history in a May post, even in one process
    text = "Talks between Kestria and Ardovia in April will be held in Yalikoy, officials said."
    march = extract(bf.make_blog([text], day=date(2025, 3, 10)), Knowledge())
    may = extract(bf.make_blog([text], day=date(2025, 5, 10)), Knowledge())
    assert [f.kind for pf in march.posts for f in pf.schedule] == ["planned"]
    assert [f.kind for pf in may.posts for f in pf.schedule] == []


def test_a_working_group_staffed_by_an_organisation_has_it_among_its_parties() -> None:
    ms = meetings(PLANNED, "The International Red Cross will send staff to Yalikoy, the ICRC said.",
                  "A working group on prisoner lists, made up of officers from both sides and ICRC staff, "
                  "will meet at 20:00 local time, the ministry said.")
    groups = [m for m in ms.values() if m.kind == "working_group"]
    assert len(groups) == 1
    parties = set(groups[0].parties)
    assert {"Kestria", "Ardovia"} <= parties and len(parties) == 3, parties


def test_the_meeting_a_party_is_represented_at_is_the_talks_it_is_in() -> None:
    ms = meetings(PLANNED, ["Kestrian President Lena Varga has arrived in Selin, where she is expected to hold a meeting "
                            "with Anatrian President Oguz Celebi.",
                            "Ardovia will be represented at the meeting by Foreign Minister Ines Ibanez and "
                            "Deputy Minister Tomas Brenner."])
    talks = next(m for m in ms.values() if set(m.parties) == {"Kestria", "Ardovia"})
    assert {"Ines Ibanez", "Tomas Brenner"} <= {p.name for p in talks.participants if p.basis == "announced"}
    others = [m for m in ms.values() if m is not talks]
    assert not any(p.name == "Ines Ibanez" for m in others for p in m.participants)


def test_people_who_met_somewhere_had_a_meeting() -> None:
    sentence = "Kestrian Foreign Minister Lena Varga and Ardovian Foreign Minister Tomas Brenner met in Selin on Tuesday."
    ms = meetings(sentence)
    assert [set(m.parties) for m in ms.values()] == [{"Lena Varga", "Tomas Brenner"}]
    assert schedule(sentence) == [(1, "concluded")]


def test_a_minister_staying_away_is_not_the_sides_absence_but_a_leader_is() -> None:
    minister = statuses(PLANNED, "Kestrian Foreign Minister Ana Petrova will not attend the talks, her ministry said.")
    assert ("kestria", "will_not_attend") not in {(d, st) for _, d, st in minister}
    president = statuses(PLANNED, "Kestrian President Lena Varga will not attend the talks, her office said.")
    assert ("kestria", "will_not_attend") in {(d, st) for _, d, st in president}


def _stamped(*posts: str, hour: int = 9):
    """Posts with stamps the text gave (not estimated), an hour apart from `hour`."""
    blog = bf.make_blog(list(posts), start_hour=hour, minutes_apart=60)
    blog.posts[:] = [p.replace(time_estimated=False) for p in blog.posts]
    return extract(blog, Knowledge())


def test_a_weekday_in_a_plan_lies_ahead_and_in_a_report_behind() -> None:
    # the posts are on Thursday 15 May 2025
    plan = run(OPENING, "The next round between Kestria and Ardovia will be held on Tuesday, the ministry said.")
    planned = [f for pf in plan.posts for f in pf.schedule if f.kind in ("planned", "rescheduled")]
    assert planned and planned[-1].when.date() == date(2025, 5, 20)  # not last Tuesday, the 13th
    past = run("Talks between Kestria and Ardovia began on Saturday in Yalikoy, the ministry said.")
    started = [f for pf in past.posts for f in pf.schedule if f.kind == "started"]
    assert started and started[0].when.date() == date(2025, 5, 10)  # not the coming Saturday, the 17th


def test_a_plan_for_an_hour_already_past_is_the_next_days() -> None:
    late = ["Talks between Kestria and Ardovia will resume at 16:00 today, the ministry said.",
            "The meeting between Kestria and Ardovia has been brought forward to 09:00, the ministry said."]
    blog = _stamped(*late, hour=21)  # the second post is stamped 22:00
    moved = [f for pf in blog.posts for f in pf.schedule if f.seq == 2]
    assert moved and moved[0].when is not None and (moved[0].when.date(), moved[0].when.hour) == (date(2025, 5, 16), 9)
    # with the post's time only estimated, 09:00 may still be ahead that day: nothing is moved
    guessed = run(*late)
    kept = [f for pf in guessed.posts for f in pf.schedule if f.seq == 2]
    assert kept and kept[0].when.date() == date(2025, 5, 15)


def test_a_report_about_the_session_denied_is_a_denial_and_a_report_about_something_else_is_not() -> None:
    plan = "Talks between Kestria and Ardovia will be held on Friday, the ministry said."
    got = schedule(plan, "Reports in Kestrian media that Friday's session has been cancelled are false, "
                         "Anatrian Foreign Minister Gulsen Aydogan told Meridian Press.")
    assert (2, "denied") in got and (2, "cancelled") not in got
    other = schedule(OPENING, "Reports that Kestria had walked out for a second time are wrong, a spokeswoman "
                              "said: the session has broken for a recess.")
    assert (2, "denied") not in other


def test_talks_that_go_ahead_as_planned_are_confirmed() -> None:
    got = schedule("Talks between Kestria and Ardovia will be held on Friday, the ministry said.",
                   "“The talks go ahead as planned,” the minister said.")
    assert (2, "confirmed") in got


def test_a_session_originally_planned_for_one_hour_that_will_now_start_at_another_is_rescheduled_to_it() -> None:
    for moved in ("The UN says Saturday's closing session, originally planned for 10:00, will now start at 15:00.",
                  "The closing session has been moved from 10:00 to 15:00 on Saturday, the UN said."):
        blog = run("Talks between Kestria and Ardovia will close with a session at 10:00 on Saturday.", moved)
        got = [f for pf in blog.posts for f in pf.schedule if f.seq == 2]
        assert [f.kind for f in got] == ["rescheduled"], moved
        assert (got[0].when.date(), got[0].when.hour) == (date(2025, 5, 17), 15), moved


def test_a_side_in_the_talks_again_after_walking_out_has_returned() -> None:
    got = statuses(OPENING, "The Ardovian delegation has walked out of the talks, the ministry said.",
                   "The talks resumed at 17:45 local time with the Ardovian delegation back at the table.",
                   "The talks resumed after lunch, the ministry said.")
    ardovia = [(seq, st) for seq, d, st in got if d == "ardovia"]
    assert (2, "walked_out") in ardovia and (3, "returned") in ardovia
    assert (3, "meeting") not in ardovia and (4, "returned") not in ardovia  # back once, then simply in the talks


def test_the_people_a_planned_meeting_is_between_are_its_announced_participants() -> None:
    blog = run("Veltrian President Tomas Hrabal and rebel leader Dorin Rusu are expected to meet face to face "
               "on Friday, the mediator said.")
    people = {q.name: q.basis for pf in blog.posts for mtg in pf.meetings for q in mtg.participants}
    assert people == {"Tomas Hrabal": "announced", "Dorin Rusu": "announced"}
    # a proposal is not an announcement
    floated = run("Veltrian President Tomas Hrabal has proposed a meeting with rebel leader Dorin Rusu.")
    assert not [q for pf in floated.posts for mtg in pf.meetings for q in mtg.participants]


def _left(*posts: str) -> list[tuple[int, str | None, str | None]]:
    return [(f.seq, f.from_where, f.where) for pf in run(*posts).posts for f in pf.status if f.status == "left"]


def test_a_departure_keeps_where_from_and_where_to_apart() -> None:
    arrived = "The Dastari delegation has arrived in Vallmora for the talks."
    assert _left(arrived, "The Dastari delegation left Vallmora for Yelkent on Saturday evening.") == [(2, "Vallmora", "Yelkent")]
    assert _left(arrived, "The Dastari delegation has left Vallmora, officials said.") == [(2, "Vallmora", None)]
    assert _left(arrived, "The Dastari delegation left the Hotel Bellaguarda for the Miralles Palace.") == \
        [(2, "Hotel Bellaguarda", "Miralles Palace")]
    # no place, no departure: an idiom
    assert _left(arrived, "The Dastari delegation has left the door open for further talks.") == []
    assert _left(arrived, "The Dastari delegation left little room for compromise.") == []


def test_where_a_spokesman_spoke_is_not_where_the_talks_are() -> None:
    blog = run("Talks between Kestria and Ardovia have begun at the Villa Aurora, the Anatrian foreign ministry said in Selin.")
    places = [m.place for pf in blog.posts for m in pf.meetings]
    assert places and places[-1] == "Villa Aurora"


def _attendance(*posts: str) -> set[tuple[str, str]]:
    return {(q.name, q.basis) for pf in run(*posts).posts for m in pf.meetings for q in m.participants}


def test_absent_is_for_someone_expected_and_a_leader_never_expected_is_only_not_coming() -> None:
    talks = "Talks between Kestria and Ardovia will be held in Yalikoy on Friday, the Anatrian foreign ministry said."
    never = _attendance(talks, "Kestrian President Dmitry Korolyov will not travel to Yalikoy for the talks, his office said.")
    assert ("Dmitry Korolyov", "absent") not in never
    asked = _attendance(talks, "Kestria has yet to decide whether President Dmitry Korolyov will attend the talks.",
                        "Kestrian President Dmitry Korolyov will not travel to Yalikoy for the talks, his office said.")
    assert ("Dmitry Korolyov", "absent") in asked


def test_the_delegation_a_post_spoke_of_is_the_one_it_says_is_led_by_someone() -> None:
    got = _attendance("Soravia and Dastar will hold talks in Vallmora on Friday, the Castellan foreign ministry said.",
                      ["Dastar will take part in the talks, and its delegation is on its way to Vallmora, officials said.",
                       "The delegation is led by Deputy Prime Minister Nermin Aktaşlı and includes Col. Barış Tekinalp."])
    assert {("Nermin Aktaşlı", "announced"), ("Barış Tekinalp", "announced")} <= got


def test_delegations_that_will_sit_down_for_a_new_round_plan_the_talks() -> None:
    got = schedule("Delegations from Vesnaria and Magravia will sit down at 10:00 at the Villa Aurora for a new round "
                   "of talks, the mediators said.")
    assert got == [(1, "planned")]
    ids = set(meetings("Delegations from Vesnaria and Magravia will sit down at 10:00 for a new round of talks."))
    assert ids == {"ve-ma-talks"}  # the first round the blog tells of is the talks, not a "next" one


def test_a_meal_as_a_pause_is_no_meeting_but_a_host_and_guests_at_dinner_are() -> None:
    opening = "The talks between Vesnaria and Magravia began at 10:04 at the Villa Aurora."
    paused = run(opening, "The plenary has paused for lunch and will resume at 15:00, the mediators said.")
    assert {m.kind for pf in paused.posts for m in pf.meetings} == {"bilateral"}
    hosted = run(opening, "Foreign Minister Đorđe Lazarević and Foreign Minister Réka Szilvássy arrived at the villa.",
                 "Mediator Inês Carvalhosa will host Lazarević and Szilvássy for dinner at the villa tonight.")
    assert "dinner" in {m.kind for pf in hosted.posts for m in pf.meetings}


def test_a_sub_commission_is_a_working_group_and_the_round_can_be_over() -> None:
    opening = "The talks between Vesnaria and Magravia began at 10:04 at the Villa Aurora."
    blog = run(opening, "The water sub-commission, made up of experts from both sides, will meet at 15:00.",
               "The round is over, the mediators said.")
    kinds = {m.id: m.kind for pf in blog.posts for m in pf.meetings}
    assert "working_group" in kinds.values()
    assert (3, "concluded") in [(f.seq, f.kind) for pf in blog.posts for f in pf.schedule]


def test_a_session_adjourned_until_an_hour_is_suspended_now_and_planned_then() -> None:
    blog = run("The talks between Vesnaria and Magravia began at 10:04 at the Villa Aurora.",
               "The session has been adjourned until 10:00 tomorrow, the mediators said.")
    got = [(f.kind, f.when.date() if f.when else None, f.when.hour if f.when else None)
           for pf in blog.posts for f in pf.schedule if f.seq == 2]
    assert ("suspended", date(2025, 5, 15), 0) in got and ("planned", date(2025, 5, 16), 10) in got


def test_a_pair_of_clocks_teaches_what_local_time_is_for_later_posts() -> None:
    from datetime import timezone as tz_

    from tui.core.when import local_zone_taught

    ny = datetime(2026, 6, 5, 9, tzinfo=tz_(timedelta(hours=-4)))
    assert local_zone_taught("The talks opened at 1:10 p.m. local time (6:10 a.m. ET).", ny, ny.tzinfo).utcoffset(None) \
        == timedelta(hours=3)
    assert local_zone_taught("The talks are due to open at 10:00 local time (0700 GMT).", ny, ny.tzinfo).utcoffset(None) \
        == timedelta(hours=3)
    assert local_zone_taught("The talks open at 10:00 local time.", ny, ny.tzinfo) is None
    # US style: "or 3 a.m. Eastern" after the local clock and its day, or after a comma
    for text in ("The talks begin at 10 a.m. local time Tuesday, or 3 a.m. Eastern, at the centre.",
                 "The closing session begins at 10 a.m. local time, 3 a.m. Eastern."):
        assert local_zone_taught(text, ny, ny.tzinfo).utcoffset(None) == timedelta(hours=3)
    # two clocks in different clauses are no pair
    assert local_zone_taught("It opened at 10 a.m. local time, the minister said, 3 a.m. Eastern.", ny, ny.tzinfo) is None
    # in a blog (UTC+3 here), once taught that local time is UTC+1, a bare "local time" later is read so
    blog = run("Talks between Kestria and Ardovia will open at 10:00 local time (0900 GMT) on Friday.",
               "The talks between Kestria and Ardovia began at 10:20 local time, the ministry said.")
    started = [f for pf in blog.posts for f in pf.schedule if f.kind == "started"]
    assert started and started[0].when.astimezone(tz_.utc).hour == 9 and started[0].when.minute == 20


def test_a_side_that_has_not_left_is_still_there_and_a_walkout_told_in_passing_is_not_news_again() -> None:
    got = statuses("The Magravian delegation has arrived in Miravel for talks with Vesnaria.",
                   "The Magravian delegation has still not left Miravel, officials said.")
    assert [(seq, st) for seq, _, st in got] == [(1, "arrived"), (2, "located")]
    blog = run(OPENING, "The Ardovian delegation walked out of the talks at 16:10, the ministry said.",
               "One adviser stayed behind when the rest of the Ardovian team walked out, officials said.")
    walkouts = [(f.seq, f.confirms) for pf in blog.posts for f in pf.status if f.status == "walked_out"]
    assert walkouts == [(2, False)]


@pytest.mark.parametrize("text,kind", [
    ("The plenary has broken for lunch, the ministry said.", "suspended"),
    ("The working group broke up at about 19:15, the ministry said.", "concluded"),
    ("The working group resumed its session at 17:00, the ministry said.", "resumed"),
    ("The working group has started work in the library, the ministry said.", "started"),
])
def test_sittings_told_in_everyday_words(text: str, kind: str) -> None:
    blog = run(OPENING, "A working group of experts from Kestria and Ardovia will meet at 14:00 in the library.", text)
    assert kind in [f.kind for pf in blog.posts for f in pf.schedule if f.seq == 3]


def test_a_meeting_back_on_is_planned_and_a_cancellation_it_follows_is_not_news() -> None:
    blog = run("The leaders of Kestria and Ardovia will meet in Yalikoy on Saturday, officials said.",
               "The meeting between Kestria and Ardovia has been called off, officials said.",
               "The meeting between Kestria and Ardovia is back on, a day after Selin called off the idea.")
    assert [f.kind for pf in blog.posts for f in pf.schedule if f.seq == 3] == ["planned"]


def test_a_named_days_session_ending_is_the_end_of_that_days_sitting() -> None:
    got = schedule(OPENING, "Thursday's session ended at 18:30 local time, the ministry said.")
    assert got[-1] == (2, "suspended")


def test_a_team_back_inside_the_venue_after_a_walkout_has_returned() -> None:
    got = statuses(OPENING, "The Ardovian delegation walked out of the talks at 14:00, officials said.",
                   "The Ardovian team is back inside the palace, and the talks resumed at 15:40 local time.")
    assert [(seq, st) for seq, d, st in got if d == "ardovia" and seq == 3] == [(3, "returned")]


def test_staying_where_a_side_arrived_is_where_it_is_but_remaining_somewhere_it_has_not_reached_is_a_plan() -> None:
    arrived = "The Kestrian delegation has arrived in Yalikoy for the talks with Ardovia."
    got = statuses(arrived, "The Kestrian delegation will stay in Yalikoy for as long as it takes, its head said.")
    assert [(seq, st) for seq, _, st in got] == [(1, "arrived"), (2, "located")]
    plan = statuses("The Kestrian delegation will travel to Yalikoy for the talks with Ardovia.",
                    "The Kestrian delegation will remain in Yalikoy on Friday, its head said.")
    assert not [x for x in plan if x[2] == "located"]


def test_a_working_group_of_officers_from_both_sides_and_staff_from_an_organisation_has_it_among_its_parties() -> None:
    blog = run("Talks between Soravia and Dastar began in Vallmora, officials said.",
               "A technical working group of military officers from both sides and staff from the UN humanitarian "
               "office will meet at 19:00 to compare lists of prisoners, a spokesman said.")
    groups = [m for pf in blog.posts for m in pf.meetings if m.kind == "working_group"]
    assert groups and "United Nations" in groups[-1].parties


def test_who_sits_at_the_tables_head_and_an_observer_in_the_room_are_present() -> None:
    blog = run("The talks are mediated by the Lakelands Cooperation Council (LCC), whose special envoy, Inês Carvalhosa, "
               "will chair them. Evrenia will be represented by its ambassador, Çağla Sönmezer.",
               "Talks between Vesnaria and Magravia got under way at 11:36.",
               "The delegations took their seats on either side of a long table, with Carvalhosa at its head and "
               "Sönmezer, the Evrenian observer, at one end.")
    present = {q.name for pf in blog.posts for m in pf.meetings for q in m.participants if q.basis == "present"}
    assert {"Inês Carvalhosa", "Çağla Sönmezer"} <= present


def test_guests_arriving_for_the_hosts_dinner_are_at_it_and_not_their_sides_arrival() -> None:
    blog = run("Talks between Kestria and Ardovia have begun in Yalikoy with envoy Oğuz Çelebi in the chair, led by "
               "Foreign Minister Ana Sokolova and Foreign Minister Inés Ibáñez.",
               "Çelebi will host Sokolova and Ibáñez for dinner at his villa tonight, officials said.",
               "Sokolova and Ibáñez arrived at the villa for Çelebi's dinner at 20:30 local time, officials said.")
    at_dinner = {(q.name, q.basis) for pf in blog.posts for m in pf.meetings if m.kind == "dinner" for q in m.participants}
    assert {("Ana Sokolova", "present"), ("Inés Ibáñez", "present")} <= at_dinner
    assert not [f for pf in blog.posts for f in pf.status if f.seq == 3 and f.status == "arrived"]


def test_the_sides_are_in_the_talks_again_when_a_new_day_of_them_begins() -> None:
    got = statuses(OPENING, "The first day of talks has ended, officials said.",
                   "Day two of the talks began at 10:05, the ministry said.")
    assert {(d, st) for seq, d, st in got if seq == 3} == {("kestria", "meeting"), ("ardovia", "meeting")}


def test_talks_named_first_after_the_posts_stamp_are_the_talks_on_record() -> None:
    got = schedule("Talks between Vesnaria and Magravia began at 10:04 at the Villa Aurora, the mediators said.",
                   "The plenary has broken for lunch, the mediators said.",
                   "15:06 — Talks resumed at 15:00 sharp, a spokesman said.")
    assert got[-1] == (3, "resumed")


def test_a_plan_someone_confirms_is_confirmed() -> None:
    got = schedule("Talks between Vesnaria and Magravia will open on Tuesday, the mediators said.",
                   "He confirmed that the opening plenary would start at 10:00 on Tuesday.")
    assert got[-1] == (2, "confirmed")


def test_a_trilateral_with_an_observer_is_a_meeting_of_its_own_and_the_trilateral_names_it() -> None:
    blog = run("Talks between Vesnaria and Magravia began at 10:04 at the Villa Aurora, the mediators said.",
               "Evrenia will be represented at the talks by its ambassador, the Evrenian foreign ministry said.",
               "Vesnaria, Magravia and Evrenia will hold a trilateral meeting on the lake's level at 13:00, officials said.",
               "The trilateral has begun in the villa's orangery, officials said.")
    trilateral = {m.id for pf in blog.posts for m in pf.meetings if len(m.parties) == 3}
    assert len(trilateral) == 1
    started = [f for pf in blog.posts for f in pf.schedule if f.seq == 4]
    assert [(f.subject, f.kind) for f in started] == [(next(iter(trilateral)), "started")]


def test_a_leader_ready_to_meet_another_proposes_their_meeting() -> None:
    blog = run("Vesnarian President Branimir Zorić has said he is ready to meet Magravia’s prime minister, "
               "Gergely Ormándi, anywhere on the lake.")
    got = [(f.subject, f.kind) for pf in blog.posts for f in pf.schedule]
    assert got == [("ormándi-zorić-meeting", "proposed")]


def test_the_main_talks_are_the_talks_even_beside_a_working_groups_plan() -> None:
    blog = run("Talks between Sarkhand and Lorvenia began in Port Cassian, officials said.",
               "The working group, chaired by officials, will meet at 09:00 on Saturday. The main talks resume at 11:00.")
    got = {(f.subject, f.kind) for pf in blog.posts for f in pf.schedule if f.seq == 2}
    assert got == {("sa-lo-working-group", "planned"), ("sa-lo-talks", "planned")}


def test_who_chairs_a_working_group_told_after_it_was_set_up_joins_its_parties() -> None:
    blog = run("The talks are mediated by the Commission for Humanitarian Passage (CHP), whose envoy chairs them.",
               "Talks between Sarkhand and Lorvenia began in Port Cassian, officials said.",
               "Sarkhand and Lorvenia agreed to set up a working group to compare their lists of names. "
               "The working group, chaired by the CHP, will meet at 09:00 on Saturday.")
    groups = [m for pf in blog.posts for m in pf.meetings if m.kind == "working_group"]
    assert groups and "Commission for Humanitarian Passage" in groups[-1].parties


def test_talks_that_will_not_begin_as_planned_are_delayed() -> None:
    plan = "Talks between Sarkhand and Lorvenia will open at 10:00 local time, the mediators said."
    for late in ("The talks will not begin at 10:00 as planned, the spokeswoman said.",
                 "The opening plenary will not start on time, the UN said."):
        assert schedule(plan, late)[-1] == (2, "delayed"), late


def test_leaders_who_will_speak_by_phone_plan_a_call_and_a_call_between_sides_is_not_their_talks() -> None:
    blog = run("Sarkhandi President Erkin Dauletov and Lorvenian President Halina Wróblewska have welcomed the talks.",
               "President Erkin Dauletov of Sarkhand and President Wróblewska will speak by phone this afternoon.")
    assert [(f.subject, f.kind) for pf in blog.posts for f in pf.schedule] == [("dauletov-wróblewska-call", "planned")]
    calls = run("Talks between Sarkhand and Lorvenia began in Port Cassian, officials said.",
                "The presidents of Sarkhand and Lorvenia have spoken by phone, the presidential office says.")
    got = [(f.subject, f.kind) for pf in calls.posts for f in pf.schedule if f.seq == 2]
    assert got == [("sa-lo-call", "concluded")]


@pytest.mark.parametrize("text,status", [
    ("The Sarkhandi delegation has landed in Sainte-Odile and is now being driven to Port Cassian.", "travelling"),
    ("The Sarkhandi delegation's convoy has pulled into the palace courtyard.", "arrived"),
    ("Sarkhandi President Erkin Dauletov will no longer travel to Port Cassian on Sunday.", "will_not_attend"),
    ("Sarkhandi President Erkin Dauletov intends to fly to Port Cassian on Sunday to attend the closing session.", "will_attend"),
])
def test_movements_in_other_words(text: str, status: str) -> None:
    got = statuses("Talks between Sarkhand and Lorvenia will open in Port Cassian on Friday, officials said.", text)
    assert (2, "sarkhand", status) in got


def test_talks_between_the_sides_told_as_under_way_again_are_a_further_source_that_they_sit() -> None:
    blog = run(OPENING, "The talks between Kestria and Ardovia are being held behind closed doors, officials said.")
    again = [(f.delegation, f.status, f.confirms) for pf in blog.posts for f in pf.status if f.seq == 2]
    assert sorted(again) == [("ardovia", "meeting", True), ("kestria", "meeting", True)]


def test_a_meeting_called_off_and_back_on_is_planned_again_and_sides_gone_back_into_session_resume() -> None:
    blog = run("The leaders of Kestria and Ardovia will meet in Yalikoy on Saturday, officials said.",
               "The meeting between Kestria and Ardovia has been called off, officials said.",
               "The meeting between Kestria and Ardovia is back on, officials said.")
    last = [m for pf in blog.posts for m in pf.meetings][-1]
    assert last.status == "planned"
    got = schedule(OPENING, "The talks have been suspended for lunch, officials said.",
                   "The full delegations have gone back into session, officials said.")
    assert got[-1] == (3, "resumed")


def test_a_post_that_gives_a_plan_and_then_its_time_states_one_plan_with_its_time() -> None:
    blog = run(["Kestria and Ardovia will hold talks in Yalikoy, the Anatrian foreign ministry said.",
                "The talks are due to open at 10:00 local time on Friday, the ministry said."])
    planned = [f for pf in blog.posts for f in pf.schedule if f.kind == "planned"]
    assert len(planned) == 1 and planned[0].when is not None and planned[0].when.hour == 10


def test_a_departure_from_a_capital_keeps_it_as_where_from() -> None:
    got = _left("The Russian delegation has arrived in Istanbul for the talks with Ukraine.",
                "The Russian delegation has left Istanbul for Moscow, the Kremlin said.",
                "The Ukrainian delegation left Kiev for Istanbul on Thursday evening, officials said.")
    assert (2, "Istanbul", "Moscow") in got and any(seq == 3 and origin == "Kiev" for seq, origin, _ in got)



# Names in none of the test blogs, for the rules below.
FRESH = "Talks between Veloria and Tarvonia have begun in Osmira, the Brelund foreign ministry said."


def _timed(*posts: str) -> list[tuple[int, str, str | None]]:
    return [(f.seq, f.kind, f.when.strftime("%H:%M") if f.when is not None and f.precision == "minute" else None)
            for pf in run(*posts).posts for f in pf.schedule]


def test_a_clock_told_in_words_is_read_with_the_likelier_half_of_the_day() -> None:
    # "quarter past two", "ten to five", "at nine", "at noon": news English spells clocks out; with no
    # a.m./p.m. an hour of 1-6 is the afternoon and 7-11 the morning; "at one point" is no clock
    got = _timed(FRESH, "The talks broke off for consultations, officials said.",
                 "The talks resumed at quarter past two, the ministry said.")
    assert got[-1] == (3, "resumed", "14:15")
    got = _timed(FRESH, "The talks broke off for consultations, officials said.",
                 "The talks will resume at nine, the Brelund mediator said.")
    assert got[-1][2] == "09:00"
    got = _timed(FRESH, "The talks broke off for consultations, officials said.",
                 "The talks resumed at ten to five after at one point looking doomed.")
    assert got[-1] == (3, "resumed", "16:50")
    got = _timed("The talks between Veloria and Tarvonia are due to open at noon, the ministry said.")
    assert got[-1][2] == "12:00"


def test_a_stamp_that_looks_like_a_year_is_a_clock_and_opens_the_post() -> None:
    # "UPDATE 1915 GMT — The talks have begun": 1915 is the stamp's clock, not a year of history, and
    # "UPDATE 1230 GMT — Talks resumed …" names the talks on record like a sentence's first word
    got = _timed("The Velorian and Tarvonian delegations arrived in Osmira for the talks, the ministry said.",
                 "UPDATE 1915 GMT — The talks have begun, the Brelund foreign ministry said.",
                 "UPDATE 2010 GMT — The talks were suspended for the night, officials said.",
                 "UPDATE 1230 GMT — Talks resumed at 8am local time, officials said.")
    assert [k for _, k, _ in got] == ["started", "suspended", "resumed"]


def test_talks_that_have_sat_keep_their_sides_when_another_party_gets_a_team() -> None:
    # the whole event ("the talks", never named with their sides) grows as parties get a team, until it
    # sits: a team named afterwards (a mediator's staff, a late joiner) joins it, it is not other talks
    blog = run("The Velorian and Tarvonian delegations arrived in Osmira for the talks, the ministry said.",
               "The talks have begun, the Brelund foreign ministry said.",
               "A Brelund delegation has also arrived at the venue, officials said.",
               "The talks have ended, the ministry said.")
    talks = [m for pf in blog.posts for m in pf.meetings if m.id.endswith("-talks")][-1]
    assert len(talks.parties) == 2 and not any(p.startswith("Brelund") for p in talks.parties)


def test_a_working_group_chaired_by_a_mediators_envoy_counts_the_mediator_among_its_parties() -> None:
    # "It will hold its first session at 18:00, chaired by Ilse Varga": the chair's organisation (who is
    # who from the knowledge file here) is a party of the working group, also when the sentence names
    # the group only through its session
    from tui.core.knowledge import Delegation, Person

    k = Knowledge(delegations=(Delegation("veloria", "Veloria", country="Veloria"),
                               Delegation("tarvonia", "Tarvonia", country="Tarvonia"),
                               Delegation("quillon", "Quillon Foundation", country="Quillon Foundation", negotiating=False)),
                  people=(Person("Ilse Varga", aliases=("Varga",), affiliation="Quillon Foundation"),))
    blog = extract(bf.make_blog([FRESH, "The mediators have set up a working group on prisoners. It will hold its first "
                                        "session at 18:00, chaired by Ilse Varga, with two officials from each side.",
                                 "The working group began at 18:10, officials said."]), k)
    group = [m for pf in blog.posts for m in pf.meetings if m.kind == "working_group"][-1]
    assert set(group.parties) == {"Veloria", "Tarvonia", "Quillon Foundation"}
    assert [(f.seq, f.kind) for pf in blog.posts for f in pf.schedule if f.subject == group.id] == [(2, "planned"), (3, "started")]


def test_a_session_named_by_a_word_between_article_and_noun_and_a_sit_down_are_meetings() -> None:
    # "The ministerial session opened at 10:34", "Varga reopened the plenary": a sitting named by any
    # one word ("a training session" is none); "sat down together" needs no meeting noun; "It will be
    # the first time the two sides have sat down together" is what a meeting would mean, not news of it
    got = _timed(FRESH, "The talks broke off for consultations, officials said.",
                 "The ministerial session opened at 10:34, the ministry said.")
    assert got[-1] == (3, "resumed", "10:34")
    got = _timed("Talks between Veloria and Tarvonia are due to open on Monday in Osmira, the ministry said.",
                 "The ministerial session opened at 10:34, the ministry said.")
    assert got[-1] == (2, "started", "10:34")
    got = _timed(FRESH, "The mediator, Ilse Varga, suspended the plenary at 13:00, officials said.",
                 "Varga reopened the plenary at 15:10, officials said.")
    assert got[-1] == (3, "resumed", "15:10")
    assert _timed(FRESH, "Police held a training session for stewards at 14:00, officials said.") == [(1, "started", None)]
    blog = run("Velorian Foreign Minister Anton Brisk and Tarvonian Foreign Minister Ilse Varga are in Osmira.",
               "Brisk and Varga sat down together at 15:02 in a small salon, a Velorian official said.")
    assert [(f.seq, f.kind) for pf in blog.posts for f in pf.schedule] == [(2, "started")]
    assert _timed("Talks between Veloria and Tarvonia will open in Osmira on Monday, the ministry said. It will be "
                  "the first time the two sides have sat down together since 2019.") == [(1, "planned", None)]


def _kinds_when(*posts: str) -> list[tuple[int, str, str | None, str]]:
    return [(f.seq, f.kind, f.when.strftime("%d %H:%M") if f.when is not None else None, f.precision)
            for pf in run(*posts).posts for f in pf.schedule]


def test_a_plan_told_with_its_delay_and_a_push_back_to_another_day() -> None:
    plan = "Talks between Veloria and Tarvonia are due to open at 09:00 in Osmira, the ministry said."
    # "will now open at 3pm, five hours late": the delay, with the new time
    assert _kinds_when(plan, "The talks will now open at 3pm, five hours late, the ministry said.")[-1][:3] == \
        (2, "delayed", "15 15:00")
    # the old time in an apposition is the one it had: "until the afternoon" is the new one (a part of the day)
    assert _kinds_when(plan, "The start of the talks, set for 09:00, has been delayed until the afternoon, "
                             "officials said.")[-1] == (2, "delayed", "15 15:00", "part")
    # put back to a time on another day: postponed, to that time (not the hour it was due at)
    got = _kinds_when(plan, "The session that was due to start at 18:00 has been put back to 9am tomorrow, "
                            "the mediator said.")
    assert got[-1][:3] == (2, "postponed", "16 09:00")


def test_meetings_on_the_sidelines_of_talks_that_sit() -> None:
    five = ("Delegations from Veloria, Tarvonia, Osmira, Brelund and Quillonia meet in Lundhaven today for talks "
            "on fishing rights, the host said.")
    blog = run(five, "The plenary opened at 10:05, officials said.",
               "The trilateral between Veloria, Tarvonia and Osmira began at 19:08, officials said.",
               "The trilateral between Veloria, Tarvonia and Osmira ended at 20:40, officials said.",
               "The plenary resumed at 21:00, officials said.")
    got = [(f.seq, f.subject, f.kind) for pf in blog.posts for f in pf.schedule]
    talks = got[0][1]
    # "the trilateral between A, B and C" is a meeting of its own, and naming it twice does not make it the
    # talks that "the plenary" means
    assert [(seq, kind) for seq, subject, kind in got if subject == talks] == [(2, "started"), (5, "resumed")]
    assert [(seq, kind) for seq, subject, kind in got if subject != talks] == [(3, "started"), (4, "concluded")]


def test_a_meeting_told_as_time_spent_together_or_over_a_meal_has_taken_place() -> None:
    # "Brisk spent half an hour with Varga", "Brisk and Varga met over breakfast": meetings told as past
    intro = "Velorian Foreign Minister Anton Brisk and Tarvonian Foreign Minister Ilse Varga are in Osmira."
    for text in ("Brisk spent half an hour with Varga before the plenary, a Velorian official said.",
                 "Brisk and Varga met over breakfast at their hotel, a Velorian official said."):
        got = [(f.subject, f.kind) for pf in run(intro, text).posts for f in pf.schedule if f.seq == 2]
        assert ("brisk-varga-meeting", "concluded") in got, text


def test_a_verb_in_a_clause_about_something_else_is_no_cue_for_the_meeting() -> None:
    # "… would start in the next hour, once the delegations had finished reading the draft": the end of
    # the reading, not of the meeting
    got = _kinds_when(FRESH, "The talks broke off for consultations, officials said.",
                      "A spokesman said the talks would resume at 18:00, once the delegations had finished reading "
                      "the draft.")
    assert got[-1][1] != "concluded"


def test_a_departure_to_a_place_does_not_leave_it() -> None:
    # "has departed to Osmira": the place after "to" is where it goes, never where it left (the pattern
    # held a backspace for its word boundary and matched nothing)
    got = _left(FRESH, "The Tarvonian delegation has departed to Osmira, officials said.")
    assert got and got[0][1] != "Osmira"


def test_talks_with_the_parties_listed_after_a_colon_are_theirs_and_a_named_round_is_them() -> None:
    posts = ("The king's envoy opens talks today with the three parties that could govern together: "
             "the Harbour League (HL), the Greys and the Osterland Union (OU).",
             "The first exploratory round will begin at 10:00, her spokesman said.",
             "The exploratory round began at 10:12.")
    (m,) = meetings(*posts).values()
    assert set(m.parties) == {"Harbour League", "Greys", "Osterland Union"}
    assert schedule(*posts)[-2:] == [(2, "planned"), (3, "started")]


def test_round_as_a_word_of_another_sense_is_no_meeting() -> None:
    assert meetings("The ferry runs all year round, and the minister came round to the idea.") == {}


def test_negotiators_who_sit_down_today_for_talks_are_their_sides() -> None:
    (m,) = meetings("Negotiators from Kestria and Ardovia sit down today for three days of talks in Yalikoy.").values()
    assert set(m.parties) == {"Kestria", "Ardovia"}


def test_a_telephone_call_to_a_named_counterpart_happened_with_both_present() -> None:
    ms = meetings(OPENING, "Kestrian Foreign Minister Ana Ruiz telephoned Emil Holm, her Ardovian counterpart, late on Tuesday.")
    call = next(m for m in ms.values() if m.kind == "call")
    assert call.status == "happened"
    assert {p.name for p in call.participants if p.basis == "present"} == {"Ana Ruiz", "Emil Holm"}


def test_who_represents_a_party_and_who_will_head_its_team_are_in_its_delegation() -> None:
    ms = meetings("Talks between Kestria and Ardovia will open in Yalikoy on Monday.",
                  "Ardovia will be represented by its chief negotiator, Ambassador Emil Holm. With him are Dr Ana Ruiz and "
                  "Colonel Ivo Karas.",
                  "Kestria has published the line-up of its delegation, which Foreign Minister Lena Brandt will head.")
    announced = {p.name for m in ms.values() for p in m.participants if p.basis == "announced"}
    assert {"Emil Holm", "Ana Ruiz", "Ivo Karas", "Lena Brandt"} <= announced


def test_a_named_team_then_it_is_led_by_and_the_others_listed_are_its_line_up() -> None:
    ms = meetings("Talks between Kestria and Ardovia will open in Yalikoy on Monday.",
                  "Ardovia has named a four-member team for the talks. It is led by Emil Holm, a veteran diplomat. "
                  "The others are:\n• Ana Ruiz, a legal adviser\n• Ivo Karas, head of the border commission")
    (m,) = ms.values()
    assert {p.name for p in m.participants if p.basis == "announced"} == {"Emil Holm", "Ana Ruiz", "Ivo Karas"}


def test_observers_seated_at_the_table_are_present() -> None:
    ms = meetings("Talks between Kestria and Ardovia will open in Yalikoy on Monday. Kestrian Foreign Minister Ana Ruiz "
                  "and Ardovian Foreign Minister Emil Holm will lead the delegations.",
                  "The first session has begun. // Ana Ruiz and Emil Holm face each other across the table, with the "
                  "envoys Lena Brandt and Piet Olm seated at one end as observers.")
    (m,) = ms.values()
    assert {p.name for p in m.participants if p.basis == "present"} >= {"Ana Ruiz", "Emil Holm", "Lena Brandt", "Piet Olm"}


def test_a_session_due_to_start_as_planned_is_confirmed_and_then_begins_again() -> None:
    got = schedule("Talks between Kestria and Ardovia will open in Yalikoy at 10:00 on Monday.",
                   "The talks between Kestria and Ardovia have begun.",
                   "The first day of talks has ended.",
                   "The main session is due to start at 10:00 local time as planned, the mediators say.",
                   "The second day of talks has begun.")
    assert (4, "confirmed") in got and (5, "resumed") in got
    # a start that is off is not a confirmation
    assert (2, "confirmed") not in schedule("Talks between Kestria and Ardovia will open in Yalikoy at 10:00 on Monday.",
                                            "The talks will not begin at 10:00 as planned, the mediators say.")


def test_people_named_with_their_titles_hold_a_meeting_or_speak_by_phone_with_each_other() -> None:
    opening = ("Talks between Kestria and Ardovia will open in Yalikoy on Monday. Kestrian Foreign Minister Ana Ruiz and "
               "Ardovian Foreign Minister Emil Holm will lead the delegations. President Ivo Karas of Kestria and "
               "President Lena Brandt of Ardovia back the talks.")
    ms = meetings(opening, "Ms. Ruiz and Mr. Holm will hold a bilateral meeting on the sidelines of the talks at 1 p.m.",
                  "President Karas will speak by phone with President Brandt later on Wednesday.")
    pairs = {frozenset(m.parties) for m in ms.values()}
    assert frozenset({"Ana Ruiz", "Emil Holm"}) in pairs and frozenset({"Ivo Karas", "Lena Brandt"}) in pairs


def test_delegations_welcomed_on_behalf_of_a_host_do_not_make_it_a_negotiating_party() -> None:
    from tui.core.discover.reader import Reader
    from tui.core.discover.registry import Registry

    r = Reader(Registry())
    r.read("Talks between Kestria and Ardovia have opened in Yalikoy, the capital of Anatria.", 1)
    r.read("The minister welcomed the delegations on behalf of Anatria.", 2)
    assert r.reg.parties["anatria"].negotiating is None


def test_a_post_that_says_what_local_time_is_reads_its_own_times_so() -> None:
    from datetime import timezone as tz_

    got = run("Talks between Kestria and Ardovia are scheduled to begin at 10 a.m. local time Tuesday, or 3 a.m. GMT.")
    (plan,) = [f for pf in got.posts for f in pf.schedule]
    assert plan.when.astimezone(tz_.utc).hour == 3


def test_a_day_after_the_hour_that_dates_something_else_does_not_date_the_meeting() -> None:
    got = schedule(OPENING, "The talks concluded at 15:58 with a statement on inspections from 1 January.")
    blog = run(OPENING, "The talks concluded at 15:58 with a statement on inspections from 1 January.")
    (end,) = [f for pf in blog.posts for f in pf.schedule if f.kind == "concluded"]
    assert (2, "concluded") in got and end.when.month != 1


def test_the_time_a_session_will_not_start_at_is_no_time_of_its_delay() -> None:
    blog = run("Talks between Kestria and Ardovia will open at 10:00 on Monday.",
               "The opening session will not start at 10:00 as planned, the mediators said.")
    (delay,) = [f for pf in blog.posts for f in pf.schedule if f.kind == "delayed"]
    assert delay.when is None


def test_a_plenary_planned_for_an_hour_is_planned() -> None:
    got = schedule("Negotiators from Kestria and Ardovia sit down today for talks. The mediator will chair the opening "
                   "plenary, planned for 10:00 local time.")
    assert (1, "planned") in got


def _present(blog, seq: int) -> set[tuple[str, str]]:
    return {(m.id, p.name) for pf in blog.posts for m in pf.meetings for p in m.participants
            if p.seq == seq and p.basis == "present"}


CALL_PLANNED = ("Talks between Kestria and Ardovia will open in Yalikoy on Friday. Kestrian Foreign Minister Emil Holm "
                "and Ardovian Foreign Minister Orvo Talvik will speak by phone this afternoon.")


@pytest.mark.parametrize("text", [
    "Holm and Talvik have spoken. The call lasted half an hour, the ministry said.",
    "Holm spoke by phone late on Friday with Talvik, the ministry said.",
    "Holm and Talvik spoke face to face on the palace steps, officials said.",
    "The call between Holm and Talvik lasted half an hour, the ministry said.",
])
def test_a_call_or_meeting_between_two_people_that_took_place_had_both_in_it(text: str) -> None:
    blog = run(CALL_PLANNED, text)
    people = {name for _, name in _present(blog, 2)}
    assert people == {"Emil Holm", "Orvo Talvik"}
    assert any(f.kind == "concluded" for f in blog.posts[1].schedule)


@pytest.mark.parametrize("text", [
    "The call took half an hour, the ministry said.",  # who was on it is not told again here
    "Holm has spoken.",  # one person: no call
    "Kestria and Ardovia have spoken.",  # parties, not the two people
])
def test_a_call_not_told_as_between_named_people_puts_no_one_in_it(text: str) -> None:
    blog = run(CALL_PLANNED, text)
    assert {name for _, name in _present(blog, 2)} & {"Emil Holm", "Orvo Talvik"} == set()


MEDIATED = ("Talks between Kestria and Ardovia will open in Yalikoy on Monday, mediated by Anatria. Anatrian envoy "
            "Emil Holm will chair. Kestrian President Orvo Talvik and Ardovian Prime Minister Lena Brandt welcomed them.")


def test_a_call_with_a_countrys_titled_leader_is_between_the_two_people() -> None:
    blog = run(MEDIATED, "Holm has spoken by phone with Kestria’s President Orvo Talvik about the prisoner lists.")
    assert {name for _, name in _present(blog, 2)} == {"Emil Holm", "Orvo Talvik"}


def test_a_call_someone_is_expected_to_make_is_planned_with_both_announced() -> None:
    blog = run(MEDIATED, "Tomorrow Holm is expected to speak by phone with Ardovia’s Prime Minister, Lena Brandt.")
    (plan,) = [f for f in blog.posts[1].schedule]
    assert plan.kind == "planned"
    announced = {p.name for m in blog.posts[1].meetings for p in m.participants if p.basis == "announced"}
    assert announced == {"Emil Holm", "Lena Brandt"}


def test_a_leader_named_as_president_of_a_country_speaks_for_it() -> None:
    got = statuses(MEDIATED.replace("Kestrian President Orvo Talvik", "Kestria's envoy"),
                   "President Ivo Lind of Kestria told reporters he would not go to Yalikoy for the talks.")
    assert (2, "kestria", "will_not_attend") in got


@pytest.mark.parametrize("text", [
    "The talks paused at 13:05 for prayers and will resume at 14:30, officials said.",
    "The talks paused shortly after noon for lunch and will resume at 14:30.",
])
def test_a_pause_for_a_meal_or_prayers_is_the_talks_suspended_and_no_meal(text: str) -> None:
    blog = run(OPENING, text)
    assert [f.kind for f in blog.posts[1].schedule] == ["suspended", "planned"]
    assert not [m for m in blog.posts[1].meetings if m.kind == "dinner"]


def test_talks_over_dinner_are_a_meal_meeting() -> None:
    blog = run(OPENING, "The two leaders will discuss the map over dinner at 20:00.")
    assert [m.kind for m in blog.posts[1].meetings if m.kind == "dinner"]


REPORTED_MEETING = "Varnian TV reported that Holm and Talvik had met privately on Tuesday night."


def test_a_denied_report_denies_the_meeting_it_told_of() -> None:
    blog = run(CALL_PLANNED, REPORTED_MEETING, "Ardovia has denied the Varnian TV report, a spokesman said.")
    assert [(f.subject, f.kind) for f in blog.posts[2].schedule] == [("holm-talvik-meeting", "denied")]


@pytest.mark.parametrize("posts", [
    # the meeting was not told as a report
    ("Holm and Talvik met face to face late on Tuesday.", "Ardovia has denied the Varnian TV report."),
    # the denial comes long after the report
    (REPORTED_MEETING, *["Markets were calm in Yalikoy."] * 7, "Ardovia has denied the Varnian TV report."),
])
def test_a_denial_of_some_report_denies_no_meeting_it_cannot_be_about(posts: tuple[str, ...]) -> None:
    blog = run(CALL_PLANNED, *posts)
    assert not [f for f in blog.posts[-1].schedule if f.kind == "denied"]



@pytest.mark.parametrize("text", [
    "On his way into the talks, Holm paused at the memorial to lay a wreath.",  # a man paused, not the talks
])
def test_a_pause_that_is_no_sitting_suspends_nothing(text: str) -> None:
    assert not [f for f in run(OPENING, text).posts[1].schedule if f.kind == "suspended"]


def test_voters_who_have_spoken_make_no_call() -> None:
    blog = run(CALL_PLANNED, "Voters in Kestria and Ardovia have spoken.")
    assert not blog.posts[1].schedule and _present(blog, 2) == set()


def test_a_call_to_an_outlet_about_someone_puts_them_in_no_call() -> None:
    blog = run(CALL_PLANNED, "Holm spoke by phone to Reuters about talks with Talvik, saying nothing was agreed.")
    assert "Orvo Talvik" not in {name for _, name in _present(blog, 2)}


def test_a_denial_of_reports_about_something_else_denies_no_meeting() -> None:
    blog = run(OPENING, "The talks will resume at 10:00 on Thursday, according to the UN.",
               "Kestria has denied reports that its army shelled border villages overnight.")
    assert not [f for f in blog.posts[2].schedule if f.kind == "denied"]


def test_a_correction_gives_the_corrected_time_not_the_one_it_quotes() -> None:
    blog = run("Talks between Kestria and Ardovia opened in Yalikoy on Monday. The closing session will begin at 14:00 on Thursday.",
               "Correction: an earlier post said the closing session would begin at 14:00; in fact the mediators have "
               "set it for 16:00.")
    (plan,) = blog.posts[1].schedule
    assert (plan.kind, plan.when.hour) == ("planned", 16)


def test_a_correction_that_only_quotes_the_mistake_plans_nothing() -> None:
    blog = run("Talks between Kestria and Ardovia opened in Yalikoy on Monday.",
               "Correction: an earlier post said the closing session would begin at 14:00 our time.")
    assert not blog.posts[1].schedule


def test_the_time_talks_resume_is_after_resume_not_the_time_of_the_break() -> None:
    blog = run(OPENING, "The morning session broke for lunch at 12:06 and will resume for the closing session at 15:00.")
    plans = [f.when.hour for f in blog.posts[1].schedule if f.kind == "planned"]
    assert plans == [15]
