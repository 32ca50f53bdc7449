"""TitleBar: the blog's title and outlet, and a legend for the marks the replay uses."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tui.app import render

# Every mark the feed and the panes use, explained where the eye finds it.
LEGEND = (
    ("~", "estimated time"),
    ("◆", "changed"),
    ("✓", "present"),
    ("○", "announced"),
    ("⚑", "pinned"),
)


def legend() -> str:
    return "  ".join(f"{mark} {meaning}" for mark, meaning in LEGEND)


class TitleBar(Horizontal):
    """One line: title · outlet on the left (cut with … when narrow), the legend on the right."""

    def __init__(self, title: str, outlet: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = title
        self._outlet = outlet

    def compose(self) -> ComposeResult:
        parts: list[str | tuple[str, str]] = [(self._title, "bold")]
        if self._outlet:
            parts += ["  ", (self._outlet, render.OUTLET)]
        yield Static(render.line(*parts), id="title-text", markup=False)
        yield Static(render.plain(legend(), render.DIM), id="legend", markup=False)
