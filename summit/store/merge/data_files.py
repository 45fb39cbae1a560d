"""Which record a data file holds, from its path in the repository."""

from pathlib import Path

from summit.model.base import Record
from summit.model.register import Register
from summit.model.summit import Summit


def model_for(path_text: str) -> type[Record] | None:
    """Which record a data file holds, from its path in the repository; None if not ours."""
    parts = Path(path_text).parts
    if parts and parts[-1] == "invitees.toml":
        return Register
    if len(parts) >= 2 and parts[-2] == "agendas" and parts[-1].endswith(".toml"):
        return Summit
    return None
