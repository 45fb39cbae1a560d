"""Every verb works from anywhere inside the data repository (issue 17, item 13): the data
folder is the nearest one upward holding invitees.toml, up to the git repository's root."""

from pathlib import Path

import pytest

from summit.store import DataDirError
from summit.store.locations import discover_data_dir, find_data_dir
from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import edit, git, summit

SUMMIT_FILE = f"agendas/{SAMPLE_SUMMIT}.toml"


@pytest.fixture(params=["agendas", "notes/drafts"])
def inside(request: pytest.FixtureRequest, repo: Path) -> Path:
    """A folder inside the data repository: agendas/, or a folder of one's own below it."""
    folder = repo / request.param
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_validate_and_show_read_the_data_above(inside: Path, repo: Path) -> None:
    edit(
        repo / "invitees.toml",
        '"Child Exploitation and Online Protection Centre (CEOP)"',
        '"CEOP Command"',
    )
    checked = summit(inside, "validate")
    assert checked.returncode == 0, checked.stderr
    assert f"in {repo} (3 files read)" in checked.stderr
    shown = summit(inside, "show", SAMPLE_SUMMIT)
    assert shown.returncode == 0, shown.stderr
    assert "CEOP Command" in shown.stdout  # this data, not the sample


def test_diff_and_log_read_the_repository_above(inside: Path, repo: Path) -> None:
    edit(repo / SUMMIT_FILE, "minutes = 45", "minutes = 40")
    changed = summit(inside, "diff")
    assert changed.returncode == 0, changed.stderr
    assert "Blocking and removing imagery" in changed.stdout
    logged = summit(inside, "log", "-n", "1")
    assert logged.returncode == 0, logged.stderr
    assert "Sample summit" in logged.stdout


def test_git_setup_below_the_data_sets_up_the_data_folder(inside: Path, repo: Path) -> None:
    done = summit(inside, "git", "setup")
    assert done.returncode == 0, done.stderr
    assert "agendas/*.toml merge=summit" in (repo / ".gitattributes").read_text()
    assert not (inside / ".gitattributes").exists()


def test_the_cli_in_process_from_agendas(repo: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (repo / "invitees.toml").write_text("[organisations.x]\nname = 1\n")
    monkeypatch.chdir(repo / "agendas")
    result = cli("validate")
    assert result.code == 1  # this data's errors, not the sample's clean bill
    assert "invitees.toml" in result.out


def test_the_search_stops_at_the_git_repository_root(tmp_path: Path, data_dir: Path) -> None:
    project = data_dir / "project"
    (project / "src").mkdir(parents=True)
    git(project, "init", "-q")
    assert discover_data_dir(project / "src") is None  # someone else's repository
    assert discover_data_dir(data_dir / "agendas") == data_dir  # no repository: to the top
    assert find_data_dir(None, project / "src") != data_dir


def test_a_broken_register_on_the_way_up_is_named(data_dir: Path) -> None:
    register = data_dir / "invitees.toml"
    register.unlink()
    register.symlink_to(data_dir / "gone.toml")
    with pytest.raises(DataDirError, match=r"invitees\.toml is a link to"):
        find_data_dir(None, data_dir / "agendas")
    done = summit(data_dir / "agendas", "validate")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_git_setup_in_a_folder_with_agendas_but_no_register_yet(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "agendas").mkdir(parents=True)
    git(folder, "init", "-q")
    done = summit(folder, "git", "setup")
    assert done.returncode == 0, done.stderr
    assert (folder / ".gitattributes").is_file()
