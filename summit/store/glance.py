"""A quick look at the summit files: title, start, status and classification of each.

The app paints its first screen from this while the data loads and is checked
in the background (summit.tui.app). It reads only the top-level keys at the head
of each file, with the standard parser and no validation, so it needs neither
pydantic nor the register: what it shows is provisional, and the loaded data
replaces it a moment later. Nothing here decides whether a file is valid.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli

from summit.store.locations import summit_files
from summit.store.problems import DataError

# The first table header ends a TOML file's top-level keys (`[x]` or `[[x]]`).
_FIRST_TABLE = re.compile(rb"^[ \t]*\[", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SummitGlance:
    summit_id: str
    title: str | None = None
    """None when the head of the file does not read (the full load says why)."""
    start: datetime | None = None
    status: str = ""
    classification: str = ""

    @property
    def order(self) -> tuple[bool, datetime]:
        """Sorts as the loaded summits do (by start), unreadable ones first."""
        if self.start is None:
            return (False, datetime.min)
        return (True, self.start.replace(tzinfo=None))


def glance_summits(root: Path) -> list[SummitGlance]:
    """Every summit file's head, in date order; [] if agendas/ cannot be listed."""
    try:
        paths = summit_files(root)
    except DataError:
        return []  # the full load reports it
    return sorted((_glance(path) for path in paths), key=lambda glance: glance.order)


def _glance(path: Path) -> SummitGlance:
    try:
        data = path.read_bytes()
        head = data[: found.start()] if (found := _FIRST_TABLE.search(data)) else data
        try:
            keys = tomli.loads(head.decode("utf-8"))
        except tomli.TOMLDecodeError:
            # A multi-line string holding a line that starts with `[`: read it all.
            keys = tomli.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError):
        return SummitGlance(path.stem)
    return _from_keys(path.stem, keys)


def _from_keys(summit_id: str, keys: dict[str, object]) -> SummitGlance:
    title, start = keys.get("title"), keys.get("start")
    status, classification = keys.get("status", ""), keys.get("classification", "")
    return SummitGlance(
        summit_id,
        title if isinstance(title, str) else None,
        start if isinstance(start, datetime) else None,
        status if isinstance(status, str) else "",
        classification if isinstance(classification, str) else "",
    )
