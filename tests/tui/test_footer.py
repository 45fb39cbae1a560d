"""The key bar: the same keys are not rebuilt, changed keys are shown."""

from textual.widgets._footer import FooterKey

from summit.tui.app import SummitApp
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import SummitsScreen
from tests.tui.conftest import choose, settle


def keys_shown(app: SummitApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_coming_back_to_the_list_keeps_its_keys_as_they_were(app: SummitApp) -> None:
    """Textual's footer rebuilt every key on each return to a screen: a third of the
    time back to a list of 1,000 summits."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = keys_shown(app)
        assert "New summit" in [key.description for key in before]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SummitsScreen)
        after = keys_shown(app)
        assert after == before  # the very same widgets
        assert all(key.is_attached for key in after)


async def test_keys_that_change_are_shown(app: SummitApp) -> None:
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        shown = [key.description for key in keys_shown(app)]
        assert "+5 min" in shown  # the agenda tab comes first: its table has the focus
        assert "Edit details" not in shown
        await pilot.press("4")  # the details tab, and its keys
        await settle(pilot)
        shown = [key.description for key in keys_shown(app)]
        assert "Edit details" in shown
        assert "+5 min" not in shown
