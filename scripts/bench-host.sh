#!/usr/bin/env bash
# Runs the API for benchmarks: a fresh database (SBB_DB_NAME, default sbbbench) on the local cluster of run.sh,
# Development environment (test-only routes, seed data), no rate limits, no job server, warnings-only logs.
# Then, from another shell: dotnet run -c Release --project tools/SbbCommerce.Bench -- <scenario> (see its README).
# SBB_BENCH_ERP_PORT=5099 (the bench's --erp-port) points Epicor Propello at the bench's in-process fake ERP and turns
# the outbox dispatcher on (still no Hangfire server), for the outbox-drain scenario.
# SBB_BENCH_DISPATCH=1 turns the outbox and webhook-inbox dispatchers on without the ERP (webhook-ingest scenario).
# The ERP's webhook secret is always the bench's (tools/SbbCommerce.Bench, WebhookIngestScenario.Secret).
set -euo pipefail
cd "$(dirname "$0")/.."
export SBB_DB_NAME=${SBB_DB_NAME:-sbbbench}
bin=$(scripts/ensure-postgres.sh)
port=${SBB_PG_PORT:-5433}
if "$bin/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "DROP DATABASE IF EXISTS $SBB_DB_NAME WITH (FORCE)"
fi
export RateLimiting__Enabled=false Hangfire__ServerEnabled=false Serilog__MinimumLevel__Default=Warning
if [ -n "${SBB_BENCH_ERP_PORT:-}" ]; then
  # The key and store of tests/SbbCommerce.Fakes/FakePropello.cs (ApiKey, StoreId).
  export Erp__Propello__BaseUrl="http://127.0.0.1:$SBB_BENCH_ERP_PORT" Erp__Propello__ApiKey=fake-propello-api-key \
    Erp__Propello__StoreId=store-sbb-1 Outbox__DispatcherEnabled=true
fi
if [ -n "${SBB_BENCH_DISPATCH:-}" ]; then
  export Outbox__DispatcherEnabled=true
fi
export Webhooks__Sources__epicor_propello__Secret="whsec_c2JiLWJlbmNoLXdlYmhvb2stc2VjcmV0LTMyYnl0ZXMhIQ=="
exec scripts/run.sh "$@"
