"""The app's editing session: the current workspace and who to tell when it changes.

A session may start before its workspace has loaded (the app paints the summits
list from a quick look at the files, then loads and checks everything in a
worker): until then `loaded` is False, `workspace` must not be asked for, and
what needs the data waits in `when_loaded`.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from summit.store.gc_pause import paused_gc

if TYPE_CHECKING:  # loading the workspace loads pydantic: not before the first frame
    from summit.workflows.workspace import Workspace


class NotLoaded(RuntimeError):
    """The workspace was asked for before it loaded: a bug in the caller."""


class Session:
    """Holds the workspace the screens edit; replaced as a whole on reload."""

    def __init__(
        self, root: Path, today: date | None = None, workspace: "Workspace | None" = None
    ) -> None:
        self.root = root
        self._today = today
        self._workspace = workspace
        self._listeners: list[Callable[[], None]] = []
        self._waiting: list[Callable[[], None]] = []
        self.generation = 0
        self.reply_folder: Path | None = None
        """Where replies were last imported from: the file browser opens there again."""
        """Counts the changes listeners were told of: a screen drawn at this count is current."""

    @property
    def today(self) -> date:
        """What counts as overdue is judged against this day (fixed in tests); asked of
        the model's clock only when needed, as it loads pydantic: not before the first frame."""
        if self._today is None:
            from summit.model import dates  # noqa: PLC0415

            self._today = dates.today()
        return self._today

    @property
    def glance_today(self) -> date:
        """Today for the first frame, without the model's clock (pydantic): the day
        `today` gives when not fixed, as `dates.today()` is the computer's date."""
        return self._today or date.today()

    @classmethod
    def open(cls, root: Path, today: date | None = None) -> "Session":
        """A session on the data, loaded and checked now."""
        return cls(root, today, read_workspace(root))

    @classmethod
    def starting(cls, root: Path, today: date | None = None) -> "Session":
        """A session whose data the caller loads later (`read_workspace`, `loaded_with`)."""
        return cls(root, today)

    @property
    def loaded(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> "Workspace":
        if self._workspace is None:
            raise NotLoaded(f"the data in {self.root} has not loaded yet")
        return self._workspace

    def loaded_with(self, workspace: "Workspace") -> None:
        """The workspace is ready; listeners are told (what waited runs at `run_waiting`)."""
        self._workspace = workspace
        self.changed()

    def run_waiting(self) -> None:
        """Run, in order, what was asked for while the data loaded."""
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def when_loaded(self, action: Callable[[], None]) -> bool:
        """Run `action` now if the data has loaded (True), else once it has (False)."""
        if self.loaded:
            action()
            return True
        self._waiting.append(action)
        return False

    @property
    def place(self) -> str:
        """The data directory as the title bar shows it."""
        return self.root.name or str(self.root)

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tell listeners (the app's unsaved marker) that the working copies changed."""
        self.generation += 1
        for listener in self._listeners:
            listener()

    def reload(self) -> None:
        self._workspace = self.workspace.reload()
        self.changed()


def read_workspace(root: Path) -> "Workspace":
    """Load and check every file of the data directory (slow on big data: any thread).

    Then, once it is shown, `workspace.remember_records()` keeps what was validated.
    """
    # The workspace's working copies too are kept out of the cyclic collector's view,
    # as load_dataset keeps the files it read: otherwise every later full collection
    # rescans them all (0.3 s at each of them on 1,000 summits, seen as a slow screen).
    with paused_gc(keep=True):
        from summit.store.record_cache import user_record_cache  # noqa: PLC0415
        from summit.workflows.workspace import Workspace  # noqa: PLC0415 - pydantic loads here

        # Records validated at an earlier start from the same bytes are taken from the
        # user's cache: a 100,000-delegate register then loads in a fifth of the time.
        workspace = Workspace.open(root, user_record_cache())
        # Checked here too: the summits list asks for the findings as soon as the data
        # is in, and on 1,000 summits checking them on the screen's thread held it 60 ms.
        workspace.findings()
        return workspace
