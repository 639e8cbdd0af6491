#!/usr/bin/env bash
# Display precisions have one home, generator/base/precision.h: every call
# that rounds or prints a figure names what it shows (kScorePlaces,
# kPercentPlaces, kMoneyPlaces, ...). This fails on a number of places
# written anywhere else under generator/, so a literal cannot creep back:
#   Round(2), ToShort(0), ToPercent(2), ToPercentShort(2), ToFixed(2)
#   ToShort(), ToPercent(), ToPercentShort()   (decimal.h's defaults)
#   "=ROUND(B2/B3,4)"                          (a workbook formula)
#   int places = 2, places + 2, places + (percent ? 2 : 0), std::max(2, places)
# decimal.{h,cpp} implement the rounding and are not callers. A line that
# holds a number of places which is not a display precision (a parsed
# figure's own decimals) says so with the words "not a display precision".
# Run by ctest with the source folder as the working directory.
set -u
cd "${1:-.}" || exit 2

excluded=(generator/base/precision.h generator/base/decimal.h generator/base/decimal.cpp)
patterns=(
  '\b(Round|ToShort|ToPercent|ToPercentShort|ToFixed)\(\s*-?[0-9]'
  '\b(ToShort|ToPercent|ToPercentShort)\(\s*\)'
  'ROUND\([^"]*,\s*[0-9]+\s*\)'
  ',\s*[0-9]+\s*\)+\s*"'
  '\bplaces\s*(=|\+|-)\s*[0-9]'
  '\bplaces\s*\+\s*\([^)]*\?\s*[0-9]'
  '\bmax\(\s*[0-9]+\s*,[^)]*places'
)

files=()
while IFS= read -r f; do
  skip=0
  for e in "${excluded[@]}"; do
    case "$f" in "$e" | "$e"/*) skip=1 ;; esac
  done
  [ "$skip" = 1 ] || files+=("$f")
done < <(find generator -name '*.h' -o -name '*.cpp' | sort)

if [ "${#files[@]}" -lt 20 ]; then
  echo "precision_literals: found only ${#files[@]} sources under $(pwd)/generator" >&2
  exit 2
fi

status=0
for p in "${patterns[@]}"; do
  if grep -nHP -- "$p" "${files[@]}" | grep -v 'not a display precision'; then status=1; fi
done
if [ "$status" != 0 ]; then
  echo "A display precision is written as a number above: use (or add) a named constant in generator/base/precision.h." >&2
fi
exit "$status"
