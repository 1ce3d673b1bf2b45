"""HO7xx facts and prose: an offer's own words, and a page's words about an offer it links
to, that contradict the offer's YAML facts.

"Facts only from YAML" means the words on the page must agree with the data: "free" while the
price is above zero, "no setup fee" beside a setup fee, "tax included" when taxes are added,
"€49 per month" for a one-time price, "cancel anytime" beside a minimum term, a money-back
promise without refund terms, a trial that
``price.trial`` does not state. The text rules cannot see the facts; these rules read the offer's
own text (title, summary, does, the call to action, details, terms, the tax note) against the
validated offer, and each finding names both places: the words and the field they contradict.

Shapes, not phrases: a fee is recognised by the words of its own ``name`` ("free delivery"
beside a fee named "Tracked delivery"), the offer by the last word of its title ("our audit
is free" of a "Garden audit"), a price figure by the amounts the page computes.

Markdown pages that link to an offer (:mod:`.page_facts`, where the scope is spelled out):
the block with the link (a paragraph, list item, table row or heading; where it links to
several offers, the sentence with the link) and the link's text are read as the offer's title
and summary; a block in a section whose links all go to the offer, as its details; nothing
else. So one offer's "free" is never another's. The rules run where the YAML is read: the
build and ``honest-offers check`` on a site; the check of a built folder has no YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from honest_offers.check.caches import released_at_exit
from honest_offers.check.normalize import case_blind_lower, digit_shape
from honest_offers.check.registry import Rule, RuleDoc, register
from honest_offers.check.text import fast_source
from honest_offers.load.yaml_source import PathKey

if TYPE_CHECKING:  # the offer model (pydantic) loads only where offers are read
    from honest_offers.validate.model import Fee, Offer


ON_PAGES = (
    " On a Markdown page that links to the offer, the same holds for the paragraph, list item "
    "or table row with the link (the sentence, where it links to several offers) and, as for "
    "`details`, for a section whose links all go to this offer: write there only what the "
    "offer's YAML says."
)
"""The scope of the rules on pages, in each rule's honest alternative."""


FREE = register(
    Rule(
        code="HO701",
        name="free-but-priced",
        summary="The offer, or a part of it that carries a fee, called free.",
        message="called free, but the offer's facts say otherwise: “{text}”",
        doc=RuleDoc(
            why=(
                "A price of zero is the strongest claim a page can make. UCPD Annex I point 20 "
                "bans describing a product as `free` if the reader has to pay anything "
                "beyond the unavoidable cost of responding and collecting; a free part whose "
                "fee is listed in the total is the same claim in small."
            ),
            bad=(
                "`title: Free consultation` with `price.amount: 120`; `Free delivery` beside "
                "the fee `Tracked delivery` in `price.fees`; `Our audit is free: [book "
                "it](offers/audit/)` on a blog page, with the audit's `price.amount: 120`."
            ),
            honest=(
                "Let the page state the price: the theme shows `price.amount` and every fee "
                "as one total. If a part really costs nothing, remove its fee from "
                "`price.fees`; if the offer is free, write `amount: 0`." + ON_PAGES
            ),
        ),
    )
)

FEES_DENIED = register(
    Rule(
        code="HO702",
        name="fees-denied",
        summary="A claim of no fees, no extras or all-inclusive beside listed fees.",
        message="denies fees that the offer lists: “{text}”",
        doc=RuleDoc(
            why=(
                "Drip pricing hides compulsory charges until late; denying them outright "
                "(`no hidden fees`, `no setup fee`, `all inclusive`) while charging them is "
                "a false statement about the price (UCPD Art. 6(1)(d); the EU Consumer Rights "
                "Directive Art. 6(1)(e) asks for every additional charge)."
            ),
            bad="`No hidden fees, no setup fee.` with a fee `Setup` in `price.fees`.",
            honest=(
                "List each fee in `price.fees` and let the theme show the total; say in words "
                "only what is true of the fees, e.g. `The setup fee is charged once.`" + ON_PAGES
            ),
        ),
    )
)

TAXES = register(
    Rule(
        code="HO703",
        name="tax-claim-contradicts",
        summary="Words about tax that contradict `price.taxes_included`.",
        message="says the opposite of taxes_included: “{text}”",
        doc=RuleDoc(
            why=(
                "Consumers must see the price including taxes (Price Indication Directive "
                "Art. 2 and 3; UCPD Art. 6(1)(d)). A page that says `incl. VAT` while VAT is "
                "added, or the reverse, misstates the price by the tax rate."
            ),
            bad="`tax_note: incl. 20% VAT` with `taxes_included: false`.",
            honest=(
                "Set `price.taxes_included` to the truth and write a `tax_note` that agrees, "
                "e.g. `Plus 20% VAT` when taxes are added." + ON_PAGES
            ),
        ),
    )
)

BILLING = register(
    Rule(
        code="HO704",
        name="billing-contradicts",
        summary="Billing words that contradict `price.billing`.",
        message="describes another billing than price.billing: “{text}”",
        doc=RuleDoc(
            why=(
                "Whether a price is paid once or every month decides what the offer costs. "
                "`Pay once, use forever` on a subscription, or `€9 a month` for a one-time "
                "price, misstates how the price is calculated (UCPD Art. 6(1)(d))."
            ),
            bad="`summary: Pay once, no subscription.` with `billing: monthly`.",
            honest=(
                "Set `price.billing` to how you really charge; the theme writes it beside the "
                "total (`per month`, `one-time payment`), so the text need not repeat it."
                + ON_PAGES
            ),
        ),
    )
)

FIGURE = register(
    Rule(
        code="HO705",
        name="price-figure-differs",
        summary="A price stated in the offer's text that the facts do not give.",
        message="a price that the offer's facts do not give: “{text}”",
        doc=RuleDoc(
            why=(
                "Two prices for one offer mean one of them is wrong, and readers anchor on "
                "the first they read (Tversky and Kahneman). The price the page states must be "
                "the one the build computes from the YAML (UCPD Art. 6(1)(d))."
            ),
            bad="`summary: Yours for only €99.` with `price.amount: 120`.",
            honest=(
                "Leave the figure to the theme, which shows `price.amount` with its fees as "
                "the total; or change `price.amount` if the figure in the text is right." + ON_PAGES
            ),
        ),
    )
)

CANCEL = register(
    Rule(
        code="HO706",
        name="cancel-anytime-contradicts",
        summary="Cancel anytime or no contract, beside terms with a minimum term or notice.",
        message="promises an easy exit that the cancellation terms do not give: “{text}”",
        doc=RuleDoc(
            why=(
                "`Cancel anytime` is a reason to sign up; a minimum term or notice period in "
                "the terms takes it back. The FTC's negative-option rule and the EU Unfair "
                "Terms Directive require the real terms to be clear before purchase."
            ),
            bad=(
                "`Cancel anytime, no contract.` with `terms.cancellation: 12-month minimum "
                "term, then one month's notice.`"
            ),
            honest=(
                "State the real terms in `terms.cancellation` and let the page show them; "
                "say `cancel anytime` only when there is no minimum term and no notice." + ON_PAGES
            ),
        ),
    )
)

REFUND = register(
    Rule(
        code="HO707",
        name="guarantee-without-refund",
        summary="A money-back promise in the text without refund terms in `terms.refund`.",
        message="a money-back promise without refund terms: “{text}”",
        doc=RuleDoc(
            why=(
                "A guarantee lowers the felt risk of buying; without its conditions the "
                "reader cannot know how to use it. UCPD Art. 6(1)(c) and (g) name the "
                "existence and conditions of a guarantee as facts that must not mislead."
            ),
            bad="`summary: Try it risk-free with our money-back guarantee.` and no `terms.refund`.",
            honest=(
                "Write the conditions in `terms.refund` (`Within 30 days, in full, by "
                "email`); the page shows them under Terms." + ON_PAGES
            ),
        ),
    )
)


TRIAL = register(
    Rule(
        code="HO708",
        name="trial-without-terms",
        summary="A trial in the text that `price.trial` does not state, or states otherwise.",
        message="a trial that the offer's facts do not state: “{text}”",
        doc=RuleDoc(
            why=(
                "A free trial that turns into a paid plan is a subscription trap when the "
                "page does not say what it becomes and when (FTC negative-option rule; the "
                "EU Consumer Rights Directive Art. 6(1)(e) and (o)). Its length and the price "
                "after it are facts."
            ),
            bad="`summary: Start your 30-day free trial today.` and no `price.trial`.",
            honest=(
                "Declare it: `price.trial` with `days: 30` (and `amount` if it is not free); "
                "the page says `The first 30 days are free; then the price is €19.00 per "
                "month.`" + ON_PAGES
            ),
        ),
    )
)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Words in the offer's text (``text`` at ``start:end`` of the value at ``loc``) that
    contradict the fact at ``fact``, which ``says`` what it holds."""

    rule: Rule
    loc: PathKey
    start: int
    end: int
    fact: PathKey
    says: str


# -- the offer's own texts, by where they stand --------------------------------------------------

HEAD = "head"  # title, summary, the call to action: what the offer says about itself
ITEM = "item"  # the does list
PROSE = "prose"  # details
TERMS = "terms"
TAX = "tax"  # the tax note

IN_HEAD = frozenset({HEAD})
IN_LISTS = frozenset({HEAD, ITEM})
IN_COPY = frozenset({HEAD, ITEM, PROSE})
IN_COPY_AND_TERMS = frozenset({HEAD, ITEM, PROSE, TERMS})
ANYWHERE = frozenset({HEAD, ITEM, PROSE, TERMS, TAX})
"""The kinds of text a rule reads (each set is picked out of an offer's texts once)."""

Text = tuple[PathKey, str, str, str, frozenset[str]]
"""Where a text stands, the text, its kind, the text lower-cased, and the words of
:data:`GATE_WORDS` in it (for the gates)."""


class Texts(list[Text]):
    """An offer's texts, all of them lower-cased in one string, and the gate words in any of
    them: a rule whose gate words none of them has costs one set operation."""

    lowered: str = ""
    present: frozenset[str] = frozenset()
    by_kinds: dict[frozenset[str], list[Text]]

    def of_kinds(self, kinds: frozenset[str]) -> list[Text]:
        """The texts of ``kinds``, in order (a rule that reads only the head skips the rest)."""
        found = self.by_kinds.get(kinds)
        if found is None:
            found = self.by_kinds[kinds] = [text for text in self if text[2] in kinds]
        return found


def _texts(offer: Offer) -> Texts:
    texts: list[tuple[PathKey, str, str]] = [
        (("title",), offer.title, HEAD),
        (("summary",), offer.summary, HEAD),
    ]
    if offer.cta is not None:
        texts.append((("cta", "label"), offer.cta.label, HEAD))
    texts += [(("does", i), item, ITEM) for i, item in enumerate(offer.does)]
    if offer.details:
        texts.append((("details",), offer.details, PROSE))
    if offer.terms is not None:
        for name in ("refund", "cancellation", "guarantee"):
            value = getattr(offer.terms, name)
            if value:
                texts.append((("terms", name), value, TERMS))
    if offer.price.tax_note:
        texts.append((("price", "tax_note"), offer.price.tax_note, TAX))
    return texts_of(texts)


def texts_of(texts: Iterable[tuple[PathKey, str, str]]) -> Texts:
    """Texts to check, each with where it stands and its kind (:data:`HEAD`, :data:`ITEM`,
    :data:`PROSE`, :data:`TERMS`, :data:`TAX`): an offer's own, or a page's words about it."""
    found = Texts()
    found.by_kinds = {}
    for loc, value, kind in texts:
        lower = value.lower()
        found.append((loc, value, kind, lower, _present(lower)))
    found.lowered = "\n".join(text[3] for text in found)
    found.present = frozenset().union(*(text[4] for text in found))
    return found


@lru_cache(maxsize=65_536)
def _present(lower: str) -> frozenset[str]:
    """The words of :data:`GATE_WORDS` in ``lower``; catalogues repeat their texts (terms,
    tax notes, labels) from offer to offer, so each is looked at once, and texts that differ
    only in their digits ("Delivery: £4.90", "Delivery: £5.20") once per shape: no gate word
    holds a digit, so a digit neither makes nor breaks one."""
    shape = digit_shape(lower)
    found = _PRESENT_BY_SHAPE.get(shape)
    if found is None:
        found = frozenset(filter(lower.__contains__, _GATE_TEXTS))
        if _DIGIT.search(lower):
            found = found.union(DIGITS)
        if len(_PRESENT_BY_SHAPE) >= _SHAPES_MAX:
            _PRESENT_BY_SHAPE.clear()
        _PRESENT_BY_SHAPE[shape] = found
    return found


_PRESENT_BY_SHAPE: dict[bytes, frozenset[str]] = {}
""":func:`_present` by the shape of the text (:func:`.normalize.digit_shape`)."""
_SHAPES_MAX = 65_536


released_at_exit(_present.cache_clear)
released_at_exit(_PRESENT_BY_SHAPE.clear)


def _matches(
    pattern: re.Pattern[str],
    texts: Texts,
    kinds: frozenset[str],
    gate: tuple[str, ...],
    needs: re.Pattern[str] | None = None,
) -> list[tuple[PathKey, re.Match[str]]]:
    """Matches of ``pattern`` in the texts of ``kinds`` that contain one of ``gate`` (lower
    case) and, if given, a match of ``needs`` (a lower-case pattern): the gate is a set
    operation (for the words of a fee's or the offer's name, a substring test); matching an
    offer's details takes a millisecond. A list, not a generator: most calls find nothing."""
    found: list[tuple[PathKey, re.Match[str]]] = []
    words = _gate(gate)
    if words is None:  # a word of a name (a fee's, the offer's), not known in advance
        (word,) = gate
        if word not in texts.lowered:
            return found
        for loc, value, _, lower, _ in texts.of_kinds(kinds):
            if word in lower and (needs is None or needs.search(lower)):
                found += [(loc, match) for match in finditer_lowered(pattern, value, lower)]
    elif not texts.present.isdisjoint(words):
        for loc, value, _, lower, present in texts.of_kinds(kinds):
            if not present.isdisjoint(words) and (needs is None or needs.search(lower)):
                found += [(loc, match) for match in finditer_lowered(pattern, value, lower)]
    return found


def finditer_lowered(
    pattern: re.Pattern[str], value: str, lower: str | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (written in lower case, matched ignoring case) in ``value``,
    found in its lower-cased form ``lower`` where that keeps the offsets: a case-sensitive
    search led by the characters a match can start with (:func:`.text.fast_source`) is
    several times faster than matching ignoring case."""
    fast = _lowered(pattern)
    if fast is not None:
        lower = case_blind_lower(value, lower)
        if lower is not None:
            return fast.finditer(lower)
    return pattern.finditer(value)


@cache
def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` for lower-cased text, led by its first characters; ``None`` for a pattern
    that does not ignore case (it is used as it is)."""
    if not pattern.flags & re.IGNORECASE:
        return None
    return re.compile(fast_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)


@cache
def _gate(words: tuple[str, ...]) -> frozenset[str] | None:
    """``words`` as a set, if they are all :data:`GATE_WORDS` (known to :func:`_present`);
    ``None`` for one word of a name."""
    gate = frozenset(words)
    return gate if gate <= GATE_WORDS else None


DIGITS = ("0-9",)
"""The gate of a rule that needs a digit (one search for any of them: :func:`_present`)."""
_DIGIT = re.compile(r"\d")


def contradictions(offer: Offer, texts: Texts | None = None) -> list[Contradiction]:
    """Every place where the offer's words (or ``texts`` about it: a page's) contradict its
    facts, in the order of the rules."""
    texts = _texts(offer) if texts is None else texts
    found: list[Contradiction] = []
    for check in CHECKS:
        found.extend(check(offer, texts))
    return found


# -- HO701 free ---------------------------------------------------------------------------------

_FREE_OFFER = re.compile(
    r"^free\b|\bfor free\b|\bfree of charge\b|\bat no (?:cost|charge)\b|\bcosts? nothing\b"
    r"|\b(?:completely|totally|entirely|absolutely|100 ?%) free\b|\bno cost to you\b",
    re.I,
)
"""The offer as a whole called free (in its title, summary or call to action)."""
_FREE_GATE = ("free", "no ", "nothing")

_FEE_WORD_STOP = frozenset(
    re.findall(
        r"\w+",
        "fee fees charge charges cost costs price the and for with from per one each your our "
        "first only plus extra additional mandatory",
    )
)


@lru_cache(maxsize=4096)
def _fee_words(name: str) -> tuple[str, ...]:
    """The words that name what a fee pays for: "Tracked delivery" → tracked, delivery
    (catalogues name the same fees, and titles the same products, offer after offer)."""
    words = re.findall(r"[^\W\d_]{4,}", name.lower())
    return tuple(w for w in words if w not in _FEE_WORD_STOP)


def _lists_fee(fee: Fee, currency: str) -> str:
    """What a fee's field says, for a finding's message (made only for a finding)."""
    return f"lists the fee “{fee.name}” ({fee.amount} {currency})"


@cache
def _free_part(word: str) -> re.Pattern[str]:
    w = re.escape(word)
    return re.compile(
        rf"\b(?:free|complimentary) (?:[\w-]+ )?{w}s?\b"
        rf"|\b{w}s? (?:is |are )?(?:free of charge|for free|at no (?:extra |additional )?"
        rf"(?:cost|charge)|free)\b",
        re.I,
    )


_FREE_PART_NEEDS = re.compile("free|complimentary|cost|charge")
"""A word every match of :func:`_free_part` holds: a text that names the fee's word but none
of these is not searched."""


def _free(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    price = offer.price
    if price.per_payment > 0:
        yield from _called_free(offer, texts)
    for index, fee in enumerate(price.fees):
        if fee.amount <= 0:
            continue
        for word in _fee_words(fee.name):
            free = _free_part(word)
            for loc, match in _matches(free, texts, IN_COPY, (word,), _FREE_PART_NEEDS):
                fact = ("price", "fees", index, "name")
                says = _lists_fee(fee, price.currency)
                yield Contradiction(FREE, loc, match.start(), match.end(), fact, says)


def _called_free(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    """The offer called free (in its title, summary, call to action, or a page's words that
    link to it): as a whole, or by its name ("our audit is free" of a "Garden audit")."""
    price = offer.price
    says = f"is {price.amount} {price.currency}"
    found: set[tuple[PathKey, int]] = set()
    for loc, match in _matches(_FREE_OFFER, texts, IN_HEAD, _FREE_GATE):
        found.add((loc, match.start()))
        yield Contradiction(FREE, loc, match.start(), match.end(), ("price", "amount"), says)
    name = _fee_words(offer.title)[-1:]  # the head noun: the last word (a "Garden audit")
    for word in name:
        for loc, match in _matches(_free_part(word), texts, IN_HEAD, (word,), _FREE_PART_NEEDS):
            if not any(loc == at and match.start() <= start < match.end() for at, start in found):
                fact = ("price", "amount")
                yield Contradiction(FREE, loc, match.start(), match.end(), fact, says)


# -- HO702 fees denied ----------------------------------------------------------------------------

_NO_FEES = re.compile(
    r"\b(?:(?<!\bat )no (?:hidden |extra |additional |other |surprise |further )?"
    r"(?:fees?|charges?|costs?)\b(?! (?:to|for) (?:cancel|move|change|reschedul))"
    r"|all[- ]inclusive\b|nothing (?:extra|else|more) to pay\b|fee[- ]free\b)",
    re.I,
)
_NO_FEES_GATE = ("no ", "inclusive", "nothing", "fee-free", "fee free")
"""One ``\\b`` before the branches: tried at word starts only (a look behind first was
tried at every character)."""


_NO_FEE_FOR_NEEDS = re.compile("no |waived")
"""Words every match of :func:`_no_fee_for` holds (see :data:`_FREE_PART_NEEDS`)."""


@cache
def _no_fee_for(word: str) -> re.Pattern[str]:
    w = re.escape(word)
    return re.compile(
        rf"\bno {w} (?:fees?|charges?|costs?)\b|\b{w} fees? (?:is |are )?waived\b", re.I
    )


def _fees_denied(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    fees = [(i, fee) for i, fee in enumerate(offer.price.fees) if fee.amount > 0]
    if not fees:
        return
    kinds = IN_COPY_AND_TERMS
    currency = offer.price.currency
    index, first = fees[0]
    for loc, match in _matches(_NO_FEES, texts, kinds, _NO_FEES_GATE):
        fact = ("price", "fees", index, "name")
        says = _lists_fee(first, currency)
        yield Contradiction(FEES_DENIED, loc, match.start(), match.end(), fact, says)
    for index, fee in fees:
        for word in _fee_words(fee.name):
            no_fee = _no_fee_for(word)
            for loc, match in _matches(no_fee, texts, kinds, (word,), _NO_FEE_FOR_NEEDS):
                fact = ("price", "fees", index, "name")
                says = _lists_fee(fee, currency)
                yield Contradiction(FEES_DENIED, loc, match.start(), match.end(), fact, says)


# -- HO703 taxes ----------------------------------------------------------------------------------

_TAX = r"(?:vat|gst|hst|sales tax(?:es)?|taxes|tax|mwst\.?|ust\.?|iva|tva)"
_RATE = r"(?:\d+(?:[.,]\d+)? ?% )?"
_TAX_GATE = ("vat", "tax", "gst", "hst", "mwst", "ust", "iva", "tva")
_TAX_INCLUDED = re.compile(
    rf"\b(?:incl\.?|including|includes|included|inclusive of|inc\.) {_RATE}{_TAX}\b"
    rf"|\b{_TAX} (?:is |are )?(?:already )?included\b|\btax[- ]inclusive\b",
    re.I,
)
_TAX_ADDED = re.compile(
    rf"(?:\b(?:excl\.?|excluding|exclusive of|plus|before|ex\.?)|\+) ?{_RATE}{_TAX}\b"
    rf"|\b{_TAX} (?:is |are )?not included\b|\bnot including {_TAX}\b|\bexcl\. tax\b",
    re.I,
)


def _taxes(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    included = offer.price.taxes_included
    pattern = _TAX_ADDED if included else _TAX_INCLUDED
    says = f"is {'true' if included else 'false'}"
    for loc, match in _matches(pattern, texts, ANYWHERE, _TAX_GATE):
        fact = ("price", "taxes_included")
        yield Contradiction(TAXES, loc, match.start(), match.end(), fact, says)


# -- HO704 billing and HO705 price figures ---------------------------------------------------------

_CODES = r"(?:usd|eur|gbp|chf|cad|aud|nzd|jpy|sek|nok|dkk)"
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_MONEY = (
    rf"(?:(?P<sym>[$€£¥₹]|\b{_CODES}\b) ?(?P<num>\d[\d,.']*\d|\d)"
    rf"|(?P<num2>\d[\d,.']*\d|\d) ?(?P<sym2>[$€£]|\b{_CODES}\b|euros?\b))"
)
_UNITS: dict[str, str] = {
    "week": "weekly",
    "wk": "weekly",
    "month": "monthly",
    "mo": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
    "yr": "yearly",
    "hour": "per-hour",
    "hr": "per-hour",
    "day": "per-day",
    "session": "per-session",
    "person": "per-person",
}
_PRICE_PER = re.compile(
    rf"{_MONEY} ?(?:per|a|an|each|/) ?(?P<unit>{'|'.join(_UNITS)})\b",
    re.I,
)
_PER_UNIT = re.compile(rf"(?:per|an?|each|/) ?(?:{'|'.join(_UNITS)})\b")
"""What every match of :data:`_PRICE_PER` holds, and most texts with a figure do not: a
search (in the lower-cased text) led by four characters, before the one led by any figure."""
_PAID_ONCE = re.compile(
    r"\b(?:one[- ]time (?:payment|fee|price|purchase)|pay(?:ment)? once|one[- ]off (?:payment|"
    r"price|fee)|lifetime (?:access|licen[cs]e|deal|plan)|(?<!a )no subscription|never pay again|"
    r"no (?:monthly|recurring|yearly|annual) (?:fees?|payments?|charges?))\b",
    re.I,
)
_BILLING_GATE = ("one", "once", "lifetime", "subscription", "never", "no ", "ly ", "annual")
_PAID_AGAIN = re.compile(
    r"\b(?:monthly|yearly|annual|weekly|quarterly) (?:subscription|payments?|plan|billing|fee)\b"
    r"|(?<!\bno )\bsubscription\b",
    re.I,
)


def _billing(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    billing = offer.price.billing
    says = f"is {billing.value}"
    fact: PathKey = ("price", "billing")
    for loc, match in _matches(_PRICE_PER, texts, IN_LISTS, DIGITS, _PER_UNIT):
        unit = match.group("unit").lower()
        if _UNITS.get(unit) != billing.value and _currency_of(match) in (
            None,
            offer.price.currency,
        ):
            yield Contradiction(BILLING, loc, match.start(), match.end(), fact, says)
    wrong = (
        _PAID_ONCE if billing.recurring else _PAID_AGAIN if billing.value == "one-time" else None
    )
    if wrong is not None:
        for loc, match in _matches(wrong, texts, IN_LISTS, _BILLING_GATE):
            yield Contradiction(BILLING, loc, match.start(), match.end(), fact, says)


_STATED_PRICE = re.compile(
    rf"\b(?:costs?|price is|priced at|(?:for|pay|pays|just|only)(?: only| just)?) :?{_MONEY}"
    r"(?![\d,.']?\d)(?! ?(?:(?:per|a|an|each|for) )?(?:extra|additional|more|less|off|on top)\b)",
    re.I,
)
"""A figure stated as the offer's price, in its title, summary or call to action (the does
list and the details often price add-ons); "for €15 extra" prices something else."""


def _figures(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    price = offer.price
    shown: set[Decimal] | None = None  # worked out at the first stated figure
    for loc, match in _matches(_STATED_PRICE, texts, IN_HEAD, DIGITS):
        if _currency_of(match) not in (None, price.currency):
            continue
        value = _number(match.group("num") or match.group("num2"))
        shown = _amounts_shown(offer) if shown is None else shown
        if value is not None and value not in shown:
            start = match.start("sym") if match.group("sym") else match.start("num2")
            says = f"is {price.amount} {price.currency}" + (
                f", {price.per_payment} with fees" if price.per_payment != price.amount else ""
            )
            yield Contradiction(FIGURE, loc, start, match.end(), ("price", "amount"), says)


def _amounts_shown(offer: Offer) -> set[Decimal]:
    """Every amount the page states as this offer's price: the amount, the totals with fees,
    a reduced or announced price, the price after a standing discount."""
    price = offer.price
    extra = price.per_payment - price.amount
    bases = {price.amount}
    if price.reduction is not None:
        bases.add(price.reduction.amount)
    if price.change is not None:
        bases.add(price.change.amount)
    for discount in offer.discounts:
        if discount.percent is not None:
            bases.add(price.amount * (100 - discount.percent) / 100)
        elif discount.amount is not None:
            bases.add(price.amount - discount.amount)
    shown = (
        bases | {b + extra for b in bases} | {b + price.first_payment - price.amount for b in bases}
    )
    return {amount.quantize(Decimal("0.01")) for amount in shown}


def _currency_of(match: re.Match[str]) -> str | None:
    symbol = (match.group("sym") or match.group("sym2") or "").lower()
    if symbol.startswith("euro"):
        return "EUR"
    return _SYMBOLS.get(symbol) or (symbol.upper() if symbol.isalpha() else None)


def _number(text: str) -> Decimal | None:
    """``1,290.50``, ``1.290,50``, ``1'290`` and ``49`` as amounts (two decimals)."""
    text = text.replace("'", "")
    last = max(text.rfind(","), text.rfind("."))
    if last != -1 and len(text) - last - 1 != 3:
        whole, cents = text[:last], text[last + 1 :]
        text = re.sub(r"[,.]", "", whole) + "." + cents
    else:
        text = re.sub(r"[,.]", "", text)
    try:
        return Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


# -- HO706 cancel anytime and HO707 money back ----------------------------------------------------

_EASY_EXIT = re.compile(
    r"\bcancel(?:lable)? (?:at )?any ?time\b|\bcancel whenever\b"
    r"|\bno (?:long[- ]term |minimum |fixed[- ]term )?(?:contract|commitment|lock[- ]in|tie[- ]in|"
    r"minimum term)s?\b",
    re.I,
)
_MINIMUM_TERM = re.compile(
    r"\bminimum (?:term|period|contract|duration|of \d+)|\b\d+[- ]?(?:days?|weeks?|months?|years?)"
    r"(?:'|\u2019)?s? (?:written )?notice\b"
    r"|\b(?:one|two|three|six|a) (?:weeks?|months?)(?:'|\u2019)?s? notice\b"
    r"|\bnotice (?:period|of (?:\d+|one|two|three|six))\b|\b\d+[- ]month (?:contract|term|"
    r"commitment)\b|\bannual (?:contract|commitment)\b|\bfixed[- ]term\b|\bnon[- ]cancell?able\b"
    r"|\bcannot be cancell?ed\b",
    re.I,
)


def _cancel(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    terms = offer.terms
    cancellation = terms.cancellation if terms is not None else None
    condition = _MINIMUM_TERM.search(cancellation) if cancellation else None
    if condition is None:
        return
    says = f"says “{condition.group(0)}”"
    for loc, match in _matches(_EASY_EXIT, texts, IN_COPY, _EASY_EXIT_GATE):
        fact = ("terms", "cancellation")
        yield Contradiction(CANCEL, loc, match.start(), match.end(), fact, says)


_EASY_EXIT_GATE = ("cancel", "no ")
_MONEY_BACK_GATE = ("money", "refund", "risk")
_MONEY_BACK = re.compile(
    r"\bmoney[- ]back\b|\b(?:full|100 ?%) refund\b|\brefunded in full\b|\brisk[- ]free\b"
    r"|\byour money back\b",
    re.I,
)


def _refund(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    if offer.terms is not None and offer.terms.refund:
        return
    for loc, match in _matches(_MONEY_BACK, texts, IN_COPY, _MONEY_BACK_GATE):
        yield Contradiction(
            REFUND, loc, match.start(), match.end(), ("terms", "refund"), "is not there"
        )


_TRIAL = re.compile(
    r"\b(?:free )?trial(?: period)?\b|\btry (?:it |us )?(?:for )?free\b",
    re.I,
)
_TRIAL_GATE = ("trial", "try")
_TRIAL_DAYS = re.compile(r"\b(\d+)[- ](?:days?|day free) (?:free )?trial\b", re.I)


def _trial(offer: Offer, texts: Texts) -> Iterator[Contradiction]:
    """A trial named in the text needs `price.trial`; a length in the text must be its."""
    trial = offer.price.trial
    kinds = IN_COPY
    if trial is None:
        for loc, match in _matches(_TRIAL, texts, kinds, _TRIAL_GATE):
            yield Contradiction(
                TRIAL, loc, match.start(), match.end(), ("price", "trial"), "is not there"
            )
        return
    says = f"is {trial.days} days"
    for loc, match in _matches(_TRIAL_DAYS, texts, kinds, _TRIAL_GATE[:1]):
        if int(match.group(1)) != trial.days:
            fact = ("price", "trial", "days")
            yield Contradiction(TRIAL, loc, match.start(), match.end(), fact, says)


CHECKS = (_free, _fees_denied, _taxes, _billing, _figures, _cancel, _refund, _trial)

GATE_WORDS = frozenset(
    (
        *_FREE_GATE,
        *_NO_FEES_GATE,
        *_TAX_GATE,
        *DIGITS,
        *_BILLING_GATE,
        *_EASY_EXIT_GATE,
        *_MONEY_BACK_GATE,
        *_TRIAL_GATE,
    )
)
"""Every word a rule's gate names (the words of a fee's or the offer's name aside): which of
them a text holds is found once per text (:func:`_present`)."""
_GATE_TEXTS = GATE_WORDS.difference(DIGITS)
"""The gate words looked for as they are written."""
