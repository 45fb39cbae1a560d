"""Freedom of Information: the exemption a record may be withheld under, if one is proposed.

The officer answering a request decides; a record's `foi` key only proposes, so
that the bundle `summit papers ID --only foi` can put the candidates in front of them.
"""

from enum import StrEnum
from typing import Annotated

from pydantic import Strict


class Exemption(StrEnum):
    """The Freedom of Information Act 2000 sections a summit's records usually engage."""

    S35 = "s35"
    """Formulation of government policy."""
    S40 = "s40"
    """Personal data."""
    S43 = "s43"
    """Commercial interests: the company is consulted before anything is released."""

    @property
    def meaning(self) -> str:
        return _MEANING[self]


_MEANING = {
    Exemption.S35: "s35 formulation of government policy",
    Exemption.S40: "s40 personal data",
    Exemption.S43: "s43 commercial interests (consult the company)",
}

FoiField = Annotated[Exemption, Strict(False)] | None
FOI_DESCRIPTION = (
    "A candidate Freedom of Information exemption for this record (s35 policy, s40 "
    "personal data, s43 commercial), shown beside it in the FOI bundle. The FOI "
    "officer decides; nothing is withheld or released by it."
)
