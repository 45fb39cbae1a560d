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


async def test_the_first_screen_builds_its_keys_once_each_styled_for_the_width(
    app: SummitApp,
) -> None:
    """Built twice as the app started, and each key restyled twice (compact, then not):
    150 ms of the screen's thread while a big register loaded beside it."""
    built: list[FooterKey] = []
    restyled: list[FooterKey] = []
    original = FooterKey.update_node_styles

    def counting(key: FooterKey, animate: bool = True) -> None:
        restyled.append(key)
        original(key, animate)

    async with app.run_test(size=(120, 40)) as pilot:
        FooterKey.update_node_styles = counting  # type: ignore[method-assign]
        try:
            await settle(pilot)
            built.extend(keys_shown(app))
        finally:
            FooterKey.update_node_styles = original  # type: ignore[method-assign]
        bound = [key for key in built if key.key != "ctrl+p"]  # Textual's: always compact
        assert bound and all(not key.has_class("-compact") for key in bound)
        assert [key.key for key in restyled] == ["ctrl+p"]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert all(key.has_class("-compact") for key in keys_shown(app))
