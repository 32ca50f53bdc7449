"""Saved HTML pages in several CMS shapes (tests/core/pages/, hand-written):
JSON-LD inside @graph, <article> blocks, <div> blocks around <time>, and a page
with only text; page furniture never becomes post text; bad pages are one line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.load import load_blog
from tui.core.page import looks_like_html, read_page

PAGES = Path(__file__).parent / "pages"
FURNITURE = ("Advertisement", "Share", "Copy link", "Photo", "Home", "Subscribe", "cookies", "Related", "Contact us",
             "Sign up", "Caption", "dataLayer", "margin", "WATCH", "Highlights")


def all_text(blog) -> str:
    return "\n".join(f"{p.headline}\n{p.byline}\n{p.text}" for p in blog.posts)


def test_jsonld_inside_a_graph_gives_exact_posts() -> None:
    blog = load_blog(PAGES / "jsonld_graph.html")
    utc = timezone.utc
    assert [p.time for p in blog.posts] == [datetime(2024, 3, 11, 6, 12, tzinfo=utc), datetime(2024, 3, 11, 14, 5, tzinfo=utc),
                                           datetime(2024, 3, 11, 21, 40, tzinfo=utc)]
    assert not any(p.time_estimated for p in blog.posts)
    dawn, authority, night = blog.posts
    assert dawn.headline == "Dockers walk out at dawn"
    assert dawn.paragraphs == ("Several hundred dockers have walked out at Portmere, the union has said.",)  # nbsp → space
    assert authority.headline == "Port authority: “We remain open to talks”"
    assert authority.byline == "Ivo Brandt and Maren Holt"
    assert authority.paragraphs == ("The port authority has issued a statement.", "“We remain open to talks,” a spokesperson said.")
    assert night.paragraphs[0] == "The union has said pickets will stand down overnight & return at 6am."  # &amp;
    assert night.updated == datetime(2024, 3, 11, 22, 5, tzinfo=utc) and night.byline == "Maren Holt"
    assert blog.title == "Harbour strike live: dockers walk out"
    assert blog.summary is not None and blog.summary.text.startswith("Dockers at Portmere walked out")
    assert [p.first_line for p in blog.posts] == [29, 24, 18]  # each post points at its update in the page
    assert not any(word in all_text(blog) for word in FURNITURE)


def test_article_blocks_with_a_pinned_summary() -> None:
    blog = load_blog(PAGES / "article_blocks.html")
    cest = timezone(timedelta(hours=2))
    assert blog.meta.timezone == "+02:00"  # the page's own zone when the description gives none
    assert [(p.time, p.headline) for p in blog.posts] == [
        (datetime(2023, 10, 20, 7, 30, tzinfo=cest), "Key points so far"),
        (datetime(2023, 10, 20, 8, 5, tzinfo=cest), "Red warning issued"),
        (datetime(2023, 10, 20, 11, 20, tzinfo=cest), "Schools in the upper valley to close early"),
        (datetime(2023, 10, 20, 16, 45, tzinfo=cest), "River Sava bursts its banks at Brenn"),
    ]
    key, warning, schools, river = blog.posts
    assert key.pinned and not any(p.pinned for p in (warning, schools, river))
    assert key.paragraphs == ("• Red warning for the upper valley until midnight", "• Rail services suspended between Arlo and Brenn")
    assert warning.paragraphs == ("The weather service has issued a red warning for the upper valley.",
                                  "Winds of up to 140km/h are expected.")
    assert river.byline == "By Tomas Rieder"
    assert river.paragraphs == ("Firefighters have begun evacuating houses along the river road.",
                                "“The water rose a metre in an hour,” one resident said.")
    assert river.updated == datetime(2023, 10, 20, 17, 10, tzinfo=cest)
    assert any("pinned" in w.message for w in blog.warnings)
    assert not any(word in all_text(blog) for word in FURNITURE)


def test_div_blocks_around_time_elements() -> None:
    blog = load_blog(PAGES / "div_blocks.html")
    assert [f"{p.time:%H:%M}" for p in blog.posts] == ["17:31", "18:15", "19:02"]
    kickoff, half, final = blog.posts
    assert kickoff.paragraphs == ("Kick-off in the cup final… & the stadium is full.",)
    assert (half.byline, half.paragraphs) == ("Noor Haddad", ("Half-time: Riverside 1-1 Northgate.",))
    assert final.headline == "Final whistle"
    assert final.paragraphs == ("Riverside win the cup 2-1 after extra time.", "Fans have poured onto the pitch.")
    assert not any(word in all_text(blog) for word in FURNITURE)


def test_a_page_with_text_only_is_parsed_like_a_text_blog_with_page_lines() -> None:
    blog = load_blog(PAGES / "text_only.html", timezone="Europe/London")
    assert [(f"{p.time:%d %H:%M}", p.time_estimated, p.first_line) for p in blog.posts] == [
        ("08 22:00", False, 15), ("09 00:40", False, 12), ("09 01:15", False, 10)]
    assert blog.summary is not None and blog.summary.text.endswith("this page followed the count.")
    assert not any(word in all_text(blog) for word in FURNITURE + ("Politics", "newsletter"))


def test_times_are_shown_in_the_description_zone_when_given() -> None:
    blog = load_blog(PAGES / "article_blocks.html", timezone="UTC")
    assert f"{blog.posts[0].time:%H:%M %z}" == "05:30 +0000"


@pytest.mark.parametrize(
    "html, needle",
    [
        ("<html", "malformed HTML"),
        ("<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no live-blog posts"),
    ],
)
def test_pages_without_posts_are_one_line_errors(html: str, needle: str) -> None:
    with pytest.raises(InputError) as err:
        read_page(html, "p.html") if needle == "malformed HTML" else load_blog_text(html)
    assert needle in str(err.value) and "\n" not in str(err.value)


def load_blog_text(html: str):
    from tui.core.load import _plan_page
    from tui.core.parse import finish_plan

    return finish_plan(_plan_page(html, [], "p.html", None, None, None, False))


def test_malformed_jsonld_is_named_with_its_line() -> None:
    with pytest.raises(InputError, match=r"line 5: malformed JSON-LD \(Expecting ',' delimiter\)"):
        load_blog(PAGES / "broken_jsonld.html")


def test_malformed_jsonld_beside_good_blocks_is_a_warning() -> None:
    text = (PAGES / "div_blocks.html").read_text().replace(
        "<html>", '<html><head><script type="application/ld+json">{"@type": oops}</script></head>')
    page = read_page(text, "p.html")
    assert page.how == "blocks" and len(page.posts) == 3
    assert any("malformed JSON-LD" in w.message for w in page.warnings)


def test_entities_cannot_smuggle_controls() -> None:
    text = (PAGES / "div_blocks.html").read_text().replace("Half-time", "Half&#27;[2J&#x202E;time")
    page = read_page(text, "p.html")
    body = "\n".join(t for p in page.posts for t in p.paragraphs)
    assert "\x1b" not in body and "\u202e" not in body and "␛[2J<U+202E>time" in body
    assert any("U+001B" in w.message for w in page.warnings)


@pytest.mark.parametrize(
    "text, html",
    [("<!DOCTYPE html>\n<html>", True), ("  <html lang=en>", True), ("<?xml version='1.0'?>\n<html>", True),
     ("<div class=x>", True), ("16 May 2025\nText <b>bold</b>", False), ("<3 this blog\n16 May 2025", False)],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_the_page_masthead_is_not_text_but_a_post_header_is_read(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><header class='masthead'><a href='/'>Valley Herald</a> Live</header>\n"
                    "<h2>Friday 9 May 2025</h2><p>14:05 The first result has been declared, officials have said.</p>"
                    "<p>13:00 Polls have closed.</p></body></html>")
    blog = load_blog(page)
    assert blog.summary is None and [p.text[:5] for p in blog.posts] == ["13:00", "14:05"]
    assert "Valley Herald" not in all_text(blog)


def test_jsonld_text_fields_written_html_escaped_read_as_plain_text(tmp_path: Path) -> None:
    page = tmp_path / "escaped.html"
    page.write_text("""<html><head><script type="application/ld+json">
{"@type": "LiveBlogPosting", "headline": "Strike &amp; lockout live",
 "liveBlogUpdate": [{"@type": "BlogPosting", "datePublished": "2024-03-11T06:12:00Z",
   "headline": "Ceasefire &amp; exchange agreed", "author": {"name": "Ivo &quot;Ike&quot; Brandt"},
   "articleBody": "The sides have agreed &lt;in principle&gt;."}]}
</script></head><body><p>x</p></body></html>""", encoding="utf-8")
    blog = load_blog(page)
    (post,) = blog.posts
    assert (post.headline, post.byline) == ("Ceasefire & exchange agreed", "Ivo \"Ike\" Brandt")
    assert blog.title == "Strike & lockout live"
    assert post.paragraphs == ("The sides have agreed <in principle>.",)


@pytest.mark.parametrize("name", ["blog.html", "blog_no_jsonld.html"])
def test_the_saved_page_gives_its_expected_posts_with_and_without_json_ld(name: str) -> None:
    import tomllib

    folder = Path(__file__).resolve().parents[1] / "blogs" / "ceasefire_html"
    expected = tomllib.loads((folder / "expected_posts.toml").read_text(encoding="utf-8"))["post"]
    blog = load_blog(folder / name)
    assert len(blog.posts) == len(expected)
    for post, want in zip(blog.posts, expected):
        assert post.headline == want["headline"], want["n"]
        assert post.time == datetime.fromisoformat(want["published"]), want["n"]
        assert post.paragraphs[0].startswith(want["starts"]), want["n"]
        modified = want.get("modified")
        assert post.updated == (datetime.fromisoformat(modified) if modified else None), want["n"]


# ------------------------------------------------------------------ posts as list items, sections, divs


def _entry(tag: str, ident: str, stamp: str, body: str, *, headline: str = "", extra_meta: str = "",
           cls: str = "entry") -> str:
    """One invented post in the shape many live-blog CMSes write, as any block element."""
    title = f"<h3 class='entry-title'>{headline}</h3>" if headline else ""
    return (f"<{tag} class='{cls}' id='{ident}'>"
            f"<div class='entry-meta'>{extra_meta}<time datetime='{stamp}'>{stamp[11:16]} CET</time></div>"
            f"{title}<div class='entry-body'>{body}</div>"
            f"<div class='entry-tools'><button type='button'>Share</button> "
            f"<a class='permalink' href='#{ident}'>Copy link</a></div></{tag}>")


def _page(items: str, wrapper: str = "ol") -> str:
    return (f"<!doctype html><html><head><title>Harbour summit live</title></head><body><main>"
            f"<h1>Harbour summit live</h1><{wrapper} class='stream'>{items}</{wrapper}></main></body></html>")


def _posts(tag: str) -> str:
    return (
        _entry(tag, "e1", "2031-02-03T09:00:00+01:00", "<p>Delegates from Orsk and Valmy have arrived in Tarnow.</p>",
               headline="Summit opens")
        + _entry(tag, "e2", "2031-02-03T10:30:00+01:00",
                 "<p>Valmy has named its team:</p><ul><li>Ada Kerne, minister</li><li>Piet Olm, envoy</li></ul>")
        + _entry(tag, "e3", "2031-02-04T08:15:00+01:00", "<p>The second day has begun.</p><p>Talks resume at noon.</p>",
                 headline="Day two")
    )


@pytest.mark.parametrize("tag, wrapper", [("li", "ol"), ("li", "ul"), ("div", "div"), ("section", "div"),
                                          ("article", "div")])
def test_a_repeated_block_holding_a_time_is_a_post_whatever_its_tag(tag: str, wrapper: str) -> None:
    blog = load_blog_text(_page(_posts(tag), wrapper))
    assert [(f"{p.time:%d %H:%M}", p.headline) for p in blog.posts] == [
        ("03 09:00", "Summit opens"), ("03 10:30", ""), ("04 08:15", "Day two")]
    opening, team, second = blog.posts
    # the post's own stamp and headline are not its text, and a post that is an <li> is no bullet
    assert opening.paragraphs == ("Delegates from Orsk and Valmy have arrived in Tarnow.",)
    # a list inside the body is a bulleted list
    assert team.paragraphs == ("Valmy has named its team:", "• Ada Kerne, minister", "• Piet Olm, envoy")
    assert second.paragraphs == ("The second day has begun.", "Talks resume at noon.")
    assert "CET" not in all_text(blog) and "Copy link" not in all_text(blog) and "Share" not in all_text(blog)
    assert not blog.warnings


def test_list_posts_with_dividers_ads_and_a_pinned_summary_updated_on_a_later_day() -> None:
    pinned = _entry("li", "e0", "2031-02-03T08:45:00+01:00",
                    "<p>The summit ended with a joint text, the hosts have said.</p>", headline="Summary",
                    extra_meta="<span class='entry-pin'>Pinned</span> ", cls="entry")
    pinned = pinned.replace("</div><h3", " <span class='entry-updated'>Updated "
                                          "<time datetime='2031-02-04T18:00:00+01:00'>4 Feb, 18:00 CET</time></span></div><h3", 1)
    items = (pinned + "<li class='divider' role='separator'>Monday 3 February</li>" + _posts("li")
             + "<li class='ad-slot'><script>load()</script>Advertisement</li>")
    blog = load_blog_text(_page(items))
    assert [p.headline for p in blog.posts] == ["Summit opens", "", "Day two", "Summary"]
    summary = blog.posts[-1]
    # the last written: its text is as of its update, so the replay shows it then, not at 08:45 on day one
    assert summary.pinned and f"{summary.time:%d %H:%M}" == "04 18:00" and summary.day.day == 4
    assert summary.updated == summary.time
    assert summary.paragraphs == ("The summit ended with a joint text, the hosts have said.",)
    assert not any(word in all_text(blog) for word in ("Pinned", "Updated", "Monday", "Advertisement", "Copy link"))
    assert [w.message for w in blog.warnings] == [
        "pinned post: stamped 08:45, updated Tue 04 Feb 18:00; placed at its update (its text is as of then)"]


def test_a_pinned_block_pins_its_json_ld_post_which_has_no_such_field() -> None:
    import json

    updates = [{"@type": "BlogPosting", "datePublished": "2031-02-03T08:45:00+01:00", "dateModified": "2031-02-04T18:00:00+01:00",
                "headline": "Summary", "articleBody": "The summit ended with a joint text, the hosts have said."},
               {"@type": "BlogPosting", "datePublished": "2031-02-04T08:15:00+01:00", "headline": "Day two",
                "articleBody": "The second day has begun."},
               {"@type": "BlogPosting", "datePublished": "2031-02-03T09:00:00+01:00", "headline": "Summit opens",
                "articleBody": "Delegates from Orsk and Valmy have arrived in Tarnow."}]
    ld = json.dumps({"@type": "LiveBlogPosting", "headline": "Harbour summit live", "liveBlogUpdate": updates})
    pinned = _entry("li", "e0", "2031-02-03T08:45:00+01:00", "<p>The summit ended with a joint text, the hosts have said.</p>",
                    headline="Summary", extra_meta="<span class='entry-pin'>Pinned</span> ")
    items = pinned + _entry("li", "e3", "2031-02-04T08:15:00+01:00", "<p>The second day has begun.</p>", headline="Day two") \
        + _entry("li", "e1", "2031-02-03T09:00:00+01:00", "<p>Delegates from Orsk and Valmy have arrived in Tarnow.</p>",
                 headline="Summit opens")
    page = _page(items).replace("<head>", f"<head><script type='application/ld+json'>{ld}</script>", 1)
    blog = load_blog_text(page)
    # the summary is the last thing written: shown at its update, never before the day it tells of
    assert [(p.headline, p.pinned) for p in blog.posts] == [("Summit opens", False), ("Day two", False), ("Summary", True)]


def test_a_pin_label_marks_a_post_pinned_and_a_pinned_post_without_update_keeps_its_time() -> None:
    pinned = _entry("div", "e0", "2031-02-03T08:45:00+01:00", "<p>Key points: the summit opens today.</p>",
                    extra_meta="<span class='pin-label'>Pinned</span> ")
    blog = load_blog_text(_page(pinned + _posts("div"), "div"))
    assert [(f"{p.time:%d %H:%M}", p.pinned) for p in blog.posts][0] == ("03 08:45", True)
    assert blog.posts[0].paragraphs == ("Key points: the summit opens today.",)


def test_an_update_moves_only_a_pinned_post() -> None:
    items = _posts("li").replace(
        "</time></div><h3 class='entry-title'>Summit opens",
        "</time> <span>Last updated: <time datetime='2031-02-04T20:00:00+01:00'>20:00</time></span></div>"
        "<h3 class='entry-title'>Summit opens", 1)
    blog = load_blog_text(_page(items))
    opening = blog.posts[0]
    assert f"{opening.time:%d %H:%M}" == "03 09:00" and not opening.pinned  # an edit never moves a post
    assert opening.updated is not None and f"{opening.updated:%d %H:%M}" == "04 20:00"
    assert "updated" not in all_text(blog).lower()  # the label of an update time is no paragraph


def test_paragraph_posts_lose_their_stamp_but_keep_their_text() -> None:
    items = "".join(f"<p><time datetime='2031-02-03T{h}:00:00+01:00'>{h}:00</time> Update number {h} from Tarnow.</p>"
                    for h in ("09", "10", "11"))
    blog = load_blog_text(_page(items, "div"))
    assert [p.paragraphs for p in blog.posts] == [(f"Update number {h} from Tarnow.",) for h in ("09", "10", "11")]


def test_permalinks_are_furniture_unless_they_wrap_the_time_or_headline() -> None:
    items = "".join(
        f"<div class='post' id='p{h}'><a rel='bookmark' href='#p{h}'><time datetime='2031-02-03T{h}:00:00Z'>{h}:00</time></a>"
        f"<h2><a rel='bookmark' href='#p{h}'>Headline {h}</a></h2><p>Text of post {h}, see <a href='#p{h}'>above</a>.</p>"
        f"<p class='perma-link'><a href='https://example.invalid/live'>Link to this post</a></p>"
        f"<a href='https://example.invalid/live#p{h}'>#</a></div>"
        for h in ("09", "10"))
    blog = load_blog_text(_page(items, "div"))
    assert [(p.headline, p.paragraphs) for p in blog.posts] == [
        ("Headline 09", ("Text of post 09, see above.",)), ("Headline 10", ("Text of post 10, see above.",))]
    assert not any(p.time_estimated for p in blog.posts)


def test_embedded_social_posts_are_not_the_posts_text() -> None:
    tweet = ("<blockquote class='twitter-tweet'><p>Landed in Tarnow. #summit</p>&mdash; Ada Kerne (@adakerne) "
             "<a href='https://x.example/1'>February 3, 2031</a></blockquote>")
    items = _posts("article").replace("<p>The second day has begun.</p>", "<p>The second day has begun.</p>" + tweet)
    blog = load_blog_text(_page(items, "div"))
    assert blog.posts[2].paragraphs == ("The second day has begun.", "Talks resume at noon.")
    assert "Landed" not in all_text(blog)


KEY_EVENTS_PAGE = """<!DOCTYPE html><html><body>
<div class="page-meta">
  <p class="meta-byline"><a rel="author" href="/ana-ruiz">Ana Ruiz</a> (now) and <a rel="author" href="/emil-holm">Emil Holm</a></p>
  <p class="meta-dateline"><time datetime="2026-03-03T18:00:00Z">Tue 3 Mar 2026 18.00 GMT</time></p>
  <p class="meta-first">First published on <time datetime="2026-03-02T07:00:00Z">Mon 2 Mar 2026 07.00 GMT</time></p>
</div>
<div class="key-events"><h2>Key events</h2><ul>
  <li><a href="#b3"><time datetime="2026-03-03T12:00:00Z">12.00 GMT</time> <span>Talks resume</span></a></li>
  <li><a href="#b1"><time datetime="2026-03-02T09:00:00Z">09.00 GMT</time> <span>Delegations arrive</span></a></li>
</ul></div>
<div class="live-body">
<div id="b3" class="entry"><p><a href="#b3"><time datetime="2026-03-03T12:00:00Z">12.00 GMT</time></a></p>
  <p>The talks between Varnia and Osterland have resumed in Port Elda.</p></div>
<div id="b2" class="entry"><p><a href="#b2"><time datetime="2026-03-02T15:00:00Z">15.00 GMT</time></a></p>
  <p>The first day of talks has ended.</p></div>
<div id="b1" class="entry"><p><a href="#b1"><time datetime="2026-03-02T09:00:00Z">09.00 GMT</time></a></p>
  <p>The Varnian delegation has arrived in Port Elda.</p></div>
</div></body></html>"""


SIBLING_ANCHORS = """<html><body><div class="live">
<div class="post"><span id="p2"></span><p><a href="#p2"><time datetime="2026-03-03T11:00:00Z">11.00</time></a></p>
<p>The talks paused. The statement, first published on <time datetime="2026-03-03T09:00:00Z">Tuesday</time>, stands.</p></div>
<div class="post"><span id="p1"></span><p><a href="#p1"><time datetime="2026-03-03T10:00:00Z">10.00</time></a></p>
<p>The talks began.</p></div>
</div></body></html>"""


def test_permalinks_to_an_anchor_beside_the_post_are_no_key_events_links() -> None:
    page = read_page(SIBLING_ANCHORS, "p.html")
    assert len(page.posts) == 2
    # a post's own sentence quoting "first published on" stays its text
    assert any("The statement, first published on" in t for p in page.posts for t in p.paragraphs)


def test_key_events_links_and_the_pages_own_dates_are_no_posts() -> None:
    page = read_page(KEY_EVENTS_PAGE, "p.html")
    texts = [p.paragraphs for p in page.posts]
    # three posts, each once: not the "Key events" links to them, not the page's byline/dateline block
    assert sorted(texts) == sorted([("The talks between Varnia and Osterland have resumed in Port Elda.",),
                                    ("The first day of talks has ended.",),
                                    ("The Varnian delegation has arrived in Port Elda.",)])
    body = "\n".join(t for p in page.posts for t in p.paragraphs)
    assert "First published" not in body and "Talks resume" not in body
