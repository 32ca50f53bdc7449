"""SearchBar: the `/` prompt. Literal, case- and accent-insensitive; `re:` for a regex.

Enter and escape are priority bindings that run the replay screen's actions
(`screen.submit_search`, `screen.close_search`): the app handles them as they
arrive, so the focus goes back (`restore_focus`) before the next key is
dispatched — what is typed after Enter goes to the feed, never into the closing
bar — while the text is read by `after_typed(callback)`, which runs once the
input has taken every key typed before Enter. A pattern that is not a search (a bad regex) is shown at the
right of the bar, once, as long as it stands — not as a toast per keystroke.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import keys, render

PLACEHOLDER = "search: words (case ignored, accents count) or re:regex — enter: find · escape: clear"
_SCREEN_ACTIONS = {"submit": "screen.submit_search", "cancel": "screen.close_search"}


class SearchBar(Horizontal):
    """An input and its error; enter/escape belong to the replay screen (see the module docstring)."""

    BINDINGS = [
        Binding(b.key, _SCREEN_ACTIONS[b.action], b.description, show=b.show, priority=b.priority, tooltip=b.tooltip)
        for b in keys.bindings("search")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.display = False
        self.error = ""
        self._return_to: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="search-input", compact=True)
        yield Static("", id="search-error")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def value(self) -> str:
        return self.input.value if self.is_mounted and self.query("#search-input") else ""

    def open(self) -> None:
        """Show the bar and focus its input at once (keys typed next land there)."""
        focused = self.screen.focused
        if focused is not None and focused.parent is not self:
            self._return_to = focused
        self.display = True
        if self.query("#search-input"):
            self.screen.set_focus(self.input)
        else:  # not composed yet (a key in the first instant): focus once it is
            self.call_after_refresh(self.open)

    def close(self, clear: bool = False) -> None:
        """Hide the bar and give the focus back to where it was, at once."""
        if clear and self.query("#search-input"):
            with self.input.prevent(Input.Changed):
                self.input.value = ""
        self.display = False
        self.restore_focus()

    def restore_focus(self) -> None:
        target = self._return_to
        self.screen.set_focus(target if target is not None and target.is_attached else None)

    def after_typed(self, callback) -> None:
        """Run `callback` once the input has taken every key already sent to it."""
        if self.query("#search-input"):
            self.input.call_later(callback)
        else:
            self.call_later(callback)

    def show_error(self, error: str) -> None:
        """Why the text typed is not a search ("" clears it)."""
        self.error = error
        self.set_class(bool(error), "-error")
        for widget in self.query("#search-error").results(Static):
            widget.update(render.plain(error))
