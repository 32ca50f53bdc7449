"""FileWatch (tui.core.watch): a thread is woken when a followed file changes.

Each test waits on a queue with a generous deadline (a hang fails, a slow machine
does not): no assertion is about how fast the change was seen.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pytest

from tui.core.watch import FileWatch, file_stamp

DEADLINE = 20.0  # seconds: only a missed change takes this long


@pytest.fixture
def watching(tmp_path: Path):
    """Start a FileWatch on tmp_path/blog.txt in a thread; batches arrive on a queue."""
    path = tmp_path / "blog.txt"
    path.write_text("15 May 2025\nFirst post.\n", encoding="utf-8")
    stop = threading.Event()
    batches: queue.Queue = queue.Queue()
    ready = threading.Event()

    def run(**options) -> threading.Thread:
        def loop() -> None:
            for batch in FileWatch([path], **options).changes(stop, idle_ms=50):
                ready.set()  # an idle batch: the watch is set up
                if batch:
                    batches.put(batch)

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        assert ready.wait(DEADLINE), "the watch never started"
        return thread

    yield path, run, batches, stop
    stop.set()


def test_a_write_to_the_file_is_seen(watching) -> None:
    path, run, batches, _ = watching
    run()
    with path.open("a", encoding="utf-8") as f:
        f.write("Second post.\n")
    assert batches.get(timeout=DEADLINE) == {path.absolute()}


def test_a_file_replaced_by_a_rename_is_seen_and_still_followed(watching) -> None:
    """Editors and browsers save by writing a new file and renaming it over the old one."""
    path, run, batches, _ = watching
    run()
    for n in range(2):
        tmp = path.with_name(f".blog.txt.{n}.tmp")
        tmp.write_text(f"15 May 2025\nVersion {n}.\n", encoding="utf-8")
        os.replace(tmp, path)
        seen: set = set()
        while path.absolute() not in seen:
            seen |= batches.get(timeout=DEADLINE)


def test_other_files_in_the_folder_are_ignored(watching) -> None:
    path, run, batches, _ = watching
    run()
    (path.parent / "notes.txt").write_text("not followed", encoding="utf-8")
    path.write_text("15 May 2025\nChanged.\n", encoding="utf-8")
    assert batches.get(timeout=DEADLINE) == {path.absolute()}  # the first batch holds only the followed file


def test_stop_ends_the_watch(watching) -> None:
    _, run, _, stop = watching
    thread = run()
    stop.set()
    thread.join(DEADLINE)
    assert not thread.is_alive()


@pytest.mark.parametrize("how", ["option", "environment"])
def test_polling_sees_writes_renames_and_deletions(watching, monkeypatch, how: str) -> None:
    """Where the kernel gives no notifications (network file systems) the stamps are polled."""
    path, run, batches, _ = watching
    if how == "environment":
        monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
        run(poll_ms=20)
    else:
        run(poll_ms=20, polling=True)
    path.write_text("15 May 2025\nPolled.\n", encoding="utf-8")
    assert batches.get(timeout=DEADLINE) == {path.absolute()}
    tmp = path.with_name("blog.tmp")
    tmp.write_text("15 May 2025\nRenamed over.\n", encoding="utf-8")
    os.replace(tmp, path)
    assert batches.get(timeout=DEADLINE) == {path.absolute()}
    path.unlink()
    assert batches.get(timeout=DEADLINE) == {path.absolute()}
    assert batches.empty()  # a deleted file is reported once, not at every poll


def test_a_change_since_the_last_read_is_yielded_at_once(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text("one\n", encoding="utf-8")
    before = file_stamp(path)
    path.write_text("one\ntwo\n", encoding="utf-8")
    stop = threading.Event()
    changes = FileWatch([path], polling=True).changes(stop, since=[before])
    assert next(changes) == {path.absolute()}
    stop.set()
    assert list(changes) == []
