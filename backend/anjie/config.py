"""Settings: one object, read from ANJIE_* environment variables (and .env in dev)."""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import Counter
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Dev-only secrets. Production refuses to start while any of them is in use, so a forgotten
# variable cannot silently sign real tokens with a key that is published in this repository.
DEV_JWT_KEYS = '{"dev-1": "anjie-dev-jwt-secret-change-me-0123456789abcdef"}'
DEV_PII_KEYS = '{"dev-1": "ZGV2LXBpaS1rZXktMzItYnl0ZXMtY2hhbmdlLW1lISE="}'
DEV_BLIND_INDEX_KEY = "anjie-dev-blind-index-key-change-me"
# Secrets below this estimate are refused in production: a run of one letter, a short word
# repeated. Generate keys with `openssl rand -base64 32` (see README.md).
MIN_SECRET_BITS = 128


def _material(secret: object) -> bytes:
    """What a secret is as key material, whatever way it was written: stripped of the blanks
    an editor or a shell adds around it."""
    return str(secret).strip().encode()


def _pii_material(secret: object) -> bytes:
    try:
        return base64.b64decode(str(secret).strip())
    except (binascii.Error, ValueError):
        return _material(secret)


def _dev_materials() -> set[bytes]:
    """Every secret published in this repository, under any of the forms it can be used in."""
    found = {_material(v) for v in json.loads(DEV_JWT_KEYS).values()}
    found |= {_material(v) for v in json.loads(DEV_PII_KEYS).values()}
    found |= {_pii_material(v) for v in json.loads(DEV_PII_KEYS).values()}
    found.add(_material(DEV_BLIND_INDEX_KEY))
    return found


def estimated_bits(material: bytes) -> float:
    """Shannon entropy of the secret's own symbols times its length: a cheap upper estimate of
    its strength, low for repeated or few distinct symbols."""
    if not material:
        return 0.0
    counts = Counter(material)
    total = len(material)
    return -sum(n * math.log2(n / total) for n in counts.values())


class Environment(StrEnum):
    dev = "dev"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ANJIE_", env_file=".env", extra="ignore", populate_by_name=True
    )

    env: Environment = Environment.dev
    database_url: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ANJIE_DATABASE_URL", "DATABASE_URL")
    )
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_echo: bool = False

    jwt_keys: SecretStr = SecretStr(DEV_JWT_KEYS)
    jwt_active_kid: str = "dev-1"
    jwt_issuer: str = "anjie"
    jwt_audience: str = "anjie-api"
    access_token_minutes: int = Field(default=15, ge=1, le=15)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    refresh_cookie_secure: bool = True

    pii_keys: SecretStr = SecretStr(DEV_PII_KEYS)
    pii_active_kid: str = "dev-1"
    blind_index_key: SecretStr = SecretStr(DEV_BLIND_INDEX_KEY)

    # Failures of one account from one IP: that IP is refused for that account, whatever the
    # password; the owner elsewhere is not.
    login_max_failures_per_account: int = Field(default=5, ge=1)
    login_max_failures_per_ip: int = Field(default=20, ge=1)
    # Failures of one account over all IPs: past it, each IP gets a single try for that account.
    login_account_ceiling: int = Field(default=50, ge=1)
    login_window_seconds: int = Field(default=900, ge=1)

    max_body_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    data_dir: Path = Path(".data")
    # Interactive docs: on in dev and test, off in production unless asked for.
    docs_enabled: bool | None = None
    # The contract (/api/v1/openapi.json) and Prometheus /metrics: on in dev and test, off in
    # production unless asked for (the metrics then belong behind the internal network).
    openapi_enabled: bool | None = None
    metrics_enabled: bool | None = None
    log_level: str = "INFO"
    log_json: bool = True
    host: str = "127.0.0.1"
    # Addresses (or CIDR networks, comma-separated) of the proxies whose X-Forwarded-For and
    # X-Forwarded-Proto are believed. None by default: a direct client could otherwise forge its
    # address in the audit trail and escape the per-IP sign-in limit.
    trusted_proxies: str = ""
    port: int = 8000
    spa_dir: Path | None = None
    # Where notifications go besides the inbox (anjie/notifications/channels.py), as a JSON list:
    # ANJIE_NOTIFICATION_CHANNELS='["log"]'. An SMS or e-mail gateway adds its name here.
    notification_channels: list[Literal["log"]] = Field(default_factory=list)
    # `anjie run` starts the worker beside the API; off, the API runs alone.
    run_worker: bool = True

    @field_validator("jwt_keys")
    @classmethod
    def _jwt_keys_json(cls, value: SecretStr) -> SecretStr:
        keys = json.loads(value.get_secret_value())
        if not isinstance(keys, dict) or not keys:
            raise ValueError("ANJIE_JWT_KEYS must be a JSON object of kid -> secret")
        if any(len(str(secret)) < 32 for secret in keys.values()):
            raise ValueError("every JWT secret must be at least 32 characters")
        return value

    @field_validator("pii_keys")
    @classmethod
    def _pii_keys_json(cls, value: SecretStr) -> SecretStr:
        keys = json.loads(value.get_secret_value())
        if not isinstance(keys, dict) or not keys:
            raise ValueError("ANJIE_PII_KEYS must be a JSON object of kid -> base64 key")
        for secret in keys.values():
            if len(base64.b64decode(str(secret))) != 32:
                raise ValueError("every ANJIE_PII_KEYS key must be 32 bytes, base64-encoded")
        return value

    @model_validator(mode="after")
    def _refuse_dev_secrets_in_production(self) -> Settings:
        if self.jwt_active_kid not in self.jwt_key_ring:
            raise ValueError("ANJIE_JWT_ACTIVE_KID is not a key of ANJIE_JWT_KEYS")
        if self.env is Environment.production:
            self._refuse_weak_secrets()
            if self.database_url is None:
                raise ValueError("production needs ANJIE_DATABASE_URL")
        return self

    def _refuse_weak_secrets(self) -> None:
        """Every key of every ring counts, the ones kept only to verify during a rotation too:
        a published key that still verifies lets anyone sign an admin token."""
        pii = json.loads(self.pii_keys.get_secret_value())
        keys = [
            *(("ANJIE_JWT_KEYS", kid, _material(v)) for kid, v in self.jwt_key_ring.items()),
            *(("ANJIE_PII_KEYS", str(kid), _pii_material(v)) for kid, v in pii.items()),
            ("ANJIE_BLIND_INDEX_KEY", None, _material(self.blind_index_key.get_secret_value())),
        ]
        dev = _dev_materials()
        bad: list[str] = []
        weak: list[str] = []
        for name, kid, material in keys:
            label = f"{name} ({kid})" if kid is not None else name
            if material in dev:
                bad.append(label)
            elif estimated_bits(material) < MIN_SECRET_BITS:
                weak.append(label)
        if bad:
            raise ValueError(f"production refuses the dev defaults of: {', '.join(bad)}")
        if weak:
            raise ValueError(
                f"production refuses weak secrets (under {MIN_SECRET_BITS} bits estimated): "
                f"{', '.join(weak)}; generate them with `openssl rand -base64 32`"
            )

    @property
    def jwt_key_ring(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in json.loads(self.jwt_keys.get_secret_value()).items()}

    @property
    def docs(self) -> bool:
        if self.docs_enabled is None:
            return self.env is not Environment.production
        return self.docs_enabled

    @property
    def openapi(self) -> bool:
        if self.openapi_enabled is None:
            return self.env is not Environment.production
        return self.openapi_enabled

    @property
    def metrics(self) -> bool:
        if self.metrics_enabled is None:
            return self.env is not Environment.production
        return self.metrics_enabled

    @property
    def is_dev(self) -> bool:
        return self.env is Environment.dev


@lru_cache
def get_settings() -> Settings:
    return Settings()
