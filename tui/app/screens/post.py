"""PostScreen: one post in full — verbatim text, time, source lines, entities, facts.

The facts are those whose source is this post (Timeline.facts_of(seq)); they are
shown with their evidence sentence, verbatim. Nothing here is computed from the
text: the screen only lays out what the core hands over. The headline, byline,
"updated" time and pinned mark come first when the page gave them.

A post longer than SHOW_CHARS characters (a 10 MB paragraph) shows its first
SHOW_CHARS and says where the rest is: wrapping megabytes on the UI thread
would freeze every key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.app import keys, render
from tui.app.screens.dialog import Dialog
from tui.app.widgets.panes import format_day, format_when, humanize, schedule_word, status_phrase
from tui.core.facts import Meeting, Participant, PostEntities, ScheduleFact, StatusFact
from tui.core.model import Post

SHOW_CHARS = 100_000  # characters of one post the screen wraps


def post_time(post: Post) -> str:
    """'Fri 16 May 2025 10:42', '~' in front when the time is estimated."""
    text = f"{post.time:%a} {post.time.day} {post.time:%b %Y %H:%M}"
    return ("~" if post.time_estimated else "") + text


def header(post: Post, source: str = "", outlet: str = "") -> Content:
    lines = f"line {post.first_line}" if post.first_line == post.last_line else f"lines {post.first_line}–{post.last_line}"
    where = f"{source}:{lines}" if source else lines
    time_style = render.ESTIMATED + " " + render.TIME if post.time_estimated else render.TIME
    parts: list[str | tuple[str, str]] = [(f"Post #{post.seq}", "bold $accent"), "  ", (post_time(post), time_style)]
    if post.time_estimated:
        parts += [" ", ("(estimated)", render.DIM)]
    if outlet:
        parts += ["  ", (outlet, render.OUTLET)]
    parts += ["  ", (where, render.DIM)]
    if post.pinned:
        parts += ["  ", ("⚑ pinned", "bold $warning")]
    if post.updated is not None:
        parts += ["  ", (f"updated {post.updated:%H:%M}", render.DIM)]
    if post.headline:
        parts += ["\n", (post.headline, "bold")]
    if post.byline:
        parts += ["\n", (post.byline, "italic")]
    return render.line(*parts)


def body(post: Post, entities: PostEntities | None) -> Content:
    """The post text verbatim, paragraphs apart, with its mentions highlighted.

    Mention offsets index post.text (paragraphs joined by one newline); shown with
    a blank line between paragraphs, an offset moves by the newlines before it.
    """
    text = post.text
    spans = render.mention_spans(entities.mentions) if entities is not None else []
    if len(text) > SHOW_CHARS:
        shown = text[:SHOW_CHARS]
        more = len(text) - SHOW_CHARS
        spans = [(s, min(e, SHOW_CHARS), st) for s, e, st in spans if s < SHOW_CHARS]
        moved = [(s + shown.count("\n", 0, s), e + shown.count("\n", 0, e), st) for s, e, st in spans]
        note = f"\n\n… {more:,} more characters not shown: lines {post.first_line}–{post.last_line} of the file, or `liveblog-tui export`"
        return render.line(render.highlighted(shown.replace("\n", "\n\n"), moved), (note, render.DIM))
    moved = [(s + text.count("\n", 0, s), e + text.count("\n", 0, e), st) for s, e, st in spans]
    return render.highlighted("\n\n".join(post.paragraphs), moved)


def entities_block(entities: PostEntities | None, names: Mapping[str, str] | None = None) -> Content:
    """What was recognised in the post, by kind: people, delegations (teams and
    sides of meetings), other parties, places, outlets. Ids are shown by the
    names known at the playhead (`names`)."""
    names = names or {}
    if entities is None:
        return render.plain("nothing recognised yet (facts for this post are still being extracted)", render.DIM)
    delegations = tuple(dict.fromkeys(names.get(d, d) for d in entities.delegations))
    parties = tuple(dict.fromkeys(names.get(p, p) for p in entities.parties if p not in entities.delegations))
    parties = tuple(p for p in parties if p not in delegations)
    places = tuple(dict.fromkeys(m.key for m in entities.mentions if m.kind == "place" and m.key not in delegations + parties))
    groups = (
        ("people", entities.people, render.PERSON),
        ("delegations", delegations, render.DELEGATION),
        ("other parties", parties, render.DELEGATION),
        ("places", places, render.DIM),
        ("outlets", entities.outlets, render.OUTLET),
    )
    if not any(found for _, found, _ in groups):
        return render.plain("no people, parties, places or outlets recognised", render.DIM)
    parts: list[str | tuple[str, str]] = []
    for title, found, style in groups:
        if found:
            if parts:
                parts.append("\n")
            parts += [(f"{title}: ", "bold"), (", ".join(found), style)]
    return render.line(*parts)


def fact_line(fact: object, names: Mapping[str, str]) -> Content:
    """One fact as a summary line plus its evidence, all from plain strings."""
    parts: list[str | tuple[str, str]] = []
    evidence = getattr(fact, "evidence", "")
    if isinstance(fact, StatusFact):
        parts += [("status  ", render.DIM), (names.get(fact.delegation, fact.delegation), render.DELEGATION), " → ", (status_phrase(fact), "bold")]
    elif isinstance(fact, ScheduleFact):
        parts += [("schedule  ", render.DIM), (names.get(fact.subject, fact.subject), "bold"), ": ", (schedule_word(fact.kind), render.CHANGED)]
        when = format_when(fact.when, fact.when_estimated)
        if when:
            parts += [" ", (when, render.ESTIMATED + " bold" if fact.when_estimated else render.TIME)]
        if fact.raw:
            parts += [" ", (f"“{fact.raw}”", render.DIM)]
    elif isinstance(fact, Participant):
        parts += [("participant  ", render.DIM), (fact.name, render.PERSON), " ", (humanize(fact.basis), "italic")]
    elif isinstance(fact, Meeting):
        detail = " · ".join(x for x in (humanize(fact.kind), format_day(fact.date), fact.place or "", humanize(fact.status)) if x)
        parts += [("meeting  ", render.DIM), (fact.name or fact.id, "bold"), "  ", (detail, render.DIM)]
    else:
        parts += [(type(fact).__name__, render.DIM)]
    if getattr(fact, "origin", "rule") == "correction":
        parts += ["  ", ("(hand correction)", "italic $warning")]
    if evidence:
        parts += ["\n    ", (f"“{evidence}”", render.DIM)]
    return render.line(*parts)


class PostScreen(Dialog[None]):
    """A post in full with its entities and the facts it is the source of."""

    CSS_PATH = "post.tcss"
    BINDINGS = keys.bindings("post")

    def __init__(
        self,
        post: Post,
        *,
        facts: Sequence[object] = (),
        entities: PostEntities | None = None,
        names: Mapping[str, str] | None = None,
        source: str = "",
        outlet: str = "",
    ) -> None:
        """`facts`: Timeline.facts_of(seq); `entities`: Timeline.entities(seq);
        `names` maps delegation / meeting ids to display names; `source` is the
        file shown next to the line numbers; `outlet` the blog's outlet."""
        super().__init__()
        self.post = post
        self.facts = tuple(facts)
        self.entities = entities
        self.names = dict(names or {})
        self.source = source
        self.outlet = outlet

    def compose(self) -> ComposeResult:
        with Vertical(id="post-box") as box:
            box.border_title = f"Post #{self.post.seq}"
            box.border_subtitle = "escape / q to close"
            yield Static(header(self.post, self.source, self.outlet), id="post-header")
            with VerticalScroll(id="post-scroll"):
                yield Static(body(self.post, self.entities), id="post-body")
                yield Static(render.plain("Mentions", "bold"), classes="post-section")
                yield Static(entities_block(self.entities, self.names), id="post-entities")
                yield Static(render.plain(f"Facts from this post ({len(self.facts)})", "bold"), classes="post-section")
                if self.facts:
                    for fact in self.facts:
                        yield Static(fact_line(fact, self.names), classes="post-fact")
                else:
                    yield Static(render.plain("none", render.DIM), id="post-no-facts")
        yield self.footer()

    def action_close(self) -> None:
        self.dismiss(None)
