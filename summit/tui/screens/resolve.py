"""Settle a merge: for each field both sides changed, keep mine or theirs."""

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from summit.model.changes import Names
from summit.store.merge import ABSENT, FieldConflict, shown_value
from summit.store.merge.results import KEEP_ONE
from summit.store.problems import Choice, Edited, Side
from summit.tui.text import escape
from summit.tui.widgets.tables import FillTable, selected_key

_KEEP = {"ours": "mine", "theirs": "theirs"}
SAVED_MEANWHILE = (
    "Someone else saved this file while you were editing it. Their other "
    "changes are merged with yours; these fields were changed on both sides."
)
GIT_MERGE = (
    "Your commits and your colleagues' both changed these fields; everything "
    "else merged on its own."
)
HOW = "For each, keep mine (m), keep theirs (t) or type a value (e), then save (ctrl+s)."


class ResolveScreen(ModalScreen[dict[str, Choice] | None]):
    """Dismisses with a side (or a typed value) for every conflict, keyed by its `where`."""

    CSS_PATH = "resolve.tcss"
    BINDINGS = [
        Binding("m", "keep('ours')", "Keep mine", id="resolve.mine"),
        Binding("t", "keep('theirs')", "Keep theirs", id="resolve.theirs"),
        Binding("e", "edit", "Type a value", id="resolve.edit"),
        Binding("M", "keep_all('ours')", "All mine", id="resolve.all_mine"),
        Binding("T", "keep_all('theirs')", "All theirs", id="resolve.all_theirs"),
        Binding("ctrl+s", "apply", "Save", id="resolve.apply", priority=True),
        Binding("escape", "dismiss(None)", "Decide later", id="resolve.cancel"),
    ]

    def __init__(
        self,
        file_label: str,
        conflicts: Sequence[FieldConflict],
        *,
        git_merge: bool = False,
        names: Names | None = None,
    ) -> None:
        super().__init__()
        self.names = names or Names()
        self.file_label = file_label
        # A git merge (a pull) met colleagues' commits, not someone saving meanwhile.
        self.heading = "needs settling: a git merge" if git_merge else "changed on disk meanwhile"
        self.why = GIT_MERGE if git_merge else SAVED_MEANWHILE
        self.conflicts = list(conflicts)
        self.choices: dict[str, Choice] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="resolve"):
            yield Label(f"{escape(self.file_label)} {self.heading}", id="resolve-title")
            yield Static(f"{self.why} {HOW}", id="resolve-note")
            # The field's name takes the width the values leave, so the Keep column stays
            # in view at 60 columns; the line under the table shows the conflict in full.
            yield FillTable(
                fill="field", least=12, id="resolve-table", cursor_type="row", zebra_stripes=True
            )
            yield Static("", id="resolve-detail")
            with Horizontal(id="resolve-buttons"):
                yield Button("Save", variant="primary", id="resolve-apply")
                yield Button("Decide later", id="resolve-cancel")

    def on_mount(self) -> None:
        # Notices said before ("changed on disk...") are about what this screen now asks,
        # and at 80x24 they covered its buttons and the line that shows a value whole.
        self.app.clear_notifications()
        table: DataTable[str | Text] = self.query_one("#resolve-table", DataTable)
        for label, width in (("Field", 12), ("Was", 8), ("Mine", 8), ("Theirs", 8)):
            table.add_column(label, key=label.lower(), width=width)
        table.add_column("Keep", key="keep", width=6)
        for conflict in self.conflicts:
            values = (conflict.base, conflict.ours, conflict.theirs)
            cells = [self.names.place(conflict.where), *map(shown_value, values)]
            table.add_row(*map(Text, cells), Text("?"), key=conflict.where)
        table.focus()

    @on(DataTable.RowHighlighted, "#resolve-table")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted conflict in full: labels and values are cut to fit the table."""
        where = event.row_key.value
        conflict = next((c for c in self.conflicts if c.where == where), None)
        if conflict is not None:
            sides = (conflict.base, conflict.ours, conflict.theirs)
            was, mine, theirs = (shown_value(value, None) for value in sides)
            where = self.names.place(conflict.where)
            detail = f"{where}\nwas {was} · mine {mine} · theirs {theirs}"
            if conflict.added_twice:
                detail += f"\nTwo different records under one id: {KEEP_ONE}."
            self.query_one("#resolve-detail", Static).update(Text(detail))

    def action_keep(self, side: Side) -> None:
        table: DataTable[str | Text] = self.query_one("#resolve-table", DataTable)
        where = selected_key(table)
        if where is None:
            return
        self._choose(where, side)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_keep_all(self, side: Side) -> None:
        for conflict in self.conflicts:
            self._choose(conflict.where, side)

    def action_edit(self) -> None:
        from summit.tui.screens.typed_value import ValueScreen  # noqa: PLC0415

        table: DataTable[str | Text] = self.query_one("#resolve-table", DataTable)
        where = selected_key(table)
        conflict = next((c for c in self.conflicts if c.where == where), None)
        if conflict is None or where is None:
            return
        if not _is_value(conflict.ours) or not _is_value(conflict.theirs):
            self.notify("Only a single value can be typed; keep mine or theirs here")
            return
        sides = [v for v in (conflict.ours, conflict.theirs, conflict.base) if v is not ABSENT]
        typed_before = self.choices.get(where)
        start = typed_before.value if isinstance(typed_before, Edited) else conflict.ours

        def typed(choice: Edited | None) -> None:
            if choice is not None:
                self._choose(where, choice)

        self.app.push_screen(ValueScreen(conflict.where, sides, start), typed)

    def _choose(self, where: str, choice: Choice) -> None:
        self.choices[where] = choice
        table: DataTable[str | Text] = self.query_one("#resolve-table", DataTable)
        label = shown_value(choice.value) if isinstance(choice, Edited) else _KEEP[choice]
        table.update_cell(where, "keep", Text(label))

    @on(Button.Pressed, "#resolve-apply")
    def action_apply(self) -> None:
        open_ones = [c.where for c in self.conflicts if c.where not in self.choices]
        if open_ones:
            self.notify(f"Choose mine or theirs for {len(open_ones)} more", severity="warning")
            return
        self.dismiss(dict(self.choices))

    @on(Button.Pressed, "#resolve-cancel")
    def _later(self) -> None:
        self.dismiss(None)


def _is_value(value: object) -> bool:
    """A single value that can be typed (not a table, a list of tables or a deletion)."""
    if value is ABSENT or isinstance(value, dict):
        return False
    return not (isinstance(value, list) and any(isinstance(v, dict) for v in value))
