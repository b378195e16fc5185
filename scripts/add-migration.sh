#!/usr/bin/env bash
# Adds a migration with the same name for all three database providers.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build SocialStore.Domain -v q -nologo
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project SocialStore.Domain --startup-project SocialStore.Domain \
    --context "${provider}SocialStoreDbContext" \
    --output-dir "Data/Migrations/$provider"
done
