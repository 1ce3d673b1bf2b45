"""The ``brand`` option: Material's palette ``custom`` filled with a client's colours, its
logo, favicon and self-hosted fonts; a colour that fails WCAG contrast stops the build."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from honest_offers.render.brand import FONT_FORMATS, Brand, Font, brand_css, contrast_failures
from honest_offers.validate.positions import line_column

STYLESHEET = "assets/stylesheets/honest-offers-brand.css"
_FAMILY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{0,63}$")
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")


def in_use(options: Any) -> bool:
    """Whether the ``brand`` option says anything."""
    return any(value not in (None, []) for value in dict(options).values())


def apply_brand(config: MkDocsConfig, options: Any) -> str:
    """Set the theme's palette, logo and favicon from ``options`` (the ``brand`` sub-config);
    return the stylesheet to add as :data:`STYLESHEET`. Raises ``PluginError`` with the
    config file's line and column for a colour, file or font that cannot be used."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    if not options.primary or not options.accent:
        raise PluginError(
            f"{config_file.name}: error: the plugin's `brand` needs both `primary` and "
            '`accent` colours, e.g. `primary: "#1d4ed8"` and `accent: "#b45309"`'
        )
    brand = Brand(
        primary=options.primary,
        accent=options.accent,
        primary_dark=options.primary_dark,
        accent_dark=options.accent_dark,
    )
    try:
        failures = contrast_failures(brand)
    except ValueError as exc:
        raise PluginError(f"honest-offers: brand: {exc}") from None
    if failures:
        lines = [
            f"{_where(config_file, f.value)}: error: {f.message()}; fix: write "
            f'`{f.option}: "{f.suggestion}"` under the plugin\'s `brand`'
            for f in failures
        ]
        raise PluginError("honest-offers: brand colours fail WCAG contrast:\n" + "\n".join(lines))
    docs_dir = Path(config.docs_dir)
    for option in ("logo", "favicon"):
        value = getattr(options, option)
        if value:
            _require_file(config_file, docs_dir, value, option)
            config.theme[option] = value
    fonts = tuple(_font(config_file, docs_dir, font) for font in options.fonts)
    _use_custom_palette(config)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return brand_css(brand, tuple(f for group in fonts for f in group))


def stylesheet_file(config: MkDocsConfig, css: str) -> File:
    return File.generated(config, STYLESHEET, content=css)


def _use_custom_palette(config: MkDocsConfig) -> None:
    palette = config.theme.get("palette")
    schemes = palette if isinstance(palette, list) else [palette] if palette else []
    if not schemes:
        config.theme["palette"] = {"primary": "custom", "accent": "custom"}
        return
    for scheme in schemes:
        if isinstance(scheme, dict):
            scheme["primary"] = "custom"
            scheme["accent"] = "custom"


def _font(config_file: Path, docs_dir: Path, font: Any) -> list[Font]:
    if not _FAMILY.match(font.family):
        raise PluginError(
            f"{_where(config_file, font.family)}: error: brand font family `{font.family}`: "
            "use letters, digits, spaces and hyphens, e.g. `Atkinson Hyperlegible`"
        )
    found = []
    for name in font.files:
        suffix = PurePosixPath(name).suffix.lower()
        if _URL.match(name) or suffix not in FONT_FORMATS:
            raise PluginError(
                f"{_where(config_file, name)}: error: brand font file `{name}`: expected a "
                f"font file inside docs_dir ({', '.join(FONT_FORMATS)}); fonts are never "
                "loaded from a font service: download the files and put them in docs/"
            )
        _require_file(config_file, docs_dir, name, "fonts")
        url = "../../" + PurePosixPath(name).as_posix().lstrip("/")
        found.append(Font(font.family, url, font.weight, font.style))
    return found


def _require_file(config_file: Path, docs_dir: Path, name: str, option: str) -> None:
    path = (docs_dir / name).resolve()
    if _URL.match(name) or not path.is_relative_to(docs_dir.resolve()) or not path.is_file():
        raise PluginError(
            f"{_where(config_file, name)}: error: brand `{option}`: `{name}` is not a file "
            f"inside docs_dir ({docs_dir}); put the file there and give its path relative "
            "to docs_dir, e.g. `assets/logo.svg`"
        )


def _where(config_file: Path, value: str) -> str:
    """``file:line:column`` of ``value``'s first appearance in the config (the file alone
    when it cannot be found, e.g. a value from an inherited config)."""
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError:
        return str(config_file)
    at = text.find(value)
    if at < 0:
        return str(config_file)
    line, column = line_column(text, at)
    return f"{config_file.name}:{line}:{column}"
