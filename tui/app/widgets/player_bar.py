"""The status bar: ▶/⏸, simulated clock ("~" when estimated), speed, k/N, density.

One line. The density sparkline shows posts over the replay's time span with the
playhead marked; it is computed once per width from the sorted post timestamps
(O(width · log n)), never per frame.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.app import render

BARS = " ▁▂▃▄▅▆▇█"
NOTICE_FOR = 1.6  # seconds a transient notice ("speed 600×") stays


def buckets(timestamps: Sequence[float], count: int) -> list[int]:
    """Posts per equal time slice of [first, last] (timestamps sorted)."""
    if count <= 0 or not timestamps:
        return []
    lo, hi = timestamps[0], timestamps[-1]
    if hi <= lo:
        return [len(timestamps)] + [0] * (count - 1)
    step = (hi - lo) / count
    edges = [bisect_left(timestamps, lo + step * i) for i in range(count)] + [len(timestamps)]
    return [edges[i + 1] - edges[i] for i in range(count)]


def sparkline(counts: Sequence[int]) -> str:
    top = max(counts, default=0)
    if top <= 0:
        return BARS[0] * len(counts)
    return "".join(BARS[0] if c == 0 else BARS[max(1, round(c * 8 / top))] for c in counts)


def format_speed(speed: float, pace: float | None) -> str:
    if pace is not None:
        return f"1 post/{pace:g}s"
    return f"{speed:g}×"


@dataclass(frozen=True, slots=True)
class PlayerStatus:
    playing: bool
    position: int
    total: int
    sim_time: datetime | None
    estimated: bool
    speed: float
    pace: float | None
    fraction: float  # playhead along the time span, 0..1
    filtered: str = ""  # "12 shown" when a filter is active
    note: str = ""  # e.g. "indexing…" while the timeline is being built


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

    status: reactive[PlayerStatus | None] = reactive(None, layout=False)

    def __init__(self, timestamps: Sequence[float] = (), *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._timestamps = timestamps
        self._spark_cache: tuple[int, str] = (-1, "")
        self._notice = ""
        self._notice_until = 0.0

    def set_timestamps(self, timestamps: Sequence[float]) -> None:
        self._timestamps = timestamps
        self._spark_cache = (-1, "")
        self.refresh()

    def notice(self, text: str) -> None:
        self._notice = text
        self._notice_until = time.monotonic() + NOTICE_FOR
        self.set_timer(NOTICE_FOR + 0.05, self.refresh)
        self.refresh()

    @property
    def current_notice(self) -> str:
        return self._notice if time.monotonic() < self._notice_until else ""

    def _spark(self, width: int) -> str:
        if self._spark_cache[0] != width:
            self._spark_cache = (width, sparkline(buckets(self._timestamps, width)))
        return self._spark_cache[1]

    def render(self) -> Content:
        status = self.status
        if status is None:
            return render.plain("loading…")
        icon = "▶" if status.playing else "⏸"
        if status.sim_time is not None:
            clock = ("~" if status.estimated else "") + status.sim_time.strftime("%a %-d %b %H:%M")
        else:
            clock = "--:--"
        notice = self.current_notice
        speed = notice or format_speed(status.speed, status.pace)
        position = f"{status.position}/{status.total}"
        if status.filtered:
            position += f" · {status.filtered}"
        if status.note:
            position += f" · {status.note}"
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
        if room >= 8 and self._timestamps:
            spark = self._spark(room)
            head = min(room - 1, max(0, int(status.fraction * room)))
            parts += [
                (spark[:head], ".player--spark"),
                (spark[head] if spark[head] != " " else "│", render.PLAYHEAD),
                (spark[head + 1 :], ".player--spark"),
            ]
        return render.line(*parts)
