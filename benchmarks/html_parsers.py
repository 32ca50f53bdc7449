"""Measure the HTML parsers the page reader could use, on generated saved pages.

    python benchmarks/html_parsers.py [N ...]     # default: 100 1000 10000 posts

For each page size it prints, per parser, the median time to parse the page
and pull every post block (`<article>`, its `<time datetime>`, headline and
paragraph text), the posts found, and whether the parser gives source line
numbers (the export's `source_lines`). It also times reading the schema.org
JSON-LD with json.loads on the `<script>` text vs extruct. Parsers that are not
installed are skipped (pip install selectolax beautifulsoup4 extruct to compare).
Timings never decide a test; this is how the kept parser was chosen (README).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

PARA = "The delegation has arrived at the venue &amp; officials have said talks will start soon,&nbsp;a source said."


def make_page(n: int) -> str:
    """A saved live-blog page: navigation, ads, share buttons, JSON-LD and n article blocks."""
    t0 = datetime(2025, 8, 15, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    updates, articles = [], []
    for i in range(n):
        t = (t0 + timedelta(minutes=3 * i)).isoformat()
        updates.append({"@type": "BlogPosting", "headline": f"Update {i}", "datePublished": t,
                        "articleBody": f"{PARA} Post {i}."})
        articles.append(
            f'<article class="post"><header><h2>Update {i}</h2><time datetime="{t}">{t[11:16]}</time></header>'
            f'<div class="share"><button>Share</button></div><p>{PARA} Post {i}.</p><p>Second paragraph {i}.</p>'
            f'<figure><img src="x.jpg"><figcaption>Caption {i}</figcaption></figure></article>\n'
        )
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Live", "liveBlogUpdate": updates}
    return (
        "<!doctype html><html><head><title>Live</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        '<nav><a href="/">Home</a></nav><div class="ad">Advertisement</div><main>\n'
        + "".join(articles[::-1])
        + "</main><footer>Footer</footer></body></html>"
    )


def with_lxml(page: str) -> tuple[int, bool]:
    from lxml import html

    root = html.document_fromstring(page)
    n = 0
    lines = False
    for art in root.iter("article"):
        stamp = art.find(".//time").get("datetime")
        head = art.find(".//h2").text_content()
        body = [p.text_content() for p in art.iter("p")]
        lines = art.sourceline is not None
        n += bool(stamp and head and body)
    return n, lines


def with_selectolax(page: str) -> tuple[int, bool]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    n = 0
    for art in tree.css("article"):
        stamp = art.css_first("time").attributes.get("datetime")
        head = art.css_first("h2").text()
        body = [p.text() for p in art.css("p")]
        n += bool(stamp and head and body)
    return n, False  # lexbor nodes carry no source position


def with_bs4(page: str, backend: str) -> tuple[int, bool]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, backend)
    n = 0
    lines = False
    for art in soup.find_all("article"):
        stamp = art.find("time").get("datetime")
        head = art.find("h2").get_text()
        body = [p.get_text() for p in art.find_all("p")]
        lines = getattr(art, "sourceline", None) is not None
        n += bool(stamp and head and body)
    return n, lines


def jsonld_plain(page: str) -> int:
    from lxml import html

    root = html.document_fromstring(page)
    count = 0
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            count += len(json.loads(script.text or "")["liveBlogUpdate"])
    return count


def jsonld_extruct(page: str) -> int:
    import extruct

    data = extruct.extract(page, syntaxes=["json-ld"], uniform=False)
    return sum(len(item.get("liveBlogUpdate", [])) for item in data["json-ld"])


def median_ms(fn, *args, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn(*args)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def main(sizes: list[int]) -> None:
    candidates = {
        "lxml (libxml2)": with_lxml,
        "selectolax (lexbor)": with_selectolax,
        "BeautifulSoup + html.parser": lambda p: with_bs4(p, "html.parser"),
        "BeautifulSoup + lxml": lambda p: with_bs4(p, "lxml"),
    }
    print("| parser | " + " | ".join(f"{n:,} posts" for n in sizes) + " | source lines |")
    print("|---|" + "---:|" * len(sizes) + "---|")
    pages = {n: make_page(n) for n in sizes}
    for name, fn in candidates.items():
        cells, lines = [], "—"
        for n in sizes:
            try:
                ms, (found, has_lines) = median_ms(fn, pages[n], runs=3 if n >= 10000 else 5)
            except ImportError:
                cells = None
                break
            assert found == n, (name, found, n)
            cells.append(f"{ms:.1f} ms")
            lines = "yes" if has_lines else "no"
        if cells is not None:
            print(f"| {name} | " + " | ".join(cells) + f" | {lines} |")
    for name, fn in (("JSON-LD: lxml + json.loads", jsonld_plain), ("JSON-LD: extruct", jsonld_extruct)):
        cells = []
        for n in sizes:
            try:
                ms, found = median_ms(fn, pages[n], runs=3)
            except ImportError:
                cells = None
                break
            assert found == n, (name, found)
            cells.append(f"{ms:.1f} ms")
        if cells is not None:
            print(f"| {name} | " + " | ".join(cells) + " | |")
    print(f"\npage sizes: " + ", ".join(f"{n:,} posts = {len(pages[n]) / 1e6:.2f} MB" for n in sizes))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
