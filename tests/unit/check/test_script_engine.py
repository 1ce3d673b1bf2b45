"""The parser-based script engine: real-world shapes (files in tests/fixtures/scripts/), the
library catalogue in code, text with its file positions, dialects, template files, the
dependency on the markup check passed in, and properties on any input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check.finding import CheckResult, Finding
from honest_offers.check.html import nested_findings
from honest_offers.check.scripts import check_script, dialect_for
from honest_offers.check.sources import FILE_KINDS, blank_template, check_file_text
from tests.conftest import examples

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "scripts"


def fixture(name: str) -> tuple[str, list[Finding]]:
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    return text, check_file_text(text, FILE_KINDS[path.suffix], name).findings


def at(source: str, found: Finding) -> str:
    return source.split("\n")[found.line - 1][found.column - 1 :]


def script_rules(js: str, path: str = "app.js") -> set[str]:
    return {f.rule for f in check_script(js, path).findings if f.rule.startswith("HO6")}


# -- shapes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("vanilla_countdown.js", {"HO611"}),
        ("jquery_plugin.js", {"HO611"}),
        ("react_countdown.jsx", {"HO611"}),
        ("countdown_component.tsx", {"HO611", "HO601"}),
        ("animation_frame.ts", {"HO611"}),
        ("flipclock.js", {"HO611"}),
        ("toast.js", {"HO616"}),
        ("stock.liquid", {"HO617"}),
        ("Countdown.vue", {"HO611"}),
        ("honest.js", set()),
    ],
)
def test_real_world_shapes(name: str, expected: set[str]) -> None:
    _, found = fixture(name)
    assert {f.rule for f in found if f.rule.startswith("HO6")} == expected


def test_countdown_points_at_its_timer() -> None:
    text, found = fixture("vanilla_countdown.js")
    (countdown,) = [f for f in found if f.rule == "HO611"]
    assert at(text, countdown).startswith("setInterval(function () {")


def test_react_component_text_and_labels() -> None:
    text, found = fixture("react_countdown.jsx")
    by_rule = {f.rule: f for f in found}
    assert at(text, by_rule["HO401"]).startswith("No thanks, I prefer paying full price")
    assert at(text, by_rule["HO102"]).startswith("Offer ends in")
    assert at(text, by_rule["HO611"]).startswith("setInterval(() => setLeft(")


def text_rules(source: str, path: str = "Offer.jsx") -> list[tuple[str, str]]:
    """Rule and excerpt of each text finding (HO1xx-HO5xx) of a component file."""
    found = check_file_text(source, FILE_KINDS[Path(path).suffix], path).findings
    return [(f.rule, f.excerpt) for f in found if not f.rule.startswith(("HO6", "HO9"))]


@pytest.mark.parametrize(
    ("jsx", "expected"),
    [
        (
            "<p className='note'>Only <strong>{stock}</strong> left in stock</p>",
            [("HO201", "Only 2 left in stock")],
        ),
        (
            "<button onClick={close}>No thanks, <em>I prefer</em> paying full price</button>",
            [("HO401", "No thanks, I prefer paying full price")],
        ),
        (
            "<div><b>{buyer.name}</b> from <i>{buyer.city}</i> just bought <a>this</a></div>",
            [("HO302", "Someone from 2 just bought")],
        ),
        ("<p>Only <br/>a few left</p>", [("HO201", "Only a few left")]),
        # a block element or a component ends the text: each part is read on its own
        ("<div>Only <p>{stock}</p> left in stock</div>", []),
        ("<p>Only <Badge>{stock}</Badge> left in stock</p>", []),
        # the honest look-alikes, across inline elements too
        ("<p>We keep <strong>{stock}</strong> in our own warehouse.</p>", []),
        ("<button onClick={close}>No <em>thanks</em></button>", []),
    ],
)
def test_jsx_text_is_read_across_inline_elements_as_a_browser_shows_it(
    jsx: str, expected: list[tuple[str, str]]
) -> None:
    """Inline elements (``<strong>``, ``<em>``, ``<a>``, ``<br/>``) do not end a text in a
    browser, nor here: their words are read with the text around them, once."""
    source = f"export function Offer({{ stock, close, buyer }}) {{\n  return {jsx};\n}}\n"
    assert text_rules(source) == expected


def test_toast_template_text_is_read_with_its_html() -> None:
    text, found = fixture("toast.js")
    (bought,) = [f for f in found if f.rule == "HO302"]
    assert bought.line == 7
    assert at(text, bought).startswith("${b.name} from ${b.city} just bought")


def test_liquid_stock_counter_keeps_positions() -> None:
    text, found = fixture("stock.liquid")
    depletion = next(f for f in found if f.rule == "HO617")
    low_stock = next(f for f in found if f.rule == "HO201")
    assert at(text, depletion).startswith("stock--")
    assert at(text, low_stock).startswith("Only")


def test_vue_component_template_and_typescript_script() -> None:
    text, found = fixture("Countdown.vue")
    assert {f.rule for f in found} >= {"HO101", "HO611"}
    # the interpolated value reads as the number it prints: a time left, from "Hurry" on
    hurry = next(f for f in found if f.rule == "HO101")
    assert at(text, hurry).startswith("Hurry, only {{ left }} seconds left")
    library = next(f for f in found if f.excerpt == "@chenfengyuan/vue-countdown")
    assert library.rule == "HO611"


@pytest.mark.parametrize(
    "js",
    [
        # a progress bar (elapsed time, not time left)
        "const t0 = Date.now();\nsetInterval(() => {\n"
        "  const pct = Math.min(100, ((Date.now() - t0) / 60000) * 100);\n"
        "  bar.style.width = pct + '%'; label.textContent = Math.round(pct) + '%';\n}, 1000);",
        # polling that shows a server's number
        "setInterval(async () => { const r = await fetch('/queue'); "
        "n.textContent = (await r.json()).waiting; }, 5000);",
        # a stopwatch with a counter going up
        "let s = 0; setInterval(() => { s++; out.textContent = `${Math.floor(s / 60)}:"
        "${String(s % 60).padStart(2, '0')}`; }, 1000);",
        # a countdown to nothing on the page (a retry timer in the console)
        "let retry = 30; const id = setInterval(() => { retry--; if (retry === 0) "
        "{ clearInterval(id); reconnect(); } console.log(retry % 60); }, 1000);",
        # a method called countdown on something that is not jQuery
        "rocket.countdown(10); launcher.countdown = 3;",
        # a React clock
        "function Clock() { const [now, setNow] = useState(new Date());\n"
        "useEffect(() => { const id = setInterval(() => setNow(new Date()), 1000); "
        "return () => clearInterval(id); }, []);\n"
        "return <time>{now.toLocaleTimeString()}</time>; }",
    ],
)
def test_honest_timers_pass(js: str) -> None:
    assert script_rules(js, "app.jsx") == set()


# -- the catalogue in code ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("js", "excerpt"),
    [
        ('import Countdown from "react-countdown";', "react-countdown"),
        ("const FlipDown = require('flipdown/dist/flipdown.js');", "flipdown/dist/flipdown.js"),
        ('const m = await import("@pqina/flip");', "@pqina/flip"),
        ('export { default } from "ngx-countdown";', "ngx-countdown"),
        ('new FlipDown(1893456000, "flipdown").start();', "new FlipDown(1893456000,"),
        ('Tick.count.down("2030-01-01").onupdate = f;', 'Tick.count.down("2030-01-01")'),
        ('simplyCountdown(".sale", { year: 2030 });', 'simplyCountdown(".sale", { year: 2030 '),
        ('$(".clock").FlipClock(3600, { countdown: true });', '$(".clock").FlipClock(3600,'),
        ("$('#x').find('.t').countdown({ until: +7 });", "$('#x').find('.t').countdown({ until:"),
        ("$el.TimeCircles();", "$el.TimeCircles();"),
    ],
)
def test_countdown_libraries(js: str, excerpt: str) -> None:
    found = [f for f in check_script(js, "app.js").findings if f.rule == "HO611"]
    assert found, js
    assert found[0].excerpt.startswith(excerpt[:40].strip())


@pytest.mark.parametrize(
    "js",
    [
        "const t = new Timer();\nt.start({ countdown: true, startValues: { seconds: 30 } });",
        "var c = new Clock(el, { isCountDown: !0 });",
        "import { flipClock, elapsedTime } from 'flipclock';\n"
        "flipClock({ parent, face: elapsedTime({ to: new Date('2030-01-01') }) });",
        "$('.clock').FlipClock(3600, { clockFace: 'HourlyCounter', countdown: true });",
    ],
)
def test_timers_set_up_as_countdowns(js: str) -> None:
    assert script_rules(js) == {"HO611"}


@pytest.mark.parametrize(
    "js",
    [
        # a flip clock showing the time, or counting up from a date
        "import { clock, flipClock, theme } from 'flipclock';\n"
        "flipClock({ parent, face: clock(), theme: theme({ dividers: ':' }) });",
        "import { flipClock, elapsedTime } from 'flipclock';\n"
        "flipClock({ parent, face: elapsedTime({ from: new Date('2020-01-01') }) });",
        "$('.clock').FlipClock({ clockFace: 'TwelveHourClock' });",
        # a stopwatch of a timer library, and an option that says no countdown
        "const t = new Timer(); t.start({ precision: 'seconds' });",
        "t.start({ countdown: false });",
    ],
)
def test_clocks_of_clock_libraries_pass(js: str) -> None:
    assert script_rules(js) == set()


def test_jsx_markup_classes_and_data_attributes() -> None:
    js = '<div className="promo flipdown" data-deadline={end}>\n<span id="countdown" /></div>'
    found = check_script(js, "Banner.jsx").findings
    assert [(f.rule, f.line) for f in found] == [("HO601", 1), ("HO601", 2)]


# -- dialects and files ------------------------------------------------------------------


def test_dialects_by_suffix_and_attribute() -> None:
    assert dialect_for("a/b.ts") == dialect_for("x.mts") == "ts"
    assert dialect_for("C.tsx") == dialect_for(lang="tsx") == "tsx"
    assert dialect_for("a.jsx") == dialect_for("a.vue") == dialect_for(lang="module") == "js"
    assert dialect_for(lang="text/typescript") == "ts"


def test_typescript_generics_and_casts_parse() -> None:
    ts = (
        "const box = document.querySelector<HTMLElement>('#t')!;\n"
        "let left = <number>600;\n"
        "setInterval((): void => { left--; box.textContent = `${(left / 60) | 0}:${left % 60}`;"
        " }, 1000);"
    )
    assert script_rules(ts, "timer.ts") == {"HO611"}


def test_every_suffix_has_a_kind() -> None:
    suffixes = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".liquid"}
    assert suffixes | {".hbs", ".njk", ".php", ".twig", ".erb", ".ejs", ".tpl"} <= FILE_KINDS.keys()
    assert {FILE_KINDS[s] for s in (".twig", ".erb", ".ejs", ".tpl")} == {"template"}


def test_twig_and_smarty_templates() -> None:
    twig = (
        "{# badges #}\n{% if widgets.viewers is defined %}\n"
        '<div data-controller="{{ prefix }}/live-viewers">{{ count }}</div>\n{% endif %}'
    )
    (found,) = check_file_text(twig, "template", "badge.html.twig").findings
    assert (found.rule, found.line) == ("HO602", 3)
    smarty = (
        "{* banner *}\n{if $qty < 5}<p>{$qty|intval}</p>{/if}\n"
        '<p class="note">{if $x}Only 3 left in stock{/if}</p>'
    )
    (found,) = check_file_text(smarty, "template", "banner.tpl").findings
    assert found.rule == "HO201"
    assert smarty.split("\n")[2][found.column - 1 :].startswith("Only 3 left")
    assert "{$qty" not in blank_template(smarty, smarty=True)
    # outside Smarty files ``{if`` may be code: a minified script in a page
    page = "<script>function f(a){if(a)return 1}</script>"
    assert blank_template(page) == page


def test_template_syntax_is_blanked_in_place() -> None:
    page = (
        "<p><?php echo $n; ?> left</p>{{! note }}<% if (a > b) { %>\n"
        "{#if open}<b>x</b>{/if}{{{ raw }}}"
    )
    blanked = blank_template(page)
    assert len(blanked) == len(page) and blanked.count("\n") == 1
    assert "<?php" not in blanked and "{#if" not in blanked and "<%" not in blanked
    assert "<p>" in blanked and "<b>x</b>" in blanked
    vue = "<template>\n  <p>Hi</p>\n</template>\n<script>let a = 1</script>"
    assert blank_template(vue).startswith("<section >\n") and "</section >" in blank_template(vue)


@pytest.mark.parametrize(
    ("page", "path", "rule"),
    [
        ("<p>Only <?= $product->stock ?> left in stock!</p>", "offer.php", "HO201"),
        ("<p><?php echo $viewers; ?> people are viewing this</p>", "offer.php", "HO301"),
        ("<p>Only <%= @variant.inventory_quantity %> left!</p>", "show.html.erb", "HO201"),
        ("<p>Only <%- stock %> left!</p>", "offer.ejs", "HO201"),
        ("<p>Only {$product.quantity} left!</p>", "offer.tpl", "HO201"),
        ("<p><?= $order->first_name ?> just bought this</p>", "toast.php", "HO302"),
    ],
)
def test_a_tag_that_prints_a_value_reads_as_the_value(page: str, path: str, rule: str) -> None:
    """As ``{{ n }}`` does: a count reads as a number, a person's name as "Someone"."""
    assert rule in {f.rule for f in check_file_text(page, "template", path).findings}


@pytest.mark.parametrize(
    "page",
    [
        "<p>Only <?= $product->title ?> ships free.</p>",
        "<p><%= @product.name %> is back.</p>",
        '<input value="<?= $qty ?>" name="qty"> left-aligned',
    ],
)
def test_a_printed_value_that_is_no_count_reads_as_a_word(page: str) -> None:
    assert check_file_text(page, "template", "offer.php").findings == []


def test_php_template_finding_keeps_its_column() -> None:
    page = '<p class="note"><?php if ($x > 1): ?>Only 3 left in stock<?php endif; ?></p>'
    (found,) = check_file_text(page, "template", "offer.php").findings
    assert found.rule == "HO201"
    assert page[found.column - 1 :].startswith("Only 3 left")


# -- the markup check is passed in -----------------------------------------------------------


def test_importing_the_script_engine_loads_no_markup_engine() -> None:
    code = (
        "import sys, honest_offers.check.scripts; print('honest_offers.check.html' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_nested_html_goes_to_the_function_passed_in() -> None:
    calls: list[tuple[str, int, int, int]] = []

    def nested(html: str, path: str, line: int, column: int, depth: int) -> list[Finding]:
        calls.append((html, line, column, depth))
        return []

    js = "x = 1;\nbox.innerHTML = '<div class=\"countdown\">' + t + '</div>';"
    check_script(js, "a.js", nested_html=nested)
    assert calls == [('<div class="countdown">2' + " " * 8 + "</div>", 2, 18, 1)]


# -- properties --------------------------------------------------------------------------

PIECES = [
    "setInterval(",
    "setTimeout(",
    "requestAnimationFrame(",
    "() => {",
    "function f(",
    ")",
    "}",
    "{",
    "(",
    ";",
    "\n",
    " ",
    "`",
    "${",
    '"',
    "'",
    "Only 3 left",
    "<div className='countdown'>",
    "</div>",
    "<b>",
    "el.textContent = ",
    "Date.now()",
    "new Date()",
    "performance.now()",
    " - ",
    " / 1000",
    " % 60",
    "s--",
    "localStorage.setItem('offer_end', ",
    "Math.random()",
    "$('#c').countdown(",
    "import C from 'react-countdown'",
    "//",
    "/*",
    "*/",
    "/re/g",
    "é",
    "😀",
    "<T,>(x: T) => x",
    " as any",
    "\\u00e9",
]


def assert_inside(result: CheckResult, source: str, line: int = 1, column: int = 1) -> None:
    rows = source.split("\n")
    for item in result.findings + [s.finding for s in result.suppressed]:
        index = item.line - line
        assert 0 <= index < len(rows), item
        first = column - 1 if index == 0 else 0
        assert first < item.column <= first + len(rows[index]) + 1, item


@settings(max_examples=examples(200), deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=30).map("".join)),
    st.sampled_from(["a.js", "a.ts", "a.tsx", "a.jsx"]),
    st.integers(1, 40),
    st.integers(1, 20),
)
def test_engine_never_fails_and_stays_inside_the_file(
    js: str, path: str, line: int, column: int
) -> None:
    result = check_script(js, path, line=line, column=column, nested_html=nested_findings)
    assert_inside(result, js, line, column)
    assert check_script(js, path, line=line, column=column, nested_html=nested_findings) == result
