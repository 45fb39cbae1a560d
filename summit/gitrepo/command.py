"""Running the user's own git: one place that starts it and turns its failures into words.

The git command line, not a library: it honours the user's configuration,
hooks and credential helpers exactly as their own `git` does.
"""

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

START_HINT = "to keep its history, run `git init` there, then `summit git setup`"


class GitError(Exception):
    """git could not do what was asked; the message says why in words."""


class GitMissing(GitError):
    """There is no `git` program to run."""


class NotARepository(GitError):
    """The folder is not inside a git repository."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(f"{folder} is not in a git repository; {START_HINT}")


class BadRevision(GitError):
    """A revision that names no commit."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(
            f"{revision!r} is not a commit in this repository "
            "(try a commit hash, a branch name, HEAD or HEAD~1)"
        )


def git_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The user's environment, with git's messages in English so that failures can be told apart.

    Only the messages' language is fixed; configuration, identity and hooks are the user's.
    """
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["LANGUAGE"] = "C"
    # Never wait for a password prompt on a terminal that nobody watches.
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    # No optional locks: the app's background `git status` would otherwise refresh the
    # index under index.lock, failing an official's own `git commit` at that moment
    # (or leaving the lock behind if the app is killed). Required locks are unaffected.
    env.setdefault("GIT_OPTIONAL_LOCKS", "0")
    env.update(extra or {})
    return env


def run_git(
    args: Sequence[str],
    cwd: Path,
    *,
    input: bytes | None = None,
    check: bool = True,
    env: Mapping[str, str] | None = None,
) -> "subprocess.CompletedProcess[bytes]":
    """Run `git ARGS` in `cwd` and return its output as bytes.

    Raises GitMissing when git is not installed, NotARepository when `cwd` is
    not in a repository, and (with `check`) GitError carrying git's own words
    for any other failure.
    """
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input,
            capture_output=True,
            env=git_environment(env),
            check=False,
        )
    except FileNotFoundError as error:
        if not cwd.is_dir():
            raise GitError(f"{cwd} is not a folder") from None
        raise GitMissing(
            "git is not installed (or not on PATH); install it from https://git-scm.com"
        ) from error
    if check and done.returncode != 0:
        raise error_from(done.stderr, cwd, args)
    return done


def error_from(stderr: bytes, cwd: Path, args: Sequence[str]) -> GitError:
    message = stderr.decode("utf-8", "replace").strip()
    if "not a git repository" in message.lower():
        return NotARepository(cwd)
    first = message.splitlines()[-1] if message else "no message"
    return GitError(f"git {args[0] if args else ''} failed: {first.removeprefix('fatal: ')}")


def repository_root(folder: Path) -> Path:
    """The top folder of the repository (work tree) that holds `folder`."""
    done = run_git(["rev-parse", "--show-toplevel"], folder)
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def resolve_commit(folder: Path, revision: str) -> str:
    """The full hash of the commit a revision names; BadRevision if it names none."""
    if revision.startswith("-"):
        raise BadRevision(revision)  # would be read as an option
    done = run_git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
        folder,
        check=False,
    )
    if done.returncode != 0:
        repository_root(folder)  # not a repository is the better message, when it is so
        raise BadRevision(revision)
    return done.stdout.decode("ascii").strip()
