#!/usr/bin/env python3
"""Score liveblog-tui's discovery and extraction per post against hand annotations.

Usage (from the repository root):

    python benchmarks/score.py                       # every tests/blogs/*/gold.toml
    python benchmarks/score.py --blog summit_stamped --verbose
    python benchmarks/score.py path/to/gold.toml     # one more gold (file or its folder)
    python benchmarks/score.py -- --no-knowledge     # arguments after -- go to `export`
    python benchmarks/score.py --compare             # default / --no-knowledge / --ner spacy
    python benchmarks/score.py --json                # machine-readable results

It runs the real console script, `liveblog-tui export BLOG --format json [EXTRA]`, in a
subprocess, and compares its output with the gold annotation (format:
tests/blogs/README.md) post by post:

- Alignment. The exported entries' headlines, bylines and texts, in seq order, form one
  list of paragraphs (oldest first). Gold post k is the paragraphs from the body
  paragraph that starts with its `starts` up to the next gold start, plus the
  stamp/headline/byline lines that the blog file puts right above its first body
  paragraph (and one or two short lines right above such a stamp, a blank line
  above them: a headline and byline printed above the time), blank lines between them skipped (so a tool that keeps them as paragraphs
  is not penalised for where it puts them), plus the headline and byline of an entry
  whose text opens with that body paragraph (unless the blog file holds them elsewhere).
  A saved page (a blog file that opens with markup) is not read line by line: its lines
  are HTML, so the export's order alone places the paragraphs. A predicted fact belongs
  to the gold post holding its evidence sentence (else: the post that most of its
  entry's paragraphs belong to); a post's predicted people/outlets/parties are those of
  the exported entry overlapping it most.
- Categories, micro-averaged over a blog's posts: people, outlets and parties named per
  post (sets); status (party, status); schedule (meeting, kind); attendance (meeting,
  person, basis) (multisets). `where`/`from` of matched statuses and `when` of matched
  schedule facts are scored separately, as accuracies.
- Segmentation: a gold post is found when an exported entry begins at its first body
  paragraph or at one of its header lines (its stamp, headline or byline, as above);
  precision is over the exported entries.
- Discovery (blog-wide): the export's people/parties/outlets lists against everyone
  the posts name.

Matching is by name after accent and case folding: a predicted person matches a gold
person by canonical name or alias, or by a surname that exactly one gold person has; a
party by name or alias (a delegation's `party`, else its `name` minus " delegation");
a meeting by the set of its parties/people so mapped (a fact's own `parties`, the
meeting as of the fact's post, before the meeting's). Standard library only.

Exit status: 0 when every gold loaded (failed exports are reported, not fatal), 2 on
bad usage or an unreadable gold.
"""

from __future__ import annotations

import argparse
import atexit
import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent.parent
BLOGS_DIR = ROOT / "tests" / "blogs"
BLOG_NAMES = ("blog.txt", "blog.html", "blog.htm")

ENTITY_CATEGORIES = ("people", "outlets", "parties")
FACT_CATEGORIES = ("status", "schedule", "attendance")
CATEGORIES = ENTITY_CATEGORIES + FACT_CATEGORIES

# Configurations run by --compare: (label, extra export arguments).
COMPARE_CONFIGS = (
    ("default", []),
    ("no-knowledge", ["--no-knowledge"]),
    ("ner-spacy", ["--ner", "spacy"]),
)

# How far from a paragraph's beginning a gold `starts` may sit: room for a stamp that
# opens the paragraph ("0812 GMT — ", "UPDATE 4:50 PM: ") when `starts` leaves it out.
START_SLACK = 40
# A relative time ("in two hours", "later in the day") matches within this window.
PART_WINDOW = timedelta(hours=3)
# A stamped post's header: at most this many short lines between its stamp and its text.
HEADER_MAX_LINES = 4
HEADER_MAX_CHARS = 120
# Shorter paragraphs are matched to blog lines only when equal, never by containment.
MIN_CONTAINED = 12

# A line holding only a time: "14.05 BST", "2.45pm", "09:30", "1849 GMT", "11am".
_STAMP_LINE = re.compile(
    r"^\s*(?:\d{1,2}[.:]\d{2}|\d{4}|\d{1,2})\s*(?:[aApP]\.?[mM]\.?)?"
    r"\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$"
)
# A byline line closing a post, as newspapers sign them: "— Jane Doe", "— Jane Doe and
# Ali Khan, reporting from Geneva". Like a byline above the text, not the post's body.
_SIGN_OFF_LINE = re.compile(r"^[—―–]\s*[A-Z][^.!?]{1,100}$")
# A saved page opens with a tag, a doctype, a comment or an XML declaration; copied
# text does not.
_MARKUP_START = re.compile(r"\A\ufeff?\s*<(?:[!?]|[A-Za-z][\w:-]*[\s>/])")
_CLOCK_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.I)

# Letters that Unicode decomposition leaves alone but that readers treat as plain Latin.
_FOLD_TABLE = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
})
_PARTY_SUFFIXES = (" delegation", " delegations", " side", " team", " negotiators",
                   " government")
_MEETING_SUFFIXES = (" talks", " meeting", " call")


# --------------------------------------------------------------------------- folding

def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name.

    "Dravenia’s" -> "dravenia", "Trần Minh Khoa" -> "tran minh khoa", "İlkay" -> "ilkay".
    """
    s = unicodedata.normalize("NFKD", (text or "").translate(_FOLD_TABLE))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"\s*-\s*", "-", s)
    return " ".join(s.split())


def name_key(text: str) -> str:
    """fold() without a leading "the": "the BBC" and "BBC" are one name."""
    s = fold(text)
    return s[4:] if s.startswith("the ") else s


def norm_text(text: str) -> str:
    """Whitespace-collapsed text, for finding evidence and `starts` in paragraphs."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _strip_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    low = text.lower()
    for suffix in suffixes:
        if low.endswith(suffix):
            return text[: len(text) - len(suffix)]
    return text


# --------------------------------------------------------------------------- gold

class GoldError(Exception):
    """A gold file that cannot be read; the message is one line."""


@dataclass
class GoldPost:
    n: int
    starts: str
    people: list[str]
    outlets: list[str]
    parties: list[str]
    status: list[dict]
    schedule: list[dict]
    attendance: list[dict]


@dataclass
class Gold:
    path: Path
    name: str
    blog: Path
    posts: list[GoldPost]
    people: list[dict]
    parties: list[dict]
    outlets: list[dict]
    info: dict = field(default_factory=dict)


def _list(value) -> list:
    return list(value) if isinstance(value, list) else []


def gold_from_dict(raw: dict, *, path: Path = Path("gold.toml"), blog: Path | None = None,
                   name: str | None = None) -> Gold:
    """A Gold from parsed TOML (also used by tests with inline dicts)."""
    posts = []
    for i, p in enumerate(_list(raw.get("post")), start=1):
        if not isinstance(p, dict):
            continue
        posts.append(GoldPost(
            n=int(p.get("n", i)),
            starts=str(p.get("starts", "")),
            people=[str(x) for x in _list(p.get("people"))],
            outlets=[str(x) for x in _list(p.get("outlets"))],
            parties=[str(x) for x in _list(p.get("parties"))],
            status=[x for x in _list(p.get("status")) if isinstance(x, dict)],
            schedule=[x for x in _list(p.get("schedule")) if isinstance(x, dict)],
            attendance=[x for x in _list(p.get("attendance")) if isinstance(x, dict)],
        ))
    info = raw.get("blog") if isinstance(raw.get("blog"), dict) else {}
    return Gold(
        path=path,
        name=name or path.parent.name,
        blog=blog or path.parent / "blog.txt",
        posts=posts,
        people=[x for x in _list(raw.get("people")) if isinstance(x, dict)],
        parties=[x for x in _list(raw.get("parties")) if isinstance(x, dict)],
        outlets=[x for x in _list(raw.get("outlets")) if isinstance(x, dict)],
        info=info,
    )


def load_gold(path: Path) -> Gold:
    """Read a gold.toml; its blog is [blog].blog (relative to the gold) or blog.txt/.html."""
    path = Path(path)
    if path.is_dir():
        path = path / "gold.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise GoldError(f"{path}: {err}") from None
    info = raw.get("blog") if isinstance(raw.get("blog"), dict) else {}
    if isinstance(info.get("blog"), str):
        blog = (path.parent / info["blog"]).resolve()
    else:
        blog = next((path.parent / n for n in BLOG_NAMES if (path.parent / n).exists()),
                    path.parent / BLOG_NAMES[0])
    if not blog.is_file():
        raise GoldError(f"{path}: blog file {blog} not found")
    return gold_from_dict(raw, path=path, blog=blog)


def blog_zone(blog: Path) -> tzinfo | None:
    """The `timezone` of the blog's description (FILE-stem.toml next to it), if any."""
    meta = blog.with_name(blog.stem + ".toml")
    try:
        raw = tomllib.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return parse_zone(raw.get("timezone"))


def parse_zone(name) -> tzinfo | None:
    if not isinstance(name, str) or not name.strip():
        return None
    key = name.strip()
    if key.upper() in ("UTC", "GMT", "Z"):
        return timezone.utc
    m = _CLOCK_OFFSET.match(key)
    if m:
        delta = timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
        return timezone(-delta if m[1] == "-" else delta)
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _find_line(lines: list[str], start: str) -> int | None:
    s = norm_text(start)
    return next((i for i, line in enumerate(lines) if s and s in line), None)


def looks_like_html(text: str | None) -> bool:
    """Does a blog file hold markup (a saved page) rather than the text a reader copied?"""
    return bool(text) and bool(_MARKUP_START.match(text[:1000]))


def file_blocks(gold: Gold, blog_text: str
                ) -> tuple[list[str], list[int | None], list[bool], dict[int, set[int]]]:
    """The blog file's lines, the gold post each belongs to, which are header lines, and
    the lines right above each post's first body paragraph.

    Gold post k owns the lines from its first body paragraph (its `starts`) up to the next
    post's lines, plus the lines that a stamped blog puts between a line holding only a
    time and that paragraph (stamp / headline / byline). Blank lines between them are
    skipped: some pages put one between every line. Lines before every post (title,
    summary) belong to none. Works in either order (newest- or oldest-first).

    The last value maps post k to the short lines just above its first body paragraph
    (at most HEADER_MAX_LINES, up to a stamp line), stamped or not: where a headline or
    byline the export names for that post may sit.
    """
    lines = [norm_text(x) for x in blog_text.splitlines()]
    at = {p.n: _find_line(lines, p.starts) for p in gold.posts}
    start_lines = {i for i in at.values() if i is not None}
    begin: dict[int, int] = {}
    above: dict[int, set[int]] = {}
    for n, i in at.items():
        if i is None:
            continue
        begin[n] = i
        above[n] = set()
        j = i - 1
        while j >= 0 and len(above[n]) < HEADER_MAX_LINES:
            line = lines[j]
            if not line:
                j -= 1
                continue
            if len(line) > HEADER_MAX_CHARS or j in start_lines:
                break
            above[n].add(j)
            if _STAMP_LINE.match(line):
                begin[n] = j
                # a headline and/or byline printed above the stamp ("Talks open" / "By Staff" / "7:02 am"):
                # one or two short lines right above it, a blank line above them
                run = []
                k = j - 1
                while k >= 0 and lines[k] and len(run) < 2 and len(lines[k]) <= HEADER_MAX_CHARS \
                        and k not in start_lines and not _STAMP_LINE.match(lines[k]) \
                        and (not lines[k].endswith(".") or lines[k].startswith("By ")):  # (not "More soon.")
                    run.append(k)
                    k -= 1
                if run and (k < 0 or not lines[k]):
                    above[n].update(run)
                    begin[n] = run[-1]
                break
            j -= 1
    owner: list[int | None] = [None] * len(lines)
    header = [False] * len(lines)
    order = sorted(begin, key=begin.get)
    for k, n in enumerate(order):
        stop = begin[order[k + 1]] if k + 1 < len(order) else len(lines)
        for j in range(begin[n], stop):
            owner[j] = n
            header[j] = j < at[n]
        last = next((j for j in range(stop - 1, at[n], -1) if lines[j]), None)
        if last is not None and _SIGN_OFF_LINE.match(lines[last]):
            header[last] = True  # "— Jane Doe" closing the post: its byline
    return lines, owner, header, above


# --------------------------------------------------------------------------- names

class Names:
    """Maps predicted names to gold canonical people, parties and outlets."""

    def __init__(self, gold: Gold):
        self.person_forms: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        for p in gold.people:
            name = str(p.get("name", ""))
            for form in [name, *map(str, _list(p.get("aliases")))]:
                key = name_key(form)
                if key:
                    self.person_forms[key].add(name)
                    self.surnames[key.split()[-1]].add(name)
        self.party_forms = self._forms(gold.parties)
        self.outlet_forms = self._forms(gold.outlets)

    @staticmethod
    def _forms(items: list[dict]) -> dict[str, set[str]]:
        forms: dict[str, set[str]] = defaultdict(set)
        for item in items:
            name = str(item.get("name", ""))
            for form in [name, *map(str, _list(item.get("aliases")))]:
                if name_key(form):
                    forms[name_key(form)].add(name)
        for item in items:  # "United Nations" in one annotation is "UN" in another: initials find either
            name = str(item.get("name", ""))
            short = name_key(_initials(name))
            if short and short not in forms:
                forms[short].add(name)
        return forms

    @staticmethod
    def _one(found: set[str] | None) -> str | None:
        return next(iter(found)) if found and len(found) == 1 else None

    def person(self, name: str) -> str | None:
        key = name_key(name)
        if not key:
            return None
        hit = self._one(self.person_forms.get(key))
        if hit:
            return hit
        return self._one(self.surnames.get(key.split()[-1]))

    def party(self, name: str) -> str | None:
        key = name_key(_strip_suffix((name or "").strip(), _PARTY_SUFFIXES))
        return (self._one(self.party_forms.get(key)) or self._one(self.party_forms.get(name_key(name)))
                or self._one(self.party_forms.get(name_key(_initials(name)))))

    def outlet(self, name: str) -> str | None:
        return self._one(self.outlet_forms.get(name_key(name)))

    def member(self, name: str) -> str:
        """A meeting member: a gold party, else a gold person, else the name marked unknown."""
        return self.party(name) or self.person(name) or unknown(name)


def _initials(name: str) -> str:
    """"UN" for "United Nations", "" for a one-word name (never matched by its own first letter)."""
    words = [w for w in re.split(r"[\s-]+", name or "") if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def unknown(name) -> str:
    """A predicted name no gold name matches: kept, marked, so it counts as a false positive."""
    return f"?{name}"


def label(item) -> str:
    """A name given as a string or as an object with a `name`."""
    return str(item.get("name", "")) if isinstance(item, dict) else str(item)


# --------------------------------------------------------------------------- export access

def meeting_members(meeting: dict) -> list[str]:
    """A predicted meeting's parties/people, with the contract's fallback on its name."""
    parties = meeting.get("parties")
    if isinstance(parties, list) and parties:
        return [label(p) for p in parties]
    name = _strip_suffix(str(meeting.get("name") or ""), _MEETING_SUFFIXES).strip()
    parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", name) if p.strip()]
    return parts or ([str(meeting.get("id"))] if meeting.get("id") else [])


def delegation_party(d: dict) -> str:
    party = d.get("party")
    if isinstance(party, str) and party:
        return party
    name = str(d.get("name") or d.get("id") or "")
    return _strip_suffix(name, (" delegation",)).strip()


def _entries(export: dict) -> list[dict]:
    entries = [e for e in export.get("entries") or [] if isinstance(e, dict)]
    return sorted(entries, key=lambda e: (e.get("seq") if isinstance(e.get("seq"), int) else 0))


# --------------------------------------------------------------------------- alignment

@dataclass
class Alignment:
    paras: list[str]                 # paragraphs, oldest first
    para_entry: list[int]            # index into entries per paragraph
    post_of: list[int | None]        # gold post n per paragraph (None: outside every post)
    is_header: list[bool]            # a stamp/headline/byline line of its post
    entry_first: list[int]           # first paragraph of each entry (-1 when empty)
    entry_seq: list                  # seq of each entry
    start_index: dict[int, int]      # gold n -> paragraph where its first body paragraph is
    begins: dict[int, set[int]]      # gold n -> paragraphs where an entry may begin it
    entry_for_post: dict[int, int | None]

    def entry_of_seq(self, seq) -> int | None:
        for i, s in enumerate(self.entry_seq):
            if s == seq:
                return i
        return None

    def post_of_entry(self, entry: int | None) -> int | None:
        if entry is None:
            return None
        votes = Counter(self.post_of[i] for i, e in enumerate(self.para_entry)
                        if e == entry and self.post_of[i] is not None)
        return votes.most_common(1)[0][0] if votes else None

    def locate(self, evidence, seq) -> int | None:
        """The gold post holding a predicted fact: by its evidence, else by its entry."""
        entry = self.entry_of_seq(seq)
        ev = norm_text(str(evidence or "").split("\n")[0])
        if ev:
            hits = [i for i, p in enumerate(self.paras) if ev in p]
            if not hits:
                fev = fold(ev)
                hits = [i for i, p in enumerate(self.paras) if fev and fev in fold(p)]
            if hits:
                own = [i for i in hits if self.para_entry[i] == entry]
                return self.post_of[(own or hits)[0]]
        return self.post_of_entry(entry)


def align(gold: Gold, export: dict, blog_text: str | None = None) -> Alignment:
    """Place the export's paragraphs in gold posts (see the module docstring).

    `blog_text` is the blog file; a saved page (markup) is not read: its lines are HTML,
    so the export's order alone places the paragraphs.
    """
    entries = _entries(export)
    paras: list[str] = []
    para_entry: list[int] = []
    is_body: list[bool] = []         # a paragraph of an entry's text, not its headline/byline
    entry_first: list[int] = []
    for ei, e in enumerate(entries):
        first = len(paras)
        lines = [(e[k], False) for k in ("headline", "byline")
                 if isinstance(e.get(k), str) and e[k].strip()]
        lines.extend((line, True) for line in str(e.get("text") or "").split("\n"))
        for line, body in lines:
            if norm_text(line):
                paras.append(norm_text(line))
                para_entry.append(ei)
                is_body.append(body)
        entry_first.append(first if len(paras) > first else -1)

    # Each gold start: the first unused paragraph that begins with it (or holds it just
    # after an opening stamp); a body paragraph before a headline or byline that does.
    start_index: dict[int, int] = {}
    used: set[int] = set()
    for post in gold.posts:
        s = norm_text(post.starts)
        if not s:
            continue
        free = [i for i in range(len(paras)) if i not in used]
        pick = None
        for pool in ([i for i in free if is_body[i]], free):
            exact = [i for i in pool if paras[i].startswith(s)]
            near = [i for i in pool if s in paras[i][: len(s) + START_SLACK]]
            pick = (exact or near or [None])[0]
            if pick is not None:
                break
        if pick is not None:
            start_index[post.n] = pick
            used.add(pick)

    # By position: from a start up to the next one, in the export's order.
    start_at = {i: n for n, i in start_index.items()}
    positional: list[int | None] = []
    current = None
    for i in range(len(paras)):
        current = start_at.get(i, current)
        positional.append(current)

    # By the blog file: the post whose lines hold the paragraph (robust to a tool that
    # moves paragraphs or keeps stamp/headline lines as text); position breaks ties.
    post_of = list(positional)
    is_header = [False] * len(paras)
    closing = [False] * len(paras)  # a byline line closing its post: not where an entry begins it
    in_file: list[list[int]] = [[] for _ in paras]
    above: dict[int, set[int]] = {}
    if blog_text and not looks_like_html(blog_text):
        lines, owner, header, above = file_blocks(gold, blog_text)
        by_text: dict[str, list[int]] = defaultdict(list)
        for j, line in enumerate(lines):
            if line:
                by_text[line].append(j)
                if _SIGN_OFF_LINE.match(line):  # a closing byline, exported without its dash
                    by_text[line[1:].strip()].append(j)

        def held(p: str, owned: bool) -> list[int]:
            """The file lines equal to a paragraph, else those holding it or held by it."""
            equal = [j for j in by_text.get(p, []) if owner[j] is not None or not owned]
            return equal or [
                j for j, line in enumerate(lines)
                if (owner[j] is not None or not owned)
                and min(len(p), len(line)) >= MIN_CONTAINED and (p in line or line in p)]

        for i, p in enumerate(paras):
            if not is_body[i]:
                in_file[i] = held(p, owned=False)
            cands = held(p, owned=True)
            if not cands:
                continue
            pick = next((j for j in cands if owner[j] == positional[i]), cands[0])
            post_of[i] = owner[pick]
            is_header[i] = header[pick] and i not in start_at
            closing[i] = _SIGN_OFF_LINE.match(lines[pick]) is not None
    for i, n in start_at.items():
        post_of[i] = n

    # An entry that opens with its headline/byline and then a post's first body paragraph
    # begins that post there: those lines are the post's header, unless the blog file
    # holds them elsewhere than just above that paragraph.
    for i in range(len(paras)):
        if is_body[i]:
            continue
        j = i + 1
        while j < len(paras) and para_entry[j] == para_entry[i] and not is_body[j]:
            j += 1
        n = start_at.get(j) if j < len(paras) and para_entry[j] == para_entry[i] else None
        if n is None:
            continue
        if in_file[i] and not above.get(n, set()) & set(in_file[i]):
            continue
        post_of[i] = n
        is_header[i] = True

    begins: dict[int, set[int]] = {n: {i} for n, i in start_index.items()}
    for i, n in enumerate(post_of):
        if n is not None and is_header[i] and not closing[i]:
            begins.setdefault(n, set()).add(i)

    entry_for_post: dict[int, int | None] = {}
    for post in gold.posts:
        # The entry holding most of the post's text; its stamp/headline lines only count
        # when the export has none of its body.
        votes = Counter(para_entry[i] for i in range(len(paras))
                        if post_of[i] == post.n and not is_header[i])
        votes = votes or Counter(para_entry[i] for i in range(len(paras)) if post_of[i] == post.n)
        if not votes:
            entry_for_post[post.n] = None
            continue
        best = max(votes.values())
        tied = [e for e, c in votes.items() if c == best]
        own = para_entry[start_index[post.n]] if post.n in start_index else None
        entry_for_post[post.n] = own if own in tied else min(tied)
    # An entry that opens with the sign-off closing its own text ("— The Press", exported as its
    # byline) begins where its text does, not at the sign-off line below the post before
    for ei, first in enumerate(entry_first):
        i = first
        while 0 <= i < len(paras) - 1 and closing[i] and para_entry[i + 1] == ei:
            i += 1
        entry_first[ei] = i
    return Alignment(paras, para_entry, post_of, is_header, entry_first,
                     [e.get("seq") for e in entries], start_index, begins, entry_for_post)


# --------------------------------------------------------------------------- facts

@dataclass
class Fact:
    category: str
    key: tuple
    post: int | None
    evidence: str = ""
    where: str | None = None
    origin: str | None = None
    when: str | None = None
    precision: str | None = None


def _members_key(members) -> frozenset:
    return frozenset(str(m) for m in members)


def gold_facts(post: GoldPost) -> list[Fact]:
    facts = []
    for s in post.status:
        facts.append(Fact("status", (str(s.get("party", "")), str(s.get("status", ""))), post.n,
                          where=s.get("where"), origin=s.get("from")))
    for s in post.schedule:
        facts.append(Fact("schedule", (_members_key(_list(s.get("meeting"))), str(s.get("kind", ""))),
                          post.n, when=s.get("when"), precision=s.get("precision")))
    for a in post.attendance:
        facts.append(Fact("attendance", (_members_key(_list(a.get("meeting"))), str(a.get("person", "")),
                                         str(a.get("basis", ""))), post.n))
    return facts


def predicted_facts(export: dict, names: Names, al: Alignment) -> list[Fact]:
    """Status, schedule and attendance facts of an export, each placed in a gold post."""
    facts: list[Fact] = []
    for d in export.get("delegations") or []:
        if not isinstance(d, dict):
            continue
        raw_party = delegation_party(d)
        party = names.party(raw_party) or unknown(raw_party)
        for s in d.get("status") or []:
            if not isinstance(s, dict):
                continue
            facts.append(Fact("status", (party, str(s.get("status", ""))),
                              al.locate(s.get("evidence"), s.get("seq")),
                              evidence=str(s.get("evidence") or ""),
                              where=s.get("where"), origin=s.get("from")))
    meetings = {m.get("id"): m for m in export.get("meetings") or [] if isinstance(m, dict)}

    def members_of(meeting: dict | None, fallback, own=None) -> frozenset:
        # A fact's own "parties" (its meeting as of the fact's post) win over the meeting's
        # parties as of its last post: a party that joined later is not in an earlier fact.
        if isinstance(own, list) and own:
            raw = [label(p) for p in own]
        else:
            raw = meeting_members(meeting) if meeting else ([str(fallback)] if fallback else [])
        return _members_key(names.member(m) for m in raw)

    for s in export.get("schedule") or []:
        if not isinstance(s, dict):
            continue
        key = (members_of(meetings.get(s.get("subject")), s.get("subject"), s.get("parties")), str(s.get("kind", "")))
        facts.append(Fact("schedule", key, al.locate(s.get("evidence"), s.get("seq")),
                          evidence=str(s.get("evidence") or ""), when=s.get("when"),
                          precision=s.get("precision")))
    for m in meetings.values():
        members = members_of(m, m.get("id"))
        for p in m.get("participants") or []:
            if not isinstance(p, dict) or p.get("kind", "person") != "person":
                continue
            name = str(p.get("name", ""))
            own = members_of(m, m.get("id"), p.get("parties")) if p.get("parties") else members
            key = (own, names.person(name) or unknown(name), str(p.get("basis", "")))
            facts.append(Fact("attendance", key, al.locate(p.get("evidence"), p.get("seq")),
                              evidence=str(p.get("evidence") or "")))
    return facts


def _entry_names(entry: dict, export: dict, category: str, names: Names) -> set[str]:
    if category == "people":
        return {names.person(label(n)) or unknown(label(n)) for n in entry.get("people") or []}
    if category == "outlets":
        return {names.outlet(label(n)) or unknown(label(n)) for n in entry.get("outlets") or []}
    by_id: dict[str, str] = {}
    for p in export.get("parties") or []:
        if isinstance(p, dict) and p.get("id"):
            by_id[str(p["id"])] = str(p.get("name") or p["id"])
    for d in export.get("delegations") or []:
        if isinstance(d, dict) and d.get("id") and str(d["id"]) not in by_id:
            by_id[str(d["id"])] = delegation_party(d)
    raw = entry.get("parties")
    if not isinstance(raw, list):
        raw = entry.get("delegations") or []
    out = set()
    for item in raw:
        name = label(item) if isinstance(item, dict) else by_id.get(str(item), str(item))
        out.add(names.party(name) or unknown(name))
    return out


# --------------------------------------------------------------------------- scoring

def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (None where undefined: nothing predicted / nothing to find)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def _parse_when(value, zone: tzinfo | None):
    """(date, datetime or None) of an ISO date/time; aware times go to the blog's zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        if "T" not in v and len(v) <= 10:
            return date.fromisoformat(v), None
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None and zone is not None:
        dt = dt.astimezone(zone)
    dt = dt.replace(tzinfo=None)
    return dt.date(), dt


def when_matches(gold_when, gold_precision, pred_when, zone: tzinfo | None = None) -> bool:
    """Does a predicted `when` agree with the gold one at the precision the text supports?"""
    g = _parse_when(gold_when, zone)
    p = _parse_when(pred_when, zone)
    if g is None or p is None:
        return False
    if g[0] != p[0]:
        return False
    if g[1] is None or gold_precision == "day":
        return True
    if p[1] is None:
        return False
    if gold_precision == "part":
        return abs(g[1] - p[1]) <= PART_WINDOW
    return g[1].replace(second=0, microsecond=0) == p[1].replace(second=0, microsecond=0)


def place_matches(gold_place, pred_place) -> bool:
    g, p = fold(str(gold_place or "")), fold(str(pred_place or ""))
    return bool(g and p) and (g in p or p in g)


@dataclass
class Score:
    blog: str
    config: str
    ok: bool = True
    error: str | None = None
    gold_posts: int = 0
    aligned_posts: int = 0
    entries: int = 0
    counts: dict = field(default_factory=lambda: {c: Counter() for c in CATEGORIES})
    where: Counter = field(default_factory=Counter)
    when: Counter = field(default_factory=Counter)
    segmentation: Counter = field(default_factory=Counter)
    discovery: dict = field(default_factory=dict)
    per_post: list = field(default_factory=list)
    mistakes: list = field(default_factory=list)

    def as_dict(self, verbose: bool = False) -> dict:
        out = {
            "blog": self.blog, "config": self.config, "ok": self.ok, "error": self.error,
        }
        if not self.ok:
            return out
        seg = self.segmentation
        out.update({
            "gold_posts": self.gold_posts, "aligned_posts": self.aligned_posts,
            "entries": self.entries,
            "categories": {c: prf(self.counts[c]["tp"], self.counts[c]["fp"], self.counts[c]["fn"])
                           for c in CATEGORIES},
            "where": _accuracy(self.where), "when": _accuracy(self.when),
            "segmentation": {
                **prf(seg["tp"], seg["predicted"] - seg["tp"], seg["gold"] - seg["tp"]),
                "predicted": seg["predicted"], "gold": seg["gold"], "exact_posts": seg["exact"],
            },
            "discovery": self.discovery,
            "posts": self.per_post,
        })
        if verbose:
            out["mistakes"] = self.mistakes
        return out


def _accuracy(c: Counter) -> dict:
    return {"correct": c["correct"], "total": c["total"],
            "accuracy": c["correct"] / c["total"] if c["total"] else None}


def _show_key(key) -> str:
    parts = []
    for k in key:
        parts.append("{" + ", ".join(sorted(k)) + "}" if isinstance(k, frozenset) else str(k))
    return " / ".join(parts)


def score_export(gold: Gold, export: dict, *, blog_text: str | None = None,
                 zone: tzinfo | None = None, config: str = "default") -> Score:
    """Compare one export with one gold; never raises on missing export keys."""
    names = Names(gold)
    al = align(gold, export, blog_text)
    entries = _entries(export)
    sc = Score(blog=gold.name, config=config, gold_posts=len(gold.posts),
               aligned_posts=len(al.start_index), entries=len(entries))
    starts = {p.n: p.starts for p in gold.posts}

    def mistake(kind, category, post, key, evidence):
        sc.mistakes.append({"kind": kind, "category": category, "post": post,
                            "key": _show_key(key) if isinstance(key, tuple) else str(key),
                            "evidence": evidence})

    # Entities per post, from the entry that overlaps the post most.
    for post in gold.posts:
        row = {"n": post.n}
        e = al.entry_for_post.get(post.n)
        for cat in ENTITY_CATEGORIES:
            want = set(getattr(post, cat))
            got = _entry_names(entries[e], export, cat, names) if e is not None else set()
            tp, fp, fn = len(want & got), len(got - want), len(want - got)
            sc.counts[cat].update(tp=tp, fp=fp, fn=fn)
            row[cat] = {"tp": tp, "fp": fp, "fn": fn}
            for name in sorted(got - want):
                mistake("FP", cat, post.n, name, starts[post.n])
            for name in sorted(want - got):
                mistake("FN", cat, post.n, name, starts[post.n])
        sc.per_post.append(row)

    # Facts, placed by their evidence.
    predicted = predicted_facts(export, names, al)
    wanted = [f for post in gold.posts for f in gold_facts(post)]
    rows = {r["n"]: r for r in sc.per_post}
    for cat in FACT_CATEGORIES:
        by_post_g: dict = defaultdict(list)
        by_post_p: dict = defaultdict(list)
        for f in wanted:
            if f.category == cat:
                by_post_g[(f.post, f.key)].append(f)
        for f in predicted:
            if f.category == cat:
                by_post_p[(f.post, f.key)].append(f)
        per_post = {n: Counter() for n in rows}
        for slot in set(by_post_g) | set(by_post_p):
            g, p = by_post_g.get(slot, []), by_post_p.get(slot, [])
            n, key = slot
            tp = min(len(g), len(p))
            sc.counts[cat].update(tp=tp, fp=len(p) - tp, fn=len(g) - tp)
            if n in per_post:
                per_post[n].update(tp=tp, fp=len(p) - tp, fn=len(g) - tp)
            for f in p[tp:]:
                mistake("FP", cat, n, key, f.evidence)
            for f in g[tp:]:
                mistake("FN", cat, n, key, starts.get(n, ""))
            _score_details(cat, g, p, sc, zone, mistake)
        for n, c in per_post.items():
            rows[n][cat] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}

    # Segmentation: a gold post is found when an entry begins at one of its begin lines.
    firsts = {i for i in al.entry_first if i >= 0}
    found = {n for n, b in al.begins.items() if b & firsts}
    sc.segmentation.update(tp=len(found), predicted=len(firsts), gold=len(gold.posts))
    # Exact: the entry overlapping a post most holds its body paragraphs and nothing else
    # (stamp/headline/byline lines aside).
    for post in gold.posts:
        e = al.entry_for_post.get(post.n)
        body = {i for i, n in enumerate(al.post_of) if n == post.n and not al.is_header[i]}
        if e is not None and body and body == {
                i for i, x in enumerate(al.para_entry) if x == e and not al.is_header[i]}:
            sc.segmentation["exact"] += 1
    for post in gold.posts:
        if post.n not in found:
            why = "start not found in export" if post.n not in al.start_index else "no entry begins here"
            mistake("FN", "segmentation", post.n, why, post.starts)
    owned = set().union(*al.begins.values()) if al.begins else set()
    for i in sorted(firsts - owned):
        mistake("FP", "segmentation", al.post_of[i], "entry begins inside a post", al.paras[i][:80])

    sc.discovery = _discovery(gold, export, names)
    return sc


def _score_details(cat, g, p, sc, zone, mistake):
    """`where`/`from` of matched statuses, `when` of matched schedule facts.

    Among the matched facts of one key in one post, each gold fact takes the first free
    predicted fact that agrees with it, so the order of the export does not matter.
    """
    if cat == "status":
        def fields(f):
            return [(getattr(f, a), a) for a in ("where", "origin") if getattr(f, a)]

        def agrees(gf, pf):
            return all(place_matches(v, getattr(pf, a)) for v, a in fields(gf))
        tally, what = sc.where, "where"
    elif cat == "schedule":
        def fields(f):
            return [(f.when, "when")] if f.when else []

        def agrees(gf, pf):
            return when_matches(gf.when, gf.precision, pf.when, zone)
        tally, what = sc.when, "when"
    else:
        return
    free = list(p)
    for gf in g[: min(len(g), len(p))]:
        if not fields(gf):
            continue
        tally["total"] += 1
        hit = next((pf for pf in free if agrees(gf, pf)), None)
        if hit is not None:
            tally["correct"] += 1
            free.remove(hit)
            continue
        want = ", ".join(f"{a}={v!r}" for v, a in fields(gf))
        got = "; ".join(", ".join(f"{a}={getattr(pf, a)!r}" for _, a in fields(gf)) for pf in free)
        mistake("WRONG", what, gf.post, gf.key, f"gold {want}; predicted {got or 'none left'}")


def _discovery(gold: Gold, export: dict, names: Names) -> dict:
    """Blog-wide: the export's people/parties/outlets lists against what the posts name."""
    want = {c: set().union(*(set(getattr(p, c)) for p in gold.posts)) if gold.posts else set()
            for c in ENTITY_CATEGORIES}
    got_people = {names.person(str(p.get("name", ""))) or unknown(p.get("name"))
                  for p in export.get("people") or [] if isinstance(p, dict)}
    parties = [str(p.get("name", "")) for p in export.get("parties") or [] if isinstance(p, dict)]
    if not parties:
        parties = [delegation_party(d) for d in export.get("delegations") or [] if isinstance(d, dict)]
    got_parties = {names.party(p) or unknown(p) for p in parties}
    outlets = [str(o.get("name", "")) for o in export.get("outlets") or [] if isinstance(o, dict)]
    if not outlets:
        outlets = [label(o) for e in _entries(export) for o in e.get("outlets") or []]
    got_outlets = {names.outlet(o) or unknown(o) for o in outlets}
    out = {}
    for cat, got in (("people", got_people), ("parties", got_parties), ("outlets", got_outlets)):
        w = want[cat]
        out[cat] = prf(len(w & got), len(got - w), len(w - got))
    return out


# --------------------------------------------------------------------------- running the tool

def default_tool() -> list[str]:
    exe = shutil.which("liveblog-tui")
    if exe:
        return [exe]
    # Next to this interpreter (a venv's bin/ not on PATH), else the module.
    here = Path(sys.executable).with_name("liveblog-tui")
    return [str(here)] if here.exists() else [sys.executable, "-m", "tui"]


def run_export(tool: list[str], blog: Path, extra: list[str], timeout: float) -> tuple[dict | None, str | None]:
    """(export, None) or (None, one-line reason)."""
    cmd = [*tool, "export", str(blog), "--format", "json", *extra]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return None, f"command not found: {tool[0]}"
    except subprocess.TimeoutExpired:
        return None, f"export timed out after {timeout:g} s"
    if proc.returncode != 0:
        lines = [x.strip() for x in proc.stderr.decode("utf-8", "replace").splitlines() if x.strip()]
        return None, (lines[-1] if lines else f"export exited with status {proc.returncode}")
    try:
        data = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, f"export printed no JSON ({err.__class__.__name__}: {err})"
    if not isinstance(data, dict):
        return None, "export printed JSON that is not an object"
    return data, None


def export_supports(tool: list[str], option: str) -> bool:
    try:
        proc = subprocess.run([*tool, "export", "--help"], capture_output=True, timeout=60,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return option in proc.stdout.decode("utf-8", "replace")


def score_gold(gold: Gold, tool: list[str], extra: list[str], *, config: str,
               timeout: float) -> Score:
    export, error = run_export(tool, gold.blog, extra, timeout)
    if export is None:
        return Score(blog=gold.name, config=config, ok=False, error=error)
    try:
        text = gold.blog.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = None
    return score_export(gold, export, blog_text=text, zone=blog_zone(gold.blog), config=config)


# --------------------------------------------------------------------------- output

def _f(x) -> str:
    return "   -" if x is None else f"{x:.2f}"


def format_score(sc: Score, verbose: bool = False) -> str:
    if not sc.ok:
        return f"{sc.blog} [{sc.config}]: export failed: {sc.error}\n"
    d = sc.as_dict(verbose)
    lines = [f"{sc.blog} [{sc.config}]: {sc.gold_posts} gold posts, {sc.aligned_posts} found "
             f"in the export, {sc.entries} exported entries",
             f"  {'category':<12}{'P':>6}{'R':>6}{'F1':>6}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for cat in CATEGORIES:
        c = d["categories"][cat]
        lines.append(f"  {cat:<12}{_f(c['precision']):>6}{_f(c['recall']):>6}{_f(c['f1']):>6}"
                     f"{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}")
    s = d["segmentation"]
    lines.append(f"  {'segmentation':<12}{_f(s['precision']):>6}{_f(s['recall']):>6}{_f(s['f1']):>6}"
                 f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    lines.append(f"  {'exact posts':<12}{s['exact_posts']}/{s['gold']} (an entry holds the post's "
                 f"paragraphs and nothing else)")
    for what, acc in (("where/from", d["where"]), ("when", d["when"])):
        lines.append(f"  {what:<12}{acc['correct']}/{acc['total']} of matched facts "
                     f"({_f(acc['accuracy'])})")
    disc = ", ".join(f"{c} P {_f(v['precision'])} R {_f(v['recall'])}"
                     for c, v in d["discovery"].items())
    lines.append(f"  discovered  {disc}")
    if verbose:
        for m in sorted(sc.mistakes, key=lambda m: (m["post"] or 0, m["category"], m["kind"])):
            post = "-" if m["post"] is None else m["post"]
            lines.append(f"    post {post:>3} {m['kind']:<5} {m['category']:<12} {m['key']}"
                         f"  <- {m['evidence'][:110]}")
    return "\n".join(lines) + "\n"


def format_compare(rows: list[tuple[str, str, Score | str]]) -> str:
    head = (f"{'blog':<22}{'config':<14}{'people P/R':>12}{'status P/R':>12}"
            f"{'sched P/R':>12}{'attend P/R':>12}{'seg P/R':>12}")
    out = [head, "-" * len(head)]
    for blog, config, sc in rows:
        if isinstance(sc, str):
            out.append(f"{blog:<22}{config:<14}  skipped: {sc}")
            continue
        if not sc.ok:
            out.append(f"{blog:<22}{config:<14}  failed: {sc.error}")
            continue
        d = sc.as_dict()
        cells = []
        for cat in ("people", "status", "schedule", "attendance"):
            c = d["categories"][cat]
            cells.append(f"{_f(c['precision'])}/{_f(c['recall'])}")
        s = d["segmentation"]
        cells.append(f"{_f(s['precision'])}/{_f(s['recall'])}")
        out.append(f"{blog:<22}{config:<14}" + "".join(f"{c:>12}" for c in cells))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- main

def unstamped_copy(gold: Gold, folder: Path) -> Gold | None:
    """The gold's text blog with its time stamps taken out (stamp lines dropped,
    leading clocks cut, blank lines dropped), written under `folder`: the same
    posts for grouping alone to find. None for a saved page or a blog without stamps."""
    from dataclasses import replace

    from tui.core.days import leading_clock, parse_stamp

    if gold.blog.suffix != ".txt":
        return None
    kept: list[str] = []
    cut = 0
    for line in gold.blog.read_text(encoding="utf-8").split("\n"):
        stamp = parse_stamp(line)
        if stamp is not None and stamp.clock is not None and not stamp.dated:
            cut += 1
            continue
        lead = leading_clock(line)
        if lead is not None:
            line, cut = line[lead[1]:], cut + 1
        if line.strip():
            kept.append(line)
    if not cut:
        return None
    target = folder / gold.name
    target.mkdir(parents=True, exist_ok=True)
    (target / "blog.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    description = gold.blog.with_suffix(".toml")
    if description.is_file():
        shutil.copy(description, target / "blog.toml")
    return replace(gold, name=gold.name + " (stamps removed)", blog=target / "blog.txt")


def find_golds(extra_paths: list[str]) -> list[Path]:
    paths = sorted(BLOGS_DIR.glob("*/gold.toml"))
    for p in extra_paths:
        q = Path(p)
        q = q / "gold.toml" if q.is_dir() else q
        if q.resolve() not in {x.resolve() for x in paths}:
            paths.append(q)
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(
        prog="score.py",
        description="Score liveblog-tui export per post against hand annotations (gold.toml).",
        epilog="Arguments after -- are passed to `liveblog-tui export` (e.g. -- --no-knowledge).")
    ap.add_argument("golds", nargs="*", help="more gold.toml files (or their folders) to score")
    ap.add_argument("--blog", action="append", default=[], metavar="NAME",
                    help="score only this blog (its folder name); repeatable")
    ap.add_argument("--compare", action="store_true",
                    help="run default, --no-knowledge and --ner spacy; print one summary table")
    ap.add_argument("--json", action="store_true", help="print machine-readable results")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list every false positive and false negative with post and evidence")
    ap.add_argument("--tool", default=None,
                    help="command that runs the app (default: liveblog-tui on PATH)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per export (default 600)")
    ap.add_argument("--unstamped", action="store_true",
                    help="score copies of the stamped text blogs with their stamps taken out "
                         "(segmentation by grouping alone)")
    args = ap.parse_args(argv)

    tool = shlex.split(args.tool) if args.tool else default_tool()
    golds: list[Gold] = []
    status = 0
    for path in find_golds(args.golds):
        try:
            gold = load_gold(path)
        except GoldError as err:
            print(f"score.py: {err}", file=sys.stderr)
            status = 2
            continue
        if args.blog and gold.name not in args.blog and gold.blog.stem not in args.blog:
            continue
        golds.append(gold)
    if args.unstamped:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="unstamped-"))
        atexit.register(shutil.rmtree, folder, True)
        golds = [u for u in (unstamped_copy(g, folder) for g in golds) if u is not None]
    if not golds:
        print("score.py: no gold to score" + (f" named {', '.join(args.blog)}" if args.blog else ""),
              file=sys.stderr)
        return 2

    if args.compare:
        configs: list[tuple[str, list[str] | str]] = []
        for name, opts in COMPARE_CONFIGS:
            if name == "ner-spacy":
                if importlib.util.find_spec("spacy") is None:
                    configs.append((name, "spaCy is not installed"))
                    continue
                if not export_supports(tool, "--ner"):
                    configs.append((name, "export has no --ner option"))
                    continue
            configs.append((name, opts + extra))
        rows: list[tuple[str, str, Score | str]] = []
        for gold in golds:
            for name, opts in configs:
                if isinstance(opts, str):
                    rows.append((gold.name, name, opts))
                else:
                    rows.append((gold.name, name,
                                 score_gold(gold, tool, opts, config=name, timeout=args.timeout)))
        if args.json:
            print(json.dumps({"results": [
                {"blog": b, "config": c, "ok": False, "skipped": s} if isinstance(s, str)
                else s.as_dict(args.verbose) for b, c, s in rows]}, ensure_ascii=False, indent=1))
        else:
            sys.stdout.write(format_compare(rows))
        return status

    config = "default" if not extra else " ".join(extra)
    scores = [score_gold(g, tool, extra, config=config, timeout=args.timeout) for g in golds]
    if args.json:
        print(json.dumps({"results": [s.as_dict(args.verbose) for s in scores]},
                         ensure_ascii=False, indent=1))
    else:
        sys.stdout.write("\n".join(format_score(s, args.verbose) for s in scores))
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head/less that quit early
        sys.stderr.close()
        sys.exit(0)
