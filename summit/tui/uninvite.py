"""Uninviting from the register (space) and the summit's invitees (x): ask when it loses anything.

What would be lost is worked out in the model (summit.model.uninvite); here it
is asked about, with keeping focused, and what was done is told with its undo.
"""

from collections.abc import Callable

from textual.app import App

from summit.model.uninvite import Loss
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.text import escape


def uninvite_after_asking(app: App[object], loss: Loss, uninvite: Callable[[], None]) -> None:
    """Run `uninvite` at once when it loses nothing; else only once the user says so."""

    def done() -> None:
        uninvite()
        app.notify(f"Uninvited {loss.who}: ctrl+z undoes it", markup=False)

    if not loss.anything:
        done()
        return

    def answered(answer: str | None) -> None:
        if answer == "uninvite":
            done()

    message = f"{escape(loss.describe())}\n\nUninvite anyway? (ctrl+z undoes it until you save)"
    answers = [("keep", "Keep invited"), ("uninvite", "Uninvite")]
    app.push_screen(ConfirmScreen(f"Uninvite {escape(loss.who)}?", message, answers), answered)
