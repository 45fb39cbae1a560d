"""Cancelling a summit is asked, however it is chosen: ctrl+x or "cancelled" in the details form.

A cancellation goes to every invitee once sent, so it is never a side effect of a form;
and a summit that took place (or whose day has passed) is never cancelled, as that
would take it out of the transparency return.
"""

from collections.abc import Callable
from datetime import date

from textual.app import App

from summit.model import Summit
from summit.model.timing import cancel_refused
from summit.tui.screens.choice import ConfirmScreen

CANCELLED_HOW_TO_TELL = "Cancelled: save (ctrl+s), then send (ctrl+t) to tell invitees"


def ask_to_cancel(app: App[object], title: str, answered: Callable[[bool], None]) -> None:
    """Ask whether to cancel the summit `title`; `answered` is told yes or no."""
    message = (
        f"Cancel {title!r}? Then save (ctrl+s) and send (ctrl+t): "
        "every invitee receives a cancellation."
    )
    # The safe answer first: it has the focus, so a stray enter keeps the summit.
    answers = [("keep", "Keep it"), ("cancel-summit", "Cancel the summit")]
    app.push_screen(
        ConfirmScreen("Cancel summit", message, answers),
        lambda answer: answered(answer == "cancel-summit"),
    )


def refuse_cancelling(app: App[object], summit_id: str, summit: Summit, today: date) -> bool:
    """Say why `summit` may not be cancelled, if it may not: True when refused."""
    refused = cancel_refused(summit_id, summit, today)
    if refused is not None:
        app.notify(f"Not cancelled: {refused}", severity="error", timeout=15)
    return refused is not None
