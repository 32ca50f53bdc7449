"""Raw live-blog text -> Blog, in one linear pass over the lines.

Shape accepted: an optional summary (lede) above the first day header, then
day headers each followed by paragraphs (one per line; blank lines ignored),
optionally with time-stamp lines or paragraphs that open with a time stamp.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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
    """Paragraphs under one stamp (or under the day header before any stamp)."""

    stamp: Stamp | None
    stamp_line: int
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


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


def _scan(lines: list[str], warnings: list[ParseWarning]) -> tuple[list[tuple[int, str]], list[_Day]]:
    summary: list[tuple[int, str]] = []
    days: list[_Day] = []
    seen: dict[date, int] = {}
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            continue
        stamp = parse_stamp(line)
        if stamp is not None and stamp.day is not None:
            if stamp.weekday_mismatch:
                warnings.append(ParseWarning(number, f"weekday does not match {stamp.day:%d %B %Y}"))
            current = days[-1] if days else None
            if current is not None and current.day == stamp.day and stamp.clock is not None:
                current.blocks.append(_Block(stamp, number))  # "16 May 2025 14:05" in a stamped blog
                continue
            if current is not None and current.day == stamp.day:
                warnings.append(ParseWarning(number, f"day header {stamp.day:%d %B %Y} repeated"))
                continue
            if stamp.day in seen:
                warnings.append(
                    ParseWarning(number, f"day header {stamp.day:%d %B %Y} already seen at line {seen[stamp.day]}")
                )
            seen.setdefault(stamp.day, number)
            days.append(_Day(stamp.day, number, [_Block(stamp if stamp.clock else None, number)]))
            continue
        if not days:
            summary.append((number, line))
            continue
        day = days[-1]
        if stamp is not None:  # a time-only stamp line opens a block
            day.blocks.append(_Block(stamp, number))
            continue
        lead = leading_clock(line)
        if lead is not None:  # "14:05 Text…": the stamp opens the post it starts
            day.blocks.append(_Block(lead[0], number))
        block = day.blocks[-1]
        block.lines.append(number)
        block.texts.append(line.strip())
    return summary, days


def _is_stamped(days: list[_Day]) -> bool:
    stamped = [b for d in days for b in d.blocks if b.stamp is not None]
    if len(stamped) < _STAMPED_MIN:
        return False
    paras = sum(len(b.texts) for b in stamped)
    return paras <= _STAMPED_MAX_PARAS * len(stamped)


def _posts_in_file_order(days: list[_Day], stamped: bool) -> list[_RawPost]:
    posts: list[_RawPost] = []
    for index, day in enumerate(days):
        for block in day.blocks:
            if not block.texts:
                continue
            if stamped and block.stamp is not None:
                starts = [0]
            else:
                starts = group(block.texts)
            bounds = [*starts, len(block.texts)]
            for k in range(len(starts)):
                a, b = bounds[k], bounds[k + 1]
                first = k == 0
                posts.append(
                    _RawPost(
                        day.day,
                        index,
                        block.lines[a:b],
                        block.texts[a:b],
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


def detect_order(days: list[_Day], raw: list[_RawPost], tz) -> tuple[str, str]:
    """("newest-first"|"oldest-first", how it was decided)."""
    by_headers = _vote([d.day for d in days])
    if by_headers:
        return ("oldest-first" if by_headers > 0 else "newest-first"), "day headers"
    stamped = [stamp_time(p.day, p.stamp, tz) for p in raw if p.stamp is not None and p.stamp.clock]
    by_stamps = _vote(stamped)
    if by_stamps:
        return ("oldest-first" if by_stamps > 0 else "newest-first"), "time stamps"
    return "newest-first", "default (live blogs publish newest first)"


def parse_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Blog:
    """Parse a whole blog. `warnings` (e.g. from loading) are kept in front."""
    validate_meta(meta, source=source or "description")
    tz = resolve_timezone(meta.timezone)
    day_start, day_end = parse_clock(meta.day_start), parse_clock(meta.day_end)
    notes = list(warnings or ())
    summary_lines, days = _scan(text.split("\n"), notes)
    if not days:
        raise InputError(f"{source}: {NO_HEADERS}" if source else NO_HEADERS)

    raw = _posts_in_file_order(days, _is_stamped(days))
    detected, how = detect_order(days, raw, tz)
    if meta.order == "auto":
        order = detected
    else:
        order = meta.order
        if how != "default (live blogs publish newest first)" and detected != order:
            notes.append(ParseWarning(days[0].header_line, f"description says {order} but the {how} look {detected}"))
    for d in days:
        if not any(b.texts for b in d.blocks):
            notes.append(ParseWarning(d.header_line, f"day header {d.day:%d %B %Y} has no posts below it"))
    # Day headers that disagree with the order used.
    for prev, cur in zip(days, days[1:]):
        if (cur.day < prev.day and order == "oldest-first") or (cur.day > prev.day and order == "newest-first"):
            notes.append(ParseWarning(cur.header_line, f"day header {cur.day:%d %B %Y} is out of {order} order"))

    chrono = raw if order == "oldest-first" else raw[::-1]
    posts: list[Post] = []
    i = 0
    while i < len(chrono):  # runs of posts from the same day section get times together
        j = i
        while j < len(chrono) and chrono[j].section == chrono[i].section:
            j += 1
        run = chrono[i:j]
        explicit: list[datetime | None] = [
            stamp_time(p.day, p.stamp, tz) if p.stamp is not None and p.stamp.clock else None for p in run
        ]
        times, backwards = day_times(run[0].day, explicit, tz, day_start, day_end)
        for k in backwards:
            notes.append(ParseWarning(run[k].stamp_line, "time stamp out of order; kept as written"))
        for p, t, e in zip(run, times, explicit):
            posts.append(
                Post(
                    seq=len(posts) + 1,
                    day=p.day,
                    time=t,
                    time_estimated=e is None,
                    first_line=p.lines[0],
                    last_line=p.lines[-1],
                    paragraphs=tuple(p.texts),
                )
            )
        i = j

    summary = None
    if summary_lines:
        summary = Summary(
            text="\n".join(line.strip() for _, line in summary_lines),
            first_line=summary_lines[0][0],
            last_line=summary_lines[-1][0],
        )
    notes.sort(key=lambda w: w.line)
    return Blog(
        meta=meta,
        tz=tz,
        summary=summary,
        posts=posts,
        days=sorted({p.day for p in posts}),
        order=order,
        source=source,
        warnings=notes,
    )
