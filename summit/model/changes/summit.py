"""What changed in a summit: its own fields, then invitations, agenda, actions, commitments."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from summit.model.base import Record
from summit.model.changes.agenda import agenda_changes
from summit.model.changes.invitations import invitation_changes, invite_changes, sent_changes
from summit.model.changes.names import Names
from summit.model.changes.words import field_changes, now_was, quoted, shown
from summit.model.identity import match_items
from summit.model.replies import sequence_raised
from summit.model.summit import Action, ActionStatus, Commitment, CommitmentStatus, Summit

_R = TypeVar("_R", bound=Record)

_SUMMIT_FIELDS = (
    "title",
    "convener",
    "organiser",
    "start",
    "end",
    "reply_by",
    "timezone",
    "venue",
    "status",
    "classification",
    "purpose",
    "public_purpose",
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
        return [f"summit created: {quoted(new.title)} on {shown(new.start)} at {new.venue}"]
    if new is None:
        return [f"summit deleted: {quoted(old.title)} (was on {shown(old.start)})"]
    lines = _summit_fields(old, new, names)
    asked_again = sequence_raised(old, new)
    lines += invitation_changes(old.invitations, new.invitations, names, asked_again)
    lines += agenda_changes(old, new, names)
    lines += _list_changes(old.actions, new.actions, _action_changes(names))
    lines += _list_changes(old.commitments, new.commitments, _commitment_changes(names))
    lines += invite_changes(old, new)
    lines += sent_changes(old, new, names)
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
            lines.append(now_was(name.replace("_", " "), before, after))
    return lines


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


def _action_changes(names: Names) -> Callable[[Action | None, Action | None], list[str]]:
    def describe(old: Action | None, new: Action | None) -> list[str]:
        if old is None and new is not None:
            due = f", due {new.due}" if new.due else ""
            return [f"action added: {quoted(new.text)} ({names.organisation(new.owner)}{due})"]
        if new is None and old is not None:
            return [f"action removed: {quoted(old.text)}"]
        assert old is not None and new is not None
        lines = []
        if old.status != new.status:
            verb = _ACTION_VERBS.get((old.status, new.status), f"{new.status} (was {old.status})")
            lines.append(f"action {verb}: {quoted(new.text)}")
        others = [f"text changed from {quoted(old.text)}"] if old.text != new.text else []
        others += field_changes(old, new, ("owner", "due", "classification"))
        if others:
            lines.append(f"action {quoted(new.text)}: {', '.join(others)}")
        return lines

    return describe


def _commitment_changes(
    names: Names,
) -> Callable[[Commitment | None, Commitment | None], list[str]]:
    def describe(old: Commitment | None, new: Commitment | None) -> list[str]:
        if old is None and new is not None:
            org = names.organisation(new.organisation)
            return [f"commitment added: {org}: {quoted(new.text)}"]
        if new is None and old is not None:
            org = names.organisation(old.organisation)
            return [f"commitment removed: {org}: {quoted(old.text)}"]
        assert old is not None and new is not None
        org = names.organisation(new.organisation)
        lines = []
        if old.status != new.status:
            verb = "reopened" if new.status == CommitmentStatus.OPEN else str(new.status)
            lines.append(f"commitment {verb} (was {old.status}): {org}: {quoted(new.text)}")
        others = [f"text changed from {quoted(old.text)}"] if old.text != new.text else []
        others += field_changes(old, new, ("organisation", "agreed", "due", "classification"))
        if others:
            lines.append(f"commitment {org}: {quoted(new.text)}: {', '.join(others)}")
        return lines

    return describe
