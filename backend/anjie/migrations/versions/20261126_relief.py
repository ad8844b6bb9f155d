"""Relief.

司法救助: applications with their step history, and the wage standards that set the cap.

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

STEPS = "'draft', 'submitted', 'unit_opinion', 'reviewed', 'approved', 'rejected', 'disbursed', 'notified'"
# Kept in step with relief.models.GRANTED: an application in one of these has been granted money.
GRANTED = "'approved', 'disbursed', 'notified'"


def upgrade() -> None:
    op.execute("""
CREATE TABLE relief_wage_standard (
	province_code VARCHAR(2) NOT NULL,
	year INTEGER NOT NULL,
	average_monthly_wage NUMERIC(12, 2) NOT NULL,
	multiple INTEGER DEFAULT 36 NOT NULL,
	entered_by UUID,
	entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT pk_relief_wage_standard PRIMARY KEY (province_code, year),
	CONSTRAINT ck_relief_wage_standard_province CHECK (province_code ~ '^[1-9][0-9]$'),
	CONSTRAINT ck_relief_wage_standard_year CHECK (year BETWEEN 2000 AND 2200),
	CONSTRAINT ck_relief_wage_standard_wage CHECK (average_monthly_wage > 0),
	CONSTRAINT ck_relief_wage_standard_multiple CHECK (multiple BETWEEN 1 AND 120)
)
""")
    op.execute(f"""
CREATE TABLE relief_application (
	id UUID NOT NULL,
	case_id UUID NOT NULL,
	applicant_petitioner_id UUID NOT NULL,
	province_code VARCHAR(2) DEFAULT '51' NOT NULL,
	kind VARCHAR(16) NOT NULL,
	hardship_facts TEXT NOT NULL,
	amount_requested NUMERIC(12, 2) NOT NULL,
	earlier_compensation TEXT,
	step VARCHAR(16) DEFAULT 'draft' NOT NULL,
	due_at TIMESTAMP WITH TIME ZONE,
	amount_approved NUMERIC(12, 2),
	exceptional BOOLEAN DEFAULT false NOT NULL,
	exceptional_reason TEXT,
	cap_amount NUMERIC(14, 2),
	standard_year INTEGER,
	submitted_by UUID,
	submitted_at TIMESTAMP WITH TIME ZONE,
	reviewed_by UUID,
	first_approver_id UUID,
	first_approved_at TIMESTAMP WITH TIME ZONE,
	decided_by UUID,
	decided_at TIMESTAMP WITH TIME ZONE,
	commitment_signed BOOLEAN DEFAULT false NOT NULL,
	commitment_signed_on DATE,
	created_by UUID NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	version BIGINT DEFAULT 1 NOT NULL,
	CONSTRAINT pk_relief_application PRIMARY KEY (id),
	CONSTRAINT fk_relief_application_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id),
	CONSTRAINT fk_relief_application_applicant_petitioner_id_petitioner FOREIGN KEY(applicant_petitioner_id) REFERENCES petitioner (id),
	CONSTRAINT ck_relief_application_step CHECK (step IN ({STEPS})),
	CONSTRAINT ck_relief_application_amount_requested CHECK (amount_requested > 0 AND amount_requested <= 10000000),
	CONSTRAINT ck_relief_application_amount_approved CHECK (amount_approved IS NULL OR (amount_approved > 0 AND amount_approved <= 10000000)),
	CONSTRAINT ck_relief_application_exceptional_reason CHECK (NOT exceptional OR exceptional_reason IS NOT NULL)
)
""")
    op.execute("CREATE INDEX ix_relief_application_case_id ON relief_application (case_id)")
    op.execute(
        "CREATE INDEX ix_relief_application_applicant_petitioner_id "
        "ON relief_application (applicant_petitioner_id)"
    )
    # The deadline scan and the `overdue` filter only look at rows with a running clock.
    op.execute(
        "CREATE INDEX ix_relief_application_due_at ON relief_application (due_at) "
        "WHERE due_at IS NOT NULL"
    )
    # Once per person per case (relief is paid once per case to each party), also under races.
    op.execute(f"""
CREATE UNIQUE INDEX uq_relief_application_granted ON relief_application (case_id, applicant_petitioner_id)
WHERE step IN ({GRANTED})
""")
    op.execute(f"""
CREATE TABLE relief_step (
	id UUID NOT NULL,
	application_id UUID NOT NULL,
	action VARCHAR(16) NOT NULL,
	step VARCHAR(16) NOT NULL,
	actor_id UUID NOT NULL,
	at TIMESTAMP WITH TIME ZONE NOT NULL,
	opinion TEXT,
	amount NUMERIC(12, 2),
	due_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT pk_relief_step PRIMARY KEY (id),
	CONSTRAINT fk_relief_step_application_id_relief_application FOREIGN KEY(application_id) REFERENCES relief_application (id) ON DELETE CASCADE,
	CONSTRAINT ck_relief_step_step CHECK (step IN ({STEPS}))
)
""")
    op.execute("CREATE INDEX ix_relief_step_application_id ON relief_step (application_id, at)")


def downgrade() -> None:
    op.execute("DROP TABLE relief_step")
    op.execute("DROP TABLE relief_application")
    op.execute("DROP TABLE relief_wage_standard")
