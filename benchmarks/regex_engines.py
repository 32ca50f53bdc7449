"""Which engine runs the user's `re:` search: Python's re (behind a backtracking
checker), google-re2 (linear time) or the `regex` module (with a timeout).

    python benchmarks/regex_engines.py [N]      # N generated posts (default 10000)

Prints, per engine: compile time of typical patterns, a whole-blog scan for
each pattern, the time to answer catastrophic patterns on adversarial text,
and the longest pause the UI thread sees while a scan runs in a worker thread
(the GIL: an engine that holds it freezes the interface). Needs google-re2 and
regex installed; an engine that is missing is skipped.
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import re  # noqa: E402

TYPICAL = [
    r"\d{1,2}:\d\d",
    r"medinsky|umerov",
    r"talks.*istanbul",
    r"(prisoner|POW)s? exchange",
    r"\bkiev\b",
    r"a.*b.*c",  # refused by the old checker (two open-ended repeats)
    r"[A-Z][a-z]+ [A-Z][a-z]+ (said|says)",
]
CATASTROPHIC = [
    (r"(a+)+$", "a" * 5000 + "!"),
    (r"(a|a)*b", "a" * 5000),
    (r"(.*a){20}", "a" * 5000),
    (r"(\w+\s?)*$", "word " * 1000 + "!"),
]


def make_posts(n: int) -> list[str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_blog", Path(__file__).with_name("make_blog.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    out = Path(__file__).with_name("out") / f"blog-{n}.txt"
    if not out.exists():
        out.parent.mkdir(exist_ok=True)
        module.write_blog(n, out, seed=1)
    from tui.core.load import load_blog

    return [p.text for p in load_blog(out).posts]


class Engine:
    name = ""

    def compile(self, pattern: str):  # -> compiled or raises
        raise NotImplementedError

    def any_match(self, compiled, text: str, deadline: float) -> bool:
        raise NotImplementedError


class PyRe(Engine):
    name = "re + checker"

    def compile(self, pattern):
        from tui.core import search

        check = getattr(search, "check_regex", None)
        if check is not None:
            check(pattern)  # the old backtracking analysis (raises SearchError)
        return re.compile(pattern, re.IGNORECASE)

    def any_match(self, compiled, text, deadline):
        return compiled.search(text) is not None


class Re2(Engine):
    name = "google-re2"

    def __init__(self):
        import re2

        self.re2 = re2
        self.options = re2.Options()
        self.options.log_errors = False
        self.options.case_sensitive = False

    def compile(self, pattern):
        return self.re2.compile(pattern, self.options)

    def any_match(self, compiled, text, deadline):
        return compiled.search(text) is not None


class RegexTimeout(Engine):
    name = "regex + timeout"

    def __init__(self):
        import regex

        self.regex = regex

    def compile(self, pattern):
        return self.regex.compile(pattern, self.regex.IGNORECASE | self.regex.V0)

    def any_match(self, compiled, text, deadline):
        return compiled.search(text, concurrent=True, timeout=max(0.001, deadline - time.monotonic())) is not None


def engines() -> list[Engine]:
    out: list[Engine] = [PyRe()]
    for cls in (Re2, RegexTimeout):
        try:
            out.append(cls())
        except ImportError:
            print(f"({cls.name} not installed: skipped)")
    return out


def scan(engine: Engine, compiled, posts: list[str], budget: float = 2.0) -> tuple[int, bool]:
    deadline = time.monotonic() + budget
    hits = 0
    for text in posts:
        if time.monotonic() > deadline:
            return hits, False
        try:
            hits += engine.any_match(compiled, text, deadline)
        except TimeoutError:
            return hits, False
    return hits, True


def ui_pause_during(work) -> float:
    """Longest gap (ms) a 1 ms-sleeping 'UI' thread sees while `work` runs in a thread."""
    done = threading.Event()
    worst = 0.0

    def worker():
        work()
        done.set()

    t = threading.Thread(target=worker)
    last = time.perf_counter()
    t.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        worst = max(worst, now - last)
        last = now
    t.join()
    return worst * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    posts = make_posts(n)
    print(f"{len(posts)} posts, {sum(map(len, posts)) / 1e6:.1f} M characters\n")
    for engine in engines():
        print(f"## {engine.name}")
        compile_us = []
        for pattern in TYPICAL:
            t = time.perf_counter()
            try:
                compiled = engine.compile(pattern)
            except Exception as error:  # noqa: BLE001 - report refusals
                print(f"  {pattern!r:40} refused: {str(error)[:60]}")
                continue
            compile_us.append((time.perf_counter() - t) * 1e6)
            t = time.perf_counter()
            hits, complete = scan(engine, compiled, posts)
            ms = (time.perf_counter() - t) * 1000
            print(f"  {pattern!r:40} scan {ms:8.1f} ms  {hits:6d} posts{'' if complete else '  (stopped)'}")
        if compile_us:
            print(f"  compile: median {statistics.median(compile_us):.0f} µs")
        for pattern, text in CATASTROPHIC:
            t = time.perf_counter()
            try:
                compiled = engine.compile(pattern)
            except Exception as error:  # noqa: BLE001
                print(f"  {pattern!r:40} refused in {(time.perf_counter() - t) * 1e6:.0f} µs: {str(error)[:50]}")
                continue
            t = time.perf_counter()
            hits, complete = scan(engine, compiled, [text], budget=0.5)
            ms = (time.perf_counter() - t) * 1000
            print(f"  {pattern!r:40} adversarial {ms:8.1f} ms  {'answered' if complete else 'timed out'}")
        compiled = engine.compile(r"talks.*istanbul")
        pause = ui_pause_during(lambda: scan(engine, compiled, posts * 3, budget=5.0))
        print(f"  longest UI-thread pause during a scan: {pause:.1f} ms\n")


if __name__ == "__main__":
    main()
