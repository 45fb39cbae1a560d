"""The invitee register: organisations and delegates side by side, forms, filtering, paging."""

import shutil
from pathlib import Path

from textual.widgets import DataTable, Input, Label, Static
from textual.widgets._footer import FooterKey

from bench.generate import generate
from summit.store import load_dataset
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.form import FormScreen
from summit.tui.screens.register import PAGE, RegisterScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, open_chosen, settle


def table(app: SummitApp, name: str) -> DataTable[str]:
    return app.screen.query_one(f"#{name}", DataTable)


async def open_register(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RegisterScreen)


async def add_yahoo_delegate(pilot) -> None:  # type: ignore[no-untyped-def]
    """Yahoo filtered, `d`, the new delegate's form filled in and saved with ctrl+s."""
    await pilot.press("slash", *"yahoo", "tab")
    await settle(pilot)
    assert table(pilot.app, "organisations").row_count == 1
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen)
    await pilot.press(
        *"yahoo-safety",
        "tab",
        *"Sam Okoro",
        "tab",
        *"Head of Safety",
        "tab",
        *"sam.okoro@yahoo.example.org",
    )
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_adding_a_delegate_saves_a_valid_file_and_keeps_comments(
    app: SummitApp, data_dir: Path
) -> None:
    path = data_dir / "invitees.toml"
    comments = [line for line in path.read_text().splitlines() if line.startswith("#")]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await add_yahoo_delegate(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert table(app, "delegates").row_count == 2
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = path.read_text()
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    assert "[organisations.yahoo.delegates.yahoo-safety]" in text
    assert load_dataset(data_dir).errors == []


async def test_form_errors_show_inline_as_you_type(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await pilot.press("d")
        await settle(pilot)
        form = app.screen
        await pilot.press(*"google-policy", "tab", "tab", "tab", *"not-an-address")
        await settle(pilot)
        id_error = str(form.query_one("#error-id", Static).render())
        email_error = str(form.query_one("#error-email", Static).render())
        assert "there is already a delegate 'google-policy'" in id_error
        assert "not a valid email address" in email_error
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "required" in str(form.query_one("#error-name", Static).render())


async def test_removing_someone_a_summit_invites_is_refused(app: SummitApp, data_dir: Path) -> None:
    before = (data_dir / "invitees.toml").read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)  # told at once, not asked first
        told = " ".join(str(n.message) for n in app._notifications)
        assert "Department for Culture, Media and Sport cannot be removed: owns actions" in told
        assert "cannot be removed: chairs online-safety-follow-up" in told
        assert "chairs online-safety-summit" in told
        assert "dcms" in app.session.workspace.register.organisations
        assert app.session.workspace.dirty_files() == []
    assert (data_dir / "invitees.toml").read_bytes() == before


async def test_inviting_from_the_register_for_the_open_summit(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_chosen(pilot)  # the sample's first summit
        await open_register(pilot)
        await pilot.press("slash", *"dcms", "tab", "tab")  # to the delegates table
        await settle(pilot)
        assert app.focused is table(app, "delegates")
        await pilot.press("down", "space")
        await settle(pilot)
        summit = app.session.workspace.summits["online-safety-summit"]
        assert "summit-lead" in summit.invitations["dcms"].rsvp


async def test_a_large_register_loads_rows_a_page_at_a_time(tmp_path: Path) -> None:
    root = generate(tmp_path / "big", organisations=1000, delegates=10, summits=0)
    shutil.rmtree(root / "agendas")
    app = make_app(root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        organisations = table(app, "organisations")
        assert organisations.row_count == PAGE
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert organisations.row_count > PAGE
        app.screen.query_one("#filter", Input).value = "delegate 999 9"
        await settle(pilot)
        assert organisations.row_count == 1
        assert table(app, "delegates").row_count == 10


async def test_removing_asks_first_and_keeps_by_default(app: SummitApp, data_dir: Path) -> None:
    """Issue 8, item 9: `x` asks first, and a stray enter keeps."""
    before = (data_dir / "invitees.toml").read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"tom", "tab", "tab")  # Tom Ashworth: no summit names him
        await settle(pilot)
        organisations = app.session.workspace.register.organisations
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused, safe answer
        await settle(pilot)
        assert "private-secretary" in organisations["dcms"].delegates
    assert (data_dir / "invitees.toml").read_bytes() == before


async def test_adding_a_delegate_is_not_refused_for_an_error_it_only_rewords(
    data_dir: Path,
) -> None:
    """A summit names 'yahoo-safty' (a typo). Adding 'yahoo-safety' changes that error's
    "did you mean" but adds no error: it was refused as a new error."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    start = text.index('lead = "') + len('lead = "')
    path.write_text(text[:start] + "yahoo-safty" + text[text.index('"', start) :])
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("'yahoo-safty'" in f.message for f in app.session.workspace.findings())
        await open_register(pilot)
        await add_yahoo_delegate(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert not [n for n in app._notifications if "Not changed" in str(n.message)]
        assert "yahoo-safety" in app.session.workspace.register.organisations["yahoo"].delegates


async def test_after_editing_a_delegate_the_cursor_stays_on_them(app: SummitApp) -> None:
    """It went back to the organisation's first delegate once the tables were redrawn."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        await pilot.press("tab", "down")
        await settle(pilot)
        second = screen.selected_delegate()
        assert second is not None
        assert list(app.session.workspace.register.organisations["dcms"].delegates)[1] == second
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-job_title", Input).value = "Director General"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.selected_delegate() == second
        assert "Director General" in str(app.screen.query_one("#register-detail").render())


async def test_filtering_for_a_person_puts_the_delegate_cursor_on_them(app: SummitApp) -> None:
    """`/Tom` matched DCMS by Tom Ashworth, but the cursor stayed on the Secretary of State,
    so `x` or `e` took the wrong person."""
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"Tom", "tab", "tab")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert screen.selected_organisation() == "dcms"
        assert screen.selected_delegate() == "private-secretary"
        assert "Tom Ashworth" in str(screen.query_one("#register-detail").render())
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        asked = str(app.screen.query_one("#dialog-message", Static).render())
        assert "Tom Ashworth" in asked, asked


async def test_a_filter_by_organisation_keeps_the_first_delegate(app: SummitApp) -> None:
    """Words that only name the organisation pick nobody in it: the first delegate as before."""
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"google", "tab")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert screen.selected_delegate() == "google-policy"
        screen.query_one("#filter", Input).value = "google trust"
        await settle(pilot)
        assert screen.selected_delegate() == "google-trust-safety"


async def test_ctrl_end_goes_to_the_last_organisation_of_a_large_register(
    tmp_path: Path,
) -> None:
    """Rows load a page at a time: ctrl+end stopped at the last loaded row (Organisation 99)."""
    root = generate(tmp_path / "big", organisations=1000, delegates=10, summits=0)
    shutil.rmtree(root / "agendas")
    app = make_app(root, today=TODAY)
    last = list(app.session.workspace.register.organisations)[-1]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert table(app, "organisations").row_count == PAGE  # the first screen stays quick
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert screen.selected_organisation() == last
        assert table(app, "organisations").row_count == 1000
        name = app.session.workspace.register.organisations[last].name
        assert name in str(screen.query_one("#delegates-title", Label).render())
        await pilot.press("ctrl+home")
        await settle(pilot)
        assert screen.selected_organisation() == "org-0"


async def test_a_removal_that_would_be_refused_is_refused_before_asking(
    app: SummitApp,
) -> None:
    """`x` on Daniel Reyes asked "Remove ...?" and only after "Remove" said he cannot be."""
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("slash", *"daniel", "tab", "tab", "x")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen), "asked before refusing"
        told = " ".join(str(n.message) for n in app._notifications)
        assert (
            "Daniel Reyes (Google) cannot be removed: is invited to online-safety-follow-up; "
            "is invited to online-safety-summit" in told
        ), told
        assert "google-policy" in app.session.workspace.register.organisations["google"].delegates


async def test_after_removing_a_delegate_the_cursor_stays_in_place(data_dir: Path) -> None:
    """It jumped to the organisation's first delegate: now the next one takes the place,
    or the one before when the last went."""
    path = data_dir / "invitees.toml"
    path.write_text(
        path.read_text() + '\n[organisations.dcms.delegates.diary-secretary]\nname = "Ann Lowe"\n'
        'job_title = "Diary Secretary"\nemail = "ann.lowe@dcms.example.org"\n'
    )
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert list(app.session.workspace.register.organisations["dcms"].delegates)[2:] == [
            "private-secretary",
            "diary-secretary",
        ]
        await pilot.press("tab", "down", "down")  # Tom Ashworth, third of four
        for removed, then in (
            ("private-secretary", "diary-secretary"),  # the next one
            ("diary-secretary", "summit-lead"),  # the last went: the one before
        ):
            await settle(pilot)
            assert screen.selected_delegate() == removed
            await pilot.press("x")
            await settle(pilot)
            await pilot.click("#answer-remove")
            await settle(pilot)
            assert removed not in app.session.workspace.register.organisations["dcms"].delegates
            assert screen.selected_delegate() == then
            name = app.session.workspace.register.organisations["dcms"].delegates[then].name
            assert name in str(screen.query_one("#register-detail").render())


def footer_keys(app: SummitApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_the_footer_offers_space_only_in_a_register_opened_from_a_summit(
    app: SummitApp,
) -> None:
    """From the summits list space only says to open the register from a summit:
    the footer showed `space Invite/uninvite` there all the same."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot)
        assert "Remove" in footer_keys(app)
        assert "Invite/uninvite" not in footer_keys(app)
        await pilot.press("tab", "space")  # still harmless, and says why
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert app.session.workspace.dirty_files() == []
        told = [str(n.message) for n in app._notifications]
        assert any("Open the register from a summit" in message for message in told), told
        await pilot.press("escape", "enter")  # the summit, then its register
        await settle(pilot)
        await open_register(pilot)
        assert "Invite/uninvite" in footer_keys(app)
