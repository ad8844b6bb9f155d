"""Relief.

Revision ID: 0005_relief
Revises: 0004_hearings
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0005_relief"
down_revision = "0004_hearings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    op.execute("SELECT 1")
