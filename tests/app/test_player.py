"""The status bar: density buckets, sparkline with playhead, clock and speed text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App, ComposeResult

from tui.app.widgets.player_bar import PlayerBar, PlayerStatus, format_speed
from tui.core.density import Density, sparkline

TZ = timezone(timedelta(hours=3))


def times(n: int, start: int = 0) -> list[datetime]:
    base = datetime(2025, 5, 14, 8, 0, tzinfo=TZ)
    return [base + timedelta(minutes=start + i) for i in range(n)]


def test_the_bar_draws_the_core_density() -> None:
    """No bucket code of its own: the sparkline is tui.core.density's."""
    density = Density(times(100))
    bar = PlayerBar(density)
    assert bar.density is density
    assert bar.sparkline(20) == sparkline(density.buckets(20))


def test_format_speed() -> None:
    assert format_speed(60, None) == "60×"
    assert format_speed(1.5, None) == "1.5×"
    assert format_speed(60, 2.0) == "1 post/2s"


def status(**kw) -> PlayerStatus:
    base = dict(
        playing=False,
        position=3,
        total=10,
        sim_time=datetime(2025, 5, 15, 14, 30, tzinfo=TZ),
        estimated=True,
        speed=60.0,
        pace=None,
        idle_cap=2.0,
        fraction=0.5,
    )
    base.update(kw)
    return PlayerStatus(**base)


class BarHost(App[None]):
    CSS = (Path(__file__).parents[2] / "tui" / "app" / "app.tcss").read_text()

    def __init__(self, density: Density | None = None) -> None:
        super().__init__()
        self.density = density if density is not None else Density(times(100))
        self.clock = [1000.0]

    def compose(self) -> ComposeResult:
        yield PlayerBar(self.density, now=lambda: self.clock[0])


def bar_text(app: App) -> str:
    bar = app.query_one(PlayerBar)
    return "".join(s.text for s in bar.render_line(0))


async def test_bar_shows_state_clock_speed_position_and_playhead() -> None:
    app = BarHost()
    async with app.run_test(size=(100, 3)) as pilot:
        bar = app.query_one(PlayerBar)
        bar.status = status()
        await pilot.pause()
        text = bar_text(app)
        assert "⏸" in text and "~Thu 15 May 14:30" in text and "60×" in text and "3/10" in text
        assert f"14:30 {status().sim_time:%Z} " in text  # the clock names its zone
        bar.status = status(playing=True, estimated=False, filtered="2 shown")
        await pilot.pause()
        text = bar_text(app)
        assert "▶" in text and " Thu 15 May 14:30" in text and "~Thu" not in text and "3/10 · 2 shown" in text
        spark = text[text.index("shown") + 5 :].strip()
        assert len(spark) > 30  # the rest of the line is the density bar


async def test_playhead_moves_with_fraction() -> None:
    app = BarHost()
    async with app.run_test(size=(100, 3)) as pilot:
        bar = app.query_one(PlayerBar)

        def playhead_x() -> int:
            x = 0
            for segment in bar.render_line(0):
                if segment.style is not None and segment.style.reverse:
                    return x
                x += len(segment.text)
            raise AssertionError("no playhead")

        bar.status = status(fraction=0.1)
        await pilot.pause()
        early = playhead_x()
        bar.status = status(fraction=0.9)
        await pilot.pause()
        assert playhead_x() > early + 30


async def test_notice_replaces_speed_briefly() -> None:
    app = BarHost()
    async with app.run_test(size=(100, 3)) as pilot:
        bar = app.query_one(PlayerBar)
        bar.status = status()
        bar.notice("speed 600×")
        await pilot.pause()
        assert "speed 600×" in bar_text(app)
        app.clock[0] += 60  # a minute later
        bar.refresh()
        await pilot.pause()
        assert "speed 600×" not in bar_text(app) and "60×" in bar_text(app)


async def test_sparkline_follows_a_growing_density() -> None:
    """Progressive loading: posts arrive after the first frame; the bar redraws
    its sparkline over the longer span instead of keeping the first one."""
    density = Density(times(10))
    app = BarHost(density)
    async with app.run_test(size=(100, 3)) as pilot:
        bar = app.query_one(PlayerBar)
        bar.status = status(position=1, total=10, fraction=0.0)
        await pilot.pause()
        before = bar_text(app)
        density.extend(times(10, start=600))  # ten more posts ten hours later: a gap opens
        bar.posts_added()
        await pilot.pause()
        after = bar_text(app)
        assert before != after
        spark = after[after.index("1/10") + 4 :].strip()
        assert "  " in spark  # the night gap between the two bursts shows as blanks
