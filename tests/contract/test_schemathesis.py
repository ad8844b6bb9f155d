"""The contract holds for what the app really answers: schemathesis generates requests from
`openapi.json` (valid ones and ones the contract forbids) for every operation and sends them
in-process to the app on the test database, once per role, and runs every default check —
no server error, every status, content type, header and body documented, invalid data
refused, valid data accepted.

It is not yet part of `make test`: it still finds failures (39 unique operation × mode × check
ones over the five roles, down from 145 once the sign-out no longer hid the rest, and 1,035
before the contract documented its errors), mostly valid-looking requests that a rule the
schema cannot say refuses with a 422: an ID number's check digit, a decimal string, a field
one transition action or participant kind does not take. `make schemathesis` runs it
(ANJIE_SCHEMATHESIS=1); it joins `make test` once it runs clean.

The app under test is its own instance: schemathesis runs it, with its lifespan, on an event
loop of its own, while the scene is set through the harness's connection. Examples are few per
operation and role, so the whole run stays within a few minutes on a small machine.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.schemas import BaseSchema

from anjie.config import Settings
from anjie.main import create_app
from tests.cases.support import bureau, insert_cases
from tests.factories import World

ROLES = ("admin", "leader", "office", "officer", "observer")
pytestmark = pytest.mark.skipif(
    os.environ.get("ANJIE_SCHEMATHESIS") != "1",
    reason="the contract fuzz runs with `make schemathesis` until it runs clean",
)
MAX_EXAMPLES = 4


@pytest.fixture(scope="module")
def contract_app(settings: Settings) -> Iterator[object]:
    yield create_app(settings)
    # Each module's app keeps its lifespan (and its pool) until it is told to stop.
    schemathesis.python.asgi.shutdown_lifespans()


@pytest.fixture(scope="module")
def api_schema(contract_app: object) -> BaseSchema:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", contract_app)
    checks = schema.config.checks
    # An If-Match that is well formed but names another version is refused with 412 (RFC 9110
    # §13.1.1), and so is one no version can match: neither is a missed validation.
    for check in (checks.positive_data_acceptance, checks.negative_data_rejection):
        check.expected_statuses = [*check.expected_statuses, "412"]

    @schema.hook
    def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
        # A cursor is opaque: only a page the server answered hands one out (its `next_cursor`),
        # and no schema can say which strings those are. A valid request leaves it out; an
        # invalid one may still send any string, which is a 422.
        positive = case.meta is not None and case.meta.generation.mode is GenerationMode.POSITIVE
        if positive and case.query:
            case.query.pop("cursor", None)
        return case

    return schema


async def _scene(world: World) -> dict[str, str]:
    """One account per role in bureau A of a county and a few complete cases the officer
    holds; the rest is whatever the generated requests create."""
    b = await bureau(world)
    admin = await world.user(b.county, "admin")
    await insert_cases(world.conn, b.a, b.campaign_id, 3, person=b.officer)
    people = {
        "admin": admin,
        "leader": b.leader,
        "office": b.office,
        "officer": b.officer,
        "observer": b.observer,
    }
    return {role: world.token(user) for role, user in people.items()}


def _failures(error: BaseException) -> list[str]:
    if isinstance(error, BaseExceptionGroup):
        return [title for inner in error.exceptions for title in _failures(inner)]
    title = getattr(error, "title", None) or type(error).__name__
    message = " ".join(str(getattr(error, "message", "")).split())[:160]
    return [f"{title} ({message})" if message else title]


def _check(schema: BaseSchema, token: str) -> dict[str, list[str]]:
    """Every operation, valid and invalid requests: the failures by operation."""
    found: dict[str, list[str]] = {}
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    # Signing out ends the caller's access token (its version is bumped), so every request
    # after it would be a 401 that passes every check: the sign-out goes last.
    operations.sort(key=lambda operation: operation.label == "POST /api/v1/auth/logout")
    for operation in operations:
        for mode in GenerationMode:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate],
            )
            def run(case: schemathesis.Case) -> None:
                case.call_and_validate(headers=headers)

            try:
                run()
            except Unsatisfiable:
                # An operation without parameters or body (/healthz) has no invalid request.
                if mode is not GenerationMode.NEGATIVE:
                    raise
            except (Exception, BaseExceptionGroup) as exc:
                found.setdefault(operation.label, []).extend(
                    f"{mode.value}: {title}" for title in _failures(exc)
                )
    return found


@pytest.mark.parametrize("role", ROLES)
async def test_every_operation_keeps_the_contract(
    role: str, world: World, api_schema: BaseSchema
) -> None:
    tokens = await _scene(world)
    found = await asyncio.to_thread(_check, api_schema, tokens[role])
    report = "\n".join(f"{label}: {sorted(set(titles))}" for label, titles in sorted(found.items()))
    total = sum(len(set(titles)) for titles in found.values())
    assert not found, f"{total} contract failures for {role}:\n{report}"
