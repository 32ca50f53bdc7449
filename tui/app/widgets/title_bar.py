"""TitleBar: the blog's title and outlet, and a legend for the marks on screen.

The legend names only marks that can be on screen: `~` (estimated time) always;
`◆` changed, `✓` present, `○` announced with the panes (hidden with them: the
screen's `-no-panes` class); `⚑` pinned only for a blog with pinned posts.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tui.app import render

# Every mark the feed and the panes use: (mark, meaning, where it appears).
LEGEND = (
    ("~", "estimated time", "feed"),
    ("◆", "changed", "panes"),
    ("✓", "present", "panes"),
    ("○", "announced", "panes"),
    ("⚑", "pinned", "pinned"),
)


def legend() -> str:
    return "  ".join(f"{mark} {meaning}" for mark, meaning, _ in LEGEND)


class TitleBar(Horizontal):
    """One line: title · outlet on the left (cut with … when narrow), the legend on the right."""

    def __init__(self, title: str, outlet: str = "", *, pinned: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = title
        self._outlet = outlet
        self._pinned = pinned

    def compose(self) -> ComposeResult:
        parts: list[str | tuple[str, str]] = [(self._title, "bold")]
        if self._outlet:
            parts += ["  ", (self._outlet, render.OUTLET)]
        yield Static(render.line(*parts), id="title-text", markup=False)
        for mark, meaning, where in LEGEND:
            if where == "pinned" and not self._pinned:
                continue
            yield Static(render.plain(f"{mark} {meaning}", render.DIM), classes=f"legend -{where}-mark", markup=False)
