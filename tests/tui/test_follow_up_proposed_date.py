"""Copying a held summit proposes a date to come, on its weekday and at its time (issue 19)."""

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from summit.tui.app import make_app
from summit.tui.screens.form import FormScreen
from tests.tui.conftest import TODAY, choose, settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


async def proposed(data_dir: Path, today: date, size: tuple[int, int]) -> tuple[str, str]:
    """The start and end the copy form proposes for the held summit."""
    app = make_app(data_dir, today=today)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        start = app.screen.query_one("#field-start", Input).value
        end = app.screen.query_one("#field-end", Input).value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)  # the proposal is a valid summit
    return start, end


@SIZES
async def test_a_year_on_while_that_is_still_to_come(data_dir: Path, size) -> None:
    # The held summit was on Tuesday 20 January 2026 at 09:30.
    assert await proposed(data_dir, TODAY, size) == ("2027-01-19 09:30", "2027-01-19 13:00")


@SIZES
async def test_the_first_tuesday_after_today_once_a_year_on_is_past(data_dir: Path, size) -> None:
    start, end = await proposed(data_dir, date(2027, 6, 3), size)  # a Thursday
    assert (start, end) == ("2027-06-08 09:30", "2027-06-08 13:00")
