"""Rules and vocabularies kept as YAML package data, read once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def package_yaml(package: str, name: str) -> dict[str, Any]:
    """The mapping in ``<package>/data/<name>`` (shared and cached: callers must not change it)."""
    data = yaml.safe_load(resources.files(package).joinpath("data", name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{package}/data/{name} is not a YAML mapping")
    return data
