"""Snapshots of every screen at 80x24 and 120x40, including error states.

Update after an intended change with `uv run pytest tests/tui/test_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

from pathlib import Path

import pytest

from summit.tui.app import make_app
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY

SIZES = [(80, 24), (120, 40)]

# What to press from the first screen to reach each screen.
SCREENS = {
    "summits": [],
    "agenda": ["enter"],
    "invitees": ["enter", "2"],
    "outputs": ["enter", "3"],
    "details": ["enter", "4"],
    "register": ["f2"],
    "agenda-form-error": ["enter", "e", "ctrl+a", "ctrl+k", "ctrl+s"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, data_dir: Path, screen: str, size: tuple[int, int]) -> None:
    """The sample summit: lists and tables fit the width; the form error sits under Title."""
    app = make_app(data_dir, today=TODAY)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_problems_screen(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    """Bad data: each problem with file, line and field; the app is read-only."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("minutes = 15", "minuts = 15", 1))
    app = make_app(data_dir, today=TODAY)
    assert snap_compare(app, terminal_size=size)
