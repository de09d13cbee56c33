#!/usr/bin/env bash
# Runs every test. Integration tests need PostgreSQL: SBB_TEST_POSTGRES when set, else Testcontainers where a
# Docker engine answers, else a throwaway cluster the tests start from the local binaries (installed here if absent).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SBB_TEST_POSTGRES:-}" ]; then
  scripts/ensure-postgres.sh >/dev/null
fi

log=$(mktemp)
status=0
dotnet test SbbCommerce.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: the sum over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
