"""A killed save's temporary copy (`.invitees.toml.<random>.tmp`) is removed by the next one.

A save writes the whole new file beside the data file and renames it into
place; `kill -9` between the two leaves the copy, which may hold personal data
and shows in `git status`. Every save of a file holds its lock, so a copy
found while holding that lock belongs to no running save: it is stale.
"""

import contextlib
import re
from pathlib import Path

# tempfile.mkstemp's names: our prefix, eight random characters, our suffix.
_RANDOM = r"[a-z0-9_]{8}"


def stale_copies(target: Path) -> list[Path]:
    """The temporary copies of `target` left beside it (call only while holding its lock)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.{_RANDOM}\.tmp")
    try:
        names = [entry.name for entry in target.parent.iterdir()]
    except OSError:
        return []
    return [target.parent / name for name in names if pattern.fullmatch(name)]


def remove_stale_copies(target: Path) -> None:
    """Remove them; one that cannot be removed (a read-only folder) is left, not an error."""
    for copy in stale_copies(target):
        if copy.is_symlink() or not copy.is_file():
            continue
        with contextlib.suppress(OSError):
            copy.unlink()
