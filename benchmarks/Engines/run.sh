#!/usr/bin/env bash
# The engine benchmark in one command (README.md beside this file): builds both variants, prepares the IMDB token
# caches, runs every (round, threads, case, engine) as its own process in a rotated engine order, and writes
# results/<name>.jsonl and results/<name>.md.
#
# Usage: bash benchmarks/Engines/run.sh [--rounds 3] [--threads 1,2] [--cases cnn,resnet20,bag,textcnn]
#            [--engines native,torchsharp,plain,pytorch] [--old-tree ../old] [--steps-scale 1] [--label NAME]
#            [--cache /tmp/momentum-engine-bench] [--python /usr/bin/python3]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NEW_TREE="$(cd "$HERE/../.." && pwd)"
ROUNDS=3
THREADS="1 2"
CASES="cnn resnet20 bag textcnn"
ENGINES="native torchsharp plain pytorch"
OLD_TREE="$(dirname "$NEW_TREE")/old"
STEPS_SCALE=1
LABEL=""
CACHE=/tmp/momentum-engine-bench
PYTHON=/usr/bin/python3
RUN_TIMEOUT=900

while (($#)); do
  case "$1" in
    --rounds) ROUNDS="$2" ;;
    --threads) THREADS="${2//,/ }" ;;
    --cases) CASES="${2//,/ }" ;;
    --engines) ENGINES="${2//,/ }" ;;
    --old-tree) OLD_TREE="$2" ;;
    --steps-scale) STEPS_SCALE="$2" ;;
    --label) LABEL="$2" ;;
    --cache) CACHE="$2" ;;
    --python) PYTHON="$2" ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done

# Per case: batch, warm-up steps, timed steps, optimizer, learning rate (the same for every engine).
case_settings() {
  case "$1" in
    cnn)      echo "64 20 150 sgdm 0.05" ;;
    resnet20) echo "64 5 40 sgdm 0.05" ;;
    bag)      echo "64 5 60 adam 1e-3" ;;
    textcnn)  echo "64 5 40 adam 1e-3" ;;
    *) echo "run.sh: unknown case '$1' (cnn, resnet20, bag, textcnn)" >&2; exit 2 ;;
  esac
}
scaled() { awk -v n="$1" -v s="$STEPS_SCALE" -v min="$2" 'BEGIN { v = int(n * s + 0.5); print (v < min ? min : v) }'; }
for c in $CASES; do case_settings "$c" >/dev/null; done
for e in $ENGINES; do
  [[ " native torchsharp plain pytorch " == *" $e "* ]] || { echo "run.sh: unknown engine '$e' (native, torchsharp, plain, pytorch)" >&2; exit 2; }
done

ARTIFACTS="$HERE/artifacts"
LOGS="$ARTIFACTS/logs"
RESULTS="$HERE/results"
NAME="engines-$(date -u +%Y%m%dT%H%M%SZ)${LABEL:+-$LABEL}"
JSONL="$RESULTS/$NAME.jsonl"
NOTES="$LOGS/$NAME.notes"
mkdir -p "$LOGS" "$RESULTS"
: > "$NOTES"
note() { echo "$*" >> "$NOTES"; echo "run.sh: $*" >&2; }
wants() { [[ " $ENGINES " == *" $1 "* ]]; }

NEW_DLL="$ARTIFACTS/new/bin/EngineBenchmark/release/Microsoft.ML.Momentum.Benchmarks.dll"
OLD_DLL="$ARTIFACTS/old/bin/EngineBenchmark/release/Microsoft.ML.Momentum.Benchmarks.dll"
available=()

# The new tree's library on TorchSharp: engines torchsharp and plain. Own artifacts folder, so a build elsewhere in
# the tree is not disturbed.
if wants torchsharp || wants plain; then
  echo "run.sh: building the TorchSharp variant ($LOGS/build-new.log)" >&2
  if dotnet build "$HERE/EngineBenchmark.csproj" -c Release -p:UseArtifactsOutput=true -p:ArtifactsPath="$ARTIFACTS/new" \
      > "$LOGS/build-new.log" 2>&1; then
    for e in torchsharp plain; do wants "$e" && available+=("$e"); done
  else
    tail -20 "$LOGS/build-new.log" >&2
    note "torchsharp and plain left out: the TorchSharp variant did not build (see artifacts/logs/build-new.log)."
  fi
fi

# The tree before the move (native engine): this folder's native/ csproj is copied into it and compiled there
# over the same sources with NATIVE_ENGINE.
if wants native; then
  if [[ ! -f "$OLD_TREE/Microsoft.ML.Momentum/Engine/NativeModel.cs" ]]; then
    note "native left out: '$OLD_TREE' is not a tree of the native engine (git worktree add ../old <commit before the move>)."
  else
    mkdir -p "$OLD_TREE/benchmarks/Engines"
    cp "$HERE/native/EngineBenchmark.Native.csproj" "$OLD_TREE/benchmarks/Engines/EngineBenchmark.csproj"
    echo "run.sh: building the native variant in $OLD_TREE ($LOGS/build-old.log)" >&2
    if dotnet build "$OLD_TREE/benchmarks/Engines/EngineBenchmark.csproj" -c Release -p:EngineSources="$HERE" \
        -p:UseArtifactsOutput=true -p:ArtifactsPath="$ARTIFACTS/old" > "$LOGS/build-old.log" 2>&1; then
      available+=(native)
    else
      tail -20 "$LOGS/build-old.log" >&2
      note "native left out: the native variant did not build (see artifacts/logs/build-old.log; 'bash build/setup.sh' of the old tree installs libtorch-dev)."
    fi
  fi
fi

if wants pytorch; then
  if "$PYTHON" -c "import torch" 2>/dev/null; then
    available+=(pytorch)
  else
    note "pytorch left out: $PYTHON cannot import torch (apt-get install -y python3-torch)."
  fi
fi

# Keep the canonical engine order, so that the rotation below is the same from run to run.
engines=()
for e in native torchsharp plain pytorch; do [[ " ${available[*]} " == *" $e "* ]] && engines+=("$e"); done
((${#engines[@]})) || { echo "run.sh: no engine can run" >&2; exit 1; }

# Token ids of the text cases, written once by whichever C# build there is (both featurise identically).
if [[ " $CASES " == *" bag "* || " $CASES " == *" textcnn "* ]]; then
  if [[ ! -f "$CACHE/imdb-bag-v1.bin" || ! -f "$CACHE/imdb-textcnn-v1.bin" ]]; then
    dll="$NEW_DLL"; [[ " ${engines[*]} " == *" torchsharp "* || " ${engines[*]} " == *" plain "* ]] || dll="$OLD_DLL"
    [[ -f "$dll" ]] || { echo "run.sh: the text cases need a C# build to write the token cache" >&2; exit 1; }
    echo "run.sh: featurising IMDB into $CACHE" >&2
    dotnet "$dll" prepare --imdb "$NEW_TREE/data/imdb/package/reviews.json" --cache "$CACHE"
  fi
fi

note "engines: ${engines[*]}; rounds $ROUNDS; threads $THREADS; steps scale $STEPS_SCALE; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); load average at start $(cut -d' ' -f1-3 /proc/loadavg); Debian libtorch's BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)."

run_one() {  # round engine case threads
  local round="$1" engine="$2" name="$3" threads="$4" batch warmup steps optimizer lr line
  read -r batch warmup steps optimizer lr <<< "$(case_settings "$name")"
  warmup="$(scaled "$warmup" 1)"
  steps="$(scaled "$steps" 2)"
  local args=(--engine "$engine" --case "$name" --threads "$threads" --batch "$batch" --warmup "$warmup" --steps "$steps"
              --optimizer "$optimizer" --lr "$lr" --cache "$CACHE")
  local command
  case "$engine" in
    native) command=(dotnet "$OLD_DLL" measure "${args[@]}") ;;
    torchsharp|plain) command=(dotnet "$NEW_DLL" measure "${args[@]}") ;;
    pytorch) command=("$PYTHON" "$HERE/pytorch_reference.py" "${args[@]}") ;;
  esac
  echo "run.sh: round $round, $threads thread(s), $name, $engine" >&2
  if line="$(OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads" timeout "$RUN_TIMEOUT" "${command[@]}" 2>>"$LOGS/$NAME.stderr" | tail -1)" \
      && [[ "$line" == "{"* ]]; then
    echo "{\"round\": $round, ${line#\{}" >> "$JSONL"
    echo "  $line" >&2
  else
    note "failed: round $round, $threads thread(s), $name, $engine (stderr in artifacts/logs/$NAME.stderr)."
  fi
}

# The engine order rotates by one from round to round (and from case to case), so that no engine always runs first
# or always right after another one.
n=${#engines[@]}
for ((round = 1; round <= ROUNDS; round++)); do
  t=0
  for threads in $THREADS; do
    c=0
    for name in $CASES; do
      for ((i = 0; i < n; i++)); do run_one "$round" "${engines[(round - 1 + t + c + i) % n]}" "$name" "$threads"; done
      c=$((c + 1))
    done
    t=$((t + 1))
  done
done

note "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
[[ -s "$JSONL" ]] || { echo "run.sh: no measurement succeeded" >&2; exit 1; }
python3 "$HERE/summarize.py" "$JSONL" --notes "$NOTES" --title "Engine benchmark $NAME" > "$RESULTS/$NAME.md"
cat "$RESULTS/$NAME.md"
echo "run.sh: wrote $RESULTS/$NAME.md and $JSONL" >&2
