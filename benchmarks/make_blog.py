"""Write a synthetic live blog of N posts in the shape of the bundled RT blog.

    python benchmarks/make_blog.py 100000 [OUT] [--seed S]

Shape: a summary (lede) on top, then day headers ("16 May 2025"), newest day
first and newest post first under each, no separators and no times; each post
is a lead paragraph (a fresh development with a named source) followed by
continuation paragraphs (quotes, "He added…", "However,…", bullet lists) that
lean on it. Text includes brackets ([Zelensky], [US]), typographic quotes and
the seed's people with alternate spellings. About 440 bytes per post, 30–60
posts per day; the same seed always writes the same bytes.

OUT defaults to benchmarks/out/blog-N.txt (git-ignored): never commit output.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
FIRST_DAY = date(2019, 3, 1)

# (full name, alternate spellings, role, side)
PEOPLE = [
    ("Vladimir Medinsky", ("Vladimir Medinsky",), "presidential aide", "ru"),
    ("Vladimir Putin", ("Vladimir Putin",), "Russian President", "ru"),
    ("Dmitry Peskov", ("Dmitry Peskov",), "Kremlin spokesman", "ru"),
    ("Maria Zakharova", ("Maria Zakharova",), "Russian Foreign Ministry spokeswoman", "ru"),
    ("Sergey Lavrov", ("Sergey Lavrov", "Sergei Lavrov"), "Russian Foreign Minister", "ru"),
    ("Mikhail Galuzin", ("Mikhail Galuzin",), "Deputy Foreign Minister", "ru"),
    ("Aleksandr Fomin", ("Aleksandr Fomin", "Alexander Fomin"), "Deputy Defense Minister", "ru"),
    ("Igor Kostyukov", ("Igor Kostyukov",), "military intelligence chief", "ru"),
    ("Vladimir Zelensky", ("Vladimir Zelensky", "Volodymyr Zelenskyy"), "Ukrainian leader", "ua"),
    ("Rustem Umerov", ("Rustem Umerov",), "Ukrainian Defense Minister", "ua"),
    ("Andrey Yermak", ("Andrey Yermak", "Andriy Yermak"), "head of Zelensky’s office", "ua"),
    ("Andrey Sibiga", ("Andrey Sibiga", "Andrii Sybiha"), "Ukrainian Foreign Minister", "ua"),
    ("Mikhail Podoliak", ("Mikhail Podoliak", "Mykhailo Podolyak"), "Zelensky’s aide", "ua"),
    ("Donald Trump", ("Donald Trump",), "US President", "us"),
    ("Marco Rubio", ("Marco Rubio",), "US Secretary of State", "us"),
    ("Keith Kellogg", ("Keith Kellogg",), "US Special Envoy", "us"),
    ("Steve Witkoff", ("Steve Witkoff",), "US Special Envoy", "us"),
    ("Recep Tayyip Erdogan", ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"), "Turkish President", "tr"),
    ("Hakan Fidan", ("Hakan Fidan",), "Turkish Foreign Minister", "tr"),
    ("Ibrahim Kalin", ("Ibrahim Kalin",), "head of Turkish intelligence", "tr"),
]
# Supporting experts named only in lists (as in the seed's delegation list).
EXPERTS = (
    ("Andrey Zorin", "General Staff, Information Directorate"),
    ("Ekaterina Podobreveskaya", "Presidential Office, Humanitarian Policy"),
    ("Alexander Polishchuk", "Foreign Ministry, CIS Affairs"),
    ("Vladimir Shevtsov", "Defense Ministry, international cooperation"),
    ("Aleksandr Poklad", "Security Service"),
    ("Sergiy Kyslytsya", "Ministry of Foreign Affairs"),
)
CORRESPONDENTS = ("Kostya Prydybalo", "Kostya Pridybailo", "Konstantin Pridybaylo", "Igor Zhdanov")
OUTLETS = ("TASS", "RIA Novosti", "Reuters", "AFP", "Anadolu", "Interfax", "Bloomberg", "CNN", "Der Spiegel", "Kommersant")
DELEGATIONS = {"ru": "Russian", "ua": "Ukrainian", "us": "US", "tr": "Turkish"}
PLACES = ("Istanbul", "Ankara", "Dolmabahce Palace", "Antalya", "the Russian consulate", "Abu Dhabi")
KIEV = ("Kiev", "Kyiv")
TOPICS = (
    "a possible ceasefire", "a prisoner exchange", "the return of deported children", "a face-to-face meeting of the leaders",
    "the agenda of the next round", "sanctions relief", "security guarantees", "the 2022 Istanbul draft",
    "humanitarian corridors", "the status of the negotiators",
)
QUOTES = (
    "We are ready to continue contacts", "Nothing is going to happen until the leaders get together",
    "It is too early to talk about any results", "The ball is now on the other side",
    "A war and talks are being conducted simultaneously", "We had a very close meeting with the hosts",
    "This would be moving not towards peace, but in the opposite direction", "It is possible that something will happen today",
)
BRACKET_QUOTES = (
    "If there’s no [{surname}], there are certainly no negotiations",
    "You saw that [US] president [Donald] Trump thought it would help to press",
    "The delegation headed by [the president’s aide, Vladimir] Medinsky refers to the history of 2022",
    "A regime that is not included in the program [of the settlement] will not satisfy the [{side}] side",
)
BACKGROUND = (
    " The talks are the first direct contact between {ru} and {ua} since the spring of 2022.",
    " {ua} unilaterally withdrew from the previous round of talks, which were held in Istanbul.",
    " Both sides have said that a lasting settlement must address the root causes of the conflict.",
)
VERBS_PERFECT = ("has said", "has told journalists", "has claimed", "has stressed", "has announced")


def _side_name(rng: random.Random, side: str) -> str:
    return {"ru": rng.choice(("Moscow", "Russia")), "ua": rng.choice(KIEV + ("Ukraine",)),
            "us": rng.choice(("Washington", "the US")), "tr": rng.choice(("Ankara", "Türkiye"))}[side]


def _person(rng: random.Random) -> tuple[str, str, str, str]:
    full, spellings, role, side = rng.choice(PEOPLE)
    return rng.choice(spellings), full.split()[-1], role, side


def lead(rng: random.Random) -> tuple[str, str]:
    """A paragraph that opens a post, and the surname later paragraphs may lean on."""
    name, surname, role, side = _person(rng)
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    other = rng.choice([s for s in DELEGATIONS if s != side])
    form = rng.randrange(5)
    if form == 0:
        text = (f"{role[0].upper() + role[1:]} {name} {rng.choice(VERBS_PERFECT)} that {_side_name(rng, side)} is "
                f"ready to discuss {topic} with {_side_name(rng, other)} during the talks in {place}.")
    elif form == 1:
        text = (f"The {DELEGATIONS[side]} delegation has arrived at {place} for direct talks on {topic}, "
                f"{rng.choice(OUTLETS)} has reported, citing a source close to the organization of the event.")
        surname = ""
    elif form == 2:
        text = (f"{name}, the {role}, has told {rng.choice(OUTLETS)} that the {DELEGATIONS[other]} side must "
                f"address {topic} before any meeting in {place} can take place.")
    elif form == 3:
        text = (f"Talks between the {DELEGATIONS[side]} and {DELEGATIONS[other]} delegations on {topic} are scheduled "
                f"to begin at {rng.randint(9, 17)}:{rng.choice(('00', '30'))} Moscow time in {place}, a source has told {rng.choice(OUTLETS)}.")
        surname = ""
    else:
        text = (f"RT correspondent {rng.choice(CORRESPONDENTS)} has reported from {place} that the {DELEGATIONS[side]} "
                f"team is still waiting for a decision on {topic}.")
        surname = ""
    if rng.random() < 0.5:
        text += rng.choice(BACKGROUND).format(ru=_side_name(rng, "ru"), ua=_side_name(rng, "ua"))
    return text, surname


def continuation(rng: random.Random, surname: str) -> list[str]:
    """One or more paragraphs that lean on the lead (never open a post)."""
    form = rng.randrange(6)
    if form == 0:
        return [f"“{rng.choice(QUOTES)},” he said."]
    if form == 1:
        return [f"He added that {rng.choice(TOPICS)} remains on the table and that {rng.choice(KIEV)} has not yet responded."]
    if form == 2:
        return [f"However, the source said that no date for {rng.choice(TOPICS)} has been set so far."]
    if form == 3 and surname:
        return [f"{surname} also noted that {rng.choice(TOPICS)} had been raised at the previous round."]
    if form == 4:
        side = rng.choice(list(DELEGATIONS.values()))
        q = rng.choice(BRACKET_QUOTES).format(surname=surname or "Putin", side=side)
        return [f"“{q},” he stressed."]
    members = rng.sample(EXPERTS, 3)
    return ["The delegation will include:"] + [f"• {name} ({where})" for name, where in members]


def post(rng: random.Random) -> list[str]:
    text, surname = lead(rng)
    paragraphs = [text]
    for _ in range(rng.choice((1, 2, 2, 3))):
        paragraphs += continuation(rng, surname)
    return paragraphs


SUMMARY = (
    "Synthetic live blog generated for benchmarks; its shape follows the RT blog of the Istanbul talks.",
    "Delegations from Moscow and Kiev met several times in Istanbul, with Türkiye and the US mediating.",
    "The Russian delegation was led by presidential aide Vladimir Medinsky; the Ukrainian one by Rustem Umerov.",
)


def day_plan(n: int, rng: random.Random) -> list[int]:
    """Posts per day (30–60), summing to n."""
    counts: list[int] = []
    left = n
    while left > 0:
        c = min(left, rng.randint(30, 60))
        counts.append(c)
        left -= c
    return counts


def write_blog(n: int, out: Path, seed: int = 1) -> Path:
    """Write the blog; returns its path. Streams day by day (newest first)."""
    if n < 0:
        raise ValueError("N must be >= 0")
    plan_rng = random.Random(seed)
    counts = day_plan(n, plan_rng)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(SUMMARY) + "\n")
        for index in range(len(counts) - 1, -1, -1):  # newest day first
            rng = random.Random(f"{seed}:{index}")  # per day, so order of writing doesn't matter
            day = FIRST_DAY + timedelta(days=index)
            posts = [post(rng) for _ in range(counts[index])]
            fh.write(f"{day.day} {day:%B %Y}\n")
            for paragraphs in reversed(posts):  # newest post first
                fh.write("\n".join(paragraphs) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of posts")
    ap.add_argument("out", nargs="?", help="output file (default: benchmarks/out/blog-N.txt)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    out = Path(args.out) if args.out else OUT_DIR / f"blog-{args.n}.txt"
    write_blog(args.n, out, args.seed)
    size = out.stat().st_size
    print(f"{out}: {args.n} posts, {size:,} bytes ({size / max(args.n, 1):.0f} bytes/post)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
