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
