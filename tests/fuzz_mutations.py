"""Ways to damage a copy of the data directory, for the fuzz test (tests/test_fuzz.py).

Each mutation takes a seeded random generator and the folder, damages one or more
files (bytes deleted, duplicated or flipped; values swapped for extreme ones; odd
file names, keys and special files) and says in words what it did, so that a
failing case can be read and replayed.
"""

import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO, SAMPLE_SUMMIT

Mutation = Callable[[random.Random, Path], str]

_INSERTS = [
    b"\x00", b"\xff", b"\xc3", b"\r", b"\x1b[2J", b"\xc2\x9b", b"\x07", b"[", b"]", b"[[",
    b'"', b"'", b'"""', b"'''", b"=", b"\n", b"\n[[agenda]]\n", b"\n[organisations.x]\n",
    b"#", b"\t", b"\\", b"{", b"}", b",", b".", b"\xe2\x80\xae", b"\xf0\x9f\x8e\x89",
]  # fmt: skip

_VALUES = [
    "0", "-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999999",
    "0x7fffffffffffffff", "1_000", "inf", "-inf", "nan", "-0.0", "1e308", "5e-324",
    "true", "false", '""', '" "', '"\\u001b]0;pwned\\u0007"', '"\\u001b[2J\\u009b31m"',
    '"\\u202eevil"', '"\\u0000"', '"é ü 日本語 🎉 مرحبا"', '"[bold]x[/] [/] :fire:"',
    '"' + "x" * 20_000 + '"', '"\\n\\n"', '"\\t"', "[]", "{}", "[1, [2, [3]]]",
    "{a = {b = {c = 1}}}", '["a", 1]', "'literal'", '"""\nmulti\nline"""',
    "2027-01-20T09:30:00Z", "2027-01-20T09:30:00+14:00", "2027-01-20", "09:30:00",
    '"2027-01-20T09:30:00"', '"Europe/Nowhere"', '"../../etc/passwd"', '"accepted"',
    '"not-an-id"', '"UPPER"', '"a@b"',
]  # fmt: skip

_EXTREME_DATES = [
    "9999-12-31T23:59:59", "0001-01-01T00:00:00", "9999-12-31", "0001-01-01",
    "9999-12-31T23:59:59.999999", "0001-01-01T00:00:00-23:59", "9999-12-31T23:59:59+23:59",
    "1970-01-01T00:00:00", "2038-01-19T03:14:08", "1900-02-28T23:00:00",
]  # fmt: skip

_FILE_NAMES = [
    "Upper", "é-summit", "evil\x1b]0;pwned\x07", "a b", "x" * 200, "-", "summit.toml",
    "[bold]x[red]", "\u202eevil", "café", "..", "new\nline", "0", "online-safety-summit ",
]  # fmt: skip

_KEYS = [
    '"\\u001b]0;key\\u0007"', '"\\u001b[2J"', '"\\u009b31m"', '"\\u202e"', '""', '"é"',
    "emial", "titl", "a.b.c", '"[/]"', "x" * 300, "agenda", "invitations",
]  # fmt: skip


def _files(root: Path) -> list[Path]:
    """The regular data files: a mutation never reads a FIFO or /dev/zero itself."""
    paths = [root / "invitees.toml", *sorted((root / "agendas").glob("*.toml"))]
    return [path for path in paths if not path.is_symlink() and path.is_file()]


def _target(rng: random.Random, root: Path) -> Path:
    files = _files(root)
    if not files:  # an earlier mutation left none; damage a new one instead
        (root / "invitees.toml").unlink(missing_ok=True)
        (root / "invitees.toml").write_bytes(b"")
        files = [root / "invitees.toml"]
    return rng.choice(files)


def _read(path: Path) -> str:
    # Bytes that are not UTF-8 (an earlier flip) go through unchanged.
    return path.read_text(encoding="utf-8", errors="surrogateescape")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", errors="surrogateescape", newline="")


def delete_bytes(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    data = path.read_bytes()
    at = rng.randrange(len(data) + 1)
    size = rng.choice([1, 1, 2, 5, 20, 200])
    path.write_bytes(data[:at] + data[at + size :])
    return f"{path.name}: deleted {size} bytes at {at}"


def duplicate_bytes(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    data = path.read_bytes()
    start = rng.randrange(len(data) + 1)
    span = data[start : start + rng.choice([1, 10, 80, 400, 4000])]
    at = rng.randrange(len(data) + 1)
    path.write_bytes(data[:at] + span * rng.choice([1, 2, 50]) + data[at:])
    return f"{path.name}: copied {len(span)} bytes from {start} to {at}"


def flip_bits(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    data = bytearray(path.read_bytes())
    if not data:
        return f"{path.name}: empty, no bit to flip"
    where = [rng.randrange(len(data)) for _ in range(rng.randint(1, 8))]
    for at in where:
        data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return f"{path.name}: flipped a bit at {where}"


def insert_bytes(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    data = path.read_bytes()
    at = rng.choice([0, len(data), rng.randrange(len(data) + 1)])
    inserted = rng.choice([*_INSERTS, b"\xef\xbb\xbf"])
    path.write_bytes(data[:at] + inserted + data[at:])
    return f"{path.name}: inserted {inserted!r} at {at}"


def truncate(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    data = path.read_bytes()
    at = rng.choice([0, 1, rng.randrange(len(data) + 1)])
    path.write_bytes(data[:at])
    return f"{path.name}: truncated to {at} bytes"


_VALUE_LINE = re.compile(r'(?m)^([ \t]*[A-Za-z0-9_"\'.-][^=\n]*=[ \t]*)(.+)$')


def _replace_value(rng: random.Random, root: Path, values: list[str], where: str = "") -> str:
    path = _target(rng, root)
    text = _read(path)
    lines = [m for m in _VALUE_LINE.finditer(text) if where in m.group(1)]
    if not lines:
        return f"{path.name}: no value to replace"
    line = rng.choice(lines)
    value = rng.choice(values)
    _write(path, text[: line.start(2)] + value + text[line.end(2) :])
    return f"{path.name}:{text.count(chr(10), 0, line.start()) + 1}: value -> {value[:60]!r}"


def extreme_value(rng: random.Random, root: Path) -> str:
    return _replace_value(rng, root, _VALUES)


def extreme_date(rng: random.Random, root: Path) -> str:
    summit = _sample_summit(root)
    text = _read(summit)
    key = rng.choice(["start", "end", "due", "issued.start", "issued.end", "received"])
    pattern = re.compile(rf"(?m)^({key.split('.')[-1]} = )(\S+)$")
    matches = list(pattern.finditer(text))
    if not matches:
        return f"no {key} to change"
    match = rng.choice(matches)
    value = rng.choice(_EXTREME_DATES)
    _write(summit, text[: match.start(2)] + value + text[match.end(2) :])
    return f"{summit.name}: {key} = {value}"


def deep_nesting(rng: random.Random, root: Path) -> str:
    depth = rng.choice([100, 1000, 5000, 50_000])
    opening, closing = rng.choice([("[", "]"), ("{a = ", "}")])
    value = opening * depth + closing * rng.choice([depth, 0])
    return _replace_value(rng, root, [value]) + f" (nested {depth} deep)"


def odd_keys(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    text = _read(path)
    headers = [m.end() for m in re.finditer(r"(?m)^\[.*\]$", text)] or [0]
    at = rng.choice(headers)
    key = rng.choice(_KEYS)
    value = rng.choice(["1", '"x"', "{}", "[]"])
    line = f"\n{key} = {value}"
    _write(path, text[:at] + line + text[at:])
    return f"{path.name}: added key {key[:40]!r} at {at}"


def structure(rng: random.Random, root: Path) -> str:
    path = _target(rng, root)
    text = _read(path)
    headers = list(re.finditer(r"(?m)^\[.*\]$", text))
    choice = rng.randrange(5)
    if choice == 0 and headers:  # a table defined twice
        header = rng.choice(headers).group()
        text += f"\n{header}\n"
    elif choice == 1:
        text += rng.choice(["\n[[agenda]]\n", "\n[[actions]]\n", "\n[zzz]\na = 1\n"])
    elif choice == 2:  # a required line gone
        lines = text.split("\n")
        del lines[rng.randrange(len(lines))]
        text = "\n".join(lines)
    elif choice == 3:
        text = text.replace("\n", "\r\n") if rng.random() < 0.5 else text.replace("\n", "\r")
    else:
        text = text.replace("[organisations.", "[organisations.\u00e9", rng.randint(1, 3))
    _write(path, text)
    return f"{path.name}: structure change {choice}"


def _sample_summit(root: Path) -> Path:
    """The sample's summit file, put back if an earlier mutation took it away."""
    summit = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    if summit not in _files(root):
        summit.parent.mkdir(exist_ok=True)
        summit.unlink(missing_ok=True)
        shutil.copy(REPO / "agendas" / summit.name, summit)
    return summit


def file_names(rng: random.Random, root: Path) -> str:
    agendas = _sample_summit(root).parent
    choice = rng.randrange(5)
    if choice == 0:
        name = rng.choice(_FILE_NAMES)
        (agendas / f"{SAMPLE_SUMMIT}.toml").rename(agendas / f"{name}.toml")
        return f"summit file renamed {name!r}"
    if choice == 1:
        name = rng.choice(_FILE_NAMES)
        shutil.copy(agendas / f"{SAMPLE_SUMMIT}.toml", agendas / f"{name}.toml")
        return f"summit copied as {name!r}"
    if choice == 2:
        (agendas / "empty.toml").write_bytes(b"")
        return "an empty summit file"
    if choice == 3:
        (agendas / f"{SAMPLE_SUMMIT}.toml").rename(agendas / os.fsdecode(b"\xff\xfe.toml"))
        return "a summit file name that is not UTF-8"
    shutil.rmtree(agendas)
    return "no agendas folder"


def special_files(rng: random.Random, root: Path) -> str:
    agendas = _sample_summit(root).parent
    n = rng.randrange(10**6)  # mixed cases may make several
    choice = rng.randrange(5)
    if choice == 4:
        with (agendas / f"big-{n}.toml").open("wb") as big:
            big.truncate(65 * 2**20)  # sparse: costs no disk
        return "a 65 MB summit file of NUL bytes"
    if choice == 0:
        os.mkfifo(agendas / f"fifo-{n}.toml")
        return "a FIFO named fifo.toml"
    if choice == 1:
        (agendas / f"dir-{n}.toml").mkdir()
        return "a folder named dir.toml"
    if choice == 2:
        (agendas / f"loop-{n}.toml").symlink_to(f"loop-{n}.toml")
        return "a symlink loop"
    (agendas / f"dangling-{n}.toml").symlink_to("nowhere.toml")
    return "a dangling symlink"


def endless_files(rng: random.Random, root: Path) -> str:
    n = rng.randrange(10**6)
    target = rng.choice([root / "invitees.toml", _sample_summit(root).parent / f"zero-{n}.toml"])
    target.unlink(missing_ok=True)
    target.symlink_to("/dev/zero")
    return f"{target.name} is a symlink to /dev/zero"


KINDS: dict[str, Mutation] = {
    "delete_bytes": delete_bytes,
    "duplicate_bytes": duplicate_bytes,
    "flip_bits": flip_bits,
    "insert_bytes": insert_bytes,
    "truncate": truncate,
    "extreme_value": extreme_value,
    "extreme_date": extreme_date,
    "deep_nesting": deep_nesting,
    "odd_keys": odd_keys,
    "structure": structure,
    "file_names": file_names,
    "special_files": special_files,
    "endless_files": endless_files,
}

# Kinds whose crashes are being fixed on other branches of issue 7. The integrator
# removes each entry once that branch is merged. `xfail` runs the cases and reports
# them; `skip` does not run them, for damage that would hurt the test machine.
PENDING: dict[str, tuple[str, str]] = {}

# Mixed cases draw from the kinds that are safe to run here.
_MIXABLE = [kind for kind in KINDS if PENDING.get(kind, ("",))[0] != "skip"]


def mixed(rng: random.Random, root: Path) -> str:
    kinds = [rng.choice([k for k in _MIXABLE if k not in PENDING]) for _ in range(3)]
    return "; ".join(f"{kind}: {KINDS[kind](rng, root)}" for kind in kinds)


KINDS["mixed"] = mixed
