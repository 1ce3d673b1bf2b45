"""Catalogue entries (:mod:`honest_offers.check.vendors`) used by a script: imported
(``import Countdown from "react-countdown"``, ``require("flipdown")``, ``import("…")``),
called (``new FlipDown(…)``, ``Tick.count.down(…)``), run as a jQuery plugin
(``$("#clock").countdown(…)``), listened to (``.on("finish.countdown", …)``, in
:mod:`.timers`), named as a global (``window.essentialCountdownTimerConfigs``), loaded from a
vendor's host (in any string), or rendered as JSX with a catalogue class
(``<div className="flipdown">``). A library of clocks as well as countdowns (FlipClock)
counts only where the script sets up a countdown: a countdown option given to a call
(``timer.start({ countdown: true })``, HO611 on its own for any timer) or a time to count to
in the library's call (``flipClock({ face: elapsedTime({ to: date }) })``).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.registry import Rule
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.strings import texts
from honest_offers.check.scripts.tree import (
    Tree,
    arguments,
    call_of,
    constant_string,
    path,
    unwrap,
)

_JSX_ATTRIBUTES = """
((jsx_attribute (property_identifier) @name (string)) @attribute
 (#match? @name "^(className|class|id|data-.*)$"))
"""
_MODULE_HOLDERS = frozenset({"import_statement", "export_statement"})
_CALLS = frozenset({"call_expression", "new_expression"})
QUERY_METHODS = (
    "querySelector",
    "querySelectorAll",
    "getElementsByClassName",
    "getElementById",
    "closest",
)
"""DOM methods whose first argument names the elements a script works on."""
_SELECTOR_NAMES = re.compile(r"([.#\[]?)(-?[A-Za-z_][\w-]*)")
_COUNTDOWN_WORD = re.compile(rb"count_?down")
"""In the lower-cased script (a literal search, faster than one that ignores case)."""
_SET_TRUE = re.compile(rb"""[\w$]*['"]?\s*:\s*(?:true|!0)\b""")
"""The rest of a key set to true (``Down: true``, ``": !0``), after its countdown word."""
_KEYS = """
(pair key: (_) @key)
"""


Use = tuple[vendors.Vendor, Node, str | None]
"""A catalogue entry, where the script uses it, and the text to quote (None: the line)."""


def libraries(script: Script) -> None:
    tree = script.tree
    uses = [*_imported(tree), *_globals(tree), *_called(tree)]
    configured = countdown_options(script)
    counting = {v.name for v, node, _ in uses if node.type in _CALLS and _counts_to(tree, node)}
    for vendor, node, text in uses:
        if not vendor.clock or configured or vendor.name in counting:
            script.add(vendor.rule, node, text)
    _vendor_hosts(script)
    _jsx_markup(script)
    _selectors(script)


def _imported(tree: Tree) -> list[Use]:
    uses: list[Use] = []
    for module in _modules(tree):
        name = constant_string(tree, module)
        entry = vendors.by_import(name) if name else None
        if entry is not None:
            uses.append((entry, module, name))
    return uses


def _globals(tree: Tree) -> list[Use]:
    uses: list[Use] = []
    for node in tree.named(*sorted(vendors.GLOBAL_NAMES)):
        entry = vendors.by_global(tree.source(node))
        if entry is not None:
            uses.append((entry, node, tree.source(node)))
    return uses


def _called(tree: Tree) -> list[Use]:
    """API calls (``new FlipDown(…)``) and jQuery plugins (``$(…).countdown(…)``)."""
    uses: list[Use] = []
    names = sorted(vendors.CALL_NAMES | vendors.PLUGIN_NAMES)
    for call in dict.fromkeys(c for n in tree.named(*names) if (c := call_of(n)) is not None):
        function = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        called = path(tree, function)
        entry = vendors.by_call(called) if called else None
        if entry is None and function is not None and function.type == "member_expression":
            plugin = function.child_by_field_name("property")
            receiver = function.child_by_field_name("object")
            if plugin is not None and receiver is not None and _jquery(tree, receiver):
                entry = vendors.by_plugin(tree.source(plugin))
        if entry is not None:
            uses.append((entry, call, None))
    return uses


def countdown_options(script: Script) -> bool:
    """Options that turn a timer into a countdown, given to a call (``timer.start({
    countdown: true })``, ``new Clock(el, { countDown: !0 })``): HO611 at the call. Whether
    there was one."""
    tree = script.tree
    found = False
    if b"down" not in tree.lowered:
        return False
    for word in _COUNTDOWN_WORD.finditer(tree.lowered):
        rest = _SET_TRUE.match(tree.data, word.end())
        if rest is None:
            continue
        call = _option_call(tree, word.start(), word.end())
        if call is not None:
            script.add(mr.COUNTDOWN_SCRIPT, call)
            found = True
    return found


def _option_call(tree: Tree, start: int, end: int) -> Node | None:
    """The call given the object whose key has a countdown word at ``start:end``, if the
    key is one that says countdown (``countdown``, ``isCountDown``)."""
    key = tree.root.named_descendant_for_byte_range(start, end)
    if key is not None and key.type == "string_fragment":
        key = key.parent
    pair = key.parent if key is not None else None
    if key is None or pair is None or pair.type != "pair" or pair.child_by_field_name("key") != key:
        return None
    words = mr.name_words(tree.source(key).strip("\"'"))
    if not mr.has_marker(words, mr.COUNTDOWN_NAME_WORDS, mr.COUNTDOWN_NAME_PAIRS):
        return None
    holder = pair.parent.parent if pair.parent is not None else None
    call = holder.parent if holder is not None and holder.type == "arguments" else None
    return call if call is not None and call.type in _CALLS else None


def _counts_to(tree: Tree, call: Node) -> bool:
    """Whether a call's options give a time to count to (``{ to: date }``, ``until``…)."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return False
    for key in tree.captures(_KEYS, args).get("key", ()):
        words = mr.name_words(tree.source(key).strip("\"'"))
        if words[:1] and words[0] in mr.TARGET_WORDS:
            return True
    return False


def _modules(tree: Tree) -> list[Node]:
    """Module names of ``import … from "x"``, ``export … from "x"``, ``require("x")`` and
    ``import("x")``."""
    found = []
    for start, end in [*tree.spelt("import"), *tree.spelt("export"), *tree.spelt("require")]:
        holder = tree.root.descendant_for_byte_range(start, end)
        for _ in range(3):
            if holder is None or holder.type in _MODULE_HOLDERS or holder.type == "call_expression":
                break
            holder = holder.parent
        source: Node | None = None
        if holder is not None and holder.type in _MODULE_HOLDERS:
            source = holder.child_by_field_name("source")
        elif holder is not None and holder.type == "call_expression":
            args = arguments(holder)
            source = args[0] if args and callee_is_loader(tree, holder) else None
        if source is not None and source.type == "string":
            found.append(source)
    return found


def callee_is_loader(tree: Tree, call: Node) -> bool:
    function = call.child_by_field_name("function")
    return function is not None and (
        function.type == "import" or tree.source(function) == "require"
    )


def _jquery(tree: Tree, receiver: Node) -> bool:
    """Whether ``receiver`` is a jQuery object: ``$(…)``, ``jQuery(…)`` (also chained:
    ``$(…).find(…)``) or a ``$name`` variable."""
    node = unwrap(receiver)
    for _ in range(8):
        if node.type == "identifier":
            name = tree.source(node)
            return name.startswith("$") or name == "jQuery"
        if node.type == "call_expression":
            node = unwrap(node.child_by_field_name("function") or node)
        elif node.type == "member_expression":
            node = unwrap(node.child_by_field_name("object") or node)
        else:
            return False
    return False


def _vendor_hosts(script: Script) -> None:
    """Vendor hosts and plugin paths in any text of the script (loader snippets)."""
    for joined in texts(script.tree):
        for part in joined.parts:
            if isinstance(part, int) or part.jsx:
                continue
            value = part.value
            if "." not in value and "/" not in value:
                continue
            for start, end, vendor in vendors.references(value):
                offset = part.start + start if value == part.raw else part.start
                script.add(vendor.rule, offset, value[start:end])


def _jsx_markup(script: Script) -> None:
    """JSX attributes that are markup: ``className``/``id`` words of countdowns, activity
    widgets and catalogue widgets, and countdown ``data-*`` attributes."""
    tree = script.tree
    if not tree.memo.get("jsx"):
        return
    for attribute in tree.captures(_JSX_ATTRIBUTES).get("attribute", ()):
        if attribute.named_child_count < 2:
            continue
        name = tree.source(attribute.named_children[0])
        value = attribute.named_children[-1]
        rule: Rule | None = None
        if name in ("className", "class", "id"):
            for word in (constant_string(tree, value) or "").split():
                rule = class_rule(word)
                if rule is not None:
                    break
        elif mr.COUNTDOWN_DATA_ATTR.match(name):
            rule = mr.COUNTDOWN_MARKUP
        elif mr.ACTIVITY_DATA_ATTR.match(name):
            rule = mr.ACTIVITY_MARKUP
        if rule is not None:
            script.add(rule, value, tree.source(value))


def _selectors(script: Script) -> None:
    """DOM queries for an activity widget (``box.querySelector(".stock-counter")``,
    ``[data-live-viewers]``): the script fills a fake-activity or stock widget (HO602).
    Countdown words are left to the timer rules: frameworks ship countdown components that a
    page may not use."""
    tree = script.tree
    for name in tree.named(*QUERY_METHODS):
        call = call_of(name)
        args = arguments(call) if call is not None else []
        selector = constant_string(tree, args[0]) if args else None
        if selector and _activity_selector(selector):
            script.add(mr.ACTIVITY_MARKUP, args[0], selector)


def _activity_selector(selector: str) -> bool:
    for kind, name in _SELECTOR_NAMES.findall(selector):
        if kind == "[" and mr.ACTIVITY_DATA_ATTR.match(name):
            return True
        words = mr.name_words(name)
        if kind != "[" and mr.has_marker(words, mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS):
            return True
    return False


def class_rule(class_name: str) -> Rule | None:
    """The rule a class name marks, as in pages (countdown and activity words first)."""
    words = mr.name_words(class_name)
    if mr.has_marker(words, mr.COUNTDOWN_WORDS, mr.COUNTDOWN_PAIRS):
        return mr.COUNTDOWN_MARKUP
    if mr.has_marker(words, mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS):
        return mr.ACTIVITY_MARKUP
    vendor = vendors.by_class(class_name)
    return vendor.markup_rule if vendor is not None else None
