"""`invite`, `uninvite`, `reply`, `attend`: the invitees tab's work by name (issue 22)."""

import tomllib
from pathlib import Path

from tests.conftest import SAMPLE_SUMMIT

PEOPLE = (
    "organisation,name,job_title,email\n"
    "Café Société,Zoë Brontë,Directrice,zoe@cafe.example.org\n"
    "Café Société,Marc Dubois,Responsable,marc@cafe.example.org\n"
)


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def invitations(root: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(summit_file(root).read_text())["invitations"]


def with_cafe(root: Path, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "people.csv").write_text(PEOPLE)
    assert cli("register", "import", tmp_path / "people.csv", "--data", root).code == 0


def test_an_organisation_invited_by_name_invites_its_delegates(data_dir, cli, tmp_path) -> None:
    with_cafe(data_dir, cli, tmp_path)
    before = summit_file(data_dir).read_text()
    result = cli("invite", SAMPLE_SUMMIT, "café société", "--data", data_dir)
    assert result.code == 0, result.err
    assert invitations(data_dir)["cafe-societe"]["rsvp"] == {
        "zoe-bronte": "needs-action",
        "marc-dubois": "needs-action",
    }
    assert "Café Société" in result.out and "Zoë Brontë" in result.out
    comments = [line for line in before.splitlines() if line.startswith("#")]
    assert all(line in summit_file(data_dir).read_text().splitlines() for line in comments)
    again = cli("invite", SAMPLE_SUMMIT, "cafe-societe", "--data", data_dir)
    assert again.code == 0 and "Nothing to change" in again.out


def test_a_reply_and_attendance_are_recorded_by_first_name(data_dir, cli, tmp_path) -> None:
    with_cafe(data_dir, cli, tmp_path)
    assert cli("invite", SAMPLE_SUMMIT, "Zoë Brontë", "--data", data_dir).code == 0
    replied = cli("reply", SAMPLE_SUMMIT, "zoë", "accepted", "--data", data_dir)
    assert replied.code == 0, replied.err
    assert "accepted" in replied.out
    came = cli("attend", SAMPLE_SUMMIT, "directrice", "yes", "--data", data_dir)
    assert came.code == 0, came.err
    cafe = invitations(data_dir)["cafe-societe"]
    assert cafe["rsvp"] == {"zoe-bronte": "accepted"} and cafe["attended"] == {"zoe-bronte": True}


def test_an_ambiguous_name_is_refused_with_the_matches(data_dir, cli, tmp_path) -> None:
    with_cafe(data_dir, cli, tmp_path)
    before = summit_file(data_dir).read_bytes()
    result = cli("invite", SAMPLE_SUMMIT, "head", "--data", data_dir)
    assert result.code == 1
    assert "could be any of" in result.err and "[virgin-policy]" in result.err
    assert "nothing was changed" in result.err
    assert summit_file(data_dir).read_bytes() == before


def test_a_name_two_people_share_is_the_one_invited_for_a_reply(data_dir, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A second Helen Marsh, at Ofcom, made `reply ... "Helen Marsh"` ambiguous although
    only the IWF's is invited (found trying the command line as a new user)."""
    (tmp_path / "ofcom.csv").write_text(
        "organisation,name,job_title,email\nOfcom,Helen Marsh,Director,helen@ofcom.example.org\n"
    )
    assert cli("register", "import", tmp_path / "ofcom.csv", "--data", data_dir).code == 0
    replied = cli("reply", SAMPLE_SUMMIT, "Helen Marsh", "declined", "--data", data_dir)
    assert replied.code == 0, replied.err
    assert invitations(data_dir)["iwf"]["rsvp"]["iwf-chief-executive"] == "declined"
    before = summit_file(data_dir).read_bytes()
    ambiguous = cli("invite", SAMPLE_SUMMIT, "Helen Marsh", "--data", data_dir)
    assert ambiguous.code == 1 and "could be any of" in ambiguous.err  # inviting: say which
    assert summit_file(data_dir).read_bytes() == before


def test_nobody_by_that_name_is_refused(data_dir, cli) -> None:
    before = summit_file(data_dir).read_bytes()
    result = cli("invite", SAMPLE_SUMMIT, "Google", "Nobody Atall", "--data", data_dir)
    assert result.code == 1
    assert "nobody in the register answers to 'Nobody Atall'" in result.err
    assert summit_file(data_dir).read_bytes() == before  # not even Google: all or nothing


def test_uninviting_what_would_lose_replies_asks_for_yes(data_dir, cli) -> None:
    before = summit_file(data_dir).read_bytes()
    refused = cli("uninvite", SAMPLE_SUMMIT, "BT", "--data", data_dir)
    assert refused.code == 1
    assert "accepted" in refused.err and "--yes" in refused.err
    assert summit_file(data_dir).read_bytes() == before
    done = cli("uninvite", SAMPLE_SUMMIT, "BT", "--yes", "--data", data_dir)
    assert done.code == 0, done.err
    assert "bt" not in invitations(data_dir)


def test_a_reply_for_someone_not_invited_is_refused(data_dir, cli, tmp_path) -> None:
    with_cafe(data_dir, cli, tmp_path)
    result = cli("reply", SAMPLE_SUMMIT, "Marc Dubois", "accepted", "--data", data_dir)
    assert result.code == 1
    assert "Marc Dubois (Café Société) [marc-dubois] is not invited" in result.err


def test_an_unknown_summit_is_a_message(data_dir, cli) -> None:
    result = cli("invite", "no-such-summit", "Google", "--data", data_dir)
    assert result.code == 1 and "no-such-summit" in result.err and "Traceback" not in result.err


def test_an_edit_that_adds_a_warning_says_so(data_dir, cli) -> None:  # type: ignore[no-untyped-def]
    """An edit that is allowed may still be a slip, which only `summit validate` told of
    (found trying the command line as a new user): the edit says so, once."""
    follow_up = "online-safety-follow-up"
    assert cli("uninvite", follow_up, "Sophie Turner", "--yes", "--data", data_dir).code == 0
    added = cli(
        "agenda", "add", follow_up, "--title", "Broadband", "--minutes", "10",
        "--lead", "Sophie Turner", "--data", data_dir,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "warning: Sophie Turner (Virgin Media) leads 'Broadband' but is not invited" in (
        " ".join(added.err.split())
    )
    again = cli("agenda", "edit", follow_up, "broadband", "--minutes", "15", "--data", data_dir)
    assert again.code == 0 and "warning" not in again.err  # the same warning: said already
