#!/usr/bin/env bash
# Regenerates the PostgreSQL migration from the current model (one migration, like the squashed SQLite one).
# Run after the SQLite migrations change: ./src/HaiHau.InfoBot.Storage.Postgres/regenerate-migration.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf src/HaiHau.InfoBot.Storage.Postgres/Migrations
dotnet tool restore >/dev/null
dotnet ef migrations add PgInitial --project src/HaiHau.InfoBot.Storage.Postgres --startup-project src/HaiHau.InfoBot.Storage.Postgres --output-dir Migrations
