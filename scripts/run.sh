#!/usr/bin/env bash
# Runs the API on http://localhost:5080 in Development: migrated and seeded at start.
# Database: ConnectionStrings__Postgres when set; otherwise a local cluster under .data/pg (port SBB_PG_PORT,
# default 5433), database SBB_DB_NAME (default sbbcommerce), created and started here on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  bin=$(scripts/ensure-postgres.sh)
  port=${SBB_PG_PORT:-5433}
  database=${SBB_DB_NAME:-sbbcommerce}
  data="$PWD/.data/pg"
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$PWD/.data"; fi
    "${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 >/dev/null
  fi
  if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -l "$data/../pg.log" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  fi
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $database"
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Database=$database;Username=postgres;Maximum Pool Size=100"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
exec dotnet run --project src/SbbCommerce.Api -c Release --no-launch-profile -- --urls "${ASPNETCORE_URLS:-http://localhost:5080}" "$@"
