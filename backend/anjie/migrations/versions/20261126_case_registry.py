"""Case registry: campaigns, petitioners, cases, assignments (包案), plans (五定), idempotency.

Revision ID: 0002_case_registry
Revises: 0001_platform
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0002_case_registry"
down_revision = "0001_platform"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
CREATE TABLE campaign (
	id UUID NOT NULL,
	org_unit_id UUID NOT NULL,
	name VARCHAR(200) NOT NULL,
	document_reference VARCHAR(100),
	cutoff_date DATE NOT NULL,
	resolution_target DATE NOT NULL,
	self_inspection_due DATE,
	version bigint DEFAULT 1 NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	CONSTRAINT pk_campaign PRIMARY KEY (id),
	CONSTRAINT fk_campaign_org_unit_id_org_unit FOREIGN KEY(org_unit_id) REFERENCES org_unit (id)
)
""")
    op.execute("""
CREATE INDEX ix_campaign_org_unit_id ON campaign (org_unit_id)
""")
    op.execute("""
CREATE TABLE campaign_phase (
	campaign_id UUID NOT NULL,
	phase VARCHAR(32) NOT NULL,
	starts_on DATE NOT NULL,
	ends_on DATE NOT NULL,
	CONSTRAINT pk_campaign_phase PRIMARY KEY (campaign_id, phase),
	CONSTRAINT fk_campaign_phase_campaign_id_campaign FOREIGN KEY(campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
)
""")
    op.execute("""
CREATE TABLE petitioner (
	id UUID NOT NULL,
	org_unit_id UUID NOT NULL,
	name VARCHAR(50) NOT NULL,
	gender VARCHAR(8),
	birth_date DATE,
	ethnicity VARCHAR(20),
	pii_kid VARCHAR(32) NOT NULL,
	id_number_enc BYTEA,
	id_number_bidx BYTEA,
	id_number_masked VARCHAR(18),
	phone_enc BYTEA,
	phone_masked VARCHAR(20),
	address VARCHAR(200),
	household_registration_place VARCHAR(200),
	residence_place VARCHAR(200),
	occupation VARCHAR(100),
	version bigint DEFAULT 1 NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	CONSTRAINT pk_petitioner PRIMARY KEY (id),
	CONSTRAINT fk_petitioner_org_unit_id_org_unit FOREIGN KEY(org_unit_id) REFERENCES org_unit (id)
)
""")
    op.execute("""
CREATE INDEX ix_petitioner_id_number_bidx ON petitioner (id_number_bidx)
""")
    op.execute("""
CREATE INDEX ix_petitioner_org_unit_id ON petitioner (org_unit_id)
""")
    op.execute("""
CREATE TABLE petition_case (
	id UUID NOT NULL,
	campaign_id UUID NOT NULL,
	org_unit_id UUID NOT NULL,
	number VARCHAR(64) NOT NULL,
	number_year bigint NOT NULL,
	number_seq bigint NOT NULL,
	title VARCHAR(200) NOT NULL,
	registered_on DATE NOT NULL,
	petition_form VARCHAR(16) NOT NULL,
	first_petition_on DATE NOT NULL,
	latest_petition_on DATE,
	petition_count bigint DEFAULT 1 NOT NULL,
	group_size bigint DEFAULT 1 NOT NULL,
	category VARCHAR(32) NOT NULL,
	decision_organ VARCHAR(100),
	decision_reference VARCHAR(100),
	decision_date DATE,
	decision_effective_on DATE,
	decision_summary TEXT,
	demands TEXT NOT NULL,
	cause TEXT,
	crux TEXT,
	legal_channels VARCHAR(40)[] DEFAULT '{}' NOT NULL,
	legal_channels_exhausted BOOLEAN DEFAULT false NOT NULL,
	petitioned_before_ruling BOOLEAN DEFAULT false NOT NULL,
	three_cross_flags VARCHAR(40)[] DEFAULT '{}' NOT NULL,
	three_cross_note TEXT,
	sensitive_period BOOLEAN DEFAULT false NOT NULL,
	risk_level VARCHAR(8) DEFAULT 'low' NOT NULL,
	threat_recorded BOOLEAN DEFAULT false NOT NULL,
	threat_note TEXT,
	province_visits bigint DEFAULT 0 NOT NULL,
	beijing_visits bigint DEFAULT 0 NOT NULL,
	last_escalated_visit_on DATE,
	status VARCHAR(16) DEFAULT 'registered' NOT NULL,
	status_changed_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	outcome_kind VARCHAR(32),
	outcome_note TEXT,
	commitment_signed BOOLEAN DEFAULT false NOT NULL,
	commitment_signed_on DATE,
	termination_basis TEXT,
	termination_decided_by UUID,
	termination_filing_status VARCHAR(32),
	police_organ VARCHAR(100),
	reopen_count bigint DEFAULT 0 NOT NULL,
	created_by UUID,
	search_text TEXT GENERATED ALWAYS AS (number || ' ' || title || ' ' || demands) STORED NOT NULL,
	version bigint DEFAULT 1 NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	CONSTRAINT pk_petition_case PRIMARY KEY (id),
	CONSTRAINT fk_petition_case_campaign_id_campaign FOREIGN KEY(campaign_id) REFERENCES campaign (id),
	CONSTRAINT fk_petition_case_org_unit_id_org_unit FOREIGN KEY(org_unit_id) REFERENCES org_unit (id),
	CONSTRAINT uq_petition_case_number UNIQUE (number)
)
""")
    op.execute("""
CREATE INDEX ix_petition_case_campaign_id ON petition_case (campaign_id)
""")
    op.execute("""
CREATE INDEX ix_petition_case_category ON petition_case (category)
""")
    op.execute("""
CREATE INDEX ix_petition_case_keyset ON petition_case (updated_at, id)
""")
    op.execute("""
CREATE INDEX ix_petition_case_registered_on ON petition_case (registered_on, id)
""")
    op.execute("""
CREATE INDEX ix_petition_case_first_petition_on ON petition_case (first_petition_on, id)
""")
    op.execute("""
CREATE INDEX ix_petition_case_org_unit_id ON petition_case (org_unit_id)
""")
    op.execute("""
CREATE INDEX ix_petition_case_search ON petition_case USING gin (search_text gin_trgm_ops)
""")
    op.execute("""
CREATE INDEX ix_petition_case_status ON petition_case (status)
""")
    op.execute("""
CREATE UNIQUE INDEX uq_petition_case_unit_year_seq ON petition_case (org_unit_id, number_year, number_seq)
""")
    op.execute("""
CREATE TABLE case_receiving_organ (
	case_id UUID NOT NULL,
	position bigint NOT NULL,
	organ VARCHAR(40) NOT NULL,
	reference_number VARCHAR(100),
	received_on DATE,
	CONSTRAINT pk_case_receiving_organ PRIMARY KEY (case_id, position),
	CONSTRAINT fk_case_receiving_organ_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE
)
""")
    op.execute("""
CREATE INDEX ix_case_receiving_organ_organ ON case_receiving_organ (organ)
""")
    op.execute("""
CREATE TABLE case_procedure (
	case_id UUID NOT NULL,
	position bigint NOT NULL,
	stage VARCHAR(16) NOT NULL,
	organ VARCHAR(100) NOT NULL,
	decided_on DATE,
	reference_number VARCHAR(100),
	conclusion TEXT,
	CONSTRAINT pk_case_procedure PRIMARY KEY (case_id, position),
	CONSTRAINT fk_case_procedure_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE
)
""")
    op.execute("""
CREATE TABLE case_petitioner (
	case_id UUID NOT NULL,
	petitioner_id UUID NOT NULL,
	position bigint NOT NULL,
	CONSTRAINT pk_case_petitioner PRIMARY KEY (case_id, petitioner_id),
	CONSTRAINT fk_case_petitioner_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE,
	CONSTRAINT fk_case_petitioner_petitioner_id_petitioner FOREIGN KEY(petitioner_id) REFERENCES petitioner (id)
)
""")
    op.execute("""
CREATE INDEX ix_case_petitioner_petitioner_id ON case_petitioner (petitioner_id)
""")
    op.execute("""
CREATE TABLE case_number_counter (
	org_unit_id UUID NOT NULL,
	year bigint NOT NULL,
	last_seq bigint NOT NULL,
	CONSTRAINT pk_case_number_counter PRIMARY KEY (org_unit_id, year),
	CONSTRAINT fk_case_number_counter_org_unit_id_org_unit FOREIGN KEY(org_unit_id) REFERENCES org_unit (id)
)
""")
    op.execute("""
CREATE TABLE case_assignment (
	id UUID NOT NULL,
	case_id UUID NOT NULL,
	role_in_case VARCHAR(32) NOT NULL,
	user_id UUID,
	org_unit_id UUID,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ended_at TIMESTAMP WITH TIME ZONE,
	assigned_by UUID NOT NULL,
	ended_by UUID,
	reason TEXT,
	end_reason TEXT,
	CONSTRAINT pk_case_assignment PRIMARY KEY (id),
	CONSTRAINT fk_case_assignment_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE,
	CONSTRAINT fk_case_assignment_user_id_app_user FOREIGN KEY(user_id) REFERENCES app_user (id),
	CONSTRAINT fk_case_assignment_org_unit_id_org_unit FOREIGN KEY(org_unit_id) REFERENCES org_unit (id)
)
""")
    op.execute("""
CREATE INDEX ix_case_assignment_case_id ON case_assignment (case_id)
""")
    op.execute("""
CREATE INDEX ix_case_assignment_user_active ON case_assignment (user_id, case_id) WHERE ended_at IS NULL
""")
    op.execute("""
CREATE UNIQUE INDEX uq_case_assignment_member_active ON case_assignment (case_id, user_id) WHERE ended_at IS NULL AND role_in_case = 'team_member'
""")
    op.execute("""
CREATE UNIQUE INDEX uq_case_assignment_single_active ON case_assignment (case_id, role_in_case) WHERE ended_at IS NULL AND role_in_case <> 'team_member'
""")
    op.execute("""
CREATE TABLE plan_version (
	id UUID NOT NULL,
	case_id UUID NOT NULL,
	version_no bigint NOT NULL,
	status VARCHAR(16) NOT NULL,
	personnel TEXT,
	measures VARCHAR(32)[] NOT NULL,
	measures_detail TEXT,
	time_limit DATE,
	requirements TEXT,
	expected_effect TEXT,
	author_id UUID NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE,
	submitted_by UUID,
	decided_at TIMESTAMP WITH TIME ZONE,
	decided_by UUID,
	decision_comment TEXT,
	CONSTRAINT pk_plan_version PRIMARY KEY (id),
	CONSTRAINT fk_plan_version_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE
)
""")
    op.execute("""
CREATE UNIQUE INDEX uq_plan_version_case_no ON plan_version (case_id, version_no)
""")
    op.execute("""
CREATE TABLE idempotency_record (
	principal_id UUID NOT NULL,
	key VARCHAR(100) NOT NULL,
	method VARCHAR(8) NOT NULL,
	path VARCHAR(300) NOT NULL,
	body_hash BYTEA NOT NULL,
	status bigint NOT NULL,
	response JSONB NOT NULL,
	headers JSONB NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT pk_idempotency_record PRIMARY KEY (principal_id, key)
)
""")
    op.execute("""
CREATE INDEX ix_idempotency_record_created_at ON idempotency_record (created_at)
""")


def downgrade() -> None:
    op.execute("DROP TABLE idempotency_record")
    op.execute("DROP TABLE plan_version")
    op.execute("DROP TABLE case_assignment")
    op.execute("DROP TABLE case_number_counter")
    op.execute("DROP TABLE case_petitioner")
    op.execute("DROP TABLE case_procedure")
    op.execute("DROP TABLE case_receiving_organ")
    op.execute("DROP TABLE petition_case")
    op.execute("DROP TABLE petitioner")
    op.execute("DROP TABLE campaign_phase")
    op.execute("DROP TABLE campaign")
