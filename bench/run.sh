#!/usr/bin/env bash
# The benchmark: projects per second and peak memory of `jixiao batch`,
# score-only and with all outputs, at 1 and 2 workers, beside a yardstick
# that writes the same three files straight through cmark-gfm and
# libxlsxwriter from pre-built text. docs/performance.md explains it.
# Usage: bash bench/run.sh [N]   (N variants of jiaocheng-2024, default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
if [ ! -x /usr/bin/time ]; then apt-get install -y -qq time >/dev/null; fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target jixiao bench_variants bench_dump bench_yardstick >/dev/null
bin=build-bench
work=$(mktemp -d /tmp/jixiao-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

make_set() {  # make_set DIR COUNT
  "$bin/bench_variants" inputs/jiaocheng-2024 indicators/jiaocheng-2024.yaml "$1" "$2" >/dev/null
}

# measure LABEL COUNT COMMAND...: prints seconds, projects/s, peak MiB; sets $secs
measure() {
  local label=$1 count=$2
  shift 2
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r secs kb <"$work/time"
  printf "%-34s %6d 个  %7.2f s  %8.1f 个/秒  峰值内存 %6.1f MiB\n" "$label" "$count" "$secs" \
    "$(echo "$count / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  last_secs=$secs
  last_kb=$kb
}

make_set "$work/in" "$n"
# The yardstick's pre-built text: jixiao's own outputs, dumped (untimed).
"$bin/jixiao" batch "$work/in" -o "$work/pre" -j 2 >/dev/null 2>&1 || true
"$bin/bench_dump" "$work/pre" >/dev/null

echo "jixiao benchmark: $n variants of jiaocheng-2024, $(nproc) cores"
measure "score only, -j 1" "$n" "$bin/jixiao" batch "$work/in" -o "$work/s1" -j 1 --score-only
measure "score only, -j 2" "$n" "$bin/jixiao" batch "$work/in" -o "$work/s2" -j 2 --score-only
measure "all outputs, -j 1" "$n" "$bin/jixiao" batch "$work/in" -o "$work/a1" -j 1
all1=$last_secs
measure "all outputs, -j 2" "$n" "$bin/jixiao" batch "$work/in" -o "$work/a2" -j 2
all2=$last_secs
measure "yardstick (cmark-gfm + libxlsxwriter)" "$n" "$bin/bench_yardstick" "$work/pre" "$work/y" templates/report.css
yard=$last_secs
printf "all outputs at -j 1 ÷ yardstick: %.2f×  (target ≤ 1.25×)\n" "$(echo "$all1 / $yard" | bc -l)"
printf "throughput -j 2 ÷ -j 1:          %.2f×  (target ≥ 1.8×)\n" "$(echo "$all1 / $all2" | bc -l)"

# Memory must not grow with the number of projects: 100 against 1000.
make_set "$work/m100" 100
make_set "$work/m1000" 1000
measure "all outputs, -j 2, 100 projects" 100 "$bin/jixiao" batch "$work/m100" -o "$work/o100" -j 2
kb100=$last_kb
measure "all outputs, -j 2, 1000 projects" 1000 "$bin/jixiao" batch "$work/m1000" -o "$work/o1000" -j 2
kb1000=$last_kb
printf "peak memory 1000 ÷ 100 projects: %.3f  (target ≤ 1.10)\n" "$(echo "$kb1000 / $kb100" | bc -l)"
