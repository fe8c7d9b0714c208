"""The SQL tables of the core (texts now; accounts and read models add theirs)."""

import sqlalchemy as sa

metadata = sa.MetaData()

texts = sa.Table(
    "texts",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("salt", sa.LargeBinary(16), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

# People live here, not in events: a row can be corrected or erased. Events name users by id.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("email", sa.String(320), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("organisation_id", sa.String(36), nullable=False, index=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.String(200)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("erased_at", sa.DateTime(timezone=True)),
)

# Bearer tokens: 32 random bytes shown once; only their SHA-256 is kept.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("label", sa.String(200), nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)

# Signed-in sessions on pages: the cookie holds a random id; only its SHA-256 is kept here.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id_sha256", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True)),
)

# Failed sign-ins per e-mail and client address: each failure past a few waits longer.
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("address", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("blocked_until", sa.DateTime(timezone=True)),
)

# A POST's first answer, replayed when the same caller repeats its Idempotency-Key (24 h).
idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    sa.Column("user_id", sa.String(36), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("method", sa.String(10), nullable=False),
    sa.Column("path", sa.String(500), nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
    sa.Column("headers", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Plugins' failures, one row per plugin and hook, shared by every process on the store.
plugin_failures = sa.Table(
    "plugin_failures",
    metadata,
    sa.Column("plugin", sa.String(200), primary_key=True),
    sa.Column("hook", sa.String(200), primary_key=True),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
)
