"""Where the data lives: the data directory, its register and its summit files."""

import os
import shutil
from importlib import resources
from pathlib import Path

from summit.model.plain import is_slug
from summit.store.problems import DataDirError, DataError, InvalidSummitId, Problem

REGISTER_FILE = "invitees.toml"
AGENDAS_DIR = "agendas"
SCHEMA_DIR = "schema"
"""Where `summit init` writes the JSON Schemas the data files' `#:schema` lines name."""
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
    """`--data DIR` if given, else the data folder `cwd` is in, else the user's own sample.

    A folder that looks like a data folder (it has `agendas/` or a register
    entry of any kind, or a pre-commit hook runs in it) never falls back to
    the sample: checking the sample instead would pass while the files here
    go unchecked.
    """
    if explicit is None:
        found = discover_data_dir(cwd)
        if found is not None:
            return found
        if os.environ.get("PRE_COMMIT"):
            raise DataDirError(f"{cwd} is not a summit data directory: {_register_trouble(cwd)}")
        return own_sample_dir()
    if not explicit.exists():
        raise DataDirError(f"data directory {explicit} does not exist")
    if not explicit.is_dir():
        raise DataDirError(f"{explicit} is not a directory")
    if not os.access(explicit, os.R_OK | os.X_OK):
        raise DataDirError(f"data directory {explicit} cannot be read (permission denied)")
    if not (explicit / REGISTER_FILE).is_file():
        trouble = _register_trouble(explicit)
        raise DataDirError(f"{explicit} is not a summit data directory: {trouble}")
    return explicit


def discover_data_dir(cwd: Path) -> Path | None:
    """The data folder `cwd` is in: the nearest folder upward holding `invitees.toml`.

    As git finds `.git`: `cwd` itself, then each parent, up to the root of the
    git repository `cwd` is in (or of the file system), so every verb works from
    `agendas/` or any folder below the data. A data folder whose register is
    missing (`cwd` itself) or broken (on the way up) is an error, not a reason to
    look further up.
    """
    for folder in (cwd, *cwd.parents):
        # os.path: False, not PermissionError, for a folder it cannot look into.
        if os.path.isfile(folder / REGISTER_FILE):  # noqa: PTH113
            return folder
        # An agendas/ higher up may be anyone's folder; a register entry is summit's.
        here = folder == cwd and os.path.lexists(folder / AGENDAS_DIR)
        if here or os.path.lexists(folder / REGISTER_FILE):
            raise DataDirError(
                f"{folder} is not a summit data directory: {_register_trouble(folder)}"
            )
        if os.path.lexists(folder / ".git"):
            return None
    return None


def _register_trouble(folder: Path) -> str:
    """What is wrong with the register entry, in words."""
    register = folder / REGISTER_FILE
    if register.is_symlink() and not register.exists():
        return f"{REGISTER_FILE} is a link to {register.readlink()}, which does not exist"
    if register.is_dir():
        return f"{REGISTER_FILE} is a folder, not a file"
    if register.exists():
        return f"{REGISTER_FILE} is not a regular file (a pipe, device or socket)"
    return f"it holds no {REGISTER_FILE}"


EXPORTS_DIR = "exports"


def exports_dir(root: Path) -> Path:
    """Where exports go unless told otherwise: beside the data, and ignored by git
    (`summit git setup` writes the `.gitignore` line)."""
    return root / EXPORTS_DIR


def summit_path(root: Path, summit_id: str) -> Path:
    """The file of a summit; refuses an id that is not a slug (`../x` would escape agendas/)."""
    if not is_slug(summit_id):
        raise InvalidSummitId(summit_id)
    return root / AGENDAS_DIR / f"{summit_id}{SUMMIT_SUFFIX}"


def summit_files(root: Path) -> list[Path]:
    """Every summit file's path; DataError when agendas/ exists but cannot be listed."""
    folder = root / AGENDAS_DIR
    if not os.path.lexists(folder):
        return []
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot list the summit files: {reason}"
        raise DataError([Problem(folder, 0, 0, message)]) from None
    # Hidden names are editors' and our own temporary and lock files.
    # By name: all in one folder, so the same order as by path, without comparing paths.
    return sorted(
        (
            path
            for path in entries
            if path.name.endswith(SUMMIT_SUFFIX) and not path.name.startswith(".")
        ),
        key=lambda path: path.name,
    )
