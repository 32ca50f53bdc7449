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


def render_group(title: str, rows: list[keys.Row], key_width: int) -> Content:
    lines: list[str | tuple[str, str] | Content] = [(title, "bold $accent")]
    for row in rows:
        lines += ["\n  ", (row.keys.ljust(key_width), "bold"), "  ", row.doc]
    return render.line(*lines)


def legend_group() -> Content:
    lines: list[str | tuple[str, str]] = [("Marks", "bold $accent")]
    for mark, meaning, _ in LEGEND:
        lines += ["\n  ", (mark.ljust(3), "bold"), "  ", meaning]
    return render.line(*lines)


class HelpScreen(Dialog[None]):
    """Every key and mark; escape, q or ? closes."""

    CSS_PATH = "help.tcss"
    BINDINGS = keys.bindings("help")
    AUTO_FOCUS = "#help-scroll"  # ↑ ↓ PgUp PgDn scroll the keys at once

    def __init__(self) -> None:
        super().__init__()
        self.groups = keys.help_groups()

    def compose(self) -> ComposeResult:
        key_width = min(max((len(r.keys) for _, rows in self.groups for r in rows), default=4), 16)
        with Vertical(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "↑ ↓ PgUp PgDn scroll · escape / q / ? to close"
            with VerticalScroll(id="help-scroll"):
                # one row per key, its description in a column of its own: a long one wraps under
                # itself, not under the keys
                for title, rows in [*self.groups, ("Marks", [keys.Row(m, meaning, "legend") for m, meaning, _ in LEGEND])]:
                    yield Static(render.line((title, "bold $accent")), classes="help-title")
                    for row in rows:
                        with Horizontal(classes="help-row"):
                            yield Static(render.line((row.keys, "bold")), classes="help-key").set_styles(
                                f"width: {key_width + 4};")
                            yield Static(Content(row.doc), classes="help-doc")
        yield self.footer()

    def text(self) -> str:
        """The help as plain text (for tests and the e2e check)."""
        return "\n".join([*(render_group(title, rows, 0).plain for title, rows in self.groups), legend_group().plain])

    def action_close(self) -> None:
        self.dismiss(None)
