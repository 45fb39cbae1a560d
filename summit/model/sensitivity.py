"""What may leave the department: the one filter every external output goes through.

An agenda item, an action or a commitment marked OFFICIAL-SENSITIVE (in a
summit of any classification) stays inside: invites, e-mails, the agenda
calendar, the note circulated to attendees, the press notice and the
transparency return are all built from `shareable(summit)`, never from the
summit itself. A summit that is itself OFFICIAL-SENSITIVE goes out with its
`public_purpose` in place of its purpose (`external_purpose`). Internal papers
use the summit as it is, and mark each such record.
"""

from summit.model.summit import (
    Action,
    AgendaItem,
    Classification,
    Commitment,
    Summit,
)

WITHHELD_TITLE = "Closed session"
"""What external readers see in place of a sensitive agenda item, so later times still add up."""


def is_sensitive(record: AgendaItem | Action | Commitment) -> bool:
    return record.classification is Classification.OFFICIAL_SENSITIVE


def external_purpose(summit: Summit) -> str | None:
    """What outside readers are told the summit is for: never a sensitive summit's purpose."""
    if summit.public_purpose:
        return summit.public_purpose
    if summit.classification is Classification.OFFICIAL_SENSITIVE:
        return None  # validation asks for a public_purpose; without one, say nothing
    return summit.purpose


def _withheld(item: AgendaItem) -> AgendaItem:
    # Only the kind and the length survive: the slot keeps every later item's time right,
    # and nothing of what it is about (title, lead, text) goes out.
    return AgendaItem(
        id=item.id,
        title=WITHHELD_TITLE,
        kind=item.kind,
        minutes=item.minutes,
        classification=item.classification,
    )


def shareable(summit: Summit) -> Summit:
    """The summit as it may leave the department: sensitive records withheld.

    Sensitive agenda items become a closed session of the same length; sensitive
    actions and commitments are left out. Lines to take and background are for
    the chair alone and are left out of every item. The purpose is the one outside
    readers may be told (`external_purpose`). The summit given is not changed.
    """
    agenda = [
        _withheld(item)
        if is_sensitive(item)
        else item.model_copy(update={"lines_to_take": None, "background": None})
        for item in summit.agenda
    ]
    return summit.model_copy(
        update={
            "purpose": external_purpose(summit),
            "agenda": agenda,
            "actions": [a for a in summit.actions if not is_sensitive(a)],
            "commitments": [c for c in summit.commitments if not is_sensitive(c)],
        }
    )
