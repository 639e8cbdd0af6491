#!/usr/bin/env bash
# Holds every output of every bundled case against the same outputs of an
# earlier commit (default: HEAD), byte for byte — for a change meant to leave
# behaviour alone:
#   bash scripts/compare-outputs.sh [REF]
# The earlier commit is built in a worktree under build-compare/ (kept between
# runs); today's tree must be built in build/ first (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:-HEAD}"
cd "$root"
work="$root/build-compare"
mkdir -p "$work"
sha="$(git rev-parse --verify "$ref^{commit}")"
tree="$work/src-$sha"
if [ ! -d "$tree" ]; then
  git worktree add --detach "$tree" "$sha" >/dev/null
fi
cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tree/build" -j"$(nproc)" --target jixiao >/dev/null
# Each side is snapshotted with today's script, so both run the same commands.
bash "$root/scripts/snapshot-outputs.sh" "$tree/build/jixiao" "$work/before"
bash "$root/scripts/snapshot-outputs.sh" "$root/build/jixiao" "$work/after"
if diff -r "$work/before" "$work/after" >"$work/diff.txt"; then
  echo "identical: $(find "$work/after" -type f | wc -l) outputs of $ref and of today's tree"
else
  echo "DIFFERENT: see $work/diff.txt" >&2
  head -40 "$work/diff.txt" >&2
  exit 1
fi
