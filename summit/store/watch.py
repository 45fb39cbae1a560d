"""Which data files changed on disk since they were loaded: another program, a git pull.

The app asks every second, so the question is cheap: one stat of each file
against the stamps taken just before the files were read, and a read only of
a file whose time or size moved, to tell someone else's change from summit's
own save (the file then holds what the loaded document holds).
"""

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from summit.store.locations import REGISTER_FILE, summit_files
from summit.store.problems import DataError
from summit.store.reading import read_data_file

if TYPE_CHECKING:
    from summit.store.dataset import Dataset

Stamp = tuple[int, int]
"""A file's modification time (ns) and size."""


def file_stamps(root: Path) -> dict[Path, Stamp]:
    """The stamp of the register and of every summit file there is now."""
    paths = [root / REGISTER_FILE]
    with suppress(DataError):  # agendas/ cannot be listed: loading says so
        paths += summit_files(root)
    return stamps_of(paths)


def stamps_of(paths: list[Path]) -> dict[Path, Stamp]:
    """The stamp of each of these files that is there now."""
    stamps = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


def changed_files(dataset: "Dataset", now: dict[Path, Stamp] | None = None) -> list[Path]:
    """Files changed, added or removed on disk since the last look (or the load).

    summit's own saves and deletions are not changes. Each change is reported
    once: the dataset remembers the stamps it has seen. `now` is `file_stamps`
    taken a moment ago (in another thread: on 1,000 files it takes 10 ms).
    """
    now = file_stamps(dataset.root) if now is None else now
    before, dataset.stamps = dataset.stamps, now
    moved = [path for path in now.keys() | before.keys() if now.get(path) != before.get(path)]
    return sorted(path for path in moved if not _holds(dataset, path, path in now))


def _holds(dataset: "Dataset", path: Path, there: bool) -> bool:
    """Whether the file holds what the dataset has for it (summit itself wrote it)."""
    is_register = path == dataset.register_path
    doc = dataset.register if is_register else dataset.summits.get(path.stem)
    if not there:
        # Gone: summit deleted it itself if it has no document, and it had loaded.
        return doc is None and not is_register and path.stem not in dataset.unreadable
    if doc is None:
        return False
    try:
        return read_data_file(path) == doc.text.encode("utf-8")
    except DataError:
        return False
