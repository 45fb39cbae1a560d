"""Issue 19 item 10: a lead or owner picker that finds nobody offers to add that person,
without leaving the form."""

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.add_person import AddPersonScreen
from summit.tui.screens.form import FormScreen
from summit.tui.widgets.picker import Picker
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.tui.conftest import settle
from tests.tui.test_picker import error_of, open_tab

SIZES = [(80, 24), (120, 40)]
ZARA = "Zara Okafor - Google - Head of Policy"


def saved(data_dir: Path, name: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((data_dir / name).read_text())


async def offer(pilot, field: str, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Type what finds nobody in `field` and take the offer (enter)."""
    await pilot.press("ctrl+a", "ctrl+k", *typed)
    await settle(pilot)
    options = pilot.app.screen.query_one(f"#field-{field} OptionList", OptionList)
    assert options.display and options.option_count == 1
    assert f"Add {typed!r} to the register" in str(options.get_option_at_index(0).prompt)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AddPersonScreen)


async def fill(pilot, organisation: str = "google") -> None:  # type: ignore[no-untyped-def]
    """The organisation (focused first), job title and e-mail; the name came from the picker."""
    await pilot.press(*organisation)
    await settle(pilot)
    await pilot.press("enter", "tab", *"Head of Policy", "tab", *"zara@example.com")
    await settle(pilot)


def on_screen(widget: Button) -> bool:
    screen = widget.screen.region
    return screen.contains_region(widget.region) and widget.region.height >= 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_lead_nobody_answers_to_is_added_and_picked(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab")  # title, kind, topic, lead
        await offer(pilot, "lead", "Zara Okafor")
        dialog = app.screen
        assert dialog.query_one("#field-name", Input).value == "Zara Okafor"
        assert dialog.query_one("#field-id", Input).value == "zara-okafor"  # from the name
        assert app.focused is dialog.query_one("#field-organisation Input")
        await fill(pilot)
        assert on_screen(dialog.query_one("#save", Button))  # the Add button, at 80x24 too
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen) and not isinstance(form, AddPersonScreen)
        lead = form.query_one("#field-lead", Picker)
        assert (lead.picked, lead.value) == ("zara-okafor", ZARA)
        assert error_of(app, "lead") == ""
        # An unsaved change like any other, until the form's ctrl+s saves both files.
        assert "unsaved" in app.sub_title
        assert "zara-okafor" not in (data_dir / "invitees.toml").read_text()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    google = saved(data_dir, "invitees.toml")["organisations"]["google"]["delegates"]
    assert google["zara-okafor"] == {
        "name": "Zara Okafor",
        "job_title": "Head of Policy",
        "email": "zara@example.com",
    }
    assert saved(data_dir, f"agendas/{SAMPLE_SUMMIT}.toml")["agenda"][0]["lead"] == "zara-okafor"
    assert load_dataset(data_dir).errors == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_owner_added_so_picks_their_organisation(
    app: SummitApp, data_dir: Path, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, "3")
        await pilot.press("a", *"Publish the filtering figures", "tab")
        await offer(pilot, "owner", "Zara Okafor")
        await fill(pilot, organisation="internet watch")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#field-owner", Picker).picked == "iwf"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert saved(data_dir, f"agendas/{SAMPLE_SUMMIT}.toml")["actions"][-1]["owner"] == "iwf"
    iwf = saved(data_dir, "invitees.toml")["organisations"]["iwf"]["delegates"]
    assert iwf["zara-okafor"]["name"] == "Zara Okafor"


async def test_the_dialog_refuses_what_the_register_would(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab")
        await offer(pilot, "lead", "Zara Okafor")
        await pilot.press("tab", *"Head of Policy", "tab", *"not an address", "tab")
        await pilot.press("ctrl+a", "ctrl+k", *"google-policy")  # an id in use
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AddPersonScreen)  # not added: each field says why
        assert error_of(app, "organisation").startswith("required")
        assert error_of(app, "email") != ""
        assert error_of(app, "id") == "there is already a person or organisation 'google-policy'"
        register = app.session.workspace.register  # type: ignore[attr-defined]
        assert register.find_delegate("zara-okafor") is None


async def test_escape_leaves_the_register_and_the_form_as_they_were(
    app: SummitApp, data_dir: Path
) -> None:
    before = snapshot(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab")
        await offer(pilot, "lead", "Zara Okafor")
        register = app.session.workspace.register  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert app.focused is app.screen.query_one("#field-lead Input")
        assert app.session.workspace.register is register  # type: ignore[attr-defined]
        assert app.screen.query_one("#field-lead", Picker).picked is None
    assert snapshot(data_dir) == before


async def test_the_person_stays_added_if_the_form_is_discarded_and_ctrl_z_takes_them_back(
    app: SummitApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab")
        await offer(pilot, "lead", "Zara Okafor")
        await fill(pilot)
        await pilot.press("ctrl+s")  # the dialog
        await settle(pilot)
        await pilot.press("escape")  # the form: discard the changed lead
        await settle(pilot)
        await pilot.press("right", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        workspace = app.session.workspace  # type: ignore[attr-defined]
        assert workspace.summits[SAMPLE_SUMMIT].agenda[0].lead != "zara-okafor"
        assert workspace.register.find_delegate("zara-okafor") is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert workspace.register.find_delegate("zara-okafor") is None
