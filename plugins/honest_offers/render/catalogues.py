"""Keep the gettext catalogues in step with the theme: extract, update, compile.

Run it from a checkout after changing a message in the templates or in ``render/``, or a
translation in a ``.po`` file::

    .venv/bin/python -m honest_offers.render.catalogues

It extracts every message with Babel as ``locale/babel.cfg`` says (the templates with Jinja's
extractor, ``jinja2.ext:babel_extract``; ``render/`` with Babel's Python extractor; comments
that start with ``Translators:`` go along) into ``locale/honest_offers.pot``; adds new
messages to each language's ``.po``, untranslated, and drops the ones no longer used; then
compiles every ``.po`` into the ``.mo`` beside it, which is what the package reads (why the
``.mo`` files are compiled ahead and committed: :mod:`honest_offers.render.translations`).
English is the source language: its catalogue gets each new message's English text.

``tests/unit/test_catalogues.py`` fails while a catalogue lacks a translation, has one the
templates no longer use, or has a ``.mo`` that differs from its ``.po``. Nothing here runs
when a site is built.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from honest_offers import __version__
from honest_offers.render.translations import DOMAIN, SOURCE_LANGUAGE

LANGUAGES = ("en", "de", "fr", "es")
"""Every language with a catalogue; each must be complete."""

COMMENT_TAGS = ("Translators:",)
PROJECT = "honest-offers"
AUTHORS = "honest-offers developers"
TEMPLATE_HEADER = """\
# The words of the honest-offers theme, extracted by `python -m honest_offers.render.catalogues`.
# This file is distributed under the same license as the honest-offers project (MIT).
#"""
LOCALE = Path(__file__).resolve().parents[1] / "locale"
MAPPING = LOCALE / "babel.cfg"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def repository() -> Path:
    """The checkout this module runs from (``babel.cfg``'s paths are relative to it)."""
    root = Path(__file__).resolve().parents[3]
    if not (root / "theme" / "honest-offers").is_dir():
        raise SystemExit(f"{root} is not a checkout of honest-offers (no theme/honest-offers)")
    return root


def extract(root: Path) -> Catalog:
    """Every message of the templates and of ``render/``, with where it is written."""
    with MAPPING.open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream, str(MAPPING))  # type: ignore[no-untyped-call]
    template = Catalog(
        header_comment=TEMPLATE_HEADER,
        project=PROJECT,
        version=__version__,
        copyright_holder=AUTHORS,
        msgid_bugs_address=AUTHORS,
        fuzzy=False,
    )
    found = extract_from_dir(
        root,
        method_map,
        options_map,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=_only_towards([pattern for pattern, _ in method_map], root),
    )
    for filename, lineno, message, comments, context in found:
        location = (Path(filename).as_posix(), lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def _only_towards(patterns: list[str], root: Path) -> Callable[[str], bool]:
    """Walk only the folders the patterns can match in (not node_modules, .venv, build…)."""
    prefixes = [pattern.split("*", 1)[0].rstrip("/") for pattern in patterns]

    def wanted(folder: str) -> bool:
        relative = Path(os.path.relpath(folder, root)).as_posix()
        return any(
            prefix == relative
            or prefix.startswith(relative + "/")
            or relative.startswith(prefix + "/")
            for prefix in prefixes
        )

    return wanted


def read_catalogue(path: Path, language: str) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def translated(message: Message) -> bool:
    """A message counts as translated when every form has a text and it is not fuzzy."""
    forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return not message.fuzzy and all(forms)


def missing(template: Catalog, catalogue: Catalog) -> list[str]:
    """The template's messages the catalogue does not translate (by their English text)."""
    absent = []
    for message in _messages(template):
        own = catalogue.get(message.id, message.context)
        if own is None or not translated(own):
            absent.append(_label(message))
    return absent


def unused(template: Catalog, catalogue: Catalog) -> list[str]:
    """The catalogue's messages the templates and ``render/`` no longer have."""
    return [
        _label(message)
        for message in _messages(catalogue)
        if template.get(message.id, message.context) is None
    ]


def compiled(catalogue: Catalog) -> bytes:
    stream = io.BytesIO()
    write_mo(stream, catalogue, use_fuzzy=False)
    return stream.getvalue()


def update(root: Path) -> dict[str, list[str]]:
    """Extract, update every ``.po``, compile every ``.mo``; the untranslated messages by
    language."""
    template = extract(root)
    _write_template(template)
    report = {}
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            catalogue = read_catalogue(path, language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalogue = Catalog(locale=language, domain=DOMAIN, project=PROJECT, fuzzy=False)
            catalogue.copyright_holder = catalogue.last_translator = AUTHORS
            catalogue.msgid_bugs_address = AUTHORS
        catalogue.version = __version__
        # Catalog.update shares the template's Message objects: each language gets a copy.
        catalogue.update(
            copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False
        )
        if language == SOURCE_LANGUAGE:
            _fill_with_source(catalogue)
        _write_if_changed(path, _po_bytes(catalogue))
        _write_if_changed(mo_path(language), compiled(catalogue))
        report[language] = missing(template, catalogue)
    return report


def _write_template(template: Catalog) -> None:
    """Rewrite the ``.pot`` only when its messages changed, keeping its date otherwise."""
    if TEMPLATE.exists():
        with TEMPLATE.open("rb") as stream:
            old = read_po(stream)
        if _snapshot(old) == _snapshot(template):
            template.creation_date = old.creation_date
    _write_if_changed(TEMPLATE, _po_bytes(template))


def _snapshot(catalogue: Catalog) -> list[tuple[Any, ...]]:
    return [
        (m.id, m.context, tuple(m.locations), tuple(m.auto_comments)) for m in _messages(catalogue)
    ]


def _fill_with_source(catalogue: Catalog) -> None:
    for message in _messages(catalogue):
        if not translated(message):
            message.string = message.id
            message.flags.discard("fuzzy")


def _po_bytes(catalogue: Catalog) -> bytes:
    stream = io.BytesIO()
    write_po(stream, catalogue, ignore_obsolete=True, include_previous=False, width=100)
    return stream.getvalue()


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _messages(catalogue: Iterable[Message]) -> list[Message]:
    return [message for message in catalogue if message.id]


def _label(message: Message) -> str:
    return message.id if isinstance(message.id, str) else " / ".join(message.id)


def main() -> int:
    report = update(repository())
    for language, absent in report.items():
        state = f"{len(absent)} untranslated" if absent else "complete"
        print(f"{po_path(language).relative_to(LOCALE.parent)}: {state}")
        for text in absent:
            print(f"    {text}")
    return 1 if any(report.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
