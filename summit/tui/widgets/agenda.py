"""The agenda: items with computed times; add, edit, reorder, retime, remove."""

from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from summit.model import AgendaItem, ItemKind, Summit
from summit.model.identity import with_new_id
from summit.model.schedule import agenda_end, overrun_minutes, planned_end, schedule, total_minutes
from summit.model.sensitivity import is_sensitive
from summit.tui import forms
from summit.tui.screens.form import FormResult, FormScreen
from summit.tui.widgets.summit_part import SummitPart
from summit.tui.widgets.tables import FillTable, Row, RowDetail, refill

STEP_MINUTES = 5


class AgendaPart(SummitPart):
    BINDINGS = [
        Binding("a", "add", "Add item", id="agenda.add"),
        Binding("e", "edit", "Edit", id="agenda.edit"),
        Binding("x", "remove", "Remove", id="agenda.remove"),
        Binding("shift+up,K", "move(-1)", "Move up", id="agenda.up"),
        Binding("shift+down,J", "move(1)", "Move down", id="agenda.down"),
        Binding("plus,equals_sign", f"minutes({STEP_MINUTES})", "+5 min", id="agenda.longer"),
        Binding("minus", f"minutes(-{STEP_MINUTES})", "-5 min", id="agenda.shorter"),
    ]

    def editable(self) -> Summit:
        # Agenda edits change only the agenda: copy that, not perhaps 10,000 invitations.
        summit = self.summit
        agenda = [item.model_copy(deep=True) for item in summit.agenda]
        return summit.model_copy(update={"agenda": agenda})

    def compose(self) -> ComposeResult:
        # The item takes the width left; the pane under the table shows it in full.
        table = FillTable(fill="item", least=28, id="agenda", cursor_type="row", zebra_stripes=True)
        for label, width in (("Time", 11), ("Min", 4), ("Item", 28), ("Lead", 24), ("Topic", 20)):
            table.add_column(label, key=label.lower(), width=width)
        yield table
        yield RowDetail(id="agenda-detail")
        yield Static("", id="agenda-total")

    def refresh_part(self) -> None:
        refill(self.query_one("#agenda", DataTable), self._rows())
        self._show_total()
        self._show_detail()

    @on(DataTable.RowHighlighted, "#agenda")
    def _show_detail(self) -> None:
        """The highlighted item in full, wrapped: title, lead, topic, objective, notes."""
        index = self._index()
        detail = self.query_one("#agenda-detail", RowDetail)
        if index is None or index >= len(self.summit.agenda):
            detail.show("")
            return
        item = self.summit.agenda[index]
        facts = [item.title]
        if item.lead:
            facts.append(f"led by {self.register.describe(item.lead)}")
        if item.topic:
            facts.append(f"topic: {item.topic}")
        lines = [" · ".join(facts)]
        lines += [
            f"{label}: {text}"
            for label, text in (("Objective", item.objective), ("Notes", item.notes))
            if text
        ]
        detail.show("\n".join(lines))

    def _rows(self) -> Iterator[Row]:
        for slot in schedule(self.summit):
            item = slot.item
            lead = self.register.describe(item.lead) if item.lead else ""
            title = f"({item.title})" if item.kind is ItemKind.BREAK else item.title
            if is_sensitive(item):
                title = f"(sensitive) {title}"
            times = f"{slot.start:%H:%M}-{slot.end:%H:%M}"
            cells = (times, f"{item.minutes:>3}", title, lead, item.topic or "")
            yield str(slot.index), cells

    def _show_total(self) -> None:
        summit = self.summit
        text = f"{total_minutes(summit)} minutes, ending {agenda_end(summit):%H:%M}"
        planned = planned_end(summit)
        if planned is not None:
            text += f"; planned end {planned:%H:%M}"
        late = overrun_minutes(summit)
        if late:
            text += f": OVERRUNS BY {late} MINUTES"
        total = self.query_one("#agenda-total", Static)
        total.update(text)
        total.set_class(bool(late), "overrun")

    def _index(self) -> int | None:
        table = self.query_one("#agenda", DataTable)
        return table.cursor_row if table.row_count else None

    def _select(self, index: int) -> None:
        self.query_one("#agenda", DataTable).move_cursor(row=index)

    def action_add(self) -> None:
        # After the row under the cursor (row 0 included); at the end of an empty agenda.
        index = self._index()
        insert_at = len(self.summit.agenda) if index is None else index + 1
        self._form("New agenda item", {"minutes": 30}, insert_at=insert_at)

    @on(DataTable.RowSelected, "#agenda")
    def action_edit(self) -> None:
        index = self._index()
        if index is not None:
            item = self.summit.agenda[index]
            self._form(f"Agenda item {index + 1}", item.to_data(), replace=index)

    def _form(
        self,
        title: str,
        base: dict[str, object],
        *,
        insert_at: int | None = None,
        replace: int | None = None,
    ) -> None:
        form = FormScreen(
            title,
            AgendaItem,
            forms.agenda_item_fields(self.register),
            base,
            forms.lead_check(self.register),
        )

        def done(result: FormResult[AgendaItem] | None) -> None:
            if result is None:
                return
            summit = self.editable()
            if replace is not None:
                summit.agenda[replace] = result.record
                index = replace
            else:
                index = insert_at if insert_at is not None else len(summit.agenda)
                summit.agenda.insert(index, with_new_id(result.record, summit.agenda))
            self.commit(summit)
            self._select(index)

        self.app.push_screen(form, done)

    def action_remove(self) -> None:
        index = self._index()
        if index is None:
            return
        summit = self.editable()
        removed = summit.agenda.pop(index)
        self.commit(summit)
        self.notify(f"Removed {removed.title!r}")

    def action_move(self, step: int) -> None:
        index = self._index()
        if index is None or not 0 <= index + step < len(self.summit.agenda):
            return
        summit = self.editable()
        agenda = summit.agenda
        agenda[index], agenda[index + step] = agenda[index + step], agenda[index]
        self.commit(summit)
        self._select(index + step)

    def action_minutes(self, change: int) -> None:
        index = self._index()
        if index is None:
            return
        summit = self.editable()
        item = summit.agenda[index]
        item.minutes = max(STEP_MINUTES, item.minutes + change)
        self.commit(summit)
        self._select(index)
