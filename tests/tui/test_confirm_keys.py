"""A question's answers are reached with the arrow keys as well as tab."""

from textual.widgets import Button

from summit.tui.app import SummitApp
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.register import RegisterScreen
from tests.tui.conftest import choose, settle


def focused_answer(app: SummitApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    assert isinstance(app.focused, Button)
    return str(app.focused.label)


async def test_right_and_left_move_between_the_answers(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        # DCMS's private secretary: nothing refers to them, so they can be removed.
        await pilot.press("slash", *"private-secretary", "tab", "tab", "down", "down", "x")
        await settle(pilot)
        assert focused_answer(app) == "Keep"
        await pilot.press("right")
        assert focused_answer(app) == "Remove"
        await pilot.press("right")  # no further: the last answer keeps the focus
        assert focused_answer(app) == "Remove"
        await pilot.press("left")
        assert focused_answer(app) == "Keep"
        await pilot.press("right", "enter")
        await settle(pilot)
        assert (
            "private-secretary"
            not in app.session.workspace.register.organisations["dcms"].delegates
        )


async def test_down_and_up_move_between_answers_one_under_another(app: SummitApp) -> None:
    async with app.run_test(size=(50, 24)) as pilot:  # too narrow for the answers side by side
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")  # an unsaved change, so reloading asks
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.query_one(".dialog-buttons").has_class("stacked")
        assert focused_answer(app) == "Reload and drop my changes"
        await pilot.press("down")
        assert focused_answer(app) == "Keep editing"
        await pilot.press("up")
        assert focused_answer(app) == "Reload and drop my changes"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.session.workspace.dirty_files() != []  # kept
