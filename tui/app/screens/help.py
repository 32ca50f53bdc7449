"""HelpScreen: every key of the replay, grouped by where it acts — from tui.app.keys.

The same table makes the bindings, the footer, the palette, `replay --help` and
the README, so what `?` shows is what the keys do.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.app import keys, render
from tui.app.screens.dialog import Dialog
from tui.app.widgets.title_bar import LEGEND


class HelpScreen(Dialog[None]):
    """Every key and mark; escape, q or ? closes."""

    CSS_PATH = "help.tcss"
    BINDINGS = keys.bindings("help")
    AUTO_FOCUS = "#help-scroll"  # ↑ ↓ PgUp PgDn scroll the keys at once

    def __init__(self) -> None:
        super().__init__()
        legend = [keys.Row(mark, meaning, "legend") for mark, meaning, _ in LEGEND]
        # what the screen shows and text() says: the key table's groups, then the marks
        self.sections: list[tuple[str, list[keys.Row]]] = [*keys.help_groups(), ("Marks", legend)]

    def compose(self) -> ComposeResult:
        key_width = min(max((len(r.keys) for _, rows in self.sections for r in rows), default=4), 16)
        with Vertical(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "↑ ↓ PgUp PgDn scroll · escape / q / ? to close"
            with VerticalScroll(id="help-scroll"):
                # one row per key, its description in a column of its own: a long one wraps under
                # itself, not under the keys
                for title, rows in self.sections:
                    yield Static(render.line((title, "bold $accent")), classes="help-title")
                    for row in rows:
                        with Horizontal(classes="help-row"):
                            yield Static(render.line((row.keys, "bold")), classes="help-key").set_styles(
                                f"width: {key_width + 4};")
                            yield Static(Content(row.doc), classes="help-doc")
        yield self.footer()

    def text(self) -> str:
        """The help as plain text (for tests and the e2e check)."""
        return "\n".join(line for title, rows in self.sections
                         for line in (title, *(f"  {row.keys}  {row.doc}" for row in rows)))

    def action_close(self) -> None:
        self.dismiss(None)
