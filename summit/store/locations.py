"""Where the data lives: the data directory, its register and its summit files."""

import os
import shutil
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


def own_sample_dir() -> Path:
    """The user's own copy of the sample, in their data folder, made on first use.

    The bundled sample may sit in a read-only install (or be replaced by an
    upgrade), so whoever opens summit without data edits a copy of their own.
    """
    import platformdirs  # noqa: PLC0415 - needed only when there is no data here

    target = platformdirs.user_data_path("summit") / "sample"
    if not (target / REGISTER_FILE).is_file():
        source = sample_dir()
        (target / AGENDAS_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / REGISTER_FILE, target / REGISTER_FILE)
        for summit in summit_files(source):
            shutil.copy2(summit, target / AGENDAS_DIR / summit.name)
    return target


def find_data_dir(explicit: Path | None, cwd: Path) -> Path:
    """`--data DIR` if given, else the current directory if it holds a register, else the sample."""
    if explicit is None:
        return cwd if (cwd / REGISTER_FILE).is_file() else own_sample_dir()
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
