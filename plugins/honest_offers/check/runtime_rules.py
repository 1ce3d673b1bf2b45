"""HO618's rule metadata, apart from the browser check that finds it (:mod:`.runtime`).

Registering a rule must not load its engine: :mod:`honest_offers.check` imports this small
module so that HO618 is in :data:`~.registry.RULES` (for ``honest-offers rules``, the rule
pages, ``--select``, SARIF) without importing the runtime engine; the engine imports
:data:`TEXT_CHANGES` from here. The other HO6xx rules' metadata is in :mod:`.markup_rules`.
"""

from __future__ import annotations

from honest_offers.check.registry import Rule, RuleDoc, register

TEXT_CHANGES = register(
    Rule(
        code="HO618",
        name="text-changes-by-itself",
        summary=(
            "Visible text that changes by itself after the page has loaded, or from visit "
            "to visit (found in a browser: `honest-offers check --browser`)."
        ),
        message="text changes by itself: {text}",
        doc=RuleDoc(
            why=(
                "A number that ticks down or jumps while the reader is looking is a "
                "countdown or a fake activity counter, whatever the code looks like. The "
                "static rules (HO601, HO602, HO611) read markup and scripts; code built "
                "from character codes or run through `eval` gets past them, but not past "
                "a browser. A false claim that an offer lasts only a very short time is "
                "banned in all circumstances (UCPD Annex I point 7); Mathur et al. (2019) "
                "found activity counters whose numbers came from `Math.random()`. Text on "
                "an offer page should read the same every time and for everyone."
            ),
            bad=(
                '<span id="n">9:59</span>\n<script>\n'
                "var k = [115,101,116,73,110,116,101,114,118,97,108]"
                ".map(function (c) { return String.fromCharCode(c) }).join('');\n"
                "var v = 599, e = document.getElementById('n');\n"
                "window[k](function () { v--; e.firstChild.data = "
                "(v / 60 | 0) + ':' + ('0' + v % 60).slice(-2) }, 1000);\n"
                "</script>"
            ),
            honest=(
                "Write facts that stay put: a deadline as a date in the offer's YAML "
                "(`availability.next_start`), the capacity as a number. If a value really "
                "is live (places left in a booking system), show it when the page is built "
                "and say when it was counted."
            ),
        ),
    )
)
