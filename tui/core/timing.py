"""Post times: explicit when the blog stamps a post, estimated otherwise.

Estimated times are spread evenly between the explicit anchors of the day,
or between the description's day_start/day_end when the day has none. They
keep the posts' order (strictly increasing within a day) and never fall
before an earlier anchor. Arithmetic is done in UTC so DST cannot fold time.

The order of the posts in the file is the order of publication, so times never
go backwards: a stamp earlier than one before it is not trusted — the post gets
an estimated time instead (and the parser warns). Posts with no room between
two equal anchors share the anchor's time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tui.core.days import Stamp

_SECOND = timedelta(seconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def stamp_time(day: date, stamp: Stamp, tz: tzinfo) -> datetime:
    """The aware time a stamp gives on `day`, expressed in the blog's zone."""
    assert stamp.clock is not None
    on = stamp.day or day
    if stamp.zone is not None:
        return datetime.combine(on, stamp.clock, stamp.zone).astimezone(tz)
    return datetime.combine(on, stamp.clock, tz)


def _spread(lo: datetime, hi: datetime, n: int) -> list[datetime]:
    """n times strictly between lo and hi (UTC), evenly spaced; whole minutes or
    seconds when the spacing allows it (readable times), else microseconds."""
    span = (hi - lo) // timedelta(microseconds=1)
    step = span / (n + 1)
    unit = 60_000_000 if step >= 120_000_000 else 1_000_000 if step >= 2_000_000 else 1
    base = (lo - _EPOCH) // timedelta(microseconds=1)
    return [
        _EPOCH + timedelta(microseconds=round((base + step * k) / unit) * unit) for k in range(1, n + 1)
    ]


def day_times(
    day: date,
    explicit: list[datetime | None],
    tz: tzinfo,
    day_start: time,
    day_end: time,
) -> tuple[list[datetime], list[int]]:
    """Times for one day's posts (chronological order) and the indices of
    explicit stamps that go backwards in time: those posts get estimated
    times (the caller flags them and warns)."""
    n = len(explicit)
    day_lo = datetime.combine(day, day_start, tz).astimezone(timezone.utc)
    day_hi = datetime.combine(day, day_end, tz).astimezone(timezone.utc)
    midnight = datetime.combine(day, time(0), tz).astimezone(timezone.utc)
    last_second = datetime.combine(day, time(23, 59, 59), tz).astimezone(timezone.utc)
    out: list[datetime] = [midnight] * n
    backwards: list[int] = []
    explicit = list(explicit)
    latest: datetime | None = None
    for k, e in enumerate(explicit):  # distrust stamps that go back in time
        if e is None:
            continue
        if latest is not None and e < latest:
            backwards.append(k)
            explicit[k] = None
        else:
            latest = e
    floor: datetime | None = None  # latest time handed out so far
    i = 0
    while i < n:
        if explicit[i] is not None:
            t = explicit[i].astimezone(timezone.utc)  # type: ignore[union-attr]
            out[i] = t
            floor = t
            i += 1
            continue
        j = i
        while j < n and explicit[j] is None:
            j += 1
        count = j - i
        nxt = explicit[j].astimezone(timezone.utc) if j < n else None  # type: ignore[union-attr]
        lo = floor if floor is not None else day_lo
        hi = nxt if nxt is not None else day_hi
        if floor is None and nxt is not None and nxt <= day_lo:
            lo = midnight  # an early anchor: spread from the start of the day
        if nxt is None and hi <= lo:
            hi = max(last_second, lo)  # anchors late in the day: spread to its end
        if hi <= lo and floor is None:
            # Older than an anchor at the very start of the day: just before it.
            lo = hi - _SECOND * (count + 1)
        if hi <= lo:  # between two equal anchors: no room, share their time
            out[i:j] = [lo] * count
        else:
            out[i:j] = _spread(lo, hi, count)
        floor = out[j - 1]
        i = j
    return [t.astimezone(tz) for t in out], backwards
