#!/usr/bin/env bash
# Sets up the machine (build/setup.sh), builds everything and runs the whole test
# suite. The last line is the summary "N passed, N failed, N skipped". Extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/setup.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
set +e
# Long reliability variants (TestCategory "Soak") run in benchmarks/reliability.sh, not here.
dotnet test Microsoft.ML.Momentum.sln -c Release --logger "trx" --results-directory "$results" --filter "TestCategory!=Soak" "$@"
status=$?
set -e

shopt -s nullglob
trx=("$results"/*.trx "$results"/*/*.trx)
if ((${#trx[@]} == 0)); then
  echo "test: no test results were written (the build or the test host failed; see above)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
# <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." .../>
read -r passed failed total < <(
  grep -ho '<Counters [^>]*>' "${trx[@]}" | awk '
    function value(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
    { p += value("passed"); f += value("failed") + value("error") + value("timeout") + value("aborted"); t += value("total") }
    END { print p, f, t }')
skipped=$((total - passed - failed))
if ((status != 0 && failed == 0)); then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
