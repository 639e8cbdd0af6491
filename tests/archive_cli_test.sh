#!/usr/bin/env bash
# End-to-end tests of the archive (--db, jixiao history) as a user runs them:
# on SQLite, and on PostgreSQL too when $JIXIAO_TEST_PG names one
# (scripts/with-postgres.sh). Run by ctest with JIXIAO set to the binary and
# the source dir as cwd.
set -u
source "$(dirname "$0")/lib.sh"

# A copy of jiaocheng-2024 as another year, one figure changed: copy_year DIR YEAR 实际支出资金
copy_year() {
  mkdir -p "$1"
  cp -r inputs/jiaocheng-2024/. "$1/"
  sed -i -e "s|system: ../../indicators/|system: $PWD/indicators/|" -e "s|year: \"2024\"|year: \"$2\"|" \
    -e "s|实际支出资金: 925.59|实际支出资金: $3|" "$1/project.yaml"
}
copy_year "$tmp/p/jc-2023" 2023 800.00
copy_year "$tmp/p/jc-2024" 2024 925.59
allow=(--allow-path "$tmp/p")

urls=("sqlite:$tmp/archive.db")
if [ -n "${JIXIAO_TEST_PG:-}" ]; then
  urls+=("postgresql:$JIXIAO_TEST_PG options='-csearch_path=archive_cli'")
fi

for url in "${urls[@]}"; do
  kind=${url%%:*}
  if [ "$kind" = postgresql ]; then
    # A schema of its own, fresh (the doctest cases use others at the same time).
    psql "$JIXIAO_TEST_PG" -q -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS archive_cli CASCADE; CREATE SCHEMA archive_cli" >/dev/null
  fi
  # score and report keep their run; the same inputs again store nothing
  "$JIXIAO" score "$tmp/p/jc-2023" --db "$url" "${allow[@]}" >"$tmp/s1.out" 2>"$tmp/s1.err"
  check "$kind: score --db exits 0" test $? -eq 0
  check "$kind: score says where it archived" contains "$tmp/s1.err" "已存档："
  "$JIXIAO" score "$tmp/p/jc-2023" --db "$url" "${allow[@]}" >/dev/null 2>"$tmp/s2.err"
  check "$kind: the same inputs are not stored twice" contains "$tmp/s2.err" "已存档过相同的输入，未重复存档"
  "$JIXIAO" score --json "$tmp/p/jc-2023" --db "$url" "${allow[@]}" >"$tmp/s3.json" 2>/dev/null
  check "$kind: score --json --db keeps stdout JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/s3.json"
  "$JIXIAO" report "$tmp/p/jc-2024" -o "$tmp/out-$kind" --db "$url" "${allow[@]}" >"$tmp/r.out" 2>"$tmp/r.err"
  check "$kind: report --db exits 0" test $? -eq 0
  md="$tmp/out-$kind/jc-2024/report.md"
  check "$kind: the report sets last year beside this year" contains "$md" "| 一级指标 | 权重 | 上年得分 | 得分 | 变动 | 得分率 |"
  check "$kind: the report says how the total moved" contains "$md" "与上年（2023 年度，"
  check "$kind: report.html too" contains "$tmp/out-$kind/jc-2024/report.html" "上年得分"

  # history: the project across years, as a table, JSON and a workbook
  "$JIXIAO" history --db "$url" --project 交城县城乡医疗救助补助资金 >"$tmp/h.txt" 2>&1
  check "$kind: history --project exits 0" test $? -eq 0
  check "$kind: history lists both years" contains "$tmp/h.txt" "2 个年度"
  check "$kind: history gives B12's reason" contains "$tmp/h.txt" "预算执行率 90.56%"
  "$JIXIAO" history --db "$url" --project 交城 --json >"$tmp/h.json"
  check "$kind: history --json is valid" python3 -c "
import json,sys
h=json.load(open(sys.argv[1]))
assert [y['year'] for y in h['years']]==['2023','2024'], h
assert h['years'][1]['change'] is not None
assert len(h['years'][1]['indicators'])>20" "$tmp/h.json"
  "$JIXIAO" history --db "$url" --project 交城 -o "$tmp/h-$kind.xlsx" >/dev/null 2>&1
  check "$kind: history -o writes a workbook" /usr/bin/python3 -c "
import openpyxl,sys
wb=openpyxl.load_workbook(sys.argv[1])
ws=wb.worksheets[0]
assert ws['A2'].value=='年度', ws['A2'].value
assert ws['B4'].value is not None" "$tmp/h-$kind.xlsx"
  "$JIXIAO" history --db "$url" --department 交城县医疗保障局 --lang en >"$tmp/d.txt" 2>&1
  check "$kind: history --department in English" contains "$tmp/d.txt" "1 project(s)"
  "$JIXIAO" history --db "$url" --system 交城 >"$tmp/sys.txt" 2>&1
  check "$kind: history --system gives the distribution" contains "$tmp/sys.txt" "中位数"
  # a submission whose stated total review changed
  mkdir -p "$tmp/p/sub"
  cp -r inputs/check-jiaocheng-2024/. "$tmp/p/sub/"
  sed -i -e "s|system: ../../indicators/|system: $PWD/indicators/|" -e "s|text: ../jiaocheng-2024/text|text: $PWD/inputs/jiaocheng-2024/text|" \
    -e "s|total: 90.71|total: 95.00|" -e "s|name: 交城县城乡医疗救助补助资金|name: 交城县城乡医疗救助补助资金（报送）|" "$tmp/p/sub/project.yaml"
  "$JIXIAO" check "$tmp/p/sub" --db "$url" --allow-path "$PWD/inputs" "${allow[@]}" >/dev/null 2>&1
  "$JIXIAO" history --db "$url" --revised >"$tmp/rv.txt" 2>&1
  check "$kind: history --revised lists the submission" contains "$tmp/rv.txt" "95.00"
  check "$kind: history --revised gives the difference" contains "$tmp/rv.txt" "−4.29"

  # batch: workers writing at once; kill -9 in the middle leaves whole runs only;
  # the batch run again completes the archive without a duplicate.
  mkdir -p "$tmp/many-$kind"
  for i in $(seq 1 60); do
    d="$tmp/many-$kind/p$i"
    mkdir -p "$d"
    cp inputs/jiaocheng-2024/project.yaml "$d/"
    sed -i -e "s|system: ../../indicators/|system: $PWD/indicators/|" -e "s|实际支出资金: 925.59|实际支出资金: $((800 + i)).00|" \
      -e "s|  name: 交城县城乡医疗救助补助资金|  name: 救助资金第${i}号|" "$d/project.yaml"
  done
  count_runs() {
    if [ "$kind" = sqlite ]; then python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM runs WHERE name LIKE '救助资金第%'\").fetchone()[0])" "$tmp/archive.db"
    else psql "$JIXIAO_TEST_PG" -tA -c "SELECT COUNT(*) FROM archive_cli.runs WHERE name LIKE '救助资金第%'"; fi
  }
  # whole runs: every run has as many scores as it says, and its input files
  broken_runs() {
    local sql="SELECT COUNT(*) FROM runs r WHERE r.indicators <> (SELECT COUNT(*) FROM scores s WHERE s.run_id = r.id) OR NOT EXISTS (SELECT 1 FROM input_files f WHERE f.run_id = r.id)"
    if [ "$kind" = sqlite ]; then python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$tmp/archive.db" "$sql"
    else psql "$JIXIAO_TEST_PG" -tA -c "SET search_path = archive_cli; $sql" | tail -1; fi
  }
  # (with reports, so that the kill lands while runs are still being stored)
  setsid "$JIXIAO" batch "$tmp/many-$kind" -o "$tmp/many-out-$kind" -j 2 --db "$url" >/dev/null 2>&1 &
  bpid=$!
  # Polled by the report folders batch has swapped in (a run is stored before
  # its report is written): a glob every 10 ms, where asking the database
  # took a process each time and let a fast batch finish first.
  for _ in $(seq 1 3000); do
    set -- "$tmp/many-out-$kind"/p*/
    [ -d "$1" ] && [ $# -ge 3 ] && break
    sleep 0.01
  done
  kill -9 -- "-$bpid" 2>/dev/null
  wait "$bpid" 2>/dev/null
  killed_at=$(count_runs)
  echo "$kind: killed with $killed_at of 60 runs stored"
  check "$kind: kill -9 mid-batch: some runs were stored ($killed_at)" test "$killed_at" -ge 1
  check "$kind: kill -9 mid-batch: every stored run is whole" test "$(broken_runs)" -eq 0
  "$JIXIAO" batch "$tmp/many-$kind" -o "$tmp/many-out-$kind" --score-only -j 2 --db "$url" >/dev/null 2>&1
  check "$kind: the batch again: every project once" test "$(count_runs)" -eq 60
  check "$kind: the batch again: still whole" test "$(broken_runs)" -eq 0
  "$JIXIAO" batch "$tmp/many-$kind" -o "$tmp/many-out-$kind" -j 2 --db "$url" >/dev/null 2>&1
  check "$kind: a third batch (reports) stores nothing new" test "$(count_runs)" -eq 60

  # batch with last year: the summary gains 上年得分 and 变动, the report its sentence
  mkdir -p "$tmp/years-$kind"
  cp -r "$tmp/p/jc-2024" "$tmp/years-$kind/"
  "$JIXIAO" batch "$tmp/years-$kind" -o "$tmp/years-out-$kind" -j 1 --db "$url" "${allow[@]}" >/dev/null 2>&1
  check "$kind: batch --db summary has 上年得分" /usr/bin/python3 -c "
import openpyxl,sys
ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]
heads=[c.value for c in ws[1]]
assert '上年得分' in heads and '变动' in heads, heads
i=heads.index('上年得分')
assert ws.cell(row=2, column=i+1).value is not None" "$tmp/years-out-$kind/汇总.xlsx"
  check "$kind: batch --db report has last year" contains "$tmp/years-out-$kind/jc-2024/report.md" "与上年（2023 年度，"

  # errors: nothing matching, no question
  "$JIXIAO" history --db "$url" --project 不存在的项目 >"$tmp/e1.txt" 2>&1
  check "$kind: nothing matching exits 2" test $? -eq 2
  check "$kind: nothing matching says so" contains "$tmp/e1.txt" "没有与“不存在的项目”相符的记录"
done

# errors common to both
"$JIXIAO" history --db "sqlite:$tmp/archive.db" >"$tmp/e2.txt" 2>&1
check "history without a question exits 2" test $? -eq 2
check "history without a question says what to ask" contains "$tmp/e2.txt" "--project"
"$JIXIAO" score inputs/jiaocheng-2024 --db "mysql:x" >"$tmp/e3.txt" 2>&1
check "a bad --db exits 2" test $? -eq 2
check "a bad --db says what a URL is" contains "$tmp/e3.txt" "sqlite:文件 或 postgresql:连接串"
python3 -c "
import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO schema_version VALUES (99,'later')\"); c.commit()" "$tmp/archive.db"
"$JIXIAO" score inputs/jiaocheng-2024 --db "sqlite:$tmp/archive.db" >"$tmp/e4.txt" 2>&1
check "a newer schema exits 2" test $? -eq 2
check "a newer schema is named" contains "$tmp/e4.txt" "较新版本的 jixiao"
check "a newer schema: nothing scored is printed" lacks "$tmp/e4.txt" "总分"

start=$(date +%s)
"$JIXIAO" history --db "sqlite:$tmp/no-such-folder/a.db" --project x >"$tmp/e5.txt" 2>&1
check "a database in a missing folder exits 2" test $? -eq 2
check "a database in a missing folder is refused at once" test $(( $(date +%s) - start )) -lt 10
check "a database in a missing folder says so" contains "$tmp/e5.txt" "no such folder"

finish "archive cli"
