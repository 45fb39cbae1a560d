"""Read a data file safely: only regular files, and only up to a sane size.

A FIFO named `agendas/x.toml` would block a read for ever, and a link to
`/dev/zero` would fill memory, so the file is opened without blocking and
checked to be a regular file before a byte is read.
"""

import os
import stat
from pathlib import Path

from summit.store.problems import DataError, Problem

MAX_DATA_FILE_BYTES = 64 * 1024 * 1024
"""Far above any register (100,000 delegates is about 25 MB) and below harm."""


def _refuse(path: Path, message: str) -> DataError:
    return DataError([Problem(path, 0, 0, message)])


def read_data_file(path: Path, limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """The file's bytes; DataError naming the file if it is not a readable regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        kind = "is a broken link" if path.is_symlink() else "does not exist"
        raise _refuse(path, kind) from None
    except OSError as error:
        raise _refuse(path, f"cannot read: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        _check_kind(path, info, limit)
        data = _read_all(fd, info.st_size, limit + 1)
    except OSError as error:
        raise _refuse(path, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while being read
        raise _refuse(path, f"is over {_megabytes(limit)}; summit reads files up to that size")
    return data


def _read_all(fd: int, size: int, most: int) -> bytes:
    """Up to `most` bytes, to the end of the file; read as `size` bytes, then whatever
    it grew by meanwhile (straight from the descriptor: 1,000 files read at each start)."""
    chunks = []
    want = min(size + 1, most)
    while want > 0:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        most -= len(chunk)
        want = min(1 << 20, most)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _check_kind(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, "is not a regular file (a pipe, device or socket); not read")
    if info.st_size > limit:
        size, most = _megabytes(info.st_size), _megabytes(limit)
        raise _refuse(path, f"is {size}; summit reads files up to {most}")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB" if size >= 1_000_000 else f"{size:,} bytes"
