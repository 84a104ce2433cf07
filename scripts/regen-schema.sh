#!/usr/bin/env bash
# Regenerates crates/store/src/schema.rs from the migrations with diesel's
# print-schema, maps every id column to its own SQL type (see
# crates/store/src/ids.rs), and rewrites schema.patch so that a plain
# `diesel print-schema` (which .ci/run diffs) reproduces the file.
# Needs diesel_cli and a PostgreSQL admin URL (default: the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
admin="${ADMIN_URL:-postgres://postgres@127.0.0.1:5432}"
db="kataloop_schemagen_$$"
psql -q "$admin/postgres" -c "CREATE DATABASE $db"
trap 'psql -q "$admin/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
# From /tmp: without diesel.toml, `migration run` does not print the schema.
(cd /tmp && DATABASE_URL="$admin/$db" diesel migration run --migration-dir "$OLDPWD/migrations") >/dev/null
raw=$(mktemp)
# Without diesel.toml: the raw output, before the patch.
(cd /tmp && DATABASE_URL="$admin/$db" diesel print-schema \
  --custom-type-derives diesel::query_builder::QueryId \
  --custom-type-derives Clone --custom-type-derives Debug) > "$raw"
python3 scripts/map-schema-ids.py "$raw" crates/store/src/schema.rs
diff -u "$raw" crates/store/src/schema.rs \
  | sed '1s#^--- .*#--- src/schema.rs#; 2s#^+++ .*#+++ src/schema.rs#' > crates/store/src/schema.patch || true
DATABASE_URL="$admin/$db" diesel print-schema | diff -u crates/store/src/schema.rs - && echo "schema.rs regenerated"
