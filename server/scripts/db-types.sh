#!/usr/bin/env bash
# Regenerates src/db/schema.ts from a throwaway PostgreSQL database migrated to the latest.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${CODEGEN_SERVER:-postgres://postgres@127.0.0.1:5432}
name="kehu_codegen_$$"
psql "$server/postgres" -qc "create database $name"
trap 'psql "$server/postgres" -qc "drop database if exists $name with (force)"' EXIT
DATABASE_URL="$server/$name" node bin/kehu.js migrate
DATABASE_URL="$server/$name" npx kysely-codegen --dialect postgres --out-file src/db/schema.ts --exclude-pattern 'kysely_*'
