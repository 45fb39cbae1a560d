"""Loading freezes what it built for speed, but never keeps earlier cyclic garbage for ever."""

import gc
import weakref
from pathlib import Path

from summit.store import load_dataset


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector can free it


def test_cyclic_garbage_from_before_a_load_is_collected_after_the_next(data_dir: Path) -> None:
    node = _Node()
    alive = weakref.ref(node)
    load_dataset(data_dir)  # freezes everything alive now, the node included
    del node
    gc.collect()
    assert alive() is not None  # frozen: out of the collector's view, as intended
    load_dataset(data_dir)  # a reload puts the earlier frozen objects back in view
    gc.collect()
    assert alive() is None
    gc.unfreeze()
