"""An editing session over a data directory: its working copies and saving them.

The TUI edits the working copies (summit.workflows.working_copies) and saves
them through storage when the user asks: each changed file is merged with what
was saved meanwhile, and what could not be saved is reported, not lost. Nothing
here knows Textual, so every rule about saving is tested without a terminal.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from summit.model import Register, Summit
from summit.model.base import Record
from summit.model.changes import Names, describe_register_changes
from summit.model.discreet_changes import describe_discreetly
from summit.store import ConflictError, DataError, Problem, load_dataset
from summit.store.document import TomlDocument
from summit.store.locations import summit_path
from summit.store.problems import Choices, MergeConflicts
from summit.store.record_cache import RecordCache
from summit.workflows.working_copies import REGISTER, WorkingCopies, summit_label


@dataclass
class SaveReport:
    saved: list[str] = field(default_factory=list)
    merged: dict[str, list[str]] = field(default_factory=dict)
    """Saved files into which changes saved meanwhile by someone else were merged, with
    what came in, in plain English."""
    to_settle: list[MergeConflicts] = field(default_factory=list)
    """Files where both sides changed the same fields: nothing written until settled."""
    conflicts: list[ConflictError] = field(default_factory=list)
    """Files changed on disk that could not be merged (they no longer load)."""
    refused: list[DataError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.refused and not self.to_settle


class Workspace(WorkingCopies):
    @classmethod
    def open(cls, root: Path, cache: RecordCache | None = None) -> "Workspace":
        return cls(load_dataset(root, cache))

    def remember_records(self) -> None:
        """Keep what this load had to validate in the record cache, for the next start."""
        if self.dataset.cache is not None:
            self.dataset.cache.write_pending()

    # Saving ---------------------------------------------------------------

    def save(self) -> SaveReport:
        """Save every changed file; each conflict or refusal is reported, the rest saved.

        A file someone else saved meanwhile is merged with our changes; what
        they changed then shows in the working copy too.
        """
        report = SaveReport()
        register_first = self.dataset.register is not None and self.register_dirty()
        if register_first:
            self.save_file(self.dataset.register_path, report)
        refused = list(report.refused)
        for summit_id in list(self.summits):
            if self.summit_dirty(summit_id):
                self.save_file(summit_path(self.root, summit_id), report)
        if refused and report.saved and self.register_dirty():
            self._retry_register(report, refused)
        for summit_id in sorted(self._deleted):
            delete = partial(self._delete, summit_id)
            self._save_one(f"{summit_label(summit_id)} (deleted)", delete, report)
        if report.ok:
            # Undo is for edits not yet saved: once written, going back is a new edit.
            self._undo.clear()
        return report

    def _retry_register(self, report: SaveReport, refused: list[DataError]) -> None:
        """Save the register again once the summits are saved.

        A removal that the summits first had to let go of (a new lead, an
        uninvite) is refused while the old summit files still use the person.
        """
        retry = SaveReport()
        self.save_file(self.dataset.register_path, retry)
        if retry.saved:
            report.refused = [error for error in report.refused if error not in refused]
            report.saved[:0] = retry.saved
            report.merged.update(retry.merged)

    def _delete(self, summit_id: str) -> bool:
        try:
            self.dataset.delete_summit(summit_id)
        except ConflictError as changed:
            message = (
                "changed on disk since it was loaded, so it was not deleted: reload "
                "(ctrl+r) to see the change, then delete it again if it should go"
            )
            raise DataError([Problem(changed.path, 0, 0, message)]) from None
        self._deleted.discard(summit_id)
        return True

    def save_file(self, path: Path, report: SaveReport, choices: Choices = None) -> None:
        """Save one file, merging with the disk; `choices` settle the conflicts of a merge."""
        label = self._label(path)
        if path == self.dataset.register_path:
            register = self.register
            save = partial(
                self.dataset.save_register,
                register,
                merging=True,
                choices=choices,
                data=self._known_data(REGISTER, register) or register.to_data(),
            )
            if self._save_one(label, save, report) and self.dataset.register is not None:
                self._take_merged(REGISTER, label, register, self.dataset.register, report)
            return
        summit_id = path.stem
        summit = self.summits[summit_id]
        like = self._templates.get(summit_id)
        save = partial(
            self.dataset.save_summit, summit_id, summit, merging=True, choices=choices, like=like
        )
        if self._save_one(label, save, report):
            self._take_merged(summit_id, label, summit, self.dataset.summits[summit_id], report)

    def _take_merged(
        self, key: str, label: str, ours: Record, saved: TomlDocument[Any], report: SaveReport
    ) -> None:
        """After a save: the file holds ours, or ours merged with what came in meanwhile."""
        # Either way the working copy is what the file now holds: nothing to compare.
        self._touched.discard(key)
        if not saved.merged_in or saved.saved_data() == ours.to_data():
            return
        merged = saved.record
        if isinstance(merged, Register) and isinstance(ours, Register):
            report.merged[label] = describe_register_changes(ours, merged)
            self.register = merged
        elif isinstance(merged, Summit) and isinstance(ours, Summit):
            report.merged[label] = describe_discreetly(key, ours, merged, Names(self.register))
            self.summits[key] = merged

    @staticmethod
    def _save_one(label: str, save: Callable[[], bool], report: SaveReport) -> bool:
        try:
            save()
        except MergeConflicts as conflicts:
            report.to_settle.append(conflicts)
        except ConflictError as conflict:
            report.conflicts.append(conflict)
        except DataError as refusal:
            report.refused.append(refusal)
        except OSError as error:
            path = Path(error.filename) if error.filename else Path(label)
            message = f"could not be written: {error.strerror or error}"
            report.refused.append(DataError([Problem(path, 0, 0, message)]))
        else:
            report.saved.append(label)
            return True
        return False

    def overwrite(self, conflict: ConflictError) -> SaveReport:
        """Write our version over a file that changed on disk and could not be merged.

        The user chose this knowingly. If the file on disk loads again, it is
        re-read (its new layout and comments are kept) and our data saved onto
        it; if it is still broken, our version replaces it whole. Either way our
        version was already kept in summit's own folder.
        """
        report = SaveReport()
        label = self._label(conflict.path)
        is_register = conflict.path == self.dataset.register_path

        def save() -> bool:
            try:
                self.dataset.reread(conflict.path)
            except DataError:
                doc = self.dataset.register if is_register else None
                if doc is not None:
                    doc.replace(self.register)
                elif not is_register:
                    summit_id = conflict.path.stem
                    self.dataset.summits[summit_id].replace(self.summits[summit_id])
                return True
            if is_register:
                return self.dataset.save_register(self.register)
            summit_id = conflict.path.stem
            return self.dataset.save_summit(summit_id, self.summits[summit_id])

        self._save_one(label, save, report)
        return report

    def _label(self, path: Path) -> str:
        return REGISTER if path == self.dataset.register_path else summit_label(path.stem)

    def reload(self) -> "Workspace":
        """A fresh workspace from the files on disk (unsaved changes are dropped)."""
        return Workspace.open(self.root, self.dataset.cache)
