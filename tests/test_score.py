"""benchmarks/score.py: name matching, post alignment and counting on tiny inline cases.

Each case is a hand-made gold and a fake export, so the expected counts are worked out
by hand here, not taken from the scorer.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "score.py"
_spec = importlib.util.spec_from_file_location("liveblog_score", _PATH)
score = importlib.util.module_from_spec(_spec)
sys.modules["liveblog_score"] = score  # dataclasses look their module up by name
_spec.loader.exec_module(score)

BLOG = """18 August 2026
Kestria and Ardovia will hold talks at 10:00 local time on Wednesday.
The talks follow months of dispute over transit fees.
The Kestrian delegation has arrived in Yalıköy, KNA reported.
Sokolova was seen entering the pavilion with her team.
The Ardovian delegation walked out after an hour, Ibáñez said.
"""
L1, L2, L3, L4, L5 = BLOG.splitlines()[1:]

GOLD = {
    "blog": {"style": "plain", "domain": "test", "posts": 3},
    "people": [
        {"name": "Dmitry Korolyov", "aliases": ["Korolyov", "Dmitri Korolev"], "side": "Kestria",
         "role": "President", "delegation": ""},
        {"name": "Yevgeniya Sokolova", "aliases": ["Sokolova"], "side": "Kestria", "role": "",
         "delegation": "Kestria"},
        {"name": "Inés Ibáñez", "aliases": ["Ibáñez"], "side": "Ardovia", "role": "",
         "delegation": "Ardovia"},
        {"name": "Anna Kowal", "aliases": [], "side": "", "role": "", "delegation": ""},
        {"name": "Piotr Kowal", "aliases": [], "side": "", "role": "", "delegation": ""},
    ],
    "parties": [
        {"name": "Kestria", "aliases": ["Kestrian"], "negotiating": True},
        {"name": "Ardovia", "aliases": ["Ardovian", "Selin"], "negotiating": True},
    ],
    "outlets": [{"name": "KNA", "aliases": []}, {"name": "The Chronicle", "aliases": []}],
    "post": [
        {"n": 1, "starts": "Kestria and Ardovia will hold talks", "people": [], "outlets": [],
         "parties": ["Kestria", "Ardovia"], "status": [],
         "schedule": [{"meeting": ["Kestria", "Ardovia"], "kind": "planned",
                       "when": "2026-08-19T10:00", "precision": "minute"}],
         "attendance": []},
        {"n": 2, "starts": "The Kestrian delegation has arrived", "people": ["Yevgeniya Sokolova"],
         "outlets": ["KNA"], "parties": ["Kestria"],
         "status": [{"party": "Kestria", "status": "arrived", "where": "Yalıköy"}],
         "schedule": [],
         "attendance": [{"meeting": ["Kestria", "Ardovia"], "person": "Yevgeniya Sokolova",
                         "basis": "present"}]},
        {"n": 3, "starts": "The Ardovian delegation walked out", "people": ["Inés Ibáñez"],
         "outlets": [], "parties": ["Ardovia"],
         "status": [{"party": "Ardovia", "status": "walked_out"}], "schedule": [], "attendance": []},
    ],
}


def gold() -> "score.Gold":
    return score.gold_from_dict(GOLD, path=Path("t/gold.toml"), name="t")


def export(**overrides) -> dict:
    """A perfect export of BLOG; keyword arguments replace top-level keys."""
    data = {
        "entries": [
            {"seq": 1, "text": f"{L1}\n{L2}", "people": [], "outlets": [],
             "delegations": ["kestria", "ardovia"]},
            {"seq": 2, "text": f"{L3}\n{L4}", "people": ["Sokolova"], "outlets": ["KNA"],
             "delegations": ["kestria"]},
            {"seq": 3, "text": L5, "people": ["Ines Ibanez"], "outlets": [],
             "delegations": ["ardovia"]},
        ],
        "delegations": [
            {"id": "kestria", "name": "Kestrian delegation",
             "status": [{"seq": 2, "status": "arrived", "where": "Yalikoy", "evidence": L3}]},
            {"id": "ardovia", "name": "Ardovian delegation", "party": "Ardovia",
             "status": [{"seq": 3, "status": "walked_out", "where": None, "evidence": L5}]},
        ],
        "schedule": [{"seq": 1, "subject": "ka", "kind": "planned",
                      "when": "2026-08-19T10:00:00+03:00", "evidence": L1}],
        "meetings": [{"id": "ka", "name": "Kestria – Ardovia talks",
                      "participants": [{"name": "Sokolova", "seq": 2, "basis": "present",
                                        "evidence": L4}]}],
    }
    data.update(overrides)
    return data


def run(data: dict, blog: str = BLOG, zone=None) -> dict:
    return score.score_export(gold(), data, blog_text=blog, zone=zone).as_dict(verbose=True)


def counts(result: dict, category: str) -> tuple[int, int, int]:
    c = result["categories"][category]
    return c["tp"], c["fp"], c["fn"]


# ---------------------------------------------------------------- names

def test_fold_ignores_accents_case_possessives_and_turkish_dotless_i():
    assert score.fold("Trần Minh Khoa") == score.fold("tran minh KHOA")
    assert score.fold("İlkay Şahin") == "ilkay sahin"
    assert score.fold("Yalıköy") == score.fold("Yalikoy")
    assert score.fold("Małgorzata Wróbel") == "malgorzata wrobel"
    assert score.fold("Dravenia’s") == "dravenia"


def test_a_person_matches_by_alias_or_a_surname_only_one_gold_person_has():
    names = score.Names(gold())
    assert names.person("Dmitri Korolev") == "Dmitry Korolyov"
    assert names.person("INES IBANEZ") == "Inés Ibáñez"
    assert names.person("Deputy Prime Minister Sokolova") == "Yevgeniya Sokolova"
    assert names.person("Mr Kowal") is None  # two gold people are called Kowal
    assert names.person("Jane Doe") is None


def test_a_party_matches_by_name_alias_or_delegation_name_and_never_another_party():
    names = score.Names(gold())
    assert names.party("Kestrian delegation") == "Kestria"
    assert names.party("the Ardovian side") == "Ardovia"
    assert names.party("Selin") == "Ardovia"
    assert names.party("Russia") is None
    assert names.outlet("the Chronicle") == "The Chronicle"


def test_an_organisation_matches_by_its_initials_either_way():
    parties = [{"name": "UN", "aliases": []}, {"name": "Lakelands Cooperation Council", "aliases": []}]
    names = score.Names(score.gold_from_dict({**GOLD, "parties": parties}, path=Path("t/gold.toml"), name="t"))
    assert names.party("United Nations") == "UN"
    assert names.party("LCC") == "Lakelands Cooperation Council"
    assert names.party("U") is None


def test_meeting_members_fall_back_on_the_meeting_name():
    assert score.meeting_members({"name": "Kestria – Ardovia talks"}) == ["Kestria", "Ardovia"]
    assert score.meeting_members({"name": "X", "parties": ["Ardovia", "Kestria"]}) == ["Ardovia", "Kestria"]
    assert score.delegation_party({"name": "Kestrian delegation"}) == "Kestrian"


# ---------------------------------------------------------------- scoring

def test_a_perfect_export_scores_every_category_full():
    result = run(export())
    for category in ("people", "outlets", "parties", "status", "schedule", "attendance"):
        c = result["categories"][category]
        assert (c["precision"], c["recall"]) == (1.0, 1.0), category
    assert result["where"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert result["when"]["correct"] == 1  # +03:00 read in the blog's zone (none given: as is)
    assert result["segmentation"]["precision"] == result["segmentation"]["recall"] == 1.0
    assert result["segmentation"]["exact_posts"] == 3


def test_a_fact_whose_evidence_is_in_another_post_is_a_miss_and_a_false_positive():
    data = export()
    data["delegations"][0]["status"][0]["evidence"] = L5  # Kestria arrived, placed in post 3
    result = run(data)
    assert counts(result, "status") == (1, 1, 1)
    wrong = [m for m in result["mistakes"] if m["category"] == "status"]
    assert {(m["kind"], m["post"]) for m in wrong} == {("FP", 3), ("FN", 2)}


def test_a_status_for_the_wrong_party_does_not_match():
    data = export()
    data["delegations"][0]["name"] = "Ardovian delegation"  # claims Ardovia arrived in post 2
    assert counts(run(data), "status") == (1, 1, 1)


def test_evidence_not_in_the_text_falls_back_on_the_entry():
    data = export()
    data["delegations"][0]["status"][0]["evidence"] = "(rephrased by the tool)"
    assert counts(run(data), "status") == (2, 0, 0)


def test_a_meeting_is_its_set_of_parties():
    data = export(meetings=[{"id": "ka", "parties": ["Ardovia", "Kestria"], "participants": []}])
    assert counts(run(data), "schedule") == (1, 0, 0)
    data = export(meetings=[{"id": "ka", "parties": ["Kestria"], "participants": []}])
    assert counts(run(data), "schedule") == (0, 1, 1)


def test_a_facts_own_parties_win_over_its_meetings_parties_at_the_end():
    # the meeting gained a third party later; the fact names who it was between at its post
    three = [{"id": "ka", "parties": ["Ardovia", "Kestria", "Holmstad"], "participants": []}]
    assert counts(run(export(meetings=three)), "schedule") == (0, 1, 1)
    data = export(meetings=three)
    data["schedule"][0]["parties"] = ["Kestria", "Ardovia"]
    assert counts(run(data), "schedule") == (1, 0, 0)
    data = export()
    data["meetings"][0]["parties"] = ["Ardovia", "Kestria", "Holmstad"]
    assert counts(run(data), "attendance") == (0, 1, 1)
    data["meetings"][0]["participants"][0]["parties"] = ["Ardovia", "Kestria"]
    assert counts(run(data), "attendance") == (1, 0, 0)


def test_attendance_matches_person_alias_meeting_and_basis():
    assert counts(run(export()), "attendance") == (1, 0, 0)
    data = export()
    data["meetings"][0]["participants"][0]["basis"] = "announced"
    assert counts(run(data), "attendance") == (0, 1, 1)


def test_missing_export_keys_count_as_nothing_found():
    result = run({"entries": [{"seq": 1, "text": BLOG}]})
    assert counts(result, "status") == (0, 0, 2)
    assert counts(result, "schedule") == (0, 0, 1)
    assert counts(result, "people") == (0, 0, 2)
    empty = run({})
    assert empty["aligned_posts"] == 0
    assert empty["segmentation"]["recall"] == 0.0


def test_entities_come_from_the_entry_overlapping_the_post_most():
    data = export()
    data["entries"][1]["people"] = ["Sokolova", "Dmitry Korolyov"]
    assert counts(run(data), "people") == (2, 1, 0)


# ---------------------------------------------------------------- segmentation

def test_segmentation_counts_gold_starts_that_begin_an_entry():
    data = export(entries=[
        {"seq": 1, "text": L1},
        {"seq": 2, "text": f"{L2}\n{L3}\n{L4}"},  # begins inside post 1, swallows post 2
        {"seq": 3, "text": L5},
    ])
    seg = run(data)["segmentation"]
    assert (seg["tp"], seg["predicted"], seg["gold"]) == (2, 3, 3)
    assert seg["exact_posts"] == 1  # only post 3 is an entry of its own


STAMPED = """Title of the page
15 October 2025
14.05 BST
Talks begin
The plenary has begun in Geneva, Reuters reports.
13.10 BST
Delegations arrive
Jane Roe
The delegations have arrived in Geneva, AFP says.
"""


def stamped_gold():
    raw = {"blog": {"posts": 2}, "parties": [], "people": [], "outlets": [], "post": [
        {"n": 1, "starts": "The delegations have arrived in Geneva"},
        {"n": 2, "starts": "The plenary has begun in Geneva"},
    ]}
    return score.gold_from_dict(raw, path=Path("s/gold.toml"))


def test_stamp_headline_and_byline_lines_belong_to_the_post_below_them():
    # A tool that keeps them as text and puts post 2's stamp and headline in post 1's entry.
    data = {"entries": [
        {"seq": 1, "text": "13.10 BST\nDelegations arrive\nJane Roe\n"
                           "The delegations have arrived in Geneva, AFP says.\n14.05 BST\nTalks begin"},
        {"seq": 2, "text": "The plenary has begun in Geneva, Reuters reports."},
    ]}
    al = score.align(stamped_gold(), data, STAMPED)
    assert al.post_of == [1, 1, 1, 1, 2, 2, 2]
    assert al.is_header == [True, True, True, False, True, True, False]
    result = score.score_export(stamped_gold(), data, blog_text=STAMPED).as_dict()
    assert result["segmentation"]["tp"] == 2
    assert result["segmentation"]["exact_posts"] == 2


SIGNED = """Live
14.05 BST
The plenary has begun in Geneva, Reuters reports.

— The Ledger

13.10 BST
The delegations have arrived in Geneva, AFP says.

— The Ledger
"""


def test_an_entry_opening_with_its_own_closing_sign_off_begins_its_post():
    # posts without headlines, each signed off by the same line; the export keeps the sign-off as
    # the entry's byline (so it comes first in the entry), not as text of the post above
    gold = score.gold_from_dict({"blog": {"posts": 2}, "parties": [], "people": [], "outlets": [], "post": [
        {"n": 1, "starts": "The delegations have arrived in Geneva"},
        {"n": 2, "starts": "The plenary has begun in Geneva"}]}, path=Path("s/gold.toml"))
    data = {"entries": [
        {"seq": 1, "byline": "The Ledger", "text": "The delegations have arrived in Geneva, AFP says."},
        {"seq": 2, "byline": "The Ledger", "text": "The plenary has begun in Geneva, Reuters reports."},
    ]}
    result = score.score_export(gold, data, blog_text=SIGNED).as_dict()
    assert (result["segmentation"]["tp"], result["segmentation"]["fp"], result["segmentation"]["fn"]) == (2, 0, 0)


HEADED = """Live

Talks open
By Staff
7:02 am
The delegations have arrived in Geneva, AFP says.

Plenary begins
By Agencies
9:05 am
The plenary has begun in Geneva, Reuters reports.
"""


def test_a_headline_and_byline_printed_above_the_stamp_begin_the_post_below():
    gold = score.gold_from_dict({"blog": {"posts": 2}, "parties": [], "people": [], "outlets": [], "post": [
        {"n": 1, "starts": "The delegations have arrived in Geneva"},
        {"n": 2, "starts": "The plenary has begun in Geneva"}]}, path=Path("s/gold.toml"))
    data = {"entries": [
        {"seq": 1, "headline": "Talks open", "byline": "By Staff", "text": "The delegations have arrived in Geneva, AFP says."},
        {"seq": 2, "headline": "Plenary begins", "byline": "By Agencies", "text": "The plenary has begun in Geneva, Reuters reports."},
    ]}
    result = score.score_export(gold, data, blog_text=HEADED).as_dict()
    assert (result["segmentation"]["tp"], result["segmentation"]["fp"], result["segmentation"]["fn"]) == (2, 0, 0)


def test_an_entry_that_begins_at_a_posts_stamp_line_begins_that_post():
    data = {"entries": [
        {"seq": 1, "text": "The delegations have arrived in Geneva, AFP says."},
        {"seq": 2, "text": "14.05 BST\nTalks begin\nThe plenary has begun in Geneva, Reuters reports."},
    ]}
    seg = score.score_export(stamped_gold(), data, blog_text=STAMPED).as_dict()["segmentation"]
    assert (seg["tp"], seg["fp"], seg["fn"]) == (2, 0, 0)


# ---------------------------------------------------------------- times and places

def test_when_is_compared_at_the_precision_the_text_supports():
    london = score.parse_zone("Europe/London")
    assert score.when_matches("2025-10-14T09:00", "minute", "2025-10-14T10:00:00+02:00", london)
    assert not score.when_matches("2025-10-14T09:00", "minute", "2025-10-14T10:00", london)
    assert score.when_matches("2025-10-14T15:00", "part", "2025-10-14T17:30", None)
    assert not score.when_matches("2025-10-14T15:00", "part", "2025-10-14T19:00", None)
    assert score.when_matches("2025-10-14", "day", "2025-10-14T23:00", None)
    assert not score.when_matches("2025-10-14", "day", "2025-10-15", None)
    assert not score.when_matches("2025-10-14", "day", None, None)
    assert score.parse_zone("+03:00").utcoffset(None).total_seconds() == 3 * 3600


def test_a_place_matches_when_one_name_holds_the_other():
    assert score.place_matches("Istanbul", "Dolmabahce Palace, Istanbul")
    assert score.place_matches("Yalıköy", "yalikoy")
    assert not score.place_matches("Geneva", "Sufa")


# ---------------------------------------------------------------- the command line

FAKE_TOOL = """import json, sys
args = sys.argv[1:]
if "--no-knowledge" in args:
    print("usage: liveblog-tui export [-h] file", file=sys.stderr)
    print("liveblog-tui export: error: unrecognized arguments: --no-knowledge", file=sys.stderr)
    sys.exit(2)
print(json.dumps(EXPORT))
"""


@pytest.fixture
def cli(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "blog.txt").write_text(BLOG, encoding="utf-8")
    lines = ['[blog]\nstyle = "plain"\ndomain = "test"\nposts = 3\n']
    for post in GOLD["post"]:
        lines.append(f'[[post]]\nn = {post["n"]}\nstarts = "{post["starts"]}"\n'
                     f'parties = {json.dumps(post["parties"])}\n')
    lines.append('[[parties]]\nname = "Kestria"\naliases = ["Kestrian"]\nnegotiating = true\n')
    lines.append('[[parties]]\nname = "Ardovia"\naliases = ["Ardovian"]\nnegotiating = true\n')
    (folder / "gold.toml").write_text("\n".join(lines), encoding="utf-8")
    fake = tmp_path / "fake_tool.py"
    fake.write_text(f"EXPORT = {json.dumps(export())!r}\nEXPORT = __import__('json').loads(EXPORT)\n"
                    + FAKE_TOOL, encoding="utf-8")
    return ["--tool", f"{sys.executable} {fake}", str(folder / "gold.toml"), "--blog", "tiny"]


def test_the_command_reports_a_failed_export_in_one_line_and_goes_on(cli, capsys):
    assert score.main([*cli, "--", "--no-knowledge"]) == 0
    out = capsys.readouterr().out
    assert "tiny [--no-knowledge]: export failed: liveblog-tui export: error: unrecognized " \
           "arguments: --no-knowledge" in out


def test_the_command_prints_json_results(cli, capsys):
    assert score.main([*cli, "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [r["blog"] for r in results] == ["tiny"]
    assert results[0]["categories"]["parties"]["recall"] == 1.0
    assert results[0]["categories"]["status"]["fp"] == 2  # nothing annotated, two predicted


def test_compare_prints_one_row_per_configuration(cli, capsys):
    assert score.main([*cli, "--compare"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(r.startswith("tiny") and "default" in r and "1.00/1.00" in r for r in rows)
    assert any("no-knowledge" in r and "failed: " in r for r in rows)
    assert any("ner-spacy" in r and "skipped: " in r for r in rows)


def test_an_unknown_blog_name_is_a_usage_error(cli, capsys):
    assert score.main([*cli[:-1], "no-such-blog"]) == 2
    assert "no gold to score" in capsys.readouterr().err


# ---------------------------------------------------------------- headlines, bylines, pages

# Headline style with a blank line between every line, newest first: the gold `starts`
# is each post's first body paragraph, the export keeps headline and byline apart.
HEADLINED = """Talks in Geneva: live

15 November 2025

09:10

Delegations arrive

By Jane Roe

The delegations have arrived in Geneva, AFP says.

08:05

Talks begin

The plenary has begun in Geneva, Reuters reports.

It will last all day.
"""


def headlined_export() -> dict:
    return {"entries": [
        {"seq": 1, "headline": "Talks begin", "byline": "",
         "text": "The plenary has begun in Geneva, Reuters reports.\nIt will last all day.",
         "source_lines": [7, 11]},
        {"seq": 2, "headline": "Delegations arrive", "byline": "By Jane Roe",
         "text": "The delegations have arrived in Geneva, AFP says.", "source_lines": [15, 19]},
    ]}


def test_an_entry_opening_with_its_headline_and_byline_begins_its_post_in_a_spaced_blog():
    seg = score.score_export(stamped_gold(), headlined_export(),
                             blog_text=HEADLINED).as_dict()["segmentation"]
    assert (seg["tp"], seg["fp"], seg["fn"]) == (2, 0, 0)
    assert seg["exact_posts"] == 2


def test_a_headline_is_not_taken_for_a_post_start():
    # An entry whose headline, not its body, opens with a gold `starts` still begins
    # the post only through its body paragraph.
    data = headlined_export()
    data["entries"][1]["headline"] = "The delegations have arrived in Geneva"
    al = score.align(stamped_gold(), data, HEADLINED)
    assert al.paras[al.start_index[1]] == "The delegations have arrived in Geneva, AFP says."


# A saved page: the export's source lines point into HTML, whose lines hold JSON-LD.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Talks in Geneva: live</title>
<script type="application/ld+json">
{"@type": "LiveBlogPosting", "liveBlogUpdate": [
 {"@type": "BlogPosting",
  "headline": "Delegations arrive at the palace",
  "datePublished": "2025-11-15T09:10:00+01:00",
  "articleBody": "The delegations have arrived in Geneva, AFP says."},
 {"@type": "BlogPosting",
  "headline": "Talks begin at the palace",
  "datePublished": "2025-11-15T08:05:00+01:00",
  "articleBody": "The plenary has begun in Geneva, Reuters reports."}
]}
</script></head>
<body><h1>Talks in Geneva: live</h1></body></html>
"""


def test_an_entry_opening_with_its_headline_begins_its_post_in_a_saved_page():
    data = {"entries": [
        {"seq": 1, "headline": "Talks begin at the palace", "byline": "",
         "text": "The plenary has begun in Geneva, Reuters reports.", "source_lines": [10, 12]},
        {"seq": 2, "headline": "Delegations arrive at the palace", "byline": "",
         "text": "The delegations have arrived in Geneva, AFP says.", "source_lines": [6, 8]},
    ]}
    seg = score.score_export(stamped_gold(), data, blog_text=PAGE).as_dict()["segmentation"]
    assert (seg["tp"], seg["fp"], seg["fn"]) == (2, 0, 0)
    assert seg["exact_posts"] == 2


def test_a_saved_page_is_aligned_in_export_order_not_by_its_lines():
    # Post 2's second paragraph also sits in post 1's JSON-LD line; the page's lines must
    # not move it there.
    page = PAGE.replace('AFP says."}', 'AFP says. It will last all day."}')
    data = {"entries": [
        {"seq": 1, "headline": "Talks begin at the palace",
         "text": "The plenary has begun in Geneva, Reuters reports.\nIt will last all day."},
        {"seq": 2, "headline": "Delegations arrive at the palace",
         "text": "The delegations have arrived in Geneva, AFP says."},
    ]}
    al = score.align(stamped_gold(), data, page)
    assert al.post_of == [2, 2, 2, 1, 1]
    assert al.is_header == [True, False, False, True, False]


def test_unstamped_copy_keeps_the_posts_and_drops_the_stamps(tmp_path) -> None:
    folder = tmp_path / "stamped"
    folder.mkdir()
    (folder / "blog.txt").write_text(
        "18 August 2026\n14:05\nKestria has sent its team.\n\n1430 GMT — Ardovia has landed.\nMore text.\n",
        encoding="utf-8")
    (folder / "blog.toml").write_text('timezone = "UTC"\n', encoding="utf-8")
    gold = score.gold_from_dict(GOLD, path=folder / "gold.toml", blog=folder / "blog.txt", name="s")
    copy = score.unstamped_copy(gold, tmp_path / "out")
    assert copy is not None and copy.name == "s (stamps removed)"
    assert copy.blog.read_text(encoding="utf-8").splitlines() == [
        "18 August 2026", "Kestria has sent its team.", "Ardovia has landed.", "More text."]
    assert (copy.blog.parent / "blog.toml").is_file()
    assert copy.posts == gold.posts


def test_unstamped_copy_skips_a_blog_without_stamps(tmp_path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "blog.txt").write_text(BLOG, encoding="utf-8")
    gold = score.gold_from_dict(GOLD, path=folder / "gold.toml", blog=folder / "blog.txt", name="p")
    assert score.unstamped_copy(gold, tmp_path / "out") is None
