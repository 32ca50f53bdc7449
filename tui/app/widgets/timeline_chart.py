"""TimelineChart: the lanes of tui.core.lanes drawn with Textual's Line API.

The core lays the lanes out on a character grid (`paint`: styled runs per row
and, per cell, the mark drawn there); this widget only turns runs into strips
with the styles of its component classes (tui/app/screens/timeline.tcss), keeps
the time axis on its first row while the lanes scroll under it, and maps the
mouse to marks. Text reaches the terminal as plain segments (never markup).

Selecting is state here (`selected`, a mark's identity); the screen moves it
with keys, hovering moves it too, and a double click (or Enter, on the screen)
chooses it: `MarkChosen`.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as TextualStyle

from tui.core.lanes import GROUPS, Lanes, Mark, Picture, find, paint, reselect

# Schedule kinds by what they do to a plan: one colour each.
MARK_CLASSES = {
    "proposed": "plan", "planned": "plan", "confirmed": "plan",
    "rescheduled": "change", "postponed": "change", "delayed": "change",
    "cancelled": "bad", "denied": "bad", "suspended": "bad",
    "started": "happening", "resumed": "happening", "concluded": "happening",
    "named": "named",
}


class TimelineChart(ScrollView, can_focus=False):
    """Lanes over time up to the playhead; the first row is the time axis."""

    COMPONENT_CLASSES = {
        "timeline--title", "timeline--axis", "timeline--day", "timeline--tick", "timeline--playhead",
        "timeline--grid", "timeline--section", "timeline--selected", "timeline--edge", "timeline--meeting",
        *(f"timeline--{group}" for group in GROUPS),
        *(f"timeline--mark-{kind}" for kind in set(MARK_CLASSES.values())),
    }

    class MarkHighlighted(Message):
        """The selection moved (keys or the mouse)."""

        def __init__(self, mark: Mark | None) -> None:
            super().__init__()
            self.mark = mark

    class MarkChosen(Message):
        """A mark was chosen: jump the feed to its source post."""

        def __init__(self, mark: Mark) -> None:
            super().__init__()
            self.mark = mark

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lanes: Lanes | None = None
        self.zoom = False
        self._ident: tuple[int, str, int] | None = None
        self._picture: Picture | None = None
        self._key: object = None
        self._styles: dict[str, Style] = {}

    # ---- state ---------------------------------------------------------------------------
    @property
    def lanes(self) -> Lanes | None:
        return self._lanes

    @property
    def selected(self) -> Mark | None:
        return None if self._lanes is None else find(self._lanes, self._ident)

    def show(self, lanes: Lanes | None, selected: Mark | None = None) -> None:
        """New lanes (the playhead moved, facts arrived); keeps the selection when its mark is still there."""
        self._lanes = lanes
        if selected is not None:
            self._ident = selected.ident
        self._changed()

    def select(self, mark: Mark | None) -> None:
        if mark is None or (self._ident == mark.ident):
            return
        self._ident = mark.ident
        self.post_message(self.MarkHighlighted(self.selected))
        self.refresh()  # the picture is redrawn for the new selection (two lanes) when next asked
        self.scroll_to_mark(mark)

    def set_zoom(self, zoom: bool) -> None:
        self.zoom = zoom
        self._changed()

    def _changed(self) -> None:
        self._picture = None
        self.post_message(self.MarkHighlighted(self.selected))
        self.refresh()

    # ---- drawing ---------------------------------------------------------------------------
    @property
    def picture(self) -> Picture | None:
        """The lanes painted at the widget's width: painted again when the lanes, the width or
        the zoom change; when only the selection moves, its old and new lanes only."""
        lanes = self._lanes
        width = self.scrollable_content_region.width or self.size.width
        if lanes is None or width <= 0:
            return None
        key = (id(lanes), width, self.zoom)
        picture = self._picture
        if picture is None or self._key != key:
            picture = self._picture = paint(lanes, width, zoom=self.zoom, selected=self.selected)
            self._key = key
        elif (picture.selected.ident if picture.selected else None) != self._ident:
            picture = self._picture = reselect(picture, self.selected)  # only two lanes drawn again
        size = Size(width, len(picture.rows))
        if self.virtual_size != size:
            self.virtual_size = size
        return picture

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def style_of(self, key: str) -> TextualStyle:
        """The style a picture's style key is drawn in (for the legend's swatches)."""
        return TextualStyle.from_rich_style(self._style(key))

    def _style(self, key: str, lane_color: str = "") -> Style:
        cache_key = f"{key}|{lane_color}"
        style = self._styles.get(cache_key)
        if style is None:
            style = Style()
            for part in key.split():
                style += self._part_style(part, lane_color)
            self._styles[cache_key] = style
        return style

    def _part_style(self, part: str, lane_color: str) -> Style:
        base = self.rich_style
        if part == "selected":
            return self.get_component_rich_style("timeline--selected")
        if part.startswith("title"):
            style = self.get_component_rich_style("timeline--title")
            if part == "title-party" and lane_color:
                try:
                    style += Style(color=lane_color, bold=True)
                except Exception:  # a colour from the knowledge file that does not parse
                    pass
            return style
        if part.startswith("span-"):
            return self.get_component_rich_style(f"timeline--{part[5:]}")
        if part.startswith("edge-"):
            return self.get_component_rich_style(f"timeline--{part[5:]}") + self.get_component_rich_style("timeline--edge")
        if part.startswith("mark-"):
            return self.get_component_rich_style(f"timeline--mark-{MARK_CLASSES.get(part[5:], 'named')}")
        if f"timeline--{part}" in self.COMPONENT_CLASSES:
            return self.get_component_rich_style(f"timeline--{part}")
        return base

    def render_line(self, y: int) -> Strip:
        picture = self.picture
        width = self.scrollable_content_region.width or self.size.width
        if picture is None:
            return Strip.blank(width, self.rich_style)
        index = 0 if y == 0 else int(self.scroll_offset.y) + y  # the axis stays on top
        if index >= len(picture.rows):
            return Strip.blank(width, self.rich_style)
        row = picture.rows[index]
        color = self._lanes.lanes[row.lane].color if self._lanes is not None and row.lane >= 0 else ""
        segments = [Segment(text, self._style(style, color)) for text, style in row.runs]
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    # ---- scrolling and the mouse ------------------------------------------------------------
    def scroll_to_mark(self, mark: Mark) -> None:
        picture = self.picture
        if picture is None:
            return
        row = picture.row_of(mark)
        height = self.scrollable_content_region.height
        top = int(self.scroll_offset.y)
        if row <= top:  # under the axis row (or above the view)
            self.scroll_to(y=max(0, row - 1), animate=False)
        elif height > 1 and row > top + height - 1:
            self.scroll_to(y=row - height + 1, animate=False)

    def mark_at(self, x: int, y: int) -> Mark | None:
        picture = self.picture
        if picture is None or y <= 0:
            return None
        return picture.mark_at(int(self.scroll_offset.y) + y, x)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        mark = self.mark_at(event.x, event.y)
        if mark is not None:
            self.select(mark)

    def on_click(self, event: events.Click) -> None:
        mark = self.mark_at(event.x, event.y)
        if mark is None:
            return
        self.select(mark)
        if event.chain >= 2:
            self.post_message(self.MarkChosen(mark))
