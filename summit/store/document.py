"""One TOML data file: read fast and strictly, saved in place without churn."""

import hashlib
import pickle
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import ValidationError

if TYPE_CHECKING:
    from summit.store.layout import Layout
    from summit.store.record_cache import RecordCache

from summit.model.base import Record
from summit.store.atomic import named_errors, real_path, write_atomic, write_new
from summit.store.editing import edited_text_and_layout
from summit.store.exchange import replace_checked
from summit.store.gc_pause import paused_gc
from summit.store.kept_copies import keep_copy
from summit.store.lock import locked
from summit.store.parsing import check_conflict_markers, decode, parse, validate
from summit.store.problems import Choices, ConflictError, DataError, MergeConflicts, Problem
from summit.store.read_again import read_again, text_facts
from summit.store.reading import read_data_file
from summit.store.splice import RawLater
from summit.store.toml_dialect import TOMLDecodeError, strict_loads

# `decode` is read here too by callers that load files themselves (dataset.py).
__all__ = ["M", "TomlDocument", "decode", "full_data"]

M = TypeVar("M", bound=Record)

# A file written to again and again while summit merges into it: kept as a conflict at last.
_MERGE_ATTEMPTS = 3


def _digest(data: bytes) -> str:
    """What the file held when loaded, to notice a change made by someone else."""
    return hashlib.sha256(data).hexdigest()


def full_data(record: Record) -> dict[str, Any]:
    """Every field with defaults filled in: what two versions are compared by."""
    return record.model_dump(mode="python", exclude_none=True, warnings=False)


class TomlDocument(Generic[M]):
    """A loaded data file and the record it holds.

    Keeps the text as read so that a save can change only what changed, and a
    digest of the bytes so that a save never overwrites someone else's edit.
    """

    def __init__(
        self,
        path: Path,
        model: type[M],
        text: str | bytes,
        record: M,
        *,
        seen: str,
        raw: dict[str, Any] | None,
        raw_later: RawLater | None = None,
    ):
        self.path = path
        self.model = model
        # The text as read; bytes already known to be good UTF-8 are decoded when asked for.
        self._text = text
        self.record = record
        self._digest = seen
        # What a save diffs against. Kept as the parser's plain dicts, which the
        # record does not share, so that editing the record in place cannot alter
        # it; turned into record data only when a save needs it.
        self._raw: dict[str, Any] | None = raw
        self._raw_later = raw_later  # from the record cache, made when a save needs it
        self.read_over: tuple[str, Record] | None = None
        """Read again after a change: the digest and record of the version kept before,
        whose unchanged records this one shares (what was checked need not be again)."""
        self.kept_parts: tuple[bytes | RawLater, M] | None = None
        """Loaded through the record cache: what it keeps of the file as loaded, its
        parsed data (pickled, or made when asked for) and its record."""
        self._saved: dict[str, Any] | None = None
        self.merged_in = False
        """Whether the last `save_merging` merged in a change saved meanwhile by someone else."""
        # The layout of `text` when known without scanning it (see `patch_and_layout`),
        # and the last text rendered for a save with its layout.
        self._layout: Layout | None = None
        self._rendered: tuple[str, Layout | None, bool] = ("", None, False)
        # Whether `text` parses to exactly the data it is saved as (`_as_loaded`), which
        # lets a save read back only the tables it changed. None: not known yet.
        self._exact: bool = False

    @property
    def text(self) -> str:
        """The file's text as last read or written."""
        if isinstance(self._text, bytes):
            self._text = self._text.decode("utf-8")
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        self._text = text

    @property
    def digest(self) -> str:
        """The sha256 of the bytes last read or written."""
        return self._digest

    @classmethod
    def load(
        cls, path: Path, model: type[M], cache: "RecordCache | None" = None
    ) -> "TomlDocument[M]":
        """Read and validate; raises DataError listing every problem found.

        With a cache, a record validated from the very same bytes is taken from it.
        """
        return cls.read(path, model, read_data_file(path), cache)

    @classmethod
    def read(
        cls,
        path: Path,
        model: type[M],
        data: bytes,
        cache: "RecordCache | None" = None,
    ) -> "TomlDocument[M]":
        """`load`, of the file's bytes read already."""
        seen = _digest(data)
        kept = cache.get(path, model, seen) if cache is not None else None
        if kept is not None:
            return cls.kept(path, model, data, seen, kept)
        text = decode(path, data)
        if cache is None:
            check_conflict_markers(path, text)
            raw = parse(path, text)
            return cls(path, model, text, validate(model, path, text, raw), seen=seen, raw=raw)
        before = cache.previous(path, model)
        record, raw_later = read_again(path, model, text, before)
        cache.put(path, model, seen, (text, raw_later, record, partial(text_facts, model, text)))
        document = cls(path, model, text, record, seen=seen, raw=None, raw_later=raw_later)
        document.kept_parts = (raw_later, record)
        if before is not None:
            document.read_over = (before.digest, before.record)
        return document

    @classmethod
    def kept(
        cls, path: Path, model: type[M], data: bytes, seen: str, kept: tuple[bytes, M]
    ) -> "TomlDocument[M]":
        """The document of bytes (of digest `seen`) whose record the record cache kept,
        with its pickled parsed data (`kept`)."""
        # These very bytes were decoded and checked when the record was kept: the
        # text is decoded only if a save asks for it (14 MB: 20 ms at each start).
        raw_later: RawLater = partial(pickle.loads, kept[0])  # our own cache's, see get
        document = cls(path, model, data, kept[1], seen=seen, raw=None, raw_later=raw_later)
        document.kept_parts = kept
        return document

    @classmethod
    def create(
        cls, path: Path, record: M, like: "TomlDocument[M] | None" = None, head: str = ""
    ) -> "TomlDocument[M]":
        """Write a new file for a record; refuses to replace an existing file.

        `like` is a file to start from (a follow-up starts from the summit it
        follows): its comments, order and layout carry over, with `record`'s
        data written in place. Otherwise the file starts with `head` (comment lines).
        """
        from summit.store.rendering import render_document  # noqa: PLC0415 - write path

        data = record.to_data()
        text = like.text_with(record) if like is not None else head + render_document(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(path, text.encode("utf-8"))
        return cls.load(path, type(record))

    def text_with(self, record: M) -> str:
        """This file's text with `record`'s data in it (comments and layout kept)."""
        return self._render(record, record.to_data())

    def _render(self, record: M, new: dict[str, Any]) -> str:
        """The file's new text holding `record` (data `new`), checked by reading it back."""
        exactly: list[str] = []  # the text read back as exactly `new`, if it was

        def reads_back(text: str) -> bool:
            same = self._reads_back_as(text, record, new)
            if same is True:
                exactly.append(text)
            return same is not False

        saved = self._as_loaded()
        text, layout, exact = edited_text_and_layout(
            self.path, self.text, saved, new, reads_back, layout=self._layout, exact=self._exact
        )
        self._rendered = (text, layout, exact or text in exactly)
        return text

    def save(self, record: M) -> bool:
        with paused_gc():
            return self._save(record)

    def _save(self, record: M) -> bool:
        """Write `record` if it differs from what was loaded. Returns whether it wrote.

        Raises ConflictError when the file changed on disk since it was loaded,
        and ValidationError when the record is not valid; nothing is written then.
        """
        # Re-validate: a record changed in place (a dict entry, say) skipped validation.
        record = self.model.model_validate(record.to_data())
        new = record.to_data()
        if new == self._as_loaded():
            return False
        data = self._render(record, new).encode("utf-8")
        target = real_path(self.path)
        # Checking and replacing under one lock: no other summit process can
        # slip its save in between and have it overwritten.
        with locked(target):
            self._refuse_if_changed(target, data)
        self._now_holds(data.decode("utf-8"), record, new)
        return True

    def replace(self, record: M) -> None:
        """Write `record` over whatever the file now holds, as the user knowingly chose.

        For a file someone left broken on disk, which cannot be merged: the
        text as loaded, with `record` written into it, replaces it.
        """
        with paused_gc():
            record = self.model.model_validate(record.to_data())
            new = record.to_data()
            data = self._render(record, new).encode("utf-8")
            target = real_path(self.path)
            with locked(target):
                write_atomic(target, data)
            self._now_holds(data.decode("utf-8"), record, new)

    def delete(self) -> None:
        """Remove the file, unless someone changed it since it was loaded (ConflictError)."""
        target = real_path(self.path)
        with locked(target):
            current = self._on_disk()
            if current is not None and _digest(current) != self._digest:
                raise ConflictError(self.path, None)
            with named_errors(self.path):
                self.path.unlink(missing_ok=True)

    def save_merging(
        self, record: M, choices: Choices = None, *, data: dict[str, Any] | None = None
    ) -> bool:
        """Save `record`, merging in what someone else saved meanwhile. Returns whether it wrote.

        The merge is three-way: base is the text as loaded, ours is `record`,
        theirs is the file on disk. Changes to different fields or records
        merge without asking; afterwards `self.record` is the merged record.
        MergeConflicts when both changed one field differently (settle them by
        saving again with `choices`, keyed by each conflict's `where`), and
        ConflictError when the file on disk cannot be merged at all (it does
        not load); nothing is written then.

        `data` is `record.to_data()` of a record known to be valid and not
        changed since (a workspace's working copy, validated when it was set):
        it spares validating and converting a large record again.
        """
        self.merged_in = False
        with paused_gc():
            if data is None:
                record = self.model.model_validate(record.to_data())
            new = record.to_data() if data is None else data
            if new == self._as_loaded():
                return False
            ours = self._render(record, new)
            target = real_path(self.path)
            with locked(target):
                merged_text, merged, data = self._merge_in_place(target, record, new, ours, choices)
            self._now_holds(merged_text, merged, data)
            return True

    def _merge_in_place(
        self, target: Path, record: M, new: dict[str, Any], ours: str, choices: Choices
    ) -> tuple[str, M, dict[str, Any] | None]:
        """Merge `ours` with what the file holds and swap it in, checked after the swap.

        A write landing between reading the file and the swap (an editor's, git's)
        is not overwritten (see exchange.py): the merge is made again with it.
        """
        for _ in range(_MERGE_ATTEMPTS):
            current = read_data_file(self.path)
            self.merged_in = _digest(current) != self._digest
            if not self.merged_in:
                merged_text, merged, data = ours, record, new
            else:
                merged_text, merged = self._merged(ours, current, choices)
                data = None
            if replace_checked(target, merged_text.encode("utf-8"), _digest(current)):
                return merged_text, merged, data
        raise ConflictError(self.path, keep_copy(self.path, ours.encode("utf-8")))

    def _merged(self, ours: str, current: bytes, choices: Choices) -> tuple[str, M]:
        from summit.store.merge import merge_texts  # noqa: PLC0415 - only after a change

        try:
            theirs = decode(self.path, current)
        except DataError:
            raise ConflictError(self.path, keep_copy(self.path, ours.encode("utf-8"))) from None
        result = merge_texts(
            self.text,
            ours,
            theirs,
            model=self.model,
            path=self.path,
            choices=choices,
        )
        if result.conflicts and not result.errors:
            raise MergeConflicts(self.path, result.conflicts)
        if choices and result.errors and not result.conflicts:
            # What was chosen or typed does not make a valid file: say why, keep asking.
            problems = [Problem(self.path, 0, 0, error) for error in result.errors]
            raise DataError(problems)
        if result.text is None or not isinstance(result.record, self.model):
            raise ConflictError(self.path, keep_copy(self.path, ours.encode("utf-8")))
        return result.text, result.record

    def _now_holds(self, text: str, record: M, data: dict[str, Any] | None = None) -> None:
        """After a write: the document holds `text`, which reads as `record` (`data`)."""
        rendered, layout, exact = self._rendered
        same = rendered == text
        self._layout = layout if same else None
        self._exact = exact and same and data is not None
        self._rendered = ("", None, False)
        self.text, self.record = text, record
        self._raw, self._saved = None, record.to_data() if data is None else data
        self._digest = _digest(text.encode("utf-8"))

    def saved_data(self) -> dict[str, Any]:
        """The record data the file holds (as loaded, or as last saved): what is unsaved differs."""
        return self._as_loaded()

    def _as_loaded(self) -> dict[str, Any]:
        if self._saved is None:
            if self._raw is None and self._raw_later is not None:
                self._raw = self._raw_later()
            self._saved = self.model.model_validate(self._raw).to_data()
            self._exact = self._raw == self._saved
        return self._saved

    def _reads_back_as(self, text: str, record: M, new: dict[str, Any]) -> bool | None:
        """Whether `text` reads as `record`, whose data (valid, as it came from it) is `new`.

        Text that parses to exactly `new` validates to `record`, so validating it
        again is spared (True); otherwise it is validated and compared field by
        field (None when it reads as the record all the same).
        """
        try:
            data = strict_loads(text)
            if data == new:
                return True
            again = self.model.model_validate(data)
        except (TOMLDecodeError, ValidationError):
            return False
        return None if full_data(again) == full_data(record) else False

    def _on_disk(self) -> bytes | None:
        """The file's bytes now, or None when it is gone or cannot be read."""
        try:
            return read_data_file(self.path)
        except DataError:
            return None

    def _refuse_if_changed(self, target: Path, ours: bytes) -> None:
        """Write `ours` over `target` unless it changed since it was loaded (see exchange.py)."""
        if not replace_checked(target, ours, self._digest):
            raise ConflictError(self.path, keep_copy(self.path, ours))
