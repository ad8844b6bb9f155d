"""Settings: production refuses the development secrets and hides the interactive docs."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from pydantic import ValidationError

from anjie.config import (
    DEV_BLIND_INDEX_KEY,
    DEV_JWT_KEYS,
    DEV_PII_KEYS,
    Environment,
    Settings,
)
from anjie.main import create_app

PRODUCTION = {
    "env": Environment.production,
    "database_url": "postgresql://anjie@db/anjie",
    # Random keys, as `openssl rand -base64 32` makes them (made up for these tests only).
    "jwt_keys": '{"k1": "r4rvA3shutw05Z0kByfUfalZZtm-AjRNzEH0hn_IOGo"}',
    "jwt_active_kid": "k1",
    "pii_keys": '{"p1": "FDtilcw+phesiqMUz+RfpqSSgnPohGN7ohgaqaa+T8I="}',
    "pii_active_kid": "p1",
    "blind_index_key": "huITYWTaOoUhR89G5HMMoQcWmvFssUDessnL_00J5qE",
}


# Leaving a secret (and its key id) out falls back to the development default.
@pytest.mark.parametrize(
    "left_out",
    [("jwt_keys", "jwt_active_kid"), ("pii_keys", "pii_active_kid"), ("blind_index_key",)],
)
def test_production_refuses_each_dev_secret(left_out: tuple[str, ...]) -> None:
    values = {k: v for k, v in PRODUCTION.items() if k not in left_out}
    with pytest.raises(ValidationError, match="dev defaults"):
        Settings(**values)  # type: ignore[arg-type]


DEV_JWT = json.loads(DEV_JWT_KEYS)["dev-1"]
DEV_PII = json.loads(DEV_PII_KEYS)["dev-1"]
STRONG_JWT = json.loads(str(PRODUCTION["jwt_keys"]))["k1"]
STRONG_PII = json.loads(str(PRODUCTION["pii_keys"]))["p1"]


def test_the_production_keys_start() -> None:
    assert Settings(**PRODUCTION).env is Environment.production  # type: ignore[arg-type]


# The probe: each of these started in production, though each uses a published key.
@pytest.mark.parametrize(
    "changes",
    [
        # the dev ring, reformatted JSON
        {"jwt_keys": json.dumps(json.loads(DEV_JWT_KEYS), indent=2), "jwt_active_kid": "dev-1"},
        # the dev secret under another key id
        {"jwt_keys": json.dumps({"prod-7": DEV_JWT}), "jwt_active_kid": "prod-7"},
        # the dev secret kept as an extra verification key during a rotation
        {"jwt_keys": json.dumps({"k1": STRONG_JWT, "old": DEV_JWT})},
        # the dev secret with a trailing space
        {"jwt_keys": json.dumps({"k1": DEV_JWT + " "})},
        # the dev PII key under another id, kept for old rows
        {"pii_keys": json.dumps({"p1": STRONG_PII, "p0": DEV_PII})},
        # the dev PII key written another way (the same 32 bytes, a line break inside)
        {"pii_keys": json.dumps({"p1": DEV_PII[:20] + "\n" + DEV_PII[20:]})},
        # the dev blind-index key with blanks around it
        {"blind_index_key": f"  {DEV_BLIND_INDEX_KEY}\n"},
        # a JWT secret published for the blind index, and the other way round
        {"jwt_keys": json.dumps({"k1": DEV_BLIND_INDEX_KEY + "-and-some-more"})}
        | {"blind_index_key": DEV_JWT},
    ],
    ids=[
        "reformatted-json",
        "another-kid",
        "extra-verification-key",
        "trailing-space",
        "pii-extra-key",
        "pii-other-encoding",
        "blind-index-blanks",
        "swapped-fields",
    ],
)
def test_production_refuses_dev_key_material_in_any_form(changes: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="dev defaults"):
        Settings(**{**PRODUCTION, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"jwt_keys": json.dumps({"k1": "a" * 32})},
        {"jwt_keys": json.dumps({"k1": STRONG_JWT, "old": "ab" * 40})},
        {"pii_keys": json.dumps({"p1": base64.b64encode(bytes(32)).decode()})},
        {"blind_index_key": "a" * 64},
        {"blind_index_key": "password1234" * 3},
    ],
    ids=["jwt-one-letter", "jwt-verification-key-two-letters", "pii-zero-bytes", "blind-a", "word"],
)
def test_production_refuses_low_entropy_secrets(changes: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="weak secrets"):
        Settings(**{**PRODUCTION, **changes})  # type: ignore[arg-type]


def test_dev_and_test_still_run_on_the_dev_keys() -> None:
    for env in (Environment.dev, Environment.test):
        assert Settings(env=env).jwt_key_ring == json.loads(DEV_JWT_KEYS)


def test_short_jwt_secret_and_bad_pii_key_are_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(**{**PRODUCTION, "jwt_keys": '{"k1": "short"}'})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Settings(**{**PRODUCTION, "pii_keys": '{"p1": "c2hvcnQ="}'})  # type: ignore[arg-type]


async def test_docs_are_off_in_production_and_on_in_dev() -> None:
    for env, expected in ((Environment.production, 404), (Environment.dev, 200)):
        settings = Settings(**{**PRODUCTION, "env": env})  # type: ignore[arg-type]
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
            response = await client.get("/api/v1/docs")
        assert response.status_code == expected
