"""Supervision (督查督办): deadlines, their rules per campaign, the worker's steps, notifications,
supervision notices and their replies, accountability records (责任倒查).

Exactly-once effects come from unique keys, not from the queue: a worker step is unique per
(deadline, step), a notification per (recipient, source key), so two workers on the same tick
insert one row and the loser's insert does nothing. Accountability records are never deleted.

Revision ID: 0007_supervision
Revises: 0006_checkins
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0007_supervision"
down_revision = "0006_checkins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
CREATE TABLE deadline_rule (
	campaign_id UUID NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
	kind VARCHAR(40) NOT NULL,
	active BOOLEAN NOT NULL,
	amount INTEGER NOT NULL,
	unit VARCHAR(16) NOT NULL,
	reminder_lead_days INTEGER NOT NULL,
	escalation_days INTEGER[] NOT NULL,
	accountability_grace_days INTEGER NOT NULL,
	max_extension_days INTEGER NOT NULL,
	updated_by UUID REFERENCES app_user (id),
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	version INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT pk_deadline_rule PRIMARY KEY (campaign_id, kind),
	CONSTRAINT ck_deadline_rule_amount CHECK (amount BETWEEN 0 AND 3660),
	CONSTRAINT ck_deadline_rule_unit CHECK (unit IN ('calendar_days', 'working_days')),
	CONSTRAINT ck_deadline_rule_reminder CHECK (reminder_lead_days BETWEEN 0 AND 366),
	CONSTRAINT ck_deadline_rule_grace CHECK (accountability_grace_days BETWEEN 0 AND 366),
	CONSTRAINT ck_deadline_rule_extension CHECK (max_extension_days BETWEEN 0 AND 366)
)""")
    op.execute("""
CREATE TABLE deadline (
	id UUID NOT NULL,
	kind VARCHAR(40) NOT NULL,
	subject_type VARCHAR(32) NOT NULL,
	subject_id UUID NOT NULL,
	case_id UUID REFERENCES petition_case (id),
	campaign_id UUID REFERENCES campaign (id),
	org_unit_id UUID NOT NULL REFERENCES org_unit (id),
	responsible_user_id UUID REFERENCES app_user (id),
	responsible_unit_id UUID REFERENCES org_unit (id),
	unit VARCHAR(16) NOT NULL,
	starts_on DATE NOT NULL,
	base_due_on DATE NOT NULL,
	due_on DATE NOT NULL,
	due_at TIMESTAMP WITH TIME ZONE NOT NULL,
	due_provisional BOOLEAN DEFAULT false NOT NULL,
	status VARCHAR(16) NOT NULL,
	paused_at TIMESTAMP WITH TIME ZONE,
	paused_days INTEGER DEFAULT 0 NOT NULL,
	pause_reason TEXT,
	extension_days INTEGER,
	extension_reason TEXT,
	extended_by UUID REFERENCES app_user (id),
	extended_at TIMESTAMP WITH TIME ZONE,
	escalation_level INTEGER DEFAULT 0 NOT NULL,
	closed_at TIMESTAMP WITH TIME ZONE,
	closed_by UUID REFERENCES app_user (id),
	close_note TEXT,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	version INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT pk_deadline PRIMARY KEY (id),
	CONSTRAINT ck_deadline_status CHECK (status IN ('open', 'met', 'overdue', 'met_late', 'waived')),
	CONSTRAINT ck_deadline_unit CHECK (unit IN ('calendar_days', 'working_days')),
	CONSTRAINT ck_deadline_paused_days CHECK (paused_days >= 0),
	CONSTRAINT ck_deadline_extension CHECK (extension_days IS NULL OR extension_days > 0),
	CONSTRAINT ck_deadline_subject CHECK (
		subject_type IN ('case', 'relief_application', 'hearing', 'supervision_notice', 'campaign')
	)
)""")
    # One running clock of a kind per subject: a second "open" one would be counted twice.
    op.execute("""
CREATE UNIQUE INDEX uq_deadline_running ON deadline (kind, subject_type, subject_id)
	WHERE status IN ('open', 'overdue')""")
    op.execute("CREATE INDEX ix_deadline_case ON deadline (case_id, due_at)")
    op.execute(
        "CREATE INDEX ix_deadline_due ON deadline (due_at, id) WHERE status IN ('open', 'overdue')"
    )
    op.execute("CREATE INDEX ix_deadline_list ON deadline (due_at, id)")
    op.execute("CREATE INDEX ix_deadline_responsible ON deadline (responsible_user_id, due_at)")
    op.execute("""
CREATE TABLE deadline_step (
	deadline_id UUID NOT NULL REFERENCES deadline (id),
	step VARCHAR(32) NOT NULL,
	at TIMESTAMP WITH TIME ZONE NOT NULL,
	detail JSONB,
	CONSTRAINT pk_deadline_step PRIMARY KEY (deadline_id, step)
)""")
    op.execute("""
CREATE TABLE notification (
	id UUID NOT NULL,
	user_id UUID NOT NULL REFERENCES app_user (id),
	kind VARCHAR(32) NOT NULL,
	source_key VARCHAR(200) NOT NULL,
	case_id UUID REFERENCES petition_case (id),
	deadline_id UUID REFERENCES deadline (id),
	notice_id UUID,
	title_zh VARCHAR(300) NOT NULL,
	title_en VARCHAR(300) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	read_at TIMESTAMP WITH TIME ZONE,
	delivered_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT pk_notification PRIMARY KEY (id),
	CONSTRAINT uq_notification_source UNIQUE (user_id, source_key)
)""")
    op.execute("CREATE INDEX ix_notification_inbox ON notification (user_id, id DESC)")
    op.execute(
        "CREATE INDEX ix_notification_unread ON notification (user_id) WHERE read_at IS NULL"
    )
    op.execute(
        "CREATE INDEX ix_notification_undelivered ON notification (id) WHERE delivered_at IS NULL"
    )
    op.execute("""
CREATE TABLE supervision_notice (
	id UUID NOT NULL,
	number VARCHAR(60) NOT NULL,
	number_year INTEGER NOT NULL,
	number_seq INTEGER NOT NULL,
	case_id UUID NOT NULL REFERENCES petition_case (id),
	org_unit_id UUID NOT NULL REFERENCES org_unit (id),
	issuing_unit_id UUID NOT NULL REFERENCES org_unit (id),
	issued_by UUID NOT NULL REFERENCES app_user (id),
	issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
	to_user_ids UUID[] NOT NULL,
	to_unit_id UUID REFERENCES org_unit (id),
	reason TEXT NOT NULL,
	requirements TEXT NOT NULL,
	reply_due_on DATE NOT NULL,
	status VARCHAR(16) NOT NULL,
	closed_at TIMESTAMP WITH TIME ZONE,
	closed_by UUID REFERENCES app_user (id),
	close_note TEXT,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	version INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT pk_supervision_notice PRIMARY KEY (id),
	CONSTRAINT uq_supervision_notice_number UNIQUE (issuing_unit_id, number_year, number_seq),
	CONSTRAINT ck_supervision_notice_status CHECK (status IN ('open', 'replied', 'closed', 'returned'))
)""")
    op.execute("CREATE INDEX ix_supervision_notice_case ON supervision_notice (case_id, id)")
    op.execute("CREATE INDEX ix_supervision_notice_list ON supervision_notice (id)")
    op.execute("""
CREATE TABLE supervision_notice_counter (
	issuing_unit_id UUID NOT NULL REFERENCES org_unit (id),
	year INTEGER NOT NULL,
	last_seq INTEGER NOT NULL,
	CONSTRAINT pk_supervision_notice_counter PRIMARY KEY (issuing_unit_id, year)
)""")
    op.execute("""
CREATE TABLE supervision_reply (
	id UUID NOT NULL,
	notice_id UUID NOT NULL REFERENCES supervision_notice (id),
	author_id UUID NOT NULL REFERENCES app_user (id),
	text TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT pk_supervision_reply PRIMARY KEY (id)
)""")
    op.execute(
        "CREATE INDEX ix_supervision_reply_notice ON supervision_reply (notice_id, created_at)"
    )
    op.execute("""
CREATE TABLE accountability_record (
	id UUID NOT NULL,
	case_id UUID NOT NULL REFERENCES petition_case (id),
	org_unit_id UUID NOT NULL REFERENCES org_unit (id),
	deadline_ids UUID[] NOT NULL,
	persons JSONB NOT NULL,
	opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
	opened_by UUID REFERENCES app_user (id),
	source_key VARCHAR(200),
	finding TEXT,
	decision VARCHAR(32),
	decision_note TEXT,
	decided_by UUID REFERENCES app_user (id),
	decided_at TIMESTAMP WITH TIME ZONE,
	status VARCHAR(16) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	version INTEGER DEFAULT 1 NOT NULL,
	CONSTRAINT pk_accountability_record PRIMARY KEY (id),
	CONSTRAINT uq_accountability_record_source UNIQUE (source_key),
	CONSTRAINT ck_accountability_record_status CHECK (status IN ('open', 'decided')),
	CONSTRAINT ck_accountability_record_decision CHECK (
		decision IS NULL OR decision IN ('none', 'talk', 'circulated_criticism', 'referral')
	)
)""")
    op.execute("CREATE INDEX ix_accountability_record_case ON accountability_record (case_id, id)")
    op.execute("""
-- 责任倒查 is a record of responsibility: it is decided, never removed.
CREATE FUNCTION accountability_record_no_delete() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'accountability records are never deleted';
END $$ LANGUAGE plpgsql""")
    op.execute("""
CREATE TRIGGER accountability_record_no_delete BEFORE DELETE ON accountability_record
	FOR EACH ROW EXECUTE FUNCTION accountability_record_no_delete()""")

    # A reply to a supervision notice may carry its evidence as attachments.
    op.execute("ALTER TABLE attachment DROP CONSTRAINT ck_attachment_owner_type")
    op.execute(
        "ALTER TABLE attachment ADD CONSTRAINT ck_attachment_owner_type CHECK (owner_type IN "
        "('case', 'hearing', 'relief_application', 'check_in', 'supervision_reply'))"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE attachment DROP CONSTRAINT ck_attachment_owner_type")
    op.execute(
        "ALTER TABLE attachment ADD CONSTRAINT ck_attachment_owner_type CHECK (owner_type IN "
        "('case', 'hearing', 'relief_application', 'check_in'))"
    )
    op.execute("DROP TRIGGER accountability_record_no_delete ON accountability_record")
    op.execute("DROP FUNCTION accountability_record_no_delete()")
    op.execute("DROP TABLE accountability_record")
    op.execute("DROP TABLE supervision_reply")
    op.execute("DROP TABLE supervision_notice_counter")
    op.execute("DROP TABLE supervision_notice")
    op.execute("DROP TABLE notification")
    op.execute("DROP TABLE deadline_step")
    op.execute("DROP TABLE deadline")
    op.execute("DROP TABLE deadline_rule")
