#!/usr/bin/env bash
# Regenerates the fuzzers' seed corpora in tests/fuzz/corpus/ from the
# bundled cases, with the tool itself (build/ must hold a Release build):
#   project, stated     each inputs/<case>: its system, "#@@@", its project.yaml
#   xlsx                every workbook below
#   collect_workbook    数据采集表 filled from the jiaocheng-2024 case (tests/test_workbook.cpp),
#                       and the empty ones `jixiao init` writes
#   scoring_sheet       the 评分表.xlsx `jixiao report` writes for each case
#   self_form           the 自评表.xlsx it writes for the self-evaluation cases
#   mustache            templates/*.mustache
#   formula, decimal    the metrics and values of the cases
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
jixiao="$root/build/jixiao"
tests="$root/build/jixiao_tests"
[ -x "$jixiao" ] && [ -x "$tests" ] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 2; }
corpus="$root/tests/fuzz/corpus"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for h in project stated xlsx collect_workbook scoring_sheet self_form mustache formula decimal; do
  rm -rf "${corpus:?}/$h"
  mkdir -p "$corpus/$h"
done

for dir in inputs/*/; do
  c="$(basename "$dir")"
  sys="$(sed -n 's/^system: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$dir/project.yaml" | head -1)"
  [ -n "$sys" ] || continue
  kind=project
  grep -q '^stated:' "$dir/project.yaml" && kind=stated
  { cat "$dir/$sys"; printf '\n#@@@\n'; sed 's/^system: .*/system: sys.yaml/' "$dir/project.yaml"; } \
    >"$corpus/$kind/$c.yaml"
  # Formulas and numbers: the right-hand sides under metrics: and values:.
  awk '/^metrics:/{m=1;next} /^[^ ]/{m=0} m && /: /{sub(/^[^:]*: */,""); print}' "$dir/project.yaml" |
    head -20 | while IFS= read -r f; do printf '%s' "$f" >"$corpus/formula/$c-$(printf '%s' "$f" | md5sum | cut -c1-8)"; done
  awk '/^values:/{m=1;next} /^[^ ]/{m=0} m && /: /{sub(/^[^:]*: */,""); print}' "$dir/project.yaml" |
    head -20 | while IFS= read -r v; do printf '%s|3.14%%' "$v" >"$corpus/decimal/$c-$(printf '%s' "$v" | md5sum | cut -c1-8)"; done
  "$jixiao" report "$dir" -o "$tmp/out" >/dev/null 2>&1 || true
  [ -f "$tmp/out/$c/评分表.xlsx" ] && cp "$tmp/out/$c/评分表.xlsx" "$corpus/scoring_sheet/$c.xlsx"
  [ -f "$tmp/out/$c/自评表.xlsx" ] && cp "$tmp/out/$c/自评表.xlsx" "$corpus/self_form/$c.xlsx"
done
for sys in indicators/*.yaml; do
  s="$(basename "$sys" .yaml)"
  "$jixiao" init --indicators "$sys" "$tmp/init/$s" >/dev/null
  cp "$tmp/init/$s/数据采集表.xlsx" "$corpus/collect_workbook/empty-$s.xlsx"
done
JIXIAO_FUZZ_SEEDS="$tmp/filled" "$tests" -tc="a filled workbook scores each bundled case exactly as its project.yaml does" >/dev/null
cp "$tmp/filled/jiaocheng-2024.xlsx" "$corpus/collect_workbook/filled-jiaocheng-2024.xlsx"
cp templates/*.mustache "$corpus/mustache/"
printf '1,022.04' >"$corpus/decimal/comma"
printf -- '-0.5|2' >"$corpus/decimal/negative"
printf '90.56%%|0.9056' >"$corpus/decimal/percent"
cp "$corpus"/collect_workbook/*.xlsx "$corpus"/scoring_sheet/*.xlsx "$corpus"/self_form/*.xlsx "$corpus/xlsx/"
cp "$tmp/filled/"*.xlsx "$corpus/xlsx/"
for h in "$corpus"/*/; do echo "$(basename "$h"): $(ls "$h" | wc -l) seeds"; done
