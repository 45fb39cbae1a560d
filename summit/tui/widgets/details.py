"""The summit's particulars and its warnings; edited through a form."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from summit.model import Severity, Summit, SummitStatus
from summit.tui import forms
from summit.tui.cancelling import CANCELLED_HOW_TO_TELL, ask_to_cancel, refuse_cancelling
from summit.tui.screens.form import FormResult, FormScreen
from summit.tui.text import escape
from summit.tui.widgets.summit_part import SummitPart


class DetailsPart(SummitPart):
    BINDINGS = [Binding("e", "edit", "Edit details", id="details.edit")]
    can_focus = True

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="details")
            yield Static("", id="findings")

    def on_focus(self) -> None:
        # The particulars scroll: with the focus there, arrow and page keys reach
        # the warnings below them in a small terminal; `e` still reaches this part.
        self.query_one(VerticalScroll).focus()

    def refresh_part(self) -> None:
        summit, register = self.summit, self.register
        rows = [
            ("Title", summit.title),
            ("Convener", register.describe(summit.convener)),
            ("Organiser", register.describe(summit.organiser)),
            ("Start", f"{summit.start:%A %d %B %Y %H:%M} ({summit.timezone})"),
            ("Planned end", f"{summit.end:%H:%M}" if summit.end else "not set"),
            ("Reply by", f"{summit.reply_by:%A %d %B %Y}" if summit.reply_by else "not set"),
            ("Venue", summit.venue),
            ("Status", str(summit.status)),
            ("Classification", str(summit.classification)),
            (
                "Invite",
                f"UID {summit.invite.uid}, SEQUENCE {summit.invite.sequence}"
                if summit.invite
                else "not sent yet",
            ),
            ("Purpose", summit.purpose or ""),
            ("Follows", summit.follows or "no earlier summit"),
        ]
        text = "\n".join(f"[b]{label}:[/b] {escape(value)}" for label, value in rows)
        self.query_one("#details", Static).update(text)
        self.query_one("#findings", Static).update(self._findings())

    def _findings(self) -> str:
        # This summit's own checks: as the whole dataset's say, without checking every summit.
        findings = self.session.workspace.summit_findings(self.summit_id)
        if not findings:
            return "[green]No problems found.[/]"
        lines = []
        for finding in findings:
            style = "$text-error" if finding.severity is Severity.ERROR else "$text-warning"
            lines.append(f"[{style}]{finding.severity}: {escape(finding.message)}[/]")
        return "\n".join(lines)

    def _others(self) -> list[str]:
        return [s for s in self.session.workspace.summits if s != self.summit_id]

    def action_edit(self) -> None:
        register = self.register
        form = FormScreen(
            "Summit details",
            Summit,
            forms.summit_fields(register, new=False, summits=self._others()),
            self.summit.to_data(),
            forms.summit_check(register, self._others(), own=self.summit_id),
        )

        def done(result: FormResult[Summit] | None) -> None:
            if result is not None:
                self._adopt(result.record)

        self.app.push_screen(form, done)

    def _adopt(self, summit: Summit) -> None:
        """Take the form's summit; a newly chosen "cancelled" is asked first, as ctrl+x asks."""
        before = self.summit.status
        if summit.status != SummitStatus.CANCELLED or before == SummitStatus.CANCELLED:
            self.commit(summit)
            return
        as_it_was = summit.model_copy(update={"status": before})
        if refuse_cancelling(self.app, self.summit_id, as_it_was, self.session.today):
            self.commit(as_it_was)  # the form's other edits are kept
            return

        def answered(yes: bool) -> None:
            if not yes:
                summit.status = before  # the other edits are kept
                self.commit(summit)
                return
            self.commit(summit)
            self.app.call_later(self.app.run_action, "app.save")
            self.notify(CANCELLED_HOW_TO_TELL)

        ask_to_cancel(self.app, summit.title, answered)
