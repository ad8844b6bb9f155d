"""Check-ins (回访): return visits, and the officers who made each one.

Officers are a link table rather than a uuid[] column: every id is a foreign key to a real user,
and the `officer` filter of GET /check-ins is an index lookup (user_id, check_in_id).

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
    op.execute("""
CREATE TABLE check_in (
	id UUID NOT NULL,
	case_id UUID NOT NULL,
	client_id UUID NOT NULL,
	visited_at TIMESTAMP WITH TIME ZONE NOT NULL,
	received_at TIMESTAMP WITH TIME ZONE NOT NULL,
	recorded_by UUID NOT NULL,
	manner VARCHAR(16) NOT NULL,
	gps_lat FLOAT,
	gps_lon FLOAT,
	gps_accuracy_m FLOAT,
	place VARCHAR(200),
	people_met VARCHAR(500),
	attitude VARCHAR(24) NOT NULL,
	could_not_visit BOOLEAN DEFAULT false NOT NULL,
	threats_recorded BOOLEAN DEFAULT false NOT NULL,
	threat_note TEXT,
	notes TEXT,
	next_visit_on DATE,
	CONSTRAINT pk_check_in PRIMARY KEY (id),
	CONSTRAINT ck_check_in_manner CHECK (manner IN ('in_person', 'phone', 'other')),
	CONSTRAINT ck_check_in_attitude CHECK (attitude IN ('satisfied', 'accepting', 'dissatisfied', 'still_petitioning', 'unreachable')),
	CONSTRAINT ck_check_in_not_visited CHECK (NOT could_not_visit OR attitude = 'unreachable'),
	CONSTRAINT ck_check_in_gps_complete CHECK ((gps_lat IS NULL) = (gps_lon IS NULL) AND (gps_lat IS NULL) = (gps_accuracy_m IS NULL)),
	CONSTRAINT ck_check_in_gps_range CHECK (gps_lat BETWEEN -90 AND 90 AND gps_lon BETWEEN -180 AND 180 AND gps_accuracy_m BETWEEN 0 AND 10000),
	CONSTRAINT fk_check_in_case_id_petition_case FOREIGN KEY(case_id) REFERENCES petition_case (id) ON DELETE CASCADE,
	CONSTRAINT uq_check_in_client_id UNIQUE (client_id),
	CONSTRAINT fk_check_in_recorded_by_app_user FOREIGN KEY(recorded_by) REFERENCES app_user (id)
)
""")
    # One case's visits newest first, and the resolve guard's "latest visit" (backward scans).
    op.execute("CREATE INDEX ix_check_in_case_visited ON check_in (case_id, visited_at, id)")
    # The list across cases, the from/to range and the keyset order.
    op.execute("CREATE INDEX ix_check_in_visited ON check_in (visited_at, id)")
    op.execute("CREATE INDEX ix_check_in_attitude_visited ON check_in (attitude, visited_at, id)")
    # updated_after (a check-in never changes once received).
    op.execute("CREATE INDEX ix_check_in_received_at ON check_in (received_at)")
    op.execute("""
CREATE TABLE check_in_officer (
	check_in_id UUID NOT NULL,
	user_id UUID NOT NULL,
	position BIGINT NOT NULL,
	CONSTRAINT pk_check_in_officer PRIMARY KEY (check_in_id, user_id),
	CONSTRAINT fk_check_in_officer_check_in_id_check_in FOREIGN KEY(check_in_id) REFERENCES check_in (id) ON DELETE CASCADE,
	CONSTRAINT fk_check_in_officer_user_id_app_user FOREIGN KEY(user_id) REFERENCES app_user (id)
)
""")
    op.execute("CREATE INDEX ix_check_in_officer_user ON check_in_officer (user_id, check_in_id)")


def downgrade() -> None:
    op.execute("DROP TABLE check_in_officer")
    op.execute("DROP TABLE check_in")
