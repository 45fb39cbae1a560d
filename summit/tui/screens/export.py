"""Export a summit's invites, agenda and e-mails into a folder, and show what was written."""

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from summit.store import ConflictError, DataError
from summit.store.locations import exports_dir
from summit.tui.replacing import ReplaceConsent
from summit.tui.session import Session
from summit.tui.team import TeamActions
from summit.tui.text import escape
from summit.tui.widgets.tick_box import TickBox
from summit.workflows import invitations

if TYPE_CHECKING:
    from summit.store import Dataset


class ExportScreen(ModalScreen[bool]):
    CSS_PATH = "export.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Close", id="export.close"),
        # Enter in the folder or ctrl+s anywhere: no tabbing past every box to the button.
        Binding("ctrl+s", "run", "Export", id="export.run", priority=True),
    ]

    def __init__(self, session: Session, summit_id: str) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        self.consent = ReplaceConsent()

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label(f"Export {self.summit_id}", id="export-title")
            yield Label("Folder")
            folder = exports_dir(self.session.workspace.root)
            yield Input(str(folder), id="export-folder", compact=True)
            yield TickBox("Invite for the organisers (every attendee)", True, id="combined")
            yield TickBox(
                "One invite per organisation (only its own delegates)", True, id="per-organisation"
            )
            yield TickBox("Agenda calendar (one event per item)", True, id="agenda")
            yield TickBox("E-mails ready to send, one per organisation", True, id="emails")
            yield Static(
                "Exporting saves your changes first; the summit file records "
                "the invite's UID and SEQUENCE.",
                id="export-note",
            )
            # The files written scroll above buttons that stay in view (at 80x24, eight
            # files' paths are taller than what is left of the dialog).
            with VerticalScroll(id="export-result-scroll"):
                yield Static("", id="export-result")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export-run")
                yield Button("Close", id="export-close")

    @on(Button.Pressed, "#export-close")
    def _close(self) -> None:
        self.dismiss(False)

    def _checked(self, name: str) -> bool:
        return self.query_one(f"#{name}", Checkbox).value

    @on(Input.Submitted)
    def action_run(self) -> None:
        button = self.query_one("#export-run", Button)
        if not button.disabled:
            button.press()

    @on(Button.Pressed, "#export-run")
    def _run(self) -> None:
        workspace = self.session.workspace
        if not workspace.writable:
            self.notify("Fix the data problems first (F1 for help)", severity="error")
            return
        report = workspace.save()
        if not report.ok:
            self.notify("Saving failed: resolve it (ctrl+s) before exporting", severity="error")
            return
        self.query_one("#export-run", Button).disabled = True
        self.export(
            Path(self.query_one("#export-folder", Input).value).expanduser(),
            [n for n in ("combined", "per-organisation", "agenda", "emails") if self._checked(n)],
        )

    @work(thread=True, exclusive=True)
    def export(self, folder: Path, kinds: list[str]) -> None:
        dataset = self.session.workspace.dataset
        written: list[Path] = []
        warnings: list[str] = []
        try:
            with self.consent.writing_into(folder):
                exports = self._exports(dataset, folder, kinds)
                if "agenda" in kinds:
                    written.append(invitations.export_agenda(dataset, self.summit_id, folder))
            for exported in exports:
                written += exported.paths
                warnings += [w for w in exported.warnings if w not in warnings]
        except (DataError, OSError, ConflictError, invitations.ExportError) as error:
            asked = self.consent.asked(folder, error) if isinstance(error, OSError) else None
            failed = f"[b $text-error]Export failed:[/] {escape(str(error))}"
            self.app.call_from_thread(self._show, escape(asked) if asked else failed)
            self.app.call_from_thread(self._enable)
            return
        self.app.call_from_thread(self._exported, written, warnings)

    def _exports(
        self, dataset: "Dataset", folder: Path, kinds: list[str]
    ) -> list[invitations.Exported]:
        """The exports made of several files (each written all together, or not at all)."""
        exports = []
        if "combined" in kinds:
            exports.append(invitations.export_invites(dataset, self.summit_id, folder))
        if "per-organisation" in kinds:
            exports.append(
                invitations.export_invites(dataset, self.summit_id, folder, per_organisation=True)
            )
        if "emails" in kinds:
            exports.append(invitations.export_emails(dataset, self.summit_id, folder))
        return exports

    def _exported(self, written: list[Path], warnings: list[str]) -> None:
        summit = self.session.workspace.dataset.summits[self.summit_id].record
        self.session.workspace.set_summit(self.summit_id, summit, undoable=False)
        self.session.changed()
        state = summit.invite
        header = f"Wrote {len(written)} files (SEQUENCE {state.sequence if state else 0}):"
        notes = [f"[b $text-warning]Warning:[/] {escape(w)}" for w in warnings]
        self._show("\n".join([*notes, header, *(escape(str(p)) for p in written)]))
        self._enable()
        # The summit file now records the invite: the title bar's git mark follows.
        if isinstance(self.app, TeamActions):
            self.app.refresh_git_status()

    def _enable(self) -> None:
        self.query_one("#export-run", Button).disabled = False

    def _show(self, text: str) -> None:
        self.query_one("#export-result", Static).update(text)
