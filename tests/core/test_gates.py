"""Substring gates in front of the extraction regexes never hide a match.

A status rule's `hints` and a `Gated` cue's hints are substrings one of which
every match of the regex holds; extraction skips the regex where none occurs.
Each gate is checked on every sentence of the bundled blog and of our test
blogs, and on short phrases each alternative of the status rules should match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.extract import context, meetings, run, schedule, status
from tui.core.load import load_blog
from tui.core.resources import bundled_blog
from tui.core.sentences import split_spans

BLOGS = Path(__file__).resolve().parents[1] / "blogs"

PHRASES = [
    "has arrived", "landed", "touched down", "has reached", "walked out", "left the talks in protest",
    "withdrew from the talks", "returned to the table", "is back in Geneva", "has departed", "flew home",
    "is leaving", "is on its way", "has set off for", "headed out to", "is still waiting", "will attend",
    "confirmed its participation", "decided to send a delegation", "will be led by", "comprises",
    "is made up of", "arrival of", "departure of", "published the full line-up", "is in Geneva",
    "will not attend", "won't come", "declined to attend", "ruled out attending", "will skip",
    "has no plans to travel", "will not send a delegation", "pulled out of the summit", "boycotted",
    "has yet to decide", "is undecided", "unclear whether", "no decision has been made", "still deciding",
    "the delegation will also be accompanied by", "other members include", "with its minister at its head",
    "The Kestrian side has published its line-up", "She claimed victory", "will lead his country’s team",
    "leaving the water minister to head the delegation", "he would make a decision on Thursday",
    "declined to say whether", "dodged a question on whether",
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    paths = [bundled_blog(), *sorted(BLOGS.glob("*/blog.txt"))]
    found = [sp.text for path in paths for post in load_blog(path).posts for sp in split_spans(post.text)]
    return [*found, *PHRASES]


def _gates() -> list[tuple[str, re.Pattern, tuple[str, ...]]]:
    out = [(f"status rule {r.name}", r.regex, r.hints) for r in status.RULES]
    for module in (run, meetings, schedule, status, context):
        out += [(f"{module.__name__}.{name}", g.regex, g.hints)
                for name, g in vars(module).items() if isinstance(g, context.Gated)]
    out.append(("status._REPORT_DENIED", status._REPORT_DENIED, status._REPORT_WORDS))
    return out


def test_there_are_gates_to_check() -> None:
    assert len(_gates()) > len(status.RULES)


@pytest.mark.parametrize("name, regex, hints", _gates(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_match_holds_one_of_its_gates_hints(sentences: list[str], name: str, regex: re.Pattern,
                                                 hints: tuple[str, ...]) -> None:
    assert hints, name
    for text in sentences:
        low = text.lower()
        for m in regex.finditer(text):
            assert any(h in low for h in hints), (name, m.group(0), text)


def test_every_status_rule_matches_some_sentence(sentences: list[str]) -> None:
    # a gate check is worth something only on text its regex matches
    silent = [r.name for r in status.RULES if not any(r.regex.search(t) for t in sentences)]
    assert silent == []


def test_a_rule_run_case_sensitively_on_lower_case_text_finds_the_same_spans(sentences: list[str]) -> None:
    twins = [(r.regex, context.lowered(r.regex)) for r in status.RULES]
    assert sum(t is not None for _, t in twins) >= len(twins) - 2  # only rules with case-sensitive parts lack one
    for text in (v for s in sentences for v in (s, s.upper(), s.title())):
        low = text.lower()
        if not context.lines_up(text, low):
            continue
        for regex, twin in twins:
            if twin is not None:
                assert [m.span() for m in twin.finditer(low)] == [m.span() for m in regex.finditer(text)], (regex.pattern, text)


def test_the_other_twins_find_the_same_spans_as_their_patterns(sentences: list[str]) -> None:
    # schedule rules and the meeting cues extraction runs as twins on lower-cased text
    pairs = [(r.regex, t) for r, t in zip(schedule.RULES, schedule._TWINS) if t is not None]
    pairs += list(zip(meetings._BEFORE_PATTERNS, meetings._BEFORE_TWINS))
    pairs += list(zip(meetings._PARTICIPANT_PATTERNS, meetings._PARTICIPANT_TWINS))
    pairs.append((status._REPORT_DENIED, status._REPORT_DENIED_LOW))
    pairs += [(g.regex, g.twin) for module in (run, meetings, schedule, status, context)
              for g in vars(module).values() if isinstance(g, context.Gated) and g.twin is not None]
    for text in (v for s in sentences for v in (s, s.upper(), s.title())):
        low = text.lower()
        if not context.lines_up(text, low):
            continue
        for regex, twin in pairs:
            assert [m.span() for m in twin.finditer(low)] == [m.span() for m in regex.finditer(text)], (regex.pattern, text)


def test_a_rules_gate_finds_something_wherever_the_rule_matches(sentences: list[str]) -> None:
    gated = [r for r in status.RULES if r.gate is not None]
    assert gated
    for text in (v for s in sentences for v in (s, s.upper(), s.title())):
        low = text.lower()
        if not context.lines_up(text, low):
            continue
        for r in gated:
            if r.regex.search(text):
                assert r.gate.search(low), (r.name, text)


def test_text_that_lowers_out_of_line_is_not_served_by_its_lower_case() -> None:
    assert context.lines_up("The talks", "the talks")
    assert not context.lines_up("İstanbul", "İstanbul".lower())  # two characters for one
    assert not context.lines_up("ſent", "ſent")  # matches "s" case-insensitively, lowers to itself
