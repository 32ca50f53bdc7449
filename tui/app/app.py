"""ReplayApp: the application — its CSS, its commands and its screens.

The replay itself is a screen (tui.app.screens.replay.ReplayScreen) over a
plain-Python session (tui.core.session.ReplaySession); the help, post and
go-to dialogs are screens too. The app only holds them together, offers every
action in the command palette (from the key table, tui.app.keys), and turns
the cyclic garbage collector back on after the first frame (see run()).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.app import keys
from tui.app.screens.replay import ReplayScreen
from tui.core.clock import DEFAULT_IDLE_CAP
from tui.core.model import Blog
from tui.core.session import ReplaySession, Target

if TYPE_CHECKING:
    from tui.core.follow import FollowSource
    from pathlib import Path

    from tui.core.knowledge import Knowledge
    from tui.core.progressive import ProgressiveLoad
    from tui.core.timeline import TimelineView


class ReplayApp(App[None]):
    """Replays a live blog oldest-first; see the README's "Using the replay"."""

    TITLE = "liveblog-tui"
    DEFAULT_MODE = "replay"
    # The replay screen is the app's base screen (it exists before the first key), so
    # its stylesheet is read here; so are the dialogs' (small): reading one when
    # its screen is first pushed would re-parse every stylesheet of the app then.
    CSS_PATH = ["app.tcss", "screens/replay.tcss", "screens/help.tcss", "screens/post.tcss", "screens/goto.tcss",
                "screens/bookmark.tcss", "screens/bookmarks.tcss",
                "screens/timeline.tcss"]

    def __init__(
        self,
        blog: Blog,
        *,
        load: ProgressiveLoad | None = None,
        timeline: TimelineView | None = None,
        knowledge: Knowledge | None = None,
        knowledge_loader: Callable[[], Knowledge] | None = None,
        ner_loader: Callable[[], object] | None = None,
        speed: float | None = None,
        pace: float | None = None,
        idle_cap: float | None = DEFAULT_IDLE_CAP,
        start_at: int | Target | None = None,
        paused: bool = False,
        follow: FollowSource | None = None,
        following: bool = False,
        follow_stamp: tuple | None = None,
        now: Callable[[], float] = time.monotonic,
        bookmarks_dir: Path | str | None = None,
    ) -> None:
        """`timeline`: a finished one (tests, small blogs) or None to extract in
        the background with `knowledge` (or what `knowledge_loader()` returns, or
        the knowledge file next to the blog); `ner_loader()`: an optional name
        finder, called in that worker (a model never loads before the first
        frame); `load`: the rest of a blog still being parsed
        (tui.core.progressive); `follow`: the file(s) `F` follows (None for
        standard input), `following` from the start (--follow), `follow_stamp`
        their stamp when read (tui.core.follow); `now`: the monotonic clock;
        `bookmarks_dir`: where bookmarks are kept (default: the user's data
        directory, see tui.core.bookmarks)."""
        super().__init__()
        self.session = ReplaySession(
            blog, load=load, timeline=timeline, speed=speed, pace=pace, idle_cap=idle_cap,
            start_at=start_at, paused=paused, bookmarks_dir=bookmarks_dir,
        )
        self._screen_args = {"knowledge": knowledge, "knowledge_loader": knowledge_loader,
                             "ner_loader": ner_loader, "follow": follow, "following": following,
                             "follow_stamp": follow_stamp, "now": now}
        self.quitting = False  # set by quit: every later key is inert
        self._resume_gc = False
        self.title = blog.title or "liveblog-tui"
        # The replay is the base screen of a mode, not the default screen: Textual
        # awaits a mode's screen until it is mounted before the app reads its first
        # key, whereas a default screen composes alongside, and a key typed in that
        # moment found no widgets to act on and was lost. Keys typed meanwhile wait
        # in the app's queue and act in order.
        self.add_mode(self.DEFAULT_MODE, lambda: ReplayScreen(self.session, **self._screen_args))

    def on_mount(self) -> None:
        self.call_after_refresh(self._gc_resume)

    @property
    def replay(self) -> ReplayScreen:
        """The replay screen (even under a dialog)."""
        for screen in self.screen_stack:
            if isinstance(screen, ReplayScreen):
                return screen
        raise LookupError("the replay screen is not mounted yet")

    def action_quit(self) -> None:
        self.quitting = True
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # q then ctrl+p in one burst: no palette opens on a closing app
        return False if self.quitting else super().check_action(action, parameters)

    # ---- the command palette: every action of the key table --------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit",):  # ours, below, says what it does
                yield command
        if not isinstance(screen, ReplayScreen):
            return
        for key in keys.palette():
            action = key.palette_action
            help_text = f"{key.doc} ({_shown(key)})" if key.doc else _shown(key)
            yield SystemCommand(key.title, help_text, lambda action=action: screen.run_action(action))

    # ---- start-up: the cyclic GC waits for the first frame -------------------------------------
    def run(self, *args, **kwargs):  # type: ignore[override]
        """Run in the terminal with the cyclic GC off until the first frame is out:
        start-up allocates a few hundred thousand containers that all live on, and
        every collection would rescan them; then what start-up built is frozen."""
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

    def on_unmount(self) -> None:
        self._gc_resume()  # closed before its first frame

    def _gc_resume(self) -> None:
        if self._resume_gc:
            self._resume_gc = False
            gc.freeze()  # what start-up built lives for the session: never scan it again
            gc.enable()


def _shown(key: keys.Key) -> str:
    return key.shown or key.keys.split(",")[0]
