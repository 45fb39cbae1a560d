"""What changed in who is invited and what they said: invitations, replies, attendance,
the invitation attendees hold and what `summit send` recorded."""

from collections.abc import Iterator

from summit.model.changes.names import Names
from summit.model.invite import what_attendees_see
from summit.model.replies import count_asked_again, sequence_raised, superseded_replies
from summit.model.sent import SentMethod
from summit.model.summit import Invitation, Rsvp, Summit


def invitation_changes(
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


def invite_changes(old: Summit, new: Summit) -> list[str]:
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


def sent_changes(old: Summit, new: Summit, names: Names) -> list[str]:
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
