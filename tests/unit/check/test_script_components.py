"""Countdowns in components: state that a framework renders (React refs, Vue options and
refs, Svelte variables), clocks and durations of date libraries, calls followed three deep,
loop counters; countdown hooks and component elements by name. Each shape with an honest
look-alike that must pass."""

from __future__ import annotations

import pytest

from honest_offers.check.html import nested_findings
from honest_offers.check.scripts import check_script
from honest_offers.check.sources import check_file_text


def script_rules(js: str, path: str = "app.js") -> set[str]:
    found = check_script(js, path, nested_html=nested_findings).findings
    return {f.rule for f in found if f.rule.startswith("HO6")}


def file_rules(text: str, path: str) -> set[str]:
    found = check_file_text(text, "template", path).findings
    return {f.rule for f in found if f.rule.startswith("HO6")}


# -- component state -------------------------------------------------------------------------

REF_HANDLE = """
function Flip({ end }: { end: number }) {
  const card = useRef<Handle>(null);
  useEffect(() => {
    const id = setInterval(() => {
      const left = end - Date.now();
      card.current?.show(String(Math.floor(left / 1000) % 60).padStart(2, "0"));
    }, 1000);
    return () => clearInterval(id);
  }, [end]);
  return <Card ref={card} />;
}
"""
REF_HANDLE_CLOCK = REF_HANDLE.replace("end - Date.now()", "Date.now()")

VUE_OPTIONS = """
export default {
  props: { deadline: Number },
  data() { return { now: Math.trunc(Date.now() / 1000) }; },
  computed: {
    minutes() { return Math.floor(this.remaining / 60) % 60; },
  },
  watch: {
    now() { this.remaining = this.deadline - this.now; },
  },
  mounted() {
    this.timer = setInterval(() => { this.now = Math.trunc(new Date().getTime() / 1000); }, 1000);
  },
};
"""
VUE_OPTIONS_STOPWATCH = VUE_OPTIONS.replace("this.deadline - this.now", "this.now - this.deadline")

VUE_NOW_PROP = """
export default defineComponent({
  props: { now: { type: Function, default: () => Date.now() }, time: Number },
  data() { return { total: 0, end: 0, frame: 0 }; },
  computed: { hours() { return Math.floor(this.total / MILLISECONDS_HOUR); } },
  methods: {
    step() {
      this.total = Math.max(0, this.end - this.now());
      this.frame = requestAnimationFrame(this.step);
    },
  },
});
"""

VUE_REF = """
const remaining = ref(0);
const label = computed(() => `${Math.floor(remaining.value / 60000)} min`);
onMounted(() => {
  setInterval(() => { remaining.value = Math.max(0, props.end - Date.now()); }, 1000);
});
"""
VUE_REF_ELAPSED = VUE_REF.replace("props.end - Date.now()", "Date.now() - props.start")

DEEP_CALLS = """
function tick() { update(); }
function update() { render(); }
function render() { el.textContent = format(end - Date.now()); }
function format(ms) { return Math.floor(ms / 1000) % 60; }
setInterval(tick, 1000);
"""

DURATION = """
let diff = 3600000;
setInterval(() => {
  diff -= 1000;
  const d = dayjs.duration(diff);
  el.textContent = d.hours() + ":" + d.minutes();
}, 1000);
"""
DURATION_ELAPSED = DURATION.replace("diff -= 1000", "diff += 1000")

LOOP_COUNTER = """
setInterval(() => {
  for (let i = items.length - 1; i >= 0; i--) {
    items[i].el.textContent = String(items[i].seconds % 60).padStart(2, "0");
  }
}, 1000);
"""


FRAME_HOOK = """
export function useTimeLeft({ duration }: { duration: number }) {
  const [left, setLeft] = useState(duration);
  useEffect(() => {
    let start: number | undefined;
    let frame = 0;
    const loop = (time: number) => {
      if (start === undefined) start = time;
      const elapsed = (time - start) / 1000;
      setLeft(Math.max(0, Math.ceil(duration - elapsed)));
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [duration]);
  return left;
}
"""
FRAME_HOOK_ELAPSED = FRAME_HOOK.replace("duration - elapsed", "elapsed")


@pytest.mark.parametrize(
    ("js", "path"),
    [
        (FRAME_HOOK, "useTimeLeft.ts"),
        (REF_HANDLE, "Flip.tsx"),
        (VUE_OPTIONS, "countdown.js"),
        (VUE_NOW_PROP, "countdown.ts"),
        (VUE_REF, "countdown.js"),
        (DEEP_CALLS, "app.js"),
        (DURATION, "app.js"),
    ],
    ids=[
        "hook-frame-time",
        "react-ref-handle",
        "vue-options",
        "vue-now-prop",
        "vue-ref",
        "three-calls",
        "duration",
    ],
)
def test_countdowns_in_component_state(js: str, path: str) -> None:
    assert "HO611" in script_rules(js, path)


@pytest.mark.parametrize(
    ("js", "path"),
    [
        (FRAME_HOOK_ELAPSED, "useElapsed.ts"),
        (REF_HANDLE_CLOCK, "Flip.tsx"),
        (VUE_OPTIONS_STOPWATCH, "stopwatch.js"),
        (VUE_REF_ELAPSED, "elapsed.js"),
        (DURATION_ELAPSED, "app.js"),
        (LOOP_COUNTER, "app.js"),
    ],
    ids=[
        "hook-frame-elapsed",
        "react-ref-clock",
        "vue-stopwatch",
        "vue-ref-elapsed",
        "duration-up",
        "loop-counter",
    ],
)
def test_clocks_and_stopwatches_in_component_state_pass(js: str, path: str) -> None:
    assert script_rules(js, path) == set()


SVELTE = """<script>
  import { onMount } from "svelte";
  export let seconds = 600;
  let secs = seconds;
  $: label = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, "0")}`;
  onMount(() => { const id = setInterval(() => { secs -= 1; }, 1000); });
</script>
<p>{label}</p>
"""


VUE_SETUP = """<template><p class="promo">{{ label }}</p></template>
<script setup>
import { ref, computed, onMounted } from "vue";
const seconds = ref(900);
const label = computed(() => `${Math.floor(seconds.value / 60)}:${seconds.value % 60}`);
onMounted(() => setInterval(() => seconds.value--, 1000));
</script>
"""


ANGULAR = """
@Component({ selector: "app-offer-timer", template: "<b>{{ left }}</b>" })
export class OfferTimerComponent implements OnInit {
  @Input() end = 0;
  left = "";
  ngOnInit() {
    this.sub = interval(1000)
      .pipe(map(() => Math.max(0, this.end - Date.now())))
      .subscribe((ms) => {
        this.left = `${Math.floor(ms / 60000)}:${Math.floor(ms / 1000) % 60}`;
      });
  }
}
"""


@pytest.mark.parametrize(
    ("js", "expected"),
    [
        (ANGULAR, {"HO611"}),
        (ANGULAR.replace("interval(1000)", "timer(0, 1000)"), {"HO611"}),
        # time passed, not time left
        (ANGULAR.replace("this.end - Date.now()", "Date.now() - this.end"), set()),
        # fires once
        (ANGULAR.replace("interval(1000)", "timer(1000)"), set()),
        # a class whose fields no template shows
        (
            ANGULAR.replace(
                '@Component({ selector: "app-offer-timer", template: "<b>{{ left }}</b>" })', ""
            ),
            set(),
        ),
    ],
    ids=["interval", "timer", "elapsed", "once", "plain-class"],
)
def test_angular_component_on_an_rxjs_interval(js: str, expected: set[str]) -> None:
    assert script_rules(js, "offer-timer.component.ts") == expected


def test_vue_ref_stepped_down_by_a_timer() -> None:
    assert file_rules(VUE_SETUP, "Promo.vue") == {"HO611"}
    assert file_rules(VUE_SETUP.replace("seconds.value--", "seconds.value++"), "Up.vue") == set()


def test_svelte_top_level_variables_are_what_the_markup_shows() -> None:
    assert file_rules(SVELTE, "Countdown.svelte") == {"HO611"}
    # the same script in a page: a variable of a script writes nothing to the page
    assert file_rules(SVELTE, "page.html") == set()
    assert file_rules(SVELTE.replace("secs -= 1", "secs += 1"), "Stopwatch.svelte") == set()


# -- timers wrapped by another name, and components named by their file -------------------

WRAPPED_FRAME = """
import raf from "raf";
function tick() {
  const left = end - Date.now();
  el.textContent = Math.floor(left / 36e5) + "h " + Math.floor(left / 6e4) % 60 + "m";
  raf(tick);
}
raf(tick);
"""
SHIM_FRAME = WRAPPED_FRAME.replace('import raf from "raf";', "").replace(
    "raf(", "requestAnimFrame("
)
GAME_LOOP = """
import raf from "raf";
const t0 = performance.now();
function loop(now) {
  score.textContent = Math.floor((now - t0) / 1000) + " s played";
  raf(loop);
}
raf(loop);
"""


@pytest.mark.parametrize(
    ("js", "expected"),
    [
        (WRAPPED_FRAME, {"HO611"}),
        (SHIM_FRAME, {"HO611"}),
        (WRAPPED_FRAME.replace("raf(", "safeTimeout("), {"HO611"}),
        (GAME_LOOP, set()),  # time played counts up
        (WRAPPED_FRAME.replace("  raf(tick);\n", ""), set()),  # runs once: nothing ticks
    ],
)
def test_a_callback_scheduling_itself_through_a_wrapped_timer_repeats(
    js: str, expected: set[str]
) -> None:
    """``raf(tick)`` (the ``raf`` package, an ``rAF`` utility, a ``requestAnimFrame`` shim)
    inside ``tick`` repeats it, as ``requestAnimationFrame(tick)`` would."""
    assert script_rules(js) == expected


FORCED_RENDER = """
const Countdown = ({ value, format }) => {
  const forceUpdate = useForceUpdate();
  useEffect(() => {
    const id = setInterval(() => forceUpdate(), 1000 / 30);
    return () => clearInterval(id);
  }, [value]);
  return <Statistic value={value} formatter={(v) => formatCountdown(v, format)} />;
};
"""
ANGULAR_DETECTION = """
export class NzCountdownComponent {
  start(): void {
    this.updater = interval(33).subscribe(() => {
      this.diff = Math.max(this.target - Date.now(), 0);
      this.cdr.detectChanges();
    });
  }
}
"""


@pytest.mark.parametrize(
    ("js", "path"),
    [(FORCED_RENDER, "countdown.tsx"), (ANGULAR_DETECTION, "countdown.component.ts")],
)
def test_drawing_a_named_countdown_again_is_a_write(js: str, path: str) -> None:
    """``forceUpdate()`` (React), ``detectChanges()`` (Angular): the component is drawn again
    from its state, a write to the page; in a countdown named so, on a repeating timer, that
    is a countdown. The same code in a component named otherwise passes."""
    assert script_rules(js, path) == {"HO611"}
    renamed = js.replace("Countdown", "Clock")
    assert script_rules(renamed, path.replace("countdown", "clock")) == set()


COUNTDOWN_SFC = """<template><el-statistic :value="left" /></template>
<script setup>
import { ref, onMounted } from "vue";
import { rAF } from "./utils";
const props = defineProps({ value: Number });
const left = ref(0);
const frame = () => {
  left.value = props.value - Date.now();
  if (left.value > 0) rAF(frame);
};
onMounted(() => rAF(frame));
</script>
"""


def test_a_component_file_named_countdown_is_a_named_countdown() -> None:
    """A Vue file named countdown whose frame loop writes the time left to what it renders:
    the formatting may live in another module; the same code in a clock's file passes."""
    assert file_rules(COUNTDOWN_SFC, "components/countdown.vue") == {"HO611"}
    assert file_rules(COUNTDOWN_SFC, "components/FlipCountDown.vue") == {"HO611"}
    assert file_rules(COUNTDOWN_SFC, "components/clock.vue") == set()


# -- hooks and component elements ----------------------------------------------------------


@pytest.mark.parametrize(
    ("js", "expected"),
    [
        ("function Timer(p) { const { left } = useCountdown(p); return <b>{left}</b>; }", "HO611"),
        ("const t = useCountDown({ seconds: 30 });", "HO611"),
        ("const Banner = () => <CountdownTimer date={end} />;", "HO601"),
        ("const b = <Countdown.Circle duration={30} />;", "HO601"),
        ("const b = <FlipCountdown targetDate={end}>{(t) => t}</FlipCountdown>;", "HO601"),
    ],
)
def test_countdown_hooks_and_elements(js: str, expected: str) -> None:
    assert expected in script_rules(js, "Banner.jsx")


@pytest.mark.parametrize(
    "js",
    [
        "const t = useTimer({ autoStart: true });",  # a timer may count up
        "const s = useStopwatch();",
        "const b = <Countdown label='Launch' />;",  # no time given
        "const b = <Timer duration={30} />;",
        "function useCountdown(p) { return p; }",  # a definition, not a use
    ],
)
def test_timers_without_a_countdown_pass(js: str) -> None:
    assert script_rules(js, "Banner.jsx") == set()


@pytest.mark.parametrize(
    "handler",
    [
        "onComplete={() => ({ shouldRepeat: true, delay: 1 })}",
        "onEnd={() => api.restart()}",
        "onFinish={() => { timer.start(); }}",
    ],
)
def test_countdown_element_restarting_at_zero(handler: str) -> None:
    js = f"const b = <CountdownCircleTimer duration={{60}} {handler} />;"
    assert script_rules(js, "Banner.jsx") == {"HO601", "HO615"}


def test_countdown_element_ending_for_good_is_no_restart() -> None:
    js = "const b = <CountdownCircleTimer duration={60} onComplete={() => setDone(true)} />;"
    assert script_rules(js, "Banner.jsx") == {"HO601"}


def test_template_countdown_elements() -> None:
    vue = (
        "<template>\n"
        '  <vue-countdown :time="7200000" v-slot="{ hours }" @end="restart">{{ hours }}'
        "</vue-countdown>\n"
        '  <CountdownTimer end-date="2030-01-01"></CountdownTimer>\n'
        '  <count-down label="Launch"></count-down>\n'
        '  <my-timer :time="60"></my-timer>\n'
        "</template>"
    )
    found = check_file_text(vue, "template", "Offer.vue").findings
    assert [(f.rule, f.line, f.excerpt) for f in found] == [
        ("HO601", 2, ':time="7200000"'),
        ("HO615", 2, '@end="restart"'),
        ("HO601", 3, 'end-date="2030-01-01"'),
    ]


@pytest.mark.parametrize(
    ("source", "path", "expected"),
    [
        # UI libraries' countdowns: the time is the value bound to a generic prop
        ("const b = <Statistic.Countdown value={deadline} />;", "Promo.jsx", ["HO601"]),
        ('const b = <Countdown title="Offer" value={endsAt} />;', "Promo.jsx", ["HO601"]),
        ('<template><el-countdown :value="deadline" /></template>', "Promo.vue", ["HO601"]),
        ('<nz-countdown [nzValue]="timeLeft"></nz-countdown>', "promo.component.html", ["HO601"]),
        # a countdown's value bound to anything is its end
        (
            '<template><el-countdown title="Sale" :value="count" /></template>',
            "Promo.vue",
            ["HO601"],
        ),
        ('<template><ElCountdown :value="value1" /></template>', "Promo.vue", ["HO601"]),
        # literal texts say nothing about what is counted; a statistic is no countdown
        ('const b = <Countdown title="Ends soon" label="Launch" />;', "Promo.jsx", []),
        ('<template><el-countdown value="12" /></template>', "Promo.vue", []),
        ('<template><el-statistic :value="deadline" /></template>', "Promo.vue", []),
    ],
)
def test_a_countdown_element_given_a_time_by_the_value_bound_to_it(
    source: str, path: str, expected: list[str]
) -> None:
    result = check_file_text(source, "script" if path.endswith(".jsx") else "template", path)
    assert [f.rule for f in result.findings if f.rule.startswith("HO6")] == expected


# -- class names in a component wait for its code ------------------------------------------

STOPWATCH = """<script>
  let elapsed = 0;
  $: shown = `${Math.floor(elapsed / 60)}:${elapsed % 60}`;
  setInterval(() => { elapsed += 1; }, 1000);
</script>
<div class="timer">{shown}</div>
"""


def test_component_class_names_count_with_countdown_code() -> None:
    # a stopwatch component with a "timer" class: its code counts up
    assert file_rules(STOPWATCH, "Stopwatch.svelte") == set()
    # the same class on a countdown component
    countdown = STOPWATCH.replace("elapsed += 1", "elapsed -= 1")
    assert file_rules(countdown, "Countdown.svelte") == {"HO601", "HO611"}
    # in a page, the script that fills it may be anywhere: the class alone counts
    assert file_rules('<div class="countdown"></div>', "offer.html") == {"HO601"}
    # a catalogued library's own class is no generic word
    assert file_rules('<div class="flipdown"></div>', "Offer.vue") == {"HO601"}


# -- Alpine.js and Angular markup ----------------------------------------------------------


def page_rules(html: str) -> list[tuple[str, int]]:
    found = check_file_text(html, "html", "offer.html").findings
    return [(f.rule, f.line) for f in found if f.rule.startswith("HO6")]


def test_alpine_component_names_and_init_code() -> None:
    html = (
        '<div x-data="countdownTimer(\'2030-01-01\')"><span x-text="days"></span></div>\n'
        '<div x-data="{ left: 600 }" x-init="setInterval(() => { left--; '
        "$refs.t.textContent = Math.floor(left / 60) + ':' + left % 60 }, 1000)\"></div>\n"
        '<div x-data="dropdown()" x-init="open = false"></div>\n'
        '<div x-data="{ shown: 0 }" x-init="setInterval(() => shown++, 1000)"></div>'
    )
    assert page_rules(html) == [("HO601", 1), ("HO611", 2)]


def test_angular_bindings_of_a_countdown_component() -> None:
    html = (
        '<countdown [deadline]="end" (finished)="restart()"></countdown>\n'
        "<countdown [config]=\"{ format: 'mm:ss' }\"></countdown>"
    )
    assert page_rules(html) == [("HO601", 1), ("HO615", 1)]


# -- the boxes of a read-out --------------------------------------------------------------

READ_OUT = (
    '<div class="promo"><span id="days">00</span> : <span id="hours">00</span>\n'
    '<span class="cd-mins">00</span> : <span class="cd-seconds">00</span></div>'
)


def test_boxes_named_for_days_hours_minutes_and_seconds() -> None:
    assert page_rules(READ_OUT) == [("HO601", 1)]
    # in a component, with its countdown code only
    assert file_rules(READ_OUT, "Promo.vue") == set()


@pytest.mark.parametrize(
    "html",
    [
        # a stopwatch or a clock: no days
        '<b id="hours"></b><b id="minutes"></b><b id="seconds"></b>',
        # a date picker: no seconds, singular names
        '<select name="d" class="day"></select><select class="hour"></select>'
        '<select class="minute"></select><select class="days-off"></select>',
        # the units in text, not in names, are the text rules' to read
        "<p>days hours minutes seconds</p>",
    ],
)
def test_other_time_names_pass(html: str) -> None:
    assert page_rules(html) == []
