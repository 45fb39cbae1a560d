"""CLI verbs that send a summit: export invites, agenda and e-mails; cancel; import replies."""

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import print_problems, shown
from summit.model.wording import counted
from summit.store import ConflictError, DataError, Dataset, Problem, UnknownSummit
from summit.store.locations import exports_dir
from summit.workflows import invitations


def _out(args: argparse.Namespace, dataset: Dataset) -> Path:
    """`--out`, or the one default the app uses too: exports/ beside the data."""
    return args.out if args.out is not None else exports_dir(dataset.root)


def _report(out: Console, err: Console, exported: invitations.Exported) -> None:
    for path in exported.paths:
        out.print(f"wrote {shown(path)}", markup=False)
    note = " (raised: attendees must see this change)" if exported.sequence_raised else ""
    err.print(
        f"METHOD:{exported.method} UID:{exported.uid} SEQUENCE:{exported.sequence}{note}",
        markup=False,
    )
    for warning in exported.warnings:
        err.print(f"warning: {warning}", markup=False, style="yellow")


def _refused(out: Console, err: Console, problems: list[Problem]) -> int:
    print_problems(out, problems)
    err.print("nothing was exported: fix the problems above first", style="red")
    return 1


def _guarded(
    args: argparse.Namespace, out: Console, err: Console, action: Callable[[Dataset], None]
) -> int:
    """Run a sending action, turning a refusal into messages and exit 1."""
    dataset = dataset_for(args)
    try:
        action(dataset)
    except UnknownSummit as error:  # no such file (one that does not load is a DataError)
        err.print(f"summit: {error}", markup=False)
        return 1
    except DataError as error:
        return _refused(out, err, error.problems)
    except (invitations.ExportError, invitations.CancelRefused, ConflictError) as error:
        err.print(f"summit: {error}", markup=False)
        return 1
    return 0


def export_ics(args: argparse.Namespace, out: Console, err: Console) -> int:
    def export(dataset: Dataset) -> None:
        exported = invitations.export_invites(
            dataset, args.summit_id, _out(args, dataset), per_organisation=args.per_organisation
        )
        _report(out, err, exported)

    return _guarded(args, out, err, export)


def export_eml(args: argparse.Namespace, out: Console, err: Console) -> int:
    def export(dataset: Dataset) -> None:
        _report(out, err, invitations.export_emails(dataset, args.summit_id, _out(args, dataset)))

    return _guarded(args, out, err, export)


def export_agenda(args: argparse.Namespace, out: Console, err: Console) -> int:
    def export(dataset: Dataset) -> None:
        path = invitations.export_agenda(dataset, args.summit_id, _out(args, dataset))
        out.print(f"wrote {shown(path)}", markup=False)

    return _guarded(args, out, err, export)


def cancel(args: argparse.Namespace, out: Console, err: Console) -> int:
    def cancel_it(dataset: Dataset) -> None:
        cancelled = invitations.cancel_summit(dataset, args.summit_id)
        err.print(cancelled.next_step, markup=False)

    return _guarded(args, out, err, cancel_it)


def rsvp_import(args: argparse.Namespace, out: Console, err: Console) -> int:
    """.ics files, and the replies in .eml files, Maildir folders and mbox files."""
    from summit.delivery.mailbox import check_senders, gather_replies  # noqa: PLC0415

    found = gather_replies(args.files)
    dataset = dataset_for(args)
    if dataset.register is not None:
        check_senders(found, dataset.register.record)
    try:
        result = invitations.import_replies(dataset, found.files, found.read, found.dated)
    except DataError as error:
        print_problems(out, error.problems)
        return 1
    # A refused file never holds up the others: each is named with why, exit 1.
    result.problems[:0] = found.problems
    for note in found.unread:
        err.print(f"not read: {note}", markup=False)
    if found.skipped:
        skipped = counted(len(found.skipped), "message", "messages")
        err.print(f"{skipped} without a calendar reply skipped", markup=False)
    return report_replies(out, err, result)


def report_replies(out: Console, err: Console, result: invitations.ReplyImport) -> int:
    """What an import recorded, ignored and refused; exit 1 when any reply was refused."""
    print_problems(out, result.problems)
    for change in result.changed:
        said = (
            f"{change.before} -> {change.after}"
            if change.before != change.after
            else f"{change.after} (again, in a newer reply)"
        )
        who = f"{change.summit_id}: {change.delegate_id} ({change.organisation_id})"
        out.print(f"{who} {said}", markup=False)
    for note in result.ignored:
        err.print(f"ignored {note}", markup=False)
    for note in result.notes:
        err.print(note, markup=False)
    err.print(
        f"{counted(len(result.changed), 'reply', 'replies')} recorded",
        markup=False,
    )
    if result.problems:
        refused = counted(len({p.path for p in result.problems}), "file", "files")
        err.print(f"{refused} refused (named above, with why): not recorded", style="red")
        return 1
    return 0
