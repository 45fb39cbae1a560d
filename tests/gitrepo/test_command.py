"""The git wrapper: clear errors, binary-safe reads, one git log for many commits."""

from pathlib import Path

import pytest

from summit.gitrepo.command import (
    BadRevision,
    GitMissing,
    NotARepository,
    repository_root,
    resolve_commit,
    run_git,
)
from summit.gitrepo.history import Blobs, BlobTooLarge, changed_files, log, show_file
from tests.gitrepo.conftest import commit_all
from tests.gitrepo.conftest import run_git as git


def test_git_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(GitMissing, match="git is not installed"):
        run_git(["status"], tmp_path)


def test_a_folder_outside_any_repository(tmp_path: Path) -> None:
    with pytest.raises(NotARepository, match=r"git init.*summit git setup"):
        repository_root(tmp_path)
    with pytest.raises(NotARepository):
        resolve_commit(tmp_path, "HEAD")


def test_bad_revisions_including_ones_that_look_like_options(repo: Path) -> None:
    for revision in ("no-such-branch", "HEAD~5", "--output=x"):
        with pytest.raises(BadRevision, match="is not a commit"):
            resolve_commit(repo, revision)
    assert not (repo / "x").exists()


def test_show_file_is_byte_for_byte_and_none_when_absent(repo: Path) -> None:
    odd = bytes(range(256)) + b"\r\nline\r\n\x00end"
    (repo / "odd.bin").write_bytes(odd)
    (repo / ".gitattributes").write_text("* text=auto\n")
    commit_all(repo, "binary", "Ann Example", "2027-01-05T09:00:00+00:00")
    assert show_file(repo, "HEAD", "odd.bin") == odd
    assert show_file(repo, "HEAD", "agendas/none.toml") is None
    assert show_file(repo, "HEAD~1", "odd.bin") is None


def test_one_log_call_lists_changes_with_blob_ids_readable_in_one_process(repo: Path) -> None:
    for day in range(5, 9):
        (repo / "agendas" / f"s{day}.toml").write_text(f"# {day}\n")
        commit_all(repo, f"day {day}", "Bob Smith", f"2027-01-{day:02d}T09:00:00+01:00")
    commits = log(repo, ["agendas"], limit=3)
    assert [c.subject for c in commits] == ["day 8", "day 7", "day 6"]
    assert commits[0].author == "Bob Smith"
    assert commits[0].date.isoformat() == "2027-01-08T09:00:00+01:00"
    assert [(c.path, c.old) for c in commits[0].changes] == [("agendas/s8.toml", None)]
    with Blobs(repo) as blobs:
        new = commits[0].changes[0].new
        assert new is not None
        assert blobs.read(new) == b"# 8\n"
        assert blobs.read("0" * 40) is None
        assert blobs.object_id("HEAD:agendas/s8.toml") == new


def test_changed_files_against_the_working_tree(repo: Path) -> None:
    (repo / "agendas" / "new.toml").write_text("# new\n")
    (repo / "invitees.toml").unlink()
    changes = changed_files(repo, "HEAD", None, ["agendas", "invitees.toml"])
    assert [(c.path, c.old is None, c.in_work_tree) for c in changes] == [
        ("agendas/new.toml", True, True),
        ("invitees.toml", False, False),
    ]


def test_merge_commits_are_listed(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "side")
    (repo / "agendas" / "a.toml").write_text("# a\n")
    commit_all(repo, "side", "Bob Smith", "2027-01-05T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    (repo / "agendas" / "b.toml").write_text("# b\n")
    commit_all(repo, "main", "Ann Example", "2027-01-06T09:00:00+00:00")
    env = {
        "GIT_AUTHOR_DATE": "2027-01-07T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2027-01-07T09:00:00+00:00",
    }
    git(
        repo,
        "-c",
        "user.name=Ann",
        "-c",
        "user.email=a@x",
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge side",
        "side",
        env=env,
    )
    commits = log(repo, ["agendas"], limit=10)
    assert [c.subject for c in commits][:3] == ["Merge side", "main", "side"]
    assert commits[0].is_merge


def test_a_blob_over_the_limit_is_refused_and_the_next_read_still_works(repo: Path) -> None:
    with Blobs(repo) as blobs:
        with pytest.raises(BlobTooLarge, match="summit reads files up to 10"):
            blobs.read("HEAD:invitees.toml", limit=10)
        assert (
            blobs.read("HEAD:agendas/online-safety-summit.toml", limit=1_000_000)
            == (repo / "agendas" / "online-safety-summit.toml").read_bytes()
        )
