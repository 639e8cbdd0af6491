#!/usr/bin/env bash
# The benchmark: projects per second and peak memory of `jixiao batch`,
# score-only and with all outputs, at 1 and 2 workers, beside a yardstick
# that writes the same three files straight through cmark-gfm and
# libxlsxwriter from pre-built text. docs/performance.md explains it.
# Usage: bash bench/run.sh [N] [R] [PART]   (N variants of jiaocheng-2024,
# default 200; each timing is the best of R runs, default 3; PART `sync`
# runs only the comparison of `--sync each` with `--sync end`). The build
# folder is build-bench, or $JIXIAO_BENCH_BUILD (a Release build to reuse).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
reps=${2:-3}
part=${3:-all}
# jixiao puts libxlsxwriter's scratch files in $TMPDIR or /dev/shm
# (formats/xlsx/xlsx_writer.h); the yardstick is also run with the same folder, so the
# comparison shows what that choice gives on its own.
scratch=${TMPDIR:-}
if [ -z "$scratch" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then scratch=/dev/shm; fi
if [ ! -x /usr/bin/time ]; then apt-get install -y -qq time >/dev/null; fi
bin=${JIXIAO_BENCH_BUILD:-build-bench}
cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$bin" -j2 --target jixiao bench_variants bench_dump bench_yardstick >/dev/null
work=$(mktemp -d /tmp/jixiao-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The variants name the case's text/ by its absolute path: a folder outside
# the batch folder, which a project may name only when it is allowed.
allow=(--allow-path "$PWD/inputs/jiaocheng-2024/text")

make_set() {  # make_set DIR COUNT
  "$bin/bench_variants" inputs/jiaocheng-2024 indicators/jiaocheng-2024.yaml "$1" "$2" >/dev/null
}

# once OUT COMMAND...: one run, with OUT in the command replaced by a folder
# no earlier run used; sets secs and kb. Outputs are kept until the end:
# deleting thousands of files just before the next run writes as many makes
# ext4 (on a disk without a journal, as here) step over every recently
# deleted inode when it allocates one, a cost of the harness that would fall
# on whichever run came next and on two workers most.
serial=0
once() {
  local out=$1
  shift
  serial=$((serial + 1))
  local args=() a
  for a in "$@"; do
    if [ "$a" = "$out" ]; then args+=("$out.$serial"); else args+=("$a"); fi
  done
  last_out="$out.$serial"
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "${args[@]}" >/dev/null 2>&1 || true
  read -r secs kb <"$work/time"
}

# show LABEL COUNT SECS KB
show() {
  printf "%-38s %6d 个  %7.2f s  %8.1f 个/秒  峰值内存 %6.1f MiB\n" "$1" "$2" "$3" \
    "$(echo "$2 / $3" | bc -l)" "$(echo "$4 / 1024" | bc -l)"
}

less_than() { [ "$(echo "$1 < $2" | bc -l)" = 1 ]; }

# measure LABEL COUNT OUT COMMAND...: the best wall time of $reps runs (the
# least disturbed on a shared machine) and the highest peak memory; sets
# last_secs and last_kb. With discard=1 each run's outputs are deleted after
# it: for the runs that are compared by memory, so that a long benchmark
# does not fill the disk with 1000-project folders.
discard=0
measure() {
  local label=$1 count=$2 out=$3
  shift 3
  local best="" peak=0
  for ((r = 0; r < reps; r++)); do
    once "$out" "$@"
    if [ -z "$best" ] || less_than "$secs" "$best"; then best=$secs; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
    if [ "$discard" = 1 ]; then rm -rf "$last_out"; fi
  done
  show "$label" "$count" "$best" "$peak"
  last_secs=$best
  last_kb=$peak
}

make_set "$work/in" "$n"

# --sync each (every set flushed before it is swapped in) against --sync end
# (one flush for the run, before the summary), all outputs at one and two
# workers; the four take turns, round after round, each keeping its best.
sync_compare() {
  local r j mode key
  local -A best=() peak=()
  for ((r = 0; r < reps; r++)); do
    for j in 1 2; do
      for mode in each end; do
        key="$mode-j$j"
        once "$work/sync-$key" "$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/sync-$key" -j "$j" --sync "$mode"
        if [ -z "${best[$j$mode]:-}" ] || less_than "$secs" "${best[$j$mode]}"; then best[$j$mode]=$secs; fi
        if [ "$kb" -gt "${peak[$j$mode]:-0}" ]; then peak[$j$mode]=$kb; fi
      done
    done
  done
  for j in 1 2; do
    for mode in each end; do
      show "all outputs, -j $j, --sync $mode" "$n" "${best[$j$mode]}" "${peak[$j$mode]}"
    done
    printf "  --sync each ÷ --sync end at -j %d: %.2f×\n" "$j" "$(echo "${best[${j}each]} / ${best[${j}end]}" | bc -l)"
  done
}
if [ "$part" = sync ]; then
  echo "jixiao benchmark, --sync: $n variants of jiaocheng-2024, $(nproc) cores, best of $reps runs"
  sync_compare
  exit 0
fi
# The yardstick's pre-built text: jixiao's own outputs, dumped (untimed).
"$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/pre" -j 2 >/dev/null 2>&1 || true
"$bin/bench_dump" "$work/pre" >/dev/null

echo "jixiao benchmark: $n variants of jiaocheng-2024, $(nproc) cores, best of $reps runs"
measure "score only, -j 1" "$n" "$work/s1" "$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/s1" -j 1 --score-only
measure "score only, -j 2" "$n" "$work/s2" "$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/s2" -j 2 --score-only
# The three runs compared with each other take turns, round after round,
# so that a slow spell of the machine's disk or the other core falls on all
# of them alike; each keeps its best round.
best_a1="" best_a2="" best_y="" best_ys="" kb_a1=0 kb_a2=0 kb_y=0 kb_ys=0
for ((r = 0; r < reps; r++)); do
  once "$work/a1" "$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/a1" -j 1
  if [ -z "$best_a1" ] || less_than "$secs" "$best_a1"; then best_a1=$secs; fi
  [ "$kb" -gt "$kb_a1" ] && kb_a1=$kb
  once "$work/a2" "$bin/jixiao" batch "${allow[@]}" "$work/in" -o "$work/a2" -j 2
  if [ -z "$best_a2" ] || less_than "$secs" "$best_a2"; then best_a2=$secs; fi
  [ "$kb" -gt "$kb_a2" ] && kb_a2=$kb
  once "$work/y" "$bin/bench_yardstick" "$work/pre" "$work/y" templates/report.css
  if [ -z "$best_y" ] || less_than "$secs" "$best_y"; then best_y=$secs; fi
  [ "$kb" -gt "$kb_y" ] && kb_y=$kb
  if [ -n "$scratch" ]; then
    once "$work/ys" "$bin/bench_yardstick" "$work/pre" "$work/ys" templates/report.css --scratch "$scratch"
    if [ -z "$best_ys" ] || less_than "$secs" "$best_ys"; then best_ys=$secs; fi
    [ "$kb" -gt "$kb_ys" ] && kb_ys=$kb
  fi
done
show "all outputs, -j 1" "$n" "$best_a1" "$kb_a1"
show "all outputs, -j 2" "$n" "$best_a2" "$kb_a2"
show "yardstick (cmark-gfm + libxlsxwriter)" "$n" "$best_y" "$kb_y"
[ -n "$scratch" ] && show "yardstick, scratch files in $scratch" "$n" "$best_ys" "$kb_ys"
all1=$best_a1
all2=$best_a2
yard=$best_y
printf "all outputs at -j 1 ÷ yardstick: %.2f×  (target ≤ 1.25×)\n" "$(echo "$all1 / $yard" | bc -l)"
if [ -n "$scratch" ]; then
  printf "  ÷ yardstick with the same scratch folder: %.2f×  (for comparison)\n" "$(echo "$all1 / $best_ys" | bc -l)"
fi
printf "throughput -j 2 ÷ -j 1:          %.2f×  (target ≥ 1.8×)\n" "$(echo "$all1 / $all2" | bc -l)"
sync_compare

# Memory must not grow with the number of projects: 100 against 1000.
discard=1
make_set "$work/m100" 100
make_set "$work/m1000" 1000
measure "all outputs, -j 2, 100 projects" 100 "$work/o100" "$bin/jixiao" batch "${allow[@]}" "$work/m100" -o "$work/o100" -j 2
kb100=$last_kb
measure "all outputs, -j 2, 1000 projects" 1000 "$work/o1000" "$bin/jixiao" batch "${allow[@]}" "$work/m1000" -o "$work/o1000" -j 2
kb1000=$last_kb
printf "peak memory 1000 ÷ 100 projects: %.3f  (target ≤ 1.10)\n" "$(echo "$kb1000 / $kb100" | bc -l)"
