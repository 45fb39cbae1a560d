"""What the summit produced: actions and commitments, with owners, due dates and status."""

from collections import Counter
from datetime import date
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from summit.model import Action, ActionStatus, Commitment, CommitmentStatus
from summit.model.identity import with_new_id
from summit.model.sensitivity import is_sensitive
from summit.model.series import earlier
from summit.model.wording import counted
from summit.tui import forms
from summit.tui.screens.form import FormResult, FormScreen
from summit.tui.widgets import earlier_outputs
from summit.tui.widgets.summit_part import SummitChanged, SummitPart
from summit.tui.widgets.tables import FillTable, RowDetail, refill, selected_key

T = TypeVar("T", Action, Commitment)

_DONE = {
    "action": (ActionStatus.OPEN, ActionStatus.DONE),
    "commitment": (CommitmentStatus.OPEN, CommitmentStatus.MET),
}


def _marked(record: Action | Commitment, text: str) -> str:
    """Text with the record's own marking before it, when it may not leave the department."""
    return f"(sensitive) {text}" if is_sensitive(record) else text


def is_overdue(due: date | None, status: str, today: date) -> bool:
    return due is not None and due < today and status == "open"


class OutputsPart(SummitPart):
    BINDINGS = [
        Binding("a", "add_action", "Add action", id="outputs.action"),
        Binding("c", "add_commitment", "Add commitment", id="outputs.commitment"),
        Binding("e", "edit", "Edit", id="outputs.edit"),
        Binding("space", "toggle_done", "Done/open", id="outputs.done"),
        Binding("x", "remove", "Remove", id="outputs.remove"),
    ]

    @property
    def today(self) -> date:
        return self.session.today

    def compose(self) -> ComposeResult:
        # What takes the width left; the pane under the table shows the whole text.
        table = FillTable(
            fill="what", least=16, id="outputs", cursor_type="row", zebra_stripes=True
        )
        for label, width in (("Kind", 10), ("Who", 20), ("Due", 19), ("Status", 9), ("What", 16)):
            table.add_column(label, key=label.lower(), width=width)
        yield table
        yield RowDetail(id="outputs-detail")
        yield Static("", id="outputs-summary")

    def _rows(self) -> list[tuple[str, int, str, str, date | None, str]]:
        rows: list[tuple[str, int, str, str, date | None, str]] = [
            ("action", i, a.owner, _marked(a, a.text), a.due, str(a.status))
            for i, a in enumerate(self.summit.actions)
        ]
        rows += [
            ("commitment", i, c.organisation, _marked(c, c.text), c.due, str(c.status))
            for i, c in enumerate(self.summit.commitments)
        ]
        return rows

    def refresh_part(self) -> None:
        rows = []
        overdue = 0
        for kind, index, who, text, due, status in self._rows():
            late = is_overdue(due, status, self.today)
            overdue += late
            shown_due: str | Text = f"{due:%d %b %Y}" if due else ""
            if late:
                shown_due = Text.from_markup(f"[b $text-error]{shown_due} OVERDUE[/]", end="")
            first_line = text.splitlines()[0] if text else ""
            cells = (kind, self.register.describe(who), shown_due, status, first_line)
            rows.append((f"{kind}/{index}", cells))
        rows += self._earlier_rows()
        refill(self.query_one("#outputs", DataTable), rows)
        actions = counted(len(self.summit.actions), "action")
        summary = f"{actions}, {counted(len(self.summit.commitments), 'commitment')}"
        if overdue:
            summary += f"; {overdue} overdue"
        self.query_one("#outputs-summary", Static).update(summary + self._series())
        self._show_detail()

    def _earlier_rows(self) -> list[tuple[str, tuple[str, str, str | Text, str, str]]]:
        """The earlier summits' open ones, to be marked met from here (earlier_outputs)."""
        return [
            (
                output.key,
                (
                    "earlier",
                    output.who(self.register),
                    earlier_outputs.due_text(output.record.due),
                    str(output.record.status),
                    (output.record.text.splitlines() or [""])[0],
                ),
            )
            for output in earlier_outputs.open_earlier(
                self.summit_id, self.session.workspace.summits
            )
        ]

    def _earlier_selected(self) -> earlier_outputs.EarlierOutput | None:
        key = selected_key(self.query_one("#outputs", DataTable))
        if key is None or not key.startswith(earlier_outputs.PREFIX):
            return None
        return earlier_outputs.find(key, self.summit_id, self.session.workspace.summits)

    @on(DataTable.RowHighlighted, "#outputs")
    def _show_detail(self) -> None:
        """The highlighted action or commitment in full, wrapped: the table cuts it."""
        selected = self._selected()
        detail = self.query_one("#outputs-detail", RowDetail)
        from_earlier = self._earlier_selected()
        if from_earlier is not None:
            detail.show(from_earlier.detail(self.register))
            return
        if selected is None:
            detail.show("")
            return
        kind, index = selected
        record: Action | Commitment
        if kind == "action":
            record = self.summit.actions[index]
            who = f"Action for {self.register.describe(record.owner)}"
        else:
            record = self.summit.commitments[index]
            who = f"Commitment by {self.register.describe(record.organisation)}"
        due = f" · due {record.due:%d %b %Y}" if record.due else ""
        detail.show(f"{who}{due} · {record.status}\n{record.text}")

    def _series(self) -> str:
        """Where the earlier summits' actions and commitments stand (the papers list them)."""
        series = earlier(self.summit_id, self.session.workspace.summits)
        if not series:
            return ""
        actions = sum(a.status is ActionStatus.OPEN for _, summit in series for a in summit.actions)
        commitments = Counter(str(c.status) for _, summit in series for c in summit.commitments)
        standing = ", ".join(f"{n} {status}" for status, n in sorted(commitments.items()))
        return (
            f"\nEarlier in the series ({counted(len(series), 'summit')}): "
            f"{counted(actions, 'open action')}; commitments: {standing or 'none'}"
        )

    def _selected(self) -> tuple[str, int] | None:
        key = selected_key(self.query_one("#outputs", DataTable))
        if key is None or key.startswith(earlier_outputs.PREFIX):
            return None
        kind, _, index = key.partition("/")
        return kind, int(index)

    def action_add_action(self) -> None:
        self._form("action", None, {"status": "open"})

    def action_add_commitment(self) -> None:
        # Agreed at the summit, whenever the official types it in.
        self._form("commitment", None, {"status": "open", "agreed": self.summit.start.date()})

    @on(DataTable.RowSelected, "#outputs")
    def action_edit(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, index = selected
        record = (self.summit.actions if kind == "action" else self.summit.commitments)[index]
        self._form(kind, index, record.to_data())

    def _form(self, kind: str, index: int | None, base: dict[str, object]) -> None:
        register = self.register
        model: type[Action] | type[Commitment]
        if kind == "action":
            model, fields = Action, forms.action_fields(register)
            check = forms.reference_check(owner=(register.organisations, "organisation"))
        else:
            model, fields = Commitment, forms.commitment_fields(register)
            check = forms.reference_check(organisation=(register.organisations, "organisation"))
        title = f"{'New' if index is None else 'Edit'} {kind}"

        def done(result: FormResult[Action | Commitment] | None) -> None:
            if result is None:
                return
            summit = self.editable()
            record = result.record
            if isinstance(record, Action):
                self._put(summit.actions, index, record)
            else:
                self._put(summit.commitments, index, record)
            self.commit(summit)

        form: FormScreen[Action | Commitment] = FormScreen(title, model, fields, base, check)
        self.app.push_screen(form, done)

    @staticmethod
    def _put(items: list[T], index: int | None, record: T) -> None:
        if index is None:
            items.append(with_new_id(record, items))
        else:
            items[index] = record

    def action_toggle_done(self) -> None:
        from_earlier = self._earlier_selected()
        if from_earlier is not None:
            summits = self.session.workspace.summits
            done = earlier_outputs.marked_done(from_earlier, summits)
            self.session.workspace.set_summit(from_earlier.summit_id, done)
            self.session.changed()
            self.post_message(SummitChanged())
            self.notify(f"Marked in {from_earlier.summit_id} (ctrl+z undoes)")
            return
        selected = self._selected()
        if selected is None:
            return
        kind, index = selected
        summit = self.editable()
        record = (summit.actions if kind == "action" else summit.commitments)[index]
        open_status, done_status = _DONE[kind]
        record.status = done_status if record.status == open_status else open_status  # type: ignore[assignment]
        self.commit(summit)

    def action_remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, index = selected
        summit = self.editable()
        if kind == "action":
            summit.actions.pop(index)
        else:
            summit.commitments.pop(index)
        self.commit(summit)
