"""BookmarksScreen: every bookmark of the blog — jump to one, delete one, undo.

One option per bookmark, oldest post first: `#37 ~Wed 14 May 09:00`, what
became of its post if the file changed (moved, changed, gone, not loaded yet)
or that it is ahead of the playhead, then the note and the post's first words (not for a post
ahead of the playhead: that would show what has not happened yet).
Enter dismisses with the chosen `Placed` (the replay seeks there); `d` deletes
the highlighted one at once and `u` puts it back. Everything shown is built
from plain strings (notes are the user's text, posts are data).

The screen asks its owner for the list (`place()`) and for each change
(`delete(seq)`, `restore(bookmark)`), so it never holds a stale copy.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app import keys, render
from tui.app.screens.dialog import Dialog
from tui.app.screens.bookmark import when
from tui.core.bookmarks import Bookmark, Placed, excerpt

EMPTY = "No bookmarks yet: m bookmarks the selected post (or the playhead's), with a note if you like."
HINT = "enter jumps · d deletes · u undoes · escape closes"


def status_text(placed: Placed, position: int) -> tuple[str, str]:
    """(words, style) saying what became of the bookmarked post; ("", "") when nothing to say."""
    mark = placed.bookmark
    if placed.status == "moved":
        return f"moved: the file changed, its post is #{placed.seq} now (was #{mark.seq})", "bold $warning"
    if placed.status == "changed":
        return "changed: this post's text is not what was bookmarked", "bold $warning"
    if placed.status == "gone":
        return "gone: not in this version of the blog", "bold $error"
    if placed.status == "loading":
        return "not loaded yet", render.DIM
    if placed.seq is not None and placed.seq > position:
        return "ahead of the playhead", "italic $text-muted"
    return "", ""


def option_content(placed: Placed, position: int) -> Content:
    """Two lines: where and when (and what became of the post); the note and the first words."""
    mark = placed.bookmark
    post = placed.post if placed.status in ("ok", "moved") else None
    seq = placed.seq if placed.seq is not None else mark.seq
    time, estimated = (post.time, post.time_estimated) if post is not None else (mark.time, mark.time_estimated)
    parts: list[str | tuple[str, str]] = [(f"#{seq}", "bold $accent")]
    if time is not None:
        parts += [" ", (when(time, estimated), f"{render.ESTIMATED} {render.TIME}" if estimated else render.TIME)]
    status, style = status_text(placed, position)
    if status:
        parts += ["  ", (status, style)]
    parts.append("\n")
    parts.append((mark.note, "bold") if mark.note else ("(no note)", render.DIM))
    ahead = placed.seq is not None and placed.seq > position
    # (a post after the playhead is not shown, not even its first words: the note is the user's own)
    words = "" if ahead else excerpt(post) if post is not None else mark.excerpt
    if words:
        parts += [("  — ", render.DIM), (words, render.DIM)]
    return render.line(*parts)


class BookmarksScreen(Dialog[Placed | None]):
    """The bookmark list; dismiss(Placed) to jump, dismiss(None) to close."""

    CSS_PATH = "bookmarks.tcss"
    BINDINGS = keys.bindings("bookmarks")
    AUTO_FOCUS = "#bookmarks-list"

    def __init__(
        self,
        place: Callable[[], list[Placed]],
        delete: Callable[[int], Bookmark | None],
        restore: Callable[[Bookmark], None],
        *,
        position: int,
    ) -> None:
        """`place()`: the bookmarks as found in the blog now; `delete(seq)` / `restore(b)`
        change the store; `position`: the playhead (bookmarks after it are marked)."""
        super().__init__()
        self._place, self._delete, self._restore = place, delete, restore
        self.position = position
        self.placed: list[Placed] = place()
        self.deleted: list[Bookmark] = []  # most recent last: u puts them back

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box") as box:
            box.border_title = "Bookmarks"
            box.border_subtitle = HINT
            yield OptionList(*self._options(), id="bookmarks-list")
            yield Static(self._message(""), id="bookmarks-message")
        yield self.footer()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#bookmarks-list", OptionList)

    def _options(self) -> list[Option]:
        return [Option(option_content(p, self.position), id=f"b{p.bookmark.seq}") for p in self.placed]

    def _message(self, text: str) -> Content:
        if not self.placed:
            return render.line(*([text, "\n"] if text else []), (EMPTY, render.DIM))
        if text:
            return render.plain(text)
        return render.plain(f"{len(self.placed)} bookmark{'s' if len(self.placed) != 1 else ''}", render.DIM)

    def _show(self, text: str = "", highlight: int | None = None) -> None:
        """Re-read the list from the store and redraw it, keeping the highlight near where it was."""
        self.placed = self._place()
        options = self.option_list
        options.set_options(self._options())
        if self.placed:
            index = 0 if highlight is None else max(0, min(highlight, len(self.placed) - 1))
            options.highlighted = index
        self.query_one("#bookmarks-message", Static).update(self._message(text))

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        placed = self.placed[event.option_index]
        if placed.status == "gone":
            self._show(f"#{placed.bookmark.seq} is not in this version of the blog: d deletes the bookmark",
                       event.option_index)
            return
        self.dismiss(placed)

    def action_delete(self) -> None:
        index = self.option_list.highlighted
        if index is None or not 0 <= index < len(self.placed):
            return
        seq = self.placed[index].bookmark.seq
        gone = self._delete(seq)
        if gone is not None:
            self.deleted.append(gone)
        self._show(f"deleted the bookmark on #{seq} · u undoes", index)

    def action_undo(self) -> None:
        if not self.deleted:
            self._show("nothing to undo")
            return
        mark = self.deleted.pop()
        self._restore(mark)
        self._show(f"bookmark on #{mark.seq} restored",
                   next((i for i, p in enumerate(self._place()) if p.bookmark.seq == mark.seq), None))

    def action_close(self) -> None:
        self.dismiss(None)
