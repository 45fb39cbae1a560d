"""`summit register import`: delegates from a spreadsheet, through the same storage
as the app (lock, merge with what others saved, comments kept)."""

import argparse

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems
from summit.model import Register
from summit.model.register_import import Imported, import_rows
from summit.store.spreadsheet import SpreadsheetError, read_rows


def _people(register: Register, ids: list[str]) -> str:
    return "; ".join(f"{register.describe(ref)} [{ref}]" for ref in ids)


def _report(out: Console, result: Imported, *, would: bool) -> None:
    verb = "would add" if would else "added"
    register = result.register
    lines = []
    if result.added_organisations:
        lines.append(
            f"{verb.capitalize()} {len(result.added_organisations)} organisation(s): "
            + "; ".join(
                f"{register.organisations[o].name} [{o}]" for o in result.added_organisations
            )
        )
    if result.added:
        people = _people(register, result.added)
        lines.append(f"{verb.capitalize()} {len(result.added)} delegate(s): {people}")
    if result.updated:
        changed = "Would update" if would else "Updated"
        lines.append(
            f"{changed} {len(result.updated)} delegate(s): {_people(register, result.updated)}"
        )
    if result.unchanged:
        lines.append(f"{result.unchanged} row(s) already in the register, unchanged")
    if result.defaulted_sector:
        lines.append(
            "Sector 'other' for "
            + ", ".join(result.defaulted_sector)
            + " (the file has no sector column or cell): set it in the register"
        )
    for line in lines:
        out.print(line, markup=False, highlight=False)


def import_register(args: argparse.Namespace, out: Console, err: Console) -> int:
    dataset = dataset_for(args)
    if dataset.register is None:
        print_problems(err, dataset.errors)
        return 1
    try:
        rows = read_rows(args.file)
    except SpreadsheetError as error:
        err.print(f"summit: {error}", markup=False)
        return 1
    result = import_rows(dataset.register.record, rows)
    for bad in result.bad:
        err.print(f"{args.file}:{bad.line}: {bad.field}: {bad.why}", markup=False)
    bad_lines = len({bad.line for bad in result.bad})
    if bad_lines and not args.skip_bad:
        err.print(
            f"summit: {bad_lines} row(s) of {args.file} have problems; nothing was written "
            "(fix them, or --skip-bad to take the good rows)",
            markup=False,
        )
        return 1
    _report(out, result, would=args.dry_run)
    if not result.changed:
        out.print("Nothing to change: the register already holds every row.")
    elif not args.dry_run:
        dataset.save_register(result.register, merging=True)
        out.print(f"Saved {dataset.register_path}", markup=False, highlight=False)
    return 1 if bad_lines else 0
