"""Issue 8, item 8: people and organisations are chosen by name; the files keep their ids."""

import tomllib
from pathlib import Path

from textual.widgets import OptionList, Static

from summit.model import Rsvp
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.form import FormScreen
from summit.tui.widgets.picker import Picker, PickerScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, choose, settle

HELEN = "Helen Marsh - Internet Watch Foundation - Chief Executive"


def saved_summit(data_dir: Path) -> dict:  # type: ignore[type-arg]
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    return tomllib.loads(path.read_text())


async def open_tab(pilot, tab: str) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(tab)
    await settle(pilot)


async def save_form_and_files(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")  # the form
    await settle(pilot)
    await pilot.press("ctrl+s")  # the files
    await settle(pilot)


def error_of(app: SummitApp, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Static).render())


async def test_a_lead_is_picked_by_part_of_a_name(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab")  # title, kind, topic, lead
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"MARSH")
        await settle(pilot)
        options = app.screen.query_one("#field-lead OptionList", OptionList)
        assert options.display and options.option_count == 1
        await pilot.press("enter")  # picks the match; a second enter would save
        await settle(pilot)
        picker = app.screen.query_one("#field-lead", Picker)
        assert (picker.value, picker.picked) == (HELEN, "iwf-chief-executive")
        assert not options.display
        assert error_of(app, "lead") == ""
        await save_form_and_files(pilot)
        assert not isinstance(app.screen, FormScreen)
    assert saved_summit(data_dir)["agenda"][0]["lead"] == "iwf-chief-executive"


async def test_a_match_is_picked_with_the_mouse(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab", "ctrl+a", "ctrl+k", *"priya")
        await settle(pilot)
        await pilot.click("#field-lead OptionList", offset=(3, 0))
        await settle(pilot)
        picker = app.screen.query_one("#field-lead", Picker)
        assert picker.picked == "summit-lead"
        assert app.focused is picker.query_one("Input")


async def test_an_owner_is_picked_by_organisation_name(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "3")
        await pilot.press("a", *"Publish the filtering figures", "tab")
        await pilot.press(*"watch f")  # words anywhere, any case
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#field-owner", Picker).picked == "iwf"
        await save_form_and_files(pilot)
    actions = saved_summit(data_dir)["actions"]
    assert actions[-1]["owner"] == "iwf"
    assert actions[-1]["text"] == "Publish the filtering figures"


async def test_convener_picked_by_job_title_with_the_arrow_keys(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "4")
        await pilot.press("e", "tab")  # title, convener
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"private secretary")
        await settle(pilot)
        await pilot.press("down", "up", "enter")
        await settle(pilot)
        assert app.screen.query_one("#field-convener", Picker).picked == "private-secretary"
        await save_form_and_files(pilot)
    assert saved_summit(data_dir)["convener"] == "private-secretary"


async def test_unknown_text_is_refused_naming_close_matches(app: SummitApp, data_dir: Path) -> None:
    before = saved_summit(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "3")
        await pilot.press("e", "tab")  # the first action: text, owner
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"Intenet Wach")
        await settle(pilot)
        options = app.screen.query_one("#field-owner OptionList", OptionList)
        # Nobody matches: the list holds only the offer to add that person (issue 19 item 10).
        assert options.option_count == 1
        assert "Add 'Intenet Wach' to the register" in str(options.get_option_at_index(0).prompt)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert error_of(app, "owner") == (
            "no organisation 'Intenet Wach'; did you mean 'Internet Watch Foundation "
            "(organisation)'?"
        )
        await pilot.press("escape", "escape")  # the list closes, then the form
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    assert saved_summit(data_dir) == before


async def test_escape_closes_the_list_before_it_cancels_the_form(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab", "tab", "tab", "ctrl+a", "ctrl+k", *"culture media")
        await settle(pilot)
        options = app.screen.query_one("#field-lead OptionList", OptionList)
        assert options.display and options.option_count == 4  # the department and its three
        assert error_of(app, "lead") == (
            "4 matches for 'culture media': pick with up/down and enter"
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and not options.display


async def test_inviting_a_whole_organisation_by_name(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"department for culture")
        await settle(pilot)
        labels = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert labels[0] == (
            "Department for Culture, Media and Sport (organisation: its 3 delegates)"
        )
        await pilot.press("enter")
        await settle(pilot)
        invitation = app.session.workspace.summits[SAMPLE_SUMMIT].invitations["dcms"]
        assert set(invitation.rsvp) == {"secretary-of-state", "summit-lead", "private-secretary"}
        assert invitation.rsvp["summit-lead"] is Rsvp.NEEDS_ACTION


async def test_inviting_unknown_text_names_close_matches(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("i", *"pirya holis", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        error = str(app.screen.query_one("#picker-error", Static).render())
        assert error.startswith("no delegate or organisation 'pirya holis'; did you mean ")
        assert "'Priya Hollis - Department for Culture, Media and Sport - Head of Online" in error


def test_snapshot_lead_picker_in_the_form(snap_compare, data_dir: Path) -> None:
    """80x24: "culture" typed in the lead field lists DCMS and its three people under it,
    the first highlighted, and the line below says how to pick."""
    app = make_app(data_dir, today=TODAY)
    # "down": the sample's first summit, listed under its coming follow-up.
    keys = ["down", "enter", "e", "tab", "tab", "tab", "ctrl+a", "ctrl+k", *"culture"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24))


def test_snapshot_invite_picker(snap_compare, data_dir: Path) -> None:
    """80x24: the invite dialog, "sec" typed: the two DCMS people not yet invited with
    'sec' anywhere (the Secretary of State, Tom Ashworth the Private Secretary), each as
    "Name - Organisation - Job title"."""
    app = make_app(data_dir, today=TODAY)
    keys = ["down", "enter", "2", "i", "s", "e", "c"]  # the sample's first summit
    assert snap_compare(app, press=keys, terminal_size=(80, 24))
