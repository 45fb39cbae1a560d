"""Write a summit's papers (briefing pack, note of the meeting, press notice) and list them."""

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from summit.papers.document import PaperKind
from summit.papers.writing import Written, write_papers
from summit.store import ConflictError, DataError
from summit.store.locations import exports_dir
from summit.tui.replacing import ReplaceConsent
from summit.tui.session import Session
from summit.tui.text import escape

_KINDS = [
    (PaperKind.BRIEF, "Briefing pack for the chair (internal; Word, Markdown, HTML)"),
    (PaperKind.NOTE, "Note of the meeting, for attendees and the internal record"),
    (PaperKind.PRESS, "Press notice (public)"),
]


class PapersScreen(ModalScreen[None]):
    CSS_PATH = "papers.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="papers.close"),
        # Enter in the folder or ctrl+s anywhere: no tabbing past every box to the button.
        Binding("ctrl+s", "run", "Write", id="papers.run", priority=True),
    ]

    def __init__(self, session: Session, summit_id: str) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        self.consent = ReplaceConsent()

    def compose(self) -> ComposeResult:
        from summit.tui.widgets.tick_box import TickBox  # noqa: PLC0415

        with Vertical(id="papers"):
            yield Label(f"Papers of {self.summit_id}", id="papers-title")
            yield Label("Folder")
            folder = exports_dir(self.session.workspace.root)
            yield Input(str(folder), id="papers-folder", compact=True)
            for kind, label in _KINDS:
                yield TickBox(label, True, id=f"paper-{kind}")
            yield Static(
                "Writing saves your changes first. Sensitive records stay out of the note for "
                "attendees and the press notice; internal papers carry the marking.",
                id="papers-note",
            )
            yield Static("", id="papers-result")
            with Horizontal(id="papers-buttons"):
                yield Button("Write (ctrl+s)", variant="primary", id="papers-run")
                yield Button("Close", id="papers-close")

    @on(Button.Pressed, "#papers-close")
    def _close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def action_run(self) -> None:
        button = self.query_one("#papers-run", Button)
        if not button.disabled:
            button.press()

    @on(Button.Pressed, "#papers-run")
    def _run(self) -> None:
        workspace = self.session.workspace
        if not workspace.writable:
            self.notify("Fix the data problems first (F1 for help)", severity="error")
            return
        if not workspace.save().ok:
            self.notify("Saving failed: resolve it (ctrl+s) before writing", severity="error")
            return
        kinds = [k for k, _ in _KINDS if self.query_one(f"#paper-{k}", Checkbox).value]
        if not kinds:
            self._show("Tick at least one paper to write.")
            return
        self.query_one("#papers-run", Button).disabled = True
        self.write(Path(self.query_one("#papers-folder", Input).value).expanduser(), kinds)

    @work(thread=True, exclusive=True)
    def write(self, folder: Path, kinds: list[PaperKind]) -> None:
        dataset = self.session.workspace.dataset
        try:
            with self.consent.writing_into(folder):
                written = write_papers(dataset, self.summit_id, folder, kinds=kinds)
        except (DataError, OSError, ConflictError) as error:
            asked = self.consent.asked(folder, error) if isinstance(error, OSError) else None
            failed = f"[b $text-error]Nothing written:[/] {escape(str(error))}"
            self.app.call_from_thread(self._show, escape(asked) if asked else failed)
            self.app.call_from_thread(self._enable)
            return
        self.app.call_from_thread(self._written, written)

    def _enable(self) -> None:
        self.query_one("#papers-run", Button).disabled = False

    def _written(self, written: Written) -> None:
        notes = [f"[b $text-warning]Warning:[/] {escape(w)}" for w in written.warnings]
        header = f"Wrote {len(written.paths)} files:"
        # What was written matters more now than the note on what writing does.
        self.query_one("#papers-note", Static).display = False
        self._show("\n".join([*notes, header, *(escape(str(p)) for p in written.paths)]))
        self._enable()

    def _show(self, text: str) -> None:
        self.query_one("#papers-result", Static).update(text)
