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
from tests.tui.conftest import TODAY, choose, settle

SIZES = [(80, 24), (120, 40)]


async def open_dialog(pilot, key: str, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The summit, then its export (ctrl+e) or papers (ctrl+o) dialog, writing into `folder`."""
    await choose(pilot)  # the sample's first summit
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


@pytest.mark.parametrize("size", SIZES)
async def test_the_send_dialog_starts_in_the_relay_and_shows_the_focused_field(
    app: SummitApp, size: tuple[int, int]
) -> None:
    from summit.tui.screens.send import SendScreen  # noqa: PLC0415

    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        relay = app.screen.query_one("#send-relay", Input)
        password = app.screen.query_one("#send-password", Input)
        assert app.focused is relay
        focused, unfocused = relay.styles.border_left, password.styles.border_left
        assert focused != unfocused  # the focus shows
        await pilot.press("enter")  # a stray enter in the relay sends nothing, closes nothing
        await settle(pilot)
        assert isinstance(app.screen, SendScreen)
        await pilot.press("tab")
        assert app.focused is password
        assert (relay.styles.border_left, password.styles.border_left) == (unfocused, focused)


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
@pytest.mark.parametrize("size", SIZES)
async def test_save_first_ctrl_s_works_inside_the_send_dialog(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")  # the first item a minute longer: unsaved
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        outbox = app.screen.query_one("#send-outbox", Static)
        assert "Save first (ctrl+s)" in str(outbox.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.workspace.dirty_files()
        assert "12 messages to send" in str(outbox.render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_reply_dialog_says_whose_reply(app: SummitApp, size: tuple[int, int]) -> None:
    from textual.widgets import DataTable, Label  # noqa: PLC0415

    from summit.tui.screens.choice import ChoiceScreen  # noqa: PLC0415

    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")
        await settle(pilot)
        table = app.screen.query_one("#invitees", DataTable)
        keys = [str(row.key.value) for row in table.ordered_rows]
        table.move_cursor(row=keys.index("iwf/iwf-chief-executive"))
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        title = str(app.screen.query_one(".dialog-title", Label).render())
        assert title == "Reply for Helen Marsh, Internet Watch Foundation"


async def test_the_files_written_scroll_above_buttons_in_view_at_80x24(
    app: SummitApp, tmp_path: Path
) -> None:
    """ "Wrote 8 files" showed four paths, and pushed Export and Close out of the dialog,
    out of reach (found working keyboard-only)."""
    from textual.containers import VerticalScroll  # noqa: PLC0415
    from textual.widgets import Button  # noqa: PLC0415

    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, "ctrl+e", tmp_path / "invites")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        scroll = screen.query_one("#export-result-scroll", VerticalScroll)
        assert scroll.max_scroll_y > 0 and scroll.can_focus  # 26 files: they scroll
        dialog = screen.query_one("#export").region
        for button in screen.query(Button):
            assert dialog.contains_region(button.region), button.id
