"""How the timeline view reads and how fast it draws: three ways to draw the same lanes.

    python benchmarks/timeline_widgets.py [--blog FILE] [--at SEQ ...] [--repeat N]

The lanes (tui.core.lanes.build_lanes at a playhead) are drawn full screen at
80×24 and 200×50 by

  chart     the app's TimelineChart: Textual's Line API over tui.core.lanes.paint
            (labels inside spans, one cell per marker, the axis pinned on top);
  plot      textual-plot's PlotWidget (pip install textual-plot): spans as line
            plots at one y per lane, markers as scatter plots, the playhead as a
            vertical line, lanes and days as tick labels;
  plotext   textual-plotext's PlotextPlot (pip install textual-plotext): spans as
            thick lines, labels with plt.text, markers, the playhead as a vline.

For each it writes an SVG screenshot to benchmarks/out/timeline-<way>-<W>x<H>-<seq>.svg
(git-ignored; look at them to judge how they read) and prints the median time
to draw the widget's lines from fresh data (data → strips, what a repaint
costs after the playhead moves); before that, the core alone: build_lanes and
paint, and `}` / `{` (ReplaySession.key_event with its notice). A way whose package is not installed is
skipped with a note. The blog defaults to the bundled one; --blog takes any
(e.g. benchmarks/out/blog-100000.txt from make_blog.py), extracted in full first.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"

from textual.app import App, ComposeResult  # noqa: E402
from textual.geometry import Region  # noqa: E402

from tui.core.lanes import Lanes, build_lanes, latest, paint, short_names  # noqa: E402
from tui.core.session import ReplaySession  # noqa: E402

SIZES = ((80, 24), (200, 50))
COLORS = {"plan": "#3b6ea8", "absent": "#a04055", "moving": "#777777", "there": "#3f8f5a", "talks": "#d08a2a",
          "walkout": "#d0304a", "done": "#2f4f6f", "meeting": "#d08a2a"}


def hours(lanes: Lanes, t: float) -> float:
    return (t - lanes.origin) / 3600


# ---------------------------------------------------------------- the three ways
def make_chart(lanes: Lanes):
    from tui.app.widgets.timeline_chart import TimelineChart

    chart = TimelineChart()
    chart.show(lanes, latest(lanes))
    return chart, lambda: chart.show(lanes, latest(lanes))


def make_plot(lanes: Lanes):
    from textual_plot import PlotWidget
    from textual_plot.axis_formatter import AxisFormatter

    titles = {-i: lane.title for i, lane in enumerate(lanes.lanes)}

    class LaneNames(AxisFormatter):
        def get_ticks(self, min_, max_, max_ticks=8):
            return sorted(titles)

        def get_labels_for_ticks(self, ticks):
            return [titles.get(round(t), "") for t in ticks]

    class Hours(AxisFormatter):
        def get_ticks(self, min_, max_, max_ticks=8):
            step = max(1, round((max_ - min_) / max(1, max_ticks) / 6) * 6)
            return [float(h) for h in range(0, int(max_) + 1, step)]

        def get_labels_for_ticks(self, ticks):
            return [f"+{int(t)}h" for t in ticks]

    widget = PlotWidget()

    def fill() -> None:
        widget.clear()
        for i, lane in enumerate(lanes.lanes):
            for mark in lane.marks:
                x0, x1 = hours(lanes, mark.start), hours(lanes, mark.end)
                if mark.is_span:
                    widget.plot([x0, max(x1, x0 + 0.05)], [-i, -i], line_style=COLORS.get(mark.group, "white"))
                else:
                    widget.scatter([x0], [-i], marker=mark.symbol, marker_style="bold yellow")
        widget.add_v_line(hours(lanes, lanes.now), "yellow")
        widget.set_y_formatter(LaneNames())
        widget.set_x_formatter(Hours())
        widget.set_xlimits(0, hours(lanes, lanes.end))
        widget.set_ylimits(-len(lanes.lanes) + 0.5, 0.5)

    return widget, fill


def make_plotext(lanes: Lanes):
    from textual_plotext import PlotextPlot

    widget = PlotextPlot()

    def fill() -> None:
        plt = widget.plt
        plt.clear_data()
        plt.clear_figure()
        n = len(lanes.lanes)
        for i, lane in enumerate(lanes.lanes):
            y = n - i
            for mark in lane.marks:
                x0, x1 = hours(lanes, mark.start), hours(lanes, mark.end)
                if mark.is_span:
                    plt.plot([x0, max(x1, x0 + 0.05)], [y, y], marker="hd", color=COLORS.get(mark.group, "white"))
                    plt.text(mark.label, x0, y, color="white")
                else:
                    plt.scatter([x0], [y], marker=mark.symbol, color="yellow")
        plt.vline(hours(lanes, lanes.now), "yellow")
        plt.yticks([n - i for i in range(n)], [lane.title for lane in lanes.lanes])
        plt.xlim(0, hours(lanes, lanes.end))
        widget.refresh()

    return widget, fill


WAYS: dict[str, tuple[str, Callable]] = {"chart": ("tui (always)", make_chart),
                                         "plot": ("textual_plot", make_plot),
                                         "plotext": ("textual_plotext", make_plotext)}


def available(module: str) -> bool:
    if module.startswith("tui"):
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


class Host(App):
    CSS = "Screen { layout: vertical; } #w { width: 1fr; height: 1fr; }"
    CSS_PATH = str(ROOT / "tui" / "app" / "screens" / "timeline.tcss")

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        self.widget.id = "w"
        yield self.widget


async def draw(way: str, lanes: Lanes, size: tuple[int, int], repeat: int, out: Path) -> float:
    widget, fill = WAYS[way][1](lanes)
    app = Host(widget)
    async with app.run_test(size=size) as pilot:
        fill()
        await pilot.pause()
        await pilot.pause()
        out.write_text(app.export_screenshot(), encoding="utf-8")
        region = Region(0, 0, *widget.size)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fill()  # fresh data (a new Lanes after the playhead moved) ...
            widget.refresh()
            widget.render_lines(region)  # ... to the widget's strips
            times.append((time.perf_counter() - t0) * 1000)
        return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blog", help="a blog file (default: the bundled blog)")
    ap.add_argument("--at", type=int, nargs="*", help="playheads (default: a third, two thirds, the end)")
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--ways", nargs="*", default=list(WAYS), choices=list(WAYS), help="which drawings (default: all)")
    args = ap.parse_args(argv)
    from tui.core.knowledge import load_knowledge
    from tui.core.load import load_blog
    from tui.core.timeline import Timeline

    blog = load_blog(args.blog)
    t0 = time.perf_counter()
    tl = Timeline.build(blog, load_knowledge(blog_path=blog.source if args.blog else None))
    n = len(blog.posts)
    print(f"blog: {blog.source}, {n:,} posts, extracted in {time.perf_counter() - t0:.1f} s", flush=True)
    OUT.mkdir(exist_ok=True)
    at = args.at or [max(1, n // 3), max(1, 2 * n // 3), n]
    for k in at:
        state = tl.state_at(k)
        short = short_names(tl.knowledge_at(k))  # what the panes' state_at(k) has just cached
        builds = []
        for _ in range(args.repeat):
            t1 = time.perf_counter()
            lanes = build_lanes(state, blog.posts, tz=blog.tz, short=short)
            builds.append((time.perf_counter() - t1) * 1000)
        paints = []
        for _ in range(args.repeat):
            t1 = time.perf_counter()
            paint(lanes, 200, selected=latest(lanes))
            paints.append((time.perf_counter() - t1) * 1000)
        marks = len(lanes.marks)
        print(f"\nplayhead #{k}: {len(lanes.lanes)} lanes, {marks:,} marks; median build_lanes "
              f"{statistics.median(builds):.2f} ms, paint at 200 columns {statistics.median(paints):.2f} ms")
        session = ReplaySession(blog, timeline=tl, start_at=k, paused=True)
        steps = []
        for forward in (True, False) * 5:
            t1 = time.perf_counter()
            session.key_event(forward, 0.0)
            steps.append((time.perf_counter() - t1) * 1000)
        print(f"  key events: {len(tl.changes()):,} posts change a pane; }} / {{ with its notice: median "
              f"{statistics.median(steps):.3f} ms")
        for way, (module, _) in WAYS.items():
            if way not in args.ways:
                continue
            if not available(module):
                print(f"  {way:8} not installed (pip install {module.replace('_', '-')})")
                continue
            for size in SIZES:
                out = OUT / f"timeline-{way}-{size[0]}x{size[1]}-{k}.svg"
                ms = asyncio.run(draw(way, lanes, size, args.repeat, out))
                print(f"  {way:8} {size[0]:>3}×{size[1]:<3} draw {ms:8.2f} ms   {out.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
