"""Read one post: find the names in it, learn the new ones, link every mention.

The reader walks a post's words once. Known surface forms (learnt from
earlier posts or from the general tables) are linked; an unknown capitalised
run is classified by the company it keeps, the way an editor's reader does:

  person   a title or role before it ("Turkish Foreign Minister Hakan Fidan",
           "envoy Steve Witkoff", "Mr Putin"), an appositive after it
           ("Rustem Umerov, Ukraine's defence minister"; ", who …"), a speech
           verb after a full name ("Samuel Charap said"), a given name already
           seen on another person, a line-up bullet ("• Vladimir Medinsky –");
  outlet   a reporting verb or role ("Reuters has reported", "told TASS",
           "according to Anadolu", "RT's correspondent", "the X newspaper");
  party    a country, demonym or capital of the general tables, a body or a
           seat of government ("the Kremlin"), or any name given a team
           ("the Orlanian side", "Hamas negotiators", "Vestmark's delegation");
  place    a venue ("… Palace", "… Hotel"), a region, or a name after "in"/"at".

What a post teaches (a role, a side, a delegation's members, that a party
negotiates or hosts) is recorded with that post's seq; a bare surname or
"title + surname" then links to the full name introduced earlier, and a
definite description ("the Ukrainian leader", "his Russian counterpart")
to the one person it can mean.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from tui.core.discover.fold import fold
from tui.core.discover.gazetteer import Gazetteer, gazetteer
from tui.core.discover.lexicon import (
    BROADCAST_WORDS,
    COMPASS_WORDS,
    LEADER_HEADS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    OUTLET_ROLES,
    RELATIONAL_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TEAM_NOUNS,
    TITLE_ABBREVIATIONS,
    VENUE_WORDS,
    GEO_WORDS,
    PLACE_OPENERS,
)
from tui.core.discover.registry import PartyRec, PersonRec, Registry, outlet_key, party_id
from tui.core.discover.tokens import CAPS, NAME, FormTable, Tok, scan, tokenize
from tui.core.link import Linked
from tui.core.vocab import ZONES

_READ_CACHE = 1 << 14  # paragraphs whose reading is kept (least recently used dropped first)
_LONGEST_WORD = 40  # longer "words" are not names (a pasted hash, a 10 MB line)

# ---------------------------------------------------------------- item kinds
KNOWN = "known"  # a form of the registry: value = (kind, key)
GAZ = "gaz"  # a form of the general tables: value = (kind, info)
TITLE = "title"  # role words ending in a role head: "Foreign Minister", "political scientist"
NAMEK = "name"  # an unknown capitalised run
WORD = "word"
TEAM = "team"  # a team named without a name: "the government's team" (added after classification)


@dataclass(slots=True)
class Item:
    kind: str
    i: int  # first token
    j: int  # after the last token
    value: object = None
    mention: Linked | None = None  # what it was linked to
    party: str | None = None  # party id it names (country, capital, demonym, body, seat, team)
    person: str | None = None  # person key it names


class Reading:
    """What reading one paragraph gave: its mentions (offsets within it), the parties it names, and
    (person, party) for each membership it states (replayed when the reading is reused).

    `sentences` is the caller's: what it derives from the paragraph and this reading alone
    (extraction's sentences with their mentions), kept with the reading so it is derived once."""

    __slots__ = ("mentions", "parties", "members", "sentences", "team")

    def __init__(self, mentions: tuple[Linked, ...], parties: tuple[str, ...],
                 members: tuple[tuple[str, str], ...]) -> None:
        self.mentions = mentions
        self.parties = parties
        self.members = members
        self.sentences: tuple | None = None
        self.team: str | None = None  # the party whose team the post spoke of, after this paragraph


@lru_cache(maxsize=1)
def _gaz_table() -> FormTable:
    """Every surface form of the general tables in one FormTable (built once)."""
    g = gazetteer()
    t = FormTable()
    for code, c in g.countries.items():
        for f in c.forms:
            t.add(f, ("country", code))
        for d in c.demonyms:
            t.add(d, ("demonym", code))
            if d[-1:] in "niy":  # the people: "Russians", "Israelis"
                t.add(d + "s", ("demonym", code))
    for c in g.countries.values():
        if c.capital:
            t.add(c.capital, ("capital", c.country if hasattr(c, "country") else c.code))
    for key, (name, code) in g.cities.items():
        capital = g.capital_of(name)
        t.add(name, ("capital", capital) if capital else ("city", (name, code)))
    # A city whose name holds a country's whole name ("Port Sudan", "Benin City", "Santiago de Cuba") is
    # that city: the longer form wins, so "left Port Sudan" names no country
    names = {fold(f) for c in g.countries.values() for f in c.forms if len(f) > 3 and not f.isupper()}
    for key, city in g.world_cities.items():
        if city is None or key in g.cities or " " not in city[0]:
            continue
        words = [fold(w) for w in city[0].split()]
        spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        if spans & names:
            t.add(city[0], ("city", (city[0], city[1])))
    for form, b in g.bodies.items():
        for f in b.forms:
            t.add(f, ("body", b.name))
        for d in b.demonyms:
            t.add(d, ("body_demonym", b.name))
            t.add(d + "s", ("body_demonym", b.name))
    for form, s in g.seats.items():
        for f in s.forms:
            t.add(f, ("seat", s.country))
    return t


# Context patterns (on the text around an item).
# A name followed by the verb of a report: "Anadolu Agency reported", "… has reported"
_REPORTED_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:reported|reports)\b")
# The words of a state's agencies ("the Border Agency", "the Atomic Energy Agency"): bodies, never outlets
_STATE_AGENCY_WORDS = frozenset("""border energy atomic nuclear security space intelligence environment environmental food
standards health defence defense protection revenue customs immigration development cooperation investigation
enforcement safety drug drugs medicines transport aviation maritime civil national federal state central emergency
refugee refugees relief aid""".split())
# After a team phrase, in its clause: the team watches or helps the talks, it is no side of them
_AS_OBSERVERS = re.compile(r"[^.;]*?\b(?:attend|attends|attending|join|joins|sit\s+in|sits\s+in|take\s+part|be\s+present|be\s+there|"
                           r"serve|serves|act|acts)\s+(?:\w+\s+)?as\s+(?:an?\s+)?(?:observers?|mediators?|guarantors?|facilitators?)\b", re.I)
# "a joint team from X and Y", "a monitoring team of X": a team made up of them, not their delegations
_NOT_A_SIDE_TEAM = re.compile(r"\b(?:joint|monitoring|observer|verification|inspection|rescue)\s+$", re.I)
# The items of a list before its last one ("Lima, Quito and "): up to three capitalised one- or two-word
# names, each followed by a comma, "and" or "or"
_EARLIER_LIST_ITEMS = r"(?:(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?(?:,\s+|\s+(?:and|or)\s+)){0,3}"
# "negotiators from Lima", "the team in Cairo", "a reply from Lima": the capital's people or word, so
# its government
_PEOPLE_FROM = re.compile(r"\b(?:negotiators|delegations?|teams?|officials|delegates|representatives|envoys?|diplomats|"
                          r"sides?|leaders?|ministers?|counterparts?|government|authorities|reply|replies|response|"
                          r"message|messages|letter|signals?|offer|proposal|guarantees?|assurances?|"
                          r"request|demands?|pressure|support|backing|objections?)\s+(?:from|in)\s+"
                          + _EARLIER_LIST_ITEMS + "$", re.I)
# A place preposition or a verb of travel right before a capital: the city as a place
_CAPITAL_AS_PLACE = re.compile(r"\b(?:(?:from|to|via|into|at|near|outside|towards?|across|around|through|reached|reaching|"
                               r"leave|left|leaving|visit(?:ed|ing|s)?|landed\s+in|arrived\s+in|"
                               r"(?:left|leave|leaving|headed|heading|bound|departed|flew|flying|set\s+off|set\s+out)\s+for)\s+"
                               # "ambassador in London and Berlin": the places of a list after "in" too (not
                               # "assurances from Saudi Arabia and Washington": a list of governments)
                               r"|in\s+" + _EARLIER_LIST_ITEMS + ")$", re.I)
_BEFORE_OUTLET = re.compile(r"(?:\btold|\baccording\s+to|\bciting|\bcited\s+by|\breported\s+by|\bquoted\s+by|\bspeaking\s+to|"
                            r"\bin\s+an\s+interview\s+with|\binterviewed\s+by|\bwriting\s+(?:in|for)|\bpublished\s+by|"
                            r"\bbroadcaster|\bnewspaper|\bnews\s+agency|\bagency|\bchannel|\boutlet|\bdaily|\bbroadcast\s+by)"
                            r"\s+(?:the\s+)?$", re.I)
_BEFORE_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
_AFTER_OUTLET_VERB = re.compile(r"^\s*(?:,\s*)?(?:has\s+|have\s+|had\s+|also\s+|first\s+|earlier\s+){0,2}"
                                r"(?:reported|reports|cited|cites|quoted|quotes|learned|learnt|broadcast|aired)\b", re.I)
# (not when the media word is followed by the outlet's own name: "the Holmstad daily Morning Courier")
_AFTER_MEDIA = re.compile(r"^\s+(?:news\s+agency|news\s+outlet|newspaper|broadcaster|agency|daily|tv|channel|television|radio)\b"
                          r"(?!\s+(?-i:[A-Z]))", re.I)
# "the Holmstad daily Morning Courier": the place names whose outlet it is; the outlet is the name after
_MEDIA_THEN_NAME = re.compile(r"^\s+(?:news\s+agency|newspaper|broadcaster|agency|daily|tv|channel|television|radio|weekly)"
                              r"\s+(?-i:[A-Z])", re.I)
_AFTER_SPEECH = re.compile(r"^\s*(?:,\s*)?(?:has\s+|have\s+|had\s+|also\s+|later\s+|then\s+|earlier\s+|reportedly\s+|previously\s+){0,2}"
                           r"([a-z]+)\b")
# (a bare role head may open the role too: "Jan Marek, director of the state water agency;")
_BARE_HEADS = "|".join(sorted((h for h in ROLE_HEADS if h.isalpha() and len(h) > 3 and not h.endswith("s")), key=len, reverse=True))
_APPOSITIVE = re.compile(r"^,\s+(?:who|whose)\b|^,\s+(?P<role>(?:the|a|an|his|her|their|its|[^\s,]+['’]s|[A-Z][\w-]*|(?-i:" + _BARE_HEADS + r"))\s[^,.;:()“”\"\n]{0,120}?)"
                         r"(?=,|\.|;|:|\(|\)|“|\"|\s[–—]|$| (?:has|had|have|is|was|said|says|told|will|would)\b)")
_ROLE_BEFORE = re.compile(r"(?:^|[.;:]\s+|,\s+|\b(?:and|but|while|by|with|whether|that|if|as|after|before|because|when|since|until|"
                          r"said|says|told|met|meets|meet|called|invited|urged|joined)\s+)(?P<role>(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[^\s,]+['’]s)\s+)?"
                          r"(?:[\w’'-]+\s+){0,6}?[\w-]+),\s+$")
# "… ready to meet Osterland's prime minister, Emil Holm, …": a possessive opens the role
_POSS_ROLE_BEFORE = re.compile(r"(?:^|\s)(?P<role>[^\s,]+['’]s\s+(?:[\w’'-]+\s+){0,3}?[\w-]+),\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$")
_MOVE_BEFORE = re.compile(r"\b(?:(?:travel(?:l?ed|l?ing|s)?|fl(?:y|ew|ying|own)|head(?:ed|ing|s)?|arriv(?:e|ed|ing|es)|return(?:ed|ing|s)?|"
                          r"go(?:es|ing)?|went|gone|c(?:o|a)me|coming|mov(?:e|ed|ing)|way|route|trip|visit|journey|back)\s+"
                          r"(?:back\s+|home\s+)?(?:to|from)|left|leave|leaving|departed|depart|reached|reach|reaching|via"
                          r"|(?:left|leaving|leaves|departed|flew\s+out\s+of)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}for)\s+(?:the\s+)?$")
_BULLET = re.compile(r"^\s*[•\-*–·▪◦]\s*$")
_LINEUP_AFTER = re.compile(r"^\s*(?:[–—-]|\(|,\s+(?:the\s+)?[a-z])")
_HOST_BEFORE = re.compile(r"\b(?:host(?:\s+(?:nation|country|state|government))?|hosted\s+by|hosts?|mediators?|mediator\s+country"
                          r"|mediated\s+by|brokered\s+by|chaired\s+by)\s+(?:the\s+)?$", re.I)
_HOST_AFTER = re.compile(r"^\s*(?:,\s*which\s+(?:is\s+)?)?(?:is\s+|will\s+be\s+|has\s+been\s+|was\s+)?(?:hosting|hosts|hosted|to\s+host|will\s+host"
                         r"|mediating|mediates|mediated|chairing|chairs|brokering|brokered)\b"
                         # "the Sarvessan mediators", "Sarvessan-mediated talks": a mediator is no party to the talks it chairs
                         r"|^\s+(?:mediators?|mediation\s+team|hosts)\b|^-(?:mediated|brokered|hosted|led\s+mediation)\b", re.I)
_DEF_BEFORE = re.compile(r"\b(?:the|his|her|their|its)\s+$", re.I)
_GOV_AFTER = re.compile(r"^\s+(?:government|foreign\s+minist(?:er|ry)|president|prime\s+minister|army|military|armed\s+forces|forces|"
                        r"capital|embassy|ambassador|parliament|cabinet|leadership|authorities|officials?|negotiators?|envoy)\b", re.I)
_OF_BEFORE = re.compile(r"\b(?:the\s+)?(?:government|people|capital|president|leader|embassy|authorities)\s+of\s+$", re.I)
# what only a country has: "Kivimaa's cabinet", "the government of Kivimaa"
_NATIONAL_GOV_AFTER = re.compile(r"(?:['’]s?)?\s+(?:government|cabinet|foreign\s+minist(?:er|ry)|prime\s+minister|president|parliament"
                                 r"|army|armed\s+forces|ambassador|embassy)\b", re.I)
_NATIONAL_OF_BEFORE = re.compile(r"\b(?:government|president|prime\s+minister|foreign\s+minister|cabinet|parliament)\s+of\s+(?:the\s+)?$", re.I)
# "talks between Kestria and …", "… between Valdoria and Kestria", "Kestria and Ardovia will hold talks"
_BETWEEN_BEFORE = re.compile(r"\b(?:talks|negotiations|meetings?|dialogue|summit|war|conflict|dispute|deal|agreement|accord|"
                             r"ceasefire|truce|relations|tensions|border)\s+between\s+(?:the\s+)?"
                             r"(?:(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)*(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)*$"
                             r"|\bbetween\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]+\s+and\s+(?:the\s+)?$", re.I)
# "negotiators from Eloka, Karvia and the Northern Union": items of a list of sides after a team noun
_TEAMS_OF_BEFORE = re.compile(r"\b(?i:delegations?|teams?|negotiators|representatives|delegates|envoys|officials)\s+(?:from|of|for)\s+"
                              r"(?:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+))*(?:the\s+)?$")
# "the three parties that could govern together: the Harbour League (HL), the Greys and …": the items
# of a list that a plural noun of parties introduces with a colon
_LISTED_AFTER = re.compile(r"\b(?:parties|countries|states|nations|sides|blocs)\b"
                           r"[^.;:!?]{0,80}:\s+(?:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}(?:\s+\([A-Z]{2,6}\))?"
                           r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))*(?:the\s+)?$")
_HE_OR_SHE_AFTER = re.compile(r"\s+(?!and\b|or\b|of\b|in\b|at\b|for\b|to\b)[a-z]+\b"
                              r"(?:(?!\b(?:its|and|but|who|which|said|says|told)\b)[^.,;:!?“”\"()]){0,100}?"
                              r"\b(?:his|her|he|she|himself|herself)\b")
# the subject's own team named in its clause: "X has named its team", "X will send its delegation"
_HAS_ITS_TEAM_AFTER = re.compile(r"\s+(?:has|have|had|will|is|was|would)\s+(?:\w+\s+){0,2}?(?:named|announced|unveiled|published|"
                                 r"sent|send|sending|chosen|picked|appointed)\s+(?:\w+\s+){0,2}?its\s+(?:own\s+)?(?:full\s+)?"
                                 r"(?:delegation|team|negotiators|negotiating\s+team|line-?up)\b")
_ITS_TEAM_AFTER = re.compile(r"^[^.;:“”\"]{0,80}?\bits\s+(?:own\s+)?(?:delegation|team|negotiators|negotiating\s+team|side|line-?up|envoy|ambassador)\b")
_AND_PARTY_AFTER = re.compile(r"^\s+and\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'-]+){0,4}(?:\s+\([A-Z]{2,6}\))?\s+"
                              r"(?:will|have|had|are|were|agreed|hold|held|met|meet|"
                              r"signed|reached|resumed|began|start|started)\b")
_ROLE_OBJECT_BEFORE = re.compile(r"\b(?:to|in|at|for|on|with|against|towards)\s+(?:the\s+)?$", re.I)
_BODY_TYPE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?!(?:working|contact|expert|technical|parliamentary|advisory|study|focus|"
                               r"age|ethnic|pressure)\s)(?:[\w-]+\s+){0,2}(?:charity|group|organi[sz]ation|foundation|ngo|NGO|"
                               r"movement|association|institute|think[- ]tank|network|campaign|militia|faction|brotherhood)\s+$")
_QUALIFIER_BEFORE = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")  # "Ana Ruiz of Varnia and …": Varnia qualifies a person
_AND_ONLY = re.compile(r"\s+and\s+(?:the\s+)?")
_AND_BEFORE = re.compile(r"(?:^|[.;:—–]\s+)[A-Z][\w’'-]+\s+and\s+$")
_TALK_WORD = re.compile(r"\b(?:talks|negotiat\w*|meet|met|meeting|deal|agreement|ceasefire|truce|accord|round)\b", re.I)
# "Qadiri, Dravenian and Tarsanian delegations": the first items of a list of sides before a plural team noun
_COORDINATED_TEAMS = re.compile(r"^(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w’'-]+){1,4}\s+(?:delegations|teams|sides|negotiators|negotiating\s+teams)\b")
_OF_PARTY_AFTER = re.compile(r"\s+of\s+((?-i:[A-Z])[\w’'-]+)(?=\s+(?:and|will|has|have|had|is|was|said|says)\b|\s*[,.;:])")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_COORDINATED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
_AND_NAME_AFTER = re.compile(r"\s+(?:and|or)\s+((?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)")
# a lower-case word an adjective could qualify ("Kestrian officials"), not a preposition or a
# conjunction after a place ("left Port Elda for Kivimaa at 17:10")
_NOUN_AFTER = re.compile(r"\s+(?!(?:at|in|on|for|to|from|and|or|with|by|after|before|as|where|when|which|who|that|but|of|"
                         r"via|until|since|late|early|this|last|next|yesterday|today|tonight|tomorrow)\b)[a-z]")
_DEMONYM_SUFFIX = re.compile(r"(?:ian|ean|ese|ish|ic|i|an|er)\Z")
_FOREIGN_ARTICLE = frozenset(("al", "el", "der", "die", "das", "le", "la", "il", "los", "las"))


def _join_titles(text: str, toks: list[Tok], items: list[Item]) -> list[Item]:
    """"Deputy Agriculture Minister", "Trade Commissioner": a capitalised portfolio word inside or before a
    title belongs to it (a name never sits between two role words)."""
    out: list[Item] = []
    for it in items:
        if it.kind == TITLE and out and out[-1].kind == NAMEK and out[-1].j - out[-1].i <= 2 \
                and _adjacent(text, toks[out[-1].j - 1], toks[it.i]) and not toks[out[-1].j - 1].poss \
                and (len(out) >= 2 and out[-2].kind == TITLE and _adjacent(text, toks[out[-2].j - 1], toks[out[-1].i])
                     or toks[it.i].fold in ROLE_HEADS and all(toks[x].fold not in ROLE_HEADS for x in range(it.i, it.j - 1))
                     and toks[out[-1].i].fold in _MODIFIERS_OR_PORTFOLIOS):
            name = out.pop()
            start = out.pop().i if out and out[-1].kind == TITLE and _adjacent(text, toks[out[-1].j - 1], toks[name.i]) else name.i
            out.append(Item(TITLE, start, it.j))
            continue
        out.append(it)
    return out


# Portfolios that stand before "Minister"/"Commissioner" ("Agriculture Minister").
_PORTFOLIOS = frozenset("""
agriculture energy environment climate transport health education labour labor culture tourism industry
commerce fisheries water infrastructure digital social development science technology housing sport
""".split())


_ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS  # words a title is made of (one set probe per token)
_MODIFIERS_OR_PORTFOLIOS = ROLE_MODIFIERS | _PORTFOLIOS


def _is_role_word(t: Tok) -> bool:
    return t.fold in _ROLE_WORDS


def _title_end(text: str, toks: list[Tok], i: int) -> int:
    """End of a title starting at toks[i] ("Deputy Foreign Minister", "Secretary of State",
    "Chief of the General Staff", "political scientist"), or i when there is none.

    Role words run up to the last head; "of (the)" may add a complement of
    role and institution words after a head.
    """
    n = len(toks)
    j = i
    last_head = -1
    while j < n and _is_role_word(toks[j]):
        if toks[j].fold in ROLE_HEADS:
            last_head = j
        j += 1
        if toks[j - 1].poss or j >= n or not toks[j - 1].join:
            break
    if last_head < 0:
        return i
    end = last_head + 1
    # "Secretary of State", "Minister of Foreign Affairs", "Chief of the General Staff"
    k = end
    if k < n and toks[k].fold == "of" and toks[k - 1].join:
        k += 1
        if k < n and toks[k].fold == "the" and toks[k - 1].join:
            k += 1
        c = k
        while c < n and (_is_role_word(toks[c]) or toks[c].fold in ORG_WORDS) and toks[c].cap == toks[i].cap \
                and toks[c - 1].join:
            c += 1
            if toks[c - 1].poss:
                break
        if c > k:
            end = c
    return end


class Reader:
    """Reads posts oldest first into a Registry; `read(post_text, seq)` -> linked mentions."""

    def __init__(self, registry: Registry | None = None, ner: object | None = None) -> None:
        self.reg = registry or Registry()
        self.gaz: Gazetteer = gazetteer()
        self.gaz_table = _gaz_table()
        self.ner = ner  # optional name finder (spaCy): labels for unknown runs
        self.given_names: set[str] = set()  # folded first names of people seen
        self.trace: list[tuple[int, str, str]] | None = None  # (seq, surface, why) when debugging
        # the party whose team the post last spoke of, and the post: "Osterland … its delegation is on its way.
        # The delegation is led by X" (a paragraph later) puts X in Osterland's team
        self._team: str | None = None
        self._team_seq = 0
        self.parties_named: tuple[str, ...] = ()  # party ids the last post read names, in any form
        # organisations named in full ("Eastern Trade Community"), by folded full name, acronym and head
        # word ("ETC", "community"): a team of any of these makes the organisation a party
        self.orgs: dict[str, str] = {}
        # (text, registry version, team the post spoke of) -> what reading it gave; an OrderedDict drops its least
        # recently used entry in O(1), where a dict's first key is found by skipping every slot deleted before it
        self._cache: OrderedDict[tuple[str, int, str | None], Reading] = OrderedDict()

    # ------------------------------------------------------------ parties
    def party_for_code(self, code: str, seq: int, surface: str | None = None) -> PartyRec:
        c = self.gaz.country(code)
        rec = self.reg.party_by_code(code)
        if rec is None:
            name = c.name if c else code
            if surface and c and fold(surface) in {fold(f) for f in c.forms} and not surface.isupper():
                name = surface  # the country as the text writes it ("Türkiye")
            rec = self.reg.add_party(name, seq, kind="country", code=code, label=code,
                                     demonyms=c.demonyms if c else (), capital=c.capital if c else "",
                                     pid=party_id(c.name) if c else None)  # one id whatever the text calls it
        if surface:
            self.reg.add_party_form(rec, surface, seq)
            if c and not rec.fixed and not surface.isupper() and fold(rec.name) == fold(c.name) \
                    and fold(surface) != fold(c.name) and fold(surface) in {fold(f) for f in c.forms} \
                    and not any(fold(f) == fold(c.name) for f in rec.forms[:-1]):
                self.reg.rename_party(rec, surface, seq)  # named by the tables until the text named it ("Türkiye")
        return rec

    def party_for_body(self, name: str, seq: int, surface: str) -> PartyRec:
        rec = self.reg.add_party(name, seq, kind="organisation", label=_label(name))
        self.reg.add_party_form(rec, surface, seq)
        return rec

    def note_org(self, full: str, acronym: str | None = None) -> None:
        """An organisation named in full: its acronym and head word may stand for it later."""
        self.orgs.setdefault(fold(full), full)
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        if len(initials) >= 2:
            self.orgs.setdefault(fold(initials), full)
        if acronym:
            self.orgs.setdefault(fold(acronym), full)
        self.orgs.setdefault(fold(full.split()[-1]), full)

    def _party_by_stem(self, name: str) -> PartyRec | None:
        """A party named so far by its demonym only, whose name this is ("Orlania" for "Orlanian")."""
        probe = fold(name)
        if len(probe) < 5:
            return None
        for rec in self.reg.parties.values():
            if rec.code or not rec.demonyms or fold(rec.name) not in {fold(d) for d in rec.demonyms} | {fold(d) + "s" for d in rec.demonyms}:
                continue
            for dem in rec.demonyms:
                d = fold(dem)
                if probe in (d, d + "s"):
                    return None  # the demonym itself, or the people ("the Kestrians")
                if d[:5] == probe[:5] and (d.startswith(probe[:-1]) or probe.startswith(d[:-3])):
                    return rec
        return None

    def party_for_name(self, name: str, seq: int, *, demonym: str | None = None) -> PartyRec:
        """A party the tables do not know ("Orlania", "Hamas"), learnt from the text."""
        full = self.orgs.get(fold(name)) if not demonym else None
        if full is not None and fold(full) != fold(name):
            rec = self.party_for_name(full, seq)
            for surface in (name, full):
                self.reg.table.add(surface, ("party", rec.id))
                self.reg.add_party_form(rec, surface, seq)
            if rec.kind == "group":
                rec.kind = "organisation"
            return rec
        # a demonym of a country-like name seen before ("Orlanian" ~ "Orlania")
        probe = fold(demonym or name)
        for rec in self.reg.parties.values():
            if rec.code:
                continue
            stem = fold(rec.name)
            if probe == stem or (len(probe) >= 5 and len(stem) >= 5 and probe[:5] == stem[:5]
                                 and (probe.startswith(stem[:-1]) or stem.startswith(probe[:-1])
                                      or _root(probe) == _root(stem))):
                if demonym and demonym not in rec.demonyms:
                    self.reg.add_demonym(rec, demonym, seq)
                elif not demonym and fold(rec.name) != fold(name):
                    if rec.name in rec.demonyms:  # named by its demonym until now: the country's name is better
                        self.reg.rename_party(rec, name, seq)
                    self.reg.table.add(name, ("party", rec.id))
                self.reg.add_party_form(rec, demonym or name, seq)
                return rec
        rec = self.reg.add_party(name, seq, kind="group", label=_label(name))
        if demonym:
            self.reg.add_demonym(rec, demonym, seq)
        else:
            self.reg.table.add(name, ("party", rec.id))
        self.reg.add_party_form(rec, demonym or name, seq)
        return rec

    # ------------------------------------------------------------ main
    def read(self, text: str, seq: int) -> list[Linked]:
        """The mentions in a post's text (sorted by position), learning what it teaches."""
        return self.read_lines(text, seq)[0]

    def read_lines(self, text: str, seq: int) -> tuple[list[Linked], list[tuple[int, str, Reading]]]:
        """The mentions in a post's text (sorted by position), and (offset, text, reading) of each
        non-blank line, learning what the post teaches.

        A post is read paragraph by paragraph (a name, a title or a list never spans a line
        break). A paragraph read before, when nothing has been learnt since, reads the same:
        its result is reused (long blogs repeat boilerplate and line-ups), with what it states
        replayed."""
        out: list[Linked] = []
        lines: list[tuple[int, str, Reading]] = []
        named: dict[str, None] = {}
        pos = 0
        if seq != self._team_seq:
            self._team, self._team_seq = None, seq
        for para in text.split("\n"):
            if para.strip():
                reading = self._paragraph(para, seq)
                lines.append((pos, para, reading))
                if pos:
                    # (a new Linked, not m._replace: _replace is a slow generic path)
                    out.extend(Linked(m.start + pos, m.end + pos, m.kind, m.key, m.side, m.role) for m in reading.mentions)
                else:
                    out.extend(reading.mentions)
                named.update(dict.fromkeys(reading.parties))
            pos += len(para) + 1
        self.parties_named = tuple(named)
        return out, lines

    def _paragraph(self, text: str, seq: int) -> Reading:
        key = (text, self.reg.version, self._team)
        hit = self._cache.get(key)
        if hit is not None:
            # least recently used dropped first: boilerplate read in every few posts stays, where
            # first-in-first-out dropped it after every _READ_CACHE new paragraphs and read it again
            self._cache.move_to_end(key)
            self.reg.members_stated.extend((seq, who, party) for who, party in hit.members)
            self._team = hit.team
            return hit
        version, stated = self.reg.version, len(self.reg.members_stated)
        mentions = tuple(self._read(text, seq))
        reading = Reading(mentions, self.parties_named,
                          tuple((who, party) for _, who, party in self.reg.members_stated[stated:]))
        reading.team = self._team  # the team the post spoke of, after this paragraph
        if self.reg.version == version:
            if len(self._cache) >= _READ_CACHE:
                self._cache.popitem(last=False)
            self._cache[key] = reading
        return reading

    def _read(self, text: str, seq: int) -> list[Linked]:
        toks = self._split_compounds(scan(text), text)
        items = self._segment(text, toks, seq)
        out: list[Linked] = []
        for k, it in enumerate(items):
            if it.kind == NAMEK:
                self._classify(text, toks, items, k, seq)
            elif it.kind in (KNOWN, GAZ):
                self._known(text, toks, items, k, seq)
        self._teams(text, toks, items, seq)
        if " as “" in text or ' as "' in text or "named “" in text or 'named "' in text:
            self._nicknames(text, items, seq)
        self._descriptions(text, toks, items, seq)
        self._learn(text, toks, items, seq)
        for it in items:
            if it.mention is not None:
                out.append(it.mention)
        out.sort(key=lambda m: (m.start, -m.end))
        self.parties_named = tuple(dict.fromkeys(it.party for it in items if it.party))
        return out

    def _split_compounds(self, toks: list[Tok], text: str) -> list[Tok]:
        """"Russia-Ukraine talks", "US-brokered", "Riga-based": a hyphenated word whose parts are
        known names, or whose tail is lower case, is read as its parts ("al-Mansouri" stays whole)."""
        if "-" not in text:
            return toks
        out: list[Tok] = []
        for t in toks:
            if "-" not in t.base or not t.cap or t.particle:
                out.append(t)
                continue
            pieces = t.base.split("-")
            # "US-brokered", "Riga-based", "Kremlin-led": an English word after the hyphen; a
            # syllable of a given name ("Ha-neul", "Ing-wen") keeps the word whole
            tail_lower = any(p[:1].islower() and _COMPOUND_TAIL.fullmatch(p) for p in pieces[1:])
            known = all(self.gaz_table.match([x], 0, p) is not None or self.reg.table.match([x], 0, p) is not None
                        for p in pieces for x in tokenize(p)[:1]) if not tail_lower else False
            if not (tail_lower or known):
                out.append(t)
                continue
            pos = t.start
            for n, p in enumerate(pieces):
                last = n == len(pieces) - 1
                sub = tokenize(p)
                if sub:
                    w = sub[0]
                    poss = t.poss and last
                    out.append(Tok(pos, pos + len(p), p + (t.text[len(t.base):] if poss else ""), p, w.fold, poss, w.cap, w.caps,
                                   t.join if last else False))
                pos += len(p) + 1
        return out

    # ------------------------------------------------------------ segmentation
    def _segment(self, text: str, toks: list[Tok], seq: int) -> list[Item]:
        items: list[Item] = []
        n = len(toks)
        i = 0
        reg_table = self.reg.table
        gaz_table = self.gaz_table
        reg_firsts, gaz_firsts = reg_table.firsts, gaz_table.firsts
        while i < n:
            t = toks[i]
            m = reg_table.match(toks, i, text) if t.fold in reg_firsts else None
            if t.cap:
                g = gaz_table.match(toks, i, text) if t.fold in gaz_firsts else None
            else:  # a lower-case word: no form of the tables, and most often no title either
                g = None
                if m is None and t.fold not in _ROLE_WORDS:
                    items.append(Item(WORD, i, i + 1))
                    i += 1
                    continue
            if m is not None and m[0].value[0] == "person" and m[1] == i + 1 and i + 1 < n and toks[i + 1].cap \
                    and not t.poss and _adjacent(text, t, toks[i + 1]) and g is None:
                m = None  # a known surname opening a longer name ("Trump Tower", "Fomin" in another's name)
            if m is not None or g is not None:
                if g is not None and (m is None or g[1] > m[1]):
                    items.append(Item(GAZ, i, g[1], g[0].value))
                    i = g[1]
                else:
                    items.append(Item(KNOWN, i, m[1], m[0].value))
                    i = m[1]
                continue
            if _is_role_word(t):
                j = _title_end(text, toks, i)
                if j > i:
                    items.append(Item(TITLE, i, j))
                    i = j
                    continue
            if t.cap and t.fold not in NOT_NAME_WORDS and t.fold not in ROLE_HEADS:
                j = i + 1
                while j < n and not toks[j - 1].poss and toks[j - 1].fold not in ORG_WORDS \
                        and toks[j - 1].join:
                    u = toks[j]
                    known = reg_table.match(toks, j, text) if u.fold in reg_firsts else None
                    gaz = gaz_table.match(toks, j, text) if u.fold in gaz_firsts else None
                    if u.cap and u.fold not in NOT_NAME_WORDS and u.fold not in ROLE_HEADS \
                            and not (u.fold in ROLE_MODIFIERS and _title_end(text, toks, j) > j) \
                            and (known is None or known[0].value[0] == "person") \
                            and (gaz is None or (j == i + 1 and gaz[1] == j + 1 and self._surname_position(items, toks, i))):
                        j += 1  # (a country can be a surname: "spokeswoman Lucía Montenegro", "Israel Katz")
                    elif u.particle and u.join and _particles_then_name(toks, j):
                        j += 1  # "van den Broeck", "de la Fuente": particles up to the surname
                    elif u.caps and u.fold in MEDIA_WORDS:
                        j += 1  # "Coastline FM", "Varna TV" (not the country whose code it is)
                    elif u.particle and u.base[3:4].isupper() and "-" in u.base[:3]:
                        j += 1  # "Faisal bin Rashid al-Qadri": the particle carries the surname
                    else:
                        break
                while j - i > 1 and toks[j - 1].fold in NAME_PARTICLES:
                    j -= 1  # "El Faro de" + a known place: the particle is not the name's end
                items.append(Item(NAMEK, i, j))
                i = j
                continue
            items.append(Item(WORD, i, i + 1))
            i += 1
        return _join_titles(text, toks, items)

    def _surname_position(self, items: list[Item], toks: list[Tok], i: int) -> bool:
        """Is toks[i] a given name whose next word is a surname (a title before it, or a given name seen)?"""
        if toks[i].fold in self.given_names:
            return True
        return bool(items) and items[-1].kind == TITLE and toks[items[-1].j - 1].join and items[-1].j == i

    # ------------------------------------------------------------ known forms
    def _known(self, text: str, toks: list[Tok], items: list[Item], k: int, seq: int) -> None:
        it = items[k]
        a, b = toks[it.i], toks[it.j - 1]
        surface = text[a.start:b.end]
        kind, key = it.value
        if it.kind == GAZ:
            if kind == "capital" and not b.poss and _CAPITAL_AS_PLACE.search(text, max(0, a.start - 60), a.start) \
                    and not _PEOPLE_FROM.search(text, max(0, a.start - 80), a.start):
                # "flew in from Lima", "talks in Cairo": the city, where something happens; a
                # capital names its government only as an actor ("Lima has denied", "Cairo's negotiators")
                self.reg.add_place(surface, seq, "city", key)
                it.mention = Linked(a.start, b.end, "place", surface, None)
                return
            if kind in ("country", "capital", "demonym", "seat"):
                rec = self.party_for_code(key, seq, surface if kind == "country" else None)
                it.party = rec.id
                if kind == "country":
                    it.mention = Linked(a.start, b.end, "place", rec.name, rec.id)
                elif kind == "capital":
                    self.reg.add_place(surface, seq, "city", key)
                    it.mention = Linked(a.start, b.end, "place", surface, rec.id)
                elif kind == "seat":
                    it.mention = None  # "the Kremlin": the government, not its negotiators
            elif kind == "body":
                rec = self.party_for_body(key, seq, surface)
                it.party = rec.id
                it.mention = Linked(a.start, b.end, "place", rec.name, rec.id)
            elif kind == "body_demonym":
                it.party = self.party_for_body(key, seq, key).id
            elif kind == "city":
                name, code = key
                place = self.reg.add_place(surface, seq, "city", code)
                it.mention = Linked(a.start, b.end, "place", place.name, None)
            return
        if kind == "person":
            rec = self.reg.people.get(key)
            if rec is not None:
                it.person = rec.key
                it.mention = Linked(a.start, b.end, "person", rec.key, rec.delegation, False)
        elif kind == "role":
            rec = self.reg.people.get(key)
            if rec is not None:
                it.person = rec.key
                it.mention = Linked(a.start, b.end, "person", rec.key, rec.delegation, True)
        elif kind in ("party", "demonym", "team"):
            rec = self.reg.parties.get(key)
            if rec is not None:
                it.party = rec.id
                if kind == "team":
                    self.reg.set_negotiating(rec, seq)
                    it.mention = Linked(a.start, b.end, "delegation", rec.id, rec.id)
                elif kind == "party":
                    it.mention = Linked(a.start, b.end, "place", surface if rec.kind == "country" and rec.capital and
                                        fold(surface) == fold(rec.capital) else rec.name, rec.id)
        elif kind == "place":
            rec = self.reg.places.get(key)
            if rec is not None:
                gaz = self.gaz_table.match(toks, it.i, text, it.j)
                if gaz is not None and gaz[1] == it.j and gaz[0].value[0] == "capital":
                    # a capital learnt as a place ("Kyiv's delegation") is still its government when it
                    # acts ("Kyiv has not decided") and a side of talks ("between Moscow and Kiev"): read
                    # it as the general tables do, in its context (after "in", "from", "left for": the city)
                    it.kind, it.value = GAZ, gaz[0].value
                    self._known(text, toks, items, k, seq)
                    return
                if gaz is None and it.j - it.i == 1 and rec.kind == "city" and _party_of_place(self, rec) is None and (
                        (b.poss and _NATIONAL_GOV_AFTER.match(text, b.start + len(b.text)))
                        or _NATIONAL_OF_BEFORE.search(text, max(0, a.start - 40), a.start)):
                    # a name met as a place ("in Kivimaa") whose national government acts ("Kivimaa's
                    # cabinet backed him", "the government of Kivimaa"): a country, a party from now on
                    # (not "Holmstad's authorities", "the people of Holmstad": a city's)
                    self._as_party(it, self.party_for_name(surface, seq), a, b, seq, surface, "party: a place's government")
                    return
                it.mention = Linked(a.start, b.end, "place", rec.name, _party_of_place(self, rec))
        elif kind == "outlet":
            rec = self.reg.outlets.get(key)
            if rec is not None:
                it.mention = Linked(a.start, b.end, "outlet", rec.name)

    # ------------------------------------------------------------ unknown names
    def _classify(self, text: str, toks: list[Tok], items: list[Item], k: int, seq: int) -> None:
        it = items[k]
        again = self.reg.table.match(toks, it.i, text, it.j)
        if again is not None and again[1] == it.j:
            # learnt earlier in this very post ("Varnia's delegation … Varnia's chief negotiator")
            it.kind, it.value = KNOWN, again[0].value
            self._known(text, toks, items, k, seq)
            return
        words = toks[it.i:it.j]
        if any(len(w.base) > _LONGEST_WORD for w in words):
            return None  # a 10 MB "word" is no name (and must not cost 10 MB of work per rule)
        if len(words) == 1 and words[0].fold in ZONES:
            return None  # "GMT", "BST": a clock's zone, never a name
        a, b = words[0], words[-1]
        surface = text[a.start:b.end]
        parts = tuple(w.base for w in words)
        before = text[max(0, a.start - 60):a.start]
        after = text[b.start + len(b.text):b.start + len(b.text) + 100]
        prev = items[k - 1] if k else None
        prev_joined = prev is not None and _adjacent(text, toks[prev.j - 1], a)
        last = b.fold
        caps = all(w.caps for w in words)
        multi = len(words) >= 2 and not caps
        label = self.ner.label(text, a.start, b.end) if self.ner is not None else None
        why = self._why

        # --- a longer name of an outlet just named: "CNN Turk", "RIA Novosti", "The Washington Post"
        if prev is not None and prev_joined and prev.mention is not None and not toks[prev.j - 1].poss and (
                prev.mention.kind == "outlet" or (last in MEDIA_WORDS and prev.kind in (GAZ, KNOWN))):
            start = toks[prev.i].start
            extends = outlet_key(text[start:toks[prev.j - 1].end]) if prev.mention.kind == "outlet" else None
            prev.mention = None
            prev.party = None
            rec = self.reg.add_outlet(text[start:b.end], seq, extends=extends)
            it.mention = Linked(start, b.end, "outlet", rec.name)
            return why(seq, surface, "outlet: longer outlet name")

        # --- someone already known: a full name or a bare surname ("Fidan said")
        if label not in ("GPE", "ORG", "LOC", "NORP", "FAC"):
            known = self.reg.find_person(parts) if multi else (self.reg.person_by_surname(a.base) if len(words) == 1 else None)
            if known is not None and (len(words) == 1 or multi):
                if multi:
                    self.reg.add_person(parts, seq, surface)
                it.person = known.key
                it.mention = Linked(a.start, b.end, "person", known.key, known.delegation, False)
                return why(seq, surface, "person: known")

        nxt = _first_word(after)
        longer = _ORG_OF.match(after) if last in ORG_WORDS and not b.poss else None
        if longer is not None and len(words) > 1 and self._names_party(_first_name(longer.group())):
            longer = None  # "the Foreign Ministry of Varnia": Varnia's ministry, a name of its own after "of"
        if longer is not None:
            # "the Commission for Safe Return (CSR)": one organisation, its name running on
            # past "for"/"of"; the capitalised words after it are part of it, not names of their own
            end = b.start + len(b.text) + longer.end()
            for later in items[k + 1:]:
                if toks[later.i].start < end:
                    later.kind = WORD
            surface, after = text[a.start:end], text[end:end + 100]
            words = [a, *[t for t in toks if a.start < t.start < end]]
            b = words[-1]
        if len(words) == 1 and (last in ORG_WORDS or last in VENUE_WORDS or last in GEO_WORDS or last in MEDIA_WORDS
                                or last in COMPASS_WORDS):
            if last in self.orgs and (nxt in TEAM_NOUNS or b.poss and _GOV_AFTER.match(" " + after.lstrip())):
                rec = self.party_for_name(surface, seq)  # "the Community's negotiators"
                it.party = rec.id
                return why(seq, surface, "party: an organisation's team")
            named = items[k + 1] if k + 1 < len(items) else None
            if a.fold in BROADCAST_WORDS and not b.poss and named is not None and named.kind in (KNOWN, GAZ) \
                    and _adjacent(text, b, toks[named.i]) and not toks[named.j - 1].poss:
                # "state broadcaster Radio Varnia reported": a broadcaster named after its country (the
                # country is named too, and is read as usual)
                end = toks[named.j - 1].end
                rec = self.reg.add_outlet(text[a.start:end], seq)
                it.mention = Linked(a.start, end, "outlet", rec.name)
                return why(seq, surface, "outlet: a broadcaster named after a place")
            return why(seq, surface, "skip: a common noun capitalised")
        # --- an organisation's acronym once the organisation is a party: "the NRC said"
        if len(words) == 1 and caps and a.fold in self.orgs and not before.endswith("("):  # (not "X Council (XC)" itself)
            if self.reg.parties.get(party_id(self.orgs[a.fold])) is not None:
                rec = self.party_for_name(surface, seq)  # (the acronym becomes one of its forms)
                return self._as_party(it, rec, a, b, seq, surface, "party: an organisation's acronym")
        # --- sides of talks: "talks between Kestria and Ardovia", "Kestria and Ardovia will hold talks"
        if len(words) == 1 and not b.poss and label not in ("PERSON",) and not self._beside_a_person(text, toks, items, k) and (
                _BETWEEN_BEFORE.search(before) or _TEAMS_OF_BEFORE.search(before)
                or (_AND_PARTY_AFTER.match(after) and _TALK_WORD.search(text, b.end, b.end + 90))
                or (_AND_BEFORE.search(before) and _TALK_WORD.search(text, b.end, b.end + 90))):
            rec = self._party_by_stem(surface) or self.party_for_name(surface, seq)
            if rec.name != surface and self._party_by_stem(surface) is rec:
                rec = self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: a side of talks")
        # "Varnia and Costa Nueva have agreed to send negotiators to talks": a longer name coordinated
        # with a party, both the subject of talks
        side = next((x for x in reversed(items[:k]) if not (x.kind == WORD and toks[x.i].fold in ("and", "the"))), None)
        if 2 <= len(words) <= 3 and not caps and not b.poss and label not in ("PERSON",) and side is not None and side.party \
                and a.fold not in self.given_names and _AND_ONLY.fullmatch(text, toks[side.j - 1].end, a.start) \
                and not _QUALIFIER_BEFORE.search(text, max(0, toks[side.i].start - 8), toks[side.i].start) \
                and not any(w.fold in ORG_WORDS or w.fold in VENUE_WORDS or w.fold in GEO_WORDS for w in words) \
                and _TALK_WORD.search(text, b.end, b.end + 90):
            rec = self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: a side of talks beside another")
        # --- one of a listed set of parties: "the three parties …: the Harbour League, the Greys and …"
        # (an organisation's name is left to the rule below, which also learns its acronym)
        if len(words) <= 4 and not b.poss and label not in ("PERSON",) and a.fold not in self.given_names \
                and last not in ORG_WORDS and longer is None \
                and not self._beside_a_person(text, toks, items, k) and _LISTED_AFTER.search(text, max(0, a.start - 300), a.start):
            rec = self._party_by_stem(surface) or self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: one of a list of parties")
        # --- a body named after what it is: "the church charity Casa del Puerto", "the climate group Verdeluz"
        if len(words) <= 5 and not b.poss and label not in ("PERSON",) and a.fold not in self.given_names \
                and _BODY_TYPE_BEFORE.search(before):
            known = set(self.reg.parties)
            rec = self.party_for_name(surface, seq)
            if rec.id not in known:
                rec.kind = "organisation"  # (a party already on record keeps what it was learnt as)
            return self._as_party(it, rec, a, b, seq, surface, "party: a body named after its kind")
        # --- a mediator: "brokered by Varnia and Osterland", "Osterland's special envoy, Dr Ana Ruiz"
        if len(words) == 1 and label not in ("PERSON",) and a.fold not in self.given_names and (
                (not b.poss and _BROKERED_BEFORE.search(before)) or (b.poss and _ITS_ENVOY_AFTER.match(after))):
            rec = self._party_by_stem(surface) or self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: a mediator")
        # --- "Ardovia has yet to decide who will lead its team": a name whose team the clause speaks of
        if len(words) == 1 and not b.poss and label not in ("PERSON",) and _ITS_TEAM_AFTER.match(after) \
                and _first_word(after) not in SPEECH_VERBS:
            rec = self._party_by_stem(surface) or self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: has its own team")
        # --- a country known so far only by its demonym: "Tarsania" after "the Tarsanian side"
        if len(words) == 1 and not caps and label not in ("PERSON",):
            stem = self._party_by_stem(surface)
            if stem is not None:
                rec = self.party_for_name(surface, seq)
                return self._as_party(it, rec, a, b, seq, surface, "party: the country of a known demonym")
        # --- institutions, venues, regions, outlets by their last word
        press = last in MEDIA_WORDS and not (last == "agency" and not any(w.fold in ("news", "press") for w in words))
        if (press and len(words) > 1) or (_AFTER_MEDIA.match(after) and not b.poss) \
                or (a.fold in BROADCAST_WORDS and len(words) > 1):  # "Radio Costa Libre"
            self._outlet(it, surface, a, b, seq, after)
            return why(seq, surface, "outlet: media word")
        if last == "agency" and len(words) > 1 and not b.poss and _REPORTED_AFTER.match(after) \
                and not any(w.fold in _STATE_AGENCY_WORDS for w in words):
            # "Anadolu Agency reported": a news agency, not a body (not "the Border Agency reported")
            rec = self.reg.add_outlet(surface, seq)
            it.mention = Linked(a.start, b.end, "outlet", rec.name)
            return why(seq, surface, "outlet: an agency that reports")
        if (last in ORG_WORDS or longer is not None) and len(words) > 1:
            acr = _ACRONYM_AFTER.match(after)
            self.note_org(surface, acr.group(1) if acr else None)
            rec = self.reg.parties.get(party_id(self.orgs.get(fold(surface), surface)))
            if rec is None and (not b.poss and (_first_word(after) in TEAM_NOUNS or _BETWEEN_BEFORE.search(before)
                                                or _TEAMS_OF_BEFORE.search(before) or _BROKERED_BEFORE.search(before)
                                                or (_SIDE_AND_BEFORE.search(before) and _TALK_WORD.search(after, 0, 90)))
                                or _ITS_ENVOY_AFTER.match(after)):
                # a team, a side of talks, or a mediator: "mediated by the Northern Rivers Council
                # (NRC), whose special envoy …", "the Northern Union delegation"
                rec = self.party_for_name(surface, seq)  # "the Northern Union delegation", "teams from … and the Northern Union"
                rec.kind = "organisation"
            elif rec is None and _standalone_org(words, before):
                # "the Harbour Arbitration Service (HAS) said": a body of its own is a party of the
                # event (not a side of talks until it has a team), unlike "Varnia's Interior Ministry"
                rec = self.party_for_name(surface, seq)
                rec.kind = "organisation"
            if rec is not None:
                return self._as_party(it, rec, a, b, seq, surface, "party: organisation named in full")
            return why(seq, surface, "institution")
        if (last in VENUE_WORDS or a.fold in VENUE_WORDS) and len(words) > 1:
            if _PLACE_BEFORE.search(before) or _MOVE_BEFORE.search(before) or re.match(r"\s+in\s+[A-Z]", after):
                place = self.reg.add_place(surface, seq, "venue")
                it.mention = Linked(a.start, b.end, "place", place.name, None)
                return why(seq, surface, "venue")
            return why(seq, surface, "skip: building, not a place here")
        if last in GEO_WORDS and len(words) > 1:
            place = self.reg.add_place(surface, seq, "region")
            it.mention = Linked(a.start, b.end, "place", place.name, None)
            return why(seq, surface, "region")
        opener = a.fold in PLACE_OPENERS and len(words) > 1 and label not in ("PERSON",) and nxt not in SPEECH_VERBS
        if opener and (app := _APPOSITIVE.match(after)) is not None and app.group("role") and _has_role_head(app.group("role")):
            opener = False  # "North Holm, the rebel commander, said": a person after all
        if opener:
            # "Port Elda", "North Varnia": a town or a region, never a person
            place = self.reg.add_place(surface, seq, "city" if a.fold not in COMPASS_WORDS else "region")
            it.mention = Linked(a.start, b.end, "place", place.name, None)
            return why(seq, surface, "place: a place word opens the name")

        # --- a person by a title or role right before ("Foreign Minister Hakan Fidan", "envoy Steve Witkoff")
        if prev is not None and prev.kind == TITLE and prev_joined and not caps:
            head = toks[prev.j - 1].fold
            if not (head in OUTLET_ROLES and len(words) == 1):
                self._person(it, words, surface, seq)
                return why(seq, surface, "person: title before")
        # "US ambassador to Türkiye Thomas Barrack": a title, "to" a party, then the name
        if multi and k >= 2 and items[k - 1].party and items[k - 2].kind == TITLE and prev_joined \
                and re.fullmatch(r"\s+(?:to|in|at|for)\s+(?:the\s+)?", text[toks[items[k - 2].j - 1].end:toks[items[k - 1].i].start]):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: title to party before")
        # an outlet's journalist: "RT's Igor Zhdanov"
        if multi and prev is not None and prev_joined and prev.mention is not None and prev.mention.kind == "outlet" \
                and toks[prev.j - 1].poss:
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: outlet's journalist")
        # "UK national security adviser, Jonathan Powell, is expected…"
        window = _window_before(text, a.start)
        rb = _ROLE_BEFORE.search(window) or _POSS_ROLE_BEFORE.search(window)
        if multi and rb and (_has_role_head(rb.group("role")) or _person_noun(rb.group("role"))) \
                and (re.match(r"\s*(?:[,.;:)]|$)", after)
                     or (_PLURAL_ROLE_HEAD.search(rb.group("role")) and _AND_FULL_NAME_AFTER.match(after))):
            # (a plural role opens a list: "the two leaders, Ana Ruiz and Ivo Lind,")
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: role, name,")
        listed = _ROLES_LIST_BEFORE.search(window) if multi else None
        if listed is not None and _PLURAL_ROLE_HEAD.search(listed.group("role")) and re.match(r"\s*(?:[,.;:)]|$)", after):
            self._person(it, words, surface, seq)  # "the two leaders, Ana Ruiz and Ivo Lind,"
            return why(seq, surface, "person: last of a list after a plural role")
        paren = _PAREN_ROLE_AFTER.match(after) if multi and len(words) <= 4 else None
        if paren is not None and _paren_role(paren.group(1)) and label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            # "• Varnia: Emil Holm (leader), Ana Ruiz (chief negotiator)": a name and its role in brackets
            rec = self._person(it, words, surface, seq)
            self.reg.set_person(rec, seq, role=paren.group(1).strip())
            return why(seq, surface, "person: role in brackets")
        of_party = _OF_PARTY_AFTER.match(after) if multi and len(words) <= 4 else None
        if of_party is not None and self._names_party(of_party.group(1)) and label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: of a party")
        if multi and (fold(parts[0]) in self.given_names or label == "PERSON"):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: known given name" if label != "PERSON" else "person: NER")

        # --- outlets by how they are cited
        nxt = _first_word(after)
        if (b.poss and nxt in OUTLET_ROLES) or (not b.poss and nxt in OUTLET_ROLES and len(words) <= 2):
            self._outlet(it, surface, a, b, seq, after)
            return why(seq, surface, "outlet: its correspondent/sources")
        if _AFTER_OUTLET_VERB.match(after) and (len(words) <= 2 or caps):
            self._outlet(it, surface, a, b, seq, after)
            return why(seq, surface, "outlet: reported")
        if _BEFORE_OUTLET.search(before) and not _MEDIA_THEN_NAME.match(after):
            personish = multi and a.fold not in _FOREIGN_ARTICLE and (
                _APPOSITIVE.match(after) or bool(_BEFORE_ACCORDING.search(before)))
            if not personish:
                self._outlet(it, surface, a, b, seq, after)
                return why(seq, surface, "outlet: told / according to")

        # --- parties learnt from the text: "the Orlanian side", "Hamas negotiators", "Vestmark's delegation"
        if len(words) <= 3 and not caps or len(words) == 1:
            team_after = nxt in TEAM_NOUNS or _after_phrase(after, ("negotiating team", "negotiating teams")) \
                or (len(words) == 1 and not b.poss and _COORDINATED_TEAMS.match(after) is not None)
            if team_after:
                dem = len(words) == 1 and not b.poss and _DEMONYM_SUFFIX.search(b.fold) is not None
                rec = self.party_for_name(surface, seq, demonym=surface if dem else None)
                it.party = rec.id
                return why(seq, surface, "party: has a team")
            if b.poss and _GOV_AFTER.match(" " + after.lstrip()):
                rec = self.party_for_name(surface, seq)
                return self._as_party(it, rec, a, b, seq, surface, "party: its government")
            if len(words) == 1 and not b.poss and len(b.fold) >= 6 and _DEMONYM_SUFFIX.search(b.fold) \
                    and _THE_BEFORE.search(before) and _GOV_AFTER.match(" " + after.lstrip()) and label not in ("PERSON",):
                # "the Varnian foreign ministry", "the Qadiri government": a country's adjective
                rec = self.party_for_name(surface, seq, demonym=surface)
                it.party = rec.id
                return why(seq, surface, "party: demonym before its government")
            if _OF_BEFORE.search(before):
                rec = self.party_for_name(surface, seq)
                return self._as_party(it, rec, a, b, seq, surface, "party: government of")
            title_next = k + 1 < len(items) and items[k + 1].kind == TITLE and _adjacent(text, b, toks[items[k + 1].i])
            if len(words) == 1 and not b.poss and (_is_known_demonym_like(self, surface) or (
                    title_next and _DEMONYM_SUFFIX.search(b.fold) and len(b.fold) >= 5)) and nxt \
                    and (nxt in _ROLE_WORDS or nxt in TEAM_NOUNS or nxt in _DEMONYM_NOUNS):
                rec = self.party_for_name(surface, seq, demonym=surface)
                it.party = rec.id
                return why(seq, surface, "party: demonym of a known party")

        # --- a person by what follows: appositive, speech verb, line-up dash
        app = _APPOSITIVE.match(after)
        if app and app.group("role") and (_HONORIFIC_NAME.match(app.group("role")) or _ROLE_THEN_NAME.search(app.group("role"))):
            app = None  # "in Holmstad, Mr Hale said", "…, the mediator's spokesman Ole Dahl said": the next clause's speaker
        if app and _AT_PLACE_BEFORE.search(before):
            app = None  # "at the Volkshuis, the party's headquarters": a place described, not a person
        if app and a.fold in COMPASS_WORDS:
            app = None  # "the special envoy for the Northern Isles, X": a region, not a person
        if app and not caps and (app.group("role") is None and multi or (app.group("role") and (
                _has_role_head(app.group("role")) or multi and _person_noun(app.group("role"))))):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: appositive")
        sp = _AFTER_SPEECH.match(after)
        if sp and sp.group(1) in SPEECH_VERBS and _ITS_AFTER_VERB.match(after, sp.end()) and label not in ("PERSON",):
            # "Costa Verde says its boats were fishing legally": a country or a body speaks of its own
            rec = self._party_by_stem(surface) or self.party_for_name(surface, seq)
            return self._as_party(it, rec, a, b, seq, surface, "party: speaks of its own")
        if sp and sp.group(1) in SPEECH_VERBS and multi and not _AT_PLACE_BEFORE.search(before):
            # (not "the Foreign Ministry in Porto Alto said": the place of the speaker)
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: speech verb")
        line_start = text.rfind("\n", 0, a.start) + 1
        if multi and _BULLET.match(text[line_start:a.start]) and _LINEUP_AFTER.match(after):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: line-up item")
        if multi and self.reg.person_by_surname(b.base) is not None:
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: namesake")
        listed = next((x for x in reversed(items[:k]) if not (x.kind == WORD and toks[x.i].fold in ("and", "or"))), None)
        if multi and listed is not None and listed.person and re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+or)\s+", text[toks[listed.j - 1].end:a.start]):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: in a list of people")
        if multi and prev is not None and prev.party and toks[prev.j - 1].poss and prev_joined:
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: party's")
        if multi and prev is not None and prev_joined and prev.kind == NAMEK and toks[prev.j - 1].fold in ORG_WORDS:
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: after an institution")
        # "Femke Aalders will lead the Pirates' delegation": who leads a team is a person
        if multi and not caps and not b.poss and _TO_LEAD_AFTER.match(after) \
                and not any(w.fold in ORG_WORDS or w.fold in VENUE_WORDS or w.fold in GEO_WORDS for w in words):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: leads a team")
        # "the delegation will be led by Ilse Varga", "joined by Ana Ruiz": a team's people
        if multi and not caps and not b.poss and len(words) <= 4 and _BY_PERSON_BEFORE.search(before) \
                and not any(w.fold in ORG_WORDS or w.fold in VENUE_WORDS or w.fold in GEO_WORDS for w in words) \
                and label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: led by")

        # "Ruta Vale has just walked in with her negotiators": a name the rest of its clause calls he or she
        if multi and not caps and not b.poss and len(words) <= 4 and _HE_OR_SHE_AFTER.match(after) \
                and not any(w.fold in ORG_WORDS or w.fold in VENUE_WORDS or w.fold in GEO_WORDS or w.fold in MEDIA_WORDS
                            for w in words) \
                and label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: he or she")

        # --- places: "in Jeddah", "arrived at Lancaster House", "left Doha for Cairo"
        adjective = len(words) == 1 and _DEMONYM_SUFFIX.search(b.fold) and _NOUN_AFTER.match(after)
        if len(words) <= 3 and not b.poss and not caps and a.fold not in COMPASS_WORDS and b.fold not in COMPASS_WORDS \
                and not adjective \
                and (_PLACE_BEFORE.search(before) or _MOVE_BEFORE.search(before)) and label not in ("PERSON", "ORG", "NORP"):
            place = self.reg.add_place(surface, seq, "city")
            it.mention = Linked(a.start, b.end, "place", place.name, None)
            return why(seq, surface, "place: in/at")
        if label == "PERSON" and multi:
            self._person(it, words, surface, seq)
            return why(seq, surface, "person: NER")
        if label in ("GPE", "LOC", "FAC"):
            place = self.reg.add_place(surface, seq, "venue" if label == "FAC" else "city")
            it.mention = Linked(a.start, b.end, "place", place.name, None)
            return why(seq, surface, "place: NER")
        return why(seq, surface, "unknown")

    def _as_party(self, it: Item, rec: PartyRec, a: Tok, b: Tok, seq: int, surface: str, reason: str) -> None:
        """The name a..b is the party `rec`: the item names it, as a mention of it (and why, when traced)."""
        it.party = rec.id
        it.mention = Linked(a.start, b.end, "place", rec.name, rec.id)
        return self._why(seq, surface, reason)

    def _names_party(self, name: str) -> bool:
        """Is name a party known so far (learnt, or a country of the general tables)?"""
        f = fold(name)
        if self.gaz.country_of(name) is not None or self._party_by_stem(name) is not None:
            return True
        return any(f == fold(r.name) or f in (fold(x) for x in r.forms) for r in self.reg.parties.values())

    def _beside_a_person(self, text: str, toks: list[Tok], items: list[Item], k: int) -> bool:
        """Is the name coordinated with a person ("Brandt and Holm could meet", "between
        Novak and Costa")? Then it is that person's counterpart, not a country."""
        it = items[k]
        before = next((x for x in reversed(items[:k]) if not (x.kind == WORD and toks[x.i].fold in ("and", "or"))), None)
        if before is not None and before.person and _COORDINATED.fullmatch(text, toks[before.j - 1].end, toks[it.i].start):
            return True
        m = _AND_NAME_AFTER.match(text, toks[it.j - 1].end)
        if m is None:
            return False
        nxt = tuple(w.strip("’'") for w in m.group(1).split())
        return self.reg.find_person(nxt) is not None if len(nxt) > 1 else self.reg.person_by_surname(nxt[0]) is not None

    def _why(self, seq: int, surface: str, reason: str) -> None:
        if self.trace is not None:
            self.trace.append((seq, surface, reason))

    def _outlet(self, it: Item, surface: str, a: Tok, b: Tok, seq: int, after: str = "") -> None:
        end = b.end
        number = _CHANNEL_NUMBER.match(after)
        if number is not None:
            # "Holmstad 24", "Channel 4": the number is part of the outlet's name
            surface, end = f"{surface} {number.group(1)}", b.end + number.end()
        acr = _ACRONYM_AFTER.match(after) if len(surface.split()) > 1 else None
        if acr is not None and outlet_key(acr.group(1)) in self.reg.outlets:
            # "VPA reports" earlier, now "the Varnia Press Agency (VPA)": the full name of that outlet
            extends: str | None = outlet_key(acr.group(1))
        else:
            extends = outlet_key(a.base) if len(surface) > len(a.base) else None
        rec = self.reg.add_outlet(surface, seq, extends=extends)
        it.mention = Linked(a.start, end, "outlet", rec.name)
        if acr is not None:
            # "the Osterland Press Agency (OPA) reports": the acronym is the same outlet
            self.reg.add_outlet(acr.group(1), seq, extends=outlet_key(rec.forms[0]))

    def _person(self, it: Item, words: list[Tok], surface: str, seq: int) -> PersonRec:
        parts = tuple(w.base for w in words)
        if len(parts) == 1:
            known = self.reg.person_by_surname(parts[0])
            rec = known if known is not None else self.reg.add_person(parts, seq, surface)
        else:
            rec = self.reg.add_person(parts, seq, surface)
            self.given_names.add(fold(parts[0]))
        it.person = rec.key
        it.mention = Linked(words[0].start, words[-1].end, "person", rec.key, rec.delegation, False)
        return rec

    def _nicknames(self, text: str, items: list[Item], seq: int) -> None:
        """"Rosa Ibarra, a commander known as “La Garza”": the nickname names her from now on."""
        for m in _NICKNAME.finditer(text):
            named = [it for it in items if it.person and it.mention is not None and it.mention.end <= m.start()
                     and m.start() - it.mention.end <= 80 and "." not in text[it.mention.end:m.start()]]
            rec = self.reg.people.get(named[-1].person) if named else None
            if rec is not None:
                self.reg.add_person_form(rec, m.group(1), seq)

    # ------------------------------------------------------------ teams and lists
    def _teams(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        """Team phrases: "the Russian delegation", "Kiev's negotiators", "the Russian, Ukrainian, and
        Turkish delegations", "teams from Moscow, Kiev, and Ankara", "the government's team" —
        each a delegation mention."""
        if "overnment" in text:
            self._government(text, toks, items, seq)
        n = len(items)
        its = "its" in text  # (every match of the case-sensitive _HAS_ITS_TEAM_AFTER spells it)
        for k, it in enumerate(items):
            if not it.party or it.kind == TITLE:
                continue
            end_tok = toks[it.j - 1]
            if it.mention is None and not end_tok.poss:
                vehicle = _VEHICLE_AFTER.match(text, end_tok.end)
                if vehicle and _CARRYING.match(text, vehicle.end()):
                    vehicle = None  # "a Varnian plane carrying the freed hostages": someone else's journey
                rec = self.reg.parties.get(it.party) if vehicle else None
                if rec is not None and rec.negotiating is not None:
                    # "the Varnian plane touched down": the vehicle of a side that has a team carries it
                    it.mention = Linked(toks[it.i].start, vehicle.end(), "delegation", rec.id, rec.id)
                    continue
            if its and not end_tok.poss and it.kind != TITLE and _HAS_ITS_TEAM_AFTER.match(text, end_tok.end):
                rec = self.reg.parties.get(it.party)
                if rec is not None:
                    self.reg.set_negotiating(rec, seq)  # "the Harbour League has named its team": it has one
            if it.j >= len(toks):
                continue
            nxt = toks[it.j]
            if not _adjacent(text, end_tok, nxt) and not (end_tok.base.endswith("s") and text[end_tok.end:nxt.start] in ("' ", "’ ")):
                continue  # (a plural possessive: "the Pirates' delegation")
            team = nxt.fold in TEAM_NOUNS or (nxt.fold in ("negotiating", "negotiation") and it.j + 1 < len(toks)
                                              and toks[it.j + 1].fold in TEAM_NOUNS)
            if not team:
                continue
            stop = it.j + (2 if nxt.fold in ("negotiating", "negotiation") else 1)
            rec = self.reg.parties.get(it.party)
            if rec is None:
                continue
            if _AS_OBSERVERS.match(text, toks[stop - 1].end, toks[stop - 1].end + 120):
                continue  # "the UN and AU envoys … will attend as observers": not a side of the talks
            self.reg.set_negotiating(rec, seq)
            # a coordinated list before it: "the Russian, Ukrainian, and Turkish delegations"
            group = [it]
            back = k - 1
            while back >= 0:
                if items[back].kind == WORD and toks[items[back].i].fold == "and":
                    back -= 1
                    continue
                prev = items[back]
                between = text[toks[prev.j - 1].end:toks[group[0].i].start]
                if prev.party and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", between):
                    group.insert(0, prev)
                    back -= 1
                else:
                    break
            end = toks[stop - 1].end
            if len(group) == 1:
                start = toks[it.i].start
                it.mention = Linked(start, end, "delegation", rec.id, rec.id)
            else:
                for g in group:
                    grec = self.reg.parties.get(g.party)
                    if grec is None:
                        continue
                    self.reg.set_negotiating(grec, seq)
                    g.mention = Linked(toks[g.i].start, toks[g.j - 1].end if g is not it else end, "delegation",
                                       grec.id, grec.id)
        # "teams from Moscow, Kiev, and Ankara", "the delegations of Russia and Ukraine"
        for k, it in enumerate(items):
            if it.kind != WORD:
                continue
            t = toks[it.i]
            if t.fold not in TEAM_NOUNS or it.i + 1 >= len(toks) or toks[it.i + 1].fold not in ("from", "of") \
                    or text[t.end:toks[it.i + 1].start].strip():
                continue  # (not "the delegations on behalf of Lutrenia": the scanner skips the words between)
            back_word = toks[it.i - 1].fold if it.i else ""
            k2 = k + 2 if k + 1 < n and items[k + 1].kind == WORD and toks[items[k + 1].i].fold in ("from", "of") else None
            if k2 is None:
                continue
            if k2 < n and items[k2].kind == WORD and toks[items[k2].i].fold == "the":
                k2 += 1
            group = []
            while k2 < n and items[k2].party:
                group.append(items[k2])
                nxt_k = k2 + 1
                while nxt_k < n and items[nxt_k].kind == WORD and toks[items[nxt_k].i].fold in ("and", "the"):
                    nxt_k += 1
                if nxt_k < n and items[nxt_k].party:
                    between = text[toks[items[k2].j - 1].end:toks[items[nxt_k].i].start]
                    if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?(?:the\s+)?|and\s+(?:the\s+)?)", between):
                        k2 = nxt_k
                        continue
                break
            if not group or (len(group) == 1 and back_word not in ("the", "a")) \
                    or _NOT_A_SIDE_TEAM.search(text, max(0, t.start - 16), t.start):
                continue  # ("a joint team from the AU and the UN" monitors; it is no side of the talks)
            for g in group:
                grec = self.reg.parties.get(g.party)
                if grec is not None:
                    self.reg.set_negotiating(grec, seq)
                    g.mention = Linked(toks[g.i].start, toks[g.j - 1].end, "delegation", grec.id, grec.id)

    def _government(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        """"Varnia's government", "the Varnian government": that party has a government; and while
        it is the only one, "the government's team" / "the government delegation" is its team."""
        starts = {toks[it.j - 1].end: it for it in items if it.party}
        for i, t in enumerate(toks):
            if t.fold != "government" or t.cap and i and toks[i - 1].fold != "the":
                continue
            named = starts.get(toks[i - 1].end) if i else None
            if named is not None and _adjacent(text, toks[i - 1], t):
                rec = self.reg.parties.get(named.party)
                if rec is not None:
                    self.reg.set_government(rec, seq)
                continue
            if not i or toks[i - 1].fold != "the" or i + 1 >= len(toks):
                continue
            j = i + 1
            if toks[j].fold in ("negotiating", "negotiation") and j + 1 < len(toks):
                j += 1
            if toks[j].fold not in TEAM_NOUNS or not _adjacent(text, toks[j - 1], toks[j]):
                continue
            rec = self.reg.the_government()
            if rec is None:
                continue
            self.reg.set_negotiating(rec, seq)
            items.append(Item(TEAM, i, j + 1, mention=Linked(t.start, toks[j].end, "delegation", rec.id, rec.id),
                              party=rec.id))

    # ------------------------------------------------------------ definite descriptions
    def _descriptions(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        """"the Ukrainian leader", "his Russian counterpart", "Russia's foreign minister" -> the one
        person of that side with that role, when exactly one is known."""
        for k, it in enumerate(items):
            if it.kind != TITLE or k == 0:
                continue
            if k + 1 < len(items) and items[k + 1].kind in (NAMEK, KNOWN) and items[k + 1].person:
                continue  # a title before a name: not a description
            prev = items[k - 1]
            if not prev.party or not _adjacent(text, toks[prev.j - 1], toks[it.i]):
                continue
            lead = text[max(0, toks[prev.i].start - 6):toks[prev.i].start]
            if not (toks[prev.j - 1].poss or _DEF_BEFORE.search(lead)):
                continue
            heads = {toks[x].fold for x in range(it.i, it.j)}
            cands = [p for p in self.reg.people.values() if p.side == prev.party and p.role
                     and (heads & set(fold(p.role).split()) or ("leader" in heads and set(fold(p.role).split()) & LEADER_HEADS))]
            if len(cands) == 1:
                p = cands[0]
                start = toks[prev.i].start if toks[prev.j - 1].poss else toks[prev.i].start
                it.person = p.key
                it.mention = Linked(start, toks[it.j - 1].end, "person", p.key, p.delegation, True)
                prev.mention = None

    # ------------------------------------------------------------ what the post teaches
    def _learn(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        for k, it in enumerate(items):
            if not it.person:
                continue
            rec = self.reg.people.get(it.person)
            if rec is None or (it.mention is not None and it.mention.role):
                continue
            a = toks[it.i]
            # premodifier: [party] [title] NAME  ("Turkish Foreign Minister Hakan Fidan", "Kremlin spokesman Dmitry Peskov")
            if k and items[k - 1].kind == TITLE and _adjacent(text, toks[items[k - 1].j - 1], a):
                title = items[k - 1]
                role = text[toks[title.i].start:toks[title.j - 1].end]
                side = None
                if k >= 2 and items[k - 2].party and _adjacent(text, toks[items[k - 2].j - 1], toks[title.i]):
                    side = items[k - 2].party
                    if items[k - 2].kind == GAZ and items[k - 2].value[0] == "seat":
                        pass
                    self.reg.add_role_phrase(
                        "the " + text[toks[items[k - 2].i].start:toks[title.j - 1].end], rec, seq) \
                        if not toks[items[k - 2].j - 1].poss and _specific_role(role) else None
                if side is None:
                    # "President Emil Holm of Varnia" (wire style)
                    of = next((x for x in items[k + 1:k + 4] if x.kind != WORD or x.party), None)
                    if of is not None and of.party and _OF_GAP.fullmatch(text, toks[it.j - 1].end, toks[of.i].start):
                        side = of.party
                head = toks[title.j - 1].fold
                if head in RELATIONAL_HEADS:
                    self.reg.set_person(rec, seq, side=side)
                elif head not in OUTLET_ROLES:
                    self.reg.set_person(rec, seq, role=role, side=side)
                if side is None and k >= 2 and items[k - 2].kind in (KNOWN, NAMEK) and items[k - 2].mention is not None \
                        and items[k - 2].mention.kind == "outlet":
                    pass  # "RT correspondent X": a journalist of that outlet
            # "Ukraine's Vladimir Zelensky": the side before the name
            elif k and items[k - 1].party and toks[items[k - 1].j - 1].poss and _adjacent(text, toks[items[k - 1].j - 1], a):
                self.reg.set_person(rec, seq, side=items[k - 1].party)
            # appositive: "Rustem Umerov, Ukraine's defense minister," / "Vadim Skibitsky, the deputy head of ..."
            end = toks[it.j - 1]
            after = text[end.start + len(end.text):end.start + len(end.text) + 120]
            m = _APPOSITIVE.match(after)
            if m and m.group("role") and _has_role_head(m.group("role")):
                role = m.group("role").strip()
                lo = end.start + len(end.text) + m.start("role")
                hi = end.start + len(end.text) + m.end("role")
                side, team = self._side_in(items, toks, lo, hi, text)
                self.reg.set_person(rec, seq, role=_clean_role(role), side=side, delegation=team)
                if _definite(role) and _specific_role(role):
                    self.reg.add_role_phrase(role, rec, seq)
            # role phrase before: "the Vatican's secretary of state, Pietro Parolin, has said"
            before = _window_before(text, a.start)
            mb = _ROLE_BEFORE.search(before)
            if mb and _has_role_head(mb.group("role")) and not _ends_with_name(mb.group("role")) \
                    and re.match(r"\s*(?:[,.;:)]|$)", text[end.start + len(end.text):]):
                lo = a.start - len(before) + mb.start("role")
                hi = a.start - len(before) + mb.end("role")
                # a name inside ("Zelensky's aide Mikhail Podoliak claiming the chief negotiator, X"):
                # the role is what follows the last name, from its article on
                inner = [x for x in items if x.person and x.person != rec.key and lo <= toks[x.i].start < hi]
                if inner:
                    cut = toks[inner[-1].j - 1].end
                    art = re.search(r"\b(?:the|a|an)\s", text[cut:hi])
                    lo = cut + art.start() if art else hi
                if hi - lo >= 4 and _has_role_head(text[lo:hi]):
                    side, team = self._side_in(items, toks, lo, hi, text)
                    if side is None and re.match(r"whose\s", text[lo:hi], re.I):
                        # "the Northern Rivers Council (NRC), whose special envoy, X": the body's envoy
                        owner = [x for x in items if x.party and toks[x.j - 1].end <= lo
                                 and re.fullmatch(r"\s*(?:\([A-Z]{2,6}\))?\s*,\s*", text[toks[x.j - 1].end:lo])]
                        side = owner[-1].party if owner else None
                    self.reg.set_person(rec, seq, role=_clean_role(text[lo:hi]), side=side, delegation=team)
        # membership and team leads: "The Russian delegation, led by X" / "X, who led Kiev's delegation"
        self._members(text, toks, items, seq)
        self._hosts(text, toks, items, seq)

    def _side_in(self, items: list[Item], toks: list[Tok], lo: int, hi: int, text: str) -> tuple[str | None, str | None]:
        """The first party named in text[lo:hi], and it again if the phrase is about its team."""
        side = None
        team = None
        for it in items:
            s = toks[it.i].start
            if s < lo or s >= hi:
                continue
            if it.party and side is None:
                if not _ROLE_OBJECT_BEFORE.search(text, max(lo, s - 8), s):
                    side = it.party  # (not "ambassador to Varnia", "envoy for the Isles": whom the role deals with)
            elif it.person and side is None:
                p = self.reg.people.get(it.person)
                if p is not None and p.side:
                    side = p.side
            if it.mention is not None and it.mention.kind == "delegation" and team is None:
                if re.search(r"\b(?:head|chief|leader|member|lead|led|heads|headed|negotiator)\b", text[lo:hi], re.I):
                    team = it.party
        if side is None and team is None and re.search(r"\b(?:nation|country)['’]s\s+delegation\b", text[lo:hi], re.I):
            return None, None
        return side, team

    def _members(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        low = _aligned_lower(text)
        # every match of _LED_BY and _LEADS_BEFORE holds one of these words
        leads = low is None or _holds_any(low, _LEAD_WORDS)
        for k, it in enumerate(items if leads else ()):
            if it.mention is None or it.mention.kind != "delegation":
                continue
            pid = it.party
            end = toks[it.j - 1].end
            if it.j < len(toks) and toks[it.j].fold in TEAM_NOUNS:
                end = toks[it.j].end
            after = text[end:end + 160]
            m = _LED_BY.match(after)
            if m:
                for p in self._people_in(items, toks, end + m.end(), end + min(len(after), m.end() + 110), text):
                    self.reg.set_person(p, seq, delegation=pid)
            w = _WHICH_HEADS.match(after)
            if w:  # "the line-up of the delegation, which Foreign Minister X will head:"
                for p in self._people_in(items, toks, end + w.start(1), end + w.end(1), text):
                    self.reg.set_person(p, seq, delegation=pid)
            # "X, who led Kiev's delegation" / "X will lead the Russian delegation"
            before = text[max(0, toks[it.i].start - 60):toks[it.i].start]
            mb = _LEADS_BEFORE.search(before)
            if mb:
                cands = [x for x in items[:k] if x.person and toks[x.i].start < toks[it.i].start - len(before) + mb.start() + 1]
                if cands:
                    p = self.reg.people.get(cands[-1].person)
                    if p is not None:
                        self.reg.set_person(p, seq, delegation=pid)

        # "Osterland will be represented by its chief negotiator, Ambassador X": a party's representatives are its team
        if "represented" in text:
            for it in items:
                if not it.party or it.mention is None or it.mention.kind == "delegation":
                    continue
                end = toks[it.j - 1].end
                r = _REPRESENTED_BY.match(text, end)
                if r is not None:
                    for p in self._people_in(items, toks, r.end(), min(len(text), r.end() + 110), text):
                        self.reg.set_person(p, seq, delegation=it.party)
                    self._team = it.party
        # "Alongside Mrkonic are A, B and C", "With her will be A and B": the team of the one named first
        # (the pattern is case-sensitive: each match opens with one of these words as written)
        if "With" in text or "Alongside" in text or "Joining" in text or "Accompanying" in text:
            for inv in _ALONGSIDE_ARE.finditer(text):
                head = [it for it in items if it.person and toks[it.i].start >= inv.start() and toks[it.j - 1].end <= inv.end()]
                rec = self.reg.people.get(head[0].person) if head else None
                team = (rec.delegation if rec is not None else None) or self._team
                if team is not None:
                    for p in self._people_in(items, toks, inv.end(), _sentence_end(text, inv.end()), text):
                        self.reg.set_person(p, seq, delegation=team)
        # "Serbia has named a four-member team. It is led by X": the team of the sentence before
        it_led = _IT_LED.search(text) if "It" in text and "by" in text else None  # (words every match holds)
        if it_led is not None:
            lead = _clause_before(text, it_led.start())
            before = text[max(0, lead - 200):it_led.start()]
            owner = next((it.party for it in reversed(items) if it.party and toks[it.i].start < it_led.start()
                          and toks[it.i].start >= it_led.start() - len(before)), None)
            if owner is not None and _NAMED_TEAM.search(before):
                for p in self._people_in(items, toks, it_led.end(), min(len(text), it_led.end() + 110), text):
                    self.reg.set_person(p, seq, delegation=owner)
        # "The delegation is led by X" with no party: the team the post spoke of last
        bare = _BARE_TEAM_LED.search(text) if "led" in text or "headed" in text else None
        if bare is not None and self._team is not None and not any(
                it.mention is not None and it.mention.kind == "delegation" for it in items):
            for p in self._people_in(items, toks, bare.end(), min(len(text), bare.end() + 110), text):
                self.reg.set_person(p, seq, delegation=self._team)
        # "Varnia has published the line-up of its delegation, which X will head": the sentence's party
        for w in _BARE_TEAM_WHICH.finditer(text) if "which" in text else ():
            start = _clause_before(text, w.start())
            owner = next((it.party for it in items if it.party and start <= toks[it.i].start < w.start()), None) or self._team
            if owner is not None:
                for p in self._people_in(items, toks, w.start(1), w.end(1), text):
                    self.reg.set_person(p, seq, delegation=owner)
        last_team = next((it.party for it in reversed(items)
                          if it.mention is not None and it.mention.kind == "delegation" and it.party), None)
        if last_team is not None:
            self._team = last_team
        else:
            named = list(dict.fromkeys(it.party for it in items if it.party))
            if len(named) == 1 and _ITS_TEAM.search(text):
                self._team = named[0]  # "Osterland will take part, and its delegation is on its way"

        # "Ardovia has named Foreign Minister Inés Ibáñez to lead its delegation."
        team: str | None = None
        for k, it in enumerate(items):
            if not it.person:
                continue
            p = self.reg.people.get(it.person)
            if p is None:
                continue
            after = text[toks[it.j - 1].end:toks[it.j - 1].end + 80]
            if _TO_LEAD_AFTER.match(after):
                lead = _clause_before(text, toks[it.i].start)
                subj = [x for x in items[:k] if x.party and lead <= toks[x.i].start]
                if subj and _NAMED_BEFORE.search(text, lead, toks[it.i].start):
                    team = subj[0].party
                    self.reg.set_person(p, seq, delegation=team)
            elif team and _JOINED_BY.search(text, max(0, toks[it.i].start - 80), toks[it.i].start):
                self.reg.set_person(p, seq, delegation=team)  # "She will be joined by A and B"

    def _people_in(self, items: list[Item], toks: list[Tok], lo: int, hi: int, text: str) -> list[PersonRec]:
        """People named in text[lo:hi], but not the one the sentence quotes ("…, spokesman X said")."""
        out = []
        for it in items:
            if it.person and lo <= toks[it.i].start < hi and not _SPEAKER_AFTER.match(text, toks[it.j - 1].end):
                p = self.reg.people.get(it.person)
                if p is not None:
                    out.append(p)
        return out

    def _hosts(self, text: str, toks: list[Tok], items: list[Item], seq: int) -> None:
        low = _aligned_lower(text)
        if low is not None and not _holds_any(low, _HOST_WORDS):
            return  # every match of _HOST_BEFORE and _HOST_AFTER holds one of these words
        for it in items:
            if not it.party:
                continue
            a, b = toks[it.i], toks[it.j - 1]
            before = text[max(0, a.start - 30):a.start]
            after = text[b.start + len(b.text):b.start + len(b.text) + 40]
            if _HOST_BEFORE.search(before) or _HOST_AFTER.match(after):
                rec = self.reg.parties.get(it.party)
                if rec is not None:
                    self.reg.set_host(rec, seq)


_HOST_WORDS = ("host", "mediat", "broker", "chair")
_LEAD_WORDS = ("led", "lead", "head", "chair", "represented")


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


def _aligned_lower(text: str) -> str | None:
    """text.lower() where a case-insensitive match of ASCII words in text is one of those words in
    it, at the same offsets (not when text holds "İ", which lowers to two characters, or "ſ" / "ı",
    which match "s" / "i" but lower to themselves); else None."""
    low = text.lower()
    return low if len(low) == len(text) and "ſ" not in low and "ı" not in low else None


_BY_PERSON_BEFORE = re.compile(r"\b(?:led|headed|joined|accompanied|flanked|represented|chaired)\s+by\s+$", re.IGNORECASE)
# After a name: it is the sentence's source ("…, spokesman Petr Hollan said"), not a list item
_SPEAKER_AFTER = re.compile(r"\s*(?:has\s+|had\s+)?(?:said|says|told|added|stressed|announced|confirmed)\b", re.IGNORECASE)
_TO_LEAD_AFTER = re.compile(r"^\s+(?:to|will)\s+(?:lead|head|join|represent)\s+(?:its|their|the|his|her)\s+(?:[\w’'-]+\s+)?"
                            r"(?:delegation|team|negotiators|negotiating\s+team|side)\b", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b(?:named|appointed|chosen|chose|picked|tapped|nominated|designated|selected|send|sends|sending|sent|"
                           r"dispatch(?:es|ed|ing)?)\b", re.IGNORECASE)
_JOINED_BY = re.compile(r"\bjoined\s+by\s+(?:[^.;:]{0,60}?)$", re.IGNORECASE)


def _sentence_end(text: str, pos: int, limit: int = 240) -> int:
    """Where the sentence running at pos ends (a full stop and a space, or the line), at most `limit` on."""
    m = _SENTENCE_STOP.search(text, pos, pos + limit)
    return m.start() if m else min(len(text), pos + limit)


_SENTENCE_STOP = re.compile(r"\.(?:\s|$)|\n")


def _clause_before(text: str, pos: int) -> int:
    """Start of the sentence holding pos (after the last full stop, semicolon or line break before it)."""
    cut = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos), text.rfind("\n", 0, pos))
    return cut + 2 if cut >= 0 else 0


_LED_BY = re.compile(r"^\s*(?:,\s*)?(?:which\s+|that\s+|who\s+)?(?:(?:is|was|were|are|will\s+be|has\s+been|had\s+been)\s+)?"
                     r"(?:being\s+)?(?:led|headed|chaired|represented)\s+by\s+", re.I)
_CHANNEL_NUMBER = re.compile(r" (\d{1,3})(?![\w.,:%/-]| (?:percent|per|hours?|minutes?|days?|km|miles|people|members)\b)")
_ITS_AFTER_VERB = re.compile(r"\s+(?:that\s+)?its\b")
_ROLE_THEN_NAME = re.compile(r"(?<![\w’'-])(?!(?:from|in|at|of|to|for|with|by|on|near|the|a|an|and|or)\s)[a-z][\w’'-]*"
                             r"\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)+\s*$")
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|near|outside|inside|into|from|to)\s+(?:the\s+)?$", re.IGNORECASE)
_HONORIFIC_NAME = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z]")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
# A list of people after a plural role: "the two leaders, Ana Ruiz and Ivo Lind," "the foreign ministers
# of Varnia and Osterland, Emil Holm and Orvo Talvik," — the role's head is the plural noun (not "the
# ministers visited two villages, …", nor "the leaders of the two groups, …": those list the groups)
_PLURAL_ROLES = (r"\b(?:leaders|ministers|presidents|envoys|negotiators|mediators|chiefs|heads|officials"
                 r"|representatives|delegates|diplomats|ambassadors|spokesmen|spokespeople|commanders|generals)")
_PLURAL_ROLE_HEAD = re.compile(_PLURAL_ROLES + r"(?:\s+(?:of|from)\s+(?:[^,.;:]{0,60}?\s)?(?!\w+s\b)[\w’'-]+)?$", re.I)
_AND_FULL_NAME_AFTER = re.compile(r"\s+and\s+(?-i:[A-Z])[\w’'-]+\s+(?-i:[A-Z])")
_ROLES_LIST_BEFORE = re.compile(r"(?P<role>" + _PLURAL_ROLES + r"(?:\s+(?:of|from)\s+[^,.;:]{1,60}?)?),\s+"
                                r"(?:[A-Z][\w’'.-]*\s+){1,4}and\s+$")
# "Ana Ruiz (chief negotiator)", "(leader)", "(head of the property office)": a role in brackets
# after a name, whose head is its last word or its first before "of"
_PAREN_ROLE_AFTER = re.compile(r"\s*\(((?:[\w’'-]+\s+){0,6}[\w’'-]+)\)")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
_BROKERED_BEFORE = re.compile(r"\b(?:mediated|chaired|hosted|brokered|convened|facilitated|organi[sz]ed)\s+by\s+"
                              r"(?:[^.;:]{0,60}?\s+and\s+)?(?:the\s+)?$", re.I)
# English words after a hyphen in a capitalised compound ("US-brokered", "Riga-based", "Moscow-led")
_COMPOUND_TAIL = re.compile(r"\w+(?:ed|ing)|led|run|born|era|style|wide|level|like|type|free|made|held|side|up|"
                            r"in|out|off|on|over|back|down|owned|friendly|speaking|wing")
# "Varnia's government and the Free Coast Movement will open talks": the other side of talks
_SIDE_AND_BEFORE = re.compile(r"\b(?:government|authorities|administration|management|union|[A-Z][\w’'-]+)\s+and\s+(?:the\s+)?$")
# (also the French, Spanish and Portuguese links of names such as "Mouvement pour la Paix",
# "Frente de Liberación del Norte")
_ORG_LINK = r"(?:and|et|y|e|of|for|de|des|du|del|da|do|dos|das|pour|para|por)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?"
_ORG_OF = re.compile(r"\s+(?:for|of|on|de|des|du|del|da|do|pour|para|por)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?"
                     r"(?-i:[A-Z])[\w’'-]+(?:\s+(?:" + _ORG_LINK + r")?(?-i:[A-Z])[\w’'-]+){0,4}")
_ITS_ENVOY_AFTER = re.compile(r"^(?:['’]s|\s*\([A-Z]{2,6}\))?,?\s+(?:whose|its)?\s*(?:special\s+|chief\s+)?(?:envoy|mediator|mediators)\b", re.I)
_IT_LED = re.compile(r"(?:^|[.!?]\s+)It\s+(?:is|was|will\s+be|has\s+been)\s+(?:led|headed)\s+by\s+")
_NAMED_TEAM = re.compile(r"\b(?:named|announced|unveiled|published|chosen|picked|appointed)\s+(?:its\s+|their\s+|a\s+|an\s+|the\s+)?"
                         r"(?:[\w-]+\s+){0,2}(?:team|delegation|line-?up)\b", re.IGNORECASE)
# ", which Foreign Minister X will head": who leads the team just named (group 1: the words between)
_WHICH_HEAD = r",\s*which\s+((?:[\w’'.-]+\s+){1,6}?)(?:will\s+)?(?:head|lead|heads|leads)\b"
_BARE_TEAM_WHICH = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:delegation|team|negotiating\s+team)\s*" + _WHICH_HEAD)
_WHICH_HEADS = re.compile(r"^[^.;:]{0,40}?" + _WHICH_HEAD)
_REPRESENTED_BY = re.compile(r"\s+(?:will\s+be|is|are|was|were|has\s+been|would\s+be)\s+represented\s+(?:at\s+[^,.]{0,40}?\s+)?by\s+")
_ALONGSIDE_ARE = re.compile(r"\b(?:Alongside|With|Joining|Accompanying)\s+(?:him|her|them|(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)"
                            r"\s+(?:are|is|will\s+be|were|was)\s+")
_BARE_TEAM_LED = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:delegation|team|negotiating\s+team)\s+(?:is|was|will\s+be|has\s+been)\s+"
                            r"(?:led|headed)\s+by\s+")
_ITS_TEAM = re.compile(r"\b(?:its|their)\s+(?:delegation|team|negotiating\s+team|negotiators)\b", re.IGNORECASE)
_LEADS_BEFORE = re.compile(r"(?:,\s+who\s+(?:will\s+)?|\s)(?:led|leads|heads|headed|will\s+lead|will\s+head|is\s+leading|"
                           r"was\s+leading|chairs|chaired)\s+(?:the\s+)?$", re.I)


def _adjacent(text: str, a: Tok, b: Tok) -> bool:
    between = text[a.start + len(a.text):b.start]
    return between == " " or (between.strip() == "" and "\n" not in between and 0 < len(between) <= 2) \
        or (between == ". " and a.fold in TITLE_ABBREVIATIONS)  # "Col. Ana Petrov"


def _window_before(text: str, pos: int, size: int = 110) -> str:
    """Up to `size` characters before pos, never across a paragraph; when cut short, cut at a word
    so that "^" in a pattern means a paragraph start or a clean word boundary."""
    line = text.rfind("\n", 0, pos) + 1
    lo = max(line, pos - size)
    if lo > line:
        space = text.find(" ", lo, pos)
        lo = space + 1 if space >= 0 else pos
        return "\x00" + text[lo:pos]  # not a paragraph start: "^" cannot match a role's first word
    return text[lo:pos]


# Words that make an institution part of a state ("the Interior Ministry", "the Supreme Court")
_STATE_BODY_WORDS = frozenset("""
foreign defence defense interior finance justice health security supreme constitutional presidential
state federal central national general high royal prime foreign-affairs internal home economy economic
trade education culture energy transport labour labor agriculture environment emergencies emergency
intelligence information main military armed
""".split())
# Last words of bodies that comment on an event rather than take part ("the Kessler Institute")
_COMMENTATOR_WORDS = frozenset("institute university school academy college society club".split())
_POSS_BEFORE = re.compile(r"(?:['’]s?|\b(?:its|their|his|her))\s+$")


def _standalone_org(words: list[Tok], before: str) -> bool:
    """An organisation of its own, not a state's body: a word of its name that is neither an
    organisation word nor a state body's ("Harbour Arbitration Service", "Open Hands Relief" —
    not "Interior Ministry", "Supreme Court"), and no owner before it ("Varnia's …")."""
    if _POSS_BEFORE.search(before) or not words[0].cap or words[-1].fold in _COMMENTATOR_WORDS:
        return False
    cut = next((n for n, w in enumerate(words) if w.fold in ("of", "for", "on")), len(words))
    head, tail = words[:cut], [w for w in words[cut + 1:] if w.cap]

    def own(ws: list[Tok]) -> list[Tok]:
        return [w for w in ws if w.cap and w.fold not in ORG_WORDS and w.fold not in _STATE_BODY_WORDS]

    # after "of", one word is most often a place ("the Foreign Ministry of Varnia")
    return bool(own(head)) or len(own(tail)) >= 2


# nouns a country's adjective qualifies in news: "the Kestori plane", "Varnian officials"
_DEMONYM_NOUNS = frozenset("""
plane planes jet aircraft motorcade convoy cars officials official government authorities forces troops army navy
police media press diplomats diplomat ministry embassy president
""".split())
_VEHICLE_AFTER = re.compile(r" (?:(?:government|official|presidential|chartered|military|air\s+force|state)\s+)?"
                            r"(?:plane|planes|jet|aircraft|motorcade|motorcades|convoy|convoys|cars|bus|buses|helicopter)\b")
_CARRYING = re.compile(r"\s+(?:carrying|with|bringing|transporting|ferrying)\s+(?!(?:the|its|their)\s+(?:[\w-]+\s+)?(?:delegation|team|negotiators)\b|[A-Z])")
_NICKNAME = re.compile(r"\b(?:known\s+as|nicknamed|dubbed|nom\s+de\s+guerre)\s+[“\"]((?-i:[A-Z])[^”\".,]{1,30})[”\"]", re.I)
_ROOT_ENDINGS = re.compile(r"(?:land|stan|ia|ish|ian|ean|ese|ic|i|an|er|a)\Z")


def _root(word: str) -> str:
    """A folded country name or demonym without its ending: "skornland" and "skornish" → "skorn"."""
    return _ROOT_ENDINGS.sub("", word)


def _particles_then_name(toks: list[Tok], j: int) -> bool:
    """Do the particles from toks[j] on ("van den", "de la", up to three) lead to a capitalised word?"""
    for k in range(j + 1, min(j + 4, len(toks))):
        if toks[k].cap:
            return toks[k - 1].join
        if not (toks[k].particle and toks[k - 1].join):
            return False
    return False


def _first_name(text: str) -> str:
    """The first capitalised word of text ("" when none)."""
    m = re.search(r"[A-Z][\w’'-]*", text)
    return m.group() if m else ""


def _first_word(text: str) -> str:
    """The first word of text, folded; after a plural possessive's apostrophe too ("Pirates' team")."""
    m = re.match(r"['’]?\s*([^\W\d_][\w-]*)", text)
    return fold(m.group(1)) if m else ""


def _after_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    low = " ".join(fold(text).split()[:3])
    return any(low.startswith(p) for p in phrases)


def _has_role_head(phrase: str) -> bool:
    return any(w in ROLE_HEADS or w in RELATIONAL_HEADS or w in ("member", "head", "chief") for w in re.findall(r"[\w-]+", fold(phrase)))


# Nouns for people by what they do ("a driver", "a nurse", "the union's organiser"), and words
# with a person's ending that name things ("a river", "the border")
_PERSON_ENDING = re.compile(r"(?:er|or|ist|ent|ant|ian|ee|man|woman)\Z")
_PERSON_WORDS = frozenset("nurse mother father wife husband son daughter widow chef cook guard nun priest monk "
                          "pilot clerk medic veteran hostage refugee student".split())
_THING_WORDS = frozenset("""
border river tower center centre corner water paper letter number order chamber quarter shelter power
cluster corridor sector factor floor door interior exterior error mirror monitor motor reactor tractor
register meter metre filter container counter charter winter summer banner poster computer theatre
theater parliament government department agreement statement settlement document moment component
event element segment comment continent instrument payment tournament apartment monument
""".split())
_HEAD_STOP = re.compile(r"\s(?:from|in|at|who|whose|with|of|on|for|based|living|since|to)\b")


def _person_noun(phrase: str) -> bool:
    """Is the head of an appositive or role phrase a noun for a person ("a driver from Holmstad",
    "a nurse who …", "the union's national organiser")? Its head is the last word before a
    preposition or a relative pronoun."""
    cut = _HEAD_STOP.search(phrase)
    words = re.findall(r"[a-z][a-z-]*", (phrase[:cut.start()] if cut else phrase).lower())
    if not words:
        return False
    head = words[-1]
    return head in _PERSON_WORDS or (len(head) > 4 and head not in _THING_WORDS and _PERSON_ENDING.search(head) is not None)


def _definite(phrase: str) -> bool:
    low = fold(phrase)
    return low.startswith("the ") or bool(re.match(r"[\w-]+'s ", low))


def _specific_role(role: str) -> bool:
    """A role that names one person ("top negotiator", "head of the delegation"), not a class ("official")."""
    low = fold(role)
    return not re.search(r"\b(?:official|officials|source|sources|member|members|diplomat|expert|analyst|"
                         r"journalist|reporter|correspondent|lawmaker|mp|deputy|senator|officer|spokesperson)\b$", low) \
        and len(low) >= 8


def _clean_role(role: str) -> str:
    """The role itself: from its last determiner on ("The bloc named its chief negotiator" -> "chief
    negotiator"), without the article or the possessive ("Varnia's chief negotiator" -> "chief negotiator")."""
    role = " ".join(role.split())
    last = None
    for m in _DETERMINER.finditer(role):
        last = m
    if last is not None and _has_role_head(role[last.end():]):
        role = role[last.end():]
    return role[:80]


_DETERMINER = re.compile(r"(?:^|\s)(?:the|a|an|its|their|his|her|our|whose|[^\s]+['’]s)\s", re.IGNORECASE)


def _ends_with_name(phrase: str) -> bool:
    words = phrase.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper() and words[-1].lower() not in ROLE_HEADS


def _label(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", name)]
    if len(words) > 1:
        return "".join(w[0] for w in words if w[0].isupper())[:3].upper() or name[:2].upper()
    return name[:3].upper() if name.isupper() else name[:2].upper()


def _is_known_demonym_like(reader: Reader, surface: str) -> bool:
    return _DEMONYM_SUFFIX.search(fold(surface)) is not None and any(
        fold(r.name)[:5] == fold(surface)[:5] for r in reader.reg.parties.values() if not r.code)


def _paren_role(text: str) -> bool:
    """Is a bracket after a name its role: the head a role noun, as the last word ("chief
    negotiator", "leader") or the first before "of" ("head of the property office")?"""
    words = text.lower().split()
    return words[-1] in ROLE_HEADS or (len(words) > 2 and words[0] in ROLE_HEADS and words[1] == "of")


def _party_of_place(reader: Reader, place) -> str | None:
    return None
