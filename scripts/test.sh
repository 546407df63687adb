#!/usr/bin/env bash
# Runs every test project of Waymark and ends with one line: "N passed, N failed".
# Needs only the .NET SDK; anything else the tests use is installed here (ClickHouse's
# engine through npm, which scripts/install-chdb.sh installs from Debian if missing).
set -uo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# ClickHouse's engine (libchdb) for the twin tests; a failed install is one failure.
install_failed=0
if ! install_log=$(bash scripts/install-chdb.sh 2>&1); then
  echo "$install_log"
  echo "scripts/install-chdb.sh failed: the ClickHouse twin tests cannot run"
  install_failed=1
fi

build_log=$(mktemp)
if ! dotnet build Waymark.slnx -c Release >"$build_log" 2>&1; then
  grep -E "error|warn" "$build_log" | sort -u | head -n 40
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
tail -n 3 "$build_log"

format_failed=0
if ! dotnet format Waymark.slnx --verify-no-changes --no-restore >/dev/null 2>&1; then
  echo "dotnet format --verify-no-changes: the code is not formatted; run 'dotnet format Waymark.slnx'"
  format_failed=1
fi

status=0
for project in $(sed -n 's|.*<Project Path="\(tests/[^"]*\)".*|\1|p' Waymark.slnx); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
done

passed=0
failed=0
projects=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  projects=$((projects + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

expected=$(grep -c '<Project Path="tests/' Waymark.slnx)
if [ "$projects" -lt "$expected" ]; then
  echo "only $projects of $expected test projects reported results"
  failed=$((failed + expected - projects))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
failed=$((failed + format_failed + install_failed))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
