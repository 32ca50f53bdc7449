"""A deterministic stand-in for tui.core.timeline.Timeline (not a test module).

The app tests check the app's wiring (which state reaches the panes, which
spans get highlighted), not extraction quality, so they use this: delegation
"ru" is announced at post 1, arrives at post 3 and leaves at post 10; every
"Medinsky" is a person mention. It counts state_at calls. It implements
tui.core.timeline.TimelineView, the protocol the app is typed against.
"""

from __future__ import annotations

from tui.core.facts import DelegationState, Mention, PostEntities, State, StatusFact
from tui.core.knowledge import Delegation, Knowledge, Person
from tui.core.model import Blog

EVENTS = {1: "announced", 3: "arrived", 10: "left"}
KNOWLEDGE = Knowledge(delegations=(Delegation("ru", "Russia", "RU"),), people=(Person("Vladimir Medinsky", ("Medinsky",)),))


class FakeTimeline:
    def __init__(self, blog: Blog) -> None:
        self.blog = blog
        self.calls: list[int] = []
        self.summary_revealed_at = len(blog.posts)
        self._facts = {
            seq: StatusFact(seq, "ru", status, "Istanbul", blog.posts[seq - 1].text[:40])
            for seq, status in EVENTS.items()
            if seq <= len(blog.posts)
        }

    def state_at(self, seq: int) -> State:
        self.calls.append(seq)
        history = tuple(f for s, f in sorted(self._facts.items()) if s <= seq)
        delegation = DelegationState(
            id="ru",
            name="Russia",
            label="RU",
            color="red",
            status=history[-1] if history else None,
            where=history[-1].where if history else None,
            history=history,
            changed=seq in self._facts,
        )
        n = len(self.blog.posts)
        return State(seq=seq, delegations=(delegation,), summary_revealed=seq >= n > 0)

    def entities(self, seq: int) -> PostEntities:
        text = self.blog.posts[seq - 1].text
        mentions = []
        start = text.find("Medinsky")
        while start != -1:
            mentions.append(Mention(start, start + 8, "person", "Vladimir Medinsky"))
            start = text.find("Medinsky", start + 8)
        people = ("Vladimir Medinsky",) if mentions else ()
        outlets = ("TASS",) if "TASS" in text else ()
        return PostEntities(people=people, delegations=(), outlets=outlets, mentions=tuple(mentions))

    def facts_of(self, seq: int) -> list:
        return [self._facts[seq]] if seq in self._facts else []

    # The incremental API the app uses (Timeline.start/extend): everything is ready.
    @property
    def n(self) -> int:
        return len(self.blog.posts)

    @property
    def ready_upto(self) -> int:
        return len(self.blog.posts)

    @property
    def complete(self) -> bool:
        return True

    def extend(self, upto: int | None = None, *, limit: int | None = None) -> int:
        return self.ready_upto

    def try_state_at(self, seq: int) -> State:
        return self.state_at(seq)

    def knowledge_at(self, seq: int) -> Knowledge:
        return KNOWLEDGE

    def changes(self) -> list[int]:
        return sorted(self._facts)  # every post with a fact changes the delegations pane
