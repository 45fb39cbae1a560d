"""The base of each part of the summit screen: it reads and edits one working summit."""

from textual.containers import Vertical
from textual.message import Message

from summit.model import Register, Summit
from summit.tui.session import Session


class SummitChanged(Message):
    """A part changed the summit; the screen refreshes its other parts."""


class SummitPart(Vertical):
    """One tab of the summit screen, drawn when in view and only if what it shows changed."""

    def __init__(self, session: Session, summit_id: str) -> None:
        super().__init__()
        self.session = session
        self.summit_id = summit_id
        # The working summit and register last drawn. Edits replace working copies
        # rather than change them, so being the same objects means nothing changed.
        self._drawn: tuple[Summit, Register] | None = None

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

    def show(self) -> None:
        """Draw the part unless it already shows the working summit and register."""
        now = (self.summit, self.register)
        if self._drawn is None or self._drawn[0] is not now[0] or self._drawn[1] is not now[1]:
            self._drawn = now
            self.refresh_part()

    def mark_stale(self) -> None:
        """Draw afresh when next shown."""
        self._drawn = None

    def refresh_part(self) -> None:
        """Redraw from the working summit; each part overrides this."""
