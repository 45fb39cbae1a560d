"""`summit git setup` and `summit merge-driver`: the team layer's git entry points."""

import argparse
from pathlib import Path

from rich.console import Console

from summit.cli.output import shown
from summit.gitrepo.setup import GitSetupError, setup
from summit.store.locations import discover_data_dir
from summit.store.merging import merge_file
from summit.store.problems import DataDirError


def git_setup(args: argparse.Namespace, out: Console, err: Console) -> int:
    # The data folder this is in; a folder with no data yet is set up where it is.
    folder: Path = args.data if args.data is not None else data_folder_or_cwd()
    try:
        report = setup(folder)
    except GitSetupError as error:
        err.print(f"summit: {error}", markup=False)
        return 2
    if not report.changed:
        out.print(f"summit git setup: {shown(report.repository)} is already set up", markup=False)
    for change in report.changed:
        out.print(f"summit git setup: wrote {change}", markup=False)
    if report.to_commit:
        files = " and ".join(report.to_commit)
        out.print(f"Commit {files} so that your colleagues' clones merge the same way.")
    return 0


def data_folder_or_cwd() -> Path:
    cwd = Path.cwd()
    try:
        return discover_data_dir(cwd) or cwd
    except DataDirError:  # data on its way (agendas/, no register yet): set up here
        return cwd


def merge_driver(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Git's merge driver: exit 0 with the merge in OURS, or 1 with a conflicted OURS."""
    done = merge_file(args.base, args.ours, args.theirs, args.path)
    for note in done.result.notes:
        err.print(f"summit: {args.path}: {note}", markup=False)
    if done.result.clean:
        return 0
    for line in done.result.report(args.path):
        err.print(f"summit: conflict: {line}", markup=False)
    if done.written:
        err.print(
            f"summit: {args.path} holds both versions between <<<<<<< and >>>>>>> lines; "
            "keep one of each, then `summit validate` and `git add`",
            markup=False,
        )
    return 1
