"""Merge benchmark: a 10,000-delegate register with 100 changes on each side.

What `summit merge-driver` does for `invitees.toml` (read the three versions,
merge record by record, write the result through the in-place writer, read it
back), as a ratio to loading the three versions with `load_dataset` in the
same run. Target <= 1.5x.

Run: uv run python bench/bench_merge.py [--repeat N]
"""

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import cold_caches
from generate import generate
from timing import best_of

from summit.model import Delegate, Register
from summit.store import TomlDocument, load_dataset
from summit.store.merging import merge_file

CHANGES = 100


def changed_copy(base: Path, folder: Path, picks: list[tuple[str, str]], tag: str) -> Path:
    """A copy of the data with `picks` changed through summit's own save."""
    shutil.copytree(base, folder)
    doc = TomlDocument.load(folder / "invitees.toml", Register)
    register = doc.record.model_copy(deep=True)
    for number, (org_id, delegate_id) in enumerate(picks):
        delegates = register.organisations[org_id].delegates
        if number % 20 == 0:  # one in twenty: a delegate added beside the one picked
            delegates[f"{delegate_id}-{tag}"] = Delegate(
                name=f"New {tag} {number}", job_title="Adviser", email=f"{tag}{number}@example.org"
            )
        elif number % 20 == 1:  # one in twenty: the delegate removed
            del delegates[delegate_id]
        else:
            delegates[delegate_id].job_title = f"{tag} title {number}"
    assert doc.save(register)
    return folder


def versions(root: Path) -> tuple[Path, Path, Path]:
    base = generate(root / "base", summits=0)
    rng = random.Random(9)
    everyone = [(f"org-{o}", f"d-{o}-{d}") for o in range(1000) for d in range(10)]
    picked = rng.sample(everyone, 2 * CHANGES)
    ours = changed_copy(base, root / "ours", picked[:CHANGES], "ours")
    theirs = changed_copy(base, root / "theirs", picked[CHANGES:], "theirs")
    return base, ours, theirs


def with_comments(root: Path, tag: str, count: int = 20) -> None:
    """Comments written by hand above `count` organisations, as a colleague in an editor would."""
    path = root / "invitees.toml"
    lines = path.read_text().splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if line.startswith("[organisations.org-")]
    for number, index in enumerate(sorted(random.Random(tag).sample(headers, count))[::-1]):
        lines.insert(index, f"# {tag}: note {number}\n")
    path.write_text("".join(lines))


def load_three(roots: tuple[Path, Path, Path]) -> None:
    cold_caches()
    for root in roots:
        dataset = load_dataset(root)
        assert not dataset.errors, dataset.errors[:3]


def merge_three(roots: tuple[Path, Path, Path], work: Path) -> None:
    cold_caches()
    target = work / "invitees.toml"
    shutil.copy(roots[1] / "invitees.toml", target)
    done = merge_file(
        roots[0] / "invitees.toml", target, roots[2] / "invitees.toml", "invitees.toml"
    )
    assert done.result.clean, done.result.report("invitees.toml")[:3]


def check(roots: tuple[Path, Path, Path], work: Path) -> None:
    """The merged register holds both sides' changes: every changed delegate as that side has it."""
    merged = TomlDocument.load(work / "invitees.toml", Register).record
    base, ours, theirs = (TomlDocument.load(r / "invitees.toml", Register).record for r in roots)
    for org_id, organisation in merged.organisations.items():
        for side in (ours, theirs):
            for delegate_id, delegate in side.organisations[org_id].delegates.items():
                if base.organisations[org_id].delegates.get(delegate_id) != delegate:
                    assert organisation.delegates[delegate_id] == delegate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        roots = versions(Path(folder))
        work = Path(folder) / "work"
        work.mkdir()
        size = (roots[0] / "invitees.toml").stat().st_size / 1e6
        print(f"data: 10,000 delegates ({size:.1f} MB), {CHANGES} changes on each side")
        load = best_of(args.repeat, lambda: load_three(roots))
        merge = best_of(args.repeat, lambda: merge_three(roots, work))
        check(roots, work)
        print(
            f"merge  load_dataset x3 {load:.3f} s  summit merge-driver work {merge:.3f} s  "
            f"ratio {merge / load:.2f}x (target <= 1.5x)"
        )
        # The same, after each side also wrote 20 comments by hand: both sides' comments
        # are then merged in too (summit.store.comment_merge), which the plain case skips.
        with_comments(roots[1], "ours")
        with_comments(roots[2], "theirs")
        load = best_of(args.repeat, lambda: load_three(roots))
        merge = best_of(args.repeat, lambda: merge_three(roots, work))
        check(roots, work)
        assert (work / "invitees.toml").read_text().count(": note ") == 40
        print(
            f"merge with 20 comments by hand on each side  load_dataset x3 {load:.3f} s  "
            f"merge {merge:.3f} s  ratio {merge / load:.2f}x (target <= 1.5x)"
        )


if __name__ == "__main__":
    main()
