"""`summit git setup`: register summit's merge and diff drivers in a data repository.

Written to the repository's own config (`.git/config`, never the user's
global one) and to `.gitattributes` beside the data, so that `git merge`,
`git pull` and `git diff` use summit for `invitees.toml` and `agendas/*.toml`.
Running it again changes nothing.
"""

import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summit.gitrepo import command

DRIVER = "summit"
ATTRIBUTES = (
    f"invitees.toml merge={DRIVER} diff={DRIVER}",
    f"agendas/*.toml merge={DRIVER} diff={DRIVER}",
)


IGNORED = "/exports/"
"""Where exports go by default (invites, e-mails): made from the data, never committed."""

TEMPORARY = ".*.toml.*.tmp"
"""A save's temporary copy (`.invitees.toml.<random>.tmp`), left only by a killed save;
the next save removes it, and it is never committed (it may hold personal data)."""

PULL = ("pull.rebase", "false")
"""Since git 2.27 `git pull` on divergent branches stops until told how to reconcile
them; a data repository merges, through summit's driver. Set only where the user
has chosen nothing (a `pull.rebase` of their own, at any level, is kept)."""


class GitSetupError(Exception):
    """Git is missing, or the folder is not inside a git repository."""


@dataclass
class SetupReport:
    repository: Path
    changed: list[str]
    """What was written this time; empty when everything was already set up."""
    to_commit: list[str] = field(default_factory=list)
    """The files setup writes (`.gitattributes`, `.gitignore`) that git has not
    committed as they are now: colleagues' clones need them."""


def summit_command() -> str:
    """How git should start this summit: this interpreter, so `uv run` installs work too."""
    return f"{shlex.quote(sys.executable)} -m summit"


def wanted_config() -> dict[str, str]:
    command = summit_command()
    return {
        f"merge.{DRIVER}.name": "summit: merge data files record by record",
        f"merge.{DRIVER}.driver": f"{command} merge-driver %O %A %B %P",
        f"diff.{DRIVER}.command": f"{command} diff-driver",
    }


def repository_root(folder: Path) -> Path:
    try:
        return command.repository_root(folder)
    except command.GitError as error:
        raise GitSetupError(str(error)) from None


def is_set_up(folder: Path) -> bool:
    """Whether the drivers are configured and `.gitattributes` names the data files."""
    try:
        root = repository_root(folder)
    except GitSetupError:
        return False
    config_ok = all(_config_value(root, key) == value for key, value in wanted_config().items())
    pull_ok = _config_value(root, PULL[0], anywhere=True) is not None
    return config_ok and pull_ok and not _missing_lines(folder / ".gitattributes", ATTRIBUTES)


def _config_value(root: Path, key: str, *, anywhere: bool = False) -> str | None:
    """`key` in the repository's own config (or `anywhere` git reads it: global, system)."""
    scope = [] if anywhere else ["--local"]
    done = command.run_git(["config", *scope, "--get", key], root, check=False)
    return done.stdout.decode("utf-8").rstrip("\n") if done.returncode == 0 else None


def _set_config(root: Path, key: str, value: str) -> None:
    try:
        command.run_git(["config", "--local", key, value], root)
    except command.GitError as error:
        raise GitSetupError(str(error)) from None


def _not_committed(folder: Path, names: Sequence[str]) -> list[str]:
    """Those of `names` (in `folder`) that are new or changed since the last commit."""
    listed = [name for name in names if (folder / name).exists()]
    if not listed:
        return []
    done = command.run_git(["status", "--porcelain", "--", *listed], folder, check=False)
    status = done.stdout.decode("utf-8", "replace")
    return [name for name in listed if any(line.endswith(name) for line in status.splitlines())]


def _missing_lines(path: Path, lines: Sequence[str]) -> list[str]:
    present = {line.strip() for line in path.read_text().splitlines()} if path.exists() else set()
    return [line for line in lines if line not in present]


def _add_lines(path: Path, lines: Sequence[str]) -> list[str]:
    """Append the lines `path` lacks (keeping what is there); the ones it added."""
    missing = _missing_lines(path, lines)
    if missing:
        text = path.read_text() if path.exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "".join(f"{line}\n" for line in missing))
    return missing


def _refuse_links(folder: Path) -> None:
    """Setup appends to these files; through a link it would write outside the repository."""
    for name in (".gitignore", ".gitattributes"):
        path = folder / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise GitSetupError(
                f"{path} is a link or not an ordinary file; summit git setup writes only an "
                "ordinary file in the repository. Replace it with a file and run setup again"
            )


def setup(folder: Path) -> SetupReport:
    """Configure the drivers for the data in `folder`; idempotent."""
    root = repository_root(folder)
    _refuse_links(folder)
    changed = []
    for key, value in wanted_config().items():
        if _config_value(root, key) != value:
            _set_config(root, key, value)
            changed.append(f"git config {key}")
    if _config_value(root, PULL[0], anywhere=True) is None:
        _set_config(root, *PULL)
        changed.append(f"git config {PULL[0]} {PULL[1]} (git pull merges)")
    ignored = _add_lines(folder / ".gitignore", [IGNORED, TEMPORARY])
    if ignored:
        changed.append(f".gitignore: {', '.join(ignored)}")
    added = _add_lines(folder / ".gitattributes", ATTRIBUTES)
    if added:
        changed.append(f".gitattributes: {', '.join(added)}")
    return SetupReport(root, changed, _not_committed(folder, [".gitattributes", ".gitignore"]))
