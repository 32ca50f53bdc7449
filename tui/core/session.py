"""The replay as plain state: playhead, jumps, loading, filter and search.

A `ReplaySession` is what a replay front end asks and tells; it holds no UI.
The Textual app turns keys into calls here and renders what comes back, and
tests drive it directly (no Pilot). Every method runs on one thread (the UI's);
the slow work it asks for (parsing the rest of a big blog, extracting facts,
filtering, searching) runs elsewhere and reports back through `posts_loaded`,
`facts_extracted`, `filter_done` and `search_done`, each tagged so that a late
answer to an old question is dropped.

Loading is invisible to the user:

* a jump aims at the whole blog. `e`, `0`-`9`, `]`, a post number or a time
  beyond the posts parsed so far becomes the *pending* target, shown in the
  status bar ("→ the end · loading 34%"), and the playhead lands on it as soon
  as its post is parsed; any other move cancels it;
* playing at any speed runs through the whole blog: reaching the last parsed
  post while more are coming waits for them instead of stopping;
* filter and search results cover every post parsed (and, for person:,
  delegation: and outlet: terms, extracted) so far, and are recomputed as
  more arrive (`filter_stale`, `search_range`);
* Enter in the search bar always acts on the text typed: the jump to the
  first match is remembered until the search result for that text arrives.

No spoilers: counts and matches are cut at the playhead; the names the filter
understands come from `timeline.knowledge_at(playhead)`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from tui.core.clock import DEFAULT_IDLE_CAP, PlaybackClock
from tui.core.density import Density
from tui.core.model import Blog, Post
from tui.core.query import Aliases, PostIndex, Query

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.bookmarks import BookmarkStore, Placed
    from tui.core.facts import State
    from tui.core.follow import Change
    from tui.core.knowledge import Knowledge
    from tui.core.progressive import ProgressiveLoad
    from tui.core.search import SearchPattern, SearchResult
    from tui.core.timeline import TimelineView

# The idle-cap ladder (`i` moves up it, wrapping): real seconds at most between
# two posts in speed mode; None = every gap takes gap / speed (no cap).
IDLE_CAPS: tuple[float | None, ...] = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, None)


def format_speed(speed: float, pace: float | None = None) -> str:
    """'60×', '1,000,000,000×', '0.5×'; in pace mode '1 post/2s'. Plain numbers, never 1e+09."""
    if pace is not None:
        return f"1 post/{_number(pace)}s"
    return f"{_number(speed)}×"


def format_idle_cap(cap: float | None) -> str:
    """'idle ≤2s' (the longest real wait between two posts), 'idle: real gaps' without a cap."""
    return "idle: real gaps" if cap is None else f"idle ≤{_number(cap)}s"


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- jump targets
@dataclass(frozen=True, slots=True)
class Target:
    """Where a jump aims, over the whole blog (possibly not parsed yet)."""

    kind: str  # "seq" | "end" | "fraction" | "day" | "time"
    seq: int = 0
    fraction: float = 0.0
    day: date | None = None
    when: datetime | None = None

    @classmethod
    def post(cls, seq: int) -> "Target":
        return cls("seq", seq=seq)

    @classmethod
    def end(cls) -> "Target":
        return cls("end")

    @classmethod
    def percent(cls, percent: float) -> "Target":
        return cls("fraction", fraction=min(max(percent / 100, 0.0), 1.0))

    @classmethod
    def first_of(cls, day: date) -> "Target":
        return cls("day", day=day)

    @classmethod
    def moment(cls, when: datetime) -> "Target":
        return cls("time", when=when)

    @property
    def label(self) -> str:
        """How the status bar names it while it waits for its post."""
        if self.kind == "end":
            return "the end"
        if self.kind == "fraction":
            return f"{round(self.fraction * 100)}%"
        if self.kind == "day" and self.day is not None:
            return f"{self.day:%a} {self.day.day} {self.day:%b}"
        if self.kind == "time" and self.when is not None:
            return f"{self.when:%a} {self.when.day} {self.when:%b %H:%M}"
        return f"#{self.seq}"


# ---------------------------------------------------------------- what the screen shows
@dataclass(frozen=True, slots=True)
class PlayerStatus:
    """One line of status: everything the player bar shows."""

    playing: bool  # the clock runs (or waits for posts still loading)
    position: int  # k: posts 1..k are revealed
    total: int  # posts parsed so far
    sim_time: datetime | None
    estimated: bool  # the clock shows an estimated time (~)
    speed: float
    pace: float | None
    idle_cap: float | None
    fraction: float  # playhead along the time span, 0..1
    filtered: str = ""  # "12 shown" while a filter is on
    note: str = ""  # loading / indexing / a jump waiting for its post
    more_coming: bool = False  # the blog is still being parsed: total will grow


@dataclass(frozen=True, slots=True)
class MatchJump:
    """Where `n`/`N` went: the post, "match 3/7" among the matches shown, and whether it wrapped."""

    seq: int
    rank: int
    count: int
    wrapped: bool

    @property
    def text(self) -> str:
        return f"match {self.rank}/{self.count}" + (" · wrapped" if self.wrapped else "")


@dataclass(slots=True)
class FilterState:
    query: Query = Query()
    seqs: list[int] | None = None  # sorted, None = no filter
    term_seqs: list[list[int]] | None = None  # per term, sorted
    upto: int = 0  # the posts the result covers: 1..upto
    generation: int = 0


@dataclass(slots=True)
class SearchState:
    text: str = ""  # as typed
    pattern: SearchPattern | None = None
    error: str = ""  # why the typed text is not a search (shown once, in the search bar)
    result: SearchResult | None = None
    generation: int = 0
    pending_jumps: list[bool] = field(default_factory=list)  # Enter / n (True) and N (False) typed before the result


class ReplaySession:
    """Playhead, loading, filter and search of one replay (see the module docstring).

    `blog.posts` may still grow (a `ProgressiveLoad` appends to it from a
    worker); the session takes new posts into account in `posts_loaded`.
    """

    def __init__(
        self,
        blog: Blog,
        *,
        load: ProgressiveLoad | None = None,
        timeline: TimelineView | None = None,
        speed: float | None = None,
        pace: float | None = None,
        idle_cap: float | None = DEFAULT_IDLE_CAP,
        start_at: int | Target | None = None,
        paused: bool = False,
        bookmarks_dir: Path | str | None = None,
    ) -> None:
        """`bookmarks_dir`: where the bookmark store lives (default: tui.core.bookmarks.data_dir())."""
        self.blog = blog
        self._load = load if load is not None and not load.done else None
        posts = blog.posts
        self.loaded = len(posts)  # posts the clock, density and index know
        kwargs: dict = {"position": 1, "idle_cap": idle_cap}
        if speed is not None:
            kwargs["speed"] = speed
        if pace is not None:
            kwargs["pace"] = pace
        times = [p.time for p in posts]
        self.clock = PlaybackClock(times, days=[p.day for p in posts], **kwargs)
        self.density = Density(times)
        self.index = PostIndex(posts[: self.loaded])
        self.timeline: TimelineView | None = timeline
        if timeline is not None:
            self.index.set_entities(timeline.entities, timeline.ready_upto)
        self.pending: Target | None = None
        self.pending_steps = 0  # steps typed after a pending jump ("e ," at start-up): made from where it lands
        self.play_through = False  # reached the last parsed post while playing: go on when more arrive
        self.start_playing = not paused and bool(posts)
        self.filter = FilterState()
        self.search = SearchState()
        self._aliases: tuple[object, Aliases] | None = None
        self.follow_note = ""  # "following", or why the followed file could not be read (status bar)
        self._bookmarks_dir = bookmarks_dir
        self._bookmarks: BookmarkStore | None = None
        if start_at is not None:
            self.jump(start_at if isinstance(start_at, Target) else Target.post(start_at), 0.0)

    # ------------------------------------------------------------ loading
    @property
    def loading(self) -> bool:
        """Posts are still being parsed, or parsed but not yet taken in by posts_loaded
        (the loader finishes in its own thread: until then the session's view of the
        blog — clock, density, jump targets — is not the whole blog)."""
        return self._load is not None

    @property
    def load_progress(self) -> float:
        return 1.0 if self._load is None else self._load.progress

    @property
    def load(self) -> ProgressiveLoad | None:
        return self._load

    @property
    def complete(self) -> bool:
        """Every post parsed and extracted."""
        return not self.loading and self.timeline is not None and self.timeline.complete

    def posts_loaded(self, now: float) -> bool:
        """More posts were parsed (blog.posts grew): extend the clock and the
        density, land a pending jump, go on playing. Returns whether the
        playhead moved. The index is extended by the loader (see extend_index)."""
        posts = self.blog.posts
        done = self._load is not None and self._load.done  # read before n: then n is final
        n = len(posts)
        before = self.clock.position
        if n > self.loaded:
            new = posts[self.loaded : n]
            times = [p.time for p in new]
            self.clock.extend(times, [p.day for p in new])
            self.density.extend(times)
            self.loaded = n
        self.index.catch_up(posts, n)  # what the loader did not index yet (tests, small blogs)
        if done:
            self._load = None
        if self.pending is not None:
            seq = self._resolve(self.pending)
            if seq is not None:
                self.pending = None
                self.clock.seek(seq, now)
                if self.pending_steps:
                    self.clock.step(self.pending_steps, now)
                    self.pending_steps = 0
        if self.play_through and not self.clock.at_end:
            self.play_through = False
            self.clock.play(now)
        elif self.play_through and not self.loading:
            self.play_through = False  # the real end
        return self.clock.position != before

    # ------------------------------------------------------------ facts
    def set_timeline(self, timeline: TimelineView) -> None:
        self.timeline = timeline
        self.facts_extracted()

    def facts_extracted(self) -> None:
        """The timeline extracted more posts: the filter's entity terms may use them."""
        tl = self.timeline
        if tl is not None:
            self.index.set_entities(tl.entities, min(tl.ready_upto, self.loaded))

    def state(self) -> State | None:
        """What the panes show at the playhead; None while those posts are not extracted yet."""
        tl = self.timeline
        return None if tl is None else tl.try_state_at(self.clock.position)

    def knowledge(self) -> Knowledge | None:
        """Who and what the blog has revealed up to the playhead (None before extraction)."""
        tl = self.timeline
        k = self.clock.position
        if tl is None or k > tl.ready_upto:
            return None
        return tl.knowledge_at(k)

    def aliases(self) -> Aliases:
        """The names filter terms may use, from the knowledge at the playhead."""
        knowledge = self.knowledge()
        if knowledge is None:
            return {}
        if self._aliases is None or self._aliases[0] is not knowledge:
            self._aliases = (knowledge, aliases_of(knowledge))
        return self._aliases[1]

    # ------------------------------------------------------------ playing
    def tick(self, now: float) -> bool:
        """The playback timer: reveal what is due. Returns whether the playhead moved."""
        clock = self.clock
        if not clock.playing:
            return False
        before = clock.position
        clock.tick(now)
        if not clock.playing and clock.at_end and self.loading:
            self.play_through = True  # more posts are coming: wait for them, do not stop
        return clock.position != before

    @property
    def playing(self) -> bool:
        return self.clock.playing or self.play_through

    def toggle_play(self, now: float) -> None:
        self.pending = None
        if self.play_through:
            self.play_through = False
            return
        clock = self.clock
        if clock.at_end and not clock.playing:
            if self.loading:
                self.play_through = True
                return
            clock.restart(now)
        clock.toggle(now)

    def step(self, delta: int, now: float) -> None:
        if self.pending is not None:
            # "e ," or "5 . ." typed while the blog loads: the steps wait for the jump to land
            self.pending_steps += delta
            return
        self.clock.step(delta, now)

    def faster(self, now: float) -> str:
        self.clock.faster(now)
        return self.speed_text()

    def slower(self, now: float) -> str:
        self.clock.slower(now)
        return self.speed_text()

    def toggle_pace(self, now: float) -> str:
        self.clock.set_pace(None if self.clock.pace is not None else 2.0, now)
        return self.speed_text()

    def next_idle_cap(self, now: float) -> str:
        """Next rung of IDLE_CAPS (wrapping); returns the notice to flash."""
        cap = self.clock.idle_cap
        higher = [i for i, c in enumerate(IDLE_CAPS) if c is None or (cap is not None and c > cap + 1e-9)]
        nxt = IDLE_CAPS[higher[0]] if cap is not None and higher else IDLE_CAPS[0]
        self.clock.set_idle_cap(nxt, now)
        return format_idle_cap(nxt)

    def speed_text(self) -> str:
        clock = self.clock
        if clock.pace is not None:
            return f"pace {format_speed(clock.speed, clock.pace)}"
        return f"speed {format_speed(clock.speed)}"

    def restart(self, now: float) -> None:
        self.pending = None
        self.play_through = False
        self.clock.restart(now)

    # ------------------------------------------------------------ jumps
    def jump(self, target: Target, now: float) -> str:
        """Aim at `target`; land now if its post is parsed, else when it is.
        Returns a notice for the status bar ("" when it landed)."""
        self.play_through = False
        seq = self._resolve(target)
        if seq is None:
            self.pending, self.pending_steps = target, 0
            return f"→ {target.label} when loaded"
        self.pending = None
        self.clock.seek(seq, now)
        if target.kind == "seq" and target.seq > self.clock.total and not self.loading:
            return f"the blog has {self.clock.total} posts"
        return self._outside(target)

    def _outside(self, target: Target) -> str:
        """What to say when a day or a moment asked for lies outside the blog's posts (the jump
        lands on its first or last post): silence would pass the nearest post off as the answer."""
        posts = self.blog.posts
        if self.loading or not posts or target.kind not in ("day", "time"):
            return ""
        first, last = posts[0], posts[-1]
        if target.kind == "day" and target.day is not None:
            if target.day > last.day:
                return f"no posts after {last.day:%a} {last.day.day} {last.day:%b}: at the last post"
            if target.day < first.day:
                return f"no posts before {first.day:%a} {first.day.day} {first.day:%b}: at the first post"
        if target.kind == "time" and target.when is not None:
            if target.when > last.time and target.when.date() > last.day:
                return f"no posts after {last.day:%a} {last.day.day} {last.day:%b}: at the last post"
            if target.when < first.time:
                return f"no posts before {first.time:%a} {first.time.day} {first.time:%b %H:%M}: at the first post"
        return ""

    def next_day_target(self) -> Target:
        """`]`: the first post of the next day of the blog (its days are known
        before its posts are parsed); on the last day, the end."""
        days = self.blog.days
        k = self.clock.position
        if k == 0:
            return Target.post(1)
        current = self.blog.posts[k - 1].day
        i = bisect_right(days, current)
        return Target.first_of(days[i]) if i < len(days) else Target.end()

    def key_event(self, forward: bool, now: float) -> str:
        """`}` / `{`: move the playhead to the next (previous) post that changes a
        pane — a status, a schedule change, a meeting (TimelineView.changes(),
        bisected: O(log n)). Returns what the status bar says: what changed
        ("#57: Russian delegation in Dolmabahce Palace; …"), or why it did not
        move. Never lands beyond the posts extracted: while facts are still
        being extracted past the playhead it says "facts still loading" instead."""
        from tui.core.key_events import describe_change

        tl = self.timeline
        k = self.clock.position
        ready = 0 if tl is None else min(tl.ready_upto, self.clock.total)
        still_loading = tl is None or self.loading or ready < tl.n or not tl.complete
        loading_note = f"facts still loading (extracted up to #{ready})"
        changes = () if tl is None else tl.changes()
        if forward:
            i = bisect_right(changes, k)
            if i >= len(changes) or changes[i] > ready:
                return loading_note if still_loading else "no later key event"
        else:
            if tl is None or k > ready:
                return loading_note  # an event between the last extracted post and the playhead is unknown yet
            i = bisect_left(changes, k) - 1
            if i < 0:
                return "no earlier key event"
        seq = changes[i]
        self.jump(Target.post(seq), now)
        return f"#{seq}: {describe_change(tl, seq) or 'the panes changed'}"

    def prev_day(self, now: float) -> None:
        self.pending = None
        self.clock.prev_day(now)

    def _resolve(self, target: Target) -> int | None:
        """The position a target lands on, or None while its post is not parsed yet."""
        clock = self.clock
        loading = self.loading
        n = clock.total
        if target.kind == "end":
            return None if loading else n
        if target.kind == "fraction":
            if loading:  # the time span ends at the last post of the whole blog
                return None
            if not n:
                return 0
            first, last = self.blog.posts[0].time.timestamp(), self.blog.posts[n - 1].time.timestamp()
            when = datetime.fromtimestamp(first + (last - first) * target.fraction, timezone.utc)
            return clock.index_at_time(when)
        if target.kind == "seq":
            if target.seq <= n:
                return max(0, target.seq)
            return None if loading else n
        if target.kind == "day" and target.day is not None:
            first = clock.first_of_day(target.day)
            if first is not None:
                return first
            if loading and (not n or self.blog.posts[n - 1].day < target.day):
                return None
            # no post on that day: the first post after it, else the end
            later = [d for d in clock.days if d > target.day]
            return clock.first_of_day(later[0]) if later else n
        if target.kind == "time" and target.when is not None:
            if loading and (not n or self.blog.posts[n - 1].time <= target.when):
                return None
            return clock.index_at_time(target.when)
        return None

    # ------------------------------------------------------------ following a file
    def follow_append(self, change: Change, now: float) -> int:
        """A followed file grew (tui.core.follow, kind "appended" or "same"): hold
        `change.posts` — the posts held, with their new line numbers, then the new
        posts — and the new read's days, summary and warnings. The blog object and
        its timeline stay (the timeline extracts the new posts when extended). At the
        live edge (the playhead on the last post) the new posts are revealed at once;
        a replay behind it reaches them in time. Returns how many posts were added."""
        blog = self.blog
        posts = blog.posts
        old = len(posts)
        live = self.clock.position == old and not self.loading
        new_posts = change.posts
        for i in range(min(old, len(new_posts))):
            if new_posts[i] is not posts[i]:
                posts[i] = new_posts[i]  # the same post, at other lines of the file
        posts.extend(new_posts[old:])
        fresh = change.blog
        if fresh is not None:
            blog.days = sorted({*fresh.days, *(p.day for p in new_posts[old:])})
            blog.summary, blog.warnings, blog.year_notes = fresh.summary, fresh.warnings, fresh.year_notes
        self.posts_loaded(now)
        if live and len(posts) > old:
            self.pending = None
            self.clock.seek(len(posts), now)
        return len(posts) - old

    def follow_reload(self, blog: Blog, timeline: TimelineView | None, position: int, now: float) -> None:
        """A followed file was rewritten: replay `blog` instead, at `position` (see
        tui.core.follow.relocate), with its own (not yet extracted) timeline. Speed,
        pace, idle cap and play state are kept; the filter and the search keep their
        text and are computed again (filter_stale, search_range)."""
        old = self.clock
        posts = blog.posts
        times = [p.time for p in posts]
        self.blog = blog
        self._load = None
        self.loaded = len(posts)
        self.clock = PlaybackClock(times, days=[p.day for p in posts], speed=old.speed, pace=old.pace,
                                   idle_cap=old.idle_cap, position=max(0, min(position, len(posts))))
        if old.playing and not self.clock.at_end:
            self.clock.play(now)
        self.density = Density(times)
        self.index = PostIndex(posts)
        self.timeline = None
        if timeline is not None:
            self.set_timeline(timeline)
        self.pending = None
        self.play_through = False
        self._aliases = None
        f = self.filter
        f.generation += 1
        f.seqs = f.term_seqs = None
        f.upto = 0
        s = self.search
        s.generation += 1
        s.result = None
        s.pending_jumps = []

    # ------------------------------------------------------------ filter
    def set_filter(self, query: Query) -> bool:
        """A new filter query; returns whether a worker must compute it (False: cleared)."""
        f = self.filter
        f.generation += 1
        f.query = query
        if query.is_empty:
            f.seqs = f.term_seqs = None
            f.upto = 0
            return False
        return True

    def filter_bounds(self) -> int:
        """The posts a filter computation should cover now: 1..bounds."""
        f = self.filter
        entity_terms = any(t.kind in ("person", "delegation", "outlet") for t in f.query.terms)
        return min(self.loaded, self.index.entities_upto) if entity_terms and self.loading else self.loaded

    def filter_done(self, generation: int, seqs: Sequence[int], term_seqs: Sequence[Sequence[int]], upto: int) -> bool:
        """A worker's answer; False (ignored) when the query changed since."""
        f = self.filter
        if generation != f.generation or f.query.is_empty:
            return False
        f.seqs, f.term_seqs, f.upto = list(seqs), [list(s) for s in term_seqs], upto
        return True

    @property
    def filter_stale(self) -> bool:
        """More posts (or more extracted ones) than the last filter result covered."""
        f = self.filter
        if f.query.is_empty:
            return False
        entity_terms = any(t.kind in ("person", "delegation", "outlet") for t in f.query.terms)
        return f.seqs is None or f.upto < self.loaded or (entity_terms and f.upto < self.index.entities_upto)

    def filter_counts(self) -> tuple[int, list[int]] | None:
        """(posts the filter shows, each term's count), cut at the playhead; None without a filter."""
        f = self.filter
        if f.seqs is None:
            return None
        k = self.clock.position
        return bisect_right(f.seqs, k), [bisect_right(s, k) for s in (f.term_seqs or [])]

    # ------------------------------------------------------------ search
    def set_search(self, text: str) -> bool:
        """The search text changed; returns whether a worker must run it."""
        from tui.core.search import REGEX_PREFIX, SearchError, compile_search

        s = self.search
        s.generation += 1
        s.text = text
        s.result = None
        s.pending_jumps = []
        if not text or text == REGEX_PREFIX:  # nothing typed yet (or only "re:")
            s.pattern, s.error = None, ""
            return False
        try:
            s.pattern, s.error = compile_search(text), ""
        except SearchError as error:
            s.pattern, s.error = None, str(error)
            return False
        return True

    def submit_search(self) -> bool:
        """Enter: jump to the first match of the text typed, now if its result is
        in, else as soon as it is. Returns whether the jump waits."""
        s = self.search
        waits = s.pattern is not None and (s.result is None or s.result.scanned_to < self.loaded)
        if waits:
            s.pending_jumps.append(True)
        return waits

    def search_range(self) -> int | None:
        """The first post a search worker should look at, or None when the result is up to date."""
        s = self.search
        if s.pattern is None:
            return None
        start = 1 if s.result is None else s.result.scanned_to + 1
        return start if start <= self.loaded else None

    def search_done(self, generation: int, result: SearchResult) -> bool:
        """A worker's answer for posts result-range; merged with what was found before."""
        s = self.search
        if generation != s.generation or s.pattern is None:
            return False
        if s.result is None:
            s.result = result
        else:
            s.result = s.result.extended(result.seqs, result.scanned_to)
        return True

    def next_match(self, from_seq: int | None, forward: bool, visible: Callable[[int], bool]) -> MatchJump | str:
        """`n` / `N`: the next (previous) match among the posts shown, wrapping
        around; or a one-line reason. Matches after the playhead are never
        counted or visited (spoilers)."""
        s = self.search
        if not s.text:
            return "no search — press / to search"
        if s.pattern is None:
            return s.error or "no search"
        result = s.result
        if result is None:
            return "searching…"
        k = self.clock.position
        shown = [seq for seq in result.seqs[: result.count_upto(k)] if visible(seq)]
        if not shown:
            return f"no match for “{s.pattern.text}” in the posts shown"
        start = from_seq if from_seq is not None else (0 if forward else k + 1)
        if forward:
            i = bisect_right(shown, start)
            wrapped = i >= len(shown)
            i = 0 if wrapped else i
        else:
            i = bisect_right(shown, start - 1) - 1
            wrapped = i < 0
            i = len(shown) - 1 if wrapped else i
        wrapped = wrapped and from_seq is not None
        return MatchJump(shown[i], i + 1, len(shown), wrapped)

    # ------------------------------------------------------------ bookmarks
    @property
    def bookmarks(self) -> BookmarkStore | None:
        """This blog's bookmark store (opened, not read, on first use); None while there are no posts."""
        if self._bookmarks is None and self.blog.posts:
            from tui.core.bookmarks import open_store

            self._bookmarks = open_store(self.blog, self._bookmarks_dir)
        return self._bookmarks

    def bookmark_target(self, selected: int | None) -> Post | None:
        """The post `m` marks: the feed's selected post when there is one (never one
        after the playhead), else the playhead's; None before the first post."""
        k = self.clock.position
        seq = selected if selected is not None and 0 < selected <= k else k
        return self.blog.posts[seq - 1] if 0 < seq <= len(self.blog.posts) else None

    def bookmark(self, post: Post, note: str, now: datetime | None = None) -> str:
        """Bookmark `post` with `note` (a new note replaces the old); returns the notice."""
        store = self.bookmarks
        if store is None:
            return "no post to bookmark yet"
        had = store.get(post.seq)
        store.put(post, note, now)
        return f"{'note saved on' if had is not None else 'bookmarked'} #{post.seq}"

    def placed_bookmarks(self) -> list[Placed]:
        """Every bookmark, found in the blog as parsed so far (see BookmarkStore.place)."""
        store = self.bookmarks
        if store is None:
            return []
        return store.place(self.blog.posts[: self.loaded], complete=not self.loading)

    def jump_to_bookmark(self, placed: Placed, now: float) -> str:
        """An explicit seek to a bookmarked post (ahead of the playhead too: the user set
        it); returns the notice. A bookmark whose post is gone does not move anything."""
        mark = placed.bookmark
        if placed.status == "gone" or placed.seq is None:
            return f"bookmark #{mark.seq}: that post is not in this version of the blog"
        waiting = self.jump(Target.post(placed.seq), now)
        if waiting and self.pending is not None:
            return waiting
        if placed.status == "moved":
            return f"bookmark set on #{mark.seq}: its post is #{placed.seq} now"
        if placed.status == "changed":
            return f"bookmark #{mark.seq}: this post has changed since it was bookmarked"
        return f"bookmark #{placed.seq}" + (f" · {mark.note}" if mark.note else "")

    # ------------------------------------------------------------ the status line
    def status(self, now: float, *, filtered: int | None = None, indexing_note: bool = True) -> PlayerStatus:
        clock = self.clock
        sim = clock.sim_time(now)
        k, n = clock.position, clock.total
        posts = self.blog.posts
        estimated = False
        if 0 < k <= n:
            estimated = posts[k - 1].time_estimated
            if clock.playing and k < n:
                estimated = estimated or posts[k].time_estimated
        fraction = 0.0
        if sim is not None and n > 1:
            first, last = posts[0].time.timestamp(), posts[n - 1].time.timestamp()
            if last > first:
                fraction = (sim.timestamp() - first) / (last - first)
        notes = [self.follow_note] if self.follow_note else []
        if self.pending is not None:
            notes.append(f"→ {self.pending.label} when loaded")
        elif self.play_through:
            notes.append("waiting for posts")
        if self.loading:
            notes.append(f"loading {int(self.load_progress * 100)}%")
        elif indexing_note and not self.complete:
            tl = self.timeline
            if tl is None or not tl.n:
                notes.append("indexing facts…")
            else:
                notes.append(f"indexing facts {100 * tl.ready_upto // tl.n}%")
        return PlayerStatus(
            playing=self.playing,
            position=k,
            total=n,
            sim_time=sim,
            estimated=estimated,
            speed=clock.speed,
            pace=clock.pace,
            idle_cap=clock.idle_cap,
            fraction=fraction,
            filtered=f"{filtered} shown" if filtered is not None else "",
            note=" · ".join(notes),
            more_coming=self.loading,
        )


def aliases_of(knowledge: Knowledge) -> dict[str, dict[str, str]]:
    """Names a filter term may use → entity key: people's aliases, delegations'
    names, labels, countries and demonyms, outlets' aliases."""
    people = {alias: p.name for p in knowledge.people for alias in (p.name, *p.aliases) if alias}
    delegations: dict[str, str] = {}
    for d in knowledge.delegations:
        for name in (d.id, d.name, d.label, d.country, *d.demonyms, *d.places, *d.aliases):
            if name:
                delegations.setdefault(name, d.id)
    outlets = {alias: o.name for o in knowledge.outlets for alias in (o.name, *o.aliases) if alias}
    return {"person": people, "delegation": delegations, "outlet": outlets}


__all__ = [
    "IDLE_CAPS",
    "FilterState",
    "MatchJump",
    "PlayerStatus",
    "ReplaySession",
    "SearchState",
    "Target",
    "aliases_of",
    "format_idle_cap",
    "format_speed",
]
