#!/usr/bin/env bash
# Sets everything up, builds, and runs every test (doctest cases and the
# command-line tests) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd build && ctest --output-on-failure -j"$(nproc)"
