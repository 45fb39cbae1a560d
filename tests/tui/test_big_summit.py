"""A summit inviting a thousand people: its invitees are paged, its tabs drawn when shown."""

from pathlib import Path

from textual.widgets import DataTable, Static

from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ChoiceScreen
from summit.tui.widgets.tables import PAGE, PagedTable
from tests.tui.conftest import TODAY, settle

ORGANISATIONS = 100
PEOPLE = 10  # delegates per organisation: 1,000 invited


def big_data(root: Path) -> Path:
    """A register of 1,000 delegates and one summit inviting every one of them."""
    register = []
    for o in range(ORGANISATIONS):
        register.append(f'[organisations.org-{o}]\nname = "Organisation {o}"\nsector = "isp"\n')
        for d in range(PEOPLE):
            register.append(
                f"[organisations.org-{o}.delegates.d-{o}-{d}]\n"
                f'name = "Delegate {o} {d}"\njob_title = "Head of Policy"\n'
                f'email = "d{d}@org-{o}.example.org"\n'
            )
    summit = [
        'title = "Everyone"\nconvener = "d-0-0"\norganiser = "d-0-1"',
        "start = 2027-03-01T09:30:00\nend = 2027-03-01T13:30:00",
        'venue = "100 Parliament Street"\nstatus = "invited"\n',
    ]
    for o in range(ORGANISATIONS):
        summit.append(f"[invitations.org-{o}.rsvp]")
        summit += [f'd-{o}-{d} = "accepted"' for d in range(PEOPLE)]
    for item in range(8):
        summit.append(f'[[agenda]]\ntitle = "Item {item}"\nlead = "d-{item}-0"\nminutes = 25\n')
    (root / "agendas").mkdir(parents=True)
    (root / "invitees.toml").write_text("\n".join(register))
    (root / "agendas" / "everyone.toml").write_text("\n".join(summit))
    return root


def key_of(row: int) -> str:
    return f"org-{row // PEOPLE}/d-{row // PEOPLE}-{row % PEOPLE}"


async def open_invitees(pilot) -> DataTable[str]:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "2")
    await settle(pilot)
    return pilot.app.screen.query_one("#invitees", DataTable)  # type: ignore[no-any-return]


def cursor_key(table: DataTable[str]) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_invitees_are_added_a_page_at_a_time_and_every_row_is_reached(
    tmp_path: Path,
) -> None:
    app = make_app(big_data(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_invitees(pilot)
        assert isinstance(table, PagedTable)
        assert table.row_count < table.total == ORGANISATIONS * PEOPLE
        while table.cursor_row < 450:
            await pilot.press("pagedown")
            await settle(pilot)
        row = table.cursor_row
        assert cursor_key(table) == key_of(row)
        assert str(table.get_row_at(row)[1]) == f"Delegate {row // PEOPLE} {row % PEOPLE}"
        # A reply set on that row is shown there, with the cursor still on it.
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # from accepted to the next reply
        await settle(pilot)
        assert table.cursor_row == row and cursor_key(table) == key_of(row)
        assert str(table.get_row_at(row)[2]) == "declined"
        assert "999 accepted, 1 declined" in str(
            app.screen.query_one("#invitees-summary", Static).render()
        )


async def test_scrolling_to_the_end_adds_the_rows_beyond(tmp_path: Path) -> None:
    app = make_app(big_data(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_invitees(pilot)
        added = table.row_count
        table.scroll_end(animate=False)
        await settle(pilot)
        assert table.row_count > added
        table.scroll_end(animate=False)
        await settle(pilot)
        assert table.row_count >= added + PAGE
        assert str(table.get_row_at(table.row_count - 1)[1]) == (
            f"Delegate {(table.row_count - 1) // PEOPLE} {(table.row_count - 1) % PEOPLE}"
        )


def findings(app: SummitApp) -> str:
    return str(app.screen.query_one("#findings", Static).render())


async def test_a_tab_out_of_view_is_drawn_when_shown_with_the_edits_made_meanwhile(
    tmp_path: Path,
) -> None:
    app = make_app(big_data(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        # Eight items of 25 minutes end at 12:50; the summit ends at 13:30.
        await pilot.press(*["plus"] * 9)  # 45 minutes more: 5 minutes over
        await settle(pilot)
        assert "OVERRUNS BY 5 MINUTES" in str(app.screen.query_one("#agenda-total").render())
        assert findings(app) == ""  # the details tab was not drawn while out of view
        await pilot.press("4")
        await settle(pilot)
        assert "the agenda runs 5 minutes past the planned end" in findings(app)
        await pilot.press("1", "minus", "4")
        await settle(pilot)
        assert "past the planned end" not in findings(app)
