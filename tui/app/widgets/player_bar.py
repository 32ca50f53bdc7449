"""The status bar: ▶/⏸, simulated clock ("~" when estimated), speed, k/N, density.

One line. The density sparkline (tui.core.density) shows posts over the
replay's time span with the playhead marked; Density caches it per width
(O(width · log n)), so nothing walks the posts per frame. While a big blog is
still loading, the app extends the Density as posts arrive and the bar shows
"loading 34%" / "indexing facts 12%".

The speed is a plain number ("60×", "1,000,000,000×") followed by the idle cap
("idle ≤2s": the longest real wait between two posts; `i` changes it). While
more posts are still being parsed the count reads "k/N+".

The replay screen data-binds `status` (a tui.core.session.PlayerStatus) and
sets it on every playback tick while playing (20 Hz); the bar
repaints only when its visible text or playhead column changed (`_view`), so a
replay at 60× repaints this line about once a second, not twenty times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.app import render
from tui.core.density import Density, sparkline
from tui.core.session import PlayerStatus, format_idle_cap, format_speed

__all__ = ["PlayerBar", "PlayerStatus", "format_speed"]

NOTICE_FOR = 1.6  # seconds a transient notice ("speed 600×") stays


class PlayerBar(Widget):
    """Shows a PlayerStatus; `notice()` flashes a short message."""

    DEFAULT_CLASSES = "player-bar"
    COMPONENT_CLASSES = {
        "player--state",
        "player--clock",
        "player--speed",
        "player--notice",
        "player--position",
        "player--spark",
    }

    status: reactive[PlayerStatus | None] = reactive(None, layout=False, repaint=False)  # see watch_status

    def __init__(self, density: Density | None = None, *, id: str | None = None, classes: str | None = None,
                 now: Callable[[], float] = time.monotonic) -> None:
        """`now`: the monotonic clock that times the notices."""
        super().__init__(id=id, classes=classes)
        self._now = now
        self._density = density if density is not None else Density(())
        self._spark_cache: tuple[int, int, str] = (-1, -1, "")  # (width, posts, sparkline)
        self._notice = ""
        self._notice_until = 0.0
        self._notice_at: int | None = None  # the post a notice is about (see notice)

    @property
    def density(self) -> Density:
        return self._density

    def set_density(self, density: Density) -> None:
        """Another blog is replayed (a followed file was rewritten): its sparkline."""
        self._density = density
        self._spark_cache = (-1, -1, "")
        self.refresh()

    def posts_added(self) -> None:
        """The Density grew (progressive loading): redraw the sparkline."""
        self.refresh()

    def notice(self, text: str, seconds: float = NOTICE_FOR, *, at: int | None = None) -> None:
        """Show `text` in place of the speed for `seconds`; cut with "…" so the
        position (k/N) stays on the line. A notice about the post `at` (what a key
        event changed) goes as soon as the playhead leaves it."""
        self._notice = text
        self._notice_until = self._now() + seconds
        self._notice_at = at
        self.set_timer(seconds + 0.05, self.refresh)
        self.refresh()

    @property
    def current_notice(self) -> str:
        return self._notice if self._now() < self._notice_until else ""

    def sparkline(self, width: int) -> str:
        """The density sparkline drawn at `width` cells (cached per width and post count)."""
        key = (width, self._density.total)
        if self._spark_cache[:2] != key:
            self._spark_cache = (*key, sparkline(self._density.buckets(width)))
        return self._spark_cache[2]

    def watch_status(self, old: PlayerStatus | None, new: PlayerStatus | None) -> None:
        if new is not None and self._notice_at is not None and new.position != self._notice_at:
            self._notice_until = 0.0  # the playhead moved on: the notice no longer says where it is
            self._notice_at = None
            self.refresh()
        if old is None or new is None or self._view(old) != self._view(new):
            self.refresh()

    def _view(self, status: PlayerStatus) -> tuple[tuple[str, ...], int | None]:
        """What the line shows for `status`: its texts and the playhead column."""
        parts, head = self._layout(status)
        return tuple(p if isinstance(p, str) else p[0] for p in parts), head

    def _layout(self, status: PlayerStatus) -> tuple[list[str | tuple[str, str]], int | None]:
        icon = "▶" if status.playing else "⏸"
        if status.sim_time is not None:
            clock = ("~" if status.estimated else "") + status.sim_time.strftime("%a %-d %b %H:%M")
            zone = status.sim_time.strftime("%Z")  # the clock says whose time it is ("BST", "+03", "UTC")
            if zone:
                clock += f" {zone}"
        else:
            clock = "--:--"
        notice = self.current_notice
        speed = notice or format_speed(status.speed, status.pace)
        if not notice and status.pace is None:
            speed += f" · {format_idle_cap(status.idle_cap)}"
        position = f"{status.position}/{status.total}{'+' if status.more_coming else ''}"
        if status.filtered:
            position += f" · {status.filtered}"
        if status.note:
            position += f" · {status.note}"
        if notice and self.size.width:
            room = self.size.width - cell_len(f" {icon}  {clock}    {position}  ") - 1
            if cell_len(speed) > room:
                speed = set_cell_size(speed, max(0, room - 1)) + "…" if room > 0 else ""
        parts: list[str | tuple[str, str]] = [
            (f" {icon} ", ".player--state"),
            " ",
            (clock, ".player--clock"),
            "  ",
            (speed, ".player--notice" if notice else ".player--speed"),
            "  ",
            (position, ".player--position"),
            "  ",
        ]
        used = sum(len(p if isinstance(p, str) else p[0]) for p in parts)
        room = self.size.width - used - 1
        if room >= 8 and self._density.total:
            return parts, min(room - 1, max(0, int(status.fraction * room)))
        return parts, None

    def render(self) -> Content:
        status = self.status
        if status is None:
            return render.plain("loading…")
        parts, head = self._layout(status)
        if head is not None:
            room = self.size.width - sum(len(p if isinstance(p, str) else p[0]) for p in parts) - 1
            spark = self.sparkline(room)
            parts += [
                (spark[:head], ".player--spark"),
                (spark[head] if spark[head] != " " else "│", render.PLAYHEAD),
                (spark[head + 1 :], ".player--spark"),
            ]
        return render.line(*parts)
