"""SVG snapshots of the main layouts (pytest-textual-snapshot).

A fixed position of the hand-built blog with the fake timeline, paused, so the
pictures change only when the app's look changes — not when extraction does.
Update after an intended change with: pytest tests/app/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import liveblog_app_fixtures as fx
from liveblog_fake_timeline import FakeTimeline
from liveblog_timeline_fake import TimelineFake

from tui.app.app import ReplayApp


def app_at(position: int) -> ReplayApp:
    blog = fx.make_blog()
    return ReplayApp(blog, timeline=FakeTimeline(blog), start_at=position, paused=True)


def test_snapshot_narrow_80x24(snap_compare) -> None:
    assert snap_compare(app_at(4), terminal_size=(80, 24))


def test_snapshot_narrow_with_panes_80x24(snap_compare) -> None:
    assert snap_compare(app_at(4), press=["v"], terminal_size=(80, 24))


def test_snapshot_wide_200x50(snap_compare) -> None:
    assert snap_compare(app_at(6), terminal_size=(200, 50))


def test_snapshot_end_with_summary_160x48(snap_compare) -> None:
    assert snap_compare(app_at(10), terminal_size=(160, 48))


def timeline_at(position: int) -> ReplayApp:
    """The timeline view's app: statuses, the talks' schedule, the talks and a call (TimelineFake)."""
    blog = fx.make_blog()
    return ReplayApp(blog, timeline=TimelineFake(blog), start_at=position, paused=True)


def test_snapshot_timeline_80x24(snap_compare) -> None:
    """The talks under way at #8: their bar open at the playhead (the axis ends there)."""
    assert snap_compare(timeline_at(8), press=["T"], terminal_size=(80, 24))


def test_snapshot_timeline_200x50(snap_compare) -> None:
    """At the end, the talks' bar selected (down, down): who was there, in the detail."""
    assert snap_compare(timeline_at(10), press=["T", "down", "down"], terminal_size=(200, 50))
