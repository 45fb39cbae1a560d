"""Storage: the only layer that reads and writes the TOML data files."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summit.store.dataset import Dataset, load_dataset
    from summit.store.document import TomlDocument
    from summit.store.locations import find_data_dir, sample_dir, summit_path
    from summit.store.problems import (
        ConflictError,
        DataDirError,
        DataError,
        Problem,
        UnknownSummit,
    )

# Loaded on first use (PEP 562): summit.store.locations and summit.store.glance are
# then importable without the data model (pydantic), which the app's first frame and
# `summit --version` must not wait for. Add a new export to both the TYPE_CHECKING
# imports and here.
_EXPORTS = {
    "ConflictError": "summit.store.problems",
    "DataDirError": "summit.store.problems",
    "DataError": "summit.store.problems",
    "Dataset": "summit.store.dataset",
    "Problem": "summit.store.problems",
    "TomlDocument": "summit.store.document",
    "UnknownSummit": "summit.store.problems",
    "find_data_dir": "summit.store.locations",
    "load_dataset": "summit.store.dataset",
    "sample_dir": "summit.store.locations",
    "summit_path": "summit.store.locations",
}

__all__ = [
    "ConflictError",
    "DataDirError",
    "DataError",
    "Dataset",
    "Problem",
    "TomlDocument",
    "UnknownSummit",
    "find_data_dir",
    "load_dataset",
    "sample_dir",
    "summit_path",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value  # looked up once
    return value
