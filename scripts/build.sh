#!/usr/bin/env bash
# Configures and builds everything into build/ (preset "ci" when CI is set, "dev" otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=dev
[ -n "${CI:-}" ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
