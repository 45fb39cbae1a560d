"""The copy dialog's purpose shows and typing adds to it; the import browser remembers its folder.

Issue 19, item 12.
"""

from pathlib import Path

import pytest
from textual.widgets import TextArea

from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from tests.tui.conftest import choose, settle

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_copied_purpose_shows_from_the_top_and_typing_adds_at_its_end(
    app: SummitApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        purpose = app.screen.query_one("#field-purpose", TextArea)
        copied = purpose.text
        assert copied.startswith("Agree what the internet industry")
        purpose.focus()
        await settle(pilot)
        assert purpose.scroll_offset.y == 0
        shown = "\n".join(purpose.render_line(y).text for y in range(purpose.content_size.height))
        assert "Agree what the internet industry" in shown
        assert "copyright infringement" in shown  # the whole of it, not its first line
        await pilot.press(*" Again.")
        assert purpose.text == copied + " Again."


@pytest.mark.parametrize("size", SIZES)
async def test_the_import_browser_opens_where_replies_were_last_imported_from(
    app: SummitApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    from textual.widgets import Input  # noqa: PLC0415

    from summit.tui.screens.files import ReplyFilesScreen  # noqa: PLC0415
    from tests.tui.test_reply_files import SOPHIE, invite_uid, open_browser, reply_file  # noqa: PLC0415

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    reply_file(inbox, "reply.ics", uid=invite_uid(app), email=SOPHIE, partstat="DECLINED")
    async with app.run_test(size=size) as pilot:
        await open_browser(pilot, inbox)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReplyFilesScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ReplyFilesScreen)
        assert app.screen.query_one("#files-path", Input).value == str(inbox)
