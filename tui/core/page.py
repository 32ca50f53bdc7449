"""Saved live-blog pages (HTML) -> posts with exact times.

A page is read with lxml (libxml2's recovering HTML parser; chosen by
measurement, see README "Saved pages"), never with regular expressions on
HTML. Three ways in, the first that finds posts wins:

1. schema.org `LiveBlogPosting` JSON-LD (also inside `@graph`, lists or other
   objects): each `liveBlogUpdate` is a post with its `datePublished`,
   `headline`, `articleBody`, `author` and `dateModified`; exact, no guessing.
   When the page's post blocks hold more posts than the JSON-LD lists (pages
   often embed only the latest updates), the blocks are used instead.
2. The page's post blocks: `<article>` elements, or the largest element
   around each `<time datetime>` that holds no other post time (a `<div>`,
   `<section>`, or the `<li>`s of a list of posts). The block is the post,
   whatever its tag: never a paragraph or list item itself. It gives its time
   (`datetime`), headline (`h1`-`h6` or a "headline"/"title" class), byline
   ("author"/"byline"), paragraphs (`p`, list items inside it as "• …",
   quotes), update time (a `time` marked "modified"/"updated") and pin (a
   "pinned"/"sticky" class, or such a "Pinned" label inside it); the stamp,
   headline, byline and labels are not its text.
3. Otherwise the page's visible text, line by line, for the plain-text
   parser (day headers and stamps in the text).

Navigation, headers and footers of the page, share buttons, permalinks,
embedded social posts, advertisements, related links, photo captions, forms,
scripts and styles never become post text (removed by tag, ARIA role and
class/id words; see README "Saved pages" for the conventions used). Entities and no-break
spaces become plain text; control and bidirectional characters that entities
smuggle in are made visible like everywhere else.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone, tzinfo

from tui.core.errors import InputError
from tui.core.model import ParseWarning
from tui.core.source import neutralise_controls

__all__ = ["Page", "PagePost", "looks_like_html", "read_page"]

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|article|main|div|section)\b",
                         re.I | re.S)
_DROP_TAGS = frozenset(
    "script style noscript template iframe svg canvas form button input select textarea nav footer aside "
    "figure figcaption picture video audio dialog object embed".split()
)
_DROP_ROLES = frozenset("navigation banner complementary contentinfo dialog search menu menubar toolbar alert".split())
# Words in class/id that mark page furniture, never post text.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:ads?|advert\w*|advertisement|adslot|dfp|promo\w*|sponsor\w*|share|sharing|social|related|"
    r"recommend\w*|newsletter|subscribe|subscription|cookie\w*|consent|caption|credit|comments?|outbrain|taboola|"
    r"paywall|signup|breadcrumbs?|visually-hidden|sr-only|screen-reader-text|skip-link|hidden|"
    # a video's or a gallery's title and controls ("WATCH: … (1:12)"), not the post's words
    r"video|videos|player|gallery|slideshow|podcast)(?:$|[\s_-])",
    re.I,
)
# A post's permalink ("Copy link", "Link to this post", "#"): a "permalink" class (WordPress and most
# blog themes) or rel="bookmark" (the hAtom/microformats permalink, written by WordPress themes) —
# unless it wraps the post's time or headline, as many themes do (`<a rel="bookmark"><time …>`).
_PERMALINK_CLASS = re.compile(r"(?:^|[\s_-])perma-?link(?:$|[\s_-])", re.I)
# The markup the social platforms' own embed codes write (X/Twitter, Instagram, TikTok, Facebook,
# Bluesky, Reddit): an embedded post is another author's, not the blog's text (class words "social"
# and "share" above catch a CMS's own embed boxes).
_EMBED_CLASS = re.compile(r"(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|fb-video|"
                          r"bluesky-embed|reddit-embed-bq)(?:$|\s)", re.I)
_HEADLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:headline|title|heading)(?:$|[\s_-])", re.I)
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|author|authors|contributor)s?(?:$|[\s_-])", re.I)
_UPDATED_CLASS = re.compile(r"updated|modified|edited", re.I)
_PINNED_CLASS = re.compile(r"(?:^|[\s_-])(?:pinned|sticky|is-pinned|pin)(?:$|[\s_-])", re.I)
_PARAGRAPH_TAGS = frozenset("p li blockquote h2 h3 h4 h5 h6 pre dt dd".split())
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2007\u202f\u3000]+")
_BLOCK_TAGS = frozenset(
    "p div li ul ol blockquote h1 h2 h3 h4 h5 h6 pre dt dd dl table tr section article header main time br hr".split()
)


@dataclass(frozen=True, slots=True)
class PagePost:
    """One post read from a page; `time` is aware unless the page gave no offset."""

    time: datetime
    paragraphs: tuple[str, ...]
    headline: str = ""
    byline: str = ""
    updated: datetime | None = None
    pinned: bool = False  # the page marks it pinned/sticky
    first_line: int = 1
    last_line: int = 1


@dataclass(slots=True)
class Page:
    """What a saved page holds. `posts` in page order (top first); or, when the
    page has no post blocks, its visible `lines` as (source line, text) for the
    plain-text parser."""

    title: str = ""
    description: str = ""
    description_line: int = 0
    posts: list[PagePost] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)
    how: str = ""  # "json-ld" | "blocks" | "text"
    warnings: list[ParseWarning] = field(default_factory=list)
    error: str | None = None  # the first malformed JSON-LD, "line N: …"

    def zone(self) -> tzinfo | None:
        """The offset most of the posts' times carry (the page's own zone), if any."""
        offsets = Counter(p.time.utcoffset() for p in self.posts if p.time.tzinfo is not None)
        if not offsets:
            return None
        return timezone(offsets.most_common(1)[0][0])  # type: ignore[arg-type]


def looks_like_html(text: str) -> bool:
    """Does the decoded file start like an HTML document or fragment?"""
    return _HTML_START.match(text[:4096]) is not None


# ------------------------------------------------------------------ text helpers


def _clean_text(text: str, line: int, warnings: list[ParseWarning]) -> str:
    text = _SPACE.sub(" ", text).strip()
    safe, found = neutralise_controls(text)
    warnings.extend(ParseWarning(line, w.message) for w in found)
    return safe


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _is_furniture(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if el.get("hidden") is not None:
        return True
    if tag == "header" and el.find(".//time") is None and not any(a.tag == "article" for a in el.iterancestors()):
        return True  # the page's masthead (a post's own <header> holds its headline and time)
    if _EMBED_CLASS.search(el.get("class") or ""):
        return True
    if ((_PERMALINK_CLASS.search(_classes(el)) or "bookmark" in (el.get("rel") or "").lower().split())
            and not _holds_post_parts(el)):
        return True
    return _FURNITURE.search(_classes(el)) is not None and tag not in ("html", "body", "main", "article")


def _holds_post_parts(el) -> bool:
    """Does the element hold (or sit in) a post's time or headline? A permalink often wraps them."""
    if any(isinstance(a.tag, str) and a.tag in _HEADINGS for a in el.iterancestors()):
        return True
    return any(isinstance(d.tag, str) and (d.tag == "time" or d.tag in _HEADINGS or d.get("itemprop") == "datePublished")
               for d in el.iter())


def _strip_furniture(root) -> None:
    """Drop every furniture element (its tail text stays with the surrounding text)."""
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or _is_furniture(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _parse_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    s = value.strip()
    if len(s) < 16 or "T" not in s.upper() and " " not in s:
        return None  # a date alone is no post time
    try:
        return datetime.fromisoformat(s.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        from dateutil import parser as dateparser

        return dateparser.isoparse(s)
    except (ValueError, OverflowError):
        return None


# ------------------------------------------------------------------ JSON-LD


def _walk_json(value) -> Iterator[dict]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _author(value) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return str(value.get("name") or "").strip()
    if isinstance(value, list):
        return " and ".join(filter(None, (_author(v) for v in value)))
    return ""


def _body_paragraphs(body: str, line: int, warnings: list[ParseWarning]) -> list[str]:
    """articleBody is plain text (paragraphs on lines) or, on some CMSes, HTML."""
    import html as htmlmod

    if "<" in body and ">" in body:
        from lxml import html

        try:
            fragment = html.fragment_fromstring(body, create_parent="div")
        except Exception:  # noqa: BLE001 - lxml raises several types for junk; then it is text
            fragment = None
        if fragment is not None:
            _strip_furniture(fragment)
            found = _paragraphs(fragment, set(), line, warnings)
            if found:
                return found
            body = fragment.text_content()
    body = htmlmod.unescape(body)
    return [t for part in body.split("\n") if (t := _clean_text(part, line, warnings))]


def _ld_text(value: object) -> str:
    """A JSON-LD text field as plain text: CMSes often write it HTML-escaped ("Ceasefire &amp; …")."""
    import html as htmlmod

    return htmlmod.unescape(str(value or ""))


def _line_of(raw: str, needle: str, start: int, line: int) -> tuple[int, int]:
    """(line, position) of `needle` in raw after `start`, which is on `line` (counted incrementally)."""
    at = raw.find(needle, start) if needle else -1
    if at < 0:
        return line, start
    return line + raw.count("\n", start, at), at


def _jsonld_posts(root, warnings: list[ParseWarning]) -> tuple[list[PagePost], str, str, int, str | None]:
    """(posts, title, description, description line, the first JSON-LD error or None)."""
    posts: list[PagePost] = []
    title = description = ""
    description_line = 0
    error: str | None = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        first = script.sourceline or 1
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as err:
            where = first + (err.lineno - 1 if isinstance(err, json.JSONDecodeError) else 0)
            message = f"malformed JSON-LD ({err.msg if isinstance(err, json.JSONDecodeError) else 'nested too deeply'})"
            error = error or f"line {where}: {message}"
            warnings.append(ParseWarning(where, f"{message}; ignored"))
            continue
        pos, at_line = 0, first
        for item in _walk_json(data):
            if "LiveBlogPosting" not in _types(item):
                continue
            title = title or _ld_text(item.get("headline") or item.get("name")).strip()
            if not description and isinstance(item.get("description"), str):
                description = _ld_text(item["description"]).strip()
                description_line = first
            updates = item.get("liveBlogUpdate") or []
            for update in updates if isinstance(updates, list) else [updates]:
                if not isinstance(update, dict):
                    continue
                published = update.get("datePublished")
                when = _parse_datetime(published if isinstance(published, str) else None)
                if when is None:
                    continue
                line, pos = _line_of(raw, str(published), pos, at_line)
                at_line = line
                body = update.get("articleBody") or update.get("text") or update.get("description") or ""
                paragraphs = _body_paragraphs(str(body), line, warnings) if body else []
                headline = _clean_text(_ld_text(update.get("headline")), line, warnings)
                if not paragraphs and not headline:
                    continue
                if not paragraphs:  # a headline-only update: the headline is its text
                    paragraphs, headline = [headline], ""
                modified = update.get("dateModified")
                updated = _parse_datetime(modified if isinstance(modified, str) else None)
                posts.append(PagePost(
                    when, tuple(paragraphs), headline, _clean_text(_ld_text(_author(update.get("author"))), line, warnings),
                    updated if updated is not None and updated > when else None, False, line, line,
                ))
    return posts, title, description, description_line, error


# ------------------------------------------------------------------ post blocks


def _dated(el) -> str | None:
    """The post time an element carries (`<time datetime>`, microdata datePublished)."""
    if el.tag == "time" or (el.get("itemprop") or "") == "datePublished":
        if _is_update_time(el):
            return None
        return el.get("datetime") or el.get("content")
    return None


def _is_update_time(el) -> bool:
    """Is this time an edit's, not the post's? Marked on itself, on its wrapper
    (`<div class="updated">Updated <time …>`) or by the word just before it."""
    if _UPDATED_CLASS.search(f"{_classes(el)} {el.get('itemprop') or ''}"):
        return True
    parent = el.getparent()
    if parent is None:
        return False
    if _UPDATED_CLASS.search(_classes(parent)):
        return True
    return _UPDATED_CLASS.search(_text_before(el)[-20:]) is not None


def _text_before(el) -> str:
    """The text right before an element inside its parent: its previous sibling's tail, or the parent's text."""
    prev = el.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = el.getparent()
    return (parent.text if parent is not None else "") or ""


def _blocks(root) -> list:
    """The post blocks: <article>s with a time, else the largest element around
    each post time that holds no other one."""
    # ids of the elements that hold a post time: a "Key events" link points at one of them
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")
           and any(_parse_datetime(_dated(t)) for t in el.iter("time"))}
    stamped = [el for el in root.iter() if isinstance(el.tag, str) and _parse_datetime(_dated(el))
               and not _links_elsewhere(el, ids) and not _page_first_published(el)]
    if len(stamped) < 2:
        return []
    counts: Counter = Counter()
    for el in stamped:
        for anc in el.iterancestors():
            counts[anc] += 1
    articles = [a for a in root.iter("article") if counts[a] == 1]
    if len(articles) >= 2:
        return articles
    blocks = []
    for el in stamped:
        block = el
        parent = el.getparent()
        while parent is not None and counts[parent] == 1 and parent.tag not in ("body", "html", "main"):
            block, parent = parent, parent.getparent()
        blocks.append(block)
    return blocks


def _paragraphs(block, skip: set, line: int, warnings: list[ParseWarning]) -> list[str]:
    """The text paragraphs inside a block, in order: outermost p/li/blockquote/…; list items as "• ….

    The block itself is never one of them: a post that is an `<li>` of the page's list of posts
    (or a `<p>`) is a post, not a list item; its stamp, headline and byline are not its text."""
    out: list[str] = []
    taken: set = set()
    for el in block.iterdescendants():
        if not isinstance(el.tag, str) or el in skip or any(a in taken or a in skip for a in el.iterancestors()):
            continue
        if el.tag not in _PARAGRAPH_TAGS:
            continue
        taken.add(el)
        for part in _text_lines(el, skip):
            text = _clean_text(part, el.sourceline or line, warnings)
            if text:
                out.append(("• " + text) if el.tag == "li" and not text.startswith(("•", "-", "*")) else text)
    return out


def _links_elsewhere(time_el, ids: set) -> bool:
    """Is the time inside a link to another element of the page that holds a post time (`<a
    href="#block-12">`, not an ancestor of the time)? Then it is a "Key events" / contents entry
    pointing at a post, not one. (A permalink to an empty anchor beside its post is no such link.)"""
    for a in time_el.iterancestors("a"):
        target = (a.get("href") or "").rpartition("#")[2] if (a.get("href") or "").startswith("#") else ""
        if not target or target not in ids:
            return False
        return not any(anc.get("id") == target for anc in a.iterancestors())
    return False


# "First published on Tue 16 Jun 2026 06.58 BST": when the page began, not a post
_FIRST_PUBLISHED = re.compile(r"first\s+published(?:\s+on|\s+at)?\s*:?\s*$", re.I)


def _page_first_published(time_el) -> bool:
    return _FIRST_PUBLISHED.search(_text_before(time_el)[-40:]) is not None


def _only_a_label(wrapper, time_el) -> bool:
    """Is the wrapper of an update time its label and nothing more ("<p>Last updated: <time>…")?"""
    rest = " ".join(_text_lines(wrapper, {time_el})).split()
    return len(rest) <= 3 and _UPDATED_CLASS.search(" ".join(rest)) is not None


def _self_links(block) -> list:
    """Links from a post to itself (`href="…#<the post's id>"`: its permalink, "Copy link"), outside
    its paragraphs and not wrapping its time or headline: page furniture, not text."""
    own = block.get("id")
    if not own:
        return []
    found = []
    for a in block.iter("a"):
        href = a.get("href") or ""
        if "#" not in href or href.rpartition("#")[2] != own or _holds_post_parts(a):
            continue
        inside = a.getparent()
        while inside is not None and inside is not block and inside.tag not in _PARAGRAPH_TAGS:
            inside = inside.getparent()
        if inside is block:  # not a link in the post's prose
            found.append(a)
    return found


def _block_post(block, warnings: list[ParseWarning]) -> PagePost | None:
    stamp_el = next((el for el in block.iter() if isinstance(el.tag, str) and _parse_datetime(_dated(el))), None)
    if stamp_el is None:
        return None
    when = _parse_datetime(_dated(stamp_el))
    assert when is not None
    line = block.sourceline or 1
    last = max((el.sourceline or line for el in block.iter() if isinstance(el.tag, str)), default=line)
    skip = {stamp_el}
    headline_el = next((el for el in block.iter(*_HEADINGS) if el not in skip), None)
    if headline_el is None:
        headline_el = next((el for el in block.iter() if isinstance(el.tag, str) and el.tag not in ("p", "li")
                            and _HEADLINE_CLASS.search(_classes(el)) and el is not block), None)
    headline = _clean_text(headline_el.text_content(), line, warnings) if headline_el is not None else ""
    if headline_el is not None:
        skip.add(headline_el)
    byline_el = next((el for el in block.iter() if isinstance(el.tag, str) and el is not block and
                      (_BYLINE_CLASS.search(_classes(el)) or el.get("rel") == "author" or el.get("itemprop") == "author")),
                     None)
    byline = ""
    if byline_el is not None:
        byline = _clean_text(byline_el.text_content(), line, warnings)
        skip.add(byline_el)
    updated = None
    for el in block.iter("time"):
        if el is stamp_el:
            continue
        wrapper = el.getparent()
        own_line = wrapper is not None and wrapper is not block
        if _is_update_time(el):
            updated = _parse_datetime(el.get("datetime"))
            skip.add(el)
            if own_line and (_UPDATED_CLASS.search(_classes(wrapper)) or _only_a_label(wrapper, el)):
                skip.add(wrapper)  # "Updated 18:40" is no paragraph of the post
        if own_line and _page_first_published(el) and len(" ".join(_text_lines(wrapper, {el})).split()) <= 4:
            skip.add(wrapper)  # a line of only "First published on <time>": the page's, no paragraph of a post
    # a "Pinned" label (a short element with a pin class) marks the post; it is not its text
    labels = [el for el in block.iterdescendants() if isinstance(el.tag, str) and el not in skip
              and _PINNED_CLASS.search(_classes(el)) and len(el.text_content().split()) <= 3
              and not _holds_post_parts(el)]
    skip.update(labels)
    skip.update(_self_links(block))
    paragraphs = _paragraphs(block, skip, line, warnings)
    if not paragraphs:  # text straight in the block: its lines, without the stamp, headline and byline
        paragraphs = [t for part in _text_lines(block, skip) if (t := _clean_text(part, line, warnings))]
    if not paragraphs:
        if not headline:
            return None
        paragraphs, headline = [headline], ""
    pinned = bool(labels) or any(_PINNED_CLASS.search(_classes(el)) for el in (block, *block.iterancestors()))
    return PagePost(when, tuple(paragraphs), headline, byline, updated if updated and updated > when else None,
                    pinned, line, last)


# ------------------------------------------------------------------ visible text


def _text_lines(el, skip: set | frozenset = frozenset()) -> list[str]:
    """An element's text, one line per block-level element or <br>, without the text of the
    elements in `skip` (a post's stamp, headline, byline, labels: their tails stay). The tree is
    not changed: lxml refuses text with control characters, which entities may have produced."""
    from lxml import etree

    parts: list[str] = []
    hidden = 0  # depth inside a skipped element
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if hidden or (node is not el and node in skip):
                hidden += 1
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag and node.text and not hidden:
                parts.append(node.text)
            continue
        if hidden:
            hidden -= 1
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node is not el and node.tail and not hidden:
            parts.append(node.tail)
    return "".join(parts).split("\n")


def _visible_lines(root, warnings: list[ParseWarning]) -> list[tuple[int, str]]:
    """(source line, text) of every visible line of the page's main content."""
    body = next(iter(root.xpath("//main | //*[@role='main']")), None)
    if body is None:
        body = root.find("body") if root.find("body") is not None else root
    out: list[tuple[int, str]] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS or el.tag == "br":
            continue
        # the element's own text (not its block children's): text and tails of inline children
        pieces = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS and child.tag != "br":
                pieces.append("\n")
            elif isinstance(child.tag, str) and child.tag == "br":
                pieces.append("\n")
            else:
                pieces.append(child.text_content() if isinstance(child.tag, str) else "")
            pieces.append(child.tail or "")
        for part in "".join(pieces).split("\n"):
            text = _clean_text(part, el.sourceline or 1, warnings)
            if text:
                out.append((el.sourceline or 1, text))
    return out


# ------------------------------------------------------------------ the page


def read_page(text: str, source: str = "page") -> Page:
    """Read a saved page (decoded text). InputError for a page that is not HTML
    at all or holds no live-blog posts (with the JSON-LD problem, if any)."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(text.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"{source}: malformed HTML ({err}); save the page again or copy its text") from None
    page = Page()
    head_title = root.find(".//title")
    jsonld, title, description, description_line, error = _jsonld_posts(root, page.warnings)
    page.title = title or (_SPACE.sub(" ", head_title.text_content()).strip() if head_title is not None else "")
    page.description, page.description_line = description, description_line
    _strip_furniture(root)
    block_warnings: list[ParseWarning] = []
    blocks = [p for b in _blocks(root) if (p := _block_post(b, block_warnings)) is not None]
    if jsonld and len(jsonld) >= len(blocks):
        page.posts, page.how = _pinned_from_blocks(jsonld, blocks), "json-ld"
    elif blocks:
        page.posts, page.how = blocks, "blocks"
        page.warnings.extend(block_warnings)
        if jsonld:
            page.warnings.append(ParseWarning(1, f"the page's JSON-LD lists {len(jsonld)} posts, its post blocks "
                                                 f"{len(blocks)}: the blocks are used"))
    else:
        page.lines, page.how = _visible_lines(root, page.warnings), "text"
        if not page.lines:
            detail = f"; {error}" if error else ""
            raise InputError(f"{source}: a saved page with no live-blog posts or text in it{detail}")
    page.error = error
    return page


def _pinned_from_blocks(posts: list[PagePost], blocks: list[PagePost]) -> list[PagePost]:
    """The JSON-LD posts, each marked pinned when the page shows its block pinned (JSON-LD has no
    such field; matched by headline or first paragraph)."""
    pinned = {key for b in blocks if b.pinned for key in (b.headline, b.paragraphs[0] if b.paragraphs else "") if key}
    if not pinned:
        return posts
    return [replace(p, pinned=True) if p.headline in pinned or (p.paragraphs and p.paragraphs[0] in pinned) else p
            for p in posts]


def page_posts_in_zone(page: Page, tz: tzinfo) -> list[PagePost]:
    """The page's posts with every time aware in `tz` (times without an offset are in tz)."""
    out = []
    for p in page.posts:
        when = p.time if p.time.tzinfo is not None else p.time.replace(tzinfo=tz)
        updated = p.updated
        if updated is not None and updated.tzinfo is None:
            updated = updated.replace(tzinfo=tz)
        out.append(PagePost(when.astimezone(tz), p.paragraphs, p.headline, p.byline,
                            updated.astimezone(tz) if updated else None, p.pinned, p.first_line, p.last_line))
    return out

