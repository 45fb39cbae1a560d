"""Launch benchmark: from starting the process to the first screen showing the data.

Each app runs headless in a fresh process that prints READY once its first screen
shows its data; the parent times spawn-to-READY, so interpreter start-up and
imports count for both. The baseline is a minimal Textual app (Header, Static,
Footer). Targets: sample data <= 1.5x the baseline; a register of 10,000
delegates <= 2x. Peak memory is each child's max RSS at READY.

Run: uv run python bench/bench_tui.py [--repeat N]
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parents[1]

MINIMAL = """
import resource, sys
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

async def ready(pilot):
    await pilot.pause()
    print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    pilot.app.exit()

Minimal().run(headless=True, size=(120, 40), auto_pilot=ready)
"""

SUMMIT = """
import resource, sys
from pathlib import Path
from summit.tui.app import make_app
from summit.tui.screens.summits import SummitsScreen

async def ready(pilot):
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SummitsScreen), screen
    assert screen.query_one("#summits").row_count > 0
    print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    pilot.app.exit()

make_app(Path(sys.argv[1])).run(headless=True, size=(120, 40), auto_pilot=ready)
"""


def launch(code: str, *args: str) -> tuple[float, float]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            rss_mb = int(line.split()[1]) / 1024
            child.wait()
            return elapsed, rss_mb
    child.wait()
    raise RuntimeError(f"the app never became ready (exit {child.returncode})")


def best(repeat: int, code: str, *args: str) -> tuple[float, float]:
    runs = [launch(code, *args) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        large = generate(Path(folder) / "large", organisations=1000, delegates=10, summits=1)
        many = generate(Path(folder) / "many", organisations=1000, delegates=10, summits=1000)
        launch(MINIMAL)  # warm the file cache for both
        base, base_rss = best(args.repeat, MINIMAL)
        print(f"minimal Textual app        {base:.3f} s  {base_rss:.0f} MB")
        for label, root, target in (
            ("sample data", REPO, 1.5),
            ("10,000 delegates", large, 2.0),
            ("10,000 delegates, 1,000 summits", many, None),
        ):
            took, rss = best(args.repeat, SUMMIT, str(root))
            goal = f" (target <= {target}x)" if target else ""
            print(f"summit, {label:<32} {took:.3f} s  {rss:.0f} MB  ratio {took / base:.2f}x{goal}")


if __name__ == "__main__":
    main()
