#!/usr/bin/env bash
# Runs the API for benchmarks: a fresh database (SBB_DB_NAME, default sbbbench) on the local cluster of run.sh,
# Development environment (test-only routes, seed data), no rate limits, no job server, warnings-only logs.
# Then, from another shell: dotnet run -c Release --project tools/SbbCommerce.Bench -- <scenario> (see its README).
set -euo pipefail
cd "$(dirname "$0")/.."
export SBB_DB_NAME=${SBB_DB_NAME:-sbbbench}
bin=$(scripts/ensure-postgres.sh)
port=${SBB_PG_PORT:-5433}
if "$bin/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "DROP DATABASE IF EXISTS $SBB_DB_NAME WITH (FORCE)"
fi
export RateLimiting__Enabled=false Hangfire__ServerEnabled=false Serilog__MinimumLevel__Default=Warning
exec scripts/run.sh "$@"
