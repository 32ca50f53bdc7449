"""SummaryPanel: the blog's lede, shown only at the end of the replay (no spoilers)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app import render


class SummaryPanel(VerticalScroll):
    """The lede above the first day header, written after the events; hidden until the end.

    Taller than its room (a long lede on a small terminal), it scrolls, and its bottom border
    says how many lines are out of view ("↓ 12 more lines"), as the side panes do."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text
        self.border_title = "Summary — the replay has reached the end"
        self.display = False

    def compose(self) -> ComposeResult:
        yield Static(render.plain(self._text), id="summary-text")

    def set_text(self, text: str) -> None:
        """The lede changed (a followed file was saved again)."""
        if text != self._text:
            self._text = text
            for static in self.query("#summary-text").results(Static):
                static.update(render.plain(text))

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_out_of_view)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._say_out_of_view()

    def watch_virtual_size(self) -> None:
        self.call_after_refresh(self._say_out_of_view)

    def _say_out_of_view(self) -> None:
        below = max(0, round(self.max_scroll_y - self.scroll_y))
        above = max(0, round(self.scroll_y))
        parts = ([f"↑ {above} line{'s' if above != 1 else ''} above"] if above else []) + \
            ([f"↓ {below} more line{'s' if below != 1 else ''}"] if below else [])
        self.border_subtitle = " · ".join(parts)
