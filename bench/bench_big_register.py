"""Big-register benchmark: the git drivers and one save on registers of 5 to 50 MB.

At each size, every measurement runs in a fresh child process (so that its
peak memory, ru_maxrss, is its own), timed from after the imports:

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


# ── What each child does (after its imports, which are not timed) ──


def tomli_parse(root: Path, names: tuple[str, ...]) -> Callable[[], None]:
    import tomli

    def run() -> None:
        for name in names:
            tomli.loads((root / name).read_bytes().decode("utf-8"))

    return run


def summit_load(root: Path) -> Callable[[], None]:
    import summit.cli.main  # noqa: F401 - what the merge child imports before its timing

    def run() -> None:
        # Imported in the timing, as the merge driver's own modules are in the merge's.
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
    print(json.dumps({"seconds": seconds, "rss_mb": rss_mb}))


def measure(kind: str, root: Path, repeat: int) -> tuple[float, float]:
    """Best time and peak memory of `repeat` fresh children doing `kind`."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(r["seconds"] for r in runs), max(r["rss_mb"] for r in runs)


def report(name: str, base: tuple[float, float], it: tuple[float, float], what: str) -> None:
    print(
        f"  {name:<6} {what} {base[0]:6.2f} s {base[1]:6.0f} MB   "
        f"summit {it[0]:7.2f} s {it[1]:6.0f} MB   "
        f"ratio {it[0] / base[0]:5.2f}x time, {it[1] / base[1]:4.2f}x memory"
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
                bases = [(measure(kind, root, args.repeat), what) for kind, what in baselines[name]]
                it = measure(name, root, args.repeat)
                for base, what in bases:
                    report(name, base, it, what)


if __name__ == "__main__":
    main()
