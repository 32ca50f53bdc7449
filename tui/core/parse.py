"""Raw live-blog text -> Blog, in one linear pass over the lines.

Shape accepted: an optional summary (lede) above the first day header, then
day headers each followed by paragraphs (one per line; blank lines ignored),
optionally with time-stamp lines or paragraphs that open with a time stamp.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from tui.core.days import _ANY_DIGIT
from tui.core.days import _MAX_LEN as _STAMP_MAX
from tui.core.days import Stamp, leading_clock, parse_stamp
from tui.core.errors import InputError
from tui.core.grouping import group
from tui.core.meta import parse_clock, resolve_timezone, validate_meta
from tui.core.model import Blog, BlogMeta, ParseWarning, Post, Summary
from tui.core.timing import day_times, stamp_time

NO_HEADERS = (
    "no day headers found; expected lines like '16 May 2025', 'May 16, 2025', "
    "'Friday, 16 May 2025' or '16.05.2025'"
)
# A blog is "stamped" (each stamp opens exactly one post) when it has at least
# this many stamps and few paragraphs per stamp; otherwise stamps only date the
# first post below them and grouping decides the rest.
_STAMPED_MIN = 2
_STAMPED_MAX_PARAS = 12


@dataclass(slots=True)
class _Block:
    """Paragraphs under one stamp (or under the day header before any stamp).

    The scan only counts them and notes where they are (`parts`, file order:
    `range`s of 0-based indices of plain lines, or (line number, stripped text)
    pairs); the lists of line numbers and texts are built when the block's day
    section is grouped (`paragraphs`), so opening a 100k-post blog does not
    build 0.5M-entry lists for sections a progressive load has not reached."""

    stamp: Stamp | None
    stamp_line: int
    count: int = 0
    parts: list[range | tuple[int, str]] = field(default_factory=list)

    def paragraphs(self, lines: list[str], pool: dict[str, str]) -> tuple[list[int], list[str]]:
        """(line numbers, texts); equal paragraphs share one str through `pool`."""
        numbers: list[int] = []
        texts: list[str] = []
        for part in self.parts:
            if type(part) is range:
                numbers.extend(range(part.start + 1, part.stop + 1))
                run = lines[part.start : part.stop]
                texts.extend(map(pool.setdefault, run, run))
            else:
                number, text = part  # type: ignore[misc]
                numbers.append(number)
                texts.append(pool.setdefault(text, text))
        return numbers, texts


@dataclass(slots=True)
class _Day:
    day: date
    header_line: int
    blocks: list[_Block] = field(default_factory=list)


@dataclass(slots=True)
class _RawPost:
    day: date
    section: int  # index of the _Day it came from
    lines: list[int]
    texts: list[str]
    stamp: Stamp | None
    stamp_line: int


def _plain(line: str) -> bool:
    """A line that can only be paragraph text: not blank, nothing to strip, not
    opening with a digit (no leading clock), and too long or digit-free to be a
    stamp (a stamp is at most _STAMP_MAX characters and has a digit)."""
    return (bool(line) and not line[0].isspace() and not line[-1].isspace() and not line[0].isdigit()
            and (len(line) > _STAMP_MAX or _ANY_DIGIT.search(line) is None))


def _scan(lines: list[str], warnings: list[ParseWarning]) -> tuple[list[tuple[int, str]], list[_Day]]:
    summary: list[tuple[int, str]] = []
    days: list[_Day] = []
    seen: dict[date, int] = {}
    # 100k-post files have ~0.5M lines, nearly all plain paragraphs (see _plain):
    # only the other lines are looked at one by one; the plain runs between
    # them are recorded as ranges (the block builds its lists when grouped).
    block: _Block | None = None
    m, digit = _STAMP_MAX, _ANY_DIGIT.search  # the test of _plain, inlined: this sees every line
    special = [i for i, line in enumerate(lines)
               if not line or line[0].isspace() or line[-1].isspace() or line[0].isdigit()
               or (len(line) <= m and digit(line))]
    special.append(len(lines))
    prev = 0
    for index in special:
        if prev < index:  # plain lines prev..index-1 (line numbers prev+1..index)
            if block is None:
                summary.extend(zip(range(prev + 1, index + 1), lines[prev:index]))
            else:
                block.parts.append(range(prev, index))
                block.count += index - prev
        prev = index + 1
        if index == len(lines):
            break
        number, line = index + 1, lines[index]
        if not line or line.isspace():
            continue
        stamp = parse_stamp(line)
        if stamp is not None and stamp.day is not None:
            if stamp.weekday_mismatch:
                warnings.append(ParseWarning(number, f"weekday does not match {stamp.day:%d %B %Y}"))
            current = days[-1] if days else None
            if current is not None and current.day == stamp.day and stamp.clock is not None:
                block = _Block(stamp, number)  # "16 May 2025 14:05" in a stamped blog
                current.blocks.append(block)
                continue
            if current is not None and current.day == stamp.day:
                warnings.append(ParseWarning(number, f"day header {stamp.day:%d %B %Y} repeated"))
                continue
            if stamp.day in seen:
                warnings.append(
                    ParseWarning(number, f"day header {stamp.day:%d %B %Y} already seen at line {seen[stamp.day]}")
                )
            seen.setdefault(stamp.day, number)
            block = _Block(stamp if stamp.clock else None, number)
            days.append(_Day(stamp.day, number, [block]))
            continue
        if block is None:  # no day yet: the summary
            summary.append((number, line))
            continue
        if stamp is not None:  # a time-only stamp line opens a block
            block = _Block(stamp, number)
            days[-1].blocks.append(block)
            continue
        lead = leading_clock(line)
        if lead is not None:  # "14:05 Text…": the stamp opens the post it starts
            block = _Block(lead[0], number)
            days[-1].blocks.append(block)
        block.parts.append((number, line.strip()))
        block.count += 1
    return summary, days


def _is_stamped(days: list[_Day]) -> bool:
    stamped = [b for d in days for b in d.blocks if b.stamp is not None]
    if len(stamped) < _STAMPED_MIN:
        return False
    paras = sum(b.count for b in stamped)
    return paras <= _STAMPED_MAX_PARAS * len(stamped)


def _posts_in_file_order(
    days: list[_Day], stamped: bool, lines: list[str], pool: dict[str, str], section: int = 0
) -> list[_RawPost]:
    posts: list[_RawPost] = []
    for index, day in enumerate(days, section):
        for block in day.blocks:
            if not block.count:
                continue
            numbers, texts = block.paragraphs(lines, pool)
            if stamped and block.stamp is not None:
                starts = [0]
            else:
                starts = group(texts)
            bounds = [*starts, len(texts)]
            for k in range(len(starts)):
                a, b = bounds[k], bounds[k + 1]
                first = k == 0
                posts.append(
                    _RawPost(
                        day.day,
                        index,
                        numbers[a:b],
                        texts[a:b],
                        block.stamp if first else None,
                        block.stamp_line if first else 0,
                    )
                )
    return posts


def _vote(values: list) -> int:
    """+1 for mostly ascending, -1 for mostly descending, 0 for no evidence."""
    up = sum(1 for a, b in zip(values, values[1:]) if b > a)
    down = sum(1 for a, b in zip(values, values[1:]) if b < a)
    return (up > down) - (down > up)


def _block_stamps(days: list[_Day]) -> list[tuple[date, Stamp]]:
    """(day, stamp) of every block that opens a post with a clock stamp, in file
    order: exactly the stamps the first post of each block will carry."""
    return [(d.day, b.stamp) for d in days for b in d.blocks if b.count and b.stamp is not None and b.stamp.clock]


def detect_order(days: list[_Day], stamps: list[tuple[date, Stamp]], tz) -> tuple[str, str]:
    """("newest-first"|"oldest-first", how it was decided)."""
    by_headers = _vote([d.day for d in days])
    if by_headers:
        return ("oldest-first" if by_headers > 0 else "newest-first"), "day headers"
    stamped = [stamp_time(day, stamp, tz) for day, stamp in stamps]
    by_stamps = _vote(stamped)
    if by_stamps:
        return ("oldest-first" if by_stamps > 0 else "newest-first"), "time stamps"
    return "newest-first", "default (live blogs publish newest first)"


@dataclass(slots=True)
class Plan:
    """Everything parse_text decides before grouping paragraphs into posts:
    the day sections, order, time window and warnings. Grouping and timing
    are then done section by section (`section_posts`), oldest first, so a
    progressive loader can hand out the oldest posts before the rest is grouped."""

    meta: BlogMeta
    tz: tzinfo
    day_start: time
    day_end: time
    source: str
    notes: list[ParseWarning]
    summary: Summary | None
    days: list[_Day]
    stamped: bool
    order: str
    chrono_sections: list[int]  # indices into days, oldest first; only days with paragraphs
    lines: list[str]  # the file's lines: blocks point into them until their section is grouped
    pool: dict[str, str]  # paragraph text → one shared str (lists, trailers repeat in long blogs)

    def release(self) -> None:
        """Every section is grouped: drop the lines (posts keep their paragraphs)."""
        self.lines = []
        self.pool = {}

    def blog(self, posts: list[Post]) -> Blog:
        return Blog(
            meta=self.meta,
            tz=self.tz,
            summary=self.summary,
            posts=posts,
            days=sorted({self.days[i].day for i in self.chrono_sections}),
            order=self.order,
            source=self.source,
            warnings=self.notes,
        )


def plan_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Plan:
    """The line scan and every whole-blog decision (cheap: no grouping yet)."""
    validate_meta(meta, source=source or "description")
    tz = resolve_timezone(meta.timezone)
    day_start, day_end = parse_clock(meta.day_start), parse_clock(meta.day_end)
    notes = list(warnings or ())
    lines = text.split("\n")
    summary_lines, days = _scan(lines, notes)
    if not days:
        raise InputError(f"{source}: {NO_HEADERS}" if source else NO_HEADERS)

    stamped = _is_stamped(days)
    detected, how = detect_order(days, _block_stamps(days), tz)
    if meta.order == "auto":
        order = detected
    else:
        order = meta.order
        if how != "default (live blogs publish newest first)" and detected != order:
            notes.append(ParseWarning(days[0].header_line, f"description says {order} but the {how} look {detected}"))
    for d in days:
        if not any(b.count for b in d.blocks):
            notes.append(ParseWarning(d.header_line, f"day header {d.day:%d %B %Y} has no posts below it"))
    # Day headers that disagree with the order used.
    for prev, cur in zip(days, days[1:]):
        if (cur.day < prev.day and order == "oldest-first") or (cur.day > prev.day and order == "newest-first"):
            notes.append(ParseWarning(cur.header_line, f"day header {cur.day:%d %B %Y} is out of {order} order"))

    sections = [i for i, d in enumerate(days) if any(b.count for b in d.blocks)]
    if order != "oldest-first":
        sections.reverse()
    summary = None
    if summary_lines:
        summary = Summary(
            text="\n".join(line.strip() for _, line in summary_lines),
            first_line=summary_lines[0][0],
            last_line=summary_lines[-1][0],
        )
    return Plan(meta, tz, day_start, day_end, source, notes, summary, days, stamped, order, sections, lines, {})


def section_posts(plan: Plan, index: int, first_seq: int) -> list[Post]:
    """The posts of day section `index` (an index into plan.days), chronological,
    numbered from first_seq; backwards time stamps are noted in plan.notes."""
    run = _posts_in_file_order([plan.days[index]], plan.stamped, plan.lines, plan.pool, section=index)
    if plan.order != "oldest-first":
        run.reverse()
    tz = plan.tz
    explicit: list[datetime | None] = [
        stamp_time(p.day, p.stamp, tz) if p.stamp is not None and p.stamp.clock else None for p in run
    ]
    times, backwards = day_times(run[0].day, explicit, tz, plan.day_start, plan.day_end)
    for k in backwards:
        plan.notes.append(
            ParseWarning(run[k].stamp_line, "time stamp out of order (earlier than a post before it); time estimated instead")
        )
    distrusted = set(backwards)
    return [
        Post(
            seq=first_seq + n,
            day=p.day,
            time=t,
            time_estimated=e is None or n in distrusted,
            first_line=p.lines[0],
            last_line=p.lines[-1],
            paragraphs=tuple(p.texts),
        )
        for n, (p, t, e) in enumerate(zip(run, times, explicit))
    ]


def parse_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Blog:
    """Parse a whole blog. `warnings` (e.g. from loading) are kept in front."""
    return finish_plan(plan_text(text, meta, source, warnings=warnings))


def finish_plan(plan: Plan) -> Blog:
    """Group and time every section of a plan: the whole Blog."""
    posts: list[Post] = []
    for index in plan.chrono_sections:
        posts.extend(section_posts(plan, index, len(posts) + 1))
    plan.release()
    plan.notes.sort(key=lambda w: w.line)
    return plan.blog(posts)
