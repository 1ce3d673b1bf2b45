"""Texts that a regular expression matches, one for each of its branches: for tests that
hold a pattern's hand-written data (anchors, gates) against every way it can match."""

from __future__ import annotations

import importlib
import re
from typing import Any

sre: Any = importlib.import_module("re._constants")  # CPython's regex parser (private)
sre_parse: Any = importlib.import_module("re._parser")

_CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "1",
    sre.CATEGORY_NOT_DIGIT: "x",
    sre.CATEGORY_WORD: "x",
    sre.CATEGORY_NOT_WORD: " ",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "x",
}
_FEW = 12
"""Classes of at most this many single characters are written out one by one."""

Written = tuple[str, list[str]]
"""A text the items match, and texts for each of their other branches (the rest as before)."""


def written_out(items: list[tuple[object, object]]) -> Written:
    """Texts matched by a sequence of parsed items: the first branch of everything, and one
    text for every other branch, optional part and character of a small class, each with the
    rest left at its first choice. Linear in the pattern's size, and every branch is seen in a
    text where the others contribute their first choice."""
    parts = [_written_item(op, value) for op, value in items]
    default = "".join(first for first, _ in parts)
    variants = []
    for at, (_, others) in enumerate(parts):
        before = "".join(first for first, _ in parts[:at])
        after = "".join(first for first, _ in parts[at + 1 :])
        variants += [before + other + after for other in others]
    return default, variants


def _written_item(op: object, value: Any) -> Written:
    if op is sre.LITERAL:
        return chr(value), []
    if op is sre.NOT_LITERAL:  # [^.]: a space where it can
        return (" " if value != ord(" ") else "x"), []
    if op is sre.ANY:
        return " ", []
    if op is sre.IN:
        chars = _class_samples(value)
        return chars[0], chars[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return "", []  # zero width: the pattern itself decides whether the text matches
    if op is sre.SUBPATTERN:
        return written_out(value[3].data)
    if op is sre.ATOMIC_GROUP:
        return written_out(value.data)
    if op is sre.BRANCH:
        branches = [written_out(branch.data) for branch in value[1]]
        return branches[0][0], [text for first, others in branches for text in (first, *others)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _written_repeat(*value)
    raise AssertionError(f"not written out: {op}")


def _written_repeat(low: int, high: int, body: Any) -> Written:
    first, others = written_out(body.data)
    if low == 0 and first.isspace():  # a filler ([^.!?]{0,40}) that may hold a space
        return first, ["", *others]
    if low == 0:
        return "", [first, *others]
    return first * low, [other + first * (low - 1) for other in others]


def _class_samples(members: list[tuple[object, Any]]) -> list[str]:
    if members and members[0][0] is sre.NEGATE:  # a filler such as [^.!?]: a space if it can
        excluded = re.compile("[" + "".join(_class_source(m) for m in members[1:]) + "]")
        return [next(c for c in " _~x" if not excluded.match(c))]
    singles = [chr(v) for op, v in members if op is sre.LITERAL]
    if len(singles) == len(members) and len(singles) <= _FEW:
        return singles
    op, value = members[0]
    if op is sre.LITERAL:
        return [chr(value)]
    if op is sre.RANGE:
        return [chr(value[0])]
    return [_CATEGORY_SAMPLES.get(value, "x")]


def _class_source(member: tuple[object, Any]) -> str:
    op, value = member
    if op is sre.LITERAL:
        return re.escape(chr(value))
    if op is sre.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    return {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}.get(
        value, ""
    )
