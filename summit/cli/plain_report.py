"""`summit --plain show` and `overview`: one labelled value per line, for screen readers.

Braille displays and speech read a table's box-drawing characters aloud and lose
the column a value belongs to. In plain output every value is on a line with its
label ("Google, Daniel Reyes: accepted"), times read as "09:30 to 09:45", and
nothing is said by colour or layout alone.
"""

from rich.console import Console

from summit.model import Register, Rsvp, Summit, dates
from summit.model.coming import coming_and_past
from summit.model.replies import reply_note
from summit.model.schedule import agenda_end, planned_end, schedule, total_minutes
from summit.model.wording import counted
from summit.store import Dataset


def _say(out: Console, line: str = "") -> None:
    out.print(line, markup=False, highlight=False, soft_wrap=True)


def _one_line(text: str) -> str:
    """Each value on its own labelled line: a text's line breaks would start unlabelled ones."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def more_details(summit: Summit) -> list[tuple[str, str]]:
    """What `summit edit` sets beyond the heading, as (label, value), when given."""
    found = []
    if summit.reply_by is not None:
        found.append(("Replies asked by", f"{summit.reply_by:%A %d %B %Y}"))
    if summit.follows is not None:
        found.append(("Follows", summit.follows))
    for label, text in (
        ("Purpose", summit.purpose),
        ("Public purpose", summit.public_purpose),
        ("Why it is happening", summit.reason),
        ("Handling", summit.handling),
    ):
        if text:
            found.append((label, _one_line(text)))
    return found


def _heading(out: Console, summit_id: str, summit: Summit, register: Register) -> None:
    _say(out, f"Summit: {summit_id}")
    _say(out, f"Title: {summit.title}")
    _say(out, f"When: {summit.start:%A %d %B %Y, %H:%M} ({summit.timezone})")
    _say(out, f"Venue: {summit.venue}")
    _say(out, f"Convened by: {register.describe(summit.convener)}")
    _say(out, f"Invites sent by: {register.describe(summit.organiser)}")
    _say(out, f"Status: {summit.status}")
    _say(out, f"Classification: {summit.classification}")
    for label, value in more_details(summit):
        _say(out, f"{label}: {value}")


def _agenda(out: Console, summit: Summit, register: Register) -> None:
    slots = schedule(summit)
    summary = f"{counted(len(slots), 'item')}, {counted(total_minutes(summit), 'minute')}"
    if slots:
        summary += f", ending {agenda_end(summit):%H:%M}"
    planned = planned_end(summit)
    if planned is not None:
        summary += f"; planned end {planned:%H:%M}"
    _say(out)
    _say(out, f"Agenda: {summary}")
    describe = register.describer()
    for number, slot in enumerate(slots, start=1):
        item = slot.item
        parts = [f"{slot.start:%H:%M} to {slot.end:%H:%M}", item.title]
        if item.kind == "break":
            parts.append("a break")
        if item.lead:
            parts.append(f"led by {describe(item.lead)}")
        parts.append(f"{item.minutes} minutes")
        _say(out, f"Item {number}: {', '.join(parts)}")


def _invitees(out: Console, summit: Summit, register: Register) -> None:
    counts = summit.rsvp_counts()
    summary = ", ".join(f"{count} {reply}" for reply, count in counts.items() if count)
    _say(out)
    _say(out, f"Invitees: {summary or 'none'}")
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        org_name = organisation.name if organisation else org_id
        if invitation.attendance == "optional":
            org_name += " (optional)"
        if not invitation.rsvp:
            _say(out, f"{org_name}: nobody invited yet")
        for delegate_id, reply in invitation.rsvp.items():
            delegate = organisation.delegates.get(delegate_id) if organisation else None
            said = " ".join(filter(None, [str(reply), reply_note(invitation, delegate_id)]))
            came = invitation.attended.get(delegate_id)
            if came is not None:
                said += "; attended" if came else "; did not attend"
            _say(out, f"{org_name}, {delegate.name if delegate else delegate_id}: {said}")


def _outputs(out: Console, summit: Summit, register: Register) -> None:
    if not (summit.actions or summit.commitments):
        return
    _say(out)
    actions, commitments = len(summit.actions), len(summit.commitments)
    _say(out, f"Outputs: {counted(actions, 'action')}, {counted(commitments, 'commitment')}")
    describe = register.describer()
    for action in summit.actions:
        due = f", due {action.due:%d %B %Y}" if action.due else ""
        who = describe(action.owner)
        _say(out, f"Action, {action.status}: {_one_line(action.text)} (owner {who}{due})")
    for commitment in summit.commitments:
        due = f", due {commitment.due:%d %B %Y}" if commitment.due else ""
        who = describe(commitment.organisation)
        text = _one_line(commitment.text)
        _say(out, f"Commitment, {commitment.status}: {who}: {text}{due}")


def plain_summit(out: Console, summit_id: str, summit: Summit, register: Register) -> None:
    _heading(out, summit_id, summit, register)
    _agenda(out, summit, register)
    _invitees(out, summit, register)
    _outputs(out, summit, register)


def plain_overview(out: Console, dataset: Dataset) -> None:
    _say(out, f"Data: {dataset.root}")
    summits = {summit_id: doc.record for summit_id, doc in dataset.summits.items()}
    coming, past = coming_and_past({k: s.start for k, s in summits.items()}, dates.today())
    for heading, ids in (("Coming", coming), ("Past", past)):
        _say(out, f"{heading}: {counted(len(ids), 'summit')}")
        for summit_id in ids:
            summit = summits[summit_id]
            counts = summit.rsvp_counts()
            accepted = f"{counts[Rsvp.ACCEPTED]} of {sum(counts.values())} accepted"
            _say(
                out,
                f"{summit_id}: {summit.title}; {summit.start:%d %B %Y %H:%M}; "
                f"{summit.status}; {accepted}",
            )
