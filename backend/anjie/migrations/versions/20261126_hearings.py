"""Hearings.

Revision ID: 0004_hearings
Revises: 0003_attachments
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0004_hearings"
down_revision = "0003_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    op.execute("SELECT 1")
