"""A reply-by date, set in the Details form and shown in the details pane (issue 19, item 7)."""

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from tests.conftest import SAMPLE_FOLLOW_UP
from tests.tui.conftest import choose, settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


async def edit_reply_by(pilot, value: str) -> None:  # type: ignore[no-untyped-def]
    """Open the follow-up, its Details form, and type `value`."""
    await choose(pilot, SAMPLE_FOLLOW_UP)
    await pilot.press("enter", "4")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    field = pilot.app.screen.query_one("#field-reply_by", Input)
    field.focus()
    field.value = value
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


@SIZES
async def test_the_reply_by_date_is_saved_and_shown(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await edit_reply_by(pilot, "2027-01-08")
        assert not isinstance(app.screen, FormScreen)
        shown = str(app.screen.query_one("#details", Static).render())
        assert "Reply by: Friday 08 January 2027" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_FOLLOW_UP].record
    assert saved.reply_by is not None and saved.reply_by.isoformat() == "2027-01-08"
    assert (
        "reply_by = 2027-01-08" in (data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text()
    )


@SIZES
async def test_a_reply_by_date_after_the_start_is_refused_beside_its_field(
    app: SummitApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await edit_reply_by(pilot, "2027-01-25")  # the follow-up starts on 20 January
        assert isinstance(app.screen, FormScreen)
        error = str(app.screen.query_one("#error-reply_by", Static).render())
        assert "is not before the start 2027-01-20" in error
        assert app.session.workspace.summits[SAMPLE_FOLLOW_UP].reply_by is None


async def test_without_one_the_pane_says_not_set(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, SAMPLE_FOLLOW_UP)
        await pilot.press("enter", "4")
        await settle(pilot)
        assert "Reply by: not set" in str(app.screen.query_one("#details", Static).render())
