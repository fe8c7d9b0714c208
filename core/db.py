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
