"""Encryption of personal data at rest (AES-256-GCM) and keyed blind indexes for lookup.

Each ciphertext is bound to its row and field through the associated data, so a value copied
into another row or column fails to decrypt. Keys carry ids so they can rotate: new writes use
the active key, old rows stay readable while their key is in the ring.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Annotated

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import Depends, Request

from anjie.config import Settings

NONCE_BYTES = 12


class DecryptionFailed(Exception):
    pass


@dataclass(frozen=True)
class PiiCipher:
    keys: dict[str, bytes]
    active_kid: str
    blind_key: bytes

    @classmethod
    def from_settings(cls, settings: Settings) -> PiiCipher:
        raw = json.loads(settings.pii_keys.get_secret_value())
        keys = {str(kid): base64.b64decode(value) for kid, value in raw.items()}
        if settings.pii_active_kid not in keys:
            raise ValueError("ANJIE_PII_ACTIVE_KID is not a key of ANJIE_PII_KEYS")
        if any(len(key) != 32 for key in keys.values()):
            raise ValueError("every ANJIE_PII_KEYS key must be 32 bytes, base64-encoded")
        return cls(
            keys=keys,
            active_kid=settings.pii_active_kid,
            blind_key=settings.blind_index_key.get_secret_value().encode(),
        )

    def encrypt(self, plaintext: str, aad: str) -> tuple[str, bytes]:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.active_kid]).encrypt(nonce, plaintext.encode(), aad.encode())
        return self.active_kid, nonce + sealed

    def decrypt(self, kid: str, blob: bytes, aad: str) -> str:
        key = self.keys.get(kid)
        if key is None:
            raise DecryptionFailed(f"key {kid} is not in the ring")
        try:
            return (
                AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad.encode()).decode()
            )
        except Exception as exc:
            raise DecryptionFailed("ciphertext does not authenticate") from exc

    def blind_index(self, value: str) -> bytes:
        """Deterministic keyed hash for exact-match lookup without storing the value."""
        return hmac.new(self.blind_key, value.strip().upper().encode(), hashlib.sha256).digest()


def get_cipher(request: Request) -> PiiCipher:
    cipher: PiiCipher = request.app.state.cipher
    return cipher


CipherDep = Annotated[PiiCipher, Depends(get_cipher)]
