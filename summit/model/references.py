"""Where a person or an organisation of the register is used by the summits, in words.

Said when a removal is refused, so that the official knows what to change first:
"Helen Marsh (Internet Watch Foundation) leads 'The scale of ...' in online-safety-summit".
"""

from collections.abc import Iterator, Mapping

from summit.model.register import Register
from summit.model.summit import Summit


def uses_of(ref: str, summits: Mapping[str, Summit]) -> list[str]:
    """Each use of a delegate or organisation id by the summits, one phrase each."""
    return [use for summit_id, summit in summits.items() for use in _uses(ref, summit_id, summit)]


def _uses(ref: str, summit_id: str, summit: Summit) -> Iterator[str]:
    if summit.convener == ref:
        yield f"chairs {summit_id}"
    if summit.organiser == ref:
        yield f"sends the invites of {summit_id}"
    for org_id, invitation in summit.invitations.items():
        if ref == org_id or ref in invitation.rsvp:
            yield f"is invited to {summit_id}"
    for item in summit.agenda:
        if item.lead == ref:
            yield f"leads {item.title!r} in {summit_id}"
    if any(action.owner == ref for action in summit.actions):
        yield f"owns actions in {summit_id}"
    if any(commitment.organisation == ref for commitment in summit.commitments):
        yield f"made commitments in {summit_id}"


def refusal(ref: str, register: Register, summits: Mapping[str, Summit]) -> str | None:
    """Why `ref` cannot be removed from the register, or None when nothing uses it."""
    uses = uses_of(ref, summits)
    if not uses:
        return None
    shown = "; ".join(dict.fromkeys(uses))
    return f"{register.describe(ref)} cannot be removed: {shown}. Change that first."
