"""JSON Schema of the data files, from the models, for editors that validate as you type."""

from typing import Any

from summit.model.register import Register
from summit.model.summit import Summit

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """`invitees` for invitees.toml and `summit` for each agendas/*.toml file."""
    documents: dict[str, dict[str, Any]] = {}
    for name, model, title in (
        ("invitees", Register, "summit invitee register (invitees.toml)"),
        ("summit", Summit, "summit file (agendas/<summit-id>.toml)"),
    ):
        schema = model.model_json_schema()
        documents[name] = {"$schema": _DIALECT, **schema, "title": title}
    return documents
