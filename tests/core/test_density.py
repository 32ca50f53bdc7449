"""Density buckets and the sparkline."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.density import BLOCKS, Density, sparkline

TZ = timezone.utc
T0 = datetime(2025, 5, 14, tzinfo=TZ)


def times(hours: list[float]) -> list[datetime]:
    return [T0 + timedelta(hours=h) for h in sorted(hours)]


def test_buckets_split_time_span_evenly():
    d = Density(times([0, 1, 2, 3, 10, 11, 12]))  # span 12 h
    assert d.buckets(4) == (3, 1, 0, 3)  # [0,3) [3,6) [6,9) [9,12]
    assert d.buckets(1) == (7,)
    assert sum(d.buckets(5)) == 7
    assert d.buckets(0) == ()


def test_playhead_bucket_of_post_k():
    d = Density(times([0, 1, 2, 3, 10, 11, 12]))
    assert d.playhead(1, 4) == 0
    assert d.playhead(4, 4) == 1
    assert d.playhead(5, 4) == 3
    assert d.playhead(7, 4) == 3
    assert d.playhead(99, 4) == 3
    assert d.playhead(0, 4) is None


def test_buckets_upto_counts_revealed_posts_only():
    d = Density(times([0, 1, 2, 3, 10, 11, 12]))
    assert d.buckets_upto(2, 4) == (2, 0, 0, 0)
    assert d.buckets_upto(5, 4) == (3, 1, 0, 1)
    assert d.buckets_upto(7, 4) == d.buckets(4)


def test_single_instant_and_empty():
    d = Density(times([5, 5, 5]))
    assert d.buckets(3) == (3, 0, 0)  # no span: everything in the first bucket
    assert d.playhead(3, 3) == 0
    e = Density([])
    assert e.buckets(3) == (0, 0, 0) and e.playhead(1, 3) is None


def test_rejects_unsorted():
    with pytest.raises(ValueError):
        Density([T0, T0 - timedelta(1)])


def test_sparkline_levels():
    assert sparkline([0, 1, 8]) == " ▁█"
    assert sparkline([4, 8]) == "▄█"
    assert sparkline([]) == "" and sparkline([0, 0]) == "  "
    assert sparkline([1], scale=100) == "▁"  # a post is never invisible
    assert sparkline([200], scale=100) == "█"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=72), max_size=60), st.integers(1, 50))
def test_buckets_partition_posts_and_playhead_is_consistent(hours, width):
    d = Density(times(hours))
    counts = d.buckets(width)
    assert len(counts) == width and sum(counts) == len(hours)
    line = sparkline(counts)
    assert len(line) == width and set(line) <= set(BLOCKS) | {" "}
    prev = -1
    for k in range(1, len(hours) + 1):
        head = d.playhead(k, width)
        assert 0 <= head < width and head >= prev
        # post k lies in the playhead bucket
        assert sum(counts[:head]) < k <= sum(counts[: head + 1])
        prev = head
