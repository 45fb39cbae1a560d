"""A quick look at the summit files: title, start, status and classification of each.

The app paints its first screen from this while the data loads and is checked
in the background (summit.tui.app). It reads only the top-level keys at the head
of each file, with the standard parser and no validation, so it needs neither
pydantic nor the register: what it shows is provisional, and the loaded data
replaces it a moment later. Nothing here decides whether a file is valid.

What a glance found is kept in a small file of the user's cache folder, by each
summit file's time, change time and size: at a later start only the files that
moved are read (1,000 summit files: 150 ms of the first frame, then 10 ms).
Being provisional, it needs no digest of the bytes, and no record cache.
"""

import json
import os
import re
import tempfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli

from summit.store.locations import summit_files
from summit.store.problems import DataError
from summit.store.reading import read_data_file

_FORMAT = 1
_KEPT_LIMIT = 16 * 1024 * 1024
"""A kept glance of 1,000 summits is about 150 KB; anything far bigger is not ours."""

Stamp = tuple[int, int, int]
"""A file's modification time and change time (ns) and size: a change moves one."""

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


def glance_summits(root: Path, kept: Path | None = None) -> list[SummitGlance]:
    """Every summit file's head, in date order; [] if agendas/ cannot be listed.

    `kept` is where glances are kept between starts (`user_glance_file`): a file
    whose stamp is the one kept there is not read again.
    """
    try:
        paths = summit_files(root)
    except DataError:
        return []  # the full load reports it
    before = _read_kept(kept, root) if kept is not None else {}
    now: dict[str, list[Any]] = {}
    glances = []
    for path in paths:
        stamp = _stamp(path)  # before reading: a change meanwhile shows at the next start
        glance = _kept_glance(path.stem, before.get(path.name), stamp)
        if glance is None:
            glance = _glance(path)
        glances.append(glance)
        if stamp is not None:
            now[path.name] = [*stamp, *_entry(glance)]
    if kept is not None and now != before:
        _keep(kept, root, now)
    return sorted(glances, key=lambda glance: glance.order)


def user_glance_file(root: Path) -> Path | None:
    """Where the glances of `root`'s summits are kept; None when SUMMIT_NO_CACHE is set."""
    if os.environ.get("SUMMIT_NO_CACHE"):
        return None
    import platformdirs  # noqa: PLC0415 - loaded by Textual already; not by the CLI

    # A checksum, not hashlib (3 ms to import before the first frame): the file names
    # its folder, so two folders sharing a name only miss (`_read_kept`).
    place = zlib.crc32(_place(root).encode())
    return platformdirs.user_cache_path("summit") / "glance" / f"{place:08x}.json"


def _place(root: Path) -> str:
    return os.path.abspath(root)  # noqa: PTH100 - no system call, as the record cache


def _stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def _entry(glance: SummitGlance) -> list[Any]:
    start = glance.start.isoformat() if glance.start is not None else None
    return [glance.title, start, glance.status, glance.classification]


def _kept_glance(summit_id: str, entry: object, stamp: Stamp | None) -> SummitGlance | None:
    """The glance kept for the file, if its stamp is still `stamp`; anything odd is a miss."""
    if stamp is None or not isinstance(entry, list) or len(entry) != 7:
        return None
    if tuple(entry[:3]) != stamp:
        return None
    title, start, status, classification = entry[3:]
    try:
        when = datetime.fromisoformat(start) if start is not None else None
    except (TypeError, ValueError):
        return None
    if not (title is None or isinstance(title, str)):
        return None
    if not isinstance(status, str) or not isinstance(classification, str):
        return None
    return SummitGlance(summit_id, title, when, status, classification)


def _read_kept(kept: Path, root: Path) -> dict[str, object]:
    """The glances kept for `root`, by file name; {} if there are none or they do not read."""
    try:
        data = json.loads(read_data_file(kept, _KEPT_LIMIT))
    except (DataError, ValueError, RecursionError):  # missing, damaged: a miss, never an error
        return {}
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return {}
    if data.get("root") != _place(root):
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _keep(kept: Path, root: Path, files: dict[str, list[Any]]) -> None:
    """Replace the kept glances (a temporary file renamed: a reader sees old or new)."""
    data = {"format": _FORMAT, "root": _place(root), "files": files}
    text = json.dumps(data, separators=(",", ":"))
    try:
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=kept.parent, suffix=".tmp")
    except OSError:
        return  # no cache folder: the next start glances again
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(kept)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


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
