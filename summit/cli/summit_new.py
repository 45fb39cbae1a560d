"""The handler of `summit new` (see summit.cli.new_verb): a summit's first file.

A copy takes the other summit's plan, its invitees and agenda, through
summit.model.follow_up as the app's "Copy as follow-up" does, so the record of
that meeting (replies, attendance, notes, decisions, actions, what was sent)
never reads as the new one's.
"""

import argparse
from typing import Any

from rich.console import Console

from summit.cli.summit_edit import Refused, create_summit, delegate_named
from summit.model import Register, Summit, dates
from summit.model.follow_up import follow_up_data
from summit.model.summit import SummitStatus
from summit.model.timezone import DEFAULT_TIMEZONE

_OPTIONS = {
    name: f"--{name}" for name in ("title", "start", "end", "timezone", "venue", "convener")
} | {"organiser": "--organiser", "id": "ID"}
_PEOPLE = ("convener", "organiser")


def _given(args: argparse.Namespace, register: Register) -> dict[str, Any]:
    """The fields the options set; a person named is looked up in the register."""
    values = {
        name: getattr(args, name)
        for name in ("title", "start", "end", "timezone", "venue")
        if getattr(args, name) is not None
    }
    for name in _PEOPLE:
        reference = getattr(args, name)
        if reference is not None:
            values[name] = delegate_named(register, name, reference)
    return values


def _started_from(args: argparse.Namespace, source: Summit | None) -> dict[str, Any]:
    if source is None:
        missing = [f"--{name}" for name in ("venue", *_PEOPLE) if getattr(args, name) is None]
        if missing:
            raise Refused(f"a new summit needs {', '.join(missing)} (or --from SUMMIT)")
        return {"status": SummitStatus.DRAFT.value, "timezone": DEFAULT_TIMEZONE}
    # --start and --end are required, so the proposed dates are always replaced.
    data = follow_up_data(source, args.source, args.summit_id, dates.today())
    if not args.follow_up:
        data.pop("follows")
    return data


def _described(summit: Summit) -> str:
    when = f"{summit.start:%Y-%m-%d %H:%M}"
    if summit.end is not None:
        same_day = summit.end.date() == summit.start.date()
        when += f"–{summit.end:%H:%M}" if same_day else f" to {summit.end:%Y-%m-%d %H:%M}"
    said = [f"{summit.title!r}, {summit.status.value}, {when} {summit.timezone}"]
    if summit.invitations:
        said.append(f"{len(summit.invitations)} organisations invited, no replies yet")
    if summit.agenda:
        said.append(f"{len(summit.agenda)} agenda items")
    if summit.follows:
        said.append(f"follows {summit.follows}")
    return "; ".join(said)


def new_summit(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.follow_up and args.source is None:
        err.print("summit new: --follow-up needs --from SUMMIT, the summit it follows up")
        return 2

    def build(source: Summit | None, register: Register) -> Summit:
        data = {**_started_from(args, source), **_given(args, register)}
        data.pop("id", None)  # the file's name, not a field
        return Summit.model_validate(data)

    return create_summit(args, out, err, build, options=_OPTIONS, describe=_described)
