"""`summit git setup`: register summit's merge and diff drivers in a data repository.

Written to the repository's own config (`.git/config`, never the user's
global one) and to `.gitattributes` beside the data, so that `git merge`,
`git pull` and `git diff` use summit for `invitees.toml` and `agendas/*.toml`.
Running it again changes nothing.
"""

import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DRIVER = "summit"
ATTRIBUTES = (
    f"invitees.toml merge={DRIVER} diff={DRIVER}",
    f"agendas/*.toml merge={DRIVER} diff={DRIVER}",
)


IGNORED = "/exports/"
"""Where exports go by default (invites, e-mails): made from the data, never committed."""


def _ignore_exports(folder: Path) -> bool:
    """Add the exports folder to `.gitignore` beside the data; whether it had to."""
    path = folder / ".gitignore"
    text = path.read_text() if path.exists() else ""
    if IGNORED in {line.strip() for line in text.splitlines()}:
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(f"{text}{IGNORED}\n")
    return True


class GitSetupError(Exception):
    """Git is missing, or the folder is not inside a git repository."""


@dataclass
class SetupReport:
    repository: Path
    changed: list[str]
    """What was written this time; empty when everything was already set up."""


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


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitSetupError("git is not installed (or not on PATH)") from None


def repository_root(folder: Path) -> Path:
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        raise GitSetupError(
            f"{folder} is not in a git repository: start one with `git init`, "
            "then run `summit git setup` again"
        )
    return Path(done.stdout.strip())


def is_set_up(folder: Path) -> bool:
    """Whether the drivers are configured and `.gitattributes` names the data files."""
    try:
        root = repository_root(folder)
    except GitSetupError:
        return False
    config_ok = all(_config_value(root, key) == value for key, value in wanted_config().items())
    return config_ok and not _missing_attributes(folder)


def _config_value(root: Path, key: str) -> str | None:
    done = _git(["config", "--local", "--get", key], root)
    return done.stdout.rstrip("\n") if done.returncode == 0 else None


def _missing_attributes(folder: Path) -> list[str]:
    path = folder / ".gitattributes"
    present = {line.strip() for line in path.read_text().splitlines()} if path.exists() else set()
    return [line for line in ATTRIBUTES if line not in present]


def setup(folder: Path) -> SetupReport:
    """Configure the drivers for the data in `folder`; idempotent."""
    root = repository_root(folder)
    changed = []
    for key, value in wanted_config().items():
        if _config_value(root, key) != value:
            done = _git(["config", "--local", key, value], root)
            if done.returncode != 0:
                raise GitSetupError(f"git config {key} failed: {done.stderr.strip()}")
            changed.append(f"git config {key}")
    if _ignore_exports(folder):
        changed.append(f".gitignore: {IGNORED}")
    missing = _missing_attributes(folder)
    if missing:
        path = folder / ".gitattributes"
        text = path.read_text() if path.exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "".join(f"{line}\n" for line in missing))
        changed.append(f"{path.name}: {', '.join(missing)}")
    return SetupReport(root, changed)
