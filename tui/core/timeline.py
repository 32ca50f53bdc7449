"""The state the side panes show at each replay position, precomputed once.

Extraction runs over the blog oldest first; every rule sees only earlier
posts, so the state at k never depends on later posts.  Queries bisect sorted
change lists: state_at is O(D + M) * O(log n) for D delegations and M
meetings, independent of the blog's length.

Two ways to get a Timeline:
  Timeline.build(blog, knowledge)   everything at once (CLI, export);
  Timeline.start(blog, knowledge)   nothing yet; .extend(upto) extracts the
      next posts in order, cheaply per call, so an app can show its first
      posts at once and extract ahead of the playhead from a worker thread.
      .ready_upto says how far it got.  Asking for a position beyond it
      (state_at, entities, facts_of) extends on demand, in the caller's
      thread; a UI that must never block checks .ready_upto first, or calls
      try_state_at, which returns None instead of extracting.
Both give identical results for every position (tested).

Threads: extend() may run in one worker thread while another thread queries
positions <= ready_upto.  Index lists only grow by appending; the few dict
mutations and the state cache are guarded by a lock held for microseconds.
The blog's post list may itself grow (progressive loading, tui.core.progressive):
extend() extracts only posts that exist; `complete` tells the timeline when
the blog is fully loaded, which is when the summary may be revealed.
"""

from __future__ import annotations

import gc
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

from tui.core.extract import Extractor, PostFacts
from tui.core.facts import DelegationState, Meeting, PostEntities, ScheduleFact, State, StatusFact
from tui.core.knowledge import Knowledge
from tui.core.model import Blog
from tui.core.seqview import PrefixView

_CACHE = 64


class TimelineView(Protocol):
    """What the app (and exports) may ask of a timeline; Timeline implements it.

    Positions are post seqs: 0 = before the first post, n = after the last.
    Nothing returned for position k depends on posts after k.
    """

    blog: Blog

    @property
    def n(self) -> int: ...  # posts in the blog so far (grows while a blog loads)

    @property
    def ready_upto(self) -> int: ...  # posts 1..ready_upto are extracted: queries up to it never block

    @property
    def complete(self) -> bool: ...  # fully loaded and every post extracted

    def extend(self, upto: int | None = None, *, limit: int | None = None) -> int: ...

    def state_at(self, seq: int) -> State: ...  # may extract (block) up to seq

    def try_state_at(self, seq: int) -> State | None: ...  # None instead of extracting

    def entities(self, seq: int) -> PostEntities: ...  # who and what post seq names

    def facts_of(self, seq: int) -> list: ...  # StatusFact | ScheduleFact | Meeting whose source is post seq

    def knowledge_at(self, seq: int) -> Knowledge: ...  # people, delegations, outlets known after post seq

    def changes(self) -> Sequence[int]: ...  # extracted posts that change a pane, ascending (key events)


_FREEZE_EVERY = 2000


def _always() -> bool:
    return True


class Timeline:
    def __init__(
        self,
        blog: Blog,
        knowledge: Knowledge,
        *,
        ner: object | None = None,
        complete: Callable[[], bool] = _always,
    ) -> None:
        """An empty timeline that extracts on extend() (see Timeline.start)."""
        self.blog = blog
        self.knowledge = knowledge
        self._complete = complete
        self._lock = threading.Lock()  # guards index dicts and the state cache
        self._extend_lock = threading.RLock()  # one extractor at a time
        self._extractor = Extractor(blog, knowledge, ner)
        self.registry = self._extractor.registry
        self.extraction = self._extractor.extraction
        self._posts: list[PostFacts] = []  # index seq-1; only published posts
        # delegation id -> (sorted seqs, facts); a row exists from the post that gave the
        # party a team, named a party the knowledge file lists, or gave it its first status fact
        self._deleg: dict[str, tuple[list[int], list[StatusFact]]] = {}
        self._row_since: dict[str, int] = {}
        # delegation id -> latest known place up to each of its facts (parallel to the facts)
        self._wheres: dict[str, list[str | None]] = {}
        # delegation id -> index of the current status fact once each fact is known (parallel to the facts)
        self._current: dict[str, list[int]] = {}
        self._snapshots: OrderedDict[int, Knowledge] = OrderedDict()
        self._schedule: list[ScheduleFact] = []
        self._schedule_seqs: list[int] = []
        self._meet: dict[str, tuple[list[int], list[Meeting]]] = {}
        self._meet_order: list[str] = []
        self._first_seen: dict[str, int] = {}
        self._cache: OrderedDict[int, State] = OrderedDict()
        self._changes: list[int] = []  # posts that change a pane, ascending (see changes())
        self._ready = 0

    @classmethod
    def build(cls, blog: Blog, knowledge: Knowledge | None = None, *, ner: object | None = None) -> "Timeline":
        """Extract the whole blog now."""
        tl = cls.start(blog, knowledge, ner=ner)
        tl.extend()
        return tl

    @classmethod
    def start(
        cls,
        blog: Blog,
        knowledge: Knowledge | None = None,
        *,
        ner: object | None = None,
        complete: Callable[[], bool] = _always,
    ) -> "Timeline":
        """An empty timeline that extracts on extend(). `complete()` says whether
        blog.posts is final (False while a progressive load is still adding posts)."""
        return cls(blog, knowledge or Knowledge(), ner=ner, complete=complete)

    # ------------------------------------------------------------ incremental
    @property
    def n(self) -> int:
        """Posts in the blog (so far, while it is still loading)."""
        return len(self.blog.posts)

    @property
    def summary_revealed_at(self) -> int:
        return self.n

    @property
    def ready_upto(self) -> int:
        """Posts 1..ready_upto are extracted: queries up to here never extract."""
        return self._ready

    @property
    def complete(self) -> bool:
        """The blog is fully loaded and every post extracted."""
        return self._complete() and self._ready >= self.n

    def extend(self, upto: int | None = None, *, limit: int | None = None) -> int:
        """Extract posts ready_upto+1 .. min(upto, n) (all when upto is None),
        at most `limit` of them; returns the new ready_upto. Cheap to call
        repeatedly: a worker can loop `while not tl.complete: tl.extend(limit=500)`."""
        with self._extend_lock:
            posts = self.blog.posts
            stop = len(posts) if upto is None else min(int(upto), len(posts))
            if limit is not None:
                stop = min(stop, self._ready + max(0, int(limit)))
            feed = self._extractor.feed
            for i in range(self._ready, stop):
                self._publish(feed(posts[i]))
                if (i + 1) % _FREEZE_EVERY == 0:
                    # What extraction keeps lives as long as the timeline: move it out of
                    # the cyclic collector's sight so its full collections stop rescanning
                    # it (refcounting still frees anything dropped). ~12% of extraction
                    # time at 30k posts went to those rescans.
                    gc.freeze()
            return self._ready

    def _row(self, did: str, seq: int) -> tuple[list[int], list[StatusFact]]:
        row = self._deleg.get(did)
        if row is None:
            row = self._deleg[did] = ([], [])
            self._row_since[did] = seq
        return row

    def _publish(self, pf: PostFacts) -> None:
        """Add one extracted post to the indexes; ready_upto moves last."""
        seq = pf.seq
        with self._lock:
            changes = bool(pf.schedule)  # every schedule fact is a new line in the schedule pane
            named = pf.entities.delegations  # named as a team, or as a side of a meeting
            for rec in self.registry.parties.values():
                # (a party the knowledge file lists as negotiating has a row from the first post
                # that names its team or a meeting it is a side of: before that, a row would tell
                # who is coming; a city of the country, "in Istanbul", is not the country's team)
                if rec.negotiating == seq or (rec.negotiating == 0 and rec.id in named):
                    changes = changes or rec.id not in self._deleg  # a new row in the delegations pane
                    self._row(rec.id, seq)
            for f in sorted(pf.status, key=lambda f: f.origin != "rule"):
                row = self._row(f.delegation, seq)
                # a further source of what the pane shows already is no change
                changes = changes or not row[1] or _shown(row[1][-1]) != _shown(f)
                row[0].append(seq)
                row[1].append(f)
                wheres = self._wheres.setdefault(f.delegation, [])
                wheres.append(f.where or (wheres[-1] if wheres else None))
                # index of the fact that is the current status once this one is known:
                # a confirmation keeps the one it confirms
                current = self._current.setdefault(f.delegation, [])
                current.append(current[-1] if f.confirms and current else len(row[1]) - 1)
            for f in pf.schedule:
                self._schedule.append(f)
                self._schedule_seqs.append(seq)
            for m in pf.meetings:
                if m.id not in self._meet:
                    self._meet[m.id] = ([], [])
                    self._first_seen[m.id] = seq
                    self._meet_order.append(m.id)
                    changes = True
                else:  # a mere mention is no change; who, when, where or whether it happened is
                    before = self._meet[m.id][1][-1]
                    changes = changes or _meeting_key(before) != _meeting_key(m)
                self._meet[m.id][0].append(seq)
                self._meet[m.id][1].append(m)
            if changes:
                self._changes.append(seq)
            self._posts.append(pf)
            self._ready = seq

    def _ensure(self, seq: int) -> None:
        if seq > self._ready:
            self.extend(seq)

    # ------------------------------------------------------------ queries
    def state_at(self, seq: int) -> State:
        """Everything the panes show after post seq (0 = before the first post).

        Extracts up to seq first when seq > ready_upto (blocking the caller)."""
        seq = max(0, min(int(seq), self.n))
        self._ensure(seq)
        return self._state(seq)

    def try_state_at(self, seq: int) -> State | None:
        """state_at(seq) if post seq is already extracted, else None (never extracts)."""
        seq = max(0, min(int(seq), self.n))
        if seq > self._ready:
            return None
        return self._state(seq)

    def _state(self, seq: int) -> State:
        with self._lock:
            # complete() first: it only turns True once every post is in, so n is final then.
            final = self._complete() and seq == self.n
            hit = self._cache.get(seq)
            if hit is not None and hit.summary_revealed == (final and seq > 0):
                self._cache.move_to_end(seq)
                return hit
            state = self._compute(seq, final)
            self._cache[seq] = state
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
            return state

    def _compute(self, seq: int, final: bool) -> State:
        k = self._knowledge_at(seq)
        delegations = []
        for did, (seqs, facts) in self._deleg.items():
            if self._row_since[did] > seq:
                continue  # the party had no team and no status yet at seq
            i = bisect_right(seqs, seq)
            d = k.delegation(did)
            cur = self._current[did][i - 1] if i else -1
            last = facts[cur] if i else None
            where = self._wheres[did][i - 1] if i else None
            changed = bool(i and seq > 0 and facts[cur].seq == seq)  # a post that only confirmed it changed nothing
            delegations.append(DelegationState(
                id=did, name=d.name if d else did, label=d.label if d else did, color=d.color if d else "",
                status=last, where=where, history=PrefixView(facts, i), changed=changed,
                confirmed_by=tuple(f.seq for f in facts[cur + 1:i]) if i else (),
            ))
        si = bisect_right(self._schedule_seqs, seq)
        meetings = []
        for mid in self._meet_order:
            if self._first_seen[mid] > seq:
                continue
            m = self._meeting_snapshot(mid, seq)
            if m is not None:
                meetings.append(m)
        return State(seq=seq, delegations=tuple(delegations), schedule=PrefixView(self._schedule, si),
                     meetings=tuple(meetings), summary_revealed=(final and seq > 0))

    def entities(self, seq: int) -> PostEntities:
        if 1 <= seq <= self.n:
            self._ensure(seq)
            return self._posts[seq - 1].entities
        return PostEntities()

    def facts_of(self, seq: int) -> list:
        """Status and schedule facts whose source is post seq, and meetings it changed."""
        if not 1 <= seq <= self.n:
            return []
        self._ensure(seq)
        pf = self._posts[seq - 1]
        return [*pf.status, *pf.schedule, *pf.meetings]

    def again_of(self, seq: int) -> list:
        """(meeting id, Participant) pairs post seq told again: further sources of an
        attendance already on record (the panes show the first source; export lists all)."""
        if not 1 <= seq <= self.n:
            return []
        self._ensure(seq)
        return list(self._posts[seq - 1].again)

    def knowledge_at(self, seq: int) -> Knowledge:
        """What is known of people, delegations, places and outlets after post seq
        (from the knowledge file and posts 1..seq; extracts up to seq first)."""
        seq = max(0, min(int(seq), self.n))
        self._ensure(seq)
        with self._lock:
            return self._knowledge_at(seq)

    def _knowledge_at(self, seq: int) -> Knowledge:
        # Keyed by the registry's log position, not by seq: long stretches of posts
        # teach nothing new and share one snapshot (a step or seek then rebuilds none).
        key = self.registry.log_position(seq)
        hit = self._snapshots.get(key)
        if hit is None:
            hit = self.registry.knowledge_at(seq)
            if seq <= self._ready:  # complete: nothing about posts <= seq can still be learnt
                self._snapshots[key] = hit
                if len(self._snapshots) > _CACHE:
                    self._snapshots.popitem(last=False)
        else:
            self._snapshots.move_to_end(key)
        return hit

    def changes(self) -> Sequence[int]:
        """Seqs of the extracted posts that change a pane, ascending: a post with a
        status that differs from what its delegation showed (a repeat of the same
        status and place is a further source, not a change), a schedule fact, a
        meeting first named or whose participants, date, place or status changed,
        or a party given a team (a new row). Grows as extraction proceeds; the
        view returned is fixed (later posts do not appear in it). Bisect it for
        the next or previous key event: O(log n)."""
        return PrefixView(self._changes)

    def meeting_at(self, meeting_id: str, seq: int) -> Meeting | None:
        """Meeting `meeting_id` as posts 1..seq told it (its parties, participants, date),
        None when no post up to seq named it. Extracts up to seq first; O(log n)."""
        seq = max(0, min(int(seq), self.n))
        self._ensure(seq)
        with self._lock:
            return self._meeting_snapshot(meeting_id, seq)

    def _meeting_snapshot(self, meeting_id: str, seq: int) -> Meeting | None:
        # (the caller holds the lock, and has extracted up to seq)
        seqs, snaps = self._meet.get(meeting_id, ((), ()))
        i = bisect_right(seqs, seq)
        return snaps[i - 1] if i else None

    def all_meetings(self) -> list[Meeting]:
        """Every meeting as of the end of the blog (extracts the rest first)."""
        self.extend()
        with self._lock:
            return [self._meet[mid][1][-1] for mid in self._meet_order]


def _shown(fact: StatusFact) -> tuple[str, str | None, str | None]:
    """What the delegations pane shows of a status fact (its phrase depends on these)."""
    return fact.status, fact.where, fact.from_where


def _meeting_key(meeting: Meeting) -> tuple:
    """What the meetings pane shows of a meeting, but the posts that mention it."""
    return meeting.status, meeting.date, meeting.place, meeting.participants
