"""Paragraph -> post grouping: does this paragraph continue the post above it?

Live-blog editors write each post as a self-contained LEAD (a new development,
a fresh source named in full: "X has said", "Vladimir Medinsky told
journalists", "according to RIA Novosti") followed by CONTINUATION paragraphs
that lean on it: quotes, pronouns ("He added…"), back-references ("The
outlet…", "the Ukrainian leader", a bare surname already named in the post),
connectives ("However,", "As a result"), background ("X said earlier…"),
lists and the lines that introduce them. `classify` applies these signals in a
fixed order (first match wins) and returns the reason, so every decision is
explainable and unit-testable. Only the first sentence of a paragraph is
examined (bounded work per paragraph: the parse stays linear).

Rule order (see README "How posts are grouped"):
  1. structure: bullets, headings before a list, what a ':' line introduces,
     "Label: …" items under it, "Read the full article here." trailers,
     hard-wrapped lines;
  2. a paragraph opening with a quote mark continues (unless the quote is
     attributed to a fresh full name);
  3. connectives and background markers continue; "Meanwhile," and
     "Separately," are NOT connectives (editors use them to open a new post);
  4. the subject (after an opening adverbial such as "When asked …,"):
     pronoun / anaphoric "the <role>" / bare known surname / "X also …"
     continue; a full name with title ("Turkish Foreign Minister Hakan Fidan
     said") leads;
  5. the first attribution in the first sentence: anaphoric (", he said",
     ", the source said", ", Medinsky added", "according to the agency")
     continues; fresh ("…, Vladimir Medinsky, said", "RIA reported",
     "according to Anadolu", "a source has told TASS") leads;
  6. a present-perfect news verb ("has said", "have arrived") leads;
  7. no signal: background after narrative continues; after a quote
     (which usually closes a post) a new post starts.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

QUOTES = "“\"”‘'«„"
_TERMINAL = ".!?:;…)" + "”\"’'»"

_BULLET = re.compile(r"^\s*(?:[•\-*–—·▪●◦■►]|\d{1,3}[.)])\s+\S")
_TRAILER = re.compile(
    r"^(?:Read|Watch|Listen to|See|Follow|Find|Click)\b.{0,60}\b(?:here|below|above|link)\b\W*$", re.I
)
# "The New York Times: “…" — a short label, a colon, then the item.
_LABEL_ITEM = re.compile(r"^[^.!?:]{1,120}:\s+\S")

_CONNECTIVE = re.compile(
    r"^(?:However|But|And|Also|Besides|Moreover|Furthermore|In addition|Additionally|As a result|As such|"
    r"Thus|Therefore|Hence|Still|Yet|Nevertheless|Nonetheless|Instead|Otherwise|At the same time|"
    r"In turn|In response|That said|Even so|While|Whereas|Although|Though|Likewise|Similarly|"
    r"Earlier|Previously|Prior to|Before that|By contrast|In contrast|Indeed|In fact|Then|"
    r"The latter|The former|Both|Neither)\b"
)
# Background: "X said earlier", "Russia has previously stated" within the opening words.
_BACKGROUND = re.compile(
    r"^(?:\S+\s+){0,7}?(?:(?:said|claimed|reported|stated|announced|wrote|warned|noted|suggested|told \w+)"
    r"\s+earlier|earlier\s+(?:said|claimed|reported|stated|announced|wrote|warned|noted|suggested)|"
    r"(?:has|have|had)\s+previously|previously\s+\w+ed)\b"
)
# Opening adverbials after which the real subject starts ("When asked …, Peskov said").
_OPENER = re.compile(
    r"^(?:In|On|At|After|Before|During|Following|When|Asked|Speaking|Commenting|Responding|Referring|"
    r"Addressing|Writing|This|Last|Yesterday|Today|Tonight|Overnight|Meanwhile|Separately|As|Since|"
    r"Until|Later|Upon|Amid|Despite|Ahead|Shortly|Once|Under|Over|Within|Without|With|Regarding|"
    r"Asked about|For)\b[^,]{0,140},\s+"
)
_BULLET_CHARS = frozenset("•-*–—·▪●◦■►")
_TRAILER_WORDS = frozenset("Read Watch Listen See Follow Find Click".split())
_CONNECTIVE_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _CONNECTIVE.pattern))
_OPENER_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _OPENER.pattern))
_PRONOUN_WORDS = frozenset("he she they it his her their its this these those we both".split())
_PRONOUN = re.compile(r"^(?:he|she|they|it|his|her|their|its|this|these|those|we|both)\b(?![’']s)", re.I)

# Nouns that refer back to someone/something named before when preceded by "the".
_ROLES = (
    r"source|sources|outlet|agency|news agency|newspaper|paper|publication|magazine|broadcaster|channel|"
    r"report|article|statement|spokesman|spokeswoman|spokesperson|official|officials|diplomat|diplomats|"
    r"minister|senator|MP|lawmaker|politician|analyst|expert|leader|president|premier|envoy|aide|"
    r"negotiator|pope|Pope|chancellor|journalist|correspondent|lawyer|general|commander|prime minister|"
    r"secretary|adviser|advisor|foreign minister|head of state|official’s|sources’"
)
_ANAPHORIC_NP = re.compile(r"^(?:the|The)\s+(?:(?:[\w-]+)\s+){0,2}?(?:" + _ROLES + r")\b(?!\s+of\b)")
# Bare "the team", "the delegation": back-references too, but weaker — a fresh
# attribution in the same sentence ("…, Reuters reported") still makes a lead.
_WEAK_ANAPHORIC_NP = re.compile(
    r"^(?:the|The)\s+(?:team|delegation|side|sides|pair|two|group|duo|move|decision|document|"
    r"composition|lineup|list|latter|former|plan|proposal|remarks|comments|claim|claims)\b"
)
_VERBS = (
    r"said|says|told|tells|added|adds|stressed|stresses|noted|notes|claimed|claims|stated|states|"
    r"explained|wrote|writes|argued|argues|insisted|warned|believes|reported|reports|confirmed|"
    r"announced|revealed|reminded|replied|suggested|signaled|signalled|declared|maintained|continued|"
    r"concluded|recalled|remarked|emphasized|emphasised|cited|acknowledged|admitted|denied|criticized|"
    r"criticised|outlined|described|urged|asserted|alleged|posted|tweeted|commented|pointed out|"
    r"predicted|proposed|clarified|complained|accused|blasted|slammed|welcomed|praised"
)
_NAME_TOKEN = r"[A-Z][\w’'.-]*"
# Word sets for the one-pass scan of a first sentence (much faster than a regex per rule).
_VERB_WORDS = frozenset(_VERBS.replace("pointed out|", "").split("|"))
_ROLE_WORDS = frozenset(r for r in _ROLES.split("|") if " " not in r)
_MODIFIERS = frozenset("also reportedly just then later has have had earlier previously".split())
_NAME_LINKS = frozenset("of de da von van der al bin la le".split())
_INDEFINITE_NOUNS = frozenset("source sources official officials diplomat diplomats outlets media insiders".split())
_SOURCE_VERBS = frozenset("told said say says reported report claimed claim confirmed".split())
_NOT_PERFECT_BEFORE = frozenset("who which that could would should might must may".split())
_PARTICIPLES = frozenset(
    "said told left begun made met held sent taken given shown written spoken gone come become won lost "
    "found led set put brought heard seen struck drawn sought chosen kept stood withdrawn broken arisen "
    "laid paid dealt spent hit cut flown risen run".split()
)
_PERFECT_ADVERBS = frozenset("just now also already not finally been reportedly officially".split())
_TRIGGERS = _VERB_WORDS | _INDEFINITE_NOUNS | {"has", "have", "Has", "Have", "according", "According"}
_PUNCT = ",.;:“”\"‘’'()[]—–-…!?"
_BARE_NAME_SUBJECT = re.compile(r"^(?P<name>[A-Z][\w’'-]+)(?:,|\s+[a-z])")
_EARLY_ALSO = re.compile(r"^(?:\S+\s+){0,5}?also\b")
# Punctuation deleted from words; spaces are kept so words and cores stay aligned.
_PUNCT_RE = re.compile("[" + re.escape(_PUNCT) + "]")
_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s+(?=[A-Z“\"‘])")
_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr St No Gen Sen Rep Lt Col Gov Prof Jr Sr vs".split())
_HEAD_LIMIT = 400
# Capitalised words that open sentences but never name a person.
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its In On At As If When While After Before No Not Some Many "
    "Most Other Another Both All Any Each Every One Two Three Several Multiple Unnamed Talks".split()
)
_PREPOSITIONS = frozenset("in at of from to with by for on into near about against between".split())
_DEMONYM = re.compile(r"(?:ian|ean|ish|ese|ic)$")
_CONTEXT_PARAGRAPHS = 4
_CONTEXT_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Decision:
    continues: bool
    reason: str


def first_sentence(text: str) -> str:
    head = text[:_HEAD_LIMIT]
    for m in _SENTENCE_END.finditer(head):
        before = head[: m.start()].split()
        word = before[-1] if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word:
            continue  # "Mr. Putin", "U.S. envoy", "a.m. local time"
        return head[: m.start() + 1]
    return head


def is_bullet(text: str) -> bool:
    return _BULLET.match(text) is not None


def is_heading(text: str) -> bool:
    """A short title line: "Delegation Members", "Supporting Experts"."""
    s = text.strip()
    return (
        0 < len(s) <= 50
        and len(s.split()) <= 6
        and s[0].isupper()
        and s[-1] not in _TERMINAL + ","
        and not is_bullet(s)
    )


def starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in QUOTES


def strip_opener(text: str) -> str:
    """Drop an opening adverbial ("When asked by journalists, ") to reach the subject."""
    m = _OPENER.match(text)
    return text[m.end() :] if m else text


def known_name(name: str, post_text: str) -> bool:
    """Was `name` already introduced in the post as the last word of a full name
    ("Vladimir Medinsky", "President Putin")? Plain string search: no regex per name."""
    if not name or not name[0].isupper() or name in _NOT_NAMES:
        return False
    size = len(name)
    at = post_text.find(" " + name)
    while at != -1:
        end = at + 1 + size
        after = post_text[end : end + 1]
        if not (after.isalnum() or after in ("’", "'")):
            start = post_text.rfind(" ", 0, at) + 1
            start = max(start, post_text.rfind("\n", 0, at) + 1)
            prev = post_text[start:at]
            if prev[:1].isupper() and prev.replace(".", "").replace("-", "").isalnum():
                return True
        at = post_text.find(" " + name, at + 1)
    return False


def _full_name_subject(subject: str) -> bool:
    """ "Turkish Foreign Minister Hakan Fidan described…", "Janis Sarts, the director…" """
    m = _FULL_NAME_SUBJECT.match(subject)
    if not m:
        return False
    words = m["run"].split()
    if words[0] in _NOT_NAMES:
        return False
    first, last = words[-2:]
    # A possessive ("Zelensky’s office"), an acronym or a demonym ("European") is not a name.
    return (
        all(t[1:2].islower() and not t.endswith(("’s", "'s")) for t in (first, last))
        and not _DEMONYM.search(last)
    )


_FULL_NAME_SUBJECT = re.compile(
        r"^(?P<run>(?:(?:" + _NAME_TOKEN + r"|of|aide|spokesman|spokeswoman|spokesperson|adviser|advisor|"
        r"envoy|correspondent|minister|chief|head|leader|senator|president)\s+)*"
        + _NAME_TOKEN + r"\s+" + _NAME_TOKEN + r")(?P<after>,|\s+[a-z])",
)


def _core(word: str) -> str:
    return word.strip(_PUNCT)


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "’s,", "'s,"))


def _scan_head(head: str, post_text: str) -> tuple[Decision | None, bool]:
    """One pass over the words of a first sentence.

    Returns the FIRST attribution found (anaphoric -> continues, fresh -> lead)
    and whether a present-perfect news verb ("has said", "have arrived") occurs.
    """
    words = head.split(" ")
    cores = _PUNCT_RE.sub("", head).split(" ")
    n = len(cores)
    perfect = False
    for i in [i for i, c in enumerate(cores) if c in _TRIGGERS]:
        core = cores[i]
        low = core.lower()
        if not perfect and low in ("has", "have"):
            j = i + 1
            while j < n and (cores[j] in _PERFECT_ADVERBS or cores[j].endswith("ly")):
                j += 1
            nxt = cores[j] if j < n else ""
            before = cores[i - 1].lower() if i else ""
            perfect = before not in _NOT_PERFECT_BEFORE and (nxt.endswith("ed") or nxt in _PARTICIPLES)
        if low == "according" and i + 2 < n and cores[i + 1] == "to":
            return _according([_core(w) for w in words[i + 2 : i + 6]], post_text), perfect
        if low in _INDEFINITE_NOUNS:
            j = i + 1
            while j < n and cores[j] in ("have", "has"):
                j += 1
            if j < n and cores[j] in _SOURCE_VERBS and j > i:
                prev = cores[i - 1] if i else ""
                if prev.lower() != "the" and not (i and _is_possessive(words[i - 1])):
                    return Decision(False, "attribution to new sources"), perfect
        if core not in _VERB_WORDS or i == 0:
            continue
        # Walk back over "has", "also", "reportedly"… to the speaker.
        j = i - 1
        while j >= 0 and cores[j] in _MODIFIERS:
            j -= 1
        if j < 0:
            continue
        speaker, raw = cores[j], words[j]
        opener = words[j - 1] if j >= 1 else ""
        if speaker in ("he", "she", "they", "it"):
            if opener.endswith((",", "”", '"', "’")):
                return Decision(True, "pronoun attribution"), perfect
            continue
        if speaker in _ROLE_WORDS:
            # "…, the Ukrainian leader said", "RT’s source says"
            k = j - 1
            while k >= max(0, j - 4) and cores[k] not in ("the", "The") and not _is_possessive(words[k]):
                k -= 1
            if k >= max(0, j - 4):
                if _is_possessive(words[k]) and speaker in ("source", "sources"):
                    return Decision(True, "attribution to 'the <role>'"), perfect
                if cores[k] in ("the", "The") and (k == 0 or words[k - 1].endswith((",", "”", '"', "’"))):
                    return Decision(True, "attribution to 'the <role>'"), perfect
            continue
        if not speaker[:1].isupper() or _is_possessive(raw):
            continue
        # A capitalised name run ending at j: walk back over name tokens and links.
        k = j
        while k >= 1 and not words[k - 1].endswith((",", ";", ":")) and (
            cores[k - 1][:1].isupper() or cores[k - 1] in _NAME_LINKS
        ):
            k -= 1
        tokens = [c for c in map(_core, words[k : j + 1]) if c[:1].isupper() and c not in ("The", "A", "An")]
        before = cores[k - 1] if k >= 1 else ""
        if not tokens or before in _PREPOSITIONS or (len(tokens) == 1 and tokens[0] in _NOT_NAMES):
            continue  # "…in Türkiye, stressed": not the speaker
        if len(tokens) >= 2:
            return Decision(False, "fresh full-name attribution"), perfect
        if known_name(tokens[0], post_text):
            return Decision(True, "attribution to a name already in the post"), perfect
        return Decision(False, "attribution to a new name"), perfect
    return None, perfect


def _according(after: list[str], post_text: str) -> Decision:
    first = after[0]
    if first.lower() in ("the", "his", "her", "their", "its", "him", "them", "this", "that"):
        return Decision(True, "'according to the …'")
    if first[:1].isupper() and (len(after) < 2 or not after[1][:1].isupper()) and known_name(first, post_text):
        return Decision(True, "'according to' a name already in the post")
    return Decision(False, "'according to' a new source")


def classify(
    text: str,
    *,
    prev: str,
    post_text: str,
    post_has_colon: bool = False,
    next_text: str | None = None,
) -> Decision:
    """Does `text` continue the post whose paragraphs (so far) are `post_text`?

    prev is the paragraph just above; next_text the one below (for headings).
    """
    s = text.strip()
    p = prev.rstrip()
    if not s:
        return Decision(True, "blank")
    # Cheap first-word guards keep the regexes off most paragraphs (100k-post files).
    first_char = s[0]
    first_word = s.split(" ", 1)[0].rstrip(",")
    # 1. structure
    if (first_char in _BULLET_CHARS or first_char.isdigit()) and is_bullet(s):
        return Decision(True, "bullet")
    if first_word in _TRAILER_WORDS and _TRAILER.match(s):
        return Decision(True, "trailer ('Read the full article here.')")
    if s[:1].islower() and p and p[-1] not in _TERMINAL:
        return Decision(True, "wrapped line")
    if p.endswith(":"):
        return Decision(True, "introduced by a line ending in ':'")
    if len(s) <= 50 and is_heading(s) and next_text is not None and (next_text.rstrip().endswith(":") or is_bullet(next_text)):
        return Decision(True, "heading of a list")
    if post_has_colon and ":" in s[:122] and _LABEL_ITEM.match(s) and not _scan_head(s.split(":", 1)[0], "")[1]:
        return Decision(True, "'Label: …' item under a ':' line")
    # 2. quotes
    if first_char in QUOTES:
        head = first_sentence(s)
        after = head[max(head.rfind("”"), head.rfind('"'), 0) :]
        found, _ = _scan_head(after, post_text)
        if found is not None and found.reason == "fresh full-name attribution":
            return Decision(False, "quote attributed to a fresh full name")
        return Decision(True, "opens with a quote")
    # 3. connectives and background
    if first_word in _CONNECTIVE_WORDS and _CONNECTIVE.match(s):
        return Decision(True, "connective")
    opening = s[:120]
    if ("earlier" in opening or "previously" in opening) and _BACKGROUND.match(s):
        return Decision(True, "background ('said earlier', 'previously')")
    # 4. the subject
    subject = strip_opener(s) if first_word in _OPENER_WORDS else s
    subject_word = subject.split(" ", 1)[0]
    if subject_word.lower() in _PRONOUN_WORDS and _PRONOUN.match(subject):
        return Decision(True, "pronoun subject")
    if subject_word in ("The", "the"):
        if _ANAPHORIC_NP.match(subject):
            return Decision(True, "anaphoric subject ('the <role>')")
        if _WEAK_ANAPHORIC_NP.match(subject):
            found, _ = _scan_head(first_sentence(subject), post_text)
            if found is not None and not found.continues:
                return found
            return Decision(True, "anaphoric subject ('the team')")
    if subject_word[:1].isupper() and _full_name_subject(subject):
        return Decision(False, "full name as subject")
    m = _BARE_NAME_SUBJECT.match(subject)
    if m and not m["name"].endswith(("’s", "'s")) and known_name(m["name"], post_text):
        return Decision(True, "subject is a name already in the post")
    if "also" in subject[:80] and _EARLY_ALSO.match(subject):
        return Decision(True, "'also' in the opening words")
    # 5. attribution, 6. news verb
    found, perfect = _scan_head(first_sentence(s), post_text)
    if found is not None:
        return found
    if perfect:
        return Decision(False, "present-perfect news verb")
    # 7. no signal
    if starts_with_quote(p):
        return Decision(False, "no signal after a quote")
    return Decision(True, "no signal: background to the post")


def group(paragraphs: Sequence[str]) -> list[int]:
    """Indices where posts start; paragraphs[0] always starts one.

    Names are looked up in the post's lead and its last few paragraphs only,
    so the work per paragraph is bounded even inside a pathological post.
    """
    starts: list[int] = []
    lead = ""
    recent: deque[str] = deque(maxlen=_CONTEXT_PARAGRAPHS)
    has_colon = False
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        if i == 0:
            cont = False
        else:
            cont = classify(
                text,
                prev=paragraphs[i - 1],
                post_text="\n".join((lead, *recent)),
                post_has_colon=has_colon,
                next_text=paragraphs[i + 1] if i + 1 < n else None,
            ).continues
        if cont:
            recent.append(text[:_CONTEXT_CHARS])
        else:
            starts.append(i)
            lead = text[:_CONTEXT_CHARS]
            recent.clear()
            has_colon = False
        has_colon = has_colon or text.rstrip().endswith(":")
    return starts
