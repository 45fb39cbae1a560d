"""A lock per data file, so that two summit processes never save over each other.

A save checks that the file still holds what was loaded and then replaces it;
the lock makes that pair atomic with respect to every other summit process.
(Editors and git take no lock; the check still refuses to overwrite their
changes, which is all that can be done for them.)

The lock is an operating-system lock on a hidden file beside the data file,
`.<name>.lock`: POSIX record locks (`lockf`, which NFS and SMB mounts pass to
the server, unlike `flock` on some systems) or `msvcrt.locking` on Windows.
The kernel drops it when a process dies, so a crash never leaves a stale lock.
The lock file is removed on release so that it does not show in `git status`;
a waiter that then holds a removed file notices and locks the new one.
"""

import contextlib
import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from summit.store.leftovers import remove_stale_copies, stale_copies

WAIT_SECONDS = 15.0
"""How long a save waits for another process's save (which takes well under a second)."""

# POSIX record locks belong to the process, not to the open file, so threads of
# one process must also exclude each other by other means.
_in_process: dict[Path, threading.Lock] = {}
_in_process_guard = threading.Lock()


class FileBusy(OSError):
    """Another process held the data file's lock for longer than a save can take."""


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN)


def _is_current(fd: int, path: Path) -> bool:
    """Whether the locked file is still the one at `path` (a releaser may have removed it)."""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class BadLock(OSError):
    """Something other than summit's own lock file sits at the lock path."""


# Never through a link: a link planted at the lock path would make a save create
# or truncate its target. (Windows has no O_NOFOLLOW and no such links by default.)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _not_ours(path: Path) -> BadLock:
    return BadLock(
        0,
        "is not an ordinary file, so summit cannot lock it (a link or a folder?); "
        "nothing was saved: remove it and save again",
        str(path),
    )


def _open(path: Path, target: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _NO_FOLLOW, 0o666)
    except OSError as error:
        if path.is_symlink() or path.is_dir():
            raise _not_ours(path) from None
        raise OSError(error.errno, error.strerror, str(target)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _not_ours(path)
    return fd


def _acquire(path: Path, target: Path, wait: float) -> int:
    deadline = time.monotonic() + wait
    delay = 0.002
    while True:
        fd = _open(path, target)
        if _try_lock(fd):
            if _is_current(fd, path):
                return fd
            _unlock(fd)
        os.close(fd)
        if time.monotonic() > deadline:
            raise FileBusy(
                0, "another summit process is saving it; try again in a moment", str(target)
            )
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def _thread_lock(target: Path) -> threading.Lock:
    with _in_process_guard:
        return _in_process.setdefault(target, threading.Lock())


@contextlib.contextmanager
def locked(target: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of the data file `target` (a resolved path) for the block."""
    path = lock_path(target)
    guard = _thread_lock(target)
    if not guard.acquire(timeout=wait):
        raise FileBusy(0, "another save of it is still running", str(target))
    try:
        fd = _acquire(path, target, wait)
        try:
            remove_stale_copies(target)
            yield
        finally:
            # Removed while still held, so that nobody can lock it between the two steps.
            with contextlib.suppress(OSError):
                path.unlink()
            _unlock(fd)
            os.close(fd)
    finally:
        guard.release()


def tidy(targets: list[Path]) -> None:
    """Remove the stale temporary copies of each data file, under its lock (`validate`).

    A file another process is saving right now is skipped; its next save tidies it.
    """
    for target in targets:
        if not stale_copies(target):
            continue  # validate changes nothing where there is nothing to tidy
        with contextlib.suppress(OSError), locked(target.resolve(), wait=0.5):
            pass  # `locked` removes them once it holds the lock
