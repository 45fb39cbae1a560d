"""Storage benchmarks on a generated register of 10,000 delegates and 1,000 summit files.

(a) load + validate, as a ratio to plain tomli + model_validate of the same files;
(b) saving one changed field of the register (and a naive tomlkit re-parse, for scale);
(c) peak memory (max RSS) of each way of loading, each in its own process;
(d) `summit fmt --check` of registers of 54k, 108k and 216k lines, as a ratio to
    plain tomli of the same file: the ratio stays flat when fmt is linear.

Run: uv run python bench/bench_store.py [--repeat N]
"""

import argparse
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import tomli
import tomlkit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, register_text
from timing import best_of

from summit.model import Register, Summit
from summit.model.text import _checked_domain, _checked_local
from summit.store import load_dataset
from summit.store.formatting import format_files


def cold_caches() -> None:
    """Forget checked e-mail addresses so that every run validates from scratch."""
    _checked_domain.cache_clear()
    _checked_local.cache_clear()


def baseline_load(root: Path) -> None:
    cold_caches()
    Register.model_validate(tomli.loads((root / "invitees.toml").read_text()))
    for path in sorted((root / "agendas").glob("*.toml")):
        Summit.model_validate(tomli.loads(path.read_text()))


def summit_load(root: Path) -> None:
    cold_caches()
    dataset = load_dataset(root)
    assert not dataset.errors, dataset.errors[:3]


def save_one_field(root: Path) -> float:
    dataset = load_dataset(root)
    assert dataset.register is not None
    register = dataset.register.record.model_copy(deep=True)
    delegate = register.organisations["org-500"].delegates["d-500-5"]
    delegate.job_title = f"Director {time.time_ns()}"
    started = time.perf_counter()
    assert dataset.save_register(register)
    return time.perf_counter() - started


def naive_tomlkit_save(root: Path) -> float:
    path = root / "invitees.toml"
    started = time.perf_counter()
    doc = tomlkit.parse(path.read_text())
    doc["organisations"]["org-500"]["delegates"]["d-500-5"]["job_title"] = "Naive"  # type: ignore[index]
    tomlkit.dumps(doc)
    return time.perf_counter() - started


def peak_rss_mb(root: Path, how: str) -> float:
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r});"
        f"from pathlib import Path; import bench_store as b; b.{how}(Path({str(root)!r}));"
        "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def fmt_figures(folder: Path, repeat: int) -> None:
    """fmt on ever larger registers whose every key line needs reformatting (the worst case)."""
    for organisations in (1000, 2000, 4000):
        root = folder / f"fmt-{organisations}"
        (root / "agendas").mkdir(parents=True)
        path = root / "invitees.toml"
        path.write_text(register_text(organisations, 10).replace(" = ", "="))
        lines = path.read_text().count("\n")
        base = best_of(repeat, partial(tomli.loads, path.read_text()))
        ours = best_of(repeat, partial(format_files, root, write=False))
        assert format_files(root, write=False).changed == [path]
        print(
            f"(d) fmt --check {lines / 1000:.0f}k lines  tomli {base:.3f} s  summit {ours:.3f} s  "
            f"ratio {ours / base:.2f}x  ({ours / lines * 1e6:.1f} µs a line)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = generate(Path(folder))
        size = (root / "invitees.toml").stat().st_size / 1e6
        print(f"data: 1,000 organisations, 10,000 delegates ({size:.1f} MB), 1,000 summits")
        base = best_of(args.repeat, lambda: baseline_load(root))
        ours = best_of(args.repeat, lambda: summit_load(root))
        print(
            f"(a) load+validate  baseline {base:.3f} s  summit {ours:.3f} s  "
            f"ratio {ours / base:.2f}x (target <= 1.3x)"
        )
        saves = [save_one_field(root) for _ in range(args.repeat)]
        naive = naive_tomlkit_save(root)
        print(
            f"(b) save one field  summit {min(saves):.3f} s (worst {max(saves):.3f} s; "
            f"target <= 0.5 s)  naive tomlkit parse+dump {naive:.3f} s"
        )
        base_rss = peak_rss_mb(root, "baseline_load")
        ours_rss = peak_rss_mb(root, "summit_load")
        print(
            f"(c) peak RSS  baseline {base_rss:.0f} MB  summit {ours_rss:.0f} MB  "
            f"ratio {ours_rss / base_rss:.2f}x"
        )
        fmt_figures(Path(folder), args.repeat)


if __name__ == "__main__":
    main()
