"""Add a person to the register from a lead or owner picker that found nobody.

Asking an official to leave an agenda item half written, open the register,
add the person and come back loses the form. This small form asks only what
the register needs of a delegate (name, organisation, job title, e-mail; the
id proposed from the name), adds them to the working register as any edit
does (saved with the next ctrl+s, undone by ctrl+z) and picks them.
"""

from dataclasses import replace
from typing import Any

from textual.widgets import Button

from summit.model.naming import id_from_name
from summit.model.register import Delegate, Organisation, Register
from summit.tui import forms
from summit.tui.screens.form import Field, FormResult, FormScreen
from summit.tui.session import Session
from summit.tui.widgets.picker import Picker, person_label


def _taken(register: Register) -> list[str]:
    # A lead is a delegate or an organisation: one id names one of them.
    return [*register.delegate_index(), *register.organisations]


class AddPersonScreen(FormScreen[Delegate]):
    """The new delegate's form; dismisses with the record and values["id"], ["organisation"]."""

    CSS_PATH = [*FormScreen.CSS_PATH, "add_person.tcss"]

    def __init__(self, register: Register, name: str) -> None:
        organisation = replace(
            forms.organisation_field(
                "organisation", "Organisation (type part of its name)", register
            ),
            in_model=False,
        )
        fields = [
            Field("name", "Name"),
            organisation,
            Field("job_title", "Job title"),
            Field("email", "E-mail (invitations go to it)"),
            replace(forms.id_field("helen-marsh", "name"), label="Id (made from the name)"),
        ]
        check = forms.new_id_check(_taken(register), "a person or organisation")
        base = {"name": name, "id": id_from_name(name, _taken(register))}
        super().__init__("Add a person to the register", Delegate, fields, base, _needs_org(check))

    def on_mount(self) -> None:
        # FormScreen's on_mount runs after this one (Textual calls each class's handler).
        self.ids.proposed["id"] = str(self.base["id"])  # it follows the name until typed over
        self.query_one("#save", Button).label = "Add"
        # The name came from the picker: the organisation is what to give first.
        self.call_after_refresh(self.query_one("#field-organisation").focus)

    def _save_once_adopted(self) -> None:
        """Adding is an edit of the working register, saved with the rest (not at once)."""


def _needs_org(check: forms.Check) -> forms.Check:
    def checked(values: dict[str, Any]) -> dict[str, str]:
        errors = check(values)
        if "organisation" in values and not values["organisation"]:
            errors.setdefault("organisation", "required: the person's organisation")
        return errors

    return checked


def _with_delegate(organisation: Organisation, delegate_id: str, person: Delegate) -> Organisation:
    data = organisation.to_data()
    data.setdefault("delegates", {})[delegate_id] = person.to_data()
    return Organisation.model_validate(data)


def _holds_organisations(form: FormScreen[Any], picker: Picker) -> bool:
    name = (picker.id or "").removeprefix("field-")
    return any(field.name == name and field.refers_to == "organisation" for field in form.fields)


def offer_to_add(form: FormScreen[Any], picker: Picker, name: str) -> None:
    """Ask for the person named `name`, add them to the working register and pick them
    in `picker` (their organisation, when the picker holds organisations)."""
    session = getattr(form.app, "session", None)
    if not isinstance(session, Session):
        return
    workspace = session.workspace

    def added(result: FormResult[Delegate] | None) -> None:
        picker.focus()
        if result is None:
            return
        org_id, delegate_id = str(result.values["organisation"]), str(result.values["id"])
        organisation = workspace.register.organisations[org_id]
        person = result.record
        errors = workspace.set_organisation(
            org_id, _with_delegate(organisation, delegate_id, person)
        )
        if errors:
            said = "; ".join(f.message for f in errors[:3])
            form.notify(f"Not added: {said}", severity="error", markup=False)
            return
        session.changed()
        if _holds_organisations(form, picker):
            picker.pick(org_id)  # an owner is an organisation: theirs
        else:
            label = person_label(person.name, organisation.name, person.job_title)
            form.took_new_choice(picker, label, delegate_id)
        form.notify(
            f"Added {person.name} ({organisation.name}) to the register; saved with the rest "
            "(ctrl+s), ctrl+z takes it back",
            markup=False,
        )

    form.app.push_screen(AddPersonScreen(workspace.register, name), added)
