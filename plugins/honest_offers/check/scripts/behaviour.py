"""Random activity (HO616), pre-selected add-ons (HO604) and handlers that trap or nag the
visitor: exit intent (HO605), leave prompts (HO606), back-button traps (HO607), tab-title
nags (HO608)."""

from __future__ import annotations

import re

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check.finding import Finding
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.strings import is_text, string_values, texts
from honest_offers.check.scripts.timers import listeners, scheduler_sites
from honest_offers.check.scripts.timing import Timing
from honest_offers.check.scripts.tree import (
    FUNCTIONS,
    REGION,
    Tree,
    ancestors,
    arguments,
    call_of,
    callee,
    constant_string,
    enclosing,
    inside_any,
    last_name,
    member_of,
    number,
    operator,
    path,
    unwrap,
)

RANDOM_MAX = 400
BLOCK_MAX = 3000
ACTIVITY_TEXT = re.compile(
    r"\b(?:viewing|watching|looking at|visitors?|viewers|online now|right now|in stock|left"
    r"|remaining|sold|bought|purchased|ordered|signed up|just now"
    r"|(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?) ago"
    r"|in (?:their|the|your) carts?|claimed|spots|seats)\b",
    re.IGNORECASE,
)
ACTIVITY_NAMES = mr.word_set(
    "viewers viewer viewing visitors visitor watching watchers buyers sold stock "
    "inventory purchases purchased bought online shoppers people"
)
_BLOCKS = frozenset({"statement_block", "class_body", "program"})
_STATEMENT_END = frozenset(
    {"expression_statement", "lexical_declaration", "variable_declaration", "return_statement"}
)

HANDLED = frozenset(
    {"mouseout", "mouseleave", "beforeunload", "popstate", "visibilitychange", "blur"}
)
"""Events whose handlers the rules read."""
_SHORTHANDS = ("mouseleave", "mouseout", "blur")
_HANDLER_CODE = REGION


# -- random activity ---------------------------------------------------------------------------


def random_activity(script: Script, timing: Timing) -> None:
    """``Math.random()`` shown as activity: next to activity words, in a timer that writes
    it where its names say activity, or picking a buyer's name or town from a list."""
    tree = script.tree
    calls = [
        call
        for name in tree.named("random")
        if (call := call_of(name)) is not None and path(tree, member_of(name)) == "Math.random"
    ][:RANDOM_MAX]
    if not calls:
        return
    shown = [call for call in calls if _shows_activity(tree, timing, _block(call))]
    for call in shown:
        script.add(mr.RANDOM_ACTIVITY, call)
    _random_on_timer(script, timing, calls)
    _random_picks(script, calls, shown)


def _random_on_timer(script: Script, timing: Timing, calls: list[Node]) -> None:
    """A timer whose code draws a random number and writes to the page where the names say
    activity: a visitor count that walks at random (``el.innerHTML = nextVisitors(n)``)."""
    tree = script.tree
    for _, callback, _ in scheduler_sites(tree):
        regions = tree.expand(tree.callback(callback))
        drawn = [call for call in calls if inside_any(regions, call)]
        if not drawn:
            continue
        written = {
            word
            for node in timing.dom_writes(regions)
            for name in tree.names(node)
            for word in mr.name_words(name)
        }
        if not written.isdisjoint(ACTIVITY_NAMES):
            script.add(mr.RANDOM_ACTIVITY, drawn[0])


def _random_picks(script: Script, calls: list[Node], shown: list[Node]) -> None:
    """A name or town picked at random from a list (``names[Math.random() * names.length |
    0]``, or through a helper: ``pick(cities)``) in a script that shows notices on a timer
    with activity words ("purchased", "2 min ago"): the buyers of a fake activity toast.
    ``shown``: random calls already reported."""
    tree = script.tree
    found = []
    for call in calls:
        picked = _picked(tree, call)
        for site, listed in _lists(tree, picked) if picked is not None else ():
            if site == picked and call in shown:
                continue  # reported at the random call, on the same line
            if _of_people(tree, listed):
                found.append(site)
    if found and scheduler_sites(tree) and _activity_text(tree):
        for site in found:
            script.add(mr.RANDOM_ACTIVITY, site)


def _of_people(tree: Tree, listed: Node) -> bool:
    """Whether a list holds people, towns or their purchases: by its name (``firstNames``,
    ``cities``, ``recentOrders``) or by the keys of the records it is written with
    (``[{ name: "Ana", city: "Porto" }, …]``)."""
    name = last_name(tree, listed)
    if not mr.PEOPLE_AND_PLACES.isdisjoint(mr.name_words(name)):
        return True
    for use in tree.named(name) if name and listed.type == "identifier" else ():
        declarator = use.parent
        value = declarator.child_by_field_name("value") if declarator is not None else None
        if declarator is None or declarator.type != "variable_declarator" or value is None:
            continue
        record = value.named_children[0] if value.type == "array" and value.named_children else None
        if record is not None and record.type == "object":
            keys = {w for key in tree.names(record) for w in mr.name_words(key)}
            return not mr.PEOPLE_AND_PLACES.isdisjoint(keys)
    return False


def _picked(tree: Tree, call: Node) -> Node | None:
    """The list ``Math.random()`` picks from: ``list`` of ``list[Math.floor(Math.random() *
    list.length)]``."""
    for parent in ancestors(call):
        if parent.type == "subscript_expression":
            index = parent.child_by_field_name("index")
            listed = parent.child_by_field_name("object")
            if index is not None and listed is not None and ".length" in tree.source(index):
                return listed
            return None
        if parent.type in _STATEMENT_END or parent.type in _BLOCKS:
            return None
    return None


def _lists(tree: Tree, picked: Node) -> list[tuple[Node, Node]]:
    """(where, list) of what is picked: the list itself, or, when it is the parameter of a
    helper (``const pick = (a) => a[…]``), the first argument of each call of the helper."""
    function = enclosing(picked, FUNCTIONS)
    name = tree.source(picked)
    if function is None or picked.type != "identifier" or not _parameter(tree, function, name):
        return [(picked, picked)]
    helper = tree.function_name(function)
    found = []
    for use in tree.named(helper) if helper else ():
        call = call_of(use)
        args = arguments(call) if call is not None else []
        if call is not None and args:
            found.append((call, args[0]))
    return found


def _parameter(tree: Tree, function: Node, name: str) -> bool:
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    return params is not None and name in tree.names(params)


def _activity_text(tree: Tree) -> bool:
    if "activity text" not in tree.memo:
        tree.memo["activity text"] = any(ACTIVITY_TEXT.search(j.text) for j in texts(tree))
    found: bool = tree.memo["activity text"]
    return found


def _block(node: Node) -> Node:
    """The innermost block around ``node`` if short, else its statement."""
    statement = node
    for parent in ancestors(node):
        if parent.type in _STATEMENT_END and statement is node:
            statement = parent
        if parent.type in _BLOCKS:
            return parent if parent.end_byte - parent.start_byte <= BLOCK_MAX else statement
    return statement


def _shows_activity(tree: Tree, timing: Timing, block: Node) -> bool:
    texts = string_values(tree, block)
    if any(is_text(t) and ACTIVITY_TEXT.search(t) for t in texts):
        return True
    if not timing.writes([block]):
        return False
    names = [*tree.names(block), *texts]
    return any(w in ACTIVITY_NAMES for name in names for w in mr.name_words(name))


# -- pre-selection -----------------------------------------------------------------------------


def preselection(script: Script) -> None:
    tree = script.tree
    candidates = []
    for name in tree.named("checked", "selected", "prop", "setAttribute"):
        member = member_of(name)
        parent = member.parent if member is not None else None
        if tree.source(name) in ("prop", "setAttribute"):
            candidates += [c] if (c := call_of(name)) is not None else []
        elif parent is not None and parent.type == "assignment_expression":
            candidates += [parent] if parent.child_by_field_name("left") == member else []
    for node in candidates:
        target = _checked_target(tree, node)
        if target is not None and mr.ADDON_WORDS.search(" ".join(mr.name_words(target))):
            script.add(mr.PRESELECTED, node)


def _checked_target(tree: Tree, node: Node) -> str | None:
    """The text naming what a script ticks: ``shippingProtection`` of
    ``shippingProtection.checked = true``; None when nothing is ticked."""
    function = node.child_by_field_name("function")
    if node.type == "assignment_expression":
        value = unwrap(node.child_by_field_name("right") or node)
        if not _true(tree, value):
            return None
        left = node.child_by_field_name("left")
        receiver = left.child_by_field_name("object") if left is not None else None
    else:
        args = [constant_string(tree, a) for a in arguments(node)]
        name = callee(tree, node)
        raw = arguments(node)
        if name == "prop":
            ticked = args[:1] in (["checked"], ["selected"]) and len(raw) > 1
            if not ticked or not _true(tree, unwrap(raw[1])):
                return None
        elif args[:1] not in (["checked"], ["selected"]) and args[:2] != ["aria-checked", "true"]:
            return None
        receiver = function.child_by_field_name("object") if function is not None else None
    return tree.source(receiver) if receiver is not None else ""


def _true(tree: Tree, value: Node) -> bool:
    return value.type == "true" or number(tree, value) == 1 or tree.source(value) == "!0"


# -- handlers ----------------------------------------------------------------------------------


def events(script: Script) -> None:
    tree = script.tree
    for call, event in listeners(tree, HANDLED):
        regions = [r for a in arguments(call)[1:] for r in tree.callback(a)]
        script.found += event_findings(script, event.split(".")[0].lower(), call, regions)
    for prop in tree.named(*(f"on{e}" for e in sorted(HANDLED)), *_SHORTHANDS):
        member = member_of(prop)
        parent = member.parent if member is not None else None
        handler: Node | None = None
        if parent is not None and parent.type == "assignment_expression":
            handler = parent.child_by_field_name("right")
        elif (shorthand := call_of(prop)) is not None and tree.source(prop) in _SHORTHANDS:
            handler = next(iter(arguments(shorthand)), None)
        if handler is not None:
            name = tree.source(prop)
            event = name[2:] if name.startswith("on") else name
            script.found += event_findings(script, event, prop, tree.callback(handler))


def event_findings(script: Script, event: str, site: Node, regions: list[Node]) -> list[Finding]:
    """Findings of a handler of ``event`` registered at ``site`` that runs ``regions``."""
    before = len(script.found)
    code = script.tree.expand(regions, depth=1) if regions else []
    if event in ("mouseout", "mouseleave") and _exit_intent(script.tree, code):
        script.add(mr.EXIT_TRIGGER, site)
    elif event == "beforeunload" and _prompts(script.tree, code):
        script.add(mr.LEAVE_PROMPT, site)
    elif event == "popstate" and _traps(script.tree, code):
        script.add(mr.BACK_TRAP, site)
    elif event in ("visibilitychange", "blur") and _writes_title(script.tree, code):
        script.add(mr.TITLE_NAG, site)
    added = script.found[before:]
    del script.found[before:]
    return added


def _exit_intent(tree: Tree, regions: list[Node]) -> bool:
    """``e.clientY <= 50`` (or less) or ``50 >= e.clientY``: the pointer at the top edge."""
    for region in regions:
        for node in tree.captures(_HANDLER_CODE, region).get("binary", ()):
            op = operator(tree, node)
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if op in ("<", "<="):
                pointer, limit = left, right
            elif op in (">", ">="):
                pointer, limit = right, left
            else:
                continue
            value = number(tree, limit)
            name = path(tree, pointer).rsplit(".", 1)[-1]
            if name in ("clientY", "pageY", "screenY") and value is not None and value <= 50:
                return True
    return False


def _prompts(tree: Tree, regions: list[Node]) -> bool:
    """preventDefault, returnValue, or a value returned to the browser."""
    for region in regions:
        found = tree.captures(_HANDLER_CODE, region)
        if found.get("return") or found.get("arrow"):
            return True
        if any(callee(tree, c) == "preventDefault" for c in found.get("call", ())):
            return True
        if any(
            path(tree, a.child_by_field_name("left")).endswith("returnValue")
            for a in found.get("assign", ())
        ):
            return True
    return False


def _traps(tree: Tree, regions: list[Node]) -> bool:
    """``history.pushState``, ``history.forward()``, ``history.go(1)`` or a redirect."""
    for region in regions:
        found = tree.captures(_HANDLER_CODE, region)
        for call in found.get("call", ()):
            name = path(tree, call.child_by_field_name("function"))
            if name in ("history.pushState", "history.forward", "location.replace"):
                return True
            if name == "location.assign" or name.endswith(".location.replace"):
                return True
            args = arguments(call)
            if name == "history.go" and args and number(tree, args[0]) == 1:
                return True
        for node in found.get("assign", ()):
            target = path(tree, node.child_by_field_name("left"))
            if target.split(".")[-2:] in (["location"], ["location", "href"]) or target in (
                "location",
                "window.location",
            ):
                return True
    return False


def _writes_title(tree: Tree, regions: list[Node]) -> bool:
    return any(
        path(tree, node.child_by_field_name("left")) == "document.title"
        for region in regions
        for node in tree.captures(_HANDLER_CODE, region).get("assign", ())
    )
