"""The parsed blog: plain, immutable data shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo


@dataclass(frozen=True, slots=True)
class Post:
    """One post. seq 1 is the oldest; lines are 1-based and inclusive."""

    seq: int
    day: date
    time: datetime  # timezone-aware
    time_estimated: bool
    first_line: int
    last_line: int
    paragraphs: tuple[str, ...]  # verbatim, control bytes already made visible
    headline: str = ""  # the post's own title line, when the page gives one (not in paragraphs)
    byline: str = ""  # the author line under the headline, when the page gives one
    updated: datetime | None = None  # "Updated at …": when the post was last changed, if stated
    pinned: bool = False  # kept at the top of the page out of time order (placed by its time here)
    blog_name: str = ""  # the blog it came from when several are replayed on one clock ("" for one blog)

    @property
    def id(self) -> str:
        return f"p{self.seq}"

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Summary:
    """The lede above the first day header, written after the events."""

    text: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class ParseWarning:
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class BlogMeta:
    """The optional description TOML of a blog (title, outlet, order, time zone)."""

    title: str = ""
    outlet: str = ""
    order: str = "auto"  # newest-first | oldest-first | auto
    timezone: str = "UTC"
    day_start: str = "08:00"
    day_end: str = "23:00"
    year: int | None = None  # the year of day headers that do not give one ("Thursday 15 May")


@dataclass(slots=True)
class Blog:
    meta: BlogMeta
    tz: tzinfo
    summary: Summary | None
    posts: list[Post]
    days: list[date]
    order: str  # the order detected/used: newest-first | oldest-first
    source: str = ""  # path shown to the user
    warnings: list[ParseWarning] = field(default_factory=list)
    year_notes: dict[date, str] = field(default_factory=dict)  # day -> how its year was inferred (headers without one)
    # Blogs merged on one clock (tui.core.merge): each post's blog_name -> that blog's source; empty for one blog.
    merged_from: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.meta.title
