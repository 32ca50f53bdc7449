"""The parsed blog: plain, immutable data shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo


_EMPTY: tuple[int, ...] = ()


def _fill(post: Post, seq: int, day: date, time: datetime, time_estimated: bool, first: int, last: int, body,
          headline: str, byline: str, updated: datetime | None, pinned: bool, blog_name: str,
          holes: tuple[int, ...]) -> None:
    """Set every slot of a new Post (it forbids attribute setting after construction). `first`/`last`
    and `body`: line numbers and paragraphs, or byte offsets and the TextSource they index."""
    _set = object.__setattr__  # direct calls: posts are built by the million
    _set(post, "seq", seq)
    _set(post, "day", day)
    _set(post, "time", time)
    _set(post, "time_estimated", time_estimated)
    _set(post, "_first", first)
    _set(post, "_last", last)
    _set(post, "_body", body)
    _set(post, "headline", headline)
    _set(post, "byline", byline)
    _set(post, "updated", updated)
    _set(post, "pinned", pinned)
    _set(post, "blog_name", blog_name)
    _set(post, "_holes", holes)


class Post:
    """One post. seq 1 is the oldest; lines are 1-based and inclusive.

    Immutable. Its text is held once, by the blog's TextSource (tui.core.source):
    a post read from a file keeps only byte offsets into it, and `paragraphs`,
    `text`, `first_line` and `last_line` are computed when asked (a few µs), so a
    million posts do not hold a second copy of the file as str objects. A post
    built with its paragraphs (a saved page's JSON-LD, tests) holds them as given.

        Post(seq, day, time, time_estimated, first_line, last_line, paragraphs,
             headline="", byline="", updated=None, pinned=False, blog_name="")
    """

    __slots__ = ("seq", "day", "time", "time_estimated", "_first", "_last", "_body", "headline", "byline",
                 "updated", "pinned", "blog_name", "_holes")

    seq: int
    day: date
    time: datetime  # timezone-aware
    time_estimated: bool
    headline: str  # the post's own title line, when the page gives one (not in paragraphs)
    byline: str  # the author line under the headline, when the page gives one
    updated: datetime | None  # "Updated at …": when the post was last changed, if stated
    pinned: bool  # kept at the top of the page out of time order (placed by its time here)
    blog_name: str  # the blog it came from when several are replayed on one clock ("" for one blog)

    def __init__(self, seq: int, day: date, time: datetime, time_estimated: bool, first_line: int, last_line: int,
                 paragraphs: tuple[str, ...], headline: str = "", byline: str = "",
                 updated: datetime | None = None, pinned: bool = False, blog_name: str = "") -> None:
        _fill(self, seq, day, time, time_estimated, first_line, last_line, tuple(paragraphs),  # verbatim, controls visible
              headline, byline, updated, pinned, blog_name, _EMPTY)

    @classmethod
    def in_source(cls, seq: int, day: date, time: datetime, time_estimated: bool, source, start: int, end: int,
                  holes: tuple[int, ...] = _EMPTY, headline: str = "", byline: str = "",
                  updated: datetime | None = None, pinned: bool = False, blog_name: str = "") -> Post:
        """A post whose lines are bytes start..end of `source` (a TextSource):
        every non-blank line there is a paragraph, except the lines whose
        0-based indices (within the span) are in `holes` (headline, byline,
        "Updated at …" lines, a repeated day header)."""
        post = cls.__new__(cls)
        _fill(post, seq, day, time, time_estimated, start, end, source, headline, byline, updated, pinned, blog_name, holes)
        return post

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Post is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Post is immutable: cannot delete {name!r}")

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The post's paragraphs, verbatim (control characters made visible), in order."""
        body = self._body
        if type(body) is tuple:
            return body
        return body.paragraphs(self._first, self._last, self._holes)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def text_bytes(self) -> int:
        """About how long the text is (UTF-8 bytes of its lines), without decoding
        it: for estimates, such as the height of a post not wrapped yet."""
        body = self._body
        if type(body) is tuple:
            return sum(len(p) for p in body) + len(body)
        return self._last - self._first

    @property
    def first_line(self) -> int:
        body = self._body
        return self._first if type(body) is tuple else body.line_at(self._first)

    @property
    def last_line(self) -> int:
        body = self._body
        return self._last if type(body) is tuple else body.line_at(max(self._first, self._last - 1))

    @property
    def id(self) -> str:
        return f"p{self.seq}"

    def replace(self, **changes: object) -> Post:
        """A copy with some fields changed (seq, day, time, time_estimated, headline, byline, updated, pinned,
        blog_name, and paragraphs: the copy then holds its own text, at the same lines); TypeError for any
        other name."""
        post = Post.__new__(Post)
        for name in Post.__slots__:
            object.__setattr__(post, name, changes.pop(name, getattr(self, name)) if name[0] != "_" else getattr(self, name))
        if "paragraphs" in changes:
            object.__setattr__(post, "_body", tuple(changes.pop("paragraphs")))  # type: ignore[arg-type]
            object.__setattr__(post, "_first", self.first_line)
            object.__setattr__(post, "_last", self.last_line)
            object.__setattr__(post, "_holes", _EMPTY)
        if changes:
            raise TypeError(f"Post.replace: cannot change {', '.join(changes)}")
        return post

    def _key(self) -> tuple:
        return (self.seq, self.day, self.time, self.time_estimated, self.first_line, self.last_line, self.paragraphs,
                self.headline, self.byline, self.updated, self.pinned, self.blog_name)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if not isinstance(other, Post):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.seq, self.day, self.time, self.headline))

    def __repr__(self) -> str:
        return (f"Post(seq={self.seq!r}, day={self.day!r}, time={self.time!r}, time_estimated={self.time_estimated!r}, "
                f"first_line={self.first_line!r}, last_line={self.last_line!r}, paragraphs={self.paragraphs!r}, "
                f"headline={self.headline!r}, byline={self.byline!r}, updated={self.updated!r}, pinned={self.pinned!r}, "
                f"blog_name={self.blog_name!r})")

    def __reduce__(self):
        return (Post, (self.seq, self.day, self.time, self.time_estimated, self.first_line, self.last_line,
                       self.paragraphs, self.headline, self.byline, self.updated, self.pinned, self.blog_name))


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
