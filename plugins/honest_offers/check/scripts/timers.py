"""Countdowns (HO611), timers that restart at zero (HO615) and stock counted down by a timer
(HO617).

A countdown is a *repeating* callback — ``setInterval``, a ``setTimeout`` or
``requestAnimationFrame`` callback that schedules itself (also through a function named like
one: ``rAF``, the ``raf`` package, a ``requestAnimFrame`` shim), a library's tick event, an RxJS
``interval`` stream's operators and subscriber — whose
code (with the local functions it calls, two levels deep, three when it writes to the page)
works out the time left (the clock on the right of a subtraction, or a counter that goes
down), does time arithmetic, and writes to the page (DOM text, jQuery ``.text()``, the state
a React, Vue or Svelte component renders). A clock, a
stopwatch, a progress bar, polling, a debounce or an API timeout lacks one of these.
"""

from __future__ import annotations

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.timing import SCHEDULERS, WRAPPED_SCHEDULER_ENDS, Timing
from honest_offers.check.scripts.tree import (
    FUNCTIONS,
    NAME_BYTES,
    REGION,
    Tree,
    arguments,
    call_of,
    callee,
    constant_string,
    inside_any,
    last_name,
    member_of,
    number,
    operator,
    path,
    unwrap,
)

CALL_DEPTH = 3
"""Calls followed from a timer's callback that writes to the page (a plugin's tick → update
→ render → format); two for the other questions."""
SITES_MAX = 400
"""Timer calls analysed per script (Material's bundle has about 15)."""
TICK_EVENTS = frozenset({"tick", "secondsupdated", "targetachieved"})
"""Events that generic timer libraries fire every tick."""
_TICK_SPELLINGS = frozenset({"secondsUpdated", "targetAchieved"})

LISTEN_METHODS = frozenset({"addEventListener", "on", "one", "bind"})
STREAM_SOURCES = ("interval", "timer")
"""RxJS sources that emit on a schedule."""
_COMPUTED_PARTS = ("Interval", "Timeout", "AnimationFrame", "setInterval", "setTimeout")
_IF = _ASSIGNMENTS = REGION

STOCK_WORDS = mr.word_set(
    "stock inventory remaining left seats spots units qty quantity items available "
    "availability supply places tickets slots pieces pcs"
)
TIME_LEFT_WORDS = mr.word_set("remaining left available availability")
TIME_WORDS = mr.word_set(
    "sec secs second seconds min mins minute minutes hour hours hr hrs day days ms time "
    "timer tick ticks countdown duration delay"
)
RESET_WORDS = mr.word_set("end deadline left remaining distance count counter target")
_ZERO_PATHS = frozenset({"undefined", "null", "false"})


def scheduler_sites(tree: Tree) -> list[tuple[Node, Node, bool]]:
    """(call, callback argument, repeats by itself) of every timer call, also renamed
    (``var a = setInterval; a(f)``) or computed (``window["set" + "Interval"](f)``); worked
    out once per script."""
    if "sites" not in tree.memo:
        tree.memo["sites"] = _scheduler_sites(tree)
    sites: list[tuple[Node, Node, bool]] = tree.memo["sites"]
    return sites


def _scheduler_sites(tree: Tree) -> list[tuple[Node, Node, bool]]:
    calls: list[tuple[Node, bool]] = []
    aliases: dict[str, bool] = {}
    for name in tree.named(*SCHEDULERS):
        repeats = SCHEDULERS[tree.source(name)]
        call = call_of(name)
        if call is not None:
            calls.append((call, repeats))
            continue
        holder = member_of(name) or name
        parent = holder.parent
        if parent is not None and parent.type in ("variable_declarator", "assignment_expression"):
            target = parent.child_by_field_name("name") or parent.child_by_field_name("left")
            value = parent.child_by_field_name("value") or parent.child_by_field_name("right")
            if target is not None and target.type == "identifier" and value == holder:
                aliases[tree.source(target)] = repeats
    for alias, repeats in aliases.items():
        calls += [(c, repeats) for n in tree.named(alias) if (c := call_of(n)) is not None]
    wrappers = sorted(_wrapped_schedulers(tree))
    calls += [(c, False) for n in tree.named(*wrappers) if (c := call_of(n)) is not None]
    for literal in tree.strings_saying(*_COMPUTED_PARTS):
        computed = _computed_call(tree, literal)
        if computed is not None:
            calls.append(computed)
    sites = [(call, args[0], repeats) for call, repeats in calls if (args := arguments(call))]
    return sorted(sites, key=lambda s: s[0].start_byte)[:SITES_MAX]


def _wrapped_schedulers(tree: Tree) -> set[str]:
    """Names of called functions that end like a timer's (:data:`.WRAPPED_SCHEDULER_ENDS`),
    but for the timers themselves and ``cancel…``/``clear…``: found by byte search."""
    data, lowered, found = tree.data, tree.lowered, set()
    for end in WRAPPED_SCHEDULER_ENDS:
        call = end + b"("
        at = lowered.find(call)
        while at >= 0:
            start = at
            while start > 0 and data[start - 1] in NAME_BYTES:
                start -= 1
            name = data[start : at + len(end)].decode()
            if not name.lower().startswith(("cancel", "clear")) and name not in SCHEDULERS:
                found.add(name)
            at = lowered.find(call, at + len(call))
    return found


def _computed_call(tree: Tree, literal: Node) -> tuple[Node, bool] | None:
    """``window["set" + "Interval"](…)``: the call, if the key spells a timer."""
    node = literal
    while node.parent is not None and node.parent.type == "binary_expression":
        node = node.parent
    subscript = node.parent
    if subscript is None or subscript.type != "subscript_expression":
        return None
    name = last_name(tree, subscript)
    call = subscript.parent
    if name in SCHEDULERS and call is not None and call.type == "call_expression":
        return (
            (call, SCHEDULERS[name]) if call.child_by_field_name("function") == subscript else None
        )
    return None


def listeners(tree: Tree, events: frozenset[str]) -> list[tuple[Node, str]]:
    """(call, event) of ``x.addEventListener(event, …)``, jQuery ``.on(event, …)`` and the
    like, for the events asked about (``name.namespace`` matches ``name``)."""
    found = []
    words = {e.split(".")[0] for e in events}
    for literal in tree.strings_saying(*sorted(words)):
        arguments_node = literal.parent
        call = arguments_node.parent if arguments_node is not None else None
        if call is None or call.type != "call_expression" or arguments(call)[:1] != [literal]:
            continue
        if callee(tree, call) not in LISTEN_METHODS:
            continue
        for event in (constant_string(tree, literal) or "").split():
            if event in events or event.split(".")[0].lower() in events:
                found.append((call, event))
    return found


def tick_sites(tree: Tree) -> list[tuple[Node, Node]]:
    """(call, callback) of listeners to a timer library's tick event."""
    sites = []
    for call, _ in listeners(tree, TICK_EVENTS | _TICK_SPELLINGS):
        args = arguments(call)
        if len(args) > 1 and (call, args[-1]) not in sites:
            sites.append((call, args[-1]))
    return sites


def stream_sites(tree: Tree) -> list[tuple[Node, list[Node]]]:
    """(source, functions) of repeating RxJS streams: ``interval(1000)`` or ``timer(0,
    1000)`` with the functions of its ``.pipe(map(…))`` operators and ``.subscribe(…)``."""
    sites = []
    for name in tree.named(*STREAM_SOURCES):
        call = call_of(name)
        if call is None or call.child_by_field_name("function") != name:
            continue
        if tree.source(name) == "timer" and len(arguments(call)) < 2:
            continue  # fires once
        functions = _stream_functions(tree, call)
        if functions:
            sites.append((call, functions))
    return sites


def _stream_functions(tree: Tree, source: Node) -> list[Node]:
    functions: list[Node] = []
    node = source
    for _ in range(8):
        member = node.parent
        call = member.parent if member is not None else None
        if member is None or member.type != "member_expression" or call is None:
            break
        if last_name(tree, member) not in ("pipe", "subscribe") or call.type != "call_expression":
            break
        for argument in arguments(call):
            argument = unwrap(argument)
            if argument.type == "call_expression":  # an operator: map(f), tap(f)
                functions += [a for a in map(unwrap, arguments(argument)) if a.type in FUNCTIONS]
            elif argument.type in FUNCTIONS:
                functions.append(argument)
        node = call
    return functions


def own_timer(tree: Tree) -> bool:
    """Whether the script times the visitor's own task, not an offer
    (:func:`honest_offers.check.markup_rules.own_timer`)."""
    if "own_timer" not in tree.memo:
        tree.memo["own_timer"] = mr.own_timer(tree.lowered)
    found: bool = tree.memo["own_timer"]
    return found


def countdowns(script: Script, timing: Timing) -> None:
    tree = script.tree
    sites = [(call, tree.callback(cb), repeats) for call, cb, repeats in scheduler_sites(tree)]
    sites += [(call, tree.callback(callback), True) for call, callback in tick_sites(tree)]
    sites += [(call, functions, True) for call, functions in stream_sites(tree)]
    for call, functions, repeats in sites:
        regions = tree.expand(functions)
        if not regions:
            continue
        repeats = repeats or inside_any(regions, call)
        clocks = frame_times(tree, call, functions)
        ticking = repeats and is_ticker(timing, regions, clocks)
        if repeats and not ticking and timing.writes(regions):
            # it writes to the page but the time may be worked out a call further down
            deeper = tree.expand(functions, CALL_DEPTH)
            if len(deeper) > len(regions) and is_ticker(timing, deeper, clocks):
                ticking, regions = True, deeper
        fake_depletion(script, timing, regions, ticking)
        if ticking:
            script.tickers.append(regions)
            script.add(mr.COUNTDOWN_SCRIPT, call)
            timer_resets(script, regions)
    for call in library_ticks(tree):
        script.add(mr.COUNTDOWN_SCRIPT, call)


def library_ticks(tree: Tree) -> list[Node]:
    """Listeners to a countdown library's own events (``.on("update.countdown", …)``)."""
    found = []
    for call, event in listeners(tree, vendors.EVENT_NAMES):
        if vendors.by_event(event) and call not in found:
            found.append(call)
    return found


def is_ticker(timing: Timing, regions: list[Node], clocks: frozenset[str] = frozenset()) -> bool:
    writes = timing.writes(regions)
    if not writes:
        return False
    if not timing.time_arithmetic([*regions, *writes]):
        return False
    components = [w for w in writes if w not in regions]
    return timing.remaining(regions, components, clocks) or bool(timing.decrements(regions))


def frame_times(tree: Tree, call: Node, functions: list[Node]) -> frozenset[str]:
    """The parameter an animation frame's callback gets the time in (``(time) => …`` of
    ``requestAnimationFrame``): a clock read."""
    if callee(tree, call) != "requestAnimationFrame" or not functions:
        return frozenset()
    params = functions[0].child_by_field_name("parameters") or functions[0].child_by_field_name(
        "parameter"
    )
    if params is not None and params.type == "formal_parameters":
        params = params.named_children[0] if params.named_children else None
    if params is not None and params.type == "required_parameter":
        params = params.child_by_field_name("pattern")
    return (
        frozenset({tree.source(params)})
        if params is not None and params.type == "identifier"
        else frozenset()
    )


def timer_resets(script: Script, regions: list[Node]) -> None:
    """``if (s <= 0) s = 600`` or ``s <= 0 ? 600 : s - 1`` in a countdown."""
    tree = script.tree
    for region in regions:
        found = tree.captures(_IF, region)
        for node in found.get("if", ()):
            counter = _zero_test(tree, node.child_by_field_name("condition"))
            body = node.child_by_field_name("consequence")
            if counter and body is not None and _sets_again(tree, body, counter):
                script.add(mr.TIMER_RESET, node)
        for node in found.get("ternary", ()):
            counter = _zero_test(tree, node.child_by_field_name("condition"))
            value = node.child_by_field_name("consequence")
            if counter and value is not None:
                value = unwrap(value)
                amount = number(tree, value)
                if (amount is not None and amount != 0) or value.type == "identifier":
                    script.add(mr.TIMER_RESET, node)


def _zero_test(tree: Tree, condition: Node | None) -> str:
    """The counter of a ``x <= 0`` / ``x < 0`` / ``x === 0`` test ("" for other tests)."""
    if condition is None:
        return ""
    condition = unwrap(condition)
    if condition.type != "binary_expression":
        return ""
    if operator(tree, condition) not in ("<", "<=", "==", "==="):
        return ""
    if number(tree, condition.child_by_field_name("right")) != 0:
        return ""
    return path(tree, condition.child_by_field_name("left")).rsplit(".", 1)[-1]


def _sets_again(tree: Tree, body: Node, counter: str) -> bool:
    """Whether a block sets the counter, or a deadline, again (not to zero)."""
    for node in tree.captures(_ASSIGNMENTS, body).get("assign", ()):
        target = path(tree, node.child_by_field_name("left")).rsplit(".", 1)[-1]
        words = mr.name_words(target)
        timeish = any(w in TIME_WORDS or w in RESET_WORDS for w in words)
        value = node.child_by_field_name("right")
        if (target == counter or timeish) and value is not None and not _zero(tree, value):
            return True
    return False


def _zero(tree: Tree, value: Node) -> bool:
    value = unwrap(value)
    if number(tree, value) == 0 or path(tree, value) in _ZERO_PATHS:
        return True
    if value.type in ("null", "undefined", "false"):
        return True
    if value.type == "unary_expression":
        return tree.source(value).replace(" ", "") in ("void0", "!1")
    if value.type == "string":
        return not tree.source(value)[1:-1].strip()
    return value.type == "call_expression" and callee(tree, value).startswith("clear")


def fake_depletion(script: Script, timing: Timing, regions: list[Node], ticking: bool) -> None:
    """Stock decremented by a timer; in a countdown's code "remaining" or "left" is time."""
    stock = STOCK_WORDS - TIME_LEFT_WORDS if ticking else STOCK_WORDS
    for node, name in timing.decrements(regions):
        words = mr.name_words(name.rsplit(".", 1)[-1])
        if any(w in stock for w in words) and not any(w in TIME_WORDS for w in words):
            script.add(mr.FAKE_DEPLETION, node)
