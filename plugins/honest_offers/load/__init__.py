"""Load: offer files on disk → YAML documents with positions, or located problems."""

from honest_offers.load.discover import discover_offer_files
from honest_offers.load.yaml_source import (
    Mark,
    PathKey,
    YamlDocument,
    format_path,
    parse_yaml,
    read_text,
)

__all__ = [
    "Mark",
    "PathKey",
    "YamlDocument",
    "discover_offer_files",
    "format_path",
    "parse_yaml",
    "read_text",
]
