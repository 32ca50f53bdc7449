"""How facts read in words: status phrases, schedule words, times with `~` for estimates.

Plain Python shared by the panes, the post screen, the timeline view and the
key-event notices, so a fact reads the same everywhere. Pure functions of the
facts handed over; nothing here looks at posts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from tui.core.facts import Participant, ScheduleFact, StatusFact

# How a schedule change takes its time: "planned for Fri 16 May", "rescheduled to 12:30".
_FOR = frozenset({"proposed", "planned", "confirmed"})
_TO = frozenset({"rescheduled", "postponed", "delayed"})


def format_when(when: datetime | None, estimated: bool) -> str:
    """'Fri 16 May 10:00', prefixed '~' when estimated; '' when unknown.

    A midnight time is shown as a date only: phrases like "on Friday" carry no
    time of day, and inventing 00:00 would be dishonest.
    """
    if when is None:
        return ""
    text = f"{when:%a} {when.day} {when:%b}"
    if (when.hour, when.minute) != (0, 0):
        text += f" {when:%H:%M}"
    return ("~" if estimated else "") + text


def format_day(day: date | None) -> str:
    return f"{day:%a} {day.day} {day:%b}" if day is not None else ""


def humanize(word: str) -> str:
    return word.replace("_", " ")


# How a schedule kind reads on its own in a pane ("▶ denied" would read as "talks denied").
SCHEDULE_WORDS = {"denied": "report denied", "proposed": "proposed", "planned": "planned", "confirmed": "confirmed",
                  "rescheduled": "rescheduled", "postponed": "postponed", "delayed": "delayed",
                  "cancelled": "cancelled", "started": "started", "suspended": "suspended", "resumed": "resumed",
                  "concluded": "concluded"}

def schedule_phrase(fact: ScheduleFact) -> str:
    """'rescheduled to ~Fri 16 May 12:30', 'planned for Thu 15 May', 'started'."""
    text = schedule_word(fact.kind)
    when = format_when(fact.when, fact.when_estimated)
    if when and fact.kind in _FOR:
        text += f" for {when}"
    elif when and fact.kind in _TO:
        text += f" to {when}"
    elif when:
        text += f" ({when})"
    return text


# How a delegation's status reads on its own, as a sentence's predicate ("Varnia: in talks");
# the statuses a place completes are spelt out in status_phrase.
STATUS_WORDS = {
    "announced": "line-up announced", "will_attend": "will attend", "will_not_attend": "will not attend",
    "undecided": "undecided", "travelling": "travelling", "arrived": "arrived", "located": "location reported",
    "waiting": "waiting", "meeting": "in talks", "walked_out": "walked out", "returned": "back in the talks",
    "concluded": "talks concluded", "left": "left",
}

# Statuses that put a delegation somewhere: its place comes only from these facts.
PLACED = frozenset({"arrived", "located", "waiting", "meeting", "walked_out", "returned", "concluded"})


def schedule_word(kind: str) -> str:
    return SCHEDULE_WORDS.get(kind, humanize(kind))


def status_phrase(fact: StatusFact) -> str:
    """A status as a reader says it: 'left Ankara for Istanbul', 'arrived in Istanbul',
    'travelling to Geneva', 'will attend' (a plan names no place)."""
    where, origin = fact.where, fact.from_where
    status = fact.status
    if status == "left":
        if origin and where:
            return f"left {origin} for {where}"
        if origin:
            return f"left {origin}"
        return f"left for {where}" if where else "left"
    if status == "travelling":
        return f"travelling to {where}" if where else "travelling"
    if status in ("arrived", "located", "waiting"):
        word = {"arrived": "arrived in", "located": "in", "waiting": "waiting in"}[status]
        return f"{word} {where}" if where else STATUS_WORDS[status]
    return STATUS_WORDS.get(status, humanize(status))


def place_from_facts(history: Iterable[StatusFact]) -> tuple[str | None, int | None]:
    """(where the delegation was last reported to be, that fact's seq) — only
    facts that put it there count; after it left, None until it is placed again."""
    for fact in reversed(tuple(history)):
        if fact.status in PLACED and fact.where:
            return fact.where, fact.seq
        if fact.status in ("left", "travelling"):
            return None, None
    return None, None



def split_participants(participants: Iterable[Participant]) -> tuple[list[Participant], list[Participant]]:
    """(present, announced only), one entry per name; present wins, first source kept.
    Someone announced and then reported absent is in neither."""
    present: dict[str, Participant] = {}
    announced: dict[str, Participant] = {}
    absent: set[str] = set()
    for p in participants:
        if p.basis == "present":
            present.setdefault(p.name, p)
        elif p.basis == "absent":
            absent.add(p.name)
        else:
            announced.setdefault(p.name, p)
    return list(present.values()), [p for name, p in announced.items() if name not in present and name not in absent]


def absent_participants(participants: Iterable[Participant]) -> list[Participant]:
    """Announced, then reported not there (and not present after all)."""
    present = {p.name for p in participants if p.basis == "present"}
    seen: dict[str, Participant] = {}
    for p in participants:
        if p.basis == "absent" and p.name not in present:
            seen.setdefault(p.name, p)
    return list(seen.values())

