"""`summit register import|add|edit|remove`: the register from the command line,
through the same storage as the app (lock, merge with what others saved, comments
kept). A change that would leave a summit naming someone removed is refused."""

import argparse
from collections.abc import Callable

from pydantic import ValidationError
from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems
from summit.model import Delegate, Organisation, Register
from summit.model.changes import describe_register_changes
from summit.model.people import NotFound, find
from summit.model.references import refusals, removed_refs
from summit.model.register_import import COLUMNS, Imported, Row, import_rows, missing_columns
from summit.store import DataError
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
        # Each field the file changes, so that a name spelt without its accents, say,
        # is seen before it replaces the register's.
        for ref in result.updated:
            lines.append(f"  {register.describe(ref)}: {'; '.join(result.changes[ref])}")
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
        table = read_rows(args.file)
    except SpreadsheetError as error:
        err.print(f"summit: {error}", markup=False)
        return 1
    missing = missing_columns(table.columns)
    if missing:
        # Not "is empty" on every row: the file lacks the column (or names it otherwise).
        found = ", ".join(table.columns) or "nothing"
        err.print(
            f"summit: {args.file}: no {' or '.join(missing)} column; its first row names "
            f"{found}. The columns are {', '.join(COLUMNS)} (sector and phone optional); "
            "nothing was written",
            markup=False,
        )
        return 1
    result = import_rows(dataset.register.record, table.rows)
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
    if result.changed and not args.dry_run:
        # Saved before it is reported: a file that cannot be written says only that.
        dataset.save_register(result.register, merging=True)
    _report(out, result, would=args.dry_run)
    if not result.changed:
        out.print("Nothing to change: the register already holds every row.")
    elif not args.dry_run:
        out.print(f"Saved {dataset.register_path}", markup=False, highlight=False)
    return 1 if bad_lines else 0


_OPTIONS = {"job_title": "--job-title", "name": "--name", "email": "--email", "phone": "--phone"}


def _edit_register(
    args: argparse.Namespace, out: Console, err: Console, edit: Callable[[Register], Register]
) -> int:
    """Apply `edit` to the register, say what changed, save it as the app does."""
    dataset = dataset_for(args)
    if dataset.register is None:
        print_problems(err, dataset.errors)
        return 1
    old = dataset.register.record
    try:
        new = edit(old)
    except (NotFound, ValueError) as error:
        said = _field_errors(error) if isinstance(error, ValidationError) else str(error)
        err.print(f"summit: {said}; nothing was changed", markup=False)
        return 1
    lines = describe_register_changes(old, new)
    if not lines:
        out.print("Nothing to change: the register already says so.")
        return 0
    # Said in words before the save's own check, which names only a file and line.
    reasons = refusals(removed_refs(old, new), old, dataset.summit_records())
    if reasons:
        err.print(f"summit: {' '.join(reasons)} Nothing was changed.", markup=False)
        if any("is invited to" in reason for reason in reasons):
            err.print("(`summit uninvite SUMMIT NAME` takes them off a summit.)", markup=False)
        return 1
    try:
        dataset.save_register(new, merging=True)
    except DataError as error:
        print_problems(err, error.problems)
        err.print("summit: nothing was changed", markup=False)
        return 1
    for line in lines:
        out.print(line, markup=False, highlight=False)
    return 0


def _field_errors(error: ValidationError) -> str:
    return "; ".join(
        f"{_OPTIONS.get(str(p['loc'][-1]), '--' + str(p['loc'][-1]))}: "
        f"{p['msg'].removeprefix('Value error, ')}"
        for p in error.errors()
    )


def add_delegate(args: argparse.Namespace, out: Console, err: Console) -> int:
    values = {
        "organisation": args.organisation,
        "name": args.name,
        "job_title": args.job_title,
        "email": args.email,
        "phone": args.phone or "",
        "sector": args.sector or "",
    }

    def edit(register: Register) -> Register:
        result = import_rows(register, [Row(0, values)])
        if result.bad:
            raise ValueError(
                "; ".join(f"{_OPTIONS.get(b.field, '--' + b.field)}: {b.why}" for b in result.bad)
            )
        return result.register

    return _edit_register(args, out, err, edit)


def _given(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, str | None]:
    """The options given; an empty value removes an optional field."""
    given = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    return {name: value or None for name, value in given.items()}


def edit_entry(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(register: Register) -> Register:
        found = find(register, args.who)
        organisation = register.organisations[found.org_id]
        if found.delegate_id is None:
            if args.minister is not None:
                raise ValueError("--minister: an organisation is not a minister; name a person")
            fields = _given(args, ("name", "sector", "website"))
            changed = Organisation.model_validate({**organisation.to_data(), **fields})
        else:
            delegate = organisation.delegates[found.delegate_id]
            values: dict[str, object] = {**_given(args, ("name", "job_title", "email", "phone"))}
            if args.minister is not None:
                values["minister"] = args.minister == "yes"
            person = Delegate.model_validate({**delegate.to_data(), **values})
            delegates = {**organisation.delegates, found.delegate_id: person}
            changed = organisation.model_copy(update={"delegates": delegates})
        return register.with_organisation(found.org_id, changed)

    return _edit_register(args, out, err, edit)


def remove_entry(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(register: Register) -> Register:
        found = find(register, args.who)
        if found.delegate_id is None:
            return register.with_organisation(found.org_id, None)
        organisation = register.organisations[found.org_id]
        delegates = dict(organisation.delegates)
        del delegates[found.delegate_id]
        changed = organisation.model_copy(update={"delegates": delegates})
        return register.with_organisation(found.org_id, changed)

    return _edit_register(args, out, err, edit)
