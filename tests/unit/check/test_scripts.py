"""check_script: countdowns, deadlines, fake activity, exit traps, vendors; honest scripts pass."""

from __future__ import annotations

from fnmatch import fnmatch
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honest_offers.check.finding import Finding
from honest_offers.check.html import nested_findings
from honest_offers.check.scripts import check_script, strings


def findings(js: str) -> list[Finding]:
    return check_script(js, "app.js").findings


def rules(js: str) -> set[str]:
    """Only the HO6xx codes (string text goes through the text rules, tested elsewhere)."""
    return {f.rule for f in findings(js) if f.rule.startswith("HO6")}


def at(source: str, found: Finding) -> str:
    return source.split("\n")[found.line - 1][found.column - 1 :]


# -- pressure scripts ------------------------------------------------------------------------

W3SCHOOLS_COUNTDOWN = """
var countDownDate = new Date("Jan 5, 2030 15:37:25").getTime();
var x = setInterval(function() {
  var now = new Date().getTime();
  var distance = countDownDate - now;
  var days = Math.floor(distance / (1000 * 60 * 60 * 24));
  var hours = Math.floor((distance % (1000 * 60 * 60 * 24)) / (1000 * 60 * 60));
  var minutes = Math.floor((distance % (1000 * 60 * 60)) / (1000 * 60));
  var seconds = Math.floor((distance % (1000 * 60)) / 1000);
  document.getElementById("demo").innerHTML = days + "d " + hours + "h "
  + minutes + "m " + seconds + "s ";
  if (distance < 0) {
    clearInterval(x);
    document.getElementById("demo").innerHTML = "EXPIRED";
  }
}, 1000);
"""

EVERGREEN = """
(function () {
  var KEY = "offer_deadline";
  var deadline = Number(localStorage.getItem(KEY));
  if (!deadline || deadline < Date.now()) {
    deadline = Date.now() + 15 * 60 * 1000;
    localStorage.setItem(KEY, deadline);
  }
  function render() {
    var left = Math.max(0, deadline - Date.now());
    var m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
    timer.textContent = m + ":" + String(s).padStart(2, "0");
  }
  setInterval(render, 1000);
})();
"""

RECURSIVE_TIMEOUT = """
let remaining = 10 * 60;
function tick() {
  remaining -= 1;
  if (remaining <= 0) remaining = 10 * 60;
  show(remaining);
  setTimeout(tick, 1000);
}
function show(t) {
  const m = Math.floor(t / 60);
  document.querySelector(".t").innerText = `${m}:${(t % 60).toString().padStart(2, "0")}`;
}
tick();
"""

ANIMATION_FRAME = """
const end = performance.now() + 5 * 60 * 1000;
function frame() {
  const left = end - performance.now();
  out.textContent = (left / 1000).toFixed(1);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"""

ENDS_TONIGHT = """
var end = new Date(); end.setHours(23, 59, 59, 999);
setInterval(function () {
  var d = end - new Date();
  el.textContent = Math.floor(d / 3600000) + "h " + Math.floor(d / 60000) % 60 + "m";
}, 1000);
"""

RANDOM_VIEWERS = """
const viewers = document.getElementById("viewers");
function update() {
  const n = Math.floor(Math.random() * (40 - 12 + 1)) + 12;
  viewers.textContent = n + " people are viewing this offer right now";
}
update();
setInterval(update, 8000);
"""

ACTIVITY_FEED = """
var names = ["Emma", "Liam", "Olivia", "Noah"], cities = ["Austin", "Madrid", "Lyon"];
setInterval(function () {
  var name = names[Math.floor(Math.random() * names.length)];
  var city = cities[Math.floor(Math.random() * cities.length)];
  var mins = Math.floor(Math.random() * 59) + 1;
  toast.innerHTML = "<b>" + name + "</b> from " + city + " just bought this " + mins
    + " minutes ago";
}, 12000);
"""

RANDOM_COUNTER_ELEMENT = """
document.querySelector("#live-viewer-count").textContent = 5 + Math.round(Math.random() * 20);
"""

NAMED_UNITS = """
const SECOND = 1000, MINUTE = 60 * SECOND, HOUR = 60 * MINUTE;
function paint() {
  const now = new Date().getTime();
  const gap = target - now;
  box.innerHTML = `${Math.floor(gap / HOUR)}h ${Math.floor((gap % HOUR) / MINUTE)}m`;
}
setInterval(paint, SECOND);
"""

CLOCK_HELPER = """
const clock = () => Date.now();
function loadEnd(key) {
  const stored = Number(sessionStorage.getItem(key));
  const end = stored > 0 && stored >= clock() ? stored : clock() + 4 * 3600 * 1000;
  sessionStorage.setItem("promo_end", String(end));
  return end;
}
"""

STOCK_DEPLETION = """
let stock = 14;
setInterval(() => {
  if (stock > 3) stock--;
  document.querySelector("#stock").textContent = `Only ${stock} left in stock`;
}, 45000);
"""


@pytest.mark.parametrize(
    ("js", "expected"),
    [
        (W3SCHOOLS_COUNTDOWN, {"HO611"}),
        (EVERGREEN, {"HO611", "HO612", "HO613", "HO615"}),
        (RECURSIVE_TIMEOUT, {"HO611", "HO615"}),
        (ANIMATION_FRAME, {"HO611"}),
        (ENDS_TONIGHT, {"HO611", "HO614"}),
        (RANDOM_VIEWERS, {"HO616"}),
        (ACTIVITY_FEED, {"HO616"}),
        (RANDOM_COUNTER_ELEMENT, {"HO616"}),
        (STOCK_DEPLETION, {"HO617"}),
        (NAMED_UNITS, {"HO611"}),
        (CLOCK_HELPER, {"HO613", "HO615"}),
        ('localStorage.setItem("offer_end", Date.now() + 600000)', {"HO612", "HO613"}),
        ("sessionStorage.stockLeft = 7;", {"HO613"}),
        ('document.cookie = "cd_timer=" + t + "; path=/";', {"HO613"}),
        (
            "let saved = +localStorage.end;\n"
            "let end = saved < Date.now() ? Date.now() + 9e5 : saved;",
            {"HO613", "HO615"},
        ),
        ('const promoEnd = dayjs().endOf("day");', {"HO614"}),
        # a class field, as an Angular or ES class component keeps its state
        ("class Promo { deadline = Date.now() + 1000 * 60 * 60 * 48; }", {"HO612"}),
        ("class Sale { static offerEnds = Date.now() + 36e5; }", {"HO612"}),
    ],
)
def test_pressure_scripts(js: str, expected: set[str]) -> None:
    assert rules(js) == expected


def test_countdown_points_at_the_timer_call() -> None:
    (found,) = [f for f in findings(W3SCHOOLS_COUNTDOWN) if f.rule == "HO611"]
    assert at(W3SCHOOLS_COUNTDOWN, found).startswith("setInterval(function() {")
    assert found.excerpt == "setInterval(function() {"


def test_findings_shift_with_the_script_start() -> None:
    js = "let s = 60;\nsetInterval(() => { s--; el.textContent = s % 60 }, 1000)"
    found = check_script(js, "page.html", line=20, column=9).findings
    assert [(f.rule, f.line, f.column, f.path) for f in found] == [("HO611", 21, 1, "page.html")]
    first_line = check_script(
        "setInterval(() => { s--; el.textContent = s % 60 }, 1000)", "p", line=5, column=9
    ).findings
    assert [(f.line, f.column) for f in first_line] == [(5, 9)]


@pytest.mark.parametrize(
    "js",
    [
        'document.addEventListener("mouseout", function (e) {\n'
        "  if (!e.relatedTarget && e.clientY <= 0 && !shown) { shown = true; modal.showModal(); }\n"
        "});",
        '$(document).on("mouseleave", function (e) { if (e.clientY < 10) $("#popup").show(); });',
        "function onLeave(e) { if (e.clientY <= 5) openOffer(); }\n"
        'document.documentElement.addEventListener("mouseleave", onLeave);',
        "document.onmouseout = (e) => { if (0 >= e.clientY) show(); };",
    ],
)
def test_exit_intent(js: str) -> None:
    assert rules(js) == {"HO605"}


@pytest.mark.parametrize(
    "js",
    [
        'window.addEventListener("beforeunload", function (e) { e.preventDefault(); '
        'e.returnValue = ""; });',
        'window.onbeforeunload = () => "Wait! Don\'t go";',
        '$(window).on("beforeunload", function () { return "Your discount will be lost"; });',
    ],
)
def test_leave_page_prompt(js: str) -> None:
    assert rules(js) == {"HO606"}


@pytest.mark.parametrize(
    "js",
    [
        'history.pushState(null, "", location.href);\n'
        'window.addEventListener("popstate", function () { history.pushState(null, "", '
        "location.href); openOffer(); });",
        'window.onpopstate = function () { location.href = "/special-offer"; };',
        'addEventListener("popstate", () => history.go(1));',
    ],
)
def test_back_button_trap(js: str) -> None:
    assert rules(js) == {"HO607"}


@pytest.mark.parametrize(
    "js",
    [
        "const original = document.title;\n"
        'document.addEventListener("visibilitychange", () => { document.title = '
        'document.hidden ? "Come back! 10% off" : original; });',
        'window.onblur = function () { document.title = "Your cart misses you"; };',
    ],
)
def test_tab_title_nag(js: str) -> None:
    assert rules(js) == {"HO608"}


@pytest.mark.parametrize(
    "js",
    [
        'document.getElementById("shipping-protection").checked = true;',
        '$("#add-insurance").prop("checked", true);',
        "donationBox.checked = !0;",
        'newsletterOptIn.setAttribute("checked", "");',
    ],
)
def test_script_preselects_add_on(js: str) -> None:
    assert rules(js) == {"HO604"}


@pytest.mark.parametrize(
    ("js", "rule"),
    [
        (
            '(function(d){var s=d.createElement("script");s.src="https://cdn.provesrc.com/'
            'provesrc.js";d.head.appendChild(s)})(document);',
            "HO609",
        ),
        ("window.essentialCountdownTimerConfigs = {};", "HO609"),
        ('loadScript("https://a.omappapi.com/app/js/api.min.js")', "HO610"),
    ],
)
def test_vendor_loaders(js: str, rule: str) -> None:
    assert rules(js) == {rule}


def test_vendor_points_at_the_host_in_the_string() -> None:
    js = 'var u = "https://load.fomo.com/api/v1/x/load.js";'
    (found,) = findings(js)
    assert at(js, found).startswith("load.fomo.com")


# -- text and markup inside strings ------------------------------------------------------


def test_strings_go_through_the_text_check() -> None:
    js = 'var msg = "Hurry! Only 3 left in stock";\nalert(msg);'
    found = findings(js)
    assert {f.rule for f in found} >= {"HO201"}
    for item in found:
        assert at(js, item).startswith(item.excerpt)


def test_concatenated_strings_are_joined_with_a_placeholder() -> None:
    js = 'el.textContent = "Only " + stock + " left";'
    (found,) = findings(js)
    assert found.rule == "HO201"
    assert at(js, found).startswith("Only")


def test_template_literal_is_joined() -> None:
    js = "el.textContent = `Only ${stock} left in stock`;"
    assert {f.rule for f in findings(js)} == {"HO201"}


def test_escapes_keep_positions() -> None:
    js = 'var m = "\\u00a0\\t\\"Hot\\" deal: only 3 left in stock";'
    (found,) = findings(js)
    assert found.rule == "HO201"
    assert at(js, found).startswith("only 3 left")


_ESCAPE_PIECES = st.sampled_from(
    ["\\u0e01", "\\x41", "\\u{1F600}", "\\n", "\\\r\n", "\\\n", "\\'", "\\\\", "\\", "\\u12"]
)


@given(st.lists(st.one_of(_ESCAPE_PIECES, st.text(max_size=3)), max_size=16).map("".join))
def test_unescaping_by_split_is_the_substitution(raw: str) -> None:
    """Escapes are decoded by splitting around them; each as its own substitution reads."""
    expected = strings._ESCAPE.sub(lambda m: strings._escape_value(m.group()), raw)
    assert strings._unescape(raw) == expected


def test_button_strings_are_labels() -> None:
    js = 'declineButton.textContent = "No thanks, I prefer paying full price";'
    assert "HO401" in {f.rule for f in findings(js)}


def test_html_in_a_string_is_checked_as_html() -> None:
    js = "box.innerHTML = '<div class=\"countdown\">' + t + '</div>';"
    (found,) = check_script(js, "app.js", nested_html=nested_findings).findings
    assert found.rule == "HO601"
    assert at(js, found).startswith("countdown")


def test_html_in_a_string_without_a_markup_check_is_read_as_text() -> None:
    js = "box.innerHTML = '<p class=\"note\">Only <b>' + n + '</b> left in stock</p>';"
    (found,) = findings(js)
    assert found.rule == "HO201"
    assert at(js, found).startswith("Only")


def test_comments_and_regex_literals_are_not_code_or_text() -> None:
    js = (
        "// setInterval(() => { s--; el.textContent = s % 60 }, 1000)\n"
        "/* Only 3 left in stock! */\n"
        "var re = /Only 3 left in stock/g, r2 = a / b / c;"
    )
    assert findings(js) == []


# -- obfuscation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "js",
    [
        "var a = setInterval; a(function () { s--; el.textContent = (s / 60 | 0) + ':' + s % 60 "
        "}, 1000);",
        'window["set" + "Interval"](function () { s--; el.textContent = s % 60 }, 1000);',
        "window['setInterval'](() => { s -= 1; el.innerHTML = String(s % 60).padStart(2, '0') "
        "}, 1e3);",
    ],
)
def test_renamed_timers(js: str) -> None:
    assert rules(js) == {"HO611"}


# -- honest scripts ----------------------------------------------------------------------

CLIPBOARD = """
document.querySelectorAll("button.copy").forEach((button) => {
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(button.dataset.text);
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  });
});
"""

THEME_TOGGLE = """
const toggle = document.querySelector("#dark-mode");
const saved = localStorage.getItem("theme");
if (saved === "dark") { document.body.classList.add("dark"); toggle.checked = true; }
toggle.addEventListener("change", () => {
  const dark = toggle.checked;
  document.body.classList.toggle("dark", dark);
  localStorage.setItem("theme", dark ? "dark" : "light");
});
"""

SEARCH_BOX = """
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const q = input.value.trim().toLowerCase();
    results.innerHTML = "";
    for (const page of pages.filter((p) => p.title.toLowerCase().includes(q)).slice(0, 10)) {
      const li = document.createElement("li");
      li.textContent = page.title;
      results.append(li);
    }
  }, 250);
});
"""

READING_TIME = """
const start = Date.now();
const out = document.getElementById("time-on-page");
setInterval(() => {
  const s = Math.floor((Date.now() - start) / 1000);
  out.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} reading`;
}, 1000);
let seconds = 0;
setInterval(() => { seconds++; el.textContent = Math.floor(seconds / 60) + " min so far"; }, 1e3);
"""

LAZY_LOADER = """
const io = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const img = entry.target;
    img.src = img.dataset.src;
    io.unobserve(img);
  }
}, { rootMargin: "200px" });
document.querySelectorAll("img[data-src]").forEach((img) => io.observe(img));
requestAnimationFrame(() => document.body.classList.add("ready"));
"""

LIVE_CLOCK = """
setInterval(() => {
  const d = new Date();
  clock.textContent = String(d.getHours()).padStart(2, "0") + ":"
    + String(d.getMinutes()).padStart(2, "0");
}, 1000);
"""

CAROUSEL = """
let i = 0;
setInterval(() => {
  i = (i + 1) % slides.length;
  slides.forEach((s, k) => { s.hidden = k !== i; });
  caption.textContent = captions[i];
}, 5000);
"""

COOKIE_CONSENT = """
function setCookie(name, value, days) {
  const d = new Date();
  d.setTime(d.getTime() + days * 24 * 60 * 60 * 1000);
  document.cookie = name + "=" + value + ";expires=" + d.toUTCString() + ";path=/";
}
setCookie("consent", "yes", 365);
const expires = new Date(Date.now() + 864e5 * 30);
"""

SMOOTH_SCROLL = """
function scrollToTop(duration) {
  const from = window.scrollY, start = performance.now();
  function step(now) {
    const t = Math.min(1, (now - start) / duration);
    window.scrollTo(0, from * (1 - t));
    if (t < 1) requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
}
"""

DATES_AND_TIPS = """
function endOfDay(d) { const x = new Date(d); x.setHours(23, 59, 59, 999); return x; }
const tips = ["Press / to search", "Use the sidebar to browse the guides"];
tip.textContent = tips[Math.floor(Math.random() * tips.length)];
const id = "id-" + Math.random().toString(36).slice(2);
"""

EVENTS = """
window.addEventListener("beforeunload", () => { sessionStorage.setItem("scroll", scrollY); });
window.addEventListener("popstate", () => render(location.pathname));
menu.addEventListener("mouseleave", () => menu.classList.remove("open"));
tooltip.addEventListener("mouseout", (e) => { tooltip.style.top = e.clientY + 10 + "px"; });
document.addEventListener("visibilitychange", () => { if (document.hidden) video.pause(); });
selectAll.addEventListener("click", () => boxes.forEach((b) => { b.checked = true; }));
"""


@pytest.mark.parametrize(
    "js",
    [
        CLIPBOARD,
        THEME_TOGGLE,
        SEARCH_BOX,
        READING_TIME,
        LAZY_LOADER,
        LIVE_CLOCK,
        CAROUSEL,
        COOKIE_CONSENT,
        SMOOTH_SCROLL,
        DATES_AND_TIPS,
        EVENTS,
        # class fields from the clock that are not a deadline
        "class Session { startedAt = Date.now(); retryAt = Date.now() + 5000; }",
    ],
)
def test_honest_scripts_pass(js: str) -> None:
    assert findings(js) == []


def _bundled(package: str, folder: str, pattern: str) -> list[str]:
    return sorted(
        str(path)
        for path in files(package).joinpath(folder).iterdir()
        if fnmatch(path.name, pattern)
    )


BUNDLES = [
    *_bundled("material", "templates/assets/javascripts", "bundle.*.min.js"),
    *_bundled("material", "templates/assets/javascripts/workers", "search.*.min.js"),
    *_bundled("mkdocs", "themes/mkdocs/js", "*.js"),
    *_bundled("mkdocs", "themes/readthedocs/js", "*.js"),
]


@pytest.mark.parametrize("path", BUNDLES, ids=lambda p: p.rsplit("/", 1)[-1])
def test_generator_bundles_pass(path: str) -> None:
    found = check_script(Path(path).read_text(encoding="utf-8"), path).findings
    assert [f for f in found if f.rule.startswith("HO6")] == []


def test_bundles_are_found() -> None:
    assert any("bundle." in p for p in BUNDLES) and len(BUNDLES) >= 4


# -- suppression -------------------------------------------------------------------------


def test_line_comment_marker_allows_the_next_line_of_code() -> None:
    js = (
        '// honest-offers: allow HO611 reason="Seat hold run by our booking server"\n'
        "\n"
        "setInterval(() => { s--; el.textContent = s % 60 }, 1000);\n"
        "setInterval(() => { t--; el.textContent = t % 60 }, 1000);\n"
    )
    result = check_script(js, "app.js")
    assert [(f.rule, f.line) for f in result.findings] == [("HO611", 4)]
    assert [(s.finding.rule, s.finding.line) for s in result.suppressed] == [("HO611", 3)]


def test_block_comment_marker_on_the_same_line() -> None:
    js = (
        'var a = 1; /* honest-offers: allow HO611 reason="Seat hold run by our server" */'
        "setInterval(() => { s--; el.textContent = s % 60 }, 1000)"
    )
    result = check_script(js, "app.js")
    assert result.findings == []
    assert len(result.suppressed) == 1


def test_marker_problems_are_reported() -> None:
    js = "// honest-offers: allow HO611\nsetInterval(() => { s--; el.textContent = s % 60 }, 1)"
    assert sorted(f.rule for f in findings(js)) == ["HO611", "HO901"]


def test_marker_in_a_string_is_not_a_marker() -> None:
    js = (
        'var s = "// honest-offers: allow HO611 reason=\\"Seat hold run by our server\\"";\n'
        "setInterval(() => { s--; el.textContent = s % 60 }, 1000);"
    )
    assert [f.rule for f in findings(js)] == ["HO611"]
