"""The handlers of `invite`, `uninvite`, `reply` and `attend`.

Each finds the people named, makes the same edit as the app's invitees tab
(summit.model.invitee_edits), says what changed in the words `summit diff`
uses, and saves through the same storage as the app: locked, merged with what
someone else saved meanwhile, comments kept.
"""

import argparse
from collections.abc import Callable

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems, shown
from summit.model import Register, Rsvp, Summit
from summit.model.changes import Names, describe_summit_changes
from summit.model.invitee_edits import invite, invited, set_attended, set_reply, uninvite
from summit.model.people import Found, NotFound, describe, find
from summit.model.uninvite import uninviting_loses
from summit.store import DataError, UnknownSummit

Edit = Callable[[Summit, Register, list[Found]], Summit]


class _Refused(Exception):
    """The edit cannot be made as asked; the message says why. Nothing is written."""


def _edit(
    args: argparse.Namespace, out: Console, err: Console, names: list[str], edit: Edit
) -> int:
    dataset = dataset_for(args)
    try:
        summit, register = dataset.valid_summit(args.summit_id)
    except UnknownSummit as error:
        err.print(f"summit: {error} in {shown(dataset.root)}", markup=False)
        return 1
    except DataError as error:
        print_problems(err, error.problems or dataset.errors)
        err.print(f"summit: {args.summit_id} cannot be changed until its files load", markup=False)
        return 1
    try:
        changed = edit(summit, register, [find(register, name) for name in names])
    except (NotFound, _Refused) as error:
        err.print(f"summit: {error}; nothing was changed", markup=False)
        return 1
    lines = describe_summit_changes(summit, changed, Names(register))
    if not lines:
        out.print("Nothing to change: the summit already says so.")
        return 0
    dataset.save_summit(args.summit_id, changed, merging=True)
    for line in lines:
        out.print(f"{args.summit_id}: {line}", markup=False, highlight=False)
    return 0


def _invited_only(summit: Summit, register: Register, found: Found) -> None:
    if not invited(summit, found):
        raise _Refused(f"{describe(register, found)} is not invited to this summit")


def invite_people(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register, people: list[Found]) -> Summit:
        for found in people:
            summit = invite(summit, register, found)
        return summit

    return _edit(args, out, err, args.names, edit)


def uninvite_people(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register, people: list[Found]) -> Summit:
        for found in people:
            _invited_only(summit, register, found)
            loss = uninviting_loses(summit, register, found.org_id, found.delegate_id)
            if loss.anything and not args.yes:
                raise _Refused(f"{loss.describe().rstrip('.')} (--yes to uninvite anyway)")
            summit = uninvite(summit, found)
        return summit

    return _edit(args, out, err, args.names, edit)


def record_reply(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register, people: list[Found]) -> Summit:
        _invited_only(summit, register, people[0])
        return set_reply(summit, people[0], Rsvp(args.reply))

    return _edit(args, out, err, [args.name], edit)


def record_attendance(args: argparse.Namespace, out: Console, err: Console) -> int:
    came = {"yes": True, "no": False, "unknown": None}[args.came]

    def edit(summit: Summit, register: Register, people: list[Found]) -> Summit:
        _invited_only(summit, register, people[0])
        return set_attended(summit, people[0], came)

    return _edit(args, out, err, [args.name], edit)
