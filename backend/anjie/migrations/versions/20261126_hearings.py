"""Hearings: 听证 / 调解 / 会诊 / 接访, their participants, and per-user calendar feed tokens.

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

KINDS = (
    "('public_hearing', 'mediation', 'expert_consultation', 'lawyer_session', 'leader_reception')"
)
STATUSES = "('scheduled', 'held', 'postponed', 'cancelled')"
PARTICIPANT_KINDS = (
    "('petitioner', 'agent', 'official', 'lawyer', 'expert', 'peoples_deputy', "
    "'cppcc_member', 'representative', 'relative', 'mediator')"
)


def upgrade() -> None:
    op.execute(f"""
        CREATE TABLE hearing (
            id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES petition_case (id) ON DELETE CASCADE,
            kind varchar(32) NOT NULL CONSTRAINT ck_hearing_kind CHECK (kind IN {KINDS}),
            status varchar(16) NOT NULL DEFAULT 'scheduled'
                CONSTRAINT ck_hearing_status CHECK (status IN {STATUSES}),
            starts_at timestamptz NOT NULL,
            ends_at timestamptz NOT NULL,
            duration_minutes bigint NOT NULL
                CONSTRAINT ck_hearing_duration CHECK (duration_minutes BETWEEN 15 AND 600),
            place varchar(200) NOT NULL,
            place_norm varchar(200) NOT NULL,
            chair_user_id uuid NOT NULL REFERENCES app_user (id),
            clerk_user_id uuid REFERENCES app_user (id),
            notice_sent_at timestamptz,
            public boolean NOT NULL,
            conflict_override_reason text,
            minutes text,
            outcome text,
            held_at timestamptz,
            postponed_at timestamptz,
            postpone_reason text,
            next_starts_at timestamptz,
            cancelled_at timestamptz,
            cancel_reason text,
            created_by uuid NOT NULL,
            version bigint NOT NULL DEFAULT 1,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_hearing_range CHECK (ends_at > starts_at),
            -- The record exists exactly when the hearing was held.
            CONSTRAINT ck_hearing_record CHECK (
                (status = 'held') = (minutes IS NOT NULL AND held_at IS NOT NULL)
            )
        )""")
    op.execute("CREATE INDEX ix_hearing_case_starts ON hearing (case_id, starts_at)")
    op.execute("CREATE INDEX ix_hearing_keyset ON hearing (starts_at, id)")
    op.execute("CREATE INDEX ix_hearing_chair_user_id ON hearing (chair_user_id)")
    op.execute(
        "CREATE INDEX ix_hearing_clerk_user_id ON hearing (clerk_user_id) "
        "WHERE clerk_user_id IS NOT NULL"
    )
    # Serves the conflict check: scheduled hearings whose time range overlaps a given one.
    op.execute(
        "CREATE INDEX ix_hearing_scheduled_during ON hearing "
        "USING gist (tstzrange(starts_at, ends_at, '[)')) WHERE status = 'scheduled'"
    )

    op.execute(f"""
        CREATE TABLE hearing_participant (
            hearing_id uuid NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
            position bigint NOT NULL,
            kind varchar(32) NOT NULL
                CONSTRAINT ck_hearing_participant_kind CHECK (kind IN {PARTICIPANT_KINDS}),
            user_id uuid REFERENCES app_user (id),
            petitioner_id uuid REFERENCES petitioner (id),
            name varchar(100) NOT NULL,
            organisation varchar(200),
            CONSTRAINT pk_hearing_participant PRIMARY KEY (hearing_id, position),
            CONSTRAINT ck_hearing_participant_official CHECK (
                kind <> 'official' OR user_id IS NOT NULL
            ),
            CONSTRAINT ck_hearing_participant_petitioner CHECK (
                (kind = 'petitioner') = (petitioner_id IS NOT NULL)
            )
        )""")
    op.execute(
        "CREATE INDEX ix_hearing_participant_user_id ON hearing_participant (user_id) "
        "WHERE user_id IS NOT NULL"
    )

    op.execute("""
        CREATE TABLE hearing_calendar_token (
            user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
            token_hash bytea NOT NULL
                CONSTRAINT uq_hearing_calendar_token_token_hash UNIQUE,
            created_at timestamptz NOT NULL
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE hearing_calendar_token")
    op.execute("DROP TABLE hearing_participant")
    op.execute("DROP TABLE hearing")
