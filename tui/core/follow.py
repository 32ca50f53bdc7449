"""Following a blog file as it is written: what changed between two reads.

A followed blog is read again whenever its file changes (tui.core.watch says
when), and the new read is compared with the posts the replay holds:

* appended — every post held is still there, unchanged and in its place, and
  new posts come after it: an oldest-first file written at the bottom, a
  newest-first file written at the top, a saved page saved again with more
  posts. The replay keeps its posts, its extraction and its playhead, and
  takes the new posts after them (the timeline extends);
* same — nothing a replay shows changed (the file was touched, re-saved
  identically, or only its line numbers or summary moved);
* reloaded — anything else: a post edited, removed, or inserted before the
  last one held; the file truncated or rewritten. The replay takes the new
  read whole and extracts it again; `relocate` keeps the playhead on the same
  post (found by its content);
* failed — the file cannot be read or parsed now (deleted, half written,
  garbage): the replay keeps the last good read and says why in one line.

A post is identified by its content (`post_key`): day, paragraphs, headline,
byline, update time, pin, blog — and its time only where the blog states it.
Estimated times are left out: in a blog without stamps every new post moves
the estimates of the others on its day, though no text changed. The posts held
keep the times they were shown with (a fresh `check` of the file may estimate
them differently); a new post's estimate is never earlier than the last post
held, so the order stays. A new post with a stated time earlier than the last
post held would reorder the replay: that is a reload.

No spoilers: an append adds posts after the held ones, so what the timeline
extracted for posts 1..k stays as it was; a reload extracts everything again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.errors import InputError
from tui.core.model import Blog, Post

__all__ = ["Change", "FollowSource", "compare", "file_source", "post_key", "read_change", "relocate"]


def post_key(post: Post) -> tuple:
    """What identifies a post across two reads of its file (not its seq, lines or estimated time)."""
    return (
        post.blog_name,
        post.day,
        post.paragraphs,
        post.headline,
        post.byline,
        post.updated,
        post.pinned,
        post.time_estimated,
        None if post.time_estimated else post.time,
    )


def _loose_key(post: Post) -> tuple:
    """A post whose text was edited is still the same post if its lead is (first paragraph or headline)."""
    lead = post.paragraphs[0] if post.paragraphs else ""
    return (post.blog_name, lead or post.headline)


@dataclass(frozen=True, slots=True)
class Change:
    """One new read of a followed file, compared with the posts held (see the module docstring)."""

    kind: str  # "same" | "appended" | "reloaded" | "failed"
    blog: Blog | None = None  # the new read (None when it failed)
    posts: list[Post] = field(default_factory=list)  # what to hold now: the held posts (new line numbers) + new ones; or the new read's
    added: int = 0  # appended: how many posts came after the held ones
    reason: str = ""  # reloaded: what changed; failed: why the read failed (one line)


def compare(held: Sequence[Post], new: Blog) -> Change:
    """How `new` (a fresh read) differs from the posts held (oldest first, seq 1..n). O(n)."""
    posts = new.posts
    n = len(held)
    diverge = next((i for i, (a, b) in enumerate(zip(held, posts)) if post_key(a) != post_key(b)), None)
    if diverge is None and len(posts) < n:
        removed = n - len(posts)
        return Change("reloaded", new, list(posts), reason=f"{removed} post{'s' if removed != 1 else ''} gone (the file was cut)")
    if diverge is not None:
        return Change("reloaded", new, list(posts), reason=f"the file changed from post #{diverge + 1} on")
    # A held post keeps the time it was shown with; its text and lines are the new read's.
    kept = [h if (h.first_line, h.last_line) == (p.first_line, p.last_line)
            else p.replace(seq=h.seq, day=h.day, time=h.time, time_estimated=h.time_estimated)
            for h, p in zip(held, posts)]
    added = list(posts[n:])
    if not added:
        return Change("same", new, kept)
    last = held[-1] if held else None
    if last is not None:
        early = next((p for p in added if not p.time_estimated and p.time < last.time), None)
        if early is not None or added[0].day < last.day:
            return Change("reloaded", new, list(posts), reason="a new post is dated before the last one shown")
        # Estimates only: never before the last post held (which keeps the time it was shown with).
        added = [p.replace(time=last.time) if p.time_estimated and p.time < last.time else p for p in added]
    return Change("appended", new, kept + added, added=len(added))


def relocate(held: Sequence[Post], k: int, posts: Sequence[Post]) -> int:
    """Where the playhead goes after a reload: `k` posts of `held` were revealed;
    returns how many of `posts` (the new read) to reveal so that the same post is
    the newest one shown. The post is found by its content (post_key), else by
    its lead (an edited post), else the nearest earlier post that survived, else
    by time (the last new post at or before it). 0..len(posts)."""
    if k <= 0 or not posts:
        return 0
    k = min(k, len(held))
    exact: dict[tuple, list[int]] = {}
    loose: dict[tuple, list[int]] = {}
    for p in posts:
        exact.setdefault(post_key(p), []).append(p.seq)
        loose.setdefault(_loose_key(p), []).append(p.seq)

    def nearest(seqs: list[int], seq: int) -> int:
        return min(seqs, key=lambda s: (abs(s - seq), s))

    target = held[k - 1]
    found = exact.get(post_key(target)) or loose.get(_loose_key(target))
    if found:
        return nearest(found, k)
    for j in range(k - 1, 0, -1):  # the post is gone: the nearest earlier one that is still there
        found = exact.get(post_key(held[j - 1]))
        if found:
            return nearest(found, j)
    stamps = [p.time.timestamp() for p in posts]
    return bisect_right(stamps, target.time.timestamp())


@dataclass(frozen=True, slots=True)
class FollowSource:
    """The file(s) a replay follows and how to read them into one Blog.

    `read()` raises InputError (one line) for anything wrong with the files."""

    paths: tuple[Path, ...]
    read: Callable[[], Blog]

    @property
    def label(self) -> str:
        return " + ".join(p.name for p in self.paths)

    def stamp(self) -> tuple:
        """The files' stamps now (tui.core.watch.file_stamp: inode, size, mtime; None for a
        missing file), in `paths` order: compare two to know whether a file changed between them."""
        from tui.core.watch import file_stamp

        return tuple(file_stamp(path) for path in self.paths)


def file_source(
    paths: Sequence[str | Path],
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
) -> FollowSource:
    """Follow one file, or two merged on one clock (tui.core.merge), read as `load_blog` reads them."""
    from tui.core.load import load_blog

    files = tuple(Path(p) for p in paths)

    def read() -> Blog:
        blogs = [load_blog(p, encoding=encoding, meta_path=meta_path, timezone=timezone) for p in files]
        if len(blogs) == 1:
            return blogs[0]
        from tui.core.merge import merge_blogs

        return merge_blogs(blogs)

    return FollowSource(files, read)


def read_change(source: FollowSource, held: Sequence[Post]) -> Change:
    """Read the followed file(s) again and compare with the posts held. Never raises:
    a file that cannot be read or parsed now is a "failed" change with a one-line reason."""
    try:
        blog = source.read()
    except InputError as error:
        return Change("failed", reason=_one_line(str(error)))
    except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as error:
        return Change("failed", reason=_one_line(f"{source.label}: cannot be read now ({type(error).__name__}: {error})"))
    if not blog.posts:
        return Change("failed", reason=f"{source.label}: no posts in the file now")
    return compare(held, blog)


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
