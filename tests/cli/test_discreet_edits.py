"""Issue 21 item 17: the editing verbs say what changed in `summit diff`'s words,
so a sensitive record is named by its place, never quoted."""

from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLE_SUMMIT, CliResult

Cli = Callable[..., CliResult]


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def test_editing_a_sensitive_item_names_it_by_its_place(data_dir: Path, cli: Cli) -> None:
    result = cli(
        "agenda", "edit", SAMPLE_SUMMIT, "6", "--title", "Copyright and Project Nightjar",
        "--notes", "Nightjar sites named", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert f"{SAMPLE_SUMMIT}: agenda item 6, sensitive: changed" in result.out
    for secret in ("Nightjar", "Copyright"):
        assert secret not in result.out, result.out
    assert "Copyright and Project Nightjar" in summit_file(data_dir).read_text()


def test_editing_an_item_of_a_sensitive_summit_names_it_by_its_place(
    data_dir: Path, cli: Cli
) -> None:
    path = summit_file(data_dir)
    path.write_text(
        path.read_text().replace(
            'classification = "OFFICIAL"\n',
            'classification = "OFFICIAL-SENSITIVE"\npublic_purpose = "Online safety"\n',
            1,
        )
    )
    result = cli(
        "agenda", "edit", SAMPLE_SUMMIT, "coffee", "--title", "Coffee with Nightjar",
        "--data", data_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "agenda item 4, sensitive: changed" in result.out
    assert "Nightjar" not in result.out and "Coffee" not in result.out


def test_an_ordinary_item_is_still_quoted(data_dir: Path, cli: Cli) -> None:
    result = cli("agenda", "edit", SAMPLE_SUMMIT, "coffee", "--title", "Tea", "--data", data_dir)
    assert result.code == 0, result.err
    assert "agenda 'Tea': renamed from 'Coffee'" in result.out
