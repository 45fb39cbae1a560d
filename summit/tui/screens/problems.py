"""Problems in the data files, each with its file, line and field.

Shown first when the data directory does not load cleanly: the app still
opens, shows what it could read, and writes nothing until the files are fixed
and reloaded.
"""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from summit.store import Problem
from summit.tui.text import escape
from summit.tui.widgets.footer import SteadyFooter


class ProblemsScreen(Screen[None]):
    CSS_PATH = "problems.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Continue read-only", id="problems.close")]

    def __init__(self, problems: list[Problem], root: Path) -> None:
        super().__init__()
        self.problems = problems
        self.root = root

    def compose(self) -> ComposeResult:
        yield Header()
        errors = len([p for p in self.problems if p.is_error])
        heading = f"{errors} problem{'s' * (errors != 1)} in {escape(self.root.name)}"
        merging = any(p.message.startswith("unresolved merge conflict") for p in self.problems)
        # A file a git merge left conflicted is settled in the app, not in an editor.
        settle = (
            " Where a git merge or pull left the conflicts, ctrl+r settles them field by field."
            if merging
            else ""
        )
        with VerticalScroll(id="problems"):
            yield Static(
                f"[b]{heading}[/b]\n"
                "summit will not write any file until these are fixed. Fix them in an editor, "
                f"then press ctrl+r to reload.{settle} Escape continues read-only.",
                id="problems-intro",
            )
            for problem in self.problems:
                style = "$text-error" if problem.is_error else "$text-warning"
                where = f"{problem.display_path(self.root)}:{problem.line}:{problem.column}"
                field = f"{escape(problem.field)}: " if problem.field else ""
                yield Static(
                    f"[{style}]{escape(where)}[/]  {field}{escape(problem.message)}",
                    classes="problem",
                )
        yield SteadyFooter()
