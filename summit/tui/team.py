"""The app's git actions: the branch in the title bar, commit and sync.

git runs in worker threads, so the app never waits on it (a fetch can take
seconds on a slow network); results come back to the UI thread as messages.
"""

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from summit.gitrepo.sync import GitError, RepoStatus, SyncResult, commit_data, repo_status, sync
from summit.tui.session import Session

NOT_A_REPOSITORY = (
    "This data folder is not in git, so there is nothing to commit or sync. "
    "To start sharing it: `git init`, then `summit git setup`."
)


class TeamActions(App[None]):
    """Mixed into the app: commit (f4), sync (f5) and the branch shown in the title."""

    TEAM_BINDINGS = [
        Binding("f4", "commit", "Commit", id="app.commit"),
        Binding("f5", "sync", "Sync", id="app.sync"),
    ]
    session: Session
    git_status: RepoStatus | None = None

    def show_unsaved(self) -> None:  # implemented by the app
        raise NotImplementedError

    @property
    def _root(self) -> Path:
        return self.session.workspace.root

    def _unsaved_refusal(self, what: str) -> bool:
        dirty = self.session.workspace.dirty_files()
        if dirty:
            self.notify(f"Save first (ctrl+s): {what} takes what is saved", severity="warning")
        return bool(dirty)

    @work(thread=True, exclusive=True, group="git-status")
    def refresh_git_status(self) -> None:
        status = repo_status(self._root)
        self.call_from_thread(self._show_git_status, status)

    def _show_git_status(self, status: RepoStatus | None) -> None:
        self.git_status = status
        self.show_unsaved()

    # Commit -------------------------------------------------------------------

    def action_commit(self) -> None:
        if not self._unsaved_refusal("a commit"):
            self._prepare_commit()

    @work(thread=True, exclusive=True, group="git")
    def _prepare_commit(self) -> None:
        status = repo_status(self._root)
        self.call_from_thread(self._ask_for_message, status)

    def _ask_for_message(self, status: RepoStatus | None) -> None:
        from summit.tui.screens.commit import CommitScreen  # noqa: PLC0415

        if status is None:
            self.notify(NOT_A_REPOSITORY, severity="warning", timeout=10)
            return
        if not status.changed:
            self.notify("Nothing to commit: the data files are as last committed")
            return
        message = f"Update {', '.join(status.changed)}"

        def chosen(text: str | None) -> None:
            if text:
                self._commit(text)

        self.push_screen(CommitScreen(status.changed, [], message), chosen)

    @work(thread=True, exclusive=True, group="git")
    def _commit(self, message: str) -> None:
        try:
            commit_data(self._root, message)
        except GitError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=10)
        else:
            subject = message.splitlines()[0]
            self.call_from_thread(self.notify, f"Committed: {subject}")
        self.call_from_thread(self.refresh_git_status)

    # Sync ---------------------------------------------------------------------

    def action_sync(self) -> None:
        if not self._unsaved_refusal("syncing"):
            self.notify("Syncing with colleagues…")
            self._sync()

    @work(thread=True, exclusive=True, group="git")
    def _sync(self) -> None:
        try:
            result = sync(self._root)
        except GitError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=15)
        else:
            self.call_from_thread(self._synced, result)
        self.call_from_thread(self.refresh_git_status)

    def _synced(self, result: SyncResult) -> None:
        if result.received:
            self.reload()
        lines = [f"↓ {subject}" for subject in result.received]
        lines += [f"↑ {subject}" for subject in result.sent]
        if result.conflicted:
            files = ", ".join(result.conflicted)
            self.notify(
                f"Colleagues' changes conflict with yours in {files}; resolve them and commit",
                severity="error",
                timeout=20,
            )
        elif lines:
            self.notify("Synced:\n" + "\n".join(lines[:12]), timeout=10)
        else:
            self.notify("Already up to date with colleagues")

    def reload(self) -> None:  # implemented by the app
        raise NotImplementedError
