"""The three side panes: delegations, schedule, meetings — as of the playhead.

Panes only render a `State` handed to them: each has a `facts` reactive the
replay screen data-binds (a State, or an "indexing" marker while the playhead's
posts are not extracted yet), or call `show(state)` directly; they derive no
facts. Where a delegation is comes from its facts that put it somewhere
(arrived, located, waiting, in a meeting…), never from a plan ("will arrive
in Istanbul" is not a place).
Every row that stands for a fact remembers the seq of its source post, and
selecting it (Enter or click) posts `FactSelected(seq)` so the app can jump the
feed there. A pane too short for its rows says in its bottom border how many are
scrolled out of view ("↓ 3 more", "↑ 2 above"); a row's wrapped lines hang under
its text (render.Hanging). All data text (names, places, phrases) goes through
tui.app.render (plain string → Content), never through markup.

Styles live in tui/app/app.tcss (WIDGETS_CSS_PATH), the app's stylesheet.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, OptionList
from textual.visual import visualize
from textual.widgets.option_list import Option

from tui.app import keys, render
from tui.core.facts import DelegationState, Meeting, Participant, ScheduleFact, State, StatusFact
from tui.core.phrases import (  # shared with the post screen, the timeline and key events
    absent_participants, format_day, format_when, humanize, place_from_facts,
    schedule_word, split_participants, status_phrase,
)

WIDGETS_CSS_PATH = Path(__file__).parents[1] / "app.tcss"  # the widgets' looks: the app's stylesheet

BlogOf = Callable[[int], str]  # the blog a post came from (blogs merged on one clock)


class SourceLabels:
    """How a pane names the source post of a fact. This default says "#13"; the replay
    screen's adds the post's time, and its day when that is not the playhead's."""

    def label(self, seq: int, at: int) -> str:
        """The label of post `seq` with the playhead at post `at` (0: before the first)."""
        return f"#{seq}"

    def context(self, at: int) -> Hashable:
        """What labels depend on besides their post, with the playhead at post `at`: a
        pane redraws when it changes (the playhead's day, for labels that name other days)."""
        return None


class PostLabels(SourceLabels):
    """"#13 ~21:00": a post's number and time ("~" when estimated), its day too when it is
    not the playhead's ("#13 Wed ~21:00"; "#13 9 May ~21:00" a week or more away), and
    its blog's short name when blogs are merged. `blog` is read at each call: it grows
    while it loads."""

    def __init__(self, blog: object, blog_names: Callable[[str], str] = str) -> None:
        self.blog = blog
        self.blog_names = blog_names

    def label(self, seq: int, at: int) -> str:
        posts = self.blog.posts
        if not 0 < seq <= len(posts):
            return f"#{seq}"
        post = posts[seq - 1]
        label = f"#{seq} "
        day = self.context(at)
        if day is not None and post.day != day:
            label += f"{post.day:%a} " if abs((day - post.day).days) < 7 else f"{post.day.day} {post.day:%b} "
        label += f"{'~' if post.time_estimated else ''}{post.time:%H:%M}"
        if post.blog_name:
            label += f" {self.blog_names(post.blog_name)}"
        return label

    def context(self, at: int) -> Hashable:
        posts = self.blog.posts
        return posts[at - 1].day if 0 < at <= len(posts) else None


class FactSelected(Message):
    """A fact row was chosen: jump the feed to post `seq` (its source)."""

    def __init__(self, seq: int, origin: str = "") -> None:
        super().__init__()
        self.seq = seq
        self.origin = origin  # which pane ("delegations" | "schedule" | "meetings")

    def __repr__(self) -> str:
        return f"FactSelected(seq={self.seq}, origin={self.origin!r})"


def show_facts(pane, facts: object) -> None:
    """A State → show(state); an indexing marker (has .k and .ready) → show_indexing."""
    if isinstance(facts, State):
        pane.show(facts)
    elif facts is not None:
        pane.show_indexing(getattr(facts, "k", 0), getattr(facts, "ready", 0))


class OutOfView(NamedTuple):
    """Rows of a pane part scrolled out of view: how many wholly `above` / `below` the
    visible lines, and whether any line is (a row cut by the edge counts only here)."""

    above: int = 0
    below: int = 0
    cut_above: bool = False
    cut_below: bool = False

    def label(self, noun: tuple[str, str] = ("", "")) -> str:
        """What the pane's bottom border says: "↓ 3 more", "↑ 1 meeting above · ↓ 2 more
        meetings" (`noun`: singular, plural), "↓ more" for the rest of a cut row."""

        def word(n: int) -> str:
            return f" {noun[n != 1]}" if noun[n != 1] else ""

        parts = []
        if self.cut_above:
            parts.append(f"↑ {self.above}{word(self.above)} above" if self.above else "↑ above")
        if self.cut_below:
            parts.append(f"↓ {self.below} more{word(self.below)}" if self.below else "↓ more")
        return " · ".join(parts)


class _OutOfView(Message):
    """A scrolling part of a pane has other rows out of view than before."""


def _set_subtitle(pane, label: str) -> None:
    if (pane.border_subtitle or "") != label:  # setting a border subtitle always repaints
        pane.border_subtitle = render.plain(label) if label else None


def status_sources(history: Iterable["StatusFact"], blog_of: BlogOf) -> list[int]:
    """The posts behind a delegation's current status when blogs are merged: the post
    that reported it, then the first confirmation (`StatusFact.confirms`) from each
    other blog — a fact reported by both blogs keeps both sources."""
    facts = tuple(history)
    if not facts:
        return []
    i = len(facts) - 1
    while i > 0 and facts[i].confirms:
        i -= 1
    out = [facts[i].seq]
    seen = {blog_of(facts[i].seq)}
    for fact in facts[i + 1 :]:
        blog = blog_of(fact.seq)
        if blog not in seen:
            seen.add(blog)
            out.append(fact.seq)
    return out


def _safe_color(color: str) -> str:
    """A style for a delegation colour from data; empty when it does not parse."""
    from textual.color import Color, ColorParseError

    try:
        Color.parse(color)
    except (ColorParseError, ValueError, TypeError):
        return ""
    return f"bold {color}"


def _labelled(label: str, parts: list[str | tuple[str, str]], style: str = "bold") -> tuple[Content, int]:
    """'  label text…' as a row's line, its continuation rows under the text."""
    return render.line("  ", (label, style), *parts), 2 + len(label)


class _FactList(OptionList):
    """An OptionList whose options map to source seqs; selecting posts FactSelected."""

    ORIGIN = ""
    EMPTY = "nothing yet"
    BINDINGS = keys.bindings("pane")

    facts: reactive[object] = reactive(None, always_update=True, init=False)

    def watch_facts(self, facts: object) -> None:
        show_facts(self, facts)

    def __init__(self, *, labels: SourceLabels | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.labels = labels or SourceLabels()
        self._at = 0  # the playhead's post, as of the state shown
        self._seq_of: dict[str, int] = {}
        self._key: object = object()  # what the last show() rendered from
        self._dividers: list[bool] = []  # per option: a divider line under it

    def _replace(self, options: Iterable[Option | None], seq_of: dict[str, int]) -> None:
        """Swap in new options, keeping the highlighted row when it still exists."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        options = list(options)
        if not options:
            options = [Option(render.plain(self.EMPTY, render.DIM), id="-empty", disabled=True)]
        self._seq_of = seq_of
        self._dividers = []  # as set_options reads them: a None draws a divider under the option before it
        for option in options:
            if option is not None:
                self._dividers.append(False)
            elif self._dividers:
                self._dividers[-1] = True
        self.set_options(options)
        self.call_after_refresh(self._view_changed)
        index = None
        if keep is not None:
            try:
                index = self.get_option_index(keep)
            except Exception:  # OptionDoesNotExist: row gone at this position
                index = None
        if index is None and seq_of:
            index = 0  # so Enter works as soon as the pane is focused
        self.highlighted = index

    def show_indexing(self, k: int, ready: int) -> None:
        """Post k's facts are not extracted yet: say so (no stale or future facts)."""
        key = ("indexing", k, ready)  # the count moves as the worker extracts: one short row to redraw
        if self._key == key:
            return
        self._key = key
        text = (f"indexing facts… (up to #{ready} so far, playhead at #{k})" if ready
                else f"reading the facts of the first posts… (playhead at #{k})")
        self._replace([Option(render.plain(text, render.DIM), id="-indexing", disabled=True)], {})

    def seq_label(self, seq: int) -> str:
        """The label of source post `seq` as of the state shown."""
        return self.labels.label(seq, self._at)

    def _shown(self, state: State, key: object) -> bool:
        """True when `key` (with the labels' context) is what the pane shows already; else
        remembers it and the playhead for the rows about to be built."""
        key = (key, self.labels.context(state.seq))
        if key == self._key:
            return True
        self._key, self._at = key, state.seq
        return False

    def seq_of(self, option_id: str) -> int | None:
        """The source seq behind an option id (for tests and the app)."""
        return self._seq_of.get(option_id)

    # ---- rows out of view: said in the pane's bottom border ("↓ 3 more") -------------------
    def out_of_view(self) -> OutOfView:
        """The rows scrolled out of view, above and below the visible lines."""
        region = self.scrollable_content_region
        if region.width <= 0:
            return OutOfView()
        width = region.width - self.get_component_styles("option-list--option").padding.width
        top = round(self.scroll_y)
        bottom = top + region.height
        above = below = y = 0
        for option, divider in zip(self.options, self._dividers):
            height = visualize(self, option.prompt).get_height(self.styles, width)
            above += y + height <= top
            below += y >= bottom
            y += height + divider
        return OutOfView(above, below, top > 0, y > bottom)

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._view_changed, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._view_changed)

    def _view_changed(self) -> None:
        _set_subtitle(self, self.out_of_view().label())

    # Textual 8's OptionList pages through a line map it only builds when the list
    # has room; with no room (a pane squeezed to 0 rows) PageUp/PageDown raise KeyError.
    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        seq = self._seq_of.get(event.option.id or "")
        if seq is not None:
            self.post_message(FactSelected(seq, self.ORIGIN))


# --- Delegations -------------------------------------------------------------


class DelegationsPane(_FactList):
    """One row per delegation: label, status, where, source seq, changed marker."""

    ORIGIN = "delegations"
    EMPTY = "no delegation mentioned yet"

    def __init__(self, *, labels: SourceLabels | None = None, blog_of: BlogOf | None = None,
                 id: str | None = "delegations-pane", classes: str | None = None) -> None:
        """`blog_of(seq)`: the blog of a post when several are merged; a status then
        names its source in each blog that reported it."""
        super().__init__(labels=labels, id=id, classes=classes)
        self.border_title = "Delegations"
        self.blog_of = blog_of

    def show(self, state: State) -> None:
        if self._shown(state, state.delegations):
            return
        options: list[Option | None] = []
        seq_of: dict[str, int] = {}
        for number, delegation in enumerate(state.delegations):
            option_id = f"d{number}"
            options.append(Option(self.row(delegation), id=option_id))
            if delegation.status is not None:
                seq_of[option_id] = delegation.status.seq
        self._replace(options, seq_of)

    def row(self, d: DelegationState) -> render.Hanging:
        label_style = _safe_color(d.color) or render.DELEGATION
        label = d.label or d.id
        first = [("● ", label_style), (label, label_style)]
        name = d.name or ""
        if name.startswith(label + " "):
            name = name[len(label):].lstrip()  # "US US delegation" reads "US delegation"
        if name and name != label:
            first += [" ", (name, render.DIM)]
        if d.changed:
            first += ["  ", ("◆ changed", render.CHANGED)]
        second: list[str | tuple[str, str]] = ["  "]
        own = d.status if d.status is not None and d.status.person else None
        side = _side_status(d.history) if own is not None else None
        shown = side or d.status
        if shown is None:
            second.append(("no status yet", render.DIM))
        elif shown is not d.status:
            # a leader's own plan ("Putin will not attend") after the delegation's own news: the
            # delegation's status stays what it was, the leader's is a line of its own
            second += [(status_phrase(shown), "bold"), "  ", (self.seq_label(shown.seq), render.DIM)]
        else:
            second.append((status_phrase(d.status), "bold"))
            if self.blog_of is not None:  # merged blogs: the report and each other blog's first confirmation
                sources = status_sources(d.history, self.blog_of)
                second += ["  ", (" · ".join(self.seq_label(seq) for seq in sources), render.DIM)]
            else:
                second += ["  ", (self.seq_label(d.status.seq), render.DIM)]
                if d.confirmed_by:  # further sources of the same status
                    shown = ", ".join(self.seq_label(s) for s in d.confirmed_by[-CONFIRMS_SHOWN:])
                    more = len(d.confirmed_by) - CONFIRMS_SHOWN
                    second += ["  ", ("also " + (f"… {shown}" if more > 0 else shown), render.DIM)]
        place, seq = place_from_facts(d.history)
        # Continuation rows sit under the text: after the bullet, the indent, the label.
        lines = [(render.line(*first), 2), (render.line(*second), 2)]
        if side is not None and own is not None:
            lines.append(_labelled(f"{own.person}: ", [(status_phrase(own), "bold"), "  ", (self.seq_label(own.seq), render.DIM)],
                                   render.PERSON))
        if place and d.status is not None and place not in status_phrase(d.status):
            lines.append(_labelled("last reported in ", [(place, render.PLACE), "  ", (self.seq_label(seq or 0), render.DIM)],
                                   render.DIM))
        return render.hanging(*lines)


def _side_status(history: Iterable[StatusFact]) -> StatusFact | None:
    """The delegation's own latest status (not one told of one of its people), when it has one."""
    for fact in reversed(tuple(history)):
        if not fact.person and not fact.confirms:
            return fact
    return None


CONFIRMS_SHOWN = 2  # the latest further sources a row names
EARLIER_SHOWN = 10  # earlier plans listed under a meeting's current one (the rest are counted)


# --- Schedule ----------------------------------------------------------------


class SchedulePane(_FactList):
    """Per meeting: the current plan in full, earlier plans struck through."""

    ORIGIN = "schedule"
    EMPTY = "no schedule mentioned yet"

    def __init__(self, *, labels: SourceLabels | None = None, id: str | None = "schedule-pane", classes: str | None = None) -> None:
        super().__init__(labels=labels, id=id, classes=classes)
        self.border_title = "Schedule"

    def show(self, state: State) -> None:
        names = {m.id: m.name for m in state.meetings}
        if self._shown(state, (state.schedule, names)):
            return
        by_subject: dict[str, list[ScheduleFact]] = {}
        for fact in state.schedule:  # oldest first; dict keeps first-seen subject order
            by_subject.setdefault(fact.subject, []).append(fact)
        options: list[Option | None] = []
        seq_of: dict[str, int] = {}
        for number, (subject, told) in enumerate(by_subject.items()):
            if options:
                options.append(None)  # divider between meetings
            # A repeat from a later post is a further source of the current plan, not a row.
            facts = [f for f in told if not f.confirms] or told[:1]
            current = facts[-1]
            again = tuple(f.seq for f in told if f.confirms and f.seq > current.seq)
            option_id = f"s{number}"
            options.append(Option(self.current_row(names.get(subject) or subject, current, again), id=option_id))
            seq_of[option_id] = current.seq
            # Earlier plans newest first; each was superseded by the fact after it. Only the
            # latest EARLIER_SHOWN: a long archive's history is the timeline's (T) and export's.
            oldest = max(0, len(facts) - 1 - EARLIER_SHOWN)
            for index in range(len(facts) - 2, oldest - 1, -1):
                option_id = f"s{number}-{index}"
                options.append(Option(self.earlier_row(facts[index], facts[index + 1]), id=option_id))
                seq_of[option_id] = facts[index].seq
            if oldest:
                more = f"    … {oldest:,} earlier change{'s' if oldest != 1 else ''} (T: the timeline shows all)"
                options.append(Option(render.hanging((render.plain(more, render.DIM), 6)), id=f"s{number}-more", disabled=True))
        self._replace(options, seq_of)

    def current_row(self, title: str, fact: ScheduleFact, again: tuple[int, ...] = ()) -> render.Hanging:
        head = render.line((title, "bold"))
        plan: list[str | tuple[str, str]] = ["  ▶ ", (schedule_word(fact.kind), render.CHANGED)]
        when = format_when(fact.when, fact.when_estimated)
        if when:
            plan += [" ", (when, render.ESTIMATED + " bold" if fact.when_estimated else render.TIME)]
        plan += ["  ", (self.seq_label(fact.seq), render.DIM)]
        if again:  # further sources of the same plan
            shown = ", ".join(self.seq_label(s) for s in again[-CONFIRMS_SHOWN:])
            plan += ["  ", ("also " + (f"… {shown}" if len(again) > CONFIRMS_SHOWN else shown), render.DIM)]
        lines = [(head, 0), (render.line(*plan), 4)]  # under the text: after "  ▶ "
        if fact.raw:
            lines.append((render.line("    ", (f"“{fact.raw}”", render.DIM)), 5))  # inside the quote
        return render.hanging(*lines)

    def earlier_row(self, fact: ScheduleFact, superseded_by: ScheduleFact) -> render.Hanging:
        text = schedule_word(fact.kind)
        when = format_when(fact.when, fact.when_estimated)
        if when:
            text += " " + when
        if fact.raw:
            text += f" “{fact.raw}”"
        # "#31 → #31" says nothing: a change within one post ("has ended … will resume at 9am") is that post's
        span = (f"{self.seq_label(fact.seq)} → {self.seq_label(superseded_by.seq)}" if superseded_by.seq != fact.seq
                else f"{self.seq_label(fact.seq)}, changed in the same post")
        return render.hanging((render.line("    ", (text, render.STRUCK), "  ", (span, render.DIM)), 4))


# --- Meetings ----------------------------------------------------------------


class MeetingsList(_FactList):
    """Each meeting with kind, date, place, status, present / announced people."""

    ORIGIN = "meetings"
    EMPTY = "no meeting mentioned yet"

    def _view_changed(self) -> None:
        self.post_message(_OutOfView())  # the pane's border, shared with the grid, says it

    def show(self, state: State) -> None:
        latest = meeting_news(state)
        if self._shown(state, (state.meetings, tuple(latest.items()))):
            return
        options: list[Option | None] = []
        seq_of: dict[str, int] = {}
        for number, meeting in enumerate(state.meetings):
            option_id = f"m{number}"
            options.append(Option(self.row(number, meeting, latest.get(meeting.id)), id=option_id))
            if meeting.seqs:
                seq_of[option_id] = meeting.seqs[-1]  # the latest post about it
        self._replace(options, seq_of)

    def row(self, number: int, m: Meeting, news: str | None = None) -> render.Hanging:
        """One meeting; `news` is the kind of its latest schedule fact: a planned meeting that was
        since postponed, delayed, moved or denied says so instead of a bare "planned"."""
        number_label = f"M{number + 1} "
        head: list[str | tuple[str, str]] = [(number_label, render.DIM), (m.name or m.id, "bold")]
        status_style = {"happened": render.CHANGED, "cancelled": render.STRUCK}.get(m.status, "italic")
        word = schedule_word(news) if m.status == "planned" and news in _PLAN_NEWS else humanize(m.status)
        head += ["  ", (word, status_style)]
        detail = [humanize(m.kind)] + [x for x in (format_day(m.date), m.place or "") if x]
        second: list[str | tuple[str, str]] = ["  ", (" · ".join(detail), render.DIM)]
        if m.seqs:
            second += ["  ", (self.seq_label(m.seqs[-1]), render.DIM)]
        # Continuation rows sit under the text: after the number, the indent, the label.
        lines = [(render.line(*head), len(number_label)), (render.line(*second), 2)]
        present, announced = split_participants(m.participants)
        names = [(", ".join(p.name for p in present), render.PERSON)] if present else [("—", render.DIM)]
        lines.append(_labelled("present: ", names))
        if announced:
            lines.append(_labelled("announced only: ", [(", ".join(p.name for p in announced), "italic")]))
        absent = absent_participants(m.participants)
        if absent:
            lines.append(_labelled("absent: ", [(", ".join(p.name for p in absent), render.STRUCK)]))
        return render.hanging(*lines)


def meeting_news(state: State) -> dict[str, str]:
    """Meeting id -> the kind of its latest schedule news as of the state (what a row's status word may say)."""
    latest: dict[str, str] = {}
    for fact in state.schedule:
        if not fact.confirms:
            latest[fact.subject] = fact.kind
    return latest


_PLAN_NEWS = ("postponed", "delayed", "rescheduled", "denied", "proposed", "confirmed")  # news about a meeting still to come

PRESENT_MARK = "✓"
ANNOUNCED_MARK = "○"


class PeopleGrid(DataTable):
    """People × meetings: ✓ present, ○ announced only; a cell jumps to its source.

    Only persons (a delegation or a country taking part is not a person); the
    name column stays put while the meeting columns scroll sideways."""

    BINDINGS = keys.bindings("pane")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        self._seq_at: dict[tuple[int, int], int] = {}
        self._key: object = object()

    def show(self, state: State) -> None:
        if state.meetings == self._key:
            return
        self._key = state.meetings
        meetings = state.meetings
        cells: dict[str, dict[int, Participant]] = {}
        for column, meeting in enumerate(meetings):
            present, announced = split_participants(p for p in meeting.participants if p.kind == "person")
            for p in present + announced:
                cells.setdefault(p.name, {})[column] = p
        # People seen present somewhere first, then alphabetical.
        people = sorted(cells, key=lambda n: (not any(p.basis == "present" for p in cells[n].values()), n.casefold()))
        cursor = self.cursor_coordinate
        self.clear(columns=True)
        self._seq_at = {}
        self.display = bool(meetings and people)  # no empty grid under the meetings
        if not meetings or not people:
            return
        self.add_column(Text("person"), key="person")
        for column, meeting in enumerate(meetings):
            self.add_column(Text(f"M{column + 1}"), key=f"m{column}")
        rows = []
        for row, name in enumerate(people):
            cells_row: list[Text] = [Text(render.visible(name))]
            first_seq = min(p.seq for p in cells[name].values())
            self._seq_at[(row, 0)] = first_seq
            for column in range(len(meetings)):
                p = cells[name].get(column)
                if p is None:
                    cells_row.append(Text(""))
                    continue
                self._seq_at[(row, column + 1)] = p.seq
                if p.basis == "present":
                    cells_row.append(Text(PRESENT_MARK, style="bold green", justify="center"))
                else:
                    cells_row.append(Text(ANNOUNCED_MARK, style="dim", justify="center"))
            rows.append(cells_row)
        self.add_rows(rows)
        if cursor.row < self.row_count and cursor.column < len(self.columns):
            self.cursor_coordinate = cursor

    def show_indexing(self) -> None:
        """Empty until the facts at the playhead are extracted."""
        self._key = object()  # the next show() redraws
        self._seq_at = {}
        self.clear(columns=True)
        self.display = False

    def seq_at(self, row: int, column: int) -> int | None:
        return self._seq_at.get((row, column))

    def out_of_view(self) -> OutOfView:
        """The people (rows, one line each) scrolled out of view."""
        region = self.scrollable_content_region
        if not self.display or region.height <= 0 or not self.row_count:
            return OutOfView()
        shown = max(0, region.height - (self.header_height if self.show_header else 0))
        above = round(self.scroll_y)
        below = max(0, self.row_count - above - shown)
        return OutOfView(above, below, above > 0, below > 0)

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._view_changed, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._view_changed)

    def _view_changed(self) -> None:
        self.post_message(_OutOfView())

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        seq = self._seq_at.get((event.coordinate.row, event.coordinate.column))
        if seq is not None:
            self.post_message(FactSelected(seq, "meetings"))


class MeetingsPane(Vertical):
    """Meetings list above a people × meetings grid."""

    facts: reactive[object] = reactive(None, always_update=True, init=False)

    def watch_facts(self, facts: object) -> None:
        show_facts(self, facts)

    def __init__(self, *, labels: SourceLabels | None = None, id: str | None = "meetings-pane", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels = labels
        self._pending: State | None = None
        self.border_title = "Meetings"

    def compose(self) -> ComposeResult:
        yield MeetingsList(labels=self._labels, id="meetings-list")
        yield PeopleGrid(id="people-grid")

    @property
    def meetings_list(self) -> MeetingsList:
        return self.query_one(MeetingsList)

    @property
    def grid(self) -> PeopleGrid:
        return self.query_one(PeopleGrid)

    def show(self, state: State) -> None:
        if not self.is_mounted:  # called before compose finished: apply on mount
            self._pending = state
            return
        self.meetings_list.show(state)
        self.grid.show(state)
        self.call_after_refresh(self._out_of_view)

    def show_indexing(self, k: int, ready: int) -> None:
        if not self.is_mounted:
            self._pending = None
            self.call_after_refresh(self.show_indexing, k, ready)
            return
        self.meetings_list.show_indexing(k, ready)
        self.grid.show_indexing()
        self.call_after_refresh(self._out_of_view)

    @on(_OutOfView)
    def _out_of_view(self, message: _OutOfView | None = None) -> None:
        """The bottom border says what the list and the grid have out of view."""
        if message is not None:
            message.stop()
        labels = (self.meetings_list.out_of_view().label(("meeting", "meetings")),
                  self.grid.out_of_view().label(("person", "people")))
        _set_subtitle(self, " · ".join(label for label in labels if label))

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_pending)  # children are ready by then

    def _show_pending(self) -> None:
        if self._pending is not None:
            state, self._pending = self._pending, None
            self.show(state)


__all__ = [
    "WIDGETS_CSS_PATH",
    "DelegationsPane",
    "FactSelected",
    "MeetingsList",
    "MeetingsPane",
    "PeopleGrid",
    "SchedulePane",
    "format_when",
    "split_participants",
]
