"""One very big summit: `summit show` and `summit papers` as the summit grows.

A summit with N agenda items (each with a lead, objective, lines to take,
background and summary) inviting N delegates (N/10 organisations of 10), for N
of 1,000, 3,000, 10,000 and 30,000. Each command is a whole process, timed
against `summit validate` of the same data (reading, validating and checking
every file) in the same run, interleaved; medians of --repeat runs. The ratio
should stay flat as N grows (each command linear in the size of the summit).

Run: uv run python bench/bench_big_summit.py [--repeat N] [--sizes 1000,30000]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import register_text

REPO = Path(__file__).resolve().parents[1]


def summit_text(items: int, organisations: int, delegates: int) -> str:
    lines = [
        'title = "Everything"',
        'convener = "d-0-0"',
        'organiser = "d-0-1"',
        "start = 2027-03-01T09:30:00",
        'venue = "100 Parliament Street"',
        'status = "invited"',
        "",
    ]
    for o in range(organisations):
        lines.append(f"[invitations.org-{o}.rsvp]")
        lines += [f'd-{o}-{d} = "{("accepted", "tentative")[d % 2]}"' for d in range(delegates)]
        lines.append("")
    for item in range(items):
        lines += [
            "[[agenda]]",
            f'title = "Item {item}"',
            f'lead = "d-{item % organisations}-0"',
            "minutes = 1",
            f'objective = "Agree the next steps on {item}."',
            'lines_to_take = "- We expect progress.\\n- We want a date."',
            f'background = "What happened before item {item}."',
            f'summary = "What was said on item {item}."',
            "",
        ]
    return "\n".join(lines)


def data(root: Path, size: int) -> Path:
    (root / "agendas").mkdir(parents=True)
    (root / "invitees.toml").write_text(register_text(size // 10, 10))
    (root / "agendas" / "everything.toml").write_text(summit_text(size, size // 10, 10))
    return root


def timed(command: Sequence[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, check=False)
    took = time.perf_counter() - started
    if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
        raise RuntimeError(f"{command}: {done.stderr.decode()[-2000:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,3000,10000,30000")
    args = parser.parse_args()
    python = sys.executable
    print(f"medians of {args.repeat} interleaved runs; each a whole `summit` process")
    with tempfile.TemporaryDirectory() as folder:
        for size in [int(s) for s in args.sizes.split(",")]:
            root = data(Path(folder) / str(size), size)
            base = [python, "-m", "summit"]
            where = ["--data", str(root)]
            commands = {
                "validate": [*base, "validate", *where],
                "show": [*base, "show", "everything", *where],
                "papers": [
                    *base,
                    "papers",
                    "everything",
                    "--force",
                    "--out",
                    f"{folder}/out",
                    *where,
                ],
            }
            runs: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(args.repeat):
                for name, command in commands.items():
                    runs[name].append(timed(command))
            medians = {name: statistics.median(times) for name, times in runs.items()}
            v = medians["validate"]
            print(
                f"N={size:>6,}: validate {v:6.2f} s   show {medians['show']:6.2f} s "
                f"({medians['show'] / v:4.2f}x)   papers {medians['papers']:6.2f} s "
                f"({medians['papers'] / v:4.2f}x)"
            )


if __name__ == "__main__":
    main()
