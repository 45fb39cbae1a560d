"""Removing someone from the register who leads agenda items or chairs a summit: the refusal
names where they are used, offers a new lead, and one ctrl+z undoes it all."""

from pathlib import Path

from textual.widgets import Static

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.register import RegisterScreen
from summit.tui.widgets.picker import PickerScreen
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.tui.conftest import settle
from tests.tui.test_register import open_register


async def test_removing_a_lead_names_the_summit_and_the_item(app: SummitApp) -> None:
    """Issue 8, item 4: the refusal says which summit and agenda item use the person."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"internet watch", "tab", "tab", "x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        told = str(app.screen.query_one("#dialog-message", Static).render())
        assert (
            "Helen Marsh (Internet Watch Foundation) cannot be removed: is invited to "
            "online-safety-follow-up; leads 'What the commitments delivered' in "
            "online-safety-follow-up; is invited to online-safety-summit; leads 'The scale of "
            "child-abuse imagery online' in online-safety-summit. Change that first." in told
        ), told


async def remove_helen_picking_priya_as_lead(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_register(pilot)
    await pilot.press("slash", *"internet watch", "tab", "tab", "x")
    await settle(pilot)
    message = str(pilot.app.screen.query_one("#dialog-message", Static).render())
    assert (
        "Pick a new lead for 'What the commitments delivered' in online-safety-follow-up, "
        "'The scale of child-abuse imagery online' in online-safety-summit?" in message
    )
    await pilot.click("#answer-change-lead")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PickerScreen)
    await pilot.press(*"priya", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RegisterScreen)


async def test_removing_a_lead_offers_a_new_lead_then_removes(
    app: SummitApp, data_dir: Path
) -> None:
    """Issue 8, item 4: the refusal offers to pick another lead, then removes."""
    async with app.run_test(size=(120, 40)) as pilot:
        await remove_helen_picking_priya_as_lead(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.session.workspace.dirty_files() == []  # one ctrl+s saves both files
    saved = load_dataset(data_dir)
    summit = saved.summits[SAMPLE_SUMMIT].record
    assert summit.agenda[1].lead == "summit-lead"
    assert "iwf" not in summit.invitations
    follow_up = saved.summits[SAMPLE_FOLLOW_UP].record
    assert follow_up.agenda[1].lead == "summit-lead" and "iwf" not in follow_up.invitations
    assert saved.register is not None
    assert "iwf-chief-executive" not in saved.register.record.organisations["iwf"].delegates


async def test_the_new_lead_and_the_removal_are_undone_with_one_ctrl_z(app: SummitApp) -> None:
    """One decision, one undo: it took a ctrl+z per summit file and one for the removal."""
    async with app.run_test(size=(120, 40)) as pilot:
        await remove_helen_picking_priya_as_lead(pilot)
        workspace = app.session.workspace
        assert "iwf-chief-executive" not in workspace.register.organisations["iwf"].delegates
        assert workspace.summits[SAMPLE_SUMMIT].agenda[1].lead == "summit-lead"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not workspace.can_undo
        assert "iwf-chief-executive" in workspace.register.organisations["iwf"].delegates
        summit = workspace.summits[SAMPLE_SUMMIT]
        assert summit.agenda[1].lead == "iwf-chief-executive"
        assert "iwf-chief-executive" in summit.invitations["iwf"].rsvp


async def test_a_convener_is_still_only_refused(app: SummitApp) -> None:
    """Who chairs a summit is the official's decision: no new-lead offer, just the reason."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"culture media", "tab", "tab", "x")  # Secretary of State
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        told = [str(n.message) for n in app._notifications]
        assert any("chairs online-safety-summit" in message for message in told), told
