"""Snapshots of every screen at 80x24 and 120x40, including error states.

Update after an intended change with `uv run pytest tests/tui/test_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

import os
import subprocess
from pathlib import Path

import pytest

from summit.gitrepo.setup import setup
from summit.tui.app import make_app
from tests.conftest import SAMPLE_SUMMIT
from tests.long_text import lengthen
from tests.tui.conftest import TODAY

SIZES = [(80, 24), (120, 40)]

# What to press from the first screen to reach each screen. By TODAY the sample's first
# summit (held in January) is listed under its coming follow-up: "down" reaches it.
SCREENS = {
    "summits": [],
    "agenda": ["down", "enter"],
    "invitees": ["down", "enter", "2"],
    "outputs": ["down", "enter", "3"],
    "details": ["down", "enter", "4"],
    "register": ["f2"],
    "agenda-form-error": ["down", "enter", "e", "ctrl+a", "ctrl+k", "ctrl+s"],
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


def _committed(root: Path, message: str, when: str) -> None:
    """A commit with a fixed author and date, so that its hash and the screen never vary."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Priya Hollis",
        "GIT_AUTHOR_EMAIL": "priya.hollis@dcms.example.org",
        "GIT_COMMITTER_NAME": "Priya Hollis",
        "GIT_COMMITTER_EMAIL": "priya.hollis@dcms.example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for args in (["add", "--all"], ["commit", "--quiet", "-m", message]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history_screen(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    """A summit's commits, newest first, with the highlighted one's changes in plain English."""
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=data_dir, check=True)
    setup(data_dir)
    _committed(data_dir, "The sample summit", "2026-11-02T09:00:00+00:00")
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace("Conference Room 1", "Lancaster House")
    path.write_text(text.replace("minutes = 15", "minutes = 20", 1))
    _committed(data_dir, "Lancaster House, and a longer welcome", "2026-11-20T16:30:00+00:00")
    app = make_app(data_dir, today=TODAY)

    async def open_history(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("down", "enter", "f3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_history)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_resolution_screen(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    """Both sides changed the welcome's minutes: mine, theirs and what it was, side by side."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    app = make_app(data_dir, today=TODAY)

    async def clash(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "enter", "plus")
        await pilot.pause()
        path.write_text(path.read_text().replace("minutes = 15", "minutes = 25", 1))
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=clash)


# Issue 8, item 7: long real-world text at 80x24 (a 60-character organisation,
# a 300-character action, a long e-mail): what to press to see each in full.
LONG_TEXT = {
    "summits": ["down"],
    "agenda": ["down", "enter", "down"],
    "invitees": ["down", "enter", "2", "end"],
    "outputs": ["down", "enter", "3"],
    "register": ["f2", "slash", *"helen", "tab", "tab"],
    "form-error": ["f2", "d", "tab", "tab", "tab", *"lena.petrova@askfm"],
}


@pytest.mark.parametrize("screen", list(LONG_TEXT))
def test_long_text(snap_compare, data_dir: Path, screen: str) -> None:
    """The highlighted row in full in the pane under the table; the form error wrapped."""
    lengthen(data_dir)
    app = make_app(data_dir, today=TODAY)
    assert snap_compare(app, press=LONG_TEXT[screen], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("written", [False, True], ids=["ask", "written"])
def test_papers_dialog(
    snap_compare, data_dir: Path, size: tuple[int, int], written: bool, monkeypatch
) -> None:
    """The papers dialog: each paper ticked; once written, the files it wrote, by name."""
    from textual.widgets import Input  # noqa: PLC0415

    monkeypatch.chdir(data_dir)  # the folder is typed as a relative path: the same every run
    app = make_app(data_dir, today=TODAY)

    async def open_papers(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#papers-folder", Input).value = "papers"
        if written:
            await pilot.click("#papers-run")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_papers)
