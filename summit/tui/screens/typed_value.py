"""Type a value of one's own for a field both sides of a merge changed.

What is typed is read as the field's type (summit.tui.typed): text as is,
numbers, yes/no and dates as people write them. Text that cannot be read so
stays in the box, with what is wanted said under it.
"""

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from summit.store.problems import Edited
from summit.tui.typed import Unreadable, read_typed, shown_for_typing


class ValueScreen(ModalScreen[Edited | None]):
    """Dismisses with the typed value, read as the type of `like`'s values, or None."""

    CSS_PATH = "choice.tcss"
    DEFAULT_CSS = "ValueScreen { align: center middle; } #value-error { color: $text-error; }"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="value.cancel")]

    def __init__(self, field: str, like: list[Any], value: Any) -> None:
        super().__init__()
        self.field = field
        self.like = like
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.field), classes="dialog-title")
            yield Static("Type the value as you would say it (enter keeps it, escape cancels)")
            yield Input(shown_for_typing(self.value), id="value")
            yield Static("", id="value-error")

    @on(Input.Submitted, "#value")
    def _submitted(self, event: Input.Submitted) -> None:
        error = self.query_one("#value-error", Static)
        if not event.value.strip():
            error.update("Type a value, or press escape to keep mine or theirs instead")
            return
        try:
            value = read_typed(event.value, self.like)
        except Unreadable as why:
            error.update(Text(f"{event.value!r}: {why}"))
            return
        self.dismiss(Edited(value))

    @on(Input.Changed, "#value")
    def _changed(self) -> None:
        self.query_one("#value-error", Static).update("")
