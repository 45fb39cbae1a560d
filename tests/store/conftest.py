"""What the storage tests share."""

from pathlib import Path

import pytest

from summit.store.record_cache import RecordCache


@pytest.fixture
def cache(tmp_path: Path) -> RecordCache:
    """A record cache of the test's own."""
    return RecordCache(tmp_path / "cache")
