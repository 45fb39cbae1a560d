"""The summit Textual app: loads the workspace, shows the first screen, saves and quits.

Launch is quick on big data: the summits list is painted first from a glance at
the summit files (summit.store.glance), then every file is loaded, validated and
checked in a worker thread; until then, actions that need the data wait for it
(summit.tui.loading). Nothing imported at the top of this module, of the first
screen or of the session may load pydantic: that too waits for the worker.
"""

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from summit.store.gc_pause import resume_gc_after_start
from summit.store.preferences import load_preferences, save_preference
from summit.store.problems import Choice, ConflictError, MergeConflicts
from summit.tui.accessible import AccessibleMode, accessible_wanted
from summit.tui.loading import needs_data
from summit.tui.screens.summits import SummitsScreen
from summit.tui.session import Session, read_workspace
from summit.tui.team import TeamActions
from summit.tui.text import escape
from summit.tui.themes import HIGH_CONTRAST
from summit.tui.watching import WatchesFiles

if TYPE_CHECKING:
    from summit.workflows.workspace import SaveReport, Workspace


class SummitApp(TeamActions, WatchesFiles, AccessibleMode):
    # The summits screen is the default screen, whose own CSS_PATH Textual does not
    # load, so the app loads it.
    CSS_PATH = ["app.tcss", "screens/summits.tcss"]
    TITLE = "summit"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="app.save"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f2", "register", "Register", id="app.register"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f6", "contrast", "Contrast", show=False, id="app.contrast"),
        *TeamActions.TEAM_BINDINGS,
    ]

    def __init__(
        self,
        session: Session,
        preferences: dict[str, Any] | None = None,
        *,
        accessible: bool | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.preferences = preferences if preferences is not None else load_preferences()
        self.accessible = accessible_wanted(self.preferences) if accessible is None else accessible
        session.subscribe(self.show_unsaved)

    def get_default_screen(self) -> Screen[Any]:
        # The summits list is the base of the stack: no blank screen is drawn first.
        return SummitsScreen(self.session)

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        chosen = self.preferences.get("theme")
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.start_accessible()
        self.show_unsaved()
        if self.session.loaded:
            self.call_after_refresh(resume_gc_after_start)  # paused by summit.cli.launch
            self.show_problems()
            self.refresh_git_status()
            self.start_watching()
        else:
            # Once the summits list is on screen: the workers would slow the first frame.
            self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self._load_in_background()  # alone: another worker would share the interpreter

    @work(thread=True, exclusive=True, group="load")
    def _load_in_background(self) -> None:
        workspace = read_workspace(self.session.root)
        self.call_from_thread(self._loaded, workspace)
        self.call_from_thread(self.remember_once_shown, workspace)

    def _loaded(self, workspace: "Workspace") -> None:
        self.call_after_refresh(resume_gc_after_start)
        self.session.loaded_with(workspace)  # the title bar's marker follows
        summits = self.screen_stack[0]
        if isinstance(summits, SummitsScreen):
            summits.refresh_rows()
        self.session.run_waiting()
        self.show_problems()
        self.start_watching()
        self.refresh_git_status()

    def _remember_theme(self, theme: Theme) -> None:
        save_preference("theme", theme.name)

    def show_problems(self) -> None:
        workspace = self.session.workspace
        if not workspace.writable and workspace.dataset.problems:
            from summit.tui.screens.problems import ProblemsScreen  # noqa: PLC0415

            self.push_screen(ProblemsScreen(workspace.dataset.problems, workspace.root))

    def show_unsaved(self) -> None:
        if not self.session.loaded:
            self.sub_title = f"{self.session.place} · loading…"
            return
        workspace = self.session.workspace
        dirty = workspace.dirty_files()
        marker = f"● unsaved: {', '.join(dirty)}" if dirty else self.session.place
        if self.git_status is not None:
            marker += f" · {self.git_status.describe()}"
        if self.accessible and self.said:
            marker = f"{self.said} · {marker}"  # said in words until the next message
        self.sub_title = marker if workspace.writable else f"READ-ONLY (errors) · {marker}"

    def on_said(self) -> None:
        self.show_unsaved()

    # Screens other than the first are imported when first shown: launch stays quick.

    def action_help(self) -> None:
        from summit.tui.screens.help import HelpScreen  # noqa: PLC0415

        self.push_screen(HelpScreen())

    @needs_data
    def action_register(self) -> None:
        from summit.tui.screens.register import RegisterScreen  # noqa: PLC0415
        from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

        current = self.screen
        summit_id = current.summit_id if isinstance(current, SummitScreen) else None
        self.push_screen(RegisterScreen(self.session, summit_id))

    # Saving -----------------------------------------------------------------

    @needs_data
    def action_save(self) -> None:
        workspace = self.session.workspace
        if not workspace.writable:
            self.notify(
                "The files on disk have errors: fix them and reload (ctrl+r) first; "
                "nothing was written",
                severity="error",
                timeout=10,
            )
            return
        self.show_save_report(workspace.save())

    def show_save_report(self, report: "SaveReport") -> None:
        root = self.session.root
        if report.saved and self._told:
            # "...changed on disk; your unsaved changes are kept" no longer holds, and
            # notices stacked over the screen (tried in tmux): what the save did follows.
            self.clear_notifications()
        for refusal in report.refused:
            lines = "\n".join(escape(p.format(p.display_path(root))) for p in refusal.problems[:5])
            self.notify(f"Not saved:\n{lines}", severity="error", timeout=15)
        for conflict in report.conflicts:
            self.resolve_conflict(conflict)
        for to_settle in report.to_settle:
            self.settle_merge(to_settle)
        if report.merged:
            self.refresh_screen()
            for label, changes in report.merged.items():
                came_in = "\n".join(f"• {line}" for line in changes[:6])
                more = f"\n…and {len(changes) - 6} more" if len(changes) > 6 else ""
                self.notify(
                    f"{label} was changed meanwhile; merged with yours. Came in:\n{came_in}{more}",
                    timeout=15,
                    markup=False,
                )
        if report.saved:
            self.notify(f"Saved {', '.join(report.saved)}")
        elif report.ok:
            self.notify("Nothing to save")
        self.show_unsaved()
        if report.saved:
            self.refresh_git_status()

    def refresh_screen(self) -> None:
        """The working copies changed under the screen (a merge, an undo): redraw it."""
        from summit.tui.screens.register import RegisterScreen  # noqa: PLC0415
        from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

        screen = self.screen
        if isinstance(screen, SummitScreen):
            if screen.summit_id in self.session.workspace.summits:
                screen.refresh_all()
            else:
                self.pop_screen()
        elif isinstance(screen, SummitsScreen):
            screen.refresh_rows()
        elif isinstance(screen, RegisterScreen):
            screen.refresh_from_workspace()

    @needs_data
    def action_undo(self) -> None:
        """Take back the last edit not yet saved (ctrl+z)."""
        # Each press replaces the last notice: held down, ctrl+z stacked one per press,
        # covering the screen for seconds (the notices before are about undone changes).
        self.clear_notifications()
        undone = self.session.workspace.undo()
        if undone is None:
            self.notify("Nothing to undo: every change is saved (or there was none)")
            return
        self.session.changed()
        self.refresh_screen()
        self.notify(f"Undone: the last change to {undone}")

    def settle_merge(self, to_settle: MergeConflicts) -> None:
        """Ask mine-or-theirs for each field both sides changed, then save the merge."""
        from summit.model.changes import Names  # noqa: PLC0415
        from summit.tui.screens.resolve import ResolveScreen  # noqa: PLC0415
        from summit.workflows.workspace import SaveReport  # noqa: PLC0415

        workspace = self.session.workspace
        label = to_settle.path.name

        def settled(choices: dict[str, Choice] | None) -> None:
            if choices is None:
                self.notify(f"{label} is not saved yet: save again to settle it", timeout=10)
                return
            report = SaveReport()
            workspace.save_file(to_settle.path, report, choices)
            self.show_save_report(report)
            self.session.changed()

        names = Names(workspace.register)
        self.push_screen(ResolveScreen(label, to_settle.conflicts, names=names), settled)

    def resolve_conflict(self, conflict: ConflictError) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        name = conflict.path.name
        kept = f" Your version is kept as {conflict.kept}." if conflict.kept else ""
        message = (
            f"{name} changed on disk since summit loaded it (another program, or a git pull).{kept}"
        )
        answers = [
            ("reload", "Reload from disk (drop my changes)"),
            ("overwrite", "Overwrite with mine"),
            ("cancel", "Decide later"),
        ]

        def answered(answer: str | None) -> None:
            if answer == "reload":
                self.reload()
            elif answer == "overwrite":
                self.show_save_report(self.session.workspace.overwrite(conflict))

        self.push_screen(ConfirmScreen("File changed on disk", message, answers), answered)

    # Reloading and quitting -------------------------------------------------------

    @needs_data
    def action_reload(self) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        self.ask_again()  # files a git merge left conflicted, set aside before
        if not self.session.workspace.dirty_files():
            self.reload()
            return
        answers = [("reload", "Reload and drop my changes"), ("cancel", "Keep editing")]
        self.push_screen(
            ConfirmScreen("Unsaved changes", "Reloading drops your unsaved changes.", answers),
            lambda answer: self.reload() if answer == "reload" else None,
        )

    def reload(self) -> None:
        """Load every file again; the screen, tab and row in view stay (see WatchesFiles)."""
        self.session.reload()
        self.reload_in_place()
        self.refresh_git_status()  # a pull meanwhile may have left files to settle
        self.notify("Reloaded from disk")

    async def action_quit(self) -> None:
        from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

        if not self.session.loaded:
            self.exit()  # nothing can have been changed yet
            return
        dirty = self.session.workspace.dirty_files()
        if not dirty or not self.session.workspace.writable:
            self.exit()
            return
        answers = [
            ("save", "Save and quit"),
            ("discard", "Quit without saving"),
            ("cancel", "Cancel"),
        ]

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.exit()
            elif answer == "save":
                self.action_save()
                if not self.session.workspace.dirty_files():
                    self.exit()

        self.push_screen(
            ConfirmScreen("Unsaved changes", f"Unsaved: {', '.join(dirty)}", answers), answered
        )

    # Command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key binding active here is also a command, so nothing needs a key."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            node = active.node
            yield SystemCommand(
                binding.description,
                f"key: {binding.key_display or binding.key}",
                lambda n=node, a=binding.action: self.run_action(a, n),
            )


def make_app(
    root: Path,
    today: date | None = None,
    *,
    background: bool = False,
    accessible: bool | None = None,
) -> SummitApp:
    """The app on a data directory; the CLI, `summit serve` and the tests all start here.

    With `background`, the summits list shows at once and the data loads in a worker
    (what a person launching summit gets); without, it is loaded before the app starts.
    """
    session = Session.starting(root, today) if background else Session.open(root, today)
    return SummitApp(session, accessible=accessible)
