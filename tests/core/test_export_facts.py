"""Issue-3 export keys, `export --at SEQ`, and `--knowledge` errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.export import build_export
from tui.core.export_facts import facts_export, state_export
from tui.core.knowledge import load_knowledge
from tui.core.load import load_blog
from tui.core.timeline import Timeline

BLOG = load_blog()
TL = Timeline.build(BLOG, load_knowledge())


def test_export_adds_keys_without_renaming_the_foundation_schema() -> None:
    extra, per_entry = facts_export(TL)
    doc = build_export(BLOG, extra, entry_extra=per_entry)
    assert {"title", "summary", "entries", "people", "delegations", "schedule", "meetings", "provenance"} <= set(doc)
    e = doc["entries"][0]
    assert {"id", "seq", "day", "time", "time_estimated", "text", "people", "delegations", "outlets"} <= set(e)
    person = doc["people"][0]
    assert set(person) >= {"name", "aliases", "affiliation", "role"}
    d = next(x for x in doc["delegations"] if x["id"] == "russia")
    assert d["status"] and set(d["status"][0]) >= {"seq", "status", "where", "evidence"}
    s = doc["schedule"][0]
    assert set(s) >= {"seq", "subject", "kind", "when", "raw", "evidence"}
    m = doc["meetings"][0]
    assert set(m) >= {"id", "name", "date", "place", "status", "participants", "seqs"}
    assert all(p["basis"] in ("present", "announced", "absent") for mm in doc["meetings"] for p in mm["participants"])
    participants = sum(len(mm["participants"]) for mm in doc["meetings"])
    rules = sum(len(x["status"]) for x in doc["delegations"]) + len(doc["schedule"]) + participants
    assert doc["provenance"] == {"rules": rules, "corrections": 0}


def test_day_only_plans_export_a_date_and_clock_plans_a_datetime() -> None:
    extra, _ = facts_export(TL)
    friday = next(s for s in extra["schedule"] if s["raw"] == "on Friday")
    assert friday["when"] == "2025-05-16"
    timed = next(s for s in extra["schedule"] if s["raw"].startswith("at 12:30pm"))
    assert timed["when"] == "2025-05-16T12:30:00+03:00"


def test_state_export_uses_only_posts_up_to_seq() -> None:
    k = 30
    doc = state_export(TL.state_at(k))
    assert doc["seq"] == k and doc["summary_revealed"] is False
    assert all(f["seq"] <= k for f in doc["schedule"])
    assert all(h["seq"] <= k for d in doc["delegations"] for h in d["history"])
    assert all(s <= k for m in doc["meetings"] for s in m["seqs"])


def test_cli_export_at_json_and_md(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--at", "21"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["seq"] == 21 and doc["schedule"][-1]["seq"] <= 21
    assert main(["export", "--at", "21", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "As of post p21" in md and "## Delegations" in md and "## Schedule" in md


def test_cli_export_md_is_an_analysts_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "Announced only" in md and "Reported present:" in md
    assert "**rescheduled**" in md and "Facts from rules:" in md


def test_cli_export_at_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--at", "100000"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("liveblog-tui: --at 100000") and err.count("\n") == 1


def test_cli_bad_knowledge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "k.toml"
    bad.write_text('[[people]]\nname = "A"\naliases = "A"\n')
    assert main(["export", "--knowledge", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == f"liveblog-tui: {bad}:3: people[0].aliases must be a list of strings\n"


def test_corrections_are_counted_apart(tmp_path: Path) -> None:
    src = Path(load_knowledge().source).read_text(encoding="utf-8")
    src += ('\n[[corrections.status]]\nevidence = "Kiev’s negotiators will remain in Istanbul on Friday"\n'
            'delegation = "ukraine"\nstatus = "located"\nwhere = "Istanbul"\n')
    k = tmp_path / "k.toml"
    k.write_text(src, encoding="utf-8")
    tl = Timeline.build(BLOG, load_knowledge(k))
    extra, _ = facts_export(tl)
    assert extra["provenance"]["corrections"] == 1
    ua = next(d for d in extra["delegations"] if d["id"] == "ukraine")
    assert any(f["origin"] == "correction" and "remain in Istanbul" in f["evidence"] for f in ua["status"])


def test_md_at_a_position_counts_only_the_facts_so_far(capsys: pytest.CaptureFixture[str]) -> None:
    """The footer of `export --at K --format md` must not leak totals from later posts."""
    assert main(["export", "--at", "0", "--format", "md"]) == 0
    assert "from rules: 0;" in capsys.readouterr().out
    k = 20
    state = TL.state_at(k)
    expected = (
        sum(len(d.history) for d in state.delegations)
        + len(state.schedule)
        + sum(len(m.participants) for m in state.meetings)
    )
    assert main(["export", "--at", str(k), "--format", "md"]) == 0
    assert f"Facts so far from rules: {expected};" in capsys.readouterr().out
    assert 0 < expected < TL.extraction.rules


def _invented_blog_export() -> tuple[Timeline, dict]:
    from blogfactory import make_blog
    from tui.core.knowledge import Knowledge

    blog = make_blog([
        "The Varnian and Osterlandic delegations will hold talks at 10:00 in Port Elda.",
        "The talks between Varnia and Osterland have been delayed by an hour.",
        "Holmstad will take part in the talks between Varnia, Osterland and Holmstad, its foreign ministry said.",
        "The talks were suspended at 13:00.",
    ])
    tl = Timeline.build(blog, Knowledge())
    extra, _ = facts_export(tl)
    return tl, extra


def test_meeting_at_is_the_meeting_as_posts_up_to_seq_told_it() -> None:
    tl, extra = _invented_blog_export()
    mid = extra["schedule"][0]["subject"]
    assert tl.meeting_at(mid, 0) is None
    assert tl.meeting_at("no-such-meeting", 4) is None
    assert tl.meeting_at(mid, 1).seqs == (1,)
    assert tl.meeting_at(mid, 2).seqs == (1, 2)
    assert tl.meeting_at(mid, 4) == tl.state_at(4).meetings[0]


def test_each_schedule_fact_carries_its_meetings_parties_as_of_its_post() -> None:
    tl, extra = _invented_blog_export()
    by_seq = {s["seq"]: s for s in extra["schedule"]}
    for seq, fact in by_seq.items():
        assert fact["parties"] == list(tl.meeting_at(fact["subject"], seq).parties)
    meeting = next(m for m in extra["meetings"] if m["id"] == by_seq[1]["subject"])
    # the meeting's own parties are as of its last post; a fact keeps the parties of its post
    assert meeting["parties"] == list(tl.meeting_at(meeting["id"], 4).parties)
