"""`summit diff`, `summit log` and `summit diff-driver`: the data's history in plain English."""

import argparse
import functools
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from summit.gitrepo.command import GitError
from summit.model.plain import visible
from summit.model.register import Register
from summit.store import DataError, find_data_dir
from summit.store.locations import AGENDAS_DIR, REGISTER_FILE
from summit.store.problems import InvalidSummitId
from summit.store.reading import read_data_file
from summit.workflows.history import (
    DataRepository,
    FileReport,
    HistoryEntry,
    Reader,
    Unreadable,
    describe_file,
    merge_note,
)

_DEV_NULL = "/dev/null"


def safe(text: str) -> str:
    """Text that prints as itself on a terminal: control characters shown as `\\xNN`."""
    return visible(text, one_line=True)


def _say(out: Console, text: str) -> None:
    out.print(safe(text), markup=False, emoji=False, highlight=False, soft_wrap=True)


def print_reports(out: Console, reports: Sequence[FileReport], indent: str = "") -> None:
    for report in reports:
        _say(out, f"{indent}{report.path}")
        for line in report.lines:
            _say(out, f"{indent}  {line}")


def _repository(args: argparse.Namespace) -> DataRepository:
    return DataRepository(find_data_dir(args.data, Path.cwd()))


def _git_failed(err: Console, error: GitError) -> int:
    _say(err, f"summit: {error}")
    return 2


def diff(args: argparse.Namespace, out: Console, err: Console) -> int:
    revisions: list[str] = args.revisions
    if len(revisions) > 2:
        _say(err, "summit: give at most two revisions; put paths after `--`")
        return 2
    try:
        repository = _repository(args)
        paths = [Path(p) for p in getattr(args, "paths", [])]
        if revisions:
            reports = repository.compare(
                revisions[0], revisions[1] if len(revisions) > 1 else None, paths
            )
        elif paths:
            reports = repository.compare("HEAD", None, paths)
        else:
            reports = repository.uncommitted_changes()
    except GitError as error:
        return _git_failed(err, error)
    print_reports(out, reports)
    if not reports:
        _say(err, "no changes to the data")
    return 0


def history(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.max_count < 1:
        _say(err, "summit: -n must be at least 1")
        return 2
    try:
        entries = _repository(args).history(args.summit_id, args.max_count)
    except InvalidSummitId as error:
        _say(err, f"summit: {error}")
        return 2
    except GitError as error:
        return _git_failed(err, error)
    for entry in entries:
        print_entry(out, entry)
    if not entries:
        what = f"agendas/{args.summit_id}.toml" if args.summit_id else "the data files"
        _say(err, f"no commits touch {what} yet")
    return 0


def print_entry(out: Console, entry: HistoryEntry) -> None:
    commit = entry.commit
    _say(out, f"{commit.short}  {commit.date:%Y-%m-%d %H:%M}  {commit.author}")
    _say(out, f"    {commit.subject}")
    if commit.is_merge:
        _say(out, f"  {merge_note(entry)}")
    print_reports(out, entry.files, indent="  ")
    out.print()


def diff_driver(args: argparse.Namespace, out: Console, err: Console) -> int:
    """What git's `diff.summit.command` runs, with git's seven arguments.

    PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE; an added or
    removed file's missing side is /dev/null. git runs it in the repository's
    top folder; names come from the register on disk.
    """
    rest: list[str] = args.rest
    if len(rest) < 6:
        _say(out, args.path)
        _say(out, "  unmerged: resolve the conflict, then look again")
        return 0
    old_file, new_file = rest[0], rest[3]
    data_root, data_path = _data_root_of(args.path)
    try:
        old = _read_side(old_file)
        new = _read_side(new_file)
    except DataError as error:
        _say(err, f"summit: {error}")
        return 2
    # Names for a summit's changes; read only when asked (a register's own diff never asks).
    register = functools.cache(lambda: _register_on_disk(data_root))
    lines = describe_file(data_path, old, new, old_register=register, new_register=register)
    print_reports(out, [FileReport(data_path, lines or ["no change to the data"])])
    return 0


def _data_root_of(path: str) -> tuple[Path, str]:
    """The data folder and the path within it, for a path git gives from the top."""
    parts = Path(path).parts
    if len(parts) >= 2 and parts[-2] == AGENDAS_DIR:
        return Path(*parts[:-2]) if len(parts) > 2 else Path(), "/".join(parts[-2:])
    return (Path(*parts[:-1]) if len(parts) > 1 else Path()), parts[-1]


def _read_side(name: str) -> bytes | None:
    return None if name == _DEV_NULL else read_data_file(Path(name))


def _register_on_disk(data_root: Path) -> Register | None:
    try:
        record = Reader().record(REGISTER_FILE, read_data_file(data_root / REGISTER_FILE))
    except (DataError, Unreadable):  # names are a courtesy: fall back to ids
        return None
    return record if isinstance(record, Register) else None
