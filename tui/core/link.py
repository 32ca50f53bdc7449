"""A mention of a known entity in a post, as the reader links it (tui/core/discover/reader.py).

Policy (see README): a collective reference to a negotiating team ("the
Russian side", "Kiev's representatives", "the teams from Moscow, Kiev, and
Ankara") links to the delegation; a bare country or capital ("Moscow",
"Ukraine") is a place that remembers the side it names, so extraction can
read "talks between Moscow and Kiev" as the two delegations.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.facts import Mention, PostEntities


class Linked(NamedTuple):
    """A mention with what extraction needs beyond the public Mention.

    A NamedTuple, not a dataclass: a 100k-post blog creates millions of these
    and tuple construction is several times cheaper than a frozen dataclass.
    """

    start: int
    end: int
    kind: str  # person | delegation | place | outlet
    key: str
    side: str | None = None  # delegation id: a member's team, or the side a place names
    role: bool = False  # matched through a role phrase

    def mention(self) -> Mention:
        return Mention(self.start, self.end, self.kind, self.key)


def entities_from(linked: list[Linked], extra_delegations: tuple[str, ...] = (),
                  parties: tuple[str, ...] = ()) -> PostEntities:
    people: dict[str, None] = {}
    delegations: dict[str, None] = {}
    outlets: dict[str, None] = {}
    sides: dict[str, None] = {}  # parties named through a team or a place, after `parties`
    # one pass over the mentions, and Mention built inline (a post holds dozens of mentions;
    # Linked.mention() would add a call per mention to the frozen dataclass's own __init__)
    mentions = []
    append = mentions.append
    for m in linked:
        kind = m.kind
        if kind == "person":
            people[m.key] = None
        elif kind == "delegation":
            delegations[m.key] = None
            if m.side:
                sides[m.side] = None
        elif kind == "outlet":
            outlets[m.key] = None
        elif kind == "place" and m.side:
            sides[m.side] = None
        append(Mention(m.start, m.end, kind, m.key))
    for d in extra_delegations:
        delegations[d] = None
    named = dict.fromkeys(parties)
    named.update(sides)
    return PostEntities(tuple(people), tuple(delegations), tuple(outlets), tuple(mentions), tuple(named))
