"""The accessible mode: the cursor follows the focus, what happens is said in words (issue 22)."""

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.tui.accessible import FOLLOW_SECONDS, focus_point
from summit.tui.app import make_app
from summit.tui.themes import HIGH_CONTRAST
from tests.tui.conftest import TODAY, settle
from tests.tui.test_invitees_and_outputs import open_tab


async def follow(pilot) -> None:  # type: ignore[no-untyped-def]
    await asyncio.sleep(FOLLOW_SECONDS * 3)
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_cursor_sits_on_the_focused_row(data_dir: Path, size) -> None:
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, "2")  # the invitees: a row per delegate
        table = app.focused
        assert isinstance(table, DataTable)
        await follow(pilot)
        first = app.cursor_position
        await pilot.press("down", "down", "down")
        await follow(pilot)
        assert app.cursor_position == focus_point(table)
        assert app.cursor_position.y == first.y + 3
        assert table.content_region.contains_point(app.cursor_position)
        assert app.animation_level == "none"


async def test_what_happens_stays_said_in_the_status_line(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down", "down", "down", "down", "r")  # Facebook's delegate
        await settle(pilot)
        await pilot.press("down", "enter")  # accepted
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.sub_title.startswith("Saved"), app.sub_title
        await asyncio.sleep(0.1)
        assert app.sub_title.startswith("Saved")  # not a notice that fades


async def test_without_the_mode_the_cursor_stays_where_textual_puts_it(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY, accessible=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down")
        await follow(pilot)
        assert app.cursor_position == (0, 0)
        assert app.sub_title.startswith("Saved") is False


async def test_high_contrast_is_one_key_away(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.theme
        await pilot.press("f6")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("f6")
        assert app.theme == before


def test_the_mode_comes_from_the_environment(monkeypatch, data_dir: Path) -> None:
    monkeypatch.setenv("SUMMIT_ACCESSIBLE", "1")
    assert make_app(data_dir, today=TODAY).accessible
    monkeypatch.setenv("SUMMIT_ACCESSIBLE", "0")
    assert not make_app(data_dir, today=TODAY).accessible


async def test_a_tick_while_the_app_closes_is_quiet(data_dir: Path) -> None:
    """CI saw the cursor's timer fire after the last screen had gone: ScreenStackError."""
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await follow(pilot)
    assert not app.screen_stack  # as while the app closes
    app.follow_focus()
