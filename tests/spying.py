"""Watching what the code under test calls, while the real function still runs."""

from typing import Any

import pytest


def spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of `owner.name` from then on (a method's own first)."""
    calls: list[tuple[Any, ...]] = []
    real = getattr(owner, name)

    def spying(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spying)
    return calls
