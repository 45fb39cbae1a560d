"""Who is invited to the summit, and their replies: invite, uninvite, record replies."""

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from summit.model import Attendance, Rsvp
from summit.model.invitee_edits import invite, uninvite
from summit.model.people import Found
from summit.model.replies import awaiting_new_answer, earlier_answer, reply_note
from summit.model.timing import attendance_refused, reply_refused
from summit.model.uninvite import uninviting_loses
from summit.model.wording import counted
from summit.tui.screens.choice import ChoiceScreen
from summit.tui.text import escape
from summit.tui.uninvite import uninvite_after_asking
from summit.tui.widgets.picker import Choice, PickerScreen, person_label
from summit.tui.widgets.summit_part import SummitChanged, SummitPart
from summit.tui.widgets.tables import PagedTable, RowDetail, selected_key

_STYLE = {
    "accepted": "green",
    "declined": "red",
    "tentative": "yellow",
    "delegated": "cyan",
    "needs-action": "dim",
}

_CAME = {None: "", True: "yes", False: "no"}
# `a` goes round: not recorded, came, did not come, not recorded again.
_NEXT_ATTENDED: dict[bool | None, bool | None] = {None: True, True: False, False: None}


class InviteesPart(SummitPart):
    BINDINGS = [
        Binding("r", "reply", "Set reply", id="invitees.reply"),
        Binding("i", "invite", "Invite", id="invitees.invite"),
        Binding("x", "uninvite", "Uninvite", id="invitees.uninvite"),
        Binding("o", "attendance", "Optional", id="invitees.attendance"),
        Binding("m", "import_replies", "Import replies", id="invitees.import"),
        Binding("a", "attended", "Attended", id="invitees.attended"),
        Binding("R", "screen.remind", "Remind", id="invitees.remind"),
    ]

    def compose(self) -> ComposeResult:
        table = PagedTable(id="invitees", cursor_type="row", zebra_stripes=True)
        for label, width in (
            ("Organisation", 26),
            ("Delegate", 18),
            ("Reply", 13),  # "was tentative": an answer to an earlier time
            ("Job title", 30),
            ("Came", 4),  # after the day: attended, whatever the reply said
        ):
            table.add_column(label, key=label.lower(), width=width)
        yield table
        yield RowDetail(id="invitees-detail")
        yield Static("", id="invitees-summary")

    def refresh_part(self) -> None:
        keys = self._row_keys()
        self.query_one("#invitees", PagedTable).fill(keys, self._cells(keys))
        counts = self.summit.rsvp_counts()
        summary = ", ".join(f"{count} {reply}" for reply, count in counts.items() if count)
        summary = (summary or "Nobody is invited yet") + self._awaiting()
        self.query_one("#invitees-summary", Static).update(summary)
        self._show_detail()  # the row under the cursor may be another one now

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

    def _row_keys(self) -> list[str]:
        """Every row's key, `org/delegate` (`org/` for an organisation nobody of is invited)."""
        keys = []
        for org_id, invitation in self.summit.invitations.items():
            if not invitation.rsvp:
                keys.append(f"{org_id}/")
            keys.extend(f"{org_id}/{delegate_id}" for delegate_id in invitation.rsvp)
        return keys

    def _cells(self, keys: list[str]) -> Callable[[int], Sequence[str | Text]]:
        """What row `index` shows; made only when the table adds the row."""
        summit, register = self.summit, self.register

        def cells(index: int) -> Sequence[str | Text]:
            org_id, _, delegate_id = keys[index].partition("/")
            invitation = summit.invitations[org_id]
            organisation = register.organisations.get(org_id)
            first = index == 0 or not keys[index - 1].startswith(f"{org_id}/")
            name = ""  # the organisation is named on its first row only
            if first:
                name = organisation.name if organisation else f"{org_id} (not in the register)"
                if invitation.attendance is Attendance.OPTIONAL:
                    name += " (optional)"
            if not delegate_id:
                return (name, "(nobody yet)", "", "", "")
            reply = invitation.rsvp[delegate_id]
            person = organisation.delegates.get(delegate_id) if organisation else None
            earlier = earlier_answer(summit, org_id, delegate_id)
            shown = Text.from_markup(
                f"[{_STYLE[str(reply)]}]{reply}[/]"
                if earlier is None
                else f"[i {_STYLE['needs-action']}]was {earlier.reply}[/]",
                end="",
            )
            came = _CAME[invitation.attended.get(delegate_id)]
            if person is None:
                return (name, delegate_id, shown, "", came)
            return (name, person.name, shown, person.job_title, came)

        return cells

    @on(DataTable.RowHighlighted, "#invitees")
    def _show_detail(self) -> None:
        """The highlighted invitee in full, wrapped: organisation, name, job, e-mail, reply."""
        selected = self._selected()
        detail = self.query_one("#invitees-detail", RowDetail)
        invitation = self.summit.invitations.get(selected[0]) if selected else None
        if selected is None or invitation is None:
            detail.show("")
            return
        org_id, delegate_id = selected
        organisation = self.register.organisations.get(org_id)
        lines = [organisation.name if organisation else f"{org_id} (not in the register)"]
        person = organisation.delegates.get(delegate_id) if organisation else None
        reply = invitation.rsvp.get(delegate_id)
        if person is not None:
            lines.append(f"{person.name} · {person.job_title} · {person.email}")
        elif delegate_id:
            lines.append(f"{delegate_id} (not in the register)")
        if reply is not None:
            lines[-1] += f" · {reply}"
            note = reply_note(invitation, delegate_id)
            if note:
                lines.append(f"{reply} {note}")
        came = invitation.attended.get(delegate_id)
        if came is not None:
            lines[-1] += " · attended" if came else " · did not attend"
        detail.show("\n".join(lines))

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
        refused = reply_refused(self.summit_id, self.summit)  # as `summit reply` refuses it
        if refused is not None:
            self.notify(f"Not recorded: {escape(refused)}", severity="error")
            return
        org_id, delegate_id = selected
        current = self.summit.invitations[org_id].rsvp[delegate_id]

        def chosen(reply: str | None) -> None:
            if reply is not None:
                summit = self.editable()
                summit.invitations[org_id].rsvp[delegate_id] = Rsvp(reply)
                self.commit(summit)

        organisation = self.register.organisations.get(org_id)
        person = organisation.delegates.get(delegate_id) if organisation else None
        name = person.name if person else delegate_id
        title = f"Reply for {escape(name)}, {escape(organisation.name if organisation else org_id)}"
        self.app.push_screen(ChoiceScreen(title, [str(r) for r in Rsvp], str(current)), chosen)

    def _invitable(self) -> list[Choice]:
        """Organisations not wholly invited, and each delegate not yet invited, by name."""
        invited = {d for i in self.summit.invitations.values() for d in i.rsvp}
        choices: list[Choice] = []
        for org_id, organisation in self.register.organisations.items():
            left = [d for d in organisation.delegates if d not in invited]
            if len(left) > 1:
                everyone = f"{organisation.name} (organisation: its {len(left)} delegates)"
                choices.append((everyone, f"{org_id}/"))
            choices.extend(
                (person_label(person.name, organisation.name, person.job_title), f"{org_id}/{d}")
                for d, person in organisation.delegates.items()
                if d not in invited
            )
        return choices

    def action_invite(self) -> None:
        def picked(key: str | None) -> None:
            if key is None:
                return
            org_id, _, delegate_id = key.partition("/")
            self.commit(invite(self.summit, self.register, Found(org_id, delegate_id or None)))

        hint = "Type part of a name, organisation, job title or id."
        screen = PickerScreen("Invite", self._invitable(), "delegate or organisation", hint)
        self.app.push_screen(screen, picked)

    def action_uninvite(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        org_id, delegate_id = selected
        loss = uninviting_loses(self.summit, self.register, org_id, delegate_id or None)
        uninvite_after_asking(self.app, loss, lambda: self._uninvite(org_id, delegate_id))

    def _uninvite(self, org_id: str, delegate_id: str) -> None:
        """Uninvite a delegate, or ("") the organisation; it goes when nobody of it is left."""
        self.commit(uninvite(self.summit, Found(org_id, delegate_id or None)))

    def action_attendance(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        summit = self.editable()
        invitation = summit.invitations[selected[0]]
        optional = invitation.attendance is Attendance.OPTIONAL
        invitation.attendance = Attendance.REQUIRED if optional else Attendance.OPTIONAL
        self.commit(summit)

    def action_attended(self) -> None:
        selected = self._selected()
        if selected is None or not selected[1]:
            return
        org_id, delegate_id = selected
        recorded = delegate_id in self.summit.invitations[org_id].attended
        now = _NEXT_ATTENDED[self.summit.invitations[org_id].attended.get(delegate_id)]
        refused = attendance_refused(self.summit_id, self.summit, self.session.today)
        if now is not None and refused is not None:
            if not recorded:
                self.notify(f"Not recorded: {escape(refused)}", severity="error")
                return
            now = None  # what was recorded too early is forgotten, never changed
        summit = self.editable()
        attended = summit.invitations[org_id].attended
        if now is None:
            attended.pop(delegate_id, None)
        else:
            attended[delegate_id] = now
        self.commit(summit)

    def action_import_replies(self) -> None:
        from summit.tui.screens.files import ReplyFilesScreen  # noqa: PLC0415

        start = self.session.reply_folder or Path.cwd()
        self.app.push_screen(ReplyFilesScreen(start), self._import)

    def _import(self, chosen: list[Path] | None) -> None:
        if not chosen:
            return
        self.session.reply_folder = chosen[0] if chosen[0].is_dir() else chosen[0].parent
        from summit.delivery.mailbox import (  # noqa: PLC0415
            check_senders,
            gather_replies,
            is_maildir,
        )
        from summit.tui.screens.files import reply_files  # noqa: PLC0415

        # A Maildir folder is read as a mailbox; any other folder for its reply files.
        maildirs = [path for path in chosen if is_maildir(path)]
        files = reply_files(path for path in chosen if path not in maildirs) + maildirs
        if not files:
            where = ", ".join(escape(str(path)) for path in chosen)
            self.notify(f"No .ics or .eml reply files in {where}", severity="warning")
            return
        from summit.workflows.invitations import collect_replies  # noqa: PLC0415 - loads icalendar

        found = gather_replies(files)
        workspace = self.session.workspace
        check_senders(found, workspace.register)
        result, updated = collect_replies(
            workspace.summits, workspace.register, found.files, found.read, found.dated
        )
        result.problems[:0] = found.problems
        if result.problems:
            # One refused file never holds up the others: they are recorded below.
            lines = "\n".join(escape(p.format()) for p in result.problems)
            self.notify(f"Refused, not recorded:\n{lines}", severity="error", timeout=15)
        for summit_id, summit in updated.items():
            workspace.set_summit(summit_id, summit)
        if updated:
            self.session.changed()
            self.post_message(SummitChanged())
        recorded = f"{counted(len(result.changed), 'reply', 'replies')} recorded"
        save = ": save with ctrl+s" if updated else ""
        # Say why a reply was not recorded (stale, cancelled summit), not just how many.
        why = "".join(f"\nnot recorded: {escape(note)}" for note in result.ignored[:5])
        why += "".join(f"\n{escape(note)}" for note in result.notes[:3])
        more = f"\n…and {len(result.ignored) - 5} more" if len(result.ignored) > 5 else ""
        self.notify(f"{recorded}{save}{why}{more}", timeout=10 if why else 5)
