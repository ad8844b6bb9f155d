from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile, status
from fastapi.responses import StreamingResponse

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.attachments import service
from anjie.attachments.dependencies import StorageDep
from anjie.attachments.names import content_disposition
from anjie.attachments.owners import OwnerType
from anjie.attachments.schemas import AttachmentListQuery, AttachmentOut, Description
from anjie.core.db import SessionDep
from anjie.core.dependencies import SettingsDep
from anjie.core.pagination import Page
from anjie.idempotency.dependencies import KeyHeader

router = APIRouter(prefix="/attachments", tags=["attachments"])

Reader = Annotated[Principal, Depends(Authorize(Permission.cases_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.attachments_write))]

# One file and a few short fields; anything more is not an attachment upload.
_FORM_LIMITS: Any = {"max_files": 1, "max_fields": 8, "max_part_size": 16 * 1024}
_BINARY: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file, as the type sniffed at upload",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="uploadAttachment",
    form_limits=_FORM_LIMITS,
)
async def upload_attachment(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    storage: StorageDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="PDF, JPEG, PNG, WebP, DOCX or XLSX")],
    owner_type: Annotated[OwnerType, Form()],
    owner_id: Annotated[uuid.UUID, Form()],
    description: Annotated[Description | None, Form()] = None,
    idempotency_key: KeyHeader = None,
) -> AttachmentOut:
    """Attach a file to a case, hearing, relief application or check-in. The type is decided
    from the bytes (the client's name and Content-Type are ignored); at most 20 MiB."""
    data = service.UploadIn(
        owner_type=owner_type,
        owner_id=owner_id,
        filename=file.filename,
        description=(description or "").strip() or None,
    )
    out = await service.upload(
        session,
        principal,
        storage,
        data,
        file.file,
        limit=service.max_bytes(settings),
        idempotency_key=idempotency_key,
        path=request.url.path,
    )
    response.headers["Location"] = f"{request.url.path}/{out.id}"
    return out


@router.get("", operation_id="listAttachments")
async def list_attachments(
    session: SessionDep,
    principal: Reader,
    query: Annotated[AttachmentListQuery, Query()],
) -> Page[AttachmentOut]:
    return await service.list_attachments(session, principal, query)


@router.get("/{attachment_id}", operation_id="getAttachment")
async def get_attachment(
    attachment_id: uuid.UUID, session: SessionDep, principal: Reader
) -> AttachmentOut:
    return await service.get(session, principal, attachment_id)


@router.get(
    "/{attachment_id}/content",
    operation_id="downloadAttachment",
    response_class=StreamingResponse,
    responses=_BINARY,
)
async def download_attachment(
    attachment_id: uuid.UUID, session: SessionDep, principal: Reader, storage: StorageDep
) -> StreamingResponse:
    found = await service.download(session, principal, storage, attachment_id)
    headers = {
        "Content-Length": str(found.size),
        "Content-Disposition": content_disposition(found.filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        # Should a browser render it anyway, it gets no scripts and no origin.
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "ETag": f'"{found.sha256}"',
    }
    return StreamingResponse(found.chunks, media_type=found.media_type, headers=headers)
