#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ (clang, ASan + UBSan) and
# runs each for SECONDS (default 60), several at a time. Fails when any run
# finds a crash, a leak, a timeout (a single input over 10 s) or an
# out-of-memory (over 2 GB); the reproducer is left in build-fuzz/findings/.
#   bash scripts/fuzz.sh [SECONDS]
# Environment: FUZZ_CXX (default clang++-14, else clang++), FUZZ_JOBS
# (harnesses at once; default the number of cores), FUZZERS (a subset, by
# name: "formula decimal").
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
seconds="${1:-60}"
cxx="${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}"
[ -n "$cxx" ] || { echo "fuzz.sh: no clang++ found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
build="$root/build-fuzz"
cmake -S . -B "$build" -DJIXIAO_FUZZ=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" --target fuzzers -j"$(nproc)"

all=(project stated xlsx collect_workbook self_form scoring_sheet mustache formula decimal)
read -r -a harnesses <<<"${FUZZERS:-${all[*]}}"
jobs="${FUZZ_JOBS:-$(nproc)}"
mkdir -p "$build/findings" "$build/logs"
# Leaks only in libFuzzer's own sense (after each input); the suppressions
# are the test suite's (libraries that keep one-time allocations).
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export JIXIAO_FUZZ_SYSTEM=jiaocheng-2024  # the system the collect_workbook seeds were filled for

run() {
  local h="$1" corpus="$build/corpus/$1"
  mkdir -p "$corpus"
  "$build/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 \
    -dict="$root/tests/fuzz/jixiao.dict" -print_final_stats=1 \
    -artifact_prefix="$build/findings/$h-" "$corpus" "$root/tests/fuzz/corpus/$h" \
    >"$build/logs/$h.log" 2>&1
}

declare -A pids=()
status=0
wait_one() {
  local done_pid h rc
  wait -n -p done_pid || true
  for h in "${!pids[@]}"; do
    if [ "${pids[$h]}" = "$done_pid" ]; then
      wait "$done_pid" && rc=0 || rc=$?
      local runs
      runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$h.log" | tail -1)"
      if [ "$rc" -eq 0 ]; then
        echo "fuzz_$h: ok, ${runs:-?} executions in ${seconds} s"
      else
        echo "fuzz_$h: FAILED (exit $rc) after ${runs:-?} executions; see $build/logs/$h.log" >&2
        grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$build/logs/$h.log" | head -5 >&2 || true
        status=1
      fi
      unset "pids[$h]"
      return
    fi
  done
}
for h in "${harnesses[@]}"; do
  [ -f "$root/tests/fuzz/fuzz_$h.cpp" ] || { echo "fuzz.sh: no harness $h" >&2; exit 2; }
  while [ "${#pids[@]}" -ge "$jobs" ]; do wait_one; done
  run "$h" &
  pids[$h]=$!
done
while [ "${#pids[@]}" -gt 0 ]; do wait_one; done
exit "$status"
