#!/usr/bin/env bash
# Every test: installs dependencies, builds, runs the core unit tests and the integration tests
# against a real headless LibreOffice (each test binary starts its own soffice with a fresh
# profile and installs the built .oxt into it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
preset=dev
[ -n "${CI:-}" ] && preset=ci
ctest --preset "$preset"
