"""The export and papers dialogs replace a file already in a chosen folder only on a second run.

The command line says `--force`; the app says what is there, writes nothing,
and replaces on the second run into the same folder. Summit's own exports/
folder is brought up to date without asking, as on the command line.
"""

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from summit.tui.app import SummitApp
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle

DIALOGS = [
    ("ctrl+e", "export", f"{SAMPLE_SUMMIT}.ics"),
    ("ctrl+o", "papers", f"{SAMPLE_SUMMIT}-press-notice.md"),
]


async def _run(pilot, name: str) -> str:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await settle(pilot)
    return str(pilot.app.screen.query_one(f"#{name}-result", Static).render())


@pytest.mark.parametrize(("key", "name", "existing"), DIALOGS)
async def test_a_file_already_there_is_kept_until_the_second_run(
    app: SummitApp, tmp_path: Path, key: str, name: str, existing: str
) -> None:
    out = tmp_path / "shared-drive"
    out.mkdir()
    theirs = out / existing
    theirs.write_text("a colleague's file of the same name\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        app.screen.query_one(f"#{name}-folder", Input).value = str(out)
        said = await _run(pilot, name)
        assert f"{existing} is already in {out}" in said
        assert "Run again" in said
        assert theirs.read_text() == "a colleague's file of the same name\n"
        assert sorted(p.name for p in out.iterdir()) == [existing]

        said = await _run(pilot, name)
        assert "Wrote" in said, said
    assert theirs.read_text() != "a colleague's file of the same name\n"


@pytest.mark.parametrize(("key", "name", "existing"), DIALOGS)
async def test_the_own_exports_folder_is_brought_up_to_date_without_asking(
    app: SummitApp, data_dir: Path, key: str, name: str, existing: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert "Wrote" in await _run(pilot, name)
        assert "Wrote" in await _run(pilot, name)
    assert (data_dir / "exports" / existing).is_file()
