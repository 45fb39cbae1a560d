"""Write a file so that a crash leaves either the old bytes or the new, never half."""

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path


def real_path(path: Path) -> Path:
    """Where a write to `path` must land: the target of a symbolic link, as editors do."""
    return path.resolve() if path.is_symlink() else path


@contextlib.contextmanager
def named_errors(path: Path) -> Iterator[None]:
    """OS errors name `path` (a full disk names no file; a temporary file is not the user's)."""
    try:
        yield
    except OSError as error:
        if error.filename == str(path) or isinstance(error, FileExistsError):
            raise
        code = error.errno or errno.EIO
        raise type(error)(code, error.strerror or str(error), str(path)) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename over `path`.

    The rename is atomic on POSIX and Windows; a symbolic link is written
    through to its target (the link stays a link); the file's permission bits
    are kept, and a new file gets the bits the user's umask allows. The
    directory is synced so that the rename survives a power cut.
    """
    target = real_path(path)
    with named_errors(path):
        temp = staged_copy(target, data)
        try:
            temp.replace(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    sync_directory(target.parent)


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet; FileExistsError if it does, nothing replaced.

    The content is complete before the name appears (a hard link of a synced
    temporary file), so no reader ever sees half of it.
    """
    with named_errors(path):
        temp = staged_copy(path, data)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:
            # Some file systems (FAT, some network shares) have no hard links.
            with path.open("xb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        finally:
            temp.unlink(missing_ok=True)
    sync_directory(path.parent)


def staged_copy(target: Path, data: bytes) -> Path:
    """`data` in full in a synced temporary file beside `target`, with the bits it will need.

    A file its owner may not write (`chmod a-w`) is refused: the rename would replace
    it all the same, where its owner meant it to be kept as it is."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    else:
        if not mode & stat.S_IWUSR:
            message = "it is read-only (make it writable to save it)"
            raise PermissionError(errno.EACCES, message, str(target))
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


@cache
def _umask() -> int:
    # The only portable way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sync_directory(directory: Path) -> None:
    # Not every platform can open a directory (Windows cannot); the rename is done anyway.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
