"""GotoScreen: a prompt for a time ("14:30", "15 May 12:00") or a post number ("#37", "37").

The screen does not parse dates itself: it is given either `resolve(text)`
(returning where to go — the replay gives a tui.core.session.Target — or
raising ValueError / tui.core.errors.InputError with a one-line reason), or a
Blog, for which `blog_resolver` reads post numbers and hands times to the shared
time parser (tui.app.launch.parse_when, which prefers the core's parse_goto).
The reason is shown inline and the prompt stays open; a good answer dismisses
with what resolve returned, escape with None. The input has the focus from the
start (AUTO_FOCUS), so nothing is queried while the screen is still composing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.app import keys, render
from tui.app.screens.dialog import Dialog, DialogInput
from tui.core.errors import InputError
from tui.core.model import Blog

Resolve = Callable[[str], object]

HINT = "a time (14:30, 15 May 12:00) or a post number (#37)"
EXAMPLES = "14:30, 15 May 12:00 or #37"  # (the replay gives examples from its own blog: examples_for)


def examples_for(blog: Blog) -> str:
    """Go-to examples from the blog itself ("09:40, 3 Aug 09:40 or #18"): a post a third of
    the way in, so a user on any blog sees times and days it has; the defaults when it is empty."""
    if not blog.posts:
        return EXAMPLES
    post = blog.posts[len(blog.posts) // 3]
    return f"{post.time:%H:%M}, {post.time.day} {post.time:%b %H:%M} or #{post.seq}"


def blog_resolver(blog: Blog) -> Resolve:
    """Text → seq in `blog`: "#37"/"37" is a post; a time is the last post at or before it."""
    stamps = [post.time.timestamp() for post in blog.posts]
    total = len(stamps)

    def resolve(text: str) -> int:
        text = text.strip()
        if text.lstrip("#").isdigit():
            seq = int(text.lstrip("#"))
            if not 1 <= seq <= total:
                raise ValueError(f"no post #{seq}: the blog has posts 1 to {total}")
            return seq
        from tui.app.launch import parse_when  # one time parser for --start-at and go-to

        when = parse_when(blog, text)
        if when is None:
            raise ValueError(f"not a time or post number: {text} — try 14:30, 15 May 12:00 or #37")
        if total == 0:
            raise ValueError("the blog has no posts")
        return max(1, bisect_right(stamps, when.timestamp()))

    return resolve


class GotoScreen(Dialog[object]):
    """Ask for a position; dismiss(resolve(text)) on success, dismiss(None) on escape."""

    CSS_PATH = "goto.tcss"
    BINDINGS = keys.bindings("goto")
    AUTO_FOCUS = "#goto-input"

    def __init__(self, resolve: Resolve | Blog, *, value: str = "", examples: str = EXAMPLES) -> None:
        super().__init__()
        self.examples = examples  # shown in the empty field and in the hint under it
        self.hint = HINT if examples == EXAMPLES else f"a time or a post number: {examples}"
        self.resolve: Resolve = blog_resolver(resolve) if isinstance(resolve, Blog) else resolve
        self._initial = value
        self.error: str = ""
        self._error_for: str | None = None  # the text the error is about

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to"
            box.border_subtitle = "enter to jump · escape to cancel"
            yield DialogInput(value=self._initial, placeholder=self.examples, id="goto-input")
            yield Static(render.plain(self.hint, render.DIM), id="goto-message")
        yield self.footer()

    @on(Input.Submitted, "#goto-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the screen's submit binding; nothing else submits

    def action_submit(self) -> None:
        """Enter: go where the text typed before it says (keys typed after it go on to the replay)."""
        self.read_typed("#goto-input", self.submit_text, self._initial)

    def submit_text(self, text: str) -> None:
        """Go where `text` says, or say why not and stay open."""
        if self.closing:
            return
        text = text.strip()
        if not text:
            self.show_error("type a time or a post number")
            return
        try:
            seq = self.resolve(text)
        except (ValueError, InputError) as error:
            self.show_error(str(error) or f"not a time or post number: {text}")
            self._error_for = text
            return
        self.dismiss(seq)

    @on(Input.Changed, "#goto-input")
    def clear_error(self, event: Input.Changed) -> None:
        if event.value != event.input.value or event.value.strip() == self._error_for:
            return  # the typing that led to the error, reported after it: the error stands
        if self.error:
            self.error = ""
            for message in self.query("#goto-message").results(Static):
                message.remove_class("-error")
                message.update(render.plain(self.hint, render.DIM))

    def show_error(self, message: str) -> None:
        self.error = message
        for widget in self.query("#goto-message").results(Static):
            widget.add_class("-error")
            widget.update(render.plain(message))  # the user's text may contain brackets

    def action_cancel(self) -> None:
        self.dismiss(None)
