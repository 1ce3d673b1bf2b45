"""HO3xx social proof: live viewer counts and recent-purchase notices.

Popularity facts belong in the offer's YAML with their source and date; a live-looking count in
the text is either invented or stale by the time anyone reads it.
"""

from __future__ import annotations

from honest_offers.check import lexicon as lx
from honest_offers.check.phrases import (
    DIGITS,
    END,
    HYPOTHETICAL,
    NUM,
    PEOPLE,
    PERCENT,
    QTY,
    QUANTIFIER,
    START,
    TIME_UNIT,
    Detector,
    Pattern,
    PhraseRule,
    pattern,
    shape,
    words,
)
from honest_offers.check.registry import Rule, RuleDoc, register

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
_NAME = (
    rf"(?!(?:{_CROWD}|{lx.NOT_NAMES.regex}|{lx.STOCK_NOUNS.regex}|{lx.PRODUCT_NOUNS.regex}) )"
    r"[a-z]+(?: [a-z]+\.?)?"
)
"""A first name with an optional surname or initial, as fake purchase pop-ups show them;
not the goods ("items in your cart are reserved")."""

# --- activity notices as shapes ---------------------------------------------------------------
#
# A count, who or what (optional), an activity verb and, where the verb alone does not make it
# live, a time word: "14 sold in the last 24 hours", "9 people have this in their basket",
# "bought 40 times today", "In the past hour, 32 people signed up". Verbs in the progressive
# ("are viewing") are live by themselves; buying in the past needs a people noun, an auxiliary
# or "just"; joining, viewing in the past and bare counts need a time word.

_COUNT = rf"(?<![\w.,]){QTY}(?: ?k\b)?\+?"
"""A count: "12", "over 200", "a dozen", "1.2k+"."""
_WORD = r"[a-z][\w'&-]*"
_FILL = rf"(?:{_WORD} ){{0,2}}?"
_MORE = rf"(?:{_WORD} ){{0,3}}?"
_AUX = r"(?:have|has|had|'ve|are|is|were|was|'re) "
_ADVS = r"(?:(?:just|recently|already|also|all|currently|now|right now|together) ){0,2}"
_UNIT = lx.TIME_UNITS.regex
_FEW = r"(?:\d+|an?|one|two|three|four|five|six|ten|twelve|few|a few|couple of|a couple of|several)"
"""The counts a time span is written with ("the last 24 hours", "the past few days")."""
_SPAN = rf"(?:{lx.RECENT_SPAN_OPENERS.regex} (?:{_FEW} ?)?{_UNIT}|in {DIGITS} ?{_UNIT})\b"
"""A recent span: "in the last 24 hours", "over the past few days", "in 24 hrs"."""
_AGO_SHAPE = rf"(?:about |around |over |nearly |just |only |a )?{_FEW} ?{_UNIT} ago\b"
_RATES = r"(?:per (?:day|hour|week)|a day|an hour|each day|every day|daily)\b"
_NOW = rf"(?:{_SPAN}|{_AGO_SHAPE}|(?<!for )(?<!until )(?<!by ){lx.RECENCY.regex}\b)"
"""When the activity happened, if recently (rates such as "per day" are apart)."""
_WHEN = rf"(?:{_NOW}|{_RATES})"
_PURCHASE = lx.PURCHASE_VERBS.regex
_JOINED = lx.SIGNUP_VERBS.regex
_OBJECT = rf"(?:{lx.PRODUCT_NOUNS.regex})\b"
_INTO_BAG = rf"(?:to|in|into) (?:(?:their|a|the|his|her|your) )?{lx.BAG_NOUNS.regex}"
_KEPT = (
    rf"(?:(?:added|add|put|placed|saved|moved)(?: {_OBJECT})?(?: (?:item|product))? {_INTO_BAG}"
    rf"|{lx.CART_VERBS.regex})\b"
)
"""Keeping for later: "added this to their cart", "wishlisted"."""
_KEPT_ANCHORS = f"added add put placed saved moved {lx.CART_VERBS.anchors}"
_KEPT_ANY = rf"(?:{_KEPT}|added [^.!?]{{1,60}}? {_INTO_BAG}\b)"
"""Also with a product's name between: "just added Blue Linen Shirt to their cart"."""
_WHERE = r"(?: \([^()]{1,40}\)|,? (?:from|in|near) [^.!?]{1,60}?)"
"""A place after a name: " (Oslo)", " from Leeds", " in Graz, Austria"."""
_LOOKED = lx.VIEW_PAST.regex
_NOT_PASSIVE_SHAPE = (
    r"(?! (?:by|from|through|via|separately|directly|individually|only|exclusively|online|"
    r"in bulk|in store|in-store))"
)
_NOT_DATED = (
    r"(?![^.!?]{0,60}?\b(?:since|in|during|throughout) (?:(?:19|20)\d\d|jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec))"
)
"""A dated total ("1,214 customers since 2019") is a sourced fact, not a live notice."""
_NOT_SET_ASIDE = r"(?!(?<=reserved) for\b)"
"""Not kept for someone: "three places are reserved for scholarship students"."""
_LEAD = rf"{START}(?:{_SPAN}|{lx.RECENCY.regex}\b)[ ,:-]+"
"""A time word leading the clause: "In the last hour, ...", "Today: ..."."""

_NOT_GERUND = "".join(rf"(?<!\b{word} )" for word in lx.GERUND_OPENERS.entries)
"""Not just after a preposition or article: in "45 lines per booking" the -ing word is a
noun (a gerund), the count a quantity per act, not people acting now."""

_BUYERS = (
    rf"(?:{_FILL}{lx.PEOPLE_NOUNS.regex} (?:{_AUX})?|{_FILL}{_AUX}|(?:just|recently|already) )"
)
"""Who bought, or that it is done: "people", "happy customers have", "have", "just"."""

_SHAPE_PURCHASES: tuple[Pattern, ...] = (
    # "61 people bought this", "12 recently purchased it"
    shape(
        lx.PURCHASE_VERBS.anchors,
        rf"{_COUNT} {_BUYERS}{_ADVS}{_PURCHASE}\b{_NOT_PASSIVE_SHAPE}{_NOT_DATED}{_NOT_SET_ASIDE}",
        counted=True,
    ),
    # "14 sold in the last 24 hours", "40 people signed up today", "3 rooms booked this hour"
    shape(
        f"{lx.PURCHASE_VERBS.anchors} {lx.SIGNUP_VERBS.anchors} sold",
        rf"{_COUNT} {_MORE}(?:{_AUX})?{_ADVS}(?:{_PURCHASE}|{_JOINED}|sold)\b"
        rf"(?: [^.!?]{{0,40}}?)? {_WHEN}",
        counted=True,
    ),
    # "bought 40 times today", "purchased by 50 people"
    shape(
        f"{lx.PURCHASE_VERBS.anchors} sold",
        rf"\b(?:{_PURCHASE}|sold)(?: by)?(?: {QUANTIFIER})? {NUM}\+? "
        rf"(?:{lx.PEOPLE_ADJECTIVES.regex} )?(?:{lx.PEOPLE_NOUNS.regex}|times)\b{_NOT_DATED}",
        counted=True,
    ),
    # "downloaded 300 times this week", "joined by 40 people today"
    shape(
        lx.SIGNUP_VERBS.anchors,
        rf"\b{_JOINED}(?: by)?(?: {QUANTIFIER})? {NUM}\+? (?:{_WORD} )?(?:{lx.PEOPLE_NOUNS.regex}|"
        rf"times) {_WHEN}",
        counted=True,
    ),
    # "In the past hour, 32 people signed up", "Today: 40 sold"
    shape(
        f"{lx.PURCHASE_VERBS.anchors} {lx.SIGNUP_VERBS.anchors} sold",
        rf"{_LEAD}{_COUNT} {_MORE}(?:{_AUX})?{_ADVS}(?:{_PURCHASE}|{_JOINED}|sold)\b",
        counted=True,
    ),
    # "18 orders in the past hour", "Today: 40 orders"
    shape(
        lx.EVENT_NOUNS.anchors,
        rf"{_COUNT} (?:{_WORD} )?{lx.EVENT_NOUNS.regex}(?: so far)? {_NOW}",
        counted=True,
    ),
    shape(
        lx.EVENT_NOUNS.anchors,
        rf"{_LEAD}{_COUNT} (?:{_WORD} )?{lx.EVENT_NOUNS.regex}\b",
        counted=True,
    ),
    # "40% of our customers added cover this week": a share of buyers acting lately (a year
    # counts here: the share is a claim about everyone else's choice, not a dated total)
    shape(
        "%",
        rf"{PERCENT} of (?:(?:our|the|all|your) )?{lx.PEOPLE_NOUNS.regex} {_ADVS}"
        rf"(?:{_PURCHASE}|{_JOINED}|added)\b[^.!?]{{0,40}}? (?:{_WHEN}|(?:so far )?this year\b)",
        counted=True,
    ),
    # "Sam from Leeds booked a table", "Frank (Oslo) bought this"
    shape(
        f"{lx.PURCHASE_VERBS.anchors} got",
        rf"{START}{_NAME}{_WHERE} (?:just |recently )?(?:{_PURCHASE}|got)\b{_NOT_PASSIVE_SHAPE}",
    ),
    # "Kim T. purchased a desk lamp"
    shape(
        lx.PURCHASE_VERBS.anchors,
        rf"{START}{_NAME} (?:just |recently )?{_PURCHASE} (?:a|an|the|this|these|\d)\b",
    ),
    # "Lena in Graz just subscribed", "Someone in Porto just added Linen Shirt to their cart"
    shape(
        "just recently",
        rf"{START}(?:{_NAME}|{lx.SOMEONE.regex}){_WHERE}? (?:just|recently) "
        rf"(?:{_PURCHASE}|{_JOINED}|{_KEPT_ANY}|{lx.BUYING_NOW.regex})\b",
    ),
    shape(
        lx.SOMEONE.anchors,
        rf"\b{lx.SOMEONE.regex}{_WHERE} (?:{_PURCHASE}|{_JOINED}|{_KEPT_ANY}|"
        rf"{lx.BUYING_NOW.regex})\b{_NOT_PASSIVE_SHAPE}",
    ),
    # a toast's message without its name: "Recently placed an order", "Just bought a lamp"
    shape(
        "just recently",
        rf"{START}(?:just|recently) (?:placed an order|(?:{_PURCHASE}) (?:a|an|this|the|\d))\b",
    ),
    # "Noor from Delft joined the course 5 min ago"
    shape(
        "ago",
        rf"{START}(?:{_NAME}|{lx.SOMEONE.regex}){_WHERE}? (?:just |recently )?(?:{_PURCHASE}|"
        rf"{_JOINED}|{_KEPT_ANY}|got)\b[^.!?]{{0,80}}? {_AGO_SHAPE}",
    ),
    # "Another order from Madrid - 2 minutes ago"; not the reader's own order
    shape(
        "ago",
        rf"(?<!\byour )(?<!\bmy )\b{lx.EVENT_NOUNS.regex}{_WHERE}\W*(?:placed |made )?"
        rf"{_AGO_SHAPE}",
    ),
    # "Sold 3 units to a buyer in Ohio"
    shape(
        "sold",
        rf"\bsold\b!? ?[^.!?]{{0,30}}? to (?:a |an |one )?(?:{lx.SOMEONE.regex}|customer|buyer|"
        rf"shopper|client|guest){_NOT_DATED}{_WHERE}",
    ),
    # "Last order was 18 minutes ago"
    shape(
        "last latest recent",
        rf"\b(?:last|latest|most recent) {lx.EVENT_NOUNS.regex} (?:was |were |made |placed )?"
        rf"{_AGO_SHAPE}",
    ),
    # "We've sold 38 in the last few days"
    shape(
        "sold shipped booked",
        rf"\bwe(?:'ve| have)? (?:just |already )?(?:sold|shipped|booked) (?:over |more than )?"
        rf"{NUM}\+?(?: [^.!?]{{0,30}}?)? {_NOW}",
        counted=True,
    ),
    # "Someone purchased a desk lamp"
    shape(
        lx.SOMEONE.anchors,
        rf"\b{lx.SOMEONE.regex} (?:just |recently )?{_PURCHASE} (?:a|an|the|this|these|\d)\b",
    ),
    # "500+ sold", "Sold: 234", "5 recent orders"
    shape(
        "sold bought",
        rf"{_COUNT} (?:{lx.STOCK_NOUNS.regex} )?(?:sold|bought)(?: so far| already| to date)?{END}",
        counted=True,
    ),
    shape("sold", rf"\bsold ?: ?{NUM}\b(?! ?[\d.,%$€£])", counted=True),
    # a count labelled with a recent time: "Sold today: 14", "Orders in the last hour: 9"
    shape(
        f"{lx.PURCHASE_VERBS.anchors} sold {lx.EVENT_NOUNS.anchors}",
        rf"\b(?:(?:{_WORD} )?(?:sold|{_PURCHASE})(?: {_WORD})?|{lx.EVENT_NOUNS.regex}) {_NOW}"
        rf"(?: \([^()]{{0,30}}\))? ?[:|] ?{NUM}\b(?! ?[\d.,:%$€£])",
        counted=True,
    ),
    shape(
        lx.EVENT_NOUNS.anchors,
        rf"{_COUNT} (?:recent|latest|new) {lx.EVENT_NOUNS.regex}\b",
        counted=True,
    ),
    # "77 people love this"
    shape(
        "like likes love loves want wants need needs loving wanting",
        rf"{_COUNT} (?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.PEOPLE_NOUNS.regex} (?:also |already )?"
        rf"(?:like|likes|love|loves|want|wants|need|needs|are loving|are wanting) {_OBJECT}",
        counted=True,
    ),
)

_SHAPE_VIEWERS: tuple[Pattern, ...] = (
    # "18 visitors on this page", "12 shoppers are on this product right now"
    shape(
        lx.PEOPLE_NOUNS.anchors,
        rf"{_COUNT} (?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.PEOPLE_NOUNS.regex} (?:are |is )?"
        r"(?:(?:currently|now|right now|also) )?(?:on|browsing|visiting) (?:this|the) "
        r"(?:page|site|product|item|listing|offer|deal)\b",
        counted=True,
    ),
    # "Someone in Oslo is viewing this"
    shape(
        lx.SOMEONE.anchors,
        rf"\b{lx.SOMEONE.regex}{_WHERE}? (?:is|was) (?:(?:also|currently|just|now) )?"
        rf"{lx.VIEW_VERBS.regex}\b",
    ),
    # "12 people are viewing this", "24 people currently interested", "5 are looking right now"
    shape(
        lx.VIEW_VERBS.anchors,
        rf"{_COUNT} {_FILL}(?:(?:are|is|were|'re) )?(?:(?:currently|now|right now|also|all) )?"
        rf"{_NOT_GERUND}{lx.VIEW_VERBS.regex}\b(?: {_OBJECT}|(?= ?(?:[^.!?]{{0,30}}? )?{_NOW})|"
        rf"{END})",
        counted=True,
    ),
    # "viewed 300 times today", "added to basket 38 times"
    shape(
        f"{lx.VIEW_PAST.anchors} {_KEPT_ANCHORS}",
        rf"\b(?:{_LOOKED}|{_KEPT})(?: by)?(?: {QUANTIFIER})? {NUM}\+? "
        rf"(?:{lx.PEOPLE_ADJECTIVES.regex} )?(?:{lx.PEOPLE_NOUNS.regex}|times)\b",
        counted=True,
    ),
    # "45 added to bag in the past 24 hours", "8 people viewed this today"
    shape(
        f"{lx.VIEW_PAST.anchors} {_KEPT_ANCHORS}",
        rf"{_COUNT} {_MORE}(?:{_AUX})?{_ADVS}(?:{_LOOKED}|{_KEPT})(?: [^.!?]{{0,40}}?)? {_WHEN}",
        counted=True,
    ),
    # "13 people have added this to their cart", "166 people have viewed this item"
    shape(
        f"{lx.VIEW_PAST.anchors} {_KEPT_ANCHORS}",
        rf"{_COUNT} {_FILL}(?:{lx.PEOPLE_NOUNS.regex} )?(?:(?:have|has|'ve) {_ADVS}|"
        rf"(?:just|recently|already) )(?:{_LOOKED}|{_KEPT}|added(?= ?(?:[.!)]|$)))\b",
        counted=True,
    ),
    shape(
        f"{lx.VIEW_PAST.anchors} {_KEPT_ANCHORS} {lx.VIEW_VERBS.anchors}",
        rf"{_LEAD}{_COUNT} {_MORE}(?:{_AUX})?{_ADVS}(?:{_LOOKED}|{_KEPT}|{lx.VIEW_VERBS.regex})\b",
        counted=True,
    ),
    # "9 people have this in their basket", "in the carts of 12 shoppers"
    shape(
        lx.BAG_NOUNS.anchors,
        rf"{_COUNT} {_FILL}(?:(?:have|has|'ve|got|keep|are keeping|are holding) )(?:got )?"
        rf"(?:{_OBJECT} )?(?:(?:item|product) )?(?:in|on) (?:their|the|a|his|her|your) "
        rf"{lx.BAG_NOUNS.regex}\b",
        counted=True,
    ),
    # "in 24 carts", "added to 38 baskets", "12 carts have this"
    shape(
        lx.BAG_NOUNS.anchors,
        rf"\b(?:in|added to|saved to|on) (?:{QUANTIFIER} )?{NUM}\+? (?:other )?"
        rf"(?:(?:people's|shoppers'|customers'|users'|buyers'|others') )?{lx.BAG_NOUNS.regex}\b",
        counted=True,
    ),
    shape(
        lx.BAG_NOUNS.anchors,
        rf"{_COUNT} (?:other )?{lx.BAG_NOUNS.regex} (?:have|has|contain|contains|include|hold) "
        rf"{_OBJECT}",
        counted=True,
    ),
    shape(
        lx.BAG_NOUNS.anchors,
        rf"\bin (?:the )?{lx.BAG_NOUNS.regex} of(?: {QUANTIFIER})? {NUM}\+? "
        rf"(?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.PEOPLE_NOUNS.regex}\b",
        counted=True,
    ),
    # "34 users are online now", "120 people on this page"
    shape(
        "online live page site browsing shopping",
        rf"{_COUNT} (?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.PEOPLE_NOUNS.regex} (?:are|is) "
        r"(?:(?:currently|now|all) )?(?:online|live|on this page|on the site|on this site|"
        r"browsing|shopping)\b",
        counted=True,
    ),
    shape(
        lx.ACTIVE_STATES.anchors,
        rf"{_COUNT} (?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.PEOPLE_NOUNS.regex} (?:(?:are|is) )?"
        rf"(?:(?:currently|now|all) )?{lx.ACTIVE_STATES.regex} {_NOW}",
        counted=True,
    ),
    # "5 viewers right now"
    shape(
        lx.ONLOOKERS.anchors,
        rf"{_COUNT} (?:{lx.PEOPLE_ADJECTIVES.regex} )?{lx.ONLOOKERS.regex} {_NOW}",
        counted=True,
    ),
)

_VIEWING = "viewing viewed looking looked watching eyeing seeing checking browsing interested"
_BAGS = "cart carts bag bags basket baskets wish wishlist wishlists"
_BOUGHT = "bought purchased ordered"

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

_VIEWERS_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        VIEWERS,
        (
            *_SHAPE_VIEWERS,
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
                rf"today|right now|now)\b",
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
        unless_in_sentence=HYPOTHETICAL,
    ),
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

_PURCHASES_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        PURCHASES,
        (
            *_SHAPE_PURCHASES,
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
                rf"\b(?:bought|purchased|ordered|booked|sold|reserved|claimed) {NUM} times\b"
                rf"{_NOT_DATED}",
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
        unless_in_sentence=HYPOTHETICAL,
    ),
)


PHRASES: tuple[PhraseRule, ...] = (*_VIEWERS_PHRASES, *_PURCHASES_PHRASES)

DETECTORS: tuple[Detector, ...] = ()
DETECTOR_WORDS: frozenset[str] = frozenset()
