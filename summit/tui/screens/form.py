"""A modal form that edits one record, with each error shown next to its field.

The form owns the record's data: every change is validated by the record's own
pydantic model (so the rules are the ones the files are checked with), and an
error appears beside the field as soon as that field has been touched, or for
every field on submit. The form dismisses with the validated record.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from summit.model.base import Record
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.proposed_ids import ProposedIds
from summit.tui.text import escape
from summit.tui.widgets.picker import Picker, resolve

R = TypeVar("R", bound=Record)
Kind = Literal["text", "multiline", "int", "date", "datetime", "choice", "ref"]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Kind = "text"
    choices: Sequence[tuple[str, str]] = ()
    placeholder: str = ""
    suggestions: Sequence[str] = ()
    in_model: bool = True
    """False for values the caller handles, such as a new record's id."""
    refers_to: str = ""
    """For a "ref" field (choices are (label, id) pairs): what its id names, for messages."""
    words: Mapping[str, str] | None = None
    """For a "ref" field: further words each choice is found by (see organisation_words)."""
    proposed_from: str = ""
    """For a new record's id: the field whose text proposes it ("Helen Marsh" → helen-marsh)."""
    offer_add: bool = False
    """For a "ref" field: when nobody answers to what is typed, offer to add that person."""


@dataclass(frozen=True)
class FormResult(Generic[R]):
    record: R
    values: dict[str, Any]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _parse(field: Field, raw: Any) -> Any:
    """The typed value of what was typed; raises ValueError with a message for the user."""
    if raw is None or raw is Select.NULL or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip() if field.kind != "multiline" else str(raw)
    if field.kind == "int":
        if not text.lstrip("-").isdigit():
            raise ValueError("enter a whole number")
        return int(text)
    if field.kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError("enter a date as YYYY-MM-DD") from None
    if field.kind == "ref":
        return resolve(field.choices, text, field.refers_to)
    if field.kind == "datetime":
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            raise ValueError("enter a date and time as YYYY-MM-DD HH:MM") from None
    return text


class FormScreen(ModalScreen[FormResult[R] | None]):
    """Edit `fields` of a record of type `model`, starting from `base` (its current data)."""

    CSS_PATH = ["form.tcss", "../widgets/picker.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "submit", "Save", id="form.submit", priority=True),
    ]

    def __init__(
        self,
        title: str,
        model: type[R],
        fields: Sequence[Field],
        base: dict[str, Any] | None = None,
        check: Callable[[dict[str, Any]], dict[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.model = model
        self.fields = list(fields)
        self.base = dict(base or {})
        self.check = check
        self.touched: set[str] = set()
        self.ids = ProposedIds(self)
        self.opened: dict[str, Any] = {}
        """What each field held when the form opened: escape asks only when that changed."""
        self.added: set[str] = set()
        """Ids added to the register from this form, which `check` (made before) cannot know."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self.form_title, id="form-title")
            yield Static("", id="form-focus", markup=False)
            for field in self.fields:
                # In a multi-line field enter adds a line, so say how to save there.
                hint = " (enter: new line · ctrl+s: save)" if field.kind == "multiline" else ""
                yield Label(f"{field.label}{hint}", classes="field-label")
                yield self._widget(field)
                # A picker's error names close matches, so it may take more than a line.
                wraps = " picker-field-error" if field.kind == "ref" else ""
                yield Static("", id=f"error-{field.name}", classes=f"field-error{wraps}")
            with Horizontal(id="form-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.opened = self._raws()
        self.query_one(f"#field-{self.fields[0].name}").focus()
        for area in self.query(TextArea):
            # Typing adds to the text (as in the one-line fields), shown from its first line.
            area.move_cursor(area.document.end)
            area.call_after_refresh(area.scroll_home, animate=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A screen reader follows the cursor to the field's line, which does not hold its
        # label, and the title bar is hidden behind a form: in accessible mode a line of
        # the form names the field, text that the key press changed, which is read out.
        if not getattr(self.app, "accessible", False):
            return
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if event.widget is widget or widget in event.widget.ancestors:
                self.query_one("#form-focus", Static).update(self._said(field))
                return

    def _said(self, field: Field) -> str:
        """The field's label and the start of what it holds, in words."""
        raw = self._raw(field)
        labels = {key: label for label, key in field.choices}
        value = labels.get(raw, raw) if isinstance(raw, str) else raw
        shown = _shown(None if value is Select.NULL else value).strip().split("\n")[0]
        holds = f"{shown[:60]}…" if len(shown) > 60 else shown or "not set"
        return f"Field: {field.label}: {holds}"

    def _raws(self) -> dict[str, Any]:
        return {field.name: self._raw(field) for field in self.fields}

    def changed_fields(self) -> list[str]:
        """The labels of the fields that differ from what the form opened with."""
        now = self._raws()
        return [field.label for field in self.fields if now[field.name] != self.opened[field.name]]

    def _widget(self, field: Field) -> Input | Select[str] | TextArea | Picker:
        value = self.base.get(field.name)
        widget_id = f"field-{field.name}"
        if field.kind == "ref":
            picked = str(value) if value else None
            return Picker(
                field.choices, picked, words=field.words, offer_add=field.offer_add, id=widget_id
            )
        if field.kind == "choice":
            current = str(value) if value is not None else Select.NULL
            default = self.model.model_fields[field.name].default if field.in_model else None
            prompt = f"(not set: {default})" if isinstance(default, str) else "(not set)"
            return Select(
                field.choices,
                value=current,
                id=widget_id,
                allow_blank=True,
                prompt=prompt,
                compact=True,
            )
        if field.kind == "multiline":
            return TextArea(_shown(value), id=widget_id, soft_wrap=True)
        suggester = SuggestFromList(field.suggestions) if field.suggestions else None
        return Input(
            _shown(value),
            placeholder=field.placeholder,
            id=widget_id,
            suggester=suggester,
            compact=True,
            # Tabbing in leaves the cursor at the end: typing adds to the text, as
            # it would in a paper form, rather than replacing it all at a keystroke.
            select_on_focus=False,
        )

    def _raw(self, field: Field) -> Any:
        widget = self.query_one(f"#field-{field.name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return widget.value
        if isinstance(widget, Picker):
            return widget.picked or widget.value
        assert isinstance(widget, Input)
        return widget.value

    def collect(self) -> tuple[dict[str, Any], dict[str, str], R | None]:
        """What the form holds: typed values, errors by field, and the record if valid."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for field in self.fields:
            try:
                values[field.name] = _parse(field, self._raw(field))
            except ValueError as error:
                errors[field.name] = str(error)
        outside = {field.name for field in self.fields if not field.in_model}
        data = {key: value for key, value in self.base.items() if key not in outside}
        for field in self.fields:
            if field.in_model and field.name not in errors:
                if values.get(field.name) is None:
                    data.pop(field.name, None)
                else:
                    data[field.name] = values[field.name]
        record = None
        try:
            record = self.model.model_validate(data)
        except ValidationError as invalid:
            for detail in invalid.errors(include_url=False):
                name = str(detail["loc"][0]) if detail["loc"] else ""
                message = detail["msg"].removeprefix("Value error, ")
                if detail["type"] == "missing":
                    message = "required"
                errors.setdefault(name, message)
        if self.check is not None:
            for name, message in self.check(values).items():
                if values.get(name) not in self.added:
                    errors.setdefault(name, message)
        return values, errors, record

    def show_errors(self, errors: dict[str, str], *, every: bool) -> None:
        for field in self.fields:
            message = errors.get(field.name, "") if every or field.name in self.touched else ""
            label = self.query_one(f"#error-{field.name}", Static)
            label.update(message)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    @on(Picker.Changed)
    def _changed(
        self, event: Input.Changed | Select.Changed | TextArea.Changed | Picker.Changed
    ) -> None:
        widget_id = event.control.id or ""
        if widget_id.startswith("field-"):
            self.touched.add(widget_id.removeprefix("field-"))
            self.ids.follow(widget_id.removeprefix("field-"))
            self.show_errors(self.collect()[1], every=False)

    @on(Picker.AddPerson)
    def _add_person(self, event: Picker.AddPerson) -> None:
        from summit.tui.screens.add_person import offer_to_add  # noqa: PLC0415 - rarely used

        offer_to_add(self, event.picker, event.name)

    def took_new_choice(self, picker: Picker, label: str, key: str) -> None:
        """`key` was added to the register from this form: from now on a valid pick."""
        name = (picker.id or "").removeprefix("field-")
        self.fields = [
            replace(field, choices=[*field.choices, (label, key)]) if field.name == name else field
            for field in self.fields
        ]
        self.added.add(key)
        picker.add(label, key)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#save")
    def action_submit(self) -> None:
        values, errors, record = self.collect()
        if errors or record is None:
            self.show_errors(errors, every=True)
            self.notify("Fix the fields marked in red", severity="error")
            return
        self._save_once_adopted()
        self.dismiss(FormResult(record, values))

    def _save_once_adopted(self) -> None:
        """One ctrl+s saves what the form holds: the caller adopts the record, then the app saves.

        The caller's callback runs on the caller's message queue; saving from inside it, after
        it, keeps the order (a save queued on the app could run before the record is adopted).
        """
        if not self._result_callbacks:
            return
        pending = self._result_callbacks[-1]
        adopt = pending.callback

        def adopt_then_save(result: Any) -> None:
            if adopt is not None:
                adopt(result)
            self.app.call_later(self.app.run_action, "app.save")

        pending.callback = adopt_then_save

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close at once if nothing was changed; else ask, as escape is easily pressed."""
        changed = self.changed_fields()
        if not changed:
            self.dismiss(None)
            return

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.dismiss(None)
            elif answer == "save":
                self.action_submit()

        self.app.push_screen(DiscardScreen(changed), answered)


class DiscardScreen(ConfirmScreen):
    """Discard a form's changes? Keeping on editing has the focus; ctrl+s saves them."""

    BINDINGS = [Binding("ctrl+s", "dismiss('save')", "Save", id="discard.save", priority=True)]

    def __init__(self, changed: Sequence[str]) -> None:
        fields = ", ".join(escape(label) for label in changed)
        message = f"You changed: {fields}.\nctrl+s saves them."
        answers = [("keep", "Keep editing"), ("discard", "Discard"), ("save", "Save")]
        super().__init__("Discard your changes?", message, answers)
