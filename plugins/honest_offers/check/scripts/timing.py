"""What code does with time and the page, read from the tree: clock reads, time arithmetic,
remaining time, counters that go down, and writes to the page.

Each question is asked about *regions* — a timer's callback and the local functions it
calls — so that a ``setInterval`` in one corner of a bundle and a ``textContent`` in another
do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check.scripts.tree import (
    FUNCTIONS,
    REGION,
    Tree,
    ancestors,
    arguments,
    call_of,
    callee,
    contains,
    enclosing,
    field,
    last_name,
    number,
    operator,
    path,
    unwrap,
)

SCHEDULERS = {"setInterval": True, "setTimeout": False, "requestAnimationFrame": False}
"""Timer functions; True when the callback repeats by itself."""
WRAPPED_SCHEDULER_ENDS = (b"raf", b"frame", b"timeout")
"""How the names of functions that wrap a timer end (``rAF(f)`` from a utility module, the
``raf`` package, a ``requestAnimFrame`` shim, ``safeTimeout(f)``): a callback that schedules
itself through one repeats like one that calls ``setTimeout``."""
CLOCK_CALLS = frozenset({"Date.now", "performance.now", "DateTime.now", "DateTime.local"})
CLOCK_FACTORIES = frozenset({"dayjs", "moment"})
"""Date libraries whose call without arguments reads the clock."""
WALL_CLOCK_CALLS = frozenset({"Date.now"})
WRITE_PROPERTIES = frozenset(
    {"textContent", "innerText", "innerHTML", "outerHTML", "nodeValue", "value", "data"}
)
RERENDER_CALLS = frozenset({"forceUpdate", "$forceUpdate", "detectChanges", "requestUpdate"})
"""Calls that draw a component again with its state as it is now (React's ``forceUpdate``
and ``useForceUpdate`` hooks, Vue's ``$forceUpdate``, Angular's ``detectChanges``, Lit's
``requestUpdate``): a write to the page of whatever the component shows."""
WRITE_METHODS = frozenset({"insertAdjacentHTML", "insertAdjacentText", "write", "writeln"})
JQUERY_WRITES = frozenset({"text", "html", "val"})
VUE_OPTIONS = mr.word_set(
    "data methods computed watch props render template setup mounted created emits components"
)
"""Keys of a Vue component's options object (two of them make one)."""
VUE_REFS = ("ref", "shallowRef")
ROUNDING = frozenset({"Math.floor", "Math.trunc", "Math.round", "Math.ceil", "parseInt", "Number"})
TIME_NUMBERS = frozenset({60.0, 1000.0, 3600.0, 86400.0, 60000.0, 3600000.0, 86400000.0})
DURATION_CALLS = frozenset({"duration", "intervalToDuration", "formatDuration", "fromMillis"})
"""Date-library calls that split milliseconds into days, hours, minutes and seconds."""
TIME_UNITS = mr.word_set(
    "ms millis milliseconds sec secs second seconds min mins minute minutes hour hours hr hrs "
    "day days"
)

SETTING_WORDS = mr.word_set("duration delay interval timeout speed")
"""Last words of the settings an animation or a timer is given its length in."""

_WRITES = _ARITHMETIC = _DECREMENTS = _CLOCKS = REGION
_JSX = """
[(jsx_element) (jsx_self_closing_element)] @jsx
"""


class Timing:
    """Answers about time and page writes in one script (what it learns once is kept)."""

    def __init__(self, tree: Tree, *, svelte: bool = False) -> None:
        self.tree = tree
        self.svelte = svelte
        """A Svelte component's script: its top-level variables are what the markup shows."""
        self._helpers: frozenset[str] | None = None
        self._setters: dict[str, Node] | None = None
        self._refs: frozenset[str] | None = None
        self._handles = b".current" in tree.data
        """Whether the script says ``.current`` (a React ref's handle) at all."""

    # -- clocks --

    def clock_reads(self) -> list[Node]:
        """Every clock read of the script (helpers' calls included), found from the names
        they are spelt with."""
        tree = self.tree
        if "clocks" in tree.memo:
            reads: list[Node] = tree.memo["clocks"]
            return reads
        reads = []
        names = ("now", "getTime", "valueOf", "Date", *CLOCK_FACTORIES)
        for name in tree.named(*names, *self.helpers):
            read = call_of(name)
            if read is None:
                continue
            if read.parent is not None and read.parent.type == "unary_expression":
                read = read.parent if self.is_clock(read.parent) else read
            if self.is_clock(read):
                reads.append(read)
        tree.memo["clocks"] = reads
        return reads

    @property
    def helpers(self) -> frozenset[str]:
        """Functions that only read the clock: ``const now = () => Date.now()``."""
        if self._helpers is None:
            names = set()
            for name in self.tree.named("now", "getTime", "Date", *CLOCK_FACTORIES):
                read = call_of(name)
                function = _returned_by(read) if read is not None else None
                if function is not None and self._returns_clock(function):
                    names.add(self.tree.function_name(function))
            self._helpers = frozenset(names - {""})
        return self._helpers

    def _returns_clock(self, function: Node) -> bool:
        params = function.child_by_field_name("parameters")
        if params is not None and params.named_child_count > 1:
            return False
        body = function.child_by_field_name("body")
        if body is None:
            return False
        if body.type == "statement_block":
            statements = body.named_children
            if len(statements) != 1 or statements[0].type != "return_statement":
                return False
            values = statements[0].named_children
            body = values[0] if values else body
        return self.is_clock(body, frozenset(), helpers=False)

    def is_clock(
        self, node: Node, fresh: frozenset[str] = frozenset(), *, helpers: bool = True
    ) -> bool:
        """Whether ``node`` reads the clock: ``Date.now()``, ``new Date()``, ``+new Date``,
        ``performance.now()`` or any ``x.now()`` (a component's ``this.now()``), ``x.getTime()``
        of such, a clock helper, or a variable or property in ``fresh`` (set from the clock in
        the same code: ``this.now = Date.now()``)."""
        tree = self.tree
        node = unwrap(node)
        kind = node.type
        if kind == "unary_expression" and operator(tree, node) == "+":
            argument = node.child_by_field_name("argument")
            return argument is not None and self.is_clock(argument, fresh, helpers=helpers)
        if kind == "new_expression":
            return path(tree, node.child_by_field_name("constructor")) == "Date" and not arguments(
                node
            )
        if kind in ("identifier", "member_expression"):
            return bool(fresh) and path(tree, node) in fresh
        if kind != "call_expression":
            return False
        function = node.child_by_field_name("function")
        name = path(tree, function)
        if name in CLOCK_CALLS or (name.endswith(".now") and not arguments(node)):
            return True
        if name in CLOCK_FACTORIES or (helpers and name in self.helpers):
            return not arguments(node)
        if last_name(tree, function) in ("getTime", "valueOf") and function is not None:
            receiver = function.child_by_field_name("object")
            return receiver is not None and self.is_clock(receiver, fresh, helpers=helpers)
        return False

    def is_wall_clock(self, node: Node) -> bool:
        """A clock reading a deadline is built from: ``Date.now()``, ``+new Date``, any
        ``.getTime()``, a helper (``performance.now()`` is for animation)."""
        node = unwrap(node)
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            if last_name(self.tree, function) == "getTime" or path(self.tree, function) in (
                WALL_CLOCK_CALLS | self.helpers
            ):
                return True
        if node.type == "unary_expression" and operator(self.tree, node) == "+":
            return self.is_clock(node)
        return False

    def fresh(self, regions: Iterable[Node]) -> frozenset[str]:
        """Variables set from the clock inside ``regions`` (``var now = new Date()``)."""
        names: set[str] = set()
        for region in regions:
            found = self.tree.captures(_CLOCKS, region)
            for node in found.get("declarator", ()):
                value = node.child_by_field_name("value")
                target = node.child_by_field_name("name")
                if value is not None and target is not None and self.from_clock(value):
                    names.add(self.tree.source(target))
            for node in found.get("assign", ()):
                right, left = node.child_by_field_name("right"), node.child_by_field_name("left")
                if right is not None and left is not None and self.from_clock(right):
                    names.add(path(self.tree, left) or self.tree.source(left))
        return frozenset(names)

    def _elapsed(self, regions: Iterable[Node], fresh: frozenset[str]) -> frozenset[str]:
        """Variables that hold the time passed since a clock read (``elapsed = now -
        start``, also scaled: ``(time - start) / 1000``)."""
        names: set[str] = set()
        for region in regions:
            found = self.tree.captures(_CLOCKS, region)
            for node in (*found.get("declarator", ()), *found.get("assign", ())):
                value = node.child_by_field_name("value") or node.child_by_field_name("right")
                target = node.child_by_field_name("name") or node.child_by_field_name("left")
                if value is not None and target is not None and self._since(value, fresh):
                    names.add(path(self.tree, target) or self.tree.source(target))
        return frozenset(names)

    def _since(self, value: Node, fresh: frozenset[str]) -> bool:
        value = unwrap(value)
        if value.type == "binary_expression" and operator(self.tree, value) == "/":
            value = unwrap(value.child_by_field_name("left") or value)
        left = value.child_by_field_name("left")
        return (
            value.type == "binary_expression"
            and operator(self.tree, value) == "-"
            and left is not None
            and self.from_clock(left, fresh)
        )

    def from_clock(self, node: Node, fresh: frozenset[str] = frozenset()) -> bool:
        """A clock read, also rounded or scaled: ``Math.trunc(Date.now() / 1000)``."""
        node = unwrap(node)
        for _ in range(4):
            if (
                node.type == "call_expression"
                and path(self.tree, node.child_by_field_name("function")) in ROUNDING
            ):
                args = arguments(node)
                node = unwrap(args[0]) if args else node
            elif node.type == "binary_expression" and operator(self.tree, node) in ("/", "|"):
                node = unwrap(node.child_by_field_name("left") or node)
            else:
                break
        return self.is_clock(node, fresh)

    def remaining(
        self, regions: list[Node], scope: Iterable[Node] = (), clocks: frozenset[str] = frozenset()
    ) -> bool:
        """``end - now`` (the clock on the right: time left, not time passed),
        ``duration - elapsed`` (time passed since a clock read, taken from a time), or
        ``end.diff(dayjs())``, in ``regions`` or in the wider ``scope`` (the component whose
        state the regions set: ``this.now = Date.now()`` there, ``this.end - this.now`` in
        its watcher). ``clocks``: names that hold the time (an animation frame's)."""
        fresh = self.fresh(regions) | clocks
        elapsed = self._elapsed(regions, fresh)
        for region in [*regions, *scope]:
            for node in self.tree.captures(_ARITHMETIC, region).get("binary", ()):
                if operator(self.tree, node) == "-":
                    right = node.child_by_field_name("right")
                    if right is not None and (
                        self.from_clock(right, fresh) or path(self.tree, unwrap(right)) in elapsed
                    ):
                        return True
            for call in self.tree.captures(_CLOCKS, region).get("call", ()):
                args = arguments(call)
                if callee(self.tree, call) == "diff" and args and self.is_clock(args[0], fresh):
                    return True
        return False

    # -- arithmetic --

    def time_arithmetic(self, regions: Iterable[Node]) -> bool:
        """Division, modulo or product by a time unit (``/ 1000``, ``% 60``, ``/ HOUR``), clock
        formatting (``padStart(2, "0")``, ``slice(-2)``, ``s < 10 ? "0" + s : s``) or a
        duration split into units (``dayjs.duration(ms)``); not a timer's own delay
        (``setTimeout(f, 60 * 1000)``)."""
        tree = self.tree
        for region in regions:
            found = tree.captures(_ARITHMETIC, region)
            for node in found.get("binary", ()):
                if (
                    operator(tree, node) in ("/", "%", "*")
                    and self._time_operands(node)
                    and not _is_delay(tree, node)
                ):
                    return True
            if any(self._formats_time(call) for call in found.get("call", ())):
                return True
            for node in found.get("ternary", ()):
                condition = unwrap(node.child_by_field_name("condition") or node)
                if (
                    condition.type == "binary_expression"
                    and operator(tree, condition) == "<"
                    and number(tree, condition.child_by_field_name("right")) == 10
                ):
                    return True
        return False

    def _formats_time(self, call: Node) -> bool:
        """``padStart(2, "0")``, ``slice(-2)``, or a duration split into units by a date
        library (``dayjs.duration(ms)``, ``intervalToDuration(…)``)."""
        tree = self.tree
        name, args = callee(tree, call), arguments(call)
        if name in DURATION_CALLS:
            return bool(args)
        first = number(tree, args[0]) if args else None
        return (name == "padStart" and first == 2) or (name in ("slice", "substr") and first == -2)

    def _time_operands(self, node: Node) -> bool:
        tree = self.tree
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        for side, other in ((left, right), (right, left)):
            if number(tree, side) in TIME_NUMBERS:
                return operator(tree, node) != "*" or not self._setting(other)
        if operator(tree, node) == "*" or right is None:
            return False
        name = last_name(tree, unwrap(right))
        return not TIME_UNITS.isdisjoint(mr.name_words(name)) if name else False

    def _setting(self, node: Node | None) -> bool:
        """A length of time the code is configured with (``options.duration * 1000``): its
        unit changed, not a time shown."""
        name = last_name(self.tree, unwrap(node)) if node is not None else ""
        if node is not None and unwrap(node).type == "call_expression":
            args = arguments(unwrap(node))  # Number(options.duration)
            name = last_name(self.tree, unwrap(args[0])) if args else ""
        return not SETTING_WORDS.isdisjoint(mr.name_words(name)) if name else False

    # -- counters --

    def decrements(self, regions: Iterable[Node]) -> list[tuple[Node, str]]:
        """(node, name) of counters that go down: ``s--``, ``s -= 1``, ``s = s - 1``, and
        ``setS(s => s - 1)`` / ``this.setState({s: this.state.s - 1})``; not a loop's own
        counter (``for (…; i--)``)."""
        found: list[tuple[Node, str]] = []
        for region in regions:
            captured = self.tree.captures(_DECREMENTS, region)
            found += self._stepped_down(captured)
            found += self._set_lower(captured.get("assign", ()))
            for call in self._setter_calls([region]):
                for node in self.tree.captures(_ARITHMETIC, call).get("binary", ()):
                    if operator(self.tree, node) == "-" and number(
                        self.tree, node.child_by_field_name("right")
                    ):
                        found.append((node, path(self.tree, node.child_by_field_name("left"))))
        return found

    def _stepped_down(self, captured: dict[str, list[Node]]) -> list[tuple[Node, str]]:
        """``s--`` and ``s -= d``, except in a ``for`` loop's update clause."""
        tree = self.tree
        found = []
        for node in captured.get("update", ()):
            if ("--" in operator(tree, node) or tree.source(node).count("--")) and not _loop_step(
                node
            ):
                found.append((node, path(tree, node.child_by_field_name("argument"))))
        for node in captured.get("augment", ()):
            if operator(tree, node) == "-=" and not _loop_step(node):
                found.append((node, path(tree, node.child_by_field_name("left"))))
        return found

    def _set_lower(self, assignments: Iterable[Node]) -> list[tuple[Node, str]]:
        """``s = s - 1``."""
        tree = self.tree
        found = []
        for node in assignments:
            right = unwrap(node.child_by_field_name("right") or node)
            if right.type != "binary_expression" or operator(tree, right) != "-":
                continue
            target = path(tree, node.child_by_field_name("left"))
            if target and path(tree, right.child_by_field_name("left")) == target:
                found.append((node, target))
        return found

    # -- page writes --

    @property
    def setters(self) -> dict[str, Node]:
        """useState setters of components that render JSX and of hooks (what a hook returns
        a component renders), with the function declaring them: ``const [left, setLeft] =
        useState(…)``."""
        if self._setters is None:
            self._setters = {}
            tree = self.tree
            for hook in tree.named("useState", "useReducer", "useSignal"):
                value = call_of(hook)
                declarator = value.parent if value is not None else None
                if declarator is None or declarator.type != "variable_declarator":
                    continue
                pattern = declarator.child_by_field_name("name")
                if pattern is None or pattern.type != "array_pattern":
                    continue
                names = pattern.named_children
                if len(names) < 2:
                    continue
                component = enclosing(pattern, FUNCTIONS)
                if component is not None and (
                    _HOOK_NAME.match(tree.function_name(component))
                    or tree.captures(_JSX, component).get("jsx")
                ):
                    self._setters[tree.source(names[1])] = component
        return self._setters

    def _setter_calls(self, regions: Iterable[Node]) -> list[Node]:
        calls = []
        for region in regions:
            for call in self.tree.captures(_WRITES, region).get("call", ()):
                name = callee(self.tree, call)
                if name == "setState" or (
                    name in self.setters and call.child_by_field_name("function") is not None
                ):
                    calls.append(call)
        return calls

    def writes(self, regions: Iterable[Node]) -> list[Node]:
        """Where the code writes to the page, and the components whose state it sets (their
        render reads the time too). Empty: no write.

        State is React's (``setState``, a ``useState`` setter, a method of a ref's
        ``.current`` handle), Vue's (``this.x =`` in a component's options, ``x.value =`` of a
        ``ref()``) and Svelte's (a top-level variable of the component's script); a call that
        draws a component again (:data:`RERENDER_CALLS`) writes what it shows."""
        tree = self.tree
        extra: list[Node] = []
        for region in regions:
            found = tree.captures(_WRITES, region)
            for node in (*found.get("assign", ()), *found.get("augment", ())):
                scope = self._state_scope(node)
                if scope is not None:
                    extra.append(scope)
                elif self._writes_dom(node):
                    return [region]
            for node in found.get("update", ()):
                scope = self._state_scope(node)
                extra += [scope] if scope is not None else []
            for call in found.get("call", ()):
                name = callee(tree, call)
                if name in WRITE_METHODS or (name in JQUERY_WRITES and arguments(call)):
                    return [region]
                scope = self._setter_scope(call, name, region)
                if scope is not None:
                    extra.append(scope)
        return list({(n.start_byte, n.end_byte): n for n in extra}.values())

    def dom_writes(self, regions: Iterable[Node]) -> list[Node]:
        """The assignments and calls in ``regions`` that write text to the page."""
        tree = self.tree
        found: list[Node] = []
        for region in regions:
            captured = tree.captures(_WRITES, region)
            found += [n for n in captured.get("assign", ()) if self._writes_dom(n)]
            for call in captured.get("call", ()):
                name = callee(tree, call)
                if name in WRITE_METHODS or (name in JQUERY_WRITES and arguments(call)):
                    found.append(call)
        return found

    def _writes_dom(self, assignment: Node) -> bool:
        left = assignment.child_by_field_name("left")
        prop = left.child_by_field_name("property") if left is not None else None
        return prop is not None and self.tree.source(prop) in WRITE_PROPERTIES

    def _setter_scope(self, call: Node, name: str, region: Node) -> Node | None:
        """The component whose state a call of ``name`` sets: ``setState``, a ``useState``
        setter, or a method of a ref's handle with a value (``cardRef.current.flip(next)``)."""
        if name == "setState" or name in RERENDER_CALLS:
            return enclosing(call, frozenset({"class_declaration", "class"})) or region
        if name in self.setters:
            return self.setters[name]
        if not self._handles:
            return None
        function = call.child_by_field_name("function")
        handle = unwrap(function.child_by_field_name("object") or function) if function else None
        if (
            handle is not None
            and handle.type == "member_expression"
            and last_name(self.tree, handle) == "current"
            and arguments(call)
        ):
            return _jsx_component(self.tree, call) or region
        return None

    def _state_scope(self, assignment: Node) -> Node | None:
        """The component whose state an assignment or update (``x++``) sets (Vue's
        ``this.x``, a ``ref``'s ``.value``, a Svelte component's top-level variable), else
        None."""
        target = assignment.child_by_field_name("left") or assignment.child_by_field_name(
            "argument"
        )
        left = unwrap(target or assignment)
        if left.type == "identifier":
            return self.tree.root if self.svelte and self._top_level(left) else None
        if left.type != "member_expression":
            return None
        owner = unwrap(left.child_by_field_name("object") or left)
        if owner.type == "this":
            return _vue_component(self.tree, assignment) or _class_component(self.tree, assignment)
        if last_name(self.tree, left) == "value" and self.tree.source(owner) in self.refs:
            return self.tree.root
        return None

    @property
    def refs(self) -> frozenset[str]:
        """Variables holding a Vue ``ref()``: ``const left = ref(0)``."""
        if self._refs is None:
            names = set()
            for name in self.tree.named(*VUE_REFS):
                call = call_of(name)
                parent = call.parent if call is not None else None
                if parent is not None and parent.type == "variable_declarator":
                    target = parent.child_by_field_name("name")
                    names.add(self.tree.source(target) if target is not None else "")
            self._refs = frozenset(names - {""})
        return self._refs

    def _top_level(self, name: Node) -> bool:
        """Whether the variable ``name`` is declared at the top of the script."""
        if "top" not in self.tree.memo:
            self.tree.memo["top"] = _top_level_names(self.tree)
        top: frozenset[str] = self.tree.memo["top"]
        return self.tree.source(name) in top


_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})
_CLASSES = frozenset({"class_declaration", "class", "abstract_class_declaration"})
_HOOK_NAME = re.compile(r"use[A-Z0-9]")


def _top_level_names(tree: Tree) -> frozenset[str]:
    names = set()
    for statement in tree.root.named_children:
        if statement.type == "export_statement":
            statement = statement.child_by_field_name("declaration") or statement
        if statement.type in _DECLARATIONS:
            for declarator in statement.named_children:
                target = declarator.child_by_field_name("name")
                if target is not None and target.type == "identifier":
                    names.add(tree.source(target))
    return frozenset(names)


def _jsx_component(tree: Tree, node: Node) -> Node | None:
    """The function around ``node`` that renders JSX."""
    for function in ancestors(node):
        if function.type in FUNCTIONS and tree.captures(_JSX, function).get("jsx"):
            return function
    return None


def _class_component(tree: Tree, node: Node) -> Node | None:
    """The class around ``node`` if it is a component whose fields its template shows: an
    Angular ``@Component`` or a ``LitElement``."""
    owner = enclosing(node, _CLASSES)
    if owner is None:
        return None
    heritage = next((c for c in owner.named_children if c.type == "class_heritage"), None)
    if heritage is not None and "LitElement" in tree.source(heritage):
        return owner
    holders = [owner, owner.parent] if owner.parent is not None else [owner]
    for holder in holders:
        for child in holder.named_children:
            if child.type == "decorator" and tree.source(child).startswith("@Component"):
                return owner
    return None


def _vue_component(tree: Tree, node: Node) -> Node | None:
    """The Vue component options object around ``node`` (``{ data() {…}, methods: {…} }``)."""
    for owner in ancestors(node):
        if owner.type != "object":
            continue
        keys = set()
        for member in owner.named_children:
            key = member.child_by_field_name("key") or member.child_by_field_name("name")
            keys.add(tree.source(key) if key is not None else "")
        if len(keys & VUE_OPTIONS) >= 2:
            return owner
    return None


def _returned_by(read: Node) -> Node | None:
    """The function whose whole body returns ``read`` (``() => Date.now()``)."""
    node = read
    while node.parent is not None and node.parent.type in ("unary_expression", "member_expression"):
        node = node.parent
        if node.parent is not None and node.parent.type == "call_expression":
            node = node.parent
    parent = node.parent
    if parent is not None and parent.type == "return_statement":
        block = parent.parent
        parent = block.parent if block is not None and block.type == "statement_block" else None
    return parent if parent is not None and parent.type in FUNCTIONS else None


def _loop_step(node: Node) -> bool:
    """Whether ``node`` is the update clause of a ``for`` loop (``i--``)."""
    parent = node.parent
    while parent is not None and parent.type == "sequence_expression":
        node, parent = parent, parent.parent
    return (
        parent is not None
        and parent.type == "for_statement"
        and parent.child_by_field_name("increment") == node
    )


def _is_delay(tree: Tree, node: Node) -> bool:
    """A timer's delay argument (``setTimeout(f, 60 * 1000)``)."""
    parent = node.parent
    while parent is not None and parent.type in ("binary_expression", "parenthesized_expression"):
        node, parent = parent, parent.parent
    call = parent.parent if parent is not None and parent.type == "arguments" else None
    return (
        call is not None
        and callee(tree, call) in SCHEDULERS
        and not contains(arguments(call)[0], node)
        and field(call, "arguments") is not None
    )
