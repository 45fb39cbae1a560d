"""Generate a large data directory: N organisations x M delegates, and K summit files."""

import random
from datetime import date, datetime, timedelta
from pathlib import Path

SECTORS = ["search", "social-media", "software", "isp", "mobile-operator", "charity"]


def register_text(organisations: int, delegates: int) -> str:
    parts = ["# Generated register for benchmarks\n"]
    for o in range(organisations):
        if o % 50 == 0:
            parts.append(f"\n# ── Block {o // 50} ──\n")
        parts.append(
            f'\n[organisations.org-{o}]\nname = "Organisation {o}"\n'
            f'sector = "{SECTORS[o % len(SECTORS)]}"\n'
        )
        for d in range(delegates):
            parts.append(
                f"\n[organisations.org-{o}.delegates.d-{o}-{d}]\n"
                f'name = "Delegate {o} {d}"\njob_title = "Head of Policy"\n'
                f'email = "d{d}@org-{o}.example.org"\n'
            )
    return "".join(parts)


def summit_text(index: int, organisations: int, delegates: int, rng: random.Random) -> str:
    start = datetime(2027, 1, 1, 9, 30) + timedelta(days=index)
    lines = [
        f'title = "Summit {index}"',
        'convener = "d-0-0"',
        'organiser = "d-0-1"',
        f"start = {start.isoformat()}",
        f"end = {(start + timedelta(hours=4)).isoformat()}",
        'venue = "100 Parliament Street"',
        'status = "invited"',
        "",
    ]
    for o in rng.sample(range(organisations), 10):
        lines += [f"[invitations.org-{o}.rsvp]"]
        lines += [f'd-{o}-{d} = "accepted"' for d in range(min(2, delegates))]
        lines.append("")
    for item in range(8):
        lead = f"d-{rng.randrange(organisations)}-0"
        lines += [
            "[[agenda]]",
            f'title = "Item {item}"',
            f'lead = "{lead}"',
            "minutes = 25",
            'objective = "Agree the next steps."',
            "",
        ]
    due = date(2027, 6, 1) + timedelta(days=index)
    lines += ["[[actions]]", 'text = "Write it up."', 'owner = "org-0"', f"due = {due}", ""]
    return "\n".join(lines)


def generate(
    root: Path, organisations: int = 1000, delegates: int = 10, summits: int = 1000
) -> Path:
    rng = random.Random(42)
    (root / "agendas").mkdir(parents=True, exist_ok=True)
    (root / "invitees.toml").write_text(register_text(organisations, delegates))
    for index in range(summits):
        path = root / "agendas" / f"summit-{index}.toml"
        path.write_text(summit_text(index, organisations, delegates, rng))
    return root


def everyone_summit(organisations: int, delegates: int) -> str:
    """A summit inviting every delegate of the generated register (replies mixed)."""
    lines = [
        'title = "Everyone"',
        'convener = "d-0-0"',
        'organiser = "d-0-1"',
        "start = 2027-03-01T09:30:00",
        "end = 2027-03-01T13:30:00",
        'venue = "100 Parliament Street"',
        'status = "invited"',
        "",
    ]
    for o in range(organisations):
        lines.append(f"[invitations.org-{o}.rsvp]")
        lines += [f'd-{o}-{d} = "{("accepted", "tentative")[d % 2]}"' for d in range(delegates)]
        lines.append("")
    for item in range(8):
        lines += ["[[agenda]]", f'title = "Item {item}"', f'lead = "d-{item}-0"']
        lines += ["minutes = 25", ""]
    return "\n".join(lines)
