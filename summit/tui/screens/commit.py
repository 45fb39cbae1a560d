"""Commit the data files: what changed, and a message the user can edit."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from summit.tui.text import escape

if TYPE_CHECKING:
    from summit.gitrepo.sync import MergeInProgress, RepoStatus


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


def committed(message: str, going_on: str | None, after: "RepoStatus | None") -> str:
    """What a commit (f4) did: committed, or went on with a rebase (and how far)."""
    if going_on is None:
        return f"Committed: {message.splitlines()[0]}"
    if after is not None and after.replaying is not None:
        return f"The {going_on} went on, and stopped again: settle what it asks, then f4"
    return f"The {going_on} is finished: sync (f5) to share it"


def merge_message(merge: "MergeInProgress", changes: str) -> str:
    """The message that finishes a merge: that it is one, the commits it brings in, and
    what they change in the data (`changes`, a commit message of the plain-English change)."""
    lines = [merge.subject, ""]
    if merge.received:
        lines += ["Brings in:", *(f"- {subject}" for subject in merge.received), ""]
    if changes:
        lines += ["What changes here:", "", changes.rstrip("\n"), ""]
    else:
        lines += ["The data files stay as they were here (every conflict kept our side).", ""]
    return "\n".join(lines)
