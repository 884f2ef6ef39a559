#!/usr/bin/env bash
# Write a new SQLite migration from the difference between the existing
# migrations and prisma/schema.prisma, without a shadow database
# (docs/decisions/0001-prisma-driver-adapters.md). Usage: scripts/new-migration.sh <name>
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DATABASE_URL="file:$tmp/current.db"
npx prisma migrate deploy >/dev/null
npx prisma db pull --print | sed -n "/^generator\\|^datasource/,\$p" > "$tmp/current.prisma"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$tmp/current.prisma" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
