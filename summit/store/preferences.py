"""The user's own preferences (theme, questions not to ask again), in their config folder.

Kept apart from the data: preferences belong to a person, the data to the team.
A missing, unreadable or damaged preferences file is the same as no preferences;
it is never a reason not to start.
"""

from pathlib import Path
from typing import Any

import tomli

from summit.store.atomic import write_atomic
from summit.store.problems import DataError
from summit.store.reading import read_data_file

PREFERENCES_FILE = "preferences.toml"


def preferences_path() -> Path:
    import platformdirs  # noqa: PLC0415 - only when preferences are read

    return platformdirs.user_config_path("summit") / PREFERENCES_FILE


def load_preferences() -> dict[str, Any]:
    try:
        return tomli.loads(read_data_file(preferences_path()).decode("utf-8"))
    except (DataError, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
        return {}


def save_preference(key: str, value: Any) -> None:
    """Set one preference, keeping the others; failures to write are not the user's problem."""
    import tomlkit  # noqa: PLC0415 - write path

    preferences = load_preferences()
    if preferences.get(key) == value:
        return
    preferences[key] = value
    path = preferences_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, tomlkit.dumps(preferences).encode("utf-8"))
    except OSError:
        pass
