"""Big-register benchmark: the git drivers and one save on registers of 5 to 50 MB.

At each size, every measurement runs in a fresh child process (so that its
peak memory, ru_maxrss, is its own), timed from after the imports. The modules
summit imports only when a verb runs are inside that verb's timing, as in use;
they take the same time at every size, so their seconds are also shown, and the
ratio without them ("after imports"):

(a) `summit merge-driver` on invitees.toml, each side having changed one
    delegate's job title (different delegates), against two readings of
    "loading the three versions": plain tomli parses of them, and summit's own
    load of each (`load_dataset` of a data folder holding it: read, parse,
    validate, cross-check);
(b) `summit diff-driver` on the two versions git hands it (old, new), with
    the new register in the data folder as git leaves it, against plain tomli
    parses of the two versions;
(c) one field saved through the storage layer (`TomlDocument.load` of the
    register, one job title changed as `summit invitee edit` changes it,
    `save`), against a plain tomli parse of the one file.

A ratio that grows with the size is a cost that grows faster than the file.

Run: uv run python bench/bench_big_register.py [--repeat N] [--sizes 5,15,50]
    [--only merge,diff,save]
(PYTHONPATH=<another checkout> measures that checkout's summit with the same bench.)
"""

# Each child imports only what it measures, so that the baseline's memory is tomli's alone.
# ruff: noqa: PLC0415

import argparse
import importlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import register_text

DELEGATES = 10
BYTES_PER_ORGANISATION = 1_430  # of register_text(n, 10), near enough to aim at a size


def edited(text: str, org: int, title: str) -> str:
    """The register with one delegate's job title changed, as a save would write it."""
    header = f"[organisations.org-{org}.delegates.d-{org}-3]\n"
    at = text.index(header)
    old = 'job_title = "Head of Policy"'
    at = text.index(old, at)
    return text[:at] + f'job_title = "{title}"' + text[at + len(old) :]


def versions(root: Path, megabytes: float) -> int:
    """base.toml, ours.toml, theirs.toml and data/invitees.toml (= ours) in `root`."""
    organisations = int(megabytes * 1e6 / BYTES_PER_ORGANISATION)
    base = register_text(organisations, DELEGATES)
    ours = edited(base, 1, "Ours title")
    theirs = edited(base, organisations - 2, "Theirs title")
    (root / "base.toml").write_text(base, encoding="utf-8")
    (root / "ours.toml").write_text(ours, encoding="utf-8")
    (root / "theirs.toml").write_text(theirs, encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "invitees.toml").write_text(ours, encoding="utf-8")
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (root / f"load-{name}").mkdir()
        (root / f"load-{name}" / "invitees.toml").write_text(text, encoding="utf-8")
    return organisations


# ── What each child does (after its imports, which are not timed, but for a verb's own) ──


def tomli_parse(root: Path, names: tuple[str, ...]) -> Callable[[], None]:
    import tomli

    def run() -> None:
        for name in names:
            tomli.loads((root / name).read_bytes().decode("utf-8"))

    return run


# What a child imported inside its timing (summit imports a verb's modules only when
# it runs), in seconds: told apart, as it does not grow with the file.
imported = {"seconds": 0.0}


def timed_import(module: str) -> None:
    started = time.perf_counter()
    importlib.import_module(module)
    imported["seconds"] += time.perf_counter() - started


def summit_load(root: Path) -> Callable[[], None]:
    import summit.cli.main  # noqa: F401 - what the merge child imports before its timing

    def run() -> None:
        timed_import("summit.store.dataset")
        from summit.store.dataset import load_dataset

        for name in ("base", "ours", "theirs"):
            dataset = load_dataset(root / f"load-{name}")
            assert dataset.register is not None and not dataset.problems, dataset.problems[:3]

    return run


def merge_driver(root: Path) -> Callable[[], None]:
    import shutil

    from summit.cli.main import main

    work = root / "work.toml"
    shutil.copy(root / "ours.toml", work)
    argv = ["merge-driver", str(root / "base.toml"), str(work), str(root / "theirs.toml")]

    def run() -> None:
        # What `main` would import for the verb, imported first to be timed apart.
        for module in ("summit.cli.output", "summit.store.output_guard", "summit.cli.merging"):
            timed_import(module)
        code = main([*argv, "invitees.toml"])
        text = work.read_text(encoding="utf-8")
        assert code == 0 and "Ours title" in text and "Theirs title" in text, code

    return run


def diff_driver(root: Path) -> Callable[[], None]:
    import io
    import os
    from contextlib import redirect_stdout

    from summit.cli.main import main

    os.chdir(root / "data")  # git runs the driver at the top of the repository
    hex_, mode = "0" * 40, "100644"
    argv = ["diff-driver", "invitees.toml", str(root / "base.toml"), hex_, mode]
    argv += [str(root / "ours.toml"), hex_, mode]

    def run() -> None:
        for module in ("summit.cli.output", "summit.store.output_guard", "summit.cli.history"):
            timed_import(module)
        shown = io.StringIO()
        with redirect_stdout(shown):
            code = main(argv)
        assert code == 0 and "Ours title" in shown.getvalue(), shown.getvalue()[:500]

    return run


def save_one_field(root: Path) -> Callable[[], None]:
    from summit.model import Register
    from summit.store import TomlDocument

    path = root / "data" / "invitees.toml"

    def run() -> None:
        # As `summit invitee edit` does it: the organisation copied with the one change.
        doc = TomlDocument.load(path, Register)
        organisation = doc.record.organisations["org-2"]
        delegates = dict(organisation.delegates)
        delegates["d-2-5"] = delegates["d-2-5"].model_copy(
            update={"job_title": f"Saved {time.time()}"}
        )
        changed = organisation.model_copy(update={"delegates": delegates})
        assert doc.save(doc.record.with_organisation("org-2", changed))

    return run


CHILDREN: dict[str, Callable[[Path], Callable[[], None]]] = {
    "tomli3": lambda root: tomli_parse(root, ("base.toml", "ours.toml", "theirs.toml")),
    "tomli2": lambda root: tomli_parse(root, ("base.toml", "ours.toml")),
    "tomli1": lambda root: tomli_parse(root, ("data/invitees.toml",)),
    "load3": summit_load,
    "merge": merge_driver,
    "diff": diff_driver,
    "save": save_one_field,
}


def child(kind: str, root: Path) -> None:
    run = CHILDREN[kind](root)
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "imports": imported["seconds"], "rss_mb": rss_mb}))


Measured = tuple[float, float, float]  # best seconds, its imports, peak memory


def run_child(kind: str, root: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(kinds: list[str], root: Path, repeat: int) -> dict[str, Measured]:
    """Each kind's best time (with the imports it included) and peak memory of `repeat`
    fresh children; the kinds taken in turn, so that a busy spell slows all alike."""
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            runs[kind].append(run_child(kind, root))
    measured = {}
    for kind, results in runs.items():
        best = min(results, key=lambda r: r["seconds"])
        measured[kind] = (best["seconds"], best["imports"], max(r["rss_mb"] for r in results))
    return measured


def report(name: str, base: Measured, it: Measured, what: str) -> None:
    """Seconds and ratio in all, and (when a verb's modules were imported in its timing)
    less those imports, which do not grow with the file."""
    after = f" ({(it[0] - it[1]) / (base[0] - base[1]):4.2f}x after imports)" if it[1] else ""
    imports = f" (imports {it[1]:4.2f})" if it[1] else ""
    base_imports = f" (imports {base[1]:4.2f})" if base[1] else ""
    print(
        f"  {name:<6} {what} {base[0]:6.2f} s{base_imports} {base[2]:5.0f} MB   "
        f"summit {it[0]:6.2f} s{imports} {it[2]:5.0f} MB   "
        f"ratio {it[0] / base[0]:4.2f}x time{after}, {it[2] / base[2]:4.2f}x memory"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sizes", default="5,15,50", help="register sizes in MB")
    parser.add_argument("--only", default="merge,diff,save")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    wanted = args.only.split(",")
    baselines = {
        "merge": [("tomli3", "tomli x3"), ("load3", "load x3")],
        "diff": [("tomli2", "tomli x2")],
        "save": [("tomli1", "tomli x1")],
    }
    for megabytes in (float(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            organisations = versions(root, megabytes)
            size = (root / "base.toml").stat().st_size / 1e6
            print(f"register {size:.1f} MB: {organisations:,} organisations x {DELEGATES}")
            for name in wanted:
                kinds = [kind for kind, _ in baselines[name]]
                measured = measure([*kinds, name], root, args.repeat)
                for kind, what in baselines[name]:
                    report(name, measured[kind], measured[name], what)


if __name__ == "__main__":
    main()
