"""HO2xx scarcity: low-stock counts, high-demand claims, vague supply limits.

Capacity and remaining places belong in the offer's YAML with the time they were counted;
a count typed into text cannot be checked and goes stale.
"""

from __future__ import annotations

from honest_offers.check import lexicon as lx
from honest_offers.check.phrases import (
    END,
    HYPOTHETICAL,
    NUM,
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

_NOT_STOCK = words(
    TIME_UNIT,
    "weeks?",
    "months?",
    "years?",
    "gb",
    "mb",
    "kb",
    "tb",
    "gig\\w*",
    "bytes?",
    "percent",
    "credits?",
    "payments?",
    "instal\\w*",
    "km",
    "miles?",
    "kg",
    "lbs?",
    "pages?",
    "steps?",
    "lessons?",
    "sessions?",
    "points?",
    "turns?",
    "to go",
    lx.QUOTA_NOUNS.regex,
)
"""What a count of is not stock: durations, sizes, and metered usage (:data:`lx.QUOTA_NOUNS`)."""
_CONTINUES = words(
    "$",
    r"[.!?,;:)\]*\"|/~-]",
    r"in (?:stock|inventory|store|this|your|that|the|our)",
    r"at (?:this|that|the sale|the current|our) price",
    r"for (?:this|that|the|you|sale|purchase|the promo)",
    r"on (?:this|sale|the shelf|the shelves)",
    r"(?:at|on) (?:this|that) (?:price|discount)",
    "hurry",
    "order",
    "buy",
    "get",
    "grab",
    "act",
    "book",
    "so",
    "and",
    "but",
    "until",
    "today",
    "now",
    "to (?:buy|order|claim|book|grab|choose)",
    "in (?:size|colou?r|this size)",
    r"this (?:month|week|year|season|term|time|round|run|batch|cohort)",
    "only",
    "just",
    "almost",
    "low",
    "last",
)
_LEFT = (
    r"(?:left\b(?![- ]?(?:hand\w*|side\w*|wing|click|align\w*|turn|lane|over))"
    rf"|remaining\b(?= ?{_CONTINUES}))"
)
"""Stock "left" (not "left-handed", "left turn") or predicative "remaining" (not "remaining
payments")."""
_NOT_A_TASK = r"(?! to (?!(?:buy|order|claim|book|grab|choose|get|save|shop|reserve)\b)[a-z])"
"""Not work still to do: "2 items left to review", "3 tickets remaining to triage"."""
_NOT_COUNTED = rf"(?!(?:[\w'-]+ ){{0,2}}?{_NOT_STOCK}\b)"
"""Neither the next word nor the one after names usage: "10 free builds remaining"."""
_COUNT = rf"(?<![$€£¥₹\w.,])(?<!all )(?<!every ){QTY} {_NOT_COUNTED}"
_QUANTIFIED = rf"\b{QUANTIFIER} \(?{NUM}\+?\)? {_NOT_COUNTED}"
_UNITS = r"(?:[\w()'.-]+ ){0,2}?"
_PLACES = words(
    "items?",
    "units?",
    "pieces?",
    "pcs",
    "pairs?",
    "seats?",
    "spots?",
    "places?",
    "tickets?",
    "slots?",
    "bottles?",
    "copies",
    "stock",
)
_IN_A_SERIES = (
    rf"\b{lx.SCHEDULE_POINTS.regex}\b[^.!?;:]{{0,40}}? (?:is|was|will be|would be|'s) "
    r"(?:the|our|your) (?=$)"
)
"""A point of a schedule that "is the last one" is the end of a series, not the end of stock:
"the delivery in May is the last one", "the class on Friday will be the last one"."""
_JOBS = (
    r"\b(?:skills?|jobs?|roles?|careers?|professionals?|developers?|engineers?|experts?|"
    r"specialists?|talent|graduates?|workers?|staff|support|service|team|hotline|line)\b"
)

# --- low stock as shapes ----------------------------------------------------------------------
#
# A count (digits or words), a unit of stock, and a word of remaining: "two places remaining",
# "one table still available", "last three rooms", "8 of 10 seats taken", "not many left".
# Counts of metered usage ("10 builds remaining this month") and anything in a sentence about a
# plan's quota ("3 seats left on your plan") are not stock.

_STOCK = rf"(?:[\w'-]+ )?{lx.STOCK_NOUNS.regex}"
"""A unit of stock with one optional word before it: "seats", "front-row seats"."""
_STILL = (
    r"(?:are |is )?(?:still (?:available|open|free|up for grabs|unsold|unclaimed|unbooked|"
    r"to be had|on sale|in stock)|unsold|unclaimed|unbooked|up for grabs|yet to be (?:sold|"
    r"booked|claimed|taken))\b"
)
_NUMBERED = r"(?<![\w.,/])\d+ ?(?:of|out of|/) ?\d+"
"""A fraction of a capacity: "8 of 10", "18/20"."""
_WORD = r"[a-z][\w'&()-]*"
_REMAINS = (
    r"(?:(?:are|is) )?(?:still )?(?:left\b(?![- ]?hand)|remaining|remains?|in stock|available|"
    rf"to go|up for grabs|on hand|in inventory|in the warehouse|more(?={END}))\b"
)
_SHAPES: tuple[Pattern, ...] = (
    # "only 3 left", "just two tickets remaining", "less than 10 in stock"
    shape(
        "left remaining remain remains stock available go grabs hand inventory warehouse more",
        rf"\b{QUANTIFIER} \(?{NUM}\+?\)? {_NOT_COUNTED}(?:{_WORD} ){{0,3}}?{_REMAINS}",
        counted=True,
    ),
    # "3 left!", "two seats remaining", "nine tickets remain", "4 rooms left at this price"
    shape(
        "left remaining remain remains",
        rf"{_COUNT}(?:{_WORD} )?{lx.STOCK_NOUNS.regex}(?: ?\(s\))? (?:are |is )?"
        rf"(?:left\b(?![- ]?hand)|remaining\b|remains?\b){_NOT_A_TASK}",
        counted=True,
    ),
    shape(
        "left remaining",
        rf"{_COUNT}(?:left(?![- ]?(?:hand|side|wing|click|turn|lane|over))|remaining)"
        rf"(?:{END}| (?:in stock|at this price|for this|in your|today|"
        r"now)\b)",
        counted=True,
    ),
    # "5 in stock", "a few tickets left", "23% left in stock"
    shape("stock", rf"{_COUNT}(?:{_WORD} ){{0,2}}?(?:(?:are|is) )?in stock\b", counted=True),
    shape(
        "few",
        rf"\b(?:(?:only|just|very|so) )?few (?:{_WORD} )?{_REMAINS}",
    ),
    shape(
        "%",
        rf"{PERCENT} (?:of (?:the |our |all )?{lx.STOCK_LEVELS.regex} )?(?:(?:are|is) )?"
        rf"(?:left|remaining|in stock|{lx.TAKEN.regex})\b",
        counted=True,
    ),
    # "down to the last 3", "Last 2!", "Availability: low"
    shape(
        "down",
        rf"\bdown to (?:the |our |my )?(?:last |final )?{NUM}\b(?! (?:[\w'-]+ )?{_NOT_STOCK}\b)",
        counted=True,
    ),
    shape("last", rf"\blast {NUM}(?:{END}| (?:left|available|remaining|in stock)\b)", counted=True),
    shape(
        "stock availability inventory",
        rf"\b(?:stock|availability|inventory)(?: levels?)?(?: is)?(?:: ?| ){lx.SCARCE.regex}\b",
    ),
    # "Last items in stock", "last tickets available"
    shape(
        "last",
        rf"\blast (?:{_WORD} )?{lx.STOCK_NOUNS.regex} (?:in stock|left|available|remaining)\b",
    ),
    # "Stock: 2", "Quantity left: 3", "In stock (8) left"
    shape(
        lx.STOCK_LABELS.anchors,
        rf"(?<!\btime )\b{lx.STOCK_LABELS.regex} ?[:|] ?\(?{NUM}\)?(?! ?[\d.,%$€£])"
        rf"(?! (?:[\w'-]+ )?{_NOT_STOCK}\b)",
        counted=True,
    ),
    shape("stock", rf"\bin stock(?: ?\(| ){NUM}\)? (?:left|remaining)\b", counted=True),
    # "only 3 in your size"
    shape(
        lx.VARIANTS.anchors,
        rf"\b{QUANTIFIER} {NUM} (?:left )?in (?:your|this|that|the) {lx.VARIANTS.regex}\b",
        counted=True,
    ),
    # "low stock", "limited quantities", "stock is running low", "almost sold out"
    shape(
        f"{lx.STOCK_LEVELS.anchors} quantity quantities supply supplies",
        rf"\b{lx.SCARCE.regex} (?:in )?"
        rf"(?:{lx.STOCK_LEVELS.regex}|quantit(?:y|ies)|suppl(?:y|ies))\b",
    ),
    shape(
        lx.STOCK_LEVELS.anchors,
        rf"\b{lx.STOCK_LEVELS.regex} (?:is |are |levels? (?:are |is )?|remains? )?"
        rf"(?:(?:very|extremely|really|now|currently) )?{lx.SCARCE.regex}\b(?! to\b)",
    ),
    shape(lx.ALMOST.anchors, rf"\b{lx.ALMOST.regex} {lx.DEPLETED.regex}\b"),
    shape("still unsold unclaimed unbooked up yet", rf"{_COUNT}{_STOCK} {_STILL}", counted=True),
    shape(
        "last final",
        rf"\b(?:last|final) (?:{NUM}|remaining) {_STOCK}\b(?! (?:of|you|we|i|viewed|ordered|"
        rf"purchased|sold|"
        rf"were|was|have|had|in your|on your))",
    ),
    shape(
        lx.TAKEN.anchors,
        rf"{_NUMBERED} (?:{_STOCK} )?(?:are |have been |already |now )?{lx.TAKEN.regex}\b",
        counted=True,
    ),
    shape(
        "left remaining remain remains",
        rf"{_NUMBERED} (?:{_STOCK} )?(?:are |is )?(?:left|remaining|remain|remains)\b",
        counted=True,
    ),
    shape(
        lx.FEW_LEFT.anchors,
        rf"\b{lx.FEW_LEFT.regex} (?:{_STOCK} )?(?:are |is )?(?:still )?(?:left\b(?![- ]?hand)|"
        r"remaining|remain|in stock|to go)\b",
    ),
)

LOW_STOCK = register(
    Rule(
        code="HO201",
        name="low-stock-claim",
        summary="A claim that only a few items, places or seats are left.",
        message="low-stock claim: “{text}”",
        doc=RuleDoc(
            why=(
                "Low-stock counts are the most common pressure pattern (632 of 1,818 cases in "
                "Mathur et al., 2019), and a page cannot prove them: the CMA warns that `only "
                "5 left` misleads when stock is ample or quickly replenished. False information "
                "about availability is misleading under UCPD Article 6(1)(b) and Annex I points "
                "5 and 18; the FTC lists false low-stock messages as a dark pattern, and India's "
                "CCPA guidelines name them false urgency."
            ),
            bad="Only 2 places left - almost sold out!",
            honest=(
                "Declare the capacity in the offer's `availability.capacity` and `per`; the theme "
                "states it in neutral "
                'words, e.g. "Each cohort has 12 places."'
            ),
        ),
    )
)

_LOW_STOCK_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        LOW_STOCK,
        (
            *_SHAPES,
            pattern("left remaining", rf"{_QUANTIFIED}{_UNITS}{_LEFT}"),
            pattern("left remaining", rf"{_COUNT}{_UNITS}{_LEFT}(?= ?{_CONTINUES})"),
            pattern("stock", rf"{_COUNT}{_UNITS}in stock\b"),
            pattern(
                "left remaining", rf"\b{_PLACES} (?:left|remaining)\b(?: in stock)?:? ?{NUM}\b"
            ),
            pattern("stock", rf"\bin stock\b:? ?\(?{NUM}\)? (?:left|remaining|available)\b"),
            pattern(
                "available sale grabs",
                rf"\b(?:only|just|less than|fewer than|under) {NUM} {_UNITS}"
                rf"(?:available|for sale|up for grabs)\b",
            ),
            pattern("stock", r"\blow (?:in )?stock\b"),
            pattern(
                "stock", r"\bstock (?:is |levels? (?:are |is )?)?(?:running |getting |very )?low\b"
            ),
            pattern("low", r"\b(?:stock|availability): ?low\b"),
            pattern(
                "running",
                rf"\brunning (?:low|out)(?: of stock)?\b(?! (?:of|on) "
                rf"(?:(?:your|my|our|the|free) )?(?:time|ideas|patience|{lx.QUOTA_NOUNS.regex}))",
            ),
            pattern(
                "almost nearly practically virtually",
                r"\b(?:almost|nearly|practically|virtually) "
                r"(?:gone|sold out|out of stock|all gone)\b",
            ),
            pattern("selling", r"\bselling out\b(?! (?:fast|quickly|rapidly))"),
            pattern("last", rf"\blast {NUM} (?:[\w()]+ )?(?:left|available|remaining|in stock)\b"),
            pattern("last", rf"\blast {NUM} {_PLACES}{END}"),
            pattern("stock", rf"\bstock\b:? ?(?:only|just) {NUM}\b"),
            pattern("remain remains", rf"{_QUANTIFIED}{_UNITS}remains?\b"),
            pattern(
                "last",
                rf"\blast (?:(?:few|one|remaining|couple of) )?(?:{_PLACES}|one|few)"
                rf"(?: (?:left|available|remaining|in stock|at this price)\b|{END})",
            ),
            pattern(
                "limited",
                r"\blimited (?:stock|quantit(?:y|ies)|supply|supplies|units|pieces|inventory)\b"
                r"(?! (?:available )?at this price)",
            ),
            pattern("%", rf"{PERCENT} (?:claimed|booked|sold|taken|gone|reserved|full)\b"),
            pattern(
                "%",
                rf"{PERCENT} (?:of (?:the |our )?(?:stock|places|seats|spots|tickets) )?"
                rf"(?:left|remaining)\b",
            ),
            pattern("claimed reserved", r"(?<![\w.,])\d[\d,]* (?:claimed|reserved)(?! by)\b"),
            pattern(
                "gone",
                r"\b(?:once|when) (?:it's|they're|these are|this is|it is|they are) gone,? "
                r"(?:it's|they're|it is|they are) gone\b",
            ),
            pattern("risk", r"\b(?:sell|stock)[ -]?out risk\b"),
            pattern(
                "stock restocked",
                r"\b(?:won't|will not|may not|might not|never) be (?:back in stock|restocked)\b",
            ),
            pattern("restock", r"\brarely restock\b"),
            pattern(
                "scarce running disappearing",
                r"\b(?:items?|units?|stock|seats?|spots?|places?|tickets?) (?:are |is )?"
                r"(?:scarce|running out|disappearing)\b",
            ),
        ),
        unless_before=_IN_A_SERIES,
        unless_in_sentence=rf"\b{lx.QUOTA_CONTEXT.regex}\b|{HYPOTHETICAL}",
    ),
)


HIGH_DEMAND = register(
    Rule(
        code="HO202",
        name="high-demand-claim",
        summary="A claim that demand for the offer is unusually high.",
        message="high-demand claim: “{text}”",
        doc=RuleDoc(
            why=(
                "Claims like `selling fast` or `in high demand` tell the reader that "
                "others are about to take it. The FTC's 2022 report lists false high-demand "
                "messages; the CMA warns that demand claims about another period or product "
                "mislead; UCPD Article 6 covers false claims about market conditions."
            ),
            bad="Selling fast - this workshop is in high demand!",
            honest=(
                'Leave it out, or state a dated, sourced fact, e.g. "62% of new clients in '
                'October 2026 chose this plan (our billing data)."'
            ),
        ),
    )
)

_HIGH_DEMAND_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        HIGH_DEMAND,
        (
            pattern("demand", r"\bin (?:(?:very|so|such|extremely|really) )?high[ -]demand\b"),
            pattern("demand", rf"\b(?:(?:very|so|such|extremely|really) )?high[ -]demand{END}"),
            pattern(
                "demand",
                r"\bdue to (?:the )?(?:very |extremely )?high demand\b(?![^.!?]{0,60}\b(?:support|"
                r"service|repl|respon|deliver|shipping|dispatch|processing|wait|longer|delay))",
            ),
            pattern(
                "demand",
                rf"(?:{START}|\b(?:is|are|'s|'re|currently|very|so|really|hugely) )in demand{END}",
            ),
            pattern(
                "demand",
                r"\b(?:strong|huge|massive|overwhelming|unprecedented|incredible|crazy|heavy|"
                r"extreme) demand\b",
            ),
            pattern(
                "demand", r"\bdemand is (?:very )?(?:high|strong|huge|soaring|through the roof)\b"
            ),
            pattern(
                "selling",
                r"\bselling (?:fast|quickly|rapidly|out fast|out quickly|like hot ?cakes)\b",
            ),
            pattern("fast", r"\bgoing fast\b"),
            pattern("shelves", r"\b(?:flying|flies|fly) off (?:the )?shelves\b"),
            pattern(
                "sell",
                r"\b(?:will|going to|about to|expected to|likely to|sure to|bound to|set to) "
                r"sell out\b",
            ),
            pattern(
                "sell sells",
                r"\bsells? out (?:fast|quickly|every time|"
                r"in (?:minutes|hours|days|no time|seconds))\b",
            ),
            pattern("sold", r"\bsold out (?:in|within) (?:\d+|a few|minutes|hours|days|seconds)\b"),
            pattern("times", rf"\bsold out {NUM} times\b"),
            pattern("hot", r"\bhot (?:item|seller|product|pick)s?\b"),
            pattern(
                "popular",
                r"\b(?:this|the|that) (?:item|product|style|size|colou?r|model|one|course|"
                r"workshop|offer|deal) is (?:very|so|really|extremely|super|hugely|incredibly) "
                r"popular\b",
            ),
            pattern("popular selling", r"\b(?:popular|selling) right now\b"),
            pattern(
                "fast quickly",
                rf"\b(?:{_PLACES}|classes|cohorts?|dates|sessions) (?:are |is )?(?:filling|going|"
                rf"selling|booking) (?:up )?(?:fast|quickly)\b",
            ),
            pattern("filling", r"\bfilling up (?:fast|quickly)\b"),
            pattern("want", r"\bother people want this\b"),
            pattern("missed", r"\b(?:sorry,? )?you (?:just )?missed (?:it|out)\b"),
        ),
        unless_before=_JOBS,
    ),
)


SUPPLY_LIMIT = register(
    Rule(
        code="HO203",
        name="vague-supply-limit",
        summary="A supply limit that does not say how many are available.",
        message="vague supply limit: “{text}”",
        doc=RuleDoc(
            why=(
                "A promotion that may run out without saying how many are available lures "
                "readers in with a price that may not be there; UCPD Annex I point 5 requires "
                "the trader to disclose reasonable grounds for expecting not to supply in "
                "reasonable quantities (bait advertising), and point 6 bans bait and switch."
            ),
            bad="Special price while supplies last!",
            honest=(
                'State the number and the date it was counted, e.g. "50 units at this price '
                '(counted on 20 November 2026); after that the price is EUR 129."'
            ),
        ),
    )
)

_SUPPLY_LIMIT_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        SUPPLY_LIMIT,
        (
            pattern(
                "stock stocks supplies supply quantities inventory",
                r"\b(?:while|whilst|as long as|until) (?:stocks?|supplies|supply|quantities|"
                r"inventory) (?:lasts?|runs? out)\b",
            ),
            pattern(
                "limited",
                r"\blimited (?:quantit(?:y|ies)|numbers?|availability) "
                r"(?:available )?at this price\b",
            ),
            pattern(
                "only just few limited",
                rf"\b(?:only|just|few|limited) {_UNITS}(?:available )?at this price\b",
            ),
            pattern("limited", r"\bquantit(?:y|ies) (?:are |is )?limited\b"),
            pattern("availability", rf"{START}limited availability{END}"),
            pattern("doorbuster doorbusters", r"\bdoorbusters?\b"),
            pattern("selected", r"\bselected (?:sizes|colou?rs|styles|items) only\b"),
        ),
    ),
)


PHRASES: tuple[PhraseRule, ...] = (
    *_LOW_STOCK_PHRASES,
    *_HIGH_DEMAND_PHRASES,
    *_SUPPLY_LIMIT_PHRASES,
)

DETECTORS: tuple[Detector, ...] = ()
DETECTOR_WORDS: frozenset[str] = frozenset()
