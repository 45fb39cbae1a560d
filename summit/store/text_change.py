"""Where a file's text changed since the version the record cache kept, and what was
known of that version.

After a pull that renamed one organisation, the register's two 14 MB texts differ
in one line. Told apart from each end, in a few milliseconds, everything outside
the changed lines is the kept text's, so what was true of the kept text there is
true of the new one: a check for something that lies within a line (a conflict
marker, a multi-line string's quotes, a section header) need look only at the
changed lines. That spared 70 ms of whole-text scans after such a pull.
"""

from dataclasses import dataclass

_BLOCK = 1 << 16
"""Characters compared at a time while looking for the first difference."""


@dataclass(frozen=True)
class TextFacts:
    """What holds for a kept text, worked out as it is kept (in the background)."""

    conflict_start: bool
    """It holds `<<<<<<<` somewhere (without an end marker, or it would not have loaded)."""
    sectioned: bool
    """Each entry of its keyed table is in sections of its own (summit.store.splice)."""


@dataclass(frozen=True)
class TextChange:
    """Where a new text differs from the kept one."""

    start: int
    """The first character that differs, in both texts."""
    end: int
    """In the new text, where the part the same at the end of both begins."""
    old_end: int
    """In the kept text, the same place."""
    lines: tuple[int, int]
    """The new text's lines that hold the change, whole: from the start of the first
    to the end of the last (before its line break)."""

    def shows(self, text: str, needle: str) -> bool:
        """Whether `needle`, which holds no line break, is in the new `text` where it
        may not be in the kept one: in the changed lines. (Anywhere else it would
        be whole inside the part both texts share.)"""
        return text.find(needle, *self.lines) >= 0


def text_change(old: str, new: str) -> TextChange:
    """Where `new` differs from `old` (nowhere, for equal texts: empty lines at the end)."""
    start = common_prefix(old, new)
    same_end = common_suffix(old, new, min(len(old), len(new)) - start)
    end = len(new) - same_end
    first = new.rfind("\n", 0, start) + 1
    last = new.find("\n", end)
    return TextChange(start, end, len(old) - same_end, (first, len(new) if last < 0 else last))


def common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their start."""
    most = min(len(a), len(b))
    at = 0
    while at < most and a[at : at + _BLOCK] == b[at : at + _BLOCK]:
        at += _BLOCK
    low, high = min(at, most), min(at + _BLOCK, most)
    while low < high:  # a[:low] == b[:low]; the answer lies in [low, high]
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: str, b: str, most: int) -> int:
    """How many characters `a` and `b` share at their end (at most `most`)."""
    at, ends = 0, (len(a), len(b))
    while (
        at < most
        and a[ends[0] - at - _BLOCK : ends[0] - at] == b[ends[1] - at - _BLOCK : ends[1] - at]
    ):
        at += _BLOCK
    low, high = min(at, most), min(at + _BLOCK, most)
    while low < high:  # the last `low` are the same; the answer lies in [low, high]
        middle = (low + high + 1) // 2
        if a[ends[0] - middle : ends[0] - low] == b[ends[1] - middle : ends[1] - low]:
            low = middle
        else:
            high = middle - 1
    return low
