"""HO1xx urgency: countdowns, limited-time claims, hurry, price-rise threats, cart holds.

A real deadline or start date belongs in the offer's YAML, where the theme renders it as a
date in neutral words; the same idea typed into text is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import pairwise

from honest_offers.check import lexicon as lx
from honest_offers.check.phrases import (
    END,
    HYPOTHETICAL,
    NUM,
    NUMBER_WORDS,
    PERCENT,
    START,
    TIME_UNIT,
    Detector,
    Pattern,
    PhraseRule,
    Span,
    pattern,
    shape,
    words,
)
from honest_offers.check.registry import Rule, RuleDoc, register

_SUBJECT = words(
    "sale",
    "offer",
    "deal",
    "discount",
    "promo(?:tion)?",
    "special",
    "price",
    "pricing",
    "coupon",
    "code",
    "savings?",
    "event",
    "voucher",
    "bonus",
)
_WEEKDAY = words(
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"
)
_DAY = words(
    "today", "tonight", "tomorrow", _WEEKDAY, "this week", "one day", "(?:24|48|72)[ -]hours?"
)
_NOT_A_NOUN = (
    r"(?! (?:dates?|times?|datetimes?|timestamps?|fields?|hooks?|events?)\b)"
    rf"(?! (?:in|with) [.,]?\d[\d.,]*\b(?! ?(?::|{lx.TIME_UNITS.regex}\b)))"
)
"""Not the first half of a compound noun: "Offer end dates" names a field or a page, it
claims nothing about when this offer ends; nor the last digits of a number: "prices ending
in 9" are written a way, "sale ends in 2 days" and "ends in 4:59" end."""
_SOON = words(
    "soon",
    "shortly",
    "tonight",
    "today",
    "tomorrow",
    "at midnight",
    rf"(?:this |on )?{_WEEKDAY}",
    "this week",
    "in (?:a few|a couple of|\\d+) (?:hours?|hrs?|days?|minutes?|mins?)",
)

# --- deadlines as shapes ----------------------------------------------------------------------
#
# A deadline cue and a near time: "offer ends at midnight", "this discount disappears tonight",
# "valid until Sunday only", "only until Friday", "final 24 hours". A subordinate clause ("the
# field says when the offer ends") and documentation ("tokens expire in 24 hours", "the
# `expires_at` field") describe a deadline; they do not announce one.

_NEAR = (
    rf"(?:{lx.SHORT_TIMES.regex}|(?:(?:this|next|on) )?{lx.WEEKDAYS.regex}"
    r"(?: (?:night|evening|morning|at midnight))?"
    r"|\d{1,2}(?: ?: ?\d\d)? ?(?:am|pm|a\.m|p\.m)|\d{1,2} ?: ?\d\d)\b"
)
"""A near time: "midnight", "the end of the day", "Sunday night", "11pm", "23:59"."""
_BY_NEAR = (
    r"(?: (?:only|just))?(?: (?:at|by|on|in|until|till|til|through|thru|before|after|"
    rf"as of|from))?(?: the)? {_NEAR}"
)
_SALES = rf"\b{lx.SALES_SUBJECTS.regex}"
_UNTIL = r"(?: only| just)? (?:until|till|til|through|thru|before)(?: the)?"
_CLAUSE_ENDS = lx.word_class(
    "deadlines opening a clause",
    "ends",
    "ending",
    "expires",
    "expiring",
    "closes",
    "closing",
    "finishes",
    "disappears",
    "vanishes",
)
_CLAUSE_LASTS = lx.word_class("validity opening a clause", "valid", "on sale", "available")
_SHORT_SPAN = r"(?:hours?|hrs?|minutes?|mins?)"
_ACTS = (
    r"(?:save|order|buy|get|claim|grab|book|shop|enrol|enroll|register|redeem|lock in|join|"
    r"sign up|apply|use)\b"
)
"""What a reader is pressed to do before time runs out ("last chance to save")."""
_TO_OTHER_ACTS = rf"(?! to (?!{_ACTS}))"
"""Not followed by a task other than buying: "the final opportunity to revert the change"
is a step of a schedule."""
_API_DOC = (
    r"\b(?:field|fields|parameter|parameters|param|attribute|property|endpoint|header|"
    r"timestamp|webhook|json|api|payload|schema|ttl|returns|response|request|token|tokens|"
    r"session|sessions|cookie|cookies|cache)\b|\b[a-z]+_[a-z_]+\b"
)
"""Words of documentation: a sentence with these (or a snake_case name) is not sales copy."""
_NOT_ANNOUNCED = (
    rf"{_API_DOC}|\b{lx.RELATIVE_OPENERS.regex}(?: (?:the|a|an|your|this|our|each|every|any))? $"
    r"|\b(?:kept|stored|retained|cached|archived|logged)(?: for(?: a)?)? $"
)
"""Before a match, what makes it no announcement: API docs, a relative clause, or keeping
data ("Your data is kept for a limited time" in case you come back)."""

_DEADLINES: tuple[Pattern, ...] = (
    # "This discount disappears at midnight", "the promotion is over on Monday"
    shape(
        lx.SALES_SUBJECTS.anchors,
        rf"{_SALES} (?:(?:will|is going to|is about to|is|are) )?"
        rf"(?:{lx.ENDING_VERBS.regex}{_BY_NEAR}|{lx.LASTING_VERBS.regex}{_UNTIL} {_NEAR})",
    ),
    # "Ends midnight", "Valid until Sunday only"
    shape(_CLAUSE_ENDS.anchors, rf"{START}{_CLAUSE_ENDS.regex}{_BY_NEAR}"),
    shape(_CLAUSE_LASTS.anchors, rf"{START}{_CLAUSE_LASTS.regex}{_UNTIL} {_NEAR}"),
    # "only until Friday", "until Sunday only"
    shape(
        "only just",
        rf"\b(?:only|just) (?:until|till|til|through|thru|for) (?:the )?{_NEAR}",
    ),
    shape(
        "until till til through thru",
        rf"\b(?:until|till|til|through|thru) (?:the )?{_NEAR} only\b",
    ),
    # "final 24 hours", "only hours left", "48 hours only"
    shape(
        "final",
        rf"\bfinal (?:{NUM} )?(?:hours?|days?|minutes?)\b",
    ),
    shape(
        "last",
        rf"(?<!the )(?<!in )(?<!past )(?<!over )\blast {NUM} (?:hours?|days?|minutes?)"
        rf"(?: (?:left|remaining|to go|of (?:the|our) (?:sale|offer|deal|discount))\b|(?=!)|$)",
        counted=True,
    ),
    shape(
        "hours days minutes",
        r"\b(?:only|just|mere|a few|few) (?:hours|days|minutes) (?:left|remaining|to go)\b",
    ),
    shape("only", rf"(?<![\w.,]){NUM} ?(?:days?|hours?|hrs?) only\b", counted=True),
    # "Limited-time offer", "for a short period only"
    shape("limited", r"\blimited[ -](?:time|period|run|window)\b"),
    shape("short brief", r"\bfor (?:a )?(?:short|brief) (?:time|period|window)(?: only)?\b"),
    # a cue whose time a widget shows apart: "Sale ends in:", "Special price expires"
    shape(
        lx.SALES_SUBJECTS.anchors,
        rf"{_SALES} (?:(?:will|is going to|is about to) )?{lx.ENDING_VERBS.regex}"
        rf"(?: in| at| on| within)?:?{END}",
    ),
    # "Offer valid for 24 hours"
    shape(
        lx.SALES_SUBJECTS.anchors,
        rf"{_SALES} (?:is |are )?(?:valid|available|good|live|on) (?:only )?for "
        rf"(?:the next |just |only )?(?:{NUM}|a few|a couple of) ?{_SHORT_SPAN}\b",
        counted=True,
    ),
)

_END = "end ends ending expire expires expiring close closes closing"
_DAYS = "today tonight week weekend monday tuesday wednesday thursday friday saturday sunday"

_EXECUTED = (
    r"(?: (?:is|was|will|be|been|gets?|must|should|would|always|only|then|still|never|also|"
    r"eventually|guaranteed to|supposed to|meant to|going to|about to)){0,4} "
    rf"{lx.EXECUTION_VERBS.regex}\b|\(|s? (?:to|of) (?:the |a |an |each )?(?:function|method|"
    r"api|endpoint|server|callback|handler)s?\b"
)
"""After "last call", what a call in code does: "the last call is guaranteed to run", "the last
call wins", "last call to the API": a function call, not a sales deadline."""

LIMITED_TIME = register(
    Rule(
        code="HO102",
        name="limited-time-claim",
        summary="A claim that the offer is only available for a short or unstated time.",
        message="limited-time claim: “{text}”",
        doc=RuleDoc(
            why=(
                "Banners such as `today only` or `offer ends soon` push a decision before the "
                "reader can compare, and Mathur et al. found many with no deadline at all. A "
                "false claim of a very short time to decide is banned outright (UCPD Annex I "
                "point 7); the FTC pricing guides call a `limited` offer that is not limited "
                "deceptive (16 CFR 233.5); India's CCPA guidelines list it as false urgency."
            ),
            bad="Limited time offer: 20% off, today only!",
            honest=(
                'Say nothing about time, or say "This price is not time-limited." If there '
                "is a real price change on a date, declare it in the offer's `price.change`."
            ),
        ),
    )
)

_LIMITED_TIME_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        LIMITED_TIME,
        (
            *_DEADLINES,
            pattern(
                "limited",
                r"\b(?:for (?:a )?)?limited[ -](?:time|period)"
                r"(?: only| offer| deal| sale| price| discount)?\b",
            ),
            pattern("short limited", r"\bfor a (?:short|limited) (?:time|period)(?: only)?\b"),
            pattern(
                "limited", r"\b(?:time|period)[ -]limited (?:offer|deal|sale|price|discount)\b"
            ),
            pattern("only", rf"\b{_DAY}(?:(?:,| and| &| or) {_DAY})* only\b"),
            pattern(
                _DAYS, rf"\b(?:only|just) (?:today|tonight|this {_WEEKDAY}|this week|for today)\b"
            ),
            pattern(_END, rf"\b{_SUBJECT}s? (?:will )?(?:end|expire|close)s? {_SOON}\b"),
            pattern(
                f"{_END} finishes",
                rf"\b{_SUBJECT}s? (?:ends?|ending|expires?|expiring|closes?|finishes)\b"
                rf"{_NOT_A_NOUN}",
            ),
            pattern(_END, rf"{START}(?:ends?|ending|expires?|expiring) {_SOON}\b"),
            pattern(
                "chance",
                rf"\blast chance(?= ?(?:to|for|at|on|!|sale|deal|offer|pricing|price)\b|{END})",
            ),
            pattern(
                "final last", rf"\b(?:final|last) (?:hours|days|opportunity)\b{_TO_OTHER_ACTS}"
            ),
            pattern("call", rf"\b(?:final|last) call\b(?!{_EXECUTED})"),
            pattern("flash", r"\bflash (?:sale|deal|offer|discount)s?\b"),
            pattern(
                "sale deal offer flash special discount",
                r"\b(?:24|48|72)[ -]hours? (?:sale|deal|offer|flash|special|discount)\b",
            ),
            pattern("deal", r"\bdeal of the (?:day|hour)\b"),
            pattern("never", r"\bnow or never\b"),
            pattern(
                "last", r"\b(?:won't|will not|wouldn't|doesn't|does not) last(?: long| forever)?\b"
            ),
            pattern("late", r"\bbefore it's too late\b"),
            pattern("lifetime", r"\b(?:once|one)[ -]in[ -]a[ -]lifetime\b"),
            pattern("repeated", r"\bnever (?:to be )?repeated\b"),
            pattern(
                "offer deal chance opportunity",
                r"\bone[ -]time (?:only )?(?:offer|deal|chance|opportunity)\b",
            ),
            pattern(
                "lasts",
                r"\b(?:while|whilst) (?:it|this offer|the offer|the deal|this deal) lasts\b",
            ),
            pattern("going", r"\bgoing,? going\b"),
            pattern(
                "few next", r"\bonly (?:available )?for (?:a few|the next \w+) (?:hours|days)\b"
            ),
        ),
        unless_before=_NOT_ANNOUNCED,
    ),
)


HURRY = register(
    Rule(
        code="HO103",
        name="hurry-pressure",
        summary="Telling the reader to rush, or that they will lose out by waiting.",
        message="pressure to act quickly: “{text}”",
        doc=RuleDoc(
            why=(
                "Commands like `hurry` or warnings about missing out add pressure without adding a "
                "fact. Persistent pressure is an aggressive practice when it impairs the "
                "reader's freedom of choice (UCPD Articles 8 and 9); deceptive.design and the "
                "FTC's dark-pattern report list it as false urgency."
            ),
            bad="Hurry, act now - don't miss out!",
            honest="Describe the offer and let the reader decide when it suits them.",
        ),
    )
)

_HURRY_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        HURRY,
        (
            pattern("hurry", r"(?<!in a )(?<!no )\bhurry\b(?! up and wait| is\b| was\b)(?!-)"),
            pattern("act", r"\bact (?:now|fast|quickly|today|immediately|before)\b"),
            pattern(
                "don",
                r"\bdon't (?:miss out|miss (?:this|it|these|the (?:deal|chance|boat|offer)|your "
                r"chance|out on|on)|wait|delay|snooze|lose out|let (?:it|this|them|'em|"
                r"(?:this|the|that|these) (?:deal|offer|chance|opportunity|price|savings?)) "
                r"(?:go|slip|get away|pass))\b",
            ),
            pattern("waiting", r"\bwhat are you waiting for\b"),
            pattern("ticking running almost", r"\btime is (?:running out|ticking|almost up)\b"),
            pattern("running", r"\brunning out of time\b"),
            pattern("quick fast early now", r"\bget in (?:quick|fast|early|now)\b"),
            pattern(
                "soon", rf"{START}(?:order|buy|shop|book|checkout|check out) (?:it |one )?soon\b"
            ),
            pattern(
                "quick quickly fast",
                rf"{START}(?:be quick|move fast|quick(?:ly)?,? (?:before|grab|order|get))\b",
            ),
            pattern(
                "quick quickly fast",
                r"\b(?:grab|get|order|buy) (?:it|yours|one|them) (?:fast|quick|quickly)\b",
            ),
            pattern("snooze", r"\bsnooze,? you lose\b"),
            pattern("yours", r"\bmake (?:it|them) yours (?:now|today|before)\b"),
        ),
    ),
)


PRICE_RISE = register(
    Rule(
        code="HO104",
        name="price-rise-threat",
        summary="A warning that the price is about to rise or will not return.",
        message="price-rise threat: “{text}”",
        doc=RuleDoc(
            why=(
                "Warnings like `the price goes up soon` or `never this low again` are "
                "claims about market conditions meant to rush the purchase; when they are not "
                "true they breach UCPD Annex I point 18, and an advance-sale claim without a "
                "good-faith plan to raise the price is deceptive under 16 CFR 233.5. The CMA "
                "lists them among misleading urgency claims."
            ),
            bad="Prices go up at midnight - lock in this price now.",
            honest=(
                "If a price change is scheduled, state its date and the new price, e.g. "
                '"From 1 February 2027 the monthly price is EUR 12."'
            ),
        ),
    )
)

_PRICE_RISE_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        PRICE_RISE,
        (
            pattern(
                "go goes going",
                r"\bprices? (?:will |is going to |are going to )?(?:go|goes|going) up\b",
            ),
            pattern(
                "rise rises increase increases rising increasing jump jumps double doubles",
                r"\bprices? (?:will )?(?:rises?|increases?|rising|increasing|jumps?|doubles?)"
                rf"(?: (?:soon|tomorrow|tonight|at midnight|next|after|on|in|this|{_WEEKDAY})\b"
                r"| (?:to|by) \S+ (?:soon|shortly|tomorrow|tonight|at midnight)\b)",
            ),
            pattern(
                "go goes rise rises increase increases jump jumps change changes",
                r"\bbefore (?:the )?prices? (?:go(?:es)? up|rises?|increases?|jumps?|changes?)\b",
            ),
            pattern(
                "increase rise hike change", r"\bbefore the price (?:increase|rise|hike|change)\b"
            ),
            pattern(
                "lock",
                r"\block in (?:this|the|your|today's|our|these) "
                r"(?:low )?(?:price|rate|discount)s?\b",
            ),
            pattern("never", r"\bnever be (?:this|so|as) (?:low|cheap)\b"),
            pattern("lowest", r"\blowest price (?:ever|of the year)\b"),
            pattern("last", r"\blast time at this price\b"),
            pattern(
                "early earlybird",
                r"\bearly[ -]?bird (?:price |pricing |discount |offer |rate )?"
                r"(?:ends|expires|closes)\b",
            ),
            pattern(
                "coming soon ahead",
                r"\bprice (?:increase|hike|rise) (?:is )?(?:coming|soon|ahead)\b",
            ),
        ),
    ),
)


CART_HOLD = register(
    Rule(
        code="HO105",
        name="cart-hold-timer",
        summary="A claim that a cart, order or price is held only briefly.",
        message="short hold on the order: “{text}”",
        doc=RuleDoc(
            why=(
                "Messages like `your cart is reserved for 10 minutes` are mostly shown "
                "to every visitor by a plug-in, not backed by a real hold (Mathur et al. traced "
                "several to one vendor). Unless true they are false urgency under UCPD Annex I "
                "point 7; the CMA accepts checkout timers only where a real hold exists."
            ),
            bad="Your order is reserved for 09:59 minutes!",
            honest=(
                "Only mention a hold that a real booking system keeps, say how long and why, "
                "and allow this rule in the offer with that reason."
            ),
        ),
    )
)

_CART_HOLD_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        CART_HOLD,
        (
            # a hold whose time a widget shows apart: "Your seats are reserved for:"
            shape(
                "reserved held saved locked hold",
                rf"\b(?:{lx.BAG_NOUNS.regex}|orders?|{lx.STOCK_NOUNS.regex}|bookings?|"
                rf"reservations?|discounts?|prices?|codes?) (?:is |are |has been |have been |"
                rf"will be )?(?:reserved|held|saved|locked|on hold) (?:for|until):?{END}",
            ),
            pattern(
                "reserved held saved guaranteed locked",
                r"\b(?:your )?(?:cart|basket|bag|order|items?|seats?|tickets?|booking|reservation|"
                r"discount|price|code|spot|place)s? (?:is |are |will be |has been |have been )?"
                r"(?:reserved|held|saved|guaranteed|locked(?: in)?) (?:for|until)"
                rf"(?: (?:the next )?(?:{NUM} ?(?:{_SHORT_SPAN}|secs?|seconds?)\b|\d+:\d+)"
                rf"| you\b|:|{END})",
            ),
            # "Reserved for you for 10 minutes"
            shape(
                "reserved held saved",
                rf"{START}(?:reserved|held|saved) for you(?: for)? (?:the next )?"
                rf"(?:{NUM} ?(?:{_SHORT_SPAN}|secs?|seconds?)\b|\d+:\d+)",
            ),
            pattern(
                "cart basket bag reservation hold",
                r"\b(?:cart|basket|bag|reservation|hold) (?:will )?(?:expires?|times? out)\b",
            ),
            pattern(
                "holding",
                r"\b(?:we're|we are|we'll be|we will be) holding (?:your|these|this|the) \w+",
            ),
            pattern(
                "complete finish",
                r"\b(?:complete|finish) (?:your )?(?:checkout|order|purchase|booking) "
                r"(?:within|in the next)\b",
            ),
            pattern("check checkout", r"\bcheck ?out (?:within|in the next) \d"),
            pattern(
                "lose",
                r"\bor (?:lose|you'll lose) (?:your|the|this) (?:discount|deal|price|spot|seat|"
                r"reservation)\b",
            ),
            pattern("guaranteed", r"\bprice guaranteed for\b"),
            pattern(
                "expire expires",
                r"\bhigh demand\b[^.!?]{0,12}(?:cart|order|items?) (?:will )?expires?\b",
            ),
            pattern("reserved guaranteed", rf"\bstock is (?:reserved|guaranteed) for{END}?"),
        ),
        unless_in_sentence=HYPOTHETICAL,
    ),
)


PHRASES: tuple[PhraseRule, ...] = (
    *_LIMITED_TIME_PHRASES,
    *_HURRY_PHRASES,
    *_PRICE_RISE_PHRASES,
    *_CART_HOLD_PHRASES,
)

# --- countdown read-outs -----------------------------------------------------------------

COUNTDOWN = register(
    Rule(
        code="HO101",
        name="countdown-text",
        summary="A countdown or time-left read-out in the text.",
        message="countdown in the text: “{text}”",
        doc=RuleDoc(
            why=(
                "A ticking clock tells the reader to decide now. Most such timers restart for "
                "every visitor or carry on after they reach zero: the EU consumer sweep of 2023 "
                "found fake timers on 42 of 399 shops, and Mathur et al. (2019) judged 157 of "
                "393 timers deceptive. A false claim that an offer is available `only for a very "
                "limited time` is banned in all circumstances (UCPD Annex I point 7; UK DMCC Act "
                "Schedule 20), and the FTC and the CMA treat such clocks as misleading. This "
                "project rejects every countdown, even to a real deadline: a date says the same "
                "without the pressure."
            ),
            bad="Sale ends in 02:14:09",
            honest=(
                "If the price really changes on a date, declare it in the offer's `price.change` "
                "(`effective`, `amount`, `reason`); the theme renders it in neutral words: "
                '"From 1 February 2027 the price is EUR 49.00 per month."'
            ),
        ),
    )
)


_UNIT_ANY = words(
    "days?", "d", "hours?", "hrs?", "h", "minutes?", "mins?", "m", "seconds?", "secs?", "s"
)
_GROUP = rf"\d+(?: \d+)* ?{_UNIT_ANY}\b\.?"
_NUMERIC_READOUT = re.compile(
    # Every branch starts after the first digit, so the engine skips to digits quickly; each
    # branch checks what stood before that digit.
    r"\d(?:"
    # a clock, optionally after a day count: "02:14:09", "2 days 13:06:13", "00 : 12 : 27 : 15"
    r"(?P<clock>(?<![\d:.,]\d)\d{0,2}(?: ?(?:days?|d)\b[ ,:]*\d{1,3})? ?: ?\d{2}"
    r"(?: ?: ?\d{2}){0,3}(?! ?: ?\d)(?![\d]|[.,]\d))"
    # two or more number-unit groups: "02 hrs 26 mins", "9 h 42 m 39 s", "1 days, 4 minutes"
    rf"|(?P<multi>(?<![\w.]\d)\d*(?: \d+)* ?{_UNIT_ANY}\b\.?(?:[ :.,/|-]*(?:and )?{_GROUP})+)"
    # one spelled-out duration: "10 minutes"
    rf"|(?P<single>(?<![\w.]\d)\d* ?{TIME_UNIT}\b)"
    r")"
)
_UNIT_LABELS = re.compile(
    # widget labels without numbers: "days hrs mins secs", "days/hrs/mins/secs" (starting with
    # the unit word lets the engine skip quickly; what precedes it is checked in code)
    rf"{TIME_UNIT}\b\.?(?:[ :/|.]+{TIME_UNIT}\b\.?){{2,}}"
)
_SPELLED_LABELS = re.compile(
    r"(?:days?|hours?|minutes?|seconds?)(?:[ :/|.]+(?:days?|hours?|minutes?|seconds?))*"
)
"""Unit words spelled out and with no cue: a legend ("days hours minutes seconds" under a
stopwatch) names units and shows no time; a timer's labels are abbreviated ("DAYS HRS MINS
SECS") or follow a cue ("Sale ends in days hours minutes seconds")."""
_FORMAT_NOTATION = re.compile(rf"{TIME_UNIT}:{TIME_UNIT}\b")
"""Unit labels joined by bare colons, with no number ("days hr:min:sec"): a format as
documentation writes one down, naming the fields a display shows, even beside a sales word
("a coupon site with format N days hr:min:sec"); a widget's labels stand apart ("DAYS HRS
MINS SECS", "hrs : mins : secs") and its numbers carry the colons ("02:11:36")."""
_UNIT_WORD = re.compile(rf"{TIME_UNIT}\b")
_NUMBER_WORD_BEFORE = re.compile(rf"(?<![\w.])(?:{NUMBER_WORDS}|an?) $")
_UNIT_WORDS = frozenset(
    {"day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins"}
    | {"second", "seconds", "sec", "secs"}
)
_DIGIT = re.compile(r"\d")
_DIGIT_UNIT = re.compile(r"\d ?[dhms]\b")
_CLOCK_COLON = re.compile(r"\d ?: ?\d")
"""What every clock read-out of :data:`_NUMERIC_READOUT` holds."""
_LETTER_UNITS = frozenset("dhms")
"""Normalised text has a space between a digit and a letter, so a match of
:data:`_DIGIT_UNIT` makes its letter a word: texts without these words need no search."""
_CUE_BEFORE = re.compile(
    rf"(?:\b{_SUBJECT}s? )?\b(?:ends?|ending|expires?|expiring|expiry|expiration|closes? in|"
    r"starts? in|begins? in|left|remaining|remains?|hurry|count ?down|timer|time left|"
    r"time remaining|time is running(?: out)?|within|reserved|reserve|held|hold|holding|"
    r"guaranteed|locked|valid(?: for)?|cart|basket|checkout|check out|offers?|sales?|deals?|"
    r"discounts?|promo|promotion|coupon|code|save|saving|savings|prices?|runs? out|"
    r"goes up|go up|rises?|increases?|disappears?|vanish(?:es)?|goes away)\b"
    rf"|{PERCENT} off\b"
)
_CUE_AFTER = re.compile(r" ?[:.,!)-]* ?(?:left|remaining|to go|mins?|minutes)\b")
_SINGLE_CUE_BEFORE = re.compile(
    rf"(?:\b{_SUBJECT}s? )?\b(?:(?:valid|available|open) for the next|ends?|ending|expires?|"
    r"expiring|closes?|closing|runs? out|goes up|go up|rises?|increases?|reserved|held|"
    r"disappears?|vanish(?:es)?|goes away|(?:video|replay|presentation|recording|webinar|"
    r"training|masterclass|class|page)s? (?:comes? down|goes offline|(?:is|will be) taken down)|"
    r"holding \w+(?: \w+)?|guaranteed|locked(?: in)?|hurry|"
    r"count ?down|timer|time left|time remaining)\b[^a-z0-9]{0,3}(?:(?:in|for|within)\b ?)?"
    r"(?:(?:the next|just|only|about)\b ?)?$"
)
_SINGLE_CUE_AFTER = re.compile(
    r" ?(?:left|remaining|to go)\b(?= ?(?:$|[.!?,;:)\"*-]|to (?:save|order|buy|get|claim|grab|"
    r"book|shop|enrol|enroll|register|redeem|use|join|sign up|lock)|before|until|(?:on|in|of) "
    r"(?:this|the|our) (?:offer|deal|sale|price|promotion|promo|discount)|at this price|"
    r"and counting))"
)
_TERM_AFTER = re.compile(r" (?:after|from|of) ")
"""A span counted from an event is a term, not a time left: "expires 30 days after we send
it", "valid 14 days from delivery"."""
_LAST_CALL = re.compile(r"\b(?:last|final|only|just)$")
_ORDER_WITHIN = re.compile(
    r"\b(?:order|buy|purchase|book|check ?out|checkout)(?: (?:it|now|today))? "
    r"(?:within|in the next)(?: the next)? ?$"
)
"""A dispatch cut-off that counts down: "order within 2 hours for next-day delivery"."""
_TECH_BEFORE = re.compile(
    rf"\b{lx.TECH_NOUNS.regex}(?:(?: that| which)? (?:will|would|can|may|must|should|is|are|get|"
    r"gets|will be|are being|is being|automatically|also|stays|remains))? $"
)
"""A technical subject right before the cue: "access tokens expire in 24 hours", "a link
that is valid for the next 5 minutes"."""
_TECH_SUBJECT = re.compile(
    rf"\W*(?:(?:the|an?|your|each|every|this|that|our|its) )?(?:[a-z-]+ )?{lx.TECH_NOUNS.regex}\b"
    r"(?! (?:of|for) )"
)
"""A sentence whose subject is technical: "The access token …", "Each signed URL …"."""
_SPLIT_UNITS = re.compile(r"[a-z] ?[:|] ?\d")
"""Unit groups split by colons or bars, as timer widgets print them: "3 days : 14 hours"."""
_TO_ACT = re.compile(rf" to {_ACTS}")
_TIME_OF_DAY_BEFORE = re.compile(
    r"(?:\b(?:at|by|before|after|from|until|till|til|to|between|since|around|approx|ca|on|"
    r"each|every|daily|opens?|opening|doors|starts?|starting|start time|begins?|beginning|"
    r"and|or|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|\d{4})|@|\d ?-|\d{1,2}:\d{2} ?(?:-|to|until|till)"
    r"|\d{4}-\d{2}-\d{2}t?|\d{1,2}[./]\d{1,2}[./]\d{2,4})[ .,]*$"
)
"""Words and dates a time of day follows: "at 10:00", "2018-07-19 00:00:00"."""
_TIME_OF_DAY_AFTER = re.compile(
    r" ?(?:a\.?m\b|p\.?m\b|h\b|hrs?\b|uhr\b|o'clock|\(?(?:utc|gmt|cet|cest|eet|eest|wet|west|bst|"
    r"ist|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|hst|aest|aedt|jst|z)\b|(?:-|to|until|till) ?"
    r"\d{1,2} ?: ?\d{2}|[+-]\d{2}:?\d{2}\b)"
)
"""What may follow a time of day: "am", "CET", "+0000", "- 12:00"."""
_ZERO_PADDED_UNIT = re.compile(r"(?<!\d)0\d ?[a-z]")
_DAYS_AND_CLOCK = re.compile(r"\bd(?:ays?)?\b.*\d ?: ?\d+ ?: ?\d")
_LEADING_ZERO_CLOCK = re.compile(r"0\d ?: ?\d{2} ?: ?\d{2}")
_SECONDS = re.compile(r"\b(?:seconds?|secs?|s)\b")
_WORD = re.compile(r"[a-z]+")
_WINDOW = 48


def _may_count_down(norm: str, words: AbstractSet[str]) -> bool:
    """Whether ``norm`` has a unit word, a clock's colon between digits ("14:09") or a
    digit-unit pair ("9 h"), without which no read-out matches: most texts have none (a
    label's colon, "Price: €49", is no clock). Digit-blind, as a detector's gate must be
    (:class:`.phrases.Detector`)."""
    return (
        not _UNIT_WORDS.isdisjoint(words)
        or (":" in norm and _CLOCK_COLON.search(norm) is not None)
        or _digit_unit(norm, words)
    )


def _countdowns(norm: str, words: AbstractSet[str]) -> list[Span]:
    """Clock and duration read-outs that an urgency cue, or their own shape, marks as timers
    (behind :func:`_may_count_down`)."""
    units = words & _UNIT_WORDS
    readouts: list[tuple[str, int, int]] = []
    if _DIGIT.search(norm):
        readouts += ((m.lastgroup or "", *m.span()) for m in _NUMERIC_READOUT.finditer(norm))
    if len(units) > 1:
        readouts += (
            ("labels", *m.span()) for m in _UNIT_LABELS.finditer(norm) if _word_start(norm, m)
        )
    if units:
        readouts += _worded_durations(norm)
    spans = (_countdown(norm, kind, start, end) for kind, start, end in readouts)
    return [span for span in spans if span is not None]


def _digit_unit(norm: str, words: AbstractSet[str]) -> bool:
    return not _LETTER_UNITS.isdisjoint(words) and _DIGIT_UNIT.search(norm) is not None


def _word_start(norm: str, match: re.Match[str]) -> bool:
    return match.start() == 0 or not norm[match.start() - 1].isalnum()


def _worded_durations(norm: str) -> Iterator[tuple[str, int, int]]:
    """Durations with the number in words: "a few hours", "two days"."""
    for unit in _UNIT_WORD.finditer(norm):
        if not _word_start(norm, unit):
            continue
        number = _NUMBER_WORD_BEFORE.search(norm, max(0, unit.start() - 24), unit.start())
        if number is not None:
            yield "single", number.start(), unit.end()


def _countdown(norm: str, kind: str, start: int, end: int) -> Span | None:
    low, high = _window_before(norm, start)
    if kind == "labels":
        return None if _is_legend(norm, start, end, low, high) else (COUNTDOWN, start, end)
    if kind == "single":
        cues = _single_cues(norm, low, high, end)
        if cues is None:
            return None
        cue, after = cues
    else:
        if kind == "clock" and _is_time_of_day(norm, start, end):
            return None
        if kind == "multi" and not _units_descend(norm[start:end]):
            return None
        cue = _CUE_BEFORE.search(norm, low, high)
        after = _CUE_AFTER.match(norm, end)
        if cue is None and after is None and not _timer_shaped(norm[start:end]):
            return None
    if cue is not None and _technical(norm, cue.start()):
        return None
    return COUNTDOWN, cue.start() if cue else start, after.end() if after else end


Cues = tuple[re.Match[str] | None, re.Match[str] | None]


def _single_cues(norm: str, low: int, high: int, end: int) -> Cues | None:
    """The cues before and after one duration ending at ``end`` that make it a time left
    ("ends in 2 hours", "2 hours left", "order within 2 hours"), or None."""
    if _TERM_AFTER.match(norm, end):
        return None
    cue = _SINGLE_CUE_BEFORE.search(norm, low, high)
    after = _SINGLE_CUE_AFTER.match(norm, end)
    if cue is None and after is None:
        cue = _ORDER_WITHIN.search(norm, low, high)
    if cue is None and after is None:
        cue = _LAST_CALL.search(norm, low, high)
        after = _TO_ACT.match(norm, end) if cue else None
        if after is None:
            return None
    return cue, after


def _technical(norm: str, cue: int) -> bool:
    """Whether what expires before ``cue`` is technical: named right before it ("access
    tokens expire in 24 hours") or as the sentence's subject ("The access token is used to
    sign requests, but expires in 10 minutes")."""
    if _TECH_BEFORE.search(norm, max(0, cue - 48), cue):
        return True
    stop = max(norm.rfind(". ", 0, cue), norm.rfind("! ", 0, cue), norm.rfind("? ", 0, cue))
    return _TECH_SUBJECT.match(norm, stop + 2 if stop >= 0 else 0, cue) is not None


_UNIT_IN_GROUP = re.compile(rf"\d ?({_UNIT_ANY})\b")
_UNIT_RANK = {"d": 3, "h": 2, "m": 1, "s": 0}
"""Days, hours, minutes, seconds by the first letter of their unit word."""


def _units_descend(readout: str) -> bool:
    """Whether the units of a read-out go down, each once ("2 h 14 m 09 s"), as a time left
    is written; "1m | 30s | 30s" lists intervals side by side (a table of plans)."""
    ranks = [_UNIT_RANK[unit[0]] for unit in _UNIT_IN_GROUP.findall(readout)]
    return all(high > low for high, low in pairwise(ranks))


def _is_legend(norm: str, start: int, end: int, low: int, high: int) -> bool:
    """Unit labels that name a display's fields rather than show one: a format ("days
    hr:min:sec") or spelled-out units with no cue before them (see the two patterns)."""
    if _FORMAT_NOTATION.search(norm, start, end):
        return True
    return bool(_SPELLED_LABELS.fullmatch(norm, start, end)) and not _CUE_BEFORE.search(
        norm, low, high
    )


def _window_before(norm: str, start: int) -> tuple[int, int]:
    """Where to look for a cue: back to the previous sentence, though a read-out may follow
    one stop or colon directly ("Last offer! 11:25", "Ends in: 09:59")."""
    high = start
    while high > 0 and norm[high - 1] == " ":
        high -= 1
    if high > 0 and norm[high - 1] in ":!.-":
        high -= 1
    low = max(0, start - _WINDOW)
    cut = max(norm.rfind(".", low, high), norm.rfind("!", low, high), norm.rfind("?", low, high))
    return (cut + 1 if cut >= 0 else low), high


def _is_time_of_day(norm: str, start: int, end: int) -> bool:
    before = _TIME_OF_DAY_BEFORE.search(norm, max(0, start - 24), start)
    return before is not None or _TIME_OF_DAY_AFTER.match(norm, end) is not None


def _timer_shaped(readout: str) -> bool:
    """Read-outs no one writes by hand: zero-padded units, days with a clock, or a clock or
    a unit list down to the second that starts with a zero-padded field ("07:25:41")."""
    if _ZERO_PADDED_UNIT.search(readout) or _DAYS_AND_CLOCK.search(readout):
        return True
    if _LEADING_ZERO_CLOCK.match(readout) or _SPLIT_UNITS.search(readout):
        return True
    return len(_WORD.findall(readout)) >= 3 and _SECONDS.search(readout) is not None


DETECTORS: tuple[Detector, ...] = (Detector(_countdowns, _may_count_down),)
DETECTOR_WORDS: frozenset[str] = _UNIT_WORDS | _LETTER_UNITS
