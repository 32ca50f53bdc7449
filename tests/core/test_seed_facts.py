"""Facts a careful reader confirms in the bundled blog, each tied to its evidence."""

from __future__ import annotations

import pytest

from tui.core.knowledge import load_knowledge
from tui.core.load import load_blog
from tui.core.timeline import Timeline

BLOG = load_blog()
TL = Timeline.build(BLOG, load_knowledge())
END = TL.state_at(len(BLOG.posts))
STATUS = {d.id: list(d.history) for d in END.delegations}
MEETINGS = {m.id: m for m in END.meetings}


def status_fact(deleg: str, status: str, evidence: str):
    hits = [f for f in STATUS[deleg] if f.status == status and evidence in f.evidence]
    assert hits, f"{deleg} {status} with evidence {evidence!r} not found"
    f = hits[0]
    assert evidence in BLOG.posts[f.seq - 1].text  # the cited post holds the evidence
    return f


@pytest.mark.parametrize("deleg, status, where, evidence", [
    ("russia", "announced", None, "signed an executive order nominating senior Russian officials"),
    ("russia", "arrived", "Istanbul", "wrote on Telegram that the Russian delegation has arrived in Istanbul"),
    ("russia", "waiting", "Istanbul", "it is waiting in Istanbul"),
    ("russia", "left", None, "has left the Russian consulate"),
    ("russia", "located", "Dolmabahce Palace", "The Russian delegation are in the Dolmabahce Palace"),
    ("russia", "arrived", "Dolmabahce Palace", "has arrived at Dolmabahce Palace in Istanbul for direct talks"),
    ("russia", "meeting", "Dolmabahce Palace, Istanbul", "Talks between the Russian, Ukrainian, and Turkish delegations have started"),
    ("russia", "concluded", "Dolmabahce Palace, Istanbul", "have concluded at Dolmabahce Palace in Istanbul after less than two hours"),
    ("russia", "left", "Moscow", "has just left Istanbul for Moscow"),
    ("ukraine", "located", "Ankara", "likely to remain in Ankara"),
    ("ukraine", "will_attend", "Istanbul", "has decided to send a delegation"),
    ("ukraine", "left", "Istanbul", "has departed from Ankara for Istanbul"),
    ("ukraine", "will_attend", "Istanbul", "will arrive in Istanbul late on Thursday"),
    ("ukraine", "announced", None, "office has announced the delegation"),
    ("ukraine", "arrived", "Dolmabahce Palace", "The Ukrainian, Turkish, and US delegations have arrived"),
    ("united_states", "will_attend", "Istanbul", "Witkoff has confirmed he will travel to Istanbul on Friday"),
    ("united_states", "arrived", "Istanbul", "Marco Rubio has landed in Istanbul"),
    ("united_states", "meeting", "Dolmabahce Palace, Istanbul", "Ukrainian, Turkish, and US delegations have started"),
    ("united_states", "concluded", "Dolmabahce Palace, Istanbul", "Ukrainian, Turkish, and US delegations have concluded"),
    ("turkiye", "meeting", "Dolmabahce Palace, Istanbul", "A meeting between Turkish Foreign Minister Hakan Fidan and the Russian delegation has begun"),
])
def test_status_facts(deleg: str, status: str, where: str | None, evidence: str) -> None:
    assert status_fact(deleg, status, evidence).where == where


def test_negatives_on_the_seed() -> None:
    # a planned trip is not an arrival; the refuted TRT report is not a start; Putin never sat in the talks
    assert not [f for f in STATUS["ukraine"] if f.status == "arrived" and "will arrive" in f.evidence]
    assert not [f for f in END.schedule if f.kind == "started" and "TRT Haber" in f.evidence]
    assert all(p.name != "Vladimir Putin" or p.basis == "absent" for p in MEETINGS["ru-ua-talks"].participants)


def test_a_leaders_absence_counts_for_the_side() -> None:
    assert [f for f in STATUS["russia"] if f.status == "will_not_attend" and "Putin will not attend" in f.evidence]


def test_talks_schedule_changes_in_order_from_first_plan_to_conclusion() -> None:
    talks = [f for f in END.schedule if f.subject == "ru-ua-talks" and not f.confirms]
    kinds = [f.kind for f in talks]
    assert kinds.index("planned") < kinds.index("rescheduled") < kinds.index("started") < kinds.index("concluded")
    # the first plan: 14 May posts place the talks on Thursday ("travel to Istanbul on Thursday for the Ukraine talks")
    first_timed = next(f for f in talks if f.when is not None)
    assert first_timed.kind == "planned" and first_timed.when.date().isoformat() == "2025-05-15"
    assert "on Thursday for the Ukraine talks" in first_timed.evidence and first_timed.seq < 15
    ten = next(f for f in talks if "scheduled to begin in Istanbul at 10am" in f.evidence)
    assert ten.kind == "planned" and ten.when.isoformat() == "2025-05-15T10:00:00+03:00"
    second_half = next(f for f in talks if "second half of the day" in f.evidence)
    assert second_half.kind == "rescheduled" and second_half.when_estimated
    friday = next(f for f in talks if "will start on Friday" in f.evidence)
    assert friday.kind == "rescheduled" and friday.when.date().isoformat() == "2025-05-16"
    # "10 a.m. on Friday" (Medinsky), then "12:30pm Moscow time": the hour moved; the second source for 12:30 adds nothing
    final_plan = next(f for f in talks if "scheduled to begin at 12:30pm Moscow time" in f.evidence)
    assert final_plan.kind == "rescheduled" and final_plan.when.isoformat() == "2025-05-16T12:30:00+03:00"
    assert [f for f in talks if f.when is not None and f.when.isoformat() == "2025-05-16T12:30:00+03:00"] == [final_plan]
    # "possibly tonight, probably tomorrow" is a guess: recorded with the likelier day, not a reschedule
    guess = next(f for f in talks if "probably tomorrow" in f.evidence)
    assert (guess.kind, guess.raw) == ("planned", "tomorrow")
    # the refuted TRT report is recorded as a denial
    assert any(f.kind == "denied" and "the report is inaccurate" in f.evidence for f in talks)
    assert talks[-1].kind == "concluded" and "less than two hours" in talks[-1].evidence


def test_the_direct_talks_meeting() -> None:
    m = MEETINGS["ru-ua-talks"]
    assert (m.status, m.place, m.date.isoformat()) == ("happened", "Dolmabahce Palace, Istanbul", "2025-05-16")
    present = {p.name: p for p in m.participants if p.basis == "present"}
    announced = {p.name: p for p in m.participants if p.basis == "announced"}
    assert {"Russian delegation", "Ukrainian delegation", "Turkish delegation", "Hakan Fidan", "Rustem Umerov"} <= set(present)
    assert "In his remarks at the start of the meeting" in present["Hakan Fidan"].evidence
    assert {"Mikhail Galuzin", "Aleksandr Fomin", "Igor Kostyukov", "Aleksandr Poklad", "Sergiy Kyslytsya"} <= set(announced)
    assert "Fomin" in announced["Aleksandr Fomin"].evidence


def test_the_us_ukraine_turkiye_meeting() -> None:
    m = MEETINGS["ua-us-talks"]
    assert m.status == "happened" and m.kind == "trilateral"
    present = {p.name for p in m.participants if p.basis == "present"}
    assert {"Marco Rubio", "Keith Kellogg", "Thomas Barrack", "Andrey Yermak", "Andrey Sibiga", "Hakan Fidan", "Ibrahim Kalin"} <= present
    plan = next(f for f in END.schedule if f.subject == "ua-us-talks" and f.when is not None)
    assert plan.when.isoformat() == "2025-05-16T10:45:00+03:00" and "will hold a meeting at 10:45am" in plan.evidence


def test_other_meetings_and_calls() -> None:
    assert MEETINGS["erdogan-zelensky-meeting"].place == "Ankara"
    assert MEETINGS["erdogan-zelensky-meeting"].status == "happened"
    assert MEETINGS["lula-putin-call"].kind == "call"
    prep = MEETINGS["putin-meeting"]
    assert prep.kind == "preparatory" and prep.date.isoformat() == "2025-05-14"
    assert {"Sergey Lavrov", "Sergey Shoigu", "Vladimir Medinsky"} <= {p.name for p in prep.participants if p.basis == "present"}
    denied = next(f for f in END.schedule if f.subject == "putin-trump-meeting")
    assert denied.kind == "denied" and "No preparations are currently underway" in denied.evidence
    assert MEETINGS["ru-tr-talks"].status == "happened"


def test_people_in_posts() -> None:
    seqs = [p.seq for p in BLOG.posts if "Kostya Prydybalo" in p.text]
    assert "Konstantin Pridybaylo" in TL.entities(seqs[0]).people
    seq = next(p.seq for p in BLOG.posts if "Putin’s aide, Vladimir Medinsky" in p.text)
    assert {"Vladimir Putin", "Vladimir Medinsky"} <= set(TL.entities(seq).people)
    seq = next(p.seq for p in BLOG.posts if "Moscow's negotiators are" in p.text)
    assert "russia" in TL.entities(seq).delegations
