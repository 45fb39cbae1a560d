"""The invitee register: organisations and their delegates side by side.

A register may hold thousands of organisations, so rows are added to the table
a page at a time as the cursor nears the end, and filtering works on the data,
not on the table (summit.tui.widgets.organisations). The forms and removals are
in summit.tui.screens.register_editing.
"""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Label

from summit.model import Invitation, Organisation, Rsvp
from summit.tui.screens.register_editing import RegisterEditing
from summit.tui.session import Session
from summit.tui.text import escape
from summit.tui.widgets.footer import SteadyFooter
from summit.tui.widgets.organisations import PAGE, OrganisationsTable, first_match, matches_filter
from summit.tui.widgets.tables import RowDetail, cell, selected_key

__all__ = ["PAGE", "RegisterScreen"]  # PAGE: the tests page through a long register


class RegisterScreen(RegisterEditing):
    CSS_PATH = "register.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="register.back"),
        Binding("slash", "focus_filter", "Filter", id="register.filter"),
        Binding("o", "add_organisation", "Add organisation", id="register.add_org"),
        Binding("d", "add_delegate", "Add delegate", id="register.add_delegate"),
        Binding("e", "edit", "Edit", id="register.edit"),
        Binding("x", "remove", "Remove", id="register.remove"),
        Binding("space", "toggle_invite", "Invite/uninvite", id="register.invite"),
        # Without a summit the key only says where to invite from: not offered in the footer.
        Binding(
            "space", "invite_needs_summit", "Invite/uninvite", show=False, id="register.invite_how"
        ),
    ]

    def __init__(self, session: Session, summit_id: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        self.matches: list[str] = []
        self.loaded = 0
        self._delegates_of: str | None = None
        """The organisation whose delegates the right-hand table lists."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Opened from the summits list there is no summit to invite to: the footer
        # hides space; the hidden binding says why when it is pressed all the same.
        if action == "toggle_invite":
            return self.summit_id is not None
        if action == "invite_needs_summit":
            return self.summit_id is None
        return True

    def action_invite_needs_summit(self) -> None:
        self.notify("Open the register from a summit (F2 there) to invite people")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter organisations and delegates (/)", id="filter")
        with Horizontal():
            with Vertical(id="organisations-side"):
                yield Label("Organisations", classes="side-title")
                yield OrganisationsTable(
                    self.load_rest, id="organisations", cursor_type="row", zebra_stripes=True
                )
            with Vertical(id="delegates-side"):
                yield Label("Delegates", id="delegates-title", classes="side-title")
                yield DataTable(id="delegates", cursor_type="row", zebra_stripes=True)
        yield RowDetail(id="register-detail")
        yield SteadyFooter()

    def on_mount(self) -> None:
        organisations = self.query_one("#organisations", DataTable)
        for label, width in (("Organisation", 28), ("Sector", 15), ("People", 6)):
            organisations.add_column(label, key=label.lower(), width=width)
        delegates = self.query_one("#delegates", DataTable)
        columns = [("Invited", 7)] if self.summit_id else []
        columns += [("Name", 20), ("Job title", 28), ("E-mail", 36)]
        for label, width in columns:
            delegates.add_column(label, key=label.lower(), width=width)
        self.title = f"inviting to {self.summit_id}" if self.summit_id else "register"
        self.apply_filter("")
        organisations.focus()

    def refresh_from_workspace(self) -> None:
        """Redraw after the working register changed elsewhere (an undo, a merge)."""
        self.apply_filter(self.query_one("#filter", Input).value, keep=self.selected_organisation())

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # New words may find another person in the same organisation: pick afresh.
        self._delegates_of = None
        self.apply_filter(event.value)

    def apply_filter(self, text: str, keep: str | None = None) -> None:
        words = text.lower().split()
        self.matches = [
            org_id
            for org_id, organisation in self.register.organisations.items()
            if not words or matches_filter(org_id, organisation, words)
        ]
        table = self.query_one("#organisations", DataTable)
        table.clear()
        self.loaded = 0
        target = self.matches.index(keep) if keep in self.matches else 0
        while self.loaded <= target and self.loaded < len(self.matches):
            self.load_page()
        if table.row_count:
            table.move_cursor(row=target)
        self.show_delegates()

    def load_page(self) -> None:
        table = self.query_one("#organisations", DataTable)
        for org_id in self.matches[self.loaded : self.loaded + PAGE]:
            organisation = self.register.organisations[org_id]
            table.add_row(
                cell(organisation.name),
                str(organisation.sector),
                str(len(organisation.delegates)),
                key=org_id,
            )
        self.loaded = min(len(self.matches), self.loaded + PAGE)

    def load_rest(self) -> None:
        """Every page not yet in the table (for ctrl+end: the real last organisation)."""
        while self.loaded < len(self.matches):
            self.load_page()

    def selected_organisation(self) -> str | None:
        return selected_key(self.query_one("#organisations", DataTable))

    def selected_delegate(self) -> str | None:
        return selected_key(self.query_one("#delegates", DataTable))

    @on(DataTable.RowHighlighted, "#organisations")
    def _organisation_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.loaded - 10 and self.loaded < len(self.matches):
            self.load_page()
        self.show_delegates()

    def _invited(self) -> set[str]:
        if self.summit_id is None:
            return set()
        summit = self.session.workspace.summits[self.summit_id]
        return {d for invitation in summit.invitations.values() for d in invitation.rsvp}

    def show_delegates(self, keep: str | None = None) -> None:
        table = self.query_one("#delegates", DataTable)
        org_id = self.selected_organisation()
        if keep is None and org_id == self._delegates_of:
            # The same organisation shown again (after an edit redraws the tables):
            # the cursor stays on the same person.
            keep = self.selected_delegate()
        self._delegates_of = org_id
        table.clear()
        title = self.query_one("#delegates-title", Label)
        if org_id is None:
            title.update("Delegates")
            self._show_detail()
            return
        organisation = self.register.organisations[org_id]
        if keep is None:
            words = self.query_one("#filter", Input).value.lower().split()
            keep = first_match(org_id, organisation, words) if words else None
        title.update(f"Delegates of {escape(organisation.name)}")
        invited = self._invited()
        for delegate_id, person in organisation.delegates.items():
            flag = ["yes" if delegate_id in invited else ""] if self.summit_id else []
            cells = (person.name, person.job_title, person.email)
            table.add_row(*flag, *map(cell, cells), key=delegate_id)
        if keep in organisation.delegates:
            table.move_cursor(row=list(organisation.delegates).index(keep))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#delegates")
    def _show_detail(self) -> None:
        """The organisation and delegate under the cursors in full: the columns cut them."""
        detail = self.query_one("#register-detail", RowDetail)
        org_id = self.selected_organisation()
        organisation = self.register.organisations.get(org_id) if org_id else None
        if organisation is None:
            detail.show("")
            return
        lines = [
            " · ".join(
                filter(None, [organisation.name, str(organisation.sector), organisation.website])
            )
        ]
        person = organisation.delegates.get(self.selected_delegate() or "")
        if person is not None:
            lines.append(
                " · ".join(
                    filter(None, [person.name, person.job_title, person.email, person.phone])
                )
            )
        detail.show("\n".join(lines))

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def _focused_table(self) -> str:
        focused = self.focused
        return "delegates" if focused is not None and focused.id == "delegates" else "organisations"

    def _commit(
        self,
        org_id: str,
        organisation: Organisation | None,
        keep_delegate: str | None = None,
    ) -> bool:
        """Adopt one organisation added, edited or (None) removed, unless it breaks a reference."""
        errors = self.session.workspace.set_organisation(org_id, organisation)
        if errors:
            shown = "; ".join(f.message for f in errors[:3])
            self.notify(f"Not changed: {shown}", severity="error", timeout=10, markup=False)
            return False
        self.session.changed()
        keep_org = org_id if organisation is not None else None
        self.apply_filter(self.query_one("#filter", Input).value, keep=keep_org)
        self.show_delegates(keep=keep_delegate)
        return True

    def action_toggle_invite(self) -> None:
        org_id = self.selected_organisation()
        if self.summit_id is None:  # the palette too offers the action
            self.action_invite_needs_summit()
            return
        if org_id is None:
            return
        summit = self.session.workspace.summits[self.summit_id]
        delegate_id = None
        if self._focused_table() == "delegates":
            delegate_id = self.selected_delegate()
            if delegate_id is None:
                return
            invitation = summit.invitations.get(org_id)
            invited = invitation is not None and delegate_id in invitation.rsvp
        else:
            invited = org_id in summit.invitations
        if not invited:
            self._set_invited(org_id, delegate_id, invite=True)
            return
        from summit.model.uninvite import uninviting_loses  # noqa: PLC0415
        from summit.tui.uninvite import uninvite_after_asking  # noqa: PLC0415

        loss = uninviting_loses(summit, self.register, org_id, delegate_id)
        uninvite_after_asking(
            self.app, loss, lambda: self._set_invited(org_id, delegate_id, invite=False)
        )

    def _set_invited(self, org_id: str, delegate_id: str | None, *, invite: bool) -> None:
        """Invite or uninvite one delegate, or (None) the whole organisation."""
        assert self.summit_id is not None
        workspace = self.session.workspace
        summit = workspace.summits[self.summit_id].model_copy(deep=True)
        if delegate_id is not None:
            invitation = summit.invitations.setdefault(org_id, Invitation())
            if invite:
                invitation.rsvp[delegate_id] = Rsvp.NEEDS_ACTION
            else:
                invitation.uninvite(delegate_id)
        elif invite:
            delegates = self.register.organisations[org_id].delegates
            summit.invitations[org_id] = Invitation(
                rsvp=dict.fromkeys(delegates, Rsvp.NEEDS_ACTION)
            )
        else:
            del summit.invitations[org_id]
        workspace.set_summit(self.summit_id, summit)
        self.session.changed()
        self.show_delegates(keep=self.selected_delegate())
