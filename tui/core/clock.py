"""The playback clock: which post is revealed now, and when the next one is due.

Pure and deterministic: nothing here reads the real clock. Every method whose
answer depends on time takes `now`, a monotonic reading in seconds supplied by
the caller (the app passes `time.monotonic()`, tests pass plain numbers).

Model. Position k (0..N) is the number of posts revealed; post seq k is the
newest one on screen. Between post k and post k+1 the clock runs through one
"gap": the simulated clock moves from time(k) to time(k+1) while the real wait
for that gap elapses. The real wait of a gap is

* speed mode: min(gap / speed, idle_cap) — like asciinema's `-i`, so an
  overnight silence costs at most idle_cap real seconds;
* pace mode:  pace seconds per post, whatever the gap.

Progress inside a gap is kept as a fraction, so pausing, resuming and changing
speed mid-gap continue from the same simulated moment. Every operation is O(1)
or O(log n) (bisect); only `tick` loops, once per post it reveals.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, datetime

# Speed ladder for `faster()`/`slower()`: multipliers of the simulated clock.
SPEEDS: tuple[float, ...] = (1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3600)
DEFAULT_SPEED = 60.0  # one simulated minute per real second
DEFAULT_IDLE_CAP = 2.0  # real seconds; None disables the cap
MIN_PACE = 0.05
MAX_PACE = 3600.0
_EPS = 1e-9  # tolerance so tick(now + next_due(now)) always reveals the post


def _clamp(value: int, low: int, high: int) -> int:
    return low if value < low else high if value > high else value


class PlaybackClock:
    """Replay position and simulated clock over posts sorted oldest first.

    `times[i]` is the time of post seq i+1 (tz-aware, non-decreasing).
    `days[i]` is its calendar day (default: `times[i].date()` in its own zone).
    """

    def __init__(
        self,
        times: Sequence[datetime],
        *,
        days: Sequence[date] | None = None,
        speed: float = DEFAULT_SPEED,
        idle_cap: float | None = DEFAULT_IDLE_CAP,
        pace: float | None = None,
        position: int | None = None,
    ) -> None:
        self._ts: list[float] = [t.timestamp() for t in times]
        if any(b < a for a, b in zip(self._ts, self._ts[1:])):
            raise ValueError("post times must be sorted oldest first")
        self._tz = times[0].tzinfo if times else None
        day_list = list(days) if days is not None else [t.date() for t in times]
        if len(day_list) != len(self._ts):
            raise ValueError("days and times differ in length")
        # Indices (0-based) where a new day begins, and that day; days are non-decreasing.
        self._day_starts: list[int] = []
        self._day_values: list[date] = []
        for i, d in enumerate(day_list):
            if not self._day_values or d != self._day_values[-1]:
                self._day_starts.append(i)
                self._day_values.append(d)
        self._speed = self._check_speed(speed)
        self._idle_cap = self._check_idle_cap(idle_cap)
        self._pace = self._check_pace(pace) if pace is not None else None
        n = len(self._ts)
        self._k = _clamp(position if position is not None else 1, 0, n)
        self._playing = False
        self._frac = 0.0  # progress into gap k -> k+1 while paused (0..1)
        # While playing: the gap started (or resumed) at real time _start with
        # progress _from_frac, and ends after _wait real seconds.
        self._start = 0.0
        self._from_frac = 0.0
        self._wait = 0.0

    def extend(self, times: Sequence[datetime], days: Sequence[date] | None = None) -> int:
        """Append later posts (a progressive load adds them oldest first); O(len(times)).

        Position, play state and progress inside the current gap are kept (a
        playing clock is never at the end, so its gap is already timed); a clock
        that had reached the end stays paused there. Returns the new total."""
        new = [t.timestamp() for t in times]
        if not new:
            return len(self._ts)
        prev = self._ts[-1] if self._ts else new[0]
        if new[0] < prev or any(b < a for a, b in zip(new, new[1:])):
            raise ValueError("post times must be sorted oldest first")
        day_list = list(days) if days is not None else [t.date() for t in times]
        if len(day_list) != len(new):
            raise ValueError("days and times differ in length")
        if self._tz is None:
            self._tz = times[0].tzinfo
        start = len(self._ts)
        self._ts.extend(new)
        for i, d in enumerate(day_list, start):
            if not self._day_values or d != self._day_values[-1]:
                self._day_starts.append(i)
                self._day_values.append(d)
        return len(self._ts)

    # ------------------------------------------------------------ properties
    @property
    def total(self) -> int:
        return len(self._ts)

    @property
    def position(self) -> int:
        return self._k

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def at_end(self) -> bool:
        return self._k >= len(self._ts)

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def pace(self) -> float | None:
        return self._pace

    @property
    def idle_cap(self) -> float | None:
        return self._idle_cap

    @property
    def days(self) -> list[date]:
        return list(self._day_values)

    def current_day(self) -> date | None:
        """The day of the newest revealed post (the first day when k == 0)."""
        if not self._ts:
            return None
        return self._day_values[self._day_index(max(self._k, 1) - 1)]

    # ------------------------------------------------------------ play/pause
    def play(self, now: float) -> bool:
        """Start playing from the current simulated moment. At the end nothing plays."""
        if self._playing or self.at_end:
            return self._playing
        self._playing = True
        self._begin_gap(now, self._frac)
        return True

    def pause(self, now: float) -> None:
        if not self._playing:
            return
        self.tick(now)
        if self._playing:
            self._frac = self._progress(now)
            self._playing = False

    def toggle(self, now: float) -> bool:
        """Play if paused, pause if playing; returns the new `playing`."""
        if self._playing:
            self.pause(now)
        else:
            self.play(now)
        return self._playing

    def tick(self, now: float) -> int:
        """Reveal every post that is due by `now`; returns the new position."""
        n = len(self._ts)
        while self._playing and self._k < n:
            due = self._start + self._wait
            if now + _EPS < due:
                break
            self._k += 1
            # The next gap starts when this post was due, not at `now`, so a
            # late tick never stretches the replay (and high speeds reveal several).
            self._begin_gap(due, 0.0)
        if self._k >= n:
            self._playing = False
            self._frac = 0.0
        return self._k

    def next_due(self, now: float) -> float | None:
        """Real seconds until the next post is due (0 if overdue), None when nothing plays."""
        if not self._playing or self.at_end:
            return None
        return max(0.0, self._start + self._wait - now)

    # ------------------------------------------------------------ speed/pace
    def set_speed(self, speed: float, now: float) -> float:
        """Use speed mode at `speed`× (leaves pace mode)."""
        self._retime(now, speed=self._check_speed(speed), pace=None)
        return self._speed

    def set_pace(self, pace: float | None, now: float) -> None:
        """One post every `pace` real seconds; None goes back to speed mode."""
        self._retime(now, speed=self._speed, pace=self._check_pace(pace) if pace is not None else None)

    def set_idle_cap(self, idle_cap: float | None, now: float) -> None:
        """Cap on the real wait between two posts in speed mode; None = no cap."""
        cap = self._check_idle_cap(idle_cap)
        if self._playing:
            self.tick(now)
        frac = self._progress(now) if self._playing else self._frac
        self._idle_cap = cap
        if self._playing:
            self._begin_gap(now, frac)

    def faster(self, now: float) -> float:
        """Next step up the speed ladder (pace mode: halve the pace). Returns speed or pace."""
        if self._pace is not None:
            self.set_pace(max(MIN_PACE, self._pace / 2), now)
            return self._pace  # type: ignore[return-value]
        higher = [s for s in SPEEDS if s > self._speed + 1e-9]
        return self.set_speed(higher[0] if higher else SPEEDS[-1], now)

    def slower(self, now: float) -> float:
        """Next step down the speed ladder (pace mode: double the pace)."""
        if self._pace is not None:
            self.set_pace(min(MAX_PACE, self._pace * 2), now)
            return self._pace  # type: ignore[return-value]
        lower = [s for s in SPEEDS if s < self._speed - 1e-9]
        return self.set_speed(lower[-1] if lower else SPEEDS[0], now)

    # ------------------------------------------------------------ navigation
    def step(self, delta: int, now: float) -> int:
        """Move by `delta` posts (never below post 1 while there are posts)."""
        self.tick(now)
        low = 1 if self._ts else 0
        return self._jump(_clamp(self._k + delta, low, len(self._ts)), now)

    def seek(self, k: int, now: float) -> int:
        """Jump to position k (clamped to 0..N)."""
        return self._jump(_clamp(k, 0, len(self._ts)), now)

    def seek_fraction(self, fraction: float, now: float) -> int:
        """Jump to a fraction of the replay's TIME span (keys 0-9 → 0.0-0.9).

        Time, not post count, so the playhead lands where the density bar shows
        that fraction; the target is the last post at or before that moment
        (post 1 for 0.0).
        """
        if not self._ts:
            return 0
        f = min(max(float(fraction), 0.0), 1.0)
        t = self._ts[0] + (self._ts[-1] - self._ts[0]) * f
        return self._jump(max(1, bisect_right(self._ts, t)), now)

    def seek_time(self, when: datetime, now: float) -> int:
        """Jump to the last post at or before `when` (post 1 if `when` is earlier)."""
        return self._jump(self.index_at_time(when), now)

    def index_at_time(self, when: datetime) -> int:
        """The position of the last post at or before `when` (1 if earlier; 0 without posts)."""
        if not self._ts:
            return 0
        return max(1, bisect_right(self._ts, when.timestamp()))

    def next_day(self, now: float) -> int:
        """Jump to the first post of the next day; on the last day, to the end."""
        if not self._ts:
            return 0
        d = self._day_index(max(self._k, 1) - 1)
        if self._k == 0:
            target = 1
        elif d + 1 < len(self._day_starts):
            target = self._day_starts[d + 1] + 1
        else:
            target = len(self._ts)
        return self._jump(target, now)

    def prev_day(self, now: float) -> int:
        """Jump to the first post of the previous day; on the first day, to post 1."""
        if not self._ts:
            return 0
        d = self._day_index(max(self._k, 1) - 1)
        target = self._day_starts[d - 1] + 1 if d > 0 else 1
        return self._jump(target, now)

    def first_of_day(self, day: date) -> int | None:
        """Position of the first post of `day`, or None when that day has no posts."""
        i = bisect_left(self._day_values, day)
        if i < len(self._day_values) and self._day_values[i] == day:
            return self._day_starts[i] + 1
        return None

    def restart(self, now: float) -> int:
        """Back to post 1; keeps playing if it was playing."""
        return self._jump(1 if self._ts else 0, now)

    def to_end(self, now: float) -> int:
        return self._jump(len(self._ts), now)

    # ------------------------------------------------------------ clock
    def sim_time(self, now: float) -> datetime | None:
        """The simulated clock: a post's time after a jump, between posts while playing."""
        ts = self.sim_timestamp(now)
        return None if ts is None else datetime.fromtimestamp(ts, self._tz)

    def sim_timestamp(self, now: float) -> float | None:
        if not self._ts:
            return None
        k = self._k
        if k == 0:
            return self._ts[0]
        if k >= len(self._ts):
            return self._ts[-1]
        frac = self._progress(now) if self._playing else self._frac
        a, b = self._ts[k - 1], self._ts[k]
        return a + (b - a) * frac

    # ------------------------------------------------------------ internals
    def _jump(self, k: int, now: float) -> int:
        self._k = k
        self._frac = 0.0
        if self.at_end:
            self._playing = False
        elif self._playing:
            # Stepping while playing restarts the wait for the next post.
            self._begin_gap(now, 0.0)
        return self._k

    def _retime(self, now: float, *, speed: float, pace: float | None) -> None:
        if self._playing:
            self.tick(now)  # reveal what was due at the old speed first
        frac = self._progress(now) if self._playing else self._frac
        self._speed, self._pace = speed, pace
        if self._playing:
            self._begin_gap(now, frac)
        else:
            self._frac = frac

    def _full_wait(self, k: int) -> float:
        """Real seconds for the whole gap from post k to post k+1."""
        if k <= 0:
            return 0.0  # from "nothing shown" straight to the first post
        if self._pace is not None:
            return self._pace
        gap = max(0.0, self._ts[k] - self._ts[k - 1]) / self._speed
        return gap if self._idle_cap is None else min(gap, self._idle_cap)

    def _begin_gap(self, start: float, from_frac: float) -> None:
        self._start = start
        self._from_frac = from_frac
        self._wait = (1.0 - from_frac) * self._full_wait(self._k) if self._k < len(self._ts) else 0.0

    def _progress(self, now: float) -> float:
        if self._wait <= 0:
            return 1.0
        elapsed = min(max(now - self._start, 0.0), self._wait)
        return self._from_frac + (1.0 - self._from_frac) * (elapsed / self._wait)

    def _day_index(self, i: int) -> int:
        return bisect_right(self._day_starts, i) - 1

    @staticmethod
    def _check_speed(speed: float) -> float:
        speed = float(speed)
        if not math.isfinite(speed) or speed <= 0:
            raise ValueError(f"speed must be a positive number, not {speed!r}")
        return speed

    @staticmethod
    def _check_pace(pace: float) -> float:
        pace = float(pace)
        if not math.isfinite(pace) or pace <= 0:
            raise ValueError(f"pace must be a positive number of seconds, not {pace!r}")
        return min(max(pace, MIN_PACE), MAX_PACE)

    @staticmethod
    def _check_idle_cap(idle_cap: float | None) -> float | None:
        if idle_cap is None:
            return None
        idle_cap = float(idle_cap)
        if not math.isfinite(idle_cap) or idle_cap <= 0:
            raise ValueError(f"idle cap must be a positive number of seconds, not {idle_cap!r}")
        return idle_cap
