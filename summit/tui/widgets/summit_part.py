"""The base of each part of the summit screen: it reads and edits one working summit."""

from textual.containers import Vertical
from textual.message import Message

from summit.model import Register, Summit
from summit.tui.session import Session


class SummitChanged(Message):
    """A part changed the summit; the screen refreshes its other parts."""


class SummitPart(Vertical):
    def __init__(self, session: Session, summit_id: str) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id

    @property
    def summit(self) -> Summit:
        return self.session.workspace.summits[self.summit_id]

    @property
    def register(self) -> Register:
        return self.session.workspace.register

    def editable(self) -> Summit:
        """A copy to change and then `commit`."""
        return self.summit.model_copy(deep=True)

    def commit(self, summit: Summit) -> None:
        self.session.workspace.set_summit(self.summit_id, summit)
        self.session.changed()
        self.post_message(SummitChanged())

    def refresh_part(self) -> None:
        """Redraw from the working summit; each part overrides this."""
