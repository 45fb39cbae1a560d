"""Who is invited to the summit, and their replies: invite, uninvite, record replies."""

from collections.abc import Iterator
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from summit.model import Attendance, Invitation, Rsvp
from summit.model.replies import awaiting_new_answer, earlier_answer
from summit.model.wording import counted
from summit.tui.screens.choice import ChoiceScreen, PathScreen, PickScreen
from summit.tui.text import escape
from summit.tui.widgets.summit_part import SummitChanged, SummitPart
from summit.tui.widgets.tables import Row, refill, selected_key

_STYLE = {
    "accepted": "green",
    "declined": "red",
    "tentative": "yellow",
    "delegated": "cyan",
    "needs-action": "dim",
}


class InviteesPart(SummitPart):
    BINDINGS = [
        Binding("r", "reply", "Set reply", id="invitees.reply"),
        Binding("i", "invite", "Invite", id="invitees.invite"),
        Binding("x", "uninvite", "Uninvite", id="invitees.uninvite"),
        Binding("o", "attendance", "Optional/required", id="invitees.attendance"),
        Binding("m", "import_replies", "Import replies", id="invitees.import"),
    ]

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(id="invitees", cursor_type="row", zebra_stripes=True)
        for label, width in (
            ("Organisation", 26),
            ("Delegate", 18),
            ("Reply", 13),  # "was tentative": an answer to an earlier time
            ("Job title", 30),
        ):
            table.add_column(label, key=label.lower(), width=width)
        yield table
        yield Static("", id="invitees-summary")

    def on_mount(self) -> None:
        self.refresh_part()

    def refresh_part(self) -> None:
        refill(self.query_one("#invitees", DataTable), self._rows())
        counts = self.summit.rsvp_counts()
        summary = ", ".join(f"{count} {reply}" for reply, count in counts.items() if count)
        summary = (summary or "Nobody is invited yet") + self._awaiting()
        self.query_one("#invitees-summary", Static).update(summary)

    def _awaiting(self) -> str:
        """Who answered an earlier time or place but not the one now issued."""
        people = []
        for _, delegate_id, record in awaiting_new_answer(self.summit):
            person = self.register.delegate(delegate_id)
            when = f" {record.stamp.day} {record.stamp:%b}" if record.stamp else ""
            name = escape(person.name if person else delegate_id)
            people.append(f"{name} ({record.reply}{when})")
        if not people:
            return ""
        return f"\n[b]{len(people)} not yet answered the new time[/], only an earlier one: " + (
            ", ".join(people)
        )

    def _rows(self) -> Iterator[Row]:
        for org_id, invitation in self.summit.invitations.items():
            organisation = self.register.organisations.get(org_id)
            name = organisation.name if organisation else f"{org_id} (not in the register)"
            if invitation.attendance is Attendance.OPTIONAL:
                name += " (optional)"
            if not invitation.rsvp:
                yield f"{org_id}/", (name, "(nobody yet)", "", "")
            for delegate_id, reply in invitation.rsvp.items():
                person = organisation.delegates.get(delegate_id) if organisation else None
                earlier = earlier_answer(self.summit, org_id, delegate_id)
                shown = Text.from_markup(
                    f"[{_STYLE[str(reply)]}]{reply}[/]"
                    if earlier is None
                    else f"[i {_STYLE['needs-action']}]was {earlier.reply}[/]",
                    end="",
                )
                if person is None:
                    yield f"{org_id}/{delegate_id}", (name, delegate_id, shown, "")
                else:
                    yield f"{org_id}/{delegate_id}", (name, person.name, shown, person.job_title)
                name = ""  # the organisation is named on its first row only

    def _selected(self) -> tuple[str, str] | None:
        key = selected_key(self.query_one("#invitees", DataTable))
        if key is None:
            return None
        org_id, _, delegate_id = key.partition("/")
        return org_id, delegate_id

    @on(DataTable.RowSelected, "#invitees")
    def action_reply(self) -> None:
        selected = self._selected()
        if selected is None or not selected[1]:
            return
        org_id, delegate_id = selected
        current = self.summit.invitations[org_id].rsvp[delegate_id]

        def chosen(reply: str | None) -> None:
            if reply is not None:
                summit = self.editable()
                summit.invitations[org_id].rsvp[delegate_id] = Rsvp(reply)
                self.commit(summit)

        self.app.push_screen(ChoiceScreen("Reply", [str(r) for r in Rsvp], str(current)), chosen)

    def action_invite(self) -> None:
        invited = {d for i in self.summit.invitations.values() for d in i.rsvp}
        options = [
            (f"{organisation.name}: {person.name}, {person.job_title}", f"{org_id}/{delegate_id}")
            for org_id, organisation in self.register.organisations.items()
            for delegate_id, person in organisation.delegates.items()
            if delegate_id not in invited
        ]

        def picked(key: str | None) -> None:
            if key is not None:
                org_id, _, delegate_id = key.partition("/")
                summit = self.editable()
                invitation = summit.invitations.setdefault(org_id, Invitation())
                invitation.rsvp[delegate_id] = Rsvp.NEEDS_ACTION
                self.commit(summit)

        self.app.push_screen(PickScreen("Invite a delegate", options), picked)

    def action_uninvite(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        org_id, delegate_id = selected
        summit = self.editable()
        invitation = summit.invitations[org_id]
        if delegate_id:
            invitation.uninvite(delegate_id)
        if not delegate_id or not invitation.rsvp:
            del summit.invitations[org_id]
        self.commit(summit)

    def action_attendance(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        summit = self.editable()
        invitation = summit.invitations[selected[0]]
        optional = invitation.attendance is Attendance.OPTIONAL
        invitation.attendance = Attendance.REQUIRED if optional else Attendance.OPTIONAL
        self.commit(summit)

    def action_import_replies(self) -> None:
        hint = (
            "Reply .ics or .eml files, folders holding them, Maildir folders or mbox files, "
            "separated by spaces."
        )
        self.app.push_screen(PathScreen("Import replies", hint), self._import)

    def _import(self, text: str | None) -> None:
        if not text:
            return
        from summit.delivery.mailbox import gather_replies, is_maildir  # noqa: PLC0415
        from summit.invitations import collect_replies  # noqa: PLC0415 - loads icalendar

        paths: list[Path] = []
        for part in text.split():
            path = Path(part).expanduser()
            if path.is_dir() and not is_maildir(path):
                paths.extend(sorted([*path.glob("*.ics"), *path.glob("*.eml")]))
            else:
                paths.append(path)
        found = gather_replies(paths)
        workspace = self.session.workspace
        result, updated = collect_replies(
            workspace.summits, workspace.register, found.files, found.read
        )
        result.problems[:0] = found.problems
        if result.problems:
            lines = "\n".join(escape(p.format()) for p in result.problems)
            self.notify(f"No reply recorded:\n{lines}", severity="error", timeout=15)
            return
        for summit_id, summit in updated.items():
            workspace.set_summit(summit_id, summit)
        if updated:
            self.session.changed()
            self.post_message(SummitChanged())
        recorded = f"{counted(len(result.changed), 'reply', 'replies')} recorded"
        save = ": save with ctrl+s" if updated else ""
        # Say why a reply was not recorded (stale, cancelled summit), not just how many.
        why = "".join(f"\nnot recorded: {escape(note)}" for note in result.ignored[:5])
        more = f"\n…and {len(result.ignored) - 5} more" if len(result.ignored) > 5 else ""
        self.notify(f"{recorded}{save}{why}{more}", timeout=10 if why else 5)
