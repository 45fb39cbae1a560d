"""Turn pydantic's errors into problems that name the file, line and field."""

import types
import typing
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from summit.model.suggest import did_you_mean
from summit.store.layout import KeyPath, Layout, LayoutError, scan
from summit.store.problems import Problem, dotted


def _unwrap(annotation: Any) -> Any:
    """The model or container type inside Annotated[...] and Optional[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The record type found at a key path, walking dicts and lists by type."""
    current: Any = model
    for part in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = _unwrap(field.annotation)
            continue
        origin = typing.get_origin(current)
        if origin is dict:
            current = _unwrap(typing.get_args(current)[1])
        elif origin is list:
            current = _unwrap(typing.get_args(current)[0])
        else:
            return None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _message(model: type[BaseModel], error: ErrorDetails, path: KeyPath) -> str:
    if error["type"] == "extra_forbidden":
        key = str(path[-1])
        record = _model_at(model, path[:-1])
        known = list(record.model_fields) if record else []
        hint = did_you_mean(key, known)
        allowed = f"; known keys: {', '.join(known)}" if known and not hint else ""
        return f"unknown key {key!r}{hint}{allowed}"
    if error["type"] == "missing":
        return "is required but missing"
    message = error["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else message


def _key_path(error: ErrorDetails) -> KeyPath:
    # A bad dict key is reported at (..., key, "[key]"): the key itself is the field.
    return tuple(part for part in error["loc"] if part != "[key]")


def problems_from(
    error: ValidationError, model: type[BaseModel], path: Path, text: str
) -> list[Problem]:
    """One problem per pydantic error, located in the TOML text."""
    try:
        layout: Layout | None = scan(text)
    except LayoutError:
        layout = None
    problems = []
    for detail in error.errors(include_url=False):
        key_path = _key_path(detail)
        line, column = layout.locate(key_path) if layout else (1, 1)
        field = dotted(key_path) or "(file)"
        problems.append(Problem(path, line, column, _message(model, detail, key_path), field))
    return problems
