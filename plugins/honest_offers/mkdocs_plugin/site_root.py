"""Pictures in an offer's ``details`` (and the index intro) are found from the site's root.

An offer's page is generated at ``offers/<slug>.md``, a place its author never sees, so
``![Plan](images/plan.jpg)`` would look for ``offers/images/plan.jpg``. This treeprocessor
rewrites such a path, and a root path (``/images/plan.jpg``), to the same file seen from the
page, ``../images/plan.jpg``, before MkDocs resolves it: MkDocs then checks that the file
exists (a missing one fails ``--strict``) and writes the address relative to the page, which
works under any sub-path of ``site_url``. ``./`` and ``../`` paths, links with a scheme and
raw ``<img>`` HTML are left as written.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

PRIORITY = 10
"""After the inline patterns (20) make the ``<img>`` elements, before MkDocs' own path
resolution (0)."""


class SiteRootImages(Extension):  # type: ignore[misc]  # Markdown ships no types
    """One instance per build; the plugin points it at the page being rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.prefix: str | None = None
        """From the current page's folder up to the site's root; ``None``: leave paths."""

    def page(self, src_uri: str | None) -> None:
        """Resolve from the site's root for the page at ``src_uri``; ``None`` stops it."""
        depth = len(PurePosixPath(src_uri).parts) - 1 if src_uri else 0
        self.prefix = "../" * depth if src_uri else None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Resolve(md, self), "honest_offers_site_root", PRIORITY)


class _Resolve(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, extension: SiteRootImages) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        prefix = self.extension.prefix
        if prefix is None:
            return
        for image in root.iter("img"):
            src = image.get("src", "")
            if from_site_root(src):
                image.set("src", prefix + src.lstrip("/"))


def from_site_root(src: str) -> bool:
    """``images/a.png`` and ``/images/a.png``: yes; ``./a.png``, ``../a.png``,
    ``https://…``, ``data:…``, ``//host/…`` and ``#x``: no."""
    parts = urlsplit(src)
    if not src or parts.scheme or parts.netloc or src.startswith(("./", "../", "#", "?")):
        return False
    return bool(parts.path)
