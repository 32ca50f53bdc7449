"""The state the side panes show at each replay position, precomputed once.

Timeline.build runs extraction once over the whole blog (oldest first; every
rule sees only earlier posts, so the state at k never depends on later
posts).  Queries bisect sorted change lists: state_at is O(D + M) * O(log n)
for D delegations and M meetings, independent of the blog's length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict

from tui.core.extract import Extraction, extract
from tui.core.facts import DelegationState, Meeting, PostEntities, ScheduleFact, State, StatusFact
from tui.core.knowledge import Knowledge
from tui.core.link import Linker
from tui.core.model import Blog
from tui.core.seqview import PrefixView

_CACHE = 64


class Timeline:
    def __init__(self, blog: Blog, knowledge: Knowledge, extraction: Extraction) -> None:
        self.blog = blog
        self.knowledge = knowledge
        self.extraction = extraction
        self.n = len(blog.posts)
        self.summary_revealed_at = self.n
        self._posts = extraction.posts  # index seq-1
        # delegation id -> (sorted seqs, facts) ; only negotiating delegations get a row
        self._deleg: dict[str, tuple[list[int], list[StatusFact]]] = {}
        for d in knowledge.delegations:
            if d.negotiating:
                self._deleg[d.id] = ([], [])
        self._schedule: list[ScheduleFact] = []
        self._schedule_seqs: list[int] = []
        self._meet: dict[str, tuple[list[int], list[Meeting]]] = {}
        self._meet_order: list[str] = []
        for pf in extraction.posts:
            for f in sorted(pf.status, key=lambda f: f.origin != "rule"):
                row = self._deleg.get(f.delegation)
                if row is None:
                    if knowledge.delegation(f.delegation) is None:
                        row = self._deleg[f.delegation] = ([], [])
                    else:
                        continue
                row[0].append(pf.seq)
                row[1].append(f)
            for f in pf.schedule:
                self._schedule.append(f)
                self._schedule_seqs.append(pf.seq)
            for m in pf.meetings:
                if m.id not in self._meet:
                    self._meet[m.id] = ([], [])
                    self._meet_order.append(m.id)
                self._meet[m.id][0].append(pf.seq)
                self._meet[m.id][1].append(m)
        self._first_seen = {mid: self._meet[mid][0][0] for mid in self._meet_order}
        self._cache: OrderedDict[int, State] = OrderedDict()

    @classmethod
    def build(cls, blog: Blog, knowledge: Knowledge | None = None, *, linker: Linker | None = None) -> "Timeline":
        knowledge = knowledge or Knowledge()
        return cls(blog, knowledge, extract(blog, knowledge, linker))

    # ------------------------------------------------------------ queries
    def state_at(self, seq: int) -> State:
        """Everything the panes show after post seq (0 = before the first post)."""
        seq = max(0, min(int(seq), self.n))
        hit = self._cache.get(seq)
        if hit is not None:
            self._cache.move_to_end(seq)
            return hit
        state = self._compute(seq)
        self._cache[seq] = state
        if len(self._cache) > _CACHE:
            self._cache.popitem(last=False)
        return state

    def _compute(self, seq: int) -> State:
        k = self.knowledge
        delegations = []
        for did, (seqs, facts) in self._deleg.items():
            i = bisect_right(seqs, seq)
            d = k.delegation(did)
            last = facts[i - 1] if i else None
            where = None
            for j in range(i - 1, max(-1, i - 50), -1):  # latest fact that says where
                if facts[j].where:
                    where = facts[j].where
                    break
            delegations.append(DelegationState(
                id=did, name=d.name if d else did, label=d.label if d else did, color=d.color if d else "",
                status=last, where=where, history=PrefixView(facts, i), changed=bool(i and seqs[i - 1] == seq and seq > 0),
            ))
        si = bisect_right(self._schedule_seqs, seq)
        meetings = []
        for mid in self._meet_order:
            if self._first_seen[mid] > seq:
                continue
            seqs, snaps = self._meet[mid]
            i = bisect_right(seqs, seq)
            if i:
                meetings.append(snaps[i - 1])
        return State(seq=seq, delegations=tuple(delegations), schedule=PrefixView(self._schedule, si),
                     meetings=tuple(meetings), summary_revealed=(seq == self.n and self.n > 0))

    def entities(self, seq: int) -> PostEntities:
        if 1 <= seq <= self.n:
            return self._posts[seq - 1].entities
        return PostEntities()

    def facts_of(self, seq: int) -> list:
        """Status and schedule facts whose source is post seq, and meetings it changed."""
        if not 1 <= seq <= self.n:
            return []
        pf = self._posts[seq - 1]
        return [*pf.status, *pf.schedule, *pf.meetings]

    def all_meetings(self) -> list[Meeting]:
        """Every meeting as of the end of the blog."""
        return [self._meet[mid][1][-1] for mid in self._meet_order]

    def all_status(self) -> dict[str, list[StatusFact]]:
        return {did: list(facts) for did, (_, facts) in self._deleg.items()}
