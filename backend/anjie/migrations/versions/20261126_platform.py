"""Platform: org units, users, refresh tokens, login throttling, audit trail, calendar overrides.

Revision ID: 0001_platform
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0001_platform"
down_revision = None
branch_labels = None
depends_on = None

ROLES = "ARRAY['admin', 'leader', 'office', 'officer', 'observer']::varchar[]"
ORG_KINDS = (
    "('province', 'city', 'county', 'committee', 'bureau', 'section', 'office', 'judicial_office')"
)


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"""
        CREATE TABLE org_unit (
            id uuid PRIMARY KEY,
            parent_id uuid REFERENCES org_unit (id) ON DELETE RESTRICT,
            path varchar(2000) NOT NULL,
            name varchar(100) NOT NULL,
            short_name varchar(20),
            kind varchar(32) NOT NULL CONSTRAINT ck_org_unit_kind CHECK (kind IN {ORG_KINDS}),
            code varchar(32) NOT NULL CONSTRAINT uq_org_unit_code UNIQUE,
            region_code varchar(12),
            is_active boolean NOT NULL DEFAULT true,
            version bigint NOT NULL DEFAULT 1,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        )""")
    op.execute("CREATE INDEX ix_org_unit_parent_id ON org_unit (parent_id)")
    op.execute("CREATE UNIQUE INDEX ix_org_unit_path ON org_unit (path text_pattern_ops)")

    op.execute(f"""
        CREATE TABLE app_user (
            id uuid PRIMARY KEY,
            org_unit_id uuid NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
            username varchar(64) NOT NULL,
            display_name varchar(100) NOT NULL,
            post varchar(100),
            roles varchar(16)[] NOT NULL DEFAULT '{{}}'
                CONSTRAINT ck_app_user_roles CHECK (roles <@ {ROLES}),
            password_hash varchar(255) NOT NULL,
            is_active boolean NOT NULL DEFAULT true,
            token_version bigint NOT NULL DEFAULT 1,
            version bigint NOT NULL DEFAULT 1,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        )""")
    op.execute("CREATE UNIQUE INDEX uq_app_user_username ON app_user (lower(username))")
    op.execute("CREATE INDEX ix_app_user_org_unit_id ON app_user (org_unit_id)")

    op.execute("""
        CREATE TABLE refresh_token (
            id uuid PRIMARY KEY,
            family_id uuid NOT NULL,
            user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
            token_hash bytea NOT NULL CONSTRAINT uq_refresh_token_token_hash UNIQUE,
            issued_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            used_at timestamptz,
            revoked_at timestamptz
        )""")
    op.execute("CREATE INDEX ix_refresh_token_user_id ON refresh_token (user_id)")
    op.execute("CREATE INDEX ix_refresh_token_family_id ON refresh_token (family_id)")

    op.execute("""
        CREATE TABLE login_attempt (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            username_key varchar(64) NOT NULL,
            ip varchar(64) NOT NULL
        )""")
    op.execute("CREATE INDEX ix_login_attempt_username_at ON login_attempt (username_key, at)")
    op.execute("CREATE INDEX ix_login_attempt_ip_at ON login_attempt (ip, at)")

    op.execute("""
        CREATE TABLE audit_event (
            id bigserial PRIMARY KEY,
            occurred_at timestamptz NOT NULL,
            actor_type varchar(16) NOT NULL,
            actor_id uuid,
            actor_name varchar(100),
            actor_roles varchar(32)[] NOT NULL,
            org_unit_id uuid,
            org_path varchar(2000),
            action varchar(64) NOT NULL,
            entity_type varchar(32) NOT NULL,
            entity_id varchar(64),
            case_id uuid,
            reason text,
            before jsonb,
            after jsonb,
            ip varchar(64),
            user_agent varchar(300),
            request_id varchar(64),
            prev_hash bytea NOT NULL,
            hash bytea NOT NULL CONSTRAINT uq_audit_event_hash UNIQUE
        )""")
    op.execute("CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id, id)")
    op.execute(
        "CREATE INDEX ix_audit_event_case ON audit_event (case_id, id) WHERE case_id IS NOT NULL"
    )
    op.execute("CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, id)")
    op.execute(
        "CREATE INDEX ix_audit_event_org_path ON audit_event (org_path text_pattern_ops, id)"
    )
    # Append-only: the application role can insert, never rewrite history. A superuser can
    # still disable the trigger, which is exactly what the hash chain is there to catch.
    op.execute("""
        CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$""")
    op.execute("""
        CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()""")
    op.execute("""
        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()""")

    op.execute("""
        CREATE TABLE calendar_year (
            year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
            notice_reference varchar(100),
            entered_by uuid,
            entered_at timestamptz NOT NULL
        )""")
    op.execute("""
        CREATE TABLE calendar_day (
            day date PRIMARY KEY,
            is_workday boolean NOT NULL,
            name varchar(50)
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE calendar_day")
    op.execute("DROP TABLE calendar_year")
    op.execute("DROP TABLE audit_event")
    op.execute("DROP FUNCTION audit_event_refuse_change()")
    op.execute("DROP TABLE login_attempt")
    op.execute("DROP TABLE refresh_token")
    op.execute("DROP TABLE app_user")
    op.execute("DROP TABLE org_unit")
