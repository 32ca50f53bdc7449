"""Benchmark liveblog-tui on the bundled blog and generated blogs of 1k/10k/100k/1M posts.

    python benchmarks/run.py [--sizes bundled,1000,10000,100000,1000000] [--runs 3] [--skip-tty]

Every measurement of one blog runs in a fresh subprocess (so peak RSS is that
blog's alone); each is repeated --runs times and the median is reported. The
time to first post on screen runs the real console script in a pseudo-terminal
(pty.fork) next to a bare Textual app that prints one line, and watches the
output stream for the oldest post's opening words. Both run with compiled
bytecode, as an installed package does (PYTHONDONTWRITEBYTECODE is dropped and
the caches go to a temporary PYTHONPYCACHEPREFIX, warmed by one untimed run of
each): otherwise an editable checkout recompiles the project's modules on every
start while Textual's come precompiled. Prints a Markdown table and the machine
it ran on. Generated blogs go to benchmarks/out/ (git-ignored).

`less` and lnav, when installed, are run on the same files in the same run
and the same pseudo-terminal: their first screen, and the other end of the
file (less: `G`; lnav opens a text file at its end: `g`), with their peak RSS then. A blog of
--runs-big-from posts or more (default 1M) is measured once per run list
(its extraction alone takes minutes).

    python benchmarks/run.py --sizes bundled,100000 --tty-only   # first post only
    python benchmarks/run.py --latency FILE                      # app latency, one run (JSON)
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import pty
import random
import re
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from importlib import metadata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT_DIR = HERE / "out"
DEFAULT_SIZES = ("bundled", "1000", "10000", "100000", "1000000")
PEERS = ("less", "lnav")  # compared when installed: same file, same terminal, same run
LATENCY_WAIT = 900.0  # seconds the latency harness waits for loading and indexing before it measures anyway
TTY_COLS, TTY_ROWS = 120, 40
TTY_TIMEOUT = 120.0
BARE_LINE = "BARE-TEXTUAL-READY"
BARE_APP = f'''
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("{BARE_LINE}")

Bare().run()
'''
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")


# ---------------------------------------------------------------- in-process measurements (worker)
def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000 if samples else float("nan")


def worker(path: str | None) -> dict:
    """Measure the core on one blog; runs in its own process. Returns numbers in s/ms/KB."""
    sys.path.insert(0, str(ROOT))
    from tui.core.clock import PlaybackClock
    from tui.core.knowledge import load_knowledge
    from tui.core.load import load_blog
    from tui.core.query import PostIndex, parse_query
    from tui.core.timeline import Timeline

    from tui.core.progressive import open_blog

    out: dict = {}
    t = time.perf_counter()
    load = open_blog(path)
    out["open_ms"] = (time.perf_counter() - t) * 1000  # oldest posts ready (what replay shows first)
    load.finish()
    out["progressive_s"] = time.perf_counter() - t
    del load
    t = time.perf_counter()
    blog = load_blog(path)
    out["load_s"] = time.perf_counter() - t
    out["rss_load_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out["posts"] = len(blog.posts)
    out["bytes"] = Path(path).stat().st_size if path else None
    oldest = blog.posts[0] if blog.posts else None
    out["first_post"] = oldest.paragraphs[0] if oldest else ""

    t = time.perf_counter()
    knowledge = load_knowledge(blog_path=path)
    if path and not knowledge.people and "/benchmarks/out/" in Path(path).resolve().as_posix():
        # Generated blogs use the bundled blog's people: extract with its knowledge,
        # so extraction, entity filters and state_at do realistic work.
        knowledge = load_knowledge(blog_path=None)
    timeline = Timeline.build(blog, knowledge)
    out["extract_s"] = time.perf_counter() - t
    out["extract_ms_post"] = out["extract_s"] * 1000 / max(1, len(blog.posts))
    out["rss_extract_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    t = time.perf_counter()
    index = PostIndex.build(blog.posts, timeline.entities)
    index.prepare()
    out["index_s"] = time.perf_counter() - t

    rng = random.Random(1)
    n = len(blog.posts)
    # Filter: the most frequent person and delegation (entity terms), then free text.
    from collections import Counter

    people_count: Counter[str] = Counter()
    deleg_count: Counter[str] = Counter()
    for seq in range(1, n + 1):
        e = timeline.entities(seq)
        people_count.update(e.people)
        deleg_count.update(e.delegations)
    people, delegs = people_count.most_common(1), deleg_count.most_common(1)
    terms = ([f'person:"{people[0][0]}"'] if people else []) + ([f'delegation:"{delegs[0][0]}"'] if delegs else [])
    entity_q = " ".join(terms) or "day:15"  # a blog without knowledge has no entities
    out["filter_entity_query"] = entity_q
    samples = []
    for _ in range(5):
        t = time.perf_counter()
        index.filter(parse_query(entity_q), aliases={})  # new aliases: cold, not the cached answer
        samples.append(time.perf_counter() - t)
    out["filter_entity_ms"] = _median_ms(samples)
    samples = []
    for word in ("ceasefire", "istanbul", "zzzz-no-match"):
        t = time.perf_counter()
        index.filter(parse_query(word), aliases={})
        samples.append(time.perf_counter() - t)
    out["filter_text_ms"] = _median_ms(samples)
    # Typing "prisoner exchange" one key at a time (each keystroke narrows the last result).
    typed, samples, aliases = "prisoner exchange", [], {}
    index.filter(parse_query("zz"), aliases=aliases)  # start cold
    for i in range(1, len(typed) + 1):
        t = time.perf_counter()
        index.filter(parse_query(typed[:i]), aliases=aliases)
        samples.append(time.perf_counter() - t)
    out["filter_typing_ms"] = max(samples) * 1000 if samples else float("nan")

    # state_at at random positions (outside the timeline's small cache).
    samples = []
    for _ in range(300):
        k = rng.randint(0, n)
        t = time.perf_counter()
        timeline.state_at(k)
        samples.append(time.perf_counter() - t)
    out["state_at_ms"] = _median_ms(samples)

    # step / seek: clock operation + state_at for the new position.
    clock = PlaybackClock([p.time for p in blog.posts], days=[p.day for p in blog.posts])
    now, steps, seeks = 0.0, [], []
    for i in range(300):
        now += 0.05
        t = time.perf_counter()
        k = clock.step(1 if i % 3 else -1, now)
        timeline.state_at(k)
        steps.append(time.perf_counter() - t)
        t = time.perf_counter()
        k = clock.seek_fraction(rng.random(), now) if i % 2 else clock.seek(rng.randint(1, max(n, 1)), now)
        timeline.state_at(k)
        seeks.append(time.perf_counter() - t)
    out["step_ms"] = _median_ms(steps)
    out["seek_ms"] = _median_ms(seeks)
    out["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return out


def app_latency(path: str | None, runs: int = 3) -> dict:
    """Filter keystroke → repaint and step/seek → repaint inside the real app (Pilot).

    Runs `latency_worker` in a fresh process (the driver never imports Textual)."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        cmd = [sys.executable, str(Path(__file__).resolve()), "--latency", path or "-"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"  app latency failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        for key, value in json.loads(proc.stdout.strip().splitlines()[-1]).items():
            samples.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in samples.items()}


def latency_worker(path: str | None) -> dict:
    """The app as `liveblog-tui replay --paused FILE` builds it, driven by Pilot.

    A repaint is the compositor calling the feed's render_lines: each sample is
    the time from the key press to the first feed repaint that shows the key's
    effect (position changed / filter applied). Waits for loading and indexing
    to finish first, so the numbers are the steady state."""
    import asyncio

    sys.path.insert(0, str(ROOT))
    from tui.app.launch import prepare_replay
    from tui.cli import build_parser

    app = prepare_replay(build_parser().parse_args(["replay", "--paused"] + ([path] if path else [])))
    out: dict = {}

    async def run() -> None:
        async with app.run_test(size=(TTY_COLS, TTY_ROWS)) as pilot:
            deadline = time.perf_counter() + LATENCY_WAIT
            session = app.session

            def indexed() -> bool:  # every post parsed and its facts extracted
                tl = session.timeline
                return session.complete and tl is not None and tl.ready_upto >= len(session.blog.posts)

            while not indexed() and time.perf_counter() < deadline:
                await pilot.pause(0.05)
            out["app_indexed"] = indexed()  # else measured while the worker still runs
            await pilot.pause(0.2)
            feed = app.replay.feed
            paints: list[float] = []
            applied: list[float] = []
            original_render, original_filter = feed.render_lines, feed.set_filter

            def render_lines(crop):
                paints.append(time.perf_counter())
                return original_render(crop)

            def set_filter(*a, **kw):
                applied.append(time.perf_counter())
                return original_filter(*a, **kw)

            feed.render_lines, feed.set_filter = render_lines, set_filter

            async def until_painted(t0: float, done) -> float:
                deadline = time.perf_counter() + 10
                while time.perf_counter() < deadline:
                    if done():
                        after = [t for t in paints if t > t0]
                        mark = max([t for t in applied if t > t0], default=t0)
                        later = [t for t in after if t >= mark]
                        if later:
                            return later[0] - t0
                    await asyncio.sleep(0.001)
                return float("nan")

            async def press(key: str, done) -> float:
                t0 = time.perf_counter()
                await pilot.press(key)
                return await until_painted(t0, done)

            step, seek = [], []
            for i in range(20):
                k = session.clock.position
                step.append(await press(".", lambda k=k: feed.position == k + 1))
            for digit in "5381726450":
                k = session.clock.position
                seek.append(await press(digit, lambda: True))
            await pilot.press("r")
            await pilot.pause(0.1)
            ends = []
            for _ in range(3):  # e: to the end (and r back), key to repaint
                ends.append(await press("e", lambda: session.clock.at_end))
                await pilot.press("r")
                await pilot.pause(0.1)
            await pilot.press("e")  # the whole blog revealed: filters and search see it
            await pilot.pause(0.2)
            searches = []
            for word in ("prisoner", "ceasefire", "Medinsky"):
                await pilot.press("slash")
                await pilot.pause(0.05)
                for ch in word:
                    await pilot.press(ch)
                # Enter jumps to the first match once the search has run (at once, or when its worker ends).
                searches.append(await press("enter", lambda: session.search.result is not None
                                            and not session.search.pending_jumps))
                await pilot.press("escape")
                await pilot.pause(0.1)
            out["app_end_ms"] = statistics.median(ends) * 1000
            out["app_search_ms"] = statistics.median(searches) * 1000
            await pilot.press("f")
            await pilot.pause(0.1)
            typing = []
            typed = ""
            for ch in "prisoner exchange":
                typed += ch
                want = typed
                if ch == " ":
                    await pilot.press("space")
                    continue  # a trailing space changes no term
                typing.append(await press(ch, lambda want=want: session.filter.query.text.strip() == want.strip()
                                          and session.filter.seqs is not None))
            out["app_step_only_ms"] = statistics.median(step) * 1000
            out["app_seek_ms"] = statistics.median(seek) * 1000
            out["app_step_ms"] = statistics.median(step + seek) * 1000
            out["app_filter_ms"] = statistics.median(typing) * 1000
            out["app_filter_max_ms"] = max(typing) * 1000
            await pilot.press("escape")
            out["app_peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # loaded, indexed, searched, filtered

    asyncio.run(run())
    return out


# ---------------------------------------------------------------- pseudo-terminal
def first_on_screen(argv: list[str], needle: str, *, timeout: float = TTY_TIMEOUT, env: dict | None = None) -> dict:
    """Seconds from exec to `needle` appearing in the pty output, and the process's peak RSS then."""
    want = re.sub(r"\s+", " ", needle).strip().encode("utf-8")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env or os.environ)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", TTY_ROWS, TTY_COLS, 0, 0))
    buf, result = b"", {"seconds": None, "rss_kb": None, "error": None}
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                result["error"] = "timeout"
                break
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if not ready:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    result["error"] = f"exited ({os.waitstatus_to_exitcode(status)})"
                    pid = 0
                    break
                continue
            chunk = _pty_chunk(fd, result)
            if chunk is None:
                break
            buf += chunk
            plain = re.sub(rb"\s+", b" ", _ANSI.sub(b"", buf))
            if want in plain:
                result["seconds"] = time.perf_counter() - start
                result["rss_kb"] = _vm_hwm(pid)
                break
            if len(buf) > 4_000_000:
                buf = buf[-1_000_000:]
    finally:
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(fd)
    return result


def _pty_chunk(fd: int, result: dict) -> bytes | None:
    """The next bytes the child wrote to the pty; None, with result["error"] set, once it is closed."""
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        chunk = b""
    if not chunk:
        result["error"] = "pty closed"
        return None
    return chunk


def peer_on_screen(argv: list[str], first: str, last: str, *, key: bytes = b"G", env: dict,
                   timeout: float = TTY_TIMEOUT) -> dict:
    """A pager (less, lnav) on a blog: seconds to its first screen (showing
    `first`), then, after `key`, to `last` on screen (less: G to the end; lnav
    opens at the end: g to the top); peak RSS at each."""
    want_first = re.sub(r"\s+", " ", first).strip().encode("utf-8")
    want_last = re.sub(r"\s+", " ", last).strip().encode("utf-8")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", TTY_ROWS, TTY_COLS, 0, 0))
    result: dict = {"first_s": None, "first_rss_kb": None, "end_s": None, "end_rss_kb": None, "error": None}
    buf = b""
    want, stage, mark = want_first, "first", start
    try:
        while True:
            if time.perf_counter() - start > timeout:
                result["error"] = "timeout"
                break
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            chunk = _pty_chunk(fd, result)
            if chunk is None:
                break
            buf += chunk
            if want in re.sub(rb"\s+", b" ", _ANSI.sub(b"", buf)):
                result[f"{stage}_s"] = time.perf_counter() - mark
                result[f"{stage}_rss_kb"] = _vm_hwm(pid)
                if stage == "end":
                    break
                stage, want, buf = "end", want_last, b""
                time.sleep(0.3)  # let it settle, as a person would, then G
                mark = time.perf_counter()
                os.write(fd, key)
            if len(buf) > 4_000_000:
                buf = buf[-1_000_000:]
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    return result


def _edge_lines(path: str) -> tuple[str, str]:
    """Opening words of the file's first and last non-blank lines (what a pager shows first and after G)."""
    with open(path, "rb") as fh:
        head = fh.read(4096).decode("utf-8", "replace").splitlines()
        fh.seek(max(0, os.path.getsize(path) - 4096))
        tail = fh.read().decode("utf-8", "replace").splitlines()
    first = next((line for line in head if line.strip()), "")
    last = next((line for line in reversed(tail) if line.strip()), "")
    return _needle(first), _needle(last)


def _vm_hwm(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _needle(first_post: str) -> str:
    """The oldest post's first words: short enough to sit on one screen line."""
    words, out = first_post.split(), []
    for w in words:
        if len(" ".join(out + [w])) > 24:
            break
        out.append(w)
    return " ".join(out) or first_post[:24]


def console_script() -> str | None:
    exe = Path(sys.executable).with_name("liveblog-tui")
    return str(exe) if exe.exists() else shutil.which("liveblog-tui")


# ---------------------------------------------------------------- driver
def blog_path(size: str) -> str | None:
    if size == "bundled":
        return None
    n = int(size)
    path = OUT_DIR / f"blog-{n}.txt"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        import make_blog

        make_blog.write_blog(n, path, seed=1)
    return str(path)


def run_worker(path: str | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", path or "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"worker failed for {path or 'bundled'}: {proc.stderr.strip().splitlines()[-1:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _first_post_text(path: str | None) -> tuple[str, int, int | None]:
    """(oldest post's first paragraph, posts, bytes) without the core benchmark."""
    sys.path.insert(0, str(ROOT))
    from tui.core.progressive import open_blog

    load = open_blog(path)
    posts = len(load.finish().posts) if not path or Path(path).stat().st_size < 50e6 else None
    return load.blog.posts[0].paragraphs[0], posts, Path(path).stat().st_size if path else None


def measure(size: str, runs: int, tty: bool, tty_only: bool = False, big_from: int = 1_000_000) -> dict:
    path = blog_path(size)
    if size != "bundled" and int(size) >= big_from:
        runs = 1  # minutes of extraction per run
    if tty_only:
        first, posts, size_bytes = _first_post_text(path)
        results = [{"first_post": first, "posts": posts, "bytes": size_bytes}]
    else:
        results = [run_worker(path) for _ in range(runs)]
    merged: dict = {"posts": results[0]["posts"], "bytes": results[0]["bytes"]}
    if merged["posts"] is None:
        merged["posts"] = int(size) if size != "bundled" else None
    for key in results[0]:
        if isinstance(results[0][key], (int, float)) and key not in ("posts", "bytes"):
            merged[key] = statistics.median(r[key] for r in results)
    if merged["bytes"] is None:
        from tui.core.resources import bundled_blog

        merged["bytes"] = bundled_blog().stat().st_size
    if not tty_only:
        merged.update(app_latency(path, runs))
    if tty:
        script = console_script()
        needle = _needle(results[0]["first_post"])
        pycache = tempfile.mkdtemp(prefix="liveblog-bench-pyc-")
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(TTY_COLS), LINES=str(TTY_ROWS),
                   PYTHONPYCACHEPREFIX=pycache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
            fh.write(BARE_APP)
            bare_file = fh.name
        app_s, bare_s, app_rss, bare_rss, errors = [], [], [], [], set()
        argv_app = [script, "replay", "--paused"] + ([path] if path else []) if script else None
        try:
            first_on_screen([sys.executable, bare_file], BARE_LINE, env=env)  # warm-up: writes bytecode
            if argv_app:
                first_on_screen(argv_app, needle, env=env)
            for _ in range(runs):
                bare = first_on_screen([sys.executable, bare_file], BARE_LINE, env=env)
                if bare["seconds"] is not None:
                    bare_s.append(bare["seconds"])
                    bare_rss.append(bare["rss_kb"] or 0)
                if script:
                    argv = [script, "replay", "--paused"] + ([path] if path else [])
                    app = first_on_screen(argv, needle, env=env)
                    if app["seconds"] is not None:
                        app_s.append(app["seconds"])
                        app_rss.append(app["rss_kb"] or 0)
                    elif app["error"]:
                        errors.add(app["error"])
        finally:
            os.unlink(bare_file)
            shutil.rmtree(pycache, ignore_errors=True)
        if path:
            first_line, last_line = _edge_lines(path)
            for peer in PEERS:
                exe = shutil.which(peer)
                if exe is None:
                    continue  # not installed: its rows say n/a
                peer_env = dict(env, LESS="", LESSOPEN="", LESSCLOSE="", HOME=tempfile.mkdtemp(prefix=f"bench-{peer}-"))
                # lnav shows a text file from its end (as a log), less from its top.
                ends = (last_line, first_line, b"g") if peer == "lnav" else (first_line, last_line, b"G")
                runs_peer = [peer_on_screen([exe, path], ends[0], ends[1], key=ends[2], env=peer_env)
                             for _ in range(runs)]
                for key in ("first_s", "first_rss_kb", "end_s", "end_rss_kb"):
                    values = [r[key] for r in runs_peer if r[key] is not None]
                    merged[f"{peer}_{key}"] = statistics.median(values) if values else None
                errors_peer = {r["error"] for r in runs_peer if r["error"]}
                if errors_peer:
                    print(f"  {peer}: {', '.join(sorted(errors_peer))}", file=sys.stderr)
                shutil.rmtree(peer_env["HOME"], ignore_errors=True)
        merged["bare_first_s"] = statistics.median(bare_s) if bare_s else None
        merged["app_first_s"] = statistics.median(app_s) if app_s else None
        merged["bare_rss_kb"] = statistics.median(bare_rss) if bare_rss else None
        merged["app_rss_kb"] = statistics.median(app_rss) if app_rss else None
        merged["app_error"] = ", ".join(sorted(errors)) or None if not app_s else None
    return merged


def _ms(key: str) -> Callable[[dict], str]:
    return lambda r: f"{r[key] * 1000:.0f} ms" if r[key] < 10 else f"{r[key]:.1f} s"


def _mb(key: str) -> Callable[[dict], str]:
    return lambda r: f"{r[key] / 1024:.0f} MB"


ROWS = [
    ("posts", "posts", lambda r: f"{r['posts']:,}"),
    ("file size", "bytes", lambda r: f"{r['bytes'] / 1e6:.2f} MB"),
    ("**first post on screen** (liveblog-tui replay)", "app_first_s", _ms("app_first_s")),
    ("first line on screen (bare Textual app)", "bare_first_s", _ms("bare_first_s")),
    ("first screen: less / lnav", "less_first_s",
     lambda r: f"{_opt_ms(r, 'less_first_s')} / {_opt_ms(r, 'lnav_first_s')}"),
    ("ratio app / bare", "ratio", lambda r: f"{r['app_first_s'] / r['bare_first_s']:.2f}×"),
    ("ratio app / less · app / lnav", "less_first_s",
     lambda r: f"{_ratio(r, 'app_first_s', 'less_first_s')} · {_ratio(r, 'app_first_s', 'lnav_first_s')}"),
    ("oldest posts parsed (open_blog, core)", "open_ms", lambda r: f"{r['open_ms']:.1f} ms"),
    ("RSS at first post: app / bare", "app_rss_kb", lambda r: f"{r['app_rss_kb'] / 1024:.0f} / {r['bare_rss_kb'] / 1024:.0f} MB"),
    ("RSS at first screen: less / lnav", "less_first_rss_kb",
     lambda r: f"{_opt_mb(r, 'less_first_rss_kb')} / {_opt_mb(r, 'lnav_first_rss_kb')}"),
    ("other end of the file on screen (less `G`, lnav `g`): less / lnav", "less_end_s",
     lambda r: f"{_opt_ms(r, 'less_end_s')} / {_opt_ms(r, 'lnav_end_s')}"),
    ("RSS then: less / lnav", "less_end_rss_kb",
     lambda r: f"{_opt_mb(r, 'less_end_rss_kb')} / {_opt_mb(r, 'lnav_end_rss_kb')}"),
    ("parse, whole file (load_blog)", "load_s", _ms("load_s")),
    ("parse, progressive (open_blog + finish)", "progressive_s", _ms("progressive_s")),
    ("extraction (Timeline.build)", "extract_s", _ms("extract_s")),
    ("extraction per post", "extract_ms_post", lambda r: f"{r['extract_ms_post']:.2f} ms"),
    ("**full load + extraction**", "extract_s", lambda r: _secs(r["load_s"] + r["extract_s"])),
    ("filter index (PostIndex, all lazy parts)", "index_s", _ms("index_s")),
    ("peak RSS: parsed / + extracted / + indexed (core)", "rss_kb",
     lambda r: f"{r['rss_load_kb'] / 1024:.0f} / {r['rss_extract_kb'] / 1024:.0f} / {r['rss_kb'] / 1024:.0f} MB"),
    ("peak RSS of the app after e, search, filter (Pilot)", "app_peak_rss_kb", _mb("app_peak_rss_kb")),
    ("… above the bare app, ÷ file size", "app_peak_rss_kb",
     lambda r: f"{(r['app_peak_rss_kb'] - r['bare_rss_kb']) / 1024 / (r['bytes'] / 2 ** 20):.1f}×"),
    ("filter: person + delegation terms", "filter_entity_ms", lambda r: f"{r['filter_entity_ms']:.2f} ms"),
    ("filter: one free-text word (full scan)", "filter_text_ms", lambda r: f"{r['filter_text_ms']:.1f} ms"),
    ("filter: slowest keystroke typing 'prisoner exchange'", "filter_typing_ms", lambda r: f"{r['filter_typing_ms']:.1f} ms"),
    ("step (clock + state_at)", "step_ms", lambda r: f"{r['step_ms']:.3f} ms"),
    ("seek (clock + state_at)", "seek_ms", lambda r: f"{r['seek_ms']:.3f} ms"),
    ("state_at", "state_at_ms", lambda r: f"{r['state_at_ms']:.3f} ms"),
    ("**keys** (app, key → repaint): step '.'", "app_step_only_ms", lambda r: f"{r['app_step_only_ms']:.1f} ms"),
    ("seek '0'-'9'", "app_seek_ms", lambda r: f"{r['app_seek_ms']:.1f} ms"),
    ("end 'e'", "app_end_ms", lambda r: f"{r['app_end_ms']:.1f} ms"),
    ("search → match", "app_search_ms", lambda r: f"{r['app_search_ms']:.1f} ms"),
    ("filter keystroke (median / slowest)", "app_filter_ms", lambda r: f"{r['app_filter_ms']:.1f} / {r['app_filter_max_ms']:.0f} ms"),
    ("keys measured after indexing finished", "app_indexed", lambda r: "yes" if r["app_indexed"] else "no (still indexing)"),
]


def _secs(value: float) -> str:
    return f"{value:.1f} s"


def _opt_ms(r: dict, key: str) -> str:
    value = r.get(key)
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def _opt_mb(r: dict, key: str) -> str:
    value = r.get(key)
    return "n/a" if value is None else f"{value / 1024:.0f} MB"


def _ratio(r: dict, a: str, b: str) -> str:
    if r.get(a) is None or not r.get(b):
        return "n/a"
    return f"{r[a] / r[b]:.1f}×"


def cell(r: dict, key: str, fmt) -> str:
    needed = ("app_first_s", "bare_first_s") if key == "ratio" else (key,)
    if key in ("less_first_s", "less_first_rss_kb", "less_end_s", "less_end_rss_kb"):
        needed = ()  # each peer says n/a for itself
    if any(r.get(k) is None for k in needed):
        return "n/a"
    try:
        return fmt(r)
    except (KeyError, TypeError, ZeroDivisionError, ValueError):
        return "n/a"


def table(sizes: list[str], results: dict[str, dict]) -> str:
    head = "| measure | " + " | ".join(("bundled blog" if s == "bundled" else f"{int(s):,} posts") for s in sizes) + " |"
    lines = [head, "|---|" + "---:|" * len(sizes)]
    for label, key, fmt in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(results[s], key, fmt) for s in sizes) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        textual = metadata.version("textual")
    except metadata.PackageNotFoundError:
        textual = "not installed"
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, Textual {textual}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark liveblog-tui (prints a Markdown table).")
    ap.add_argument("--sizes", default=",".join(DEFAULT_SIZES), help="comma list of bundled and/or post counts")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    ap.add_argument("--skip-tty", action="store_true", help="skip the pseudo-terminal first-post measurement")
    ap.add_argument("--json", help="also write the raw numbers to this file")
    ap.add_argument("--tty-only", action="store_true", help="only the first-post-on-screen rows (quick)")
    ap.add_argument("--runs-big-from", type=int, default=1_000_000, metavar="POSTS",
                    help="blogs of this many posts or more are measured once (default 1000000)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--latency", metavar="FILE",
                    help="one run of the in-app latencies (step, seek, filter keystroke → repaint) "
                         "for FILE ('-' = bundled); prints JSON")
    args = ap.parse_args(argv)
    if args.latency:
        print(json.dumps(latency_worker(None if args.latency == "-" else args.latency)))
        return 0
    if args.worker:
        print(json.dumps(worker(None if args.worker == "-" else args.worker)))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for s in sizes:
        if s != "bundled" and not s.isdigit():
            ap.error(f"bad size {s!r}: use 'bundled' or a number of posts")
    results = {}
    for s in sizes:
        print(f"measuring {s} ...", file=sys.stderr, flush=True)
        results[s] = measure(s, max(1, args.runs), not args.skip_tty, args.tty_only, args.runs_big_from)
        if results[s].get("app_error"):
            print(f"  replay in a pty: {results[s]['app_error']}", file=sys.stderr)
    print(table(sizes, results))
    print()
    print(f"Machine: {machine()}. Medians of {max(1, args.runs)} runs; "
          f"terminal {TTY_COLS}×{TTY_ROWS}; {time.strftime('%Y-%m-%d')}.")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
