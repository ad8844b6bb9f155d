"""Attachments: files on a case, hearing, relief application or check-in.

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
    # owner_id has no foreign key: it points at one of four tables, named by owner_type. The
    # case it belongs to is stored alongside (case_id) so reads are scoped like the case and a
    # deleted case takes its attachments' rows with it.
    op.execute("""
CREATE TABLE attachment (
	id UUID NOT NULL,
	case_id UUID NOT NULL,
	owner_type VARCHAR(32) NOT NULL,
	owner_id UUID NOT NULL,
	filename VARCHAR(200) NOT NULL,
	media_type VARCHAR(100) NOT NULL,
	extension VARCHAR(8) NOT NULL,
	size_bytes bigint NOT NULL,
	sha256 BYTEA NOT NULL,
	description TEXT,
	uploaded_by UUID NOT NULL,
	uploaded_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	CONSTRAINT pk_attachment PRIMARY KEY (id),
	CONSTRAINT fk_attachment_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE,
	CONSTRAINT fk_attachment_uploaded_by_app_user FOREIGN KEY(uploaded_by) REFERENCES app_user (id),
	CONSTRAINT ck_attachment_owner_type CHECK (owner_type IN ('case', 'hearing', 'relief_application', 'check_in')),
	CONSTRAINT ck_attachment_case_owner CHECK (owner_type <> 'case' OR owner_id = case_id),
	CONSTRAINT ck_attachment_size_bytes CHECK (size_bytes >= 0),
	CONSTRAINT ck_attachment_sha256 CHECK (octet_length(sha256) = 32)
)
""")
    op.execute("""
CREATE INDEX ix_attachment_owner ON attachment (owner_type, owner_id)
""")
    op.execute("""
CREATE INDEX ix_attachment_case_id ON attachment (case_id)
""")


def downgrade() -> None:
    # The files themselves stay on disk (content-addressed, possibly shared); only rows go.
    op.execute("DROP TABLE attachment")
