"""Friction of real use in forms: one ctrl+s saves what the form holds (issue 19, item 9)."""

from pathlib import Path

import pytest

from summit.store import load_dataset
from summit.tui.app import SummitApp
from tests.tui.conftest import settle
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
