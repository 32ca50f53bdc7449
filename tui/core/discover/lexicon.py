"""The words of news English that tell what a name is: one table each.

These are the vocabulary of the genre (how any outlet writes about any
event), not of one blog: titles and role nouns that stand before a person's
name, speech verbs that follow a source, the nouns that make a phrase a
negotiating team, an organisation, a venue or a news outlet. All lower case.
"""

from __future__ import annotations

# Head nouns of a role: "Turkish Foreign MINISTER Hakan Fidan", "political
# SCIENTIST Vladimir Shapovalov", "envoy Steve Witkoff", "Mr Putin".
ROLE_HEADS = frozenset("""
president vice-president president-elect premier minister chancellor secretary secretary-general
spokesman spokeswoman spokesperson envoy ambassador adviser advisor aide negotiator mediator
diplomat official chief head leader commander general admiral colonel marshal lieutenant major
captain lawmaker senator congressman congresswoman deputy mp governor mayor king queen prince
princess emir sheikh sultan pope cardinal archbishop bishop patriarch rabbi imam ayatollah father reverend rev
director director-general chairman chairwoman chair commissioner representative correspondent
reporter journalist editor analyst expert scientist economist historian professor researcher
activist lawyer attorney judge justice prosecutor officer founder ceo executive anchor presenter
columnist speaker coordinator facilitator delegate ruler monarch dictator strongman
counterpart predecessor successor fm
mr mrs ms dr prof sir dame lord lady sen gen col lt maj capt rep gov brig adm sgt cpl cmdr amb
presidents ministers leaders heads officials envoys diplomats negotiators spokesmen spokespeople advisers
advisors aides chiefs commanders lawmakers senators generals ambassadors
""".split())

# Titles abbreviated with a full stop that still lead into the name ("Col. Ana Petrov",
# "Maj. Gen. Ivo Lind", "Dr. Ana Ruiz"): the stop does not end the phrase.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof sen gen col lt maj capt rep gov brig adm sgt cpl cmdr amb".split())

# Heads that place a person but are not their role ("his Russian counterpart Vladimir Putin").
RELATIONAL_HEADS = frozenset("counterpart predecessor successor".split())

# Words that may stand inside a role before its head: "senior", "deputy foreign",
# "top", "special", "chief" ... ("US special envoy", "the deputy head").
ROLE_MODIFIERS = frozenset("""
senior junior former ex acting interim deputy vice first second top special chief lead principal
presidential prime foreign defense defence interior home finance trade economy economic energy
justice health education military intelligence security national state federal regional local
political policy press communications legal humanitarian general executive supreme high grand
permanent assistant associate managing parliamentary opposition veteran outgoing incoming
longtime long-time crown royal foreign-policy defense-policy
affairs staff armed forces relations cooperation
""".split())

# A title that may be written before a name on its own ("President Putin").
TITLE_WORDS = ROLE_HEADS | frozenset("secretary-of-state".split())

# Role heads that mean the top of a side's government ("the Russian leader").
LEADER_HEADS = frozenset("president leader premier prime chancellor king queen emir sultan pope monarch ruler".split())

# Verbs a named source takes: "…, Peskov said", "Umerov has told reporters".
SPEECH_VERBS = frozenset("""
said says told tells added adds stressed stresses noted notes warned warns wrote writes explained
explains claimed claims insisted insists believes believed argued argues urged urges announced
announces stated states confirmed confirms denied denies declared declares remarked suggested
suggests tweeted posted replied replies asked asks acknowledged admitted emphasised emphasized
signaled signalled signals reiterated reiterates recalled predicted pointed maintained maintains
cautioned hailed welcomed criticized criticised accused blasted described called thinks thought
""".split())

# Nouns that make "the Russian ___" / "Kiev's ___" a negotiating team.
TEAM_NOUNS = frozenset("""
delegation delegations team teams side sides negotiators negotiator representatives delegates envoys
mission mediators
""".split())
TEAM_PHRASES = ("negotiating team", "negotiating teams", "negotiation team", "peace delegation")

# Last words of an organisation, a body or an institution ("Foreign Ministry").
ORG_WORDS = frozenset("""
ministry ministries council union agency committee commission court bank fund party army forces
society academy school church club community bloc
navy guard police service services university institute foundation group company corporation inc
ltd airlines authority office department parliament assembly congress senate duma cabinet
government administration federation league alliance organisation organization association
movement front coalition bureau directorate staff secretariat embassy consulate mission board
tribunal programme program initiative
mouvement movimiento movimento parti partido conseil consejo conselho frente fuerzas armée ejército
alianza aliança rassemblement comité congrès congreso unión
rail railway railways airways airline transport trust holdings industries forum
""".split())

# Collective nouns whose possessive is part of an organisation's name ("Holmstad People's Party",
# "Workers' Party", "Women's Union"): before another capitalised word they do not end the name.
ORG_POSSESSIVES = frozenset("""
people peoples workers women citizens farmers peasants patriots nations soldiers veterans pensioners
youth students children mothers employers teachers doctors consumers traders fishermen miners
""".split())

# Last words of a venue or a building ("Dolmabahce Palace", "the Grand Hotel").
VENUE_WORDS = frozenset("""
palace hotel centre center hall house building residence airport villa castle fort base complex
plaza stadium arena pavilion lodge resort mansion tower towers chancery compound estate
""".split())

# Directions and the like: never a place by themselves ("in the West").
COMPASS_WORDS = frozenset("""
west east north south western eastern northern southern central middle far near global world war
""".split())

# First words of a place's name ("Port Elda", "Lake Ulm", "North Varnia", "Upper Nile"): such a
# name is no person's.
PLACE_OPENERS = frozenset("""
port fort mount mt lake cape isle point north south east west northern southern eastern western upper lower
""".split())

# Geographic common nouns ending a place name ("Black Sea", "Gaza Strip").
GEO_WORDS = frozenset("""
sea ocean gulf bay strait strip island islands peninsula mountain mountains valley river lake desert
province region district county oblast state territory city square street avenue road bridge
""".split())

# Words of a news outlet's name ("The Wall Street Journal", "Anadolu news agency").
MEDIA_WORDS = frozenset("""
news agency times post journal press radio tv television channel network media magazine gazette
herald tribune telegraph guardian daily weekly observer broadcaster broadcasting newspaper wire
bulletin review monitor express mail mirror standard chronicle dispatch courier insider fm
""".split())
# First words of a broadcaster's name ("Radio Costa Libre", "Channel Nine")
BROADCAST_WORDS = frozenset("radio tv television channel".split())

# What an outlet has: "RT's correspondent", "Reuters' reporter", "the agency's sources".
OUTLET_ROLES = frozenset("""
correspondent correspondents reporter reporters journalist journalists broadcast report reports
reporting source sources interview editor crew bureau coverage footage camera cameras stream
""".split())

# Verbs of an outlet as a source: "Reuters has reported", "CNN cited".
OUTLET_VERBS = frozenset("reported reports reporting cited cites quoted quotes learned learnt broadcast aired".split())

# Function words that open a sentence with a capital but are not names.
FUNCTION_WORDS = frozenset("""
the a an in on at to of for from by with and or but as if when while after before since until
during this that these those there here it its he she they we you i his her their our my your
what which who whom whose where why how all both each every some any no not one two three
meanwhile however also earlier later today yesterday tomorrow tonight now then so yet still
according speaking asked following despite amid among between under over about into through
upon following sources source officials official reports report talks
alongside beside besides against without within behind across toward towards around beyond unlike
including except throughout via
neither nor either another other such several many most few separately instead nevertheless
nonetheless moreover furthermore indeed thus hence otherwise likewise similarly finally eventually
initially overall elsewhere
""".split())

# Words that are never part of a personal name.
NOT_NAME_WORDS = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split()) | FUNCTION_WORDS

# Lower-case particles inside personal names ("Ursula von der Leyen", "bin Salman").
NAME_PARTICLES = frozenset("von van der den de del della di da dos das du le la bin bint ibn al el ben abu ter ten y ya".split())
