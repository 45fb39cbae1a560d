"""`summit new`: a summit's first file, blank, copied or as a follow-up (issue 22 item 3)."""

import tomllib
from pathlib import Path

import pytest
from textual.widgets import DataTable

from summit.store import load_dataset
from summit.tui.app import make_app
from summit.tui.screens.summit import SummitScreen
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.tui.conftest import TODAY, settle
from tests.tui.test_long_text import on_screen

WHEN = ("--start", "2028-01-20 09:30", "--end", "2028-01-20 13:00")
PEOPLE = ("--convener", "secretary-of-state", "--organiser", "Priya Hollis")


def read(root: Path, summit_id: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((root / "agendas" / f"{summit_id}.toml").read_text())


def test_a_blank_summit_is_written_as_a_draft_that_validates(data_dir, cli) -> None:
    result = cli(
        "new", "oss-2028", "--title", "One year on", *WHEN, "--venue", "Lancaster House",
        *PEOPLE, "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "oss-2028: created" in result.out and "draft, 2028-01-20 09:30–13:00" in result.out
    data = read(data_dir, "oss-2028")
    assert data["organiser"] == "summit-lead"  # found by name
    assert data["status"] == "draft" and data["timezone"] == "Europe/London"
    assert "invitations" not in data and "follows" not in data
    checked = cli("validate", "--data", data_dir)
    assert checked.code == 0, checked.out + checked.err
    assert cli("fmt", "--check", "--data", data_dir).code == 0


def test_a_blank_summit_points_editors_at_the_schema_when_the_folder_has_it(data_dir, cli) -> None:
    """The sample's files start with `#:schema`; a new summit's did not (found working
    as two officials): editors then check it as they check the others."""
    (data_dir / "schema").mkdir()
    (data_dir / "schema" / "summit.schema.json").write_text("{}")
    result = cli(
        "new", "oss-2028", "--title", "One year on", *WHEN, "--venue", "Lancaster House",
        *PEOPLE, "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    text = (data_dir / "agendas" / "oss-2028.toml").read_text()
    assert text.startswith("#:schema ../schema/summit.schema.json\n")
    assert cli("fmt", "--check", "--data", data_dir).code == 0


def test_a_follow_up_takes_the_plan_and_none_of_the_record(data_dir, cli) -> None:
    result = cli(
        "new", "oss-2028", "--title", "One year on", *WHEN,
        "--from", SAMPLE_SUMMIT, "--follow-up", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert f"follows {SAMPLE_SUMMIT}" in result.out
    source, data = read(data_dir, SAMPLE_SUMMIT), read(data_dir, "oss-2028")
    assert data["follows"] == SAMPLE_SUMMIT and data["title"] == "One year on"
    assert data["start"].isoformat() == "2028-01-20T09:30:00"
    assert data["invitations"].keys() == source["invitations"].keys()
    assert [item["title"] for item in data["agenda"]] == [i["title"] for i in source["agenda"]]
    # The earlier meeting's record stays with it (issue 19 item 1).
    for invitation in data["invitations"].values():
        assert set(invitation["rsvp"].values()) == {"needs-action"}
        assert "attended" not in invitation
    assert not any("summary" in item or "decisions" in item for item in data["agenda"])
    for key in ("sent", "invite", "actions", "commitments"):
        assert key not in data
    assert data.get("status", "draft") == "draft"
    # The file starts from the source's, as the app's copy does: its comments carry over.
    text = (data_dir / "agendas" / "oss-2028.toml").read_text()
    assert text.startswith("#:schema ../schema/summit.schema.json\n")
    assert "# ── Who is invited, and their replies ──" in text
    assert cli("validate", "--data", data_dir).code == 0


def test_a_copy_without_follow_up_does_not_claim_to_follow(data_dir, cli) -> None:
    result = cli(
        "new", "other", "--title", "Another", *WHEN, "--venue", "Lancaster House",
        "--from", SAMPLE_SUMMIT, "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    data = read(data_dir, "other")
    assert "follows" not in data and data["venue"] == "Lancaster House"
    assert data["invitations"] and data["agenda"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--start", "2028-13-01 10:00"), "argument --start: '2028-13-01 10:00' is not a date"),
        (("--start", "soon"), "argument --start: 'soon' is not a date and time"),
        (("--end", "2028-01-20"), "argument --end: '2028-01-20' has no time of day"),
        (("--start", "2028-01-20T09:30+01:00"), "argument --start: '2028-01-20T09:30+01:00' "),
        (("--end", "2028-01-20 09:00"), "--end: the planned end 2028-01-20 09:00 is not after"),
        (("--start", "2300-01-20 09:30"), "--start: 2300-01-20 is outside the dates"),
        (("--timezone", "Mars/Olympus"), "--timezone: unknown IANA time zone 'Mars/Olympus'"),
        (("--convener", "Google"), "--convener: 'Google' is an organisation"),
        (("--organiser", "nobody"), "--organiser: nobody in the register answers to 'nobody'"),
        (("--follow-up",), "--follow-up needs --from SUMMIT"),
        (("--from", "no-such-summit"), "no-such-summit"),
    ],
)
def test_bad_values_name_the_option_and_write_nothing(data_dir, cli, capsys, args, said) -> None:
    before = snapshot(data_dir)
    given = dict(zip(WHEN[::2], WHEN[1::2], strict=True))
    given |= dict(zip(PEOPLE[::2], PEOPLE[1::2], strict=True))
    given |= dict(zip(args[::2], [*args[1::2], None], strict=False))  # a flag has no value
    argv = [part for pair in given.items() for part in pair if part is not None]
    try:
        code, err = (result := cli("new", "x", "--title", "T", "--venue", "V", *argv,
                                   "--data", data_dir)).code, result.err  # fmt: skip
    except SystemExit as exit_:  # argparse refuses a value its type cannot read
        code, err = exit_.code, capsys.readouterr().err
    assert code not in (0, None)
    assert said in err, err
    assert "Traceback" not in err
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("summit_id", [SAMPLE_SUMMIT, "Bad_Id", "a" * 80])
def test_an_id_in_use_or_not_an_id_is_refused(data_dir, cli, summit_id) -> None:
    before = snapshot(data_dir)
    result = cli(
        "new", summit_id, "--title", "T", *WHEN, "--venue", "V", *PEOPLE, "--data", data_dir
    )  # fmt: skip
    assert result.code == 1
    assert "nothing was written" in result.err and "Traceback" not in result.err
    assert snapshot(data_dir) == before


def test_a_file_that_does_not_load_still_holds_its_id(data_dir, cli) -> None:
    (data_dir / "agendas" / "broken.toml").write_text("title = \n")
    result = cli(
        "new", "broken", "--title", "T", *WHEN, "--venue", "V", *PEOPLE, "--data", data_dir
    )
    assert result.code == 1 and "already exists" in result.err
    assert (data_dir / "agendas" / "broken.toml").read_text() == "title = \n"


async def test_the_new_summit_opens_in_the_app(data_dir, cli) -> None:
    result = cli(
        "new", "oss-2028", "--title", "One year on", *WHEN,
        "--from", SAMPLE_SUMMIT, "--follow-up", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert load_dataset(data_dir).problems == []
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        table.move_cursor(row=table.get_row_index("oss-2028"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        assert app.screen.summit_id == "oss-2028"
        shown = on_screen(app.screen.query_one("#summit-summary"))
        assert "Oneyearon" in shown, shown
