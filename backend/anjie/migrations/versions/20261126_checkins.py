"""Checkins.

Revision ID: 0006_checkins
Revises: 0005_relief
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0006_checkins"
down_revision = "0005_relief"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    op.execute("SELECT 1")
