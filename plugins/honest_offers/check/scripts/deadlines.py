"""Deadlines made up on the visitor's side: computed from page load (HO612), rolling over at
the end of each day (HO614), renewed once expired (HO615), kept in the browser (HO613).

A computed end time counts when the value goes to a name that says deadline (``offerEnd``,
``localStorage.setItem("promo_deadline", …)``), or to a weaker name (``end``) in a script
with a countdown, or when a countdown reads it.
"""

from __future__ import annotations

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check.registry import Rule
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.timing import Timing
from honest_offers.check.scripts.tree import (
    REGION,
    Tree,
    ancestors,
    arguments,
    call_of,
    callee,
    constant_string,
    field,
    last_name,
    member_of,
    number,
    operator,
    path,
    unwrap,
)

DEADLINE_WORDS = mr.word_set("deadline countdown timer offer sale promo")
WEAK_DEADLINE_WORDS = mr.word_set("end ends ending until target finish stop due limit")
STORED_STRONG = mr.word_set("deadline deadlines countdown timer stock inventory")
STORED_WEAK = mr.word_set("end ends expiry expires expire expiration offer")
STORAGE = frozenset({"localStorage", "sessionStorage"})
STORAGE_METHODS = frozenset({"setItem", "getItem", "removeItem", "clear", "key", "length"})
COOKIE_CALLS = frozenset({"Cookies.set", "Cookies.get", "$.cookie", "setCookie", "getCookie"})
_UNIT_SETTERS = {
    "setMinutes": "getMinutes",
    "setHours": "getHours",
    "setSeconds": "getSeconds",
    "setDate": "getDate",
}
_STATEMENTS = frozenset(
    {"expression_statement", "lexical_declaration", "variable_declaration", "return_statement"}
)

_BINARIES = REGION


def deadlines(script: Script, timing: Timing) -> None:
    found = _candidates(timing)
    _clock_arithmetic(script, timing, found["binary"])
    _date_setters(script, found["call"])
    _renewals(script, timing, found["ternary"], found["expired"])


def _clock_arithmetic(script: Script, timing: Timing, binaries: list[Node]) -> None:
    """``clock + d`` (from page load) and ``Date.now() % 864e5`` (end of each day)."""
    tree = script.tree
    for node in binaries:
        op = operator(tree, node)
        left = node.child_by_field_name("left")
        if op == "+" and left is not None and timing.is_wall_clock(left):
            deadline(script, mr.EVERGREEN_DEADLINE, node)
        elif op == "%" and _day_or_hour(tree, node):
            deadline(script, mr.ROLLING_DEADLINE, node)


def _date_setters(script: Script, calls: list[Node]) -> None:
    """``d.setMinutes(d.getMinutes() + 15)``, ``setHours(23, 59)``, ``endOf("day")``."""
    tree = script.tree
    for call in calls:
        name, args = callee(tree, call), arguments(call)
        if name in _UNIT_SETTERS and args and _adds_to(tree, args[0], _UNIT_SETTERS[name]):
            deadline(script, mr.EVERGREEN_DEADLINE, call)
        elif (name in ("setHours", "setUTCHours") and _end_of_day(tree, args)) or (
            name == "endOf" and args and constant_string(tree, args[0]) == "day"
        ):
            deadline(script, mr.ROLLING_DEADLINE, call)


def _renewals(script: Script, timing: Timing, ternaries: list[Node], expired: list[Node]) -> None:
    """An end time set again from the clock once it has passed."""
    for node in ternaries:
        if _renewed_ternary(timing, node):
            script.add(mr.TIMER_RESET, node)
    for node in expired:
        statement = _renewed_if(timing, node)
        if statement is not None:
            script.add(mr.TIMER_RESET, statement)


def _candidates(timing: Timing) -> dict[str, list[Node]]:
    """What the deadline rules look at, found from the clock reads: ``clock + d`` and
    ``clock % d`` (binary), comparisons with the clock on the right (expired), the ternaries
    they decide, and ``setHours``/``setMinutes``/``endOf`` calls."""
    tree = timing.tree
    found: dict[str, list[Node]] = {"binary": [], "expired": [], "ternary": [], "call": []}
    for clock in timing.clock_reads():
        parent = clock.parent
        if parent is None or parent.type != "binary_expression":
            continue
        op = operator(tree, parent)
        if parent.child_by_field_name("left") == clock and op in ("+", "%"):
            found["binary"].append(parent)
        elif parent.child_by_field_name("right") == clock and op in ("<", "<=", ">", ">="):
            if op in ("<", "<="):
                found["expired"].append(parent)
            ternary = _deciding(parent)
            if ternary is not None:
                found["ternary"].append(ternary)
    found["call"] = [
        call
        for name in tree.named(*_UNIT_SETTERS, "setUTCHours", "endOf")
        if (call := call_of(name)) is not None
    ]
    return found


def _deciding(comparison: Node) -> Node | None:
    """The ternary whose condition ends with ``comparison`` (``a && b < now ? … : …``)."""
    node = comparison
    while node.parent is not None and node.parent.type in (
        "binary_expression",
        "parenthesized_expression",
    ):
        node = node.parent
    parent = node.parent
    if parent is not None and parent.type == "ternary_expression":
        return parent if parent.child_by_field_name("condition") == node else None
    return None


def _day_or_hour(tree: Tree, node: Node) -> bool:
    """``Date.now() % 864e5``: time of day (or of the hour)."""
    left = node.child_by_field_name("left")
    return (
        left is not None
        and path(tree, unwrap(left)) == "Date.now()"
        and number(tree, node.child_by_field_name("right")) in (864e5, 36e5)
    )


def _adds_to(tree: Tree, node: Node, getter: str) -> bool:
    """``d.getMinutes() + 15``."""
    node = unwrap(node)
    if node.type != "binary_expression" or operator(tree, node) != "+":
        return False
    left = unwrap(node.child_by_field_name("left") or node)
    return left.type == "call_expression" and callee(tree, left) == getter


def _end_of_day(tree: Tree, args: list[Node]) -> bool:
    """``setHours(23, 59, …)`` or ``setHours(24, …)``."""
    first = number(tree, args[0]) if args else None
    second = number(tree, args[1]) if len(args) > 1 else None
    return first == 24 or (first == 23 and second == 59)


def deadline(script: Script, rule: Rule, node: Node) -> None:
    target = assignment_target(script.tree, node)
    words = mr.name_words(target)
    strong = any(w in DEADLINE_WORDS for w in words)
    weak = any(w in WEAK_DEADLINE_WORDS for w in words)
    if strong or (weak and script.tickers) or (target and script.ticker_reads(target)):
        script.add(rule, node)


def assignment_target(tree: Tree, node: Node) -> str:
    """The variable, property or storage key a value goes to ("" if none): climbs from the
    value to its declaration, assignment, object key, storage call or ``.set…()`` receiver,
    within its statement."""
    if node.type == "call_expression" and callee(tree, node).startswith("set"):
        receiver = field(node.child_by_field_name("function"), "object")
        if receiver is not None:
            return last_name(tree, receiver)
    for parent in ancestors(node):
        target = _target_of(tree, parent)
        if target is not None:
            return target
        if parent.type in _STATEMENTS or parent.type == "statement_block":
            return ""
    return ""


_CLASS_FIELDS = {"field_definition": "property", "public_field_definition": "name"}
"""Class fields, in JavaScript and in TypeScript, by the field that names them."""


def _target_of(tree: Tree, parent: Node) -> str | None:
    """What ``parent`` writes its value to, or None when the value passes through it."""
    kind = parent.type
    if kind == "variable_declarator":
        return tree.source(parent.child_by_field_name("name") or parent)
    if kind in _CLASS_FIELDS:  # ``deadline = Date.now() + …`` in a class (an Angular component)
        name = parent.child_by_field_name(_CLASS_FIELDS[kind])
        return tree.source(name) if name is not None else ""
    if kind in ("assignment_expression", "augmented_assignment_expression"):
        return last_name(tree, parent.child_by_field_name("left"))
    if kind == "pair":
        key = parent.child_by_field_name("key")
        return tree.source(key).strip("\"'") if key is not None else ""
    if kind == "jsx_attribute":
        return tree.source(parent.named_children[0]) if parent.named_children else ""
    if kind == "call_expression":
        return _call_target(tree, parent)
    return None


def _call_target(tree: Tree, call: Node) -> str | None:
    """The key of ``setItem(key, …)`` or a cookie call, the receiver of ``x.setFoo(…)``."""
    name, args = callee(tree, call), arguments(call)
    if name == "setItem" or path(tree, call.child_by_field_name("function")) in COOKIE_CALLS:
        written = constant_string(tree, args[0]) if args else None
        return (written or "").split("=", 1)[0]
    if name.startswith("set") and name != "setTimeout":
        receiver = field(call.child_by_field_name("function"), "object")
        return last_name(tree, receiver) if receiver is not None else ""
    return None


def _renewed_ternary(timing: Timing, node: Node) -> bool:
    """``saved < now ? now + d : saved`` or ``saved >= now ? saved : now + d``."""
    tree = timing.tree
    condition = unwrap(node.child_by_field_name("condition") or node)
    while condition.type == "binary_expression" and operator(tree, condition) in ("&&", "||"):
        condition = unwrap(condition.child_by_field_name("right") or condition)
    if condition.type != "binary_expression":
        return False
    right = condition.child_by_field_name("right")
    if right is None or not timing.is_clock(right):
        return False
    op = operator(tree, condition)
    branch = "consequence" if op in ("<", "<=") else "alternative" if op in (">", ">=") else ""
    value = node.child_by_field_name(branch) if branch else None
    return value is not None and _clock_plus(timing, value)


def _renewed_if(timing: Timing, expired: Node) -> Node | None:
    """The ``if`` of ``if (end < now) { end = now + d }``, given ``end < now``."""
    tree = timing.tree
    right = expired.child_by_field_name("right")
    if right is None or not timing.is_clock(right):
        return None
    condition = expired
    for parent in ancestors(expired):
        if parent.type == "if_statement":
            if parent.child_by_field_name("condition") != condition:
                return None
            body = parent.child_by_field_name("consequence")
            binaries = tree.captures(_BINARIES, body).get("binary", ()) if body else ()
            return parent if any(_clock_plus(timing, b) for b in binaries) else None
        if parent.type not in ("binary_expression", "parenthesized_expression", "unary_expression"):
            return None
        condition = parent
    return None


def _clock_plus(timing: Timing, node: Node) -> bool:
    node = unwrap(node)
    left = node.child_by_field_name("left")
    return (
        node.type == "binary_expression"
        and operator(timing.tree, node) == "+"
        and left is not None
        and timing.is_clock(left)
    )


def stored_deadlines(script: Script) -> None:
    """Deadline, timer or stock keys in ``localStorage``, ``sessionStorage`` or cookies."""
    tree = script.tree
    has_deadline = bool(script.tickers) or any(
        f.rule in (mr.EVERGREEN_DEADLINE.code, mr.ROLLING_DEADLINE.code, mr.TIMER_RESET.code)
        for f in script.found
    )
    found = _storage(tree)
    keys = [_call_key(tree, call) for call in found["call"]]
    keys += [_member_key(tree, member) for member in found["member"]]
    keys += [_cookie_key(tree, assign) for assign in found["cookie"]]
    keys += [_subscript_key(tree, node) for node in found["subscript"]]
    for key in keys:
        if key is not None:
            _stored(script, key[0], key[1], has_deadline)


def _call_key(tree: Tree, call: Node) -> tuple[str, Node] | None:
    """``localStorage.setItem(key, …)``, ``Cookies.set(key, …)``."""
    function = call.child_by_field_name("function")
    name = path(tree, function)
    owner = name.rsplit(".", 1)[0].rsplit(".", 1)[-1]
    args = arguments(call)
    storage = owner in STORAGE and last_name(tree, function) in ("setItem", "getItem")
    key = _key(tree, args[0]) if (storage or name in COOKIE_CALLS) and args else None
    return (key[0].split("=", 1)[0], key[1]) if key is not None else None


def _member_key(tree: Tree, member: Node) -> tuple[str, Node] | None:
    """``localStorage.offerEnd`` (not a method call)."""
    prop = member.child_by_field_name("property")
    if prop is None or member.parent is None or member.parent.type == "call_expression":
        return None
    name = tree.source(prop)
    return (name, prop) if name not in STORAGE_METHODS else None


def _cookie_key(tree: Tree, assign: Node) -> tuple[str, Node] | None:
    """``document.cookie = "offer_end=" + …``."""
    value = _leftmost(assign.child_by_field_name("right"))
    key = _key(tree, value) if value is not None else None
    return (key[0].split("=", 1)[0], key[1]) if key is not None else None


def _subscript_key(tree: Tree, node: Node) -> tuple[str, Node] | None:
    """``localStorage["offer_end"]``."""
    index = node.child_by_field_name("index")
    return _key(tree, index) if index is not None else None


def _storage(tree: Tree) -> dict[str, list[Node]]:
    """Storage and cookie calls, storage properties and subscripts, ``document.cookie =``."""
    found: dict[str, list[Node]] = {"call": [], "member": [], "cookie": [], "subscript": []}
    for name in tree.named("setItem", "getItem", "set", "get", "cookie", "setCookie", "getCookie"):
        call = call_of(name)
        if call is not None:
            found["call"].append(call)
        elif path(tree, member_of(name)) == "document.cookie":
            assign = member_of(name)
            parent = assign.parent if assign is not None else None
            if parent is not None and parent.type == "assignment_expression":
                found["cookie"].append(parent)
    for name in tree.named(*STORAGE):
        holder = member_of(name) or name
        parent = holder.parent
        if parent is None or parent.child_by_field_name("object") != holder:
            continue
        if parent.type == "member_expression":
            found["member"].append(parent)
        elif parent.type == "subscript_expression":
            found["subscript"].append(parent)
    return found


def _leftmost(node: Node | None) -> Node | None:
    while node is not None and node.type == "binary_expression":
        node = node.child_by_field_name("left")
    return node


def _key(tree: Tree, node: Node) -> tuple[str, Node] | None:
    """A storage key: a string, or a name set to a string (``var KEY = "offer_end"``)."""
    node = unwrap(node)
    if node.type in ("string", "template_string"):
        value = constant_string(tree, node)
        return (value, node) if value is not None else None
    if node.type == "identifier":
        name = tree.source(node)
        for target in tree.named(name):
            constant = target.parent
            if constant is None or constant.type != "variable_declarator":
                continue
            literal = constant.child_by_field_name("value")
            if literal is not None and literal.type == "string":
                return tree.source(literal)[1:-1], literal
    return None


def _stored(script: Script, key: str, node: Node, has_deadline: bool) -> None:
    words = mr.name_words(key)
    if any(w in STORED_STRONG for w in words) or (
        has_deadline and any(w in STORED_WEAK for w in words)
    ):
        offset = script.tree.start(node) + (1 if node.type == "string" else 0)
        script.add(mr.STORED_DEADLINE, offset, key)
