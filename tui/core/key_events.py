"""Key events: what a post changed in the panes, in one line for the status bar.

The posts that change a pane are indexed by the timeline as it extracts them
(`TimelineView.changes()`, ascending seqs); `}` / `{` bisect that list
(tui.core.session.ReplaySession.key_event). This module says what changed,
by comparing the state before and after the post — so it reads the way the
panes do (tui.core.phrases) and names things as the blog had revealed them
by that post: no spoilers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.phrases import format_day, schedule_phrase, status_phrase

if TYPE_CHECKING:
    from tui.core.facts import Meeting, State
    from tui.core.timeline import TimelineView

NAMES_SHOWN = 3  # people named in a line before "+N"



def describe_change(timeline: TimelineView, seq: int) -> str:
    """What post `seq` changed, as clauses joined by '; ' (statuses, then the
    schedule, then meetings): 'Russian delegation arrived in Istanbul;
    Russia – Ukraine talks rescheduled to Fri 16 May 12:30'. '' when nothing
    shown changed. Extracts up to seq if needed (state_at); O((D + M) log n)."""
    if seq < 1:
        return ""
    return "; ".join(changes_between(timeline.state_at(seq - 1), timeline.state_at(seq)))


def changes_between(before: State, after: State) -> list[str]:
    """The clauses of describe_change for two consecutive states."""
    clauses: list[str] = []
    shown = {d.id: d for d in before.delegations}
    new_rows: list[str] = []
    by_phrase: dict[str, list[str]] = {}  # "meeting" -> the delegations now in it, one clause
    for d in after.delegations:
        old = shown.get(d.id)
        name = d.name or d.label or d.id
        if d.status is None:
            if old is None:
                new_rows.append(name)
            continue
        if old is None or old.status is None or _shown(old.status) != _shown(d.status):
            by_phrase.setdefault(status_phrase(d.status), []).append(name)
    clauses.extend(f"{', '.join(names)} {phrase}" for phrase, names in by_phrase.items())
    if new_rows:
        clauses.append(f"new {'delegation' if len(new_rows) == 1 else 'delegations'}: {', '.join(new_rows)}")
    verbs: dict[str, list[str]] = {}
    for fact in after.schedule[len(before.schedule):]:
        verbs.setdefault(fact.subject, []).append(schedule_phrase(fact))
    known = {m.id: m for m in before.meetings}
    names = {m.id: m.name or m.id for m in after.meetings}
    meetings = {m.id: m for m in after.meetings}
    for mid in dict.fromkeys([*verbs, *meetings]):
        meeting = meetings.get(mid)
        details: list[str] = []
        said = verbs.get(mid, [])
        if meeting is not None:
            said, details = meeting_change(known.get(mid), meeting, said)
        if said or details:
            clause = names.get(mid, mid) + (" " + ", ".join(said) if said else "")
            clauses.append(clause + (": " + " · ".join(details) if details else ""))
    return clauses


def meeting_change(old: Meeting | None, new: Meeting, said: list[str]) -> tuple[list[str], list[str]]:
    """(what happened to one meeting, what is new about it) after its schedule
    phrases `said`: first named, took place; where, when, who."""
    verbs = list(said)
    if new.status == "happened" and (old is None or old.status != "happened") and not said:
        verbs.append("took place")
    elif not verbs and old is None:
        verbs.append("first named")
    details: list[str] = []
    if new.place and new.place != (old.place if old else None):
        details.append(f"in {new.place}")
    if new.date and new.date != (old.date if old else None) and not said:
        details.append(f"on {format_day(new.date)}")
    before = set(old.participants) if old else set()
    added = [p for p in new.participants if p not in before]
    for basis in ("present", "announced", "absent"):
        people = list(dict.fromkeys(p.name for p in added if p.basis == basis))
        if people:
            details.append(f"{basis} {_names(people)}")
    return verbs, details


def _names(people: list[str]) -> str:
    shown = ", ".join(people[:NAMES_SHOWN])
    more = len(people) - NAMES_SHOWN
    return f"{shown} +{more}" if more > 0 else shown


def _shown(fact) -> tuple[str, str | None, str | None]:
    return fact.status, fact.where, fact.from_where


__all__ = ["changes_between", "describe_change", "meeting_change"]
