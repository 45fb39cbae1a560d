"""What changed, and who changed it: the commits touching a summit (or all the data),
and the uncommitted changes, each in plain English."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from summit.gitrepo.command import GitError
from summit.model.plain import visible
from summit.tui.session import Session
from summit.tui.widgets.footer import SteadyFooter
from summit.tui.widgets.tables import selected_key
from summit.workflows.history import DataRepository, FileReport, HistoryEntry, merge_note

UNCOMMITTED = "uncommitted"
NARROW = 110
"""Below this many columns the changes go under the commits rather than beside them."""


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
        Binding("r", "reload", "Refresh", id="history.refresh"),
    ]

    def __init__(self, session: Session, summit_id: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        self.details: dict[str, Text] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history"):
            yield DataTable(id="history-commits", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="history-detail-pane"):
                yield Static("Reading the history…", id="history-detail")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.title = f"history of {self.summit_id}" if self.summit_id else "history of the data"
        table: DataTable[str | Text] = self.query_one("#history-commits", DataTable)
        for label, width in (("When", 16), ("Who", 16), ("What", 40)):
            table.add_column(label, key=label.lower(), width=width)
        self.action_reload()

    def on_resize(self) -> None:
        self.query_one("#history").set_class(self.size.width < NARROW, "-narrow")

    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            repository = DataRepository(self.session.workspace.root)
            pending = repository.uncommitted_changes()
            entries = repository.history(self.summit_id, limit=50)
        except GitError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self._fill, pending, entries)

    def _show_error(self, message: str) -> None:
        self.query_one("#history-detail", Static).update(Text(visible(message)))

    def _fill(self, pending: list[FileReport], entries: list[HistoryEntry]) -> None:
        table: DataTable[str | Text] = self.query_one("#history-commits", DataTable)
        table.clear()
        self.details.clear()
        mine = [r for r in pending if self._concerns(r.path)]
        if mine:
            table.add_row(Text("now"), Text("you"), Text("Uncommitted changes"), key=UNCOMMITTED)
            self.details[UNCOMMITTED] = _described("Not committed yet (f4 commits)", mine)
        for entry in entries:
            commit = entry.commit
            when = f"{commit.date:%Y-%m-%d %H:%M}"
            # Commit subjects and names come from anyone who can push: shown, never acted on.
            author = visible(commit.author, one_line=True)
            subject = visible(commit.subject, one_line=True)
            table.add_row(Text(when), Text(author), Text(subject), key=commit.hash)
            heading = f"{subject}\n{author} <{visible(commit.email)}>, {when}, {commit.short}"
            if commit.is_merge:
                heading += f"\n{merge_note(entry)}"
            self.details[commit.hash] = _described(heading, entry.files)
        if not table.row_count:
            self._show_error("No commit has changed this yet.")
            return
        table.focus()
        self._show(selected_key(table))

    def _concerns(self, path: str) -> bool:
        return self.summit_id is None or path.endswith(f"/{self.summit_id}.toml")

    @on(DataTable.RowHighlighted, "#history-commits")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.row_key.value)

    def _show(self, key: str | None) -> None:
        if key is not None and key in self.details:
            self.query_one("#history-detail", Static).update(self.details[key])


def _described(heading: str, reports: list[FileReport]) -> Text:
    text = Text()
    text.append(heading, style="bold")
    for report in reports:
        text.append(f"\n\n{visible(report.path)}\n", style="bold")
        lines = "\n".join(f"• {visible(line)}" for line in report.lines)
        text.append(lines or "• (layout only)")
    if not reports:
        text.append("\n\nNo change to the data.")
    return text
