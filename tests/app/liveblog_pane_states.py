"""Small hand-built States for the pane / screen tests (not a test module)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tui.core.facts import DelegationState, Meeting, Participant, ScheduleFact, State, StatusFact

TZ = timezone(timedelta(hours=3))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 5, day, hour, minute, tzinfo=TZ)


RU_ANNOUNCED = StatusFact(12, "ru", "announced", None, "Putin named the delegation.")
RU_ARRIVED = StatusFact(37, "ru", "arrived", "Istanbul", "The Russian delegation has arrived [US] in Istanbul.")
UA_TRAVEL = StatusFact(40, "ua", "travelling", "Ankara", "Evidence with [/] inside")

PLAN_THU = ScheduleFact(20, "talks", "planned", at(15, 10), False, "at 10am Moscow time", "scheduled to begin at 10am")
PLAN_FRI = ScheduleFact(45, "talks", "rescheduled", at(16, 0), True, "on Friday", "talks were rescheduled for Friday")
CALL = ScheduleFact(50, "call", "proposed", None, False, "", "Putin may have a call [bold]tonight")

MEDINSKY_PRESENT = Participant("Vladimir Medinsky", 60, "present", "Medinsky led the talks")
GALUZIN_ANNOUNCED = Participant("Mikhail Galuzin", 12, "announced", "the delegation will include")
TRICKY_NAME = Participant("[bold]X", 14, "announced", "evidence [/] here")
UMEROV_BOTH = (
    Participant("Rustem Umerov", 30, "announced"),
    Participant("Rustem Umerov", 61, "present"),
)

TALKS = Meeting(
    id="talks",
    name="Istanbul talks",
    kind="bilateral",
    date=date(2025, 5, 16),
    place="Dolmabahce Palace",
    status="happened",
    participants=(GALUZIN_ANNOUNCED, MEDINSKY_PRESENT, TRICKY_NAME, *UMEROV_BOTH),
    seqs=(12, 20, 45, 61),
)
CALL_MEETING = Meeting(
    id="call",
    name="Putin call",
    kind="call",
    date=None,
    place=None,
    status="planned",
    participants=(Participant("Vladimir Medinsky", 70, "announced"),),
    seqs=(50, 70),
)


def delegation(did: str, label: str, status: StatusFact | None, *, changed: bool = False, color: str = "red") -> DelegationState:
    return DelegationState(
        id=did,
        name={"ru": "Russia", "ua": "Ukraine"}.get(did, did),
        label=label,
        color=color,
        status=status,
        where=status.where if status else None,
        history=(status,) if status else (),
        changed=changed,
    )


EMPTY = State(seq=0)
EARLY = State(
    seq=37,
    delegations=(delegation("ru", "RU", RU_ARRIVED, changed=True), delegation("ua", "UA", None, color="not-a-color")),
    schedule=(PLAN_THU,),
)
LATER = State(
    seq=70,
    delegations=(delegation("ru", "RU", RU_ARRIVED), delegation("ua", "[bold]UA", UA_TRAVEL, changed=True, color="#3366ff")),
    schedule=(PLAN_THU, PLAN_FRI, CALL),
    meetings=(TALKS, CALL_MEETING),
)
