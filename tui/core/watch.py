"""Waiting for files to change, without a busy loop: watchfiles, else polling.

watchfiles (Rust `notify`: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows) wakes the waiting thread when the kernel
reports a change, so following costs nothing while the file is quiet and a
write is seen within `step_ms` (measured: benchmarks/follow_latency.py).

Each file's folder is watched (not recursively), not the file itself: an
editor or a browser that saves by writing a new file and renaming it over the
old one replaces the inode a file watch would be bound to.

A file's stamp (inode, size, modification time) is also compared whenever the
watch has been quiet for `idle_ms`: a safety net for changes a watch cannot
report. Where the kernel refuses a watch (inotify limits) or gives none
(network file systems; WATCHFILES_FORCE_POLLING=1 says so), the stamps alone
are compared every `poll_ms`: plain polling with a sleep. (watchfiles' own
poller was measured and not used: on a folder watched non-recursively it
missed writes, and a deleted file was reported again at every poll.)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

STEP_MS = 20  # a batch of changes is handed over once the files have been quiet this long
DEBOUNCE_MS = 400  # ... or after this long, however busy the writer is
IDLE_MS = 1000  # the stamps are compared (and an empty batch yielded) after this long without a change
POLL_MS = 250  # the polling period where the kernel gives no notifications

Stamp = tuple[int, int, int] | None


def file_stamp(path: str | Path) -> Stamp:
    """(inode, size, modification time in ns) of a file; None when it cannot be stat'ed (missing)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class FileWatch:
    """Changes to a few files (the files a replay follows)."""

    def __init__(self, paths: Sequence[str | Path], *, step_ms: int = STEP_MS, debounce_ms: int = DEBOUNCE_MS,
                 poll_ms: int = POLL_MS, polling: bool | None = None) -> None:
        """`polling`: compare stamps every `poll_ms` instead of asking the kernel
        (None: only when WATCHFILES_FORCE_POLLING is set, or the kernel refuses)."""
        self.paths = tuple(Path(p).absolute() for p in paths)
        self._names = {str(p) for p in self.paths}
        self._folders = sorted({str(p.parent) for p in self.paths})
        self.step_ms, self.debounce_ms, self.poll_ms = step_ms, debounce_ms, poll_ms
        if polling is None:
            polling = os.environ.get("WATCHFILES_FORCE_POLLING", "").lower() not in ("", "0", "false", "no")
        self.polling = polling

    def _ours(self, _change: object, path: str) -> bool:
        return path in self._names

    def changes(self, stop: threading.Event, *, since: Sequence[Stamp] | None = None,
                idle_ms: int = IDLE_MS) -> Iterator[set[Path]]:
        """Yield the set of followed files that changed (written, replaced, deleted,
        created again), one batch at a time, until `stop` is set; an empty set after
        `idle_ms` (or a poll) without a change. `since`: the files' stamps when the
        caller last read them (file_stamp, in `paths` order): a file that changed
        since is yielded at once. Blocks in between; never a busy loop."""
        last = dict(zip(self.paths, since)) if since is not None else {p: file_stamp(p) for p in self.paths}

        def moved() -> set[Path]:
            out = set()
            for path in self.paths:
                now = file_stamp(path)
                if now != last.get(path):
                    last[path] = now
                    out.add(path)
            return out

        first = moved()
        if first:
            yield first
        if not self.polling:
            from watchfiles import watch

            try:
                for batch in watch(*self._folders, watch_filter=self._ours, stop_event=stop, debounce=self.debounce_ms,
                                   step=self.step_ms, rust_timeout=idle_ms, yield_on_timeout=True,
                                   raise_interrupt=False, force_polling=False, recursive=False):
                    yield {Path(path) for _, path in batch} | moved()
                return
            except (OSError, RuntimeError):
                self.polling = True  # a folder vanished, or the kernel refused a watch (inotify limits)
        while not stop.wait(self.poll_ms / 1000):
            yield moved()
