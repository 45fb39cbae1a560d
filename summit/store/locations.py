"""Where the data lives: the data directory, its register and its summit files."""

import os
from importlib import resources
from pathlib import Path

from summit.store.problems import DataDirError

REGISTER_FILE = "invitees.toml"
AGENDAS_DIR = "agendas"
SUMMIT_SUFFIX = ".toml"


def sample_dir() -> Path:
    """The bundled sample summit: the checkout's own data, or the copy in the wheel."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / REGISTER_FILE).is_file() and (checkout / "pyproject.toml").is_file():
        return checkout
    return Path(str(resources.files("summit") / "sample"))


def find_data_dir(explicit: Path | None, cwd: Path) -> Path:
    """`--data DIR` if given, else the current directory if it holds a register, else the sample."""
    if explicit is None:
        return cwd if (cwd / REGISTER_FILE).is_file() else sample_dir()
    if not explicit.exists():
        raise DataDirError(f"data directory {explicit} does not exist")
    if not explicit.is_dir():
        raise DataDirError(f"{explicit} is not a directory")
    if not os.access(explicit, os.R_OK | os.X_OK):
        raise DataDirError(f"data directory {explicit} cannot be read (permission denied)")
    if not (explicit / REGISTER_FILE).is_file():
        raise DataDirError(f"{explicit} holds no {REGISTER_FILE}; is it a summit data directory?")
    return explicit


def summit_path(root: Path, summit_id: str) -> Path:
    return root / AGENDAS_DIR / f"{summit_id}{SUMMIT_SUFFIX}"


def summit_files(root: Path) -> list[Path]:
    folder = root / AGENDAS_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{SUMMIT_SUFFIX}"))
