"""What summit last wrote into its own exports folder.

Exporting again into exports/ is how an export is brought up to date, so it
replaces the files there without `--force`. But the papers are written there
for the private office to edit (the .docx), and a second `summit papers`
silently replaced an edited brief. So each file summit writes there is
recorded with the digest of its bytes, and a file is replaced without `--force`
only while it still holds those bytes. The record is kept in the user's state
folder (one line a file), not in exports/, where people open the papers.
"""

import hashlib
from collections.abc import Mapping
from pathlib import Path

from summit.store.atomic import write_atomic


def _record(folder: Path) -> Path:
    import platformdirs  # noqa: PLC0415 - only when an export is written

    place = folder.resolve()  # as the guard sees its targets
    tag = hashlib.sha256(str(place).encode("utf-8")).hexdigest()[:10]
    return platformdirs.user_state_path("summit") / "exports" / f"{place.parent.name}-{tag}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def written(folder: Path) -> dict[str, str]:
    """Each file's name and the digest of what summit last wrote there (none: {})."""
    try:
        text = _record(folder).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return {}
    kept = {}
    for line in text.splitlines():
        found, _, name = line.partition(" ")
        if name:
            kept[name] = found
    return kept


def still_as_written(target: Path) -> bool:
    """Whether `target` holds what summit last wrote there: no edit would be lost."""
    recorded = written(target.parent).get(target.name)
    if recorded is None:
        return False  # not written by summit (or before it kept a record): ask first
    try:
        return digest(target.read_bytes()) == recorded
    except OSError:
        return False


def record_written(folder: Path, files: Mapping[str, bytes]) -> None:
    """Note what was just written into `folder`."""
    kept = written(folder) | {name: digest(data) for name, data in files.items()}
    lines = "".join(f"{found} {name}\n" for name, found in sorted(kept.items()))
    record = _record(folder)
    record.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(record, lines.encode("utf-8"))
