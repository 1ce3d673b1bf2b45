"""HO6xx rules (scripts and markup): their codes, messages and docs, and the word lists they use.

Lists live here as data so that adding a class word or an add-on word needs no code.
The checks that use them are in the ``html`` package (``html/markup.py``), the ``scripts``
package, ``styles.py`` and ``vendors.py``.
Docs are Markdown on the rule pages: code and quoted tactics go in backticks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from honest_offers.check.registry import Rule, RuleDoc, register

_TIMER_LAW = (
    "A ticking clock tells the reader to decide now, and most such clocks restart for every "
    "visitor. A false claim that an offer lasts only a very short time is banned in all "
    "circumstances (UCPD Annex I point 7); the CMA's 2023 urgency letter and the FTC's 2022 "
    "dark-patterns report name countdown timers; the EU CPC sweep (2023) found fake timers on "
    "42 of 399 shops, and Mathur et al. (2019) judged 157 of 393 timers deceptive (they reset "
    "or nothing happens at zero). This project rejects every countdown, even one to a real "
    "deadline: a reader can check a date, not a ticking clock."
)
_DATED_DEADLINE = (
    "If the price really changes on a date, declare it in the offer's `price.change` "
    "(`effective`, `amount`, `reason`); the theme renders it in neutral words."
)
_NO_EXIT_TRAPS = (
    "No interstitials and no traps: let people leave. One inline, optional newsletter link "
    "is enough."
)

COUNTDOWN_MARKUP = register(
    Rule(
        code="HO601",
        name="countdown-markup",
        summary="Countdown or timer widget in the markup (component, class, id or data attribute).",
        message="countdown or timer in the markup: “{text}”",
        doc=RuleDoc(
            why=_TIMER_LAW,
            bad='<div class="countdown" data-deadline="2026-12-01T00:00:00Z"></div>',
            honest=_DATED_DEADLINE,
        ),
    )
)
ACTIVITY_MARKUP = register(
    Rule(
        code="HO602",
        name="activity-or-stock-widget",
        summary="Fake-activity toast or live stock counter in the markup.",
        message="fake-activity or stock widget in the markup: “{text}”",
        doc=RuleDoc(
            why=(
                "Pop-up toasts about other buyers and live stock counters are how invented "
                "activity and scarcity reach the page. Mathur et al. (2019) found low-stock "
                "messages the most common dark pattern (632 instances) and proved 29 activity "
                "notices fake because the counts were hard-coded or random in the page's "
                "JavaScript. UCPD Art. 6(1)(b) and Annex I points 7 and 18; FTC staff report "
                "2022; CMA urgency letter 2023; India CCPA guidelines 2023."
            ),
            bad='<div class="sales-pop-notification">Someone in Madrid just bought this</div>',
            honest=(
                "A static, dated, sourced number in the page's text, e.g. the number of "
                "customers since a year with its source, or `availability.capacity`."
            ),
        ),
    )
)
STRUCK_PRICE = register(
    Rule(
        code="HO603",
        name="struck-reference-price",
        summary="Hand-written struck-through or 'was' price.",
        message="hand-written struck-through or 'was' price: “{text}”",
        doc=RuleDoc(
            why=(
                "A seller announcing a reduction must show the lowest price of the previous 30 "
                "days (Price Indication Directive Art. 6a) and compute the discount from it (CJEU "
                "C-330/23 Aldi Süd, 2024); 16 CFR 233.1 requires a bona fide former price; the "
                "CMA's Emma Sleep case concerned former prices that few paid. A price typed "
                "into `<s>`, `<del>`, a `line-through` style or an `old-price` element has no "
                "basis the build can check."
            ),
            bad='<s class="was-price">$199</s> <strong>$99</strong>',
            honest=(
                "Show only the current price (`price.amount`); the theme sets it against the "
                "typical market range (`market_price`), never against a former price of yours."
            ),
        ),
    )
)
PRESELECTED = register(
    Rule(
        code="HO604",
        name="preselected-add-on",
        summary="Paid add-on, donation or marketing opt-in selected by default.",
        message="paid add-on or opt-in selected by default: “{text}”",
        doc=RuleDoc(
            why=(
                "Any payment beyond the main price needs the buyer's express consent; a default "
                "they must untick is not consent and the money must be refunded (Consumer "
                "Rights Directive Art. 22). Consent to marketing cannot be a pre-ticked box "
                "under the GDPR. Mathur et al. (2019) 'sneak into basket'; Gray et al. (2018) "
                "'preselection'; India CCPA 2023 'basket sneaking'."
            ),
            bad='<label><input type="checkbox" checked> Add shipping protection ($2.98)</label>',
            honest=(
                "Every add-on and opt-in starts unchecked, and the default is the cheapest "
                'choice: `<label><input type="checkbox"> Add shipping protection ($2.98, '
                "optional)</label>`."
            ),
        ),
    )
)
EXIT_TRIGGER = register(
    Rule(
        code="HO605",
        name="exit-intent",
        summary="Script that reacts to the pointer leaving the page (exit intent).",
        message="exit-intent trigger: “{text}”",
        doc=RuleDoc(
            why=(
                "Watching for the pointer to leave the window in order to throw a pop-up is "
                "nagging (Gray et al. 2018; India CCPA 2023) and persistence, which the UCPD "
                "weighs as aggressive (Arts. 8-9); DSA Art. 25(3)(b) names repeated pop-up "
                "requests as manipulative design."
            ),
            bad='document.addEventListener("mouseout", e => { if (e.clientY <= 0) open() })',
            honest=_NO_EXIT_TRAPS,
        ),
    )
)
LEAVE_PROMPT = register(
    Rule(
        code="HO606",
        name="leave-page-prompt",
        summary="beforeunload handler that asks the visitor to stay.",
        message="prompt when leaving the page: “{text}”",
        doc=RuleDoc(
            why=(
                "A browser dialog asking whether the visitor really wants to leave obstructs "
                "leaving (Gray et al. 2018 'nagging'; UCPD Arts. 8-9). Browsers allow it to "
                "protect unsaved work, which an offer page does not have."
            ),
            bad="<body onbeforeunload=\"return 'Wait! Your discount will be lost'\">",
            honest=_NO_EXIT_TRAPS,
        ),
    )
)
BACK_TRAP = register(
    Rule(
        code="HO607",
        name="back-button-trap",
        summary="popstate handler that keeps the visitor on the page or redirects them.",
        message="back-button trap: “{text}”",
        doc=RuleDoc(
            why=(
                "Pushing history entries so that Back reopens an offer or redirects is "
                "obstruction (Gray et al. 2018) and an aggressive practice under UCPD Arts. "
                "8-9; DSA Art. 25(3) names making it hard to leave as manipulative."
            ),
            bad='window.addEventListener("popstate", () => history.pushState(null, "", url))',
            honest=_NO_EXIT_TRAPS,
        ),
    )
)
TITLE_NAG = register(
    Rule(
        code="HO608",
        name="tab-title-nag",
        summary="Script that changes the tab title when the visitor looks away.",
        message="tab title changes when the visitor looks away: “{text}”",
        doc=RuleDoc(
            why=(
                "Changing the tab title to call the visitor back while they read another tab "
                "is nagging (Gray et al. 2018; India CCPA 2023) and an appeal to guilt (UCPD "
                "Arts. 8-9)."
            ),
            bad=(
                'document.addEventListener("visibilitychange", () => '
                '{ document.title = "Come back!" })'
            ),
            honest="Keep one plain page title that says what the page is.",
        ),
    )
)
PRESSURE_VENDOR = register(
    Rule(
        code="HO609",
        name="pressure-vendor",
        summary="Script or widget from a vendor whose product is timers, fake activity or prizes.",
        message="script or widget of a pressure-tactics vendor: “{text}”",
        doc=RuleDoc(
            why=(
                "Mathur et al. (2019) found 22 third parties selling dark patterns as a "
                "turnkey product: countdowns, toasts about other buyers, spin-to-win wheels. "
                "Their widgets show per-visitor deadlines and activity the page cannot vouch "
                "for (UCPD Annex I points 7 and 31; FTC staff report 2022). Countdown-image "
                "services count too: their `<img>` is redrawn with the time left at every load."
            ),
            bad='<script src="https://a.deadlinefunnel.com/unified/reactrouter.bundle.js">',
            honest=(
                "Remove the widget. Price changes (`price.change`) and capacity "
                "(`availability.capacity`) come from the offer's YAML; customer numbers are "
                "written as static, dated, sourced text."
            ),
        ),
    )
)
MIXED_VENDOR = register(
    Rule(
        code="HO610",
        name="mixed-use-vendor",
        summary="Widget platform that also sells countdowns, pop-ups or activity toasts.",
        message="widget platform that also sells timers and pop-ups, check what it shows: “{text}”",
        severity="warning",
        doc=RuleDoc(
            why=(
                "These platforms sell harmless widgets (forms, galleries, sign-up boxes) next "
                "to countdowns, exit pop-ups and activity toasts, so the host alone does not "
                "tell which one the page shows: a person has to look. Mathur et al. (2019) list "
                "several of them as dark-pattern providers."
            ),
            bad='<script src="https://apps.elfsight.com/p/platform.js" defer></script>',
            honest=(
                "Keep the widget only if it shows no countdown, pop-up or live activity; "
                "prefer plain HTML for sign-up forms."
            ),
        ),
    )
)
COUNTDOWN_SCRIPT = register(
    Rule(
        code="HO611",
        name="countdown-script",
        summary="Script that ticks a countdown on the page.",
        message="script runs a live countdown: “{text}”",
        doc=RuleDoc(
            why=_TIMER_LAW,
            bad=(
                "setInterval(() => { const s = Math.floor((end - Date.now()) / 1000); "
                "el.textContent = `${s / 60 | 0}:${String(s % 60).padStart(2, '0')}` }, 1000)"
            ),
            honest=_DATED_DEADLINE,
        ),
    )
)
EVERGREEN_DEADLINE = register(
    Rule(
        code="HO612",
        name="evergreen-deadline",
        summary="Deadline computed from the moment the page loads.",
        message="deadline computed from page load: “{text}”",
        doc=RuleDoc(
            why=(
                "An end time of `Date.now() + 15 minutes` is a new deadline for every visit, so "
                "the urgency is false by construction (UCPD Annex I point 7; the CMA's 2023 "
                "letter: offers that carry on after the clock ends mislead). Deadline "
                "Funnel-style evergreen timers work this way."
            ),
            bad="const offerDeadline = Date.now() + 15 * 60 * 1000;",
            honest=_DATED_DEADLINE,
        ),
    )
)
STORED_DEADLINE = register(
    Rule(
        code="HO613",
        name="stored-deadline",
        summary="Deadline, timer or stock kept in the visitor's browser storage or cookies.",
        message="deadline, timer or stock kept in the visitor's browser: “{text}”",
        doc=RuleDoc(
            why=(
                "A deadline or stock count saved in `localStorage`, `sessionStorage` or a "
                "cookie belongs to the visitor, not to the offer: it starts when they arrive "
                "(UCPD Annex I points 7 and 18; Mathur et al. 2019 found stock kept in "
                "`sessionStorage`)."
            ),
            bad='localStorage.setItem("offer_end", Date.now() + 600000)',
            honest=_DATED_DEADLINE,
        ),
    )
)
ROLLING_DEADLINE = register(
    Rule(
        code="HO614",
        name="rolling-deadline",
        summary="Deadline set to the end of the current day, so it comes round again daily.",
        message="deadline that rolls over every day: “{text}”",
        doc=RuleDoc(
            why=(
                "A deadline computed as today at `23:59:59` is true every day, so it is "
                "false (UCPD Annex I point 7; 16 CFR 233.5 on limited offers that are not "
                "limited; the CMA's 2023 urgency letter)."
            ),
            bad="const saleEnds = new Date(); saleEnds.setHours(23, 59, 59);",
            honest=_DATED_DEADLINE,
        ),
    )
)
TIMER_RESET = register(
    Rule(
        code="HO615",
        name="timer-reset",
        summary="Timer that starts again when it reaches zero.",
        message="timer restarts at zero: “{text}”",
        doc=RuleDoc(
            why=(
                "A countdown that resets at zero proves its deadline false; Mathur et al. "
                "(2019) judged timers deceptive for exactly this, and the CMA (2023) says "
                "offers replaced by the same deal after the clock ends mislead."
            ),
            bad=(
                "setInterval(() => { s--; if (s <= 0) s = 600; "
                "el.textContent = `${s / 60 | 0}:${s % 60}` }, 1000)"
            ),
            honest=_DATED_DEADLINE,
        ),
    )
)
RANDOM_ACTIVITY = register(
    Rule(
        code="HO616",
        name="random-activity",
        summary="Random number shown as visitors, buyers or stock.",
        message="random number shown as activity or stock: “{text}”",
        doc=RuleDoc(
            why=(
                "A visitor or buyer count made with `Math.random()` is invented; Mathur et "
                "al. (2019) proved activity notices fake exactly by finding random counts in "
                "the JavaScript. FTC staff report 2022 (false activity messages); CMA 2023; "
                "India CCPA guidelines 2023."
            ),
            bad='el.textContent = Math.floor(Math.random() * 20 + 5) + " people are viewing this"',
            honest=("A static, dated, sourced number in the page's text, or no number at all."),
        ),
    )
)
FAKE_DEPLETION = register(
    Rule(
        code="HO617",
        name="fake-depletion",
        summary="Stock or seats counted down by a timer instead of by sales.",
        message="stock counted down by a timer: “{text}”",
        doc=RuleDoc(
            why=(
                "Stock that drops on a timer is invented scarcity (UCPD Art. 6(1)(b), Annex "
                "I points 5 and 18; FTC staff report 2022 'false low-stock message'; CMA 2023)."
            ),
            bad="setInterval(() => { stock--; el.textContent = stock + ' left' }, 30000)",
            honest=(
                "The capacity from the offer's `availability.capacity`; it changes when the "
                "YAML changes and the page is rebuilt."
            ),
        ),
    )
)

FORCED_CONSENT = register(
    Rule(
        code="HO619",
        name="forced-marketing-consent",
        summary="Consent to marketing in a box that must be ticked to go on.",
        message="consent to marketing required to go on: “{text}”",
        doc=RuleDoc(
            why=(
                "A box the buyer must tick to order, sign up or download that also signs "
                "them up for newsletters, offers or partners' mail forces consent: consent "
                "is not freely given when a service depends on it (GDPR Art. 7(4), Recital "
                "43), and a request for consent must stand apart from other matters (Art. "
                "7(2); EDPB Guidelines 05/2020 on consent, 'conditionality'). Gray et al. "
                "(2018) and Mathur et al. (2019) call it 'forced action'."
            ),
            bad=(
                '<label><input type="checkbox" required> I accept the terms and want the '
                "newsletter</label>"
            ),
            honest=(
                "Ask for marketing in a box of its own, unticked and optional: "
                '`<label><input type="checkbox" name="newsletter"> Send me the monthly '
                "newsletter (optional)</label>`; a required box names only what the order "
                "needs."
            ),
        ),
    )
)
MARKETING_CONSENT = re.compile(
    r"\b(?:newsletters?|marketing|promotions?|promotional|advertis(?:ing|ements?)"
    r"|(?:special |exclusive |personali[sz]ed )?offers|deals|sms|text messages"
    r"|(?:from|with) (?:our |selected |trusted |carefully selected )*"
    r"(?:partners|third[\s-]part(?:y|ies)))\b",
    re.IGNORECASE,
)
"""What a box's label opts into that no order needs (HO619): newsletters, offers, partners'
mail. Service messages ("updates about my order") and the offer's own terms are not here."""
NO_MARKETING = re.compile(r"\b(?:no|not|never|without|don'?t|won'?t)\b[^.;!?]{0,30}$", re.I)
"""Before a marketing word: the label says there is none ("we never send marketing")."""


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (lists read better that way)."""
    return frozenset(words.split())


# -- word lists -----------------------------------------------------------------------------

BLOCK = word_set(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup "
    "hr html legend li main menu nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul button select option optgroup textarea input iframe video audio canvas "
    "object embed noscript template title"
)
"""Elements whose start and end separate text blocks (innerText puts a line break there): a
page's text and a JSX component's are read in these blocks."""

ROW_LABEL_MAX = 60
"""A table row's first cell up to this long (in characters) labels the next one: the two read
as one text, "Students and teachers: 100% off the Individual plan", as a reader takes them.
A longer first cell is a text of its own."""
TABLE_CELLS = word_set("td th")
CAPTION_MAX = 40
"""A block after a bare number, up to this long, is its caption: the two read as one text
("53 Beta spots left"), as a stat card shows them."""

VOID_ELEMENTS = word_set(
    "area base br col embed hr img input keygen link meta param source track wbr"
)
"""HTML elements without an end tag: the one list for the markup check, the browser check and
the reach of suppression markers."""

COUNTDOWN_WORDS = frozenset(
    {
        "countdown",
        "countdowns",
        "countdowntimer",
        "timer",
        "timers",
        "deadline",
        "deadlines",
        "hurrytimer",
        "urgency",
    }
)
"""Class and id words (whole words after splitting on - _ and camelCase) of countdowns.
Libraries' own class names (``flipdown``, ``time_circles``) are in the catalogue,
:mod:`.vendors`."""

COUNTDOWN_PAIRS = frozenset(
    {
        ("count", "down"),
        ("time", "left"),
        ("time", "remaining"),
        ("time", "remain"),
        ("flip", "down"),
        ("ends", "in"),
        ("expires", "in"),
        ("sale", "ends"),
        ("offer", "ends"),
    }
)
"""Adjacent word pairs in class and id names of countdowns (``count-down``, ``timeLeft``); not
``flip-clock``, which may show the time."""

COUNTDOWN_NAME_WORDS = word_set("countdown countdowns countdowntimer")
COUNTDOWN_NAME_PAIRS = frozenset(
    {("count", "down"), ("time", "left"), ("time", "remaining"), ("flip", "down")}
)
"""Words of component, element and hook names that run a countdown (``<CountdownTimer>``,
``<vue-countdown>``, ``useCountDown``); ``Timer`` alone does not: timers also count up."""
TIME_PROP_WORDS = word_set(
    "date deadline duration until end ends ending target time seconds minutes hours days "
    "expiry expires expiration remaining left"
)
"""Words of the props that give a countdown component its time (``date``, ``duration``,
``initialRemainingTime``, ``targetDate``)."""
COMPLETION_WORDS = word_set("complete completed end ended finish finished expire expired done zero")
"""Words of the handlers a countdown calls at zero (``onComplete``, ``@end``)."""
RESTART_WORDS = word_set("repeat restart loop reset")
"""Words of what starts a countdown again (``shouldRepeat: true``, ``restart()``)."""
TARGET_WORDS = word_set("to until deadline end ends expiry expires")
"""First words of the option that gives a clock library a time to count down to."""
RESTARTING_CALLS = RESTART_WORDS | {"start"}
"""Words of calls that start a countdown again from its completion handler."""

TIME_UNIT_NAMES = {
    **dict.fromkeys(word_set("days dias tage jours giorni dagen dagar dni hari gun"), "days"),
    **dict.fromkeys(
        word_set("hours hrs horas stunden heures ore uren timmar godziny jam saat"), "hours"
    ),
    **dict.fromkeys(
        word_set("minutes mins minutos minuten minuti minuter minuty menit minit dakika"),
        "minutes",
    ),
    **dict.fromkeys(
        word_set(
            "seconds secs segundos sekunden secondes secondi seconden sekunder sekundy detik saniye"
        ),
        "seconds",
    ),
}
"""Plural class and id words of a countdown read-out's boxes, by unit, in English and the
languages landing pages are often written in (Spanish and Portuguese, German, French,
Italian, Dutch, Swedish, Polish, Indonesian and Malay, Turkish); all four on one page mark a
countdown (a date picker names a ``day``, ``hour`` and ``minute``)."""
SECOND_WORDS = tuple(sorted(w for w, unit in TIME_UNIT_NAMES.items() if unit == "seconds"))
"""The words for seconds: a page without one has no countdown read-out to look for."""
ENGLISH_SECOND_WORDS = re.compile("seconds|secs")
"""The English words for seconds, found in one pass over a page."""
_ENGLISH_PAGE = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?en\b", re.IGNORECASE)


def names_seconds(html: str) -> bool:
    """Whether a page has a word for seconds: an English one in a page whose ``<html>`` says
    English, any of them elsewhere (a template, a fragment, a page in another language; a
    search for each word is quicker there than one for all of them)."""
    if _ENGLISH_PAGE.search(html, 0, 4096):
        return ENGLISH_SECOND_WORDS.search(html) is not None
    return any(word in html for word in SECOND_WORDS)


PEOPLE_AND_PLACES = word_set(
    "name names firstnames lastnames buyer buyers customer customers people persons users "
    "shoppers visitors members clients city cities location locations country countries town "
    "towns place places state states region regions purchases orders sales signups"
)
"""Words of the lists a fake activity notice picks its buyer, town or purchase from at random
(``firstNames``, ``cities``, ``recentOrders``), and of their records' keys."""

PEOPLE_WORDS = word_set(
    "name names firstname fullname username buyer buyers customer customers user users "
    "shopper shoppers visitor visitors member members client clients person people"
)
"""Last words of a value that is a person's name (``firstName``, ``p.first_name``, ``buyer``)."""
THING_WORDS = word_set(
    "product products item items file files page pages plan plans offer offers category brand "
    "course courses event events company shop store site app tag city town country"
)
"""Words of values named like people but about things (``product.name``, ``city.name``)."""

ACTIVITY_WORDS = frozenset({"fomo", "salespop", "scarcity", "lowstock", "stockcounter"})
ACTIVITY_PAIRS = frozenset(
    {
        ("sales", "pop"),
        ("sales", "popup"),
        ("purchase", "popup"),
        ("proof", "factor"),
        ("stock", "counter"),
        ("stock", "count"),
        ("stock", "left"),
        ("low", "stock"),
        ("recent", "sales"),
        ("recent", "sale"),
        ("recent", "purchase"),
        ("recent", "purchases"),
        ("recent", "buyers"),
        ("visitors", "block"),
        ("visitor", "count"),
        ("visitor", "counter"),
        ("visitors", "count"),
        ("count", "visitors"),
        ("count", "viewers"),
        ("live", "visitors"),
        ("live", "viewers"),
        ("people", "viewing"),
        ("items", "left"),
        ("sold", "count"),
        ("sold", "counter"),
        ("sales", "counter"),
        ("sales", "count"),
        ("purchase", "notification"),
        ("sales", "notification"),
    }
)
"""Class and id words of fake-activity toasts and stock counters."""

COUNTDOWN_DATA_ATTR = re.compile(
    r"data-(?:count-?down|deadline|timer|expir(?:e|es|y|ation)?"
    r"|ends?(?:[-_]?(?:date|time|datetime|timestamp|at|on))?)(?:$|[-_])"
)
"""``data-*`` attribute names that carry a countdown's end (not ``data-endpoint``)."""

ACTIVITY_DATA_ATTR = re.compile(
    r"data-(?:visitors?|viewers|live-viewers|recent-sales|stock-count(?:er)?)(?:$|[-_])"
)

PRICE_WORDS = frozenset({"price", "prices", "pricing", "amount", "cost", "money"})
REFERENCE_WORDS = frozenset(
    {
        "old",
        "was",
        "compare",
        "compared",
        "comparison",
        "strike",
        "striked",
        "strikethrough",
        "struck",
        "crossed",
        "before",
        "original",
        "former",
        "previous",
        "list",
        "rrp",
        "msrp",
    }
)
REFERENCE_CLASS_WORDS = frozenset({"rrp", "msrp", "wasprice", "oldprice", "compareat"})
"""Class names of reference prices: a price word with a reference word, ``compare-at``, or these."""

ADDON_WORDS = re.compile(
    r"\b(?:insur(?:ance|ed?)|protect(?:ion|ed)?|warrant(?:y|ies)|guarantee|care\s*plan"
    r"|donat(?:e|ion)|tips?|gift[\s-]*(?:wrap(?:ping)?|box|card)|greeting\s+card|priority"
    r"|express|expedited|newsletters?|marketing|promotions?|promotional|offers|deals|news"
    r"|updates|subscribe|subscription|auto[\s-]*renew(?:al|s)?|renews?\s+automatically"
    r"|recurring|membership|upgrade|premium|add[\s-]*ons?|extended|partners|sms|texts)\b",
    re.IGNORECASE,
)
"""Words in a pre-selected option's label that make it a paid add-on or an opt-in."""

UI_STATE_WORDS = word_set(
    "tab tabs tabbed accordion collapse collapsible nav navigation menu drawer"
)
"""Class words of checked inputs that keep UI state (CSS-only tabs, open nav sections)."""

NEGATIVE_CHOICE = re.compile(
    r"^\W*(?:no\b|none\b|without\b|don'?t\b|do\s+not\b|not\s+now\b|skip\b|decline\b)",
    re.IGNORECASE,
)
"""Labels of the empty choice ("No insurance"), which may be the default."""

_SYMBOLS = "$€£¥₹₩₽₺₪₫₴₦₱฿₡₲₵₸"
_CODES = (
    "USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|SGD|HKD"
    "|KRW|TRY|RUB|Rs|kr|zł|Kč|Ft|lei"
)
MONEY = re.compile(
    rf"(?:[{_SYMBOLS}]|(?<![A-Za-z])(?:{_CODES})\.?)\s?\d"
    rf"|\d(?:[\d.,']*\d)?\s?(?:[{_SYMBOLS}]|(?:{_CODES})(?![A-Za-z]))"
)
"""A money amount: ``$99``, ``99 €``, ``EUR 99``, ``1.299,00 kr``."""
SURCHARGE = re.compile(rf"\+\s*(?:{MONEY.pattern})")
"""An amount added on top: ``+ $9``, ``(+9 €)``."""


_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


PLACEHOLDER = "2"
"""What a value computed or printed inside a text reads as: ``"Only " + n + " left"`` in a
script and ``Only {{ n }} left`` in a template read "Only 2 left"."""
STAND_IN = "Someone"
"""What a value named for a person reads as: ``name + " just bought"`` and ``{{
buyer.first_name }} just bought`` read "Someone just bought"."""

_OWN_TIMER = re.compile(
    rb"session[-_ ]?(?:time|expir)|idle[-_ ]?time|inactiv|log[-_ ]?out|logged out|sign[-_ ]?out"
    rb"|signed out|keep[-_ ]?alive"
    rb"|\botp\b|one[-_ ]?time[-_ ](?:password|code|pin)|verification[-_ ]code|resend|re-send"
    rb"|reenviar|renvoyer|erneut senden|two[-_ ]?factor|\b2fa\b"
    rb"|\bexams?\b|\bexamination|\bquiz|auto[-_ ]?submit"
    rb"|\bpomodoro|\b(?:focus|study|work) (?:session|timer)|\bworkout"
)
"""Spellings of a timer on the visitor's own task: a session that times out (``idleTime``,
``logoutUrl``), a code to resend (``resendOtp``, "Reenviar código"), an exam or quiz, a
pomodoro or workout timer."""
_SELLING = re.compile(
    rb"\b(?:offers?|sales?|promo|deals?|discounts?|coupons?|prices?|pricing|cart|basket|checkout"
    rb"|buy|stock|hurry|limited|savings?)\b|(?:\$|\xe2\x82\xac|\xc2\xa3) ?\d"
)
"""Spellings of selling: a countdown near them may sell, whatever else it times (also an
amount after ``$``, ``€`` or ``£``, as UTF-8 bytes)."""
OWN_TIMER_RULES = frozenset(
    {"HO101", COUNTDOWN_MARKUP.code, COUNTDOWN_SCRIPT.code, EVERGREEN_DEADLINE.code}
)
"""What a countdown on the visitor's own task is not: a sales countdown, its read-out in the
text ("Time left: 0:42", HO101 of :mod:`.urgency`) or a made-up deadline (:func:`own_timer`)."""


def own_timer(lowered: bytes) -> bool:
    """Whether a page or script (its bytes in lower case) times the visitor's own task, not
    an offer: it speaks of a session timing out, a code to resend or an exam, and nowhere of
    offers, sales, prices, carts or stock ("You will be logged out in 0:42", "Resend the
    code in 0:30", "Time left: 4:59" in an exam)."""
    return bool(_OWN_TIMER.search(lowered)) and not _SELLING.search(lowered)


COUNT_NAME_WORDS = word_set(
    "n num number count counter counts total totals qty quantity stock inventory left "
    "remaining available availability sold sales sells orders purchases bought views viewers "
    "visitors watchers people likes seconds minutes hours days time spots seats places "
    "slots units tickets level levels"
)
"""Last words of a value that is a count or a time (``stock``, ``variant.inventory_quantity``,
``viewers``, ``left``, ``stockLevel``)."""


SOME_VALUE = "value"
"""What any other printed value reads as: a word, neither a count nor a name."""


def printed_value(dotted: str, length: int) -> str:
    """What a template prints for the value at ``dotted``, as its page's text reads it, in
    ``length`` characters: a number for a count or a time ("Only {{ n }} left" reads "Only 2
    left", as a script's ``"Only " + n + " left"`` does), a person's name (``{{
    buyer.first_name }}``: "Someone"), else a plain word (``{{ product.title }}``); spaces
    where the word does not fit."""
    word = named_value(dotted) or SOME_VALUE
    return word.ljust(length) if len(word) <= length else " " * length


def named_value(dotted: str) -> str | None:
    """What a value reads as by the name it has, wherever it is written (a template's output
    tag, a script's ``${…}``, a format code): :data:`PLACEHOLDER` for a count or a time,
    :data:`STAND_IN` for a person's name; None for any other."""
    if names_a_count(dotted):
        return PLACEHOLDER
    return STAND_IN if names_a_person(dotted) else None


def names_a_count(dotted: str) -> bool:
    """Whether a value's dotted path names a count or a time left (its last word does)."""
    return not COUNT_NAME_WORDS.isdisjoint(name_words(dotted.rsplit(".", 1)[-1])[-1:])


def names_a_person(dotted: str) -> bool:
    """Whether a value's dotted path names a person's name (``buyer``, ``order.first_name``;
    not ``product.name``): fake activity fills such values in."""
    parts = dotted.split(".")
    last = name_words(parts[-1])
    words = {word for part in parts for word in name_words(part)}
    return not PEOPLE_WORDS.isdisjoint(last) and THING_WORDS.isdisjoint(words)


def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of an identifier: ``countDown-timer_2`` → count, down, timer, 2."""
    return tuple(word.lower() for word in _WORD.findall(name))


_CONNECTORS = frozenset({"of", "the"})


def has_marker(
    words: tuple[str, ...], singles: frozenset[str], pairs: frozenset[tuple[str, str]]
) -> bool:
    """Whether ``words`` contain one of ``singles`` or two adjacent words forming a pair, also
    written as one word (``salespopup``, ``timeleft``); "of" and "the" between them do not
    part them (``count-of-visitors``)."""
    glued = _glued(pairs)
    if any(word in singles or word in glued for word in words):
        return True
    if any(pair in pairs for pair in pairwise(words)):
        return True
    joined = [w for w in words if w not in _CONNECTORS]
    return len(joined) < len(words) and any(pair in pairs for pair in pairwise(joined))


_SAYS_COUNT_DOWN = frozenset({("count", "down"), ("flip", "down")})


@lru_cache(maxsize=16)
def _glued(pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
    return frozenset(first + second for first, second in pairs)


def says_countdown(name: str) -> bool:
    """A name that says countdown in so many words (``FlipClockCountdown``, ``CountDown``,
    ``count-down.vue``); not ``useTimeLeft``, which may be written for what a timer has used."""
    return has_marker(name_words(name), COUNTDOWN_NAME_WORDS, _SAYS_COUNT_DOWN)


@lru_cache(maxsize=4096)
def is_countdown_name(name: str) -> bool:
    """Whether a component, element or hook name says countdown (``FlipCountdown``,
    ``vue-countdown``, ``useCountDown``); asked for every new tag of a page, of a few names."""
    words = name_words(name)
    if words[:1] == ("use",):
        words = words[1:]
    return has_marker(words, COUNTDOWN_NAME_WORDS, COUNTDOWN_NAME_PAIRS)


def gives_time(prop: str, bound: str = "") -> bool:
    """Whether a prop gives a countdown its time: by its name (``date``,
    ``:initial-remaining-time``) or by the name of the value bound to it (``:value="deadline"``,
    ``value={endsAt}``, ``[nzValue]="timeLeft"``; ``bound`` is a bound expression, never a
    literal text such as a title); a countdown's ``value`` bound to anything is its end
    (``<ElCountdown :value="value1">``, as Element Plus, Ant Design and NG-ZORRO name it)."""
    words = name_words(prop)
    if not TIME_PROP_WORDS.isdisjoint(words) or (bound and words[-1:] == ("value",)):
        return True
    return not TIME_PROP_WORDS.isdisjoint(name_words(bound))


def is_completion(handler: str) -> bool:
    """Whether a handler prop runs at zero: ``onComplete``, ``@end``, ``v-on:finish``."""
    words = name_words(handler)
    return words[:1] == ("on",) and not COMPLETION_WORDS.isdisjoint(words[1:])


def is_reference_price(class_name: str) -> bool:
    """Whether a class or id names a reference ("was", "compare at") price: ``old-price``."""
    words = name_words(class_name)
    if any(w in REFERENCE_CLASS_WORDS for w in words):
        return True
    if ("compare", "at") in pairwise(words):
        return True
    return any(w in PRICE_WORDS for w in words) and any(w in REFERENCE_WORDS for w in words)
