"""A big file read in a thread while the app draws its first screen.

Reading a 14 MB register and taking its digest (20 ms) let go of the
interpreter, so done in a thread beside the first screen they cost the screen
nothing, and the load that follows finds them done. The load takes what was
read only if the file is still the one that was read: the same file, size and
times before the read, after it and at the load. And only if it was last written
well before it was read: a write within the same tick of the file system's clock
would not move its time, so a file written that recently is read again.
"""

import os
import threading
import time
from pathlib import Path

from summit.store.reading import read_with_stat

_SETTLED_NS = 2_000_000_000
"""How long ago a file must have been written for its time to tell every later write
(some file systems keep times to the second, or two)."""

WORTH_A_THREAD = 1 << 20
"""Bytes below which a file is not read ahead: the thread would slow the first screen
more than it spares the load (the sample's 30 KB register: 7 ms on the first screen)."""

Stamp = tuple[int, int, int, int]


def _stamp(info: os.stat_result) -> Stamp:
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class _Ahead:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.read: tuple[Stamp, bytes, str] | None = None
        self.done = threading.Event()
        threading.Thread(target=self._run, name="summit-read-ahead", daemon=True).start()

    def _run(self) -> None:
        import hashlib  # noqa: PLC0415 - here, not on the way to the first screen (3 ms)

        try:
            info, data = read_with_stat(self.path)
            after = self.path.stat()
            settled = time.time_ns() - info.st_mtime_ns > _SETTLED_NS
            if settled and _stamp(after) == _stamp(info):
                self.read = (_stamp(info), data, hashlib.sha256(data).hexdigest())
        except Exception:  # the load reads it again and says what is wrong
            pass
        finally:
            self.done.set()


_started: dict[str, _Ahead] = {}


def read_ahead(path: Path) -> None:
    """Start reading `path` and taking its digest, for `taken` to give, if it is big
    enough for that to be worth a thread (a small one is read at once by the load)."""
    try:
        if path.stat().st_size < WORTH_A_THREAD:
            return
    except OSError:
        return  # the load says what is wrong with it
    _started[os.path.abspath(path)] = _Ahead(path)  # noqa: PTH100


def taken(path: Path) -> tuple[bytes, str] | None:
    """The bytes and sha256 read ahead of `path`, if it still holds them; else None
    (nothing was read ahead, or the file changed: it is read again)."""
    ahead = _started.pop(os.path.abspath(path), None)  # noqa: PTH100
    if ahead is None:
        return None
    ahead.done.wait()
    if ahead.read is None:
        return None
    stamp, data, digest = ahead.read
    try:
        now = path.stat()
    except OSError:
        return None
    return (data, digest) if _stamp(now) == stamp else None
