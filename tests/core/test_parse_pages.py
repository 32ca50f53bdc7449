"""parse_text on the forms real pages use: stamps with zones, yearless day
headers, invisible characters, headlines and bylines, "Updated at" lines,
pinned and out-of-order posts; and the shared cases in tests/core/cases/."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.load import load_blog
from tui.core.model import BlogMeta
from tui.core.parse import parse_text

CASES = Path(__file__).parent / "cases"


def parse(text: str, **meta):
    return parse_text(text, BlogMeta(**{"timezone": "Europe/London", **meta}), "t.txt")


def clocks(blog) -> list[tuple[str, bool]]:
    return [(f"{p.time:%H:%M}", p.time_estimated) for p in blog.posts]


# ------------------------------------------------------------------ the shared cases


def test_case_stamps_dot_and_offset() -> None:
    blog = load_blog(CASES / "stamps_dot_and_offset.txt", timezone="Europe/London")
    assert clocks(blog) == [("10:00", False), ("11:59", False), ("12:05", False), ("14:45", False), ("16:10", False)]
    assert all(p.time.utcoffset() == timedelta(hours=1) for p in blog.posts)
    assert [len(p.paragraphs) for p in blog.posts] == [1] * 5  # no stamp line left in a post's text
    assert not blog.warnings


def test_case_yearless_day_header() -> None:
    blog = load_blog(CASES / "yearless_day_header.txt")
    assert blog.days == [date(2025, 5, 14), date(2025, 5, 15), date(2025, 5, 16)]
    assert [p.day for p in blog.posts] == blog.days
    assert blog.year_notes == {date(2025, 5, 15): "inferred from the neighbouring headers"}
    assert not blog.warnings


def test_case_bom_mid_header() -> None:
    blog = load_blog(CASES / "bom_mid_header.txt")
    assert blog.days == [date(2025, 5, 15), date(2025, 5, 16)]
    assert [p.text for p in blog.posts] == [
        "The delegation has arrived in Istanbul, officials have said.",
        "The talks have ended, the ministry has said.",
    ]


def test_case_crlf_small() -> None:
    blog = load_blog(CASES / "crlf_small.txt")
    assert blog.summary is not None and blog.summary.text == "Lede here."
    assert [(p.day, p.first_line) for p in blog.posts] == [(date(2025, 5, 15), 5), (date(2025, 5, 16), 3)]


# ------------------------------------------------------------------ stamps


def test_page_stamp_forms_date_their_posts() -> None:
    text = "\n".join([
        "15 August 2025",
        "UPDATE 9:50 PM: The ministry has said talks will resume.",
        "2045 GMT — The envoy has landed in the capital.",
        "published at 20:10 British Summer Time 15 August",
        "The delegation has arrived, officials have said.",
        "9:05 a.m.",
        "The airport has reopened, the operator has said.",
    ])
    blog = parse(text)
    assert clocks(blog) == [("09:05", False), ("20:10", False), ("21:45", False), ("21:50", False)]


def test_a_date_and_time_stamp_on_every_post_needs_no_day_header() -> None:
    text = "\n".join([
        "published at 09:10 BST 16 August",
        "Markets have opened higher, traders have said.",
        "published at 22:40 BST 15 August",
        "The vote has been postponed, the speaker has said.",
        "15 August 2025",  # a full header further down gives the year
        "Earlier post with no stamp, officials have said.",
    ])
    blog = parse(text)
    assert blog.days == [date(2025, 8, 15), date(2025, 8, 16)]
    assert [(p.day, f"{p.time:%H:%M}", p.time_estimated) for p in blog.posts][-2:] == [
        (date(2025, 8, 15), "22:40", False), (date(2025, 8, 16), "09:10", False)]


# ------------------------------------------------------------------ day headers


def test_year_from_the_description() -> None:
    blog = parse("15 August\nThe ministry has said talks will resume.\n14 August\nThe envoy has arrived.", year=2024)
    assert blog.days == [date(2024, 8, 14), date(2024, 8, 15)]
    assert set(blog.year_notes.values()) == {"from the description"}
    assert not blog.warnings


def test_year_from_the_weekday_when_nothing_else_gives_it() -> None:
    blog = parse("Thursday 15 May\nThe ministry has said talks will resume.\nWednesday 14 May\nThe envoy has arrived.")
    assert blog.days[1].weekday() == 3 and blog.days[1] <= date.today()
    assert blog.year_notes[blog.days[1]] == "inferred from its weekday (Thursday)"
    assert blog.year_notes[blog.days[0]] == "inferred from the neighbouring headers"


def test_no_year_anywhere_is_a_warning() -> None:
    blog = parse("15 August\nThe ministry has said talks will resume.")
    assert blog.days == [date(date.today().year, 8, 15)] or blog.days[0].year == date.today().year - 1
    assert any(w.line == 1 and "no year" in w.message for w in blog.warnings)


def test_yearless_headers_cross_new_year_by_their_neighbours() -> None:
    blog = parse("2 January 2026\nThe ministry has said talks will resume.\n31 December\nThe envoy has arrived.")
    assert blog.days == [date(2025, 12, 31), date(2026, 1, 2)]


def test_invisible_characters_around_headers() -> None:
    blog = parse("\u200b16 May 2025\u00a0\nThe talks have ended, officials have said.\n\ufeffThursday 15 May\u00a0\nThe envoy has arrived.")
    assert blog.days == [date(2025, 5, 15), date(2025, 5, 16)]


def test_an_unreadable_header_is_a_warning_with_its_line() -> None:
    blog = parse("16 May 2025\nThe talks have ended, officials have said.\nThursday 32 May\nThe envoy has arrived.")
    assert [w.line for w in blog.warnings if "cannot be read" in w.message] == [3]
    assert "Thursday 32 May" in blog.posts[-1].text or any("Thursday 32 May" in p.text for p in blog.posts)


# ------------------------------------------------------------------ headlines, bylines, updates

HEADLINED = """16 May 2025
16.40 BST
Ceasefire talks adjourned until Monday
Jane Doe
Diplomatic correspondent, Geneva
Negotiators have left the hotel after six hours of talks.
The mediator has left the building without comment.
Updated at 17.05 BST
15.10 BST
Delegations arrive at the lakeside venue
The first convoy reached the venue shortly after three.
By Ali Khan
14.05 BST
What we know so far
Talks are due to start this afternoon.
Both sides have said they are ready.
"""


def test_headlines_bylines_and_updates() -> None:
    blog = parse(HEADLINED)
    first, second, third = blog.posts
    assert (first.headline, first.byline) == ("What we know so far", "")
    assert first.paragraphs == ("Talks are due to start this afternoon.", "Both sides have said they are ready.")
    assert (second.headline, second.byline) == ("Delegations arrive at the lakeside venue", "")
    assert second.paragraphs == ("The first convoy reached the venue shortly after three.", "By Ali Khan")
    assert third.headline == "Ceasefire talks adjourned until Monday"
    assert third.byline == "Jane Doe, Diplomatic correspondent, Geneva"
    assert third.paragraphs == ("Negotiators have left the hotel after six hours of talks.",
                                "The mediator has left the building without comment.")
    assert third.updated == datetime(2025, 5, 16, 17, 5, tzinfo=timezone(timedelta(hours=1)))
    assert (third.first_line, third.last_line) == (3, 8)  # the headline and the "Updated" line are its lines
    assert clocks(blog) == [("14:05", False), ("15:10", False), ("16:40", False)]


def test_a_question_under_a_stamp_line_is_the_posts_headline_but_not_in_a_blog_without_stamps() -> None:
    blog = parse("16 May 2025\nPosted at 14:05\nWhat is in the draft protocol?\nAmira Castell\n"
                 "Diplomatic correspondent\nThe text runs to four pages.\nIt names five aid workers.")
    post = blog.posts[0]
    assert (post.headline, post.byline) == ("What is in the draft protocol?", "Amira Castell, Diplomatic correspondent")
    assert post.paragraphs == ("The text runs to four pages.", "It names five aid workers.")
    plain = parse("16 May 2025\nWhat is in the draft protocol?\nThe text runs to four pages, officials have said.")
    assert plain.posts[0].headline == ""


def test_a_single_short_line_under_a_stamp_is_text_not_a_headline() -> None:
    blog = parse("16 May 2025\n14:05\nTalks resume\n13:00\nThe envoy has arrived.")
    assert [(p.headline, p.text) for p in blog.posts] == [("", "The envoy has arrived."), ("", "Talks resume")]


def test_no_headlines_in_blogs_without_stamps() -> None:
    blog = parse("16 May 2025\nTalks resume in Geneva\nThe envoy has arrived, officials have said.")
    assert all(p.headline == "" for p in blog.posts)
    assert "Talks resume in Geneva" in [para for p in blog.posts for para in p.paragraphs]


def test_a_headline_style_blog_without_stamps_has_headlines_and_bylines() -> None:
    text = "\n".join([
        "16 May 2025",
        "Talks resume in Geneva",
        "Jane Doe",
        "The delegations are back at the table, the UN said.",
        "Estonian Foreign Minister Kalev Tamm has arrived, his office said.",
        "Envoy meets both teams",
        "The envoy met the two delegations separately.",
        "Vote delayed again",
        "The vote on the text has been put off until Friday.",
    ])
    blog = parse(text, order="newest-first")
    assert [(p.headline, p.byline, p.paragraphs[0][:20]) for p in blog.posts] == [
        ("Vote delayed again", "", "The vote on the text"),
        ("Envoy meets both teams", "", "The envoy met the tw"),
        ("Talks resume in Geneva", "Jane Doe", "The delegations are "),
    ]
    assert len(blog.posts[2].paragraphs) == 2  # the body runs to the next headline


def test_an_updated_line_right_under_the_stamp_dates_the_edit_and_is_no_headline() -> None:
    blog = parse("16 May 2025\n14.20 BST\nUpdated 14.52 BST\nEnvoys met briefly\n\nThe envoys spoke in a corridor.\n"
                 "13.10 BST\nTalks to resume\n\nThe talks will resume at noon.")
    post = blog.posts[-1]
    assert (post.headline, post.paragraphs) == ("Envoys met briefly", ("The envoys spoke in a corridor.",))
    assert post.updated == datetime(2025, 5, 16, 14, 52, tzinfo=timezone(timedelta(hours=1)))
    assert blog.posts[0].updated is None


HEADED_ABOVE = """Live: talks in Port Elda

Tuesday, 17 March 2026

Delegations meet in Port Elda today
By Staff
7:02 am
The Varnian and Osterlandic delegations are due to sit down in Port Elda today, the hosts said on Monday evening.
Share

Varnia names its negotiators
By Ana Ruiz
7:41 am
Varnia's negotiators will be led by Deputy Foreign Minister Orvo Talvik, the foreign ministry said in a statement.

Talks begin
By Agencies
9:05 am
The talks between the Varnian and Osterlandic delegations have begun in the old customs house on the harbour.
"""


def test_headlines_and_bylines_printed_above_the_stamps_are_the_posts_below() -> None:
    blog = parse(HEADED_ABOVE, order="oldest-first")
    assert [(p.headline, p.byline, f"{p.time:%H:%M}") for p in blog.posts] == [
        ("Delegations meet in Port Elda today", "By Staff", "07:02"),
        ("Varnia names its negotiators", "By Ana Ruiz", "07:41"),
        ("Talks begin", "By Agencies", "09:05"),
    ]
    # no post of the day's first header lines, and no post ends with the next one's headline
    assert all(len(p.paragraphs) == 1 and p.paragraphs[0].endswith(".") for p in blog.posts)


def test_headers_above_the_stamp_with_short_posts_and_a_day_of_one_post() -> None:
    text = HEADED_ABOVE.replace(
        "The talks between the Varnian and Osterlandic delegations have begun in the old customs house on the harbour.",
        "The talks have begun.") + "\nWednesday, 18 March 2026\n\nTalks end\nBy Staff\n6:10 pm\nThe talks have ended.\n"
    blog = parse(text, order="oldest-first")
    assert [p.headline for p in blog.posts] == ["Delegations meet in Port Elda today", "Varnia names its negotiators",
                                                "Talks begin", "Talks end"]
    assert [p.paragraphs[-1] for p in blog.posts][-2:] == ["The talks have begun.", "The talks have ended."]
    assert not any(p.time_estimated for p in blog.posts)  # no post made of a day's header lines


def test_sentences_closing_posts_above_the_stamps_are_no_headlines() -> None:
    text = ("16 May 2025\n\nThe delegations have arrived in Port Elda, officials said.\nMore soon.\n14:05\n"
            "The talks have begun in the customs house, the hosts said.\nStay with us.\n15:10\n"
            "The talks have paused for lunch, the hosts said.\nMore soon.\n16:20\nThe talks resumed.\n")
    blog = parse(text)
    assert all(p.headline == "" for p in blog.posts)


def test_a_stamp_that_opens_its_text_keeps_the_text() -> None:
    text = HEADED_ABOVE.replace("7:41 am\nVarnia's", "7:41 am Varnia's")
    blog = parse(text, order="oldest-first")
    assert any(p.text.startswith("Varnia's negotiators will be led") or "Varnia's negotiators" in p.text for p in blog.posts)


def test_a_short_line_above_one_stamp_stays_with_the_post_above() -> None:
    # one post of three signs off above the next stamp: no shape of the section, so it keeps its line
    text = HEADED_ABOVE.replace("Varnia names its negotiators\nBy Ana Ruiz\n", "").replace(
        "Talks begin\nBy Agencies\n", "")
    blog = parse(text, order="oldest-first")
    assert all(p.headline == "" for p in blog.posts)


def test_updated_line_after_midnight_is_the_next_day() -> None:
    blog = parse("16 May 2025\n23.50 BST\nThe vote has passed, the speaker has said.\nUpdated at 00.20 BST\n22.00 BST\nVoting has begun.")
    assert blog.posts[-1].updated == datetime(2025, 5, 17, 0, 20, tzinfo=timezone(timedelta(hours=1)))
    assert blog.posts[0].updated is None


# ------------------------------------------------------------------ pinned and out-of-order posts

PINNED = """15 May 2025
09:00
What we know so far
The talks are in their second day.
18:30
The ministry has said talks will resume.
16:10
Russia has said the delegation arrived.
12:00
The envoy has arrived.
"""


def test_a_pinned_post_takes_its_place_by_time() -> None:
    blog = parse(PINNED)
    assert [p.text for p in blog.posts][0] == "The talks are in their second day."
    assert clocks(blog) == [("09:00", False), ("12:00", False), ("16:10", False), ("18:30", False)]
    assert [p.pinned for p in blog.posts] == [True, False, False, False]
    assert [w.line for w in blog.warnings if "pinned" in w.message] == [2]
    assert blog.posts[-1].text == "The ministry has said talks will resume."  # never the newest post


def test_a_pinned_summary_updated_later_takes_its_place_at_the_update() -> None:
    # its text is what was known at 17:00: shown at 09:00 it would tell the replay's future
    blog = parse(PINNED.replace("The talks are in their second day.\n",
                                "The talks are in their second day.\nUpdated at 17:00\n"))
    assert [(f"{p.time:%H:%M}", p.pinned) for p in blog.posts] == [("12:00", False), ("16:10", False), ("17:00", True),
                                                                  ("18:30", False)]
    assert any("updated at 17:00" in w.message and "pinned" in w.message for w in blog.warnings)


TICKER = """Harbour strike: the ticker
All times local. Newest entries on top.

Friday, 16 May 2025

+++ 08:05 | Pinned +++
Where things stand
- Dockers and port owners are back at the table.
- A deal could come tonight.
Last updated: 17:40

+++ 17:30 +++
Deal announced
The two sides have agreed on a new wage scale, the mediator said.

Thanks for reading. (ab)

+++ 12:10 | Update +++
Talks adjourned for lunch
The mediator said the talks would resume at 13:00.

+++ 09:00 +++
Talks resume
The dockers' union and the port owners met again at the mediator's office.
"""


def test_a_ticker_with_decorated_stamps_and_a_pinned_label() -> None:
    blog = parse(TICKER)
    assert blog.summary is not None and blog.summary.text.startswith("Harbour strike")
    assert [(f"{p.time:%H:%M}", p.time_estimated, p.pinned) for p in blog.posts] == [
        ("09:00", False, False), ("12:10", False, False), ("17:30", False, False), ("17:40", False, True)]
    assert [p.headline for p in blog.posts] == ["Talks resume", "Talks adjourned for lunch", "Deal announced",
                                                "Where things stand"]
    # the sign-off stays in its post; "Last updated" dates the pinned post's edit
    assert blog.posts[2].paragraphs[-1] == "Thanks for reading. (ab)"
    assert blog.posts[3].updated is not None and f"{blog.posts[3].updated:%H:%M}" == "17:40"


def test_a_pinned_label_pins_a_post_even_in_the_page_order() -> None:
    text = "16 May 2025\n+++ 18:00 | Pinned +++\nWhat we know.\n+++ 15:00 +++\nAfternoon news.\n+++ 11:00 +++\nMorning news."
    blog = parse(text)
    assert [(f"{p.time:%H:%M}", p.pinned) for p in blog.posts] == [("11:00", False), ("15:00", False), ("18:00", True)]
    assert any("marked pinned" in w.message for w in blog.warnings)


def test_opening_report_kept_on_top_of_a_newest_first_page_is_shown_first() -> None:
    text = "15 May 2025\n08:00 The summit has opened, officials have said.\n11:00 The envoy has arrived.\n10:00 Talks have begun.\n09:00 Delegations have arrived."
    blog = parse(text)
    assert [f"{p.time:%H:%M}" for p in blog.posts] == ["08:00", "09:00", "10:00", "11:00"]
    assert blog.posts[0].pinned and not any(p.pinned for p in blog.posts[1:])


def test_a_pinned_post_only_at_the_top_of_the_page() -> None:
    text = "16 May 2025\n18:00 Latest news.\n15:00 Afternoon news.\n15 May 2025\n08:00 Morning news, 15 May.\n20:00 Evening news, 15 May.\n12:00 Noon news, 15 May."
    blog = parse(text)
    assert not any(p.pinned for p in blog.posts)  # out of order, but not at the top: moved, not pinned
    assert [f"{p.day:%d} {p.time:%H:%M}" for p in blog.posts] == ["15 08:00", "15 12:00", "15 20:00", "16 15:00", "16 18:00"]
    assert any("out of order" in w.message and w.line == 5 for w in blog.warnings)


def test_posts_under_one_stamp_move_together() -> None:
    text = "15 May 2025\n09:00\nThe summit has opened, officials have said.\nThe envoy has said she is hopeful.\n“We are ready,” she said.\n11:00\nThe envoy has arrived.\n10:00\nTalks have begun."
    blog = parse(text)
    assert blog.posts[0].pinned and blog.posts[0].paragraphs[0] == "The summit has opened, officials have said."
    assert [f"{p.time:%H:%M}" for p in blog.posts] == ["09:00", "10:00", "11:00"]


@pytest.mark.parametrize("order", ["newest-first", "oldest-first"])
def test_stamps_in_order_move_nothing(order: str) -> None:
    stamps = ["09:00", "10:00", "11:00"] if order == "oldest-first" else ["11:00", "10:00", "09:00"]
    text = "15 May 2025\n" + "\n".join(f"{s}\nPost at {s}." for s in stamps)
    blog = parse(text)
    assert [f"{p.time:%H:%M}" for p in blog.posts] == ["09:00", "10:00", "11:00"] and not blog.warnings
    assert time(9) == blog.posts[0].time.time()


def test_headline_style_blogs_never_split_a_body_even_with_long_posts() -> None:
    body = [f"Minister Number{i} Person has said point {i} matters, Agency{i} has reported." for i in range(20)]
    text = "16 May 2025\n18:00\nSecond headline here\n" + "\n".join(body) + "\n09:00\nFirst headline here\n" + "\n".join(body)
    blog = parse(text)
    assert [(p.headline, len(p.paragraphs)) for p in blog.posts] == [("First headline here", 20), ("Second headline here", 20)]


def test_a_pinned_text_post_updated_on_another_day_stays_on_its_day_and_says_so() -> None:
    # a text blog is parsed one day section at a time: the post cannot move into another day
    # (a saved page's pinned post does: tests/core/test_page.py)
    blog = parse(PINNED.replace("The talks are in their second day.\n",
                                "The talks are in their second day.\nUpdated at 00:40\n"))
    assert [(f"{p.time:%H:%M}", p.pinned) for p in blog.posts][0] == ("09:00", True)
    assert f"{blog.posts[0].updated:%d %H:%M}" == "16 00:40"
    assert any("updated Fri 16 May 00:40, another day: it stays on its own day" in w.message for w in blog.warnings)


# ------------------------------------------------------------------ dated stamps on a day's first post only

# A newest-first page with no day headers: each post opens with a time line and only
# the earliest post of each day carries the date, so that dated stamp is at the BOTTOM
# of its day's block, under the undated posts of the same day.
OWN_DATED = """Ferry strike ends after two days of talks

Live updates: what happened as the union and the operator met.

7:40 p.m. ET
Crews back at work tonight
The first evening sailings left on time, the operator said.

10:15 a.m. ET
Talks resume for a second day
The union's negotiators returned to the mediator's office.

June 3, 8:05 a.m. ET
Mediator arrives early
The mediator arrived before both delegations.

11:30 p.m. ET
Talks break off for the night
Both sides said the talks had been useful.

June 2, 9:00 a.m. ET
Ferry talks open
The union and the operator met at the mediator's office.
"""


def _days_and_clocks(blog) -> list[tuple[str, str]]:
    return [(f"{p.day:%m-%d}", f"{p.time:%H:%M}") for p in blog.posts]


def test_a_dated_stamp_dates_its_own_post_and_the_undated_posts_above_it() -> None:
    blog = parse(OWN_DATED, timezone="America/New_York", year=2026)
    assert _days_and_clocks(blog) == [("06-02", "09:00"), ("06-02", "23:30"), ("06-03", "08:05"),
                                      ("06-03", "10:15"), ("06-03", "19:40")]
    assert not any(p.time_estimated for p in blog.posts)
    # the posts above the first date are posts, not the summary
    assert blog.summary is not None and blog.summary.text == (
        "Ferry strike ends after two days of talks\nLive updates: what happened as the union and the operator met.")
    assert blog.posts[-1].headline == "Crews back at work tonight"
    assert not blog.warnings


def test_a_dated_stamp_heading_the_posts_below_it_keeps_that_reading() -> None:
    # newest-first, each day's NEWEST post dated: the undated posts below it are that day's earlier ones
    text = """June 3, 7:40 p.m. ET
Crews back at work tonight
The first evening sailings left on time.

10:15 a.m. ET
Talks resume for a second day
The negotiators returned.

June 2, 11:30 p.m. ET
Talks break off for the night
Both sides said the talks had been useful.

9:00 a.m. ET
Ferry talks open
The union and the operator met.
"""
    blog = parse(text, timezone="America/New_York", year=2026)
    assert _days_and_clocks(blog) == [("06-02", "09:00"), ("06-02", "23:30"), ("06-03", "10:15"), ("06-03", "19:40")]


def test_an_oldest_first_page_with_dated_first_posts_is_unchanged() -> None:
    text = """June 2, 9:00 a.m. ET
Ferry talks open
The union and the operator met.

11:30 p.m. ET
Talks break off for the night
Both sides said the talks had been useful.

June 3, 8:05 a.m. ET
Mediator arrives early
The mediator arrived first.

10:15 a.m. ET
Talks resume
The negotiators returned.
"""
    blog = parse(text, timezone="America/New_York", year=2026)
    assert blog.order == "oldest-first"
    assert _days_and_clocks(blog) == [("06-02", "09:00"), ("06-02", "23:30"), ("06-03", "08:05"), ("06-03", "10:15")]


def test_stamps_above_a_real_day_header_stay_in_the_summary() -> None:
    text = """Ferry strike: the live page
14:05
Summary line written afterwards.
3 June 2026
18:00
Crews back at work.
09:00
Talks resume.
2 June 2026
20:00
Talks break off.
"""
    blog = parse(text)
    assert blog.summary is not None and blog.summary.text.startswith("Ferry strike")
    assert blog.summary.text.endswith("Summary line written afterwards.")
    assert len(blog.posts) == 3


def test_a_byline_line_closing_a_post_is_its_byline() -> None:
    blog = parse(OWN_DATED.replace("left on time, the operator said.\n",
                                   "left on time, the operator said.\n\n— Lena Ortiz and Sam Reyes, reporting from Port Elm\n")
                 .replace("before both delegations.\n", "before both delegations.\n\n— Lena Ortiz\n"),
                 timezone="America/New_York", year=2026)
    last = blog.posts[-1]
    assert last.byline == "Lena Ortiz and Sam Reyes, reporting from Port Elm"
    assert list(last.paragraphs) == ["The first evening sailings left on time, the operator said."]
    assert blog.posts[2].byline == "Lena Ortiz" and len(blog.posts[2].paragraphs) == 1


def test_a_dash_line_that_is_no_name_stays_text() -> None:
    text = "16 May 2025\n18:00\nTalks resume\nThe talks resumed.\n— and then, at last, a deal.\n"
    blog = parse(text)
    assert blog.posts[0].byline == "" and blog.posts[0].paragraphs[-1] == "— and then, at last, a deal."


def test_a_byline_printed_above_the_stamp_is_the_byline_of_the_post_under_it() -> None:
    blog = parse("Harbour talks live\n"
                 "Mar. 14, 2031, 2:15 p.m. ET\nTalks resume\nThe talks have resumed.\n"
                 "By Dana Ruiz\nReporting from Port Elda\n"
                 "Mar. 14, 2031, 1:40 p.m. ET\nDelegates arrive\nThe delegates walked in at 1:35.\n",
                 timezone="America/New_York")
    older, newer = blog.posts
    assert (older.headline, older.byline, older.paragraphs) == (
        "Delegates arrive", "By Dana Ruiz, Reporting from Port Elda", ("The delegates walked in at 1:35.",))
    assert newer.paragraphs == ("The talks have resumed.",) and newer.byline == ""


def test_the_pages_title_line_and_reading_notes_are_no_summary() -> None:
    blog = parse("Talks in Port Elda: live updates\nAll times are Port Elda time. Oldest updates first.\n\n"
                 "16 May 2025\n14.05 BST\nThe talks have begun in the customs house.\n")
    assert blog.summary is None
    blog = parse("LIVE: talks in Port Elda\nThe delegations agreed a ceasefire after three days.\n\n"
                 "16 May 2025\n14.05 BST\nThe talks have begun in the customs house.\n")
    assert blog.summary is not None and blog.summary.text == "The delegations agreed a ceasefire after three days."
    blog = parse("Times are tough for the negotiators.\n\n16 May 2025\n14.05 BST\nThe talks have begun.\n")
    assert blog.summary is not None  # a lede sentence about times, not a note on the clock
