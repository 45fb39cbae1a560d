"""`summit remind`: a dry run of the reminders, or sent with --yes as `summit send` sends."""

import argparse
import functools

from rich.console import Console

from summit.cli.delivery import _loaded, _print_letter, _send
from summit.cli.output import print_problems
from summit.model.wording import counted
from summit.store import DataError


def remind(args: argparse.Namespace, out: Console, err: Console) -> int:
    from summit.delivery.reminders import plan_reminders  # noqa: PLC0415 - only when sending
    from summit.ical.mail import Unsendable  # noqa: PLC0415

    dataset = _loaded(args, out, err)
    if isinstance(dataset, int):
        return dataset
    plan = functools.partial(plan_reminders, tentative=args.tentative)
    args.reminding = True
    if args.yes:
        return _send(args, out, err, dataset, plan=plan)
    try:
        box = plan(dataset, args.summit_id)
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was sent: fix the problems above first")
        return 1
    except Unsendable as error:
        err.print(f"summit: {error}; nothing was sent")
        return 1
    if box.refusal is not None:
        err.print(f"summit: {box.refusal}", markup=False)
        return 1
    count = counted(len(box.letters), "reminder", "reminders")
    out.print(f"{args.summit_id}: {count} to send from {box.sender}", markup=False)
    for letter in box.letters:
        _print_letter(out, letter)
    if box.up_to_date:
        out.print(f"  already reminded today: {', '.join(box.up_to_date)}", markup=False)
    for note in box.notes:
        err.print(f"note: {note}", markup=False)
    if box.letters:
        err.print(f"dry run: nothing was sent. To send: summit remind {args.summit_id} --yes")
    return 0
