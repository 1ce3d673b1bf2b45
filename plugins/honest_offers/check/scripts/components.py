"""Countdown components and hooks used by name: a hook that runs a countdown
(``useCountdown(props)``, HO611), a JSX element of a countdown component given a time
(``<CountdownTimer date={end} />``, HO601), and such an element told to start again when it
reaches zero (``onComplete={() => ({ shouldRepeat: true })}``, HO615).

A name says countdown when its words do (``markup_rules.COUNTDOWN_NAME_WORDS``); ``Timer``
alone does not, since timers also count up. A component element counts only with a time among
its props (``date``, ``duration``, ``deadline``…, or a value bound to a prop that names one:
``value={deadline}``): the name and what it is given.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.strings import texts
from honest_offers.check.scripts.timers import scheduler_sites, stream_sites
from honest_offers.check.scripts.timing import Timing
from honest_offers.check.scripts.tree import (
    FUNCTIONS,
    REGION,
    Tree,
    arguments,
    call_of,
    callee,
    contains,
    inside_any,
    unwrap,
)

TIMER_WORDS = mr.word_set("timer")
END_WORDS = mr.word_set("expiry expires expiration deadline until end ends")
"""Words of the option or prop that gives a timer the time it ends at."""
_HOOK = re.compile(rb"use[A-Z][A-Za-z0-9_$]*")
_HANDLER_CODE = REGION


def components(script: Script, timing: Timing) -> None:
    _hooks(script)
    _elements(script)
    _named_countdowns(script, timing)


def _named_countdowns(script: Script, timing: Timing) -> None:
    """A component, class or function named countdown (``FlipClockCountdown``, ``class
    CountdownTimer``, a ``countdown.vue`` file: :func:`.markup_rules.says_countdown`) whose
    repeating timer writes to the page or its state: a countdown, also when the time left is
    worked out by a helper imported from another module (``calcTimeDelta(to, now())``)."""
    tree = script.tree
    sites = [
        (call, tree.callback(callback), repeats)
        for call, callback, repeats in scheduler_sites(tree)
    ]
    sites += [(call, functions, True) for call, functions in stream_sites(tree)]
    if not sites:
        return
    named = [
        node
        for name, nodes in tree.definitions.items()
        if mr.says_countdown(name)
        for node in nodes
    ]
    named += [c for name, nodes in tree.classes.items() if mr.says_countdown(name) for c in nodes]
    if mr.says_countdown(script.module):  # a component file named countdown (a Vue SFC)
        named.append(tree.root)
    if not named:
        return
    reported = {f.line for f in script.found if f.rule == mr.COUNTDOWN_SCRIPT.code}
    for call, functions, repeats in sites:
        if not any(contains(scope, call) for scope in named):
            continue
        regions = tree.expand(functions)
        repeating = repeats or inside_any(regions, call)
        new = script.lines.at(tree.start(call))[0] not in reported
        if repeating and new and timing.writes(regions):
            script.add(mr.COUNTDOWN_SCRIPT, call)


def _hooks(script: Script) -> None:
    """Calls of a hook whose name says countdown."""
    tree = script.tree
    data = tree.data
    for match in _HOOK.finditer(data):
        if match.start() and data[match.start() - 1 : match.start()].isalnum():
            continue
        name = match.group().decode()
        if not mr.is_countdown_name(name) and not _timer_name(name):
            continue
        node = tree.root.named_descendant_for_byte_range(match.start(), match.end())
        if node is None or node.type != "identifier" or node.end_byte != match.end():
            continue
        call = call_of(node)
        if call is not None and (mr.is_countdown_name(name) or _given_end(tree, call)):
            script.add(mr.COUNTDOWN_SCRIPT, call)


def _counts_down(name: str, props: dict[str, str]) -> bool:
    """A countdown component given a time (``<FlipCountdown date={…}>``, ``<Countdown
    value={deadline}>``), or a timer given the time it ends at (``<Timer deadline={…}>``);
    ``props``: each prop's bound expression ("" for a literal)."""
    if mr.is_countdown_name(name):
        return any(mr.gives_time(prop, bound) for prop, bound in props.items())
    return any(_names_end(p) for p in props)


def _bound(tree: Tree, attribute: Node) -> str:
    """The expression of a JSX prop (``value={deadline}``: ``deadline``); "" for a string."""
    values = [n for n in attribute.named_children[1:] if n.type == "jsx_expression"]
    return tree.source(values[0]).strip("{} ") if values else ""


def _timer_name(name: str) -> bool:
    """``useTimer``, ``Timer``, ``CircleTimer``: a timer, which may count up or down."""
    return not TIMER_WORDS.isdisjoint(mr.name_words(name))


def _given_end(tree: Tree, call: Node) -> bool:
    """Whether a timer hook is given the time it ends at (``useTimer({ expiryTimestamp
    })``): then it counts down to it. A stopwatch or a clock is given no end."""
    return any(_names_end(name) for arg in arguments(call) for name in tree.names(arg))


def _names_end(name: str) -> bool:
    return not END_WORDS.isdisjoint(mr.name_words(name))


def _elements(script: Script) -> None:
    """JSX elements of a countdown component given a time, and their restarts."""
    tree = script.tree
    texts(tree)  # finds the JSX elements too (once per script)
    elements: list[Node] = tree.memo["jsx"]
    for element in elements:
        if element.type == "jsx_element":
            element = element.child_by_field_name("open_tag") or element
        name = element.child_by_field_name("name")
        written = tree.source(name) if name is not None else ""
        if name is None or not (mr.is_countdown_name(written) or _timer_name(written)):
            continue
        attributes = [a for a in element.named_children if a.type == "jsx_attribute"]
        props = {_prop(tree, a): a for a in attributes}
        if not _counts_down(written, {p: _bound(tree, a) for p, a in props.items()}):
            continue
        script.add(mr.COUNTDOWN_MARKUP, name, tree.source(element).split("\n", 1)[0][:60])
        for prop, attribute in props.items():
            if mr.is_completion(prop) and _restarts(tree, attribute):
                script.add(mr.TIMER_RESET, attribute)


def _prop(tree: Tree, attribute: Node) -> str:
    first = attribute.named_children[0] if attribute.named_children else None
    return tree.source(first) if first is not None else ""


def _restarts(tree: Tree, attribute: Node) -> bool:
    """Whether a completion handler starts the countdown again: it returns or passes
    ``{ repeat: true }`` (``shouldRepeat``, ``restart``…) or calls ``restart()``/``start()``."""
    handlers = [n for n in attribute.named_children[1:] if n.type == "jsx_expression"]
    for expression in handlers:
        function = unwrap(expression.named_children[0]) if expression.named_children else None
        if function is None or function.type not in FUNCTIONS:
            continue
        found = tree.captures(_HANDLER_CODE, function)
        for call in found.get("call", ()):
            if not mr.RESTARTING_CALLS.isdisjoint(mr.name_words(callee(tree, call))):
                return True
        if _repeat_option(tree, function):
            return True
    return False


def _repeat_option(tree: Tree, function: Node) -> bool:
    """``{ shouldRepeat: true }`` anywhere in ``function``."""
    for start, end in tree.spelt("true"):
        if not (function.start_byte <= start and end <= function.end_byte):
            continue
        value = tree.root.named_descendant_for_byte_range(start, end)
        pair = value.parent if value is not None else None
        key = pair.child_by_field_name("key") if pair is not None else None
        if (
            pair is not None
            and pair.type == "pair"
            and key is not None
            and set(mr.name_words(tree.source(key))) & mr.RESTART_WORDS
        ):
            return True
    return False
