"""Replace a data file only if nobody changed it, checked after the swap itself (Linux).

A save checks that the file still holds what was loaded and then renames its
new version over it; an editor or git writing in between would be lost. On
Linux `renameat2(RENAME_EXCHANGE)` swaps the two names atomically, so the
version that was replaced is still there, under the temporary name, to be
checked: if it is not what was loaded, it is swapped back into place and the
save reports a conflict (the caller keeps the user's version), so neither is
dropped. Where there is no exchange (other systems, some file systems) the
check runs again immediately before the rename, which narrows the window.
"""

import errno
import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from summit.store.atomic import named_errors, staged_copy, sync_directory
from summit.store.kept_copies import keep_copy
from summit.store.problems import DataError
from summit.store.reading import read_data_file

if TYPE_CHECKING:
    import ctypes

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def before_swap(target: Path) -> None:
    """Runs between the last check and the swap: the point a test writes the file at."""


@cache
def _renameat2() -> "ctypes._NamedFuncPointer | None":
    if not sys.platform.startswith("linux"):
        return None
    import ctypes.util  # noqa: PLC0415 - at the first save, not at every start (2 ms)

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):  # glibc before 2.28, musl before 1.2.?
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap the two names atomically; False when this system or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    done = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    import ctypes  # noqa: PLC0415 - loaded by _renameat2

    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _holds(path: Path, digest: str) -> bool:
    try:
        return hashlib.sha256(read_data_file(path)).hexdigest() == digest
    except DataError:  # gone, or no longer a file summit can read
        return False


def replace_checked(target: Path, data: bytes, digest: str) -> bool:
    """Put `data` at `target` if it still holds the bytes whose sha256 is `digest`.

    False when it did not (it was changed or removed meanwhile): then `target`
    holds what the other writer wrote, untouched, and `data` is not written.
    """
    with named_errors(target):
        temp = staged_copy(target, data)
        try:
            before_swap(target)
            swapped = target.exists() and exchange(temp, target)
            if not swapped:
                if not _holds(target, digest):  # as late as this can be checked
                    return False
                temp.replace(target)
            elif not _holds(temp, digest):
                _put_back(temp, target, data)
                return False
        finally:
            temp.unlink(missing_ok=True)
    sync_directory(target.parent)
    return True


def _put_back(temp: Path, target: Path, data: bytes) -> None:
    """The outside version back in place; a third version written meanwhile is kept beside it."""
    exchange(temp, target)
    if temp.read_bytes() != data:
        keep_copy(target, temp.read_bytes())
