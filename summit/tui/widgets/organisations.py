"""The register's organisations: the filter that finds them and the table they are paged into.

A register may hold thousands of organisations, so the register screen adds rows
a page at a time (`PAGE`) as the cursor nears the end, and filtering works on the
data (`matches_filter`, `first_match`), not on the table.
"""

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from summit.model import Delegate, Organisation

PAGE = 100


def _own_text(org_id: str, organisation: Organisation) -> str:
    return f"{org_id} {organisation.name} {organisation.sector}".lower()


def _delegate_text(delegate_id: str, delegate: Delegate) -> str:
    return f"{delegate_id} {delegate.name} {delegate.job_title} {delegate.email}".lower()


def matches_filter(org_id: str, organisation: Organisation, words: list[str]) -> bool:
    haystack = " ".join(
        [
            _own_text(org_id, organisation),
            *(_delegate_text(d_id, d) for d_id, d in organisation.delegates.items()),
        ]
    )
    return all(word in haystack for word in words)


def first_match(org_id: str, organisation: Organisation, words: list[str]) -> str | None:
    """The first delegate the filter found this organisation by, if it was by a person.

    Each word is in the delegate's details or the organisation's own, and at least
    one is the delegate's: words that only name the organisation pick nobody.
    """
    own = _own_text(org_id, organisation)
    for delegate_id, delegate in organisation.delegates.items():
        text = _delegate_text(delegate_id, delegate)
        if any(word in text for word in words) and all(
            word in text or word in own for word in words
        ):
            return delegate_id
    return None


class OrganisationsTable(DataTable[str | Text]):
    """A table filled a page at a time: ctrl+end first loads the pages not yet there.

    Textual's ctrl+end goes to the last row the table holds, which was row 100,
    200, ... of a long register, not its last organisation.
    """

    def __init__(self, load_rest: Callable[[], None], **options: Any) -> None:
        super().__init__(**options)
        self.load_rest = load_rest

    def action_scroll_bottom(self) -> None:
        self.load_rest()
        super().action_scroll_bottom()
