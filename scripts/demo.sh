#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled example: the
# full report of inputs/jiaocheng-2024 lands in output/jiaocheng-2024/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/jixiao score inputs/jiaocheng-2024
./build/jixiao report inputs/jiaocheng-2024 -o output
