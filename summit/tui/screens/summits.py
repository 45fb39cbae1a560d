"""The first screen: every summit with its date, status and replies.

It is painted before the data has loaded, from a glance at each file's head
(title, date, status); replies and warnings fill in once the worker has loaded
and checked everything (SummitApp._loaded). So this module must not import
pydantic at its top: the model is imported where it is used.
"""

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import RowDoesNotExist

from summit.model.coming import looking_order
from summit.store.glance import SummitGlance, glance_summits, user_glance_file
from summit.store.problems import Problem
from summit.tui.loading import needs_data
from summit.tui.session import Session
from summit.tui.widgets.footer import SteadyFooter
from summit.tui.widgets.tables import FillTable, Row, RowDetail, cell, refill, selected_key

if TYPE_CHECKING:
    from summit.model import Summit

FIRST_ROWS = 60
"""Rows put in the table before the first frame: more than a terminal shows."""
GLANCED_WAIT = 3.0
"""Seconds the rows below the first screen wait for the data before they are glanced
(at once if the cursor comes near them). Measuring and drawing 1,000 glanced rows
holds the loader back 0.25 s, and a later start has its data within that wait."""
NEAR_THE_END = 5
"""Rows from the last one shown at which the glanced rows below are added."""
COLUMNS = ("date", "title", "status", "replies", "warnings", "id")


def _replies(summit: "Summit") -> str:
    from summit.model import Rsvp  # noqa: PLC0415 - loaded by now (see the docstring)

    counts = summit.rsvp_counts()
    return f"{counts[Rsvp.ACCEPTED]}/{sum(counts.values())} accepted"


class SummitsScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="summits.open"),
        Binding("n", "new", "New summit", id="summits.new"),
        Binding("c", "duplicate", "Copy as follow-up", id="summits.duplicate"),
        Binding("i", "invitees", "Invitees", id="summits.invitees"),
        Binding("x", "delete", "Delete", id="summits.delete"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._drawn: int | None = None
        """The session's generation the rows show: unchanged data is not redrawn."""
        self._shown: list[Row] = []
        """The rows in the table, as they were given to it."""
        self._glances: dict[str, SummitGlance] = {}
        """Before the data has loaded: the head of each summit file, for the row pane."""
        self._made: dict[str, tuple[Summit, int, tuple[str, ...]]] = {}
        """Each summit's cells with the record and warning count they were made from."""
        self._glanced_rest: tuple[list[Row], list[Row]] | None = None
        """Before the data has loaded: the rows shown, and the glanced rows not yet added."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summits-heading")
        yield FillTable(fill="title", least=19, id="summits", cursor_type="row", zebra_stripes=True)
        yield RowDetail(id="summits-detail")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#summits", DataTable)
        # The title takes the width left; what does not fit 80 columns scrolls into
        # view, and the lines under the table show the highlighted summit in full
        # (with its classification, which has no column of its own).
        columns: tuple[tuple[str, int | None], ...] = (
            ("Date", 16),
            # Drawn at 24 until the table is fitted to the terminal (least 19, so that at
            # 80 columns Warnings shows whole): a first frame at 19 cut a title the
            # fitted one shows, and painted the list twice.
            ("Title", 24),
            ("Status", 9),
            ("Replies", 16),  # "999/999 accepted" whole
            ("Warnings", 8),
            ("Id", None),  # as wide as the longest id
        )
        for label, width in columns:
            table.add_column(label, key=label.lower(), width=width)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, so rows are filled once at launch.
        # Coming back from a summit in which nothing changed redraws nothing.
        if self._drawn != self.session.generation or not self.session.loaded:
            self.refresh_rows()

    def refresh_rows(self) -> None:
        rows = self._rows() if self.session.loaded else self._glanced_rows()
        if self.session.loaded:
            self._glanced_rest = None  # the loaded rows replace them
        table = self.query_one("#summits", DataTable)
        shown = len(self._shown)
        if shown and [key for key, _ in rows[:shown]] == [key for key, _ in self._shown]:
            # The usual case: a few cells change, if any. Once loaded, the rows beyond
            # those drawn at launch follow once the loaded ones are on screen.
            self._update_cells(table, rows[:shown])
            if rows[shown:]:
                self.call_after_refresh(self._add_rows, table, self._shown, rows[shown:])
        else:
            self._fill(table, rows)
        count = len(rows)
        loading = "" if self.session.loaded else " · loading…"
        self.query_one("#summits-heading", Static).update(
            f"{count} summit{'s' * (count != 1)} in {self.session.place}{loading}"
        )
        self._drawn = self.session.generation if self.session.loaded else None
        self._show_detail()  # once loaded, an unreadable summit's pane says why

    def _update_cells(self, table: DataTable[str | Text], rows: list[Row]) -> None:
        for (key, cells), (_, before) in zip(rows, self._shown, strict=True):
            for column, value, old in zip(COLUMNS, cells, before, strict=True):
                if value != old:
                    table.update_cell(key, column, cell(value))
        self._shown = rows

    def _fill(self, table: DataTable[str | Text], rows: list[Row]) -> None:
        chosen = selected_key(table)
        # DataTable measures every cell it is given before it paints: at launch, a
        # screenful first, and the rest once that is on screen.
        first, rest = (rows[:FIRST_ROWS], rows[FIRST_ROWS:]) if not self._shown else (rows, [])
        if isinstance(table, FillTable):
            table.hold_width("id", (key for key, _ in rows))
        refill(table, first)
        self._shown = first
        if rest and self.session.loaded:
            self.call_after_refresh(self._add_rows, table, first, rest)
        elif rest:
            # Glanced rows below the first screen would be measured and drawn again
            # once the data is in, and on the screen's thread, slowing the loader:
            # they wait for the data, unless it takes long (a first start, big data).
            self._glanced_rest = (first, rest)
            self.set_timer(GLANCED_WAIT, self._add_glanced_rest)
        if chosen is not None and table.is_valid_row_index(index := self._index_of(chosen)):
            table.move_cursor(row=index)  # the same summit stays chosen (rows may move)

    def _add_glanced_rest(self) -> None:
        if self._glanced_rest is not None:
            first, rest = self._glanced_rest
            self._glanced_rest = None
            self._add_rows(self.query_one("#summits", DataTable), first, rest)

    def _add_rows(self, table: DataTable[str | Text], first: list[Row], rest: list[Row]) -> None:
        if self._shown is not first:
            return  # refilled meanwhile (the data loaded first)
        for key, cells in rest:
            table.add_row(*map(cell, cells), key=key)
        self._shown = first + rest

    def _index_of(self, key: str) -> int:
        try:
            return self.query_one("#summits", DataTable).get_row_index(key)
        except RowDoesNotExist:  # the summit went
            return -1

    def _glanced_rows(self) -> list[Row]:
        """Before the data has loaded: what the head of each file says (replies to come)."""
        root = self.session.root
        glances = glance_summits(root, user_glance_file(root))
        self._glances = {glance.summit_id: glance for glance in glances}
        # In the loaded rows' order, so that nothing moves once the data is in.
        unread = [glance.summit_id for glance in glances if glance.start is None]
        starts = {g.summit_id: g.start.replace(tzinfo=None) for g in glances if g.start}
        order = [*unread, *looking_order(starts, self.session.glance_today)]
        return [(sid, self._glanced_cells(self._glances[sid])) for sid in order]

    @staticmethod
    def _glanced_cells(glance: SummitGlance) -> tuple[str, ...]:
        return (
            f"{glance.start:%Y-%m-%d %H:%M}" if glance.start else "…",
            glance.title if glance.title is not None else "…",
            glance.status or "…",
            "…",
            "",
            glance.summit_id,
        )

    def _rows(self) -> list[Row]:
        workspace = self.session.workspace
        warnings: dict[str, int] = {}
        for finding in workspace.findings():
            if finding.where.summit is not None:
                warnings[finding.where.summit] = warnings.get(finding.where.summit, 0) + 1
        summits = workspace.summits
        # Coming first, in date order, then past, most recent first: as `summit overview`.
        order = looking_order({sid: s.start for sid, s in summits.items()}, self.session.today)
        # A summit whose file does not load is still listed, first, so it is not forgotten.
        rows: list[Row] = [
            (sid, self._unreadable_cells(sid, why)) for sid, why in self._unreadable().items()
        ]
        rows += [(sid, self._cells_of(sid, summits[sid], warnings.get(sid, 0))) for sid in order]
        return rows

    def _cells_of(self, summit_id: str, summit: "Summit", warnings: int) -> tuple[str, ...]:
        # Working copies are replaced, never changed in place (Workspace.undo), so a
        # summit's cells stay right while its record and warning count are the same.
        made = self._made.get(summit_id)
        if made is None or made[0] is not summit or made[1] != warnings:
            made = (summit, warnings, self._cells(summit_id, summit, warnings))
            self._made[summit_id] = made
        return made[2]

    @staticmethod
    def _cells(summit_id: str, summit: "Summit", warnings: int) -> tuple[str, ...]:
        return (
            f"{summit.start:%Y-%m-%d %H:%M}",
            summit.title,
            str(summit.status),
            _replies(summit),
            str(warnings or ""),
            summit_id,
        )

    def _unreadable(self) -> dict[str, list[Problem]]:
        workspace = self.session.workspace
        return {
            sid: why
            for sid, why in workspace.dataset.unreadable.items()
            if sid not in workspace.summits
        }

    @staticmethod
    def _unreadable_cells(summit_id: str, problems: list[Problem]) -> tuple[str, ...]:
        errors = len(problems)
        return (
            "(unreadable)",
            f"cannot be read: {problems[0].message}" if problems else "cannot be read",
            "error",
            "",
            f"{errors} error{'s' * (errors != 1)}",
            summit_id,
        )

    @on(DataTable.RowHighlighted, "#summits")
    def _show_detail(self) -> None:
        """The highlighted summit's id and title in full: the table cuts them."""
        table = self.query_one("#summits", DataTable)
        if self._glanced_rest is not None and table.cursor_row >= table.row_count - NEAR_THE_END:
            self._add_glanced_rest()  # the rows below are wanted before the data is in
        summit_id = self._selected()
        detail = self.query_one("#summits-detail", RowDetail)
        if summit_id is not None and not self.session.loaded:
            detail.show(self._glanced_detail(summit_id))
            return
        summit = self.session.workspace.summits.get(summit_id) if summit_id else None
        if summit_id is None:
            detail.show("")
        elif summit is None:
            problems = self._unreadable().get(summit_id, [])
            why = problems[0].message if problems else "cannot be read"
            detail.show(f"{summit_id}.toml cannot be read: {why}")
        else:
            facts = (summit_id, str(summit.status), _replies(summit), str(summit.classification))
            detail.show(f"{summit.title}\n" + " · ".join(fact for fact in facts if fact))

    def _glanced_detail(self, summit_id: str) -> str:
        glance = self._glances.get(summit_id)
        if glance is None:
            return summit_id
        facts = [summit_id, glance.status or "", glance.classification or ""]
        return f"{glance.title or ''}\n" + " · ".join(fact for fact in facts if fact)

    def _selected(self) -> str | None:
        return selected_key(self.query_one("#summits", DataTable))

    @on(DataTable.RowSelected, "#summits")
    @needs_data
    def action_open(self) -> None:
        from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

        summit_id = self._selected()
        if summit_id is None:
            return
        problems = self._unreadable().get(summit_id)
        if problems is not None:
            from summit.tui.screens.problems import ProblemsScreen  # noqa: PLC0415

            self.app.push_screen(ProblemsScreen(problems, self.session.workspace.root))
            return
        self.app.push_screen(SummitScreen(self.session, summit_id))

    @needs_data
    def action_delete(self) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        summit_id = self._selected()
        workspace = self.session.workspace
        if summit_id is None or summit_id not in workspace.summits:
            return
        title = workspace.summits[summit_id].title

        def answered(answer: str | None) -> None:
            if answer == "delete":
                workspace.remove_summit(summit_id)
                self.session.changed()
                self.refresh_rows()
                self.notify(
                    f"Deleted {summit_id}: its file goes when you save (ctrl+s); ctrl+z brings it "
                    "back until then; commit (f4) to record it in git",
                    markup=False,
                )

        message = (
            f"Delete {title!r}? Its file {summit_id}.toml is removed when you save; in git, "
            "the next commit records the deletion and its history stays."
        )
        answers = [("keep", "Keep it"), ("delete", "Delete")]
        self.app.push_screen(ConfirmScreen("Delete summit", message, answers), answered)

    @needs_data
    def action_invitees(self) -> None:
        from summit.tui.screens.register import RegisterScreen  # noqa: PLC0415

        self.app.push_screen(RegisterScreen(self.session))

    @needs_data
    def action_new(self) -> None:
        self._ask_for_summit("New summit", {"timezone": "Europe/London", "status": "draft"})

    @needs_data
    def action_duplicate(self) -> None:
        summit_id = self._selected()
        if summit_id is None or summit_id not in self.session.workspace.summits:
            return
        from summit.model.follow_up import follow_up_data  # noqa: PLC0415 - pydantic, late

        source = self.session.workspace.summits[summit_id]
        new_id = self._free_id(f"{summit_id}-follow-up")
        base = follow_up_data(source, summit_id, new_id, self.session.today)
        self._ask_for_summit(f"Follow-up to {summit_id}", base, like=summit_id)

    def _free_id(self, wanted: str) -> str:
        taken = self.session.workspace.summits
        candidates = (wanted if n == 1 else f"{wanted}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken)

    def _ask_for_summit(self, title: str, base: dict[str, object], like: str | None = None) -> None:
        # Forms load TextArea and friends: imported on first use to keep launch quick.
        from summit.model import Summit  # noqa: PLC0415
        from summit.tui import forms  # noqa: PLC0415
        from summit.tui.screens.form import FormResult, FormScreen  # noqa: PLC0415

        workspace = self.session.workspace
        register = workspace.register
        check = forms.both(
            forms.new_id_check(workspace.summits, "a summit"),
            forms.summit_check(register, workspace.summits),
        )
        fields = forms.summit_fields(register, new=True, summits=workspace.summits)
        form = FormScreen(title, Summit, fields, base, check)

        def created(result: FormResult[Summit] | None) -> None:
            if result is None:
                return
            summit_id = str(result.values["id"])
            try:
                workspace.add_summit(summit_id, result.record, like=like)
            except ValueError as error:  # a file of that name appeared on disk meanwhile
                self.notify(str(error), severity="error")
                return
            self.session.changed()
            self.refresh_rows()
            self.notify(f"Created {summit_id}")

        self.app.push_screen(form, created)
