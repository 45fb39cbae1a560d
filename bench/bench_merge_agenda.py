"""Merge benchmark: both sides add thousands of agenda items to one summit file.

What `summit merge-driver` does for `agendas/<id>.toml` (read the three
versions, merge record by record, pair the items of `[[agenda]]` across the
versions, write the result into ours' text, read it back), as a ratio to
parsing and dumping the same three texts with plain tomlkit in the same run.
Run at several sizes, so that a cost growing faster than the files shows.

Run: uv run python bench/bench_merge_agenda.py [--repeat N] [--sizes 1000,2500,5000]
"""

import argparse
import random
import sys
import tempfile
from pathlib import Path

import tomlkit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from timing import best_of

from summit.model import Summit
from summit.store.merging import merge_file
from summit.store.reading import read_data_file


def items(tag: str, count: int, rng: random.Random) -> str:
    """`count` agenda items as a colleague's save writes them: each with its own id."""
    lines = []
    for number in range(count):
        lines += [
            "",
            "[[agenda]]",
            f'id = "{tag[0]}{rng.getrandbits(28):07x}"',
            f'title = "{tag} item {number}"',
            "minutes = 10",
            f'objective = "Agree {tag} point {number}."',
        ]
    return "\n".join(lines) + "\n"


def versions(root: Path, count: int) -> tuple[Path, Path, Path]:
    """Base: a generated summit; ours and theirs: it with `count` items added on each side."""
    data = generate(root / "data", summits=1)
    base = data / "agendas" / "summit-0.toml"
    text = base.read_text(encoding="utf-8")
    rng = random.Random(count)
    ours, theirs = root / "ours.toml", root / "theirs.toml"
    ours.write_text(text + items("ours", count, rng), encoding="utf-8")
    theirs.write_text(text + items("theirs", count, rng), encoding="utf-8")
    return base, ours, theirs


def tomlkit_three(paths: tuple[Path, Path, Path]) -> None:
    for path in paths:
        tomlkit.dumps(tomlkit.parse(path.read_text(encoding="utf-8")))


def merge_three(paths: tuple[Path, Path, Path], work: Path) -> None:
    work.write_bytes(paths[1].read_bytes())
    done = merge_file(paths[0], work, paths[2], "agendas/summit-0.toml")
    assert done.result.clean, done.result.report("summit-0.toml")[:3]


def check(work: Path, count: int) -> None:
    """Every item either side added is in the merged file, ours first."""
    merged = Summit.model_validate(tomlkit.parse(read_data_file(work).decode()).unwrap())
    titles = [item.title for item in merged.agenda]
    assert sum(t.startswith("ours item") for t in titles) == count
    assert sum(t.startswith("theirs item") for t in titles) == count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,2500,5000")
    args = parser.parse_args()
    for count in (int(size) for size in args.sizes.split(",")):
        measure(count, args.repeat)


def measure(count: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = versions(Path(folder), count)
        work = Path(folder) / "work.toml"
        baseline = best_of(repeat, lambda: tomlkit_three(paths))
        merge = best_of(repeat, lambda: merge_three(paths, work))
        check(work, count)
        print(
            f"{count:>6,} items added on each side  tomlkit parse+dump x3 {baseline:.3f} s  "
            f"summit merge-driver work {merge:.3f} s  ratio {merge / baseline:.2f}x"
        )


if __name__ == "__main__":
    main()
