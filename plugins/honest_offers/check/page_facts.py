"""HO7xx on Markdown pages: what a page says about an offer it links to, against that
offer's YAML facts.

A link to an offer is a link that lands on the offer's page (``<index folder>/<slug>``):
``offers/audit.md`` (as MkDocs reads a link to a Markdown file, from the page's folder),
``offers/audit/``, ``../offers/audit/``, ``offers/audit.html`` (as a browser reads it from the
page's address, with directory URLs or without), ``/offers/audit/`` (from the site's root),
and, for a site with a ``site_url``, its full address (``https://example.com/shop/offers/audit/``)
or the root path through its sub-path (``/shop/offers/audit/``); each with or without an
anchor or a query; inline, reference-style and HTML ``<a href>`` links. Links to other sites,
images and the offer index are not links to an offer.

Which words are about which offer (:func:`claims`), so that a page that links to several
offers never lends one offer's "free" to another:

- **the block that links**: a paragraph, list item, table row or heading whose links to offers
  all go to one offer, and each link's own text, speak for that offer as its title and summary
  do: every HO7xx claim counts ("free", a price figure, billing words too);
- **a sentence that links**: in a block that links to several offers, each sentence whose links
  all go to one of them, read the same way;
- **its section**: a block without a link, in a section (from a heading to the next heading of
  its level or above; the page's top part if none) whose links to offers all go to one offer,
  is read as that offer's ``details``: "no hidden fees", tax, "cancel anytime", a money-back
  promise, a trial, a fee's part called free; not "free" alone or a bare price figure;
- nothing else: the text of a section that links to several offers, outside the blocks and
  sentences that link, is about none of them. Front matter and code are never claims.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, unquote, urlsplit

from honest_offers.check import markdown
from honest_offers.check.facts import HEAD, PROSE, contradictions, texts_of
from honest_offers.check.finding import Finding
from honest_offers.check.sources import with_fact
from honest_offers.check.text import finding, position

if TYPE_CHECKING:  # the offer model (pydantic) loads only where offers are read
    from honest_offers.catalog import LoadedOffer


@dataclass(frozen=True, slots=True)
class Link:
    """A link to an offer: the offer's slug, where the link starts in the page, its text."""

    slug: str
    start: int
    label_start: int
    label_end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """Words of a page (``start:end``, offsets into the page) that speak for the offer
    ``slug``: as its title and summary (:data:`~.facts.HEAD`) or its details
    (:data:`~.facts.PROSE`)."""

    slug: str
    start: int
    end: int
    kind: str


# -- links ---------------------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?<!!)\[(?P<label>[^\[\]\n]*)\]\(\s*<?(?P<target>[^()\s<>]*)>?(?:\s+[\"'(][^)\n]*)?\)"
)
_REFERENCE = re.compile(
    r"(?<![!\]\\])\[(?P<label>[^\[\]\n]+)\](?:\[(?P<ref>[^\[\]\n]*)\])?(?![(:])"
)
_DEFINITION = re.compile(r"^ {0,3}\[(?P<ref>[^\[\]\n]+)\]:[ \t]*<?(?P<target>[^\s<>]+)>?", re.M)
_ANCHOR = re.compile(
    r"<a\b[^<>]*?\bhref\s*=\s*[\"']?(?P<target>[^\"'\s<>]+)[^<>]*>(?P<label>[^<]*)", re.I
)
_MAY_LINK = re.compile(r"\]\(|\]:|\]\[|href", re.I)
"""Without one of these, a page has no link to follow (most pages of a big site)."""
_PAGE_SUFFIX = re.compile(r"(?:\.md|\.html|/index\.(?:md|html))?")


def offer_slug(target: str, page: str, folder: str, site_url: str | None = None) -> str | None:
    """The slug of the offer page that a link from ``page`` (its path below the docs folder,
    ``blog/post.md``) to ``target`` lands on, with offer pages in ``folder``; else ``None``.
    With the site's ``site_url``, a full address of the site's own pages and a root path
    through its sub-path (``/shop/offers/audit/`` at ``https://example.com/shop/``) land too."""
    parts = urlsplit(target.strip())
    path = unquote(parts.path)
    if parts.scheme or parts.netloc:
        path = _own_path(parts, site_url)
    if not path:
        return None
    if path.startswith("/"):
        candidates = [path.lstrip("/")]
        prefix = _sub_path(site_url)
        if prefix != "/" and path.startswith(prefix):
            candidates.insert(0, path[len(prefix) :])
    else:
        here = posixpath.dirname(page)
        candidates = [posixpath.join(here, path)]  # MkDocs: from the page's folder
        stem, name = page.removesuffix(".md"), posixpath.basename(page)
        if not path.endswith(".md") and name not in ("index.md", "README.md"):
            candidates.append(posixpath.join(stem, path))  # a browser at <page>/
    for candidate in candidates:
        slug = _slug_in(posixpath.normpath(candidate), folder)
        if slug is not None:
            return slug
    return None


def _sub_path(site_url: str | None) -> str:
    """The path the site is published under (``/shop/``; ``/`` at a host's root)."""
    path = unquote(urlsplit(site_url).path) if site_url else ""
    return path.rstrip("/") + "/"


def _own_path(parts: SplitResult, site_url: str | None) -> str:
    """The root path (``/offers/audit/``) of a full address (``https://…`` or ``//host/…``)
    of a page of the site at ``site_url``; empty for any other address."""
    site = urlsplit(site_url) if site_url else None
    if (
        site is None
        or not parts.netloc
        or parts.scheme.lower() not in ("", "http", "https")
        or parts.netloc.lower() != site.netloc.lower()
    ):
        return ""
    path, prefix = unquote(parts.path) or "/", _sub_path(site_url)
    return "/" + path[len(prefix) :] if (path + "/").startswith(prefix) else ""


def _slug_in(path: str, folder: str) -> str | None:
    prefix = f"{folder.strip('/')}/"
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix) :]
    slug = rest.split("/", 1)[0].split(".", 1)[0]
    if slug in ("", "index") or _PAGE_SUFFIX.fullmatch(rest[len(slug) :]) is None:
        return None
    return slug


def offer_links(
    code_free: str, page: str, folder: str, slugs: Iterable[str], site_url: str | None = None
) -> list[Link]:
    """The links in a page (its text with code blanked, :func:`markdown.without_code`) that
    land on one of the offers ``slugs``, in page order (``site_url``: see :func:`offer_slug`)."""
    known = set(slugs)
    found: list[Link] = []
    for match, target in _targets(code_free):
        slug = offer_slug(target, page, folder, site_url)
        if slug in known:
            found.append(Link(slug, match.start(), match.start("label"), match.end("label")))
    return sorted(found, key=lambda link: link.start)


def _targets(code_free: str) -> Iterator[tuple[re.Match[str], str]]:
    for match in _INLINE.finditer(code_free):
        yield match, match.group("target")
    for match in _ANCHOR.finditer(code_free):
        yield match, match.group("target")
    definitions = {
        _reference(m.group("ref")): m.group("target") for m in _DEFINITION.finditer(code_free)
    }
    if not definitions:
        return
    for match in _REFERENCE.finditer(code_free):
        target = definitions.get(_reference(match.group("ref") or match.group("label")))
        if target is not None:
            yield match, target


def _reference(label: str) -> str:
    return " ".join(label.split()).casefold()


# -- what is about which offer -------------------------------------------------------------------

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_STARTS_BLOCK = re.compile(r"\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)]|!!!|\?\?\?\+?|===)\s")
_BLANK = re.compile(r"\s*(?:>\s*)*")
_LEAD = re.compile(r"\s*(?:>\s*)*(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+|\|\s*)?")
"""What opens a block and is not its text: a quote's marks, a heading's hashes, a list
marker, a table row's first bar."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    level: int
    """A heading's level (1-6); 0 for any other block."""


def _blocks(code_free: str) -> list[_Block]:
    """Paragraphs, list items, table rows and headings, by their offsets."""
    blocks: list[_Block] = []
    start: int | None = None
    offset = last = 0
    for line in code_free.split("\n"):
        blank = _BLANK.fullmatch(line) is not None
        heading = _HEADING.match(line)
        row = "|" in line and not blank
        if start is not None and (blank or row or heading or _STARTS_BLOCK.match(line)):
            blocks.append(_Block(start, last, 0))
            start = None
        if heading is not None or row:
            blocks.append(
                _Block(offset, offset + len(line), len(heading.group(1)) if heading else 0)
            )
        elif not blank and start is None:
            start = offset
        last = offset + len(line)
        offset = last + 1
    if start is not None:
        blocks.append(_Block(start, last, 0))
    return blocks


def _sections(blocks: list[_Block]) -> list[range]:
    """Each heading's section (block indexes up to the next heading of its level or
    above), innermost last, and the whole page first."""
    sections = [range(len(blocks))]
    for index, block in enumerate(blocks):
        if block.level:
            end = next(
                (j for j in range(index + 1, len(blocks)) if 0 < blocks[j].level <= block.level),
                len(blocks),
            )
            sections.append(range(index, end))
    return sections


def claims(code_free: str, links: list[Link]) -> list[Claim]:
    """The words of a page that speak for an offer it links to (see the module docstring)."""
    if not links:
        return []
    blocks = _blocks(code_free)
    linked: list[set[str]] = [set() for _ in blocks]
    for link in links:
        index = _block_of(blocks, link.start)
        if index is not None:
            linked[index].add(link.slug)
    found = [Claim(link.slug, link.label_start, link.label_end, HEAD) for link in links]
    sections = _sections(blocks)
    for index, block in enumerate(blocks):
        if len(linked[index]) == 1:
            found.append(Claim(next(iter(linked[index])), *_text_span(code_free, block), HEAD))
        elif linked[index]:
            found += _sentences(code_free, block, links)
        else:
            slug = _section_offer(index, sections, linked)
            if slug is not None:
                found.append(Claim(slug, *_text_span(code_free, block), PROSE))
    return found


def _block_of(blocks: list[_Block], offset: int) -> int | None:
    return next((i for i, b in enumerate(blocks) if b.start <= offset < b.end), None)


def _text_span(code_free: str, block: _Block) -> tuple[int, int]:
    lead = _LEAD.match(code_free, block.start, block.end)
    return (lead.end() if lead else block.start), block.end


def _sentences(code_free: str, block: _Block, links: list[Link]) -> list[Claim]:
    """In a block that links to several offers, each sentence whose links go to one."""
    start, end = _text_span(code_free, block)
    bounds = [start, *(m.end() for m in _SENTENCE_END.finditer(code_free, start, end)), end]
    found = []
    for begin, stop in pairwise(bounds):
        slugs = {link.slug for link in links if begin <= link.start < stop}
        if len(slugs) == 1:
            found.append(Claim(slugs.pop(), begin, stop, HEAD))
    return found


def _section_offer(index: int, sections: list[range], linked: list[set[str]]) -> str | None:
    """The one offer that the innermost section around block ``index`` with links links to."""
    for section in reversed(sections):
        if index not in section:
            continue
        slugs = set().union(*(linked[i] for i in section))
        if slugs:
            return next(iter(slugs)) if len(slugs) == 1 else None
    return None


# -- findings ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\s\[\]]+")


def _readable(view: str, start: int, end: int) -> tuple[str, list[int]]:
    """``view[start:end]`` with white space (and a link's brackets) as one space, and each
    character's offset."""
    words: list[str] = []
    offsets: list[int] = []
    for match in _WORD.finditer(view, start, end):
        if words:
            words.append(" ")
            offsets.append(match.start() - 1)
        words.append(match.group())
        offsets.extend(range(match.start(), match.end()))
    return "".join(words), offsets


@dataclass(frozen=True, slots=True)
class SiteOffers:
    """A site's offers as its Markdown pages link to them."""

    folder: str
    """Where the offer pages are (the plugin's ``index_url``, as a folder: ``offers``)."""
    docs_dir: Path
    offers: Mapping[str, LoadedOffer]
    """By slug."""
    site_url: str | None = None
    """Where the site is published (``site_url``): links may use its address or sub-path."""

    def page(self, path: Path) -> str | None:
        """``path``'s place below the docs folder (``blog/post.md``); ``None`` outside it."""
        try:
            return path.resolve().relative_to(self.docs_dir.resolve()).as_posix()
        except ValueError:
            return None

    def linked(self, text: str, page: str) -> list[LoadedOffer]:
        """The offers that Markdown ``text`` at ``page`` links to (a memo key's part: its
        findings depend on their YAML)."""
        if not self.offers or not _MAY_LINK.search(text):
            return []
        links = offer_links(
            markdown.without_code(text), page, self.folder, self.offers, self.site_url
        )
        return [self.offers[slug] for slug in dict.fromkeys(link.slug for link in links)]

    def findings(self, text: str, path: str, page: str) -> list[Finding]:
        """HO7xx findings in Markdown ``text`` (shown as ``path``, at ``page`` below the
        docs folder): its words about each offer it links to, against that offer's facts,
        each finding at the words, naming the offer's field with its file, line and column."""
        if not self.linked(text, page):
            return []
        code_free = markdown.without_code(text)
        links = offer_links(code_free, page, self.folder, self.offers, self.site_url)
        view = markdown.prose(text, code_free)
        by_offer: dict[str, list[tuple[str, list[int], str]]] = {}
        for claim in claims(code_free, links):
            value, offsets = _readable(view, claim.start, claim.end)
            if value:
                by_offer.setdefault(claim.slug, []).append((value, offsets, claim.kind))
        found: dict[tuple[str, int, int], Finding] = {}
        for slug, texts in by_offer.items():
            for item in self._contradicted(slug, texts, text, path):
                found.setdefault((item.rule, item.line, item.column), item)
        return sorted(found.values(), key=Finding.sort_key)

    def _contradicted(
        self, slug: str, texts: list[tuple[str, list[int], str]], text: str, path: str
    ) -> Iterator[Finding]:
        loaded = self.offers[slug]
        checked = texts_of((("page", i), value, kind) for i, (value, _, kind) in enumerate(texts))
        for item in contradictions(loaded.offer, checked):
            value, offsets, _ = texts[int(item.loc[1])]
            line, column = position(text, offsets[item.start])
            words = finding(item.rule, path, line, column, value[item.start : item.end])
            yield with_fact(words, item, loaded.document)
