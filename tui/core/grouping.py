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
  7. no signal: after a quote (which usually closes a post) a new post
     starts; after a one-sentence flash closed by its source, a paragraph
     naming new people in full starts one; otherwise it is background.
Names are surnames of full personal names introduced in the post, never
demonyms ("Turkish"), acronyms ("US") or "The X"; capitals are Unicode
("İbrahim Kalın").
"""

from __future__ import annotations

import re
from collections import deque
from itertools import takewhile
from collections.abc import Sequence
from dataclasses import dataclass

QUOTES = "“\"”‘'«„"


def _upper_class() -> str:
    """A regex class of every upper-case letter in the BMP ("İ", "Š", "Ø" too),
    compressed to ranges: Python's re has no \\p{Lu}."""
    ranges: list[tuple[int, int]] = []
    for c in range(0x10000):
        if chr(c).isupper():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


_UP = _upper_class()
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
    r"The latter|The former)\b"
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
_PRONOUN_WORDS = frozenset("he she they it his her their its this these those we".split())
_PRONOUN = re.compile(r"^(?:he|she|they|it|his|her|their|its|this|these|those|we)\b(?![’']s)", re.I)
# "Both delegations have arrived…", "Neither side…": back-references like "the
# team", unless a fresh source closes the sentence ("…, AFP reported").
_BOTH_WORDS = frozenset("Both Neither".split())

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
_NAME_TOKEN = _UP + r"[\w’'.-]*"
# Word sets for the one-pass scan of a first sentence (much faster than a regex per rule).
_VERB_WORDS = frozenset(_VERBS.replace("pointed out|", "").split("|"))
_ROLE_WORDS = frozenset(r for r in _ROLES.split("|") if " " not in r)
_MODIFIERS = frozenset("also reportedly just then later has have had earlier previously".split())
_NAME_LINKS = frozenset("of de da von van der al bin la le".split())
_INDEFINITE_NOUNS = frozenset("source sources official officials diplomat diplomats outlets media insiders".split())
# People and documents that are sources when indefinite ("according to a senior official").
_SOURCE_NOUNS = _INDEFINITE_NOUNS | frozenset(
    "person people spokesperson spokesman spokeswoman statement member aide insider report".split()
)
# Words that open a qualifier between a source and its verb ("a diplomat
# briefed on the talks told Reuters", "a source close to the talks said").
_SOURCE_QUALIFIERS = frozenset(
    "familiar close briefed involved travelling traveling speaking in at from with on near inside".split()
)
_SOURCE_VERBS = frozenset("told said say says reported report claimed claim confirmed".split())
_NOT_PERFECT_BEFORE = frozenset("who which that could would should might must may".split())
_PARTICIPLES = frozenset(
    "said told left begun made met held sent taken given shown written spoken gone come become won lost "
    "found led set put brought heard seen struck drawn sought chosen kept stood withdrawn broken arisen "
    "laid paid dealt spent hit cut flown risen run".split()
)
# Lower-case heads of an institution that speaks: "the Sarvessan foreign
# ministry said", "Anatria's presidency said", "Sarvessan organisers said".
_INSTITUTIONS = frozenset(
    "ministry presidency office government police organisers organizers mediators embassy institute "
    "secretariat cabinet council commission authorities".split()
)
_GROUP_INSTITUTIONS = frozenset("government police organisers organizers mediators authorities".split())
_OWN_WORDS = frozenset("his her its their our my".split())
# Words that open an aside between a speaker and the verb ("Reuters, citing an
# official, reported").
_ASIDE_WORDS = frozenset("who citing quoting".split())
_PERFECT_ADVERBS = frozenset("just now also already not finally been reportedly officially".split())
_TRIGGERS = _VERB_WORDS | _INDEFINITE_NOUNS | {"has", "have", "Has", "Have", "according", "According"}
_PUNCT = ",.;:“”\"‘’'()[]—–-…!?"
_BARE_NAME_SUBJECT = re.compile(r"^(?P<name>" + _UP + r"[\w’'-]+)(?:,|\s+[a-z])")
_EARLY_ALSO = re.compile(r"^(?:\S+\s+){0,5}?also\b")
# Punctuation deleted from words; spaces are kept so words and cores stay aligned.
_PUNCT_RE = re.compile("[" + re.escape(_PUNCT) + "]")
_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s+(?=" + _UP[:-1] + r"“\"‘])")
_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr St No Gen Sen Rep Lt Col Gov Prof Jr Sr vs".split())
_HEAD_LIMIT = 400
# Capitalised words that open sentences but never name a person.
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its In On At As If When While After Before No Not Some Many "
    "Most Other Another Both All Any Each Every One Two Three Several Multiple Unnamed Talks".split()
)
_PREPOSITIONS = frozenset("in at of from to with by for on into near about against between".split())
_DEMONYM = re.compile(r"(?:ian|ean|ican|ish|ese|ic)$")
# Nationality words the suffixes above miss; a demonym is never a surname.
_NATIONALITY_WORDS = frozenset("German Greek Thai Swiss French Dutch Arab Saudi Iraqi Israeli Emirati Qatari Pakistani Afghan".split())
# "Multiple European news outlets reported that …": unnamed, simple past.
_UNNAMED_REPORTS = re.compile(
    r"^(?:Multiple|Several|Some|Many|Various|Numerous|Other|Earlier)\b[^,.]{0,60}?\b"
    r"(?:outlets|media|reports|newspapers|publications|sources)\s+(?:reported|claimed|said|suggested|alleged)\b"
)
_REPORTS_NOUN = re.compile(r"\b(?:reports?|claims?|rumou?rs?|allegations?)\b")
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


_HEADLINE_MAX_CHARS = 120
_HEADLINE_MAX_WORDS = 20
_FINAL_PUNCT = ".!?:;,…"
_BYLINE_PREFIX = re.compile(r"^(?:By|From)\s+(?=\S)", re.I)


def is_headline(text: str, *, question: bool = False) -> bool:
    """A post's title line: short, no final punctuation ("Talks resume in Geneva",
    "Kremlin: ‘No deal yet’"), not a bullet. Callers check that a body follows.
    With `question`, a title asking a question ("What is in the draft protocol?") counts too:
    only under a stamp line, where the post's first line is its title if any line is."""
    s = text.strip()
    if question and s.endswith("?") and not s.endswith(("??", "…?")):
        s = s[:-1].rstrip()
    if not s or len(s) > _HEADLINE_MAX_CHARS or s[-1] in _FINAL_PUNCT:
        return False
    if s[-1] in "”\"’'»)" and s[-2:-1] in tuple(_FINAL_PUNCT):
        return False  # a quoted sentence: ‘“We are ready.”’
    if not (s[0].isalnum() or s[0] in QUOTES) or is_bullet(s):
        return False
    return len(s.split()) <= _HEADLINE_MAX_WORDS


def is_byline(text: str, *, after_headline: bool) -> bool:
    """An author line: "By Jane Doe", "From CNN’s Jane Doe", or (right under a
    headline) a name alone, optionally with its outlet, place or role after
    commas ("Jane Doe", "Jane Doe and Ali Khan", "BBC News, Anchorage")."""
    s = text.strip()
    if not s or len(s) > 80 or s[-1] in _FINAL_PUNCT or len(s.split()) > 10:
        return False
    m = _BYLINE_PREFIX.match(s)
    if m is not None:  # "By Jane Doe", "From the Metro Desk’s Dana Whitfield": a name in it
        names = [w for w in s[m.end() :].split() if w[:1].isupper() and w[1:2].islower()]
        return len(names) >= 2 or s[m.end()].isupper()
    if not after_headline:
        return False
    parts = [p.split() for p in s.split(",")]
    names = len(parts[0]) - 3 * sum(w in ("and", "&") for w in parts[0])  # "Jane Doe and Ali Khan"
    if not 1 <= names <= 4 or any(not p or len(p) > 4 for p in parts[1:]):
        return False
    words = [w for p in parts for w in p]
    if not any(len(w) > 1 and w[1:].islower() or "’" in w or "'" in w for w in words):
        return False  # "BREAKING NEWS", "US": capitals only, not a name
    return all(w[0].isupper() or w in _NAME_LINKS or w in ("and", "&") for w in words)


_SIGN_OFF = re.compile(r"^[—―–]\s*(?=\S)")
_REPORTING = re.compile(r",\s*(?:reporting|writing)(?:\s+(?:from|in)\s+\S.*)?$")


def trailing_byline(text: str) -> str:
    """The author of a post that ends with a byline line, as newspapers sign
    them: "— Jane Doe", "— Jane Doe and Ali Khan, reporting from Geneva"; the
    line without its dash, else ""."""
    if text[:1] not in "—―–":
        return ""
    m = _SIGN_OFF.match(text)
    if m is None:
        return ""
    rest = text[m.end() :].strip()
    names = _REPORTING.sub("", rest)
    return rest if names and is_byline(names, after_headline=True) else ""


def starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in QUOTES


def strip_opener(text: str) -> str:
    """Drop an opening adverbial ("When asked by journalists, ") to reach the subject."""
    m = _OPENER.match(text)
    return text[m.end() :] if m else text


def is_demonym(word: str) -> bool:
    """ "Turkish", "Ukrainian", "European", "US": a nationality word, not a surname."""
    return (
        word in _NATIONALITY_WORDS
        or not any(c.islower() for c in word)
        or _DEMONYM.search(word) is not None
    )


def known_name(name: str, post_text: str) -> bool:
    """Was `name` already introduced in the post as the SURNAME of a full personal
    name ("Senator Aleksey Pushkov", "President Putin")? A demonym, an acronym or a
    word after "The" ("The Turkish side", "The Guardian") never counts.
    Plain string search: no regex per name."""
    if not name or not name[0].isupper() or name in _NOT_NAMES or is_demonym(name):
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
            if (
                prev[:1].isupper()
                and prev.replace(".", "").replace("-", "").isalnum()
                and prev not in _NOT_NAMES
                and not is_demonym(prev)
            ):
                return True
        at = post_text.find(" " + name, at + 1)
    return False


def mentioned(word: str, post_text: str) -> bool:
    """Does the post mention `word` at all (as a whole word)? Weaker than known_name:
    used for background paragraphs ("Russia has previously stated…")."""
    at = post_text.find(word)
    while at != -1:
        before = post_text[at - 1 : at]
        after = post_text[at + len(word) : at + len(word) + 1]
        if not before.isalnum() and not after.isalnum():
            return True
        at = post_text.find(word, at + 1)
    return False


def _full_name_subject(subject: str) -> bool:
    """ "Turkish Foreign Minister Hakan Fidan described…", "Janis Sarts, the director…" """
    m = _FULL_NAME_SUBJECT.match(subject)
    if not m:
        return False
    words = [w for w in m["run"].split() if w not in _NAME_LINKS]
    if words[0] in _NOT_NAMES or len(words) < 2:
        return False
    first, last = words[-2:]
    # A possessive ("Zelensky’s office"), an acronym or a demonym ("European") is not a name.
    return (
        all(t[1:2].islower() and not t.endswith(("’s", "'s")) for t in (first, last))
        and not _DEMONYM.search(last)
    )


_FULL_NAME_SUBJECT = re.compile(
        r"^(?P<run>(?:(?:" + _NAME_TOKEN + r"|of|aide|spokesman|spokeswoman|spokesperson|adviser|advisor|"
        r"envoy|correspondent|minister|chief|head|leader|senator|president|special|deputy|intelligence|"
        r"foreign|defen[cs]e|national|security|senior|top|former|presidential|press|secretary|ambassador|"
        r"negotiator|official|director|commander|prime|general|state|affairs|policy|military|army|navy|"
        r"chairman|chairwoman|speaker|mayor|governor|lawmaker|politician|analyst|expert|journalist)\s+)*"
        + _NAME_TOKEN + r"\s+(?:(?:" + "|".join(sorted(_NAME_LINKS)) + r")\s+)?" + _NAME_TOKEN + r")(?P<after>,|\s+[a-z])",
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
            if j < n and cores[j] in _SOURCE_QUALIFIERS and not words[i].endswith(","):
                # "two sources familiar with the negotiations told Reuters"
                end = min(n, j + 6)
                while j < end and cores[j] not in _SOURCE_VERBS and not words[j].endswith((",", ";", ":")):
                    j += 1
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
        if words[j].endswith(",") and (not cores[j][:1].isupper() or (j and cores[j - 1] in _PREPOSITIONS)):
            # "…, Rubio, who was speaking in Türkiye, stressed": the speaker is
            # before the relative clause.
            for r in range(j - 1, max(0, j - 25), -1):
                if cores[r] in _ASIDE_WORDS and r >= 1 and words[r - 1].endswith(",") and cores[r - 1][:1].isupper():
                    j = r - 1
                    break
        speaker, raw = cores[j], words[j]
        opener = words[j - 1] if j >= 1 else ""
        if speaker in ("he", "she", "they", "it"):
            if opener.endswith((",", "”", '"', "’")):
                return Decision(True, "pronoun attribution"), perfect
            continue
        if speaker in _INSTITUTIONS:
            found = _institution(words, cores, j, post_text)
            if found is not None:
                return found, perfect
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


def _subject_mentioned(subject: str, post_text: str) -> bool:
    """Is the bare name opening the subject ("Sarvessa, which …") in the post, in any form?"""
    m = _BARE_NAME_SUBJECT.match(subject)
    if m is None:
        return False
    name = m["name"]
    return mentioned(name[:-2] if _is_possessive(name) else name, post_text)


def _new_source_also(subject: str, post_text: str) -> bool:
    """ "Bloomberg also reported …", "Reuters, citing an official, also reported":
    a source the post has not named adds its own report — a new item, whatever
    "also" links it to."""
    name = subject.split(" ", 1)[0].rstrip(",")
    if not name[:1].isupper() or name in _NOT_NAMES or _is_possessive(name) or known_name(name, post_text):
        return False
    after = subject[subject.find("also") + 5 :].split(" ", 1)[0]
    return after in _SOURCE_VERBS


def _institution(words: list[str], cores: list[str], j: int, post_text: str) -> Decision | None:
    """The speaker at j is an institution ("ministry"): whose? A named owner the
    post has not mentioned ("the Sarvessan foreign ministry", "Anatria's
    presidency") is a fresh source; "his office" and a bare "the ministry"
    point back; anything else decides nothing."""
    for k in range(j - 1, max(-1, j - 4), -1):
        core = cores[k]
        if core in _OWN_WORDS:
            return Decision(True, "attribution to 'his office'")
        if core[:1].isupper():
            possessive = _is_possessive(words[k].rstrip(","))
            owner = core[:-2] if possessive else core
            if k == 0 and not possessive and not is_demonym(owner):
                return None  # "Protest organisers said": any word opens a sentence
            # "Anatria's ministry" is the one the post knows if it named Anatria;
            # an adjective ("the Sarvessan foreign ministry") only if it named
            # that very institution.
            said_before = owner if possessive else " ".join(cores[k : j + 1])
            if owner in _NOT_NAMES or mentioned(said_before, post_text):
                return None
            return Decision(False, "fresh attribution to an institution")
        if core in ("the", "The"):
            # "…, the ministry said": the one the post is about; "the mediators",
            # "the police" are as often a new voice
            if cores[j] in _GROUP_INSTITUTIONS:
                return None
            return Decision(True, "attribution to 'the <institution>'")
        if core in ("a", "an") or not core.islower() or words[k].endswith((",", ";", ":")):
            return None
    return None


def _background_then_fresh_news(text: str, post_text: str) -> bool:
    """ "Zelensky said earlier that … . According to Anadolu, a meeting … is underway."
    Background about someone the post never mentioned, followed by a freshly
    sourced development: editors open a new item this way."""
    m = _BARE_NAME_SUBJECT.match(text)
    if not m or is_demonym(m["name"]) or mentioned(m["name"].rstrip(","), post_text):
        return False
    head = first_sentence(text)
    rest = text[len(head) :].strip()
    if not rest:
        return False
    found, _ = _scan_head(first_sentence(rest), post_text)
    return found is not None and not found.continues


def _is_flash(text: str) -> bool:
    """One sentence ending in a fresh source attribution ("…, Reuters has reported.")."""
    head = first_sentence(text)
    if len(head) < len(text.strip()) - 1:
        return False
    comma = head.rfind(", ")
    if comma < 0:
        return False
    found, _ = _scan_head(head[comma + 2 :], "")
    if found is None:
        found, _ = _scan_head(head, "")
    return found is not None and not found.continues


def _new_full_names(head: str, post_text: str) -> bool:
    """Does the sentence name a person in full (two capitalised words, neither a
    demonym nor "The") whose surname the post has not introduced?"""
    words = [w.strip(_PUNCT) for w in head.split()]
    for a, b in zip(words, words[1:]):
        if (
            a[:1].isupper() and b[:1].isupper()
            and a not in _NOT_NAMES and b not in _NOT_NAMES
            and not is_demonym(a) and not is_demonym(b)
            and not _is_possessive(a) and not _is_possessive(b)
            and not known_name(b, post_text)
        ):
            return True
    return False


def _according(after: list[str], post_text: str) -> Decision:
    first = after[0] if after else ""
    low = first.lower()
    run = list(takewhile(lambda w: w[:1].isupper(), after[1:]))
    if low == "the" and run and run[0] not in _NOT_NAMES and (len(run) > 1 or not is_demonym(run[0])):
        # "according to the Sarvessan News Agency": a named source, fresh unless
        # the post named it ("according to the British publication" points back)
        if any(mentioned(w, post_text) for w in run if not is_demonym(w)):
            return Decision(True, "'according to' a name already in the post")
        return Decision(False, "'according to' a new source")
    if low in ("a", "an") and not any(w.lower() in _SOURCE_NOUNS for w in after[1:4]):
        return Decision(True, "'according to a …' record, not a source")  # "a readout of the call"
    if low in ("the", "his", "her", "their", "its", "him", "them", "this", "that"):
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
        # "Zelensky said earlier …" only recalls background when the post is already
        # about Zelensky; a bare name the post never mentioned opens a new item.
        if not _background_then_fresh_news(s, post_text):
            return Decision(True, "background ('said earlier', 'previously')")
    # 4. the subject
    subject = strip_opener(s) if first_word in _OPENER_WORDS else s
    subject_word = subject.split(" ", 1)[0]
    if subject_word.lower() in _PRONOUN_WORDS and _PRONOUN.match(subject):
        return Decision(True, "pronoun subject")
    if subject_word in _BOTH_WORDS:
        found, _ = _scan_head(first_sentence(subject), post_text)
        if found is not None and not found.continues:
            return found
        return Decision(True, "'both' or 'neither' subject")
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
    if "also" in subject[:80] and _EARLY_ALSO.match(subject) and not _new_source_also(subject, post_text):
        return Decision(True, "'also' in the opening words")
    # 5. attribution, 6. news verb
    head = first_sentence(s)
    found, perfect = _scan_head(head, post_text)
    if found is not None:
        if (
            found.reason == "attribution to new sources"
            and _UNNAMED_REPORTS.match(head)
            and _REPORTS_NOUN.search(post_text)
        ):
            # "X denied reports that …" / "Several outlets reported that …": the
            # reports the post already referred to, not a new development.
            return Decision(True, "the unnamed reports the post referred to")
        return found
    if perfect:
        return Decision(False, "present-perfect news verb")
    # 7. no signal
    if starts_with_quote(p):
        return Decision(False, "no signal after a quote")
    if post_text == p and not _subject_mentioned(subject, post_text) and _is_flash(p) and _new_full_names(head, post_text):
        # A one-sentence flash closed by its source ("…, a source has told TASS.")
        # is complete; a paragraph naming new people with no link back is a new item.
        return Decision(False, "no signal after a one-sentence flash, new people named")
    return Decision(True, "no signal: background to the post")


def opens_with_headline(paragraphs: Sequence[str], i: int) -> bool:
    """Is paragraphs[i] a headline over a body (a headline-style blog's post top)?"""
    n = len(paragraphs)
    if i + 1 >= n or not is_headline(paragraphs[i]):
        return False
    above = paragraphs[i - 1].rstrip() if i else ""
    if above.endswith(":") or (is_headline(above) and is_byline(paragraphs[i], after_headline=True)):
        return False  # a list's heading; a byline under its headline
    j = i + 1
    if j + 1 < n and is_byline(paragraphs[j], after_headline=True):
        j += 1
    below = paragraphs[j]
    return not (is_headline(below) or is_bullet(below))


def group(paragraphs: Sequence[str], *, headlines: bool = False) -> list[int]:
    """Indices where posts start; paragraphs[0] always starts one.

    headlines: the blog tops its posts with headlines (without stamps). A
    headline over a body opens a post and the body runs to the next headline;
    a post without one is grouped by the rules of `classify`.

    Names are looked up in the post's lead and its last few paragraphs only,
    so the work per paragraph is bounded even inside a pathological post.
    """
    starts: list[int] = []
    lead = ""
    recent: deque[str] = deque(maxlen=_CONTEXT_PARAGRAPHS)
    has_colon = False
    under_headline = False
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        title = headlines and opens_with_headline(paragraphs, i)
        if i == 0 or title:
            cont = False
        elif under_headline:
            cont = True
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
            under_headline = title
        has_colon = has_colon or text.rstrip().endswith(":")
    return starts
