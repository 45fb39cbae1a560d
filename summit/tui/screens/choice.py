"""Small modal screens: pick one option, or confirm a choice among buttons."""

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a few values (a reply, a status) from a list."""

    CSS_PATH = "choice.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, options: Sequence[str], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(o, id=o) for o in self.options], id="choices")

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if self.current in self.options:
            choices.highlighted = self.options.index(self.current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ConfirmScreen(ModalScreen[str]):
    """A question with labelled answers; dismisses with the chosen answer's key."""

    CSS_PATH = "choice.tcss"
    BINDINGS = [
        Binding("escape", "dismiss('cancel')", "Cancel", id="confirm.cancel"),
        Binding("left", "move(-1)", "Previous answer", show=False, id="confirm.left"),
        Binding("right", "move(1)", "Next answer", show=False, id="confirm.right"),
        # Up and down only when the buttons are one under another (see on_resize).
        Binding("up", "move_stacked(-1)", "Previous answer", show=False, id="confirm.up"),
        Binding("down", "move_stacked(1)", "Next answer", show=False, id="confirm.down"),
    ]

    def __init__(self, title: str, message: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.answers = list(answers)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.message, id="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for index, (key, label) in enumerate(self.answers):
                    yield Button(
                        label, id=f"answer-{key}", variant="primary" if index == 0 else "default"
                    )

    def on_resize(self, event: events.Resize) -> None:
        """Buttons in a row when they fit the dialog, else one under another.

        Textual does not wrap a row of buttons: the last ones are cut ("Decide").
        """
        # Each button is its label plus border and padding (4) and a gap (1); the
        # dialog is at most 72 wide, less its border and padding (4).
        needed = sum(cell_len(label) + 5 for _, label in self.answers)
        room = min(72, event.size.width) - 4
        stacked = needed > room
        self.query_one(".dialog-buttons").set_class(stacked, "stacked")
        for button in self.query(Button):
            button.compact = stacked  # a line each, so that a small terminal holds them all

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move_stacked":
            return self.query_one(".dialog-buttons").has_class("stacked")
        return True

    def action_move(self, step: int) -> None:
        """Focus the answer before or after the focused one (none past either end)."""
        buttons = list(self.query(Button))
        focused = self.focused
        at = buttons.index(focused) if isinstance(focused, Button) and focused in buttons else 0
        buttons[max(0, min(len(buttons) - 1, at + step))].focus()

    def action_move_stacked(self, step: int) -> None:
        self.action_move(step)

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "answer-cancel").removeprefix("answer-"))


class PathScreen(ModalScreen[str | None]):
    """Ask for a path (a folder to export into, files to import)."""

    CSS_PATH = "choice.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="path.cancel")]

    def __init__(self, title: str, hint: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.hint)
            yield Input(self.value, id="path")

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
