"""Write a set of output files (invites, e-mails) all together, or not at all."""

import contextlib
import errno
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from summit.store.atomic import staged_copy, sync_directory
from summit.store.exports_record import record_written
from summit.store.output_guard import check_output, own_exports


def _missing_folders(out: Path) -> list[Path]:
    """The folders `out.mkdir(parents=True)` would create, innermost first."""
    missing = []
    folder = out
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _stage(target: Path, data: bytes) -> Path:
    check_output(target)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    return staged_copy(target, data)


def write_together(
    out: Path, files: Mapping[str, bytes], commit: Callable[[], object] = lambda: None
) -> list[Path]:
    """Write every file into `out`, or none of them; returns their paths.

    Each file is first written in full beside its target; then `commit` runs
    (the caller saves the state the files depend on, such as an invite's
    SEQUENCE); only then are the files renamed into place. If anything fails
    before the renames, the temporary files and any folder made here are
    removed, so an export that fails leaves nothing behind.
    """
    created = _missing_folders(out) if files else []
    staged: list[tuple[Path, Path]] = []
    try:
        if files:
            out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            staged.append((_stage(out / name, data), out / name))
        for _, target in staged:
            check_output(target)  # again, as late as possible
        commit()
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        for folder in created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for temp, target in staged:
        temp.replace(target)
    if staged:
        sync_directory(out)
        if own_exports(out.resolve()):
            record_written(out, files)  # replaced again without --force while unedited
    return [target for _, target in staged]
