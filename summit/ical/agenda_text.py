"""The agenda as plain text: the body of an invite's DESCRIPTION and of its e-mail."""

from summit.ical.audience import Audience
from summit.model import Classification, Register, Summit
from summit.model.schedule import schedule


def _when(summit: Summit) -> str:
    return f"{summit.start:%A %d %B %Y, %H:%M} ({summit.timezone})"


def agenda_lines(summit: Summit, audience: Audience) -> list[str]:
    lines = []
    for slot in schedule(summit):
        item = slot.item
        line = f"{slot.start:%H:%M}-{slot.end:%H:%M}  {item.title}"
        if item.lead:
            line += f" (lead: {audience.describe(item.lead)})"
        lines.append(line)
        if item.objective:
            lines.append(f"             Objective: {item.objective}")
    return lines


def invite_text(summit: Summit, register: Register, audience: Audience | None = None) -> str:
    """What a delegate reads in the invite: purpose, agenda with times and leads.

    People outside `audience` (by default, everyone may be named) are named by
    their organisation only.
    """
    readers = audience or Audience(register)
    parts = []
    if summit.classification is Classification.OFFICIAL_SENSITIVE:
        parts.append(str(summit.classification))
    parts.append(summit.title)
    parts.append(f"{_when(summit)}\n{summit.venue}")
    parts.append(f"Convened by {readers.describe(summit.convener)}.")
    if summit.purpose:
        parts.append(f"Purpose\n{summit.purpose.strip()}")
    if summit.agenda:
        parts.append("Agenda\n" + "\n".join(agenda_lines(summit, readers)))
    person = register.delegate(summit.organiser)
    if person is not None:
        parts.append(f"Contact: {person.name}, {person.job_title}, {person.email}")
    parts.append(str(summit.classification))
    return "\n\n".join(parts)
