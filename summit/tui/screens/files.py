"""Choose reply files to import by browsing folders, or by typing their paths.

The tree shows folders and reply files only (.ics, and .eml e-mails that carry
one), so a Downloads folder full of other things stays readable.
"""

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, Static

from summit.model.text import visible

REPLY_SUFFIXES = (".ics", ".eml")


def is_reply_file(path: Path) -> bool:
    return path.suffix.lower() in REPLY_SUFFIXES


def reply_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, with each folder replaced by the reply files in it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if is_reply_file(p) and p.is_file()))
        else:
            files.append(path)
    return files


class ReplyTree(DirectoryTree):
    """Folders (hidden ones left out) and reply files, named as written."""

    def process_label(self, label: str | Text) -> Text:
        # A file name can hold escape sequences: show them as escapes, never act on them.
        return super().process_label(visible(label) if isinstance(label, str) else label)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".") and (is_reply_file(path) or self._safe_is_dir(path))
        ]


class ReplyFilesScreen(ModalScreen[list[Path] | None]):
    """Dismisses with the files or folders to import, or None."""

    CSS_PATH = "files.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="files.cancel"),
        # Not a letter: letters typed on the tree go to the path field (see on_key).
        Binding("ctrl+a", "import_folder", "Import the whole folder", id="files.folder"),
    ]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start
        self._typing = False
        """Whether letters typed on the tree are going into the path field."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="files-dialog"):
            yield Label("Import replies", classes="files-title")
            yield Static(
                "enter on a file imports it · ctrl+a: every reply in the highlighted folder · "
                "or type a folder to browse, or files separated by spaces, then enter",
                classes="files-hint",
            )
            yield Input(str(self.start), id="files-path", compact=True, select_on_focus=False)
            yield ReplyTree(self.start, id="files-tree")

    def on_mount(self) -> None:
        self.query_one(ReplyTree).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the tree starts a path in the field, so that no letter typed here
        runs an action, here or (once the dialog has closed) on the screen below."""
        field = self.query_one("#files-path", Input)
        if not event.is_printable or event.character in (None, " ") or field.has_focus:
            return
        event.stop()
        event.prevent_default()
        # Keys typed quickly can all arrive before the focus has moved: the first
        # replaces the folder shown, the rest follow it.
        if not self._typing:
            self._typing = True
            field.value = ""
        field.insert_text_at_cursor(event.character)
        field.focus()

    @on(Input.Submitted, "#files-path")
    def _typed(self, event: Input.Submitted) -> None:
        # A relative path is taken from the folder shown, not from where summit started.
        folder = Path(self.query_one(ReplyTree).path)
        paths = [folder / Path(part).expanduser() for part in event.value.split()]
        if len(paths) == 1 and paths[0].is_dir():
            tree = self.query_one(ReplyTree)
            tree.path = paths[0]  # browse there
            tree.focus()
            self._typing = False
        elif paths:
            self.dismiss(paths)

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss([event.path])

    def action_import_folder(self) -> None:
        tree = self.query_one(ReplyTree)
        node = tree.cursor_node
        if node is None or node.data is None:
            return
        path = node.data.path
        self.dismiss([path if path.is_dir() else path.parent])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `a` is a letter to type while the path field has the focus.
        if action == "import_folder":
            return not isinstance(self.focused, Input)
        return True
