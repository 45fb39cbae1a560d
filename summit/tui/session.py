"""The app's editing session: the current workspace and who to tell when it changes."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from summit.workspace import Workspace


class Session:
    """Holds the workspace the screens edit; replaced as a whole on reload."""

    def __init__(self, workspace: Workspace, today: date | None = None) -> None:
        self.workspace = workspace
        self.today = today or date.today()
        """What counts as overdue is judged against this day (fixed in tests)."""
        self._listeners: list[Callable[[], None]] = []

    @classmethod
    def open(cls, root: Path, today: date | None = None) -> "Session":
        return cls(Workspace.open(root), today)

    @property
    def place(self) -> str:
        """The data directory as the title bar shows it."""
        root = self.workspace.root
        return root.name or str(root)

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tell listeners (the app's unsaved marker) that the working copies changed."""
        for listener in self._listeners:
            listener()

    def reload(self) -> None:
        self.workspace = self.workspace.reload()
        self.changed()
