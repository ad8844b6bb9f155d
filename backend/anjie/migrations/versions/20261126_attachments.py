"""Attachments.

Revision ID: 0003_attachments
Revises: 0002_case_registry
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0003_attachments"
down_revision = "0002_case_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    op.execute("SELECT 1")
