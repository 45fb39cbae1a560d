"""A new record's id proposed from its name as it is typed: `Helen Marsh` → `helen-marsh`.

The proposal follows the name until the id is typed by hand; it is unique by the
form's own check (a second Helen Marsh is `helen-marsh-2`), so the rule of what
is taken lives in one place.
"""

from typing import TYPE_CHECKING, Any

from textual.widgets import Input

from summit.model.naming import id_from_name

if TYPE_CHECKING:
    from summit.tui.screens.form import FormScreen


class ProposedIds:
    def __init__(self, form: "FormScreen[Any]") -> None:
        self.form = form
        self.proposed: dict[str, str] = {}
        """Each id field's last proposal: while it still holds it, it follows the name."""

    def follow(self, changed: str) -> None:
        """`changed` was edited: propose again each id made from it, unless typed by hand."""
        for field in self.form.fields:
            if field.proposed_from != changed or not changed:
                continue
            target = self.form.query_one(f"#field-{field.name}", Input)
            if target.value not in ("", self.proposed.get(field.name)):
                continue
            name = self.form.query_one(f"#field-{changed}", Input).value
            proposal = self.free(field.name, name) if name.strip() else ""
            self.proposed[field.name] = proposal
            target.value = proposal

    def free(self, field_name: str, name: str) -> str:
        """The id made from `name` that the form's check accepts (suffixed -2, -3… if taken)."""
        refused: set[str] = set()
        candidate = id_from_name(name)
        check = self.form.check
        while check is not None and field_name in check({field_name: candidate}):
            if len(refused) > 1000:
                break
            refused.add(candidate)
            candidate = id_from_name(name, refused)
        return candidate
