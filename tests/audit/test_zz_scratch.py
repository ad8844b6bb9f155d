from __future__ import annotations
import httpx
from anjie.core import metrics

seen = []

def wrap(app):
    async def w(scope, receive, send):
        status = {"s": 0}
        async def s2(m):
            if m["type"] == "http.response.start":
                status["s"] = m["status"]
            await send(m)
        await app(scope, receive, s2)
        seen.append((scope.get("path"), metrics.route_label(scope), status["s"]))
        metrics.observe(scope, status["s"], 0.01)
    return w

async def test_route(app, clean_db) -> None:
    t = httpx.ASGITransport(app=wrap(app), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=t, base_url="http://x") as c:
        await c.get("/readyz")
        await c.get("/api/v1/users/6f1d1f3c-6a43-4b1e-9e0f-111111111111")
        await c.get("/nope")
        await c.delete("/readyz")
        await c.request("FOO", "/readyz")
        await c.get("/api/v1/users/not-a-uuid")
        r = await c.get("/metrics")
        print(r.text[-1500:])
    print(seen)
