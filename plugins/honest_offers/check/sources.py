"""Check the sources a site is built from: offer YAML files and Markdown pages.

Every finding points at the exact line and column of its excerpt in the source file, also
inside folded or literal YAML blocks, so an editor can jump to it.

Offers: every string is checked except ``allow`` (the suppressions themselves) and values that
are not shown as text (``slug``, ``lang``, ``url``, ``contact``, ``currency``, ``timezone``);
``cta.label`` is checked as a label and ``details`` as Markdown. ``allow`` entries suppress
their rule in the whole file.

Markdown pages: code blocks, inline code and HTML comments are not checked, YAML front matter
strings are. Suppression markers are described in :mod:`.suppress`.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from honest_offers.check import lang, markdown
from honest_offers.check import markup_rules as mr
from honest_offers.check.facts import Contradiction, contradictions
from honest_offers.check.finding import CheckResult, Finding
from honest_offers.check.phrases import Context
from honest_offers.check.suppress import (
    MALFORMED,
    MIN_REASON,
    NO_REASON,
    UNKNOWN_RULE,
    Markers,
    Suppression,
    apply_suppressions,
    parse_markers,
    unknown_code,
)
from honest_offers.check.text import Hit, finding, position, scan_cached
from honest_offers.load.yaml_source import (
    Mark,
    PathKey,
    YamlDocument,
    format_path,
    parse_yaml,
    value_at,
)

if TYPE_CHECKING:  # the offer model (pydantic) loads only where offers are read
    from honest_offers.catalog import LoadedOffer

NOT_TEXT = frozenset({"allow", "slug", "lang", "url", "contact", "currency", "timezone", "extends"})
"""Keys whose values are not shown as text (or, for ``allow``, are the suppressions)."""

LABELS: frozenset[PathKey] = frozenset({("cta", "label")})
MARKDOWN: frozenset[PathKey] = frozenset({("details",)})

_LINK_TEXT = re.compile(r"\[(?<!!\[)(?P<label>[^\]\n]{1,160})\]\(")
"""A link's text; not an image's (``![``, looked back at from the bracket, so that the
engine can skip to brackets)."""


def check_offer(loaded: LoadedOffer) -> CheckResult:
    """Every pressure tactic in one offer file (and the shared file it extends), with its
    ``allow`` entries applied, read in the offer's ``lang`` if it has one (else in the
    languages around, the site's)."""
    document = loaded.document
    with lang.page_language(loaded.offer.lang):
        findings = [
            found
            for part, keys in document.parts()
            for found in _document_findings(part, part.path, keys=keys)
        ]
    findings += _contradiction_findings(loaded)
    allowances: list[Suppression] = []
    problems: list[Finding] = []
    path = document.path_for(("allow",))  # a shared offer's `allow` is reported there
    for index, allowance in enumerate(loaded.offer.allow):
        mark = document.mark_for(("allow", index, "rule"))
        if unknown_code(allowance.rule):
            problems.append(finding(UNKNOWN_RULE, path, mark.line, mark.column, allowance.rule))
            continue
        allowances.append(
            Suppression(
                frozenset({allowance.rule}),
                allowance.reason,
                mark.line,
                mark.column,
                allowance.rule,
            )
        )
    return _result(findings, allowances, problems, path)


def _contradiction_findings(loaded: LoadedOffer) -> list[Finding]:
    """HO7xx: the offer's words against its facts, each at the words, naming the field."""
    found = contradictions(loaded.offer)
    if not found:
        return []
    document = loaded.document
    sources: dict[int, _Source] = {}
    findings = []
    for item in found:
        part = document.document_for(item.loc)  # this file, or a shared one it extends
        source = sources.setdefault(id(part), _Source(part))
        value = _value_at(loaded.offer, item.loc)
        excerpt = value[item.start : item.end]
        line, column = source.locate(item.loc, value, item.start, excerpt)
        findings.append(
            with_fact(finding(item.rule, part.path, line, column, excerpt), item, document)
        )
    return findings


def with_fact(found: Finding, item: Contradiction, document: YamlDocument) -> Finding:
    """``found`` (the words) with the field of ``document`` that they contradict in its
    message: the field, its file (when it is not the words' file), line and column, and
    what it holds."""
    fact = document.mark_for(item.fact)
    place = document.path_for(item.fact)
    where = f"{format_path(item.fact)} ({'' if place == found.path else f'{place}, '}"
    where += f"line {fact.line}, column {fact.column})"
    return replace(found, message=f"{found.message}; {where} {item.says}")


def _value_at(offer: Any, loc: PathKey) -> str:
    """The validated text at ``loc`` (``("does", 2)``, ``("cta", "label")``)."""
    value = offer
    for part in loc:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return str(value)


def check_markdown(text: str, path: str, facts: Sequence[Finding] = ()) -> CheckResult:
    """Every pressure tactic in a Markdown page, with its suppression markers and its front
    matter's ``honest_offers: allow`` entries applied, also to ``facts`` (the page's HO7xx
    findings, :mod:`.page_facts`: the markers that allow them are used)."""
    code_free = markdown.without_code(text)
    markers = parse_markers(code_free, path=path)
    hits = _markdown_hits(text, code_free)
    findings = [_text_finding(text, hit, path) for hit in hits]
    findings += facts
    document = _front_matter_document(text, path)
    if document is not None:
        findings.extend(_document_findings(document, path, line_offset=1, records=True))
        page = _page_allowances(document, path)
        markers.suppressions += page.suppressions
        markers.problems += page.problems
    return _result(findings, markers.suppressions, markers.problems, path)


PAGE_KEY = "honest_offers"
"""The front matter key of a Markdown page's own settings: ``honest_offers: allow: [{rule,
reason}]`` allows rules on the whole page, like an offer's ``allow``."""


def page_allowances(text: str, path: str) -> Markers:
    """The front matter ``honest_offers: allow`` entries of Markdown ``text``: page-wide
    suppressions, and findings (HO901 no reason, HO902 unknown rule, HO903 not a list of
    ``{rule, reason}``) at the line and column of each entry that cannot be used."""
    document = _front_matter_document(text, path)
    return Markers([], []) if document is None else _page_allowances(document, path)


def page_allow_entries(meta: object) -> list[tuple[str, str]]:
    """``(rule, reason)`` of each entry of a page's parsed front matter ``meta`` that names a
    rule, as written (unchecked: whoever reads them checks them, as :func:`page_allowances`
    does)."""
    settings = meta.get(PAGE_KEY) if isinstance(meta, dict) else None
    entries = settings.get("allow") if isinstance(settings, dict) else None
    if not isinstance(entries, list):
        return []
    return [
        (entry["rule"].strip(), str(entry.get("reason") or "").strip())
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("rule"), str)
    ]


def _front_matter_document(text: str, path: str) -> YamlDocument | None:
    matter = markdown.front_matter(text)
    return None if matter is None else parse_yaml(matter, path)[0]


def _page_allowances(document: YamlDocument, path: str) -> Markers:
    data = document.data
    settings = data.get(PAGE_KEY) if isinstance(data, dict) else None
    markers = Markers([], [])
    if settings is None:
        return markers

    def at(loc: PathKey) -> tuple[int, int]:
        mark = document.mark_for(loc)
        return mark.line + 1, mark.column  # below the opening `---`

    entries = settings.get("allow") if isinstance(settings, dict) else None
    if not isinstance(entries, list):
        line, column = at((PAGE_KEY,))
        excerpt = f"{PAGE_KEY}: expected `allow:` with a list of {{rule, reason}}"
        markers.problems.append(finding(MALFORMED, path, line, column, excerpt))
        return markers
    for index, entry in enumerate(entries):
        loc = (PAGE_KEY, "allow", index)
        item = _page_allowance(entry, path, *at(loc), *at((*loc, "rule")))
        if isinstance(item, Suppression):
            markers.suppressions.append(item)
        else:
            markers.problems.append(item)
    return markers


def _page_allowance(
    entry: object, path: str, line: int, column: int, rule_line: int, rule_column: int
) -> Suppression | Finding:
    """One ``{rule, reason}`` entry as a page-wide suppression, or the finding that says
    what is wrong with it."""
    rule = entry.get("rule") if isinstance(entry, dict) else None
    if not isinstance(rule, str):
        excerpt = "allow entry: expected `rule: HO201` and `reason: …`"
        return finding(MALFORMED, path, line, column, excerpt)
    code = rule.strip().upper()
    if unknown_code(code):
        return finding(UNKNOWN_RULE, path, rule_line, rule_column, rule)
    reason = entry.get("reason") if isinstance(entry, dict) else None
    if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON:
        return finding(NO_REASON, path, line, column, f"rule: {rule}")
    return Suppression(frozenset({code}), reason.strip(), line, column, f"rule: {rule}")


def locatable_markdown(text: str) -> str:
    """Markdown ``text`` as a rendered page's excerpt is looked for in it: code blanked (its
    text is never a finding, so "Offer ends" in a code span is not where a title's "Offer
    end" came from), front matter kept (a page title can come from there), offsets kept."""
    blanked = markdown.without_code(text)
    matter = markdown.front_matter(text)
    if matter is None or blanked == text:
        return blanked
    end = text.index(matter) + len(matter)
    return text[:end] + blanked[end:]


def markdown_hits(text: str) -> list[Hit]:
    """Hits in the visible text of Markdown ``text`` (offsets into ``text``)."""
    return _markdown_hits(text, markdown.without_code(text))


def _markdown_hits(text: str, code_free: str) -> list[Hit]:
    view = markdown.prose(text, code_free)
    hits = [
        Hit(hit.rule, hit.start + start, hit.end + start)
        for start, end in markdown.blocks(code_free)
        for hit in scan_cached(view[start:end], "prose")
    ]
    for link in _LINK_TEXT.finditer(code_free):
        start = link.start("label")
        for hit in scan_cached(view[start : link.end("label")], "label"):
            moved = Hit(hit.rule, hit.start + start, hit.end + start)
            if not any(h.start < moved.end and moved.start < h.end for h in hits):
                hits.append(moved)
    return sorted(hits, key=lambda h: (h.start, h.end))


def _result(
    findings: list[Finding], allowances: list[Suppression], problems: list[Finding], path: str
) -> CheckResult:
    result = apply_suppressions(findings, allowances, path=path)
    result.findings.extend(problems)
    result.findings.sort(key=Finding.sort_key)
    result.suppressed.sort(key=lambda s: s.finding.sort_key())
    return result


def _text_finding(text: str, hit: Hit, path: str) -> Finding:
    line, column = position(text, hit.start)
    return finding(hit.rule, path, line, column, text[hit.start : hit.end])


def _document_findings(
    document: YamlDocument,
    path: str,
    line_offset: int = 0,
    keys: frozenset[str] | None = None,
    *,
    records: bool = False,
) -> list[Finding]:
    """Findings in the strings of ``document`` (only below its top-level ``keys`` if given:
    the part of a merged offer that this file wrote). With ``records`` (a page's front
    matter, whose layout prints it), a string is read with the labels of the records it
    stands in (:func:`_in_its_record`)."""
    source: _Source | None = None
    findings = []
    strings: list[tuple[PathKey, str | int | None, str]] = []
    data = document.data
    if keys is not None and isinstance(data, dict) and not keys.issuperset(data):
        data = {key: value for key, value in data.items() if key in keys}
    _collect_strings(data, (), strings)
    languages = lang.current()
    for parent, key, value in strings:
        contexts = _CONTEXTS_UNDER.get(parent)
        context = contexts.get(key, "prose") if contexts else "prose"
        hits: Sequence[Hit] = (
            markdown_hits(value)
            if context == "markdown"
            else scan_cached(value, context, languages)
        )
        if not hits:
            continue
        loc = parent if key is None else (*parent, key)
        if records and context != "markdown":
            hits = _in_its_record(data, loc, value, hits, languages)
            if not hits:
                continue
        source = source or _Source(document)
        for hit in hits:
            excerpt = value[hit.start : hit.end]
            line, column = source.locate(loc, value, hit.start, excerpt)
            findings.append(finding(hit.rule, path, line + line_offset, column, excerpt))
    return findings


RECORD_LABELS = frozenset({"label", "name", "title", "period", "interval", "billing", "term"})
"""Keys of the values that label a record in a page's data (a plan switcher's ``label:
Annual`` over its ``badge: Save 20%``)."""


def _in_its_record(
    data: Any, loc: PathKey, value: str, hits: Sequence[Hit], languages: frozenset[str]
) -> Sequence[Hit]:
    """The hits of ``value`` that stand when it is read after the labels of the records it
    is in, as its page shows them together ("Annual: Save 20%" is a price for a billing
    term): up to two mappings around it, not the document's own."""
    labels: list[str] = []
    for depth in (2, 1):
        record = value_at(data, loc[:-depth]) if len(loc) > depth else None
        if isinstance(record, dict):
            labels += [
                v
                for k, v in record.items()
                if k in RECORD_LABELS
                and isinstance(v, str)
                and v != value
                and len(v) <= mr.ROW_LABEL_MAX
            ]
    if not labels:
        return hits
    prefix = " ".join(labels) + ": "
    kept = {
        (h.rule, h.start - len(prefix)) for h in scan_cached(prefix + value, "prose", languages)
    }
    return [hit for hit in hits if (hit.rule, hit.start) in kept]


_CONTEXTS: dict[PathKey, Context | Literal["markdown"]] = {
    **dict.fromkeys(LABELS, "label"),
    **dict.fromkeys(MARKDOWN, "markdown"),
}
"""How the values at these paths are read; every other string is prose."""
_CONTEXTS_UNDER: dict[PathKey, dict[str | int | None, Context | Literal["markdown"]]] = {}
for _loc, _context in _CONTEXTS.items():
    _CONTEXTS_UNDER.setdefault(_loc[:-1], {})[_loc[-1]] = _context
""":data:`_CONTEXTS` by the path of the mapping the value stands in, then its key."""


def _collect_strings(
    data: Any, loc: PathKey, out: list[tuple[PathKey, str | int | None, str]]
) -> None:
    """Append every string value below ``data`` to ``out`` with the path of the mapping or
    list it stands in and its key there (``None`` for ``data`` itself), skipping
    :data:`NOT_TEXT` keys, in document order. Most values are strings: each is appended where
    it is found, without a call or a path of its own."""
    if isinstance(data, str):
        out.append((loc, None, data))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_TEXT:
                continue
            if isinstance(value, str):
                out.append((loc, key, value))
            else:
                _collect_strings(value, (*loc, key), out)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, str):
                out.append((loc, index, value))
            else:
                _collect_strings(value, (*loc, index), out)


class _Source:
    """Finds where part of a YAML value is written in the file (plain, quoted or block)."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.text = document.text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        marks = {*document.value_marks.values(), *document.key_marks.values()}
        self.mark_offsets = sorted(self._offset(m) for m in marks)

    def locate(self, loc: PathKey, value: str, start: int, excerpt: str) -> tuple[int, int]:
        """Line and column of ``value[start:]``'s ``excerpt``; the value's own mark if unsure."""
        mark = self.document.mark_for(loc)
        begin = self._offset(mark)
        after = bisect_right(self.mark_offsets, begin)
        end = self.mark_offsets[after] if after < len(self.mark_offsets) else len(self.text)
        pattern = source_pattern(excerpt)
        nth = _occurrences_before(value, excerpt, start)
        match = pattern.search(self.text, begin, end)
        while match is not None and nth > 0:
            match = pattern.search(self.text, match.start() + 1, end)
            nth -= 1
        if match is None:
            return mark.line, mark.column
        return self._position(match.start())

    def _offset(self, mark: Mark) -> int:
        line = min(max(mark.line, 1), len(self.line_starts))
        return self.line_starts[line - 1] + mark.column - 1

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


_YAML_ESCAPES = {"'": "(?:''|')", '"': r'(?:\\"|")', "\\": r"(?:\\\\|\\)"}


def source_pattern(excerpt: str, gap: str = r"\s+") -> re.Pattern[str]:
    """``excerpt`` as written in YAML: any line folding, doubled or escaped quotes."""
    words = [
        "".join(_YAML_ESCAPES.get(char) or re.escape(char) for char in word)
        for word in excerpt.split()
    ]
    return re.compile(gap.join(words))


_SOURCE_GAP = r"\s+(?:>[ \t]*)*"
"""White space between two words of a source, also a line break into a Markdown quote's next
line (``> Only 2 places`` / ``> left``)."""


_RENDERED_AWAY = re.compile(
    r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # character references: decoded
    r"|<[^<>\n]*>"  # inline tags: dropped
    r"|\*+|_+|~~|`+"  # emphasis, strike-through and code marks: dropped
)
"""What rendering changes in a source's text: the rendered excerpt does not stand in it as
written (``&#79;nly *2* places`` renders as ``Only 2 places``)."""


def locate_excerpt(excerpt: str, text: str) -> int | None:
    """Where a rendered page's ``excerpt`` was written in its source ``text``: as it stands
    (any line folding), else in the text as rendering reads it — character references decoded,
    inline markup dropped — mapped back to the source. ``None`` if it is not in ``text``."""
    pattern = source_pattern(excerpt.rstrip("…").strip(), _SOURCE_GAP)
    match = pattern.search(text)
    if match is not None:
        return match.start()
    if not _RENDERED_AWAY.search(text):
        return None
    plain, starts = _as_rendered(text)
    match = pattern.search(plain)
    return starts[match.start()] if match is not None else None


def _as_rendered(text: str) -> tuple[str, list[int]]:
    """``text`` as rendering reads it, and for each of its characters the source offset."""
    pieces: list[str] = []
    starts: list[int] = []
    position = 0
    for match in _RENDERED_AWAY.finditer(text):
        pieces.append(text[position : match.start()])
        starts.extend(range(position, match.start()))
        token = match.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            pieces.append(decoded)
            starts.extend([match.start()] * len(decoded))
        position = match.end()
    pieces.append(text[position:])
    starts.extend(range(position, len(text)))
    return "".join(pieces), starts


def _occurrences_before(value: str, excerpt: str, start: int) -> int:
    count = 0
    index = value.find(excerpt)
    while 0 <= index < start:
        count += 1
        index = value.find(excerpt, index + 1)
    return count


# -- files by kind -------------------------------------------------------------------------------

FileKind = Literal["markdown", "html", "template", "script", "stylesheet"]
FILE_KINDS: dict[str, FileKind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".js": "script",
    ".mjs": "script",
    ".cjs": "script",
    ".jsx": "script",
    ".ts": "script",
    ".mts": "script",
    ".cts": "script",
    ".tsx": "script",
    ".vue": "template",
    ".svelte": "template",
    ".liquid": "template",
    ".hbs": "template",
    ".handlebars": "template",
    ".njk": "template",
    ".twig": "template",
    ".php": "template",
    ".erb": "template",
    ".ejs": "template",
    ".tpl": "template",
    ".css": "stylesheet",
}
"""Source files the check reads, by suffix. Scripts are parsed by their dialect (``.ts``
TypeScript, ``.tsx`` TSX, the rest JavaScript with JSX); templates and components are
checked as HTML after their template syntax is blanked (:func:`blank_template`)."""


def check_file_text(text: str, kind: FileKind, path: str) -> CheckResult:
    """A source file's text checked by its kind; the engines load on first use, and the
    script engine gets the markup check for HTML inside its strings. A template's PHP blocks
    are blanked for the markup check and their strings read as text (:mod:`.scripts.php`)."""
    if kind == "markdown":
        return check_markdown(text, path)
    if kind == "stylesheet":
        from honest_offers.check.styles import check_stylesheet

        return check_stylesheet(text, path)
    from honest_offers.check.html import check_html, nested_findings

    if kind == "script":
        from honest_offers.check.scripts import check_script

        return check_script(text, path, nested_html=nested_findings)
    if kind != "template":
        return check_html(text, path)
    result = check_html(blank_template(text, smarty=path.lower().endswith(SMARTY_SUFFIXES)), path)
    if "<?" in text:
        from honest_offers.check.scripts.php import php_result

        result.extend(php_result(text, path, nested_findings))
        result.findings.sort(key=Finding.sort_key)
        result.suppressed.sort(key=lambda s: s.finding.sort_key())
    return result


_TEMPLATE_SYNTAX = re.compile(
    r"<\?(?:php\b|=)?[\s\S]*?(?:\?>|\Z)"  # PHP
    r"|<%[\s\S]*?(?:%>|\Z)"  # ERB, EJS
    r"|\{\{\{[\s\S]*?\}\}\}|\{\{![\s\S]*?\}\}"  # Handlebars raw output and comments
    r"|\{[#:/@][^{}\n]*\}"  # Svelte blocks: {#if …} {:else} {/if} {@html …}
)
_SMARTY = re.compile(
    r"\{\*[\s\S]*?(?:\*\}|\Z)"  # comments
    r"|\{(?:\$|/?(?:if|elseif|else|foreach|foreachelse|section|assign|include|block|extends"
    r"|capture|literal|strip|function|nocache)\b)[^{}\n]*\}"  # tags and {$output}
)
SMARTY_SUFFIXES = (".tpl",)
"""Templates whose ``{…}`` tags are Smarty's (elsewhere ``{if`` may be minified code)."""
_PATH = r"[A-Za-z_]\w*(?:(?:->|::|\.)\w+|\[['\":]?\w+['\"]?\])*"
_PRINTED = re.compile(
    rf"<\?(?:=|php\s+(?:echo|print)\b)\s*\$(?P<php>{_PATH})\s*;?\s*\?>"  # <?= $stock ?>
    rf"|<%[=-]\s*@?(?P<erb>{_PATH})\s*-?%>"  # <%= @product.stock %>
)
"""A template tag that prints one value, read as the value it prints."""
_SMARTY_PRINTED = re.compile(rf"\{{\$(?P<smarty>{_PATH})(?:\|[^{{}}\n]*)?\}}")
_VUE_TEMPLATE = re.compile(r"^<template(?=[\s>])|</template>(?![\s\S]*</template>)", re.M)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _printed(match: re.Match[str]) -> str:
    """An output tag as the value it prints (:func:`.markup_rules.printed_value`)."""
    path = match.group(match.lastgroup or 0).replace("->", ".").replace("::", ".")
    return mr.printed_value(path, len(match.group()))


def blank_template(text: str, *, smarty: bool = False) -> str:
    """Template syntax blanked with spaces, every offset and line kept: PHP (``<?php ?>``,
    ``<?= ?>``), ERB/EJS (``<% %>``), Handlebars raw output and comments, Svelte blocks,
    with ``smarty`` Smarty's comments and tags (``{* *}``, ``{if …}``); a tag that prints one
    value (``<?= $stock ?>``, ``<%= @stock %>``, ``{$stock}``) reads as that value; and a
    Vue component's root ``<template>`` read as a section (it holds the page). Jinja, Twig,
    Liquid, Nunjucks and Handlebars ``{{ }}``/``{% %}``/``{# #}`` the HTML check blanks
    itself."""
    if "<?" in text or "<%" in text:
        text = _PRINTED.sub(_printed, text)
    text = _TEMPLATE_SYNTAX.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)
    if smarty:
        text = _SMARTY_PRINTED.sub(_printed, text)
        text = _SMARTY.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)
    return _VUE_TEMPLATE.sub(
        lambda m: "<section " if m.group().startswith("<t") else "</section >", text
    )
