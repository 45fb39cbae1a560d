"""A checkbox whose mark says whether it is on (✓) or off (blank), not only its colour."""

from textual.widgets import Checkbox


class TickBox(Checkbox):
    # Textual's checkbox draws the same X either way and leaves the difference to
    # colour, which a colour-blind user, a monochrome terminal or a screenshot loses.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "
