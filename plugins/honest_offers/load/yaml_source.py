"""Safe YAML loading that remembers where every value came from.

PyYAML's composer gives nodes with marks; we build plain Python data from them ourselves so
that we can (1) keep a line/column for every field path, (2) reject duplicate keys at any
depth, (3) bound alias and merge expansion, and (4) read YAML the way people mean it:
``no`` and ``on`` are strings, only ``true``/``false`` are booleans, and decimals stay exact.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from honest_offers.diagnostics import Problem
from honest_offers.files import FileTooLargeError, read_bytes

PathKey = tuple[str | int, ...]

MAX_FILE_BYTES = 1024 * 1024
"""An offer is a page of text; anything bigger is a mistake (or an attack)."""

MAX_NODES = 20_000
"""Values visited while building one document, counting every alias expansion."""

MAX_DEPTH = 32
"""Lists and mappings nested in one another; an offer needs four (``price.fees[0].amount``)."""

_BOOL_TAG = "tag:yaml.org,2002:bool"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _OfferLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader with YAML 1.2 booleans: ``yes``/``no``/``on``/``off`` stay strings."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # Called for every node. Without path resolvers (this loader has none), the tag of
        # a plain scalar depends on its text alone, and every other node gets its kind's
        # default tag; keys and short values repeat in every file, so their tags are kept.
        if kind is _SCALAR_NODE and implicit[0]:
            if value[:1] not in _RESOLVED_FIRST:
                return _STR_TAG  # no implicit resolver starts with this character
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = str(super().resolve(kind, value, implicit))
                if len(value) <= _PLAIN_TAG_TEXT_MAX and len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
                    _PLAIN_TAGS[value] = tag
            return tag
        return _DEFAULT_TAGS[kind]

    # Only path resolvers need the way down and back (this loader has none). The composer
    # calls both for every node, so they are C functions that do nothing useful, not
    # Python methods that do nothing: a Python call per node and direction.
    descend_resolver = staticmethod(operator.is_)  # (node, index) -> ignored
    ascend_resolver = staticmethod(tuple)  # () -> the empty tuple, ignored


_SCALAR_NODE = yaml.ScalarNode
_MAPPING_NODE = yaml.MappingNode
_SEQUENCE_NODE = yaml.SequenceNode
_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAG_TEXT_MAX = 64
_PLAIN_TAGS_MAX = 16_384


_OfferLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_OfferLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_RESOLVED_FIRST = frozenset(
    first for first, resolvers in _OfferLoader.yaml_implicit_resolvers.items() if resolvers
)
"""First characters (``""`` for the empty scalar) that some implicit resolver looks at;
PyYAML resolves a plain scalar starting with any other character to a string."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int

    @classmethod
    def of(cls, mark: yaml.Mark | None) -> Mark:
        if mark is None:
            return _mark(0, 0)
        return _mark(mark.line, mark.column)


@lru_cache(maxsize=16384)
def _mark(line: int, column: int) -> Mark:
    """One shared :class:`Mark` per position (marks are immutable; files repeat positions)."""
    return Mark(line + 1, column + 1)


@dataclass(slots=True)
class Marks:
    """Where each value, and each key, of a document stands, by field path."""

    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)


@dataclass(slots=True)
class YamlDocument:
    """Plain data from one YAML file; where each value and key stands is found when first
    asked for.

    Most documents never need a position (no problem, no finding), and recording some eighty
    per file while loading took half the time of building the data and held a dict of paths
    per file in memory. A position is asked for rarely, so the file is composed again then.
    """

    path: str
    text: str
    data: Any
    _marks: Marks | None = field(default=None, repr=False, compare=False)
    bases: dict[str, YamlDocument] | None = None
    """For an offer that ``extends`` another: the document each inherited top-level key was
    read from (:mod:`honest_offers.load.extends`); keys not listed are this file's own."""

    def document_for(self, loc: PathKey) -> YamlDocument:
        """The document that holds the value at ``loc``: this one, or a file it extends."""
        if self.bases and loc and isinstance(loc[0], str) and loc[0] in self.bases:
            return self.bases[loc[0]]
        return self

    def path_for(self, loc: PathKey) -> str:
        """The file (as shown to the user) in which the value at ``loc`` is written."""
        return self.document_for(loc).path

    def parts(self) -> list[tuple[YamlDocument, frozenset[str]]]:
        """Each file this document's data was read from, with the top-level keys it gave:
        this file first, then the files it extends."""
        if not self.bases:
            return [(self, frozenset(self.data) if isinstance(self.data, dict) else frozenset())]
        given: dict[int, tuple[YamlDocument, set[str]]] = {id(self): (self, set())}
        for key in self.data if isinstance(self.data, dict) else ():
            document = self.bases.get(key, self)
            given.setdefault(id(document), (document, set()))[1].add(key)
        return [(document, frozenset(keys)) for document, keys in given.values()]

    @property
    def fingerprint(self) -> str:
        """The text of every file this document was read from (a memo key)."""
        if not self.bases:
            return self.text
        texts = {id(d): d.text for d in self.bases.values()}
        return "\x00".join((self.text, *texts.values()))

    @property
    def value_marks(self) -> dict[PathKey, Mark]:
        """The position of every value, by field path."""
        return self._located().values

    @property
    def key_marks(self) -> dict[PathKey, Mark]:
        """The position of every mapping key, by the field path it introduces."""
        return self._located().keys

    def mark_for(self, loc: PathKey) -> Mark:
        """Where to point for ``loc``: its value, else the key of the nearest known parent
        (in the file that holds it: see :meth:`path_for`)."""
        holder = self.document_for(loc)
        if holder is not self:
            return holder.mark_for(loc)
        values, keys = self.value_marks, self.key_marks
        if loc in values:
            return values[loc]
        for end in range(len(loc) - 1, -1, -1):
            parent = loc[:end]
            if parent in keys:
                return keys[parent]
            if parent in values:
                return values[parent]
        return Mark(1, 1)

    def key_mark_for(self, loc: PathKey) -> Mark:
        """The position of the key that introduced ``loc`` (falls back to :meth:`mark_for`)."""
        holder = self.document_for(loc)
        if holder is not self:
            return holder.key_mark_for(loc)
        return self.key_marks.get(loc) or self.mark_for(loc)

    def _located(self) -> Marks:
        if self._marks is None:
            self._marks = locate(self.text)
        return self._marks


def locate(text: str) -> Marks:
    """The marks of a document that :func:`parse_yaml` read without error (composed again;
    should that fail after all, no marks: every position then falls back to line 1)."""
    marks = Marks()
    loader = _OfferLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _Builder("", loader, marks).build(node, ())
    except (yaml.YAMLError, _TooDeepError, _TooManyNodesError):
        pass
    finally:
        loader.dispose()
    return marks


class _TooDeepError(Exception):
    """Raised when lists and mappings nest deeper than :data:`MAX_DEPTH`."""

    def __init__(self, mark: Mark) -> None:
        super().__init__("nested too deep")
        self.mark = mark


class _TooManyNodesError(Exception):
    """Raised while building data when alias or merge expansion exceeds :data:`MAX_NODES`."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("too many nodes")
        self.mark = mark


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a file as text, with a located error for anything that is not UTF-8 (or UTF-16 BOM)."""
    try:
        raw = read_bytes(path, limit=MAX_FILE_BYTES)
    except FileTooLargeError as exc:
        return None, [
            _file_problem(
                display,
                f"the file is {exc.size / 1024 / 1024:.1f} MiB, too large for an offer",
                f"at most {MAX_FILE_BYTES // 1024} KiB",
                "move long text into the `details` field of a shorter file, or split "
                "the file into several offers",
            )
        ]
    except OSError as exc:
        return None, [
            _file_problem(
                display,
                f"the file cannot be read ({exc.strerror or exc})",
                "a readable file",
                "check the file's permissions and that it still exists",
            )
        ]
    return decode_text(raw, display)


def decode_text(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; point at the first bad byte otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            Problem(
                path=display,
                line=line,
                column=column,
                field=None,
                message=f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} here)",
                expected="text encoded as UTF-8",
                fix="re-save the file as UTF-8 (most editors: 'Save with encoding' → UTF-8)",
            )
        ]


def parse_yaml(text: str, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document into a :class:`YamlDocument`, or return located problems."""
    try:
        _refuse_deep_flow(text)
    except _TooDeepError as exc:
        return None, [_too_deep(display, exc)]
    loader = _OfferLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(display, exc)]
    except yaml.YAMLError as exc:
        return None, [
            _file_problem(
                display,
                f"the file is not valid YAML: {exc}",
                "valid YAML",
                "check the file in a YAML-aware editor",
            )
        ]
    finally:
        loader.dispose()

    if node is None:
        return YamlDocument(path=display, text=text, data=None), []
    builder = _Builder(display, loader)
    try:
        data = builder.build(node, ())
    except _TooManyNodesError as exc:
        return None, [
            _problem_at(
                display,
                Mark.of(exc.mark),
                "aliases or merge keys expand to too many values",
                f"at most {MAX_NODES:,} values after expanding aliases",
                "write the values out instead of nesting aliases (`*name`) and merges (`<<`)",
            )
        ]
    except _TooDeepError as exc:
        return None, [_too_deep(display, exc)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(display, exc)]
    return YamlDocument(path=display, text=text, data=data), builder.problems


def _refuse_deep_flow(text: str) -> None:
    """Raise :class:`_TooDeepError` for flow collections nested deeper than :data:`MAX_DEPTH`.

    ``[[[[…`` nests without indentation, and libyaml's composer recurses once per level:
    some ten thousand levels (a file of a few dozen KiB) crash the process. The event parser
    keeps its own stack, so such texts are measured with it first. Texts with few brackets
    cannot nest that deep and skip this pass; indented nesting is bounded by the file size
    and is refused while building.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    # libyaml (PyYAML >= 6.0.4) refuses some thousand levels with its own, unlocated error
    # while it scans ahead, before our limit is reached; the pure-Python parser has no such
    # limit, so it measures the texts libyaml gives up on.
    for loader in (_OfferLoader(text), yaml.SafeLoader(text)):
        try:
            _measure_depth(loader)
        except yaml.YAMLError:
            continue  # composing reports a genuine syntax error with its position
        finally:
            loader.dispose()
        return


class _EventSource(Protocol):
    def get_event(self) -> yaml.Event | None: ...


def _measure_depth(loader: _EventSource) -> None:
    depth = 0
    while (event := loader.get_event()) is not None:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                start = event.start_mark
                raise _TooDeepError(_mark(start.line, start.column) if start else Mark(1, 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.StreamEndEvent):
            return


def _too_deep(display: str, exc: _TooDeepError) -> Problem:
    return _problem_at(
        display,
        exc.mark,
        f"lists and mappings nest more than {MAX_DEPTH} levels deep here",
        f"at most {MAX_DEPTH} levels (an offer needs four: `price.fees[0].amount`)",
        "remove the extra brackets or indentation; write nested text as one string",
    )


class _Builder:
    """Turns composed nodes into plain data, finding duplicate keys; with ``marks``, also
    records where every value and key stands."""

    def __init__(self, path: str, loader: yaml.SafeLoader, marks: Marks | None = None) -> None:
        self.path = path
        self.loader = loader
        self.marks = marks
        self.visited = 0
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, loc: PathKey) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooManyNodesError(node.start_mark)
        if self.marks is not None and loc not in self.marks.values:
            start = node.start_mark
            self.marks.values[loc] = _mark(start.line, start.column)
        kind = node.__class__
        if kind is _SCALAR_NODE and node.tag == _STR_TAG:
            return node.value  # the common case of _scalar, without the call
        if len(loc) >= MAX_DEPTH and kind is not _SCALAR_NODE:
            raise _TooDeepError(Mark.of(node.start_mark))  # the root mapping is level one
        if isinstance(node, _MAPPING_NODE):
            return self._mapping(node, loc)
        if isinstance(node, _SEQUENCE_NODE):
            if self.marks is None:
                return [
                    self._string(item)
                    if item.__class__ is _SCALAR_NODE and item.tag == _STR_TAG
                    else self.build(item, (*loc, i))
                    for i, item in enumerate(node.value)
                ]
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _string(self, node: yaml.Node) -> str:
        """A string scalar's value, counted as :meth:`build` counts every value."""
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooManyNodesError(node.start_mark)
        return node.value  # type: ignore[no-any-return]

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR_TAG:
            return node.value  # what SafeConstructor.construct_yaml_str returns for a scalar
        if tag == _INT_TAG:
            digits = node.value
            if digits.isascii() and digits.isdigit() and (digits[0] != "0" or digits == "0"):
                return int(digits)  # construct_yaml_int for a plain decimal (not 0-led octal)
        elif tag == _BOOL_TAG:
            return node.value.lower() == "true"  # the resolver above knows only true/false
        if tag == _FLOAT_TAG:
            try:
                number = Decimal(str(node.value).replace("_", ""))
            except InvalidOperation:
                number = None
            if number is not None and number.is_finite():
                return number
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: list[yaml.MappingNode] = []
        key_marks = self.marks.keys if self.marks is not None else None
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node))
                continue
            # Keys and string values are most of a document's nodes: each is counted here as
            # _key and _string count them, without a call.
            if key_node.__class__ is _SCALAR_NODE:
                self.visited += 1
                key = key_node.value
            else:
                key = self._key(key_node)
            if key in result:
                self._duplicate(loc, key, key_node, node)
                continue
            if (
                key_marks is None
                and value_node.__class__ is _SCALAR_NODE
                and value_node.tag == _STR_TAG
            ):
                self.visited += 1  # most values: no path, no call of build
                if self.visited > MAX_NODES:
                    raise _TooManyNodesError(value_node.start_mark)
                result[key] = value_node.value
                continue
            child = (*loc, key)
            if key_marks is not None:
                key_start = key_node.start_mark
                key_marks[child] = _mark(key_start.line, key_start.column)
            result[key] = self.build(value_node, child)
        for source in merged:
            for key, value in self._mapping(source, loc).items():
                result.setdefault(key, value)
        return result

    def _merge_sources(self, node: yaml.Node) -> list[yaml.MappingNode]:
        if isinstance(node, yaml.MappingNode):
            return [node]
        if isinstance(node, yaml.SequenceNode) and all(
            isinstance(item, yaml.MappingNode) for item in node.value
        ):
            return list(node.value)
        raise yaml.constructor.ConstructorError(
            "while merging a mapping",
            node.start_mark,
            "a merge key (<<) needs a mapping or a list of mappings",
            node.start_mark,
        )

    def _key(self, node: yaml.Node) -> str:
        self.visited += 1
        if not isinstance(node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or mapping", node.start_mark
            )
        return node.value  # type: ignore[no-any-return]

    def _duplicate(
        self, loc: PathKey, key: str, key_node: yaml.Node, mapping: yaml.MappingNode
    ) -> None:
        mark = Mark.of(key_node.start_mark)
        first = Mark.of(
            next(
                k.start_mark
                for k, _ in mapping.value
                if k.tag != _MERGE_TAG and isinstance(k, yaml.ScalarNode) and str(k.value) == key
            )
        )
        self.problems.append(
            Problem(
                path=self.path,
                line=mark.line,
                column=mark.column,
                field=format_path((*loc, key)),
                message=f"the key `{key}` appears twice (first on line {first.line})",
                expected="each key at most once in a mapping",
                fix=f"keep one `{key}:` and delete or merge the other",
            )
        )


def value_at(data: Any, loc: PathKey) -> Any:
    """The value at ``loc`` in data built from a document, or None where the path leads
    nowhere."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or not 0 <= part < len(data):
                return None
            data = data[part]
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def format_path(loc: PathKey) -> str:
    """``("price", "fees", 0, "name")`` → ``price.fees[0].name``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_SYNTAX_FIXES: tuple[tuple[str, str], ...] = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("tab character", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "close the quote that starts the value"),
    ("found unexpected end", "close the quote or bracket that starts the value"),
    (
        "mapping values are not allowed",
        "put a value containing `: ` in quotes, or fix the "
        "indentation so each key starts its own line",
    ),
    ("could not find expected ':'", "every key needs a `:` after it; check the indentation"),
    ("expected <block end>", "line up the keys of one mapping at the same indentation"),
    ("but found another document", "keep one offer per file (remove the `---` line)"),
)


def _syntax_problem(display: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = Mark.of(exc.problem_mark or exc.context_mark)
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    fix = next(
        (hint for needle, hint in _SYNTAX_FIXES if needle in what),
        "check the indentation and quoting around this position",
    )
    return _problem_at(
        display,
        mark,
        f"invalid YAML: {what}",
        "valid YAML (spaces for indentation, matching quotes)",
        fix,
    )


def _problem_at(display: str, mark: Mark, message: str, expected: str, fix: str) -> Problem:
    """A problem of the whole file (no field) at ``mark``."""
    return Problem(
        path=display,
        line=mark.line,
        column=mark.column,
        field=None,
        message=message,
        expected=expected,
        fix=fix,
    )


def _file_problem(display: str, message: str, expected: str, fix: str) -> Problem:
    return Problem(
        path=display,
        line=None,
        column=None,
        field=None,
        message=message,
        expected=expected,
        fix=fix,
    )
