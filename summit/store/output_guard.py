"""Where an output (an export, a paper, a CSV, a schema) may land: never over the data.

Every verb that writes an output file checks each target here first. An
output never replaces a data file (the register, a summit file, anything in
agendas/), never a device, FIFO, folder or link, and never any other existing
file unless the user said `--force` on the command line. Summit's own exports folder (exports/
beside the register, which git ignores) is the exception to the last rule:
exporting again there is how an export is brought up to date, for a file that
still holds what summit wrote (summit.store.exports_record): an edited paper
is not replaced without `--force`.
"""

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from summit.store.exports_record import still_as_written
from summit.store.locations import AGENDAS_DIR, EXPORTS_DIR, REGISTER_FILE

# Replacing an existing ordinary file is the caller's decision: `--force` on the command
# line (`summit.cli.main` sets it for every verb), a second run in the app's dialogs
# (summit.tui.replacing); library callers choose their folder themselves.
_force: ContextVar[bool] = ContextVar("summit_output_force", default=True)


class OutputRefused(OSError):
    """An output would have replaced something it must not; nothing was written."""

    replaceable = False
    """An ordinary file that the user may choose to replace (`--force`, or asking again)."""


@contextlib.contextmanager
def replacing_allowed(force: bool) -> Iterator[None]:
    """Within the block, an existing ordinary output file may be replaced (`--force`)."""
    token = _force.set(force)
    try:
        yield
    finally:
        _force.reset(token)


def is_data_file(path: Path) -> bool:
    """The register, or anything in a data folder's agendas/ (by name, wherever it is)."""
    return path.name == REGISTER_FILE or path.parent.name == AGENDAS_DIR


def own_exports(folder: Path) -> bool:
    """Whether `folder` is summit's own exports folder, beside a register."""
    return folder.name == EXPORTS_DIR and (folder.parent / REGISTER_FILE).is_file()


def _refuse(target: Path, why: str) -> OutputRefused:
    return OutputRefused(errno.EEXIST, f"{why}; nothing was written", str(target))


def check_output(target: Path, *, earlier: Callable[[Path], bool] | None = None) -> None:
    """Raise OutputRefused unless writing `target` is safe (see the module's docstring).

    `earlier` tells an earlier output of the same command (a generated schema),
    which may be replaced without `--force`.
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from None
    resolved = target.resolve()
    if is_data_file(target.absolute()) or is_data_file(resolved):
        raise _refuse(target, "that is summit data (the register or a summit file), not an output")
    if info is None:
        return
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(target, "it exists and is not an ordinary file (a device, folder or link)")
    if _force.get() or (earlier is not None and earlier(target)):
        return
    if own_exports(resolved.parent):
        if still_as_written(resolved):
            return
        why = "it is not what summit last wrote there (edited since?); add --force to replace it"
    else:
        why = "the file exists; add --force to replace it"
    refused = _refuse(target, why)
    refused.replaceable = True
    raise refused
