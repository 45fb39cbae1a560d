"""Versions of a data file that could not be saved, kept outside the data folder."""

import errno
import hashlib
from datetime import datetime
from pathlib import Path

from summit.store.atomic import write_new


def keep_copy(path: Path, data: bytes) -> Path:
    """Keep `data` as `<name>.mine-<time>` in summit's own folder, under a name nothing has.

    Kept copies live outside the data folder (the user's state folder), so
    that git never sees them and nothing reads them as data.
    """
    folder = kept_copies_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        kept = folder / f"{path.name}.mine-{stamp}{suffix}"
        try:
            write_new(kept, data)
        except FileExistsError:
            continue
        return kept
    raise FileExistsError(errno.EEXIST, "too many kept copies", str(path))


def kept_copies_dir(path: Path) -> Path:
    """Where versions of the data file `path` that could not be saved are kept."""
    import platformdirs  # noqa: PLC0415 - needed only after a conflict

    folder = path.absolute().parent
    tag = hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:10]
    return platformdirs.user_state_path("summit") / "kept" / f"{folder.name}-{tag}"
