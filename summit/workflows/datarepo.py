"""`summit init`: a data folder of one's own, in git, ready to share with a team.

It writes an empty register and `agendas/` (or a copy of the bundled sample),
the JSON Schema files the data files' `#:schema` lines point at, then starts a
git repository (unless the folder is already in one) and runs `summit git
setup`, which writes `.gitignore` and `.gitattributes`. It never writes over
data: a folder that already holds a register or a summit file is refused
before anything is written.
"""

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from summit.gitrepo import command
from summit.gitrepo.setup import GitSetupError, SetupReport, setup
from summit.model.schema import schemas
from summit.store.locations import (
    AGENDAS_DIR,
    REGISTER_FILE,
    SCHEMA_DIR,
    discover_data_dir,
    sample_dir,
    summit_files,
)
from summit.store.output_guard import check_output
from summit.store.problems import DataDirError

EMPTY_REGISTER = f"""#:schema ./{SCHEMA_DIR}/invitees.schema.json
# The invitee register: every organisation the department may invite to a
# summit, and the delegates who speak for them. Summit files refer to the ids
# (the keys after `organisations.` and `delegates.`), so keep ids stable.
#
# [organisations.example]
# name = "Example Ltd"
# sector = "software"
#
# [organisations.example.delegates.example-ceo]
# name = "Sam Example"
# job_title = "Chief Executive"
# email = "sam@example.org"
"""


class InitRefused(Exception):
    """The folder cannot become a data folder; the message says why. Nothing was written."""


@dataclass
class Started:
    root: Path
    written: list[Path]
    """The data and schema files written, in the order written."""
    new_repository: bool
    """Whether `git init` ran (False when the folder was already in a repository)."""
    setup: SetupReport
    branch: str = "main"
    """The branch the first commit goes on (what the team's clones should check out)."""


def existing_data(folder: Path) -> list[Path]:
    """The register and summit files already in `folder`, which init must not replace."""
    register = folder / REGISTER_FILE
    found = [register] if os.path.lexists(register) else []
    agendas = folder / AGENDAS_DIR
    if agendas.is_dir():
        found += sorted(agendas.glob("*.toml"))
    return found


def start(folder: Path, *, sample: bool = False) -> Started:
    """Make `folder` a data folder in git: empty, or with the sample summit."""
    _refuse_unless_free(folder)
    in_repository = _repository_of(folder)
    written = [*_write_data(folder, sample), *write_schemas(folder / SCHEMA_DIR)]
    if in_repository is None:
        try:
            command.run_git(["init", "--quiet", *_initial_branch(folder)], folder)
        except command.GitError as error:
            raise GitSetupError(str(error)) from None
    head = command.run_git(["symbolic-ref", "--quiet", "--short", "HEAD"], folder, check=False)
    branch = head.stdout.decode("utf-8", "replace").strip() or "main"
    return Started(folder, written, in_repository is None, setup(folder), branch)


def _initial_branch(folder: Path) -> list[str]:
    """`main`, as hosting services and most teams now name it, unless the user chose a name."""
    chosen = command.run_git(["config", "--get", "init.defaultBranch"], folder, check=False)
    return [] if chosen.stdout.strip() else ["--initial-branch=main"]


def _refuse_unless_free(folder: Path) -> None:
    if os.path.lexists(folder) and not folder.is_dir():
        raise InitRefused(f"{folder} is not a folder; nothing was written")
    clash = existing_data(folder)
    if clash:
        names = ", ".join(str(path.relative_to(folder)) for path in clash[:3])
        more = f" and {len(clash) - 3} more" if len(clash) > 3 else ""
        raise InitRefused(
            f"{folder} already holds summit data ({names}{more}); nothing was written. "
            "Work on it where it is, or give init an empty or new folder"
        )
    enclosing = _enclosing_data(folder)
    if enclosing is not None:
        # Its files would be read as the enclosing data's (agendas/invitees.toml a summit).
        raise InitRefused(
            f"{folder} is inside the data folder {enclosing}; nothing was written. "
            "Start your own data folder outside it"
        )


def _nearest_existing(folder: Path) -> Path:
    return next(parent for parent in (folder, *folder.parents) if parent.is_dir())


def _enclosing_data(folder: Path) -> Path | None:
    try:
        return discover_data_dir(_nearest_existing(folder).resolve())
    except DataDirError:  # a half-made data folder (agendas/, no register): init completes it
        return None


def _repository_of(folder: Path) -> Path | None:
    """The git repository the folder (or, if new, its nearest existing parent) is in."""
    try:
        return command.repository_root(_nearest_existing(folder))
    except command.NotARepository:
        return None
    except command.GitError as error:  # no git at all: say so before writing anything
        raise InitRefused(f"{error}; nothing was written") from None


def _write_data(folder: Path, sample: bool) -> list[Path]:
    (folder / AGENDAS_DIR).mkdir(parents=True, exist_ok=True)
    register = folder / REGISTER_FILE
    if not sample:
        register.write_text(EMPTY_REGISTER, encoding="utf-8")
        return [register]
    source = sample_dir()
    shutil.copyfile(source / REGISTER_FILE, register)
    written = [register]
    for summit in summit_files(source):
        written.append(folder / AGENDAS_DIR / summit.name)
        shutil.copyfile(summit, written[-1])
    return written


def _is_schema(path: Path) -> bool:
    """Whether `path` holds a JSON Schema (one this command wrote before)."""
    try:
        return '"$schema"' in path.read_text(encoding="utf-8")[:4096]
    except (OSError, UnicodeDecodeError):
        return False


def write_schemas(out: Path) -> list[Path]:
    """The JSON Schema files (`invitees.schema.json`, `summit.schema.json`) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in schemas().items():
        path = out / f"{name}.schema.json"
        check_output(path, earlier=_is_schema)
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
