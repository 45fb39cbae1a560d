"""Keeping the app up to date with the files on disk, without losing the user's place.

Another program may write the data meanwhile: a CLI import, a `git pull` in a
shell. Every second the app asks storage which files changed since it loaded
them (summit.store.watch) and loads the data again in a worker, then redraws
the screens in place: the screen, tab and highlighted row stay. Unsaved
changes are never dropped: while there are some, the app says which file
changed and waits; saving merges them with the file on disk (the merge on
save), and the data is loaded again once everything is saved. Files a pull
left conflicted are settled field by field first (team.py), which loads them.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import ModalScreen

from summit.tui.session import Session, read_workspace

if TYPE_CHECKING:
    from summit.store.watch import Stamp
    from summit.workflows.workspace import Workspace

WATCH_SECONDS = 1.0


class WatchesFiles(App[None]):
    """Mixed into the app: notices changes on disk and reloads in place."""

    session: Session
    _changed_on_disk: frozenset[Path] = frozenset()
    """Changed files not yet loaded again."""
    _told: frozenset[Path] = frozenset()
    _watching = False
    _reading = False
    _declined: frozenset[str]
    """Conflicted files the user chose to leave for now (team.py)."""
    git_marks: "tuple[tuple[Path, ...], dict[Path, Stamp]] | None"
    """git's files and their stamps at the last look at the branch status (team.py)."""
    refresh_git_status: "Callable[[], object]"
    """Look at the branch status again, in a worker (team.py)."""

    def start_watching(self) -> None:
        if not self._watching:
            self._watching = True
            self.set_interval(WATCH_SECONDS, self.look_at_files)

    @work(thread=True, exclusive=True, group="watch-stat")
    def look_at_files(self) -> None:
        """Stat the data files (away from the screen's thread), then compare them; and
        git's, for a commit made in a shell (the title bar's count of changed files)."""
        from summit.store.watch import file_stamps, stamps_of  # noqa: PLC0415

        marks = self.git_marks
        git_moved = marks is not None and stamps_of(list(marks[0])) != marks[1]
        self.call_from_thread(self._compare, file_stamps(self.session.root), git_moved)

    def _compare(self, now: "dict[Path, Stamp]", git_moved: bool = False) -> None:
        """Note what changed on disk, and load it when that loses nothing."""
        from summit.store.watch import changed_files  # noqa: PLC0415

        if not self.session.loaded or not self.screen_stack:
            return  # not loaded yet, or closing: the answer came back from a thread
        if git_moved:
            self.refresh_git_status()
        changed = changed_files(self.session.workspace.dataset, now)
        if changed:
            self._changed_on_disk |= frozenset(changed)
            self.files_changed()  # the title bar's branch status, a merge to settle
        if self._changed_on_disk and not self._reading:
            self._load_changes()

    def _load_changes(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return  # a form or a question is open: it is about the data as it is
        unsaved = self.session.workspace.dirty_files()
        if unsaved:
            self._tell_kept(unsaved)
            return
        self._reading = True
        self._read_again(self.session.generation)

    def _tell_kept(self, unsaved: list[str]) -> None:
        new = self._changed_on_disk - self._told
        if not new:
            return
        self._told |= new
        root = self.session.root
        names = ", ".join(path.relative_to(root).as_posix() for path in sorted(new))
        self.notify(
            f"{names} changed on disk (another program, or a git pull). Your unsaved changes "
            f"({', '.join(unsaved)}) are kept: saving (ctrl+s) merges them with it, and "
            "then the rest is loaded again.",
            severity="warning",
            timeout=15,
            markup=False,
        )

    @work(thread=True, exclusive=True, group="watch")
    def _read_again(self, generation: int) -> None:
        if self._left_conflicted():
            # Loaded now, a conflicted summit is unreadable: its screen would close, and
            # settling it would end on the list. Settling loads the files once done.
            self.call_from_thread(self._settle_first)
            return
        workspace = read_workspace(self.session.root)
        self.call_from_thread(self._read_in, workspace, generation)
        self.call_from_thread(self.remember_once_shown, workspace)

    def _left_conflicted(self) -> bool:
        """Whether a git merge left data files conflicted that are to be settled."""
        from summit.gitrepo.sync import repo_status  # noqa: PLC0415

        status = repo_status(self.session.root)
        return status is not None and any(f not in self._declined for f in status.conflicted)

    def _settle_first(self) -> None:
        self._reading = False
        self._changed_on_disk = self._told = frozenset()
        self.files_changed()  # the git status, which offers to settle them

    def remember_once_shown(self, workspace: "Workspace") -> None:
        """Keep what was validated in the record cache, once the screen shows the data:
        pickling a big register holds the interpreter for as long as it takes to paint."""
        self.call_after_refresh(self._remember, workspace)

    @work(thread=True, group="remember")
    def _remember(self, workspace: "Workspace") -> None:
        workspace.remember_records()

    def _read_in(self, workspace: "Workspace", generation: int) -> None:
        self._reading = False
        if (
            self.session.generation != generation
            or self.session.workspace.dirty_files()
            or isinstance(self.screen, ModalScreen)
        ):
            return  # edited meanwhile, or a question opened: looked at again on the next tick
        root = self.session.root
        names = ", ".join(
            path.relative_to(root).as_posix() for path in sorted(self._changed_on_disk)
        )
        self._changed_on_disk = self._told = frozenset()
        self.session.loaded_with(workspace)
        self.reload_in_place()
        self.notify(f"Loaded again: {names} changed on disk", markup=False)

    def reload_in_place(self) -> None:
        """After the workspace was replaced: redraw, keeping the screens that still apply."""
        from summit.tui.screens.problems import ProblemsScreen  # noqa: PLC0415
        from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

        self._changed_on_disk = self._told = frozenset()
        summits = self.session.workspace.summits
        # Questions and forms were about the data as it was, and the list of problems is
        # made again: they close. A summit that is gone closes with what is above it.
        stale = [
            at
            for at, screen in enumerate(self.screen_stack)
            if at > 0
            and (
                isinstance(screen, ModalScreen | ProblemsScreen)
                or (isinstance(screen, SummitScreen) and screen.summit_id not in summits)
            )
        ]
        if stale:
            while len(self.screen_stack) > stale[0]:
                self.pop_screen()
        self.refresh_screen()
        self.show_problems()
        self.show_unsaved()

    # Implemented by the app and its team actions.

    def files_changed(self) -> None:
        raise NotImplementedError

    def refresh_screen(self) -> None:
        raise NotImplementedError

    def show_problems(self) -> None:
        raise NotImplementedError

    def show_unsaved(self) -> None:
        raise NotImplementedError
