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


# A Mention built without the frozen dataclass's __init__ (which sets each field through
# object.__setattr__, about twice the cost): the slots are written by their descriptors, giving
# the same object. A post holds dozens of mentions, built afresh for every post.
_new_object = object.__new__
_set_start, _set_end, _set_kind, _set_key = (Mention.start.__set__, Mention.end.__set__,
                                             Mention.kind.__set__, Mention.key.__set__)


def _mention(start: int, end: int, kind: str, key: str) -> Mention:
    m = _new_object(Mention)
    _set_start(m, start)
    _set_end(m, end)
    _set_kind(m, kind)
    _set_key(m, key)
    return m


def entities_from(linked: list[Linked], extra_delegations: tuple[str, ...] = (),
                  parties: tuple[str, ...] = ()) -> PostEntities:
    people: dict[str, None] = {}
    delegations: dict[str, None] = {}
    outlets: dict[str, None] = {}
    sides: dict[str, None] = {}  # parties named through a team or a place, after `parties`
    # one pass over the mentions, each Mention built by _mention (a post holds dozens of mentions)
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
        append(_mention(m.start, m.end, kind, m.key))
    for d in extra_delegations:
        delegations[d] = None
    named = dict.fromkeys(parties)
    named.update(sides)
    return PostEntities(tuple(people), tuple(delegations), tuple(outlets), tuple(mentions), tuple(named))
