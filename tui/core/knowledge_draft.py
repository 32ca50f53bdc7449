"""A knowledge file drafted from what discovery found (`liveblog-tui knowledge`).

The draft is in the knowledge file's own schema (see tui/core/knowledge.py
and the README), commented for review: a user corrects a spelling, a side or
a role, deletes what is wrong, and saves it as FILE-stem.knowledge.toml;
from then on what it says wins over discovery. Parsing the draft back gives
the same knowledge, and drafting that again gives the same text.

Only general knowledge is written: who people are, how their names are
spelled, which side they speak for, which parties there are. What happened
— including who sat in which delegation — is always read from the posts.
"""

from __future__ import annotations

import json

from tui.core.knowledge import Knowledge
from tui.core.model import Blog


def _s(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _list(values) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def draft_toml(k: Knowledge, blog: Blog | None = None) -> str:
    """The knowledge as commented TOML text; `parse_knowledge(draft_toml(k))` has the same entries."""
    out: list[str] = []
    title = blog.title if blog is not None else ""
    out.append(f"# Knowledge discovered in {title or 'the blog'} by liveblog-tui — a draft to review.")
    out.append("# Save it as FILE-stem.knowledge.toml next to the blog (or pass --knowledge): what it says")
    out.append("# then overrides discovery. Fix spellings, sides and roles; delete what is wrong.")
    out.append("# Only who-is-who belongs here: events (who arrived, who sat in which delegation) come from the posts.")
    out.append("")
    out.append(f"# {len(k.delegations)} parties, {len(k.people)} people, {len(k.places)} places, {len(k.outlets)} outlets")
    out.append("")
    for d in k.delegations:
        out.append("[[delegations]]")
        out.append(f"id = {_s(d.id)}")
        out.append(f"name = {_s(d.name)}")
        out.append(f"label = {_s(d.label)}")
        if d.color:
            out.append(f"color = {_s(d.color)}")
        if d.home:
            out.append(f"home = {_s(d.home)}")
        if d.country:
            out.append(f"country = {_s(d.country)}")
        out.append(f"demonyms = {_list(d.demonyms)}")
        out.append(f"places = {_list(d.places)}")
        if d.aliases:
            out.append(f"aliases = {_list(d.aliases)}")
        out.append(f"negotiating = {'true' if d.negotiating else 'false'}"
                   + ("" if d.negotiating else "  # the posts give it no delegation or team"))
        out.append(f"host = {'true' if d.host else 'false'}")
        out.append("")
    for p in k.people:
        out.append("[[people]]")
        out.append(f"name = {_s(p.name)}")
        out.append(f"aliases = {_list(p.aliases)}")
        if p.roles:
            out.append(f"roles = {_list(p.roles)}")
        if p.affiliation:
            out.append(f"affiliation = {_s(p.affiliation)}")
        if p.role:
            out.append(f"role = {_s(p.role)}")
        out.append("")
    for pl in k.places:
        out.append("[[places]]")
        out.append(f"name = {_s(pl.name)}")
        if pl.aliases:
            out.append(f"aliases = {_list(pl.aliases)}")
        if pl.kind:
            out.append(f"kind = {_s(pl.kind)}")
        out.append("")
    for o in k.outlets:
        out.append("[[outlets]]")
        out.append(f"name = {_s(o.name)}")
        if o.aliases:
            out.append(f"aliases = {_list(o.aliases)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
