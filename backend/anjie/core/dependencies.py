"""Request-level dependencies every layer may use: the settings and the caller's address."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from anjie.config import Settings


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
