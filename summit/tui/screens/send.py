"""Send a summit by e-mail: the outbox as it would go out, sent on confirmation; the replies in.

What is shown is what `summit send` would send (a dry run, nothing sent);
Send asks once more, with the safe answer focused, then sends through the
relay in a worker and shows what went and what did not. Replies recorded so
far are listed, newest first; Fetch reads new ones from the mailbox.
"""

import os
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from summit.delivery import outbox
from summit.delivery.settings import SettingsError, parse_mail_url, password_for, server_url
from summit.model import Register, Summit
from summit.model.wording import counted
from summit.store import ConflictError, DataError
from summit.store.preferences import save_preference
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.session import Session
from summit.tui.text import escape
from summit.tui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from collections.abc import Callable

    from summit.delivery.team import TeamSent
    from summit.store import Dataset


def outbox_text(box: outbox.Outbox) -> str:
    """The dry run, as the CLI prints it."""
    if box.refusal is not None:
        return f"[b $text-error]Not sent:[/] {escape(box.refusal)}"
    if not box.letters:
        return "Nothing to send: every organisation holds the latest version."
    lines = [f"{counted(len(box.letters), 'message', 'messages')} to send from {box.sender}:"]
    for letter in box.letters:
        lines.append(
            f"[b]{escape(letter.organisation)}[/]: {letter.kind}, SEQUENCE {letter.sequence}"
        )
        people = ", ".join(str(p) for p in letter.to)
        lines.append(f"  to {escape(', '.join(letter.recipients) if letter.only else people)}")
        lines += [f"  - {escape(line)}" for line in letter.changes]
    retried = [letter for letter in box.letters if letter.only]
    if retried:
        # Sent.refused: the relay turned these away last time; the same message goes again.
        lines.append("[$text-warning]Refused by the relay last time, retried now:[/]")
        lines += [f"  {escape(r.organisation)}: {escape(', '.join(r.recipients))}" for r in retried]
    if box.up_to_date:
        lines.append(f"Up to date: {escape(', '.join(box.up_to_date))}")
    lines += [f"[$text-warning]Note:[/] {escape(note)}" for note in box.notes]
    return "\n".join(lines)


def replies_text(summit: Summit, register: Register) -> str:
    """Replies recorded from calendars, newest first."""
    found: list[tuple[datetime, str]] = []
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        for delegate_id, record in invitation.replied.items():
            if record.stamp is None:
                continue
            person = organisation.delegates.get(delegate_id) if organisation else None
            name = person.name if person else delegate_id
            who = f"{name} ({organisation.name if organisation else org_id})"
            found.append((record.stamp, f"{record.stamp:%Y-%m-%d %H:%M}  {who} {record.reply}"))
    if not found:
        return "No replies recorded from calendars yet."
    return "\n".join(escape(text) for _, text in sorted(found, reverse=True))


class SendScreen(ModalScreen[bool]):
    CSS_PATH = "send.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Close", id="send.close"),
        # The outbox says "Save first (ctrl+s)": here too it saves, then plans again.
        Binding("ctrl+s", "save", "Save", id="send.save", priority=True),
    ]

    def __init__(self, session: Session, summit_id: str, *, reminding: bool = False) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        self.reminding = reminding
        """Reminders (`summit remind`) to those who have not answered, not the outbox."""
        self.box: outbox.Outbox | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="send"):
            doing = "Remind who has not answered:" if self.reminding else "Send"
            yield Label(f"{doing} {self.summit_id} by e-mail", id="send-title")
            # Scrolled in a focusable container: at 80x24 a summit's outbox is taller than
            # the dialog, and every recipient must be seen before Send.
            with VerticalScroll(id="send-outbox-scroll"):
                yield Static("Working out what to send…", id="send-outbox")
            yield Label("Replies that came in", id="send-replies-title")
            yield Static("", id="send-replies")
            with Horizontal(id="send-relay-row"):
                yield Label("Relay ")
                yield Input(
                    self._relay(), placeholder="smtp://user@host:587", id="send-relay", compact=True
                )
                yield Input(password=True, placeholder="password", id="send-password", compact=True)
            yield TickBox(
                "Remember this relay (your settings; never the password)", False, id="send-remember"
            )
            yield TickBox(
                "Send through Microsoft Graph (sign in first: summit login microsoft)",
                False,
                id="send-graph",
            )
            yield Static("", id="send-result")
            with Horizontal(id="send-buttons"):
                yield Button("Close", variant="primary", id="send-close", compact=True)
                yield Button("Fetch replies", id="send-fetch", compact=True)
                yield Button("Send…", id="send-run", disabled=True, compact=True)

    def on_mount(self) -> None:
        # The relay is what is typed first; enter there does nothing, so it never sends.
        self.query_one("#send-relay", Input).focus()
        self._show_replies()
        self.plan()

    @staticmethod
    def _relay() -> str:
        try:
            return server_url("smtp", None)
        except SettingsError:
            return ""

    def _show_replies(self) -> None:
        workspace = self.session.workspace
        summit = workspace.summits[self.summit_id]
        self.query_one("#send-replies", Static).update(replies_text(summit, workspace.register))

    def _result(self, text: str) -> None:
        self.query_one("#send-result", Static).update(text)

    # Its own group: planning again once a send is done must not cancel that send's worker.
    @work(thread=True, exclusive=True, group="send-plan")
    def plan(self) -> None:
        workspace = self.session.workspace
        if workspace.dirty_files():
            message = "[b $text-warning]Save first (ctrl+s):[/] the outbox is what is saved."
            self.app.call_from_thread(self._planned, None, message)
            return
        try:
            box = self._plan()(workspace.dataset, self.summit_id)
        except (DataError, outbox.Unsendable) as error:
            self.app.call_from_thread(
                self._planned, None, f"[b $text-error]{escape(str(error))}[/]"
            )
            return
        self.app.call_from_thread(self._planned, box, outbox_text(box))

    def _plan(self) -> "Callable[[Dataset, str], outbox.Outbox]":
        if not self.reminding:
            return outbox.plan_outbox
        from summit.delivery.reminders import plan_reminders  # noqa: PLC0415

        return plan_reminders

    def _planned(self, box: outbox.Outbox | None, text: str) -> None:
        self.box = box
        self.query_one("#send-outbox", Static).update(text)
        sendable = box is not None and box.refusal is None and bool(box.letters)
        self.query_one("#send-run", Button).disabled = not sendable

    @on(Button.Pressed, "#send-close")
    def _close(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#send-run")
    def _confirm(self) -> None:
        box = self.box
        if box is None:
            return
        count = counted(len(box.letters), "message", "messages")
        count = f"{count} reminding who has not answered" * self.reminding or count
        organisations = len({letter.organisation_id for letter in box.letters})
        to = counted(organisations, "organisation")
        question = f"Send {count} now, to {to}, through {self._relay_shown()}?"

        def answered(answer: str | None) -> None:
            if answer == "send":
                self._send()

        # The safe answer first: it has the focus.
        answers = [("keep", "Not now"), ("send", "Send")]
        self.app.push_screen(ConfirmScreen("Send invitations", question, answers), answered)

    async def action_save(self) -> None:
        await self.app.run_action("app.save")
        self.plan()

    def _relay_shown(self) -> str:
        return self.query_one("#send-relay", Input).value or "(no relay set)"

    def _password(self, username: str | None) -> str | None:
        typed = self.query_one("#send-password", Input).value
        if username is None:
            return None
        if typed or os.environ.get("SUMMIT_SMTP_PASSWORD") is not None:
            return typed or password_for("smtp", username, None)
        raise SettingsError(f"type the password for {username} (summit never stores it)")

    def _send(self) -> None:
        from summit.delivery.xoauth2 import wants_token  # noqa: PLC0415

        url = self.query_one("#send-relay", Input).value.strip()
        if self.query_one("#send-graph", Checkbox).value:  # no relay: Graph signs in itself
            self.query_one("#send-run", Button).disabled = True
            self._result("Sending through Microsoft Graph…")
            self.send(None, None)
            return
        try:
            server = parse_mail_url(url, ("smtp", "smtps"))
            password = None if wants_token(server) else self._password(server.username)
        except SettingsError as error:
            self._result(f"[b $text-error]{escape(str(error))}[/]")
            return
        if self.query_one("#send-remember", Checkbox).value:
            save_preference("smtp_url", url)
        self.query_one("#send-run", Button).disabled = True
        self._result("Sending…")
        self.send(server, password)

    @work(thread=True, exclusive=True, group="send")
    def send(self, server: object, password: str | None, offline: bool = False) -> None:
        """Send as a team action (summit.delivery.team), as `summit send --yes` does."""
        from summit.delivery.graph import GraphSender  # noqa: PLC0415
        from summit.delivery.smtp import RelayFailed, SmtpRelay  # noqa: PLC0415
        from summit.delivery.team import TeamError, TeamUnreachable, send_as_team  # noqa: PLC0415

        dataset = self.session.workspace.dataset
        try:
            result = send_as_team(
                dataset,
                self.summit_id,
                GraphSender if server is None else lambda: SmtpRelay(server, password),  # type: ignore[arg-type]
                offline=offline,
                plan=self._plan(),
            )
        except TeamUnreachable as error:
            self.app.call_from_thread(self._offer_offline, str(error), server, password)
            return
        except (TeamError, RelayFailed) as error:
            self.app.call_from_thread(
                self._result, f"[b $text-error]Nothing was sent:[/] {escape(str(error))}"
            )
            return
        except (DataError, ConflictError, OSError, outbox.Unsendable) as error:
            self.app.call_from_thread(self._result, f"[b $text-error]{escape(str(error))}[/]")
            return
        self.app.call_from_thread(self._team_sent, result)

    def _offer_offline(self, reason: str, server: object, password: str | None) -> None:
        self._result(f"[b $text-error]Nothing was sent:[/] {escape(reason)}")

        def answered(answer: str | None) -> None:
            if answer == "offline":
                self._result("Sending offline…")
                self.send(server, password, offline=True)

        question = (
            "The team's remote cannot be reached, so a colleague's send cannot be seen. "
            "Send anyway from this copy? (Sync as soon as the remote is back.)"
        )
        answers = [("keep", "Not now"), ("offline", "Send offline")]
        self.app.push_screen(ConfirmScreen("Send offline", question, answers), answered)

    def _team_sent(self, result: "TeamSent") -> None:
        if result.came_in:
            self.session.reload()  # colleagues' changes came in: nothing unsaved is lost
        lines = [f"Merged from the team: {escape(subject)}" for subject in result.came_in]
        if result.seen:
            names = escape(", ".join(result.seen))
            lines.append(f"A colleague's send came in: {names} already sent; not sent again.")
        lines += [f"[$text-warning]Left to a colleague:[/] {escape(h)}" for h in result.held]
        if result.report is None:
            box = result.outbox
            refusal = box.refusal if box is not None else None
            lines.append(f"Not sent: {escape(refusal)}" if refusal else "Nothing to send.")
            self._result("\n".join(lines))
            self.plan()
            return
        self._sent(result.report, result.record_error, lines, result.notes)

    def _sent(
        self,
        report: outbox.SendReport,
        record_error: str | None,
        lines: list[str],
        notes: list[str],
    ) -> None:
        saved = self.session.workspace.dataset.summits[self.summit_id].record
        self.session.workspace.set_summit(self.summit_id, saved, undoable=False)
        self.session.changed()
        lines.append(f"{counted(len(report.sent), 'message', 'messages')} sent and recorded.")
        for org_id, refused in report.refused_recipients.items():
            lines += [
                f"[$text-warning]{escape(org_id)}: refused {escape(who)}[/] ({escape(why)})"
                for who, why in refused.items()
            ]
        lines += [
            f"[b $text-error]Not sent:[/] {escape(f.letter.organisation)}: {escape(f.reason)}"
            for f in report.failed
        ]
        if report.stopped:
            names = ", ".join(letter.organisation for letter in report.not_sent)
            lines.append(
                f"[b $text-error]The relay failed:[/] {escape(report.stopped)}; "
                f"not sent: {escape(names)}"
            )
        if record_error:
            lines.append(
                f"[b $text-error]The record could not be written:[/] {escape(record_error)}"
            )
        if not report.complete or record_error:
            lines.append("Send again to send the rest (nothing goes twice).")
        lines += [escape(note) for note in notes]
        self._result("\n".join(lines))
        self.plan()

    @on(Button.Pressed, "#send-fetch")
    def _fetch(self) -> None:
        if self.session.workspace.dirty_files():
            self._result(
                "[b $text-warning]Save first (ctrl+s):[/] replies are recorded in the files."
            )
            return
        self._result("Fetching replies…")
        self.fetch(self.query_one("#send-password", Input).value)

    @work(thread=True, exclusive=True, group="send")
    def fetch(self, typed: str) -> None:
        from summit.delivery.imap import ImapMailbox, MailboxFailed  # noqa: PLC0415
        from summit.delivery.mailbox import fetch_replies  # noqa: PLC0415

        try:
            server = parse_mail_url(server_url("imap", None), ("imap", "imaps"))
            password = typed or (
                password_for("imap", server.username, None) if server.username else None
            )
            with ImapMailbox(server, password) as mailbox:
                fetched = fetch_replies(self.session.workspace.dataset, mailbox, mailbox.folder)
        except (SettingsError, MailboxFailed, DataError, ConflictError, OSError) as error:
            self.app.call_from_thread(self._result, f"[b $text-error]{escape(str(error))}[/]")
            return
        self.app.call_from_thread(self._fetched, fetched)

    def _fetched(self, fetched: "object") -> None:
        from summit.delivery.mailbox import Fetched  # noqa: PLC0415

        assert isinstance(fetched, Fetched)
        dataset = self.session.workspace.dataset
        for change in fetched.result.changed:
            saved = dataset.summits[change.summit_id].record
            self.session.workspace.set_summit(change.summit_id, saved, undoable=False)
        self.session.changed()
        recorded = counted(len(fetched.result.changed), "reply", "replies")
        lines = [f"{recorded} recorded."]
        lines += [
            f"[b $text-error]Refused:[/] {escape(p.message)}"
            for p in [*fetched.refused, *fetched.result.problems]
        ]
        self._result("\n".join(lines))
        self._show_replies()
