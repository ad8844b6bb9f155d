from __future__ import annotations

from anjie.core.errors import Forbidden, NotFound


class PetitionerNotFound(NotFound):
    code = "petitioner_not_found"
    message_zh = "信访人不存在"
    message_en = "The petitioner does not exist"


class RevealNotAllowed(Forbidden):
    code = "pii_reveal_forbidden"
    message_zh = "只有本单位领导、办公室或包案承办人可以查看完整身份信息"
    message_en = (
        "Only leaders and the office of the owning unit, or officers assigned to one of the "
        "petitioner's cases, may see the full identity data"
    )
