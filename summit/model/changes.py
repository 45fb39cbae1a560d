"""What changed between two versions of a summit or of the register, in plain English.

Pure: two records in, short sentences out, in a fixed order (the file's own
order of things, then what was removed), so that `summit diff`, `summit log`,
git's diff driver and the app all say the same thing. Personal data (a
delegate's `personal` table) is said to have changed, never shown.
"""

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from summit.model.base import Record
from summit.model.identity import match_items
from summit.model.invite import what_attendees_see
from summit.model.register import Delegate, Organisation, Register
from summit.model.replies import count_asked_again, sequence_raised, superseded_replies
from summit.model.schedule import Slot, schedule
from summit.model.sent import SentMethod
from summit.model.summit import (
    Action,
    ActionStatus,
    Commitment,
    CommitmentStatus,
    Invitation,
    Rsvp,
    Summit,
)

_R = TypeVar("_R", bound=Record)


# ── Words ───────────────────────────────────────────────────────────────────


def _quoted(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return f"'{flat if len(flat) <= limit else flat[: limit - 1] + '…'}'"


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and not _is_word(value):
        return _quoted(value)
    return str(value)


def _is_word(value: str) -> bool:
    return bool(value) and all(c.isalnum() or c in "-_.@+" for c in value)


def _was(name: str, old: Any, new: Any) -> str:
    """`venue now 'B' (was 'A')`; long text only says that it changed."""
    if _is_long(old) or _is_long(new):
        return f"{name} changed"
    return f"{name} now {_value(new)} (was {_value(old)})"


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and ("\n" in value.strip() or len(value) > 80)


def _field_changes(old: Record, new: Record, fields: Sequence[str]) -> list[str]:
    return [
        _was(name.replace("_", " "), getattr(old, name), getattr(new, name))
        for name in fields
        if getattr(old, name) != getattr(new, name)
    ]


# ── Names ───────────────────────────────────────────────────────────────────


class Names:
    """People and organisations by id, as people read them, from one or two registers."""

    def __init__(self, *registers: Register | None) -> None:
        self._registers = [r for r in registers if r is not None]

    def organisation(self, org_id: str) -> str:
        for register in self._registers:
            found = register.organisations.get(org_id)
            if found is not None:
                return found.name
        return org_id

    def person(self, delegate_id: str) -> str:
        for register in self._registers:
            found = register.delegate(delegate_id)
            if found is not None:
                return found.name
        return delegate_id

    def anyone(self, ref: str) -> str:
        """A delegate or organisation id, as `Name (Organisation)` or `Organisation`."""
        for register in self._registers:
            if register.find_delegate(ref) is not None or ref in register.organisations:
                return register.describe(ref)
        return ref


# ── A summit ────────────────────────────────────────────────────────────────

_SUMMIT_FIELDS = (
    "title",
    "convener",
    "organiser",
    "start",
    "end",
    "timezone",
    "venue",
    "status",
    "classification",
    "purpose",
    "reason",
    "handling",
    "follows",
)
_PEOPLE_FIELDS = frozenset({"convener", "organiser"})


def describe_summit_changes(
    old: Summit | None, new: Summit | None, names: Names | None = None
) -> list[str]:
    """Sentences saying how `old` became `new` (None: the file did not exist on that side)."""
    names = names or Names()
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [f"summit created: {_quoted(new.title)} on {_value(new.start)} at {new.venue}"]
    if new is None:
        return [f"summit deleted: {_quoted(old.title)} (was on {_value(old.start)})"]
    lines = _summit_fields(old, new, names)
    asked_again = sequence_raised(old, new)
    lines += _invitation_changes(old.invitations, new.invitations, names, asked_again)
    lines += _agenda_changes(old, new, names)
    lines += _list_changes(old.actions, new.actions, _action_changes)
    lines += _list_changes(old.commitments, new.commitments, _commitment_changes(names))
    lines += _invite_changes(old, new)
    lines += _sent_changes(old, new, names)
    return lines


def _summit_fields(old: Summit, new: Summit, names: Names) -> list[str]:
    lines = []
    for name in _SUMMIT_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name in _PEOPLE_FIELDS:
            lines.append(f"{name} now {names.anyone(after)} (was {names.anyone(before)})")
        else:
            lines.append(_was(name, before, after))
    return lines


def _invitation_changes(
    old: dict[str, Invitation],
    new: dict[str, Invitation],
    names: Names,
    asked_again: bool = False,
) -> list[str]:
    lines = []
    for org_id, invitation in new.items():
        org = names.organisation(org_id)
        before = old.get(org_id)
        if before is None:
            people = ", ".join(names.person(d) for d in invitation.rsvp) or "no delegates yet"
            lines.append(f"{org} invited ({people})")
            continue
        if before.attendance != invitation.attendance:
            lines.append(f"{org}: attendance {invitation.attendance} (was {before.attendance})")
        replies = _reply_changes(before, invitation, names, asked_again)
        lines += [f"{org}: {line}" for line in replies]
    lines += [
        f"{names.organisation(org_id)} no longer invited" for org_id in old if org_id not in new
    ]
    return lines


def _reply_changes(
    old: Invitation, new: Invitation, names: Names, asked_again: bool = False
) -> Iterator[str]:
    for delegate_id, reply in new.rsvp.items():
        before = old.rsvp.get(delegate_id)
        person = names.person(delegate_id)
        if before is None:
            yield f"{person} invited ({reply})"
        elif before != reply and not (asked_again and reply == Rsvp.NEEDS_ACTION):
            yield f"{person} {reply} (was {before})"
    for delegate_id, record in superseded_replies(old, new):
        yield (
            f"{names.person(delegate_id)} {record.reply} for an earlier time "
            f"(SEQUENCE {record.sequence}); asked again for the new time"
        )
    for delegate_id in old.rsvp:
        if delegate_id not in new.rsvp:
            yield f"{names.person(delegate_id)} no longer invited"
    yield from _attendance_changes(old, new, names)


_CAME = {True: "attended", False: "did not attend", None: "attendance not recorded"}
_WAS = {True: "attended", False: "did not attend", None: "not recorded"}


def _attendance_changes(old: Invitation, new: Invitation, names: Names) -> Iterator[str]:
    for delegate_id in dict.fromkeys([*new.attended, *old.attended]):
        before, after = old.attended.get(delegate_id), new.attended.get(delegate_id)
        if before != after and delegate_id in new.rsvp:
            yield f"{names.person(delegate_id)}: {_CAME[after]} (was {_WAS[before]})"


# Agenda items: paired by identity, with the computed times on each side.


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


def _agenda_changes(old: Summit, new: Summit, names: Names) -> list[str]:
    old_slots, new_slots = schedule(old), schedule(new)
    pairs = match_items(old.agenda, new.agenda)
    moved = _moved(pairs)
    lines = []
    for i, j in pairs:
        if i is None and j is not None:
            slot = new_slots[j]
            lines.append(f"agenda {_quoted(slot.item.title)} added at {_times(slot)}")
        elif j is None and i is not None:
            slot = old_slots[i]
            lines.append(f"agenda {_quoted(slot.item.title)} removed (was {_times(slot)})")
        elif i is not None and j is not None:
            clauses = _item_clauses(old_slots[i], new_slots[j], i in moved, names)
            if clauses:
                lines.append(f"agenda {_quoted(new_slots[j].item.title)}: {', '.join(clauses)}")
    return lines


def _item_clauses(old: Slot, new: Slot, moved: bool, names: Names) -> list[str]:
    before, after = old.item, new.item
    clauses = []
    if before.title != after.title:
        clauses.append(f"renamed from {_quoted(before.title)}")
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
    clauses += _field_changes(
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


# Actions and commitments.


def _list_changes(
    old: Sequence[_R], new: Sequence[_R], describe: Callable[[Any, Any], list[str]]
) -> list[str]:
    lines: list[str] = []
    for i, j in match_items(old, new):  # type: ignore[type-var]
        lines += describe(None if i is None else old[i], None if j is None else new[j])
    return lines


_ACTION_VERBS = {
    (ActionStatus.OPEN, ActionStatus.DONE): "closed (done)",
    (ActionStatus.OPEN, ActionStatus.DROPPED): "dropped",
    (ActionStatus.DONE, ActionStatus.OPEN): "reopened",
    (ActionStatus.DROPPED, ActionStatus.OPEN): "reopened",
}


def _action_changes(old: Action | None, new: Action | None) -> list[str]:
    if old is None and new is not None:
        due = f", due {new.due}" if new.due else ""
        return [f"action added: {_quoted(new.text)} ({new.owner}{due})"]
    if new is None and old is not None:
        return [f"action removed: {_quoted(old.text)}"]
    assert old is not None and new is not None
    lines = []
    if old.status != new.status:
        verb = _ACTION_VERBS.get((old.status, new.status), f"{new.status} (was {old.status})")
        lines.append(f"action {verb}: {_quoted(new.text)}")
    others = [f"text changed from {_quoted(old.text)}"] if old.text != new.text else []
    others += _field_changes(old, new, ("owner", "due", "classification"))
    if others:
        lines.append(f"action {_quoted(new.text)}: {', '.join(others)}")
    return lines


def _commitment_changes(
    names: Names,
) -> Callable[[Commitment | None, Commitment | None], list[str]]:
    def describe(old: Commitment | None, new: Commitment | None) -> list[str]:
        if old is None and new is not None:
            org = names.organisation(new.organisation)
            return [f"commitment added: {org}: {_quoted(new.text)}"]
        if new is None and old is not None:
            org = names.organisation(old.organisation)
            return [f"commitment removed: {org}: {_quoted(old.text)}"]
        assert old is not None and new is not None
        org = names.organisation(new.organisation)
        lines = []
        if old.status != new.status:
            verb = "reopened" if new.status == CommitmentStatus.OPEN else str(new.status)
            lines.append(f"commitment {verb} (was {old.status}): {org}: {_quoted(new.text)}")
        others = [f"text changed from {_quoted(old.text)}"] if old.text != new.text else []
        others += _field_changes(old, new, ("organisation", "agreed", "due", "classification"))
        if others:
            lines.append(f"commitment {org}: {_quoted(new.text)}: {', '.join(others)}")
        return lines

    return describe


# The invitation attendees hold.


def _invite_changes(old: Summit, new: Summit) -> list[str]:
    lines = []
    if new.invite is not None and old.invite != new.invite:
        if old.invite is None or old.invite.uid != new.invite.uid:
            lines.append(f"invite exported (SEQUENCE {new.invite.sequence})")
        elif old.invite.sequence != new.invite.sequence:
            lines.append(
                f"invite exported again (SEQUENCE {new.invite.sequence}, was {old.invite.sequence})"
            )
            asked = count_asked_again(old, new)
            if sequence_raised(old, new) and asked:
                lines.append(
                    f"{asked} repl{'y' if asked == 1 else 'ies'} asked again for the new time "
                    "(the earlier answers are kept)"
                )
    elif old.invite is not None and new.invite is None:
        lines.append("invite state removed: the next export starts a new meeting")
    if new.invite is not None and raises_sequence(old, new):
        lines.append(
            "attendees will see this: the next export raises the invite's SEQUENCE "
            f"to {new.invite.sequence + 1}"
        )
    return lines


_NAMED_AT_MOST = 6


def _sent_changes(old: Summit, new: Summit, names: Names) -> list[str]:
    """`summit send` recorded messages: what went, at which SEQUENCE, to whom (grouped)."""
    groups: dict[str, list[str]] = {}
    for org_id, sent in new.sent.items():
        before = old.sent.get(org_id)
        if before == sent:
            continue
        what = (
            "the cancellation"
            if sent.method is SentMethod.CANCEL
            else "the invitation"
            if before is None
            else "an update"
        )
        groups.setdefault(f"{what} (SEQUENCE {sent.sequence})", []).append(
            names.organisation(org_id)
        )
    lines = []
    for what, organisations in groups.items():
        shown = organisations[:_NAMED_AT_MOST]
        more = len(organisations) - len(shown)
        listed = ", ".join(shown) + (f" and {more} more" if more else "")
        lines.append(f"sent {what} to {listed}")
    return lines


def raises_sequence(old: Summit, new: Summit) -> bool:
    """Whether this change makes the next export issue a new SEQUENCE (see invite.issue).

    True when what attendees see (start, end, time zone, venue, status) differs
    from what they were last sent, and did not already differ before.
    """
    if new.invite is None:
        return False
    now = what_attendees_see(new).to_data()
    if new.invite.issued.to_data() == now:
        return False
    return old.invite != new.invite or what_attendees_see(old).to_data() != now


# ── The register ────────────────────────────────────────────────────────────


def describe_register_changes(old: Register | None, new: Register | None) -> list[str]:
    """Sentences saying how the register `old` became `new`."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        register = new or old
        assert register is not None
        people = sum(len(o.delegates) for o in register.organisations.values())
        verb = "created" if old is None else "deleted"
        return [f"register {verb}: {len(register.organisations)} organisations, {people} delegates"]
    lines: list[str] = []
    moved = _moved_delegates(old, new)
    for org_id, organisation in new.organisations.items():
        before = old.organisations.get(org_id)
        if before is None:
            lines.append(f"organisation added: {organisation.name} ({organisation.sector})")
            before = Organisation(name=organisation.name, sector=organisation.sector)
        else:
            lines += _organisation_fields(before, organisation)
        lines += _delegate_changes(before, organisation, moved, Names(new, old))
    for org_id, organisation in old.organisations.items():
        if org_id not in new.organisations:
            lines.append(f"organisation removed: {organisation.name}")
            gone = {d: x for d, x in organisation.delegates.items() if d not in moved}
            lines += [f"delegate removed: {d.name} ({organisation.name})" for d in gone.values()]
    return lines


def _organisation_fields(old: Organisation, new: Organisation) -> list[str]:
    lines = []
    if old.name != new.name:
        lines.append(f"organisation {_quoted(old.name)} renamed {_quoted(new.name)}")
    changes = _field_changes(old, new, ("sector", "website", "notes"))
    if changes:
        lines.append(f"{new.name}: {', '.join(changes)}")
    return lines


def _moved_delegates(old: Register, new: Register) -> dict[str, tuple[str, str]]:
    """Delegate ids that changed organisation: id -> (old organisation id, new one)."""
    before, after = old.delegate_index(), new.delegate_index()
    return {d: (before[d], org) for d, org in after.items() if d in before and before[d] != org}


def _delegate_changes(
    old: Organisation, new: Organisation, moved: dict[str, tuple[str, str]], names: Names
) -> list[str]:
    lines = []
    for delegate_id, delegate in new.delegates.items():
        before = old.delegates.get(delegate_id)
        if delegate_id in moved:
            from_org = names.organisation(moved[delegate_id][0])
            lines.append(f"delegate {delegate.name} moved from {from_org} to {new.name}")
        elif before is None:
            lines.append(f"delegate added: {delegate.name} ({new.name}), {delegate.job_title}")
            continue
        if before is not None:
            lines += _delegate_fields(before, delegate, new.name)
    for delegate_id, delegate in old.delegates.items():
        if delegate_id not in new.delegates and delegate_id not in moved:
            lines.append(f"delegate removed: {delegate.name} ({old.name})")
    return lines


def _delegate_fields(old: Delegate, new: Delegate, org_name: str) -> list[str]:
    if old == new:
        return []
    changes = []
    if old.name != new.name:
        changes.append(f"renamed from {_quoted(old.name)}")
    changes += _field_changes(old, new, ("job_title", "email", "phone"))
    if old.personal != new.personal:
        # Personal data is for running the day only: say that it changed, never what it is.
        changes.append("access/dietary needs changed")
    return [f"{new.name} ({org_name}): {', '.join(changes)}"] if changes else []
