"""Facts of attachments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from anjie.cases.events import CaseFact


@dataclass(frozen=True, kw_only=True)
class AttachmentAdded(CaseFact):
    name = "attachment.added"
    attachment_id: uuid.UUID
    owner_type: str
    owner_id: uuid.UUID
