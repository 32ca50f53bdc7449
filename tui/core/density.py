"""Posts over time for the status bar's sparkline, with the playhead.

The replay's time span [first post, last post] is cut into `width` equal
buckets. Counting a bucket is two bisects over the sorted post times, so a new
width (a terminal resize) costs O(width · log N), and results are cached per
width; nothing walks the posts again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import datetime

BLOCKS = "▁▂▃▄▅▆▇█"
EMPTY = " "  # a bucket without posts: night gaps stay visible


class Density:
    def __init__(self, times: Sequence[datetime]) -> None:
        self._ts = [t.timestamp() for t in times]
        if any(b < a for a, b in zip(self._ts, self._ts[1:])):
            raise ValueError("post times must be sorted oldest first")
        self._cache: dict[int, tuple[int, ...]] = {}
        self._edges: dict[int, list[int]] = {}

    def extend(self, times: Sequence[datetime]) -> None:
        """Append later posts (progressive loading); the span changes, so the
        per-width caches are dropped (rebuilt in O(width · log N) when drawn)."""
        new = [t.timestamp() for t in times]
        if not new:
            return
        if (self._ts and new[0] < self._ts[-1]) or any(b < a for a, b in zip(new, new[1:])):
            raise ValueError("post times must be sorted oldest first")
        self._ts.extend(new)
        self._cache.clear()
        self._edges.clear()

    @property
    def total(self) -> int:
        return len(self._ts)

    def _bounds(self, width: int) -> list[int]:
        """Post index where each bucket starts (+ N at the end): width+1 numbers."""
        if width not in self._edges:
            n = len(self._ts)
            if n == 0:
                self._edges[width] = [0] * (width + 1)
            else:
                t0, t1 = self._ts[0], self._ts[-1]
                span = t1 - t0
                bounds = [0]
                for b in range(1, width):
                    edge = t0 + span * b / width
                    bounds.append(bisect_left(self._ts, edge) if span > 0 else n)
                bounds.append(n)
                self._edges[width] = bounds
        return self._edges[width]

    def buckets(self, width: int) -> tuple[int, ...]:
        """Number of posts in each of `width` equal time slices (sums to N)."""
        if width <= 0:
            return ()
        if width not in self._cache:
            b = self._bounds(width)
            self._cache[width] = tuple(b[i + 1] - b[i] for i in range(width))
            if len(self._cache) > 16:  # widths come from resizes: keep a few
                oldest = next(iter(self._cache))
                self._cache.pop(oldest)
                self._edges.pop(oldest, None)
        return self._cache[width]

    def buckets_upto(self, k: int, width: int) -> tuple[int, ...]:
        """Like `buckets`, counting only posts 1..k (a spoiler-free variant)."""
        if width <= 0:
            return ()
        b = self._bounds(width)
        return tuple(max(0, min(b[i + 1], k) - b[i]) for i in range(width))

    def playhead(self, k: int, width: int) -> int | None:
        """The bucket holding post k (the newest revealed), None before the first post."""
        if width <= 0 or k <= 0 or not self._ts:
            return None
        k = min(k, len(self._ts))
        b = self._bounds(width)
        return min(bisect_right(b, k - 1) - 1, width - 1)


def sparkline(counts: Sequence[int], scale: int | None = None) -> str:
    """Counts → block characters; 0 is a blank, the largest count (or `scale`) a full block."""
    top = scale if scale is not None else max(counts, default=0)
    if top <= 0:
        return EMPTY * len(counts)
    levels = len(BLOCKS)
    out = []
    for c in counts:
        if c <= 0:
            out.append(EMPTY)
        else:  # any post at all shows at least the lowest block
            out.append(BLOCKS[min(levels - 1, max(0, -(-c * levels // top) - 1))])
    return "".join(out)
