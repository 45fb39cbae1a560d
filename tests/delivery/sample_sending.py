"""The sample summit's file as the sending tests read and edit it; `summit send` via a relay."""

import tomllib
from pathlib import Path

from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.conftest import SmtpServer

ORGANISATIONS = 12  # invited organisations in the sample summit


def summit_toml(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def edit(root: Path, old: str, new: str) -> None:
    path = summit_toml(root)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def sent_table(root: Path) -> dict[str, dict[str, object]]:
    return tomllib.loads(summit_toml(root).read_text()).get("sent", {})


def send(cli, root: Path, server: SmtpServer, *more: str):  # type: ignore[no-untyped-def]
    return cli("send", SAMPLE_SUMMIT, "--data", root, "--smtp", server.url, *more)
