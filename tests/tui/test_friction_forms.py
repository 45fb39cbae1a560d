"""Friction of real use in forms: one ctrl+s saves what the form holds (issue 19, item 9)."""

from pathlib import Path

import pytest

from summit.store import load_dataset
from summit.tui.app import SummitApp
from tests.conftest import SAMPLE_FOLLOW_UP
from tests.tui.conftest import choose, settle
from tests.tui.test_form_editing import edit_daniel_reyes


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_one_ctrl_s_in_a_form_saves_the_files(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await edit_daniel_reyes(pilot)
        await pilot.press("tab", *" (acting)", "ctrl+s")
        await settle(pilot)
        assert not app.session.workspace.dirty_files()
        assert "unsaved" not in app.sub_title
    person = load_dataset(data_dir).register.record.organisations["google"].delegates
    assert person["google-policy"].job_title == "Director of Public Policy, UK (acting)"


async def choose_cancelled_in_the_details_form(  # type: ignore[no-untyped-def]
    pilot, summit_id: str = SAMPLE_FOLLOW_UP
) -> None:
    """Choose "cancelled" in the details form of a summit (by default the coming follow-up,
    which may be cancelled) and save the form."""
    from textual.widgets import Select  # noqa: PLC0415

    await choose(pilot, summit_id)
    await pilot.press("enter", "4")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    status = pilot.app.screen.query_one("#field-status", Select)
    status.value = "cancelled"
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_cancelled_in_the_details_form_is_asked_as_ctrl_x_asks(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    from summit.tui.screens.choice import ConfirmScreen  # noqa: PLC0415

    async with app.run_test(size=size) as pilot:
        await choose_cancelled_in_the_details_form(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert str(app.session.workspace.summits[SAMPLE_FOLLOW_UP].status) != "cancelled"
        words = str(app.screen.query_one("#dialog-message").render())
        assert "send (ctrl+t)" in words
        assert "export" not in words
        await pilot.press("enter")  # the safe answer has the focus: keep it
        await settle(pilot)
        assert str(app.session.workspace.summits[SAMPLE_FOLLOW_UP].status) != "cancelled"
    assert str(load_dataset(data_dir).summits[SAMPLE_FOLLOW_UP].record.status) != "cancelled"


async def test_cancelled_in_the_details_form_once_confirmed_is_saved(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose_cancelled_in_the_details_form(pilot)
        await pilot.click("#answer-cancel-summit")
        await settle(pilot)
    assert str(load_dataset(data_dir).summits[SAMPLE_FOLLOW_UP].record.status) == "cancelled"
