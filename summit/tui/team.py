"""The app's git actions: the branch in the title bar, commit and sync.

git runs in worker threads, so the app never waits on it (a fetch can take
seconds on a slow network); results come back to the UI thread as messages.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding

from summit.gitrepo.command import GitError
from summit.model.plain import visible
from summit.store.locations import sample_dir
from summit.store.preferences import save_preference
from summit.store.problems import Choice
from summit.tui.loading import needs_data
from summit.tui.session import Session
from summit.tui.sync_notice import SYNC_NOTICE_SECONDS, sync_notice

# The git, merge and history layers are imported where they are first used, in
# worker threads after the first screen is drawn: launch stays quick.
if TYPE_CHECKING:
    from summit.gitrepo.sync import MergeInProgress, RepoStatus, SyncResult
    from summit.store.merge import MergeResult
    from summit.store.watch import Stamp
    from summit.workflows.history import FileReport

NOT_A_REPOSITORY = (
    "This data folder is not in git, so there is nothing to commit or sync. "
    "To start sharing it: `git init`, then `summit git setup`."
)


class TeamActions(App[None]):
    """Mixed into the app: commit (f4), sync (f5) and the branch shown in the title."""

    TEAM_BINDINGS = [
        Binding("f3", "history", "History", id="app.history"),
        Binding("f4", "commit", "Commit", id="app.commit"),
        Binding("f5", "sync", "Sync", id="app.sync"),
    ]
    session: Session
    git_status: "RepoStatus | None" = None

    def show_unsaved(self) -> None:  # implemented by the app
        raise NotImplementedError

    def tell(self, message: str, **options: Any) -> None:
        """A notice quoting git, paths or commit subjects: shown as written, never acted on."""
        self.notify(visible(message), markup=False, **options)

    @property
    def _root(self) -> Path:
        return self.session.root

    def _unsaved_refusal(self, what: str) -> bool:
        if not self.session.loaded:
            self.tell(f"Still loading the data: try {what} again in a moment")
            return True
        dirty = self.session.workspace.dirty_files()
        if dirty:
            self.tell(f"Save first (ctrl+s): {what} takes what is saved", severity="warning")
        return bool(dirty)

    git_marks: "tuple[tuple[Path, ...], dict[Path, Stamp]] | None" = None
    """git's files that a commit or a pull made in a shell rewrites, with their stamps
    when the branch status was last looked at: the file watch compares them."""
    _git_files: tuple[Path, ...] | None = None

    @work(thread=True, exclusive=True, group="git-status")
    def refresh_git_status(self) -> None:
        from summit.gitrepo.setup import is_set_up  # noqa: PLC0415
        from summit.gitrepo.sync import repo_status  # noqa: PLC0415
        from summit.store.watch import stamps_of  # noqa: PLC0415

        files = self._git_files_to_watch()
        marks = (files, stamps_of(list(files)))  # before git looks: what moves after is seen
        status = repo_status(self._root)
        # summit's own checkout holds the bundled sample: its repository is not a team's data.
        offer = (
            status is not None
            and not self._setup_offered
            and self._root.resolve() != sample_dir().resolve()
        )
        needs_setup = offer and not is_set_up(self._root)
        self.call_from_thread(self._show_git_status, status, needs_setup, marks)

    def _git_files_to_watch(self) -> tuple[Path, ...]:
        from summit.gitrepo.sync import moved_by_git  # noqa: PLC0415

        if self._git_files is None:
            try:
                self._git_files = moved_by_git(self._root)
            except GitError:  # not a repository, or no git: nothing to watch
                self._git_files = ()
        return self._git_files

    def _show_git_status(
        self,
        status: "RepoStatus | None",
        needs_setup: bool = False,
        marks: "tuple[tuple[Path, ...], dict[Path, Stamp]] | None" = None,
    ) -> None:
        self.git_status = status
        self.git_marks = marks if marks and marks[0] else None
        self.show_unsaved()
        waiting = [f for f in (status.conflicted if status else ()) if f not in self._declined]
        if waiting and not self._settling:
            self.settle_git_conflicts(waiting)
        elif needs_setup:
            self._offer_setup()

    # Offering `summit git setup` once per repository -------------------------------

    _setup_offered = False
    preferences: dict[str, Any]

    def _offer_setup(self) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        self._setup_offered = True
        where = str(self._root.resolve())
        if where in self.preferences.get("git_setup_declined", []):
            return
        message = (
            "This data folder is in git, but git does not yet merge its files record by "
            "record, so colleagues' changes to one summit file would clash line by line. "
            "Set up summit's merge and diff drivers for this copy of the repository? "
            "(It writes .git/config and .gitattributes; commit .gitattributes.)"
        )
        answers = [("setup", "Set up"), ("never", "Not for this folder"), ("cancel", "Later")]

        def answered(answer: str | None) -> None:
            if answer == "setup":
                self._run_setup()
            elif answer == "never":
                declined = [*self.preferences.get("git_setup_declined", []), where]
                self.preferences["git_setup_declined"] = declined
                save_preference("git_setup_declined", declined)

        self.push_screen(ConfirmScreen("Merging with colleagues", message, answers), answered)

    def _run_setup(self) -> None:
        from summit.gitrepo.setup import GitSetupError  # noqa: PLC0415
        from summit.gitrepo.setup import setup as git_setup  # noqa: PLC0415

        try:
            report = git_setup(self._root)
        except GitSetupError as error:
            self.tell(str(error), severity="error", timeout=10)
            return
        if report.changed:
            commit = f"; commit {' and '.join(report.to_commit)}" if report.to_commit else ""
            self.tell(f"Git now merges these files record by record{commit}")
        else:
            self.tell("Git was already set up to merge these files")
        self.refresh_git_status()

    # Files a git merge left conflicted ------------------------------------------

    _settling = False
    _declined: frozenset[str] = frozenset()

    def ask_again(self) -> None:
        """Offer again to settle the files set aside (ctrl+r)."""
        self._declined = frozenset()
        self._settling = False

    def files_changed(self) -> None:
        """Data files changed on disk (a pull, say): the branch status, and what to settle."""
        self._declined = frozenset()
        self.refresh_git_status()

    def settle_git_conflicts(self, files: list[str]) -> None:
        """Settle each conflicted data file field by field, then reload from disk."""
        self._settling = True
        self._settle_next(list(files))

    def _settle_next(self, files: list[str]) -> None:
        from summit.model.changes import Names  # noqa: PLC0415
        from summit.tui.screens.resolve import ResolveScreen  # noqa: PLC0415
        from summit.workflows.teamwork import settle_git_conflict  # noqa: PLC0415

        if not files:
            self._settling = False
            self._after_settling()
            return
        path, rest = files[0], files[1:]
        result = settle_git_conflict(self._root, path)
        if result.clean or not result.conflicts:
            self._report_settled(path, result)
            self._settle_next(rest)
            return

        def chosen(choices: dict[str, Choice] | None) -> None:
            if choices is None:
                self._declined = self._declined | {path}
                self.tell(
                    f"{path} stays conflicted (read-only) until you settle it",
                    severity="warning",
                    timeout=10,
                )
            elif not self._still_conflicted(path):
                self.tell(f"{path} was settled elsewhere meanwhile (in a shell?): kept as it is")
            else:
                self._report_settled(path, settle_git_conflict(self._root, path, choices))
            self._settle_next(rest)

        names = Names(self.session.workspace.register) if self.session.loaded else None
        self.push_screen(ResolveScreen(path, result.conflicts, git_merge=True, names=names), chosen)

    def _still_conflicted(self, path: str) -> bool:
        from summit.gitrepo.sync import repo_status  # noqa: PLC0415

        status = repo_status(self._root)
        return status is not None and path in status.conflicted

    def _after_settling(self) -> None:
        """Load the settled files; unsaved edits stay, and saving merges them in."""
        unsaved = self.session.workspace.dirty_files()
        if unsaved:
            # The watch sees the settled files as changed on disk, as after any pull.
            self.tell(
                f"Your unsaved changes ({', '.join(unsaved)}) are kept: saving (ctrl+s) "
                "merges them with the settled files",
                severity="warning",
                timeout=15,
            )
        else:
            self.reload()
        self.refresh_git_status()

    def _report_settled(self, path: str, result: "MergeResult") -> None:
        if result.clean:
            self.tell(f"{path}: merge settled; commit it (f4) to finish the merge")
        else:
            reasons = "; ".join(result.errors) or "it could not be merged"
            self.tell(f"{path} needs settling by hand: {reasons}", severity="error", timeout=15)

    # History ------------------------------------------------------------------

    @needs_data
    def action_history(self) -> None:
        """The history of the summit on screen, or of all the data."""
        from summit.tui.screens.history import HistoryScreen  # noqa: PLC0415
        from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

        if self.git_status is None:
            self.tell(NOT_A_REPOSITORY, severity="warning", timeout=10)
            return
        screen = self.screen
        summit_id = screen.summit_id if isinstance(screen, SummitScreen) else None
        self.push_screen(HistoryScreen(self.session, summit_id))

    # Commit -------------------------------------------------------------------

    def action_commit(self) -> None:
        if not self._unsaved_refusal("a commit"):
            self._prepare_commit()

    @work(thread=True, exclusive=True, group="git")
    def _prepare_commit(self) -> None:
        from summit.gitrepo.sync import merge_in_progress, repo_status  # noqa: PLC0415
        from summit.workflows.history import DataRepository  # noqa: PLC0415

        status = repo_status(self._root)
        reports: list[FileReport] = []
        if status is not None and (status.changed or status.merging):
            try:
                reports = DataRepository(self._root).uncommitted_changes()
            except GitError:
                reports = []
        merge = merge_in_progress(self._root) if status is not None and status.merging else None
        self.call_from_thread(self._ask_for_message, status, reports, merge)

    def _ask_for_message(
        self,
        status: "RepoStatus | None",
        reports: "list[FileReport]",
        merge: "MergeInProgress | None" = None,
    ) -> None:
        from summit.tui.screens.commit import CommitScreen, merge_message  # noqa: PLC0415
        from summit.workflows.history import commit_message  # noqa: PLC0415

        if status is None:
            self.tell(NOT_A_REPOSITORY, severity="warning", timeout=10)
            return
        if status.conflicted:
            files = ", ".join(status.conflicted)
            self.tell(f"Settle the conflicts in {files} first", severity="warning", timeout=10)
            return
        if status.replaying is not None:
            # Each commit a rebase replays keeps its own message: nothing to ask.
            self._commit("", going_on=status.replaying)
            return
        if not status.changed and merge is None:
            self.tell("Nothing to commit: the data files are as last committed")
            return
        if merge is not None:
            # The plain-English change without its own subject line: the merge has one.
            message = merge_message(merge, commit_message(reports).partition("\n\n")[2])
        else:
            message = commit_message(reports) or f"Update {', '.join(status.changed)}"
        changes = [f"{report.path}: {line}" for report in reports for line in report.lines]
        if merge is not None:
            changes = [f"finishes the merge: {merge.subject}", *changes]

        def chosen(text: str | None) -> None:
            if text:
                self._commit(text)

        self.push_screen(CommitScreen(status.changed, changes, message), chosen)

    @work(thread=True, exclusive=True, group="git")
    def _commit(self, message: str, going_on: str | None = None) -> None:
        from summit.gitrepo.sync import commit_data, repo_status  # noqa: PLC0415
        from summit.tui.screens.commit import committed  # noqa: PLC0415

        try:
            commit_data(self._root, message)
        except GitError as error:
            self.call_from_thread(self.tell, str(error), severity="error", timeout=10)
        else:
            after = repo_status(self._root) if going_on else None
            self.call_from_thread(self.tell, committed(message, going_on, after))
        self.call_from_thread(self.refresh_git_status)

    # Sync ---------------------------------------------------------------------

    def action_sync(self) -> None:
        if not self._unsaved_refusal("syncing"):
            self.tell("Syncing with colleagues…")
            self._sync()

    @work(thread=True, exclusive=True, group="git")
    def _sync(self) -> None:
        from summit.gitrepo.sync import sync  # noqa: PLC0415

        try:
            result = sync(self._root)
            came_in = self._came_in(result)
        except GitError as error:
            self.call_from_thread(self.tell, str(error), severity="error", timeout=15)
        else:
            self.call_from_thread(self._synced, result, came_in)
        self.call_from_thread(self.refresh_git_status)

    def _came_in(self, result: "SyncResult") -> list[str]:
        from summit.workflows.history import DataRepository  # noqa: PLC0415

        """What the colleagues' commits changed in the data, in plain English."""
        if not result.received or result.conflicted:
            return []
        reports = DataRepository(self._root).compare(result.before, "HEAD")
        return [f"{report.path}: {line}" for report in reports for line in report.lines]

    def _synced(self, result: "SyncResult", came_in: list[str]) -> None:
        if result.received:
            self.reload()
        lines = [f"↓ {subject}" for subject in result.received]
        lines += [f"  {line}" for line in came_in]
        lines += [f"↑ {subject}" for subject in result.sent]
        if result.conflicted:
            files = ", ".join(result.conflicted)
            self.tell(
                f"Colleagues' changes conflict with yours in {files}; resolve them and commit",
                severity="error",
                timeout=20,
            )
        elif lines:
            self.tell(sync_notice(lines), timeout=SYNC_NOTICE_SECONDS)
        else:
            self.tell("Already up to date with colleagues")

    def reload(self) -> None:  # implemented by the app
        raise NotImplementedError
