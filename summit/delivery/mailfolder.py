"""The messages of a Maildir folder or an mbox file, read one at a time and never more than a cap.

The stdlib `mailbox` opens whatever a folder holds (a named pipe there waits
for ever for a writer) and reads each message whole whatever its size. Here
every entry is looked at with lstat before it is opened: only regular files
are read, and a message over MAX_MESSAGE_BYTES is passed over, with a note,
without reading it. An mbox file is scanned in bounded lines for its
"From " separators, then each message is read by its offsets.
"""

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

MAX_MESSAGE_BYTES = 32 << 20
"""A reply e-mail is a few kilobytes; a larger message is not read."""

_LINE = 1 << 16  # the scan reads at most this much at a time, however long a line


@dataclass(frozen=True)
class Passed:
    """A message that was not read, and why."""

    where: Path
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"


def _too_large(size: int) -> str:
    return f"{size:,} bytes, over the {MAX_MESSAGE_BYTES >> 20} MiB limit: not read"


def open_regular(path: Path) -> BinaryIO:
    """A regular file opened for reading; a FIFO, device or link is refused without waiting."""
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise ValueError("not a regular file")
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | os.O_NOFOLLOW)
    file = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped since the lstat
        file.close()
        raise ValueError("not a regular file")
    return file


def read_message(path: Path) -> bytes:
    """An e-mail file's bytes: a regular file, up to MAX_MESSAGE_BYTES (refused before reading)."""
    with open_regular(path) as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_MESSAGE_BYTES:
            raise ValueError(f"{size:,} bytes: too large for a reply e-mail")
        return file.read(MAX_MESSAGE_BYTES)


def maildir_messages(folder: Path) -> Iterator[tuple[Path, bytes] | Passed]:
    """Each message in new/ and cur/, named folder/KEY as the mailbox module names them."""
    entries: list[tuple[str, Path]] = []
    for sub in ("new", "cur"):
        directory = folder / sub
        if not directory.is_dir():
            continue
        for entry in directory.iterdir():
            if not entry.name.startswith("."):
                entries.append((entry.name.split(":", 1)[0], entry))
    for key, path in sorted(entries):
        where = folder / key
        try:
            yield where, read_message(path)
        except ValueError as error:
            why = str(error) if "regular" in str(error) else _too_large(path.lstat().st_size)
            yield Passed(where, why)
        except OSError as error:
            yield Passed(where, f"cannot read: {error.strerror or error}")


def _separators(file: BinaryIO) -> list[int]:
    """The offsets of the "From " lines that start messages."""
    starts: list[int] = []
    at_line_start, offset = True, 0
    while chunk := file.readline(_LINE):
        if at_line_start and chunk.startswith(b"From "):
            starts.append(offset)
        offset += len(chunk)
        at_line_start = chunk.endswith(b"\n")
    starts.append(offset)
    return starts


def mbox_messages(path: Path) -> Iterator[tuple[Path, bytes] | Passed]:
    """Each message of an mbox file (without its "From " line), named path#N."""
    with open_regular(path) as file:
        starts = _separators(file)
        for number, (start, stop) in enumerate(pairwise(starts)):
            where = Path(f"{path}#{number + 1}")
            if stop - start > MAX_MESSAGE_BYTES:
                yield Passed(where, _too_large(stop - start))
                continue
            file.seek(start)
            file.readline(_LINE)  # the "From " line is the mbox's, not the message's
            yield where, file.read(stop - file.tell())
