from __future__ import annotations

from anjie.core.errors import NotFound


class CampaignNotFound(NotFound):
    code = "campaign_not_found"
    message_zh = "专项活动不存在"
    message_en = "The campaign does not exist"
