"""The watch configuration: a TOML file (``oresight watch --config FILE``) and the quick-path flags.

::

    [watch]
    database = "sqlite:///var/oresight.db"   # else $ORESIGHT_DATABASE_URL, else the default
    listen = "127.0.0.1:8765"                # push endpoint, SSE stream, Atom feeds ("" = none)
    public_url = "http://127.0.0.1:8765"     # used in alert links
    push_token = "env:ORESIGHT_PUSH_TOKEN"   # any string value "env:NAME" is read from the environment
    digest_at = "07:30"                      # the morning digest, local time of `timezone`
    timezone = "Australia/Sydney"
    workers = 2                              # processes reading documents (default: CPU count)

    [[sources]]
    kind = "asx"
    name = "asx"
    interval = 5

    [channels.desk]
    kind = "webhook"
    url = "https://example.internal/hooks/oresight"
    secret = "env:DESK_SECRET"

    [[rules]]
    name = "lithium-juniors"
    commodities = ["Li"]
    min_score = 50
    channels = ["desk"]
    early = true

Every problem is reported as one line naming the file and the field (BadInput, exit 2).
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import time
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from oresight.alerts.rules import Rule, rule_from_mapping
from oresight.exceptions import BadInput

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
DEFAULT_LISTEN = "127.0.0.1:8765"


class WatchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database: str | None = None
    listen: str = DEFAULT_LISTEN
    public_url: str | None = None
    push_token: str | None = None
    digest_at: str = "07:30"
    timezone: str = "Australia/Sydney"
    workers: int | None = Field(default=None, ge=1, le=64)
    download_concurrency: int = Field(default=8, ge=1, le=128)
    delivery_concurrency: int = Field(default=16, ge=1, le=256)
    max_attempts: int = Field(default=10, ge=1, le=100)
    backoff_base: float = Field(default=1.0, gt=0)
    backoff_max: float = Field(default=600.0, gt=0)
    document_wait: float = Field(default=7200.0, gt=0)  # how long to wait for a lagging PDF
    interrupted: Literal["dead-letter", "resend"] = "dead-letter"  # a delivery cut off by a crash

    @field_validator("digest_at")
    @classmethod
    def _time(cls, v: str) -> str:
        try:
            time.fromisoformat(v)
        except ValueError:
            raise ValueError(f"{v!r} is not a time of day (HH:MM)") from None
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}") from None
        return v

    @field_validator("listen")
    @classmethod
    def _listen(cls, v: str) -> str:
        if v and not re.fullmatch(r"[\w.\-\[\]:]+:\d{1,5}", v):
            raise ValueError(f"{v!r} is not HOST:PORT")
        return v

    @property
    def host_port(self) -> tuple[str, int] | None:
        if not self.listen:
            return None
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]"), int(port)


class SourceConfig(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str
    name: str | None = None

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class ChannelConfig(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class RuleConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    channels: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    commodities: list[str] = Field(default_factory=list)
    min_score: float | None = Field(default=None, ge=0, le=100)
    min_band: Literal["watch", "notable", "significant", "exceptional"] | None = None
    types: list[str] = Field(default_factory=list)
    price_sensitive_only: bool = False
    keywords: list[str] = Field(default_factory=list)
    mode: Literal["urgent", "digest"] = "urgent"
    early: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _NAME.fullmatch(v):
            raise ValueError(f"{v!r}: use letters, digits, '-', '_' or '.' (at most 64)")
        return v

    @field_validator("types")
    @classmethod
    def _types(cls, v: list[str]) -> list[str]:
        from oresight.assess.types import type_names

        known = type_names()
        bad = [t for t in v if t.strip().lower() not in known]
        if bad:
            raise ValueError(f"unknown type(s) {', '.join(bad)} (known: {', '.join(known)})")
        return v


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    watch: WatchSettings = Field(default_factory=WatchSettings)
    sources: list[SourceConfig] = Field(default_factory=list)
    channels: dict[str, ChannelConfig] = Field(default_factory=dict)
    rules: list[RuleConfig] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Config:
        names: set[str] = set()
        for i, s in enumerate(self.sources):
            s.name = s.name or (s.kind if s.kind not in names else f"{s.kind}-{i + 1}")
            if s.name in names:
                raise ValueError(f"sources: the name {s.name!r} is used twice")
            names.add(s.name)
        for name in self.channels:
            if not _NAME.fullmatch(name):
                raise ValueError(f"channels: {name!r} is not a plain name")
        seen: set[str] = set()
        for r in self.rules:
            if r.name in seen:
                raise ValueError(f"rules: the name {r.name!r} is used twice")
            seen.add(r.name)
            missing = [c for c in r.channels if c not in self.channels]
            if missing:
                raise ValueError(f"rule {r.name!r}: unknown channel(s) {', '.join(missing)}")
        return self

    def rule_objects(self) -> list[Rule]:
        return [rule_from_mapping(r.model_dump()) for r in self.rules]


def _resolve_env(value: Any, where: str) -> Any:
    if isinstance(value, str) and value.startswith("env:"):
        var = value[4:]
        if var not in os.environ:
            raise BadInput(f"{where}: environment variable {var} is not set")
        return os.environ[var]
    if isinstance(value, dict):
        return {k: _resolve_env(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve_env(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def parse_config(data: dict[str, Any], where: str = "config") -> Config:
    data = _resolve_env(data, where)
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        more = f" (and {len(e.errors()) - 1} more)" if len(e.errors()) > 1 else ""
        raise BadInput(f"{where}: {loc}: {msg}{more}") from None


def load_config(path: Path) -> Config:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise BadInput(f"{path}: cannot read the configuration: {e.strerror or e}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadInput(f"{path}: not valid TOML: {e}") from None
    return parse_config(data, str(path))


def quick_config(base: Config | None = None, *, asx_api: str | None = None, interval: float | None = None,
                 webhooks: list[str] | None = None, min_score: float | None = None,
                 database: str | None = None) -> Config:
    """The configuration with the quick-path flags applied: ``--asx-api`` sets (or adds) the ASX source's
    base URL, ``--interval`` every polled source's interval, each ``--webhook`` a channel, and
    ``--webhook``/``--min-score`` a rule ``cli`` sending every announcement scoring at least N to them."""
    data = (base or Config()).model_dump(exclude_none=False)
    sources: list[dict[str, Any]] = data["sources"]  # extra (kind-specific) options included
    if asx_api:
        asx = next((s for s in sources if s["kind"] == "asx"), None)
        if asx is None:
            sources.append({"kind": "asx", "name": "asx", "base_url": asx_api})
        else:
            asx["base_url"] = asx_api
    if not sources:
        sources.append({"kind": "asx", "name": "asx"})
    if interval is not None:
        if not interval > 0:
            raise BadInput(f"--interval {interval}: must be positive")
        for s in sources:
            if s["kind"] != "push":
                s["interval"] = interval
    channels: dict[str, dict[str, Any]] = data["channels"]
    rules = data["rules"]
    if webhooks or min_score is not None:
        names = []
        for i, url in enumerate(webhooks or [], start=1):
            name = f"webhook-{i}"
            channels[name] = {"kind": "webhook", "url": url}
            names.append(name)
        if any(r["name"] == "cli" for r in rules):
            raise BadInput("the configuration already has a rule named 'cli' (used by --webhook/--min-score)")
        rules.append({"name": "cli", "channels": names, "min_score": min_score})
    watch = data["watch"]
    if database:
        watch["database"] = database
    return parse_config({"watch": watch, "sources": sources, "channels": channels, "rules": rules}, "command line")
