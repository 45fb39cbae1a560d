"""How bad a problem is; in its own module so that storage's problems load without pydantic."""

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
