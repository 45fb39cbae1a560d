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
from summit.model import Register, Severity, Summit, check_summit
from summit.model.changes import Names
from summit.model.discreet_changes import describe_discreetly
from summit.model.people import NotFound, find
from summit.model.text import SLUG_MAX, is_slug
from summit.store import DataError, Dataset, UnknownSummit
from summit.store.locations import summit_path

Edit = Callable[[Summit, Register], Summit]


class Refused(ValueError):
    """The edit cannot be made as asked; the message says why. Nothing is written."""


_BOUNDS = {
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
}
"""pydantic's words for a number out of range ("Input should be greater than 0"), plainer."""


def delegate_named(register: Register, option: str, reference: str) -> str:
    """The delegate id that `reference` names, for `--option`; an organisation is refused."""
    try:
        found = find(register, reference)
    except NotFound as error:
        raise Refused(f"--{option}: {error}") from None
    if found.delegate_id is None:
        raise Refused(f"--{option}: {reference!r} is an organisation; name one of its people")
    return found.delegate_id


def _field_errors(error: ValidationError, options: dict[str, str]) -> str:
    said = []
    for problem in error.errors():
        name = str(problem["loc"][-1]) if problem["loc"] else ""
        where = options.get(name, name.replace("_", " "))
        bound = _BOUNDS.get(problem["type"])
        words = bound.format(**problem.get("ctx", {})) if bound else problem["msg"]
        said.append(f"{where}: {words.removeprefix('Value error, ')}")
    return "; ".join(said)


def _loaded(
    dataset: Dataset, summit_id: str, err: Console, doing: str = "changed"
) -> tuple[Summit, Register] | None:
    try:
        return dataset.valid_summit(summit_id)
    except UnknownSummit as error:
        err.print(f"summit: {error} in {shown(dataset.root)}", markup=False)
        return None
    except DataError as error:
        print_problems(err, error.problems or dataset.errors)
        err.print(f"summit: {summit_id} cannot be {doing} until its files load", markup=False)
        return None


def _checked(
    make: Callable[[], Summit], err: Console, options: dict[str, str], nothing: str = "changed"
) -> Summit | None:
    try:
        changed = make()
        Summit.model_validate(changed.to_data())  # the whole file's rules, before any write
    except Refused as error:
        err.print(f"summit: {error}; nothing was {nothing}", markup=False)
        return None
    except ValidationError as error:
        err.print(f"summit: {_field_errors(error, options)}; nothing was {nothing}", markup=False)
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
    dataset = dataset_for(args)
    loaded = _loaded(dataset, args.summit_id, err)
    if loaded is None:
        return 1
    summit, register = loaded
    changed = _checked(lambda: edit(summit, register), err, options or {})
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
    for warning in new_warnings(args.summit_id, summit, changed, register):
        err.print(f"warning: {warning}", markup=False, style="yellow")
    return 0


def new_warnings(summit_id: str, before: Summit, after: Summit, register: Register) -> list[str]:
    """What checking the summit warns of now and did not before the edit: an edit that
    is allowed may still be a slip (attendance recorded ahead of the day, say), and
    only `summit validate` said so."""
    delegates = register.delegate_index()
    said = {finding.message for finding in check_summit(summit_id, before, register, delegates)}
    return [
        finding.message
        for finding in check_summit(summit_id, after, register, delegates)
        if finding.severity is Severity.WARNING and finding.message not in said
    ]


Build = Callable[[Summit | None, Register], Summit]


def _id_refused(dataset: Dataset, summit_id: str) -> str | None:
    if not is_slug(summit_id):
        return (
            f"{summit_id!r} cannot be a summit's id: use lower-case letters and digits joined "
            f"by single hyphens, at most {SLUG_MAX} characters, such as 'online-safety-2028'"
        )
    path = summit_path(dataset.root, summit_id)
    if summit_id in dataset.summits or summit_id in dataset.unreadable or path.exists():
        return f"{shown(path)} already exists: choose another id"
    return None


def _register(dataset: Dataset, err: Console) -> Register | None:
    if dataset.register is None or any(p.path == dataset.register_path for p in dataset.errors):
        print_problems(err, [p for p in dataset.errors if p.path == dataset.register_path])
        err.print("summit: a summit can be started once the register loads", markup=False)
        return None
    return dataset.register.record


def create_summit(
    args: argparse.Namespace,
    out: Console,
    err: Console,
    build: Build,
    *,
    options: dict[str, str] | None = None,
    describe: Callable[[Summit], str] = lambda summit: summit.title,
) -> int:
    """Write the new file agendas/`args.summit_id`.toml holding what `build` makes from the
    summit `args.source` (if given, whose file the new one's layout follows) and the register.
    An id in use, or anything the file's rules refuse, writes nothing."""
    dataset = dataset_for(args)
    refused = _id_refused(dataset, args.summit_id)
    if refused is not None:
        err.print(f"summit: {refused}; nothing was written", markup=False)
        return 1
    source: Summit | None = None
    if args.source is not None:
        loaded = _loaded(dataset, args.source, err, doing="copied")
        if loaded is None:
            return 1
        source, register = loaded
    else:
        found = _register(dataset, err)
        if found is None:
            return 1
        register = found
    created = _checked(lambda: build(source, register), err, options or {}, nothing="written")
    if created is None:
        return 1
    try:
        dataset.save_summit(args.summit_id, created, like=args.source)
    except DataError as error:
        print_problems(err, error.problems)
        err.print("summit: nothing was written", markup=False)
        return 1
    path = shown(summit_path(dataset.root, args.summit_id))
    said = f"{args.summit_id}: created {path}: {describe(created)}"
    out.print(said, markup=False, highlight=False)
    return 0
