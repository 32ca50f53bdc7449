"""The timeline view as data: lanes, status spans, meeting bars, schedule markers.

`build_lanes(state, posts)` turns what the panes show at the playhead
(`Timeline.state_at(k)`) into lanes over the blog's time span:

* one lane per party that has a status: a **status span** from the post that
  reported each status to the post that reported the next one (a further
  source of the same status and place extends the span; it does not cut it);
  the last span runs to the playhead;
* one lane per meeting: **schedule markers** (planned ◇, rescheduled ↻,
  started ▶, concluded ■ …) at the posts that reported them, and **meeting
  bars** from a start (or resumption) to its end (or suspension), open at the
  playhead while it sits; a meeting reported as held with no start shows as a
  one-post bar where its participants were first reported present.

Every mark's position is the time of its source post (the post Enter jumps
to); a post whose time the blog does not give is placed at its estimated time
and its times read "~". Nothing is after the playhead: the state is the
state at k, and every source post is 1..k. The cost is O(facts) — the lanes
never walk the posts, only the facts' source posts (O(1) each).

`paint(lanes, width)` lays the lanes out on a character grid (`Picture`: rows
of styled runs plus, per cell, the mark it belongs to) so the Textual widget
only converts runs to strips, and tests read the picture without a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from tui.core.phrases import humanize, schedule_phrase, schedule_word, split_participants, status_phrase

if TYPE_CHECKING:
    from tui.core.facts import Meeting, ScheduleFact, State, StatusFact
    from tui.core.knowledge import Knowledge
    from tui.core.model import Post

# Colour groups of the status vocabulary (tui.core.facts.STATUSES): what a reader
# tells apart at a glance on a lane.
STATUS_GROUPS = {
    "announced": "plan", "will_attend": "plan", "undecided": "plan",
    "will_not_attend": "absent",
    "travelling": "moving", "left": "moving",
    "arrived": "there", "located": "there", "waiting": "there", "returned": "there",
    "meeting": "talks",
    "walked_out": "walkout",
    "concluded": "done",
}
GROUPS = ("plan", "absent", "moving", "there", "talks", "walkout", "done")

# One glyph per schedule kind (tui.core.facts.SCHEDULE_KINDS), one cell wide everywhere.
SCHEDULE_SYMBOLS = {
    "proposed": "?", "planned": "◇", "confirmed": "◈", "rescheduled": "↻", "postponed": "»", "delayed": "›",
    "cancelled": "✕", "denied": "⊘", "started": "▶", "suspended": "‖", "resumed": "▷", "concluded": "■",
}
NAMED_SYMBOL = "·"  # a meeting with nothing but its first mention
HELD_SYMBOL = "●"  # a meeting bar one cell wide (held, as far as one post says)
TICK_CELLS = 8  # the axis has at most one tick (day, week, month, year) per this many columns
FILL = {"moving": "›"}  # spans told apart by a pattern too (monochrome terminals, colour-blind readers)
_OPENS = frozenset({"started", "resumed"})
_CLOSES = frozenset({"concluded", "suspended", "cancelled"})


class Mark(NamedTuple):
    """One thing on a lane you can select: a status span, a meeting bar or a schedule marker.

    Its words for the detail line (Lanes.text(mark)) are made when it is shown, not
    when the lanes are built: formatting times for every mark of a big blog costs
    more than building the lanes. A NamedTuple: a big blog has tens of thousands of
    marks, and a frozen dataclass takes several times longer to make."""

    lane: int  # index in Lanes.lanes
    kind: str  # "status" | "meeting" | "schedule" | "named"
    start: float  # POSIX seconds: the time of its source post
    end: float  # spans: the time of the post that ended it, or of the playhead; markers: == start
    seq: int  # the source post (Enter jumps there)
    end_seq: int  # spans: the post that ended it; 0 = still so at the playhead; markers: == seq
    estimated: bool  # the source post's time is an estimate ("~")
    group: str  # colour: a STATUS_GROUPS value, "meeting", or the schedule kind
    symbol: str  # a marker's glyph; "" for spans
    label: str  # what it says on the lane when it fits: "arrived in Istanbul", "3 present"
    facts: tuple = ()  # type: ignore[type-arg]  # status spans: the facts of the post that opened it; markers: the schedule fact
    again: tuple[int, ...] = ()  # status spans: later posts that reported the same again
    people: tuple[str, ...] = ()  # meeting bars: "present: …", "announced only: …", "absent: …"
    place: str = ""  # meeting bars: where

    @property
    def is_span(self) -> bool:
        return self.kind in ("status", "meeting")

    @property
    def ident(self) -> tuple[int, str, int]:
        """Stable across rebuilds at later playheads (a span's end may change, not this)."""
        return self.lane, self.kind, self.seq

    @property
    def evidence(self) -> str:
        """The source sentence, verbatim ("" for meeting bars)."""
        return getattr(self.facts[-1], "evidence", "") if self.facts else ""


@dataclass(frozen=True, slots=True)
class Lane:
    key: str  # delegation id or meeting id
    kind: str  # "party" | "meeting"
    title: str  # short, for the title column: "RU", "Russia – Ukraine talks"
    name: str  # in full: "Russian delegation"
    color: str  # the delegation's colour from the knowledge file ("" = the theme's)
    marks: tuple[Mark, ...]  # by start time, then as reported


@dataclass(frozen=True)
class Lanes:
    seq: int  # the playhead: posts 1..seq are revealed
    origin: float  # the first post's time (POSIX seconds)
    now: float  # the playhead post's time
    end: float  # the last post parsed: the whole blog's span so far (the axis; nothing is drawn past `now`)
    tz: object  # the blog's zone, for the axis and the labels
    lanes: tuple[Lane, ...] = ()
    quiet: tuple[str, ...] = ()  # names of the parties with a row in the pane but no status yet (no lane)
    now_estimated: bool = False
    posts: Sequence[Post] = field(default=(), compare=False, repr=False)  # for the times in text()

    @cached_property
    def marks(self) -> list[Mark]:
        return [m for lane in self.lanes for m in lane.marks]

    @property
    def parties(self) -> int:
        """How many lanes are parties (they come first)."""
        return sum(1 for lane in self.lanes if lane.kind == "party")

    def when(self, seq: int, *, day: bool = True) -> str:
        """'#18 ~Thu 15 May 09:09' ('#18 ~09:09' with day=False)."""
        return f"#{seq} {post_when(self.posts[seq - 1], day=day)}"

    def text(self, mark: Mark) -> str:
        """The detail line of a mark: what, when and from which posts —
        'Russian delegation: arrived in Istanbul · #18 ~Thu 15 May 09:09 → #32 ~13:12 · again in #22, #28'."""
        name = self.lanes[mark.lane].name
        if mark.kind == "status":
            phrases = dict.fromkeys(status_phrase(f) for f in mark.facts)
            text = self._span(f"{name}: {' → '.join(phrases)}", mark, "still so at the playhead")
            if mark.again:
                more = " …" if len(mark.again) > 6 else ""
                text += " · again in " + ", ".join(f"#{s}" for s in mark.again[:6]) + more
            return text
        if mark.kind == "meeting":
            where = f" · {mark.place}" if mark.place else ""
            if mark.end_seq == mark.seq:
                return f"{name}: held · {self.when(mark.seq)}{where}"
            return self._span(f"{name}: in session", mark, "no end reported by the playhead") + where
        if mark.kind == "schedule" and mark.facts:
            fact = mark.facts[-1]
            said = schedule_phrase(fact) + (f" “{fact.raw}”" if fact.raw else "")
            return f"{name}: {said} · {self.when(mark.seq)}"
        return f"{name}: {mark.label} · {self.when(mark.seq)}"

    def _span(self, what: str, mark: Mark, still: str) -> str:
        if not mark.end_seq:
            return f"{what} · {self.when(mark.seq)} → {still}"
        same_day = self.posts[mark.end_seq - 1].day == self.posts[mark.seq - 1].day
        return f"{what} · {self.when(mark.seq)} → {self.when(mark.end_seq, day=not same_day)}"


def post_when(post: Post, *, day: bool = True) -> str:
    """'~Thu 15 May 09:09' (or '~09:09' with day=False): a post's time, '~' when estimated."""
    text = f"{post.time:%a} {post.time.day} {post.time:%b %H:%M}" if day else f"{post.time:%H:%M}"
    return ("~" if post.time_estimated else "") + text


def build_lanes(state: State, posts: Sequence[Post], *, count: int | None = None, tz: object = None,
                short: Mapping[str, str] | None = None) -> Lanes:
    """The lanes at the playhead `state.seq`, from `state` (Timeline.state_at) and the
    blog's posts parsed so far (their times only, looked up by seq: O(1) each;
    `count`: how many of `posts` the axis spans, default all). `short` maps a meeting's party names to short ones for the lane titles
    (short_names(timeline.knowledge_at(k))). O(status facts + schedule facts +
    participants); nothing after the playhead."""
    n = len(posts) if count is None else max(0, min(count, len(posts)))
    k = min(state.seq, n)
    if not n:
        return Lanes(seq=0, origin=0.0, now=0.0, end=0.0, tz=tz)
    origin = posts[0].time.timestamp()
    end = max(posts[n - 1].time.timestamp(), origin)
    if k <= 0:
        return Lanes(seq=0, origin=origin, now=origin, end=end, tz=tz or posts[0].time.tzinfo, posts=posts)
    now_post = posts[k - 1]
    now = now_post.time.timestamp()
    builder = _Builder(posts, k, now)
    lanes: list[Lane] = []
    quiet: list[str] = []
    for d in state.delegations:
        history = list(d.history)
        if not history:
            quiet.append(d.name or d.label or d.id)  # by name: a bare label ("TR") says little in a title
            continue
        lanes.append(Lane(d.id, "party", d.label or d.name or d.id, d.name or d.label or d.id, d.color,
                          builder.status_spans(len(lanes), history)))
    by_subject: dict[str, list[ScheduleFact]] = {}
    for fact in state.schedule:
        by_subject.setdefault(fact.subject, []).append(fact)
    for meeting in state.meetings:
        marks = builder.meeting_marks(len(lanes), meeting, by_subject.get(meeting.id, []))
        if marks:
            name = meeting.name or meeting.id
            lanes.append(Lane(meeting.id, "meeting", short_title(meeting, short or {}), name, "", marks))
    return Lanes(seq=k, origin=origin, now=now, end=max(end, now), tz=tz or posts[0].time.tzinfo,
                 lanes=tuple(lanes), quiet=tuple(quiet), now_estimated=now_post.time_estimated, posts=posts)


def short_names(knowledge: Knowledge) -> dict[str, str]:
    """Long name → short one, for lane titles: a person → their shortest alias that
    is a word of their name ("Vladimir Putin" → "Putin", "Luiz Inacio Lula da
    Silva" → "Lula"); a party's country or name → its label ("Russia" → "RU")."""
    out: dict[str, str] = {}
    for person in knowledge.people:
        words = set(person.name.split())
        own = [a for a in person.aliases if a in words]
        if own:
            out[person.name] = min(own, key=len)
    for d in knowledge.delegations:
        if d.label:
            for name in (d.country, d.name):
                if name and name != d.label:
                    out.setdefault(name, d.label)
    return out


def short_title(meeting: Meeting, short: Mapping[str, str]) -> str:
    """'RU–UA talks', 'Putin–Trump call': the meeting's name with its parties
    shortened (the rest of the name kept: "talks (next round)")."""
    name = meeting.name or meeting.id
    parts = name.split(" – ")
    if not parts or not short:
        return name
    last = parts[-1]
    tail = ""
    for party in sorted(short, key=len, reverse=True):  # the longest party name the last part starts with
        if last.startswith(party + " "):
            tail, parts[-1] = last[len(party):], party
            break
    else:
        if " " in last:
            parts[-1], tail = last.rsplit(" ", 1)[0], " " + last.rsplit(" ", 1)[1]
    return "–".join(short.get(p, p) for p in parts) + tail


class _Builder:
    """Marks for one playhead: times by seq (O(1) each), no formatting."""

    def __init__(self, posts: Sequence[Post], k: int, now: float) -> None:
        self.posts, self.k, self.now = posts, k, now

    def at(self, seq: int) -> float:
        return self.posts[seq - 1].time.timestamp()

    def status_spans(self, lane: int, history: list[StatusFact]) -> tuple[Mark, ...]:
        """One span per change of what the delegations pane shows (status, place)."""
        groups: list[list[StatusFact]] = []
        for fact in history:  # oldest first; a post's facts are adjacent
            if groups and groups[-1][-1].seq == fact.seq:
                groups[-1].append(fact)
            else:
                groups.append([fact])
        spans: list[tuple[list[StatusFact], list[int]]] = []  # (the facts that opened it, further sources)
        for group in groups:
            if spans and _shown(spans[-1][0][-1]) == _shown(group[-1]):
                spans[-1][1].append(group[-1].seq)
                continue
            spans.append((group, []))
        marks = []
        posts, now = self.posts, self.now
        for i, (group, again) in enumerate(spans):
            shown = group[-1]
            seq = shown.seq
            end_seq = spans[i + 1][0][-1].seq if i + 1 < len(spans) else 0
            post = posts[seq - 1]
            marks.append(Mark(
                lane=lane, kind="status", start=post.time.timestamp(),
                end=posts[end_seq - 1].time.timestamp() if end_seq else now, seq=seq, end_seq=end_seq,
                estimated=post.time_estimated, group=STATUS_GROUPS.get(shown.status, "plan"), symbol="",
                label=status_phrase(shown), facts=tuple(group), again=tuple(again),
            ))
        return tuple(marks)

    def meeting_marks(self, lane: int, meeting: Meeting, facts: list[ScheduleFact]) -> tuple[Mark, ...]:
        marks: list[Mark] = []
        present, announced = split_participants(meeting.participants)
        absent = _absent(meeting)
        people = tuple(line for line in (
            "present: " + ", ".join(p.name for p in present) if present else "",
            "announced only: " + ", ".join(p.name for p in announced) if announced else "",
            "absent: " + ", ".join(absent) if absent else "",
        ) if line)
        label = f"{len(present)} present" if present else humanize(meeting.status)
        opened: ScheduleFact | None = None
        bars: list[tuple[int, int]] = []
        for fact in facts:
            if fact.kind in _OPENS and opened is None:
                opened = fact
            elif fact.kind in _CLOSES and opened is not None:
                bars.append((opened.seq, fact.seq))
                opened = None
        if opened is not None:
            bars.append((opened.seq, 0))
        if not bars and meeting.status == "happened" and present:
            first = min(p.seq for p in present)
            bars.append((first, first))
        for seq, end_seq in bars:
            marks.append(Mark(
                lane=lane, kind="meeting", start=self.at(seq), end=self.at(end_seq) if end_seq else self.now,
                seq=seq, end_seq=end_seq, estimated=self.posts[seq - 1].time_estimated, group="meeting",
                symbol="", label=label, people=people or ("no participant reported",), place=meeting.place or "",
            ))
        for fact in facts:
            marks.append(Mark(
                lane=lane, kind="schedule", start=self.at(fact.seq), end=self.at(fact.seq), seq=fact.seq,
                end_seq=fact.seq, estimated=self.posts[fact.seq - 1].time_estimated, group=fact.kind,
                symbol=SCHEDULE_SYMBOLS.get(fact.kind, "•"), label=schedule_word(fact.kind), facts=(fact,),
            ))
        if not marks and meeting.seqs:
            first = meeting.seqs[0]
            marks.append(Mark(
                lane=lane, kind="named", start=self.at(first), end=self.at(first), seq=first, end_seq=first,
                estimated=self.posts[first - 1].time_estimated, group="named", symbol=NAMED_SYMBOL,
                label="first named", people=people,
            ))
        marks.sort(key=lambda m: (m.start, m.seq, m.kind != "meeting"))
        return tuple(marks)


def _shown(fact: StatusFact) -> tuple[str, str | None, str | None]:
    return fact.status, fact.where, fact.from_where


def _absent(meeting: Meeting) -> list[str]:
    present = {p.name for p in meeting.participants if p.basis == "present"}
    return list(dict.fromkeys(p.name for p in meeting.participants if p.basis == "absent" and p.name not in present))


# ------------------------------------------------------------------ moving between marks
def latest(lanes: Lanes) -> Mark | None:
    """The mark reported last (ties: the upper lane): where the view opens."""
    best: Mark | None = None
    for mark in lanes.marks:
        if best is None or (mark.seq, -mark.lane) > (best.seq, -best.lane):
            best = mark
    return best


def find(lanes: Lanes, ident: tuple[int, str, int] | None) -> Mark | None:
    if ident is None:
        return None
    for mark in lanes.lanes[ident[0]].marks if 0 <= ident[0] < len(lanes.lanes) else ():
        if mark.ident == ident:
            return mark
    return None


def step(lanes: Lanes, mark: Mark, delta: int) -> Mark:
    """The next (delta=1) or previous (-1) mark on the same lane; the same mark at either end."""
    marks = lanes.lanes[mark.lane].marks
    i = marks.index(mark) + delta
    return marks[i] if 0 <= i < len(marks) else mark


def lane_step(lanes: Lanes, mark: Mark, delta: int) -> Mark:
    """On the lane below (delta=1) or above (-1): the span under `mark`'s time, else
    the mark nearest to it in time; `mark` itself at the top or bottom lane."""
    target = mark.lane + delta
    if not 0 <= target < len(lanes.lanes):
        return mark
    marks = lanes.lanes[target].marks
    t = mark.start
    covering = [m for m in marks if m.is_span and m.start <= t <= m.end]
    if covering:
        return covering[-1]
    return min(marks, key=lambda m: (abs(m.start - t), m.start))


# ------------------------------------------------------------------ the picture
@dataclass(frozen=True, slots=True)
class Axis:
    """Time ↔ column over `columns` cells from `origin` to `end` (POSIX seconds)."""

    origin: float
    end: float
    columns: int

    def column(self, t: float) -> int:
        if self.columns <= 1 or self.end <= self.origin:
            return 0
        x = (t - self.origin) / (self.end - self.origin) * (self.columns - 1)
        return max(0, min(self.columns - 1, int(x + 0.5)))


Run = tuple[str, str]  # (text, style key)


@dataclass(slots=True)
class Row:
    kind: str  # "axis" | "section" | "lane"
    runs: list[Run]
    owners: list[Mark | None] = field(default_factory=list)  # per cell of the plot: the mark drawn there
    lane: int = -1


@dataclass(slots=True)
class Picture:
    """The lanes drawn on a grid `width` cells wide: one Row per screen row."""

    width: int
    title_width: int
    axis: Axis
    rows: list[Row]
    marks: list[Mark]  # the marks drawn (not those hidden under a later one in the same cell)
    lanes: Lanes | None = None
    head: int = -1  # the playhead's column in the plot
    days: list[tuple[int, str]] = field(default_factory=list)
    selected: Mark | None = None

    def mark_at(self, row: int, x: int) -> Mark | None:
        """The mark drawn at screen cell (x, row of `rows`), for clicks and hovering."""
        if not 0 <= row < len(self.rows):
            return None
        owners = self.rows[row].owners
        col = x - self.title_width - 1
        if not owners or not 0 <= col < len(owners):
            return None
        return owners[col]

    def row_of(self, mark: Mark) -> int:
        """The row a mark's lane is drawn on."""
        return self.row_of_lane(mark.lane)

    def row_of_lane(self, lane: int) -> int:
        for i, row in enumerate(self.rows):
            if row.lane == lane:
                return i
        return 0

    def text(self) -> str:
        """Plain text of the picture, one line per row (tests, the benchmark)."""
        return "\n".join("".join(t for t, _ in row.runs) for row in self.rows)


def title_width(lanes: Lanes, width: int) -> int:
    """The title column: the longest lane title, within a fifth of the width (8…30 cells)."""
    longest = max((cells_of(lane.title) for lane in lanes.lanes), default=4)
    return max(4, min(longest, max(8, min(width // 5, 30))))


def paint(lanes: Lanes, width: int, *, zoom: bool = False, selected: Mark | None = None) -> Picture:
    """Lay the lanes out `width` cells wide: a title column, then the plot.

    The axis runs over the whole blog parsed so far (`zoom=False`) or up to the
    playhead (`zoom=True`); either way no cell right of the playhead's column is
    drawn in a lane. Style keys: "title", "axis", "day", "tick", "playhead",
    "grid", "edge-<group>", "span-<group>", "mark-<group>", "section",
    "selected" (the `selected` mark's cells). O(marks + width × lanes)."""
    tw = title_width(lanes, width)
    plot = max(1, width - tw - 1)
    axis = Axis(lanes.origin, lanes.now if zoom else lanes.end, plot)
    head = axis.column(lanes.now) if lanes.seq else -1
    days = _day_columns(lanes, axis)
    rows = [_axis_row(lanes, axis, tw, head, days)]
    marks: list[Mark] = []
    for index, lane in enumerate(lanes.lanes):
        if lane.kind == "meeting" and (index == 0 or lanes.lanes[index - 1].kind != "meeting"):
            rule = max(0, min(plot, head + 1))
            rows.append(Row("section", [(_fit("meetings", tw) + " ", "section"), ("─" * rule, "grid"),
                                        (" " * (plot - rule), "grid")]))
        rows.append(_lane_row(lane, index, axis, tw, head, days, marks, selected))
    return Picture(width, tw, axis, rows, marks, lanes, head, days, selected)


def reselect(picture: Picture, selected: Mark | None) -> Picture:
    """The same picture with another mark selected: only the lanes of the old and the
    new selection are drawn again (O(their marks + width)), for moving with the keys."""
    lanes = picture.lanes
    if lanes is None:
        return picture
    rows = list(picture.rows)
    marks = list(picture.marks)
    for lane in {m.lane for m in (picture.selected, selected) if m is not None}:
        if 0 <= lane < len(lanes.lanes):
            i = picture.row_of_lane(lane)
            rows[i] = _lane_row(lanes.lanes[lane], lane, picture.axis, picture.title_width, picture.head,
                                picture.days, marks, selected)
    return Picture(picture.width, picture.title_width, picture.axis, rows, marks, lanes, picture.head,
                   picture.days, selected)


def char_cells(ch: str) -> int:
    """Terminal cells of one character: 0 (combining), 2 (wide: CJK, full-width), else 1."""
    if ch.isascii():
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells_of(text: str) -> int:
    return len(text) if text.isascii() else sum(char_cells(ch) for ch in text)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with "…", padded with spaces to exactly `width`."""
    if cells_of(text) <= width:
        return text + " " * (width - cells_of(text))
    out, used = "", 0
    for ch in text:
        w = char_cells(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…" + " " * max(0, width - 1 - used)


def _place(cells: list[str], start: int, stop: int, text: str) -> None:
    """Write `text` into cells[start:stop], one cell per character (a wide one takes
    two: its second cell is ""; a combining mark joins the cell before it)."""
    c = start
    for ch in text:
        w = char_cells(ch)
        if w == 0:
            if c > start:
                cells[c - 1] += ch
            continue
        if c + w > stop:
            break
        cells[c] = ch
        if w == 2:
            cells[c + 1] = ""
        c += w


def _day_columns(lanes: Lanes, axis: Axis) -> list[tuple[int, str]]:
    """(column, label) of the axis's ticks, in the blog's zone: midnights ('Thu 15')
    when they are at least TICK_CELLS apart, else Mondays ('12 May'), first days
    of months ('May 2025') or of years ('2026'): at most one tick per TICK_CELLS
    columns, so a blog of years costs what a blog of days does."""
    tz = lanes.tz
    first = datetime.fromtimestamp(axis.origin, tz)  # type: ignore[arg-type]
    last = datetime.fromtimestamp(axis.end, tz)  # type: ignore[arg-type]
    room = max(1, axis.columns // TICK_CELLS)
    days = (last.date() - first.date()).days
    midnight = first.replace(hour=0, minute=0, second=0, microsecond=0)
    if days <= room:
        unit, label = timedelta(days=1), "{d:%a} {d.day}"
        tick = midnight + timedelta(days=1)
    elif days // 7 <= room:
        unit, label = timedelta(days=7), "{d.day} {d:%b}"
        tick = midnight + timedelta(days=7 - midnight.weekday())
    elif days // 30 <= room:
        unit, label = None, "{d:%b %Y}"
        tick = midnight.replace(day=1) + timedelta(days=32)
        tick = tick.replace(day=1)
    else:
        unit, label = None, "{d.year}"
        tick = midnight.replace(month=1, day=1).replace(year=midnight.year + 1)
    out = [(0, label.format(d=first))]
    while tick.timestamp() <= axis.end and len(out) <= room + 1:
        out.append((axis.column(tick.timestamp()), label.format(d=tick)))
        if unit is not None:
            tick = (tick + unit + timedelta(hours=2)).replace(hour=0)  # DST-safe next midnight
        elif "{d.year}" == label:
            tick = tick.replace(year=tick.year + 1)
        else:
            tick = (tick + timedelta(days=32)).replace(day=1)
    return out


def _axis_row(lanes: Lanes, axis: Axis, tw: int, head: int, days: list[tuple[int, str]]) -> Row:
    cells = [" "] * axis.columns
    styles = ["axis"] * axis.columns
    for n, (col, label) in enumerate(days):
        if n and col < len(cells):
            cells[col], styles[col] = "│", "tick"
        start = col + (1 if n else 0)
        nxt = days[n + 1][0] if n + 1 < len(days) else axis.columns
        if start <= head < nxt:  # the day holds the playhead: its label goes on the side with room
            start, nxt = (start, head) if head - start >= nxt - head - 1 else (head + 1, nxt)
        text = label if nxt - start > len(label) else label.split()[-1] if nxt - start > 2 else ""
        for i, ch in enumerate(text):
            if start + i < len(cells):
                cells[start + i], styles[start + i] = ch, "day"
    if 0 <= head < len(cells):
        cells[head], styles[head] = "▼", "playhead"
    title = f"#{lanes.seq} " + ("~" if lanes.now_estimated else "") + f"{datetime.fromtimestamp(lanes.now, lanes.tz):%H:%M}" if lanes.seq else ""  # type: ignore[arg-type]
    return Row("axis", [(_fit(title, tw) + " ", "title"), *_runs(cells, styles)])


def _lane_row(lane: Lane, index: int, axis: Axis, tw: int, head: int, days: list[tuple[int, str]],
              marks: list[Mark], selected: Mark | None) -> Row:
    n = axis.columns
    cells = [" "] * n
    styles = ["grid"] * n
    owners: list[Mark | None] = [None] * n
    for col, _ in days[1:]:
        if col <= head:
            cells[col] = "┊"
    spans = [m for m in lane.marks if m.is_span]
    points = [m for m in lane.marks if not m.is_span]
    # A lane's spans do not overlap in time, so a span is hidden under the next one when
    # both start in one cell; markers likewise. Only what shows is drawn: O(marks) column
    # lookups, O(width) drawing, whatever the number of marks. Markers go over bars; the
    # selected mark, when hidden, over everything.
    drawn = [*_showing(spans, axis, head), *_showing(points, axis, head)]
    mine = selected if selected is not None and selected.lane == index else None
    if mine is not None and all(m.ident != mine.ident for m in drawn):
        drawn.append(mine)
    for mark in drawn:
        marks.append(mark)
        c0 = min(axis.column(mark.start), head)
        if mark.is_span:
            c1 = head if mark.end_seq == 0 else max(c0, axis.column(mark.end) - 1)
            c1 = min(c1, head)
            fill = FILL.get(mark.group, " ")
            for c in range(c0, c1 + 1):
                cells[c] = fill
                styles[c] = f"span-{mark.group}"
                owners[c] = mark
            if c1 > c0:  # an edge tells two spans of one colour apart; a one-cell span is all colour
                cells[c0], styles[c0] = "▏", f"edge-{mark.group}"
            elif mark.kind == "meeting":
                cells[c0] = HELD_SYMBOL  # a meeting reported at one post: a dot, not a blank cell
            room = c1 - c0  # the first cell is the edge
            label = mark.label if cells_of(mark.label) <= room else _fit(mark.label, room).rstrip() if room >= 4 else ""
            _place(cells, c0 + 1, c1 + 1, label)
        else:
            cells[c0], styles[c0], owners[c0] = mark.symbol, f"mark-{mark.group}", mark
    if mine is not None:
        for c in range(n):
            owner = owners[c]
            if owner is not None and owner.ident == mine.ident:
                styles[c] = styles[c] + " selected"
    if 0 <= head < n and owners[head] is None:
        cells[head], styles[head] = "│", "playhead"
    for c in range(head + 1, n):  # nothing after the playhead
        cells[c], styles[c], owners[c] = " ", "grid", None
    title = _fit(lane.title, tw) + " "
    return Row("lane", [(title, f"title-{lane.kind}"), *_runs(cells, styles)], owners, index)


def _showing(marks: list[Mark], axis: Axis, head: int) -> list[Mark]:
    """The marks not hidden under a later one that starts in the same cell (marks in time order)."""
    cols = [min(axis.column(m.start), head) for m in marks]
    return [m for i, m in enumerate(marks) if i + 1 == len(marks) or cols[i + 1] != cols[i]]


def _runs(cells: list[str], styles: list[str]) -> list[Run]:
    runs: list[Run] = []
    for ch, st in zip(cells, styles):
        if runs and runs[-1][1] == st:
            runs[-1] = (runs[-1][0] + ch, st)
        else:
            runs.append((ch, st))
    return runs


__all__ = [
    "FILL", "GROUPS", "NAMED_SYMBOL", "SCHEDULE_SYMBOLS", "STATUS_GROUPS", "Axis", "Lane", "Lanes", "Mark", "Picture", "Row",
    "build_lanes", "find", "lane_step", "latest", "paint", "reselect", "post_when", "short_names", "short_title", "step", "title_width", "cells_of",
]
