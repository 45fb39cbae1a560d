"""`summit edit`: a summit's own details from the command line. No verb could change the
time, venue, status or reply-by day, though the guide says everything the app does can
be done by a verb (found trying the second week)."""

import tomllib
from pathlib import Path

FOLLOW_UP = "online-safety-follow-up"


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{FOLLOW_UP}.toml"


def data(root: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(summit_file(root).read_text())


def test_a_new_time_and_venue_are_saved_and_said(data_dir: Path, cli) -> None:
    before = summit_file(data_dir).read_text()
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    result = cli(
        "edit", FOLLOW_UP, "--start", "2027-01-21 10:00",
        "--venue", "Lancaster House, Stable Yard, London SW1A 1BB", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    said = " ".join(result.out.split())
    assert "start now 2027-01-21 10:00 (was 2027-01-20 09:30)" in said
    assert "venue now 'Lancaster House, Stable Yard, London SW1A 1BB'" in said
    saved = data(data_dir)
    # A new start alone moves the meeting: it keeps its three and a half hours.
    assert (
        str(saved["start"]) == "2027-01-21 10:00:00" and str(saved["end"]) == "2027-01-21 13:30:00"
    )
    assert "export and send the update" in result.err  # the warning it adds
    after = summit_file(data_dir).read_text().splitlines()
    assert all(line in after for line in comments)


def test_an_optional_field_is_removed_with_an_empty_value(data_dir: Path, cli) -> None:
    set_it = cli("edit", FOLLOW_UP, "--reply-by", "2027-01-11", "--data", data_dir)
    assert "reply by now 2027-01-11 (was none)" in set_it.out  # said: it was not
    assert str(data(data_dir)["reply_by"]) == "2027-01-11"
    # And `show` says it, plain too: what `edit` sets could not be checked there.
    for plain in ([], ["--plain"]):
        shown = cli(*plain, "show", FOLLOW_UP, "--data", data_dir)
        assert "Replies asked by: Monday 11 January 2027" in " ".join(shown.out.split())
    result = cli("edit", FOLLOW_UP, "--reply-by", "", "--data", data_dir)
    assert result.code == 0, result.err
    assert "reply by now none" in result.out
    assert "reply_by" not in data(data_dir)


def test_wrong_values_change_nothing(data_dir: Path, cli) -> None:
    before = summit_file(data_dir).read_bytes()
    nothing = cli("edit", FOLLOW_UP, "--data", data_dir)
    assert nothing.code == 1 and "say what to change" in nothing.err
    ends_first = cli("edit", FOLLOW_UP, "--end", "2027-01-19 10:00", "--data", data_dir)
    assert ends_first.code == 1 and "nothing was changed" in ends_first.err
    nobody = cli("edit", FOLLOW_UP, "--convener", "Nobody At All", "--data", data_dir)
    assert nobody.code == 1 and "--convener:" in nobody.err
    assert summit_file(data_dir).read_bytes() == before


def test_a_status_that_would_be_untrue_is_refused(data_dir: Path, cli) -> None:
    """`edit --status held` marked a meeting still to come as held, and `--status invited`
    quietly un-cancelled a cancelled summit (found trying the command line)."""
    before = summit_file(data_dir).read_bytes()
    held = cli("edit", FOLLOW_UP, "--status", "held", "--data", data_dir)
    assert (
        held.code == 1
        and "--status held: it is on 20 January 2027, a day still to come" in held.err
    )
    assert summit_file(data_dir).read_bytes() == before
    assert cli("cancel", FOLLOW_UP, "--data", data_dir).code == 0
    again = cli("edit", FOLLOW_UP, "--status", "invited", "--data", data_dir)
    assert again.code == 1 and "it is cancelled: to meet after all, start a new summit" in again.err
    assert data(data_dir)["status"] == "cancelled"
