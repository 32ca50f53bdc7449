"""parse_text on small constructed blogs: summary, order, stamps, warnings, line numbers."""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.core.errors import InputError
from tui.core.model import BlogMeta
from tui.core.parse import parse_text

META = BlogMeta(timezone="Europe/Istanbul")


def parse(text: str, **meta: str):
    return parse_text(text, BlogMeta(**{"timezone": "Europe/Istanbul", **meta}), "t.txt")


NEWEST_FIRST = """Lede written after the events.
Second lede line.
16 May 2025
Norway has said it will attend, NRK has reported.
“We are ready,” Berg said.

Finland has confirmed the venue, a source has told AFP.
15 May 2025
Sweden has announced a delegation, SVT has reported."""


def test_summary_kept_apart_with_lines() -> None:
    blog = parse(NEWEST_FIRST)
    assert blog.summary is not None
    assert blog.summary.text == "Lede written after the events.\nSecond lede line."
    assert (blog.summary.first_line, blog.summary.last_line) == (1, 2)
    assert all(p.first_line > 3 or p.day == date(2025, 5, 15) for p in blog.posts)


def test_newest_first_detected_and_reversed() -> None:
    blog = parse(NEWEST_FIRST)
    assert blog.order == "newest-first"
    assert [p.seq for p in blog.posts] == [1, 2, 3]
    assert [(p.first_line, p.last_line) for p in blog.posts] == [(9, 9), (7, 7), (4, 5)]
    assert blog.days == [date(2025, 5, 15), date(2025, 5, 16)]
    times = [p.time for p in blog.posts]
    assert times == sorted(times) and all(p.time_estimated for p in blog.posts)


def test_oldest_first_detected() -> None:
    text = "15 May 2025\nSweden has announced a delegation, SVT has reported.\n16 May 2025\nNorway has said it will attend, NRK has reported."
    blog = parse(text)
    assert blog.order == "oldest-first" and blog.summary is None
    assert [p.first_line for p in blog.posts] == [2, 4]


def test_single_day_defaults_to_newest_first() -> None:
    blog = parse("16 May 2025\nNorway has said it will attend, NRK has reported.\nSweden has announced a team, SVT has reported.")
    assert blog.order == "newest-first" and [p.first_line for p in blog.posts] == [3, 2]


def test_given_order_is_honoured_and_contradiction_warned() -> None:
    blog = parse(NEWEST_FIRST, order="oldest-first")
    assert blog.order == "oldest-first" and [p.first_line for p in blog.posts] == [4, 7, 9]
    assert any("description says oldest-first" in w.message for w in blog.warnings)


STAMPED = """16 May 2025
09:10
Sweden has announced a delegation, SVT has reported.
He added that talks would start soon.
11:30 GMT
Norway has said it will attend, NRK has reported.
16 May 2025 15:00
Finland has confirmed the venue, a source has told AFP."""


def test_stamped_oldest_first_blog() -> None:
    blog = parse(STAMPED)
    assert blog.order == "oldest-first"
    assert [(p.time.time(), p.time_estimated) for p in blog.posts] == [
        (time(9, 10), False),
        (time(14, 30), False),  # 11:30 GMT in Istanbul
        (time(15, 0), False),
    ]
    assert [(p.first_line, p.last_line) for p in blog.posts] == [(3, 4), (6, 6), (8, 8)]
    assert not blog.warnings


def test_stamped_newest_first_detected_from_stamps() -> None:
    text = "16 May 2025\n14:05\nNorway has said it will attend.\n12:00\nFinland has confirmed the venue.\n09:00\nSweden has announced a team."
    blog = parse(text)
    assert blog.order == "newest-first"
    assert [p.time.time() for p in blog.posts] == [time(9, 0), time(12, 0), time(14, 5)]
    assert not blog.warnings


def test_stamps_decide_the_order_when_the_page_disagrees() -> None:
    """A stamp out of the page's order is trusted: the post is placed by its time,
    keeps its explicit time, and check warns with the stamp's line number."""
    lines = ["16 May 2025", "14:05", "Norway has said it will attend.", "09:00", "Oops.", "12:00", "Finland has confirmed.", "08:00", "Sweden has announced."]
    blog = parse("\n".join(lines))
    assert blog.order == "newest-first"
    assert [p.text for p in blog.posts] == ["Sweden has announced.", "Oops.", "Finland has confirmed.", "Norway has said it will attend."]
    assert [p.time.time() for p in blog.posts] == [time(8), time(9), time(12), time(14, 5)]
    assert not any(p.time_estimated for p in blog.posts)
    out_of_order = [w.line for w in blog.warnings if "out of order" in w.message]
    assert len(out_of_order) == 1 and out_of_order[0] in (4, 6)  # either stamp could be the misplaced one
    assert not any(p.pinned for p in blog.posts)


def test_posts_older_than_a_midnight_stamp_come_just_before_it() -> None:
    blog = parse("10 May 2025\n00:00 Officials met.\nOfficials said hello.")
    hello, met = blog.posts
    assert (hello.text, met.text) == ("Officials said hello.", "00:00 Officials met.")
    assert hello.time_estimated and not met.time_estimated
    assert hello.time < met.time


def test_leading_stamp_dates_its_post() -> None:
    blog = parse("16 May 2025\n10:15 Sweden has announced a team, SVT has reported.\n12:40 Norway has said it will attend.")
    assert [(p.time.time(), p.time_estimated) for p in blog.posts] == [(time(10, 15), False), (time(12, 40), False)]
    assert blog.posts[0].text.startswith("10:15 ")  # text stays verbatim


def test_a_labelled_leading_stamp_on_a_long_line_opens_its_post() -> None:
    # Long lines are skipped by the fast scan unless a digit opens them: the
    # label ("UPDATE", "Last updated at") must not hide the clock behind it.
    filler = " The sides will meet again tomorrow, officials in the capital said."
    text = ("16 May 2025\n10:15 Sweden has announced a team, SVT has reported." + filler +
            "\nUPDATE 4:50 PM: Norway has said it will attend, NRK has reported." + filler)
    blog = parse(text, order="oldest-first")
    assert [(p.time.time(), p.time_estimated) for p in blog.posts] == [(time(10, 15), False), (time(16, 50), False)]
    assert blog.posts[1].text.startswith("UPDATE 4:50 PM: Norway")


def test_time_inside_a_sentence_does_not_date_the_post() -> None:
    blog = parse("16 May 2025\nTalks are scheduled for 10am, TASS has reported.\nNorway has said it will attend at 14:05, NRK has reported.")
    assert all(p.time_estimated for p in blog.posts)


def test_a_lone_stamp_dates_only_the_first_post_below_it() -> None:
    text = "16 May 2025\n10:00\nSweden has announced a team, SVT has reported.\nNorway has said it will attend, NRK has reported."
    blog = parse(text, order="oldest-first")
    assert [(p.time.time(), p.time_estimated) for p in blog.posts] == [(time(10, 0), False), (time(16, 30), True)]


def test_in_a_stamped_blog_each_stamp_opens_exactly_one_post() -> None:
    text = "16 May 2025\n10:00\nSweden has announced a team, SVT has reported.\nNorway has said it will attend, NRK has reported.\n12:00\nFinland has confirmed the venue, YLE has reported."
    blog = parse(text, order="oldest-first")
    assert [(p.first_line, p.last_line, p.time_estimated) for p in blog.posts] == [(3, 4, False), (6, 6, False)]


def test_unstamped_lead_in_before_the_first_stamp_is_estimated_before_it() -> None:
    text = "16 May 2025\nSweden has announced a team, SVT has reported.\n12:00\nFinland has confirmed the venue.\n14:00\nNorway has said it will attend."
    blog = parse(text, order="oldest-first")
    assert blog.posts[0].time_estimated and blog.posts[0].time.time() == time(10, 0)


def test_duplicate_day_header_warned() -> None:
    blog = parse("16 May 2025\nNorway has said it will attend, NRK has reported.\n16 May 2025\nSweden has announced a team, SVT has reported.")
    assert any(w.line == 3 and "repeated" in w.message for w in blog.warnings)
    assert len(blog.posts) == 2


def test_empty_day_and_weekday_mismatch_warned() -> None:
    blog = parse("Thursday, 16 May 2025\n15 May 2025\nSweden has announced a team, SVT has reported.")
    messages = {(w.line, w.message.split()[0]) for w in blog.warnings}
    assert (1, "weekday") in messages and (1, "day") in messages


def test_header_and_blank_lines_belong_to_no_post() -> None:
    blog = parse(NEWEST_FIRST)
    covered = {n for p in blog.posts for n in range(p.first_line, p.last_line + 1)}
    assert 3 not in covered and 8 not in covered and 6 not in covered  # headers, blank
    assert covered == {4, 5, 7, 9}


def test_no_day_headers_is_an_input_error() -> None:
    with pytest.raises(InputError) as e:
        parse("Just some text.\nMore text on 16 May 2025 in a sentence.")
    assert "no day headers found" in str(e.value) and "'16.05.2025'" in str(e.value)


def test_verbatim_markup_like_text() -> None:
    blog = parse("16 May 2025\n[US] officials [/] said [bold] things, CNN has reported.")
    assert blog.posts[0].text == "[US] officials [/] said [bold] things, CNN has reported."


def test_a_pages_share_buttons_ads_and_related_links_are_not_post_text() -> None:
    blog = parse("Harbour talks live\n"
                 "14 March 2031\n"
                 "14:05\nThe talks have begun.\nShare full article\n"
                 "13:40\nWatch: the delegations arrive\nRelated: Why the harbour matters\nAdvertisement\n"
                 "Delegates walked in at 13:35.\nShare\n")
    assert [(p.headline, p.paragraphs) for p in blog.posts] == [
        ("Watch: the delegations arrive", ("Delegates walked in at 13:35.",)), ("", ("The talks have begun.",))]


def test_a_share_button_under_each_post_ends_the_post_in_a_blog_without_stamps() -> None:
    blog = parse("Harbour talks live\n"
                 "14 March 2031\n"
                 "The talks have resumed after a short break, the mediators said.\nShare\n"
                 "Analysis: why the harbour matters\nAna Ruiz\n"
                 "On paper this is a dispute about fees. In practice it is about berths.\n"
                 "It has lasted three years.\nShare\n"
                 "Delegates walked in at 13:35, a spokesman said.\n")
    assert [p.paragraphs[0] for p in blog.posts] == [
        "Delegates walked in at 13:35, a spokesman said.", "Analysis: why the harbour matters",
        "The talks have resumed after a short break, the mediators said."]


def test_a_us_region_word_after_a_leading_clock_is_no_zone_and_a_one_line_post_between_share_lines_stays() -> None:
    blog = parse("Harbour talks live\n14 March 2031\n10:15 Pacific island leaders have arrived for the talks.\n")
    assert f"{blog.posts[0].time:%H:%M}" == "10:15"
    blog = parse("Harbour talks live\n14 March 2031\nTalks suspended for the night\nShare\n"
                 "Delegates walked in at 13:35, a spokesman said.\nShare\nThe talks resumed, officials said.\n")
    assert [p.paragraphs for p in blog.posts] == [("The talks resumed, officials said.",),
                                                  ("Delegates walked in at 13:35, a spokesman said.",),
                                                  ("Talks suspended for the night",)]


def test_a_pinned_label_under_a_stamp_marks_the_post_and_is_not_its_headline() -> None:
    blog = parse("Talks live\n16 May 2025\n\n14:05\nPINNED\nWelcome to our coverage\nThe talks open today in Port Elda.\n\n"
                 "13:10\nDelegations arrive\nThe Varnian delegation has arrived.\n")
    newest = blog.posts[-1]
    assert (newest.headline, newest.pinned) == ("Welcome to our coverage", True)
    assert "PINNED" not in newest.text and not blog.posts[0].pinned
