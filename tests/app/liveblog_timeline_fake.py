"""A deterministic timeline with statuses, schedule changes and meetings (not a test module).

For the timeline view and key-event tests: like liveblog_fake_timeline.FakeTimeline
(which the older app tests and snapshots use, with one delegation only), but over
the ten posts of liveblog_app_fixtures.make_blog() it also has a second party
(whose name holds brackets: text is data), the talks' schedule, the talks
themselves with who was announced and present, and a call. state_at(k) uses
posts 1..k only, as the real Timeline does.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from liveblog_fake_timeline import FakeTimeline

from tui.core.facts import DelegationState, Meeting, Participant, ScheduleFact, State, StatusFact
from tui.core.knowledge import Delegation, Knowledge, Person
from tui.core.model import Blog

TZ = ZoneInfo("Europe/Istanbul")
DELEGATIONS = {"ru": ("Russian delegation", "RU", "#d94f4f"), "ua": ("Ukrainian delegation [UA]", "UA", "#e6c229")}
STATUS = [
    ("ru", 1, "announced", None, None),
    ("ru", 1, "arrived", "Istanbul", None),
    ("ua", 2, "will_attend", None, None),
    ("ua", 5, "arrived", "Ankara", None),
    ("ua", 7, "travelling", "Istanbul", None),
    ("ru", 8, "meeting", "Dolmabahce Palace", None),
    ("ua", 8, "meeting", "Dolmabahce Palace", None),
    ("ru", 9, "concluded", "Dolmabahce Palace", None),
    ("ua", 9, "concluded", "Dolmabahce Palace", None),
    ("ru", 10, "left", None, "Istanbul"),
]
SCHEDULE = [
    ScheduleFact(3, "talks", "planned", datetime(2025, 5, 15, tzinfo=TZ), False, "for Thursday", "Charlie: talks planned for Thursday."),
    ScheduleFact(6, "talks", "rescheduled", datetime(2025, 5, 16, 9, 30, tzinfo=TZ), True, "for Friday", "Foxtrot: talks rescheduled."),
    ScheduleFact(8, "talks", "started", None, False, "", "Hotel: talks begin."),
    ScheduleFact(9, "talks", "concluded", None, False, "", "India: the talks concluded."),
]
PEOPLE = [
    Participant("Vladimir Medinsky", 1, "announced"),
    Participant("Vladimir Medinsky", 8, "present"),
    Participant("Rustem Umerov", 8, "present"),
]
KNOWLEDGE = Knowledge(
    delegations=tuple(Delegation(did, name, label, color, country={"ru": "Russia", "ua": "Ukraine"}[did])
                      for did, (name, label, color) in DELEGATIONS.items()),
    people=(Person("Vladimir Medinsky", ("Medinsky",)), Person("Marco Rubio", ("Rubio",))),
)
CHANGES = [1, 2, 3, 5, 6, 7, 8, 9, 10]  # post 4 changes nothing a pane shows


class TimelineFake(FakeTimeline):
    def __init__(self, blog: Blog) -> None:
        super().__init__(blog)
        self.status = [StatusFact(seq, did, status, where, blog.posts[seq - 1].text[:40], from_where=origin)
                       for did, seq, status, where, origin in STATUS]

    def state_at(self, seq: int) -> State:
        self.calls.append(seq)
        delegations = []
        for did, (name, label, color) in DELEGATIONS.items():
            history = tuple(f for f in self.status if f.delegation == did and f.seq <= seq)
            if not history:
                continue
            delegations.append(DelegationState(did, name, label, color, history[-1], history[-1].where, history,
                                               history[-1].seq == seq))
        meetings = []
        if seq >= 1:
            meetings.append(Meeting("talks", "Russia – Ukraine talks", "bilateral", None,
                                    "Dolmabahce Palace" if seq >= 8 else None, "happened" if seq >= 8 else "planned",
                                    tuple(p for p in PEOPLE if p.seq <= seq), tuple(s for s in CHANGES if s <= seq),
                                    ("Russia", "Ukraine")))
        if seq >= 7:
            meetings.append(Meeting("call", "Marco Rubio – Vladimir Medinsky call", "call", None, None, "happened",
                                    (Participant("Marco Rubio", 7, "present"), Participant("Vladimir Medinsky", 7, "present")),
                                    (7,), ("Marco Rubio", "Vladimir Medinsky")))
        return State(seq=seq, delegations=tuple(delegations), schedule=tuple(f for f in SCHEDULE if f.seq <= seq),
                     meetings=tuple(meetings), summary_revealed=seq >= len(self.blog.posts) > 0)

    def facts_of(self, seq: int) -> list:
        return [f for f in self.status if f.seq == seq] + [f for f in SCHEDULE if f.seq == seq]

    def knowledge_at(self, seq: int) -> Knowledge:
        return KNOWLEDGE

    def changes(self) -> list[int]:
        return list(CHANGES)
