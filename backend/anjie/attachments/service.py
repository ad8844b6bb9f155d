"""Attachments: upload (owner resolved to its case, size and type checked, bytes stored,
row and audit event written) and scoped reads.

Checks run cheapest first: an owner type nobody registered (422), the size (413), a retried
Idempotency-Key (replay, or 422 when it carried another file), the owner's visibility (404),
the sniffed type (415). Nothing is stored until all of them pass. The blob is written before
the transaction commits, so a failed commit can leave an unreferenced blob behind (harmless:
content-addressed, never served without a row).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from anyio import to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.attachments import owners
from anjie.attachments import repository as repo
from anjie.attachments.errors import (
    AttachmentContentMissing,
    AttachmentDownloadForbidden,
    AttachmentNotFound,
    AttachmentTypeNotAllowed,
)
from anjie.attachments.events import AttachmentAdded
from anjie.attachments.models import Attachment
from anjie.attachments.names import clean_filename, download_name
from anjie.attachments.owners import OwnerType
from anjie.attachments.schemas import AttachmentListQuery, AttachmentOut
from anjie.attachments.sniffing import ALLOWED, BY_MEDIA_TYPE, FileKind, sniff
from anjie.attachments.staging import Staged, discard, stage
from anjie.attachments.storage import Storage, StoredFileMissing
from anjie.audit import service as audit
from anjie.core import clock
from anjie.core.events import publish
from anjie.core.ids import uuid7
from anjie.core.pagination import Page, decode_id_cursor, page_of
from anjie.idempotency.service import IdempotencyGate, fingerprint

log = logging.getLogger("anjie.attachments")

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes(settings: object) -> int:
    """The upload limit: `attachment_max_bytes` when the settings have it, else 20 MiB."""
    return int(getattr(settings, "attachment_max_bytes", DEFAULT_MAX_BYTES))


@dataclass(frozen=True)
class UploadIn:
    owner_type: OwnerType
    owner_id: uuid.UUID
    filename: str | None
    description: str | None


@dataclass(frozen=True)
class Download:
    chunks: AsyncIterator[bytes]
    media_type: str
    size: int
    filename: str
    sha256: str


def to_out(a: Attachment, uploaded_by_name: str) -> AttachmentOut:
    return AttachmentOut(
        id=a.id,
        case_id=a.case_id,
        owner_type=OwnerType(a.owner_type),
        owner_id=a.owner_id,
        filename=a.filename,
        media_type=a.media_type,
        extension=a.extension,
        size_bytes=a.size_bytes,
        sha256=a.sha256.hex(),
        description=a.description,
        uploaded_by=a.uploaded_by,
        uploaded_by_name=uploaded_by_name,
        uploaded_at=a.uploaded_at,
    )


def _gate(
    session: AsyncSession,
    principal: Principal,
    data: UploadIn,
    filename: str,
    staged: Staged,
    *,
    key: str | None,
    path: str,
) -> IdempotencyGate:
    # A multipart body differs on every retry (random boundary), so the fingerprint is taken
    # over what the request means: the fields and the file's hash.
    meaning = {
        "owner_type": data.owner_type.value,
        "owner_id": str(data.owner_id),
        "filename": filename,
        "description": data.description,
        "sha256": staged.sha256.hex(),
    }
    body = json.dumps(meaning, sort_keys=True, ensure_ascii=False).encode()
    return IdempotencyGate(
        session=session,
        principal_id=principal.id,
        key=key,
        method="POST",
        path=path,
        body_hash=fingerprint("POST", path, body),
    )


async def upload(
    session: AsyncSession,
    principal: Principal,
    storage: Storage,
    data: UploadIn,
    source: BinaryIO,
    *,
    limit: int,
    idempotency_key: str | None,
    path: str,
) -> AttachmentOut:
    owners.ensure_available(data.owner_type)
    filename = clean_filename(data.filename)
    staged = await to_thread.run_sync(stage, source, limit)
    try:
        gate = _gate(session, principal, data, filename, staged, key=idempotency_key, path=path)
        await gate.check()
        case_id = await owners.resolve(session, principal, data.owner_type, data.owner_id)
        kind = await to_thread.run_sync(sniff, staged.path)
        if kind is None:
            raise AttachmentTypeNotAllowed(allowed=[k.media_type for k in ALLOWED])
        await storage.put(staged.sha256.hex(), staged.path)
    finally:
        await to_thread.run_sync(discard, staged)
    attachment = Attachment(
        id=uuid7(),
        case_id=case_id,
        owner_type=data.owner_type.value,
        owner_id=data.owner_id,
        filename=filename,
        media_type=kind.media_type,
        extension=kind.extension,
        size_bytes=staged.size,
        sha256=staged.sha256,
        description=data.description,
        uploaded_by=principal.id,
        uploaded_at=clock.now(),
    )
    await repo.add(session, attachment)
    unit_id, unit_path = await repo.case_unit(session, case_id)
    await audit.record(
        session,
        principal,
        "attachment.upload",
        entity_type="attachment",
        entity_id=attachment.id,
        org_unit_id=unit_id,
        org_path=unit_path,
        case_id=case_id,
        after=_snapshot(attachment),
    )
    await publish(
        session,
        AttachmentAdded(
            case_id=case_id,
            org_unit_id=unit_id,
            actor_id=principal.id,
            attachment_id=attachment.id,
            owner_type=attachment.owner_type,
            owner_id=attachment.owner_id,
        ),
    )
    out = to_out(attachment, principal.name)
    await gate.store(201, out, {"Location": f"{path}/{attachment.id}"})
    return out


def _snapshot(a: Attachment) -> dict[str, Any]:
    return {
        "owner_type": a.owner_type,
        "owner_id": str(a.owner_id),
        "filename": a.filename,
        "media_type": a.media_type,
        "size": a.size_bytes,
        "sha256": a.sha256.hex(),
        "description": a.description,
    }


async def _get(
    session: AsyncSession, principal: Principal, attachment_id: uuid.UUID
) -> tuple[Attachment, str]:
    row = await repo.get_visible(session, principal, attachment_id)
    if row is None:
        raise AttachmentNotFound()
    return row[0], row[1]


async def get(
    session: AsyncSession, principal: Principal, attachment_id: uuid.UUID
) -> AttachmentOut:
    return to_out(*await _get(session, principal, attachment_id))


async def list_attachments(
    session: AsyncSession,
    principal: Principal,
    query: AttachmentListQuery,
) -> Page[AttachmentOut]:
    rows = await repo.list_visible(
        session,
        principal,
        owner_type=query.owner_type.value if query.owner_type else None,
        owner_id=query.owner_id,
        case_id=query.case_id,
        updated_after=query.updated_after,
        after_id=decode_id_cursor(query.cursor),
        limit=query.limit + 1,
    )
    return page_of([to_out(a, name) for a, name in rows], query.limit, lambda a: [str(a.id)])


async def download(
    session: AsyncSession, principal: Principal, storage: Storage, attachment_id: uuid.UUID
) -> Download:
    attachment, _ = await _get(session, principal, attachment_id)
    if not principal.can(Permission.pii_reveal):
        # Files are ID scans, photos of people, minutes: content is for those who may reveal
        # personal data; an observer sees the name, type and size in the lists.
        raise AttachmentDownloadForbidden()
    kind = BY_MEDIA_TYPE.get(
        attachment.media_type,
        FileKind(attachment.media_type, attachment.extension, (attachment.extension,)),
    )
    try:
        chunks = await storage.open(attachment.sha256.hex())
    except StoredFileMissing as exc:
        log.error("attachment content missing", extra={"attachment_id": str(attachment.id)})
        raise AttachmentContentMissing() from exc
    # Files carry personal data (ID cards, minutes, photos): who read which is on record,
    # in the same transaction, committed before the first byte is sent.
    unit_id, unit_path = await repo.case_unit(session, attachment.case_id)
    await audit.record(
        session,
        principal,
        "attachment.download",
        entity_type="attachment",
        entity_id=attachment.id,
        org_unit_id=unit_id,
        org_path=unit_path,
        case_id=attachment.case_id,
    )
    return Download(
        chunks=chunks,
        media_type=attachment.media_type,
        size=attachment.size_bytes,
        filename=download_name(attachment.filename, kind),
        sha256=attachment.sha256.hex(),
    )
