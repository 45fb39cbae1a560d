"""The invitee register: organisations and their delegates side by side.

A register may hold thousands of organisations, so rows are added to the table
a page at a time as the cursor nears the end, and filtering works on the data,
not on the table.
"""

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label

from summit.model import Delegate, Invitation, Organisation, Register, Rsvp
from summit.model.plain import visible
from summit.model.references import hand_over, led_items, only_leads_and_invitations, refusal
from summit.tui import forms
from summit.tui.screens.form import FormResult, FormScreen
from summit.tui.session import Session
from summit.tui.text import escape
from summit.tui.widgets.footer import SteadyFooter
from summit.tui.widgets.picker import PickerScreen, register_choices
from summit.tui.widgets.tables import RowDetail, cell, selected_key

PAGE = 100


def _own_text(org_id: str, organisation: Organisation) -> str:
    return f"{org_id} {organisation.name} {organisation.sector}".lower()


def _delegate_text(delegate_id: str, delegate: Delegate) -> str:
    return f"{delegate_id} {delegate.name} {delegate.job_title} {delegate.email}".lower()


def _matches(org_id: str, organisation: Organisation, words: list[str]) -> bool:
    haystack = " ".join(
        [
            _own_text(org_id, organisation),
            *(_delegate_text(d_id, d) for d_id, d in organisation.delegates.items()),
        ]
    )
    return all(word in haystack for word in words)


def first_match(org_id: str, organisation: Organisation, words: list[str]) -> str | None:
    """The first delegate the filter found this organisation by, if it was by a person.

    Each word is in the delegate's details or the organisation's own, and at least
    one is the delegate's: words that only name the organisation pick nobody.
    """
    own = _own_text(org_id, organisation)
    for delegate_id, delegate in organisation.delegates.items():
        text = _delegate_text(delegate_id, delegate)
        if any(word in text for word in words) and all(
            word in text or word in own for word in words
        ):
            return delegate_id
    return None


def with_delegates(register: Register, org_id: str, delegates: dict[str, Delegate]) -> Organisation:
    """The organisation with these delegates (a copy: records are never changed in place)."""
    return register.organisations[org_id].model_copy(update={"delegates": delegates})


class PagedTable(DataTable[str | Text]):
    """A table filled a page at a time: ctrl+end first loads the pages not yet there.

    Textual's ctrl+end goes to the last row the table holds, which was row 100,
    200, ... of a long register, not its last organisation.
    """

    def __init__(self, load_rest: Callable[[], None], **options: Any) -> None:
        super().__init__(**options)
        self.load_rest = load_rest

    def action_scroll_bottom(self) -> None:
        self.load_rest()
        super().action_scroll_bottom()


class RegisterScreen(Screen[None]):
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

    @property
    def register(self) -> Register:
        return self.session.workspace.register

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter organisations and delegates (/)", id="filter")
        with Horizontal():
            with Vertical(id="organisations-side"):
                yield Label("Organisations", classes="side-title")
                yield PagedTable(
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
            if not words or _matches(org_id, organisation, words)
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

    def action_add_organisation(self) -> None:
        check = forms.new_id_check(self.register.organisations, "an organisation")
        form = FormScreen(
            "New organisation",
            Organisation,
            forms.organisation_fields(new=True),
            {"sector": "other"},
            check,
        )

        def done(result: FormResult[Organisation] | None) -> None:
            if result is not None:
                self._commit(str(result.values["id"]), result.record)

        self.app.push_screen(form, done)

    def action_add_delegate(self) -> None:
        org_id = self.selected_organisation()
        if org_id is None:
            self.notify("Add an organisation first (o)")
            return
        self._delegate_form(org_id, None)

    def _delegate_form(self, org_id: str, delegate_id: str | None) -> None:
        organisation = self.register.organisations[org_id]
        base: dict[str, object] = {}
        if delegate_id is not None:
            person = organisation.delegates[delegate_id]
            base = {**person.to_data(), **(person.personal.to_data() if person.personal else {})}
        check = (
            forms.new_id_check(self.register.delegate_index(), "a delegate")
            if (delegate_id is None)
            else None
        )
        title = f"{'New delegate' if delegate_id is None else 'Edit delegate'}: {organisation.name}"
        form = FormScreen(
            title, Delegate, forms.delegate_fields(new=delegate_id is None), base, check
        )

        def done(result: FormResult[Delegate] | None) -> None:
            if result is None:
                return
            person = result.record
            needs = {k: result.values.get(k) for k in ("access_needs", "dietary_needs")}
            personal = {k: v for k, v in needs.items() if v}
            data = person.to_data()
            data.pop("personal", None)
            if personal:
                data["personal"] = personal
            person = Delegate.model_validate(data)
            new_id = delegate_id or str(result.values["id"])
            delegates = {**self.register.organisations[org_id].delegates, new_id: person}
            self._commit(org_id, with_delegates(self.register, org_id, delegates), new_id)

        self.app.push_screen(form, done)

    def action_edit(self) -> None:
        org_id = self.selected_organisation()
        if org_id is None:
            return
        if self._focused_table() == "delegates":
            delegate_id = self.selected_delegate()
            if delegate_id is not None:
                self._delegate_form(org_id, delegate_id)
            return
        organisation = self.register.organisations[org_id]
        form = FormScreen(
            f"Edit {organisation.name}",
            Organisation,
            forms.organisation_fields(new=False),
            organisation.to_data(),
        )

        def done(result: FormResult[Organisation] | None) -> None:
            if result is not None:
                self._commit(org_id, result.record)

        self.app.push_screen(form, done)

    def action_remove(self) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        org_id = self.selected_organisation()
        if org_id is None:
            return
        organisation = self.register.organisations[org_id]
        delegate_id = self.selected_delegate() if self._focused_table() == "delegates" else None
        if self._focused_table() == "delegates" and delegate_id is None:
            return
        if delegate_id is not None:
            name = f"{organisation.delegates[delegate_id].name} ({organisation.name})"
        else:
            people = len(organisation.delegates)
            name = f"{organisation.name} and its {people} delegate{'s' * (people != 1)}"

        if self._refused(org_id, delegate_id, name):
            return  # told (or offered a new lead) at once: no question it would refuse after

        def answered(answer: str | None) -> None:
            if answer == "remove":
                self._remove(org_id, delegate_id, name)

        answers = [("keep", "Keep"), ("remove", "Remove")]
        message = f"Remove {name} from the register? (ctrl+z undoes it until you save)"
        self.app.push_screen(ConfirmScreen("Remove from the register", message, answers), answered)

    def _refused(self, org_id: str, delegate_id: str | None, name: str) -> bool:
        """True when a summit still refers to them: the reason is told, or a new lead offered."""
        refs = (
            [delegate_id]
            if delegate_id
            else [org_id, *self.register.organisations[org_id].delegates]
        )
        summits = self.session.workspace.summits
        reasons = [r for ref in refs if (r := refusal(ref, self.register, summits))]
        if not reasons:
            return False
        more = f" (and {len(reasons) - 3} more)" if len(reasons) > 3 else ""
        shown = " ".join(reasons[:3]) + more
        if not self._offer_new_lead(org_id, delegate_id, refs, name, shown):
            self.notify(visible(shown), severity="error", timeout=15, markup=False)
        return True

    def _remove(self, org_id: str, delegate_id: str | None, name: str) -> None:
        if self._refused(org_id, delegate_id, name):
            return
        changed, neighbour = None, None
        if delegate_id is not None:
            changed, neighbour = self._without(org_id, delegate_id)
        if self._commit(org_id, changed, neighbour):
            self.notify(f"Removed {name}: ctrl+z undoes it", markup=False)

    def _without(self, org_id: str, delegate_id: str) -> tuple[Organisation, str | None]:
        """The organisation without the delegate, and who takes their place under the cursor:
        the next delegate, or the one before when the last goes."""
        delegates = dict(self.register.organisations[org_id].delegates)
        place = list(delegates).index(delegate_id)
        del delegates[delegate_id]
        left = list(delegates)
        neighbour = left[min(place, len(left) - 1)] if left else None
        return with_delegates(self.register, org_id, delegates), neighbour

    def _offer_new_lead(
        self, org_id: str, delegate_id: str | None, refs: list[str], name: str, why: str
    ) -> bool:
        """When only agenda leads (and invitations) stand in the way, offer to change the lead.

        False when something else uses them: the refusal is then only told.
        """
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        summits = self.session.workspace.summits
        items = led_items(refs, summits)
        if not items or not only_leads_and_invitations(refs, summits):
            return False
        shown = ", ".join(f"{title!r} in {summit_id}" for summit_id, title in items)
        message = (
            f"{escape(why)}\n\nPick a new lead for {escape(shown)}? Then {escape(name)} is"
            " uninvited and removed (one ctrl+z undoes it all until you save)."
        )
        answers = [("keep", "Keep"), ("change-lead", "Pick a new lead")]

        def picked(lead: str | None) -> None:
            if lead is not None:
                self._hand_over(org_id, delegate_id, refs, name, lead)

        def answered(answer: str | None) -> None:
            if answer == "change-lead":
                choices = [
                    choice
                    for choice in register_choices(self.register, organisations=True)
                    if choice[1] not in refs
                ]
                title = f"New lead for {shown}"
                self.app.push_screen(
                    PickerScreen(title, choices, "delegate or organisation"), picked
                )

        self.app.push_screen(ConfirmScreen("Change the lead first", message, answers), answered)
        return True

    def _hand_over(
        self, org_id: str, delegate_id: str | None, refs: list[str], name: str, lead: str
    ) -> None:
        """The new lead takes the items, `refs` are uninvited, then removed: undone as one."""
        workspace = self.session.workspace
        with workspace.one_undo():  # one decision: one ctrl+z takes it all back
            for summit_id, summit in hand_over(refs, lead, workspace.summits).items():
                workspace.set_summit(summit_id, summit)
            self.session.changed()
            self._remove(org_id, delegate_id, name)

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
