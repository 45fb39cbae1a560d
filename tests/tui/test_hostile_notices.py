"""Notices that quote file names and problems show them as written (issue 7 item 7)."""

from pathlib import Path

from textual.widgets import Input

from summit.tui.app import make_app
from summit.tui.screens.files import ReplyFilesScreen
from tests.tui.conftest import TODAY, settle
from tests.tui.test_invitees_and_outputs import open_tab


async def test_a_reply_file_named_like_markup_is_named_as_written(
    data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "replies[b"  # with the file name below, the path holds "[b/]"
    folder.mkdir()
    reply = folder / "]reply\x1b[2J.ics"
    reply.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("m")
        await pilot.pause()  # not settle: the file tree's loader waits as long as it is shown
        assert isinstance(app.screen, ReplyFilesScreen)
        path = app.screen.query_one("#files-path", Input)
        path.value = str(reply)
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        notices = "\n".join(str(notice.message) for notice in app._notifications)
        assert "Refused, not recorded" in notices
        assert "reply\\x1b[2J.ics" in notices
        assert "\x1b" not in notices
        assert app.is_running
