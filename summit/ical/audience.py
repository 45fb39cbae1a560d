"""Whose people an invite may name: everyone, or one organisation and the host's people.

The host is the organisation of the summit's organiser: the department whose
official sends the invites and appears as their ORGANIZER. A per-organisation
invite goes to one company, which must not learn from it who else is coming;
so it names that organisation's delegates and the host's people only. Anyone
else (a convener or session lead from another organisation) is named by their
organisation, and never listed as an attendee. The host's own invite names
everyone, as the organisers' does.
"""

from dataclasses import dataclass

from summit.model import Register, Summit


def host_organisation(summit: Summit, register: Register) -> str | None:
    """The organiser's organisation: the host department."""
    found = register.find_delegate(summit.organiser)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Audience:
    """Everyone (`organisations` is None), or the organisations whose people may be named."""

    register: Register
    organisations: frozenset[str] | None = None

    def sees(self, org_id: str) -> bool:
        return self.organisations is None or org_id in self.organisations

    def describe(self, ref: str) -> str:
        """A delegate or organisation as this audience may read it."""
        found = self.register.find_delegate(ref)
        if found is not None and not self.sees(found[0]):
            return self.register.organisations[found[0]].name
        return self.register.describe(ref)


def audience(summit: Summit, register: Register, only: str | None = None) -> Audience:
    """Everyone, or (with `only`) that organisation and the host.

    The host's own people read what the organisers do: everyone. Their copy is
    the one their calendar keeps, so it lists the meeting as it is, not as one
    company is told it.
    """
    host = host_organisation(summit, register)
    if only is None or only == host:
        return Audience(register)
    return Audience(register, frozenset(o for o in (only, host) if o is not None))
