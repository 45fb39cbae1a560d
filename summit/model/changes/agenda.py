"""What changed in a summit's agenda: items paired by identity, with the computed times."""

from collections.abc import Sequence

from summit.model.changes.names import Names
from summit.model.changes.words import field_changes, quoted
from summit.model.identity import match_items
from summit.model.schedule import Slot, schedule
from summit.model.summit import Summit


def _times(slot: Slot, other: Slot | None = None) -> str:
    same_day = other is None or other.start.date() == slot.start.date()
    start = f"{slot.start:%H:%M}" if same_day else f"{slot.start:%Y-%m-%d %H:%M}"
    return f"{start}–{slot.end:%H:%M}"


def _moved(pairs: Sequence[tuple[int | None, int | None]]) -> set[int]:
    """Old indices of kept items that changed place: those outside the longest run kept in order.

    Moving one item down past three others moves one item, not three.
    """
    kept = [old for old, new in pairs if old is not None and new is not None]
    # Longest increasing subsequence (patience sorting), keeping predecessors.
    tails: list[int] = []
    tail_at: list[int] = []
    before: dict[int, int | None] = {}
    for position, value in enumerate(kept):
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if tails[mid] < value:
                low = mid + 1
            else:
                high = mid
        before[position] = tail_at[low - 1] if low else None
        if low == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[low], tail_at[low] = value, position
    in_order: set[int] = set()
    step = tail_at[-1] if tail_at else None
    while step is not None:
        in_order.add(kept[step])
        step = before[step]
    return set(kept) - in_order


def agenda_changes(old: Summit, new: Summit, names: Names) -> list[str]:
    old_slots, new_slots = schedule(old), schedule(new)
    pairs = match_items(old.agenda, new.agenda)
    moved = _moved(pairs)
    lines = []
    for i, j in pairs:
        if i is None and j is not None:
            slot = new_slots[j]
            lines.append(f"agenda {quoted(slot.item.title)} added at {_times(slot)}")
        elif j is None and i is not None:
            slot = old_slots[i]
            lines.append(f"agenda {quoted(slot.item.title)} removed (was {_times(slot)})")
        elif i is not None and j is not None:
            clauses = _item_clauses(old_slots[i], new_slots[j], i in moved, names)
            if clauses:
                lines.append(f"agenda {quoted(new_slots[j].item.title)}: {', '.join(clauses)}")
    return lines


def _item_clauses(old: Slot, new: Slot, moved: bool, names: Names) -> list[str]:
    before, after = old.item, new.item
    clauses = []
    if before.title != after.title:
        clauses.append(f"renamed from {quoted(before.title)}")
    if moved and (old.start, old.end) == (new.start, new.end):
        clauses.append(f"moved to {_times(new, old)} (same time as before)")
    elif moved:
        clauses.append(f"moved to {_times(new, old)} (was {_times(old, new)})")
    elif (old.start, old.end) != (new.start, new.end):
        clauses.append(f"now {_times(new, old)} (was {_times(old, new)})")
    if before.minutes != after.minutes:
        clauses.append(f"{after.minutes} minutes (was {before.minutes})")
    if before.lead != after.lead:
        lead = names.anyone(after.lead) if after.lead else "no one"
        was = names.anyone(before.lead) if before.lead else "no one"
        clauses.append(f"led by {lead} (was {was})")
    clauses += field_changes(
        before,
        after,
        (
            "kind",
            "topic",
            "objective",
            "notes",
            "lines_to_take",
            "background",
            "summary",
            "decisions",
            "classification",
        ),
    )
    return clauses
