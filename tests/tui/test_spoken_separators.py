"""Accessible mode reads the app's separators as commas, not "middle dot" (issue 22).

Tried with Orca 43 and espeak-ng: each `·` between facts was said "middle dot",
and the tab bar's underline, a run of box-drawing characters, was said as its
length. What counts is what the terminal shows, so these read the drawn lines.
"""

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Header

from summit.tui.app import SummitApp, make_app
from summit.tui.spoken import spoken
from tests.tui.conftest import TODAY, choose, settle
from tests.tui.test_invitees_and_outputs import open_tab

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def drawn(widget: Widget) -> str:
    """The lines the terminal shows of `widget`, as a screen reader reads them."""
    region = widget.region
    lines = widget.render_lines(Region(0, 0, region.width, region.height))
    return "\n".join(strip.text for strip in lines)


def on_lines(app: SummitApp, widget: Widget) -> str:
    """The screen's lines that `widget` spans, as drawn with all it holds."""
    strips = app.screen._compositor.render_strips()
    region = widget.region
    return "\n".join(strip.text for strip in strips[region.y : region.bottom])


async def read_screens(data_dir: Path, accessible: bool, size: tuple[int, int]) -> dict[str, str]:
    app = make_app(data_dir, today=TODAY, accessible=accessible)
    seen = {}
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit, under its coming follow-up
        seen["summits detail"] = drawn(app.screen.query_one("#summits-detail"))
        seen["title bar"] = drawn(app.screen.query_one(Header))
        await open_tab(pilot, "1")
        seen["summit header"] = drawn(app.screen.query_one("#summit-summary"))
        seen["agenda detail"] = drawn(app.screen.query_one("#agenda-detail"))
        seen["tabs"] = on_lines(app, app.screen.query_one("#summit-tabs Tabs"))
        await pilot.press("2")
        await settle(pilot)
        seen["invitee detail"] = drawn(app.screen.query_one("#invitees-detail"))
    return seen


@SIZES
async def test_accessible_mode_reads_commas_where_the_screen_has_dots(
    data_dir: Path, size: tuple[int, int]
) -> None:
    plain = await read_screens(data_dir, accessible=False, size=size)
    said = await read_screens(data_dir, accessible=True, size=size)
    for part in ("summits detail", "summit header", "agenda detail", "invitee detail"):
        assert " · " in plain[part], part  # the normal mode is as it was
        assert "·" not in said[part], part
        assert ",  " in said[part], part
        assert len(said[part]) == len(plain[part])  # nothing moves
    assert "online-safety-summit,  held,  8/13 accepted,  OFFICIAL" in said["summits detail"]
    assert "held,  OFFICIAL" in said["summit header"]
    assert "·" not in said["title bar"]


@SIZES
async def test_the_tab_bar_names_the_tab_shown_in_words_not_with_a_bar(
    data_dir: Path, size: tuple[int, int]
) -> None:
    plain = await read_screens(data_dir, accessible=False, size=size)
    said = await read_screens(data_dir, accessible=True, size=size)
    assert "━━" in plain["tabs"]
    assert "(shown)" not in plain["tabs"]
    assert "1 Agenda (shown)" in said["tabs"]
    assert not any("\u2500" <= char <= "\u259f" for char in said["tabs"])


def test_each_character_keeps_its_place() -> None:
    assert spoken("held · OFFICIAL") == "held,  OFFICIAL"
    assert spoken("a·b") == "a,b"
    assert spoken("╸━━━╺━━ Agenda ▏x") == "        Agenda ▏x"  # a lone bar is silent; it stays
