"""The words every change description shares: quoting text, values, and "now X (was Y)"."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from summit.model.base import Record


def quoted(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return f"'{flat if len(flat) <= limit else flat[: limit - 1] + '…'}'"


def shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and not _is_word(value):
        return quoted(value)
    return str(value)


def _is_word(value: str) -> bool:
    return bool(value) and all(c.isalnum() or c in "-_.@+" for c in value)


def now_was(name: str, old: Any, new: Any) -> str:
    """`venue now 'B' (was 'A')`; long text only says that it changed."""
    if _is_long(old) or _is_long(new):
        return f"{name} changed"
    return f"{name} now {shown(new)} (was {shown(old)})"


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and ("\n" in value.strip() or len(value) > 80)


def field_changes(old: Record, new: Record, fields: Sequence[str]) -> list[str]:
    return [
        now_was(name.replace("_", " "), getattr(old, name), getattr(new, name))
        for name in fields
        if getattr(old, name) != getattr(new, name)
    ]
