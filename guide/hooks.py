"""MkDocs hooks of the user guide (``guide/mkdocs.yml``).

* ``on_config``: snippets (``--8<--``) are read from this folder and the repository, so the
  guide can show the real example offers and CI recipes instead of copies of them.
* ``on_files``: adds the reference pages generated from the code (:mod:`reference_pages`):
  offer fields, plugin options and the command line. A field or option the code does not
  describe is a warning, which fails the strict build (``make guide``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from reference_pages import reference_pages

GUIDE = Path(__file__).resolve().parent
REPOSITORY = GUIDE.parent
SNIPPETS = "pymdownx.snippets"

log = get_plugin_logger("guide")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = config.mdx_configs.setdefault(SNIPPETS, {})
    options["base_path"] = [str(GUIDE), str(REPOSITORY)]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    generated = reference_pages()
    for problem in generated.missing:
        log.warning(f"reference: {problem}")
    for uri, markdown in generated.pages.items():
        if files.get_file_from_path(uri) is not None:
            log.warning(f"reference: {uri} is generated; remove the file from guide/docs/")
            continue
        files.append(File.generated(config, uri, content=markdown))
    return files
