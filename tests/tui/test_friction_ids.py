"""Ids proposed from names, unique and editable; pickers find people by what they know of them.

Issue 19, item 10.
"""

from pathlib import Path

import pytest
from textual.widgets import Input

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from summit.tui.widgets.picker import Picker
from tests.tui.conftest import choose, settle
from tests.tui.test_register import open_register

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_a_new_organisations_id_is_made_from_its_name(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await open_register(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", *"Internet Watch Foundation")
        await settle(pilot)
        assert app.screen.query_one("#field-id", Input).value == "internet-watch-foundation"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert "internet-watch-foundation" in load_dataset(data_dir).register.record.organisations


@pytest.mark.parametrize("size", SIZES)
async def test_a_new_delegates_id_is_made_from_their_name(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"yahoo", "tab", "d")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", *"Helen Marsh", "tab", *"Head of Safety", "tab")
        await pilot.press(*"helen.marsh@yahoo.example.org", "ctrl+s")
        await settle(pilot)
    yahoo = load_dataset(data_dir).register.record.organisations["yahoo"]
    assert yahoo.delegates["helen-marsh"].name == "Helen Marsh"


async def test_a_proposal_is_unique_by_the_forms_check(app: SummitApp) -> None:
    from summit.model import Delegate  # noqa: PLC0415
    from summit.tui import forms  # noqa: PLC0415

    async with app.run_test(size=(80, 24)) as pilot:
        check = forms.new_id_check(["helen-marsh", "helen-marsh-2"], "a delegate")
        form: FormScreen[Delegate] = FormScreen(
            "New", Delegate, forms.delegate_fields(new=True), {}, check
        )
        await app.push_screen(form)
        await settle(pilot)
        await pilot.press("tab", *"Helen Marsh")
        await settle(pilot)
        ident = form.query_one("#field-id", Input)
        assert ident.value == "helen-marsh-3"
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"hm")  # typed by hand
        await pilot.press("tab", "end", *" Jr")
        await settle(pilot)
        assert ident.value == "hm"  # kept: the name no longer proposes it


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("typed", ["aisha", "mobile"])
async def test_the_owner_picker_finds_an_organisation_by_its_people_and_trade(
    app: SummitApp, size: tuple[int, int], typed: str
) -> None:
    from summit.tui.widgets.picker import matching, organisation_words, register_choices  # noqa: PLC0415

    register = app.session.workspace.register
    choices = register_choices(register, delegates=False, organisations=True)
    assert matching(choices, typed, organisation_words(register)) == [("3 (organisation)", "three")]
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "3")
        await settle(pilot)
        await pilot.press("a")  # a new action: its owner is an organisation
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        owner = app.screen.query_one("#field-owner", Picker)
        owner.focus()
        await pilot.press("ctrl+a", "ctrl+k", *typed)
        await settle(pilot)
        assert owner.highlighted == "three"
