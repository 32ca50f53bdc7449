"""Heights of the feed's post blocks, with O(log n) line ↔ post lookups.

A Fenwick tree over per-post line counts. Heights start as cheap estimates and
are replaced by exact counts when a post is actually wrapped (only posts that
reach the screen are wrapped), so opening or jumping to the end of a 100k-post
blog never wraps 100k posts. Capacity grows by doubling, so following a replay
post by post costs amortised O(log n) per post. A rebuild (a new filter: up
to 100k items at once) is O(n) with the loops in C (itertools/operator):
tree[i] = prefix(i) - prefix(i & (i - 1)).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import and_, sub


class LineIndex:
    """Item i covers lines [prefix(i), prefix(i + 1)) of the virtual feed."""

    __slots__ = ("_heights", "_exact", "_tree", "_cap")

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._exact = bytearray()
        self._tree: list[int] = [0]
        self._cap = 0

    def __len__(self) -> int:
        return len(self._heights)

    def clear(self) -> None:
        self._heights.clear()
        self._exact = bytearray()
        self._tree = [0]
        self._cap = 0

    def _rebuild(self, cap: int) -> None:
        # O(cap) Fenwick construction from prefix sums: node i covers the items
        # (i & (i - 1), i], so tree[i] = P[i] - P[i & (i - 1)]; every loop is C.
        heights = self._heights
        prefix = list(accumulate(chain(heights, repeat(0, cap - len(heights))), initial=0))
        lows = map(prefix.__getitem__, map(and_, range(1, cap + 1), range(cap)))
        self._tree = [0, *map(sub, prefix[1:], lows)]
        self._cap = cap

    def extend(self, heights: Sequence[int]) -> None:
        """Append items with these (estimated) heights."""
        start = len(self._heights)
        count = start + len(heights)
        if count == start:
            return
        self._heights.extend(heights)
        self._exact.extend(bytes(count - start))
        if count > self._cap:
            self._rebuild(max(count, 2 * self._cap, 64))
        else:
            for i in range(start, count):
                self._add(i, self._heights[i])

    def _add(self, index: int, delta: int) -> None:
        i, tree, cap = index + 1, self._tree, self._cap
        while i <= cap:
            tree[i] += delta
            i += i & -i

    def height(self, index: int) -> int:
        return self._heights[index]

    def is_exact(self, index: int) -> bool:
        return bool(self._exact[index])

    def set_exact(self, index: int, height: int) -> int:
        """Record the measured height; returns the change in lines."""
        self._exact[index] = 1
        delta = height - self._heights[index]
        if delta:
            self._heights[index] = height
            self._add(index, delta)
        return delta

    def prefix(self, count: int) -> int:
        """Lines taken by items 0..count-1."""
        total, i, tree = 0, min(count, len(self._heights)), self._tree
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    def find(self, line: int, count: int | None = None) -> int:
        """Index of the item covering `line` (clamped to 0..count-1); -1 when empty."""
        n = len(self._heights) if count is None else min(count, len(self._heights))
        if n == 0:
            return -1
        if line < 0:
            return 0
        # Binary lifting: largest pos with prefix(pos) <= line.
        pos, remaining, tree = 0, line, self._tree
        step = 1 << (self._cap.bit_length())
        while step:
            nxt = pos + step
            if nxt <= self._cap and tree[nxt] <= remaining:
                pos = nxt
                remaining -= tree[nxt]
            step >>= 1
        return min(pos, n - 1)
