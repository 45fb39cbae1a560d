"""The transparency return declares ministers' meetings only: a delegate is a minister when
the register says `minister = true`. A meeting an official convened is left out and named
with why (nothing is dropped unsaid); a register that marks no minister is refused."""

from pathlib import Path

from tests.conftest import snapshot
from tests.papers.reading import csv_rows

MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


def _round_table_convened_by_an_official(cli, root: Path) -> None:
    """As the tester made it: `summit new`, held, Google's attendance recorded."""
    made = cli(
        "new", "roundtable-march", "--title", "Filtering round table",
        "--start", "2026-03-10 10:00", "--end", "2026-03-10 11:00", "--venue", "DCMS",
        "--convener", "Priya Hollis", "--organiser", "Priya Hollis", "--data", root,
    )  # fmt: skip
    assert made.code == 0, made.err
    assert cli("invite", "roundtable-march", "Google", "--data", root).code == 0
    path = root / "agendas" / "roundtable-march.toml"
    path.write_text(path.read_text().replace('status = "draft"', 'status = "held"'))
    assert cli("attend", "roundtable-march", "Daniel Reyes", "yes", "--data", root).code == 0


def test_a_meeting_an_official_convened_is_left_out_and_said_so(data_dir: Path, cli) -> None:
    _round_table_convened_by_an_official(cli, data_dir)
    result = cli("transparency", *MARCH, "--data", data_dir)
    assert result.code == 0, result.err
    assert csv_rows(result.out.encode())[1:] == [["Nil return", "", "", ""]]
    assert "Priya Hollis" not in result.out
    assert (
        "note: left out roundtable-march (10 Mar 2026): convened by Priya Hollis, who is not "
        "a minister, and no minister came (`minister = true` in the register): not a "
        "minister's meeting"
    ) in result.err


def test_the_same_meeting_convened_by_a_minister_is_declared(data_dir: Path, cli) -> None:
    _round_table_convened_by_an_official(cli, data_dir)
    path = data_dir / "agendas" / "roundtable-march.toml"
    path.write_text(
        path.read_text().replace('convener = "summit-lead"', 'convener = "secretary-of-state"')
    )
    result = cli("transparency", *MARCH, "--minister", "secretary-of-state", "--data", data_dir)
    assert result.code == 0, result.err
    rows = csv_rows(result.out.encode())[1:]
    assert rows == [["Secretary of State", "10/03/2026", "Google", "Filtering round table"]]
    assert "left out" not in result.err
    # By name too, as every other option that names a person (it took only an id).
    named = cli("transparency", *MARCH, "--minister", "Secretary of State", "--data", data_dir)
    assert named.code == 0, named.err
    assert csv_rows(named.out.encode())[1:] == rows


def test_a_register_that_marks_no_minister_is_refused(data_dir: Path, cli) -> None:
    register = data_dir / "invitees.toml"
    text = register.read_text()
    assert "\nminister = true" in text
    register.write_text(text.replace("\nminister = true", "\n"))
    out = data_dir.parent / "return.csv"
    before = snapshot(data_dir)
    result = cli("transparency", *MARCH, "--out", out, "--data", data_dir)
    assert result.code == 1
    assert (
        "summit: no delegate in the register is marked as a minister, so no meeting can be "
        "told to be a minister's: add `minister = true` to each minister in invitees.toml"
    ) in result.err
    assert not out.exists() and snapshot(data_dir) == before


def test_minister_is_true_or_false_in_the_register(data_dir: Path, cli) -> None:
    register = data_dir / "invitees.toml"
    register.write_text(register.read_text().replace("minister = true", 'minister = "yes"'))
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    assert "minister: input should be a valid boolean" in result.out.lower()


def test_a_meeting_a_minister_came_to_is_declared_whoever_chaired_it(data_dir: Path, cli) -> None:
    """An official chaired; the Secretary of State came: the return said "Nil return"
    (found reviewing this stop's changes). A minister's meeting is one a minister took
    part in, not only one they convened."""
    _round_table_convened_by_an_official(cli, data_dir)
    path = data_dir / "agendas" / "roundtable-march.toml"
    path.write_text(
        path.read_text() + '\n[invitations.dcms.rsvp]\nsecretary-of-state = "accepted"\n'
        "\n[invitations.dcms.attended]\nsecretary-of-state = true\n"
    )
    result = cli("transparency", *MARCH, "--data", data_dir)
    assert result.code == 0, result.err
    rows = csv_rows(result.out.encode())[1:]
    assert rows == [["Secretary of State", "10/03/2026", "Google", "Filtering round table"]]
    assert "left out" not in result.err
    theirs = cli("transparency", *MARCH, "--minister", "Secretary of State", "--data", data_dir)
    assert csv_rows(theirs.out.encode())[1:] == rows
