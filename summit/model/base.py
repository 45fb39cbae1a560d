"""The base every record in our TOML files is validated with."""

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.fields import FieldInfo

_set = object.__setattr__

_shared: dict[str, str] | None = None
"""While records are pickled for the record cache (`pickling_shared`): one of each text."""


@contextmanager
def pickling_shared() -> Iterator[None]:
    """Pickle the records' equal texts as one: a register's thousands of "Head of Policy"
    are then unpickled as one string, not thousands (a tenth less to unpickle)."""
    global _shared  # noqa: PLW0603 - only the thread writing the record cache pickles
    _shared = {}
    try:
        yield
    finally:
        _shared = None


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
        defer_build=True,
    )

    # Pickled (the record cache) as a tuple, not pydantic's dict of four named parts:
    # a 100,000-delegate register then unpickles in 0.55 of the time.
    def __getstate__(self) -> dict[Any, Any]:
        values, shared = self.__dict__, _shared
        if shared is not None:
            share = shared.setdefault
            values = {k: share(v, v) if type(v) is str else v for k, v in values.items()}
        state = (
            values,
            self.__pydantic_fields_set__,
            self.__pydantic_extra__,
            self.__pydantic_private__,
        )
        return state  # type: ignore[return-value]  # pydantic declares a dict

    def __setstate__(self, state: Any) -> None:
        values, fields_set, extra, private = state
        _set(self, "__dict__", values)
        _set(self, "__pydantic_fields_set__", fields_set)
        _set(self, "__pydantic_extra__", extra)
        _set(self, "__pydantic_private__", private)

    def to_data(self) -> dict[str, Any]:
        """The plain TOML-ready data of this record: what was written, plus what changed.

        A key the file left out stays out while it holds its default, so saving
        never adds a default the author did not write. pydantic's own
        `exclude_unset` is not enough: adding to a default list or dict changes
        the value without marking the field as set.
        """
        data: dict[str, Any] = {}
        # The class's fields and the instance's values directly: this runs once per
        # record of a register of thousands, where the properties' overhead adds up.
        values, fields_set = self.__dict__, self.__pydantic_fields_set__
        for name, field in type(self).__pydantic_fields__.items():
            value = values[name]
            if value is None:
                continue
            if name not in fields_set and _is_default(field, value):
                continue
            data[name] = _plain(value)
        return data


def _is_default(field: FieldInfo, value: Any) -> bool:
    if field.default_factory is not None:
        return bool(value == field.default_factory())  # type: ignore[call-arg]
    return bool(value == field.default)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_data()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value._value_  # not `.value`: a descriptor call per member, slow in bulk
    return value
