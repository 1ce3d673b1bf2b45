"""The marked YAML loader: positions, duplicate keys, booleans, decimals, bombs, encodings."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.load import Mark, parse_yaml, read_text
from honest_offers.load.yaml_source import MAX_FILE_BYTES, MAX_NODES, decode_text
from tests.conftest import examples


def test_marks_point_at_values_and_keys() -> None:
    doc, problems = parse_yaml(
        "title: A\nprice:\n  amount: 12.50\n  fees:\n    - name: X\n", "o.yml"
    )
    assert doc is not None and not problems
    assert doc.mark_for(("price", "amount")) == Mark(3, 11)
    assert doc.key_mark_for(("price", "amount")) == Mark(3, 3)
    assert doc.mark_for(("price", "fees", 0, "name")) == Mark(5, 13)
    # A missing field points at its nearest parent key.
    assert doc.mark_for(("price", "currency")) == Mark(2, 1)


def test_decimals_stay_exact_and_yaml11_booleans_stay_text() -> None:
    doc, _ = parse_yaml("a: 0.10\nb: no\nc: on\nd: true\ne: 7\n", "o.yml")
    assert doc is not None
    assert doc.data == {"a": Decimal("0.10"), "b": "no", "c": "on", "d": True, "e": 7}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: 1\nb:\n  c: 1\n  c: 2\n", 4, 3),
        ("a: 1\na: 2\n", 2, 1),
        ("x:\n  - y: 1\n    y: 2\n", 3, 5),
    ],
)
def test_duplicate_keys_at_any_depth_are_located(text: str, line: int, column: int) -> None:
    _, problems = parse_yaml(text, "o.yml")
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (line, column)
    assert "appears twice" in problems[0].message


def test_alias_bomb_is_refused_with_a_location() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        refs = ",".join([f"*{chr(96 + i)}"] * 10)
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{refs}]")
    doc, problems = parse_yaml("\n".join(lines) + "\n", "bomb.yml")
    assert doc is None
    assert "too many values" in problems[0].message
    assert problems[0].line is not None


def test_a_flat_mapping_of_more_values_than_the_limit_is_refused_where_it_overflows() -> None:
    """Keys and string values count like every other value, also where a mapping holds
    nothing else (they are counted without a call each)."""
    pairs = MAX_NODES // 2  # with the mapping itself, one value too many
    text = "".join(f"k{n}: v\n" for n in range(pairs))
    doc, problems = parse_yaml(text, "flat.yml")
    assert doc is None
    assert "too many values" in problems[0].message
    assert problems[0].line == pairs, "at the value that makes it one too many"
    fits = "".join(f"k{n}: v\n" for n in range(pairs - 1))
    assert parse_yaml(fits, "flat.yml")[0] is not None


def test_merge_keys_are_expanded_and_explicit_keys_win() -> None:
    doc, problems = parse_yaml("base: &b {x: 1, y: 2}\nz:\n  <<: *b\n  y: 3\n", "o.yml")
    assert doc is not None and not problems
    assert doc.data["z"] == {"x": 1, "y": 3}


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("title: a\n\tsummary: b\n", "tabs"),
        ('title: "unclosed\nsummary: b\n', "quote"),
        ("title: a\n  summary: b\n", "indentation"),
    ],
)
def test_syntax_errors_have_position_and_fix(text: str, hint: str) -> None:
    doc, problems = parse_yaml(text, "bad.yml")
    assert doc is None
    (problem,) = problems
    assert problem.line is not None and problem.column is not None
    assert hint in problem.fix


def test_empty_document_is_none_data() -> None:
    doc, problems = parse_yaml("", "empty.yml")
    assert doc is not None and doc.data is None and not problems


def test_utf16_with_bom_and_utf8_bom_are_read() -> None:
    assert decode_text("title: é".encode("utf-16"), "f")[0] == "title: é"
    assert decode_text("\ufefftitle: é".encode(), "f")[0] == "title: é"


def test_non_utf8_points_at_the_bad_byte() -> None:
    text, problems = decode_text(b"title: ok\nsummary: caf\xe9\n", "f.yml")
    assert text is None
    assert (problems[0].line, problems[0].column) == (2, 13)
    assert "UTF-8" in problems[0].fix


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    big.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    text, problems = read_text(big, "big.yml")
    assert text is None
    assert "too large" in problems[0].message


class _ReferenceLoader(yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader with the same YAML 1.2 booleans and exact decimals:
    what :func:`parse_yaml` must return, without its shortcuts (tag cache, own builder).
    Keys are words here: the loader keeps every key as its text, by design."""


_ReferenceLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_ReferenceLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _exact_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    number = Decimal(str(node.value).replace("_", ""))
    return number if number.is_finite() else loader.construct_yaml_float(node)


_ReferenceLoader.add_constructor("tag:yaml.org,2002:float", _exact_float)

_scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["yes", "no", "on", "off", "true", "False", "null", "~", "1.50", "007", "0x1F"]
    ),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
)
_data = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.from_regex(r"k[a-z_]{0,6}", fullmatch=True), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=examples(300), deadline=None)
@given(_data, st.sampled_from(["block", "flow"]))
def test_data_is_what_pyyaml_constructs(data: object, style: str) -> None:
    text = yaml.safe_dump(
        {"root": data}, default_flow_style=style == "flow", allow_unicode=True, sort_keys=False
    )
    try:
        expected = yaml.load(text, Loader=_ReferenceLoader)
    except yaml.YAMLError:
        return
    doc, problems = parse_yaml(text, "o.yml")
    assert doc is not None and not problems
    assert doc.data == expected
