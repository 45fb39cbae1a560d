"""Adding, editing and removing organisations and delegates on the register screen.

The forms and the questions before a removal (a summit still refers to them;
offer a new lead when only agenda leads stand in the way). `RegisterEditing` is
the register screen's half that changes the register; the screen lays out the
tables and says which organisation and delegate are under the cursors.
"""

from textual.screen import Screen

from summit.model import Delegate, Organisation, Register
from summit.model.plain import visible
from summit.model.references import hand_over, led_items, only_leads_and_invitations, refusals
from summit.tui import forms
from summit.tui.screens.form import FormResult, FormScreen
from summit.tui.session import Session
from summit.tui.text import escape
from summit.tui.widgets.picker import PickerScreen, register_choices


def with_delegates(register: Register, org_id: str, delegates: dict[str, Delegate]) -> Organisation:
    """The organisation with these delegates (a copy: records are never changed in place)."""
    return register.organisations[org_id].model_copy(update={"delegates": delegates})


class RegisterEditing(Screen[None]):
    """The register screen's forms and removals (the screen supplies the cursors and `_commit`)."""

    session: Session

    @property
    def register(self) -> Register:
        return self.session.workspace.register

    def selected_organisation(self) -> str | None:
        raise NotImplementedError

    def selected_delegate(self) -> str | None:
        raise NotImplementedError

    def _focused_table(self) -> str:
        raise NotImplementedError

    def _commit(
        self,
        org_id: str,
        organisation: Organisation | None,
        keep_delegate: str | None = None,
    ) -> bool:
        raise NotImplementedError

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
        reasons = refusals(refs, self.register, summits)
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
