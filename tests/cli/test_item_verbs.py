"""`agenda`, `action`, `commitment`: a summit's lists from the command line (issue 22)."""

import tomllib
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def data(root: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(summit_file(root).read_text())


def titles(root: Path) -> list[str]:
    return [item["title"] for item in data(root)["agenda"]]


def test_an_agenda_item_is_added_after_another_named_by_a_word(data_dir, cli) -> None:
    before = summit_file(data_dir).read_text()
    result = cli(
        "agenda", "add", SAMPLE_SUMMIT, "--title", "Lunch", "--minutes", "30",
        "--kind", "break", "--after", "coffee", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert titles(data_dir)[3:5] == ["Coffee", "Lunch"]
    lunch = data(data_dir)["agenda"][4]
    assert lunch["kind"] == "break" and lunch["id"]  # new items carry an id
    assert "agenda 'Lunch' added at 11:15–11:45" in result.out
    comments = [line for line in before.splitlines() if line.startswith("#")]
    assert all(line in summit_file(data_dir).read_text().splitlines() for line in comments)


def test_edit_move_and_remove_by_number_title_or_words(data_dir, cli) -> None:
    edited = cli(
        "agenda", "edit", SAMPLE_SUMMIT, "welcome", "--minutes", "10", "--lead", "Priya",
        "--data", data_dir,
    )  # fmt: skip
    assert edited.code == 0, edited.err
    welcome = data(data_dir)["agenda"][0]
    assert welcome["minutes"] == 10 and welcome["lead"] == "summit-lead"
    assert "led by Priya Hollis" in edited.out
    moved = cli("agenda", "move", SAMPLE_SUMMIT, "7", "--first", "--data", data_dir)
    assert moved.code == 0, moved.err
    assert titles(data_dir)[0] == "Agreed actions and next steps"
    moved = cli("agenda", "move", SAMPLE_SUMMIT, "1", "--after", "copyright", "--data", data_dir)
    assert titles(data_dir)[-1] == "Agreed actions and next steps"
    removed = cli("agenda", "remove", SAMPLE_SUMMIT, "Coffee", "--data", data_dir)
    assert removed.code == 0 and "Coffee" not in titles(data_dir)


def test_an_empty_text_option_removes_that_field(data_dir, cli) -> None:
    result = cli("agenda", "edit", SAMPLE_SUMMIT, "1", "--objective", "", "--data", data_dir)
    assert result.code == 0, result.err
    assert "objective" not in data(data_dir)["agenda"][0]


def test_bad_values_and_references_are_refused_and_nothing_written(data_dir, cli) -> None:
    before = summit_file(data_dir).read_bytes()
    for args, said in [
        (("edit", SAMPLE_SUMMIT, "99", "--minutes", "10"), "there is no agenda item 99"),
        (("edit", SAMPLE_SUMMIT, "copyright", "--minutes", "0"), "--minutes: "),
        (("edit", SAMPLE_SUMMIT, "the", "--minutes", "5"), "could be any of: 1. "),
        (("remove", SAMPLE_SUMMIT, "nothing like this"), "no agenda item answers to"),
        (("edit", SAMPLE_SUMMIT, "coffee", "--lead", "Nobody Atall"), "nobody in the register"),
        (("move", SAMPLE_SUMMIT, "coffee"), "say where"),
    ]:
        result = cli("agenda", *args, "--data", data_dir)
        assert result.code == 1, args
        assert said in result.err and "nothing was changed" in result.err, result.err
    assert summit_file(data_dir).read_bytes() == before


def test_actions_and_commitments_are_added_and_closed(data_dir, cli) -> None:
    added = cli(
        "action", "add", SAMPLE_SUMMIT, "--text", "Publish one hash list",
        "--owner", "Internet Watch Foundation", "--due", "2027-03-01", "--data", data_dir,
    )  # fmt: skip
    assert added.code == 0, added.err
    action = data(data_dir)["actions"][-1]
    assert action["owner"] == "iwf" and action["id"] and str(action["due"]) == "2027-03-01"
    done = cli("action", "done", SAMPLE_SUMMIT, "hash list", "--data", data_dir)
    assert done.code == 0 and data(data_dir)["actions"][-1]["status"] == "done"
    made = cli(
        "commitment", "add", SAMPLE_SUMMIT, "--organisation", "google",
        "--text", "Splash pages live", "--data", data_dir,
    )  # fmt: skip
    assert made.code == 0, made.err
    commitment = data(data_dir)["commitments"][-1]
    assert str(commitment["agreed"]) == "2026-01-20"  # the summit's day, not today
    met = cli("commitment", "met", SAMPLE_SUMMIT, "splash pages", "--data", data_dir)
    assert met.code == 0 and data(data_dir)["commitments"][-1]["status"] == "met"
    assert cli("validate", "--data", data_dir).code == 0


def test_a_person_named_as_owner_is_said_to_stand_for_their_organisation(data_dir, cli) -> None:
    """`--owner "Priya Hollis"` recorded her organisation without a word (found trying
    the CLI): the official thought the action was hers."""
    added = cli(
        "action", "add", SAMPLE_SUMMIT, "--text", "Write to the platforms",
        "--owner", "Priya Hollis", "--data", data_dir,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert data(data_dir)["actions"][-1]["owner"] == "dcms"
    assert "(Department for Culture, Media and Sport)" in added.out
    assert "the action's owner is Priya Hollis's organisation" in " ".join(added.out.split())
    made = cli(
        "commitment", "add", SAMPLE_SUMMIT, "--organisation", "google",
        "--text", "Splash pages live", "--data", data_dir,
    )  # fmt: skip
    assert made.code == 0 and "note:" not in made.out


def test_a_date_that_is_not_one_is_told_in_words(data_dir, cli, capsys) -> None:  # type: ignore[no-untyped-def]
    """`--due 01/02/2027` said "invalid fromisoformat value" (found trying the CLI)."""
    before = summit_file(data_dir).read_bytes()
    for args in (
        ["action", "add", SAMPLE_SUMMIT, "--text", "T", "--owner", "iwf", "--due", "01/02/2027"],
        ["commitment", "add", SAMPLE_SUMMIT, "--organisation", "google", "--text", "T",
         "--agreed", "2027-13-01"],
    ):  # fmt: skip
        with pytest.raises(SystemExit) as exited:
            cli(*args, "--data", data_dir)
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert "is not a date: write it as YYYY-MM-DD" in err and "fromisoformat" not in err
    assert summit_file(data_dir).read_bytes() == before


def test_an_empty_action_or_commitment_is_refused(data_dir, cli) -> None:
    """`--text ""` and `--text "   "` saved an empty action that validate passed, and
    `show` listed "Action, open:  (owner …)" (found trying the second week)."""
    before = summit_file(data_dir).read_bytes()
    for args in (
        ["action", "add", SAMPLE_SUMMIT, "--text", "   ", "--owner", "iwf"],
        ["commitment", "add", SAMPLE_SUMMIT, "--organisation", "google", "--text", ""],
    ):
        result = cli(*args, "--data", data_dir)
        assert result.code == 1 and "--text: must not be empty" in result.err
    assert summit_file(data_dir).read_bytes() == before


def test_a_commitment_agreed_on_a_day_to_come_is_refused_or_warned_of(data_dir, cli) -> None:
    before = summit_file(data_dir).read_bytes()
    agreed = cli(
        "commitment", "add", SAMPLE_SUMMIT, "--organisation", "google", "--text", "T",
        "--agreed", "2099-05-01", "--data", data_dir,
    )  # fmt: skip
    assert agreed.code == 1 and "--agreed 2099-05-01 is a day still to come" in agreed.err
    assert summit_file(data_dir).read_bytes() == before
    path = summit_file(data_dir)
    path.write_text(path.read_text().replace("agreed = 2026-01-20", "agreed = 2099-01-20", 1))
    said = cli("validate", "--data", data_dir)
    assert "commitments[0].agreed: agreed on 20 Jan 2099, a day still to come" in said.out


def test_a_number_out_of_range_and_a_reply_in_capitals(data_dir, cli) -> None:
    """`--minutes 0` said pydantic's "Input should be greater than 0", and `reply ...
    Accepted` was refused (found trying the second week)."""
    zero = cli("agenda", "add", SAMPLE_SUMMIT, "--title", "X", "--minutes", "0", "--data", data_dir)
    assert zero.code == 1 and "--minutes: must be more than 0" in zero.err
    assert "Input should be" not in zero.err
    said = cli("reply", SAMPLE_SUMMIT, "Oliver Grant", "Accepted", "--data", data_dir)
    assert said.code == 0, said.err
    assert "Oliver Grant accepted" in said.out
