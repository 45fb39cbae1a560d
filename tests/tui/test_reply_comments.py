"""What a delegate wrote with their reply is shown where the replies are (issue 18, item 4):
the invitees tab, `summit show`, and the briefing pack's list of who is coming."""

from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.tui.app import make_app
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.test_real_client_replies import exchange_2010, korganizer
from tests.ical.test_replies import sample_uid
from tests.tui.conftest import TODAY, choose, settle
from tests.tui.test_long_text import on_screen

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day

COMMENT = "I will bring our head of trust and safety."


def imported(data_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    uid = sample_uid(data_dir)
    result = cli(
        "rsvp",
        "import",
        exchange_2010(tmp_path, uid),
        korganizer(tmp_path, uid),
        "--data",
        data_dir,
    )
    assert result.code == 0, result.out + result.err


async def test_the_invitees_tab_shows_the_comment(data_dir: Path, tmp_path: Path, cli) -> None:
    imported(data_dir, tmp_path, cli)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter", "2")
        await settle(pilot)
        table = app.screen.query_one("#invitees", DataTable)
        table.move_cursor(row=table.get_row_index("facebook/facebook-policy"))
        await settle(pilot)
        shown = on_screen(app.screen.query_one("#invitees-detail"))
        assert COMMENT.replace(" ", "") in shown
        table.move_cursor(row=table.get_row_index("yahoo/yahoo-policy"))
        await settle(pilot)
        assert "delegatedtosam.lee@yahoo.example.org" in on_screen(
            app.screen.query_one("#invitees-detail")
        )


def test_show_and_the_briefing_pack_show_the_comment(data_dir: Path, tmp_path: Path, cli) -> None:
    imported(data_dir, tmp_path, cli)
    shown = cli("show", SAMPLE_SUMMIT, "--data", data_dir)
    assert COMMENT in " ".join(shown.out.split()), shown.out
    assert "to sam.lee@yahoo.example.org" in shown.out
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    pack = data_dir / "exports" / f"{SAMPLE_SUMMIT}-briefing-pack-internal.md"
    assert COMMENT in " ".join(pack.read_text().split())
