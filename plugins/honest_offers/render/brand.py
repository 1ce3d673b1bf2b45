"""A client's brand as Material's colour variables, refused where its contrast fails WCAG.

Contrast follows WCAG 2.2's definition (success criterion 1.4.3, level AA: at least 4.5:1 for
text): relative luminance of sRGB colours, ``(L1 + 0.05) / (L2 + 0.05)``. Brand colours are
text in two places: links on the page background (light and dark scheme), and the page
background behind the header's text. The header's text colour (white or black) is chosen
so that it always passes; link colours are the brand's own, so a failing one is an error
that names the ratio and the nearest shade of the same hue that passes.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

MINIMUM = 4.5
"""WCAG 2.2 AA contrast for normal text (1.4.3)."""

LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#1e2129"
"""Material's dark scheme (slate) background: ``hsla(225deg, 15%, 14%)``."""

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

Rgb = tuple[float, float, float]


def parse_colour(value: str) -> Rgb:
    """``#rgb`` or ``#rrggbb`` as sRGB channels from 0 to 1; ``ValueError`` otherwise."""
    if not _HEX.match(value):
        raise ValueError(f"`{value}` is not a colour written as #rrggbb (e.g. #1d4ed8)")
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def hex_colour(rgb: Rgb) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(rgb: Rgb) -> float:
    """WCAG relative luminance."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: Rgb, second: Rgb) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def nearest_passing(colour: Rgb, background: Rgb, minimum: float = MINIMUM) -> Rgb:
    """The shade of ``colour``'s hue and saturation, nearest in lightness, that reaches
    ``minimum`` on ``background`` (black or white as the last resort)."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*colour)
    for step in range(1, 1001):
        for sign in (-1, 1):
            shade = lightness + sign * step / 1000
            if 0 <= shade <= 1:
                candidate = colorsys.hls_to_rgb(hue, shade, saturation)
                rounded = parse_colour(hex_colour(candidate))
                if contrast(rounded, background) >= minimum:
                    return rounded
    return (0.0, 0.0, 0.0) if luminance(background) > 0.5 else (1.0, 1.0, 1.0)


@dataclass(frozen=True, slots=True)
class Brand:
    """Colours as written in the config (``#rrggbb``); the dark ones default to the light."""

    primary: str
    accent: str
    primary_dark: str | None = None
    accent_dark: str | None = None


@dataclass(frozen=True, slots=True)
class ContrastFailure:
    option: str
    """The brand option that fails, e.g. ``primary_dark``."""
    value: str
    scheme: str
    ratio: float
    suggestion: str

    def message(self) -> str:
        implied = "" if self.option.endswith("_dark") or self.scheme == "light" else " (default)"
        return (
            f"brand `{self.option}`{implied} {self.value} as link text on the {self.scheme} "
            f"scheme's background has a contrast of {self.ratio:.2f}:1; WCAG 2.2 AA asks for "
            f"at least {MINIMUM}:1. The nearest shade that passes is {self.suggestion}"
        )


def contrast_failures(brand: Brand) -> list[ContrastFailure]:
    """Every brand colour that fails as link text on the background of its scheme."""
    checks = (
        ("primary", brand.primary, "light", LIGHT_BACKGROUND),
        ("accent", brand.accent, "light", LIGHT_BACKGROUND),
        ("primary_dark", brand.primary_dark or brand.primary, "dark", DARK_BACKGROUND),
        ("accent_dark", brand.accent_dark or brand.accent, "dark", DARK_BACKGROUND),
    )
    failures = []
    for option, value, scheme, background in checks:
        colour, back = parse_colour(value), parse_colour(background)
        ratio = contrast(colour, back)
        if ratio < MINIMUM:
            suggestion = hex_colour(nearest_passing(colour, back))
            failures.append(ContrastFailure(option, value, scheme, ratio, suggestion))
    return failures


def header_text(primary: Rgb) -> str:
    """White or black text on the header's ``primary`` background, whichever contrasts more
    (one of the two always reaches 4.5:1)."""
    white, black = (1.0, 1.0, 1.0), (0.0, 0.0, 0.0)
    return "#ffffff" if contrast(primary, white) >= contrast(primary, black) else "#000000"


@dataclass(frozen=True, slots=True)
class Font:
    family: str
    url: str
    """Relative to the generated stylesheet."""
    weight: str = "400"
    style: str = "normal"


FONT_FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}


def brand_css(brand: Brand, fonts: tuple[Font, ...] = ()) -> str:
    """Material's variables for the palette ``custom`` in both schemes, and ``@font-face``
    rules for self-hosted fonts."""
    primary = parse_colour(brand.primary)
    shade = colorsys.rgb_to_hls(*primary)
    lighter = hex_colour(colorsys.hls_to_rgb(shade[0], min(1.0, shade[1] + 0.1), shade[2]))
    darker = hex_colour(colorsys.hls_to_rgb(shade[0], max(0.0, shade[1] - 0.1), shade[2]))
    text = header_text(primary)
    lines = [
        "/* Generated by honest-offers from the plugin's `brand` option. */",
        *(_font_face(font) for font in fonts),
        '[data-md-color-primary="custom"] {',
        f"  --md-primary-fg-color: {brand.primary};",
        f"  --md-primary-fg-color--light: {lighter};",
        f"  --md-primary-fg-color--dark: {darker};",
        f"  --md-primary-bg-color: {text};",
        f"  --md-primary-bg-color--light: {text}b3;",
        f"  --md-typeset-a-color: {brand.primary};",
        "}",
        '[data-md-color-accent="custom"] {',
        f"  --md-accent-fg-color: {brand.accent};",
        f"  --md-accent-fg-color--transparent: {brand.accent}1a;",
        "}",
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {',
        f"  --md-typeset-a-color: {brand.primary_dark or brand.primary};",
        "}",
        '[data-md-color-scheme="slate"][data-md-color-accent="custom"] {',
        f"  --md-accent-fg-color: {brand.accent_dark or brand.accent};",
        "}",
    ]
    if fonts:
        lines += [":root {", f'  --md-text-font: "{fonts[0].family}";', "}"]
    return "\n".join(lines) + "\n"


def _font_face(font: Font) -> str:
    suffix = "." + font.url.rsplit(".", 1)[-1].lower()
    return (
        f'@font-face {{ font-family: "{font.family}"; src: url("{font.url}") '
        f'format("{FONT_FORMATS[suffix]}"); font-weight: {font.weight}; '
        f"font-style: {font.style}; font-display: swap; }}"
    )
