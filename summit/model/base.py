"""The base every record in our TOML files is validated with."""

from typing import Any

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A strict record: unknown keys are errors and TOML types are not coerced.

    TOML is typed, so `minutes = "30"` is a mistake worth reporting rather than
    silently converting; `extra="forbid"` turns a misspelt key into an error
    instead of a dropped value.
    """

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        validate_assignment=True,
        use_attribute_docstrings=True,
    )

    def to_data(self) -> dict[str, Any]:
        """The plain TOML-ready data of this record: only keys that were set.

        `exclude_unset` keeps a file's own choice of which optional keys to
        write, so saving never adds a default the author left out.
        """
        return self.model_dump(mode="python", exclude_unset=True, exclude_none=True, warnings=False)
