from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from anjie.attachments.storage import LocalStorage, Storage


def get_storage(request: Request) -> Storage:
    """The app's attachment store: whatever was installed as `app.state.attachment_storage`
    (tests, a future S3 backend), else a LocalStorage under settings.data_dir, built once."""
    state = request.app.state
    storage: Storage | None = getattr(state, "attachment_storage", None)
    if storage is None:
        storage = LocalStorage(state.settings.data_dir)
        state.attachment_storage = storage
    return storage


StorageDep = Annotated[Storage, Depends(get_storage)]
