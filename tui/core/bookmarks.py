"""Bookmarks and notes: the user's marks on posts of one blog, kept between runs.

Where. One JSON file per blog, `<data dir>/bookmarks/<key>.json`; the data dir
is `$LIVEBLOG_TUI_DATA_DIR` when set (tests, a portable setup), else the
user's data directory from platformdirs (`~/.local/share/liveblog-tui` on
Linux, `~/Library/Application Support/liveblog-tui` on macOS,
`%LOCALAPPDATA%\\liveblog-tui` on Windows).

Which blog. `blog_key(blog)` is the SHA-256 of the blog's oldest post that is
not pinned: its day and its text (headline and paragraphs, as parsed). Not the
file's bytes, and not every post: a live blog that is followed or saved again
grows (new posts below an oldest-first file, above a newest-first one), a page
copied as text or saved as HTML differs in bytes, and any of those would hide
every bookmark behind a new key. The oldest post stays put in all of them, is
known before the first frame (the oldest day is parsed first) and costs one
post to hash. Two different blogs that open with the very same post share a
file; each bookmark's fingerprint (below) keeps that from pointing at the
wrong post.

What a bookmark points at. A post's `seq` AND a fingerprint of its text
(SHA-256 of headline + paragraphs, 16 hex digits). When the file changed since
(`place()`): the post at `seq` still has that text -> "ok"; another post has it
-> "moved" (the bookmark follows its post, and says so); no post has it ->
"changed" (it stays on `seq`, shown as changed, with the words it was set on);
`seq` is past the end of the blog -> "gone"; not parsed yet -> "loading".
Nothing is ever moved silently and nothing is rewritten without a user action.

Safety of what the user saved. Every change re-reads the file (another replay
of the same blog may have written it), applies the one change, and writes a
temporary file in the same directory that replaces the old one atomically
(`os.replace`): a crash or a full disk leaves the previous file whole. A file
that cannot be read as bookmarks (bad JSON, bad UTF-8, wrong shape) is renamed
aside (`<key>.corrupt-<UTC time>.json`, never overwritten) with a one-line
notice, and the replay starts with none; a file written by a newer version, or
one that cannot be read or renamed, is left alone and nothing is written over
it. Failures are notices (`BookmarkStore.notice`), never exceptions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tui.core.model import Blog, Post

DATA_DIR_ENV = "LIVEBLOG_TUI_DATA_DIR"
APP_NAME = "liveblog-tui"
FORMAT = 1  # the file's "format"; a higher one is left untouched
EXCERPT_WORDS = 12
KEYED_BY = "sha256 of the oldest non-pinned post (day + headline + paragraphs)"


def data_dir() -> Path:
    """`$LIVEBLOG_TUI_DATA_DIR`, else the user's data directory (platformdirs)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _post_text(post: Post) -> str:
    return "\n".join((post.headline, *post.paragraphs))


def fingerprint(post: Post) -> str:
    """16 hex digits of the SHA-256 of the post's headline and paragraphs."""
    return hashlib.sha256(_post_text(post).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def key_post(posts: Sequence[Post]) -> Post | None:
    """The post a blog's key is made from: the oldest that is not pinned (a pinned
    summary at the top of a page is rewritten as the event goes on)."""
    for post in posts:
        if not post.pinned:
            return post
    return posts[0] if posts else None


def blog_key(blog: Blog) -> str | None:
    """The blog's store key (64 hex digits), or None while it has no posts."""
    post = key_post(blog.posts)
    if post is None:
        return None
    text = post.day.isoformat() + "\n" + _post_text(post)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def excerpt(post: Post, words: int = EXCERPT_WORDS) -> str:
    """The first `words` words of the post (headline first), '…' when cut."""
    parts = " ".join(p for p in (post.headline, *post.paragraphs) if p).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A mark on one post: where (seq + fingerprint), the user's note, when it was set,
    and how the post read then (time, first words) to show if the post changes."""

    seq: int
    fingerprint: str
    note: str
    created: datetime  # UTC
    time: datetime | None  # the post's time when bookmarked
    time_estimated: bool
    excerpt: str

    @property
    def post_id(self) -> str:
        return f"p{self.seq}"

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "post_id": self.post_id, "fingerprint": self.fingerprint, "note": self.note,
            "created": self.created.isoformat(timespec="seconds"),
            "time": self.time.isoformat() if self.time is not None else None,
            "time_estimated": self.time_estimated, "excerpt": self.excerpt,
        }

    @classmethod
    def from_json(cls, item: Any) -> Bookmark:
        """ValueError when `item` is not a bookmark as written by to_json."""
        if not isinstance(item, dict):
            raise ValueError("a bookmark is not an object")
        seq, fp, note = item.get("seq"), item.get("fingerprint"), item.get("note", "")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError(f"bad seq {seq!r}")
        if not isinstance(fp, str) or not isinstance(note, str):
            raise ValueError(f"bookmark #{seq}: fingerprint and note must be strings")
        created = _datetime(item.get("created"), f"bookmark #{seq}: created")
        if created is None:
            raise ValueError(f"bookmark #{seq}: no created time")
        time = _datetime(item.get("time"), f"bookmark #{seq}: time")
        words = item.get("excerpt", "")
        return cls(seq, fp, note, created, time, bool(item.get("time_estimated", False)),
                   words if isinstance(words, str) else "")

    @classmethod
    def of(cls, post: Post, note: str, created: datetime) -> Bookmark:
        return cls(post.seq, fingerprint(post), note, created, post.time, post.time_estimated, excerpt(post))


def _datetime(value: Any, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} is not a string")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what}: not an ISO time ({value[:40]!r})") from None


@dataclass(frozen=True, slots=True)
class Placed:
    """A bookmark found in the blog as it is now (see the module docstring)."""

    bookmark: Bookmark
    status: str  # ok | moved | changed | gone | loading
    seq: int | None  # the post it points at now (None: gone)
    post: Post | None  # that post, when parsed

    @property
    def note(self) -> str:
        return self.bookmark.note


class StoreError(Exception):
    """The store file cannot be used; str() is the reason (one line)."""


class BookmarkStore:
    """The bookmarks of one blog, in one JSON file (see the module docstring).

    Reads lazily (the first `items`), so creating one costs nothing; every change
    writes at once. Thread: the UI's (the file is small)."""

    def __init__(self, path: Path, *, title: str = "", source: str = "", key: str = "", set_aside: bool = True) -> None:
        """`set_aside=False`: an unreadable file is only reported (read-only uses: export)."""
        self.path = Path(path)
        self.title, self.source, self.key = title, source, key
        self.set_aside = set_aside
        self.notice = ""  # the last problem, one line ("" when none): shown once by the caller
        self.writable = True  # False: the file could not be read or is newer; never written over
        self._unsaved = False  # the last write failed: what this replay holds is newer than the file
        self._items: dict[int, Bookmark] | None = None
        self._index: tuple[int, dict[str, int]] | None = None  # (posts indexed, fingerprint -> seq)

    # ---- reading -----------------------------------------------------------------------
    @property
    def items(self) -> list[Bookmark]:
        """Every bookmark, by seq (reads the file on first use)."""
        if self._items is None:
            self._items = self._read()[0]
        return [self._items[seq] for seq in sorted(self._items)]

    def get(self, seq: int) -> Bookmark | None:
        self.items  # noqa: B018 — loads
        assert self._items is not None
        return self._items.get(seq)

    def take_notice(self) -> str:
        """The pending notice, once."""
        notice, self.notice = self.notice, ""
        return notice

    def _read(self) -> tuple[dict[int, Bookmark], bool]:
        """(bookmarks in the file, whether the file was read as bookmarks); a file
        that is not one is set aside (or only reported, or left alone) with a notice."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}, True
        except OSError as error:
            self.writable = False
            self.notice = f"bookmarks not loaded: cannot read {self.path} ({error.strerror or error}); nothing will be written over it"
            return {}, False
        try:
            return parse_store(raw), True
        except _NewerFormat as error:
            self.writable = False
            self.notice = f"bookmarks in {self.path} are {error}; shown read-only, nothing will be written over them"
            try:
                return parse_store(raw, any_format=True), False
            except StoreError:
                return {}, False
        except StoreError as error:
            if not self.set_aside:
                self.notice = f"bookmarks file {self.path} is unreadable ({error}); ignored"
                return {}, False
            aside = _aside_path(self.path)
            try:
                os.replace(self.path, aside)
            except OSError as move_error:
                self.writable = False
                self.notice = (f"bookmarks file {self.path} is unreadable ({error}) and could not be set aside "
                               f"({move_error.strerror or move_error}); nothing will be written over it")
                return {}, False
            self.notice = f"bookmarks file was unreadable ({error}); kept as {aside.name}, starting with none"
            return {}, False

    # ---- changing (each change: re-read, apply, atomic write) -----------------------------
    def put(self, post: Post, note: str, now: datetime | None = None) -> Bookmark:
        """Bookmark `post` with `note` (replacing the note of a bookmark already on it,
        keeping when it was first set). Saved at once; a failure is `notice`."""
        current = self._fresh()
        old = current.get(post.seq)
        created = old.created if old is not None and old.fingerprint == fingerprint(post) else None
        mark = Bookmark.of(post, note, created or now or datetime.now(timezone.utc).replace(microsecond=0))
        current[post.seq] = mark
        self._commit(current)
        return mark

    def delete(self, seq: int) -> Bookmark | None:
        """Remove the bookmark on `seq`; returns it (for undo), None if there was none."""
        current = self._fresh()
        gone = current.pop(seq, None)
        if gone is not None:
            self._commit(current)
        return gone

    def restore(self, mark: Bookmark) -> None:
        """Put back a deleted bookmark exactly as it was (undo)."""
        current = self._fresh()
        current[mark.seq] = mark
        self._commit(current)

    def _fresh(self) -> dict[int, Bookmark]:
        """What the file holds now (another replay may have changed it), or what this
        one holds when the file cannot be used."""
        if self._items is None:
            self._items = self._read()[0]
        elif self.writable and not self._unsaved:
            on_disk, ok = self._read()
            if ok:  # else: set aside (or left alone); what this replay holds stands
                self._items = on_disk
        return dict(self._items)

    def _commit(self, items: dict[int, Bookmark]) -> None:
        self._items = items
        if not self.writable:
            self.notice = f"bookmark kept for this session only: {self.path} is not written over"
            return
        try:
            write_atomic(self.path, self.dumps(items))
        except OSError as error:
            self._unsaved = True
            self.notice = f"bookmark kept for this session only: cannot write {self.path} ({error.strerror or error})"
        else:
            self._unsaved = False

    def dumps(self, items: dict[int, Bookmark] | None = None) -> str:
        items = self._items if items is None else items
        doc = {
            "format": FORMAT,
            "blog": {"title": self.title, "source": self.source, "key": self.key, "keyed_by": KEYED_BY},
            "bookmarks": [items[seq].to_json() for seq in sorted(items or {})],
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (pasted): JSON escapes keep it
            text = json.dumps(doc, ensure_ascii=True, indent=2) + "\n"
        return text

    # ---- where the bookmarks are in the blog as it is now ----------------------------------
    def place(self, posts: Sequence[Post], *, complete: bool = True) -> list[Placed]:
        """Each bookmark found in `posts` (a blog still loading: `complete=False`)."""
        out: list[Placed] = []
        n = len(posts)
        for mark in self.items:
            if mark.seq <= n and fingerprint(posts[mark.seq - 1]) == mark.fingerprint:
                out.append(Placed(mark, "ok", mark.seq, posts[mark.seq - 1]))
                continue
            seq = self._find(posts, mark.fingerprint)
            if seq is not None:
                out.append(Placed(mark, "moved", seq, posts[seq - 1]))
            elif not complete:
                out.append(Placed(mark, "loading", mark.seq, posts[mark.seq - 1] if mark.seq <= n else None))
            elif mark.seq <= n:
                out.append(Placed(mark, "changed", mark.seq, posts[mark.seq - 1]))
            else:
                out.append(Placed(mark, "gone", None, None))
        return out

    def _find(self, posts: Sequence[Post], fp: str) -> int | None:
        """The seq of the post with fingerprint `fp` (an index built once per blog
        size, only when a bookmark does not match its seq)."""
        n = len(posts)
        if self._index is None or self._index[0] != n:
            index: dict[str, int] = {}
            for post in posts:
                index.setdefault(fingerprint(post), post.seq)
            self._index = (n, index)
        return self._index[1].get(fp)


class _NewerFormat(StoreError):
    pass


def parse_store(raw: bytes, *, any_format: bool = False) -> dict[int, Bookmark]:
    """Bookmarks by seq from a store file's bytes; StoreError (one line) when it is not one."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise StoreError(f"not UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise StoreError(f"line {error.lineno} column {error.colno}: {error.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("bookmarks"), list):
        raise StoreError("no list of bookmarks")
    version = doc.get("format", FORMAT)
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(f"bad format {version!r}")
    if version > FORMAT and not any_format:
        raise _NewerFormat(f"in format {version}, from a newer liveblog-tui")
    out: dict[int, Bookmark] = {}
    for item in doc["bookmarks"]:
        try:
            mark = Bookmark.from_json(item)
        except ValueError as error:
            raise StoreError(str(error)) from None
        out[mark.seq] = mark
    return out


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader (or a crash) sees the old file or the new
    one, never a part: a temporary file in the same directory, flushed to disk, then
    os.replace. OSError on failure, with the old file untouched and no temporary left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _aside_path(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
    return candidate


def store_path(key: str, directory: Path | None = None) -> Path:
    return (directory if directory is not None else data_dir()) / "bookmarks" / f"{key}.json"


def open_store(blog: Blog, directory: Path | str | None = None, *, set_aside: bool = True) -> BookmarkStore | None:
    """The store of `blog` (nothing is read yet), or None while the blog has no posts."""
    key = blog_key(blog)
    if key is None:
        return None
    return BookmarkStore(store_path(key, Path(directory) if directory is not None else None),
                         title=blog.title, source=blog.source, key=key, set_aside=set_aside)


def export_bookmarks(blog: Blog, directory: Path | str | None = None) -> tuple[list[dict[str, Any]], str]:
    """The export's `bookmarks` list (oldest post first) and a notice ("" when none).
    Read-only: an unreadable store is reported, not set aside."""
    store = open_store(blog, directory, set_aside=False)  # export only reads: it renames nothing
    if store is None:
        return [], ""
    placed = sorted(store.place(blog.posts), key=lambda p: (p.seq is None, p.seq or 0, p.bookmark.seq))
    out = [
        {"seq": p.seq, "post_id": f"p{p.seq}" if p.seq is not None else None, "note": p.note,
         "created": p.bookmark.created.isoformat(timespec="seconds"), "status": p.status,
         "bookmarked_seq": p.bookmark.seq, "excerpt": p.bookmark.excerpt}
        for p in placed
    ]
    return out, store.take_notice()


__all__ = [
    "APP_NAME",
    "DATA_DIR_ENV",
    "Bookmark",
    "BookmarkStore",
    "Placed",
    "StoreError",
    "blog_key",
    "data_dir",
    "excerpt",
    "export_bookmarks",
    "fingerprint",
    "open_store",
    "parse_store",
    "store_path",
    "write_atomic",
]
