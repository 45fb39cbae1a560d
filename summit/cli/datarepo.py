"""`summit init [DIR] [--sample]`: start a data folder of one's own, and say what comes next."""

import argparse
import shlex
from pathlib import Path

from rich.console import Console

from summit.cli.output import shown
from summit.gitrepo.setup import GitSetupError
from summit.workflows.datarepo import InitRefused, Started, start


def init(args: argparse.Namespace, out: Console, err: Console) -> int:
    folder: Path = args.dir
    try:
        started = start(folder, sample=args.sample)
    except (InitRefused, GitSetupError) as error:
        err.print(f"summit init: {error}", markup=False)
        return 2
    what = "the sample summit" if args.sample else "an empty register and agendas/"
    out.print(f"summit init: {shown(folder)} now holds {what}", markup=False)
    for path in started.written:
        out.print(f"  wrote {shown(path)}", markup=False)
    if started.new_repository:
        out.print("  started a git repository (git init)", markup=False)
    for change in started.setup.changed:
        out.print(f"  summit git setup: wrote {change}", markup=False)
    out.print(_next_steps(started), markup=False, soft_wrap=True)
    return 0


def _next_steps(started: Started) -> str:
    here = shlex.quote(shown(started.root))
    lines = ["", "Next:"]
    if here != ".":
        lines.append(f"  cd {here}")
    lines += ["  git add -A .", '  git commit -m "Start our summit data"']
    if started.new_repository:
        lines += [
            "  git remote add origin URL    # the team's shared repository, made empty",
            "  git push -u origin HEAD",
            "(On a shared drive, make that repository with `git init --bare "
            f"--initial-branch={started.branch} URL`,",
            " so that colleagues' clones check out this branch.)",
            "Colleagues then `git clone URL` and run `summit git setup` once in their clone.",
        ]
    lines.append("Open the app with `summit` in that folder (or any folder below it).")
    return "\n".join(lines)
