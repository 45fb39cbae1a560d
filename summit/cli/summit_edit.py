"""One edit of one summit from the command line: load, change, describe, save.

Every editing verb (`invite`, `agenda add`, `action done`...) runs through
`edit_summit`, so each says what changed in the words `summit diff` uses and
saves through the same storage as the app: locked, merged with what someone
else saved meanwhile, comments kept. A refused edit writes nothing.
"""

import argparse
from collections.abc import Callable

from pydantic import ValidationError
from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems, shown
from summit.model import Register, Summit
from summit.model.changes import Names
from summit.model.discreet_changes import describe_discreetly
from summit.store import DataError, Dataset, UnknownSummit

Edit = Callable[[Summit, Register], Summit]


class Refused(ValueError):
    """The edit cannot be made as asked; the message says why. Nothing is written."""


def _field_errors(error: ValidationError, options: dict[str, str]) -> str:
    said = []
    for problem in error.errors():
        name = str(problem["loc"][-1]) if problem["loc"] else ""
        where = options.get(name, name.replace("_", " "))
        said.append(f"{where}: {problem['msg'].removeprefix('Value error, ')}")
    return "; ".join(said)


def _loaded(args: argparse.Namespace, err: Console) -> tuple[Dataset, Summit, Register] | None:
    dataset = dataset_for(args)
    try:
        summit, register = dataset.valid_summit(args.summit_id)
    except UnknownSummit as error:
        err.print(f"summit: {error} in {shown(dataset.root)}", markup=False)
        return None
    except DataError as error:
        print_problems(err, error.problems or dataset.errors)
        err.print(f"summit: {args.summit_id} cannot be changed until its files load", markup=False)
        return None
    return dataset, summit, register


def _changed(
    edit: Edit, summit: Summit, register: Register, err: Console, options: dict[str, str]
) -> Summit | None:
    try:
        changed = edit(summit, register)
        Summit.model_validate(changed.to_data())  # the whole file's rules, before any write
    except Refused as error:
        err.print(f"summit: {error}; nothing was changed", markup=False)
        return None
    except ValidationError as error:
        err.print(f"summit: {_field_errors(error, options)}; nothing was changed", markup=False)
        return None
    return changed


def edit_summit(
    args: argparse.Namespace,
    out: Console,
    err: Console,
    edit: Edit,
    options: dict[str, str] | None = None,
) -> int:
    """Apply `edit` to the summit `args.summit_id` and save it; `options` names the
    command-line option of each model field, for messages."""
    loaded = _loaded(args, err)
    if loaded is None:
        return 1
    dataset, summit, register = loaded
    changed = _changed(edit, summit, register, err, options or {})
    if changed is None:
        return 1
    # In `summit diff`'s words: a sensitive record by its place (issue 21, item 17).
    lines = describe_discreetly(args.summit_id, summit, changed, Names(register))
    if not lines:
        out.print("Nothing to change: the summit already says so.")
        return 0
    try:
        dataset.save_summit(args.summit_id, changed, merging=True)
    except DataError as error:
        print_problems(err, error.problems)
        err.print("summit: nothing was changed", markup=False)
        return 1
    for line in lines:
        out.print(f"{args.summit_id}: {line}", markup=False, highlight=False)
    return 0
