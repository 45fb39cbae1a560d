"""History benchmarks: `summit diff` between two revisions of a big register, `summit log`.

(a) `summit diff REV1 REV2` of a 10,000-delegate register with 100 changes, as
    a ratio to loading both versions with `load_dataset` (target <= 2x);
(b) the first 50 entries of `summit log` with their plain-English changes, in a
    repository of 1,000 commits on the sample data (target <= 1 s), in-process
    and as a whole `summit log` process (interpreter start-up included).

Run: uv run python bench/bench_history.py [--repeat N]
"""

import argparse
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import register_text
from timing import best_of

from summit.cli.history import print_entry, print_reports
from summit.model.text import _checked_domain, _checked_local
from summit.store import load_dataset
from summit.workflows.history import DataRepository

SAMPLE = Path(__file__).resolve().parents[1]
IDENTITY = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        input=stdin,
        capture_output=True,
        check=True,
        env={**os.environ, **IDENTITY},
    )
    return done.stdout.decode()


def cold_caches() -> None:
    """Forget checked e-mail addresses so that every run validates from scratch."""
    _checked_domain.cache_clear()
    _checked_local.cache_clear()


# ── (a) diff of a big register ──────────────────────────────────────────────


def changed_register(text: str, rng: random.Random) -> str:
    """100 changes: 60 job titles, 20 delegates added, 20 removed."""
    blocks = text.split("\n\n")
    delegates = [i for i, b in enumerate(blocks) if ".delegates." in b]
    picked = rng.sample(delegates, 80)
    for i in picked[:60]:
        blocks[i] = blocks[i].replace('job_title = "Head of Policy"', 'job_title = "Director"')
    for i in picked[60:]:
        blocks[i] = ""
    for n in range(20):
        blocks.append(
            f'[organisations.org-{n}.delegates.new-{n}]\nname = "New {n}"\n'
            f'job_title = "Adviser"\nemail = "new{n}@org-{n}.example.org"\n'
        )
    return "\n\n".join(b for b in blocks if b)


def register_repository(folder: Path) -> tuple[Path, Path]:
    """A repository whose last commit changes the register, and a copy of the version before."""
    root, before = folder / "repo", folder / "before"
    for where in (root, before):
        (where / "agendas").mkdir(parents=True)
    text = register_text(1000, 10)
    (before / "invitees.toml").write_text(text)
    (root / "invitees.toml").write_text(text)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "register")
    (root / "invitees.toml").write_text(changed_register(text, random.Random(7)))
    git(root, "commit", "-qam", "100 changes")
    return root, before


def load_both(root: Path, before: Path) -> None:
    cold_caches()
    for where in (before, root):
        assert not load_dataset(where).errors


def summit_diff(root: Path) -> int:
    cold_caches()
    reports = DataRepository(root).compare("HEAD~1", "HEAD")
    print_reports(Console(file=io.StringIO()), reports)
    return sum(len(r.lines) for r in reports)


# ── (b) log of 1,000 commits ────────────────────────────────────────────────


REPLIES = ["accepted", "declined", "tentative", "needs-action"]


def _edit(summit: str, register: str, n: int, rng: random.Random) -> tuple[str, str, str]:
    """One commit's change: mostly replies and agenda minutes, sometimes venue or register."""
    kind = n % 10
    if kind == 9:
        title = f"Head of Policy {n}"
        register = re.sub(
            r'(name = "Daniel Reyes"\njob_title = )"[^"]*"', rf'\1"{title}"', register
        )
        return summit, register, f"Retitle Daniel Reyes ({n})"
    if kind == 8:
        summit = re.sub(r'^venue = "[^"]*"', f'venue = "Room {n}"', summit, count=1, flags=re.M)
        return summit, register, f"Venue room {n}"
    if kind % 2:
        minutes = list(re.finditer(r"^minutes = (\d+)$", summit, flags=re.M))
        hit = rng.choice(minutes)
        value = 10 + (int(hit.group(1)) + 5) % 50
        summit = summit[: hit.start(1)] + str(value) + summit[hit.end(1) :]
        return summit, register, f"Agenda minutes ({n})"
    replies = list(
        re.finditer(
            r'^([a-z-]+) = "(accepted|declined|tentative|needs-action)"$', summit, flags=re.M
        )
    )
    hit = rng.choice(replies)
    summit = summit[: hit.start(2)] + rng.choice(REPLIES) + summit[hit.end(2) :]
    return summit, register, f"Reply from {hit.group(1)} ({n})"


def _blob(path: str, text: str) -> bytes:
    data = text.encode()
    return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"


def log_repository(folder: Path, commits: int = 1000) -> Path:
    """The sample data with `commits` commits, written in one `git fast-import`."""
    root = folder / "log-repo"
    (root / "agendas").mkdir(parents=True)
    summit_path = "agendas/online-safety-summit.toml"
    summit = (SAMPLE / summit_path).read_text()
    register = (SAMPLE / "invitees.toml").read_text()
    rng = random.Random(11)
    stream = bytearray()
    for n in range(commits):
        message = "Sample data"
        if n:
            summit, register, message = _edit(summit, register, n, rng)
        stamp = 1_800_000_000 + n * 600
        body = message.encode()
        stream += (
            (
                f"commit refs/heads/main\nmark :{n + 1}\n"
                f"author Bench {n % 3} <b{n % 3}@example.org> {stamp} +0000\n"
                f"committer Bench <bench@example.org> {stamp} +0000\n"
                f"data {len(body)}\n"
            ).encode()
            + body
            + b"\n"
        )
        if n:
            stream += f"from :{n}\n".encode()
        stream += _blob(summit_path, summit) + _blob("invitees.toml", register) + b"\n"
    git(root, "init", "-q", "-b", "main")
    git(root, "fast-import", "--quiet", stdin=bytes(stream))
    git(root, "checkout", "-q", "main")
    return root


def summit_log(root: Path) -> int:
    cold_caches()
    entries = DataRepository(root).history(limit=50)
    console = Console(file=io.StringIO())
    for entry in entries:
        print_entry(console, entry)
    assert len(entries) == 50
    return sum(len(f.lines) for e in entries for f in e.files)


def log_process(root: Path) -> None:
    summit = shutil.which("summit") or sys.executable
    command = [summit] if summit != sys.executable else [sys.executable, "-m", "summit"]
    subprocess.run([*command, "log", "-n", "50"], cwd=root, capture_output=True, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root, before = register_repository(Path(folder))
        base = best_of(args.repeat, lambda: load_both(root, before))
        ours = best_of(args.repeat, lambda: summit_diff(root))
        print(f"(a) register of 10,000 delegates, 100 changes: {summit_diff(root)} sentences")
        print(
            f"    load both versions {base:.3f} s  summit diff {ours:.3f} s  "
            f"ratio {ours / base:.2f}x (target <= 2x)"
        )
        started = time.perf_counter()
        repo = log_repository(Path(folder))
        made = time.perf_counter() - started
        count = git(repo, "rev-list", "--count", "HEAD").strip()
        print(f"(b) repository of {count} commits (made in {made:.1f} s)")
        inside = best_of(args.repeat, lambda: summit_log(repo))
        whole = best_of(args.repeat, lambda: log_process(repo))
        print(
            f"    first 50 entries ({summit_log(repo)} sentences): in-process {inside:.3f} s, "
            f"`summit log` process {whole:.3f} s (target <= 1 s)"
        )


if __name__ == "__main__":
    main()
