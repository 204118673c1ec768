"""Everything a user can set or run is documented (and nothing documented is missing from the code)."""

from __future__ import annotations

import re
from pathlib import Path

from oresight.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONFIG = (ROOT / "docs" / "configuration.md").read_text()
README = (ROOT / "README.md").read_text()


def _commands() -> list[str]:
    return sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


def test_every_command_is_documented() -> None:
    commands = _commands()
    assert {"extract", "ingest", "search", "show", "demo"} <= set(commands)
    for name in commands:
        assert f"oresight {name}" in CONFIG, f"docs/configuration.md does not document `oresight {name}`"
        assert f"oresight {name}" in README, f"README.md does not show `oresight {name}`"


def test_every_environment_setting_is_documented_and_real() -> None:
    used: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r"\"(ORESIGHT_[A-Z_]+)\"", path.read_text()))
    for helper in ("conftest.py", "browser_helpers.py"):
        used |= set(re.findall(r"\"(ORESIGHT_[A-Z_]+)\"", (ROOT / "tests" / helper).read_text()))
    documented = set(re.findall(r"`(ORESIGHT_[A-Z_]+)`", CONFIG))
    assert used, "no settings found in the code"
    assert used <= documented, f"undocumented: {sorted(used - documented)}"
    assert documented <= used, f"documented but not read anywhere: {sorted(documented - used)}"


def test_readme_gives_the_two_commands_first() -> None:
    head = README[:800]
    assert "make demo" in head and "make test" in head
