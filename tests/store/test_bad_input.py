"""The corpus of bad input: each file says on its first line what `summit validate` must report.

Every case must exit 1, name the file and line, show no traceback, and change no file.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, snapshot

CORPUS = Path(__file__).resolve().parents[1] / "bad_input"
CASES = sorted(CORPUS.glob("*/*.toml"))
_EXPECT = re.compile(rb"# expect: (\d+): (.*)")


def expectation(case: Path) -> tuple[int, str]:
    match = _EXPECT.search(case.read_bytes())
    assert match, f"{case} has no '# expect: LINE: MESSAGE' line"
    return int(match.group(1)), match.group(2).decode()


def install(case: Path, tmp_path: Path) -> tuple[Path, str]:
    """A data directory holding the case, and the relative path the error must name."""
    root = tmp_path / "data"
    root.mkdir()
    if case.parent.name == "register":
        shutil.copy(case, root / "invitees.toml")
        return root, "invitees.toml"
    shutil.copy(REPO / "invitees.toml", root / "invitees.toml")
    (root / "agendas").mkdir()
    shutil.copy(case, root / "agendas" / case.name)
    return root, f"agendas/{case.name}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_validate_reports_the_file_line_and_field(
    case: Path, tmp_path: Path, cli, monkeypatch
) -> None:
    line, message = expectation(case)
    root, relative = install(case, tmp_path)
    before = snapshot(root)
    monkeypatch.chdir(root)
    result = cli("validate")
    assert result.code == 1
    assert f"{relative}:{line}:" in result.out
    reported = [row for row in result.out.splitlines() if row.startswith(f"{relative}:{line}:")]
    assert any(message in row for row in reported), result.out
    assert "Traceback" not in result.out + result.err
    assert snapshot(root) == before


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_fmt_and_show_refuse_bad_input_without_writing(case: Path, tmp_path: Path, cli) -> None:
    root, _ = install(case, tmp_path)
    before = snapshot(root)
    fmt = cli("fmt", "--data", root)
    show = cli("show", case.stem, "--data", root)
    assert show.code == 1
    assert "Traceback" not in fmt.out + fmt.err + show.out + show.err
    assert snapshot(root) == before


def test_a_real_process_exits_1_with_no_traceback(tmp_path: Path) -> None:
    root, _ = install(CORPUS / "register" / "invalid-utf8.toml", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "summit", "validate", "--data", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "invitees.toml:3:" in done.stdout
    assert "Traceback" not in done.stderr


def test_every_problem_is_reported_at_once(tmp_path: Path, cli, monkeypatch) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "invitees.toml").write_text(
        '[organisations.google]\nname = 42\nsektor = "search"\n\n'
        '[organisations.google.delegates.a]\nname = "A"\njob_title = "B"\nemail = "bad"\n'
    )
    monkeypatch.chdir(root)
    result = cli("validate")
    rows = result.out.splitlines()
    assert any(r.startswith("invitees.toml:2:") and "valid string" in r for r in rows)
    assert any(r.startswith("invitees.toml:3:") and "did you mean 'sector'" in r for r in rows)
    assert any(r.startswith("invitees.toml:8:") and "email" in r for r in rows)
