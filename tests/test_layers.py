"""The layers point one way: inner layers never import outer ones, and the TUI touches no file."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "summit"

CHECK = """
import sys
import {module}
roots = {{'textual', 'summit', 'tomlkit', 'docx', 'jinja2'}}
loaded = sorted(m for m in sys.modules if m.split('.')[0] in roots)
print('\\n'.join(loaded))
"""


def modules_loaded_by(module: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        (
            "summit.model",
            ("summit.store", "summit.ical", "summit.cli", "summit.tui", "textual", "tomlkit"),
        ),
        ("summit.store", ("summit.ical", "summit.cli", "summit.tui", "textual", "tomlkit")),
        ("summit.ical.invite", ("summit.store", "summit.cli", "summit.tui", "textual")),
        ("summit.gitrepo.sync", ("summit.cli", "summit.tui", "textual", "tomlkit")),
        ("summit.store.merging", ("summit.gitrepo", "summit.cli", "summit.tui", "textual")),
        (
            "summit.gitrepo.setup",
            ("summit.store", "summit.model", "summit.cli", "summit.tui", "textual", "tomlkit"),
        ),
        ("summit.workflows.invitations", ("summit.cli", "summit.tui", "textual")),
        ("summit.workflows.workspace", ("summit.cli", "summit.tui", "textual")),
        (
            "summit.gitrepo.history",
            ("summit.model", "summit.store", "summit.cli", "summit.tui", "textual", "tomlkit"),
        ),
        ("summit.workflows.history", ("summit.cli", "summit.tui", "textual", "tomlkit")),
        # The papers' content is pure; python-docx and jinja2 load only when one is written.
        (
            "summit.papers.content",
            ("summit.store", "summit.cli", "summit.tui", "textual", "docx", "jinja2"),
        ),
        ("summit.papers.writing", ("summit.cli", "summit.tui", "textual", "docx", "jinja2")),
        ("summit.cli", ("summit.tui", "textual", "docx", "jinja2", "summit.papers")),
    ],
)
def test_inner_layers_do_not_import_outer_ones(module: str, forbidden: tuple[str, ...]) -> None:
    loaded = modules_loaded_by(module)
    leaked = sorted(m for m in loaded if m.startswith(forbidden))
    assert leaked == []


FILE_ACCESS = re.compile(
    r"(?<![.\w])(?<!def )open\(|\.(read|write)_(text|bytes)\(|\bwrite_atomic\("
)


def test_the_tui_reads_and_writes_no_file_itself() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted((PACKAGE / "tui").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if FILE_ACCESS.search(line)
    ]
    assert offenders == []
