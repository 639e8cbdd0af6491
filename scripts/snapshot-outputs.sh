#!/usr/bin/env bash
# Runs every command a user has on every bundled case and keeps everything it
# printed and wrote in one folder, so two builds can be compared byte for byte:
#   bash scripts/snapshot-outputs.sh BUILD/jixiao DIR
# scripts/compare-outputs.sh uses it to hold today's tree against an earlier
# commit. Inputs are copied into DIR first and every command runs from there
# with relative paths, so what is printed names no folder of this machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
rm -rf "$out"
mkdir -p "$out/run"
out="$(cd "$out" && pwd)"
cp -r "$root/inputs" "$root/indicators" "$out/run/"
# The binary is called by its name from PATH, so what it prints about itself
# (the usage line) does not name the folder it was built in.
mkdir -p "$out/bin"
ln -s "$bin" "$out/bin/jixiao"
export PATH="$out/bin:$PATH"
cd "$out/run"

# run NAME COMMAND...: keeps stdout, stderr and the exit status under log/NAME.
run() {
  local name="$1"
  shift
  mkdir -p "$out/log"
  set +e
  JIXIAO_LANG= jixiao "$@" >"$out/log/$name.out" 2>"$out/log/$name.err"
  echo $? >"$out/log/$name.status"
  set -e
}

cases=()
for dir in inputs/*/; do cases+=("$(basename "$dir")"); done

for c in "${cases[@]}"; do
  run "score-$c" score "inputs/$c"
  run "score-json-$c" score --json "inputs/$c"
  run "score-en-$c" --lang en score "inputs/$c"
  run "report-$c" report "inputs/$c" -o out/report
  run "check-$c" check "inputs/$c" -o out/check
  run "check-json-$c" check --json "inputs/$c"
done

# The workbooks jixiao wrote, read back: a 评分表 checked and imported, a 自评表
# checked and reported on as a submitted form.
for c in "${cases[@]}"; do
  d="out/report/$c"
  if [ -f "$d/评分表.xlsx" ]; then
    run "check-sheet-$c" check "$d/评分表.xlsx" -o "out/check-sheet/$c"
    run "check-sheet-json-$c" check --json "$d/评分表.xlsx"
    mkdir -p out/import
    run "import-$c" import "$d/评分表.xlsx" -o "out/import/$c.yaml"
  fi
  if [ -f "$d/自评表.xlsx" ]; then
    mkdir -p "form/$c"
    cp "$d/自评表.xlsx" "form/$c/"
    run "check-form-$c" check "form/$c/自评表.xlsx" -o "out/check-form"
    run "report-form-$c" report "form/$c/自评表.xlsx" -o out/report-form
    run "score-form-$c" score --json "form/$c"
  fi
done

# A data-collection workbook for every system, then a project from each.
for sys in indicators/*.yaml; do
  s="$(basename "$sys" .yaml)"
  run "init-$s" init --indicators "$sys" "out/init/$s"
done

# batch over the bundled cases, one worker and two.
mkdir -p many
for c in "${cases[@]}"; do
  cp -r "inputs/$c" "many/$c"   # same depth as inputs/: ../../indicators still holds
done
run batch-1 batch many -o out/batch-1 -j 1
run batch-2 batch many -o out/batch-2 -j 2
run batch-score-only batch many -o out/batch-score-only --score-only
# Progress lines come in the order the workers finish, counted as they come:
# compare them as a set, without the count.
for b in batch-2 batch-score-only; do
  sed 's|^\[[0-9]*/[0-9]*\] ||' "$out/log/$b.err" | LC_ALL=C sort >"$out/log/$b.err.sorted"
  mv "$out/log/$b.err.sorted" "$out/log/$b.err"
done

# Bad input: the messages and exit codes a user meets first.
mkdir -p bad/broken bad/unknown
echo "project: [" >bad/broken/project.yaml
sed 's|  B22:|  B22x:|' inputs/guangzhou-2021/project.yaml >bad/unknown/project.yaml
cp -r inputs/guangzhou-2021/text bad/unknown/ 2>/dev/null || true
run bad-yaml score bad/broken
run bad-yaml-en --lang en score bad/broken
run bad-unknown score bad/unknown
run bad-missing score bad/missing
run bad-tolerance check inputs/jiaocheng-2024 --tolerance abc
run bad-command frobnicate
run bad-batch batch bad/nothing
run bad-check-md check out/report/jiaocheng-2024/report.md
run help --help

# Keep the outputs, drop the copied inputs and the link.
mv out "$out/files"
cd "$out"
rm -rf run bin
