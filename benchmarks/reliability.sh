#!/usr/bin/env bash
# The long reliability runs CI leaves out (TestCategory "Soak"): 100 SIGKILL crash/resume trials of the CLI,
# 10,000 mutated inputs per loader, config parser and model-zip reader, a 20,000-step training soak and
# 100,000 predictions through ML.NET. Figures (kills survived, inputs per target, RSS growth) are printed.
# Environment: MOMENTUM_CRASH_TRIALS (default 100), MOMENTUM_FUZZ_CASES (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Microsoft.ML.Momentum.sln -c Release
for project in Microsoft.ML.Momentum.Tests Microsoft.ML.Momentum.Cli.Tests; do
  dotnet test "$project" -c Release --no-build --filter "TestCategory=Soak" --logger "console;verbosity=detailed"
done
