"""Every route is guarded: it declares `Authorize(permission)` or is deliberately `public`.

The route table is read from the real app, so a route added tomorrow without a guard fails here,
and every guard is exercised over HTTP: no token → 401, a role without the permission → 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from anjie.access.dependencies import Authorize, public
from anjie.access.permissions import ROLE_PERMISSIONS, Permission
from anjie.access.roles import Role
from tests.factories import World
from tests.platform.problem_json import assert_problem

EXPECTED_PUBLIC = {
    ("POST", "/api/v1/auth/token"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    # Calendar apps cannot send bearer tokens: the feed authenticates by its own revocable token.
    ("GET", "/api/v1/hearings/calendar.ics"),
}


@dataclass(frozen=True)
class RouteInfo:
    method: str
    path: str
    permissions: frozenset[Permission]
    is_public: bool
    path_params: dict[str, Any]

    def url(self) -> str:
        """The path with a plausible value for every path parameter."""
        url = self.path
        for name, annotation in self.path_params.items():
            if annotation is int:
                value = "2026"
            elif annotation is date:
                value = "2026-11-26"
            else:
                value = str(uuid.uuid4())
            url = url.replace("{" + name + "}", value)
        assert "{" not in url, url
        return url

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _calls(dependant: Any) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _calls(dependency)


def route_table(app: FastAPI) -> list[RouteInfo]:
    """One entry per (method, path) of every APIRoute, included routers flattened."""
    table: list[RouteInfo] = []
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        dependant = context.dependant
        calls = list(_calls(dependant))
        permissions = frozenset(c.permission for c in calls if isinstance(c, Authorize))
        params = {p.name: p.field_info.annotation for p in dependant.path_params}
        for method in sorted(context.methods or ()):
            table.append(
                RouteInfo(method, str(context.path_format), permissions, public in calls, params)
            )
    return table


def _app(app: object) -> FastAPI:
    assert isinstance(app, FastAPI)
    return app


def test_every_route_is_guarded_or_public(app: object) -> None:
    table = route_table(_app(app))
    assert len(table) >= 20, [str(r) for r in table]  # the walk really found the routers
    unguarded = [str(r) for r in table if not r.permissions and not r.is_public]
    assert unguarded == [], f"routes with neither Authorize nor public: {unguarded}"
    both = [str(r) for r in table if r.permissions and r.is_public]
    assert both == [], f"routes both public and guarded: {both}"
    public_routes = {(r.method, r.path) for r in table if r.is_public}
    assert public_routes == EXPECTED_PUBLIC


def test_route_table_sees_known_guards(app: object) -> None:
    """The walk finds the guard even when it is a parameter's dependency (not in decorators)."""
    by_key = {(r.method, r.path): r for r in route_table(_app(app))}
    assert by_key[("POST", "/api/v1/users")].permissions == {Permission.users_write}
    assert by_key[("GET", "/api/v1/org-units/{unit_id}")].permissions == {Permission.orgs_read}
    assert by_key[("PUT", "/api/v1/calendar/years/{year}")].permissions == {
        Permission.calendar_write
    }
    assert by_key[("GET", "/api/v1/calendar/years/{year}")].path_params == {"year": int}


async def test_every_guarded_route_needs_a_token(app: object, client: httpx.AsyncClient) -> None:
    failures: list[str] = []
    checked = 0
    for route in route_table(_app(app)):
        if not route.permissions:
            continue
        response = await client.request(route.method, route.url())
        checked += 1
        if (
            response.status_code != 401
            or not response.headers.get("content-type", "").startswith("application/problem+json")
            or "bearer" not in response.headers.get("www-authenticate", "").lower()
        ):
            failures.append(f"{route}: {response.status_code} {response.text[:200]}")
            continue
        assert_problem(response, 401)
    assert checked >= 15
    assert failures == []


async def test_a_garbage_token_is_401(world: World) -> None:
    response = await world.client.get(
        "/api/v1/users", headers={"Authorization": "Bearer not.a.jwt"}
    )
    assert_problem(response, 401, "token_invalid")
    response = await world.client.get("/api/v1/users", headers={"Authorization": "Basic eDp5"})
    assert_problem(response, 401)


def _roles_lacking_something() -> list[Role]:
    return [role for role in Role if ROLE_PERMISSIONS[role] != frozenset(Permission)]


@pytest.mark.parametrize("role", _roles_lacking_something(), ids=str)
async def test_each_role_is_refused_what_it_lacks(app: object, world: World, role: Role) -> None:
    _, bureau, _ = await world.county()
    caller = await world.user(bureau, role.value)
    admin = await world.user(bureau, "admin")
    granted = ROLE_PERMISSIONS[role]
    failures: list[str] = []
    checked: list[str] = []
    for route in route_table(_app(app)):
        # A route is refused when the role holds none of the permissions it declares.
        if not route.permissions or route.permissions & granted:
            continue
        url = route.url()
        response = await world.client.request(route.method, url, headers=world.auth(caller))
        checked.append(str(route))
        if response.status_code != 403:
            failures.append(f"{route}: {response.status_code} {response.text[:200]}")
            continue
        assert_problem(response, 403, "forbidden")
        # The same request from a role that holds the permission gets past the guard.
        if route.permissions <= ROLE_PERMISSIONS[Role.admin]:
            allowed = await world.client.request(route.method, url, headers=world.auth(admin))
            if allowed.status_code in (401, 403):
                failures.append(f"{route} as admin: {allowed.status_code}")
    assert checked, f"{role} lacks {set(Permission) - granted} but no route needs it"
    assert failures == []


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        (Role.officer, "POST", "/api/v1/users"),
        (Role.officer, "GET", "/api/v1/users"),
        (Role.leader, "POST", "/api/v1/org-units"),
        (Role.observer, "PUT", "/api/v1/calendar/years/2027"),
        (Role.office, "GET", "/api/v1/audit-events"),
    ],
)
async def test_examples_of_refusal(world: World, role: Role, method: str, path: str) -> None:
    _, bureau, _ = await world.county()
    caller = await world.user(bureau, role.value)
    response = await world.client.request(method, path, headers=world.auth(caller), json={})
    body = assert_problem(response, 403, "forbidden")
    assert body["detail"] == "没有执行此操作的权限"


async def test_granted_permission_passes_the_guard(world: World) -> None:
    _, bureau, _ = await world.county()
    for role in ("leader", "office", "observer"):
        caller = await world.user(bureau, role)
        response = await world.client.get("/api/v1/users", headers=world.auth(caller))
        assert response.status_code == 200, (role, response.text)
    officer = await world.user(bureau, "officer")
    response = await world.client.get("/api/v1/org-units", headers=world.auth(officer))
    assert response.status_code == 200, response.text
