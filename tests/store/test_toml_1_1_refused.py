"""TOML 1.1 is refused with its place; TOML 1.0 that looks a little like it is read."""

import pytest

from summit.store.toml_dialect import TOMLDecodeError, strict_loads


@pytest.mark.parametrize(
    "text",
    [
        "start = 09:30\n",
        "start = 2027-01-01T09:30\n",
        'title = "a\\e"\n',
        'title = "\\x41"\n',
        "lead = { name = 1,\n  job = 2 }\n",
    ],
)
def test_toml_1_1_is_refused(text: str) -> None:
    with pytest.raises(TOMLDecodeError, match=r"TOML 1\.1"):
        strict_loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "start = 09:30:00\n",
        "start = 2027-01-01T09:30:00+01:00\n",
        'note = "at 09:30 sharp"\n',
        'room = "112:30"\n',
    ],
)
def test_toml_1_0_is_read(text: str) -> None:
    assert strict_loads(text)
