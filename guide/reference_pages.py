"""The guide's reference pages, written from the code so that they cannot drift from it.

* offer fields: from the offer JSON Schema, which is generated from the pydantic model;
* plugin options: from the plugin's MkDocs ``Config`` class and its attribute docstrings;
* command line: from the click commands, the same text as ``honest-offers COMMAND --help``.

(The honesty rules are published by the plugin itself, with ``rules_url``.)

Every function returns Markdown. What the code does not describe comes from the notes below;
a field or option with neither a description in the code nor a note is reported in
:attr:`Pages.missing`, and the guide's build fails on it (``hooks.py``).
"""

from __future__ import annotations

import ast
import html
import inspect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import click
from mkdocs.config import config_options as c

from honest_offers.cli.app import cli
from honest_offers.mkdocs_plugin import config as plugin_config
from honest_offers.validate.model import Billing
from honest_offers.validate.schema import offer_json_schema

OFFER_FIELDS = "reference/offer-fields.md"
PLUGIN_OPTIONS = "reference/plugin-options.md"
COMMAND_LINE = "reference/cli.md"

FIELD_NOTES: dict[str, str] = {
    "title": "The offer's name, as the page and the compare table show it.",
    "does": "What the offer does, one line each.",
    "does_not": "What the offer does not do, one line each. Shown beside `does`, in the same type.",
    "for": "Who the offer is for, one line each.",
    "not_for": "Who should choose something else, one line each.",
    "slug": "The page's address below the offers index. Default: the file name without `.yml`.",
    "terms": "The terms in plain words.",
    "timing": "When buying makes sense, and when it is better to wait.",
    "cta": "The one call to action of the page. Without it, the page offers to ask the "
    "seller a question (`seller.contact`).",
    "details": "More about the offer, in Markdown, shown below the facts. Links, lists and "
    "headings are kept; scripts, forms, frames and inline styles are removed.",
    "seller": "Who offers it.",
    "lang": "The language of the offer's text, if it differs from the site's, e.g. `de` or "
    "`en-GB`.",
    "price.amount": "The price without fees, as a plain number: no currency sign, a point "
    "for decimals.",
    "price.currency": "The ISO 4217 currency code, e.g. `EUR`, `USD`, `GBP`.",
    "price.fees[].name": "What the fee is for, e.g. `Setup` or `Delivery`.",
    "price.fees[].amount": "The fee, in the price's currency.",
    "market_price.low": "The low end of the typical range, per the same billing unit as the price.",
    "market_price.high": "The high end of the typical range.",
    "market_price.currency": "Must be the same as `price.currency`.",
    "alternatives[].name": "The alternative's name.",
    "alternatives[].note": "One or two sentences: when the alternative is the better choice.",
    "alternatives[].url": "A link to it: `https://`, `http://`, `mailto:`, `tel:` or relative.",
    "terms.refund": "When and how the buyer gets money back.",
    "terms.cancellation": "How to cancel, and what happens to the paid period.",
    "terms.guarantee": "What the seller promises if the result falls short.",
    "availability.capacity": "How many places, items or slots there are, as a whole number.",
    "cta.label": "The button's text. Keep it calm: `Ask a question`, `Book a call`.",
    "cta.url": "Where the button leads: `https://`, `http://`, `mailto:`, `tel:` or relative.",
    "seller.name": "The seller's name.",
    "allow[].rule": "The rule's code, e.g. `HO201`.",
    "allow[].reason": "Why the rule does not apply to this offer: at least 10 characters, "
    "for a reviewer to judge.",
}
"""Meanings of the fields whose model has no description (the model's wins where it has one)."""

_RECURRING = ", ".join(f"`{b.value}`" for b in Billing if b.recurring)
FIELD_CONDITIONS: dict[str, str] = {
    "price.tax_note": "when `taxes_included` is `false`",
    "price_rationale": "when the total is above `market_price.high`",
    "terms": f"when billing recurs ({_RECURRING})",
    "terms.cancellation": f"when billing recurs ({_RECURRING})",
    "availability.capacity": "when `per` is set",
}
"""Fields that become required by a rule between fields (validate/rules.py)."""

OPTION_NOTES: dict[str, str] = {
    "index_title": "The title of the index page, the page that compares every offer.",
}
"""Meanings of the plugin options that have no docstring in the ``Config`` class."""

PATTERN_WORDS: dict[str, str] = {
    "^[A-Z]{3}$": "three capital letters",
    "^[a-z0-9]+(?:-[a-z0-9]+)*$": "lower-case letters, digits and single hyphens",
    "^HO[0-9]{3}$": "`HO` and three digits",
    "^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$": "a language code such as `en`, `de` or `en-GB`",
}


@dataclass
class Pages:
    """Generated pages by their path in the guide's docs, and what had no description."""

    pages: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def reference_pages() -> Pages:
    result = Pages()
    for path, generate in (
        (OFFER_FIELDS, offer_fields_page),
        (PLUGIN_OPTIONS, plugin_options_page),
        (COMMAND_LINE, command_line_page),
    ):
        text, missing = generate()
        result.pages[path] = text
        result.missing += missing
    return result


# -- offer fields --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    required: str
    kind: str
    meaning: str


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    anchor: str
    intro: str
    rows: list[Row]


def offer_fields_page() -> tuple[str, list[str]]:
    schema = offer_json_schema()
    walker = _SchemaWalker(schema["$defs"])
    sections = list(walker.sections(schema, prefix="", title="Top-level fields", anchor="top"))
    lines = [
        "# Offer fields",
        "",
        "Every field of an offer file, generated from the offer model when this guide is "
        "built (the same model that checks your files, and that the JSON Schema for editors "
        "is made from). Field names never change. Unknown fields are errors, with a "
        "did-you-mean.",
        "",
        "**Required** says whether a file must have the field; *when …* means a rule between "
        "fields asks for it. Nested fields are written with dots: `price.amount` is "
        "`amount:` indented under `price:`, and `[]` marks a list of entries, each with "
        "these fields.",
    ]
    for section in sections:
        lines += ["", f"## {section.title} {{#{section.anchor}}}", ""]
        if section.intro:
            lines += [section.intro, ""]
        lines += ["| Field | Required | Value | Meaning |", "| --- | --- | --- | --- |"]
        lines += [
            f"| `{r.path}` | {r.required} | {_cell(r.kind)} | {_cell(r.meaning)} |"
            for r in section.rows
        ]
    paths = {row.path for section in sections for row in section.rows}
    unknown = sorted((set(FIELD_NOTES) | set(FIELD_CONDITIONS)) - paths)
    missing = walker.missing
    missing += [f"guide note for an offer field that does not exist: `{p}`" for p in unknown]
    return "\n".join(lines) + "\n", missing


class _SchemaWalker:
    def __init__(self, defs: Mapping[str, Any]) -> None:
        self.defs = defs
        self.missing: list[str] = []

    def sections(
        self, node: Mapping[str, Any], prefix: str, title: str, anchor: str, intro: str = ""
    ) -> Iterator[Section]:
        rows: list[Row] = []
        children: list[tuple[Mapping[str, Any], str, str, str]] = []
        required = set(node.get("required", []))
        for name, prop in node["properties"].items():
            path = f"{prefix}{name}"
            target, many = self._target(prop)
            meaning = self._meaning(path, prop, target)
            if "properties" in target:
                child_anchor = _anchor(path)
                kind = f"list of {_count(prop, 'entries')}" if many else "group of fields"
                kind += f", see [{path}{'[]' if many else ''}](#{child_anchor})"
                child_prefix = f"{path}[]." if many else f"{path}."
                children.append((target, child_prefix, child_anchor, meaning))
            else:
                kind = _kind(prop, self.defs)
            rows.append(Row(path, _required(path, name in required), kind, meaning))
        yield Section(title, anchor, intro, rows)
        for target, child_prefix, child_anchor, meaning in children:
            heading = f"`{child_prefix.rstrip('.')}`"
            yield from self.sections(target, child_prefix, heading, child_anchor, meaning)

    def _target(self, prop: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
        """The schema a property's value must match (a referenced model, the items of a
        list, the one alternative besides null), and whether it is a list."""
        prop = _without_null(prop)
        many = prop.get("type") == "array"
        if many:
            prop = prop["items"]
        if "$ref" in prop:
            prop = self.defs[prop["$ref"].rsplit("/", 1)[-1]]
        return prop, many

    def _meaning(self, path: str, prop: Mapping[str, Any], target: Mapping[str, Any]) -> str:
        text = prop.get("description") or target.get("description") or FIELD_NOTES.get(path)
        if not text:
            self.missing.append(
                f"offer field `{path}` has no description: give its Field a description in "
                "validate/model.py, or add a line to FIELD_NOTES in guide/reference_pages.py"
            )
            return ""
        text = _sentence(_rst_to_markdown(text))
        default = prop.get("default")
        if default not in (None, [], {}) and "properties" not in target:
            text += f" Default: `{_yaml_value(default)}`."
        return text


def _without_null(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    if len(options) == 1:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **options[0]}
    return prop


def _required(path: str, required: bool) -> str:
    if required:
        return "yes"
    condition = FIELD_CONDITIONS.get(path)
    return f"*{condition}*" if condition else "no"


def _kind(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
    """The kind of value a field takes, in words."""
    prop = _without_null(prop)
    if "$ref" in prop:
        prop = defs[prop["$ref"].rsplit("/", 1)[-1]]
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    options = [option for option in prop.get("anyOf", []) if option.get("type") != "null"]
    if options:
        kinds = [_kind(option, defs) for option in options]
        numbers = [k for k in kinds if k.startswith("number")]
        # A decimal amount: a number, or the same number written as text.
        return numbers[0] if numbers else " or ".join(dict.fromkeys(kinds))
    if prop.get("type") == "array":
        each = _kind(prop["items"], defs)
        limit = re.search(r" \((up to [0-9,]+ characters)\)$", each)
        if each.startswith("text") and limit:
            return f"list of {_count(prop, 'lines')}, each {limit.group(1)}"
        return f"list of {_count(prop, 'items')} {each}"
    return _scalar(prop)


def _scalar(prop: Mapping[str, Any]) -> str:
    kind = prop.get("type")
    if kind == "boolean":
        return "`true` or `false`"
    if kind in {"number", "integer"}:
        words = "number" if kind == "number" else "whole number"
        return words + _range(prop.get("minimum"), prop.get("maximum"))
    if prop.get("format") == "date":
        return "date, `YYYY-MM-DD`"
    if prop.get("format") == "date-time":
        return "date and time, `YYYY-MM-DD HH:MM`"
    text = "text"
    pattern = prop.get("pattern")
    if pattern:
        text += ": " + PATTERN_WORDS.get(pattern, f"matching `{pattern}`")
    if prop.get("maxLength"):
        text += f" (up to {prop['maxLength']:,} characters)"
    return text


def _range(low: float | None, high: float | None) -> str:
    def number(value: float) -> str:
        return f"{int(value):,}" if float(value).is_integer() else str(value)

    if low is not None and high is not None:
        return f" from {number(low)} to {number(high)}"
    if low is not None:
        return f" ≥ {number(low)}"
    return ""


def _count(prop: Mapping[str, Any], word: str) -> str:
    """``1 to 50 lines``, ``up to 20 entries`` or just ``entries``."""
    prop = _without_null(prop)
    low, high = prop.get("minItems"), prop.get("maxItems")
    if low and high:
        return f"{low} to {high} {word}"
    if high:
        return f"up to {high} {word}"
    return word


def _anchor(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- plugin options ------------------------------------------------------------------------


def plugin_options_page() -> tuple[str, list[str]]:
    config_class = plugin_config.HonestOffersConfig
    docs = attribute_docstrings(inspect.getsource(plugin_config), config_class.__name__)
    rows: list[str] = []
    example: list[str] = []
    missing: list[str] = []
    names = [name for name, _ in config_class._schema]
    for name, option in config_class._schema:
        meaning = docs.get(name) or OPTION_NOTES.get(name)
        if not meaning:
            missing.append(
                f"plugin option `{name}` has no docstring in mkdocs_plugin/config.py, nor a "
                "line in OPTION_NOTES in guide/reference_pages.py"
            )
            meaning = ""
        kind, default = _option_kind(option)
        rows.append(f"| `{name}` | {kind} | {default} | {_cell(_sentence(meaning))} |")
        value = option.default
        example.append(
            f"      {name}: {_yaml_value(value)}"
            if value is not None
            else f"      # {name}: (not set)"
        )
    missing += [
        f"guide note for a plugin option that does not exist: `{name}`"
        for name in OPTION_NOTES
        if name not in names
    ]
    text = "\n".join(
        [
            "# Plugin options",
            "",
            "The options of the `honest-offers` plugin in your site's config file "
            "(`site_config.yml` or `mkdocs.yml`), generated from the plugin's code when "
            "this guide is built. Every option has a default, so a site may list none.",
            "",
            "| Option | Value | Default | Meaning |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
            "## Every option with its default",
            "",
            "```yaml",
            "plugins:",
            "  - search",
            "  - honest-offers:",
            *example,
            "```",
            "",
            "Paths are relative to the config file. Offer pages are kept out of the "
            "navigation on purpose; link the index page from your `nav` instead, e.g. "
            "`- Offers: offers/index.md`.",
        ]
    )
    return text + "\n", missing


def attribute_docstrings(source: str, class_name: str) -> dict[str, str]:
    """``name: docstring`` for each class attribute followed by a string literal."""
    docs: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.ClassDef) and node.name == class_name):
            continue
        for first, second in zip(node.body, node.body[1:], strict=False):
            target = _assigned_name(first)
            if target and isinstance(second, ast.Expr) and isinstance(second.value, ast.Constant):
                docs[target] = inspect.cleandoc(str(second.value.value))
    return {name: " ".join(_rst_to_markdown(text).split()) for name, text in docs.items()}


def _assigned_name(node: ast.stmt) -> str | None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    return None


def _option_kind(option: Any) -> tuple[str, str]:
    """An option's kind of value and its default, in words."""
    inner = option.option if isinstance(option, c.Optional) else option
    kinds: dict[object, str] = {bool: "`true` or `false`", str: "text", int: "whole number"}
    kind = kinds.get(getattr(inner, "_type", None), "value")
    if option.default is None:
        return kind, "not set"
    return kind, f"`{_yaml_value(option.default)}`"


# -- command line --------------------------------------------------------------------------


def command_line_page() -> tuple[str, list[str]]:
    # The group's own settings (-h as well as --help), as `honest-offers --help` uses them.
    root = click.Context(cli, info_name="honest-offers", **cli.context_settings)
    lines = [
        "# Command line",
        "",
        "The `honest-offers` command, generated from the command itself when this guide is "
        "built: each section is what `honest-offers COMMAND --help` prints, with its options "
        "in a table.",
        "",
        "```text",
        cli.get_usage(root),
        "```",
        "",
        *_help_markdown(cli.help or ""),
        "",
        *_options_table(cli, root),
    ]
    missing: list[str] = []
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        if command is None:
            continue
        if not (command.short_help or command.help):
            missing.append(f"command `{name}` has no help text")
        context = click.Context(command, info_name=name, parent=root)
        lines += [
            "",
            f"## honest-offers {name} {{#{name}}}",
            "",
            "```text",
            command.get_usage(context),
            "```",
            "",
            *_help_markdown(command.help or command.get_short_help_str(limit=200)),
            "",
            *_arguments(command),
            *_options_table(command, context),
        ]
    return "\n".join(lines) + "\n", missing


def _help_markdown(text: str) -> list[str]:
    """click help text as Markdown: ``\\b`` paragraphs (kept as written) become text blocks,
    the others become paragraphs."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    lines: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith("\b"):
            lines += ["```text", paragraph[1:].strip("\n"), "```", ""]
        else:
            lines += [_escape(" ".join(paragraph.split())), ""]
    return lines


def _arguments(command: click.Command) -> list[str]:
    names = [p.human_readable_name for p in command.params if isinstance(p, click.Argument)]
    if not names:
        return []
    listed = ", ".join(f"`{name}`" for name in names)
    return [f"Arguments: {listed} (see above).", ""]


def _options_table(command: click.Command, context: click.Context) -> list[str]:
    rows = []
    for param in command.get_params(context):
        record = param.get_help_record(context) if isinstance(param, click.Option) else None
        if record is None:
            continue
        names, meaning = record
        # A code element, not a code span: a table cell cannot hold `|` in a code span.
        code = html.escape(names, quote=False).replace("|", "&#124;")
        rows.append(f"| <code>{code}</code> | {_cell(_escape(meaning))} |")
    if not rows:
        return []
    return ["| Option | Meaning |", "| --- | --- |", *rows]


# -- text ----------------------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`[^`]*`)")
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]#])")


def _escape(text: str) -> str:
    """Plain text as Markdown that shows it as written; `code spans` stay code."""
    parts = _CODE_SPAN.split(text)
    for index in range(0, len(parts), 2):
        escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", parts[index])
        parts[index] = escaped.replace("<", "&lt;").replace(">", "&gt;")
    return "".join(parts)


def _rst_to_markdown(text: str) -> str:
    return text.replace("``", "`")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
