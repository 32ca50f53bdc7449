"""Timeline: state as of a post, built from posts 1..k only; O(log n) queries."""

from __future__ import annotations

import blogfactory as bf
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.load import load_blog
from tui.core.model import Blog
from tui.core.timeline import Timeline

SEED = load_blog()
FULL = Timeline.build(SEED, bf.KNOWLEDGE)


def cut(blog: Blog, k: int) -> Blog:
    return Blog(blog.meta, blog.tz, blog.summary, blog.posts[:k], blog.days, blog.order, blog.source)


def comparable(state):
    """Everything but summary_revealed (which is true only at the very end)."""
    return (state.seq, tuple((d.id, d.status, d.where, tuple(d.history), d.changed) for d in state.delegations),
            tuple(state.schedule), tuple((m.id, m.name, m.kind, m.date, m.place, m.status, m.participants, tuple(m.seqs))
                                         for m in state.meetings))


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED.posts)))
def test_no_spoilers_state_at_k_ignores_later_posts(k: int) -> None:
    partial = Timeline.build(cut(SEED, k), bf.KNOWLEDGE)
    assert comparable(partial.state_at(k)) == comparable(FULL.state_at(k))


def test_state_zero_is_empty_and_summary_only_at_the_end() -> None:
    s0 = FULL.state_at(0)
    assert s0.schedule == () and s0.meetings == () and all(d.status is None for d in s0.delegations)
    assert not FULL.state_at(len(SEED.posts) - 1).summary_revealed
    assert FULL.state_at(len(SEED.posts)).summary_revealed
    assert FULL.summary_revealed_at == len(SEED.posts)


def test_changed_flags_the_post_that_changed_a_delegation() -> None:
    for d in FULL.state_at(len(SEED.posts)).delegations:
        for f in d.history:
            state = FULL.state_at(f.seq)
            row = next(x for x in state.delegations if x.id == d.id)
            if f.confirms:  # a further source of the current status changes nothing
                assert row.status.seq != f.seq and f.seq in row.confirmed_by
                continue
            assert row.changed and row.status.seq == f.seq
            after = next(x for x in FULL.state_at(f.seq + 1).delegations if x.id == d.id) if f.seq < len(SEED.posts) else None
            if after is not None and after.status.seq != f.seq + 1:
                assert not after.changed


def test_every_fact_points_to_a_post_that_holds_its_evidence() -> None:
    for seq in range(1, len(SEED.posts) + 1):
        text = SEED.posts[seq - 1].text
        for f in FULL.facts_of(seq):
            evidence = getattr(f, "evidence", None)
            if evidence is not None:
                assert f.seq == seq and evidence in text


def test_schedule_keeps_its_history_oldest_first() -> None:
    sched = FULL.state_at(len(SEED.posts)).schedule
    assert [f.seq for f in sched] == sorted(f.seq for f in sched)
    assert len([f for f in sched if f.subject == "ru-ua-talks"]) >= 5


def test_entities_and_facts_of_out_of_range() -> None:
    assert FULL.entities(0).people == () and FULL.facts_of(10**6) == []


def test_state_at_on_a_large_replicated_blog() -> None:
    # each copy is a real change (arrive, meet, leave): repeats would be confirmations, not new facts
    big = bf.replicate(bf.make_blog(["The Russian delegation has arrived in Istanbul.",
                                     "Talks between the Russian and Ukrainian delegations have started in Istanbul.",
                                     "The Russian delegation has left Istanbul for Moscow."]), 2001)
    tl = Timeline.build(big, bf.KNOWLEDGE)
    s = tl.state_at(1000)
    ru = next(d for d in s.delegations if d.id == "russia")
    assert ru.status.seq == 1000 and ru.status.status == "arrived" and len(ru.history) >= 500
    assert tl.state_at(2000).meetings[0].seqs[-1] == 2000


def test_location_is_remembered_across_any_number_of_placeless_facts() -> None:
    """A delegation's place comes from its latest fact that names one, however far back."""
    from tui.core.facts import StatusFact
    from tui.core.timeline import Timeline as TL

    tl = TL.start(SEED, bf.KNOWLEDGE)
    tl.extend()
    told: dict[str, list[StatusFact]] = {}  # delegation -> its status facts so far, oldest first
    checked = 0
    for seq in range(1, tl.n + 1):
        facts = [f for f in tl.facts_of(seq) if isinstance(f, StatusFact)]
        for f in facts:
            told.setdefault(f.delegation, []).append(f)
        for did in dict.fromkeys(f.delegation for f in facts):
            # the state's place = a backwards scan over ALL its facts up to this post
            expected = next((f.where for f in reversed(told[did]) if f.where), None)
            row = next(d for d in tl.state_at(seq).delegations if d.id == did)
            assert row.where == expected
            checked += 1
    assert checked > 20
