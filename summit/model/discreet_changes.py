"""What changed, said so that it may travel: sensitive records named by their place.

Commit subjects and bodies reach the remote's web pages and notifications, so
`summit log`, the app's commit message and its history screen describe a
summit through `describe_discreetly`: a record marked OFFICIAL-SENSITIVE (on
either side of the change) is "agenda item 5, sensitive", never its text; a
summit that is itself OFFICIAL-SENSITIVE is named by its id, its title,
purposes, reason and handling never quoted, and every record in it is named by
its place, marked or not.

Why every record: an unmarked item of a sensitive summit still goes to the
attendees invited to it (`sensitivity.shareable` keeps it), but a commit
message goes further, to whoever reads the remote's pages and notifications,
who were never told what the summit is about; its agenda would tell them.
"""

from collections.abc import Sequence
from typing import TypeVar

from summit.model.changes import Names, describe_summit_changes
from summit.model.identity import match_items
from summit.model.sensitivity import is_sensitive
from summit.model.summit import Action, AgendaItem, Classification, Commitment, Summit

_Record = TypeVar("_Record", AgendaItem, Action, Commitment)

# Everything a record says; the id, length, lead, dates and statuses are not its text.
_TEXT = {
    AgendaItem: (
        "title",
        "topic",
        "objective",
        "notes",
        "lines_to_take",
        "background",
        "summary",
        "decisions",
    ),
    Action: ("text",),
    Commitment: ("text",),
}
_NAME = {AgendaItem: "title", Action: "text", Commitment: "text"}
_WHAT = {AgendaItem: "agenda item", Action: "action", Commitment: "commitment"}


def describe_discreetly(
    summit_id: str, old: Summit | None, new: Summit | None, names: Names | None = None
) -> list[str]:
    """`describe_summit_changes`, with nothing sensitive quoted."""
    said: list[str] = []
    whole = _sensitive_summit(old) or _sensitive_summit(new)
    if whole:
        old, new = _unnamed(summit_id, old, new, said)
    if old is not None and new is not None:
        old, new = _placed(old, new, said, whole=whole)
    return describe_summit_changes(old, new, names) + said


def _sensitive_summit(summit: Summit | None) -> bool:
    return summit is not None and summit.classification is Classification.OFFICIAL_SENSITIVE


def _unnamed(
    summit_id: str, old: Summit | None, new: Summit | None, said: list[str]
) -> tuple[Summit | None, Summit | None]:
    hidden = {
        "title": f"summit {summit_id}, sensitive",
        "purpose": None,
        "public_purpose": None,
        "reason": None,
        "handling": None,
    }
    if old is not None and new is not None:
        said += [f"{name.replace('_', ' ')} changed" for name in hidden if _differs(old, new, name)]
    return (
        None if old is None else old.model_copy(update=hidden),
        None if new is None else new.model_copy(update=hidden),
    )


def _differs(old: object, new: object, name: str) -> bool:
    return bool(getattr(old, name) != getattr(new, name))


def _placed(old: Summit, new: Summit, said: list[str], *, whole: bool) -> tuple[Summit, Summit]:
    """Each sensitive record (every record, when the summit is: `whole`) named by its place."""
    lists = {}
    for field in ("agenda", "actions", "commitments"):
        before, after = _mask(getattr(old, field), getattr(new, field), said, whole)
        lists[field] = (before, after)
    return (
        old.model_copy(update={k: v[0] for k, v in lists.items()}),
        new.model_copy(update={k: v[1] for k, v in lists.items()}),
    )


def _mask(
    old: Sequence[_Record], new: Sequence[_Record], said: list[str], whole: bool
) -> tuple[list[_Record], list[_Record]]:
    before, after = list(old), list(new)
    for i, j in match_items(old, new):
        records = [r for r in (None if i is None else old[i], None if j is None else new[j]) if r]
        if not whole and not any(is_sensitive(r) for r in records):
            continue
        kind = type(records[0])
        place = f"{_WHAT[kind]} {(j if j is not None else i or 0) + 1}, sensitive"
        hidden = dict.fromkeys(_TEXT[kind]) | {_NAME[kind]: place}
        if (
            i is not None
            and j is not None
            and any(_differs(old[i], new[j], f) for f in _TEXT[kind])
        ):
            said.append(f"{place}: changed")
        if i is not None:
            before[i] = old[i].model_copy(update=hidden)
        if j is not None:
            after[j] = new[j].model_copy(update=hidden)
    return before, after
