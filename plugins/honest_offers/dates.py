"""The date that date rules check against, shared by the plugin and the command line."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` so that a build can be reproduced exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()
