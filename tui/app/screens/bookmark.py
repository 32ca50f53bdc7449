"""BookmarkScreen: the note of a bookmark — a one-line prompt over the replay.

`m` opens it on a post; Enter saves (dismisses with the note, "" is fine),
Escape cancels (dismisses with None). Enter acts in the order keys are typed:
the note is what was typed before it, and keys typed after it go on to the
replay (a fast "m", note, Enter, ". . ." steps three posts). On a post already bookmarked it shows
the note to edit. The note is the user's text: it reaches the screen as typed
(an Input shows it verbatim; the header is built from plain strings).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.app import keys, render
from tui.app.screens.dialog import Dialog, DialogInput
from tui.core.bookmarks import excerpt
from tui.core.model import Post

NOTE_MAX = 2000  # characters: a note, not a document (the input would scroll forever)


def when(post_time, estimated: bool) -> str:
    """'~Wed 14 May 09:00': the post's day and time, '~' when estimated."""
    return f"{'~' if estimated else ''}{post_time:%a} {post_time.day} {post_time:%b %H:%M}"


def post_line(post: Post) -> Content:
    """'#37 ~Wed 14 May 09:00  first words of the post …' from plain strings."""
    style = f"{render.ESTIMATED} {render.TIME}" if post.time_estimated else render.TIME
    return render.line((f"#{post.seq}", "bold $accent"), " ", (when(post.time, post.time_estimated), style),
                       "  ", (excerpt(post), render.DIM))


class BookmarkScreen(Dialog[str | None]):
    """Ask for a note on `post`; dismiss(note) on Enter, dismiss(None) on Escape."""

    CSS_PATH = "bookmark.tcss"
    BINDINGS = keys.bindings("bookmark")
    AUTO_FOCUS = "#bookmark-note"

    def __init__(self, post: Post, *, note: str = "", editing: bool = False) -> None:
        super().__init__()
        self.post = post
        self._note = note
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmark-box") as box:
            box.border_title = f"{'Edit the bookmark on' if self.editing else 'Bookmark'} #{self.post.seq}"
            box.border_subtitle = "enter saves · escape cancels"
            yield Static(post_line(self.post), id="bookmark-post")
            yield DialogInput(value=self._note, placeholder="a note (optional)", max_length=NOTE_MAX, id="bookmark-note")
        yield self.footer()

    def action_save(self) -> None:
        """Enter: save the note typed before it (keys typed after it go on to the replay)."""
        self.read_typed("#bookmark-note", lambda note: self.dismiss(note.strip()), self._note)

    @on(Input.Submitted, "#bookmark-note")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the screen's save binding; nothing else submits

    def action_cancel(self) -> None:
        self.dismiss(None)
