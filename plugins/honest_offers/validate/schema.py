"""The offer JSON Schema, generated from the model (editors use it to validate and complete)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from honest_offers.validate.model import Offer

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "offer.schema.json"
"""Shipped in the wheel; a test keeps it equal to :func:`offer_json_schema`."""


def offer_json_schema() -> dict[str, Any]:
    schema = Offer.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema() -> str:
    """The schema as the stable text stored in :data:`SCHEMA_PATH`."""
    return json.dumps(offer_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
