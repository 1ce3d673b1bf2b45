"""The parsed script: tree-sitter trees of JavaScript, JSX, TypeScript and TSX, and helpers.

One ``Parser`` and one compiled ``Query`` per dialect and query text for the whole process.
Queries run in C and hand back only the nodes a rule asks about, so a 100 kB bundle with
70,000 nodes costs a few milliseconds per query instead of a walk in Python.

Offsets: tree-sitter counts UTF-8 bytes; findings and text mapping count characters.
``Tree.chars`` converts (free for ASCII sources, an index of non-ASCII characters else).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache
from typing import Any, Literal

import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from honest_offers.check.markup_rules import word_set

Dialect = Literal["js", "ts", "tsx"]
"""``js`` also reads JSX (the JavaScript grammar has it); TypeScript without JSX is ``ts``."""

_SUFFIXES: dict[str, Dialect] = {".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx"}
_LANG_ATTRIBUTES: dict[str, Dialect] = {"ts": "ts", "typescript": "ts", "tsx": "tsx"}


def dialect_for(path: str = "", lang: str = "") -> Dialect:
    """The dialect of a file by its suffix, or of a ``<script lang=…>``/``type=…`` block."""
    lang = lang.strip().lower().rsplit("/", 1)[-1]
    if lang in _LANG_ATTRIBUTES:
        return _LANG_ATTRIBUTES[lang]
    dot = path.rfind(".")
    return _SUFFIXES.get(path[dot:].lower(), "js") if dot >= 0 else "js"


@cache
def language(dialect: Dialect) -> Language:
    if dialect == "ts":
        return Language(tree_sitter_typescript.language_typescript())
    if dialect == "tsx":
        return Language(tree_sitter_typescript.language_tsx())
    return Language(tree_sitter_javascript.language())


@cache
def parser(dialect: Dialect) -> Parser:
    return Parser(language(dialect))


_KIND = re.compile(r"\(([a-z_]+)")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


@lru_cache(maxsize=256)
def query(dialect: Dialect, source: str) -> Query:
    """``source`` (patterns separated by blank lines) compiled for ``dialect``; patterns with a
    node kind the grammar lacks (JSX in plain TypeScript) are left out."""
    lang = language(dialect)
    patterns = [
        pattern
        for pattern in source.split("\n\n")
        if pattern.strip()
        and all(
            lang.id_for_node_kind(kind, True) is not None
            for kind in _KIND.findall(_QUOTED.sub('""', pattern))
            if kind != "_"
        )
    ]
    return Query(lang, "\n".join(patterns) or "(program) @_")


NAME_BYTES = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$"
) | frozenset(range(0x80, 0x100))
_NAMES_KINDS = frozenset(
    {
        "identifier",
        "property_identifier",
        "shorthand_property_identifier",
        "private_property_identifier",
        "type_identifier",
    }
)
_OPENED = frozenset({"string", "template_string", "jsx_element", "jsx_self_closing_element"})
FUNCTIONS = frozenset(
    {
        "function_declaration",
        "function_expression",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    }
)
_WRAPPERS = frozenset(
    {
        "parenthesized_expression",
        "non_null_expression",
        "as_expression",
        "satisfies_expression",
        "type_assertion",
        "await_expression",
    }
)
_CONTINUATION = bytes(1 if 0x80 <= b <= 0xBF else 0 for b in range(256))
_BLOCK = 4096

_DEFINITIONS = """
[(function_declaration) (generator_function_declaration) (method_definition)] @fn

(variable_declarator value: [(arrow_function) (function_expression) (generator_function)] @fn)

(assignment_expression right: [(arrow_function) (function_expression)] @fn)

(pair value: [(arrow_function) (function_expression)] @fn)

(field_definition value: [(arrow_function) (function_expression)] @fn)

(public_field_definition value: [(arrow_function) (function_expression)] @fn)
"""
_CLASS = re.compile(rb"\bclass\s+([A-Za-z_$][\w$]*)")
_CLASS_KINDS = frozenset({"class_declaration", "class", "abstract_class_declaration"})
_NAMES = """
[(identifier) (property_identifier) (shorthand_property_identifier)] @name
"""
REGION = """
(call_expression function: [(identifier) @callname (member_expression property: (_) @callname)])

(call_expression) @call

(new_expression) @new

(assignment_expression) @assign

(augmented_assignment_expression) @augment

(binary_expression) @binary

(ternary_expression) @ternary

(update_expression) @update

(variable_declarator) @declarator

(if_statement) @if

(return_statement (_)) @return

(arrow_function body: [(string) (template_string) (true) (unary_expression)]) @arrow
"""
"""What the rules ask about the code of a callback or handler, in one pass over it."""

DEFINITIONS_MAX = 8
"""Definitions of one name followed (minified bundles reuse short names)."""
REGION_BUDGET = 40_000
"""Bytes of called functions followed per timer or handler (bundles stay cheap)."""
NOT_CALLS = word_set(
    "if for while switch catch function return typeof new await async Math String Number "
    "parseInt parseFloat Date Object Array JSON Boolean setInterval setTimeout "
    "requestAnimationFrame clearInterval clearTimeout bind call apply"
)


class Tree:
    """One script, parsed once."""

    def __init__(self, text: str, dialect: Dialect = "js") -> None:
        self.text = text
        self.dialect: Dialect = dialect
        self.ascii = text.isascii()
        self.data = text.encode("utf-8", "surrogatepass")
        self.root = parser(dialect).parse(self.data).root_node
        self._captures: dict[str, dict[str, list[Node]]] = {}
        self._inside: dict[tuple[str, int, int], dict[str, list[Node]]] = {}
        self.memo: dict[str, Any] = {}
        """What the rules work out once per script (the texts, say)."""

    # -- offsets and text --

    @cached_property
    def lowered(self) -> bytes:
        """The script's bytes in lower case (for searches that ignore case)."""
        return self.data.lower()

    @cached_property
    def _continuations(self) -> tuple[bytes, list[int]]:
        """UTF-8 continuation bytes marked 1 (others 0), and how many come before each block
        of ``_BLOCK`` bytes."""
        marks = self.data.translate(_CONTINUATION)
        before, total = [], 0
        for at in range(0, len(marks), _BLOCK):
            before.append(total)
            total += marks.count(1, at, at + _BLOCK)
        return marks, before

    def chars(self, byte: int) -> int:
        """Character offset of a byte offset."""
        if self.ascii:
            return byte
        marks, before = self._continuations
        block = min(byte // _BLOCK, len(before) - 1) if before else 0
        if block < 0:
            return byte
        return byte - before[block] - marks.count(1, block * _BLOCK, byte)

    def start(self, node: Node) -> int:
        return self.chars(node.start_byte)

    def end(self, node: Node) -> int:
        return self.chars(node.end_byte)

    def source(self, node: Node) -> str:
        if self.ascii:
            return self.text[node.start_byte : node.end_byte]
        try:
            return self.data[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:  # a node that splits a broken character
            return self.text[self.chars(node.start_byte) : self.chars(node.end_byte)]

    # -- queries --

    def captures(self, source: str, node: Node | None = None) -> dict[str, list[Node]]:
        """Captures of a query over the script, or over one node (both cached)."""
        if node is None:
            if source not in self._captures:
                cursor = QueryCursor(query(self.dialect, source))
                self._captures[source] = cursor.captures(self.root)
            return self._captures[source]
        key = (source, node.start_byte, node.end_byte)
        if key not in self._inside:
            self._inside[key] = QueryCursor(query(self.dialect, source)).captures(node)
        return self._inside[key]

    def named(self, *words: str) -> list[Node]:
        """Identifiers and property names spelt ``word``, in source order.

        Found where the word is written (a byte search for the spelling, a whole word), then
        confirmed on the tree: a node of the tree that is exactly that name. A rule that asks
        about ``setInterval`` costs nothing in a bundle that never says it.
        """
        found: list[Node] = []
        for word in words:
            for start, end in self.spelt(word):
                node = self.root.named_descendant_for_byte_range(start, end)
                if (
                    node is not None
                    and node.type in _NAMES_KINDS
                    and (node.start_byte, node.end_byte) == (start, end)
                ):
                    found.append(node)
        return sorted(found, key=lambda n: n.start_byte)

    def strings_saying(self, *words: str) -> list[Node]:
        """String literals whose text has one of ``words`` as a whole word."""
        found: dict[int, Node] = {}
        for word in words:
            for start, end in self.spelt(word):
                node = self.root.named_descendant_for_byte_range(start, end)
                if node is not None and node.type == "string_fragment":
                    node = node.parent
                if node is not None and node.type in ("string", "template_string"):
                    found[node.start_byte] = node
        return [found[k] for k in sorted(found)]

    def opened_by(self, openers: bytes) -> dict[str, list[Node]]:
        """String literals, template literals and JSX elements (also self-closing) by kind, in
        source order: found from their opening character (a byte search), confirmed on the
        tree."""
        found: dict[str, list[Node]] = {}
        data, root = self.data, self.root
        for opener in openers:
            at = data.find(opener)
            while at >= 0:
                token = root.descendant_for_byte_range(at, at + 1)
                owner = token.parent if token is not None else None
                if owner is not None and owner.start_byte == at:
                    if owner.type == "jsx_opening_element":
                        owner = owner.parent
                    if owner is not None and owner.type in _OPENED:
                        found.setdefault(owner.type, []).append(owner)
                at = data.find(opener, at + 1)
        for nodes in found.values():
            nodes.sort(key=lambda n: n.start_byte)
        return found

    def spelt(self, word: str) -> Iterator[tuple[int, int]]:
        data, key = self.data, word.encode()
        at = data.find(key)
        while at >= 0:
            end = at + len(key)
            if (at == 0 or data[at - 1] not in NAME_BYTES) and (
                end >= len(data) or data[end] not in NAME_BYTES
            ):
                yield at, end
            at = data.find(key, end)

    def names(self, node: Node) -> frozenset[str]:
        """Identifiers and property names used inside ``node``."""
        found = self.captures(_NAMES, node).get("name", ())
        return frozenset(self.source(n) for n in found)

    def matches(self, source: str) -> list[tuple[int, dict[str, list[Node]]]]:
        return QueryCursor(query(self.dialect, source)).matches(self.root)

    # -- functions --

    @cached_property
    def definitions(self) -> dict[str, list[Node]]:
        """Function name → the functions defined under it (declarations, ``f = () =>``,
        methods, object and class members); ``current`` also → the functions kept in a
        React ref (``tickRef.current = tick``, then called as ``tickRef.current()``: the
        "latest callback" of ``useInterval`` hooks)."""
        index: dict[str, list[Node]] = {}
        for function in self.captures(_DEFINITIONS).get("fn", ()):
            name = self.function_name(function)
            if name:
                index.setdefault(name, []).append(function)
        for prop in self.named("current") if b".current" in self.data else ():
            member = prop.parent
            assignment = member.parent if member is not None else None
            if assignment is None or assignment.type != "assignment_expression":
                continue
            value = assignment.child_by_field_name("right")
            if assignment.child_by_field_name("left") == member and value is not None:
                index.setdefault("current", []).extend(index.get(self.source(value), []))
        return index

    @cached_property
    def classes(self) -> dict[str, list[Node]]:
        """Class name → the classes declared under it (found from ``class Name`` in the
        text, then confirmed on the tree)."""
        index: dict[str, list[Node]] = {}
        names = {m.group(1).decode() for m in _CLASS.finditer(self.data)}
        for name in self.named(*sorted(names)):
            parent = name.parent
            declared = parent is not None and parent.child_by_field_name("name") == name
            if declared and parent is not None and parent.type in _CLASS_KINDS:
                index.setdefault(self.source(name), []).append(parent)
        return index

    def function_name(self, function: Node) -> str:
        """The name a function is defined under (its own, or what it is assigned to)."""
        own = function.child_by_field_name("name")
        if own is not None and function.type != "function_expression":
            return self.source(own).strip("\"'")
        parent = function.parent
        if parent is None:
            return ""
        if parent.type == "variable_declarator":
            target = parent.child_by_field_name("name")
        elif parent.type == "assignment_expression":
            target = parent.child_by_field_name("left")
        elif parent.type == "pair":
            target = parent.child_by_field_name("key")
        else:
            target = parent.child_by_field_name("property") or parent.child_by_field_name("name")
        return last_name(self, target).strip("\"'") if target is not None else ""

    def functions_named(self, name: str) -> list[Node]:
        return self.definitions.get(name, [])[:DEFINITIONS_MAX]

    def callback(self, node: Node) -> list[Node]:
        """What runs when ``node`` (a callback argument) is called: the function itself, or
        the functions its name refers to (``tick``, ``this.tick``, ``tick.bind(this)``)."""
        node = unwrap(node)
        if node.type in FUNCTIONS:
            return [node]
        if node.type == "call_expression" and callee(self, node) == "bind":
            function = node.child_by_field_name("function")
            target = function.child_by_field_name("object") if function else None
            return self.callback(target) if target is not None else []
        name = last_name(self, node)
        return self.functions_named(name) if name else []

    def expand(self, regions: Iterable[Node], depth: int = 2) -> list[Node]:
        """``regions`` plus the functions they call, ``depth`` calls deep, within
        ``REGION_BUDGET`` bytes."""
        seen = {(n.start_byte, n.end_byte): n for n in regions}
        frontier = list(seen.values())
        budget = REGION_BUDGET
        for _ in range(depth):
            names: set[str] = set()
            for region in frontier:
                names.update(
                    self.source(n) for n in self.captures(REGION, region).get("callname", ())
                )
            frontier = []
            for name in sorted(names - NOT_CALLS):
                for function in self.functions_named(name):
                    key = start, end = function.start_byte, function.end_byte
                    if key in seen or any(s <= start and end <= e for s, e in seen):
                        continue  # (contains, on the spans already read off the nodes)
                    if budget <= 0:
                        return list(seen.values())
                    budget -= key[1] - key[0]
                    seen[key] = function
                    frontier.append(function)
        return list(seen.values())


# -- node helpers -------------------------------------------------------------------------------


def unwrap(node: Node) -> Node:
    """The expression inside parentheses, ``await``, ``x!`` and ``x as T``; the last of
    ``(0, f)``."""
    while node.type in _WRAPPERS or node.type == "sequence_expression":
        children = node.named_children
        if not children:
            break
        node = children[-1] if node.type == "sequence_expression" else children[0]
    return node


def call_of(name: Node) -> Node | None:
    """The call or ``new`` that calls the function ``name`` names (``f`` of ``f()``,
    ``x.f()``, ``new F()``), if any."""
    node = name
    if node.parent is not None and node.parent.type == "member_expression":
        if node.parent.child_by_field_name("property") != node:
            return None
        node = node.parent
    parent = node.parent
    if parent is None or parent.type not in ("call_expression", "new_expression"):
        return None
    function = parent.child_by_field_name("function") or parent.child_by_field_name("constructor")
    return parent if function == node else None


def member_of(name: Node) -> Node | None:
    """The member expression ``name`` is the property of (``x.name``)."""
    parent = name.parent
    if parent is not None and parent.type == "member_expression":
        return parent if parent.child_by_field_name("property") == name else None
    return None


def contains(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def inside_any(regions: Iterable[Node], node: Node) -> bool:
    return any(contains(region, node) for region in regions)


def ancestors(node: Node) -> Iterator[Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def field(node: Node | None, name: str) -> Node | None:
    return node.child_by_field_name(name) if node is not None else None


def path(tree: Tree, node: Node | None) -> str:
    """Dotted name of an identifier or member chain: ``document.title``, ``Date.now``;
    ``window["setInterval"]`` is ``window.setInterval``; "" for anything else."""
    if node is None:
        return ""
    node = unwrap(node)
    kind = node.type
    if kind in ("identifier", "property_identifier", "this", "private_property_identifier"):
        return tree.source(node)
    if kind == "member_expression":
        base = path(tree, node.child_by_field_name("object"))
        prop = node.child_by_field_name("property")
        return f"{base}.{tree.source(prop)}" if prop is not None else base
    if kind == "subscript_expression":
        index = node.child_by_field_name("index")
        key = constant_string(tree, index) if index is not None else None
        base = path(tree, node.child_by_field_name("object"))
        return f"{base}.{key}" if key else ""
    if kind == "call_expression":
        inner = path(tree, node.child_by_field_name("function"))
        return f"{inner}()" if inner else ""
    return ""


def last_name(tree: Tree, node: Node | None) -> str:
    """The last part of ``path``: ``tick`` of ``this.tick``, ``setInterval`` of
    ``window['set' + 'Interval']``."""
    return path(tree, node).rsplit(".", 1)[-1]


def callee(tree: Tree, call: Node) -> str:
    """Name of the function a call or ``new`` calls (its last part)."""
    function = call.child_by_field_name("function") or call.child_by_field_name("constructor")
    return last_name(tree, function)


def arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return args.named_children if args is not None and args.type == "arguments" else []


def constant_string(tree: Tree, node: Node) -> str | None:
    """The value of a string literal, or of string literals joined by ``+``."""
    node = unwrap(node)
    if node.type == "string":
        return tree.source(node)[1:-1]
    if node.type == "template_string" and not any(
        c.type == "template_substitution" for c in node.named_children
    ):
        return tree.source(node)[1:-1]
    if node.type == "binary_expression" and operator(tree, node) == "+":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            a, b = constant_string(tree, left), constant_string(tree, right)
            if a is not None and b is not None:
                return a + b
    return None


def operator(tree: Tree, node: Node) -> str:
    op = node.child_by_field_name("operator")
    return tree.source(op) if op is not None else ""


def number(tree: Tree, node: Node | None) -> float | None:
    """The value of a number literal (``1e3``, ``0x3c``, ``1_000``), else None."""
    if node is None:
        return None
    node = unwrap(node)
    if node.type == "unary_expression" and operator(tree, node) == "-":
        value = number(tree, node.child_by_field_name("argument"))
        return -value if value is not None else None
    if node.type != "number":
        return None
    text = tree.source(node).replace("_", "").lower().rstrip("n")
    try:
        return float(int(text, 0)) if text[:2] in ("0x", "0o", "0b") else float(text)
    except ValueError:
        return None


def enclosing(node: Node, kinds: frozenset[str]) -> Node | None:
    return next((a for a in ancestors(node) if a.type in kinds), None)
