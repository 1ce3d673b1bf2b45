"""The catalogue: vendors of countdowns, fake-activity toasts, spin-to-win wheels and exit
pop-ups, and open-source countdown libraries.

Data first: each entry lists how a page shows it uses it — the hosts its loader comes from,
class prefixes of its widgets, attribute markers, globals, and for libraries the module names
it is imported by, its jQuery plugin methods, API calls and events. Each entry maps to one
rule: a countdown ``library`` to the countdown rules (HO611 in code, HO601 in markup);
``mixed`` vendors also sell harmless widgets, so they are a warning (HO610) for a person to
look at; the other vendors are errors (HO609).
Sources: the research catalogue §1.B (Mathur et al. 2019 provider list, embed snippets,
filter lists of spades-ux-shield and hayattcodes/dark-pattern-detector); the libraries'
own documentation for their module names, plugin methods and events; for countdown images,
the image hosts of the services' embed codes (``i.countdownmail.com/<id>.gif``,
``gen.sendtric.com/countdown/<id>``, ``s.mmgo.io/t/<id>``) as public pages use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from honest_offers.check.markup_rules import (
    COUNTDOWN_MARKUP,
    COUNTDOWN_SCRIPT,
    MIXED_VENDOR,
    PRESSURE_VENDOR,
)
from honest_offers.check.normalize import case_blind_lower
from honest_offers.check.registry import Rule


@dataclass(frozen=True, slots=True)
class Vendor:
    name: str
    sells: str
    domains: tuple[str, ...] = ()
    """Registrable domains or hosts; any subdomain matches."""
    host_words: tuple[str, ...] = ()
    """A host label that starts with one of these (hosts not verified, e.g. ``wheelio-app``)."""
    paths: tuple[str, ...] = ()
    """Path fragments of self-hosted plugins (WordPress)."""
    class_prefixes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    globals: tuple[str, ...] = ()
    """Global names a script sets or reads (``window.essentialCountdownTimerConfigs``)."""
    imports: tuple[str, ...] = ()
    """Module names: ``import … from "x"``, ``require("x")``, ``import("x")`` (also ``x/…``)."""
    plugins: tuple[str, ...] = ()
    """jQuery plugin methods: ``$("#clock").countdown(…)``."""
    calls: tuple[str, ...] = ()
    """Global functions and constructors, or API paths: ``new FlipDown(…)``,
    ``Tick.count.down(…)``."""
    events: tuple[str, ...] = ()
    """Events of its own: ``.on("update.countdown", …)``."""
    mixed: bool = False
    library: bool = False
    """An open-source countdown library rather than a service."""
    clock: bool = False
    """A library that shows clocks and stopwatches as well as countdowns: using it is a
    countdown only where the script sets one up (``countdown: true``, a time to count to)."""

    @property
    def rule(self) -> Rule:
        """The rule for using it in code (and for its hosts anywhere)."""
        if self.library:
            return COUNTDOWN_SCRIPT
        return MIXED_VENDOR if self.mixed else PRESSURE_VENDOR

    @property
    def markup_rule(self) -> Rule:
        """The rule for its widgets in markup (class names, attributes)."""
        return COUNTDOWN_MARKUP if self.library else self.rule


_WP = "/wp-content/plugins/"

VENDORS: tuple[Vendor, ...] = (
    # countdowns and deadlines
    Vendor(
        "Deadline Funnel",
        "per-visitor evergreen deadlines",
        domains=("deadlinefunnel.com",),
        attributes=(("data-scriptid", "dfunifiedcode"),),
    ),
    Vendor("Hurrify", "countdown timers", domains=("hurrifyme.com",), class_prefixes=("hurrify-",)),
    Vendor("Hurrier (Smar7)", "countdown timers", domains=("counter.smar7apps.com",)),
    Vendor(
        "Essential Countdown Timer",
        "countdown timers",
        class_prefixes=("essential-countdown",),
        globals=("essentialCountdownTimerConfigs",),
    ),
    Vendor(
        "HurryTimer",
        "countdown timers",
        paths=(f"{_WP}hurrytimer/",),
        class_prefixes=("hurrytimer-",),
    ),
    # countdown images: the server draws the time left into an animated GIF on every load,
    # embedded as a plain <img> (e-mails, landing pages) - a countdown without a script
    Vendor("Sendtric", "countdown timer images", domains=("sendtric.com",)),
    Vendor("CountdownMail", "countdown timer images", domains=("countdownmail.com",)),
    Vendor("MotionMail", "countdown timer images", domains=("motionmailapp.com", "mmgo.io")),
    Vendor("Email Timers", "countdown timer images", domains=("emailtimers.com", "mailtimers.com")),
    Vendor(
        "NiftyImages",
        "personalised images incl. countdown timers",
        domains=("niftyimages.com",),
        mixed=True,
    ),
    Vendor("POWR", "widgets incl. countdown timers", domains=("powr.io",), mixed=True),
    Vendor(
        "Elfsight",
        "widgets incl. countdown timers and pop-ups",
        domains=("elfsight.com", "elfsightcdn.com"),
        class_prefixes=("elfsight-app-",),
        mixed=True,
    ),
    Vendor(
        "Hextom",
        "bars incl. countdown bars",
        domains=("hextom.com",),
        class_prefixes=("hextom-",),
        mixed=True,
    ),
    # fake activity and social-proof toasts
    Vendor(
        "Fomo",
        "activity notifications",
        domains=("fomo.com", "usefomo.com"),
        class_prefixes=("fomo-",),
    ),
    Vendor("ProveSource", "activity notifications", domains=("provesrc.com",)),
    Vendor("Proof", "activity notifications", domains=("useproof.com",)),
    Vendor("TrustPulse", "activity notifications", domains=("trstplse.com", "trustpulse.com")),
    Vendor("Nudgify", "activity and urgency nudges", domains=("nudgify.com",)),
    Vendor("Notifia", "activity notifications", domains=("notifia.io",)),
    Vendor("Provely", "activity notifications", domains=("provely.io",), paths=("provely-public",)),
    Vendor(
        "Convertize", "urgency and social-proof nudges", domains=("convertize.io", "convertize.com")
    ),
    Vendor("Beeketing", "sales pops and countdowns", domains=("beeketing.com",)),
    Vendor(
        "Proof Factor",
        "activity notifications",
        domains=("prooffactor.com",),
        class_prefixes=("proof-factor-",),
    ),
    Vendor(
        "Sales Pop",
        "activity notifications",
        host_words=("salespop",),
        class_prefixes=("sales-pop",),
    ),
    Vendor("Taggstar", "social-proof and urgency messages", domains=("taggstar.com",)),
    Vendor(
        "WooCommerce Notification",
        "activity notifications",
        paths=(f"{_WP}woocommerce-notification/",),
    ),
    Vendor("Fera", "reviews and social-proof pop-ups", domains=("fera.ai",), mixed=True),
    Vendor(
        "Vitals",
        "all-in-one app incl. sales pops and timers",
        domains=("getvitals.io",),
        mixed=True,
    ),
    Vendor(
        "SaleCycle", "remarketing incl. urgency overlays", domains=("salecycle.com",), mixed=True
    ),
    Vendor(
        "Qubit",
        "personalisation incl. activity tallies",
        domains=("qubitproducts.com",),
        mixed=True,
    ),
    # spin-to-win wheels
    Vendor("Wheelio", "spin-to-win wheels", host_words=("wheelio",)),
    Vendor("Spin-a-Sale", "spin-to-win wheels", host_words=("spinasale",)),
    # pop-up and personalisation platforms
    Vendor(
        "OptinMonster",
        "pop-ups incl. exit intent and countdowns",
        domains=("omappapi.com", "opmnstr.com", "optinmonster.com"),
        mixed=True,
    ),
    Vendor(
        "Privy",
        "pop-ups incl. spin wheels",
        domains=("privy.com",),
        class_prefixes=("privy-",),
        mixed=True,
    ),
    Vendor(
        "Justuno",
        "pop-ups incl. exit intent",
        domains=("justuno.com",),
        class_prefixes=("justuno-",),
        mixed=True,
    ),
    Vendor(
        "Wisepops",
        "pop-ups incl. exit intent",
        domains=("wisepops.com",),
        class_prefixes=("wisepops-",),
        mixed=True,
    ),
    Vendor("Exitbee", "exit-intent pop-ups", domains=("exitbee.com",), mixed=True),
    Vendor("Picreel", "exit-intent pop-ups", domains=("picreel.com",), mixed=True),
    Vendor(
        "Klaviyo", "e-mail sign-up pop-ups incl. countdowns", domains=("klaviyo.com",), mixed=True
    ),
    Vendor(
        "Yieldify", "personalisation incl. urgency overlays", domains=("yieldify.com",), mixed=True
    ),
    Vendor(
        "Insider",
        "personalisation incl. social-proof messages",
        domains=("useinsider.com",),
        mixed=True,
    ),
    Vendor(
        "Dynamic Yield",
        "personalisation incl. urgency messages",
        domains=("dynamicyield.com",),
        mixed=True,
    ),
)


LIBRARIES: tuple[Vendor, ...] = (
    Vendor(
        "React Countdown",
        "countdown component for React",
        imports=("react-countdown", "react-countdown-now"),
        library=True,
    ),
    Vendor(
        "React countdown components",
        "countdown components and hooks for React and React Native",
        imports=(
            "react-countdown-circle-timer",
            "react-countdown-clock",
            "react-countdown-hook",
            "react-countdown-simple",
            "react-native-countdown-component",
            "@leenguyen/react-flip-clock-countdown",
        ),
        library=True,
    ),
    Vendor(
        "Vue, Angular and Svelte countdowns",
        "countdown components",
        imports=(
            "@chenfengyuan/vue-countdown",
            "vue-countdown",
            "vue3-flip-countdown",
            "ngx-countdown",
            "svelte-countdown",
            "countdown-js",
        ),
        library=True,
    ),
    Vendor(
        "FlipClock",
        "flip-card clocks and countdowns",
        imports=("flipclock",),
        plugins=("FlipClock",),
        calls=("FlipClock", "flipClock"),
        library=True,
        clock=True,
    ),
    Vendor(
        "FlipDown",
        "flip countdown clock",
        imports=("flipdown",),
        class_prefixes=("flipdown",),
        calls=("FlipDown",),
        library=True,
    ),
    Vendor(
        "jQuery Countdown",
        "countdown plugins for jQuery (The Final Countdown, Keith Wood's Countdown)",
        imports=("jquery-countdown", "jquery.countdown", "kbw-countdown"),
        class_prefixes=("is-countdown", "countdown-row", "countdown-section"),
        plugins=("countdown",),
        events=("update.countdown", "finish.countdown", "stop.countdown"),
        library=True,
    ),
    Vendor(
        "PQINA Flip (Tick)",
        "animated flip counters and countdowns",
        imports=("@pqina/flip",),
        calls=("Tick.count.down",),
        library=True,
    ),
    Vendor(
        "simplyCountdown.js",
        "countdown timers",
        imports=("simplycountdown.js",),
        class_prefixes=("simply-countdown",),
        calls=("simplyCountdown",),
        library=True,
    ),
    Vendor(
        "TimeCircles",
        "circular countdown for jQuery",
        imports=("timecircles",),
        class_prefixes=("time_circles",),
        plugins=("TimeCircles",),
        library=True,
    ),
)
"""Open-source countdown libraries (module names as published in the npm registry)."""
CATALOGUE = VENDORS + LIBRARIES


_HOST_END = r"(?![\w-]|\.[\w-])"
"""Where a host name ends (``fomo.com/x``, not ``fomo.com.example.net`` or ``fomo.community``)."""


def _reference_pattern() -> re.Pattern[str]:
    by_domain = "|".join(re.escape(d) for v in VENDORS for d in v.domains)
    by_word = "|".join(re.escape(w) for v in VENDORS for w in v.host_words)
    by_path = "|".join(re.escape(p) for v in VENDORS for p in v.paths)
    return re.compile(
        rf"(?<![\w.-])(?:[a-z0-9-]+\.)*(?P<domain>{by_domain}){_HOST_END}"
        rf"|(?<![\w.-])(?:[a-z0-9-]+\.)*(?P<word>(?:{by_word})(?:-[a-z0-9-]*)?)\.[a-z]{{2,}}{_HOST_END}"
        rf"|(?P<path>{by_path})",
        re.IGNORECASE,
    )


_REFERENCE = _reference_pattern()
_REFERENCE_KEYS = re.compile(
    "|".join(re.escape(k.lower()) for v in VENDORS for k in (*v.domains, *v.host_words, *v.paths))
)
"""What every match of :data:`_REFERENCE` holds, in lower case: a domain, host word or path.
A text without one is not searched by that pattern, which tries every word of the text as
the start of a host name (a script's 600 KB dictionary: 120 ms, this search 10 ms). A text
whose lower case does not read as a case-blind pattern reads it is searched whole
(:func:`.normalize.case_blind_lower`)."""
_BY_KEY = {
    key.lower(): vendor
    for vendor in VENDORS
    for key in (*vendor.domains, *vendor.host_words, *vendor.paths)
}
_BY_GLOBAL = {name: v for v in CATALOGUE for name in v.globals}
_BY_IMPORT = {name: v for v in CATALOGUE for name in v.imports}
_BY_PLUGIN = {name: v for v in CATALOGUE for name in v.plugins}
_BY_CALL = {name: v for v in CATALOGUE for name in v.calls}
_BY_EVENT = {name: v for v in CATALOGUE for name in v.events}
_PREFIXES = tuple((p, v) for v in CATALOGUE for p in v.class_prefixes)
_PREFIX_STARTS = tuple(p for p, _ in _PREFIXES)
_ATTRIBUTES = {(name, value): v for v in CATALOGUE for name, value in v.attributes}
GLOBAL_NAMES = frozenset(_BY_GLOBAL)
ATTRIBUTE_NAMES = frozenset(name for name, _ in _ATTRIBUTES)
"""The attributes whose value names a vendor's widget (:func:`by_attribute`)."""
PLUGIN_NAMES = frozenset(_BY_PLUGIN)
EVENT_NAMES = frozenset(_BY_EVENT)
CALL_NAMES = frozenset(c.rsplit(".", 1)[-1] for c in _BY_CALL)
"""Last parts of the API calls (what a query looks for first)."""


def references(text: str) -> list[tuple[int, int, Vendor]]:
    """Vendor hosts and plugin paths mentioned in ``text``: (start, end, vendor)."""
    found: list[tuple[int, int, Vendor]] = []
    lower = case_blind_lower(text)
    if lower is not None and _REFERENCE_KEYS.search(lower) is None:
        return found
    for match in _REFERENCE.finditer(text):
        key = match.group(match.lastgroup or 0).lower()
        vendor = _BY_KEY.get(key) or _vendor_by_word(key)
        if vendor is not None:
            found.append((match.start(), match.end(), vendor))
    return found


def _vendor_by_word(label: str) -> Vendor | None:
    return next((v for v in VENDORS for w in v.host_words if label.startswith(w)), None)


def by_global(name: str) -> Vendor | None:
    return _BY_GLOBAL.get(name)


def by_import(module: str) -> Vendor | None:
    """The library imported as ``module`` (or a file of it: ``flipdown/dist/flipdown.js``)."""
    module = module.strip().lower()
    parts = module.split("/")
    for size in (2, 1):
        found = _BY_IMPORT.get("/".join(parts[:size]))
        if found is not None:
            return found
    return None


def by_plugin(method: str) -> Vendor | None:
    return _BY_PLUGIN.get(method)


def by_call(path: str) -> Vendor | None:
    """The entry of a called global or API path (``FlipDown``, ``window.FlipDown``,
    ``Tick.count.down``)."""
    parts = path.split(".")
    return next(
        (_BY_CALL[p] for p in (".".join(parts[i:]) for i in range(len(parts))) if p in _BY_CALL),
        None,
    )


def by_event(event: str) -> Vendor | None:
    return _BY_EVENT.get(event.strip().lower())


def by_class(class_name: str) -> Vendor | None:
    """The vendor whose widget class prefix ``class_name`` starts with."""
    lowered = class_name.lower()
    if not lowered.startswith(_PREFIX_STARTS):
        return None  # most class names: one call instead of a loop over the prefixes
    return next((v for prefix, v in _PREFIXES if lowered.startswith(prefix)), None)


def by_attribute(name: str, value: str) -> Vendor | None:
    return _ATTRIBUTES.get((name, value.strip().lower()))
