"""`summit send`: the outbox as a dry run, or sent through an SMTP relay with --yes.

The network modules are imported inside the verbs, so that `summit` starts
without them.
"""

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console

from summit.cli.commands import dataset_for
from summit.cli.output import is_plain, print_problems
from summit.model.wording import counted
from summit.store import DataError, Dataset, UnknownSummit

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from summit.delivery import outbox
    from summit.delivery.mailbox import Fetched
    from summit.delivery.outbox import Relay
    from summit.delivery.team import TeamSent


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def _asker() -> Callable[[str], str] | None:
    """A password prompt where there is someone to answer it."""
    return _ask if sys.stdin is not None and sys.stdin.isatty() else None


def _loaded(args: argparse.Namespace, out: Console, err: Console) -> Dataset | int:
    dataset = dataset_for(args)
    try:
        dataset.summit_document(args.summit_id)
    except UnknownSummit as error:
        err.print(f"summit: {error}")
        return 1
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was sent: fix the problems above first")
        return 1
    return dataset


def _print_letter(out: Console, letter: "outbox.Letter") -> None:
    out.print(f"  {letter.organisation}: {letter.kind}, SEQUENCE {letter.sequence}")
    out.print(f"    to: {', '.join(str(p) for p in letter.to)}")
    for line in letter.changes:
        out.print(f"    - {line}")


def _print_outbox(out: Console, err: Console, box: "outbox.Outbox") -> None:
    count = counted(len(box.letters), "message", "messages")
    out.print(f"{box.summit_id}: {count} to send from {box.sender}")
    for letter in box.letters:
        _print_letter(out, letter)
    if box.up_to_date:
        out.print(f"  up to date: {', '.join(box.up_to_date)}")
    for note in box.notes:
        err.print(f"note: {note}")


def _print_recovered(err: Console, box: "outbox.Outbox") -> None:
    if box.recovered:
        err.print(
            f"note: sent before an interruption, found in this machine's outbox journal and "
            f"recorded at the next send: {', '.join(box.recovered)}"
        )


def send(args: argparse.Namespace, out: Console, err: Console) -> int:
    dataset = _loaded(args, out, err)
    if isinstance(dataset, int):
        return dataset
    if args.yes:
        return _send(args, out, err, dataset)
    box = _planned(args, out, err, dataset)
    if isinstance(box, int):
        return box
    _print_recovered(err, box)
    if not box.letters:
        out.print(f"{args.summit_id}: nothing to send: every organisation holds the latest version")
        for note in box.notes:
            err.print(f"note: {note}")
        return 0
    _print_outbox(out, err, box)
    from summit.delivery.team import colleagues_sending  # noqa: PLC0415 - only when sending

    for note in colleagues_sending(box, dataset.root):
        err.print(f"note: {note}", markup=False)
    err.print(f"dry run: nothing was sent. To send: summit send {args.summit_id} --yes")
    return 0


def _planned(
    args: argparse.Namespace, out: Console, err: Console, dataset: Dataset
) -> "outbox.Outbox | int":
    """The outbox, or the exit code after saying why nothing can be sent."""
    from summit.delivery import outbox  # noqa: PLC0415 - only when sending
    from summit.ical.mail import Unsendable  # noqa: PLC0415

    try:
        box = outbox.plan_outbox(dataset, args.summit_id)
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was sent: fix the problems above first")
        return 1
    except Unsendable as error:
        err.print(f"summit: {error}; nothing was sent")
        return 1
    if box.refusal is not None:
        err.print(f"summit: {box.refusal}")
        return 1
    return box


def _send(
    args: argparse.Namespace,
    out: Console,
    err: Console,
    dataset: Dataset,
    plan: "Callable[[Dataset, str], outbox.Outbox] | None" = None,
) -> int:
    """Send as a team action (summit.delivery.team): caught up, claimed, sent, pushed;
    `plan` is what to send (the outbox by default; reminders for `summit remind`)."""
    from summit.delivery import outbox  # noqa: PLC0415
    from summit.delivery.settings import (  # noqa: PLC0415
        SettingsError,
        parse_mail_url,
        password_for,
        server_url,
    )
    from summit.delivery.smtp import RelayFailed, SmtpRelay  # noqa: PLC0415
    from summit.delivery.team import TeamError, send_as_team  # noqa: PLC0415
    from summit.delivery.xoauth2 import wants_token  # noqa: PLC0415
    from summit.ical.mail import Unsendable  # noqa: PLC0415

    connect = _graph_sender if getattr(args, "graph", False) else None
    try:
        if connect is None:
            server = parse_mail_url(server_url("smtp", args.smtp), ("smtp", "smtps"))
            token = wants_token(server)
            password = None if token else password_for("smtp", server.username, _asker())
            connect = lambda: SmtpRelay(server, password)  # noqa: E731
    except SettingsError as error:
        err.print(f"summit: {error}; nothing was sent")
        return 1

    def planned(box: outbox.Outbox) -> None:
        _print_recovered(err, box)
        _print_outbox(out, err, box)

    def sent(letter: outbox.Letter) -> None:
        out.print(
            f"sent {letter.organisation} ({letter.kind}, SEQUENCE {letter.sequence})", markup=False
        )

    def sending(number: int, count: int, letter: outbox.Letter) -> None:
        # A screen reader hears where the batch is (issue 22): one plain line a message.
        out.print(f"Sending {number} of {count}: {letter.organisation}", markup=False)

    try:
        result = send_as_team(
            dataset,
            args.summit_id,
            connect,
            offline=args.offline,
            on_planned=planned,
            on_sent=sent,
            plan=plan or outbox.plan_outbox,
            on_sending=sending if is_plain(args) else None,
        )
    except (TeamError, RelayFailed, Unsendable) as error:
        err.print(f"summit: {error}" + "; nothing was sent" * (not isinstance(error, TeamError)))
        return 1
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was sent: fix the problems above first")
        return 1
    return _sent(args, out, err, result)


def _sent(args: argparse.Namespace, out: Console, err: Console, result: "TeamSent") -> int:
    _print_team(err, result)
    box = result.outbox
    if box is not None and box.refusal is not None:
        err.print(f"summit: {box.refusal}")
        return 1
    if result.report is None:
        why = "colleagues are sending the rest" if result.held else "every organisation holds"
        why += " the latest version" * (not result.held)
        if getattr(args, "reminding", False) and not result.held:
            why = "nobody is waiting to be reminded"
        out.print(f"{args.summit_id}: nothing to send: {why}")
        for note in [*(box.notes if box else []), *result.notes]:
            err.print(f"note: {note}")
        return 0
    if result.record_error is not None:
        err.print(
            f"summit: sent, but the summit file could not record it ({result.record_error}); "
            "this machine's outbox journal holds it, and the next `summit send` records it first"
        )
        _summary(err, args.summit_id, result.report)
        return 1
    code = _summary(err, args.summit_id, result.report)
    for note in result.notes:
        err.print(f"note: {note}")
    return code


def _print_team(err: Console, result: "TeamSent") -> None:
    """What came in from colleagues, and what is left to them."""
    for subject in result.came_in:
        err.print(f"merged from the team: {subject}", markup=False)
    if result.seen:
        shown = ", ".join(result.seen[:6]) + (
            f" and {len(result.seen) - 6} more" * (len(result.seen) > 6)
        )
        err.print(
            f"a colleague's send came in with the team's changes: {shown} already sent; "
            "not sent again",
            markup=False,
        )
    for line in result.held:
        err.print(f"left to a colleague: {line}", markup=False)


def _summary(err: Console, summit_id: str, report: "outbox.SendReport") -> int:
    for org_id, refused in report.refused_recipients.items():
        for who, why in refused.items():
            err.print(
                f"warning: {org_id}: the relay refused {who} ({why}); the others got it; "
                "the next send sends it to them alone",
                markup=False,
            )
    for failed in report.failed:
        err.print(f"not sent: {failed.letter.organisation}: {failed.reason}")
    if report.stopped is not None:
        err.print(f"summit: the relay failed: {report.stopped}")
        names = ", ".join(letter.organisation for letter in report.not_sent)
        err.print(f"not sent: {names}")
    sent = counted(len(report.sent), "message", "messages")
    err.print(f"{sent} sent and recorded in agendas/{summit_id}.toml")
    if report.complete:
        return 0
    err.print(f"to send the rest (and nothing twice): summit send {summit_id} --yes")
    return 1


def rsvp_fetch(args: argparse.Namespace, out: Console, err: Console) -> int:
    """`summit rsvp fetch`: new replies from a mailbox over IMAP, marked once imported."""
    from summit.cli.sending import report_replies  # noqa: PLC0415
    from summit.delivery.imap import ImapMailbox, MailboxFailed  # noqa: PLC0415
    from summit.delivery.mailbox import fetch_replies  # noqa: PLC0415
    from summit.delivery.settings import (  # noqa: PLC0415
        SettingsError,
        parse_mail_url,
        password_for,
        server_url,
    )
    from summit.delivery.xoauth2 import wants_token  # noqa: PLC0415

    dataset = dataset_for(args)
    too_large: list[str] = []
    try:
        if getattr(args, "graph", False):
            fetched = _fetch_by_graph(dataset)
        else:
            server = parse_mail_url(server_url("imap", args.imap), ("imap", "imaps"))
            token = wants_token(server)
            password = None if token else password_for("imap", server.username, _asker())
            with ImapMailbox(server, password) as mailbox:
                fetched = fetch_replies(dataset, mailbox, mailbox.folder)
            too_large = mailbox.too_large
    except (SettingsError, MailboxFailed) as error:
        err.print(f"summit: {error}; no reply was recorded")
        return 1
    except DataError as error:
        print_problems(out, error.problems)
        return 1
    print_problems(out, fetched.refused)
    for note in too_large:
        err.print(f"not read: {note}", markup=False)
    code = report_replies(out, err, fetched.result)
    if fetched.unmarked:
        err.print(
            f"but {counted(len(fetched.unmarked), 'message', 'messages')} recorded could not be "
            f"marked imported ({fetched.mark_failed}): "
            f"{', '.join(fetched.unmarked)}; fetching again reads them again, "
            "and finds their replies already recorded",
            markup=False,
        )
    if fetched.refused:
        err.print(
            f"{counted(len(fetched.refused), 'reply was', 'replies were')} refused: "
            "those messages are left unmarked in the mailbox"
        )
    err.print(
        f"{counted(len(fetched.marked), 'message', 'messages')} marked imported; "
        f"{counted(fetched.skipped, 'message', 'messages')} without a calendar reply left alone"
    )
    return 1 if code or fetched.refused or fetched.unmarked else 0


def publish(args: argparse.Namespace, out: Console, err: Console) -> int:
    """`summit publish`: the meeting and its agenda into the team's CalDAV calendar."""
    from summit.delivery.caldav_publish import (  # noqa: PLC0415 - only when publishing
        CaldavCalendar,
        PublishFailed,
        publish,
    )
    from summit.delivery.settings import (  # noqa: PLC0415
        SettingsError,
        parse_caldav_url,
        password_for,
        server_url,
    )

    dataset = _loaded(args, out, err)
    if isinstance(dataset, int):
        return dataset
    try:
        url, username = parse_caldav_url(server_url("caldav", args.caldav))
        password = password_for("caldav", username, _asker())
        report = publish(dataset, args.summit_id, CaldavCalendar(url, username, password))
    except (SettingsError, PublishFailed) as error:
        err.print(f"summit: {error}")
        return 1
    except DataError as error:
        print_problems(out, error.problems)
        err.print("nothing was published: fix the problems above first")
        return 1
    state = " (marked cancelled)" if report.cancelled else ""
    out.print(
        f"{args.summit_id}: {counted(len(report.written), 'object', 'objects')} written{state}"
    )
    for uid in report.removed:
        out.print(f"removed {uid} (no longer on the agenda)")
    return 0


def _graph_sender() -> "AbstractContextManager[Relay]":
    from summit.delivery.graph import GraphSender  # noqa: PLC0415

    return GraphSender()


def _fetch_by_graph(dataset: Dataset) -> "Fetched":
    """Replies from the signed-in Microsoft 365 inbox (GraphFailed becomes MailboxFailed)."""
    from summit.delivery.graph import GraphFailed, GraphMailbox  # noqa: PLC0415
    from summit.delivery.imap import MailboxFailed  # noqa: PLC0415
    from summit.delivery.mailbox import fetch_replies  # noqa: PLC0415

    try:
        mailbox = GraphMailbox()
        return fetch_replies(dataset, mailbox, mailbox.folder)
    except GraphFailed as error:
        raise MailboxFailed(str(error)) from None
