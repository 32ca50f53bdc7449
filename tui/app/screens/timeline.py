"""TimelineScreen: the talks as lanes over time, up to the playhead (the `T` key).

What is drawn comes from `source()`: the replay's lanes at the playhead
(tui.core.lanes.build_lanes over Timeline.state_at(k)), or a one-line reason
while the facts there are not extracted yet. The replay screen calls
`refresh_lanes()` when the playhead moves or facts arrive, so the view follows a
replay that keeps playing under it. Keys (tui.app.keys, scope "timeline") move
between marks; Enter (or a double click) dismisses with the mark's source post,
which the replay shows in the feed; escape, q or T close.

Everything shown is built from plain strings (names and evidence are data).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app import keys, render
from tui.app.widgets.timeline_chart import TimelineChart
from tui.core.lanes import SCHEDULE_SYMBOLS, Lanes, Mark, lane_step, latest, step

Source = Callable[[], "Lanes | str"]

BIG = 5_000  # marks: past this, a view that follows a playing replay rebuilds at most every FOLLOW_EVERY s
FOLLOW_EVERY = 0.5

GROUP_WORDS = {"plan": "plan", "absent": "not attending", "moving": "on the move", "there": "there",
               "talks": "in talks", "walkout": "walked out", "done": "talks over", "meeting": "meeting"}


def legend(lanes: Lanes, chart: TimelineChart) -> Content:
    """The colours and symbols this picture uses (the chart's own styles), and what "~" means."""
    groups = list(dict.fromkeys(m.group for m in lanes.marks if m.is_span))
    kinds = list(dict.fromkeys(m.group for m in lanes.marks if m.kind == "schedule"))
    parts: list[str | tuple[str, object]] = []
    for group in groups:
        parts += [("  ", chart.style_of(f"span-{group}")), (f" {GROUP_WORDS.get(group, group)}  ", "")]
    for kind in sorted(kinds, key=lambda k: list(SCHEDULE_SYMBOLS).index(k) if k in SCHEDULE_SYMBOLS else 99):
        parts += [(SCHEDULE_SYMBOLS.get(kind, "•"), chart.style_of(f"mark-{kind}")), (f" {kind}  ", "")]
    parts.append(("~ estimated time", render.DIM))
    return render.line(*parts)  # type: ignore[arg-type]


def detail(lanes: Lanes | None, mark: Mark | None) -> Content:
    """The selected mark: what and when (first line), then who (a meeting) or its evidence."""
    if lanes is None or mark is None:
        return render.plain("no mark selected", render.DIM)
    parts: list[str | tuple[str, str]] = [(lanes.text(mark), "bold")]
    for line in mark.people:
        parts += ["\n", (line, "")]
    if mark.evidence:
        parts += ["\n", (f"“{mark.evidence}”", render.DIM)]
    return render.line(*parts)


class TimelineScreen(Screen[int | None]):
    """Lanes per party and meeting up to the playhead; dismisses with a source post or None."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = keys.bindings("timeline")

    def __init__(self, source: Source, *, zoom: bool = True) -> None:
        """`source()`: the lanes at the playhead, or why there are none yet; `zoom`: the axis
        ends at the playhead (else at the last post parsed: the whole blog so far)."""
        super().__init__()
        self._source = source
        self._zoom = zoom
        self.reason = ""  # why nothing is drawn (facts still loading …), "" when lanes are shown
        self._follow_pending = False

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-box") as box:
            box.border_title = "Timeline"
            box.border_subtitle = "enter: go to the post · z: zoom · escape: close"
            yield TimelineChart(id="timeline-chart")
            yield Static(render.plain(""), id="timeline-detail")
            yield Static(render.plain(""), id="timeline-legend")
        yield Footer(compact=True)

    @property
    def chart(self) -> TimelineChart:
        return self.query_one(TimelineChart)

    def on_mount(self) -> None:
        self.chart.set_zoom(self._zoom)
        self._rebuild()

    def refresh_lanes(self) -> None:
        """Rebuild from the source (the playhead moved, or facts were extracted). A big
        picture (tens of thousands of marks: ~0.1 s to build) follows a playing replay
        at most every FOLLOW_EVERY seconds, so keys never queue behind rebuilds."""
        charts = self.query(TimelineChart)
        if charts and charts.first().lanes is not None and len(charts.first().lanes.marks) > BIG:
            if not self._follow_pending:
                self._follow_pending = True
                self.set_timer(FOLLOW_EVERY, self._follow)
            return
        self._rebuild()

    def _follow(self) -> None:
        self._follow_pending = False
        self._rebuild()

    def _rebuild(self) -> None:
        charts = self.query(TimelineChart)
        if not charts:
            return  # not composed yet: on_mount draws
        found = self._source()
        chart = charts.first()
        box = self.query_one("#timeline-box")
        if isinstance(found, str):
            self.reason = found
            chart.show(None)
            box.border_title = "Timeline"
            self._detail(render.plain(found, render.DIM))
            self.query_one("#timeline-legend", Static).update(render.plain(""))
            return
        self.reason = ""
        lanes = found
        first = chart.lanes is None
        chart.show(lanes)
        if chart.selected is None or first:
            chart.select(latest(lanes))
        box.border_title = render.plain(self._title(lanes))  # party names are text, never markup
        self.query_one("#timeline-legend", Static).update(legend(lanes, chart))
        if not lanes.lanes:
            self.reason = f"nothing on the timeline yet: no status, schedule or meeting reported by #{lanes.seq}"
            self._detail(render.plain(self.reason, render.DIM))

    def _title(self, lanes: Lanes) -> str:
        span = "up to the playhead" if self._zoom else "whole blog"
        head = f"as of #{lanes.seq}" if lanes.seq else "before the first post"
        quiet = f" · no status yet for {', '.join(lanes.quiet)}" if lanes.quiet else ""
        return f"Timeline · {head} · {span}{quiet}"

    def _detail(self, content: Content) -> None:
        self.query_one("#timeline-detail", Static).update(content)

    @on(TimelineChart.MarkHighlighted)
    def _highlighted(self, event: TimelineChart.MarkHighlighted) -> None:
        if not self.reason:
            self._detail(detail(self.chart.lanes, event.mark))

    @on(TimelineChart.MarkChosen)
    def _chosen(self, event: TimelineChart.MarkChosen) -> None:
        self.dismiss(event.mark.seq)

    # ---- keys -------------------------------------------------------------------------------
    def _move(self, how: Callable[[Lanes, Mark], Mark]) -> None:
        chart = self.chart
        lanes, mark = chart.lanes, chart.selected
        if lanes is None:
            return
        chart.select(how(lanes, mark) if mark is not None else latest(lanes))

    def action_next_mark(self) -> None:
        self._move(lambda lanes, mark: step(lanes, mark, 1))

    def action_prev_mark(self) -> None:
        self._move(lambda lanes, mark: step(lanes, mark, -1))

    def action_lane(self, delta: int) -> None:
        self._move(lambda lanes, mark: lane_step(lanes, mark, delta))

    def action_first_mark(self) -> None:
        self._move(lambda lanes, mark: min(lanes.marks, key=lambda m: (m.start, m.lane)))

    def action_last_mark(self) -> None:
        self._move(lambda lanes, mark: latest(lanes) or mark)

    def action_select(self) -> None:
        mark = self.chart.selected
        if mark is not None:
            self.dismiss(mark.seq)

    @property
    def zoom(self) -> bool:
        """The axis ends at the playhead (True) or at the last post parsed (False)."""
        return self._zoom

    def action_zoom(self) -> None:
        chart = self.chart
        self._zoom = not self._zoom
        chart.set_zoom(self._zoom)
        if chart.lanes is not None:
            self.query_one("#timeline-box").border_title = render.plain(self._title(chart.lanes))

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = ["TimelineScreen", "detail", "legend"]
