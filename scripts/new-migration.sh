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
# Drop the CLI's notice before the schema, and the FTS5 search tables, which
# Prisma does not model and must never try to drop.
npx prisma db pull --print | sed -n "/^generator\\|^datasource/,\$p" \
  | awk '/^model search_index/ { skip = 1 } !skip { print } skip && /^}/ { skip = 0 }' > "$tmp/current.prisma"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$tmp/current.prisma" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
