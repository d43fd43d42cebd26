"""JSONL of records: every stored record, one JSON object a line, as `summitry extract` prints."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from summitry.store import Store


def write_records(store: Store, out: TextIO) -> int:
    """Write every record in the order it was added; the number written."""
    count = 0
    for record in store.records():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
