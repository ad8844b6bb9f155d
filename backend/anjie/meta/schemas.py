from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class EnumLabel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    value: str
    zh_cn: str = Field(alias="zh-CN")
    en: str


class Health(BaseModel):
    status: str
