#!/usr/bin/env bash
# After the model changes: adds the same change as a migration for SQLite and for PostgreSQL, then regenerates the
# compiled model SQLite hosts start on (src/HaiHau.InfoBot.Storage/CompiledModel; CompiledModelIsCurrentTests fails
# when it is stale) and the new-database script (NewDatabaseScriptTests fails when it is stale):
# ./src/HaiHau.InfoBot.Storage.Postgres/regenerate-migration.sh NameOfTheChange
# PostgreSQL's migrations are added to, never squashed again: a database made by an earlier release must find its
# applied migrations by their ids (PgInitial holds everything up to 3 December 2026).
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: regenerate-migration.sh NameOfTheChange}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/HaiHau.InfoBot.Storage
dotnet ef migrations add "Pg$name" --project src/HaiHau.InfoBot.Storage.Postgres --startup-project src/HaiHau.InfoBot.Storage.Postgres --output-dir Migrations

# The compiled model is the SQLite model: StorageSetup passes it with UseModel on SQLite only. The assembly attribute the
# tool writes would make EF use it for every InfoBotDbContext, PostgreSQL's too, so it is removed. The folder is not
# deleted first: the project does not build without it (StorageSetup names it), and the tool overwrites its files.
dotnet ef dbcontext optimize --project src/HaiHau.InfoBot.Storage --output-dir CompiledModel --namespace HaiHau.InfoBot.Storage.CompiledModel
rm -f src/HaiHau.InfoBot.Storage/CompiledModel/InfoBotDbContextAssemblyAttributes.cs

# A new SQLite database gets the whole schema from this one script (SqliteNewDatabase; NewDatabaseScriptTests fails
# when it is stale): every migration's SQL and history row, in the one transaction SqliteNewDatabase opens.
dotnet ef migrations script --no-transactions --project src/HaiHau.InfoBot.Storage -o src/HaiHau.InfoBot.Storage/NewDatabase.sql
