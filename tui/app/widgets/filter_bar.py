"""FilterBar: free text plus person:/delegation:/outlet:/day: terms, shown as chips.

The bar parses with tui.core.query.parse_query and shows one removable chip per
term with how many posts that term matches on its own: from a `counts`
callable (PostIndex.term_counts), or pushed later with `set_term_counts` (the
replay app counts in its filter worker, up to the playhead, so typing never
waits for a scan). It posts FilterChanged(query) — debounced when `debounce`
> 0 — and FilterClosed. It never filters anything itself; the app does, and reports the
number of matching posts back with `set_result_count` ("no posts match").

Owner keys: the replay screen binds `f` to `open()` and `ctrl+x` to `clear()`
(from anywhere). Escape closes (the filter stays on: its chips stay visible
until removed); Enter applies at once and closes — a priority binding, so keys
typed after it never land in the closing input. Keys come from tui.app.keys.
Why a chip matches nothing (an unknown name, a day not in the blog) is pushed
by the owner with `set_term_errors` (computed off the UI thread).
Styles: tui/app/app.tcss.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tui.app import keys, render
from tui.core.query import Query, Term, parse_query

TermCounts = Callable[[Query], Sequence[int]]
TermError = Callable[[Term], "str | None"]

PLACEHOLDER = 'filter: words "a phrase" person:… delegation:… outlet:… day:…'


class FilterChanged(Message):
    """The filter query changed (possibly to the empty query: show everything)."""

    def __init__(self, query: Query) -> None:
        super().__init__()
        self.query = query

    @property
    def text(self) -> str:
        return self.query.text


class FilterClosed(Message):
    """The bar was closed; `query` is the filter still in force (may be empty)."""

    def __init__(self, query: Query) -> None:
        super().__init__()
        self.query = query


class Chip(Button):
    """One query term; pressing it (enter, space, click) removes the term."""

    HELP_GROUP = "Filter chip"

    def __init__(self, index: int, term: Term, count: int | None, error: str | None = None) -> None:
        label = chip_label(term, count)
        tooltip = render.plain(error or f"remove {term.label}")
        classes = "-zero" if count == 0 else None
        # No id: chips are replaced while the old ones are still being removed.
        super().__init__(label, classes=classes, compact=True, tooltip=tooltip)
        self.index = index
        self.term = term
        self.count = count


def chip_label(term: Term, count: int | None) -> Content:
    parts: list[str | tuple[str, str]] = []
    if term.kind != "text":
        parts.append((f"{term.kind}:", "dim"))
    parts.append((term.value, "bold"))
    if count is not None:
        parts += [" ", (str(count), "italic")]
    parts.append(" ✕")
    return render.line(*parts)


class FilterBar(Vertical):
    """Input + chips. API: open(), close(), clear(), set_query(text), set_result_count(n), filter_query."""

    HELP_GROUP = "Filter bar"
    BINDINGS = keys.bindings("filter")

    def __init__(
        self,
        counts: TermCounts | None = None,
        *,
        term_error: TermError | None = None,
        debounce: float = 0.1,
        id: str | None = "filter-bar",
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.counts = counts
        self.term_error = term_error
        self.debounce = debounce
        self._query = Query()
        self._shown: tuple | None = None  # (terms, counts) the chips show
        self._timer: Timer | None = None
        self._chips: list[Chip] = []
        self._errors: tuple[Query, list[str | None]] | None = None
        self._return_to: Widget | None = None  # focused before open(): focused again on close()

    # ------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield Input(placeholder=PLACEHOLDER, id="filter-input", compact=True)
            yield Static("", id="filter-total")
        yield Horizontal(id="filter-chips")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    @property
    def filter_query(self) -> Query:
        """The query in force (named so as not to shadow DOMNode.query)."""
        return self._query

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    # ------------------------------------------------------------ public API
    def open(self) -> None:
        """Show the input and focus it at once (the screen binds `f` to this)."""
        focused = self.screen.focused
        if focused is not None and self not in focused.ancestors_with_self:
            self._return_to = focused
        self.add_class("-open")
        if not self.query("#filter-input"):  # a key in the first instant: once composed
            self.call_after_refresh(self.open)
            return
        self.screen.set_focus(self.input)
        self.input.cursor_position = len(self.input.value)

    def close(self) -> None:
        """Hide the input and give the focus back at once (so keys typed next go
        there); apply the text once the input has taken every key typed before."""
        self.remove_class("-open")
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors_with_self:
            target = self._return_to
            self.screen.set_focus(target if target is not None and target.is_attached else None)
        if self.query("#filter-input"):
            self.input.call_later(self._after_close)
        else:
            self._after_close()

    def _after_close(self) -> None:
        self._flush()
        self.set_class(not self._query.is_empty and not self.is_open, "-active")
        self.post_message(FilterClosed(self._query))

    def clear(self) -> None:
        """Drop every term (show all posts) — also a filter typed and applied a moment ago whose
        change the owner has not received yet (the empty filter is posted whatever the bar held)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.set_query("")
        self.post_message(FilterChanged(self._query))

    def set_query(self, text: str) -> None:
        """Replace the filter text and apply it at once (no debounce)."""
        if not self.query("#filter-input"):  # before the bar is composed: once it is
            self.call_after_refresh(self.set_query, text)
            return
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self._apply(text)

    def set_result_count(self, matched: int | None) -> None:
        """Show how many posts the whole filter matches; 0 reads "no posts match"."""
        total = self.query_one("#filter-total", Static)
        if matched is None or self._query.is_empty:
            total.update("")
            total.remove_class("-none")
        elif matched == 0:
            total.update(render.plain("no posts match"))
            total.add_class("-none")
        else:
            total.update(render.plain(f"{matched} post{'s' if matched != 1 else ''}"))
            total.remove_class("-none")

    def set_term_errors(self, query: Query, errors: Sequence[str | None]) -> None:
        """Why each term matches nothing (None when it matches or may match); shown as the chip's tooltip."""
        self._errors = (query, list(errors))
        if query == self._query:
            self._shown = None  # rebuild the chips with their reasons
            self._refresh_chips(list(self._shown_counts()))

    def _shown_counts(self) -> list[int | None]:
        return [c.count for c in self._chips] if len(self._chips) == len(self._query.terms) else []

    def set_term_counts(self, query: Query, counts: Sequence[int]) -> None:
        """Counts computed elsewhere (the app's filter worker, cut at the playhead);
        ignored when the query has changed since."""
        if query == self._query:
            self._refresh_chips(list(counts))

    def chips(self) -> list[Chip]:
        """The chips now shown (old ones may still be in the DOM while being removed)."""
        return list(self._chips)

    # ------------------------------------------------------------ events
    @on(Input.Changed, "#filter-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if self.debounce <= 0:
            self._apply(event.value)
        else:
            self._timer = self.set_timer(self.debounce, self._flush)

    @on(Button.Pressed, "Chip")
    def _chip_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        chip = event.button
        assert isinstance(chip, Chip)
        index = chip.index
        remaining = self._query.without(index)
        self.set_query(remaining.text)
        chips = self.chips()
        if chips:  # keep keyboard users on the chip strip
            chips[min(index, len(chips) - 1)].focus()
        elif self.is_open:
            self.input.focus()

    def action_close(self) -> None:
        self.close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply":  # enter applies from the input; on a chip it removes the chip
            # (the screen's focus, set at once by open(); has_focus follows only once the
            # Focus event is handled, after keys typed ahead of it)
            return bool(self.query("#filter-input")) and self.screen.focused is self.input
        return True

    def action_apply(self) -> None:
        """Enter: apply what is typed now and close."""
        self.close()

    def action_clear(self) -> None:
        self.clear()

    # ------------------------------------------------------------ internals
    def _flush(self) -> None:
        """Apply the pending input now (debounce timer or close)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._apply(self.input.value)

    def _apply(self, text: str) -> None:
        query = parse_query(text)
        changed = query != self._query
        self._query = query
        self._refresh_chips()
        self.set_class(not query.is_empty and not self.is_open, "-active")
        if query.is_empty:
            self.set_result_count(None)
        if changed:
            self.post_message(FilterChanged(query))

    def _refresh_chips(self, given: list[int] | None = None) -> None:
        query = self._query
        if given is not None:
            counts: list[int | None] = list(given)
        elif self._shown is not None and self._shown[0] == query.terms:
            counts = list(self._shown[1])  # same terms: keep the counts shown
        else:
            counts = list(self.counts(query)) if self.counts and query.terms else []
        counts += [None] * (len(query.terms) - len(counts))
        shown = (query.terms, tuple(counts))
        if shown == self._shown:
            return
        self._shown = shown
        strip = self.query_one("#filter-chips", Horizontal)
        strip.remove_children()
        chips = []
        errors = self._errors[1] if self._errors is not None and self._errors[0] == query else []
        errors = list(errors) + [None] * (len(query.terms) - len(errors))
        for index, (term, count, reason) in enumerate(zip(query.terms, counts, errors)):
            error = self.term_error(term) if self.term_error and count == 0 else None
            chips.append(Chip(index, term, count, reason or error if count == 0 else None))
        self._chips = chips
        if chips:
            strip.mount_all(chips)
