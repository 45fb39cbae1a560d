"""Dialogs as used for real: Enter and ctrl+s run them, the git mark follows an export.

Issue 19, items 11 and 14.
"""

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from summit.tui.app import SummitApp, make_app
from summit.tui.screens.export import ExportScreen
from summit.tui.screens.papers import PapersScreen
from tests.git_fixtures import git
from tests.tui.conftest import TODAY, settle

SIZES = [(80, 24), (120, 40)]


async def open_dialog(pilot, key: str, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The summit, then its export (ctrl+e) or papers (ctrl+o) dialog, writing into `folder`."""
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)
    field = pilot.app.screen.query_one(Input)
    field.value = str(folder)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["enter", "ctrl+s"])
async def test_enter_in_the_folder_or_ctrl_s_exports(
    app: SummitApp, tmp_path: Path, size: tuple[int, int], key: str
) -> None:
    out = tmp_path / "invites"
    async with app.run_test(size=size) as pilot:
        await open_dialog(pilot, "ctrl+e", out)
        assert isinstance(app.screen, ExportScreen)
        if key == "ctrl+s":
            await pilot.press("tab", "tab")  # away from the folder: ctrl+s still runs it
        await pilot.press(key)
        await settle(pilot)
        assert "Wrote 26 files" in str(app.screen.query_one("#export-result", Static).render())
    assert (out / "online-safety-summit.ics").exists()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["enter", "ctrl+s"])
async def test_enter_in_the_folder_or_ctrl_s_writes_the_papers(
    app: SummitApp, tmp_path: Path, size: tuple[int, int], key: str
) -> None:
    out = tmp_path / "papers"
    async with app.run_test(size=size) as pilot:
        await open_dialog(pilot, "ctrl+o", out)
        assert isinstance(app.screen, PapersScreen)
        if key == "ctrl+s":
            await pilot.press("tab")
        await pilot.press(key)
        await settle(pilot)
    assert any(out.iterdir())


async def test_the_title_bar_git_mark_counts_what_an_export_wrote(
    data_dir: Path, tmp_path: Path, git_identity: None
) -> None:
    git(data_dir, "init", "--quiet", "--initial-branch=main")
    git(data_dir, "add", "--all")
    git(data_dir, "commit", "--quiet", "-m", "The sample")
    app = make_app(data_dir, today=TODAY)
    app.preferences = {"git_setup_declined": [str(data_dir.resolve())]}  # not asked here
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "✎" not in app.sub_title
        await open_dialog(pilot, "ctrl+e", tmp_path / "invites")
        await pilot.press("enter")
        await settle(pilot)
        assert "✎1" in app.sub_title  # the summit file records the invite's UID
