"""Issue 21 item 17: what the app says came in with a merge-on-save names a sensitive
record by its place, as the history and commit messages do."""

from pathlib import Path

from summit.tui.app import SummitApp
from summit.tui.screens.choice import ConfirmScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle

LINES = "Do not name the sites under investigation by PIPCU."


async def test_the_merge_report_names_a_sensitive_item_by_its_place(
    app: SummitApp, data_dir: Path
) -> None:
    """Another program rewrote the sensitive item's lines to take while the app changed a
    duration: both survive, and the notice does not quote the item."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        text = path.read_text()
        assert text.count(LINES) == 1
        path.write_text(text.replace(LINES, "Nightjar: name no site yet."))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        told = " ".join(str(n.message) for n in app._notifications)
        assert "merged with yours. Came in:" in told
        assert "agenda item 6, sensitive: changed" in told, told
        assert "Nightjar" not in told and "Copyright" not in told, told
    assert "Nightjar: name no site yet." in path.read_text()
