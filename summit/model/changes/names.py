"""People and organisations by id, as the change descriptions name them."""

from summit.model.register import Register


class Names:
    """People and organisations by id, as people read them, from one or two registers."""

    def __init__(self, *registers: Register | None) -> None:
        self._registers = [r for r in registers if r is not None]

    def organisation(self, org_id: str) -> str:
        for register in self._registers:
            found = register.organisations.get(org_id)
            if found is not None:
                return found.name
        return org_id

    def person(self, delegate_id: str) -> str:
        for register in self._registers:
            found = register.delegate(delegate_id)
            if found is not None:
                return found.name
        return delegate_id

    def anyone(self, ref: str) -> str:
        """A delegate or organisation id, as `Name (Organisation)` or `Organisation`."""
        for register in self._registers:
            if register.find_delegate(ref) is not None or ref in register.organisations:
                return register.describe(ref)
        return ref

    def place(self, where: str) -> str:
        """A merge's key path as people read it: `organisations.iwf.delegates.helen-marsh.email`
        is `Helen Marsh (Internet Watch Foundation): email`; other paths as given."""
        head, _, rest = where.partition(".")
        if head not in ("organisations", "invitations") or not rest:
            return where
        org_id, _, rest = rest.partition(".")
        who = self.organisation(org_id)
        kind, _, after = rest.partition(".")
        if kind in ("delegates", "rsvp", "attended", "replied") and after:
            delegate_id, _, after = after.partition(".")
            person = f"{self.person(delegate_id)} ({who})"
            field = after if kind == "delegates" else ".".join(filter(None, (kind, after)))
            who, rest = person, field
        return f"{who}: {rest.replace('_', ' ')}" if rest else who
