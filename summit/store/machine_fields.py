"""Merge rules for what summit writes itself, so that a merge never asks a person about it.

Nobody types `[sent.*]`, `[invite]` or a recorded reply's metadata: `summit
send`, the export and the reply import write them, each as a record of
something that happened. When two colleagues' versions differ there, the
answer follows from what happened, not from a choice:

- `[sent.<organisation>]`: what the organisation was last sent. Both sides'
  organisations are kept (the union); for one organisation the later `at`
  (then the higher SEQUENCE) wins, and a record is never dropped because one
  side deleted it. Two records of the same send (one side withdrew someone,
  the other sent a reminder) are joined: `to` holds whom both still count.
- `[invite]`: SEQUENCE only grows, and the side that issued the higher one
  brings its `[invite.issued]`. The same SEQUENCE issued with different
  details on the two sides (two offline sends) becomes the next SEQUENCE, with
  ours' details, so the next send brings every organisation to one version.
  Two different UIDs remain a conflict: two different meetings were issued.
- `invitations.<org>.replied.<delegate>`: the reply that answered the higher
  SEQUENCE, then the newer DTSTAMP, wins (a reply recorded by hand, without a
  stamp, is older than any imported one); and where each side's `rsvp` for
  the delegate is the reply it recorded, `rsvp` follows the winning reply.

Data only (plain TOML values in, a value out); `None` means no rule applies.
"""

from datetime import UTC, datetime
from typing import Any

_OLDEST = datetime.min.replace(tzinfo=UTC)


def settle(path: tuple[str | int, ...], b: Any, o: Any, t: Any) -> Any | None:
    """The merged value of a machine-written field both sides changed, or None."""
    if path == ("invite",) and isinstance(o, dict) and isinstance(t, dict):
        return invite_state(o, t)
    if len(path) == 2 and path[0] == "sent":
        if isinstance(o, dict) and isinstance(t, dict) and _sent_order(o) == _sent_order(t):
            return _same_send(o, t)
        return _later(o, t, _sent_order)
    replied = len(path) == 4 and path[0] == "invitations" and path[2] == "replied"
    if replied and isinstance(o, dict) and isinstance(t, dict):
        return _later(o, t, _reply_order)
    return None


def _later(o: Any, t: Any, order: Any) -> Any | None:
    """The later of two records; one side's deletion never drops the other's record."""
    kept = [side for side in (o, t) if isinstance(side, dict)]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return t if order(t) > order(o) else o


def _same_send(o: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
    """One send's record, each side having noted something since without a new send: a
    withdrawal (someone left `to`) or a reminder (`reminded`). Both hold: whoever either
    side withdrew no longer holds the invitation (else they would be withdrawn twice)."""
    merged = dict(o)
    if isinstance(o.get("to"), list) and isinstance(t.get("to"), list):
        merged["to"] = [address for address in o["to"] if address in t["to"]]
    reminded = [r for r in (o.get("reminded"), t.get("reminded")) if isinstance(r, datetime)]
    if reminded:
        merged["reminded"] = max(reminded)
    kept = {*o.get("not_withdrawn", []), *t.get("not_withdrawn", [])} & set(merged.get("to", []))
    if kept:
        merged["not_withdrawn"] = sorted(kept)
    else:
        merged.pop("not_withdrawn", None)
    return merged


def _sent_order(record: dict[str, Any]) -> tuple[datetime, int]:
    at = record.get("at")
    return (at if isinstance(at, datetime) else _OLDEST, _number(record.get("sequence")))


def _reply_order(record: dict[str, Any]) -> tuple[int, datetime]:
    stamp = record.get("stamp")
    return (_number(record.get("sequence")), stamp if isinstance(stamp, datetime) else _OLDEST)


def _number(value: Any) -> int:
    return value if isinstance(value, int) else -1


def invite_state(o: dict[str, Any], t: dict[str, Any]) -> dict[str, Any] | None:
    """The merged `[invite]` of one meeting (one UID); None for two different UIDs."""
    if o.get("uid") != t.get("uid"):
        return None
    ours, theirs = _number(o.get("sequence")), _number(t.get("sequence"))
    if ours != theirs:
        return o if ours > theirs else t
    if o.get("issued") != t.get("issued"):
        # Both issued this SEQUENCE, differently: the next one makes every calendar agree.
        return {**o, "sequence": ours + 1}
    return None


def aligned(path: tuple[str | int, ...], o: Any, t: Any) -> tuple[Any, Any]:
    """Two versions of one invitation, each delegate's recorded reply (and the `rsvp` it
    set) made the winning one on both sides, so the generic merge finds them equal;
    anything else as it is."""
    if len(path) != 2 or path[0] != "invitations":
        return o, t
    if not isinstance(o, dict) or not isinstance(t, dict):
        return o, t
    o_replied, t_replied = o.get("replied"), t.get("replied")
    if not isinstance(o_replied, dict) or not isinstance(t_replied, dict):
        return o, t
    sides = [
        {**o, "rsvp": dict(o.get("rsvp", {})), "replied": dict(o_replied)},
        {**t, "rsvp": dict(t.get("rsvp", {})), "replied": dict(t_replied)},
    ]
    for delegate in o_replied.keys() & t_replied.keys():
        ours, theirs = o_replied[delegate], t_replied[delegate]
        if not (isinstance(ours, dict) and isinstance(theirs, dict)) or ours == theirs:
            continue
        winner = theirs if _reply_order(theirs) > _reply_order(ours) else ours
        for side, own in zip(sides, (ours, theirs), strict=True):
            if side["rsvp"].get(delegate) == own.get("reply"):
                side["rsvp"][delegate] = winner.get("reply")
            side["replied"][delegate] = winner
    return sides[0], sides[1]
