"""Facts extracted from posts, and the state the side panes show at a replay position.

Every fact carries the seq of the post it came from and its evidence sentence
(verbatim). `origin` is "rule" or "correction" (data/*.knowledge.toml [corrections]).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Delegation status vocabulary, in the order a delegation usually goes through it.
STATUSES = (
    "announced",  # line-up named / announced
    "will_attend",  # the side (or its leader) will take part
    "will_not_attend",  # the side (or its leader) will not take part
    "undecided",  # whether / who will attend is open or not yet revealed
    "travelling",  # on its way
    "arrived",
    "located",  # where it is now (at the venue), no other change
    "waiting",
    "meeting",  # in talks: a meeting it is part of has started
    "walked_out",  # left a meeting under way
    "returned",  # back at the table / back at the venue
    "concluded",  # a meeting it is part of has ended
    "left",  # departed: `from_where` and `where` (destination) kept apart
)

SCHEDULE_KINDS = (
    "proposed",  # suggested, not agreed ("could meet", "offered to host")
    "planned",  # a time or a plan is given
    "confirmed",  # a plan stated again as certain ("will go ahead")
    "rescheduled",  # a new time replaces the plan
    "postponed",  # put off, no new time or a later one
    "delayed",  # running late
    "cancelled",
    "denied",  # a report about the meeting denied ("the report is inaccurate")
    "started",
    "suspended",  # paused while under way
    "resumed",
    "concluded",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of post.text that names a known entity (for highlighting and filters)."""

    start: int
    end: int
    kind: str  # person | delegation | outlet | place
    key: str  # canonical name or delegation id


@dataclass(frozen=True, slots=True)
class PostEntities:
    people: tuple[str, ...] = ()  # person keys (canonical names)
    delegations: tuple[str, ...] = ()  # delegation ids named as teams or meeting parties
    outlets: tuple[str, ...] = ()  # outlet names
    mentions: tuple[Mention, ...] = ()
    parties: tuple[str, ...] = ()  # party ids named in any form (country, capital, demonym, team)


@dataclass(frozen=True, slots=True)
class StatusFact:
    seq: int
    delegation: str  # delegation id
    status: str  # one of STATUSES
    where: str | None  # where it is (for "left": the destination), None when the text does not say
    evidence: str
    origin: str = "rule"
    from_where: str | None = None  # for "left": the place it left ("left Ankara for Istanbul")
    confirms: bool = False  # the same status again from a later source: a further source, not a change
    person: str = ""  # a leader's or an envoy's own attendance or movement that counts for the side ("Putin will not attend")
    recap: bool = False  # told again in a summary, dated to an earlier day ("walked out on Monday"): a source, not news


@dataclass(frozen=True, slots=True)
class ScheduleFact:
    seq: int
    subject: str  # meeting id the statement is about
    kind: str  # one of SCHEDULE_KINDS
    when: datetime | None  # normalised, tz-aware; None when the text gives no time
    when_estimated: bool  # True when derived from a relative phrase or an estimated post time
    raw: str  # the phrase as written ("at 12:30pm Moscow time", "on Friday")
    evidence: str
    origin: str = "rule"
    precision: str = ""  # minute | hour | part | day | none: what the text supports ("" = read from raw)
    confirms: bool = False  # the same plan or news again from a later source: a further source, not a change


PARTICIPANT_BASES = ("present", "announced", "absent")


@dataclass(frozen=True, slots=True)
class Participant:
    name: str  # canonical person name (or delegation display name when kind == "delegation")
    seq: int
    basis: str  # one of PARTICIPANT_BASES: present | announced (named beforehand) | absent (announced, then not there)
    evidence: str = ""
    kind: str = "person"  # person | delegation
    confirms: bool = False  # the same participation told again by a later post: a further source, not a change


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    name: str
    kind: str  # bilateral | trilateral | preparatory | call | other
    date: date | None
    place: str | None
    status: str  # planned | happened | cancelled
    participants: tuple[Participant, ...]
    seqs: tuple[int, ...]  # posts that mention it, ascending
    parties: tuple[str, ...] = ()  # who it is between: delegation names, or people's names for their meeting


@dataclass(frozen=True, slots=True)
class DelegationState:
    id: str
    name: str
    label: str
    color: str
    status: StatusFact | None  # latest status as of the position
    where: str | None  # latest known location
    history: tuple[StatusFact, ...]  # oldest first, confirmations included
    changed: bool  # True when a fact of this post changed it (a confirmation does not)
    confirmed_by: tuple[int, ...] = ()  # posts that reported the current status again, oldest first


@dataclass(frozen=True, slots=True)
class State:
    """Everything the panes show as of post `seq` (0 = before the first post)."""

    seq: int
    delegations: tuple[DelegationState, ...] = ()
    schedule: tuple[ScheduleFact, ...] = ()  # every schedule fact so far, oldest first
    meetings: tuple[Meeting, ...] = ()
    summary_revealed: bool = False
    extra: dict = field(default_factory=dict)

    def current_plan(self, subject: str) -> ScheduleFact | None:
        """The latest schedule fact for one meeting, or None."""
        for fact in reversed(self.schedule):
            if fact.subject == subject:
                return fact
        return None
