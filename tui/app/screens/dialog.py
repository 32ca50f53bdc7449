"""Dialog: the base of the replay's modal screens (help, post, go-to, bookmarks).

Two things every dialog does alike:

* It shows its own keys: a compact Footer of its bindings, over the replay's
  (whose keys do not act while the dialog is open).
* Keys typed right after the key that closes it ("? q q", ": 37 enter e") belong
  to the screen below, in the order typed. Textual delivers them to the dialog
  until it is popped; once dismissed, a dialog runs no more actions and hands
  each such key back to the app, which by then routes it to the replay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import events
from textual.screen import ModalScreen
from textual.widgets import Footer, Input

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal screen that footers its own keys and forwards keys typed after it closed."""

    closing: bool = False  # dismissed: keys still arriving here are the replay's

    def footer(self) -> Footer:
        """The dialog's footer (yield it last in compose)."""
        return Footer(compact=True)

    def read_typed(self, selector: str, then: Callable[[str], None], default: str = "") -> None:
        """For an Enter bound with priority (it acts when typed, before the input has taken the
        keys typed ahead of it): call `then(text)` once the input has them all; at once with
        `default` when the input is not composed yet (nothing typed can be in it)."""
        if self.closing:
            return
        inputs = self.query(selector)
        if not inputs:
            then(default)
            return
        field = inputs.first(Input)

        def deliver() -> None:  # returns nothing: call_later would await a dismiss() inside the input
            then(field.value)

        field.call_later(deliver)

    def dismiss(self, result: ResultType | None = None):  # type: ignore[override]
        if self.closing:
            return None  # a second closing key typed ahead ("q q"): the first one closes
        self.closing = True
        return super().dismiss(result)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if self.closing else super().check_action(action, parameters)

    def on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))


class DialogInput(Input):
    """An input that types nothing once its dialog is closing (the key goes on to the replay)."""

    def on_key(self, event: events.Key) -> None:
        if getattr(self.screen, "closing", False):
            event.prevent_default()  # Input's own handler does not run; the key bubbles to the dialog

    def on_paste(self, event: events.Paste) -> None:
        if getattr(self.screen, "closing", False):
            event.prevent_default()
