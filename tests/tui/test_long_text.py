"""Issue 8, item 7: long text is on the screen in full at 80x24, 120x40 and 60x20.

Each check reads what a widget draws, line by line, and keeps only the lines the
screen really shows it on (nothing covers or clips them), so a text cut by a
column, a one-line label or the screen's edge fails.
"""

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, DataTable

from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.form import FormScreen
from summit.tui.screens.help import HELP
from tests.long_text import ACTION, EMAIL, ORGANISATION, SAMPLE_SUMMIT, lengthen
from tests.tui.conftest import TODAY, choose, settle

SIZES = [(80, 24), (120, 40), (60, 20)]
TITLE = "Summit on child-abuse imagery, filtering and copyright online"


@pytest.fixture
def long_app(data_dir: Path) -> SummitApp:
    lengthen(data_dir)
    return make_app(data_dir, today=TODAY)


def on_screen(widget: Widget) -> str:
    """The text the screen shows of `widget`, lines joined, without spaces.

    Only the part inside what clips it (its containers, the screen's edge) counts,
    and only lines nothing covers. Without spaces, so that a long address folded
    over two lines still reads whole.
    """
    region = widget.region
    visible = widget.screen.find_widget(widget).visible_region
    lines = widget.render_lines(Region(0, 0, region.width, region.height))
    shown = []
    for y, strip in enumerate(lines):
        if not visible.y <= region.y + y < visible.bottom:
            continue
        seen, _ = widget.screen.get_widget_at(visible.x, region.y + y)
        if seen is widget or widget in seen.ancestors:
            left = visible.x - region.x
            shown.append(strip.crop(left, left + visible.width).text)
    return "".join("".join(shown).split())


def whole(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_summits_list_shows_the_highlighted_id_and_title_in_full(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit, under its coming follow-up
        shown = on_screen(long_app.screen.query_one("#summits-detail"))
        assert whole(TITLE) in shown
        assert SAMPLE_SUMMIT in shown


async def test_at_120_columns_the_id_column_is_not_cut(long_app: SummitApp) -> None:
    async with long_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert SAMPLE_SUMMIT in on_screen(long_app.screen.query_one("#summits"))


async def test_the_title_column_takes_the_width_left(long_app: SummitApp) -> None:
    async with long_app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        table = long_app.screen.query_one("#summits", DataTable)
        assert whole(TITLE) in on_screen(table)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_action_of_300_characters_is_shown_whole(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "3")
        await settle(pilot)
        detail = long_app.screen.query_one("#outputs-detail")
        assert whole(ACTION) in on_screen(detail)
        await pilot.press("down")  # the IWF's action: its 60-character name
        await settle(pilot)
        assert whole(ORGANISATION) in on_screen(detail)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_agenda_items_lead_and_objective_are_shown_whole(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "down")  # The scale of ..., led by the IWF
        await settle(pilot)
        shown = on_screen(long_app.screen.query_one("#agenda-detail"))
        assert whole(f"Helen Marsh ({ORGANISATION})") in shown
        assert whole("A shared picture of where the imagery is found and how fast") in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_invitees_organisation_and_email_are_shown_whole(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")
        await settle(pilot)
        table = long_app.screen.query_one("#invitees", DataTable)
        table.move_cursor(row=table.get_row_index("iwf/iwf-chief-executive"))
        await settle(pilot)
        shown = on_screen(long_app.screen.query_one("#invitees-detail"))
        assert whole(ORGANISATION) in shown
        assert EMAIL in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_register_shows_a_long_email_whole(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await pilot.press("f2", "slash", *"helen", "tab", "tab")  # the delegates table
        await settle(pilot)
        shown = on_screen(long_app.screen.query_one("#register-detail"))
        assert whole(ORGANISATION) in shown
        assert EMAIL in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_form_error_longer_than_the_form_wraps(
    long_app: SummitApp, size: tuple[int, int]
) -> None:
    async with long_app.run_test(size=size) as pilot:
        await pilot.press("f2", "d")
        await settle(pilot)
        assert isinstance(long_app.screen, FormScreen)
        await pilot.press("tab", "tab", "tab", *"lena.petrova@askfm")  # the e-mail field
        await settle(pilot)
        error = long_app.screen.query_one("#error-email")
        message = str(error.render())
        assert len(message) > error.content_size.width, message  # longer than a line
        assert whole(message) in on_screen(error)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_summit_header_keeps_its_parts_apart(
    data_dir: Path, size: tuple[int, int]
) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace("end = 2026-01-20T13:00:00", "end = 2026-01-20T12:35:00")
    path.write_text(text)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        header = app.screen.query_one("#summit-summary")
        assert whole("held · OFFICIAL · overruns by 15 min") in on_screen(header)
        assert header.size.height == 3  # title; time and place; state


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_button_of_the_file_changed_dialog_reads_whole(
    data_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "plus")
        await settle(pilot)
        path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
        path.write_text(path.read_text() + "\nbroken = = \n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        buttons = list(app.screen.query(Button))
        labels = ["Reload from disk (drop my changes)", "Overwrite with mine", "Decide later"]
        assert [str(button.label) for button in buttons] == labels
        for button in buttons:
            assert whole(str(button.label)) in on_screen(button)


async def test_nothing_is_lost_at_60x20(long_app: SummitApp) -> None:
    """Each table keeps rows on the screen beside the pane of the highlighted row."""
    tables = [
        (["enter"], "#agenda", "Welcome"),
        (["2"], "#invitees", "HomeOffice"),
        (["3"], "#outputs", "action"),
        (["escape", "f2"], "#organisations", "Department"),
    ]
    async with long_app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit, made long
        for keys, table, first_row in tables:
            await pilot.press(*keys)
            await settle(pilot)
            assert first_row in on_screen(long_app.screen.query_one(table)), table


@pytest.mark.parametrize("keys", [[], ["enter"], ["enter", "2"], ["enter", "3"], ["f2"]])
async def test_keys_the_footer_hides_at_80_columns_are_in_help_and_palette(
    long_app: SummitApp, keys: list[str]
) -> None:
    async with long_app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)  # the sample's first summit, made long
        await pilot.press(*keys)
        await settle(pilot)
        commands = {c.title for c in long_app.get_system_commands(long_app.screen)}
        in_help: dict[str, bool] = {}
        for active in long_app.screen.active_bindings.values():
            binding = active.binding
            if binding.id is None:  # Textual's own (cursor keys, copy)
                continue
            assert binding.description in commands, binding
            # One binding may have several keys (shift+up, K): help names one of them.
            shown = {"plus": "+", "minus": "-", "slash": "/"}.get(binding.key, binding.key)
            named = f"`{shown}`" in HELP or shown in "1234"  # help says `1`-`4`
            in_help[binding.id] = in_help.get(binding.id, False) or named
        assert all(in_help.values()), in_help


async def test_the_details_tab_scrolls_to_its_warnings_at_60x20(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace("end = 2026-01-20T13:00:00", "end = 2026-01-20T12:35:00")
    path.write_text(text)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "4", "end")
        await settle(pilot)
        findings = app.screen.query_one("#findings")
        assert whole("the agenda runs 15 minutes past the planned end") in on_screen(findings)
        await pilot.press("e")  # the part's own key still works from its scrolled view
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_merge_screen_keeps_every_column_in_view(
    data_dir: Path, size: tuple[int, int]
) -> None:
    """Mine, theirs and the choice made stay on screen; the field's name gives way."""
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "plus")
        await settle(pilot)
        path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
        path.write_text(path.read_text().replace("minutes = 15", "minutes = 25", 1))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        shown = on_screen(app.screen.query_one("#resolve-table"))
        assert whole("Was Mine Theirs Keep") in shown
        assert whole("15 20 25 mine") in shown
