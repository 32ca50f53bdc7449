"""Pilot tests for the FilterBar: chips with counts, removal, debounce, open/close."""

from __future__ import annotations

import liveblog_app_fixtures as fx

from datetime import date, datetime, timedelta, timezone

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from tui.app.widgets.filter_bar import Chip, FilterBar, FilterChanged, FilterClosed
from tui.app.widgets.panes import WIDGETS_CSS_PATH
from tui.core.facts import PostEntities
from tui.core.model import Post
from tui.core.query import PostIndex

TZ = timezone(timedelta(hours=3))


def _post(seq: int, day: int, text: str) -> Post:
    return Post(seq, date(2025, 5, day), datetime(2025, 5, day, 9, seq, tzinfo=TZ), False, seq, seq, (text,))


POSTS = [
    _post(1, 15, "Medinsky arrived in Istanbul."),
    _post(2, 15, "Putin will not attend, Peskov said."),
    _post(3, 16, "Medinsky and Umerov met at the palace [bold]X"),
]
ENTITIES = {
    1: PostEntities(people=("Vladimir Medinsky",)),
    2: PostEntities(people=("Vladimir Putin", "Dmitry Peskov")),
    3: PostEntities(people=("Vladimir Medinsky", "Rustem Umerov")),
}


class FilterApp(App):
    CSS_PATH = WIDGETS_CSS_PATH

    def __init__(self, debounce: float = 0.05) -> None:
        super().__init__()
        self.index = PostIndex.build(POSTS, lambda seq: ENTITIES[seq])
        self.debounce = debounce
        self.changes: list[str] = []
        self.closed: list[str] = []

    def compose(self) -> ComposeResult:
        yield FilterBar(self.index.term_counts, term_error=self.index.term_error, debounce=self.debounce)
        yield Static("feed")

    def on_filter_changed(self, message: FilterChanged) -> None:
        self.changes.append(message.text)
        self.query_one(FilterBar).set_result_count(len(self.index.filter(message.query)))

    def on_filter_closed(self, message: FilterClosed) -> None:
        self.closed.append(message.query.text)


def chip_labels(bar: FilterBar) -> list[str]:
    return [chip.label.plain for chip in bar.chips()]


async def test_open_focuses_input_and_closed_bar_is_hidden() -> None:
    app = FilterApp()
    async with app.run_test(size=(80, 12)) as pilot:
        bar = app.query_one(FilterBar)
        assert not bar.display or bar.styles.display == "none"
        bar.open()
        await pilot.pause()
        assert bar.styles.display == "block"
        assert isinstance(app.focused, Input)


async def test_typing_terms_makes_chips_with_counts_and_posts_filter_changed() -> None:
    app = FilterApp()
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        await pilot.pause()
        typed = "istanbul person:medinsky"
        await pilot.press(*typed[:3])  # real keys for the start, then fast edits
        for end in range(4, len(typed) + 1):
            bar.input.value = typed[:end]
        await pilot.pause(0.2)
        assert chip_labels(bar) == ["istanbul 1 ✕", "person:medinsky 2 ✕"]
        # Debounced: one change per pause, not one per keystroke.
        assert app.changes[-1] == "istanbul person:medinsky"
        assert len(app.changes) <= 4
        assert bar.query_one("#filter-total", Static).render().plain == "1 post"


async def test_zero_count_chip_is_marked_and_no_posts_match_is_shown() -> None:
    app = FilterApp()
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        bar.set_query("person:nobody")
        await pilot.pause()
        (chip,) = bar.chips()
        assert chip.has_class("-zero") and chip.count == 0
        assert "nobody" in str(chip.tooltip.plain)
        total = bar.query_one("#filter-total", Static)
        assert total.render().plain == "no posts match" and total.has_class("-none")


async def test_removing_a_chip_rewrites_the_query() -> None:
    app = FilterApp()
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        bar.set_query('medinsky day:16 "the palace"')
        await pilot.pause()
        assert len(bar.chips()) == 3
        await pilot.click(bar.chips()[1])  # day:16
        await pilot.pause()
        assert bar.input.value == 'medinsky "the palace"'
        assert chip_labels(bar) == ["medinsky 2 ✕", "the palace 1 ✕"]
        assert app.changes[-1] == 'medinsky "the palace"'
        # Keyboard removal: focus a chip, press enter.
        bar.chips()[0].focus()
        await pilot.press("enter")
        await pilot.pause()
        assert bar.input.value == '"the palace"'
        assert app.changes[-1] == '"the palace"'


async def test_escape_closes_keeps_chips_and_posts_filter_closed() -> None:
    app = FilterApp()
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        await pilot.pause()
        await pilot.press(*"putin")
        await pilot.press("escape")
        await pilot.pause()
        assert app.closed == ["putin"]  # the pending text was applied before closing
        assert app.changes[-1] == "putin"
        assert not bar.is_open and bar.has_class("-active")
        assert bar.query_one("#filter-row").styles.display == "none"
        assert bar.styles.display == "block"  # chips still visible
        assert not isinstance(app.focused, Input)
        # Clearing while closed hides the bar entirely.
        bar.clear()
        await pilot.pause()
        assert bar.styles.display == "none"
        assert app.changes[-1] == ""


async def test_enter_applies_and_closes() -> None:
    app = FilterApp(debounce=5.0)  # a long debounce: only enter can apply in time
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        await pilot.pause()
        await pilot.press(*"umerov", "enter")
        await pilot.pause()
        assert app.changes == ["umerov"]
        assert app.closed == ["umerov"]


async def test_markup_in_a_term_is_shown_verbatim() -> None:
    app = FilterApp()
    async with app.run_test(size=(100, 12)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        bar.set_query("[bold]X [/]")
        await pilot.pause()
        assert chip_labels(bar) == ["[bold]X 1 ✕", "[/] 0 ✕"]
        screen = fx.screen_text(app)
        assert "[bold]X 1 ✕" in screen and "[/] 0 ✕" in screen
