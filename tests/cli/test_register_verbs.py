"""`summit register add|edit|remove`: the register from the command line (issue 22)."""

import tomllib
from pathlib import Path


def orgs(root: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((root / "invitees.toml").read_text())["organisations"]


def add_sam(cli, root: Path):  # type: ignore[no-untyped-def]
    return cli(
        "register", "add", "--organisation", "Ofcom", "--name", "Sam Price",
        "--job-title", "Director", "--email", "sam@ofcom.example.org",
        "--sector", "regulator", "--data", root,
    )  # fmt: skip


def test_add_edit_and_remove_a_delegate_by_name(data_dir: Path, cli) -> None:
    before = (data_dir / "invitees.toml").read_text()
    added = add_sam(cli, data_dir)
    assert added.code == 0, added.err
    assert "organisation added: Ofcom (regulator)" in added.out
    assert orgs(data_dir)["ofcom"]["delegates"]["sam-price"]["job_title"] == "Director"
    edited = cli(
        "register", "edit", "Sam Price", "--job-title", "Director of Online Safety",
        "--phone", "+44 20 7946 0999", "--data", data_dir,
    )  # fmt: skip
    assert edited.code == 0, edited.err
    sam = orgs(data_dir)["ofcom"]["delegates"]["sam-price"]
    assert sam["job_title"] == "Director of Online Safety" and sam["phone"] == "+44 20 7946 0999"
    cleared = cli("register", "edit", "sam", "--phone", "", "--data", data_dir)
    assert cleared.code == 0 and "phone" not in orgs(data_dir)["ofcom"]["delegates"]["sam-price"]
    removed = cli("register", "remove", "Sam Price", "--data", data_dir)
    assert removed.code == 0 and "delegate removed: Sam Price (Ofcom)" in removed.out
    assert cli("register", "remove", "Ofcom", "--data", data_dir).code == 0
    assert (data_dir / "invitees.toml").read_text() == before  # back as it was, comments too


def test_an_organisations_own_fields_are_edited(data_dir: Path, cli) -> None:
    result = cli(
        "register", "edit", "BT", "--website", "https://bt.example.org", "--data", data_dir
    )
    assert result.code == 0, result.err
    assert orgs(data_dir)["bt"]["website"] == "https://bt.example.org"


def test_removing_someone_a_summit_names_is_refused(data_dir: Path, cli) -> None:
    before = (data_dir / "invitees.toml").read_bytes()
    result = cli("register", "remove", "Google", "--data", data_dir)
    assert result.code == 1
    said = " ".join(result.err.split())
    assert "Google cannot be removed: is invited to online-safety-follow-up" in said
    assert "Nothing was changed" in said
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_removing_an_invited_person_says_where_they_are_invited(data_dir: Path, cli) -> None:
    """The refusal named a line of the register's first organisation and suggested
    another delegate (found trying the CLI): it now says what uses the person."""
    before = (data_dir / "invitees.toml").read_bytes()
    result = cli("register", "remove", "Daniel Reyes", "--data", data_dir)
    assert result.code == 1
    said = " ".join(result.err.split())
    assert "Daniel Reyes (Google) cannot be removed: is invited to online-safety-follow-up" in said
    assert "did you mean" not in said and "invitees.toml:" not in said
    assert "summit uninvite" in said
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_bad_values_name_the_option(data_dir: Path, cli) -> None:
    before = (data_dir / "invitees.toml").read_bytes()
    edited = cli("register", "edit", "Daniel Reyes", "--email", "nope", "--data", data_dir)
    assert edited.code == 1 and "--email: value is not a valid email address" in edited.err
    added = cli(
        "register", "add", "--organisation", "Ofcom", "--name", "Sam", "--job-title", "x",
        "--email", "sam@ofcom.example.org", "--sector", "telly", "--data", data_dir,
    )  # fmt: skip
    assert added.code == 1 and "--sector: " in added.err
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_a_delegate_is_marked_a_minister_from_the_command_line(data_dir: Path, cli) -> None:
    """The transparency return declares only ministers' meetings, and `minister = true`
    could be set only by editing the file."""
    result = cli("register", "edit", "Priya Hollis", "--minister", "yes", "--data", data_dir)
    assert result.code == 0, result.err
    assert (
        "Priya Hollis (Department for Culture, Media and Sport): now marked as a minister"
        in result.out
    )
    assert orgs(data_dir)["dcms"]["delegates"]["summit-lead"]["minister"] is True
    refused = cli("register", "edit", "Google", "--minister", "yes", "--data", data_dir)
    assert refused.code == 1 and "an organisation is not a minister" in refused.err
