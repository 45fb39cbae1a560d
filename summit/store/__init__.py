"""Storage: the only layer that reads and writes the TOML data files."""

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
