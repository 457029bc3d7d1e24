#!/usr/bin/env bash
# Regenerates the PostgreSQL migration from the current model (one migration, like the squashed SQLite one), and the
# compiled model SQLite hosts start on (src/HaiHau.InfoBot.Storage/CompiledModel; CompiledModelIsCurrentTests fails
# when it is stale). Run after the model or the SQLite migrations change:
# ./src/HaiHau.InfoBot.Storage.Postgres/regenerate-migration.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf src/HaiHau.InfoBot.Storage.Postgres/Migrations
dotnet tool restore >/dev/null
dotnet ef migrations add PgInitial --project src/HaiHau.InfoBot.Storage.Postgres --startup-project src/HaiHau.InfoBot.Storage.Postgres --output-dir Migrations

# The compiled model is the SQLite model: StorageSetup passes it with UseModel on SQLite only. The assembly attribute the
# tool writes would make EF use it for every InfoBotDbContext, PostgreSQL's too, so it is removed.
rm -rf src/HaiHau.InfoBot.Storage/CompiledModel
dotnet ef dbcontext optimize --project src/HaiHau.InfoBot.Storage --output-dir CompiledModel --namespace HaiHau.InfoBot.Storage.CompiledModel
rm src/HaiHau.InfoBot.Storage/CompiledModel/InfoBotDbContextAssemblyAttributes.cs

# A new SQLite database gets the whole schema from this one script (SqliteNewDatabase; NewDatabaseScriptTests fails
# when it is stale): every migration's SQL and history row, in the one transaction SqliteNewDatabase opens.
dotnet ef migrations script --no-transactions --project src/HaiHau.InfoBot.Storage -o src/HaiHau.InfoBot.Storage/NewDatabase.sql
