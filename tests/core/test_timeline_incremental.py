"""Incremental timeline: Timeline.start + extend(upto) gives exactly what Timeline.build gives."""

from __future__ import annotations

import threading
from pathlib import Path

import blogfactory as bf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.extract import extract
from tui.core.facts import ScheduleFact, StatusFact
from tui.core.knowledge import Knowledge, load_knowledge, parse_knowledge
from tui.core.load import load_blog
from tui.core.sentences import split_spans
from tui.core.timeline import Timeline
from tui.core.when import parse_iso

SEED = load_blog()
N = len(SEED.posts)
FULL = Timeline.build(SEED, bf.KNOWLEDGE)


def everything(state):
    return (state.seq, state.summary_revealed,
            tuple((d.id, d.status, d.where, tuple(d.history), d.changed) for d in state.delegations),
            tuple(state.schedule),
            tuple((m.id, m.name, m.kind, m.date, m.place, m.status, m.participants, tuple(m.seqs))
                  for m in state.meetings))


def assert_same(tl: Timeline, ref: Timeline) -> None:
    for k in range(N + 1):
        assert everything(tl.state_at(k)) == everything(ref.state_at(k)), k
    for k in range(1, N + 1):
        assert tl.entities(k) == ref.entities(k)
        assert tl.facts_of(k) == ref.facts_of(k)
    assert tl.extraction.rules == ref.extraction.rules
    assert tl.extraction.corrections == ref.extraction.corrections


@settings(max_examples=8, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=12))
def test_incremental_equals_full_build_for_every_position(chunks: list[int]) -> None:
    tl = Timeline.start(SEED, bf.KNOWLEDGE)
    assert tl.ready_upto == 0
    upto = 0
    for size in chunks:
        upto += size
        got = tl.extend(upto)
        assert got == tl.ready_upto == min(upto, N)
        # positions already extracted never need more extraction
        assert everything(tl.try_state_at(got)) == everything(FULL.state_at(got))
    tl.extend()
    assert tl.complete
    assert_same(tl, FULL)


def test_limit_bounds_the_work_per_call() -> None:
    tl = Timeline.start(SEED, bf.KNOWLEDGE)
    assert tl.extend(limit=7) == 7
    assert tl.extend(limit=7) == 14
    assert tl.extend(10, limit=100) == 14  # upto below ready_upto: nothing to do
    assert tl.extend(20, limit=100) == 20


def test_beyond_ready_upto_extends_on_demand_and_try_does_not() -> None:
    tl = Timeline.start(SEED, bf.KNOWLEDGE)
    assert tl.try_state_at(5) is None and tl.ready_upto == 0
    assert tl.try_state_at(0) is not None  # position 0 needs no post
    assert everything(tl.state_at(40)) == everything(FULL.state_at(40))
    assert tl.ready_upto == 40
    assert tl.facts_of(60) == FULL.facts_of(60) and tl.ready_upto == 60
    assert tl.entities(61) == FULL.entities(61) and tl.ready_upto == 61
    assert [m.id for m in tl.all_meetings()] == [m.id for m in FULL.all_meetings()]
    assert tl.ready_upto == N


def test_summary_waits_for_the_blog_to_finish_loading() -> None:
    loaded = {"done": False}
    tl = Timeline.start(SEED, bf.KNOWLEDGE, complete=lambda: loaded["done"])
    tl.extend()
    assert not tl.state_at(N).summary_revealed and not tl.complete
    loaded["done"] = True
    assert tl.state_at(N).summary_revealed and tl.complete  # the cached state is not reused


def test_a_worker_thread_can_extend_while_positions_are_read() -> None:
    tl = Timeline.start(SEED, bf.KNOWLEDGE)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while not tl.complete:
                tl.extend(limit=3)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    worker = threading.Thread(target=work)
    worker.start()
    seen = 0
    while worker.is_alive() or seen < N:
        k = tl.ready_upto
        state = tl.try_state_at(k)
        assert state is not None and everything(state)[2:] == everything(FULL.state_at(k))[2:]
        seen = k
    worker.join()
    assert not errors
    assert_same(tl, FULL)


def test_a_progressively_growing_post_list_is_extracted_as_it_grows() -> None:
    from tui.core.model import Blog

    blog = Blog(SEED.meta, SEED.tz, SEED.summary, [], SEED.days, SEED.order, SEED.source)
    done = {"v": False}
    tl = Timeline.start(blog, bf.KNOWLEDGE, complete=lambda: done["v"])
    for i in range(0, N, 25):
        blog.posts.extend(SEED.posts[i:i + 25])
        tl.extend()
        assert tl.ready_upto == len(blog.posts) and not tl.complete
    done["v"] = True
    assert tl.complete
    assert_same(tl, FULL)


# ------------------------------------------------------------ corrections, per post == at the end

CORRECTIONS = '''
[[corrections.status]]
evidence = "{a}"
delegation = "ukraine"
status = "located"
where = "Istanbul"
[[corrections.drop]]
evidence = "{a}"
[[corrections.schedule]]
evidence = "{b}"
subject = "ru-ua-talks"
kind = "planned"
when = "2025-05-16T12:30:00"
raw = "at 12:30"
[[corrections.participants]]
evidence = "{b}"
meeting = "ru-ua-talks"
name = "Someone"
basis = "present"
[[corrections.status]]
evidence = "no post says this"
delegation = "russia"
status = "left"
'''


def _old_corrections(blog, knowledge):
    """The former whole-blog algorithm: all rule facts first, then every correction in file order."""
    bare = Knowledge(knowledge.delegations, knowledge.people, knowledge.places, knowledge.outlets, knowledge.team_nouns)
    posts = extract(blog, bare).posts
    by_seq = {pf.seq: pf for pf in posts}
    for c in knowledge.corrections:
        ev = c.fields["evidence"]
        if c.table == "drop":
            for pf in posts:
                pf.status = [f for f in pf.status if ev not in f.evidence]
                pf.schedule = [f for f in pf.schedule if ev not in f.evidence]
            continue
        seq = next((p.seq for p in blog.posts if ev in p.text), None)
        if seq is None:
            continue
        pf = by_seq[seq]
        sentence = next((x.text for x in split_spans(blog.posts[seq - 1].text) if ev in x.text), ev)
        if c.table == "status":
            pf.status.append(StatusFact(seq, c.fields["delegation"], c.fields["status"], c.fields.get("where"),
                                        sentence, "correction"))
        elif c.table == "schedule":
            when = parse_iso(c.fields["when"]).replace(tzinfo=blog.tz)
            pf.schedule.append(ScheduleFact(seq, c.fields["subject"], c.fields["kind"], when, False,
                                            c.fields.get("raw", ""), sentence, "correction"))
    return posts


def test_corrections_applied_post_by_post_equal_the_whole_blog_pass() -> None:
    a = SEED.posts[10].paragraphs[0][:30]
    b = SEED.posts[-5].paragraphs[0][:30]
    src = Path(load_knowledge().source).read_text(encoding="utf-8")
    k = parse_knowledge(src + CORRECTIONS.format(a=a.replace('"', '\\"'), b=b.replace('"', '\\"')))
    ref = _old_corrections(SEED, k)
    tl = Timeline.start(SEED, k)
    for upto in range(0, N + 7, 7):
        tl.extend(upto)
    got = tl.extraction.posts
    assert [(p.seq, p.status, p.schedule) for p in got] == [(p.seq, p.status, p.schedule) for p in ref]
    assert any(f.origin == "correction" for p in got for f in p.schedule)
    assert tl.extraction.corrections == 4  # the drop, a's status, b's schedule and participants; not the unmatched one
    built = Timeline.build(SEED, k)
    assert_same(tl, built)


def test_feeding_out_of_order_is_refused() -> None:
    from tui.core.extract import Extractor

    ex = Extractor(SEED, bf.KNOWLEDGE)
    with pytest.raises(ValueError, match="in order"):
        ex.feed(SEED.posts[3])
