"""Each schedule rule's hints: every match of its regex holds one (else cue_kind, which skips a
window holding none, would miss it). Checked on every test blog line, in several cases, and on
the windows cue_kind sees: up to a meeting noun ('before' rules) and from it ('after' rules)."""

from __future__ import annotations

from pathlib import Path

from tui.core.extract.meetings import NOUN
from tui.core.extract.schedule import RULES

BLOGS = Path(__file__).resolve().parents[1] / "blogs"


def _windows() -> list[str]:
    out: list[str] = []
    for path in sorted(BLOGS.glob("*/blog.*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [line, line.upper(), line.title()]
            for m in NOUN.finditer(line):
                out += [line[: m.end()], line[m.start():]]
    return out


def test_every_match_of_a_rule_holds_one_of_its_hints() -> None:
    windows = _windows()
    for rule in RULES:
        if not rule.hints:
            continue
        for text in windows:
            for m in rule.regex.finditer(text):
                assert any(h in m.group(0).lower() for h in rule.hints), (rule.name, m.group(0))


def test_hints_are_lower_case_single_words() -> None:
    for rule in RULES:
        assert all(h == h.lower() and h.strip() == h and " " not in h for h in rule.hints), rule.name
