"""ReplayApp: the feed, the player, the panes — wired to the core's clock and timeline.

Flow: a key → PlaybackClock (pure) → `_apply_position()`, which is the only place
the position reaches the screen: the feed shows posts 1..k, the panes get
`timeline.state_at(k)` (computed ONCE per change), the status bar the clock.

Playing: ONE fixed-rate timer (`set_interval(1 / TICK_HZ)`, 20 Hz) is started at
mount and never stopped, reset or re-created. The clock is pure: each tick hands
it the monotonic time and it advances the simulated clock by elapsed real time ×
speed (pause is a flag in the clock, speed a number), so play/pause/speed/step
keys never touch the timer (Textual's Timer.reset() would un-pause it, and an
interval cannot change once started). A tick while paused is a no-op; while
playing it repaints only what changed: the feed and panes when a post became
due, the status bar when its visible text moved (clock minute, playhead
column) — never the whole screen at 20 Hz.

Big blogs load progressively (tui.core.progressive): the app starts with the
oldest day's posts and one thread worker (`_background`) parses the rest a
chunk at a time, then extracts facts (Timeline.start/extend) ahead of the
playhead. Each chunk reaches the UI thread through call_from_thread: the clock,
the density bar and the feed are EXTENDED (O(chunk)), never rebuilt. While
posts are still loading, jumps (end, percent, day) stay within what is loaded
and say so; the summary is revealed only at the end of a fully loaded blog.
The panes query `try_state_at(k)`, never extracting on the UI thread: while
post k is not extracted yet they say "indexing…" and fill in when the worker
passes k. `self.timeline` is set once every post is extracted (or given).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import gc
import threading

from textual import events, on, work
from textual.worker import get_current_worker
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from tui.app import render
from tui.app.widgets.feed import FeedView, NewPostsPill
from tui.app.widgets.player_bar import PlayerBar, PlayerStatus, format_speed
from tui.core.clock import PlaybackClock
from tui.core.density import Density
from tui.core.model import Blog

if TYPE_CHECKING:
    # Imported where first used: the filter bar, the query/fact modules (~6 ms)
    # are not needed for the first frame (see _mount_chrome).
    from tui.app.widgets.filter_bar import FilterBar, FilterChanged, FilterClosed
    from tui.core.facts import State
    from tui.core.query import PostIndex, Query
    from tui.core.progressive import ProgressiveLoad
    from tui.core.search import SearchPattern, SearchResult
    from tui.core.timeline import Timeline

WIDGETS_CSS_PATH = Path(__file__).parent / "widgets" / "widgets.tcss"  # panes + filter bar
TICK_HZ = 20  # the playback timer's fixed rate (ticks per real second)
LOAD_CHUNK = 2000  # posts parsed per worker step while a big blog loads
EXTRACT_CHUNK = 250  # posts extracted per worker step (keeps each hand-off short)
EXTRACT_AHEAD = 200  # while loading, keep facts extracted this far past the playhead
NARROW = 100  # below this many columns the panes hide (toggle with v: stacked below)
WIDE = 160  # from here the three panes sit side by side


class SummaryPanel(VerticalScroll):
    """The blog's lede, revealed only at the end of the replay (no spoilers)."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text
        self.border_title = "Summary — the replay has reached the end"

    def compose(self) -> ComposeResult:
        yield Static(render.plain(self._text), id="summary-text")


class SearchBar(Input):
    """`/` search: literal, case-insensitive; enter keeps it, escape clears it."""

    BINDINGS = [Binding("escape", "cancel", "Clear search")]

    def action_cancel(self) -> None:
        self.value = ""
        self.app.action_close_search()

    async def _on_key(self, event: events.Key) -> None:
        # Keys reach this input through its own queue, and enter's binding runs
        # only when the key has bubbled up to the app: keys typed right after
        # enter (a paste, a script, a fast typist) would land in the closed bar.
        # So enter submits here, and keys that arrive once the bar has closed are
        # handed to whatever has the focus now.
        focused = self.screen.focused
        if not self.display and focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.app.submit_search(self.value)  # type: ignore[attr-defined]
            return
        await super()._on_key(event)


class ReplayApp(App[None]):
    """Replays a live blog oldest-first; see the README's "Using the replay"."""

    TITLE = "liveblog-tui"
    CSS_PATH = ["app.tcss", str(WIDGETS_CSS_PATH)]
    ENABLE_COMMAND_PALETTE = True

    # Player keys live on the app so they work whatever pane has focus.
    BINDINGS = [
        Binding("space", "toggle_play", "Play/Pause"),
        Binding("full_stop", "step(1)", "Step +1"),
        Binding("comma", "step(-1)", "Step -1"),
        Binding("plus,equals_sign", "faster", "Faster"),
        Binding("minus,underscore", "slower", "Slower", show=False),
        Binding("right_square_bracket", "next_day", "Next day", show=False),
        Binding("left_square_bracket", "prev_day", "Prev day", show=False),
        *(
            Binding(str(d), f"seek_percent({d * 10})", f"Jump to {d * 10}%", show=False)
            for d in range(10)
        ),
        Binding("r", "restart", "Restart", show=False),
        Binding("e", "end", "End", show=False),
        Binding("colon,t", "goto", "Go to"),
        Binding("p", "toggle_pace", "Pace mode", show=False),
        Binding("slash", "search", "Search"),
        Binding("n", "search_next", "Next match", show=False),
        Binding("N", "search_prev", "Prev match", show=False),
        Binding("f", "filter", "Filter"),
        Binding("v", "toggle_panes", "Panes"),
        Binding("D", "toggle_pane('delegations')", "Delegations pane", show=False),
        Binding("S", "toggle_pane('schedule')", "Schedule pane", show=False),
        Binding("M", "toggle_pane('meetings')", "Meetings pane", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        blog: Blog,
        *,
        load: ProgressiveLoad | None = None,
        timeline: object | None = None,
        knowledge: object | None = None,
        knowledge_loader: Callable[[], object] | None = None,
        ner_loader: Callable[[], object] | None = None,
        speed: float | None = None,
        pace: float | None = None,
        start_at: int | None = None,
        paused: bool = False,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.blog = blog
        self._now = now
        # `timeline`: complete (every post extracted) or None; `_tl`: the one the
        # panes query, possibly still extracting in the background worker.
        self.timeline = timeline
        self._tl = timeline
        self._knowledge = knowledge
        self._knowledge_loader = knowledge_loader  # called in the worker when knowledge is None
        self._ner_loader = ner_loader  # called in the worker: an optional name finder (spaCy)
        self._load = load if load is not None and not load.done else None
        posts = blog.posts
        self._loaded = len(posts)  # posts the clock, density and feed know
        kwargs: dict = {"position": start_at if start_at is not None else 1}
        if speed is not None:
            kwargs["speed"] = speed
        if pace is not None:
            kwargs["pace"] = pace
        times = [p.time for p in posts]
        self.clock = PlaybackClock(times, days=[p.day for p in posts], **kwargs)
        self._density = Density(times)
        self._start_playing = not paused and bool(posts)
        self._ticker: Timer | None = None  # the one playback timer (see the module docstring)
        self.state: State | None = None
        self._shown_position = -1
        self._search_text = ""
        self.search_result: SearchResult | None = None
        self.filter_seqs: list[int] | None = None
        self.filter_query: Query | None = None  # the filter bar's query once it changed
        self._post_index: PostIndex | None = None
        self._index_key = (-1, -1)  # (posts, extracted posts) the index was built over
        self._index_lock = threading.Lock()  # the filter and search workers share the index
        self._filter_lock = threading.Lock()
        self._filter_pending: tuple[Query, int] | None = None  # latest query wins
        self._filter_running = False
        self.filter_term_seqs: list[list[int]] = []  # per chip, sorted (counts cut at k)
        self._term_seqs_cache: dict = {}  # filter worker only
        self._counts_shown: tuple | None = None
        self._pane_ids = ("delegations-pane", "schedule-pane", "meetings-pane")
        self._panes_wanted = True  # v: the user's choice; width decides the default
        self._panes: tuple = ()  # mounted after the first frame
        self._chrome_mounted = False
        self._defer_chrome = False  # set by run(): a terminal gets the feed first
        self._resume_gc = False

    def run(self, *args, **kwargs):  # type: ignore[override]
        """Run in the terminal. Until the first frame is out: the cyclic GC is
        off (start-up allocates a few hundred thousand containers and every
        collection would rescan them; _after_first_frame freezes what start-up
        built and turns it back on), and only the feed and the player bar are
        composed (see compose). Headless runs (snapshots) compose everything."""
        if not kwargs.get("headless"):
            self._defer_chrome = True
            # Their rules (panes, filter bar) are read with the widgets they style.
            self.css_path = [p for p in self.css_path if Path(p).name != WIDGETS_CSS_PATH.name]
        if gc.isenabled():
            gc.disable()
            self._resume_gc = True
        try:
            return super().run(*args, **kwargs)
        finally:
            self._gc_resume()

    def resume_gc_after_first_frame(self) -> None:
        """The launcher (tui/cli.py) paused the cyclic GC: turn it on after the first frame."""
        self._resume_gc = True

    def _gc_resume(self) -> None:
        if self._resume_gc:
            self._resume_gc = False
            gc.freeze()  # what start-up built lives for the session: never scan it again
            gc.enable()

    def on_unmount(self) -> None:
        self._gc_resume()  # closed before its first frame

    # ---- layout -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # In a terminal (run) the first frame is the feed and the player bar
        # only: the filter bar, search bar, footer, pill and summary are mounted
        # right after it (_mount_chrome), so the oldest post reaches the screen
        # without them. Under run_test they are composed at once. The panes are
        # always mounted after the first frame.
        chrome = None if self._defer_chrome else self._make_chrome()
        if chrome is not None:
            yield chrome["filter"]
        with Horizontal(id="main"):
            with Vertical(id="feed-box"):
                if chrome is not None and chrome["summary"] is not None:
                    yield chrome["summary"]
                self._feed = FeedView(
                    self.blog.posts,
                    outlet=self.blog.meta.outlet,
                    entities_of=None,
                    id="feed",
                )
                yield self._feed
                if chrome is not None:
                    yield chrome["pill"]
            yield Vertical(id="panes")
        if chrome is not None:
            yield chrome["search"]
        self._player = PlayerBar(self._density, id="player")
        yield self._player
        if chrome is not None:
            self._chrome_mounted = True
            yield chrome["footer"]

    def _make_chrome(self) -> dict:
        from tui.app.widgets.filter_bar import FilterBar

        pill = NewPostsPill(id="new-pill")
        pill.display = False
        search = SearchBar(placeholder="search (literal, case-insensitive) — enter: keep, escape: clear", id="search")
        search.display = False
        summary = self.blog.summary
        return {
            "filter": FilterBar(None, term_error=self._term_error, debounce=0),
            "summary": SummaryPanel(summary.text, id="summary") if summary is not None else None,
            "pill": pill,
            "search": search,
            "footer": Footer(),
        }

    @property
    def feed(self) -> FeedView:
        return self._feed

    @property
    def player(self) -> PlayerBar:
        # Held, not queried: ticks and workers reach them whatever screen is on top.
        return self._player

    def on_mount(self) -> None:
        title = self.blog.title or Path(self.blog.source).name or "liveblog"
        self.title = title
        self._layout_for(self.size.width)
        self.feed.focus()
        self._apply_position()
        self.call_after_refresh(self._after_first_frame)
        if self.timeline is None:
            self.call_after_refresh(self._background)
        else:
            self._timeline_ready()
        self._ticker = self.set_interval(1 / TICK_HZ, self._tick, name="playback")
        if self._start_playing:
            self.clock.play(self._now())
            self._update_player()

    def on_resize(self, event: events.Resize) -> None:
        self._layout_for(event.size.width)

    def _layout_for(self, width: int) -> None:
        """Media-query-like classes on the screen; app.tcss does the rest."""
        screen = self.screen_stack[0]  # the replay screen, even under a dialog
        screen.set_class(width < NARROW, "-narrow")
        screen.set_class(width >= WIDE, "-wide")
        # Narrow: panes hidden unless asked for (v), then stacked below the feed.
        screen.set_class(not self._panes_wanted, "-no-panes")

    def _after_first_frame(self) -> None:
        self._mount_chrome()
        self._mount_panes()
        self._gc_resume()  # paused for the start-up (see run, launch.prepare_replay)

    def _mount_chrome(self) -> None:
        """The widgets the first frame went without (see compose); idempotent."""
        if self._chrome_mounted:
            return
        self._chrome_mounted = True
        if WIDGETS_CSS_PATH.name not in {Path(p).name for p in self.css_path}:
            self.css_path.append(WIDGETS_CSS_PATH)
            self.stylesheet.read(WIDGETS_CSS_PATH)
            self.refresh_css(animate=False)
        chrome = self._make_chrome()
        base = self.screen_stack[0]  # the replay's screen, even if a modal is on top
        base.mount(chrome["filter"], before=base.query_one("#main"))
        box = base.query_one("#feed-box")
        if chrome["summary"] is not None:
            box.mount(chrome["summary"], before=self.feed)
        box.mount(chrome["pill"])
        base.mount(chrome["search"], before=self.player)
        base.mount(chrome["footer"])
        self._show_summary()

    def _mount_panes(self) -> None:
        from tui.app.widgets.panes import DelegationsPane, MeetingsPane, SchedulePane

        self._panes = (
            DelegationsPane(seq_label=self._seq_label),
            SchedulePane(seq_label=self._seq_label),
            MeetingsPane(seq_label=self._seq_label),
        )
        self.query_one("#panes").mount_all(self._panes)
        if self.state is not None:
            for pane in self._panes:
                pane.show(self.state)

    def _seq_label(self, seq: int) -> str:
        post = self.blog.posts[seq - 1] if 0 < seq <= len(self.blog.posts) else None
        if post is None:
            return f"#{seq}"
        return f"#{seq} {'~' if post.time_estimated else ''}{post.time:%H:%M}"

    # ---- background: the rest of the posts, then the facts -------------------

    @property
    def loading(self) -> bool:
        """Posts are still being parsed (a big blog, progressively loaded)."""
        return self._load is not None and not self._load.done

    @work(thread=True, exclusive=True, group="timeline")
    def _background(self) -> None:
        """Parse the remaining posts, then extract facts; one chunk per hand-off.

        call_from_thread waits for the UI thread to take each chunk, so the
        UI is never more than one chunk behind and keys are served between
        chunks (the GIL switches threads every few ms meanwhile)."""
        from tui.core.knowledge import load_knowledge
        from tui.core.timeline import Timeline

        worker = get_current_worker()
        load = self._load
        knowledge = self._knowledge
        if knowledge is None and self._knowledge_loader is not None:
            knowledge = self._knowledge_loader()
        if knowledge is None:
            knowledge = load_knowledge(blog_path=self.blog.source or None)
        ner = self._ner_loader() if self._ner_loader is not None else None
        timeline = Timeline.start(self.blog, knowledge, ner=ner,
                                  complete=(lambda: load.done) if load is not None else (lambda: True))

        def hand_over(callback, *args) -> bool:
            if worker.is_cancelled:
                return False
            try:
                self.call_from_thread(callback, *args)
            except RuntimeError:  # the app has closed
                return False
            return not worker.is_cancelled

        if not hand_over(self._set_live_timeline, timeline):
            return
        while True:
            if load is not None and not load.done:
                load.step(LOAD_CHUNK)
                if not hand_over(self._posts_loaded):
                    return
                target = self.clock.position + EXTRACT_AHEAD  # facts at the playhead first
                if timeline.ready_upto < target:
                    timeline.extend(target, limit=EXTRACT_CHUNK)
                    if not hand_over(self._facts_progress):
                        return
                continue
            if timeline.ready_upto < timeline.n:
                timeline.extend(limit=EXTRACT_CHUNK)
                if not hand_over(self._facts_progress):
                    return
                continue
            break
        hand_over(self._set_timeline, timeline)
        if not worker.is_cancelled:
            self._index().prepare()  # the first filter keystroke then finds it built

    def _set_live_timeline(self, timeline: Timeline) -> None:
        self._tl = timeline
        self.feed.set_entities_source(self._ready_entities)
        self._show_panes(self.clock.position)
        self._update_player()

    def _ready_entities(self, seq: int):
        """Entities of an extracted post, None for one not extracted yet (never blocks)."""
        tl = self._tl
        if tl is None or seq > tl.ready_upto:
            return None
        return tl.entities(seq)  # type: ignore[union-attr]

    def _posts_loaded(self) -> None:
        """The worker parsed more posts: extend clock, density and feed (O(chunk))."""
        posts = self.blog.posts
        n = len(posts)
        if n > self._loaded:
            new = posts[self._loaded : n]
            times = [p.time for p in new]
            self.clock.extend(times, [p.day for p in new])
            self._density.extend(times)
            self._loaded = n
            self.player.posts_added()
        if not self.loading:
            self._load = None
            if self.filter_seqs is not None:
                self._run_filter(self.filter_query)  # the new posts may match
            self._show_summary()
        self._update_player()

    def _facts_progress(self) -> None:
        """More posts extracted: fill panes that said "indexing…", highlight new entities."""
        tl = self._tl
        if tl is None:
            return
        ready = tl.ready_upto  # type: ignore[union-attr]
        k = self.clock.position
        if self.state is None or self.state.seq != k:
            if ready >= k:
                self._show_panes(k)
        self.feed.entities_ready(ready)
        self._update_player()

    def _set_timeline(self, timeline: object) -> None:
        self.timeline = timeline
        self._tl = timeline
        self._timeline_ready()
        if self.filter_seqs is not None:
            self._run_filter(self.filter_query)  # entity terms now see every post

    def _timeline_ready(self) -> None:
        self.feed.set_entities_source(self._ready_entities)
        self._shown_position = -1
        self._apply_position()

    # ---- the one place a position reaches the screen --------------------------

    def _apply_position(self, arrivals: bool = False) -> None:
        k = self.clock.position
        if k != self._shown_position:
            self._shown_position = k
            self.feed.set_position(k, arrivals=arrivals)
            self._show_panes(k)
            self._show_summary()
            if self.filter_seqs is not None:
                self._show_filter_counts()
        self._update_player()

    def _show_panes(self, k: int) -> None:
        """state_at(k) if post k is extracted, else "indexing…" (never extracts here)."""
        tl = self._tl
        if tl is None:
            return
        try_state_at = getattr(tl, "try_state_at", None)
        state = try_state_at(k) if try_state_at is not None else tl.state_at(k)  # type: ignore[union-attr]
        self.state = state
        for pane in self._panes:
            if state is None:
                pane.show_indexing(k, tl.ready_upto)  # type: ignore[union-attr]
            else:
                pane.show(state)

    def _show_summary(self) -> None:
        """The lede only at the end of a fully loaded blog (no spoilers)."""
        summary = self.query("#summary")
        if summary:
            summary.first().display = self.clock.at_end and self.clock.position > 0 and not self.loading

    def _update_player(self) -> None:
        now = self._now()
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
        filtered = ""
        if self.filter_seqs is not None:
            filtered = f"{self.feed.visible_count} shown"
        tl = self._tl
        if self.loading:
            note = f"loading {int(self._load.progress * 100)}%"  # type: ignore[union-attr]
        elif self.timeline is not None:
            note = ""
        elif tl is None or not tl.n:  # type: ignore[union-attr]
            note = "indexing facts…"
        else:
            note = f"indexing facts {100 * tl.ready_upto // tl.n}%"  # type: ignore[union-attr]
        self.player.status = PlayerStatus(
            playing=clock.playing,
            position=k,
            total=n,
            sim_time=sim,
            estimated=estimated,
            speed=clock.speed,
            pace=clock.pace,
            fraction=fraction,
            filtered=filtered,
            note=note,
        )

    # ---- playing: one fixed-rate timer, started once -------------------------

    def _tick(self) -> None:
        """The playback timer (TICK_HZ): reveal what is due by now. Cheap no-op when paused."""
        clock = self.clock
        if not clock.playing:
            return
        clock.tick(self._now())
        if clock.position != self._shown_position:
            self._apply_position(arrivals=True)
        else:
            self._update_player()  # the bar repaints only if its text changed

    def _after_clock_change(self, arrivals: bool = False) -> None:
        self._apply_position(arrivals)

    def _jumped(self) -> None:
        """After a jump: while posts still load, say that jumps stay within them."""
        self._after_clock_change()
        if self.loading:
            self.player.notice(f"loading {int(self._load.progress * 100)}% — jumps stay within the posts loaded")  # type: ignore[union-attr]

    # ---- player actions --------------------------------------------------------

    def action_toggle_play(self) -> None:
        now = self._now()
        if self.clock.at_end and not self.clock.playing:
            self.clock.restart(now)
        self.clock.toggle(now)
        self._after_clock_change()

    def action_step(self, delta: int) -> None:
        self.clock.step(delta, self._now())
        self._after_clock_change(arrivals=True)

    def action_faster(self) -> None:
        self.clock.faster(self._now())
        self.player.notice(self._speed_notice())
        self._after_clock_change()

    def action_slower(self) -> None:
        self.clock.slower(self._now())
        self.player.notice(self._speed_notice())
        self._after_clock_change()

    def _speed_notice(self) -> str:
        if self.clock.pace is not None:
            return f"pace {format_speed(self.clock.speed, self.clock.pace)}"
        return f"speed {format_speed(self.clock.speed, None)}"

    def action_toggle_pace(self) -> None:
        now = self._now()
        if self.clock.pace is None:
            self.clock.set_pace(2.0, now)
        else:
            self.clock.set_pace(None, now)
        self.player.notice(self._speed_notice())
        self._after_clock_change()

    def action_next_day(self) -> None:
        self.clock.next_day(self._now())
        self._jumped()

    def action_prev_day(self) -> None:
        self.clock.prev_day(self._now())
        self._after_clock_change()

    def action_seek_percent(self, percent: int) -> None:
        self.clock.seek_fraction(percent / 100, self._now())
        self._jumped()

    def action_restart(self) -> None:
        self.clock.restart(self._now())
        self._after_clock_change()

    def action_end(self) -> None:
        self.clock.to_end(self._now())
        self._jumped()

    def seek(self, k: int) -> None:
        self.clock.seek(k, self._now())
        self._after_clock_change()

    def seek_time(self, when: datetime) -> None:
        self.clock.seek_time(when, self._now())
        self._after_clock_change()

    # ---- go to / help / post ---------------------------------------------------

    def action_goto(self) -> None:
        from tui.app.screens.goto import GotoScreen

        self.push_screen(GotoScreen(self.resolve_goto), self._goto_result)

    def resolve_goto(self, text: str) -> int:
        """'37' / '#37' → post 37; '14:30', '15 May 12:00', 'fri' → that moment's post."""
        from tui.core.goto import parse_goto

        return parse_goto(text, self.clock).seq  # GotoError is a ValueError: shown inline

    def _goto_result(self, seq: int | None) -> None:
        if seq is not None:
            self.seek(seq)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    @on(FeedView.Opened)
    def _open_post(self, event: FeedView.Opened) -> None:
        from tui.app.screens.post import PostScreen

        seq = event.seq
        if not 0 < seq <= self.clock.position:
            return  # never open a post from the future
        post = self.blog.posts[seq - 1]
        tl = self._tl
        ready = tl is not None and seq <= tl.ready_upto  # type: ignore[union-attr]
        facts = tl.facts_of(seq) if ready else []  # type: ignore[union-attr]
        entities = tl.entities(seq) if ready else None  # type: ignore[union-attr]
        names: dict[str, str] = {}
        if self.state is not None:
            names.update({d.id: d.label or d.name for d in self.state.delegations})
            names.update({m.id: m.name for m in self.state.meetings})
        self.push_screen(
            PostScreen(post, facts=facts, entities=entities, names=names, source=self.blog.source, outlet=self.blog.meta.outlet)
        )

    # ---- pane → feed ------------------------------------------------------------

    def on_fact_selected(self, event) -> None:
        """A pane's fact was chosen (panes.FactSelected): show its source post."""
        seq = event.seq
        if 0 < seq <= self.clock.position:
            if not self.feed.is_visible(seq):
                self._filter_bar().clear()  # the source post is filtered out: show all
                self._set_filter(None)
            self.feed.jump_to_post(seq)
            self.screen.set_focus(self.feed)

    # ---- new-posts pill -------------------------------------------------------------

    @on(FeedView.UnseenChanged)
    def _unseen(self, event: FeedView.UnseenChanged) -> None:
        self._pill().show_count(event.count)

    @on(NewPostsPill.Clicked)
    def _pill_clicked(self) -> None:
        self.feed.show_newest()
        self.screen.set_focus(self.feed)

    # ---- search -----------------------------------------------------------------

    def action_search(self) -> None:
        bar = self._search_bar()
        bar.display = True
        self.screen.set_focus(bar)  # now, not after a refresh: keys typed right after "/" land here

    def action_close_search(self) -> None:
        bar = self._search_bar()
        bar.display = False
        self.screen.set_focus(self.feed)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.set_search(event.value)

    def submit_search(self, text: str) -> None:
        self._search_bar().display = False
        self.screen.set_focus(self.feed)
        self.set_search(text, jump=True)

    def set_search(self, text: str, *, jump: bool = False) -> None:
        """Highlight `text` in the feed (literal; `re:` for a checked regex)."""
        self._search_text = text
        if not text:
            self.search_result = None
            self.feed.set_search(None)
            self._search_bar().remove_class("-error")
            return
        from tui.core.search import SearchError, compile_search

        try:
            pattern = compile_search(text)
        except SearchError as error:
            self.search_result = None
            self.feed.set_search(None)
            self._search_bar().add_class("-error")
            self.notify(str(error), severity="warning", timeout=3, markup=False)
            return
        self._search_bar().remove_class("-error")
        self.feed.set_search(pattern.spans)
        self._run_search(pattern, jump)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, pattern: SearchPattern, jump: bool) -> None:
        from tui.core.search import search_posts

        result = search_posts(pattern, self.blog.posts[: self._loaded], index=self._index())
        self.call_from_thread(self._search_done, result, jump)

    def _search_done(self, result: SearchResult, jump: bool) -> None:
        if result.pattern.text != self._search_text.removeprefix("re:"):
            return  # a newer search is on its way
        self.search_result = result
        if not result.complete:
            self.notify(f"search stopped at post {result.scanned_to} (too slow a pattern)", severity="warning", markup=False)
        if jump:
            self.action_search_next()

    def _jump_match(self, forward: bool) -> None:
        result = self.search_result
        if result is None:
            if self._search_text:
                self.notify("searching…", timeout=1, markup=False)
            return
        k = self.clock.position
        start = self.feed.cursor if self.feed.cursor is not None else (0 if forward else k + 1)
        seq: int | None = start
        for _ in range(len(result.seqs)):
            seq = result.next_after(seq, upto=k) if forward else result.prev_before(seq, upto=k)
            if seq is None:
                break
            if self.feed.is_visible(seq):
                self.feed.jump_to_post(seq)
                return
            if seq == start:
                break
        # How many matches come later would be a spoiler: say nothing about them.
        self.notify(f"no match for “{result.pattern.text}” in the posts shown", timeout=2, markup=False)

    def action_search_next(self) -> None:
        self._jump_match(True)

    def action_search_prev(self) -> None:
        self._jump_match(False)

    # ---- filter --------------------------------------------------------------------

    def _search_bar(self) -> SearchBar:
        self._mount_chrome()
        return self.query_one(SearchBar)

    def _pill(self) -> NewPostsPill:
        self._mount_chrome()
        return self.query_one(NewPostsPill)

    def _filter_bar(self) -> FilterBar:
        from tui.app.widgets.filter_bar import FilterBar

        self._mount_chrome()  # a key before the chrome is mounted (e.g. a fast script)
        return self.query_one(FilterBar)

    def _index(self) -> PostIndex:
        """The post index (text + entities) over the posts loaded so far; called
        from the filter/search workers. Rebuilt when more posts have loaded; only
        its entity part is redone when more posts have been extracted."""
        with self._index_lock:
            loaded = self._loaded
            tl = self._tl
            extracted = min(loaded, tl.ready_upto) if tl is not None else 0  # type: ignore[union-attr]
            index = self._post_index
            if index is None or self._index_key[0] != loaded:
                from tui.core.query import PostIndex

                index = PostIndex.build(self.blog.posts[:loaded], self._index_entities, aliases=self._aliases())
            elif self._index_key[1] != extracted:
                # Same posts, more entities: a new index sharing the text haystack
                # (filter/search threads may still be using the old one).
                index = index.with_entities(self._index_entities, aliases=self._aliases())
            self._post_index, self._index_key = index, (loaded, extracted)
            return index

    def _index_entities(self, seq: int):
        from tui.core.facts import PostEntities

        entities = self._ready_entities(seq)
        return entities if entities is not None else PostEntities()

    def _aliases(self) -> dict[str, dict[str, str]]:
        """delegation:Russia → its id; from the timeline's delegation names."""
        tl = self._tl
        if tl is None or not self.blog.posts:
            return {}
        try_state_at = getattr(tl, "try_state_at", None)
        final = try_state_at(tl.ready_upto) if try_state_at is not None else tl.state_at(self._loaded)  # type: ignore[union-attr]
        out: dict[str, str] = {}
        for d in (final.delegations if final is not None else ()):
            for name in (d.name, d.label):
                if name:
                    out[name] = d.id
        return {"delegation": out}

    def _term_error(self, term) -> str | None:
        # Never builds the entity sets on the UI thread: until the worker has
        # built them, a chip shows its count without a reason.
        index = self._post_index
        if index is None or index._sets is None:
            return None
        return index.term_error(term)

    def action_filter(self) -> None:
        bar = self._filter_bar()
        bar.open()
        self.screen.set_focus(bar.input)  # at once, so fast typing after "f" lands in the bar

    def on_filter_changed(self, event: FilterChanged) -> None:
        self.filter_query = event.query
        if event.query.is_empty:
            self.filter_term_seqs = []
            self._set_filter(None)
            return
        self._run_filter(event.query)

    def on_filter_closed(self, event: FilterClosed) -> None:
        self.screen.set_focus(self.feed)

    def _run_filter(self, query: Query) -> None:
        """Filter in one background thread; the latest query wins (queries typed
        while one runs replace each other, only the newest is computed next)."""
        with self._filter_lock:
            self._filter_pending = query
            if self._filter_running:
                return
            self._filter_running = True
        self._filter_worker()

    @work(thread=True, group="filter")
    def _filter_worker(self) -> None:
        from tui.core.query import Query as Q

        worker = get_current_worker()
        per_term = self._term_seqs_cache  # term → sorted seqs, for the index it was made with
        while not worker.is_cancelled:
            with self._filter_lock:
                query = self._filter_pending
                self._filter_pending = None
                if query is None:
                    self._filter_running = False
                    return
            index = self._index()
            if per_term.get("index") != (id(index), self._index_key):
                per_term.clear()
                per_term["index"] = (id(index), self._index_key)
            seqs = index.filter(query)
            if not self._hand_filter(self._filter_done, query, seqs):
                return
            with self._filter_lock:
                if self._filter_pending is not None:
                    continue  # a newer query: its result first, counts later
            # Chip counts second, so the feed repaints without waiting for them.
            last = index._last  # noqa: SLF001 - keep the whole query as the one typing narrows
            term_seqs = []
            for term in query.terms:
                key = (term.kind, term.value)
                if key not in per_term:
                    per_term[key] = seqs if len(query.terms) == 1 else index.filter(Q((term,)))
                term_seqs.append(per_term[key])
            index._last = last  # noqa: SLF001
            if not self._hand_filter(self._term_counts_done, query, term_seqs):
                return

    def _hand_filter(self, callback, *args) -> bool:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:  # the app has closed
            with self._filter_lock:
                self._filter_running = False
            return False
        return True

    def _filter_done(self, query: Query, seqs: list[int]) -> None:
        if query != self.filter_query:
            return  # superseded while it ran
        if len(self.filter_term_seqs) != len(query.terms):
            self.filter_term_seqs = []
        self._set_filter(seqs, "No posts match the filter — f to change it, ctrl+x clears it.")
        self._show_filter_counts(force=True)

    def _term_counts_done(self, query: Query, term_seqs: list[list[int]]) -> None:
        if query != self.filter_query:
            return
        self.filter_term_seqs = term_seqs
        self._show_filter_counts(force=True)

    def _show_filter_counts(self, force: bool = False) -> None:
        """Counts on the chips and the bar, cut at the playhead: no spoilers."""
        from bisect import bisect_right

        if self.filter_seqs is None:
            return
        k = self.clock.position
        counts = [bisect_right(s, k) for s in self.filter_term_seqs]
        total = bisect_right(self.filter_seqs, k)
        shown = (self.filter_query, tuple(counts), total)
        if not force and shown == self._counts_shown:
            return
        self._counts_shown = shown
        bar = self._filter_bar()
        bar.set_result_count(total)
        if len(counts) == len(self.filter_query.terms):
            bar.set_term_counts(self.filter_query, counts)

    def _set_filter(self, seqs: Iterable[int] | None, message: str = "") -> None:
        self.filter_seqs = sorted(seqs) if seqs is not None else None
        self.feed.set_filter(self.filter_seqs, message)
        self._update_player()

    # ---- panes --------------------------------------------------------------------

    def action_toggle_panes(self) -> None:
        self._panes_wanted = not self._panes_wanted
        if self.screen.has_class("-narrow"):
            self.screen.toggle_class("-show-panes")
            self._panes_wanted = self.screen.has_class("-show-panes")
        self._layout_for(self.size.width)

    def action_toggle_pane(self, which: str) -> None:
        pane = self.query_one(f"#{which}-pane")
        pane.display = not pane.display

    # ---- command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = [
            ("Play / pause", "Start or stop the replay clock (space)", self.action_toggle_play),
            ("Step forward", "Reveal the next post (.)", lambda: self.action_step(1)),
            ("Step back", "Hide the newest post (,)", lambda: self.action_step(-1)),
            ("Faster", "Double the replay speed (+)", self.action_faster),
            ("Slower", "Halve the replay speed (-)", self.action_slower),
            ("Next day", "Jump to the first post of the next day (])", self.action_next_day),
            ("Previous day", "Jump to the first post of the previous day ([)", self.action_prev_day),
            ("Restart", "Back to the oldest post (r)", self.action_restart),
            ("Jump to the end", "Reveal every post and the summary (e)", self.action_end),
            ("Go to…", "A time (14:30, 15 May 12:00) or a post number (: or t)", self.action_goto),
            ("Pace mode", "Toggle one post every N seconds (p)", self.action_toggle_pace),
            ("Search", "Highlight a word in the posts (/)", self.action_search),
            ("Next match", "Select the next post with a match (n)", self.action_search_next),
            ("Previous match", "Select the previous post with a match (N)", self.action_search_prev),
            ("Filter", "Narrow the feed: text, person:, delegation:, outlet:, day: (f)", self.action_filter),
            ("Toggle panes", "Show or hide the side panes (v)", self.action_toggle_panes),
            ("Newest post", "Back to the newest post (G / end)", lambda: self.feed.show_newest()),
            ("Help", "Every key binding (?)", self.action_help),
        ]
        for percent in range(0, 100, 10):
            commands.append(
                (f"Jump to {percent}%", f"Seek to {percent}% of the time span ({percent // 10})", lambda p=percent: self.action_seek_percent(p))
            )
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)
