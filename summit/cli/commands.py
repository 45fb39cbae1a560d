"""The CLI's verbs. Each takes parsed arguments and two consoles, returns an exit code."""

import argparse
import contextlib
import json
from pathlib import Path

from rich.console import Console

from summit.cli.output import is_plain, print_problems, shown
from summit.cli.plain_report import plain_overview, plain_summit
from summit.cli.summit_report import render_overview, render_summit
from summit.model.schema import schemas
from summit.store import DataError, Dataset, UnknownSummit, find_data_dir, load_dataset
from summit.store.formatting import FormatResult, format_files
from summit.workflows.datarepo import write_schemas


def dataset_for(args: argparse.Namespace) -> Dataset:
    """The data directory the arguments name (or imply), loaded."""
    return load_dataset(find_data_dir(args.data, Path.cwd()))


def _summary(dataset: Dataset) -> str:
    files = 1 + len(dataset.summits)
    errors, warnings = len(dataset.errors), len(dataset.warnings)
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        f" in {shown(dataset.root)} ({files} file{'s' * (files != 1)} read)"
    )


def validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    from summit.store.locations import REGISTER_FILE, summit_files  # noqa: PLC0415
    from summit.store.lock import tidy  # noqa: PLC0415

    dataset = dataset_for(args)
    with contextlib.suppress(DataError):  # an unlistable agendas/ is reported below
        tidy([dataset.root / REGISTER_FILE, *summit_files(dataset.root)])
    print_problems(out, dataset.problems)
    style = "red" if dataset.errors else "green"
    err.print(_summary(dataset), style=style)
    return 1 if dataset.errors else 0


def show(args: argparse.Namespace, out: Console, err: Console) -> int:
    dataset = dataset_for(args)
    try:
        doc = dataset.summit_document(args.summit_id)
    except UnknownSummit as error:
        print_problems(err, dataset.errors)
        err.print(f"summit: {error} in {shown(dataset.root)}", markup=False)
        return 1
    except DataError as error:
        print_problems(err, error.problems)
        err.print(f"summit: {args.summit_id} cannot be shown until its file loads", markup=False)
        return 1
    if dataset.register is None:
        print_problems(err, dataset.errors)
        return 1
    problems = dataset.problems_in(doc.path)
    if is_plain(args):
        plain_summit(out, args.summit_id, doc.record, dataset.register.record)
        print_problems(out, problems)
    else:
        render_summit(out, args.summit_id, doc.record, dataset.register.record, problems)
    return 1 if any(p.is_error for p in problems) else 0


def overview(args: argparse.Namespace, out: Console, err: Console) -> int:
    dataset = dataset_for(args)
    if is_plain(args):
        plain_overview(out, dataset)
        print_problems(out, dataset.problems)
    else:
        render_overview(out, dataset)
    return 1 if dataset.errors else 0


def _report(out: Console, result: FormatResult, *, check: bool) -> None:
    verb = "would reformat" if check else "reformatted"
    for path in result.changed:
        out.print(f"{verb} {shown(path)}", markup=False)


def fmt(args: argparse.Namespace, out: Console, err: Console) -> int:
    root = find_data_dir(args.data, Path.cwd())
    try:
        result = format_files(root, write=not args.check)
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was reformatted: fix the files above first", style="red")
        return 1
    _report(out, result, check=args.check)
    unchanged = result.total - len(result.changed)
    changed = "would change" if args.check else "changed"
    err.print(f"{len(result.changed)} {changed}, {unchanged} already formatted")
    return 1 if args.check and result.changed else 0


def schema(args: argparse.Namespace, out: Console, err: Console) -> int:
    documents = schemas()
    if args.out is None:
        out.print_json(json.dumps(documents))
        return 0
    for path in write_schemas(args.out):
        err.print(f"wrote {shown(path)}", markup=False)
    return 0


def serve(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The same app in a browser through textual-serve, behind a token (summit.cli.serve)."""
    from summit.cli import serve as web  # noqa: PLC0415 (aiohttp loads only when serving)

    return web.serve(args, out, err)
