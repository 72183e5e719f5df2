"""SQLite persistence: connection, transactions, migrations and repositories of domain objects."""
