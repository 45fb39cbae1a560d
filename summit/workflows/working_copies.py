"""Working copies of a data directory: what was edited, what changed, what the checks say, undo.

The TUI edits working copies of the register and the summits, never the loaded
records themselves; this keeps them, tells which differ from their files, checks
them as they would be saved and takes edits back. Saving them is the workspace's
(summit.workflows.workspace). Nothing here knows Textual.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summit.model import Organisation, Register, Severity, Summit, check_summit
from summit.model.base import Record
from summit.model.check_scope import register_change, register_findings_after, still_holds
from summit.model.checks import Finding, check_dataset, check_register, check_series
from summit.store import Dataset
from summit.store.document import TomlDocument
from summit.store.locations import AGENDAS_DIR, REGISTER_FILE, SUMMIT_SUFFIX, summit_path

REGISTER = REGISTER_FILE
UNDO_DEPTH = 100
UndoStep = tuple[str, Register | Summit | None]
"""A file (the register, or a summit id) and its working copy before an edit."""


def summit_label(summit_id: str) -> str:
    return f"{AGENDAS_DIR}/{summit_id}{SUMMIT_SUFFIX}"


def _files_named(files: list[str]) -> str:
    """`a`, `a and b`, or `a, b and 12 more files`."""
    if len(files) <= 2:
        return " and ".join(files)
    return f"{files[0]}, {files[1]} and {len(files) - 2} more files"


class WorkingCopies:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        # A register that did not load is shown by its valid records (read-only).
        # The working copies start as the loaded records themselves: neither side
        # is ever changed in place (edits and saves replace records), so nothing
        # needs copying until an edit, which copies what it changes.
        register = dataset.register.record if dataset.register else dataset.salvaged or Register()
        self.register: Register = register
        self.summits: dict[str, Summit] = dataset.summit_records()
        # Files edited since the last save; only these can differ from disk, which
        # spares comparing a large register on every keystroke.
        self._touched: set[str] = set()
        # Whether a working copy differs from its file, by file: the answer holds
        # while both are the same objects (see above), so each is compared once.
        self._dirty: dict[str, tuple[Record, Record, bool]] = {}
        # The data of a working copy as last compared, which a save then writes.
        self._data: dict[str, tuple[Record, dict[str, Any]]] = {}
        self._findings: tuple[Register, list[Summit], list[Finding]] | None = None
        # Each summit's own findings, kept while it, the register and the broken
        # records are the same: an edit to one summit rechecks that summit alone.
        self._checked: tuple[Register, frozenset[str], dict[str, tuple[Summit, list[Finding]]]]
        self._checked = (register, frozenset(), {})
        self._delegates: tuple[Register, dict[str, str]] | None = None
        self._register_checked: tuple[Register, list[Finding]] | None = None
        checks = dataset.checks
        if checks is not None:
            # Loading checked these very records: the first findings cost nothing more.
            self._register_checked = (register, checks.register)
            summits = self.summits
            known = {sid: (summits[sid], found) for sid, found in checks.summits.items()}
            self._checked = (register, dataset.broken_ids, known)
        # New summits whose files start from another summit's file (a follow-up).
        self._templates: dict[str, str] = {}
        # Summits removed in the app whose files go at the next save.
        self._deleted: set[str] = set()
        # Earlier versions of what was edited since the last save, newest last.
        self._undo: list[list[UndoStep]] = []
        # Edits made inside `one_undo`, taken back together.
        self._grouping: list[UndoStep] | None = None

    @property
    def root(self) -> Path:
        return self.dataset.root

    @property
    def writable(self) -> bool:
        """Saving is allowed only once the files on disk load without errors."""
        return self.dataset.register is not None and not self.dataset.errors

    # What changed ---------------------------------------------------------

    def register_dirty(self) -> bool:
        saved = self.dataset.register
        if saved is None or REGISTER not in self._touched:
            return False
        return self._differs(REGISTER, saved, self.register)

    def summit_dirty(self, summit_id: str) -> bool:
        saved = self.dataset.summits.get(summit_id)
        if saved is None:
            return True
        if summit_id not in self._touched:
            return False
        return self._differs(summit_id, saved, self.summits[summit_id])

    def _differs(self, key: str, saved: TomlDocument[Any], working: Record) -> bool:
        known = self._dirty.get(key)
        if known is not None and known[0] is working and known[1] is saved.record:
            return known[2]
        if saved.record is working:
            differs = False
        elif saved.record != working:
            # Records that differ in a value differ in data: spared converting them.
            differs = True
        else:
            # Equal values may still differ in what is written (a default written out).
            data = working.to_data()
            differs = saved.saved_data() != data
            self._data[key] = (working, data)
        self._dirty[key] = (working, saved.record, differs)
        if not differs:
            # Back to what is on disk: no need to look again until the next edit.
            self._touched.discard(key)
        return differs

    def _known_data(self, key: str, working: Record) -> dict[str, Any] | None:
        """`working.to_data()` if worked out already (working copies are never changed in place)."""
        known = self._data.get(key)
        return known[1] if known is not None and known[0] is working else None

    def dirty_files(self) -> list[str]:
        files = [REGISTER] if self.register_dirty() else []
        files += [summit_label(sid) for sid in self.summits if self.summit_dirty(sid)]
        files += [f"{summit_label(sid)} (deleted)" for sid in sorted(self._deleted)]
        return files

    def findings(self) -> list[Finding]:
        """Errors and warnings of the working copies, as they would be saved.

        Worked out again only when a working copy was replaced since the last look.
        """
        summits = list(self.summits.values())
        known = self._findings
        if (
            known is not None
            and known[0] is self.register
            and len(known[1]) == len(summits)
            and all(a is b for a, b in zip(known[1], summits, strict=True))
        ):
            return known[2]
        findings = self._check_all()
        self._findings = (self.register, summits, findings)
        return findings

    def _check_all(self) -> list[Finding]:
        """What check_dataset says, in its order, rechecking only summits replaced since."""
        register, broken = self.register, self.dataset.broken_ids
        before, broken_before, known = self._checked
        if broken != broken_before:
            known = {}
        elif before is not register:
            # Only the summits that name what changed (1,000 summits: 55 ms an edit).
            change = register_change(before, register)
            known = {s: seen for s, seen in known.items() if still_holds(*seen, change)}
        checked: dict[str, tuple[Summit, list[Finding]]] = {}
        findings = self._register_findings().copy()
        for summit_id, summit in self.summits.items():
            seen = known.get(summit_id)
            if seen is None or seen[0] is not summit:
                # The index only when a summit needs checking: at a start whose checks
                # were kept, none does (100,000 delegates: 25 ms spared).
                delegates = self._delegate_index()
                seen = (summit, check_summit(summit_id, summit, register, delegates, broken))
            checked[summit_id] = seen
            findings.extend(seen[1])
        findings.extend(check_series(self.summits, frozenset(self.dataset.unreadable)))
        self._checked = (register, broken, checked)
        return findings

    def _register_findings(self) -> list[Finding]:
        checked = self._register_checked
        if checked is None:
            checked = (self.register, list(check_register(self.register)))
        elif checked[0] is not self.register:
            change = register_change(checked[0], self.register)
            checked = (self.register, register_findings_after(checked[1], change, self.register))
        self._register_checked = checked
        return checked[1]

    def _delegate_index(self) -> dict[str, str]:
        if self._delegates is None or self._delegates[0] is not self.register:
            self._delegates = (self.register, self.register.delegate_index())
        return self._delegates[1]

    def summit_findings(self, summit_id: str) -> list[Finding]:
        """The findings about one summit (what `findings` says about it), checked alone."""
        summit = self.summits[summit_id]
        delegates = self._delegate_index()
        broken = self.dataset.broken_ids
        findings = check_summit(summit_id, summit, self.register, delegates, broken)
        unloaded = frozenset(self.dataset.unreadable)
        series = check_series(self.summits, unloaded)  # its follows: cheap, needs them all
        return findings + [f for f in series if f.where.summit == summit_id]

    # Editing --------------------------------------------------------------

    def set_register(self, register: Register) -> None:
        self._remember(REGISTER, self.register)
        self.register = Register.model_validate(register.to_data())
        self._touched.add(REGISTER)

    def set_organisation(self, org_id: str, organisation: Organisation | None) -> list[Finding]:
        """Add, replace or (None) remove one organisation of the working register.

        Refused when that adds an error (a delegate id used twice, a summit left
        naming someone who went): nothing changes and the new errors are returned.
        """
        register = self.register.with_organisation(org_id, organisation)
        errors = self._errors_added(register, org_id, organisation)
        if errors:
            return errors
        self._remember(REGISTER, self.register)
        self.register = register
        self._touched.add(REGISTER)
        return []

    def _errors_added(
        self, register: Register, org_id: str, organisation: Organisation | None
    ) -> list[Finding]:
        before = self.register.organisations.get(org_id)
        kept = {org_id, *organisation.delegates} if organisation is not None else set()
        gone = ({org_id, *before.delegates} if before is not None else set()) - kept
        index = self._delegate_index()
        taken = [d for d in kept - {org_id} if index.get(d, org_id) != org_id]
        if not gone and not taken:
            # References are by id: with no id gone and none used twice, every
            # reference that held still holds (only names and details changed).
            return []
        known = {f.where for f in self.findings() if f.severity is Severity.ERROR}
        unloaded = frozenset(self.dataset.unreadable)
        after = check_dataset(register, self.summits, self.dataset.broken_ids, unloaded)
        # By place, not wording: a "did you mean" in an old error may change with the ids.
        return [f for f in after if f.severity is Severity.ERROR and f.where not in known]

    def set_summit(self, summit_id: str, summit: Summit, *, undoable: bool = True) -> None:
        """Replace a working summit; `undoable` False for what mirrors the disk (an export)."""
        if undoable:
            self._remember(summit_id, self.summits.get(summit_id))
        self.summits[summit_id] = Summit.model_validate(summit.to_data())
        self._touched.add(summit_id)

    def _remember(self, key: str, previous: Register | Summit | None) -> None:
        """Keep what `key` was before an edit, for undo."""
        if self._grouping is not None:
            self._grouping.append((key, previous))
            return
        self._undo.append([(key, previous)])
        del self._undo[:-UNDO_DEPTH]

    @contextmanager
    def one_undo(self) -> Iterator[None]:
        """Edits made inside are taken back together by one undo.

        Handing a person's agenda items to a new lead in thirteen summits and then
        removing them is one decision; it took fourteen ctrl+z to take back.
        """
        if self._grouping is not None:  # inside another: that one takes them
            yield
            return
        self._grouping = []
        try:
            yield
        finally:
            steps, self._grouping = self._grouping, None
            if steps:
                self._undo.append(steps)
                del self._undo[:-UNDO_DEPTH]

    def undo(self) -> str | None:
        """Take back the last edit not yet saved; the files it was in, or None if none is left.

        Working copies are never changed in place (edits replace them), so the
        previous version is kept as it was, at no cost.
        """
        if not self._undo:
            return None
        steps = self._undo.pop()
        files = [self._take_back(key, previous) for key, previous in reversed(steps)]
        return _files_named(list(dict.fromkeys(reversed(files))))

    def _take_back(self, key: str, previous: Register | Summit | None) -> str:
        self._touched.add(key)
        if key == REGISTER:
            assert isinstance(previous, Register)
            self.register = previous
            return REGISTER
        if previous is None:
            self.summits.pop(key, None)  # it was new: undoing removes it
        else:
            assert isinstance(previous, Summit)
            self.summits[key] = previous
            self._deleted.discard(key)
        return summit_label(key)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def remove_summit(self, summit_id: str) -> None:
        """Delete a summit; its file goes at the next save (and ctrl+z brings it back before)."""
        self._remember(summit_id, self.summits.pop(summit_id))
        if summit_id in self.dataset.summits:
            self._deleted.add(summit_id)

    def add_summit(self, summit_id: str, summit: Summit, *, like: str | None = None) -> None:
        """A new summit; its file (written at the next save) starts from `like`'s file."""
        if summit_id in self.summits or summit_path(self.root, summit_id).exists():
            raise ValueError(f"a summit {summit_id!r} already exists")
        self.set_summit(summit_id, summit)
        if like is not None:
            self._templates[summit_id] = like
