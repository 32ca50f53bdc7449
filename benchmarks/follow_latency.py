"""Follow latency: from a write to the followed file to the new post on screen.

    python benchmarks/follow_latency.py                      # bundled blog, 1k and 10k posts; 10 writes each
    python benchmarks/follow_latency.py --sizes bundled --writes 20
    python benchmarks/follow_latency.py --poll               # the polling fallback instead of watchfiles
    python benchmarks/follow_latency.py --tmux               # also the installed console script in tmux

A blog is replayed as it was written: a copy holding all but its `writes` newest
posts (newest first, as live blogs publish: each new post goes on top of its
day) is opened the way `liveblog-tui replay --follow --paused FILE` opens it,
at 120×40 through Pilot, and once it is loaded and indexed the next post is
written to the file, `writes` times. A sample is the time from the write (the
file closed) to the first paint of the feed (its `render_lines`) that shows the
new post. The stages are timed too: the re-read in the core
(tui.core.follow.read_change: read, parse, compare) and the app's applying of
the change (the session holds the new post: observed every 0.5 ms). `--tmux` runs the real console script in a
tmux pane and polls `tmux capture-pane` (every ~5 ms) until the post's words
show: what a person sees, capture overhead included.

Generated blogs (benchmarks/make_blog.py) go to benchmarks/out/ (git-ignored).
Numbers only: nothing here decides a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tui.core.load import load_blog  # noqa: E402


def source_for(size: str) -> Path:
    """The bundled blog, or a generated one of `size` posts."""
    if size == "bundled":
        from tui.core.resources import bundled_blog

        return bundled_blog()
    n = int(size)
    path = HERE / "out" / f"blog-{n}.txt"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_blog.py"), str(n), str(path)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


class Versions:
    """The file as it stood when its k oldest posts were written (no summary: written after)."""

    def __init__(self, path: Path) -> None:
        self.full = load_blog(path)
        self.lines = path.read_text(encoding="utf-8").split("\n")
        self.owner = [0] * (len(self.lines) + 1)
        for p in self.full.posts:
            for line in range(p.first_line, p.last_line + 1):
                self.owner[line] = p.seq
        s = self.full.summary
        self.skip = set(range(s.first_line, s.last_line + 1)) if s else set()

    def text(self, k: int) -> str:
        owner, skip = self.owner, self.skip
        return "\n".join(line for i, line in enumerate(self.lines, 1) if i not in skip and owner[i] <= k)

    def words(self, k: int, n: int = 6) -> str:
        return " ".join(self.full.posts[k - 1].paragraphs[0].split()[:n])


def write(path: Path, text: str) -> float:
    """Write as an editor would (in place), return the time the file was closed."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return time.perf_counter()


def core_reread(versions: Versions, path: Path, k: int) -> float:
    """Seconds for one read_change after one new post (read, parse, compare)."""
    from tui.core.follow import file_source, read_change

    path.write_text(versions.text(k - 1), encoding="utf-8")
    held = load_blog(path).posts
    path.write_text(versions.text(k), encoding="utf-8")
    source = file_source([path])
    start = time.perf_counter()
    change = read_change(source, held)
    took = time.perf_counter() - start
    assert change.kind == "appended", change.reason
    return took


async def pilot_samples(versions: Versions, path: Path, writes: int) -> tuple[list[float], list[float]]:
    """(write -> change applied, write -> feed painted) in seconds, one per write."""
    from tui.app.launch import prepare_replay
    from tui.app.widgets.feed import FeedView
    from tui.cli import build_parser

    n = len(versions.full.posts)
    start_k = n - writes
    path.write_text(versions.text(start_k), encoding="utf-8")
    painted: dict[int, float] = {}
    applied: dict[int, float] = {}
    real_render = FeedView.render_lines

    def render_lines(self, crop):  # type: ignore[no-untyped-def]
        strips = real_render(self, crop)
        painted.setdefault(self.position, time.perf_counter())
        return strips

    FeedView.render_lines = render_lines  # type: ignore[method-assign]
    to_apply, to_paint = [], []
    try:
        app = prepare_replay(build_parser().parse_args(["replay", str(path), "--follow", "--paused"]))
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.monotonic() + 120
            while app.session.loading or not app.session.complete or not any(
                    w.group == "follow" and w.is_running for w in app.workers):
                if time.monotonic() > deadline:
                    raise SystemExit("the app did not finish loading")
                await pilot.pause(0.01)
            await pilot.pause(0.3)  # the watch is set up
            for k in range(start_k + 1, n + 1):
                t0 = write(path, versions.text(k))
                deadline = time.monotonic() + 30
                while k not in painted:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"post {k} never reached the screen")
                    if len(app.session.blog.posts) >= k:  # the screen has taken the change in
                        applied.setdefault(k, time.perf_counter())
                    await asyncio.sleep(0.0005)
                applied.setdefault(k, painted[k])
                to_apply.append(applied[k] - t0)
                to_paint.append(painted[k] - t0)
                await pilot.pause(0.05)
    finally:
        FeedView.render_lines = real_render  # type: ignore[method-assign]
    return to_apply, to_paint


def tmux_samples(versions: Versions, path: Path, writes: int) -> list[float]:
    """Write -> the post's words in a real terminal (the installed console script in tmux)."""
    script = Path(sys.executable).with_name("liveblog-tui")
    if shutil.which("tmux") is None or not script.exists():
        return []
    n = len(versions.full.posts)
    start_k = n - writes
    path.write_text(versions.text(start_k), encoding="utf-8")
    name = f"lbt-bench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
                    f"{script} replay {path} --follow --paused"], check=True, env=env)

    def screen() -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout

    out = []
    try:
        deadline = time.monotonic() + 60
        while f"{start_k}/{start_k}" not in screen() or "following" not in screen():
            if time.monotonic() > deadline:
                return []
            time.sleep(0.05)
        time.sleep(1.0)  # loaded, indexed, watching
        for k in range(start_k + 1, n + 1):
            t0 = write(path, versions.text(k))
            mark = f"{k}/{k}"
            while mark not in screen():
                if time.perf_counter() - t0 > 30:
                    return out
                time.sleep(0.005)
            out.append(time.perf_counter() - t0)
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    return out


def ms(values: list[float]) -> str:
    if not values:
        return "n/a"
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
    return f"{statistics.median(values) * 1000:7.1f} {p90 * 1000:7.1f} {values[-1] * 1000:7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,1000,10000")
    parser.add_argument("--writes", type=int, default=10)
    parser.add_argument("--poll", action="store_true", help="force the polling fallback (WATCHFILES_FORCE_POLLING=1)")
    parser.add_argument("--tmux", action="store_true", help="also time the console script in a real terminal (tmux)")
    args = parser.parse_args()
    if args.poll:
        os.environ["WATCHFILES_FORCE_POLLING"] = "1"
    print(f"follow latency, {'polling every 250 ms' if args.poll else 'watchfiles'}; ms: median p90 max "
          f"over {args.writes} writes (one new post each)")
    print(f"{'blog':>8} {'posts':>6}  {'core re-read':>23}  {'write → applied':>23}  {'write → feed painted':>23}"
          + (f"  {'write → tmux screen':>23}" if args.tmux else ""))
    for size in args.sizes.split(","):
        versions = Versions(source_for(size))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "live.txt"
            n = len(versions.full.posts)
            core = [core_reread(versions, path, k) for k in range(n - min(args.writes, 5) + 1, n + 1)]
            applied, painted = asyncio.run(pilot_samples(versions, path, args.writes))
            row = f"{size:>8} {n:>6}  {ms(core):>23}  {ms(applied):>23}  {ms(painted):>23}"
            if args.tmux:
                row += f"  {ms(tmux_samples(versions, path, args.writes)):>23}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
