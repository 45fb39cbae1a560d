"""Printing for the CLI: plain, stable lines for problems; rich for people.

Everything printed may come from the data or a file name, which anyone who can
commit to the data repository controls. So the consoles never read markup or
emoji codes, and every string they render has the characters a terminal would
act on (escape sequences, bell, bidi overrides) shown as `\\x1b`-style escapes
by `summit.model.text.visible`: in `_DataConsole.render_str`, which every printed
string, table cell and title passes through, and in `styled` for styled text.
"""

import os
import sys
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from summit.model.plain import visible
from summit.store import Problem

PIPED_WIDTH = 80


def styled(text: str, style: str = "") -> Text:
    """Data text with a style, shown as it is written (no markup) and made visible."""
    return Text(visible(text), style=style)


class _DataConsole(Console):
    """A console that shows every string as text: no markup, no emoji, no raw controls."""

    def __init__(self, *, stderr: bool = False) -> None:
        super().__init__(
            stderr=stderr,
            highlight=False,
            soft_wrap=True,
            markup=False,
            emoji=False,
            width=_piped_width(sys.stderr if stderr else sys.stdout),
        )

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(visible(text), **options)

    def on_broken_pipe(self) -> None:
        """The reader went away (`summit log | head`, git's diff driver into `head`).

        Rich would exit with 1, which git reports as "external diff died", and a
        verb that prints as it goes (a send) would stop half done. The rest of the
        output goes nowhere; the command finishes its work and exits as it would.
        """
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.file.fileno())  # the interpreter's last flush goes there too
        os.close(devnull)


def _piped_width(stream: TextIO) -> int | None:
    """80 columns for output that goes to a file or a pipe, unless COLUMNS says.

    Rich would otherwise take the width of whichever standard stream is a
    terminal (`summit show X > file` typed at a wide terminal), so the same
    command would write a different file in each window.
    """
    if os.environ.get("COLUMNS", "").isdigit():
        return None  # rich reads COLUMNS itself
    try:
        return None if stream.isatty() else PIPED_WIDTH
    except (AttributeError, ValueError):  # a closed or odd stream
        return PIPED_WIDTH


def is_plain(args: object) -> bool:
    """Plain, linear output (for screen readers and braille): `--plain`, SUMMIT_PLAIN=1,
    or a terminal that says it is dumb."""
    wanted = os.environ.get("SUMMIT_PLAIN", "").strip().lower() not in ("", "0", "no", "false")
    return bool(getattr(args, "plain", False)) or wanted or os.environ.get("TERM") == "dumb"


def consoles(*, plain: bool = False) -> tuple[Console, Console]:
    """Standard output and standard error; colour only where a terminal shows it
    (never in plain output: nothing is said by colour alone)."""
    out, err = _DataConsole(), _DataConsole(stderr=True)
    if plain:
        out.no_color = err.no_color = True
    return out, err


def shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when it is below."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return str(path)


def problem_line(problem: Problem) -> str:
    return visible(problem.format(shown(problem.path)), one_line=True)


def print_problems(out: Console, problems: list[Problem]) -> None:
    for problem in problems:
        # Plain text, one problem a line: editors, CI logs and grep read this form.
        out.print(problem_line(problem), soft_wrap=True)
