"""Activity widgets in code (HO602): a module or class named as a live activity or stock
counter whose timer, poll or animation frame writes to the page; and strings that are code,
not copy (compared, searched for, short labels as names and keys). Honest look-alikes pass."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check.html import check_html
from honest_offers.check.scripts import check_script
from honest_offers.check.scripts.widgets import _activity_name, module_name
from tests.conftest import examples


def widget_lines(js: str, path: str) -> list[int]:
    return [f.line for f in check_script(js, path).findings if f.rule == "HO602"]


POLLED = """
import { Controller } from "@hotwired/stimulus";
export default class extends Controller {
  connect() {
    this.timer = setInterval(() => this.refresh(), 20000);
  }
  async refresh() {
    const reply = await fetch(this.urlValue);
    this.outputTarget.textContent = (await reply.json()).total;
  }
}
"""

COUNT_UP = """
export default {
  mounted() {
    const begin = performance.now();
    const frame = (now) => {
      const share = Math.min((now - begin) / 900, 1);
      this.$el.textContent = Math.round(share * this.target);
      if (share < 1) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  },
};
"""


@pytest.mark.parametrize(
    "path",
    [
        "assets/controllers/live_viewers_controller.js",
        "assets/controllers/visitor-count-controller.js",
        "src/widgets/RecentSalesCounter.js",
    ],
)
def test_polled_count_in_a_module_named_for_activity(path: str) -> None:
    assert widget_lines(POLLED, path) == [5]


def test_count_up_in_a_component_named_for_sales() -> None:
    assert widget_lines(COUNT_UP, "components/sales-counter.js") == [8, 10]


def test_named_class_is_the_widget_whatever_the_file() -> None:
    js = POLLED.replace("export default class extends", "export class LiveViewers extends")
    assert widget_lines(js, "app.js") == [5]


@pytest.mark.parametrize(
    ("js", "path"),
    [
        (POLLED, "assets/controllers/notifications_controller.js"),  # not activity by name
        (COUNT_UP, "components/stats-counter.js"),
        # a named export does not take the file's name
        (POLLED.replace("export default class", "export class Poller"), "live-viewers.js"),
        # named for activity but writes nothing on a schedule
        ("export default { data() { return { viewers: 0 } } }", "live-viewers.js"),
    ],
)
def test_honest_counters_pass(js: str, path: str) -> None:
    assert widget_lines(js, path) == []


def text_rules(js: str, path: str = "model.ts") -> list[str]:
    return sorted(f.rule for f in check_script(js, path).findings if f.rule.startswith("HO2"))


@pytest.mark.parametrize(
    "js",
    [
        'class LowStock extends Pattern {\n  name = "Low Stock";\n  type = "low-stock";\n}\n',
        'const pattern = { name: "Low stock", kind: "scarcity" };\n',
        'if (badge.textContent === "Low stock") { report(badge); }\n',
        'switch (label) { case "Low stock": count++; }\n',
        'found = text.includes("only 2 left in stock");\n',
        'type Badge = "Low stock" | "New";\n',
        'const labels = { "Low stock": "Lagerbestand" };\n',
    ],
)
def test_strings_that_are_code_are_not_copy(js: str) -> None:
    assert text_rules(js) == []


@pytest.mark.parametrize(
    "js",
    [
        'badge.textContent = "Low stock";\n',
        'const name = "Only 2 left in stock!";\n',  # a sentence, whatever it is called
        'const copy = { message: "Low stock" };\n',
        "const Badge = () => <span>Low stock</span>;\n",
    ],
)
def test_copy_reaching_the_page_is_checked(js: str) -> None:
    assert text_rules(js, "badge.tsx") != []


READOUT = """
<div class="grid">
  <p id="{d}">00</p><p id="{h}">00</p><p id="{m}">00</p><p id="{s}">00</p>
</div>
"""


@pytest.mark.parametrize(
    "units",
    [
        ("hari", "jam", "menit", "detik"),
        ("tage", "stunden", "minuten", "sekunden"),
        ("dias", "horas", "minutos", "segundos"),
        ("jours", "heures", "minutes", "secondes"),
    ],
)
def test_countdown_readout_boxes_in_other_languages(units: tuple[str, str, str, str]) -> None:
    d, h, m, s = units
    page = READOUT.format(d=d, h=h, m=m, s=s)
    assert [f.rule for f in check_html(page, "landing.html").findings] == ["HO601"]


def test_three_units_are_not_a_countdown() -> None:
    page = READOUT.format(d="uren", h="stunden", m="minuten", s="sekunden")
    assert check_html(page, "clock.html").findings == []


def countdown_rules(js: str, path: str = "timer.tsx") -> list[str]:
    found = check_script(js, path).findings
    return sorted({f.rule for f in found if f.rule in ("HO601", "HO611", "HO612")})


@pytest.mark.parametrize(
    "js",
    [
        "const t = useTimer({ expiryTimestamp: end, onExpire: reload });\n",
        "const { seconds } = useTimer({ expiryTimestamp });\n",
        "const View = () => <CircleTimer deadline={offerEnds} />;\n",
    ],
)
def test_timer_given_the_time_it_ends_counts_down(js: str) -> None:
    assert countdown_rules(js) != []


@pytest.mark.parametrize(
    "js",
    [
        "const s = useStopwatch({ autoStart: true });\n",
        "const t = useTimer({ autoStart: true, interval: 1000 });\n",  # counts up
        "const View = () => <Timer start={opened} />;\n",
    ],
)
def test_timers_without_an_end_pass(js: str) -> None:
    assert countdown_rules(js) == []


SESSION_COUNTDOWN = """
var end = Date.now() + 60000;
function tick() {
  var rest = Math.round((end - Date.now()) / 1000);
  $(".countdown-holder").text(rest + "s");
  if (rest <= 0) { window.location = opt.logoutUrl; }
  else { setTimeout(tick, 1000); }
}
$("body").append('<div class="modal"><span class="countdown-holder"></span></div>');
tick();
"""


def test_logout_countdown_of_a_session_timeout_passes() -> None:
    assert countdown_rules(SESSION_COUNTDOWN, "session-timeout.js") == []


def test_a_countdown_that_sells_is_not_a_session_timeout() -> None:
    js = SESSION_COUNTDOWN.replace('rest + "s"', '"Offer ends in " + rest + "s"')
    assert countdown_rules(js, "session-timeout.js") == ["HO611", "HO612"]


CODE_TIMER = """
const until = Date.now() + 30000;
const note = document.querySelector("#resend-note");
const beat = setInterval(() => {
  const rest = Math.ceil((until - Date.now()) / 1000);
  note.textContent = rest > 0 ? "You can resend the code in " + rest + " s" : "";
  if (rest <= 0) clearInterval(beat);
}, 1000);
"""


@pytest.mark.parametrize(
    "js",
    [
        CODE_TIMER,
        CODE_TIMER.replace("resend the code", "hand in the exam").replace("resend-note", "x"),
        CODE_TIMER.replace("You can resend the code in", "Quiz closes in"),
        CODE_TIMER.replace("You can resend the code in", "Pomodoro: break in").replace(
            "resend-note", "x"
        ),
    ],
)
def test_a_timer_on_the_visitors_own_task_passes(js: str) -> None:
    """A code to resend, an exam or a quiz: the countdown times the visitor's own task."""
    assert countdown_rules(js, "verify.js") == []


@pytest.mark.parametrize(
    "words",
    ["Your 20% discount on the code", "Resend the code; the sale ends", "Buy before the code"],
)
def test_a_timer_near_selling_words_is_still_a_countdown(words: str) -> None:
    js = CODE_TIMER.replace("You can resend the code", words)
    assert countdown_rules(js, "verify.js") == ["HO611", "HO612"]


def test_an_example_is_no_exam() -> None:
    js = CODE_TIMER.replace("You can resend the code in", "For example, ends in")
    js = js.replace("resend-note", "example-note")
    assert countdown_rules(js, "verify.js") == ["HO611", "HO612"]


TWEEN = """
class Tween {
  constructor(el, target, options) {
    this.el = el; this.target = target; this.options = options;
  }
  start() { this.begin = null; requestAnimationFrame(this.step); }
  step = (stamp) => {
    if (!this.begin) { this.begin = stamp; }
    const duration = Number(this.options.duration) * 1000;
    const progress = stamp - this.begin;
    this.remaining = duration - progress;
    this.el.textContent = Math.round(this.target * Math.min(progress / duration, 1));
    if (progress < duration) { requestAnimationFrame(this.step); }
  };
}
"""


def test_number_animation_with_a_duration_setting_is_not_a_countdown() -> None:
    assert countdown_rules(TWEEN, "tween.js") == []
    shown = TWEEN.replace(
        "this.el.textContent = Math.round(this.target * Math.min(progress / duration, 1));",
        "this.el.textContent = Math.floor(this.remaining / 1000) + ' s';",
    )
    assert countdown_rules(shown, "tween.js") == ["HO611"]


def test_an_english_page_looks_for_english_unit_names_only() -> None:
    page = '<html lang="en"><body>' + READOUT.format(d="hari", h="jam", m="menit", s="detik")
    assert check_html(page, "en.html").findings == []
    page = '<html lang="id"><body>' + READOUT.format(d="hari", h="jam", m="menit", s="detik")
    assert [f.rule for f in check_html(page, "id.html").findings] == ["HO601"]


NAMED_COUNTDOWN = """
import { calcTimeDelta } from "./utils";
function SaleCountdown({ to }) {
  const [state, setState] = React.useState(calcTimeDelta(to, Date.now()));
  const tickRef = React.useRef(null);
  function tick() { setState(calcTimeDelta(to, Date.now())); }
  tickRef.current = tick;
  React.useEffect(() => {
    const id = window.setInterval(() => tickRef.current(), 1000);
    return () => window.clearInterval(id);
  }, [to]);
  return <span>{state.days}</span>;
}
"""


def test_component_named_countdown_with_a_repeating_timer_that_sets_state() -> None:
    # the time left is worked out in another module; the timer's callback is kept in a ref
    assert countdown_rules(NAMED_COUNTDOWN, "sale.jsx") == ["HO611"]


def test_a_component_not_named_countdown_needs_the_time_left_in_view() -> None:
    assert countdown_rules(NAMED_COUNTDOWN.replace("SaleCountdown", "SaleBanner"), "b.jsx") == []


PATH_PARTS = st.sampled_from(
    ["live-viewers", "recent-sales", "index", "shop", ".", "..", "", "a.b", ".hidden", "x y"]
)


@settings(max_examples=examples(200), deadline=None)
@given(
    parts=st.lists(PATH_PARTS, min_size=1, max_size=4),
    suffix=st.sampled_from(["", ".js", ".min.js", ".tsx", ".html", "/"]),
    backslash=st.booleans(),
)
def test_module_name_is_the_file_stem_that_names_a_widget(
    parts: list[str], suffix: str, backslash: bool
) -> None:
    """Cached by file name, it answers as the stem of the whole path does."""
    path = "/".join(parts) + suffix
    written = path.replace("/", "\\") if backslash else path
    stem = PurePosixPath(path).stem
    assert module_name(written) == (stem if _activity_name(stem) else "")
