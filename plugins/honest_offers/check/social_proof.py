"""HO3xx social proof: live viewer counts and recent-purchase notices.

Popularity facts belong in the offer's YAML with their source and date; a live-looking count in
the text is either invented or stale by the time anyone reads it.
"""

from __future__ import annotations

from honest_offers.check.phrases import (
    END,
    NUM,
    PEOPLE,
    QTY,
    START,
    TIME_UNIT,
    Detector,
    PhraseRule,
    pattern,
    words,
)
from honest_offers.check.registry import Rule, RuleDoc, register

VIEWERS = register(
    Rule(
        code="HO301",
        name="live-viewer-count",
        summary="A count of people viewing the offer or holding it in their cart.",
        message="live activity notice: “{text}”",
        doc=RuleDoc(
            why=(
                "Notices such as `12 people are looking at this` suggest competition for the "
                "offer. Mathur et al. found such counts hard-coded or randomised in scripts, "
                "the CMA warns that viewer counts mislead when they cover another period, and "
                "India's CCPA guidelines cite `30 others are looking at this right now` as false "
                "urgency. The FTC lists false activity messages; UCPD Article 6 applies."
            ),
            bad="14 people are viewing this offer right now",
            honest=(
                "Leave it out. If popularity matters, write a dated, sourced total in the "
                "offer's text (e.g. in `details`): \"1,214 clients since 2019 (billing data, "
                'November 2026)."'
            ),
        ),
    )
)

PURCHASES = register(
    Rule(
        code="HO302",
        name="recent-purchase-notice",
        summary="A notice about recent purchases by other people.",
        message="recent-purchase notice: “{text}”",
        doc=RuleDoc(
            why=(
                "Pop-ups like `Anna from Leeds just bought this` and counters like `9 sold in "
                "the last 4 hours` are sold as plug-ins that rotate invented names and numbers "
                "(Mathur et al. found 22 vendors of such widgets). They are false activity "
                "messages in the FTC's 2022 report and misleading under UCPD Article 6; fake "
                "social proof is listed by deceptive.design and India's CCPA guidelines."
            ),
            bad="Sam from Leeds just booked this workshop - 9 sold in the last 4 hours",
            honest=(
                "Write a dated, sourced total in the offer's text instead, e.g. "
                '"312 people took this course in 2026 (our enrolment records)."'
            ),
        ),
    )
)

_VIEW = words(
    "viewing",
    "viewed",
    "looking at",
    "looked at",
    "looking for (?:this|these|it|them)\\b",
    "looking (?:right )?now",
    "watching",
    "eyeing",
    "seeing",
    "checking (?:this|it) out",
    "browsing (?:this|it)",
    "currently interested",
    "interested (?:right )?now",
)
_BAG = words("carts?", "bags?", "baskets?", "shopping (?:carts?|bags?|baskets?)", "wish ?lists?")
_AGO = rf"(?:about |around |over |nearly |just )?(?:{NUM}|an?|one) ?{TIME_UNIT} ago\b"
_RECENT = words(
    rf"(?:in|over|during|within) (?:the )?(?:last|past) (?:{NUM} |few |couple of )?"
    rf"(?:{TIME_UNIT}|weeks?|months?|years?)",
    "today",
    "this (?:hour|morning|afternoon|evening|week|month)",
    "yesterday",
    "last (?:week|night|hour)",
    "recently",
    "(?:right )?now",
    "per (?:day|hour)",
    rf"within (?:the last )?{NUM} ?{TIME_UNIT}",
)
_BUY = words("bought", "purchased", "ordered", "booked", "got", "grabbed", "signed up(?: for)?")
_ACT = words(
    "saved",
    "joined",
    "subscribed",
    "registered",
    "enrolled",
    "reserved",
    "claimed",
    "added",
    "viewed",
    "scored",
    "snagged",
    "picked up",
    r"started (?:buying|ordering|checking out)",
)
_NOT_PASSIVE = r"(?! (?:by|from|through|via|with|at|on|in|for|separately|directly))"
_CROWD = words(
    "clients?",
    "customers?",
    "people",
    "users?",
    "teams?",
    "companies",
    "businesses",
    "students?",
    "members?",
    "we",
    "they",
    "you",
    "i",
    "most",
    "many",
    "all",
    "some",
    "those",
    "buyers?",
    "shoppers?",
    "readers?",
    "everyone",
    "everybody",
    "others?",
    "families",
    "parents",
    "owners?",
    "practices",
    "schools",
    "he",
    "she",
    "it",
    "who",
    "which",
    "that",
    "this",
    "my",
    "our",
    "your",
    "their",
    "made",
    "available",
)
_NAME = rf"(?!{_CROWD} )[a-z]+(?: [a-z]+\.?)?"
"""A first name with an optional surname or initial, as fake purchase pop-ups show them."""

_VIEWING = "viewing viewed looking looked watching eyeing seeing checking browsing interested"
_BAGS = "cart carts bag bags basket baskets wish wishlist wishlists"
_BOUGHT = "bought purchased ordered"

PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        VIEWERS,
        (
            pattern(
                _VIEWING,
                rf"(?<![\w.,]){QTY} (?:[\w']+ ){{0,2}}?(?:(?:are|is|were) )?(?:currently |now |"
                rf"right now |also )?{_VIEW}\b",
            ),
            pattern(
                "viewed looked seen visited added",
                rf"(?<![\w.,]){QTY} (?:[\w']+ ){{0,2}}?(?:have|has|had) (?:(?:already|recently|"
                rf"also) )?(?:viewed|looked at|seen|visited|added)\b",
            ),
            pattern(
                _BAGS,
                rf"(?<![\w.,]){QTY} (?:{PEOPLE} )?(?:have|has) (?:this|it|these|them)(?: \w+)? in "
                rf"(?:their|the|a|your) {_BAG}\b",
            ),
            pattern(
                "buying purchasing ordering booking shopping",
                rf"(?<![\w.,]){QTY} [\w']+ (?:are|is) (?:currently |now |also )?(?:buying|"
                rf"purchasing|ordering|booking|shopping for)\b",
            ),
            pattern(
                "viewing looking watching checking",
                r"\b(?:someone|somebody|a (?:customer|shopper|visitor|buyer)|another (?:customer|"
                r"shopper|visitor|buyer)) (?:is|was) (?:currently |also |just )?(?:viewing|"
                r"looking at|watching|checking out)\b",
            ),
            pattern(
                _BAGS,
                rf"\bin (?:{NUM}|other (?:users'|people's|customers'|shoppers')|(?:{NUM} )?others'|"
                rf"(?:{NUM} )?other) {_BAG}\b",
            ),
            pattern(
                "added",
                rf"(?<![\w.,]){QTY} (?:times? |{PEOPLE} )?(?:have |has )?added (?:this |it |these "
                rf"|them )?to (?:their |a |the )?{_BAG}",
            ),
            pattern(
                "viewed seen visited looked watched",
                rf"\b(?:viewed|seen|visited|looked at|watched) by(?: over)? {NUM}\+? (?:{PEOPLE}|"
                rf"visitors)\b",
            ),
            pattern("times", rf"\badded to (?:their )?{_BAG} {NUM} times\b"),
            pattern("times", rf"\b(?:viewed|seen|visited|looked at) {NUM} times\b"),
            pattern(
                "view views visit visits visitor visitors",
                rf"(?<![\w.,]){QTY} (?:views?|visits?|visitors?) (?:in|over|during|within|"
                rf"per|today|right now|now)\b",
            ),
            pattern("viewed views", rf"(?<![\w.,]){QTY} (?:viewed|views) (?:{_RECENT})\b"),
            pattern(
                "online here", rf"(?<![\w.,]){QTY} (?:{PEOPLE} )?(?:online|here) (?:right )?now\b"
            ),
            pattern("real realtime", rf"\breal[ -]?time:? {NUM} (?:{PEOPLE}|visitors?)"),
            pattern(
                "viewed viewing looking watching",
                r"\b(?:several|many|lots of) (?:people|shoppers|customers|others) (?:have |are )?"
                r"(?:recently )?(?:viewed|viewing|looking at|watching) (?:this|it|these|them|"
                r"the (?:item|product|offer|deal))\b",
            ),
            pattern("watchers", rf"(?<![\w.,]){QTY} watchers\b"),
            pattern("ago", rf"\b(?:viewed|seen) {_AGO}"),
        ),
    ),
    PhraseRule(
        PURCHASES,
        (
            pattern(
                f"sold booked claimed {_BOUGHT}",
                rf"(?<![\w.,]){QTY} (?:[\w']+ ){{0,2}}?(?:sold|bought|purchased|ordered|booked|"
                rf"claimed) (?:{_RECENT})\b",
            ),
            pattern(
                _BOUGHT,
                rf"(?<![\w.,]){QTY} (?:{PEOPLE}|times) (?:have |has )?(?:(?:already|recently|just)"
                rf" )?(?:bought|purchased|ordered)\b",
            ),
            pattern(
                f"booked signed {_BOUGHT}",
                rf"(?<![\w.,]){QTY} (?:{PEOPLE} )?(?:recently|just) (?:bought|purchased|ordered|"
                rf"booked|signed up)\b",
            ),
            pattern(
                _BOUGHT,
                rf"(?<![\w.,]){QTY} (?:{PEOPLE} )?(?:bought|purchased|ordered) "
                rf"(?:this|it|the|these|one)\b",
            ),
            pattern(
                f"booked favored favoured loved liked {_BOUGHT}",
                rf"\b(?:bought|purchased|ordered|booked|favou?red|loved|liked) by(?: over)? "
                rf"{NUM}\+? (?:{PEOPLE}|times)\b",
            ),
            pattern("favored favoured liked", rf"\b(?:favou?red|liked) by:? ?{NUM}\b"),
            pattern(
                "times",
                rf"\b(?:bought|purchased|ordered|booked|sold|reserved|claimed) {NUM} times\b",
            ),
            pattern("just", rf"{START}{_NAME} just (?:{_BUY}|{_ACT})\b"),
            pattern("like", rf"(?<![\w.,]){QTY} (?:{PEOPLE} )?like this\b"),
            pattern("sold", rf"\bwe(?:'ve| have) sold {NUM}\b"),
            pattern(
                "order orders purchase purchases sales booking bookings sign signups enrolment "
                "enrolments registration registrations",
                rf"(?<![\w.,]){QTY} (?:orders?|purchases?|sales|bookings?|sign ?ups|enrolments?|"
                rf"registrations?) (?:{_RECENT})\b",
            ),
            pattern(
                "someone somebody customer shopper buyer visitor",
                rf"\b(?:someone|somebody|(?:a )?(?:customer|shopper|buyer|visitor)) (?:from|in|"
                rf"near) [^.!?]{{1,60}}?\b(?:{_BUY}|{_ACT})\b",
            ),
            pattern(
                "just recently",
                rf"\b(?:someone|somebody|a (?:customer|shopper|buyer)) (?:just|recently) "
                rf"(?:{_BUY}|{_ACT})\b",
            ),
            pattern(
                "purchased bought just",
                rf"{START}{_NAME} (?:from|in) [^.!?]{{0,60}}?\b(?:(?:just |recently )?(?:purchased|"
                rf"bought)|just (?:{_BUY}|{_ACT}))\b{_NOT_PASSIVE}",
            ),
            pattern(
                "purchased bought",
                rf"{START}{_NAME} (?:just |recently )?(?:purchased|bought) (?:a|an|the|this|\d)\b",
            ),
            pattern("ago", rf"\b(?:just |recently )?(?:{_BUY}|{_ACT})\b[^.!?]{{0,80}}?{_AGO}"),
            pattern(
                "ago",
                rf"\b(?:last|latest|most recent) (?:purchase|order|booking|sale)s? (?:was |made )?"
                rf"{_AGO}",
            ),
            pattern(
                "now",
                r"\b(?:just|recently) (?:purchased|bought|signed up)\b[^.!?]{0,40}?just now\b",
            ),
            pattern(
                "sold",
                rf"(?<![\w.,\-/#])\d[\d,.]*\+? (?:units? |items? |pieces? )?sold(?! (?:out|by|to|"
                rf"separately|as|individually|in (?:packs|sets|pairs)|per|only|exclusively|"
                rf"through|via|at|with|under|on))\b{END}",
            ),
        ),
    ),
)

DETECTORS: tuple[Detector, ...] = ()
DETECTOR_WORDS: frozenset[str] = frozenset()
