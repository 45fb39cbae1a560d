"""Which summits' findings a change to the register can alter.

A summit's findings look the register up only by the ids the summit names
(`_SummitChecker` in summit.model.checks): an organisation it invites, owns an
action or made a commitment; a delegate it names as convener, organiser, lead
or invitee, found through the delegate index. So after a change, a summit that
names none of the organisations changed (replaced, added or removed) nor any of
their delegates, before or after, finds what it found. Except for an error: a
reference to an id the register lacks says which known id it may have meant,
chosen among them all, so a summit with an error is always checked again.
(tests/test_workspace_checks.py holds the narrowed checks to the full ones.)
"""

from collections.abc import Mapping

from summit.model.checks import DatasetChecks, Finding, Severity, check_register, check_summit
from summit.model.register import Register
from summit.model.summit import Summit


def changed_ids(before: Register, after: Register) -> frozenset[str]:
    """The organisations replaced, added or removed, and every delegate of them."""
    old, new = before.organisations, after.organisations
    changed: set[str] = set()
    for org_id in old.keys() | new.keys():
        was, now = old.get(org_id), new.get(org_id)
        if was is now:  # records are never changed in place: the same one, unchanged
            continue
        changed.add(org_id)
        for organisation in (was, now):
            if organisation is not None:
                changed.update(organisation.delegates)
    return frozenset(changed)


def named_ids(summit: Summit) -> set[str]:
    """Every register id the summit names, as the checks look them up."""
    named = {summit.convener, summit.organiser}
    for org_id, invitation in summit.invitations.items():
        named.add(org_id)
        named.update(invitation.rsvp)
    named.update(item.lead for item in summit.agenda if item.lead is not None)
    named.update(action.owner for action in summit.actions)
    named.update(commitment.organisation for commitment in summit.commitments)
    return named


def still_holds(summit: Summit, findings: list[Finding], changed: frozenset[str]) -> bool:
    """Whether the summit's findings hold after a register change of `changed` ids."""
    if any(finding.severity is Severity.ERROR for finding in findings):
        return False
    return changed.isdisjoint(named_ids(summit))


def checks_after_change(
    before: DatasetChecks,
    register_before: Register,
    register: Register,
    summits: Mapping[str, Summit],
    broken: frozenset[str] = frozenset(),
) -> DatasetChecks:
    """What checking everything finds after a change to the register alone: `before` is
    what it found with `register_before` and these very summits (and broken records)."""
    changed = changed_ids(register_before, register)
    delegates: dict[str, str] | None = None
    found: dict[str, list[Finding]] = {}
    for summit_id, summit in summits.items():
        kept = before.summits.get(summit_id)
        if kept is not None and still_holds(summit, kept, changed):
            found[summit_id] = kept
            continue
        if delegates is None:
            delegates = register.delegate_index()
        found[summit_id] = check_summit(summit_id, summit, register, delegates, broken)
    return DatasetChecks(list(check_register(register)), found, before.series)
