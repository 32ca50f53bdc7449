"""ReplayScreen: composes the replay and routes keys and worker results to the session.

The screen holds no replay logic: a key calls `ReplaySession` (tui.core.session)
and `_sync()` hands what changed to the widgets through reactives —
`position` (the feed follows it), `facts` (the panes are data-bound to it),
`status` (the player bar is data-bound to it).

Playing is ONE fixed-rate timer (TICK_HZ) started at mount and never
re-created: each tick hands the session the monotonic time; play, pause and
speed are state in the pure clock, so no key touches the timer.

Background work runs in workers that post messages, never touching widgets:
`_load` parses the rest of a big blog and extracts facts ahead of the playhead
(PostsLoaded, FactsExtracted, TimelineReady); `_filter` and `_search` run a
query over the index (FilterComputed, SearchComputed); `_watch` follows the
file (`F`, `--follow`): it waits for the file to change, reads it again and
posts what changed (FollowRead, see tui.core.follow), which the screen applies
in order — new posts appended to the session, or the whole blog replaced. Each is
`@work(exclusive=True)`: a newer query cancels the older one, and the session
drops any answer to a question that is no longer asked.

Keys are declared once, in tui.app.keys. The replay's keys are priority
bindings of this screen so they act in the order typed, wherever the focus is
on it; `check_action` keeps every action inert while the app is quitting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from tui.app import keys
from tui.app.widgets.feed import FeedView, NewPostsPill
from tui.app.widgets.filter_bar import FilterBar, FilterChanged, FilterClosed
from tui.app.widgets.player_bar import PlayerBar
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.summary import SummaryPanel
from tui.app.widgets.title_bar import TitleBar
from tui.core.session import PlayerStatus, ReplaySession, Target

from tui.core.facts import State

if TYPE_CHECKING:
    from tui.core.facts import PostEntities
    from tui.core.follow import Change, FollowSource
    from tui.core.knowledge import Knowledge
    from tui.core.query import Query
    from tui.core.search import SearchPattern, SearchResult
    from tui.core.timeline import TimelineView

TICK_HZ = 20  # the playback timer's fixed rate (ticks per real second)
LOAD_CHUNK = 2000  # posts parsed per worker step while a big blog loads
EXTRACT_CHUNK = 250  # posts extracted per worker step
EXTRACT_AHEAD = 200  # while loading, keep facts extracted this far past the playhead
NARROW = 100  # below this many columns the panes hide (v shows them, stacked below)
WIDE = 160  # from here the three panes sit side by side
PANES = ("delegations", "schedule", "meetings")
KEY_EVENT_FOR = 6.0  # seconds the status bar says what a key event changed


def short_blog_names(names: Iterable[str], limit: int = 10) -> dict[str, str]:
    """Blog name -> how a pane's source label names it: its first word when that tells
    the blogs apart ("Northwind Wire" -> "Northwind"), else the name cut to `limit`."""
    names = list(names)
    firsts = [name.split()[0] if name.split() else name for name in names]
    out = {}
    for name, first in zip(names, firsts):
        short = first if firsts.count(first) == 1 else name
        out[name] = short if len(short) <= limit else short[: limit - 1] + "…"
    return out


class Indexing:
    """The panes' view while the facts at the playhead are not extracted yet."""

    __slots__ = ("k", "ready")

    def __init__(self, k: int, ready: int) -> None:
        self.k, self.ready = k, ready

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Indexing) and (self.k, self.ready) == (other.k, other.ready)

    __hash__ = None  # type: ignore[assignment]


class ReplayScreen(Screen[None]):
    """The replay: title, filter bar, feed (+ summary, pill), panes, search bar, player bar, footer."""

    # Styles: replay.tcss, read by the app (this is its base screen).
    BINDINGS = keys.bindings("replay")
    AUTO_FOCUS = "#feed"

    position: reactive[int] = reactive(-1, init=False)
    facts: reactive[State | Indexing | None] = reactive(None, always_update=True, init=False)
    status: reactive[PlayerStatus | None] = reactive(None, init=False)

    # ---- messages from the workers ------------------------------------------------
    class PostsLoaded(Message):
        """The loader parsed more posts (blog.posts grew)."""

    class TimelineStarted(Message):
        def __init__(self, timeline: TimelineView) -> None:
            super().__init__()
            self.timeline = timeline

    class FactsExtracted(Message):
        """The timeline extracted more posts (or all of them: `done`)."""

        def __init__(self, done: bool = False) -> None:
            super().__init__()
            self.done = done

    class FilterComputed(Message):
        def __init__(self, generation: int, seqs: list[int], term_seqs: list[list[int]], upto: int, errors: list[str | None]) -> None:
            super().__init__()
            self.generation, self.seqs, self.term_seqs, self.upto, self.errors = generation, seqs, term_seqs, upto, errors

    class SearchComputed(Message):
        def __init__(self, generation: int, result: SearchResult) -> None:
            super().__init__()
            self.generation, self.result = generation, result

    class FollowRead(Message):
        """The followed file was read again: what changed (tui.core.follow.Change)."""

        def __init__(self, change: Change, stop: threading.Event) -> None:
            super().__init__()
            self.change, self.stop = change, stop

    def __init__(
        self,
        session: ReplaySession,
        *,
        knowledge: Knowledge | None = None,
        knowledge_loader: Callable[[], Knowledge] | None = None,
        ner_loader: Callable[[], object] | None = None,
        follow: FollowSource | None = None,
        following: bool = False,
        follow_stamp: tuple | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """`follow`: the file(s) `F` follows (None: standard input, nothing to follow);
        `following`: follow from the start (--follow); `follow_stamp`: the files'
        stamp when they were read (a change during loading is then not missed)."""
        super().__init__()
        self.session = session
        self._knowledge = knowledge
        self._knowledge_loader = knowledge_loader
        self._ner_loader = ner_loader  # an optional name finder (spaCy), loaded in the worker
        self._now = now
        self._arrivals = False
        self.panes_wanted: bool | None = None  # v: the user's choice; None: shown from NARROW columns
        self.hidden_panes: set[str] = set()  # D S M
        self._submitting = False  # Enter pressed, the search bar's text not read yet
        self._early_jumps: list[bool] = []  # n / N typed in that moment
        self._ner: object | None = None  # the name finder the timeline was built with (a reload reuses it)
        self._follow = follow
        self.following = following and follow is not None
        self._follow_stamp = follow_stamp
        self._follow_stop: threading.Event | None = None  # set: the running watch ends
        if self.following:
            session.follow_note = "following"
        self._timeline_view = None  # the TimelineScreen while it is open (it follows the playhead)
        self._timeline_zoom = True  # the timeline's axis ends at the playhead (z: the whole blog); kept between openings
        self._year_said = False  # the "no year in the day headers" notice is shown once

    # ---- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        blog = self.session.blog
        pinned = any(p.pinned for p in blog.posts)
        yield TitleBar(blog.title or blog.source or "live blog", blog.meta.outlet, pinned=pinned, id="title-bar")
        yield FilterBar(None, debounce=0)
        with Horizontal(id="main"):
            with Vertical(id="feed-box"):
                if blog.summary is not None:
                    yield SummaryPanel(blog.summary.text, id="summary")
                yield FeedView(blog.posts, outlet=blog.meta.outlet, blogs=list(blog.merged_from), id="feed")
                yield NewPostsPill(id="new-pill")
            yield Vertical(id="panes")
        yield SearchBar(id="search")
        yield PlayerBar(self.session.density, id="player").data_bind(status=ReplayScreen.status)
        yield Footer(compact=True)

    @property
    def feed(self) -> FeedView:
        return self.query_one(FeedView)

    def on_mount(self) -> None:
        self._layout(self.app.size.width)
        self.set_interval(1 / TICK_HZ, self.tick, name="playback")
        session = self.session
        if session.timeline is not None:
            self._timeline_started(session.timeline)
        if session.start_playing:
            session.clock.play(self._now())
        self._sync()
        self.call_after_refresh(self._mount_panes)  # the first frame goes without them
        self.call_after_refresh(self._open_bookmarks)
        self.call_after_refresh(self._year_notice)  # (a blog still loading says it once all of it is in)
        if session.loading or session.timeline is None or not session.complete:
            self.call_after_refresh(self._load)
        self._start_follow()

    def on_unmount(self) -> None:
        self._stop_follow()  # the watching thread ends now: the app never waits for it at exit

    def _mount_panes(self) -> None:
        from tui.app.widgets.panes import DelegationsPane, MeetingsPane, PostLabels, SchedulePane

        blog = self.session.blog
        short = short_blog_names(blog.merged_from)
        labels = PostLabels(blog, lambda name: short.get(name, name))
        blog_of = self._blog_of if blog.merged_from else None
        self.query_one("#panes", Vertical).mount_all([
            DelegationsPane(labels=labels, blog_of=blog_of).data_bind(facts=ReplayScreen.facts),
            SchedulePane(labels=labels).data_bind(facts=ReplayScreen.facts),
            MeetingsPane(labels=labels).data_bind(facts=ReplayScreen.facts),
        ])

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        """Width classes and the panes the user chose; replay.tcss does the rest."""
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(width >= WIDE, "-wide")
        shown = self.panes_wanted if self.panes_wanted is not None else not narrow
        if set(PANES) <= self.hidden_panes:
            shown = False  # D S M hid all three: the feed takes the width
        self.set_class(not shown, "-no-panes")
        for pane in PANES:
            self.set_class(pane in self.hidden_panes, f"-hide-{pane}")
        self._focus_out_of_hidden_panes(shown)

    def _focus_out_of_hidden_panes(self, shown: bool) -> None:
        """A hidden pane keeps no focus: Enter or j/k would act on what the user cannot see."""
        focused = self.focused
        if focused is None or not self.is_mounted:
            return
        from tui.app.widgets.panes import DelegationsPane, MeetingsPane, SchedulePane

        hidden = {DelegationsPane: "delegations", SchedulePane: "schedule", MeetingsPane: "meetings"}
        for pane_type, name in hidden.items():
            inside = focused if isinstance(focused, pane_type) else next(
                (a for a in focused.ancestors if isinstance(a, pane_type)), None)
            if inside is not None and (not shown or name in self.hidden_panes):
                self.set_focus(self.feed)
                return

    def _blog_of(self, seq: int) -> str:
        posts = self.session.blog.posts
        return posts[seq - 1].blog_name if 0 < seq <= len(posts) else ""

    # ---- the one place the session reaches the widgets ---------------------------------
    def _sync(self, arrivals: bool = False) -> None:
        """Position, facts and status from the session (cheap when nothing changed)."""
        session = self.session
        self._arrivals = arrivals
        k = session.clock.position
        if k != self.position:
            self.position = k  # watch_position: feed, facts, summary, filter counts
        self._update_status()

    def watch_position(self, k: int) -> None:
        self.feed.set_position(k, arrivals=self._arrivals)
        self._show_facts()
        self._show_summary()
        self._show_filter_counts()
        self._refresh_timeline_view()

    def _show_facts(self) -> None:
        session = self.session
        tl = session.timeline
        if tl is None:
            return
        state = session.state()
        self.facts = state if state is not None else Indexing(session.clock.position, tl.ready_upto)

    def _show_summary(self) -> None:
        """The lede only at the end of a fully loaded blog (no spoilers)."""
        clock = self.session.clock
        for summary in self.query(SummaryPanel):
            summary.display = clock.at_end and clock.position > 0 and not self.session.loading

    def _update_status(self) -> None:
        session = self.session
        feed = self.query(FeedView)
        filtered = feed.first().visible_count if session.filter.seqs is not None and feed else None
        self.status = session.status(self._now(), filtered=filtered)

    # ---- playing: one fixed-rate timer, started once -------------------------------------
    def tick(self) -> None:
        """The playback timer's call: reveal what is due by now. Idempotent for one
        reading of the clock, so a test with an injected clock may call it too."""
        session = self.session
        if not session.clock.playing:
            return
        if session.tick(self._now()):
            self._sync(arrivals=True)
        else:
            self._update_status()  # the bar repaints only if its text changed

    # ---- background: the rest of the posts, then the facts --------------------------------
    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Parse the remaining posts, then extract facts; messages after each chunk."""
        from tui.core.knowledge import load_knowledge
        from tui.core.timeline import Timeline

        worker = get_current_worker()
        session = self.session
        load = session.load
        timeline = session.timeline
        if timeline is None:
            knowledge = self._knowledge
            if knowledge is None and self._knowledge_loader is not None:
                knowledge = self._knowledge_loader()
            if knowledge is None:
                knowledge = load_knowledge(blog_path=session.blog.source or None)
            ner = self._ner_loader() if self._ner_loader is not None else None
            self._ner = ner
            timeline = Timeline.start(session.blog, knowledge, ner=ner,
                                      complete=(lambda: load.done) if load is not None else (lambda: True))
            self.post_message(self.TimelineStarted(timeline))
        index = session.index
        posts = session.blog.posts
        while not worker.is_cancelled:
            if load is not None and not load.done:
                load.step(LOAD_CHUNK)
                index.catch_up(posts, fold_now=True)  # here, not in a query
                self.post_message(self.PostsLoaded())
                target = session.clock.position + EXTRACT_AHEAD  # facts at the playhead first
                if timeline.ready_upto < target:
                    timeline.extend(target, limit=EXTRACT_CHUNK)
                    self.post_message(self.FactsExtracted())
                continue
            if timeline.ready_upto < timeline.n:
                timeline.extend(limit=EXTRACT_CHUNK)
                self.post_message(self.FactsExtracted())
                continue
            break
        if not worker.is_cancelled:
            index.prepare()  # the first filter keystroke then finds it built
            self.post_message(self.FactsExtracted(done=True))

    def _timeline_started(self, timeline: TimelineView) -> None:
        self.session.set_timeline(timeline)
        self.feed.set_entities_source(self._ready_entities)
        self._show_facts()

    @on(TimelineStarted)
    def _on_timeline_started(self, message: TimelineStarted) -> None:
        self._timeline_started(message.timeline)
        self._update_status()

    def _ready_entities(self, seq: int) -> PostEntities | None:
        """Entities of an extracted post, None for one not extracted yet (never blocks)."""
        tl = self.session.timeline
        if tl is None or seq > tl.ready_upto:
            return None
        return tl.entities(seq)

    @on(PostsLoaded)
    def _on_posts_loaded(self) -> None:
        session = self.session
        before = session.loaded
        moved = session.posts_loaded(self._now())
        if session.loaded != before:
            self.query_one(PlayerBar).posts_added()
        self._sync()
        if not moved:
            self._show_summary()
        self._refresh_queries()
        self._start_follow()  # once the whole blog is in
        self._year_notice()

    def _year_notice(self) -> None:
        """Once the whole blog is in: say so when its day headers gave no year and one was assumed
        (the dates shown could be a year off; `check` says how each day got its year)."""
        session = self.session
        if session.loading or self._year_said:
            return
        self._year_said = True
        notes = session.blog.year_notes.items()
        if any(how.startswith("assumed from the weekdays") for _, how in notes):
            self.notify("The stamps name only weekdays and the page gives no date: the dates shown are the "
                        "latest such days, assumed. `liveblog-tui check` shows how each day was dated.",
                        title="Dates", severity="warning", timeout=12, markup=False)
            return
        assumed = sorted({day.year for day, how in notes if how.startswith("assumed")})
        if assumed:
            years = ", ".join(str(y) for y in assumed)
            self.notify(f"The day headers give no year: {years} assumed. Set `year` in the blog's description; "
                        "`liveblog-tui check` shows how each day got its year.",
                        title="Dates", severity="warning", timeout=12, markup=False)

    # ---- following the file ------------------------------------------------------------------
    def action_toggle_follow(self) -> None:
        """F: follow the file (read it again whenever it changes) or stop following."""
        if self._follow is None:
            self._flash("nothing to follow: the blog came from standard input")
            return
        self.following = not self.following
        if self.following:
            self.session.follow_note = "following"
            self._start_follow()
            text = f"following {self._follow.label}" + (" once it is loaded" if self.session.loading else "")
        else:
            self.session.follow_note = ""
            self._stop_follow()
            text = "stopped following"
        self._flash(text)

    def _flash(self, text: str) -> None:
        for bar in self.query(PlayerBar):
            bar.notice(text)
        self._update_status()

    def _start_follow(self) -> None:
        """Start watching when following is on and the whole blog is in (a followed
        file is compared with the posts held, so the first read must be complete)."""
        source = self._follow
        if source is None or not self.following or self._follow_stop is not None or self.session.loading:
            return
        stop = threading.Event()
        self._follow_stop = stop
        self._watch(source, stop, list(self.session.blog.posts), self._follow_stamp)

    def _stop_follow(self) -> None:
        stop, self._follow_stop = self._follow_stop, None
        if stop is not None:
            stop.set()
        self.workers.cancel_group(self, "follow")

    @work(thread=True, exclusive=True, group="follow")
    def _watch(self, source: FollowSource, stop: threading.Event, held: list, stamp: tuple | None) -> None:
        """Wait for the file to change; read it, compare with the posts held, post the change.
        `held` moves with each change posted: the screen applies them in order."""
        from tui.core.follow import read_change
        from tui.core.watch import FileWatch

        for batch in FileWatch(source.paths).changes(stop, since=stamp):
            if stop.is_set():
                break
            if not batch:
                continue  # quiet
            change = read_change(source, held)
            if stop.is_set():
                break
            if change.kind != "failed":
                held = change.posts
            self.post_message(self.FollowRead(change, stop))

    @on(FollowRead)
    def _on_follow_read(self, message: FollowRead) -> None:
        if message.stop is not self._follow_stop:
            return  # from a watch stopped since (F pressed twice)
        change = message.change
        session = self.session
        if change.kind == "failed":
            session.follow_note = "following · file unreadable, showing the last good read"
            self._flash(change.reason)
            return
        session.follow_note = "following"
        now = self._now()
        if change.kind == "reloaded":
            self._reload(change, now)
            return
        added = session.follow_append(change, now)
        self._set_summary()
        if not added:
            self._update_status()
            return
        self.query_one(PlayerBar).posts_added()
        self._sync(arrivals=True)
        self._show_summary()
        self._refresh_queries()
        self.call_after_refresh(self._load)  # extract the new posts, once they are painted
        self._flash(f"{added} new post{'s' if added != 1 else ''} in {self._follow.label if self._follow else 'the file'}")

    def _reload(self, change: Change, now: float) -> None:
        """The file was rewritten: replay the new read, the playhead on the same post."""
        from tui.core.follow import relocate
        from tui.core.timeline import Timeline

        session = self.session
        blog = change.blog
        assert blog is not None
        held = session.blog.posts
        k = session.clock.position
        # At the live edge the replay stays there; otherwise on the same post (by content).
        position = len(blog.posts) if k == len(held) else relocate(held, k, blog.posts)
        old = session.timeline
        timeline = Timeline.start(blog, old.knowledge, ner=self._ner) if old is not None and hasattr(old, "knowledge") else None
        session.follow_reload(blog, timeline, position, now)
        self.feed.set_posts(blog.posts, session.clock.position, blogs=list(blog.merged_from))
        self.query_one(PlayerBar).set_density(session.density)
        if timeline is not None:
            self._timeline_started(timeline)
        self._set_summary()
        self._sync()
        self._show_facts()
        self._show_summary()
        self._refresh_queries()
        self._load()
        self._flash(f"{self._follow.label if self._follow else 'the file'} changed: reloaded ({change.reason})")

    def _set_summary(self) -> None:
        """The lede as the file has it now (shown only at the end, as always)."""
        summary = self.session.blog.summary
        panels = self.query(SummaryPanel)
        if summary is None:
            panels.remove()
        elif panels:
            panels.first().set_text(summary.text)
        else:
            self.query_one("#feed-box", Vertical).mount(SummaryPanel(summary.text, id="summary"), before=self.feed)

    @on(FactsExtracted)
    def _on_facts_extracted(self, message: FactsExtracted) -> None:
        session = self.session
        session.facts_extracted()
        tl = session.timeline
        if tl is not None:
            # state_at(k) never changes once k is extracted (no spoilers), except
            # that the summary is revealed once the whole blog is in.
            if not isinstance(self.facts, State) or message.done:
                self._show_facts()
                self._refresh_timeline_view()
            self.feed.entities_ready(tl.ready_upto)
        self._update_status()
        self._refresh_queries()

    # ---- filter and search follow the posts as they load --------------------------------------
    def _refresh_queries(self) -> None:
        session = self.session
        if session.filter_stale and not self._busy("filter"):
            self._start_filter()
        if session.search_range() is not None and not self._busy("search"):
            self._start_search()

    def _busy(self, group: str) -> bool:
        return any(w.group == group and w.is_running for w in self.workers)

    def _start_filter(self) -> None:
        session = self.session
        self._filter(session.filter.generation, session.filter.query, session.filter_bounds(), session.aliases())

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, generation: int, query: Query, upto: int, aliases: dict) -> None:
        index = self.session.index
        seqs = index.filter(query, aliases=aliases, upto=upto)
        term_seqs = index.term_seqs(query, aliases=aliases, upto=upto)
        errors = [index.term_error(term, aliases) if not s else None for term, s in zip(query.terms, term_seqs)]
        if not get_current_worker().is_cancelled:
            self.post_message(self.FilterComputed(generation, seqs, term_seqs, upto, errors))

    @on(FilterComputed)
    def _on_filter_computed(self, message: FilterComputed) -> None:
        session = self.session
        if not session.filter_done(message.generation, message.seqs, message.term_seqs, message.upto):
            return
        # a term that can never match says why ("no outlet matches 'nosuch' so far"), not only "0"
        why = next((e for e in message.errors if e), None)
        self.feed.set_filter(session.filter.seqs, f"No posts match the filter{': ' + why if why else ''}"
                                                  " — f to change it, ctrl+x to clear it.")
        self.query_one(FilterBar).set_term_errors(session.filter.query, message.errors)
        self._show_filter_counts()
        self._update_status()
        if session.filter_stale:
            self._start_filter()

    def _show_filter_counts(self) -> None:
        """Counts on the chips and the bar, cut at the playhead: no spoilers."""
        counts = self.session.filter_counts()
        if counts is None:
            return
        total, per_term = counts
        bar = self.query_one(FilterBar)
        bar.set_result_count(total)
        bar.set_term_counts(self.session.filter.query, per_term)

    def _start_search(self) -> None:
        session = self.session
        start = session.search_range()
        if session.search.pattern is not None and start is not None:
            self._search(session.search.generation, session.search.pattern, start, session.loaded)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, generation: int, pattern: SearchPattern, start: int, stop: int) -> None:
        from tui.core.search import search_posts

        posts = self.session.blog.posts[:stop]
        result = search_posts(pattern, posts, index=self.session.index, start=start)
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchComputed(generation, result))

    @on(SearchComputed)
    def _on_search_computed(self, message: SearchComputed) -> None:
        session = self.session
        if not session.search_done(message.generation, message.result):
            return
        if session.search_range() is not None:
            self._start_search()
        else:
            self._run_pending_jumps()  # Enter / n / N typed before the result

    # ---- player actions ---------------------------------------------------------------------
    _TYPING = keys.typing_actions()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if getattr(self.app, "quitting", False):
            return False  # keys typed after q do nothing (no screen opens on a closing app)
        if action in self._TYPING and isinstance(self.focused, Input):
            return False  # "/" "+" "q" type into the prompt (and the footer does not offer them)
        return True

    def action_toggle_play(self) -> None:
        session = self.session
        restarting = session.clock.at_end and not session.clock.playing and not session.loading
        session.toggle_play(self._now())
        self._sync()
        if restarting:
            self.query_one(PlayerBar).notice("at the end: playing again from #1")  # (never a silent jump back)

    def action_step(self, delta: int) -> None:
        before = self.session.clock.position
        self.session.step(delta, self._now())
        self._sync(arrivals=True)
        if delta > 0:
            self._say_if_still(before, "at the last post" if self.session.complete else "at the last post loaded so far")
        else:
            self._say_if_still(before, "at the first post")

    def _say_if_still(self, before: int, text: str) -> None:
        """A move that could not move says why (nothing silent), unless it waits for its post."""
        if self.session.clock.position == before and self.session.pending is None:
            self.query_one(PlayerBar).notice(text)

    def action_faster(self) -> None:
        self._notice(self.session.faster(self._now()))

    def action_slower(self) -> None:
        self._notice(self.session.slower(self._now()))

    def action_toggle_pace(self) -> None:
        self._notice(self.session.toggle_pace(self._now()))

    def action_idle_cap(self) -> None:
        self._notice(self.session.next_idle_cap(self._now()))

    def _notice(self, text: str) -> None:
        self.query_one(PlayerBar).notice(text)
        self._sync()

    def _jump(self, target: Target) -> None:
        notice = self.session.jump(target, self._now())
        self._sync()
        if self.session.pending is None and self.is_mounted:
            self.feed.show_newest()  # an explicit jump shows where the playhead went, even after scrolling up
        if notice and self.session.pending is None:  # a pending jump is in the status line already
            self.query_one(PlayerBar).notice(notice)

    def action_next_day(self) -> None:
        before = self.session.clock.position
        self._jump(self.session.next_day_target())
        self._say_if_still(before, "no later day")

    def action_prev_day(self) -> None:
        before = self.session.clock.position
        self.session.prev_day(self._now())
        self._sync()
        if self.is_mounted:
            self.feed.show_newest()
        self._say_if_still(before, "no earlier day")

    def action_key_event(self, direction: int) -> None:
        """} / {: the playhead to the next / previous post that changes a pane; the bar says what."""
        text = self.session.key_event(direction > 0, self._now())
        self._sync()
        for bar in self.query(PlayerBar):
            bar.notice(text, KEY_EVENT_FOR, at=self.session.clock.position)

    def action_seek_percent(self, percent: int) -> None:
        self._jump(Target.percent(percent))

    def action_restart(self) -> None:
        self.session.restart(self._now())
        self._sync()

    def action_end(self) -> None:
        self._jump(Target.end())

    def seek(self, seq: int) -> None:
        self._jump(Target.post(seq))

    # ---- prompts and dialogs ---------------------------------------------------------------
    def action_goto(self) -> None:
        from tui.app.screens.goto import GotoScreen, examples_for

        self.app.push_screen(GotoScreen(self.resolve_goto, examples=examples_for(self.session.blog)), self._goto_result)

    def resolve_goto(self, text: str) -> Target:
        """'37' / '#37' → post 37; '14:30', '15 May 12:00' → that moment; '16 May', 'fri' →
        that day's first post. Aims at the whole blog while it loads. GotoError: shown inline."""
        from tui.core.goto import GotoError, NoSuchWeekday, parse_goto

        session = self.session
        text = text.strip()
        if text.lstrip("#").isdigit() and int(text.lstrip("#")) >= 1 and session.loading:
            return Target.post(int(text.lstrip("#")))  # may be beyond the posts parsed so far
        try:
            found = parse_goto(text, session.clock)
        except NoSuchWeekday as error:
            if session.loading:  # ("fri" typed while the blog loads: its Fridays may not be read yet)
                raise GotoError(f"{error} among the posts read so far; the blog is still loading") from None
            raise
        when = found.when
        if when is None:
            return Target.post(found.seq)
        if found.day_only:
            return Target.first_of(when.date())  # a day named alone: its first post (once that day is parsed)
        return Target.moment(when)

    def _goto_result(self, target: Target | None) -> None:
        if target is not None:
            self._jump(target)

    def action_timeline(self) -> None:
        """T: the timeline view of the facts up to the playhead (safe while facts still load)."""
        from tui.app.screens.timeline import TimelineScreen

        if any(isinstance(screen, TimelineScreen) for screen in self.app.screen_stack):
            return  # already open (a second T typed before the first one's screen was up)
        view = self._timeline_view = TimelineScreen(self.timeline_lanes, zoom=self._timeline_zoom)
        self.app.push_screen(view, lambda seq: self._timeline_closed(view, seq))

    def timeline_lanes(self):
        """The lanes at the playhead (tui.core.lanes.Lanes), or why there are none yet (a str).
        Never extracts on the UI thread: posts not extracted yet give the reason."""
        from tui.core.lanes import build_lanes, short_names

        session = self.session
        tl = session.timeline
        k = session.clock.position
        ready = 0 if tl is None else tl.ready_upto
        if tl is None or k > ready:
            return f"facts still loading: extracted up to #{ready}, the playhead is at #{k} — the view fills in when they are"
        state = tl.try_state_at(k)
        if state is None:
            return f"facts still loading: extracted up to #{ready}, the playhead is at #{k}"
        return build_lanes(state, session.blog.posts, count=session.loaded, tz=session.blog.tz,
                           short=short_names(tl.knowledge_at(k)))

    def _refresh_timeline_view(self) -> None:
        view = self._timeline_view
        if view is not None and view.is_attached:
            view.refresh_lanes()  # the view follows the playhead while it is open

    def _timeline_closed(self, view, seq: int | None) -> None:
        if self._timeline_view is view:  # not a newer view opened since
            self._timeline_view = None
        self._timeline_zoom = view.zoom
        if seq is not None:
            self.show_source(seq)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.action_quit()

    @on(FeedView.Opened)
    def _open_post(self, event: FeedView.Opened) -> None:
        self.open_post(event.seq)

    def open_post(self, seq: int) -> None:
        from tui.app.screens.post import PostScreen

        session = self.session
        if not 0 < seq <= session.clock.position:
            return  # never open a post from the future
        tl = session.timeline
        ready = tl is not None and seq <= tl.ready_upto
        facts = tl.facts_of(seq) if ready and tl is not None else []
        entities = tl.entities(seq) if ready and tl is not None else None
        names: dict[str, str] = {}
        knowledge = session.knowledge()  # what the blog has revealed up to the playhead
        if knowledge is not None:
            names.update({d.id: d.label or d.name for d in knowledge.delegations})
        state = self.facts if isinstance(self.facts, State) else None
        if state is not None:
            names.update({d.id: d.label or d.name for d in state.delegations})
            names.update({m.id: m.name for m in state.meetings})
        blog = session.blog
        post = blog.posts[seq - 1]
        source = blog.merged_from.get(post.blog_name, blog.source) if post.blog_name else blog.source
        self.app.push_screen(PostScreen(post, facts=facts, entities=entities, names=names,
                                        source=source, outlet=post.blog_name or blog.meta.outlet))

    # ---- bookmarks ----------------------------------------------------------------------
    def _open_bookmarks(self) -> None:
        """Read the blog's bookmarks after the first frame, so a file that had to be set
        aside is said at the start (one line), not at the first `m`."""
        store = self.session.bookmarks
        if store is not None:
            store.items  # noqa: B018 — reads the file
            self._bookmark_notice(store)

    def _bookmark_notice(self, store) -> None:
        notice = store.take_notice()
        if notice:
            self.notify(notice, title="Bookmarks", severity="warning", timeout=12, markup=False)

    def action_bookmark(self) -> None:
        """m: a note prompt for the selected post (else the playhead's)."""
        from tui.app.screens.bookmark import BookmarkScreen

        session = self.session
        post = session.bookmark_target(self.feed.cursor)
        store = session.bookmarks
        if post is None or store is None:
            self.query_one(PlayerBar).notice("no post to bookmark yet")
            return
        existing = store.get(post.seq)
        self._bookmark_notice(store)
        self.app.push_screen(BookmarkScreen(post, note=existing.note if existing else "", editing=existing is not None),
                             lambda note: self._bookmark_saved(post, note))

    def _bookmark_saved(self, post, note: str | None) -> None:
        if note is None:
            return  # escape: nothing changes
        session = self.session
        self.query_one(PlayerBar).notice(session.bookmark(post, note))
        if session.bookmarks is not None:
            self._bookmark_notice(session.bookmarks)

    def action_bookmarks(self) -> None:
        """' or B: the list of bookmarks; enter there seeks to one."""
        from tui.app.screens.bookmarks import BookmarksScreen

        session = self.session
        store = session.bookmarks
        if store is not None:
            self._bookmark_notice(store)

        def delete(seq: int):
            gone = store.delete(seq) if store is not None else None
            if store is not None:
                self._bookmark_notice(store)
            return gone

        def restore(mark) -> None:
            if store is not None:
                store.restore(mark)
                self._bookmark_notice(store)

        self.app.push_screen(BookmarksScreen(session.placed_bookmarks, delete, restore, position=session.clock.position),
                             self._bookmark_chosen)

    def _bookmark_chosen(self, placed) -> None:
        """A bookmark chosen in the list: an explicit seek to its post, then select it."""
        if placed is None:
            return
        session = self.session
        notice = session.jump_to_bookmark(placed, self._now())
        self._sync()
        seq = placed.seq
        if seq is not None and 0 < seq <= session.clock.position:
            if not self.feed.is_visible(seq):  # filtered out: show every post
                self.query_one(FilterBar).clear()
                self.feed.set_filter(None)
            self.feed.jump_to_post(seq)
            self.set_focus(self.feed)
        self.query_one(PlayerBar).notice(notice)

    # ---- feed actions the palette offers ----------------------------------------------------
    def action_select_next(self) -> None:
        self.feed.action_cursor_down()

    def action_select_prev(self) -> None:
        self.feed.action_cursor_up()

    def action_oldest(self) -> None:
        self.feed.action_first()

    def action_newest(self) -> None:
        self.feed.show_newest()

    def action_open_post(self) -> None:
        if self.feed.cursor is not None:
            self.open_post(self.feed.cursor)

    # ---- pane → feed ---------------------------------------------------------------------
    def on_fact_selected(self, event) -> None:
        """A pane's fact was chosen (panes.FactSelected): show its source post."""
        self.show_source(event.seq)

    def show_source(self, seq: int) -> None:
        """Select post `seq` in the feed (a fact's or a timeline mark's source); never one after the playhead."""
        if 0 < seq <= self.session.clock.position:
            if not self.feed.is_visible(seq):
                self.query_one(FilterBar).clear()  # the source post is filtered out: show all
            self.feed.jump_to_post(seq)
            self.set_focus(self.feed)

    @on(FeedView.UnseenChanged)
    def _unseen(self, event: FeedView.UnseenChanged) -> None:
        self.query_one(NewPostsPill).show_count(event.count)

    @on(NewPostsPill.Clicked)
    def _pill_clicked(self) -> None:
        self.feed.show_newest()
        self.set_focus(self.feed)

    # ---- search ----------------------------------------------------------------------------
    def action_search(self) -> None:
        self.query_one(SearchBar).open()  # focuses at once: keys typed right after "/" land there

    def action_submit_search(self) -> None:
        """Enter in the search bar: a priority binding, handled as it arrives. The
        focus goes back to the feed now (keys typed after Enter go there); the text
        is read once the input has taken the keys typed before Enter."""
        bar = self.query_one(SearchBar)
        self._submitting = True
        bar.close()
        bar.after_typed(self._finish_submit)

    def _finish_submit(self) -> None:
        session = self.session
        bar = self.query_one(SearchBar)
        self._submitting = False
        early, self._early_jumps = self._early_jumps, []
        self._set_search(bar.value)
        if session.search.error:  # a bad pattern: back in the bar, its reason shown there
            bar.open()
            return
        if session.search.pattern is None:
            return
        session.search.pending_jumps = [True, *early]
        if session.search_range() is None:  # the result is in: jump now
            self._run_pending_jumps()

    def _run_pending_jumps(self) -> None:
        pending, self.session.search.pending_jumps = self.session.search.pending_jumps, []
        for i, forward in enumerate(pending):
            self._jump_match(forward, from_start=i == 0 and forward)

    def action_close_search(self) -> None:
        """Escape in the search bar, or in the feed after a search: clear the search (and the
        "match 2/6" its last jump left in the player bar)."""
        had = bool(self.session.search.text)
        self.query_one(SearchBar).close(clear=True)
        self._set_search("")
        if had:
            self.query_one(PlayerBar).notice("search cleared")

    @on(Input.Changed, "#search-input")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == event.input.value:  # not a keystroke the input has gone past
            self._set_search(event.value)

    def _set_search(self, text: str) -> None:
        session = self.session
        if text == session.search.text:
            return
        run = session.set_search(text)
        bar = self.query_one(SearchBar)
        bar.show_error(session.search.error)  # in the bar, once: no toast per keystroke
        pattern = session.search.pattern
        self.feed.set_search(pattern.spans if pattern is not None else None)
        if run:
            self._start_search()
        self._update_status()

    def _jump_match(self, forward: bool, from_start: bool = False) -> None:
        """n / N (from the selected post), or Enter (the first match shown)."""
        feed = self.feed
        session = self.session
        if self._submitting:
            self._early_jumps.append(forward)  # typed right after Enter: after its jump
            return
        if session.search.pattern is not None and session.search_range() is not None:
            session.search.pending_jumps.append(forward)  # the result is on its way: act on it then
            return
        found = session.next_match(None if from_start else feed.cursor, forward, feed.is_visible)
        if isinstance(found, str):  # why it cannot move
            self.query_one(PlayerBar).notice(found)
            return
        feed.jump_to_post(found.seq)
        self.query_one(PlayerBar).notice(found.text)  # "match 3/7", "· wrapped"

    def action_search_next(self) -> None:
        self._jump_match(True)

    def action_search_prev(self) -> None:
        self._jump_match(False)

    # ---- filter -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()  # focuses its input at once: fast typing lands there

    def action_clear_filter(self) -> None:
        bar = self.query_one(FilterBar)
        # (the bar's own terms too: a filter applied a moment ago may not have reached the session yet)
        if self.session.filter.query.is_empty and bar.filter_query.is_empty and not bar.input.value.strip():
            self.query_one(PlayerBar).notice("no filter to clear")
        bar.clear()

    def on_filter_changed(self, event: FilterChanged) -> None:
        session = self.session
        if session.set_filter(event.query):
            self._start_filter()
        else:
            self.feed.set_filter(None)
            self.query_one(FilterBar).set_result_count(None)
        self._update_status()

    def on_filter_closed(self, event: FilterClosed) -> None:
        if self.focused is None:
            self.set_focus(self.feed)

    # ---- panes ------------------------------------------------------------------------------
    def action_toggle_panes(self) -> None:
        """v: show / hide the panes; brings back any pane hidden with D S M."""
        if self.hidden_panes:
            self.hidden_panes.clear()
            self.panes_wanted = True
        else:
            self.panes_wanted = self.has_class("-no-panes")
        self._layout(self.app.size.width)

    def action_toggle_pane(self, which: str) -> None:
        """D S M: show / hide one pane (state on the screen: works before the panes are mounted)."""
        if which in self.hidden_panes:
            self.hidden_panes.discard(which)
        else:
            self.hidden_panes.add(which)
        self._layout(self.app.size.width)
