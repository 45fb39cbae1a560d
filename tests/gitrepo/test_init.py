"""`summit init [DIR] [--sample]`: a newcomer's own data repository, from nothing to pushed and
cloned (issue 17, item 13), with real git in temporary folders."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summit.gitrepo.setup import is_set_up
from summit.store import find_data_dir, load_dataset
from summit.tui.app import make_app
from summit.tui.screens.register import RegisterScreen
from summit.tui.screens.summits import SummitsScreen
from tests.conftest import REPO, SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, snapshot
from tests.gitrepo.conftest import git, summit
from tests.tui.conftest import TODAY, settle


def schema_targets(root: Path) -> list[Path]:
    """What each data file's `#:schema` line points at, resolved from the file's folder."""
    files = [root / "invitees.toml", *sorted((root / "agendas").glob("*.toml"))]
    targets = []
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#:schema "), path
        targets.append((path.parent / first.removeprefix("#:schema ")).resolve())
    return targets


def test_init_starts_an_empty_data_repository(tmp_path: Path) -> None:
    done = summit(tmp_path, "init", "team-data")
    assert done.returncode == 0, done.stderr
    root = tmp_path / "team-data"
    assert (root / "agendas").is_dir()
    assert list((root / "agendas").iterdir()) == []
    assert all(target.is_file() for target in schema_targets(root))
    assert (root / ".git").is_dir()
    assert "/exports/" in (root / ".gitignore").read_text()
    assert "agendas/*.toml merge=summit diff=summit" in (root / ".gitattributes").read_text()
    assert is_set_up(root)
    assert git(root, "config", "--local", "pull.rebase").stdout.strip() == "false"
    assert git(root, "branch", "--show-current").stdout.strip() == "main"
    for step in ("cd team-data", "git commit", "git remote add origin", "git push -u origin"):
        assert step in done.stdout
    checked = summit(root, "validate")
    assert checked.returncode == 0, checked.stderr
    assert "0 errors, 0 warnings" in checked.stderr


def test_init_with_the_sample_copies_it_and_its_schema(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "README.md").write_text("Our team's summits\n")
    done = summit(root, "init", "--sample")  # DIR defaults to here
    assert done.returncode == 0, done.stderr
    assert "cd " not in done.stdout
    for summit_id in (SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP):
        copied = root / "agendas" / f"{summit_id}.toml"
        assert copied.read_bytes() == (REPO / "agendas" / f"{summit_id}.toml").read_bytes()
    assert (root / "README.md").read_text() == "Our team's summits\n"
    targets = schema_targets(root)
    assert [t.name for t in targets] == [
        "invitees.schema.json",
        "summit.schema.json",  # the follow-up
        "summit.schema.json",  # the summit held
    ]
    for target in targets:
        assert target.read_bytes() == (REPO / "schema" / target.name).read_bytes()
    assert summit(root, "validate").returncode == 0


def test_a_newcomer_pushes_and_a_colleague_clones(tmp_path: Path) -> None:
    """The steps init prints, followed: commit, make the shared repository, add it as the
    remote, push; then a colleague. A bare repository made with git's own default branch
    (`master` here) left the colleague's clone empty (found working as two officials)."""
    remote = tmp_path / "remote.git"
    root = tmp_path / "mine"
    done = summit(tmp_path, "init", "--sample", "mine")
    assert done.returncode == 0
    assert "git init --bare --initial-branch=main URL" in done.stdout
    git(
        tmp_path,
        "-c",
        "init.defaultBranch=master",
        "init",
        "-q",
        "--bare",
        "--initial-branch=main",
        str(remote),
    )
    git(root, "add", "-A", ".")
    git(root, "commit", "-qm", "Start our summit data")
    git(root, "remote", "add", "origin", str(remote))
    git(root, "push", "-q", "-u", "origin", "HEAD")
    assert git(root, "status", "--porcelain").stdout == ""  # nothing left out
    colleague = tmp_path / "colleague"
    git(tmp_path, "clone", "-q", str(remote), str(colleague))
    assert (colleague / "agendas" / f"{SAMPLE_SUMMIT}.toml").is_file()
    setup = summit(colleague, "git", "setup")
    assert setup.returncode == 0, setup.stderr
    assert "Commit" not in setup.stdout
    assert summit(colleague / "agendas", "validate").returncode == 0


@pytest.mark.parametrize("existing", ["invitees.toml", f"agendas/{SAMPLE_SUMMIT}.toml"])
def test_init_never_writes_over_data(tmp_path: Path, existing: str) -> None:
    root = tmp_path / "data"
    (root / existing).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / existing, root / existing)
    before = snapshot(root)
    for args in (["init"], ["init", "--sample"]):
        done = summit(root, *args)
        assert done.returncode == 2
        assert f"already holds summit data ({existing})" in done.stderr
        assert "nothing was written" in done.stderr
        assert "Traceback" not in done.stderr
    assert snapshot(root) == before
    assert not (root / ".git").exists()
    assert not (root / "schema").exists()


@pytest.mark.parametrize("inside", ["agendas", "agendas/new", "notes"])
def test_init_inside_a_data_folder_is_refused(data_dir: Path, inside: str) -> None:
    """agendas/invitees.toml would be read as a summit of the data around it."""
    (data_dir / "notes").mkdir()
    before = snapshot(data_dir)
    done = summit(data_dir / "agendas", "init", Path("..") / inside)
    assert done.returncode == 2
    assert f"is inside the data folder {data_dir}; nothing was written" in done.stderr
    assert snapshot(data_dir) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["agendas", "invitees.toml", "notes"]


def test_init_of_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    done = summit(tmp_path, "init", "notes.txt")
    assert done.returncode == 2
    assert "is not a folder" in done.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_init_without_git_writes_nothing(tmp_path: Path) -> None:
    bare_path = tmp_path / "no-git-here"
    bare_path.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "summit", "init", "data"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": str(bare_path)},
    )
    assert done.returncode == 2
    assert "git is not installed" in done.stderr
    assert not (tmp_path / "data").exists()


def test_init_inside_an_existing_repository_adds_no_second_one(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    done = summit(tmp_path, "init", "summits")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "summits" / ".git").exists()
    assert "git remote add" not in done.stdout
    assert (tmp_path / "summits" / ".gitattributes").is_file()
    assert is_set_up(tmp_path / "summits")


async def test_the_app_opens_on_an_empty_register_and_takes_a_first_organisation(
    tmp_path: Path,
) -> None:
    assert summit(tmp_path, "init", "data").returncode == 0
    root = find_data_dir(None, tmp_path / "data" / "agendas")
    assert root == tmp_path / "data"
    app = make_app(root, today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummitsScreen)
        assert "READ-ONLY" not in app.sub_title
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press(*"ofcom", "tab", *"Ofcom")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = (root / "invitees.toml").read_text()
    assert text.startswith("#:schema ./schema/invitees.schema.json\n")
    assert "[organisations.ofcom]" in text
    assert load_dataset(root).errors == []
