"""Validated records kept between runs, found again by the bytes they were read from.

Reading and validating a register of 100,000 delegates takes seconds (the TOML
parse alone is a second; each e-mail domain is checked), and the app did it at
every start before anything could be edited. The result depends only on the
file's bytes and on the code that validates them, so it is kept in the user's
cache folder under a digest of both, and used again only when both match
exactly: a file changed by a pull, by hand or by a colleague is read afresh.

Anything wrong with a kept entry (unreadable, from other code, not the user's
own file) is a miss, never an error: the cache can only make a load faster,
never change what it gives.
"""

import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from summit.model.base import Record, pickling_shared
from summit.model.checks import DatasetChecks
from summit.store.text_change import TextFacts

_FORMAT = 4
_CHECKS = "#checks"  # the entry of a folder's checks, beside its files' records
_TOGETHER = "#together:"  # the entry of all a folder's files of one model (its summits)

# Each may change what validates: pydantic's rules, e-mail syntax and domain names.
_VALIDATING_LIBRARIES = ("pydantic", "pydantic_core", "email_validator", "idna")

# What turns bytes into data before the model sees them: a kept record stands for
# these checks too (a hit does not decode the text or look for conflict markers again).
_READING_CODE = ("parsing.py", "toml_dialect.py")

_fingerprint: str | None = None


def code_fingerprint() -> str:
    """What the validation depends on besides the file: our model code and the code that
    decodes and parses the file, the libraries it validates with, Python. (The tz
    database is left out: a zone name, once in it, stays as a link when the zone is
    merged into another.)"""
    global _fingerprint  # noqa: PLW0603 - computed once per process
    if _fingerprint is None:
        import summit.model  # noqa: PLC0415

        digest = hashlib.sha256(f"{_FORMAT} {sys.version}".encode())
        for library in _VALIDATING_LIBRARIES:
            digest.update(_installed(library).encode())
        package = Path(summit.model.__file__).parent.parent
        model_code = sorted((package / "model").rglob("*.py"))
        for source in [*model_code, *(package / "store" / name for name in _READING_CODE)]:
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def _installed(library: str) -> str:
    """Which copy of a library is installed, told without importing it (e-mail
    validation is imported only when an address is checked): the names, sizes and
    times of the files at its top, which any other version changes."""
    spec = importlib.util.find_spec(library)
    if spec is None or spec.origin is None:
        return f" {library} missing"
    folder = Path(spec.origin).parent
    with os.scandir(folder) as entries:
        files = sorted(
            (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
            for entry in entries
            if entry.is_file()
        )
    return f" {library} {folder} {files}"


class RecordCache:
    """Records by data file, each kept with the digest of the bytes it was read from;
    and what checking a whole data folder found, kept with the digests of its files.

    Entries found missing are pickled and written only by `write_pending`, so that
    a load that has to validate is not also slowed by them (the app writes them
    once its data is on screen). Pickling later keeps what was read: records and
    parsed data are never changed in place (edits and saves replace them).
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._pending: dict[Path, Callable[[], bytes]] = {}

    def _entry(self, path: Path, kind: str = "") -> Path:
        # abspath, not resolve: no system call per file (1,000 summits: 0.1 s)
        place = os.path.abspath(path) + kind  # noqa: PTH100
        return self.folder / f"{hashlib.sha256(place.encode()).hexdigest()[:32]}.pickle"

    @staticmethod
    def _key(*parts: object) -> tuple[object, ...]:
        return (code_fingerprint(), *parts)

    def _read(self, entry: Path, wanted: Callable[[object], bool], parts: int = 1) -> Any:
        """What is kept in `entry` if its key is `wanted`, else None (a damaged entry
        is removed): its first `parts` values. The key is read alone first: a miss
        unpickles nothing more."""
        try:
            with entry.open("rb") as stream:
                if not _own_and_private(os.fstat(stream.fileno())):
                    return None
                if not wanted(pickle.load(stream)):
                    return None
                values = tuple(pickle.load(stream) for _ in range(parts))
                return values[0] if parts == 1 else values
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry, or one from other code: only a miss
            entry.unlink(missing_ok=True)
            return None

    def get(self, path: Path, model: type[Record], digest: str) -> tuple[bytes, Any] | None:
        """The parsed data (pickled: a save unpickles it) and record kept for these bytes."""
        key = self._key(model.__qualname__, digest)
        return _kept_record(self._read(self._entry(path), key.__eq__), model)

    def previous(self, path: Path, model: type[Record]) -> "Previous | None":
        """The version of the file kept before, by the same code: what did not change
        since need not be read or validated again."""
        same_code = self._key(model.__qualname__)
        keys: list[tuple[object, ...]] = []

        def wanted(key: object) -> bool:
            if isinstance(key, tuple) and key[: len(same_code)] == same_code:
                keys.append(key)
                return True
            return False

        kept = self._read(self._entry(path), wanted, parts=2)
        if not isinstance(kept, tuple) or not keys:
            return None
        value, kept_text = kept
        record, digest = _kept_record(value, model), keys[0][-1]
        if record is None or not isinstance(digest, str) or not _is_kept_text(kept_text):
            return None
        text, facts = kept_text
        return Previous(text, record[1], record[0], digest, facts)

    def put(
        self,
        path: Path,
        model: type[Record],
        digest: str,
        kept: tuple[str, Callable[[], dict[str, Any]], Record, Callable[[], TextFacts]],
    ) -> None:
        """Keep the text, the parsed data (made when asked for), the record read from it
        and what holds for the text (worked out when asked for) for `write_pending`."""
        # Pickling a 100,000-delegate register takes 0.8 s: not on the way to the screen.
        key = self._key(model.__qualname__, digest)
        self._pending[self._entry(path)] = partial(_record_entry, key, *kept)

    def get_together(
        self, folder: Path, model: type[Record], digests: list[tuple[str, str]]
    ) -> dict[str, tuple[bytes, Any]] | None:
        """The parsed data (pickled) and record of each file of a folder, kept in one
        entry for these very files: `digests` names each file, in order, and the digest
        of its bytes."""
        kind = _TOGETHER + model.__qualname__
        key = self._key(kind, _digest_of(digests))
        kept = self._read(self._entry(folder, kind), key.__eq__)
        if not isinstance(kept, dict) or list(kept) != [name for name, _ in digests]:
            return None
        together: dict[str, tuple[bytes, Any]] = {}
        for name, value in kept.items():
            record = _kept_record(value, model)
            if record is None:
                return None
            together[name] = record
        return together

    def put_together(
        self,
        folder: Path,
        model: type[Record],
        digests: list[tuple[str, str]],
        kept: Mapping[str, tuple[bytes | Callable[[], dict[str, Any]], Record]],
    ) -> None:
        """Keep each file's parsed data (pickled, or made when asked for) and record, as
        read from the bytes of `digests`, in one entry for `write_pending`."""
        kind = _TOGETHER + model.__qualname__
        key = self._key(kind, _digest_of(digests))
        self._pending[self._entry(folder, kind)] = partial(_together_entry, key, kept)

    def get_checks(
        self, root: Path, *keys: tuple[object, ...]
    ) -> tuple[tuple[object, ...], DatasetChecks] | None:
        """What checking the folder found when last kept, if it was kept under one of
        `keys` (its files and the day, as given to `put_checks`), with that key. The key
        is read alone first: any other unpickles nothing more."""
        same_code = self._key(_CHECKS)
        found: list[tuple[object, ...]] = []

        def wanted(key: object) -> bool:
            if isinstance(key, tuple) and key[: len(same_code)] == same_code:
                found.extend(kept for kept in keys if kept == key[len(same_code) :])
            return bool(found)

        kept = self._read(self._entry(root, _CHECKS), wanted)
        return (found[0], kept) if found and isinstance(kept, DatasetChecks) else None

    def put_checks(self, root: Path, key: tuple[object, ...], checks: DatasetChecks) -> None:
        self._pending[self._entry(root, _CHECKS)] = partial(
            _pickled, self._key(_CHECKS, *key), checks
        )

    def write_pending(self) -> None:
        """Write the entries found missing since the last call (errors leave them out)."""
        pending, self._pending = self._pending, {}
        if not pending:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return
        for entry, pickled in pending.items():
            _write_replacing(entry, pickled())


def _pickled(key: tuple[object, ...], *values: object) -> bytes:
    """An entry: its key, then its values (`_read` unpickles the key alone first)."""
    dumps = partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
    with pickling_shared():
        return b"".join(map(dumps, (key, *values)))


def _record_entry(
    key: tuple[object, ...],
    text: str,
    raw: Callable[[], dict[str, Any]],
    record: Record,
    facts: Callable[[], TextFacts],
) -> bytes:
    # The parsed data is needed only by a save (as what it diffs against): pickled
    # apart, it is unpickled then, not at every start (a quarter of the load). The
    # text, last, is read only when the file has changed (see summit.store.splice).
    raw_blob = pickle.dumps(raw(), protocol=pickle.HIGHEST_PROTOCOL)
    return _pickled(key, (raw_blob, record), (text, facts()))


def _together_entry(
    key: tuple[object, ...],
    kept: Mapping[str, tuple[bytes | Callable[[], dict[str, Any]], Record]],
) -> bytes:
    dumps = partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
    together = {
        name: (raw if isinstance(raw, bytes) else dumps(raw()), record)
        for name, (raw, record) in kept.items()
    }
    return _pickled(key, together)


def _digest_of(digests: list[tuple[str, str]]) -> str:
    return hashlib.sha256(
        "\n".join(f"{name} {digest}" for name, digest in digests).encode()
    ).hexdigest()


@dataclass(frozen=True)
class Previous:
    """A file's version kept from before: its text, record and pickled parsed data."""

    text: str
    record: Record
    raw_blob: bytes
    digest: str
    """Of the bytes this version was read from."""
    facts: TextFacts
    """What holds for its text (summit.store.text_change)."""

    def raw(self) -> dict[str, Any] | None:
        try:
            raw = pickle.loads(self.raw_blob)  # our own private entry, checked as it was read
        except Exception:  # a damaged entry: only a miss
            return None
        return raw if isinstance(raw, dict) else None


def _kept_record(kept: object, model: type[Record]) -> tuple[bytes, Any] | None:
    """(the pickled parsed data, the record), if that is what an entry held."""
    if not isinstance(kept, tuple) or len(kept) != 2:  # (raw, record)
        return None
    raw, record = kept
    if not isinstance(record, model) or not isinstance(raw, bytes):
        return None
    return raw, record


def _is_kept_text(kept: object) -> bool:
    """Whether an entry's last part is what `_record_entry` keeps: (text, its facts)."""
    return (
        isinstance(kept, tuple)
        and len(kept) == 2
        and isinstance(kept[0], str)
        and isinstance(kept[1], TextFacts)
    )


def _own_and_private(info: os.stat_result) -> bool:
    """A regular file of ours that nobody else can write (it is unpickled)."""
    if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _write_replacing(entry: Path, blob: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(blob)
        Path(temporary).replace(entry)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def user_record_cache() -> RecordCache | None:
    """The cache in the user's cache folder; None when SUMMIT_NO_CACHE is set."""
    if os.environ.get("SUMMIT_NO_CACHE"):
        return None
    import platformdirs  # noqa: PLC0415 - only when the app loads its data

    return RecordCache(platformdirs.user_cache_path("summit") / "records")
