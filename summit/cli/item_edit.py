"""The handlers of `agenda`, `action` and `commitment` (see summit.cli.item_verbs)."""

import argparse
from typing import Any

from rich.console import Console

from summit.cli.summit_edit import Refused, edit_summit
from summit.model import Register, Summit, dates
from summit.model.item_edits import (
    ItemNotFound,
    ListName,
    add_item,
    find_item,
    move_item,
    remove_item,
    replace_item,
)
from summit.model.people import NotFound, find
from summit.model.summit import (
    Action,
    ActionStatus,
    AgendaItem,
    Commitment,
    CommitmentStatus,
)

_AGENDA_OPTIONS = {name: f"--{name}" for name in ("title", "minutes", "lead", "kind")}
_TEXTS = ("topic", "objective", "notes")
_WHAT = {"agenda": "agenda item", "actions": "action", "commitments": "commitment"}


def _item(summit: Summit, name: ListName, reference: str) -> int:
    try:
        return find_item(getattr(summit, name), reference, _WHAT[name])
    except ItemNotFound as error:
        raise Refused(str(error)) from None


def _who(register: Register, reference: str) -> tuple[str, str | None]:
    try:
        found = find(register, reference)
    except NotFound as error:
        raise Refused(str(error)) from None
    return found.org_id, found.delegate_id


def _organisation(register: Register, reference: str, role: str, said: list[str]) -> str:
    """The organisation `reference` names; a person names theirs, and `said` says so:
    an action's owner and a commitment's maker are recorded as organisations."""
    org_id, delegate_id = _who(register, reference)
    if delegate_id is not None:
        organisation = register.organisations[org_id]
        person = organisation.delegates[delegate_id].name
        said.append(
            f"note: {role} is {person}'s organisation, {organisation.name}: "
            "summit records organisations there, not people"
        )
    return org_id


def _agenda_values(args: argparse.Namespace, register: Register) -> dict[str, Any]:
    """The fields the options give; an empty text option removes that field."""
    values: dict[str, Any] = {
        name: getattr(args, name)
        for name in ("title", "minutes", "kind", *_TEXTS)
        if getattr(args, name) is not None
    }
    for name in _TEXTS:
        if values.get(name) == "":
            values[name] = None
    if args.lead is not None:
        org_id, delegate_id = _who(register, args.lead)
        values["lead"] = delegate_id or org_id
    return values


def _after(summit: Summit, args: argparse.Namespace) -> int | None:
    if args.first:
        return -1
    return None if args.after is None else _item(summit, "agenda", args.after)


def agenda_add(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        item = AgendaItem.model_validate(_agenda_values(args, register))
        return add_item(summit, "agenda", item, _after(summit, args))

    return edit_summit(args, out, err, edit, _AGENDA_OPTIONS)


def agenda_edit(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        index = _item(summit, "agenda", args.item)
        old = summit.agenda[index]
        item = AgendaItem.model_validate({**old.to_data(), **_agenda_values(args, register)})
        return replace_item(summit, "agenda", index, item)

    return edit_summit(args, out, err, edit, _AGENDA_OPTIONS)


def agenda_move(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        index = _item(summit, "agenda", args.item)
        after = _after(summit, args)
        if after is None:
            raise Refused("say where: --after ITEM or --first")
        if after == index:
            raise Refused("an item cannot go after itself")
        return move_item(summit, "agenda", index, after)

    return edit_summit(args, out, err, edit)


def agenda_remove(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        return remove_item(summit, "agenda", _item(summit, "agenda", args.item))

    return edit_summit(args, out, err, edit)


def _saying(code: int, said: list[str], out: Console) -> int:
    if code == 0:
        for line in said:
            out.print(line, markup=False, highlight=False)
    return code


def action_add(args: argparse.Namespace, out: Console, err: Console) -> int:
    said: list[str] = []

    def edit(summit: Summit, register: Register) -> Summit:
        owner = _organisation(register, args.owner, "the action's owner", said)
        fields = {"text": args.text, "owner": owner, "due": args.due}
        item = Action.model_validate({k: v for k, v in fields.items() if v is not None})
        return add_item(summit, "actions", item)

    return _saying(edit_summit(args, out, err, edit, {"text": "--text", "due": "--due"}), said, out)


def action_done(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        index = _item(summit, "actions", args.item)
        item = summit.actions[index].model_copy(update={"status": ActionStatus.DONE})
        return replace_item(summit, "actions", index, item)

    return edit_summit(args, out, err, edit)


def commitment_add(args: argparse.Namespace, out: Console, err: Console) -> int:
    said: list[str] = []

    def edit(summit: Summit, register: Register) -> Summit:
        organisation = _organisation(register, args.organisation, "the commitment's maker", said)
        if args.agreed is not None and args.agreed > dates.today():
            raise Refused(f"--agreed {args.agreed} is a day still to come: record it once made")
        fields = {
            "organisation": organisation,
            "text": args.text,
            "agreed": args.agreed or summit.start.date(),
            "due": args.due,
        }
        item = Commitment.model_validate({k: v for k, v in fields.items() if v is not None})
        return add_item(summit, "commitments", item)

    return _saying(edit_summit(args, out, err, edit, {"text": "--text", "due": "--due"}), said, out)


def commitment_met(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        index = _item(summit, "commitments", args.item)
        item = summit.commitments[index].model_copy(update={"status": CommitmentStatus.MET})
        return replace_item(summit, "commitments", index, item)

    return edit_summit(args, out, err, edit)
