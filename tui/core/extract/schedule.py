"""Schedule cues: what a clause says about when a meeting will, did or won't happen.

Each rule is a named pattern; `cue_kind(window)` returns the strongest kind
found, or None.  Priority: a denial or a refutation beats an announcement,
an end beats a start, a start beats a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.extract.context import lowered


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    needs_time: bool = False  # weak cues count only with a time phrase
    where: str = "both"  # after: verb follows the noun ("talks have started"); before: cue leads to it
    # Lower-case substrings one of which every match holds (single words: the regexes allow any
    # whitespace between words), so a window holding none is not searched; () = always search.
    hints: tuple[str, ...] = ()


def _r(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    # a report about the meeting denied: "the report is inaccurate", "denied reports that …", "no talks are planned"
    Rule("denied_no_preparations", "denied", _r(r"\bno\s+preparations\b|\bhas\s+not\s+been\s+raised\b|\bnot\s+(?:yet\s+)?planned\b"
                                             r"|\bno\s+(?:such\s+)?(?:plans?|talks|meeting)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
                                             r"(?:planned|scheduled|arranged|underway|under\s+way)\b"),
         hints=('preparations', 'raised', 'planned', 'scheduled', 'arranged', 'under')),
    Rule("denied_report_false", "denied", _r(r"\b(?:report|reports|claim|claims|suggestions?|rumou?rs?|speculation)\b[^.]{0,30}?\b"
                                            r"(?:is|are|was|were)\s+(?:inaccurate|false|untrue|wrong|incorrect|baseless|unfounded|fake|not\s+true)\b"
                                            r"|\b(?:denied|dismissed|rejected)\s+(?:the\s+|any\s+|a\s+|media\s+)?(?:[\w-]+\s+)?(?:reports?|claims?|suggestions?|rumou?rs?)\b"),
         hints=('accurate', 'false', 'true', 'wrong', 'correct', 'baseless', 'unfounded', 'fake', 'denied', 'dismissed', 'rejected')),
    # "Reports in X media that Thursday's session has been cancelled are false": the meeting is what
    # the report said (the noun inside the report); "Reports that X walked out are wrong; the session …" is not
    Rule("denied_report_about", "denied", _r(r"\b(?:report|reports|claim|claims|suggestions?|rumou?rs?|speculation)\b[^.]{31,120}?\b"
                                            r"(?:is|are|was|were)\s+(?:inaccurate|false|untrue|wrong|incorrect|baseless|unfounded|fake|not\s+true)\b"),
         hints=('accurate', 'false', 'true', 'wrong', 'correct', 'baseless', 'unfounded', 'fake')),
    Rule("concluded", "concluded", _r(r"\b(?:have|has|had)\s+(?:now\s+|just\s+|reportedly\s+|finally\s+|formally\s+|officially\s+)?(?:concluded|ended|finished|closed|wrapped\s+up|broken\s+up)\b"
                                      r"|\bwrapped\s+up\b|\b(?:is|are)\s+(?:now\s+)?over\b|\bcame\s+to\s+an?\s+(?:end|close)\b"
                                      r"|\b(?:ended|concluded|finished|closed)\s+(?:after|at|on|with|shortly|late|early|without|in"
                                      r"|for\s+the\s+(?:day|night|evening|weekend))\b"
                                      # "the sub-commission broke up at 19:15", "ended its second day"
                                      r"|\bbroke\s+up\b|\b(?:ended|finished|closed|concluded|wrapped\s+up)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}"
                                      r"(?:work|session|day|sitting|meeting|deliberations)\b"
                                      # "the call lasted about 40 minutes": it is over
                                      r"|\blasted\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|just\s+|over\s+|some\s+)?"
                                      r"(?:an?|one|two|three|four|five|six|\d+|half\s+an|a\s+few|several)\s+(?:minutes?|hours?)\b"), where="after",
         hints=('concluded', 'ended', 'finished', 'closed', 'wrapped', 'broken', 'broke', 'over', 'came', 'lasted')),
    Rule("held_before", "happened", _r(r"\b(?:after|following|in\s+the\s+wake\s+of)\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:talks|meeting|discussions|negotiations|call|dinner|session)$"
                                       r"|\b(?:led|held|chaired|hosted|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|dinner|session|call)$"), where="before",
         hints=('after', 'following', 'wake', 'led', 'held', 'chaired', 'hosted', 'convened')),
    # "Vale had breakfast with Holm": the meal took place, and is over
    Rule("meal_had", "concluded", _r(r"\b(?:had|shared)\s+(?:a\s+|an\s+)?(?:working\s+|private\s+|late\s+|long\s+)?(?:breakfast|lunch|dinner)$"),
         where="before", hints=('had', 'shared')),
    # the meeting as object of a transitive verb: "Solberg has suspended the plenary", "the mediator opened the talks"
    Rule("object_of_verb", "", _r(r"\b(?P<v>suspended|adjourned|paused|halted|opened|closed|ended|concluded|wrapped\s+up|called\s+off|cancell?ed|"
                                  r"scrapped|postponed|put\s+off|delayed|rescheduled|resumed|reconvened|restarted|reopened|began|started|launched|"
                                  r"kicked\s+off|brought\s+forward|moved|pushed\s+back|put\s+back)\s+(?:the|its|their|a|his|her|today['’]s|tomorrow['’]s)\s+"
                                  r"(?:[\w’'-]+\s+){0,2}[\w-]+$"), where="before",
         hints=('suspended', 'adjourned', 'paused', 'halted', 'opened', 'closed', 'ended', 'concluded', 'wrapped', 'called', 'cancel', 'scrapped', 'postponed', 'put', 'delayed', 'rescheduled', 'resumed', 'reconvened', 'restarted', 'began', 'started', 'launched', 'kicked', 'brought', 'moved', 'pushed')),
    Rule("started_at", "started", _r(r"\bat\s+the\s+(?:start|opening)\s+of\s+the\s+(?:meeting|talks|session|negotiations)$"), where="before",
         hints=('start', 'opening')),
    Rule("suspended", "suspended", _r(r"\b(?:have|has|had|were|was)\s+(?:been\s+)?(?:now\s+|just\s+)?(?:suspended|adjourned|paused|halted|broken\s+off|broken\s+for|put\s+on\s+hold)\b"
                                      r"|\b(?:broke|break)\s+off\b|\bbroke\s+for\b|\badjourned\b|\bsuspended\b"
                                      # "the talks paused at 13:05 for prayers", "paused for lunch" (not "paused at the memorial")
                                      r"|\bpaused\s+(?:(?:at|around|about|shortly\s+(?:after|before))\s+(?:about\s+|around\s+)?(?:\d|noon|midday)"
                                      r"|for\s+(?:lunch|prayers?|a\s+break|the\s+(?:night|day|evening)|consultations))"), where="after",
         hints=('suspended', 'adjourned', 'paused', 'halted', 'broke', 'break', 'hold')),
    Rule("resumed", "resumed", _r(r"(?<!will )(?<!to )\b(?:have|has|had)\s+(?:now\s+|just\s+)?(?:resumed|reconvened|restarted)\b"
                                  r"|\b(?:resumed|reconvened)\s+(?:on|at|after|shortly|in|this|later|early)\b"
                                  # "the sub-commission resumed its session at 17:00"
                                  r"|\b(?:resumed|reconvened)\s+(?:its|their)\s+(?:[\w-]+\s+)?(?:work|session|sitting|meeting|talks|discussions|deliberations)\b"
                                  r"|\bback\s+(?:at|to)\s+the\s+(?:negotiating\s+)?table\b"), where="after",
         hints=('resumed', 'reconvened', 'restarted', 'table')),
    # "the full delegations have gone back into session"
    Rule("resumed_into", "resumed", _r(r"\b(?:gone|went|are|is|were|was)\s+back\s+into\s+session$"), where="before",
         hints=('back',)),
    Rule("started", "started", _r(r"(?<!yet to )\b(?:have|has)\s+(?:just\s+|now\s+|finally\s+)?(?:started|begun|commenced|kicked\s+off|opened|got\s+under\s*way)\b"
                                  r"|\b(?<!preparations are )(?<!preparations are currently )(?:is|are)\s+(?:currently\s+|now\s+)?(?:underway|under\s+way|in\s+progress|in\s+session)\b"
                                  r"|\b(?:is|are)\s+being\s+(?:held|carried\s+out|conducted)\b"
                                  r"|\b(?:opened|began|started|got\s+under\s*way)\s+(?:at|on|shortly|this|in|with|after|early|late)\b"
                                  # "the working group has started work", "began its session at 11:00"
                                  r"|\b(?:began|started|opened|(?:has|have)\s+(?:started|begun|opened))\s+(?:its\s+|their\s+)?(?:[\w-]+\s+)?(?:work|session|sitting|deliberations)\b"
                                  r"|\bbehind\s+closed\s+doors\b"), where="after",
         hints=('started', 'begun', 'commenced', 'kicked', 'opened', 'got', 'under', 'progress', 'session', 'being', 'began', 'doors')),
    Rule("cancelled", "cancelled", _r(r"(?<!not been )(?<!not )(?<!never )\b(?:cancell?ed|called\s+off|scrapped|abandoned)\b"),
         hints=('cancel', 'called', 'scrapped', 'abandoned')),
    # "put back to 9am tomorrow" is a postponement; to a later hour of the same day a delay (run.py)
    Rule("postponed", "postponed", _r(r"\bpostponed\b|\bput\s+off\b|\bdeferred\b|\bno\s+(?:talks|meeting|session)\s+(?:on|today|tomorrow|this|tonight)\b"
                                      r"|\b(?:pushed|put)\s+back\s+(?:to|until|till)\b"),
         hints=('postponed', 'put', 'deferred', 'no', 'pushed')),
    Rule("delayed", "delayed", _r(r"\bdelayed\b|\brunning\s+late\b|\bheld\s+up\b|\b(?:pushed|put|set)\s+back\s+by\b"
                                  # "will not begin at 10:00 as planned", "will not start on time"
                                  r"|\b(?:will|would)\s+not\s+(?:begin|start|open|get\s+under\s*way)\s+(?:at\s+[^,.;]{1,25}?\s+)?(?:as\s+planned|on\s+time)\b"
                                  # "will now open at 2pm, five hours late", "will open about half an hour late": a
                                  # plan told with its delay (a start or a resumption told so wins: "began an hour late")
                                  r"|\b(?:an?|one|two|three|four|five|six|\d+|half\s+an|several|a\s+few)\s+(?:hours?|minutes?)\s+late\b"
                                  r"|\blater\s+than\s+(?:planned|scheduled)\b"),
         hints=('delayed', 'late', 'held', 'pushed', 'put', 'set', 'planned', 'time', 'scheduled')),
    Rule("rescheduled", "rescheduled", _r(r"\brescheduled\b|\bmoved\s+(?:to|forward|up|from)\b|\bbrought\s+forward\b|\b(?:pushed|put)\s+back\b|\bshifted\s+to\b"
                                          # "the session, originally planned for 10:00, will now start at 3pm"
                                          r"|\boriginally\s+(?:planned|scheduled|due|set|expected)\b[^.;]{0,60}?\bnow\b"), where="after",
         hints=('rescheduled', 'moved', 'brought', 'pushed', 'put', 'shifted', 'originally')),
    Rule("confirmed", "confirmed", _r(r"\bnot\s+been\s+cancell?ed\b|\bwill\s+(?:still\s+)?go\s+ahead\b|\b(?:is|are)\s+still\s+on\b"
                                      r"|\bremains?\s+on\s+(?:track|schedule)\b|\bconfirmed\s+(?:that|the|for)\b|\b(?:go|goes|going)\s+ahead\b"),
         where="after", hints=('cancel', 'ahead', 'still', 'track', 'schedule', 'confirmed')),
    # "is due to start at 10:00 as planned" (negated — "will not start at 10.30 as planned" — it is no
    # confirmation: this rule, unlike "confirmed", is read through the negation test)
    Rule("confirmed_as_planned", "confirmed",
         _r(r"\b(?:start|begin|open|resume|convene)\s+(?:at\s+(?:[^,.;]|(?<=\d)\.(?=\d)){1,30}?\s+)?as\s+(?:planned|scheduled)\b"),
         where="after", hints=('planned', 'scheduled')),
    # "He confirmed that the opening plenary would start at 10am": the plan, confirmed
    Rule("confirmed_before", "confirmed", _r(r"\b(?:confirmed|confirms)\s+(?:that\s+)?(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,5}[\w’'-]+$"),
         where="before", hints=('confirm',)),
    Rule("proposed_whether", "proposed", _r(r"\b(?:whether|if)\b[^,.;]{0,60}$"), where="before",
         hints=('whether', 'if')),
    Rule("planned_after", "planned", _r(r"\bscheduled\s+(?:to|for)\b|\bplanned\s+for\b|\bset\s+(?:to|for)\s+(?:meet|begin|start|take\s+place|resume|open|convene)\b"
                                        # "the opening session is set for 11 am", "will now open at 3 pm"
                                        r"|\b(?:is|are)\s+(?:now\s+)?set\s+for\b"
                                        r"|\bwill\s+(?:now\s+)?(?:start|begin|take\s+place|resume|be\s+held|commence|open|convene|reconvene)\b"
                                        r"|\b(?:is|are)\s+(?:expected|due|planned|set|slated|scheduled)\s+to\s+(?:start|begin|take\s+place|commence|be\s+held|open|resume|convene)\b"
                                        r"|\b(?:is|are)\s+back\s+on\b"
                                        # "the talks are to open at the conference centre"
                                        r"|\b(?:is|are)\s+to\s+(?:start|begin|take\s+place|commence|be\s+held|open|resume|convene)\b"),
         where="after",
         hints=('scheduled', 'set', 'will', 'expected', 'due', 'planned', 'slated', 'back', 'to')),
    # "Varnia and Osterland have agreed to send negotiators to emergency talks"
    Rule("planned_send_to", "planned", _r(r"\b(?:agreed|agree|agrees|decided|will|would|are\s+to|plans?\s+to)\s+(?:to\s+)?send\s+"
                                          r"(?:their\s+|its\s+|a\s+)?(?:[\w-]+\s+)?(?:negotiators|delegations?|delegates|teams?|representatives|envoys?)"
                                          r"\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$"), where="before",
         hints=('send',)),
    # "he will travel to Istanbul on Thursday for the talks": the trip's day places the talks
    Rule("planned_trip_for", "planned", _r(r"\b(?:will|to|would|could|plans?\s+to|expected\s+to)\s+(?:travel|go|come|fly|arrive|head)\s+"
                                           r"(?:to|in)\s+(?-i:[A-Z])[\w’'-]+[^.;:]{0,40}?\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
                                           r"(?:talks|negotiations|meeting)$"), needs_time=True, where="before",
         hints=('for',)),
    Rule("planned_before", "planned", _r(r"\bscheduling\b|\bwill\s+be\s+preceded\s+by\b|\bfollowed\s+by\b|\bwill\s+hold\b|\bplans?\s+to\s+hold\b"
                                         r"|\bset\s+to\s+meet\b|\bwill\s+meet\b|\bagreed\s+to\s+(?:hold|meet)\b|\bwill\s+host\b"
                                         # "are due to begin indirect talks", "will open the talks"
                                         r"|\b(?:(?:is|are)\s+(?:expected|due|scheduled|set|slated|planned)\s+to|will)\s+"
                                         r"(?:begin|start|hold|open|convene|resume)\s+(?:[\w-]+\s+){0,3}[\w-]+$"), where="before",
         hints=('scheduling', 'preceded', 'followed', 'hold', 'meet', 'host', 'begin', 'start', 'open', 'convene', 'resume')),
    # "Vale is hosting Talvik and Holm for dinner tonight": a meal planned (with its time)
    Rule("planned_hosting", "planned", _r(r"\b(?:is|are)\s+hosting\b[^.;]{0,60}?\bfor\s+(?:a\s+)?(?:working\s+|private\s+)?(?:breakfast|lunch|dinner)$"),
         needs_time=True, where="before", hints=('hosting',)),
    Rule("proposed", "proposed", _r(r"\bpropos(?:ed|al|es)\b|\boffer(?:ed|s)?\s+to\s+host\b|\boffered\b"
                                    r"|\b(?:could|might|may)\s+(?:take\s+place|involve|meet|begin|start|be\s+held|happen)\b"
                                    r"|\bpossib(?:le|ility)\b|\bpotential\b|\brequest(?:ed)?\s+(?:for|a)\b|\bhave\s+to\s+meet\b"
                                    r"|\bready\s+to\s+meet\b|\binvit(?:ation|ed)\b|\bnecessary\b|\bsuggest(?:ed|s)\b|\bcalled\s+for\b"
                                    r"|\bopen\s+to\b"),
         hints=('propos', 'offer', 'could', 'might', 'may', 'possib', 'potential', 'request', 'have', 'ready', 'invit', 'necessary', 'suggest', 'called', 'open')),
    # a bare infinitive is weaker than any modal above: "… needed for it to take place" is not a plan
    Rule("planned_infinitive", "planned", _r(r"\bto\s+take\s+place\b"), where="after",
         hints=('take',)),
)

# Prefilter: a window holding none of these substrings fires no rule.
_ANY_WORDS = ("no ", "not ", "report", "claim", "conclu", "ended", "finish", "wrapped", "after", "follow", "wake",
              "led ", "held", "chair", "host", "conven", "start", "begun", "began", "commenc", "kicked", "underway",
              "under way", "being", "closed", "cancel", "called", "scrapped", "abandon", "postpon", "put off", "defer",
              "delay", "late", "reschedul", "moved", "pushed", "brought", "shifted", "ahead", "whether", "if ",
              "schedul", "set ", "slated", "will", "expected", "due ", "planned", "take place", "hold", "propos",
              "offer", "could", "might", "may ", "possib", "potential", "request", "have to", "ready", "invit",
              "necessary", "suggest", "open", "progress", "session", "over", "end", "suspend", "adjourn", "paus",
              "halt", "broke", "break", "resum", "reconven", "restart", "back ", "still on", "track", "confirm",
              "goes ", "originally", "deni", "dismiss", "reject", "rumo", "specula", "agreed", "sat down", "lasted",
              "had ", "shared ")


# Each rule's case-sensitive twin for lower-cased text (None: the rule has case-sensitive parts).
_TWINS = tuple(lowered(r.regex) for r in RULES)


def _lowers_cleanly(text: str) -> bool:
    """Does a case-insensitive match of a hint's letters in text leave that hint in text.lower()?
    Not when the text holds "İ" (lowers to two characters), "ſ" or "ı" (match "s" and "i" but
    lower to themselves)."""
    return "İ" not in text and "ſ" not in text and "ı" not in text


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


def _any(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _ANY_WORDS)


# A time phrase turns these sentences into plans even without a verb cue.
_PLAN_TIME_HINT = re.compile(r"\b(?:start|begin|take place|meet|resume|commence|hold)\b", re.IGNORECASE)
_BEFORE_BEGAN = re.compile(r"\bbefore\b[^.]{0,60}\b(?:began|started)\b", re.IGNORECASE)


_ATTRIBUTIVE = re.compile(
    r"\b(?:possible|potential|proposed|prospective|upcoming)\s+(?:[\w-]+\s+){0,2}$"
    # "the possibility of joining the negotiations": about joining, not about the talks
    r"|\bpossib(?:le|ility)\s+(?:of\s+)?(?:joining|attending|travell?ing\s+to|visiting|participating\s+in|coming\s+to)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def cue_rules(window: str) -> list[Rule]:
    """All rules that fire in the window, strongest first."""
    return [r for r in RULES if r.regex.search(window)]


@lru_cache(maxsize=1 << 15)  # pure; the same sentence and span recur in a long blog
def cue_kind(text: str, lo: int = 0, start: int = 0, end: int | None = None, hi: int | None = None,
             has_time: bool = False) -> tuple[str, str] | None:
    """(kind, rule name) for the meeting noun at text[start:end], looking in text[lo:hi].

    'after' rules look only at the noun and what follows it ("the talks have
    started"), 'before' rules only at what leads up to it ("following the talks").
    """
    end = len(text) if end is None else end
    hi = len(text) if hi is None else hi
    attr = _ATTRIBUTIVE.search(text, lo, start)
    if attr:
        # "the possible talks", "the proposed talk": naming the meeting is not a
        # statement about it, so the adjective is no cue (masked, positions kept)
        text = text[: attr.start()] + " " * (attr.end() - attr.start()) + text[attr.end() :]
    both = text[lo:hi]
    after = text[start:hi]
    before = text[lo:end]
    # each rule's regex runs only on a window holding one of its hints (when lower() can tell), and
    # then as its case-sensitive twin on the lower-cased window: the same spans, about twice as fast
    gated = _lowers_cleanly(text)
    if gated:
        low = text.lower()  # (one character per character: slices of it are the windows' lower case)
        lows = {"after": low[start:hi], "before": low[lo:end], "both": low[lo:hi]}
    cue_word = None  # _any(both), asked once a rule fires
    for rule, twin in zip(RULES, _TWINS):
        where = rule.where
        window = after if where == "after" else before if where == "before" else both
        if gated:
            lw = lows[where]
            if rule.hints and not _holds_any(lw, rule.hints):
                continue  # no match can lack every hint
            hit = twin.search(lw) if twin is not None else rule.regex.search(window)
        else:
            hit = rule.regex.search(window)
        if hit and cue_word is None:
            cue_word = _any(both)
        if hit and not cue_word:
            break  # no cue word in the window at all: as if no rule fired (tested once a rule fires)
        if hit and (has_time or not rule.needs_time):
            if rule.kind != "denied" and rule.name not in ("confirmed", "confirmed_before") \
                    and _NEGATED.search(window, 0, hit.start()):
                continue  # "has not postponed the talks"
            if rule.where == "after" and _LATER_CLAUSE.search(window, 0, hit.start()):
                # "the meeting would start in the next hour, once the delegations had finished reading":
                # the verb of a clause about something else, after the meeting's own
                continue
            if rule.kind == "cancelled" and _SINCE_CLAUSE.search(window, 0, hit.start()):
                continue  # "will meet on Saturday, a day after Ruta Vale called off the idea": what came before
            if rule.name == "denied_report_false" and rule.where == "both" and _DENIED_ELSE.match(
                    text, lo + hit.end(), start) and lo + hit.end() <= start:
                return None  # "denied reports that it is pulling out of the summit": another action denied
            if rule.name == "denied_report_about" and not lo + hit.start() < start < end < lo + hit.end():
                continue  # the report is about something else
            if not rule.kind:  # the verb decides: "suspended the plenary"
                kind = _OBJECT_VERBS.get(" ".join(hit.group("v").lower().split()))
                if kind is None:
                    continue
                return kind, rule.name
            return rule.kind, rule.name
    if has_time and _PLAN_TIME_HINT.search(after):
        return "planned", "planned_time"
    return None


# Transitive verbs whose object is the meeting, and the kind of change they make.
_OBJECT_VERBS = {
    "suspended": "suspended", "adjourned": "suspended", "paused": "suspended", "halted": "suspended",
    "opened": "started", "began": "started", "started": "started", "launched": "started", "kicked off": "started",
    "closed": "concluded", "ended": "concluded", "concluded": "concluded", "wrapped up": "concluded",
    "called off": "cancelled", "cancelled": "cancelled", "canceled": "cancelled", "scrapped": "cancelled",
    "postponed": "postponed", "put off": "postponed", "delayed": "delayed", "pushed back": "delayed", "put back": "delayed",
    "rescheduled": "rescheduled", "brought forward": "rescheduled", "moved": "rescheduled",
    "resumed": "resumed", "reconvened": "resumed", "restarted": "resumed", "reopened": "resumed",
}
# Between "denied reports" and the meeting word, a clause with its own verb: what is
# denied is that action ("that the government plans to cut supplies while the talks …"),
# not the meeting ("denied reports that the talks had been cancelled" stays a denial).
_DENIED_ELSE = re.compile(r"\s+(?:(?:in|by|from|on)\s+(?:[\w’'-]+\s+){1,4}?)?(?:that|of)\s+(?:[\w’'-]+\s+){0,4}?(?:is|are|was|were|has|have|had|plans?|planned|will|would|"
                          r"intends?|wants?|threatens?|threatened)\s+(?:[\w’'-]+\s+){1,8}?(?:the\s+|its\s+|their\s+)?"
                          r"(?:[\w-]+\s+)?$", re.IGNORECASE)
_LATER_CLAUSE = re.compile(r"[,;]\s*(?:once|until|unless|as\s+soon\s+as|by\s+which\s+time)\s", re.IGNORECASE)
_SINCE_CLAUSE = re.compile(r"\b(?:after|since)\s+(?:the\s+)?(?:[\w’'-]+\s+){1,4}$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:(?:been|be|have|has|yet|so\s+far|already|now|going\s+to)\s+){0,2}$"
                      r"|n['’]t\s+(?:(?:been|be|have|yet|now)\s+){0,2}$",
                      re.IGNORECASE)


def refuted(next_sentence: str) -> bool:
    """Does the next sentence say the claim just reported is wrong?"""
    return bool(_REFUTE.search(next_sentence))


_REFUTE = re.compile(r"\b(?:inaccurate|untrue|not true|false|yet to begin|yet to start|denied)\b", re.IGNORECASE)
