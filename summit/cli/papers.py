"""`summit papers` and `summit transparency`: the summit's papers and the transparency return.

The renderers (python-docx, jinja2) load only when one of these commands runs.
"""

import argparse
import sys

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems, shown
from summit.store import DataError, Dataset, Problem, UnknownSummit
from summit.store.locations import exports_dir
from summit.store.outputs import write_together


def _refused(out: Console, err: Console, problems: list[Problem], what: str) -> int:
    print_problems(out, problems)
    err.print(f"no {what} was written: fix the problems above first", style="red")
    return 1


def papers(args: argparse.Namespace, out: Console, err: Console) -> int:
    # Loaded when the command runs, so that other commands start without them.
    from summit.papers.document import DEFAULT_KINDS, PaperKind  # noqa: PLC0415
    from summit.papers.writing import write_papers  # noqa: PLC0415

    dataset = dataset_for(args)
    folder = args.out if args.out is not None else exports_dir(dataset.root)
    kinds = [PaperKind(args.only)] if args.only else list(DEFAULT_KINDS)
    try:
        written = write_papers(dataset, args.summit_id, folder, kinds=kinds)
    except UnknownSummit as error:  # no such file (one that does not load is a DataError)
        err.print(f"summit: {error}", markup=False)
        return 1
    except DataError as error:
        return _refused(out, err, error.problems, "paper")
    for path in written.paths:
        out.print(f"wrote {shown(path)}", markup=False)
    for warning in written.warnings:
        err.print(f"warning: {warning}", markup=False, style="yellow")
    return 0


def _headings_text(given: str | None) -> str:
    """--headings, else `transparency_headings` in the settings file, else the template's."""
    from summit.papers.transparency import COLUMNS  # noqa: PLC0415
    from summit.store.preferences import load_preferences  # noqa: PLC0415

    if given is not None:
        return given
    saved = load_preferences().get("transparency_headings")
    if isinstance(saved, list):
        saved = ",".join(str(heading) for heading in saved)
    return saved if isinstance(saved, str) else ",".join(COLUMNS)


def _minister_id(dataset: Dataset, reference: str | None) -> str | None:
    """The delegate id `--minister` names (a name, or words that begin one, do too);
    NotFound when no one or several answer. As given when the register does not load:
    the return then says why."""
    from summit.model.people import Found, NotFound, find  # noqa: PLC0415

    if reference is None or dataset.register is None:
        return reference
    register = dataset.register.record

    def a_minister(found: Found) -> bool:
        person = register.delegate(found.delegate_id) if found.delegate_id else None
        return person is not None and person.minister

    found = find(register, reference, among=a_minister)  # "secretary": the minister
    if found.delegate_id is None:
        raise NotFound(f"{reference!r} is an organisation: name a minister")
    return found.delegate_id


def transparency(args: argparse.Namespace, out: Console, err: Console) -> int:
    from summit.papers.transparency import headings_from  # noqa: PLC0415
    from summit.papers.writing import NoMinisters, PapersError, transparency_return  # noqa: PLC0415

    try:
        headings = headings_from(_headings_text(args.headings))
    except ValueError as error:
        err.print(f"summit: --headings: {error}", markup=False)
        return 2
    dataset = dataset_for(args)
    from summit.model.people import NotFound  # noqa: PLC0415

    try:
        minister = _minister_id(dataset, args.minister)
    except NotFound as error:
        err.print(f"summit: --minister: {error}; no return was written", markup=False)
        return 2
    try:
        made = transparency_return(
            dataset,
            args.start,
            args.end,
            minister,
            headings=headings,
            date_format=args.date_format,
        )
    except DataError as error:
        return _refused(out, err, error.problems, "return")
    except PapersError as error:
        err.print(f"summit: {error}; no return was written", markup=False)
        return 1 if isinstance(error, NoMinisters) else 2  # the data, or how it was asked
    for note in made.notes:
        err.print(f"note: {note}", markup=False, style="yellow")
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(made.data)
        sys.stdout.buffer.flush()
        return 0
    path = write_together(args.out.parent, {args.out.name: made.data})[0]
    err.print(f"wrote {shown(path)}", markup=False)
    return 0
