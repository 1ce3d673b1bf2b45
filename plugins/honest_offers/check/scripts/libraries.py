"""Catalogue entries (:mod:`honest_offers.check.vendors`) used by a script: imported
(``import Countdown from "react-countdown"``, ``require("flipdown")``, ``import("…")``),
called (``new FlipDown(…)``, ``Tick.count.down(…)``), run as a jQuery plugin
(``$("#clock").countdown(…)``), listened to (``.on("finish.countdown", …)``, in
:mod:`.timers`), named as a global (``window.essentialCountdownTimerConfigs``), loaded from a
vendor's host (in any string), or rendered as JSX with a catalogue class
(``<div className="flipdown">``).
"""

from __future__ import annotations

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


def libraries(script: Script) -> None:
    tree = script.tree
    for module in _modules(tree):
        name = constant_string(tree, module)
        entry = vendors.by_import(name) if name else None
        if entry is not None:
            script.add(entry.rule, module, name)
    for node in tree.named(*sorted(vendors.GLOBAL_NAMES)):
        entry = vendors.by_global(tree.source(node))
        if entry is not None:
            script.add(entry.rule, node, tree.source(node))
    names = sorted(vendors.CALL_NAMES | vendors.PLUGIN_NAMES)
    for call in dict.fromkeys(c for n in tree.named(*names) if (c := call_of(n)) is not None):
        function = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        called = path(tree, function)
        entry = vendors.by_call(called) if called else None
        if entry is not None:
            script.add(entry.rule, call)
            continue
        if function is not None and function.type == "member_expression":
            plugin = function.child_by_field_name("property")
            receiver = function.child_by_field_name("object")
            if plugin is not None and receiver is not None and _jquery(tree, receiver):
                entry = vendors.by_plugin(tree.source(plugin))
                if entry is not None:
                    script.add(entry.rule, call)
    _vendor_hosts(script)
    _jsx_markup(script)


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


def class_rule(class_name: str) -> Rule | None:
    """The rule a class name marks, as in pages (countdown and activity words first)."""
    words = mr.name_words(class_name)
    if mr.has_marker(words, mr.COUNTDOWN_WORDS, mr.COUNTDOWN_PAIRS):
        return mr.COUNTDOWN_MARKUP
    if mr.has_marker(words, mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS):
        return mr.ACTIVITY_MARKUP
    vendor = vendors.by_class(class_name)
    return vendor.markup_rule if vendor is not None else None
