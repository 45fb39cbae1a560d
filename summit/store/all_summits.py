"""Every summit file of a data folder read at once, their records kept together.

With 1,000 summit files, taking each record from an entry of its own in the
record cache meant 1,000 entries to open and read at every start (80 ms of the
105 ms their records took). When every summit file holds the very bytes of the
last start, their records come from one entry kept for them all (40 ms); each
file is still read, to be sure of that. Otherwise each file is loaded on its
own, through its own entry, and the entry for them all is kept again.
"""

import hashlib
from pathlib import Path

from summit.model import Summit
from summit.store.document import TomlDocument
from summit.store.problems import DataError, Problem
from summit.store.reading import read_data_file
from summit.store.record_cache import RecordCache

Summits = dict[str, TomlDocument[Summit]]
Unreadable = dict[str, list[Problem]]


def load_summits(
    folder: Path, paths: list[Path], cache: RecordCache | None
) -> tuple[Summits, Unreadable]:
    """The summit files at `paths` (in `folder`), by id; and those that did not load, with why."""
    if cache is None:
        return _each(paths, None)
    read: dict[str, tuple[Path, bytes]] = {}
    unreadable: Unreadable = {}
    for path in paths:
        try:
            read[path.stem] = (path, read_data_file(path))
        except DataError as error:
            unreadable[path.stem] = error.problems
    digests = [
        (summit_id, hashlib.sha256(data).hexdigest()) for summit_id, (_, data) in read.items()
    ]
    kept = cache.get_together(folder, Summit, digests) if read and not unreadable else None
    if kept is not None:
        summits = {
            summit_id: TomlDocument.kept(path, Summit, data, digest, kept[summit_id])
            for (summit_id, (path, data)), (_, digest) in zip(read.items(), digests, strict=True)
        }
        return summits, unreadable
    summits, unread = _each(paths, cache, read)
    unreadable.update(unread)
    parts = {sid: doc.kept_parts for sid, doc in summits.items() if doc.kept_parts is not None}
    if read and not unreadable and len(parts) == len(summits):
        cache.put_together(folder, Summit, digests, parts)
    return summits, unreadable


def _each(
    paths: list[Path], cache: RecordCache | None, read: dict[str, tuple[Path, bytes]] | None = None
) -> tuple[Summits, Unreadable]:
    summits: Summits = {}
    unreadable: Unreadable = {}
    for path in paths:
        summit_id = path.stem
        try:
            if read is None:
                summits[summit_id] = TomlDocument.load(path, Summit, cache)
            elif summit_id in read:
                summits[summit_id] = TomlDocument.read(path, Summit, read[summit_id][1], cache)
        except DataError as error:
            unreadable[summit_id] = error.problems
    return summits, unreadable
