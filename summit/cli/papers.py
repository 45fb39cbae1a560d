"""`summit papers` and `summit transparency`: the summit's papers and the transparency return.

The renderers (python-docx, jinja2) load only when one of these commands runs.
"""

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems, shown
from summit.store import DataError, Dataset, Problem, UnknownSummit
from summit.store.locations import exports_dir, summit_path
from summit.store.outputs import write_together

_ONLY = ("brief", "note", "press")


def _refused(out: Console, err: Console, problems: list[Problem], what: str) -> int:
    print_problems(out, problems)
    err.print(f"no {what} was written: fix the problems above first", style="red")
    return 1


def _unknown(dataset: Dataset, summit_id: str, out: Console, err: Console, error: Exception) -> int:
    # A summit file that does not validate is not loaded: show why, not "no summit".
    path = summit_path(dataset.root, summit_id)
    broken = [p for p in dataset.errors if p.path == path]
    if broken:
        return _refused(out, err, broken, "paper")
    err.print(f"summit: {error}", markup=False)
    return 1


def papers(args: argparse.Namespace, out: Console, err: Console) -> int:
    # Loaded when the command runs, so that other commands start without them.
    from summit.papers.document import PaperKind  # noqa: PLC0415
    from summit.papers.writing import write_papers  # noqa: PLC0415

    dataset = dataset_for(args)
    folder = args.out if args.out is not None else exports_dir(dataset.root)
    kinds = [PaperKind(args.only)] if args.only else list(PaperKind)
    try:
        written = write_papers(dataset, args.summit_id, folder, kinds=kinds)
    except UnknownSummit as error:
        return _unknown(dataset, args.summit_id, out, err, error)
    except DataError as error:
        return _refused(out, err, error.problems, "paper")
    for path in written.paths:
        out.print(f"wrote {shown(path)}", markup=False)
    for warning in written.warnings:
        err.print(f"warning: {warning}", markup=False, style="yellow")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, such as 2027-01-01"
        ) from None


def transparency(args: argparse.Namespace, out: Console, err: Console) -> int:
    from summit.papers.writing import PapersError, transparency_return  # noqa: PLC0415

    dataset = dataset_for(args)
    try:
        data = transparency_return(dataset, args.start, args.end, args.minister)
    except DataError as error:
        return _refused(out, err, error.problems, "return")
    except PapersError as error:
        err.print(f"summit: {error}", markup=False)
        return 2
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    path = write_together(args.out.parent, {args.out.name: data})[0]
    err.print(f"wrote {shown(path)}", markup=False)
    return 0


def add_verbs(
    verbs: "argparse._SubParsersAction[argparse.ArgumentParser]",
    add_data: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register `papers` and `transparency`; `add_data` adds the --data option."""
    parser = verbs.add_parser(
        "papers",
        help="the briefing pack, the note of the meeting and the press notice (.docx, .md, .html)",
    )
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder to write into (default: exports/ in the data folder, which git ignores)",
    )
    parser.add_argument("--only", choices=_ONLY, help="write one paper (with its variants)")
    parser.set_defaults(run=papers)
    add_data(parser)

    ret = verbs.add_parser(
        "transparency",
        help="the transparency return of ministers' meetings with external organisations (CSV)",
    )
    ret.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    ret.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    ret.add_argument(
        "--minister", metavar="DELEGATE_ID", help="only the meetings this delegate chaired"
    )
    ret.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="write the CSV here, not to stdout"
    )
    ret.set_defaults(run=transparency)
    add_data(ret)
