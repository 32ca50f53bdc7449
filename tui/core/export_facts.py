"""Issue-3 export keys: people, delegations, schedule, meetings, provenance;
the state at one post (`export --at SEQ`); and the analyst's timeline (md).

Every fact carries the seq of its source post and its evidence sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from tui.core.facts import Meeting, Participant, ScheduleFact, State, StatusFact
from tui.core.model import Blog
from tui.core.phrases import STATUS_WORDS
from tui.core.timeline import Timeline
from tui.core.when import precision_of


def precision(f: ScheduleFact) -> str:
    """minute | hour | part | day | none: how exactly the text gives the time."""
    if f.when is None:
        return "none"
    return f.precision or (precision_of(f.raw) if f.raw else "none")


def when_text(f: ScheduleFact) -> str | None:
    """ISO datetime, or a bare date when the phrase names only a day."""
    if f.when is None:
        return None
    if precision(f) == "day":
        return f.when.date().isoformat()
    return f.when.isoformat()


def status_dict(f: StatusFact) -> dict[str, Any]:
    return {"seq": f.seq, "status": f.status, "where": f.where, "from": f.from_where, "evidence": f.evidence,
            "origin": f.origin, "confirms": f.confirms, "person": f.person or None, "recap": f.recap}


PartiesAt = Callable[[str, int], "list[str] | None"]


def schedule_dict(f: ScheduleFact, parties_at: PartiesAt | None = None) -> dict[str, Any]:
    """A schedule fact; with `parties_at`, also `"parties"`: who its meeting was between
    as posts 1..f.seq told it (a party that joins later is not in an earlier fact)."""
    d = {"seq": f.seq, "subject": f.subject, "kind": f.kind, "when": when_text(f),
         "when_estimated": f.when_estimated, "precision": precision(f), "raw": f.raw,
         "evidence": f.evidence, "origin": f.origin, "confirms": f.confirms}
    if parties_at is not None:
        d["parties"] = parties_at(f.subject, f.seq)
    return d


def meeting_dict(m: Meeting, again: Sequence[Participant] = (), parties_at: PartiesAt | None = None) -> dict[str, Any]:
    """A meeting; its participants, then `again`: the same participations told by later posts
    (`"confirms": true`, further sources, in post order). `parties` are the meeting's as of
    its last post; with `parties_at`, each participant also has the meeting's `"parties"` as
    of the participant's post."""
    def participant(p: Participant) -> dict[str, Any]:
        d = {"name": p.name, "kind": p.kind, "seq": p.seq, "basis": p.basis, "evidence": p.evidence,
             "confirms": p.confirms}
        if parties_at is not None:
            d["parties"] = parties_at(m.id, p.seq)
        return d

    return {
        "id": m.id, "name": m.name, "kind": m.kind, "date": m.date.isoformat() if m.date else None,
        "place": m.place, "status": m.status,
        "parties": list(m.parties),
        "participants": [participant(p) for p in (*m.participants, *again)],
        "seqs": list(m.seqs),
    }


def knowledge_export(timeline: Timeline, mentioned: set[str] | None = None) -> dict[str, Any]:
    """Who is who as known at the end: people (those the posts name, when `mentioned` is given),
    parties, places, outlets, each with the post it was first learnt from."""
    k = timeline.knowledge_at(timeline.n)
    reg = timeline.registry
    names = {d.id: d.name for d in k.delegations}

    def first(table: dict, key: str) -> int:
        rec = table.get(key)
        return rec.first_seq if rec is not None else 0

    people = [{"name": p.name, "aliases": list(p.aliases), "role": p.role,
               "side": p.affiliation, "affiliation": p.affiliation,
               "delegation": names.get(p.delegation) if p.delegation else None,
               "first_seq": first(reg.people, p.name)} for p in k.people if mentioned is None or p.name in mentioned]
    parties = [{"id": d.id, "name": d.name, "aliases": list(dict.fromkeys([*d.places, *d.demonyms])),
                "kind": reg.parties[d.id].kind if d.id in reg.parties else "country",
                "negotiating": d.negotiating, "host": d.host, "first_seq": first(reg.parties, d.id)} for d in k.delegations]
    places = [{"name": p.name, "kind": p.kind, "first_seq": _first_place(reg, p.name)} for p in k.places]
    outlets = [{"name": o.name, "aliases": list(o.aliases), "first_seq": _first_outlet(reg, o.name)} for o in k.outlets]
    return {"people": people, "parties": parties, "places": places, "outlets": outlets}


def _first_place(reg, name: str) -> int:
    from tui.core.discover.fold import fold

    rec = reg.places.get(fold(name))
    return rec.first_seq if rec is not None else 0


def _first_outlet(reg, name: str) -> int:
    from tui.core.discover.registry import outlet_key

    rec = reg.outlets.get(outlet_key(name))
    return rec.first_seq if rec is not None else 0


def facts_export(timeline: Timeline) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """(top-level keys, per-entry keys) for build_export(blog, extra, entry_extra=...)."""
    extra, entry_facts = facts_export_streaming(timeline)
    return extra, {seq: entry_facts(seq) for seq in range(1, timeline.n + 1)}


def facts_export_streaming(timeline: Timeline) -> tuple[dict[str, Any], Callable[[int], dict[str, Any]]]:
    """(top-level keys, seq -> per-entry keys): the per-entry keys are made when
    asked, so a streaming export (tui.core.export.iter_json) never holds them all."""

    def entry_facts(seq: int) -> dict[str, Any]:
        e = timeline.entities(seq)
        return {"people": list(e.people), "delegations": list(e.delegations), "outlets": list(e.outlets),
                "parties": list(e.parties)}

    mentioned: set[str] = set()
    for seq in range(1, timeline.n + 1):
        mentioned.update(timeline.entities(seq).people)
    final = timeline.state_at(timeline.n)
    again: dict[str, list[Participant]] = {}
    for seq in range(1, timeline.n + 1):
        for mid, p in timeline.again_of(seq):
            again.setdefault(mid, []).append(p)
    known = knowledge_export(timeline, mentioned)
    party_names = {p["id"]: p["name"] for p in known["parties"]}
    delegations = [{"id": d.id, "name": d.name, "party": party_names.get(d.id, d.name),
                    "status": [status_dict(f) for f in d.history]} for d in final.delegations]
    ex = timeline.extraction

    def parties_at(meeting_id: str, seq: int) -> list[str] | None:
        m = timeline.meeting_at(meeting_id, seq)
        return list(m.parties) if m is not None else None

    extra = {
        **known,
        "delegations": delegations,
        "schedule": [schedule_dict(f, parties_at) for f in final.schedule],
        "meetings": [meeting_dict(m, again.get(m.id, ()), parties_at) for m in final.meetings],
        "provenance": {"rules": ex.rules, "corrections": ex.corrections},
    }
    return extra, entry_facts


def state_export(state: State) -> dict[str, Any]:
    """`export --at SEQ`: what the panes show after post SEQ (nothing later)."""
    return {
        "seq": state.seq,
        "summary_revealed": state.summary_revealed,
        "delegations": [{"id": d.id, "name": d.name, "status": d.status.status if d.status else None,
                         "where": d.where, "since_seq": d.status.seq if d.status else None,
                         "changed": d.changed, "history": [status_dict(f) for f in d.history]}
                        for d in state.delegations],
        "schedule": [schedule_dict(f) for f in state.schedule],
        "meetings": [meeting_dict(m) for m in state.meetings],
    }


# ------------------------------------------------------------------ markdown

def _post_ref(blog: Blog, seq: int) -> str:
    p = blog.posts[seq - 1]
    mark = "~" if p.time_estimated else ""
    blog = f" ({p.blog_name})" if p.blog_name else ""  # blogs merged on one clock: which one
    return f"{p.id}{blog}, {p.day:%d %b} {mark}{p.time:%H:%M}"


def _when_md(f: ScheduleFact) -> str:
    w = when_text(f)
    if w is None:
        return "no time given"
    if len(w) == 10:
        return datetime.fromisoformat(w).strftime("%a %d %b")
    text = f"{f.when:%a %d %b %H:%M}"
    return ("~" + text) if f.when_estimated else text


def _quote(evidence: str) -> str:
    return "“" + " ".join(evidence.split()) + "”"


def iter_state_markdown(blog: Blog, timeline: Timeline, state: State, title: str | None = None) -> Iterator[str]:
    """The analyst's timeline up to state.seq: delegations, schedule, meetings, with evidence."""
    yield f"# {title or blog.title or 'Live blog'}\n\n"
    if state.seq < timeline.n:
        yield f"As of post p{state.seq} of {timeline.n} (nothing after it is used).\n\n" if state.seq else \
            "Before the first post: nothing is known yet.\n\n"
    yield "~ = estimated time (the blog gives none, or the phrase is relative). Each fact cites its post.\n\n"
    yield "## Delegations\n\n"
    for d in state.delegations:
        now = STATUS_WORDS.get(d.status.status, d.status.status) if d.status else "no news"
        where = f" — {d.where}" if d.where else ""
        yield f"### {d.name} ({d.label}): {now}{where}\n\n"
        for f in d.history:
            w = f" → {f.where}" if f.where else ""
            corr = " [correction]" if f.origin != "rule" else ""
            yield f"- {_post_ref(blog, f.seq)}: **{STATUS_WORDS.get(f.status, f.status)}**{w}{corr} — {_quote(f.evidence)}\n"
        yield "\n"
    yield "## Schedule\n\n"
    by_subject: dict[str, list[ScheduleFact]] = {}
    for f in state.schedule:
        by_subject.setdefault(f.subject, []).append(f)
    names = {m.id: m.name for m in state.meetings}
    for subject, facts in by_subject.items():
        yield f"### {names.get(subject, subject)} (`{subject}`)\n\n"
        for f in facts:
            corr = " [correction]" if f.origin != "rule" else ""
            raw = f" (“{f.raw}”)" if f.raw else ""
            yield f"- {_post_ref(blog, f.seq)}: **{f.kind}** — {_when_md(f)}{raw}{corr} — {_quote(f.evidence)}\n"
        yield "\n"
    yield "## Meetings\n\n"
    for m in state.meetings:
        bits = [m.kind, m.status]
        if m.date:
            bits.append(f"{m.date:%a %d %b}")
        if m.place:
            bits.append(m.place)
        yield f"### {m.name} (`{m.id}`): {', '.join(bits)}\n\n"
        present = [p for p in m.participants if p.basis == "present"]
        announced = [p for p in m.participants if p.basis == "announced"]
        if present:
            yield "Reported present:\n\n"
            for p in present:
                yield f"- {p.name} ({_post_ref(blog, p.seq)}) — {_quote(p.evidence)}\n"
            yield "\n"
        if announced:
            yield "Announced only (a line-up named beforehand is not attendance):\n\n"
            for p in announced:
                yield f"- {p.name} ({_post_ref(blog, p.seq)}) — {_quote(p.evidence)}\n"
            yield "\n"
        if not present and not announced:
            yield "No participants reported.\n\n"
        yield f"Mentioned in: {', '.join(f'p{s}' for s in m.seqs)}\n\n"
    if state.seq == timeline.n:
        ex = timeline.extraction
        yield f"---\nFacts from rules: {ex.rules}; from corrections: {ex.corrections}.\n"
    else:  # count only what the state holds: totals would come from later posts
        facts = [f for d in state.delegations for f in d.history] + list(state.schedule)
        rules = sum(f.origin == "rule" for f in facts) + sum(len(m.participants) for m in state.meetings)
        corrections = sum(f.origin == "correction" for f in facts)
        yield f"---\nFacts so far from rules: {rules}; from corrections: {corrections}.\n"
    if state.summary_revealed and blog.summary is not None:
        yield "\n## Summary (written after the events)\n\n" + "\n\n".join(blog.summary.text.split("\n")) + "\n"


def iter_facts_markdown(blog: Blog, timeline: Timeline) -> Iterator[str]:
    """The analyst's timeline for the whole blog."""
    yield from iter_state_markdown(blog, timeline, timeline.state_at(timeline.n))
