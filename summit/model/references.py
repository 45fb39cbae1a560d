"""Where a person or an organisation of the register is used by the summits, in words.

Said when a removal is refused, so that the official knows what to change first:
"Helen Marsh (Internet Watch Foundation) leads 'The scale of ...' in online-safety-summit".
"""

from collections.abc import Collection, Iterator, Mapping

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


def refusals(refs: Collection[str], register: Register, summits: Mapping[str, Summit]) -> list[str]:
    """Why each of `refs` that the summits use cannot be removed."""
    return [reason for ref in refs if (reason := refusal(ref, register, summits)) is not None]


def removed_refs(old: Register, new: Register) -> list[str]:
    """The organisations and delegates of `old` that `new` no longer has, in file order."""
    kept = {ref for org_id, org in new.organisations.items() for ref in (org_id, *org.delegates)}
    return [
        ref
        for org_id, org in old.organisations.items()
        for ref in (org_id, *org.delegates)
        if ref not in kept
    ]


def led_items(refs: Collection[str], summits: Mapping[str, Summit]) -> list[tuple[str, str]]:
    """Each agenda item that one of `refs` leads, as (summit id, item title)."""
    return [
        (summit_id, item.title)
        for summit_id, summit in summits.items()
        for item in summit.agenda
        if item.lead in refs
    ]


def only_leads_and_invitations(refs: Collection[str], summits: Mapping[str, Summit]) -> bool:
    """Whether a new lead (and uninviting) is all that keeps `refs` in use.

    A convener, an organiser or an owner of outputs needs the official's own
    decision, so removal stays refused for those.
    """
    for summit in summits.values():
        if summit.convener in refs or summit.organiser in refs:
            return False
        if any(action.owner in refs for action in summit.actions):
            return False
        if any(commitment.organisation in refs for commitment in summit.commitments):
            return False
    return True


def hand_over(
    refs: Collection[str], new_lead: str, summits: Mapping[str, Summit]
) -> dict[str, Summit]:
    """Copies of the summits that use `refs`: their items led by `new_lead`, `refs` uninvited."""
    changed: dict[str, Summit] = {}
    for summit_id, summit in summits.items():
        copy = summit.model_copy(deep=True)
        for item in copy.agenda:
            if item.lead in refs:
                item.lead = new_lead
        for org_id, invitation in list(copy.invitations.items()):
            gone = [d for d in invitation.rsvp if d in refs]
            for delegate_id in gone:
                invitation.uninvite(delegate_id)
            if org_id in refs or (gone and not invitation.rsvp):
                del copy.invitations[org_id]
        if copy != summit:
            changed[summit_id] = copy
    return changed
