"""The handler of `summit edit` (see summit.cli.details_verb): a summit's own fields."""

import argparse
from typing import Any

from rich.console import Console

from summit.cli.summit_edit import Refused, delegate_named, edit_summit
from summit.model import Register, Summit, SummitStatus, dates

_FIELDS = ("title", "start", "end", "timezone", "venue", "status", "classification")
_TEXTS = ("purpose", "public_purpose", "reason", "handling")
_OPTIONS = {name: f"--{name.replace('_', '-')}" for name in (*_FIELDS, *_TEXTS, "reply_by")}


def _changes(args: argparse.Namespace, register: Register) -> dict[str, Any]:
    """The fields the options give; "" removes an optional text, a reply-by day."""
    given: dict[str, Any] = {
        name: getattr(args, name) for name in _FIELDS if getattr(args, name) is not None
    }
    for name in _TEXTS:
        text = getattr(args, name)
        if text is not None:
            given[name] = text or None
    if hasattr(args, "reply_by"):  # absent unless given; "" gives None: removed
        given["reply_by"] = args.reply_by
    for name in ("convener", "organiser"):
        reference = getattr(args, name)
        if reference is not None:
            given[name] = delegate_named(register, name, reference)
    return given


def _status_allowed(summit_id: str, summit: Summit, given: dict[str, Any]) -> None:
    """A status that would be untrue is refused: held before the day (the return and the
    papers read it as having taken place), and any status for a cancelled summit (its
    invitees hold a cancellation: a new summit is the way to meet again)."""
    status = given.get("status")
    if status is None or status == summit.status:
        return
    if summit.status is SummitStatus.CANCELLED:
        raise Refused(
            "it is cancelled: to meet after all, start a new summit (summit new NEW-ID "
            f"--from {summit_id} ...): calendars that hold its cancellation may not take "
            "it back"
        )
    start = given.get("start", summit.start)
    if status == SummitStatus.HELD and start.date() > dates.today():
        raise Refused(f"--status held: it is on {start:%-d %B %Y}, a day still to come")


def edit_details(args: argparse.Namespace, out: Console, err: Console) -> int:
    def edit(summit: Summit, register: Register) -> Summit:
        given = _changes(args, register)
        if not given:
            raise Refused("say what to change, such as --venue or --start (see --help)")
        _status_allowed(args.summit_id, summit, given)
        data = {**summit.to_data(), **given}
        if "start" in given and "end" not in given and summit.end is not None:
            # A new start alone moves the meeting: it keeps its length.
            data["end"] = given["start"] + (summit.end - summit.start)
        return Summit.model_validate({k: v for k, v in data.items() if v is not None})

    return edit_summit(args, out, err, edit, _OPTIONS)
