"""The `summit` command end to end, on real data directories."""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from summit.model.schema import schemas
from tests.conftest import REPO, SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, TODAY, snapshot


def test_the_sample_data_is_valid(cli) -> None:
    result = cli("validate", "--data", REPO)
    assert result.code == 0, result.out
    assert "0 errors" in result.err


def test_validate_uses_the_current_directory_when_it_holds_a_register(
    data_dir, cli, monkeypatch
) -> None:
    (data_dir / "invitees.toml").write_text("[organisations.x]\nname = 1\n")
    monkeypatch.chdir(data_dir)
    assert cli("validate").code == 1


def test_data_option_before_the_command_is_kept(data_dir, cli) -> None:
    (data_dir / "invitees.toml").write_text("[organisations.x]\nname = 1\n")
    assert cli("--data", data_dir, "validate").code == 1


def test_warnings_do_not_fail_validation(data_dir, cli, monkeypatch) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(
        path.read_text().replace("end = 2026-01-20T13:00:00", "end = 2026-01-20T12:00:00")
    )
    monkeypatch.chdir(data_dir)
    result = cli("validate")
    assert result.code == 0
    assert (
        f"agendas/{SAMPLE_SUMMIT}.toml:9:1: warning: end: the agenda runs 50 minutes past"
        in result.out
    )


@pytest.mark.parametrize("problem", ["missing", "file", "no-register"])
def test_a_bad_data_directory_is_a_clear_error(tmp_path: Path, cli, problem: str) -> None:
    target = tmp_path / "data"
    if problem == "file":
        target.write_text("")
    elif problem == "no-register":
        target.mkdir()
    result = cli("validate", "--data", target)
    assert result.code == 2
    assert str(target) in result.err
    assert "Traceback" not in result.err


def test_show_lists_the_computed_agenda_replies_and_outputs(cli) -> None:
    result = cli("show", SAMPLE_SUMMIT, "--data", REPO)
    assert result.code == 0
    assert "09:30–09:45" in result.out
    assert "12:30–12:50" in result.out
    assert "200 minutes, ending 12:50; planned end 13:00" in result.out
    assert "8 accepted" in result.out
    assert "Show deterrence warnings" in result.out


def test_show_suggests_a_close_summit_id(cli) -> None:
    result = cli("show", "online-safety-sumit", "--data", REPO)
    assert result.code == 1
    assert "did you mean 'online-safety-summit'?" in result.err


def test_fmt_normalises_layout_and_keeps_comments(data_dir, cli) -> None:
    path = data_dir / "invitees.toml"
    messy = (
        path.read_text()
        .replace('name = "Google"', 'name="Google"   ')
        .replace("[organisations.yahoo]", "\n\n\n[organisations.yahoo]")
    )
    path.write_text(messy)
    check = cli("fmt", "--check", "--data", data_dir)
    assert check.code == 1
    assert "would reformat" in check.out
    assert path.read_text() == messy
    assert cli("fmt", "--data", data_dir).code == 0
    assert path.read_text() == (REPO / "invitees.toml").read_text()
    before = snapshot(data_dir)
    assert cli("fmt", "--check", "--data", data_dir).code == 0
    assert snapshot(data_dir) == before


def test_schema_files_in_the_repository_match_the_models() -> None:
    for name, document in schemas().items():
        committed = json.loads((REPO / "schema" / f"{name}.schema.json").read_text())
        assert committed == document, f"run `uv run summit schema --out schema` ({name})"


def test_schema_rejects_unknown_keys_for_editors(cli) -> None:
    result = cli("schema")
    document = json.loads(result.out)
    assert document["invitees"]["additionalProperties"] is False
    assert "agenda" in document["summit"]["properties"]


def test_the_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summit", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("summit ")


def test_no_arguments_gives_an_overview_of_the_users_own_sample(
    tmp_path: Path, isolated_user_folders: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summit"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={
            "COLUMNS": "200",
            "PATH": "/usr/bin:/bin",
            "XDG_DATA_HOME": str(isolated_user_folders),
        },
    )
    assert done.returncode == 0, done.stderr
    assert SAMPLE_SUMMIT in done.stdout
    copy = isolated_user_folders / "summit" / "sample"
    assert (copy / "invitees.toml").read_bytes() == (REPO / "invitees.toml").read_bytes()
    assert (copy / "agendas" / f"{SAMPLE_SUMMIT}.toml").is_file()


def test_fmt_check_says_would_change_and_counts_agree(data_dir, cli) -> None:
    """Issue 8, item 13: `--check` changes nothing, so it does not say "changed"."""
    path = data_dir / "agendas" / "online-safety-summit.toml"
    path.write_text(path.read_text().replace("minutes = 15", "minutes   =   15", 1))
    checked = cli("fmt", "--check", "--data", data_dir)
    assert checked.code == 1
    assert "1 would change, 2 already formatted" in checked.err
    done = cli("fmt", "--data", data_dir)
    assert "1 changed, 2 already formatted" in done.err


def test_counted_nouns_agree() -> None:
    from summit.model.wording import counted  # noqa: PLC0415

    assert [counted(n, "reply", "replies") for n in (0, 1, 2)] == [
        "0 replies",
        "1 reply",
        "2 replies",
    ]
    assert counted(1, "commitment") == "1 commitment"


def test_overview_lists_what_is_coming_by_date_then_what_is_past(data_dir, cli) -> None:
    """Issue 23, item 8: by date as a person looks for them, not by id as text."""
    sample = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    for summit_id in (SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP):
        (data_dir / "agendas" / f"{summit_id}.toml").unlink()
    today = TODAY  # what the CLI's clock says in tests
    starts = {
        "summit-1": today + timedelta(days=300),
        "summit-10": today - timedelta(days=400),
        "summit-100": today + timedelta(days=30),
        "summit-2": today - timedelta(days=20),
        "summit-3": today,
    }
    for summit_id, day in starts.items():
        text = sample.replace("start = 2026-01-20T09:30:00", f"start = {day}T09:30:00", 1)
        text = text.replace("end = 2026-01-20T13:00:00", f"end = {day}T13:00:00", 1)
        (data_dir / "agendas" / f"{summit_id}.toml").write_text(text)
    out = cli("overview", "--data", data_dir).out
    shown = sorted(starts, key=lambda summit_id: out.index(f"│ {summit_id} "))
    assert shown == ["summit-3", "summit-100", "summit-1", "summit-2", "summit-10"]
