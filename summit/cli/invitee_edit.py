"""The handlers of `invite`, `uninvite`, `reply` and `attend`.

Each finds the people named, makes the same edit as the app's invitees tab
(summit.model.invitee_edits), says what changed in the words `summit diff`
uses, and saves through the same storage as the app: locked, merged with what
someone else saved meanwhile, comments kept.
"""

import argparse

from rich.console import Console

from summit.cli.summit_edit import Refused, edit_summit
from summit.model import Register, Rsvp, Summit, dates
from summit.model.invitee_edits import invite, invited, set_attended, set_reply, uninvite
from summit.model.people import Found, NotFound, describe, find
from summit.model.timing import attendance_refused, reply_refused
from summit.model.uninvite import uninviting_loses


def _found(register: Register, names: list[str], invited_to: Summit | None = None) -> list[Found]:
    """The people named; for a verb about the invited (`invited_to`), a name two people
    share in the register is the one invited."""

    def among(found: Found) -> bool:
        return invited_to is not None and bool(invited(invited_to, found))

    try:
        return [find(register, name, among) for name in names]
    except NotFound as error:
        raise Refused(str(error)) from None


def _invited_only(summit: Summit, register: Register, found: Found) -> None:
    if not invited(summit, found):
        raise Refused(f"{describe(register, found)} is not invited to this summit")


def invite_people(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        for found in _found(register, args.names):
            summit = invite(summit, register, found)
        return summit

    return edit_summit(args, out, err, edit)


def uninvite_people(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        for found in _found(register, args.names, summit):
            _invited_only(summit, register, found)
            loss = uninviting_loses(summit, register, found.org_id, found.delegate_id)
            if loss.anything and not args.yes:
                raise Refused(f"{loss.describe().rstrip('.')} (--yes to uninvite anyway)")
            summit = uninvite(summit, found)
        return summit

    return edit_summit(args, out, err, edit)


def record_reply(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        refused = reply_refused(args.summit_id, summit)  # as `rsvp import` refuses it
        if refused is not None:
            raise Refused(refused)
        [found] = _found(register, [args.name], summit)
        _invited_only(summit, register, found)
        return set_reply(summit, found, Rsvp(args.reply))

    return edit_summit(args, out, err, edit)


def record_attendance(args: argparse.Namespace, out: Console, err: Console) -> int:
    came = {"yes": True, "no": False, "unknown": None}[args.came]

    def edit(summit: Summit, register: Register) -> Summit:
        # Forgetting (unknown) is always allowed: it puts right what was recorded too early.
        refused = attendance_refused(args.summit_id, summit, dates.today())
        if came is not None and refused is not None:
            raise Refused(refused)
        [found] = _found(register, [args.name], summit)
        _invited_only(summit, register, found)
        return set_attended(summit, found, came)

    return edit_summit(args, out, err, edit)
