"""HO5xx pricing: hand-written reference prices, discount claims and prize framing.

The theme computes every price comparison from the offer's YAML ("Comparable offers typically
cost between ... and ...", a reduction's reference price from ``price.history``, standing
``discounts``); a former price or a discount typed into the text cannot be checked against the
price history, so it is a finding. The theme's own sentences for these facts are worded so
that they pass; a standing rule in prose ("20% off for students") passes too.
"""

from __future__ import annotations

from honest_offers.check import lexicon as lx
from honest_offers.check.phrases import (
    CURRENCY,
    HYPOTHETICAL,
    NUM,
    PERCENT,
    PRICE,
    START,
    Detector,
    PhraseRule,
    pattern,
)
from honest_offers.check.registry import Rule, RuleDoc, register

_AMOUNT = rf"(?:{PRICE}|{PERCENT})"

_FIRST_COMERS = (
    rf"\bfirst (?:{NUM} |few |hundred )?(?:(?:new|lucky) )?(?:customers?|buyers?|people|"
    r"subscribers?|clients?|users?|members?|shoppers?|registrants?|sign-?ups?|visitors?)\b"
)
"""The first few to buy: a limit of the offer, not a term of a standing price ("the first 50
customers"); an introductory term is one ("30% off their first year")."""

_STANDING_RULE = (
    rf"^(?!.*(?:\b{lx.TIME_LIMIT_CUES.regex}\b|{_FIRST_COMERS}))"
    rf".*(?:\b(?:for|to|with|on|when|if|by|of) (?:(?:choosing|selecting|switching to|paying|"
    rf"opting for) )?(?:an? )?(?:(?:you|they|all|our|eligible|registered|valid|"
    rf"verified|accredited|every|each|any|the|your) )?"
    rf"(?:(?:second|third|fourth|additional|further|extra|other) )?{lx.STANDING_GROUPS.regex}\b"
    r"|\b(?:paid|pay|paying|payment) (?:for )?\S+ (?:months?|years?) in advance\b"
    rf"|\b(?:billed|paid|charged|invoiced) {lx.BILLING_ADVERBS.regex}\b"
    rf"|\b{lx.BILLING_PERIODS.regex}\b"
    r"|^\W*(?:\d+ ?(?:st|nd|rd|th)\+?|second|third|additional|each additional|every "
    r"additional) "
    r"(?:members?|persons?|people|child|children|seats?|users?|participants?|siblings?)\b"
    rf"|\b{lx.STANDING_GROUPS.regex} (?:get|pay|save|receive|enjoy|see)\b"
    rf"|^\W*(?:(?:all|any|every|eligible|registered|verified) )?{lx.STANDING_GROUPS.regex}\b"
    rf"|^\W*{lx.BILLING_ADVERBS.regex}\W+(?:save|get|pay)\b"
    rf"|\bsav(?:e|ing) {_AMOUNT} (?:(?:when |if )?(?:billed|paid|paying) )?"
    rf"{lx.BILLING_ADVERBS.regex}\W*$"
    rf"|\bsav(?:e|es|ing|ings)\b[^.!?;]{{0,16}}?{_AMOUNT} ?(?:/ ?|per |a |an |each |every )"
    rf"{lx.RATE_UNITS.regex}\b"
    rf"|{HYPOTHETICAL})"
)
"""A standing price rule for a group or a billing term, with no time limit in its sentence:
"20% off for students", "save 15% with annual billing" (a billing term anywhere in the
sentence), "students get 30% off", "save $4/month" against another plan
(:data:`.lexicon.RATE_UNITS`). It is a price, not a sale against an invented former price;
"20% off for students this week" and "was EUR 100, now 60" still fail. So is a plan
switcher's "Annually: save 20%" (the term leads its label) and a worked example ("if a
product has a 10% discount", see :data:`HYPOTHETICAL`)."""

_CURRENCIES = "$ € £ ¥ ₹ ₩ ₽ ¢ usd eur gbp chf aud cad nzd inr jpy sek nok dkk pln czk rs kr"

REFERENCE_PRICE = register(
    Rule(
        code="HO501",
        name="reference-price",
        summary="A former, list or rival's price set against the price.",
        message="reference price in the text: “{text}”",
        doc=RuleDoc(
            why=(
                "A `was` price or a `compare at` price is only fair when the seller really "
                "charged it: the EU Price Indication Directive (Article 6a) requires the lowest "
                "price of the previous 30 days, and the CJEU (C-330/23, Aldi Süd) held that the "
                "reduction must be computed from it. The FTC pricing guides (16 CFR 233.1-233.3) "
                "require a bona fide former price; the CMA's Emma Sleep case turned on `was` "
                "prices that few paid. Mathur et al. list undefined reference prices as visual "
                "interference."
            ),
            bad="Was EUR 1,200 - now EUR 890 (RRP EUR 1,500)",
            honest=(
                "For a real sale, declare it: `price.history` (the prices charged, each `from` "
                "a date) and `price.reduction` (`amount`, `from`, `until`, `reason`); the theme "
                "shows the reduced price with both dates and the lowest price of the 30 days "
                "before, computed by the build. To compare with others, declare the typical "
                "market price (`market_price`) with its sources."
            ),
        ),
    )
)

_REFERENCE_PRICE_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        REFERENCE_PRICE,
        (
            pattern(
                "was",
                rf"\bwas\b:? ?{PRICE}[^.!?]{{0,24}}?\b(?:now|today|only|just|sale|our price)\b:? ?"
                rf"{PRICE}",
            ),
            pattern("was", rf"{START}was\b:? ?{PRICE}"),
            pattern(
                "was instead down reduced regular normal usual",
                rf"\b(?:now|today)(?: only| just)?:? ?{PRICE},? \(?(?:was|instead of|down from|"
                rf"reduced from|(?:regular|normal|usual) price)\b",
            ),
            pattern("instead", rf"\binstead of:? ?{PRICE}"),
            pattern(
                "reduced down marked slashed cut",
                rf"\b(?:reduced|down|marked down|slashed|cut) from:? ?{PRICE}",
            ),
            pattern("compare", r"\bcompare[ -]at\b"),
            pattern("compare compared", rf"\bcompared? (?:to|with|at):? ?{PRICE}"),
            pattern("rrp msrp srp uvp arv", r"\b(?:rrp|msrp|srp|uvp|arv)\b"),
            pattern(
                "recommended suggested manufacturer manufacturers",
                r"\b(?:recommended|suggested|manufacturer'?s?) (?:retail |selling )?price\b",
            ),
            pattern(
                "price",
                rf"{START}(?:regular|original|normal|usual|former|previous|old|list|retail|"
                rf"reference|full|store|high street|street|strike-?through) price\b",
            ),
            pattern(
                "price",
                rf"\b(?:regular|original|normal|usual|former|previous|old|list|retail) price\b:? ?"
                rf"{PRICE}",
            ),
            pattern(
                "originally previously formerly",
                rf"\b(?:originally|previously|formerly) (?:priced at |sold (?:at|for) |costs? |was "
                rf"|at |for )?:? ?{PRICE}",
            ),
            pattern(
                "priced sell sells retail retails",
                r"\b(?:normally|usually|regularly|typically) (?:priced at|sells? for|retails? "
                r"(?:at|for))\b",
            ),
            pattern(
                "retail retails retailing value valued worth",
                rf"\b(?:retails?|retailing|valued?|worth) (?:at |for )?:? ?(?:over |up to |more "
                rf"than )?{PRICE}",
            ),
            # a price labelled as the retail one: "Retail: $209.85", "Total retail value: $500"
            pattern("retail", rf"\bretail(?: value)?: ?{PRICE}"),
            # not an allowance of usage: "$10 worth of credits each month"
            pattern(
                "value worth",
                rf"{PRICE} (?:value|worth)\b(?! of (?:free )?(?:{lx.QUOTA_NOUNS.regex})\b)",
            ),
            pattern(
                "competitor competitors", r"\bcompetitors?(?:'s?)? (?:price|charges?|costs?)\b"
            ),
            pattern("elsewhere", rf"{PRICE} elsewhere\b"),
            pattern(
                "drop drops cut cuts reduction reductions slash slashed slashes",
                r"\bprice (?:drops?|cuts?|reductions?|slash|slashe[sd])\b",
            ),
            pattern("slashed cut dropped reduced", r"\bprices? (?:slashed|cut|dropped|reduced)\b"),
            pattern("now", rf"\bnow (?:only|just):? ?{PRICE}"),
            pattern(_CURRENCIES, rf"(?<![\w.]){CURRENCY} ?\d[\d,.]* {CURRENCY} ?\d[\d,.]*"),
        ),
    ),
)


DISCOUNT = register(
    Rule(
        code="HO502",
        name="discount-claim",
        summary="A percentage or amount off, or a saving, claimed in the text.",
        message="discount claim in the text: “{text}”",
        doc=RuleDoc(
            why=(
                "`Save 50%` and `60% off` imply a former price the reader cannot see. Under the "
                "Price Indication Directive (Article 6a) and the Aldi Süd judgment (C-330/23) a "
                "percentage must be computed from the lowest price of the previous 30 days; the "
                "FTC pricing guides and the CMA treat inflated savings as misleading."
            ),
            bad="Save 40% - only EUR 540 instead of EUR 900",
            honest=(
                "A standing discount for a group or a condition goes in `discounts` (`for: "
                "students`, `percent: 15`); a temporary sale in `price.history` and "
                "`price.reduction`, which the theme shows with the legal reference price. A "
                "hand-written saving has no basis the build can check."
            ),
        ),
    )
)

_DISCOUNT_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        DISCOUNT,
        (
            pattern("off", rf"{_AMOUNT} off\b"),
            pattern(
                "off discount saving savings reduction cheaper",
                rf"\bup to {PERCENT} (?:off|discount|savings?|reduction|cheaper)\b",
            ),
            pattern(
                "discount reduction rebate markdown cheaper",
                rf"{_AMOUNT} (?:discount|reduction|rebate|markdown|cheaper than)\b",
            ),
            pattern("discount discounted", rf"\bdiscount(?:ed)? (?:of|by) (?:up to )?{_AMOUNT}"),
            pattern(
                "save saves saving savings $",  # "$": glued "saveus$20" has no word "save"
                rf"\bsav(?:e|es|ing|ings)(?: of)?(?: you)?(?: up to| an extra| extra| over| more "
                rf"than| at least| a whopping)?:? ?{_AMOUNT}",
            ),
            pattern("%", r"(?<![\w.%-])-\s?\d+(?:[.,]\d+)? ?%"),
            pattern("half halfprice halfoff", r"\bhalf[ -]?(?:price|off)\b"),
            pattern("bogo", r"\bbogo\b"),
            pattern("buy", r"\bbuy one,? get one\b"),
        ),
        unless_in_sentence=_STANDING_RULE,
    ),
)


PRIZE = register(
    Rule(
        code="HO503",
        name="prize-framing",
        summary="Framing a purchase or discount as a prize the reader has won.",
        message="prize framing: “{text}”",
        doc=RuleDoc(
            why=(
                "`Congratulations, you've won` and spin-to-win wheels create the impression of "
                "a prize that in fact costs money. UCPD Annex I point 31 bans this outright, and "
                "the CJEU (C-428/11, Purely Creative) held that even a small cost to collect "
                "the prize is enough; Mathur et al. found wheels that always land on the smallest "
                "prize."
            ),
            bad="Congratulations! You've won a mystery discount - spin the wheel to claim it.",
            honest=(
                "Drop the game. If a lower price is real, make it the offer's `price.amount`; "
                "the theme shows it plainly."
            ),
        ),
    )
)

_PRIZE_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        PRIZE,
        (
            pattern(
                "congratulations",
                r"\bcongratulations\b[^.!?]{0,12}?\byou(?:'ve| have)? (?:won|been selected|"
                r"qualif(?:y|ied)|unlocked|been chosen)\b",
            ),
            pattern(
                "won selected unlocked",
                r"\byou(?:'ve| have) (?:won|been selected for|unlocked) (?:a|an|the|your|\d)",
            ),
            pattern("spin", r"\bspin (?:to win|the wheel)\b"),
            pattern("scratch", r"\bscratch (?:to|and) (?:reveal|win)\b"),
            pattern("mystery", r"\bmystery (?:discount|gift|prize|box deal|coupon)\b"),
            pattern("lucky", r"\blucky (?:visitor|winner|customer|day)\b"),
            pattern(
                "unlock",
                r"\bunlock (?:your|a) (?:secret|hidden|exclusive|mystery) (?:offer|discount|deal|"
                r"price|prize)\b",
            ),
            pattern(
                "visitor customer",
                r"\byou(?:'re| are) (?:our|the) \d+(?: ?th|st|nd|rd)? (?:visitor|customer)\b",
            ),
            pattern("prize", r"\bclaim (?:your|my) prize\b"),
        ),
    ),
)


PHRASES: tuple[PhraseRule, ...] = (*_REFERENCE_PRICE_PHRASES, *_DISCOUNT_PHRASES, *_PRIZE_PHRASES)

DETECTORS: tuple[Detector, ...] = ()
DETECTOR_WORDS: frozenset[str] = frozenset()
