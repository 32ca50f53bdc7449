"""SummaryPanel: the blog's lede, shown only at the end of the replay (no spoilers)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app import render


class SummaryPanel(VerticalScroll):
    """The lede above the first day header, written after the events; hidden until the end."""

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
