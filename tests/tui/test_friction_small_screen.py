"""At 80x24 the footer shows every key of the part in use (issue 19, item 13)."""

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from summit.tui.app import SummitApp
from tests.tui.conftest import choose, settle


async def test_the_footer_shows_each_key_of_the_invitees_tab_whole_at_80x24(
    app: SummitApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        whole = {
            key.key
            for key in footer.query(FooterKey)
            if key.region.width and key.region.right <= 80 and key.region.y == 23
        }
        assert {"r", "i", "x", "o", "m", "a"} <= whole


async def test_the_footer_keeps_its_palette_key_when_wide(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")
        await settle(pilot)
        assert app.screen.query_one(Footer).show_command_palette
