"""Files that are not what they seem: links, pipes, devices, unreadable folders, huge files,
kept copies that must never overwrite each other, ids that would escape agendas/."""

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from summit.model import Summit
from summit.store import ConflictError, DataError, TomlDocument, load_dataset
from summit.store.atomic import write_atomic
from summit.store.kept_copies import keep_copy
from summit.store.problems import InvalidSummitId
from summit.store.reading import read_data_file
from summit.workflows.workspace import Workspace
from tests.conftest import SAMPLE_SUMMIT, snapshot

RUN_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def renamed(summit: Summit, title: str) -> Summit:
    changed = summit.model_copy(deep=True)
    changed.title = title
    return changed


# 2. Kept copies never overwrite each other --------------------------------------------


def test_two_conflicts_in_one_second_keep_both_versions(data_dir: Path) -> None:
    path = summit_file(data_dir)
    first, second = TomlDocument.load(path, Summit), TomlDocument.load(path, Summit)
    path.write_text(path.read_text().replace("Conference Room 1", "Room 2"))
    kept = []
    for doc, title in ((first, "Mine, first"), (second, "Mine, second")):
        with pytest.raises(ConflictError) as caught:
            doc.save(renamed(doc.record, title))
        assert caught.value.kept is not None
        kept.append(caught.value.kept)
    assert kept[0] != kept[1]
    assert 'title = "Mine, first"' in kept[0].read_text()
    assert 'title = "Mine, second"' in kept[1].read_text()


def test_a_kept_copy_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    names = {keep_copy(target, f"copy {n}".encode()) for n in range(5)}
    assert len(names) == 5
    assert sorted(p.read_text() for p in names) == [f"copy {n}" for n in range(5)]


# 3. Saving through a symbolic link writes the link's target -------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_saving_through_a_symlinked_summit_keeps_the_link(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "real-summit.toml"
    elsewhere.parent.mkdir()
    summit_file(data_dir).replace(elsewhere)
    summit_file(data_dir).symlink_to(elsewhere)
    doc = load_dataset(data_dir).summits[SAMPLE_SUMMIT]
    assert doc.save(renamed(doc.record, "Through the link"))
    assert summit_file(data_dir).is_symlink()
    assert 'title = "Through the link"' in elsewhere.read_text()
    assert not [p for p in elsewhere.parent.iterdir() if p != elsewhere]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_saving_through_a_symlinked_register_keeps_the_link(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "register.toml"
    (data_dir / "invitees.toml").replace(elsewhere)
    (data_dir / "invitees.toml").symlink_to(elsewhere)
    workspace = Workspace.open(data_dir)
    register = workspace.register.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"
    workspace.set_register(register)
    assert workspace.save().ok
    assert (data_dir / "invitees.toml").is_symlink()
    assert 'name = "Alphabet"' in elsewhere.read_text()


# 4. A broken register is an error, never a silent switch to the sample ---------------


def _break_register(root: Path, how: str) -> None:
    register = root / "invitees.toml"
    register.unlink()
    if how == "dangling link":
        register.symlink_to(root / "nowhere.toml")
    elif how == "folder":
        register.mkdir()
    elif how == "pipe":
        os.mkfifo(register)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("how", ["missing", "dangling link", "folder", "pipe"])
def test_validate_in_a_data_folder_with_a_broken_register_fails(
    data_dir: Path, how: str, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_register(data_dir, how)
    monkeypatch.chdir(data_dir)
    result = cli("validate")
    assert result.code == 2
    assert "invitees.toml" in result.err
    assert "sample" not in result.err + result.out
    explicit = cli("validate", "--data", data_dir)
    assert explicit.code == 2 and "invitees.toml" in explicit.err


def test_a_pre_commit_run_never_falls_back_to_the_sample(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRE_COMMIT", "1")
    result = cli("validate")
    assert result.code == 2
    assert "no invitees.toml" in result.err


# 5. An unreadable agendas/ is an error ----------------------------------------------


@pytest.mark.skipif(RUN_AS_ROOT or sys.platform == "win32", reason="root reads everything")
def test_an_unreadable_agendas_folder_fails_validation(data_dir: Path, cli) -> None:
    agendas = data_dir / "agendas"
    agendas.chmod(0)
    try:
        result = cli("validate", "--data", data_dir)
    finally:
        agendas.chmod(0o755)
    assert result.code == 1
    assert "agendas" in result.out and "cannot list" in result.out


def test_an_agendas_entry_that_is_not_a_folder_fails_validation(data_dir: Path, cli) -> None:
    agendas = data_dir / "agendas"
    for path in agendas.iterdir():
        path.unlink()
    agendas.rmdir()
    agendas.write_text("not a folder")
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    assert "agendas" in result.out and "cannot list" in result.out


# 8. Ids are checked at the storage boundary ----------------------------------------


@pytest.mark.parametrize("bad", ["../escaped", "../../etc/x", "Upper", "a/b", ""])
def test_storage_refuses_summit_ids_that_are_not_slugs(
    data_dir: Path, bad: str, tmp_path: Path
) -> None:
    dataset = load_dataset(data_dir)
    record = dataset.summits[SAMPLE_SUMMIT].record
    before = snapshot(tmp_path)
    with pytest.raises(InvalidSummitId):
        dataset.save_summit(bad, record)
    workspace = Workspace(dataset)
    with pytest.raises(InvalidSummitId):
        workspace.add_summit(bad, record)
    assert snapshot(tmp_path) == before


# 14. Only regular files are read, and only up to a sane size ------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_summit_does_not_hang_validate_or_fmt(data_dir: Path) -> None:
    os.mkfifo(data_dir / "agendas" / "x.toml")
    for args in (["validate"], ["fmt", "--check"], ["show", "x"]):
        run = subprocess.run(
            [sys.executable, "-m", "summit", "--data", str(data_dir), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert run.returncode == 1, args
        assert (
            "x.toml" in run.stdout + run.stderr and "not a regular file" in run.stdout + run.stderr
        )
        assert "Traceback" not in run.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_without_reading_it(data_dir: Path) -> None:
    (data_dir / "agendas" / "zero.toml").symlink_to("/dev/zero")
    with pytest.raises(DataError, match="not a regular file"):
        read_data_file(data_dir / "agendas" / "zero.toml")
    problems = [p.message for p in load_dataset(data_dir).errors]
    assert any("not a regular file" in message for message in problems)


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# padding\n" * 2000)
    with pytest.raises(DataError, match="summit reads files up to"):
        read_data_file(big, limit=10_000)
    assert read_data_file(big, limit=20_000).startswith(b"# padding")


def test_a_file_is_read_whole_whatever_its_size(tmp_path: Path) -> None:
    """Read straight from the descriptor, in one piece when it can be, else in several."""
    for size in (0, 1, 4096, 3 * (1 << 20) + 7):
        path = tmp_path / f"{size}.toml"
        data = os.urandom(size)
        path.write_bytes(data)
        assert read_data_file(path) == data
        if size:
            assert read_data_file(path, limit=size) == data
            with pytest.raises(DataError, match="summit reads files up to"):
                read_data_file(path, limit=size - 1)


def test_deeply_nested_arrays_are_an_error_with_a_line(data_dir: Path, cli) -> None:
    path = summit_file(data_dir)
    path.write_text(path.read_text() + "\ndeep = " + "[" * 5000 + "]" * 5000 + "\n")
    for args in (["validate"], ["fmt", "--check"], ["show", SAMPLE_SUMMIT]):
        result = cli("--data", data_dir, *args)
        assert result.code == 1, args
        assert "nested too deeply" in result.out + result.err


# 18. Errors name the real file; new files follow the umask; unreadable is not unknown --


def test_a_full_disk_names_the_file_not_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "invitees.toml"
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"x = 1\n")
    assert caught.value.filename == str(target)
    assert caught.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="no umask there")
def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    write_atomic(target, b"x = 1\n")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


@pytest.mark.skipif(RUN_AS_ROOT or sys.platform == "win32", reason="root reads everything")
def test_show_of_an_unreadable_summit_says_why(data_dir: Path, cli) -> None:
    summit_file(data_dir).chmod(0)
    result = cli("show", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 1
    assert "Permission denied" in result.err
    assert "no summit" not in result.err


def test_show_of_a_summit_that_is_a_folder_says_why(data_dir: Path, cli) -> None:
    (data_dir / "agendas" / "folder-summit.toml").mkdir()
    result = cli("show", "folder-summit", "--data", data_dir)
    assert result.code == 1
    assert "is a folder" in result.err
    assert "no summit" not in result.err


def test_a_file_made_read_only_is_not_replaced(data_dir: Path, cli) -> None:
    """`chmod a-w` on a summit file: `reply` rewrote it all the same (the rename over it
    needs only the folder), and left it read-only (found trying the command line)."""
    for path in (summit_file(data_dir), data_dir / "invitees.toml"):
        path.chmod(0o444)
    before = snapshot(data_dir)
    replied = cli("reply", SAMPLE_SUMMIT, "Oliver Grant", "accepted", "--data", data_dir)
    edited = cli(
        "register", "edit", "Gareth Lloyd", "--email", "g@bt.example.org", "--data", data_dir
    )
    for result, path in ((replied, summit_file(data_dir)), (edited, data_dir / "invitees.toml")):
        assert result.code == 1
        assert f"cannot write {path}: it is read-only" in " ".join(result.err.split())
    assert snapshot(data_dir) == before
