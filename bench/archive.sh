#!/usr/bin/env bash
# The archive's benchmark (docs/performance.md, "The archive"):
#  1. fill a database with PROJECTS × YEARS synthetic runs of 30 indicators
#     (bench/archive_fill.cpp) and print the insert throughput;
#  2. time each `jixiao history` question on it (best of 3) with its peak memory;
#  3. `batch --score-only` on N variants of jiaocheng-2024, without and with --db:
#     projects a second, i.e. what archiving each run costs a batch.
# Usage: bash bench/archive.sh [URL] [PROJECTS] [YEARS] [N]
#   URL defaults to a fresh sqlite: file in /tmp; PROJECTS 100000, YEARS 5, N 200.
#   For PostgreSQL: bash scripts/with-postgres.sh bash bench/archive.sh pg
#   ("pg" takes $JIXIAO_TEST_PG).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/jixiao-archive-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
url=${1:-sqlite:$work/archive.db}
[ "$url" = pg ] && url="postgresql:$JIXIAO_TEST_PG"
projects=${2:-100000}
years=${3:-5}
n=${4:-200}
if [ ! -x /usr/bin/time ]; then apt-get install -y -qq time >/dev/null; fi
# JIXIAO_BENCH_BUILD: an existing Release build folder to use instead of build-bench.
bin=${JIXIAO_BENCH_BUILD:-build-bench}
cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$bin" -j2 --target jixiao bench_variants bench_archive_fill >/dev/null

echo "== fill: $projects projects × $years years × 30 indicators → ${url%%:*}"
/usr/bin/time -f "fill peak memory %M KB" "$bin/bench_archive_fill" "$url" "$projects" "$years" 500
case "$url" in sqlite:*) du -h "${url#sqlite:}" | awk '{print "database size " $1}' ;; esac

# best QUESTION...: the best of three runs of `jixiao history QUESTION`.
best() {
  local best_ms="" kb=0
  for _ in 1 2 3; do
    local t0 t1 ms
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/mem" "$bin/jixiao" history --db "$url" "$@" >"$work/answer" 2>"$work/err" || {
      cat "$work/err"; return 1; }
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; kb=$(cat "$work/mem"); fi
  done
  printf '%-60s %6d ms  %7d KB  %5d lines\n' "history $*" "$best_ms" "$kb" "$(wc -l <"$work/answer")"
}
echo "== history questions (wall time of the whole command, best of 3; peak memory)"
best --project 第12345号专项资金项目
best --department 第17局
best --system 专项资金绩效评价指标体系7
best --revised
best --revised --year "$((2020 + years - 1))"
best --revised --in-department 第17局

echo "== batch --score-only on $n projects, without and with --db"
"$bin/bench_variants" inputs/jiaocheng-2024 indicators/jiaocheng-2024.yaml "$work/p" "$n" >/dev/null
allow=(--allow-path "$PWD/inputs/jiaocheng-2024/text")
for jobs in 1 2; do
  for db in none "$url"; do
    extra=()
    [ "$db" != none ] && extra=(--db "$db")
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/mem" "$bin/jixiao" batch "$work/p" -o "$work/out-$jobs-${db%%:*}" --score-only \
      -j "$jobs" "${allow[@]}" "${extra[@]}" >/dev/null 2>&1
    t1=$(date +%s%N)
    printf 'batch -j %d %-10s %7.1f projects/s  peak %d KB\n' "$jobs" "${db%%:*}" \
      "$(echo "$n * 1000000000 / ($t1 - $t0)" | bc -l)" "$(cat "$work/mem")"
  done
done
