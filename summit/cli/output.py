"""Printing for the CLI: plain, stable lines for problems; rich for people."""

import os
from pathlib import Path

from rich.console import Console

from summit.store import Problem


def consoles() -> tuple[Console, Console]:
    """Standard output and standard error; colour only where a terminal shows it."""
    return Console(highlight=False, soft_wrap=True), Console(
        stderr=True, highlight=False, soft_wrap=True
    )


def shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when it is below."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def problem_line(problem: Problem) -> str:
    return problem.format(shown(problem.path))


def print_problems(out: Console, problems: list[Problem]) -> None:
    for problem in problems:
        # Plain text, one problem a line: editors, CI logs and grep read this form.
        out.print(problem_line(problem), markup=False, soft_wrap=True)
