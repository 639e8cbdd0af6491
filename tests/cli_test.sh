#!/usr/bin/env bash
# End-to-end tests of the jixiao command as a user runs it: exit codes,
# what lands on the terminal and in output/, and errors on bad input.
# Run by ctest with JIXIAO set to the binary and the source dir as cwd.
set -u
source "$(dirname "$0")/lib.sh"

# score: the bundled case, terminal and JSON
"$JIXIAO" score inputs/jiaocheng-2024 >"$tmp/score.txt" 2>&1
check "score exits 0" test $? -eq 0
check "score prints the total and grade" contains "$tmp/score.txt" "总分 90.71 / 100，等级 优"
check "score prints B12's reason" contains "$tmp/score.txt" "预算执行率 90.56%，低于 95%"
"$JIXIAO" score --json inputs/jiaocheng-2024 >"$tmp/score.json"
check "json total" contains "$tmp/score.json" '"total": 90.71,'
check "json grade" contains "$tmp/score.json" '"grade": "优",'
check "json D13" contains "$tmp/score.json" '"code": "D13", "name": "政策知晓率", "level": 3, "parent": "D1", "weight": 6, "score": 4.71'
# scores at their display precision (10.40, 64.90), weights and rule limits as written
check "score prints scores at two places" contains "$tmp/score.txt" "A      决策                             20   18.00   90.00%"
check "json total at two places" contains "$tmp/score.json" '"code": "A", "name": "决策", "level": 1, "parent": null, "weight": 20, "score": 18.00'
check "a rule limit stays as written" contains "$tmp/score.txt" "按每降低 5% 扣 1 分"
check "points lost and earned at two places" contains "$tmp/score.txt" "扣 1.00 分，得 3.00 分"
check "json is valid" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/score.json"

# --lang en: score's own words in English, the indicators' names as written; Chinese by default
"$JIXIAO" --lang en score inputs/jiaocheng-2024 >"$tmp/score-en.txt" 2>&1
check "score --lang en exits 0" test $? -eq 0
check "score --lang en heading" contains "$tmp/score-en.txt" "indicator system: 交城县城乡医疗救助补助资金绩效评价指标体系"
check "score --lang en columns" contains "$tmp/score-en.txt" "points lost because"
check "score --lang en total line" contains "$tmp/score-en.txt" "total 90.71 / 100, grade 优"
check "score --lang en keeps the indicator names" contains "$tmp/score-en.txt" "政策知晓率"
for w in 指标体系： 扣分原因 得分率 总分 等级; do
  check "score --lang en has no tool word $w" bash -c '! grep -qF -- "$1" "$2"' _ "$w" "$tmp/score-en.txt"
done
check "score in Chinese by default: heading" contains "$tmp/score.txt" "指标体系：交城县城乡医疗救助补助资金绩效评价指标体系"
check "score in Chinese by default: columns" contains "$tmp/score.txt" "扣分原因"
JIXIAO_LANG=en "$JIXIAO" score inputs/jiaocheng-2024 >"$tmp/score-env-en.txt" 2>&1
check "JIXIAO_LANG=en gives the English score" contains "$tmp/score-env-en.txt" "total 90.71 / 100, grade 优"

# bad input: a clear error naming file:line:col, the indicator, exit 2
cp -r inputs/jiaocheng-2024 "$tmp/bad"
sed -i 's|../../indicators/|'"$PWD"'/indicators/|' "$tmp/bad/project.yaml"
sed -i 's|  D21:|  D21x:|' "$tmp/bad/project.yaml"
"$JIXIAO" score "$tmp/bad" >"$tmp/bad.out" 2>"$tmp/bad.err"
check "unknown indicator exits 2" test $? -eq 2
check "unknown indicator is named with a hint" contains "$tmp/bad.err" "指标 D21x: 指标 D21x 不在指标体系"
check "the hint names D21" contains "$tmp/bad.err" "是否应为“D21”"
check "nothing on stdout" test ! -s "$tmp/bad.out"
JIXIAO_LANG=en "$JIXIAO" score "$tmp/bad" 2>"$tmp/bad-en.err"
check "English messages" contains "$tmp/bad-en.err" "indicator D21x: indicator D21x is not in the system"
"$JIXIAO" score "$tmp/missing" 2>"$tmp/missing.err"
check "missing project exits 2" test $? -eq 2
check "missing project is named" contains "$tmp/missing.err" "$tmp/missing/project.yaml: 错误: 无法读取文件"
"$JIXIAO" frobnicate >/dev/null 2>&1
check "unknown command exits 2" test $? -eq 2

# report: three files, written whole
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out" >"$tmp/report.txt" 2>&1
check "report exits 0" test $? -eq 0
for f in report.md report.html 评分表.xlsx; do
  check "report wrote $f" test -s "$tmp/out/jiaocheng-2024/$f"
done
check "no temporary files left" test -z "$(find "$tmp/out" -name '.*tmp*')"
# libxlsxwriter's scratch folder ($TMPDIR, else /dev/shm; formats/xlsx/xlsx_writer.h) changes nothing in the output
mkdir -p "$tmp/scratch"
TMPDIR="$tmp/scratch" "$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out-scratch" >/dev/null 2>&1
check "report with TMPDIR set exits 0" test $? -eq 0
check "report with TMPDIR set writes the same workbook" cmp -s "$tmp/out/jiaocheng-2024/评分表.xlsx" "$tmp/out-scratch/jiaocheng-2024/评分表.xlsx"
TMPDIR="$tmp/no-such-folder" "$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out-noscratch" >/dev/null 2>&1
check "report with a missing TMPDIR still works" test -s "$tmp/out-noscratch/jiaocheng-2024/评分表.xlsx"
check "report.md has the total" contains "$tmp/out/jiaocheng-2024/report.md" "综合得分 90.71 分，绩效评级为“优”"
check "report.html is one page" contains "$tmp/out/jiaocheng-2024/report.html" "<style>"

# report: an output folder that cannot be written
: >"$tmp/file"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/file/sub" 2>"$tmp/nowrite.err"
check "unwritable output exits 2" test $? -eq 2
check "unwritable output is named" contains "$tmp/nowrite.err" "$tmp/file/sub"

# report: a template with an unknown variable
mkdir -p "$tmp/tpl"
printf '# {{project.name}}\n\n{{project.nmae}}\n' >"$tmp/tpl/report.md.mustache"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out2" --templates "$tmp/tpl" 2>"$tmp/tpl.err"
check "unknown template variable exits 2" test $? -eq 2
check "unknown template variable names file and line" contains "$tmp/tpl.err" "$tmp/tpl/report.md.mustache:3: 错误: 模板使用了未知的变量“project.nmae”"
check "nothing written on a template error" test ! -e "$tmp/out2/jiaocheng-2024/report.md"

# report: a template that needs a fragment the project lacks: written with a placeholder and a
# warning naming the file; --strict refuses it
printf '{{{text.不存在}}}\n' >"$tmp/tpl/report.md.mustache"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out2" --templates "$tmp/tpl" >"$tmp/frag.out" 2>"$tmp/frag.err"
check "missing fragment still exits 0" test $? -eq 0
check "missing fragment warns naming the file" contains "$tmp/frag.err" "inputs/jiaocheng-2024/text/不存在.md"
check "missing fragment is a warning" contains "$tmp/frag.err" "警告"
check "missing fragment leaves a placeholder in report.md" contains "$tmp/out2/jiaocheng-2024/report.md" "【待补充：不存在（text/不存在.md）】"
check "missing fragment leaves a placeholder in report.html" contains "$tmp/out2/jiaocheng-2024/report.html" "【待补充：不存在（text/不存在.md）】"
rm -rf "$tmp/out2"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/out2" --templates "$tmp/tpl" --strict >"$tmp/frag-strict.out" 2>"$tmp/frag-strict.err"
check "report --strict with a missing fragment exits 2" test $? -eq 2
check "report --strict names the file" contains "$tmp/frag-strict.err" "inputs/jiaocheng-2024/text/不存在.md"
check "report --strict writes nothing" test ! -e "$tmp/out2/jiaocheng-2024/report.md"
# report --pdf without the converter: refused at once, naming the packages, nothing written
PATH=/nonexistent "$JIXIAO" report inputs/yaohai-2023 -o "$tmp/nopdf" --pdf >/dev/null 2>"$tmp/nopdf.err"
check "report --pdf without unoconv exits 2" test $? -eq 2
check "report --pdf without unoconv names the packages" contains "$tmp/nopdf.err" "apt-get install libreoffice-writer-nogui unoconv python3-uno"
check "report --pdf without unoconv writes nothing" test ! -e "$tmp/nopdf/yaohai-2023/report.md"
# batch --pdf: every report gains report.pdf, all converted by one LibreOffice process, no scratch left
mkdir -p "$tmp/pdfbatch"
cp -r inputs/yaohai-2023 inputs/guangzhou-2021 "$tmp/pdfbatch/"
sed -i "s#\.\./\.\./indicators#$PWD/indicators#" "$tmp/pdfbatch"/*/project.yaml
"$JIXIAO" batch "$tmp/pdfbatch" -o "$tmp/pdfbatch-out" --pdf >/dev/null 2>"$tmp/pdfbatch.err"
check "batch --pdf exits 0" test $? -eq 0
check "batch --pdf writes yaohai's report.pdf" test -s "$tmp/pdfbatch-out/yaohai-2023/report.pdf"
check "batch --pdf writes guangzhou's report.pdf" test -s "$tmp/pdfbatch-out/guangzhou-2021/report.pdf"
check "batch --pdf leaves no scratch folder" test -z "$(find "$tmp/pdfbatch-out" -name '.*')"
# --reference-docx: a file that is not a .docx is refused, naming it; a report.docx works as one
echo "not a docx" >"$tmp/notes.docx"
"$JIXIAO" report inputs/yaohai-2023 -o "$tmp/refdocx-bad" --reference-docx "$tmp/notes.docx" >/dev/null 2>"$tmp/refdocx-bad.err"
check "report --reference-docx with a non-docx exits 2" test $? -eq 2
check "it names the reference file" contains "$tmp/refdocx-bad.err" "$tmp/notes.docx"
check "it says what a reference must be" contains "$tmp/refdocx-bad.err" "不是可用的参考 .docx"
"$JIXIAO" report inputs/yaohai-2023 -o "$tmp/refdocx" >/dev/null 2>&1
"$JIXIAO" report inputs/guangzhou-2021 -o "$tmp/refdocx2" --reference-docx "$tmp/refdocx/yaohai-2023/report.docx" >/dev/null 2>&1
check "report --reference-docx with a report.docx exits 0" test $? -eq 0
check "and writes report.docx" test -s "$tmp/refdocx2/guangzhou-2021/report.docx"
# report checks what it renders: the text's year-end balance (2993.54) against
# 年初 + 收入 − 支出 (2988.88), a located warning per place and a summary line;
# --strict refuses the report
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/incons" >"$tmp/incons.out" 2>"$tmp/incons.err"
check "report with a text that disagrees with its data still exits 0" test $? -eq 0
check "the disagreement is located in the fragment" contains "$tmp/incons.err" "inputs/jiaocheng-2024/text/资金情况.md:7:288: 警告: 报告与数据不符：正文写2024 年末结余为 2993.54 万元"
check "the summary counts the disagreements" contains "$tmp/incons.err" "报告中有 4 处与数据不符"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/incons-strict" --strict >/dev/null 2>"$tmp/incons-strict.err"
check "report --strict with a disagreement exits 2" test $? -eq 2
check "report --strict names the place" contains "$tmp/incons-strict.err" "text/问题.md:11:189"
check "report --strict with a disagreement writes nothing" test ! -e "$tmp/incons-strict/jiaocheng-2024/report.md"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/incons-en" --lang en >/dev/null 2>"$tmp/incons-en.err"
check "the summary in English" contains "$tmp/incons-en.err" "4 place(s) in the report disagree with the data"
# the default template without text/项目概况.md: a placeholder in its section, and the English warning
cp -r inputs/jiaocheng-2024 "$tmp/nofrag"
sed -i 's|../../indicators/|'"$PWD"'/indicators/|' "$tmp/nofrag/project.yaml"
rm "$tmp/nofrag/text/项目概况.md"
"$JIXIAO" --lang en report "$tmp/nofrag" -o "$tmp/nofrag-out" >/dev/null 2>"$tmp/nofrag.err"
check "report without 项目概况.md exits 0" test $? -eq 0
check "report without 项目概况.md warns in English" contains "$tmp/nofrag.err" "warning: the template needs the text fragment $tmp/nofrag/text/项目概况.md"
check "report without 项目概况.md has its placeholder" contains "$tmp/nofrag-out/nofrag/report.md" "【待补充：项目概况（text/项目概况.md）】"
mkdir -p "$tmp/nofrag-batch" && mv "$tmp/nofrag" "$tmp/nofrag-batch/"
"$JIXIAO" batch "$tmp/nofrag-batch" -o "$tmp/nofrag-bout" >/dev/null 2>"$tmp/nofrag-batch.err"
check "batch with a missing fragment exits 0" test $? -eq 0
check "batch with a missing fragment warns" contains "$tmp/nofrag-batch.err" "text/项目概况.md"
check "batch with a missing fragment writes the report" contains "$tmp/nofrag-bout/nofrag/report.md" "【待补充：项目概况（text/项目概况.md）】"
"$JIXIAO" batch "$tmp/nofrag-batch" -o "$tmp/nofrag-sbout" --strict >/dev/null 2>"$tmp/nofrag-sbatch.err"
check "batch --strict with a missing fragment exits 3" test $? -eq 3
check "batch --strict names the missing file" contains "$tmp/nofrag-sbatch.err" "text/项目概况.md"
check "batch --strict writes no report for it" test ! -e "$tmp/nofrag-sbout/nofrag/report.md"

# check: the bundled check cases exit 1 and list their findings; clean cases exit 0
"$JIXIAO" check inputs/check-yaohai-2023 >"$tmp/check.txt" 2>&1
check "check with errors exits 1" test $? -eq 1
check "check names the parent-sum finding" contains "$tmp/check.txt" "parent-sum] （三、（一）产出指标）B 产出指标 得分：报告为 50"
check "check states the grade effect" contains "$tmp/check.txt" "等级不变（优）"
"$JIXIAO" --lang en check inputs/check-yaohai-2023 >"$tmp/check-en.txt" 2>&1
check "check --lang en exits 1" test $? -eq 1
check "check --lang en heading" contains "$tmp/check-en.txt" "check of 城乡医疗救助项目 (inputs/check-yaohai-2023)"
check "check --lang en counts" contains "$tmp/check-en.txt" "2 error(s), 0 warning(s)."
check "check --lang en severity heading" contains "$tmp/check-en.txt" "errors:"
check "check --lang en kind name" contains "$tmp/check-en.txt" "[a parent's score differs from the sum of its children's parent-sum]"
check "check --lang en finding sentence" contains "$tmp/check-en.txt" "综合得分: stated 100, expected 98.00 (grade unchanged (优))"
for w in 检查 报送文件： "错误 2 项" "错误：" 上级指标得分与下级指标得分之和不符 报告为 应为 等级不变; do
  check "check --lang en has no tool word $w" bash -c '! grep -qF -- "$1" "$2"' _ "$w" "$tmp/check-en.txt"
done
check "check in Chinese by default" contains "$tmp/check.txt" "错误 2 项，警告 0 项。"
"$JIXIAO" check inputs/jiaocheng-2024 >"$tmp/clean.txt" 2>&1
check "check on a clean case exits 0" test $? -eq 0
"$JIXIAO" check --json inputs/check-jiaocheng-2024 >"$tmp/check.json"
check "check --json is valid JSON with 7 errors" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['errors']==7, d['errors']" "$tmp/check.json"
"$JIXIAO" check inputs/check-tianjin-disabled-2023 -o "$tmp/chk" >/dev/null
check "check -o writes check.md" contains "$tmp/chk/check-tianjin-disabled-2023/check.md" "figure-mismatch"
check "check -o writes check.html" test -s "$tmp/chk/check-tianjin-disabled-2023/check.html"
"$JIXIAO" check inputs/check-tianjin-disabled-2023 --tolerance abc >/dev/null 2>"$tmp/tol.err"
check "a bad tolerance exits 2" test $? -eq 2

# batch: a folder with a broken project; exit 3, the others finish
mkdir -p "$tmp/many"
for i in 1 2 3; do
  cp -r inputs/jiaocheng-2024 "$tmp/many/p$i"
  sed -i 's|../../indicators/|'"$PWD"'/indicators/|' "$tmp/many/p$i/project.yaml"
done
mkdir -p "$tmp/many/zz-broken" && echo "project: [" >"$tmp/many/zz-broken/project.yaml"
"$JIXIAO" batch "$tmp/many" -o "$tmp/bout" -j 2 >"$tmp/batch.txt" 2>"$tmp/batch.err"
check "batch with a broken project exits 3" test $? -eq 3
check "batch names the broken file" contains "$tmp/batch.err" "zz-broken/project.yaml"
check "batch wrote the summary" test -s "$tmp/bout/汇总.xlsx"
check "batch wrote each report" test -s "$tmp/bout/p3/report.html"
check "batch prints plain progress lines when not a terminal" contains "$tmp/batch.err" "[4/4]"
check "batch summary line in Chinese by default" contains "$tmp/batch.txt" "4 个项目：完成 3，失败 1"
check "batch progress names a failure in Chinese by default" contains "$tmp/batch.err" "zz-broken: 失败"
"$JIXIAO" --lang en batch "$tmp/many" -o "$tmp/bout-en" -j 2 >"$tmp/batch-en.txt" 2>"$tmp/batch-en.err"
check "batch --lang en exits 3" test $? -eq 3
check "batch --lang en summary line" contains "$tmp/batch-en.txt" "4 project(s): 3 done, 1 failed, 0 with check errors. Summary: "
check "batch --lang en progress line of a failure" contains "$tmp/batch-en.err" "zz-broken: failed"
check "batch --lang en progress line of a project" contains "$tmp/batch-en.err" "p1: 90.71 优"
for w in 个项目 完成 失败 核对 错误; do
  check "batch --lang en has no tool word $w" bash -c '! grep -qF -- "$1" "$2" "$3"' _ "$w" "$tmp/batch-en.txt" "$tmp/batch-en.err"
done
"$JIXIAO" batch "$tmp/nothing-here" >/dev/null 2>&1
check "batch on a missing folder exits 2" test $? -eq 2

# batch --indicators: projects sent from other disks, their system: pointing nowhere here
mkdir -p "$tmp/sent/a" "$tmp/sent-systems"
cp -r inputs/jiaocheng-2024/. "$tmp/sent/a"
sed -i 's|^system: .*|system: D:\\绩效\\jiaocheng-2024.yaml|' "$tmp/sent/a/project.yaml"
cp -r inputs/yaohai-2023 "$tmp/sent/b"
sed -i 's|^system: .*|system: /home/sender/yaohai-2023.yaml|' "$tmp/sent/b/project.yaml"
cp indicators/jiaocheng-2024.yaml indicators/yaohai-2023.yaml "$tmp/sent-systems/"
"$JIXIAO" batch "$tmp/sent" -o "$tmp/sent-plain" --score-only >/dev/null 2>&1
check "batch without --indicators fails projects whose system is elsewhere" test $? -eq 3
"$JIXIAO" batch "$tmp/sent" -o "$tmp/sent-dir" --indicators "$tmp/sent-systems" >"$tmp/sent-dir.txt" 2>"$tmp/sent-dir.err"
check "batch --indicators DIR exits 0" test $? -eq 0
check "batch --indicators DIR scores a by the folder's system" contains "$tmp/sent-dir.err" "a: 90.71 优"
check "batch --indicators DIR writes b's report" test -s "$tmp/sent-dir/b/report.html"
mkdir -p "$tmp/sent-one" && cp -r "$tmp/sent/a" "$tmp/sent-one/a" && cp -r "$tmp/sent/a" "$tmp/sent-one/c"
sed -i 's|^system: .*|system: /home/sender/另一个名字.yaml|' "$tmp/sent-one/c/project.yaml"
"$JIXIAO" batch "$tmp/sent-one" -o "$tmp/sent-file" --indicators indicators/jiaocheng-2024.yaml >/dev/null 2>"$tmp/sent-file.err"
check "batch --indicators FILE exits 0" test $? -eq 0
check "batch --indicators FILE scores a against it" contains "$tmp/sent-file.err" "a: 90.71 优"
check "batch --indicators FILE scores c against it, whatever it names" contains "$tmp/sent-file.err" "c: 90.71 优"
check "batch --indicators FILE writes c's report" test -s "$tmp/sent-file/c/report.html"
sed -i 's|^system: .*|system: /home/sender/没有的体系.yaml|' "$tmp/sent/b/project.yaml"
"$JIXIAO" --lang en batch "$tmp/sent" -o "$tmp/sent-miss" --indicators "$tmp/sent-systems" >/dev/null 2>"$tmp/sent-miss.err"
check "batch --indicators DIR with a system not in it exits 3" test $? -eq 3
check "the missing system is located at its line" contains "$tmp/sent-miss.err" "b/project.yaml:16:"
check "the missing system's error says what was looked for" contains "$tmp/sent-miss.err" "holds no file named '没有的体系.yaml'"
check "the other project still finished" test -s "$tmp/sent-miss/a/report.html"
"$JIXIAO" batch "$tmp/sent" -o "$tmp/sent-bad" --indicators "$tmp/no-such-systems" >/dev/null 2>"$tmp/sent-bad.err"
check "batch --indicators with a wrong path exits 2" test $? -eq 2
check "batch --indicators with a wrong path says what it expects" contains "$tmp/sent-bad.err" "--indicators 应为指标体系文件"
check "batch --indicators with a wrong path writes nothing" test ! -e "$tmp/sent-bad"

# batch --sync end: the same reports as --sync each, the summary after them
"$JIXIAO" batch "$tmp/many" -o "$tmp/sync-each" -j 2 --sync each >/dev/null 2>&1
"$JIXIAO" batch "$tmp/many" -o "$tmp/sync-end" -j 2 --sync end >/dev/null 2>&1
check "batch --sync end exits as --sync each" test $? -eq 3
check "batch --sync end writes the summary" test -s "$tmp/sync-end/汇总.xlsx"
check "batch --sync end writes the same reports" diff -r -x 汇总.xlsx "$tmp/sync-each" "$tmp/sync-end"
check "batch --sync end writes the same files" diff <(cd "$tmp/sync-each" && find . | sort) <(cd "$tmp/sync-end" && find . | sort)
"$JIXIAO" batch "$tmp/many" -o "$tmp/sync-bad" --sync later >/dev/null 2>&1
check "batch --sync with an unknown mode exits 2" test $? -eq 2

# batch: Ctrl-C leaves every finished report whole and no temporary file
rm -rf "$tmp/many/zz-broken"
for i in $(seq 4 240); do cp -r "$tmp/many/p1" "$tmp/many/p$i"; done
"$JIXIAO" batch "$tmp/many" -o "$tmp/iout" -j 1 >/dev/null 2>&1 &
pid=$!
# Interrupt once the first report is written, however slow the build (ASan on CI) is.
for _ in $(seq 1 600); do
  [ -n "$(find "$tmp/iout" -name report.md 2>/dev/null | head -n 1)" ] && break
  sleep 0.1
done
kill -INT "$pid"
wait "$pid"
status=$?
check "interrupted batch exits 130" test "$status" -eq 130
check "interrupted batch leaves no temporary files" test -z "$(find "$tmp/iout" -name '.*tmp*')"
ref="$(find "$tmp/iout" -name report.md | sort | head -n 1)"
check "an interrupted batch wrote at least one report" test -n "$ref"
whole=1
for f in "$tmp/iout"/p*/report.md; do cmp -s "$f" "$ref" || whole=0; done
check "every report an interrupted batch wrote is whole" test "$whole" -eq 1
check "an interrupted batch stopped early" test "$(ls -d "$tmp/iout"/p* | wc -l)" -lt 240

# check: --json prints JSON even when the input is refused; `check .` names its folder
"$JIXIAO" check "$tmp/does-not-exist.xlsx" --json >"$tmp/refused.json" 2>/dev/null
check "check --json on a refused input exits 2" test $? -eq 2
check "check --json on a refused input prints JSON" contains "$tmp/refused.json" '"refused": true'
(cd inputs/check-yaohai-2023 && "$JIXIAO" check --allow-path .. . -o "$tmp/dot" >"$tmp/dot.txt" 2>&1)
check "check . -o DIR writes DIR/<folder>/" test -s "$tmp/dot/check-yaohai-2023/check.html"
check "check . is titled by its folder, not ." contains "$tmp/dot.txt" "（check-yaohai-2023）"

# import: jixiao's own 评分表.xlsx back into an indicator system
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/imp" >/dev/null 2>&1
"$JIXIAO" import "$tmp/imp/jiaocheng-2024/评分表.xlsx" -o "$tmp/imported.yaml" >"$tmp/import.out" 2>&1
check "import exits 0" test $? -eq 0
check "import counts the levels" contains "$tmp/import.out" "指标：一级 4 项，二级 12 项，三级 22 项"
check "import names the manual leaf and why" contains "$tmp/import.out" "D21 项目可持续性（评分表!H25）：未匹配到常见的评分表述"
check "import lists the values projects must give" contains "$tmp/import.out" "  政策知晓率"
check "imported YAML has the inferred steps" contains "$tmp/imported.yaml" "deduct_share: 20%"
"$JIXIAO" import "$tmp/imp/jiaocheng-2024/评分表.xlsx" -o "$tmp/imported.yaml" 2>"$tmp/import-again.err"
check "import refuses to overwrite" test $? -eq 2
check "import says to add --force" contains "$tmp/import-again.err" "如需覆盖请加 --force"
"$JIXIAO" import "$tmp/imp/jiaocheng-2024/评分表.xlsx" -o "$tmp/imported.yaml" --force >/dev/null 2>&1
check "import --force overwrites" test $? -eq 0
"$JIXIAO" import "$tmp/imp/jiaocheng-2024/评分表.xlsx" --sheet 汇总 -o "$tmp/summary.yaml" 2>"$tmp/import-bad.err"
check "import of a sheet without the layout exits 2" test $? -eq 2
check "import says which labels it looked for" contains "$tmp/import-bad.err" "应有一行写“一级指标”"
check "nothing written for a sheet without the layout" test ! -e "$tmp/summary.yaml"

# init: a new project folder with project.yaml and the data-collection workbook
"$JIXIAO" init --indicators indicators/jiaocheng-2024.yaml "$tmp/init/新项目" >"$tmp/init.out" 2>&1
check "init exits 0" test $? -eq 0
check "init wrote project.yaml" test -s "$tmp/init/新项目/project.yaml"
check "init wrote the workbook" test -s "$tmp/init/新项目/数据采集表.xlsx"
check "init lists what it wrote" contains "$tmp/init.out" "$tmp/init/新项目/数据采集表.xlsx"
check "init's project.yaml names the system" contains "$tmp/init/新项目/project.yaml" "jiaocheng-2024.yaml"
check "init leaves no temporary files" test -z "$(find "$tmp/init" -name '.*tmp*')"
"$JIXIAO" score "$tmp/init/新项目" >/dev/null 2>"$tmp/init-score.err"
check "an unfilled workbook exits 2" test $? -eq 2
check "an unfilled workbook asks for the name at its cell" contains "$tmp/init-score.err" "数据采集表.xlsx: 基本信息!B4: 错误: 缺少必填项“项目名称"
cp "$tmp/init/新项目/数据采集表.xlsx" "$tmp/init.xlsx"
"$JIXIAO" init --indicators indicators/jiaocheng-2024.yaml "$tmp/init/新项目" >/dev/null 2>"$tmp/init-again.err"
check "init refuses to overwrite" test $? -eq 2
check "init says to add --force" contains "$tmp/init-again.err" "project.yaml: 错误: 文件已存在，未覆盖（如需重新生成，加 --force）"
"$JIXIAO" init --indicators indicators/jiaocheng-2024.yaml "$tmp/init/新项目" --force >/dev/null 2>&1
check "init --force overwrites" test $? -eq 0
check "init writes the same workbook every time" cmp -s "$tmp/init.xlsx" "$tmp/init/新项目/数据采集表.xlsx"
"$JIXIAO" init "$tmp/init/other" >/dev/null 2>&1
check "init without --indicators exits 2" test $? -eq 2
"$JIXIAO" init --indicators "$tmp/nonexistent.yaml" "$tmp/init/other" 2>"$tmp/init-nosys.err"
check "init with a missing system exits 2" test $? -eq 2
check "init with a missing system writes nothing" test ! -e "$tmp/init/other"

# check: a submitted scoring workbook (jixiao's own, then one with a wrong total)
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/wb" >/dev/null 2>&1
"$JIXIAO" check "$tmp/wb/jiaocheng-2024/评分表.xlsx" >"$tmp/wbcheck.txt" 2>&1
check "check on jixiao's own workbook exits 0" test $? -eq 0
"$JIXIAO" check "$tmp/wb/jiaocheng-2024/report.md" >/dev/null 2>"$tmp/notxlsx.err"
check "check on a file that is not a project exits 2" test $? -eq 2
printf 'not a zip' >"$tmp/fake.xlsx"
"$JIXIAO" check "$tmp/fake.xlsx" >/dev/null 2>"$tmp/fake.err"
check "check on a broken workbook exits 2" test $? -eq 2
check "check names the broken workbook" contains "$tmp/fake.err" "$tmp/fake.xlsx"

# self-evaluation: the 自评报告 and 自评表.xlsx, then the form itself as the input
"$JIXIAO" report inputs/yaohai-2023 -o "$tmp/self" >"$tmp/self.txt" 2>&1
check "self-evaluation report exits 0" test $? -eq 0
check "self-evaluation writes 自评表.xlsx" test -s "$tmp/self/yaohai-2023/自评表.xlsx"
check "self-evaluation writes no 评分表.xlsx" test ! -e "$tmp/self/yaohai-2023/评分表.xlsx"
check "self-evaluation report is a 自评报告" contains "$tmp/self/yaohai-2023/report.md" "# 城乡医疗救助项目支出绩效自评报告（2023年度）"
check "self-evaluation prints 98 优" contains "$tmp/self.txt" "城乡医疗救助项目：98.00 分，优"
mkdir -p "$tmp/form"
cp "$tmp/self/yaohai-2023/自评表.xlsx" "$tmp/form/"
"$JIXIAO" report "$tmp/form/自评表.xlsx" -o "$tmp/formout" >"$tmp/form.txt" 2>&1
check "report from a filled 自评表 exits 0" test $? -eq 0
check "report from a filled 自评表 scores 98 优" contains "$tmp/form.txt" "城乡医疗救助项目：98.00 分，优"
check "report from a filled 自评表 writes the report" test -s "$tmp/formout/自评表/report.html"
"$JIXIAO" score "$tmp/form" >"$tmp/formscore.txt" 2>&1
check "a folder holding 自评表.xlsx is a project" contains "$tmp/formscore.txt" "总分 98.00 / 100，等级 优"
"$JIXIAO" check "$tmp/form/自评表.xlsx" >"$tmp/formcheck.txt" 2>&1
check "check on a filled 自评表 exits 0" test $? -eq 0
check "check on a filled 自评表 finds its figures consistent" contains "$tmp/formcheck.txt" "未发现问题"
sed 's|  B22:|  B22x:|' inputs/guangzhou-2021/project.yaml | sed 's|../../indicators/|'"$PWD"'/indicators/|' >"$tmp/gz.yaml"
"$JIXIAO" score "$tmp/gz.yaml" 2>"$tmp/gz.err" >/dev/null
check "a self-evaluation answer for an unknown indicator exits 2" test $? -eq 2
check "the misspelt indicator gets a hint" contains "$tmp/gz.err" "是否应为“B22”"

# check: a submitted 自评表 (jixiao's own for yaohai-2023) ties out, and -o writes its annotated copy
"$JIXIAO" report inputs/yaohai-2023 -o "$tmp/self" >/dev/null 2>&1
"$JIXIAO" check "$tmp/self/yaohai-2023/自评表.xlsx" -o "$tmp/selfcheck" >"$tmp/selfcheck.txt" 2>&1
check "check on a 自评表 that ties out exits 0" test $? -eq 0
check "check on a 自评表 writes its annotated copy" test -s "$tmp/selfcheck/自评表/自评表.审核.xlsx"

# paths from inputs: confined to the project, the bundled indicators/, the working folder and --allow-path
cp -r inputs/jiaocheng-2024 "$tmp/esc"
sed -i 's|^system: .*|system: ../../../../../../../../etc/passwd|' "$tmp/esc/project.yaml"
"$JIXIAO" score "$tmp/esc" >/dev/null 2>"$tmp/esc.err"
check "system: /etc/passwd exits 2" test $? -eq 2
check "system: /etc/passwd says it is not an indicator system" contains "$tmp/esc.err" "不是指标体系文件"
check "system: /etc/passwd is not quoted" test -z "$(grep -F 'root:' "$tmp/esc.err")"
mkdir -p "$tmp/shared"
cp indicators/jiaocheng-2024.yaml "$tmp/shared/sys.yaml"
sed -i 's|^system: .*|system: ../shared/sys.yaml|' "$tmp/esc/project.yaml"
(cd "$tmp/esc" && "$JIXIAO" score "$tmp/esc" >/dev/null 2>"$tmp/esc2.err")
check "a system outside the allowed folders exits 2" test $? -eq 2
check "it says the path is outside the allowed folders" contains "$tmp/esc2.err" "路径在允许的文件夹之外"
check "it names the line of project.yaml" contains "$tmp/esc2.err" "$tmp/esc/project.yaml:"
(cd "$tmp/esc" && "$JIXIAO" score --allow-path "$tmp/shared" "$tmp/esc" >"$tmp/esc3.txt" 2>&1)
check "--allow-path lets the project name it" contains "$tmp/esc3.txt" "总分 90.71 / 100，等级 优"

# control characters in YAML text: refused, located
cp -r inputs/jiaocheng-2024 "$tmp/ctl"
sed -i 's|../../indicators/|'"$PWD"'/indicators/|' "$tmp/ctl/project.yaml"
printf 'comments:\n  - "\\e[2J\\e[31m红字"\n' >>"$tmp/ctl/project.yaml"
"$JIXIAO" score "$tmp/ctl" >"$tmp/ctl.out" 2>"$tmp/ctl.err"
check "an ESC in YAML text exits 2" test $? -eq 2
check "the ESC is named and located" contains "$tmp/ctl.err" "$tmp/ctl/project.yaml:$(grep -c '' "$tmp/ctl/project.yaml"):"
check "the ESC is named as U+001B" contains "$tmp/ctl.err" "U+001B"
check "no ESC reaches the terminal" test -z "$(grep -l $'\e' "$tmp/ctl.out" "$tmp/ctl.err")"

# report: two filled 自评表 in one folder get an output folder each, by file name
mkdir -p "$tmp/forms"
cp "$tmp/self/yaohai-2023/自评表.xlsx" "$tmp/forms/甲自评表.xlsx"
cp "$tmp/self/yaohai-2023/自评表.xlsx" "$tmp/forms/乙自评表.xlsx"
"$JIXIAO" report "$tmp/forms/甲自评表.xlsx" -o "$tmp/formsout" >/dev/null 2>&1
"$JIXIAO" report "$tmp/forms/乙自评表.xlsx" -o "$tmp/formsout" >/dev/null 2>&1
check "the first form's report is in its own folder" test -s "$tmp/formsout/甲自评表/report.html"
check "the second form's report is in its own folder" test -s "$tmp/formsout/乙自评表/report.html"

# report: a killed run's temporaries are removed by the next run; the folder keeps other files
mkdir -p "$tmp/stale/jiaocheng-2024/.scratch" "$tmp/stale/.jiaocheng-2024.tmp4194301"
touch "$tmp/stale/jiaocheng-2024/.report.html.tmp4194302" "$tmp/stale/.jiaocheng-2024.tmp4194301/report.md"
echo "mine" >"$tmp/stale/jiaocheng-2024/notes.txt"
touch "$tmp/stale/.someone-else.tmp4194303"
"$JIXIAO" report inputs/jiaocheng-2024 -o "$tmp/stale" >/dev/null 2>&1
check "report over a killed run exits 0" test $? -eq 0
check "a killed run's scratch folder is removed" test ! -e "$tmp/stale/.jiaocheng-2024.tmp4194301"
check "a killed run's temporary file is removed" test ! -e "$tmp/stale/jiaocheng-2024/.report.html.tmp4194302"
check "no temporary of the report is left" test -z "$(find "$tmp/stale" -name '*.tmp[0-9]*' ! -name '.someone-else.*')"
check "another program's file beside the output folder is not touched" test -e "$tmp/stale/.someone-else.tmp4194303"
check "the set is there whole" test -s "$tmp/stale/jiaocheng-2024/report.md" -a -s "$tmp/stale/jiaocheng-2024/report.html" -a -s "$tmp/stale/jiaocheng-2024/评分表.xlsx"
check "other files in the folder stay" contains "$tmp/stale/jiaocheng-2024/notes.txt" "mine"

# batch: a project past --timeout is a failure with its reason; the summary is written
mkdir -p "$tmp/slow"
cp -r "$tmp/many/p1" "$tmp/slow/p1"
"$JIXIAO" batch "$tmp/slow" -o "$tmp/slowout" --timeout 0.001 >/dev/null 2>"$tmp/slow.err"
check "batch with a project past its time limit exits 3" test $? -eq 3
check "the time limit is the reason" contains "$tmp/slow.err" "处理超过 0.001 秒"
check "the summary is written" test -s "$tmp/slowout/汇总.xlsx"
check "no temporary is left after a stopped project" test -z "$(find "$tmp/slowout" -name '*.tmp[0-9]*')"

# batch: the workers leave no scratch folder for libxlsxwriter behind, and one a killed run left is removed
mkdir -p "$tmp/scr/jixiao-4194301-abcdef"
touch "$tmp/scr/jixiao-4194301-abcdef/lxw-part"
TMPDIR="$tmp/scr" "$JIXIAO" batch "$tmp/slow" -o "$tmp/scrout" -j 2 >/dev/null 2>&1
check "batch with its scratch in TMPDIR exits 0" test $? -eq 0
check "no scratch folder is left in TMPDIR" test -z "$(ls -A "$tmp/scr")"

# batch: a symbolic link to a project elsewhere is not followed, nothing written outside -o
mkdir -p "$tmp/linkin" "$tmp/elsewhere"
cp -r "$tmp/many/p1" "$tmp/elsewhere/p"
ln -s "$tmp/elsewhere/p" "$tmp/linkin/linked"
"$JIXIAO" batch "$tmp/linkin" -o "$tmp/linkout" >/dev/null 2>"$tmp/link.err"
check "a linked project is a failure" test $? -eq 3
check "it is named as a symbolic link" contains "$tmp/link.err" "是符号链接，未跟随"
check "nothing is written beside the link's target" test -z "$(find "$tmp/elsewhere" -name 'report.*')"

# limits (issue 14): each input that crashed, hung or ran away is a located error, exit 2 (or just works)
lim="$tmp/limits"
mkdir -p "$lim"
python3 - "$lim" <<'PY'
import os, sys
root = sys.argv[1]
system = "name: 体系\ntotal: 100\nindicators:\n  - {code: A, name: 甲, weight: 100, rule: {kind: proportional, value: v, target: 1}}\n"
def case(name, project, sys_text=system):
    d = os.path.join(root, name)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "sys.yaml"), "w").write(sys_text)
    open(os.path.join(d, "project.yaml"), "w").write("project: {name: 测试}\nsystem: sys.yaml\n" + project)
case("parens", "metrics:\n  v: " + "(" * 10000 + "1" + ")" * 10000 + "\n")
case("plus", "metrics:\n  v: (" + " + ".join(["1"] * 100000) + ") / 200000\n")
case("minus", "metrics:\n  v: " + "-" * 100000 + "0.5\n")
case("squares", "values:\n  m0: 12345.6789\nmetrics:\n" + "".join(f"  m{i}: m{i-1} * m{i-1}\n" for i in range(1, 41)) + "  v: m40 / (m40 + 1)\n")
case("alias", "big: &b \"" + "x" * (1 << 20) + "\"\nlist:\n" + "  - *b\n" * 100000)
case("flow", "values: " + "[" * 100000 + "]" * 100000 + "\n")
deep = "name: 深\ntotal: 100\nindicators:\n" + "".join(("  - " if i == 0 else "    ") + f"{{code: C{i}, name: 层, weight: 100, children: [\n" for i in range(5000))
deep += "    {code: L, name: 叶, weight: 100, rule: {kind: manual}}\n" + "]}" * 5000 + "\n"
case("deep", "", deep)
case("total200", "answers:\n  A: {score: 60, reason: 一般}\n  B: {score: 35, reason: 一般}\n",
     "name: 二百分\ntotal: 200\nindicators:\n  - {code: A, name: 甲, weight: 120, rule: {kind: manual}}\n  - {code: B, name: 乙, weight: 80, rule: {kind: manual}}\n")
case("devzero", "")
open(os.path.join(root, "devzero", "project.yaml"), "w").write("project: {name: 测试}\nsystem: /dev/zero\n")
PY
timeout 60 "$JIXIAO" score "$lim/parens" >/dev/null 2>"$lim/parens.err"
check "a formula 10 000 parentheses deep exits 2" test $? -eq 2
check "... naming the nesting limit" contains "$lim/parens.err" "nested more than 100 levels deep"
check "... at the metric's line" contains "$lim/parens.err" "project.yaml:4:"
check "... quoting only the formula's start" test "$(head -1 "$lim/parens.err" | wc -c)" -lt 300
timeout 60 "$JIXIAO" score "$lim/plus" >"$lim/plus.out" 2>&1
check "a chain of 100 000 + terms scores" test $? -eq 0
check "... to its value" contains "$lim/plus.out" "总分 50.00 / 100"
timeout 60 "$JIXIAO" score "$lim/minus" >"$lim/minus.out" 2>&1
check "100 000 unary minus signs score" test $? -eq 0
check "... to their value" contains "$lim/minus.out" "总分 50.00 / 100"
timeout 60 "$JIXIAO" --lang en score "$lim/squares" >/dev/null 2>"$lim/squares.err"
check "metrics each the square of the one before exit 2" test $? -eq 2
check "... naming the metric and the digit limit" grep -qE "metric 'm[0-9]+': its exact value would have more than 10000 digits" "$lim/squares.err"
timeout 60 "$JIXIAO" score "$lim/alias" >/dev/null 2>"$lim/alias.err"
check "a 1 MB scalar aliased 100 000 times exits 2" test $? -eq 2
check "... naming the byte limit" contains "$lim/alias.err" "字节（别名引用过多）"
timeout 60 "$JIXIAO" score "$lim/flow" >/dev/null 2>"$lim/flow.err"
check "[[[…]]] 100 000 deep exits 2" test $? -eq 2
check "... naming the depth limit" contains "$lim/flow.err" "YAML 嵌套超过 200 层"
timeout 60 "$JIXIAO" score "$lim/deep" >/dev/null 2>"$lim/deep.err"
check "an indicator system 5 000 levels deep exits 2" test $? -eq 2
check "... at the system's line" contains "$lim/deep.err" "sys.yaml:"
"$JIXIAO" score "$lim/total200" >"$lim/total200.out" 2>&1
check "a system of total 200 grades 95 on 47.5%" contains "$lim/total200.out" "总分 95.00 / 200，等级 差"
timeout 60 "$JIXIAO" score "$lim/devzero" >/dev/null 2>"$lim/devzero.err"
check "system: /dev/zero exits 2" test $? -eq 2
check "... as not an indicator system, unread" contains "$lim/devzero.err" "不是指标体系文件"
mkfifo "$lim/fifo.xlsx"
for cmd in "score" "check" "import -o $lim/o.yaml"; do
  # shellcheck disable=SC2086
  timeout 30 "$JIXIAO" $cmd "$lim/fifo.xlsx" >/dev/null 2>"$lim/fifo.err"
  check "$cmd on a FIFO named .xlsx exits 2 at once" test $? -eq 2
  check "... as not a regular file" contains "$lim/fifo.err" "不是普通文件（FIFO）"
done
mkdir -p "$lim/batch/fifo-yaml" "$lim/batch/fifo-xlsx"
mkfifo "$lim/batch/fifo-yaml/project.yaml" "$lim/batch/X自评表.xlsx" "$lim/batch/fifo-xlsx/数据采集表.xlsx"
cp "$lim/total200/sys.yaml" "$lim/batch/fifo-xlsx/"
{ cat "$lim/total200/project.yaml"; echo "workbook: 数据采集表.xlsx"; } >"$lim/batch/fifo-xlsx/project.yaml"
timeout 120 "$JIXIAO" batch "$lim/batch" -o "$tmp/limits-out" -j 1 --score-only >"$lim/batch.out" 2>&1
rc=$?
check "batch over FIFOs named like inputs does not block" test $rc -ne 124
check "... and fails only the project whose workbook is a FIFO" test $rc -eq 3
check "... saying so" contains "$lim/batch.out" "不是普通文件（FIFO）"

finish cli
