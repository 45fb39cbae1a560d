"""Commit the data files: what changed, and a message the user can edit."""

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from summit.tui.text import escape


class CommitScreen(ModalScreen[str | None]):
    """Dismisses with the message to commit with, or None."""

    CSS_PATH = "commit.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="commit.cancel"),
        Binding("ctrl+s", "commit", "Commit", id="commit.run", priority=True),
    ]

    def __init__(self, changed: Sequence[str], changes: Sequence[str], message: str) -> None:
        super().__init__()
        self.changed = list(changed)
        self.changes = list(changes)
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="commit"):
            yield Label("Commit the data files", id="commit-title")
            listing = "\n".join(f"• {escape(line)}" for line in self.changes or self.changed)
            yield Static(listing, id="commit-changes")
            yield Label("Message (ctrl+s commits)")
            yield TextArea(self.message, id="commit-message", soft_wrap=True)
            with Horizontal(id="commit-buttons"):
                yield Button("Commit", variant="primary", id="commit-run", compact=True)
                yield Button("Cancel", id="commit-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#commit-message", TextArea).focus()

    @on(Button.Pressed, "#commit-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#commit-run")
    def action_commit(self) -> None:
        message = self.query_one("#commit-message", TextArea).text.strip()
        if not message:
            self.notify("Write a message saying what changed", severity="error")
            return
        self.dismiss(message)
