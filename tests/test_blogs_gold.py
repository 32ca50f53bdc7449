"""Every hand annotation under tests/blogs/ is well formed and agrees with its blog.

These checks catch annotation slips (a typo in a name, a `starts` that is not in the
text, a word outside the vocabulary) before they silently lower or raise a score.
The format is tests/blogs/README.md.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

BLOGS = Path(__file__).resolve().parent / "blogs"
GOLDS = sorted(BLOGS.glob("*/gold.toml"))

STATUS = {"announced", "will_attend", "will_not_attend", "undecided", "travelling", "arrived",
          "located", "waiting", "meeting", "walked_out", "returned", "concluded", "left"}
KINDS = {"proposed", "planned", "confirmed", "rescheduled", "postponed", "delayed", "cancelled",
         "denied", "started", "suspended", "resumed", "concluded"}
BASIS = {"present", "announced", "absent"}
PRECISION = {"minute", "part", "day", "none"}
PLACE_KINDS = {"venue", "city", "country", "region"}
MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _blog_file(path: Path, gold: dict) -> Path:
    ref = gold.get("blog", {}).get("blog")
    if ref:
        return (path.parent / ref).resolve()
    return next(path.parent / n for n in ("blog.txt", "blog.html", "blog.htm")
                if (path.parent / n).exists())


def test_there_are_test_blogs():
    assert len(GOLDS) >= 2


def _readable(blog: Path, posts_xpath: str = "//article") -> str:
    """The text a reader sees: a saved page's post blocks (entities decoded; `posts_xpath`
    from the gold's [blog] table, <article> by default), else the file."""
    raw = blog.read_text(encoding="utf-8")
    if blog.suffix not in (".html", ".htm"):
        return raw
    import lxml.html

    root = lxml.html.fromstring(raw)
    return "\n".join(a.text_content() for a in root.xpath(posts_xpath))


@pytest.fixture(params=GOLDS, ids=[p.parent.name for p in GOLDS])
def case(request):
    path = request.param
    gold = _load(path)
    blog = _blog_file(path, gold)
    return path, gold, _nfc(_readable(blog, gold["blog"].get("posts_xpath", "//article")))


def test_blog_table_and_readme(case):
    path, gold, _ = case
    info = gold["blog"]
    assert isinstance(info["style"], str) and info["style"]
    assert isinstance(info["domain"], str) and info["domain"]
    assert isinstance(info["posts"], int)
    if "blog" not in info:  # a blog of its own lives with its description
        assert (path.parent / "README.md").is_file()


def test_posts_are_numbered_oldest_first_and_counted(case):
    _, gold, _ = case
    posts = gold["post"]
    assert [p["n"] for p in posts] == list(range(1, len(posts) + 1))
    assert len(posts) == gold["blog"]["posts"]


def test_starts_occur_once_each_in_publication_order(case):
    _, gold, text = case
    where = []
    for p in gold["post"]:
        start = _nfc(p["starts"])
        # 20-60 characters, longer only where two posts open alike (the blog's README says so)
        assert 20 <= len(start) <= 120, f"post {p['n']}: starts should be 20-60 characters"
        assert " ".join(text.split()).count(" ".join(start.split())) == 1, f"post {p['n']}: {start!r} is not in the blog once"
        if p["n"] not in gold["blog"].get("pinned", []):
            where.append(" ".join(text.split()).index(" ".join(start.split())))
    # Oldest first in the gold: the file reads the same way (oldest-first blogs) or the
    # reverse way (newest-first blogs), never a mix; a pinned post is out of the page's order.
    assert where == sorted(where) or where == sorted(where, reverse=True)


def test_names_are_declared_and_unique(case):
    _, gold, _ = case
    for section in ("people", "parties", "outlets"):
        names = [x["name"] for x in gold.get(section, [])]
        assert len(names) == len(set(names)), f"duplicate {section}"
    forms: dict[str, str] = {}
    for person in gold.get("people", []):
        for form in [person["name"], *person["aliases"]]:
            assert forms.setdefault(form.casefold(), person["name"]) == person["name"], (
                f"{form!r} names two people")
    parties = {x["name"] for x in gold.get("parties", [])}
    for person in gold.get("people", []):
        assert person["side"] in parties | {""}, person["name"]
        assert person["delegation"] in parties | {""}, person["name"]
        assert isinstance(person["role"], str)
    for party in gold.get("parties", []):
        assert isinstance(party["negotiating"], bool)
    for place in gold.get("places", []):
        assert place["kind"] in PLACE_KINDS


def test_aliases_are_spellings_the_text_uses(case):
    _, gold, text = case
    low = " ".join(text.casefold().replace("'", "’").split()) + " " + " ".join(text.casefold().split())
    for section in ("people", "parties", "outlets"):
        for item in gold.get(section, []):
            for alias in item["aliases"]:
                form = " ".join(_nfc(alias).casefold().split())
                assert form in low or form.replace("’", "'") in low, f"{section}: {alias!r} is not in the blog"


def test_posts_name_only_declared_entities(case):
    _, gold, _ = case
    people = {x["name"] for x in gold.get("people", [])}
    parties = {x["name"] for x in gold.get("parties", [])}
    outlets = {x["name"] for x in gold.get("outlets", [])}
    for p in gold["post"]:
        n = p["n"]
        assert set(p["people"]) <= people, f"post {n}: {set(p['people']) - people}"
        assert set(p["parties"]) <= parties, f"post {n}: {set(p['parties']) - parties}"
        assert set(p["outlets"]) <= outlets, f"post {n}: {set(p['outlets']) - outlets}"
        assert len(set(p["people"])) == len(p["people"]), f"post {n}: a person listed twice"
        for s in p["status"]:
            assert s["party"] in parties, f"post {n}: {s['party']}"
        for fact in p["schedule"] + p["attendance"]:
            assert fact["meeting"], f"post {n}: empty meeting"
            assert set(fact["meeting"]) <= parties | people, f"post {n}: {fact['meeting']}"
        for a in p["attendance"]:
            assert a["person"] in people, f"post {n}: {a['person']}"


def test_facts_use_only_the_vocabulary(case):
    _, gold, _ = case
    for p in gold["post"]:
        n = p["n"]
        for s in p["status"]:
            assert set(s) <= {"party", "status", "where", "from"}, f"post {n}: {s}"
            assert s["status"] in STATUS, f"post {n}: {s['status']}"
            assert "from" not in s or s["status"] == "left", f"post {n}: from only with left"
        for s in p["schedule"]:
            assert set(s) <= {"meeting", "kind", "when", "precision", "date"}, f"post {n}: {s}"
            assert s["kind"] in KINDS, f"post {n}: {s['kind']}"
            precision = s.get("precision", "none")
            assert precision in PRECISION, f"post {n}: {precision}"
            when = s.get("when")
            if precision == "minute":
                assert when and MINUTE.match(when), f"post {n}: minute needs YYYY-MM-DDTHH:MM"
            elif precision == "day":
                assert when and DAY.match(when), f"post {n}: day needs YYYY-MM-DD"
            elif precision == "none":
                assert when is None, f"post {n}: no precision, no when"
            else:
                assert when and (MINUTE.match(when) or DAY.match(when)), f"post {n}: {when}"
        for a in p["attendance"]:
            assert set(a) <= {"meeting", "person", "basis", "date"}, f"post {n}: {a}"
            assert a["basis"] in BASIS, f"post {n}: {a['basis']}"
        for fact in p["schedule"] + p["attendance"]:
            assert "date" not in fact or DAY.match(fact["date"]), f"post {n}: {fact['date']}"
