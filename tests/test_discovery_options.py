"""benchmarks/discovery_options.py: how per-blog counts become the table, on hand-made results."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "discovery_options.py"
_spec = importlib.util.spec_from_file_location("discovery_options", _PATH)
options = importlib.util.module_from_spec(_spec)
sys.modules["discovery_options"] = options
_spec.loader.exec_module(options)


def _blog(name: str, people: tuple, parties: tuple, posts: int, ms: float) -> dict:
    counts = {"people": dict(zip(("tp", "fp", "fn"), people)), "parties": dict(zip(("tp", "fp", "fn"), parties))}
    return {"name": name, "posts": posts, "ms_per_1k": ms, "counts": counts, "discovered": counts, "mistakes": []}


def test_micro_averages_and_post_weighted_time() -> None:
    results = {
        # people: tp 9+1, fp 1+3, fn 0+4 -> P 10/14 = 0.71, R 10/14 = 0.71; parties: tp 2+2, fp 0+0, fn 2+0 -> P 1.00, R 0.67
        "rules": {"blogs": [_blog("a", (9, 1, 0), (2, 0, 2), 100, 1000.0), _blog("b", (1, 3, 4), (2, 0, 0), 300, 2000.0)],
                  "setup_ms": 80.0, "big": {"ms_per_1k": 700.0, "peak_mb": 90.0}},
        "coco": {"skip": "not scored: too heavy"},
    }
    sizes = {"options": {"rules": {"base_mb": 41.1, "extra_mb": 2.1, "added": ["countryinfo==1.0.1"]},
                         "coco": {"base_mb": 41.1, "extra_mb": 156.9, "added": ["country_converter==1.3.2"]}}}
    out = options.table(results, sizes, verbose=False)
    row = next(line for line in out.splitlines() if line.startswith(options.BY_KEY["rules"].label))
    assert row.split()[-13:] == ["0.71", "0.71", "0.71", "0.71", "1.00", "0.67", "1.00", "0.67",
                                 "1,750", "700", "80", "90", "+2.1"]  # (100*1000 + 300*2000) / 400 = 1750
    skipped = next(line for line in out.splitlines() if line.startswith(options.BY_KEY["coco"].label))
    assert "not scored: too heavy" in skipped and skipped.endswith("+156.9")


def test_a_variant_with_the_same_packages_shares_the_measured_size() -> None:
    sizes = {"options": {"spacy": {"base_mb": 41.1, "extra_mb": 309.7, "added": []}}}
    results = {"spacy-person": {"skip": "not installed here"}}
    out = options.table(results, sizes, verbose=False)
    assert next(line for line in out.splitlines() if "not installed here" in line).endswith("+309.7")


def test_persons_only_passes_person_labels_of_two_words_or_more() -> None:
    class Finder:
        def label(self, text, start, end):
            return {"Tesk Varamo": "PERSON", "Aldera": "PERSON", "Kestria": "GPE"}.get(text[start:end])

    text = "Tesk Varamo met Aldera in Kestria."
    finder = options.PersonsOnly(Finder())
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in ("Tesk Varamo", "Aldera", "Kestria")}
    assert [finder.label(text, *spans[w]) for w in spans] == ["PERSON", None, None]
