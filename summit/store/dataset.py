"""The whole data directory: the register, every summit, and what is wrong with them.

Loading never stops at the first problem: each file is read on its own and
every problem is collected, with its file and line, so that a person (or the
TUI) sees them all at once and can still work with the files that are fine.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit.model import Register, Summit, check_summit, dates
from summit.model.check_scope import checks_after_change
from summit.model.checks import (
    DatasetChecks,
    Finding,
    Where,
    check_dataset_by_part,
    check_register,
    check_series,
)
from summit.model.identity import agenda_with_ids
from summit.model.text import is_slug
from summit.store.all_summits import load_summits
from summit.store.document import TomlDocument, decode
from summit.store.gc_pause import paused_gc
from summit.store.layout import Layout, LayoutError, scan
from summit.store.locations import REGISTER_FILE, SCHEMA_DIR, summit_files, summit_path
from summit.store.problems import Choices, DataError, Problem, UnknownSummit, dotted
from summit.store.reading import read_data_file
from summit.store.record_cache import RecordCache
from summit.store.salvage import salvage_register
from summit.store.watch import Stamp, stamps_of


@dataclass
class Dataset:
    root: Path
    register: TomlDocument[Register] | None
    summits: dict[str, TomlDocument[Summit]]
    read_problems: list[Problem] = field(default_factory=list)
    """What reading the files found: unreadable files, invalid values (each placed)."""
    salvaged: Register | None = None
    """When the register did not load: its valid records, to show and check against."""
    broken_ids: frozenset[str] = frozenset()
    """Ids of the register records left out of `salvaged` because they are invalid."""
    unreadable: dict[str, list[Problem]] = field(default_factory=dict)
    """Summit files that did not load, by id, with why."""
    stamps: dict[Path, Stamp] = field(default_factory=dict, repr=False, compare=False)
    """Each file's time and size, taken before it was read (see summit.store.watch)."""
    _summit_errors: (
        tuple[tuple[dict[str, str], set[str]], dict[str, Summit], list[Finding]] | None
    ) = field(default=None, repr=False, compare=False)
    """The register ids and saved summits last checked for a register save, and their errors."""
    findings: list[Finding] = field(default_factory=list, repr=False, compare=False)
    """What checking the loaded records found, by key path; `problems` places them."""
    checks: DatasetChecks | None = field(default=None, repr=False, compare=False)
    """The same findings by part, for the workspace to keep (it rechecks what is edited)."""
    _placed: list[Problem] | None = field(default=None, repr=False, compare=False)
    _errors: list[Problem] | None = field(default=None, repr=False, compare=False)
    cache: RecordCache | None = field(default=None, repr=False, compare=False)
    """Where records validated from the same bytes before are found (the app's)."""

    @property
    def problems(self) -> list[Problem]:
        """Every problem, with its file, line and column: what reading found, then the checks.

        Placed on first asking: scanning 1,000 summit files for the lines of their
        warnings was a third of loading them, and the app shows them only on demand.
        """
        if self._placed is None:
            self._placed = self.read_problems + _Locator(self).problems(self.findings)
        return self._placed

    def problems_in(self, path: Path) -> list[Problem]:
        """The problems of one file (as `problems` has them), placing only its own."""
        if self._placed is not None:
            return [p for p in self._placed if p.path == path]
        locator = _Locator(self)
        own = [f for f in self.findings if locator.path_of(f.where) == path]
        return [p for p in self.read_problems if p.path == path] + locator.problems(own)

    @property
    def errors(self) -> list[Problem]:
        """The errors alone, placed without placing the warnings (asked after every edit)."""
        if self._errors is None:
            if self._placed is not None:
                self._errors = [p for p in self._placed if p.is_error]
            else:
                found = [f for f in self.findings if f.severity == "error"]
                read = [p for p in self.read_problems if p.is_error]
                self._errors = read + _Locator(self).problems(found)
        return self._errors

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def register_path(self) -> Path:
        return self.root / REGISTER_FILE

    def summit_document(self, summit_id: str) -> TomlDocument[Summit]:
        """The loaded summit file with this id.

        DataError when its file exists but did not load; UnknownSummit (which
        suggests a close id) when there is no such file.
        """
        doc = self.summits.get(summit_id)
        if doc is not None:
            return doc
        if is_slug(summit_id):
            path = summit_path(self.root, summit_id)
            unread = [p for p in self.read_problems if p.path == path]
            if unread:
                # The file is there but could not be loaded: say why, not "no summit".
                raise DataError(unread)
        raise UnknownSummit(summit_id, self.summits)

    def valid_summit(self, summit_id: str) -> tuple[Summit, Register]:
        """The summit and the register, refusing (DataError) when either file has errors:
        what every output built from one summit starts from."""
        doc = self.summit_document(summit_id)
        errors = [p for p in self.errors if p.path in (doc.path, self.register_path)]
        if errors or self.register is None:
            raise DataError(errors)
        return doc.record, self.register.record

    def summit_records(self) -> dict[str, Summit]:
        return {summit_id: doc.record for summit_id, doc in self.summits.items()}

    def save_register(
        self,
        register: Register,
        *,
        merging: bool = False,
        choices: Choices = None,
        data: dict[str, Any] | None = None,
    ) -> bool:
        """Save the register if every summit's references still hold. Returns whether it wrote.

        With `merging`, what someone else saved meanwhile is merged in (see
        TomlDocument.save_merging, also for `data`) instead of refused.
        """
        if self.register is None:
            raise DataError([Problem(self.register_path, 1, 1, "the register did not load")])
        self._refuse_errors(self._errors_with(register))
        if merging:
            return self.register.save_merging(register, choices, data=data)
        return self.register.save(register)

    def _errors_with(self, register: Register) -> list[Finding]:
        """The errors `check_dataset` finds with this register and the saved summits.

        A summit's errors depend only on which organisations and delegates the
        register has: while those and the saved summits stay the same, as when
        a save changes a job title, the summits' errors found last time hold.
        """
        errors = [f for f in check_register(register) if f.severity == "error"]
        index = register.delegate_index()
        ids = (index, set(register.organisations))
        summits = self.summit_records()
        known = self._summit_errors
        if (
            known is None
            or known[0] != ids
            or known[1].keys() != summits.keys()
            or any(known[1][sid] is not summit for sid, summit in summits.items())
        ):
            found = [
                finding
                for summit_id, summit in summits.items()
                for finding in check_summit(summit_id, summit, register, index)
                if finding.severity == "error"
            ]
            known = self._summit_errors = (ids, summits, found)
        return errors + known[2]

    def save_summit(
        self,
        summit_id: str,
        summit: Summit,
        *,
        merging: bool = False,
        choices: Choices = None,
        like: str | None = None,
    ) -> bool:
        """Save a summit whose references into the register hold. Returns whether it wrote.

        A new summit's file starts from the file of the summit `like` when given.
        """
        register = self._register_record()
        others = {**self.summit_records(), summit_id: summit}
        self._refuse_errors(
            [
                *check_summit(summit_id, summit, register),
                *(
                    f
                    for f in check_series(others, frozenset(self.unreadable))
                    if f.where.summit == summit_id
                ),
            ]
        )
        doc = self.summits.get(summit_id)
        if doc is None:
            path = summit_path(self.root, summit_id)
            template = self.summits.get(like) if like is not None else None
            self.summits[summit_id] = TomlDocument.create(
                path, summit, like=template, head=self._schema_line()
            )
            return True
        if merging:
            return doc.save_merging(summit, choices)
        return doc.save(summit)

    def _schema_line(self) -> str:
        """An editor's pointer to the summit schema, as the sample's files have, when the
        data folder holds the schemas (`summit init` writes them)."""
        if not (self.root / SCHEMA_DIR / "summit.schema.json").is_file():
            return ""
        return f"#:schema ../{SCHEMA_DIR}/summit.schema.json\n"

    def name_agenda_items(self, summit_id: str) -> None:
        """Give every agenda item an id, saved in the file, before it is published:
        calendars hold one object per item, found again by that id."""
        summit, _ = self.valid_summit(summit_id)
        named = agenda_with_ids(summit)
        if named is not summit:
            self.save_summit(summit_id, named, merging=True)

    def delete_summit(self, summit_id: str) -> None:
        """Remove a summit's file (git sees it as deleted; a commit records it)."""
        self.summit_document(summit_id).delete()
        del self.summits[summit_id]

    def reread(self, path: Path) -> None:
        """Load one file again as it is on disk now (raises DataError if it is invalid)."""
        if path == self.register_path:
            self.register = TomlDocument.load(path, Register, self.cache)
        else:
            self.summits[path.stem] = TomlDocument.load(path, Summit, self.cache)

    def _register_record(self) -> Register:
        if self.register is None:
            raise DataError([Problem(self.register_path, 1, 1, "the register did not load")])
        return self.register.record

    def _refuse_errors(self, findings: Iterable[Finding]) -> None:
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            raise DataError(_Locator(self).problems(errors))


class _Locator:
    """Turns findings (key paths) into problems (file, line), scanning each file once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.layouts: dict[Path, Layout | None] = {}

    def path_of(self, where: Where) -> Path:
        if where.summit is None:
            return self.dataset.register_path
        return summit_path(self.dataset.root, where.summit)

    def position(self, where: Where) -> tuple[Path, int, int]:
        path = self.path_of(where)
        if path not in self.layouts:
            doc = (
                self.dataset.register
                if where.summit is None
                else (self.dataset.summits.get(where.summit))
            )
            try:
                self.layouts[path] = scan(doc.text) if doc is not None else None
            except LayoutError:
                self.layouts[path] = None
        layout = self.layouts[path]
        line, column = layout.locate(where.path) if layout else (1, 1)
        return path, line, column

    def problem(self, finding: Finding) -> Problem:
        path, line, column = self.position(finding.where)
        message = finding.message
        if finding.see is not None:
            other, other_line, _ = self.position(finding.see)
            shown = (
                other.relative_to(self.dataset.root)
                if other.is_relative_to(self.dataset.root)
                else other
            )
            message += f" (see {shown}:{other_line})"
        return Problem(path, line, column, message, dotted(finding.where.path), finding.severity)

    def problems(self, findings: Iterable[Finding]) -> list[Problem]:
        return [self.problem(finding) for finding in findings]


def load_dataset(root: Path, cache: RecordCache | None = None) -> Dataset:
    """Load the register and every summit, collecting every problem instead of stopping.

    With a cache, records validated from the same bytes before are taken from it.
    """
    with paused_gc(keep=True):
        return _load(root, cache)


def _load(root: Path, cache: RecordCache | None) -> Dataset:
    try:
        paths, listing = summit_files(root), []
    except DataError as error:
        paths, listing = [], error.problems
    # Before reading: a file changed while it is read is seen as changed afterwards.
    stamps = stamps_of([root / REGISTER_FILE, *paths])
    problems: list[Problem] = []
    register: TomlDocument[Register] | None = None
    salvaged: tuple[Register, frozenset[str]] | None = None
    try:
        register = TomlDocument.load(root / REGISTER_FILE, Register, cache)
    except DataError as error:
        problems.extend(error.problems)
        salvaged = _salvage(root / REGISTER_FILE)
    problems.extend(listing)
    summits, unreadable = load_summits(root, [p for p in paths if is_slug(p.stem)], cache)
    for path in paths:  # each file's problems in the files' order
        problems.extend(unreadable.get(path.stem, ()) if is_slug(path.stem) else [_no_id(path)])
    dataset = Dataset(
        root, register, summits, problems, unreadable=unreadable, stamps=stamps, cache=cache
    )
    if salvaged is not None:
        dataset.salvaged, dataset.broken_ids = salvaged
    checked = register.record if register is not None else dataset.salvaged
    if checked is not None:
        checks = _checked(dataset, checked, frozenset(unreadable))
        dataset.checks, dataset.findings = checks, checks.all()
    return dataset


def _no_id(path: Path) -> Problem:
    message = (
        f"file name {path.stem!r} is not a summit id: use lower-case letters, digits and hyphens"
    )
    return Problem(path, 1, 1, message)


def _checked(dataset: Dataset, register: Register, unreadable: frozenset[str]) -> DatasetChecks:
    """What checking the records finds; from the cache when every file and the day
    (the checks look at what is coming) are those it was kept for, and narrowed to what
    a change to the register can alter when only the register changed since."""
    cache, document = dataset.cache, dataset.register
    if cache is None or document is None:
        return check_dataset_by_part(
            register, dataset.summit_records(), dataset.broken_ids, unreadable
        )
    summits = tuple((summit_id, doc.digest) for summit_id, doc in dataset.summits.items())
    rest = (summits, tuple(sorted(dataset.broken_ids)), tuple(sorted(unreadable)))
    key = (dates.today().isoformat(), document.digest, *rest)
    # Read over a version whose checks were kept: those, narrowed to what changed.
    before = document.read_over
    over = before[1] if before is not None and isinstance(before[1], Register) else None
    keys = [key] if before is None or over is None else [key, (key[0], before[0], *rest)]
    kept = cache.get_checks(dataset.root, *keys)
    if kept is not None and kept[0] == key:
        return kept[1]
    if kept is not None and over is not None:
        checks = checks_after_change(
            kept[1], over, register, dataset.summit_records(), dataset.broken_ids
        )
    else:
        checks = check_dataset_by_part(
            register, dataset.summit_records(), dataset.broken_ids, unreadable
        )
    cache.put_checks(dataset.root, key, checks)
    return checks


def _salvage(path: Path) -> tuple[Register, frozenset[str]] | None:
    try:
        text = decode(path, read_data_file(path))
    except DataError:
        return None
    return salvage_register(text)
