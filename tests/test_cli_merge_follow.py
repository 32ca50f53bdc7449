"""The command line with two blogs on one clock, and --follow: check, export and replay's
launcher (before the app takes the terminal). Bad combinations: one stderr line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.app.launch import prepare_replay
from tui.cli import build_parser, main
from tui.core.resources import bundled_blog

MERGE = Path(__file__).resolve().parent / "core" / "merge"
WIRE, DAILY = str(MERGE / "northwind_wire.txt"), str(MERGE / "harbour_daily.txt")
AGENCY = str(Path(__file__).resolve().parent / "blogs" / "agency_oldest_first" / "blog.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_two_blogs_names_both(capsys) -> None:
    code, out, err = run(capsys, "check", WIRE, DAILY)
    assert code == 0 and err == ""
    assert "Northwind Wire: 6 posts from" in out and "Harbour Daily: 4 posts from" in out
    assert "posts:    10 " in out and "6 explicit" in out and "4 estimated" in out


def test_export_two_blogs_tags_each_entry(capsys) -> None:
    code, out, _ = run(capsys, "export", WIRE, DAILY, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert [e["seq"] for e in doc["entries"]] == list(range(1, 11))
    assert {e["blog"] for e in doc["entries"]} == {"Northwind Wire", "Harbour Daily"}
    times = [e["time"] for e in doc["entries"]]
    assert times == sorted(times)
    code, out, _ = run(capsys, "export", WIRE, DAILY, "--format", "md")
    assert code == 0 and "(Harbour Daily, lines" in out and "(Harbour Daily)," in out  # posts and facts name their blog


def test_export_one_blog_has_no_blog_key(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", WIRE, "--format", "json")
    assert code == 0 and all("blog" not in e for e in json.loads(out)["entries"])


def test_the_bundled_blog_merged_with_another_outlet(capsys) -> None:
    code, out, _ = run(capsys, "export", str(bundled_blog()), AGENCY, "--format", "jsonl")
    entries = [e for e in map(json.loads, out.splitlines()) if "time_estimated" in e]  # the posts, not the header
    assert code == 0 and {e.get("blog") for e in entries} == {"RT", "Meridian Press"}


@pytest.mark.parametrize("argv, message", [
    (["check", WIRE, DAILY, "--meta", "x.toml"], "--meta describes one blog"),
    (["export", "-", "-"], "standard input can be read only once"),
    (["check", WIRE, str(MERGE / "missing.txt")], "missing.txt"),
    (["replay", "--follow", "-"], "--follow needs a file"),
])
def test_bad_combinations_are_one_line(capsys, argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_replay_two_blogs_builds_a_merged_app() -> None:
    app = prepare_replay(build_parser().parse_args(["replay", WIRE, DAILY, "--paused"]))
    blog = app.session.blog
    assert list(blog.merged_from) == ["Northwind Wire", "Harbour Daily"]
    assert len(blog.posts) == 10 and not app.session.loading


def test_replay_follow_opens_at_the_live_edge_and_start_at_overrides() -> None:
    app = prepare_replay(build_parser().parse_args(["replay", AGENCY, "--follow", "--paused"]))
    session = app.session
    session.posts_loaded(0.0)
    while session.loading:  # the launcher parsed the oldest day only; the rest as the app's worker would
        session.load.step()
        session.posts_loaded(0.0)
    assert session.clock.position == len(session.blog.posts)
    app = prepare_replay(build_parser().parse_args(["replay", AGENCY, "--follow", "--start-at", "3"]))
    assert app.session.clock.position == 3
