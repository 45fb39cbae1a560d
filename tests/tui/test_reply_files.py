"""Issue 8, item 12: reply files are picked in a file browser, not only typed."""

import tomllib
from email.message import EmailMessage
from pathlib import Path

import pytest
from textual.widgets import Input, Tree

from summit.model import Rsvp
from summit.tui.app import SummitApp
from summit.tui.screens.files import ReplyFilesScreen, ReplyTree
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.test_replies import reply_file
from tests.tui.conftest import choose, settle

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day

SOPHIE = "sophie.turner@virginmedia.example.org"  # virgin-media / virgin-policy
CHRIS = "chris.bell@yahoo.example.org"  # yahoo / yahoo-policy


def invite_uid(app: SummitApp) -> str:
    invite = app.session.workspace.summits[SAMPLE_SUMMIT].invite
    assert invite is not None
    return invite.uid


def as_email(ics: Path) -> Path:
    """The reply as a mail client saves it: a message with the calendar attached."""
    message = EmailMessage()
    message["From"] = CHRIS
    message["To"] = "priya.hollis@dcms.example.org"
    message["Subject"] = "Declined: Online safety summit"
    message.set_content("Chris Bell has declined this invitation.")
    message.add_attachment(
        ics.read_bytes(), maintype="text", subtype="calendar", params={"method": "REPLY"}
    )
    path = ics.with_suffix(".eml")
    path.write_bytes(message.as_bytes())
    ics.unlink()
    return path


async def open_browser(pilot, folder: Path) -> ReplyTree:  # type: ignore[no-untyped-def]
    """The invitees tab, `m`, then the folder typed in the path field to browse it.

    The tree's loader is a worker that waits for work as long as the tree is
    shown, so this waits for the listing itself rather than for every worker.
    """
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("2", "m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReplyFilesScreen)
    await pilot.click("#files-path")
    await pilot.press("ctrl+a", "ctrl+k", *str(folder), "enter")
    tree = screen.query_one(ReplyTree)
    for _ in range(100):
        await pilot.pause(0.05)
        if tree.root.data is not None and tree.root.data.path == folder and tree.root.children:
            break
    assert tree.has_focus
    return tree


def listed(tree: Tree) -> list[str]:  # type: ignore[type-arg]
    return [str(child.label) for child in tree.root.children]


async def test_a_reply_picked_in_the_browser_is_recorded_and_saved(
    app: SummitApp, data_dir: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "archive").mkdir(parents=True)
    (inbox / ".cache").mkdir()
    (inbox / "minutes.docx").write_bytes(b"not a reply")
    reply_file(inbox, "reply.ics", uid=invite_uid(app), email=SOPHIE, partstat="DECLINED")
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_browser(pilot, inbox)
        assert listed(tree) == ["archive", "reply.ics"]  # folders and replies only
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReplyFilesScreen)
        rsvp = app.session.workspace.summits[SAMPLE_SUMMIT].invitations["virgin-media"].rsvp
        assert rsvp["virgin-policy"] is Rsvp.DECLINED
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = tomllib.loads((data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text())
    assert saved["invitations"]["virgin-media"]["rsvp"]["virgin-policy"] == "declined"


async def test_a_whole_folder_with_an_eml_reply_is_imported_with_a(
    app: SummitApp, tmp_path: Path
) -> None:
    uid = invite_uid(app)
    reply_file(tmp_path, "sophie.ics", uid=uid, email=SOPHIE, partstat="TENTATIVE")
    as_email(reply_file(tmp_path, "chris.ics", uid=uid, email=CHRIS, partstat="DECLINED"))
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_browser(pilot, tmp_path)
        assert "chris.eml" in listed(tree)
        await pilot.press("ctrl+a")  # the root: the folder itself
        await settle(pilot)
        invitations = app.session.workspace.summits[SAMPLE_SUMMIT].invitations
        assert invitations["virgin-media"].rsvp["virgin-policy"] is Rsvp.TENTATIVE
        assert invitations["yahoo"].rsvp["yahoo-policy"] is Rsvp.DECLINED


async def test_file_names_are_shown_as_written(app: SummitApp, tmp_path: Path) -> None:
    """A name with an escape sequence shows the escape; the terminal never acts on it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "]reply\x1b[2J.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await open_browser(pilot, inbox)
        assert listed(tree) == ["]reply\\x1b[2J.ics"]


async def test_a_path_typed_on_the_tree_goes_into_the_path_field(
    app: SummitApp, data_dir: Path, tmp_path: Path
) -> None:
    """Typing a path as the hint invites, with the tree focused, ran `a` (import the
    folder), which closed the dialog; the rest of the path reached the invitees tab and
    marked people as attended (found trying the app)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    reply_file(inbox, "reply.ics", uid=invite_uid(app), email=SOPHIE, partstat="DECLINED")
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2", "m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplyFilesScreen)
        assert screen.query_one(ReplyTree).has_focus
        before = app.session.workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
        await pilot.press(*str(inbox / "reply.ics"))
        assert app.screen is screen  # still open: no letter ran an action
        assert screen.query_one("#files-path", Input).value == str(inbox / "reply.ics")
        assert app.session.workspace.summits[SAMPLE_SUMMIT] == before
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReplyFilesScreen)
        rsvp = app.session.workspace.summits[SAMPLE_SUMMIT].invitations["virgin-media"].rsvp
        assert rsvp["virgin-policy"] is Rsvp.DECLINED


async def test_a_relative_path_is_taken_from_the_folder_shown(
    app: SummitApp, tmp_path: Path
) -> None:
    reply_file(tmp_path, "sophie.ics", uid=invite_uid(app), email=SOPHIE, partstat="TENTATIVE")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(pilot, tmp_path)
        await pilot.press(*"sophie.ics", "enter")
        await settle(pilot)
        rsvp = app.session.workspace.summits[SAMPLE_SUMMIT].invitations["virgin-media"].rsvp
        assert rsvp["virgin-policy"] is Rsvp.TENTATIVE
