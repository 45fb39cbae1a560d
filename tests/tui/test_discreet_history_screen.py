"""Issue 21 item 17: the history screen (f3) and the commit the app writes (f4) name the
records of an OFFICIAL-SENSITIVE summit by their place, on a real clone of a bare remote."""

from pathlib import Path

from textual.widgets import DataTable, Static, TextArea

from summit.tui.app import make_app
from summit.tui.screens.commit import CommitScreen
from summit.tui.screens.history import HistoryScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git
from tests.tui.conftest import TODAY, choose, settle

SECRETS = ("Nightjar", "Coffee", "PIPCU", "Copyright")


def rewrite(clone: Path, old: str, new: str) -> None:
    path = clone / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def assert_discreet(shown: str) -> None:
    for secret in SECRETS:
        assert secret not in shown, shown


async def test_history_names_a_sensitive_summits_items_by_their_place(team: Team) -> None:
    rewrite(
        team.alice,
        'classification = "OFFICIAL"\n',
        'classification = "OFFICIAL-SENSITIVE"\npublic_purpose = "Online safety"\n',
    )
    git(team.alice, "commit", "-qam", "Marked OFFICIAL-SENSITIVE")
    # Someone edits the file beside the app: an unmarked item and the marked one.
    rewrite(team.alice, 'title = "Coffee"', 'title = "Coffee with Project Nightjar"')
    rewrite(
        team.alice,
        "Do not name the sites under investigation by PIPCU.",
        "Nightjar: name no site yet.",
    )
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        listing = str(app.screen.query_one("#commit-changes", Static).render())
        assert "agenda item 4, sensitive: changed" in listing, listing
        assert_discreet(listing)
        assert_discreet(app.screen.query_one("#commit-message", TextArea).text)
        await pilot.press("ctrl+s")  # the message the app wrote
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-commits", DataTable)
        subject = str(table.get_row_at(0)[2])
        assert subject and subject != "Marked OFFICIAL-SENSITIVE"
        assert_discreet(subject)
        detail = str(app.screen.query_one("#history-detail", Static).render())
        assert "agenda item 4, sensitive: changed" in detail, detail
        assert "agenda item 6, sensitive: changed" in detail, detail
        assert_discreet(detail)
    logged = git(team.alice, "log", "-1", "--format=%B")
    assert "sensitive" in logged
    assert_discreet(logged)
