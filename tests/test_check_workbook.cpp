// `check` on a submitted scoring workbook in 附件1's layout.
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>

#include "base/read_file.h"
#include "check/check_workbook.h"
#include "load/load.h"
#include "render/render.h"
#include "test_util.h"
#include "formats/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

std::vector<Finding> OfKind(const CheckResult& r, const std::string& kind) {
  std::vector<Finding> out;
  std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.kind == kind; });
  return out;
}

// A hand-made sheet as a unit might submit it: a title, the 附件1 header,
// parents merged down, the 合计, a 减分 row and the grade.
std::string WriteSubmitted(const fs::path& dir, const char* total, const char* grade, bool weights_ok = true,
                           const char* deduction = nullptr) {
  std::string path = (dir / "报送评分表.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "附件1");
  worksheet_write_string(ws, 0, 0, "某项目绩效评价指标评分表", nullptr);
  const char* top[] = {"一级指标", "", "二级指标", "", "三级指标", "", "指标解释", "评分标准", "得分", "扣分原因"};
  for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(ws, 1, c, top[c], nullptr);
  const char* sub[] = {"名称", "权重", "名称", "权重", "名称", "权重"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 2, c, sub[c], nullptr);
  worksheet_merge_range(ws, 3, 0, 5, 0, "A 决策", nullptr);
  worksheet_merge_range(ws, 3, 1, 5, 1, "", nullptr);
  worksheet_write_number(ws, 3, 1, 40, nullptr);
  worksheet_merge_range(ws, 3, 2, 4, 2, "A1 立项", nullptr);
  worksheet_merge_range(ws, 3, 3, 4, 3, "", nullptr);
  worksheet_write_number(ws, 3, 3, weights_ok ? 25 : 24, nullptr);
  struct Leaf { const char* name; double weight; const char* score; const char* reason; int row; };
  Leaf leaves[] = {{"A11 依据", 10, "10", "", 3}, {"A12 程序", 15, "16", "", 4}, {"A21 目标", 15, "", "", 5},
                   {"B11 执行率", 60, "50", "", 6}};
  worksheet_write_string(ws, 5, 2, "A2 目标", nullptr);
  worksheet_write_number(ws, 5, 3, 15, nullptr);
  worksheet_write_string(ws, 6, 0, "B 过程", nullptr);
  worksheet_write_number(ws, 6, 1, 60, nullptr);
  worksheet_write_string(ws, 6, 2, "B1 资金", nullptr);
  worksheet_write_number(ws, 6, 3, 60, nullptr);
  for (const Leaf& l : leaves) {
    lxw_row_t r = static_cast<lxw_row_t>(l.row);
    worksheet_write_string(ws, r, 4, l.name, nullptr);
    worksheet_write_number(ws, r, 5, l.weight, nullptr);
    worksheet_write_string(ws, r, 6, "说明", nullptr);
    worksheet_write_string(ws, r, 7, "按要点评分", nullptr);
    if (*l.score) worksheet_write_number(ws, r, 8, std::strtod(l.score, nullptr), nullptr);
    if (*l.reason) worksheet_write_string(ws, r, 9, l.reason, nullptr);
  }
  lxw_row_t r = 7;
  if (deduction) {
    worksheet_write_string(ws, r, 0, "减分项（资料迟交）", nullptr);
    worksheet_write_number(ws, r, 8, std::strtod(deduction, nullptr), nullptr);
    ++r;
  }
  worksheet_write_string(ws, r, 0, "合计", nullptr);
  worksheet_write_number(ws, r, 1, 100, nullptr);
  if (*total) worksheet_write_number(ws, r, 8, std::strtod(total, nullptr), nullptr);
  worksheet_write_string(ws, r + 1, 0, "评价等级", nullptr);
  worksheet_write_string(ws, r + 1, 8, grade, nullptr);
  workbook_close(wb);
  return path;
}

}  // namespace

TEST_CASE("check workbook: jixiao's own 评分表.xlsx ties out") {
  testing::TempDir tmp;
  auto p = LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  std::string path = (fs::path(tmp.path()) / "评分表.xlsx").string();
  RenderXlsx(ScoreProject(p), path);
  SheetCheck c = CheckScoringSheet(path, CheckOptions{});
  CHECK_MESSAGE(c.result.findings.empty(), RenderCheckTerminal(c.result));
  CHECK(c.total == *Decimal::Parse("90.71"));
  CHECK(c.grade == "优");
  CHECK(c.recomputed.at("D") == *Decimal::Parse("25.71"));
}

TEST_CASE("check workbook: a unit's hand-made sheet with errors") {
  testing::TempDir tmp;
  // Leaves 10 + 16 + (blank) + 50 = 76 as stated; A12's 16 is above its 15,
  // so the reviewed leaves are 10 + 15 + 0 + 50 = 75, and every figure uses 75.
  std::string path = WriteSubmitted(tmp.path(), "86", "良", /*weights_ok=*/false);
  SheetCheck c = CheckScoringSheet(path, CheckOptions{});
  const CheckResult& r = c.result;
  // A1 is written 24 over 10 + 15, and so A's 40 is not 24 + 15 either.
  auto weights = OfKind(r, "weight-sum");
  REQUIRE(weights.size() == 2);
  CHECK(weights[0].loc.cell == "附件1!D4");
  CHECK(weights[0].indicator == "A1");
  CHECK(weights[1].loc.cell == "附件1!B4");
  CHECK(weights[1].indicator == "A");
  auto above = OfKind(r, "score-above-weight");
  REQUIRE(above.size() == 1);
  CHECK(above[0].loc.cell == "附件1!I5");
  auto blank = OfKind(r, "blank-score");
  REQUIRE(blank.size() == 1);
  CHECK(blank[0].loc.cell == "附件1!I6");
  CHECK(blank[0].severity == Severity::kError);  // a submission with a blank score is an error
  CHECK(OfKind(r, "missing-reason").size() == 1);  // B11 lost 10 points and says nothing
  auto total = OfKind(r, "total");
  REQUIRE(total.size() == 1);
  CHECK(total[0].stated == "86");
  CHECK(total[0].expected == "75.00");
  CHECK(total[0].message.find("审核得分之和 75.00（超过满分的按满分、未填写的按 0 分计）") != std::string::npos);
  CHECK(total[0].effect == "等级由“良”变为“中”");  // the stated grade against the reviewed one
  CHECK(c.total == Decimal(75));
  auto grade = OfKind(r, "grade");
  REQUIRE(grade.size() == 1);
  CHECK(grade[0].expected == "中");
  CHECK(r.errors == 6);
  CHECK(r.warnings == 1);

  // The annotated copy: the flagged cells coloured, a 审核意见 sheet.
  std::string copy = (fs::path(tmp.path()) / "copy.xlsx").string();
  WriteAnnotatedCopy(path, c, copy);
  XlsxWorkbook wb = ReadXlsx(copy);
  REQUIRE(wb.Sheet("附件1") != nullptr);
  CHECK(wb.Sheet("附件1")->Text(4, 8) == "16");
  // 审核得分 and 差额 beside the sheet: A12's 16 accepted as its weight 15, the 合计 as 75.
  const XlsxSheet* copied = wb.Sheet("附件1");
  CHECK(copied->Text(2, 10) == "审核得分");
  CHECK(copied->Text(2, 11) == "差额");
  CHECK(copied->Text(4, 10) == "15");
  CHECK(copied->Text(4, 11) == "-1");
  CHECK(copied->Text(3, 10) == "10");
  CHECK(copied->Text(3, 11) == "0");
  CHECK(copied->Text(7, 10) == "75");
  CHECK(copied->Text(7, 11) == "-11");
  const XlsxSheet* findings = wb.Sheet("审核意见");
  REQUIRE(findings != nullptr);
  CHECK(findings->Text(0, 7) == "说明");
  CHECK(findings->RowCount() == 8);
  CHECK(findings->Text(1, 1) == "错误");
}

TEST_CASE("check workbook: a sheet given as bytes finds and annotates as the same file") {
  testing::TempDir tmp;
  std::string path = WriteSubmitted(tmp.path(), "86", "良", /*weights_ok=*/false);
  const std::string bytes = ReadFileBytes(path).value();
  const std::string name = "上传/报送评分表.xlsx";  // named only: nothing there on disk
  SheetCheck from_file = CheckScoringSheet(path, CheckOptions{});
  SheetCheck from_bytes = CheckScoringSheet(name, CheckOptions{}, &bytes);
  REQUIRE(from_file.result.errors == 6);
  CHECK(from_bytes.result.errors == from_file.result.errors);
  CHECK(from_bytes.result.warnings == from_file.result.warnings);
  REQUIRE(from_bytes.result.findings.size() == from_file.result.findings.size());
  for (size_t i = 0; i < from_file.result.findings.size(); ++i) {
    const Finding &a = from_file.result.findings[i], &b = from_bytes.result.findings[i];
    CHECK(b.kind == a.kind);
    CHECK(b.loc.cell == a.loc.cell);
    CHECK(b.loc.file == name);
    CHECK(b.message == a.message);
    CHECK(b.effect == a.effect);
  }
  CHECK(from_bytes.total == from_file.total);
  CHECK(from_bytes.grade == from_file.grade);
  CHECK(from_bytes.result.source == name + "（附件1）");

  std::string copy_of_file = (fs::path(tmp.path()) / "a.xlsx").string();
  std::string copy_of_bytes = (fs::path(tmp.path()) / "b.xlsx").string();
  WriteAnnotatedCopy(path, from_file, copy_of_file);
  WriteAnnotatedCopy(name, from_bytes, copy_of_bytes, &bytes);
  CHECK(ReadFileBytes(copy_of_bytes).value() == ReadFileBytes(copy_of_file).value());
}

TEST_CASE("check workbook: deductions and their cap, and a correct sheet") {
  testing::TempDir tmp;
  // 10 + 15 + 15 + 60 − 3 = 97 → 优; the sheet says exactly that.
  std::string path = WriteSubmitted(tmp.path(), "97", "优", true, "-3");
  // Fill the blank and fix A12 by writing a correct sheet: reuse the writer's rows.
  SheetCheck c = CheckScoringSheet(path, CheckOptions{});
  // The writer's fixed rows still have A12 = 16 (reviewed 15) and a blank A21: 10 + 15 + 0 + 50 − 3 = 72.
  auto total = OfKind(c.result, "total");
  REQUIRE(total.size() == 1);
  CHECK(total[0].expected == "72.00");
  CHECK(total[0].message.find("− 减分 3.00") != std::string::npos);
}

TEST_CASE("check workbook: a blank 合计 is an error at its cell, with the reviewed total and grade") {
  testing::TempDir tmp;
  std::string path = WriteSubmitted(tmp.path(), "", "优");
  SheetCheck c = CheckScoringSheet(path, CheckOptions{});
  auto blank = OfKind(c.result, "blank-total");
  REQUIRE(blank.size() == 1);
  CHECK(blank[0].loc.cell == "附件1!I8");
  CHECK(blank[0].expected == "75.00");
  CHECK(blank[0].effect == "等级由“优”变为“中”");  // the grade as written against the reviewed one
  auto grade = OfKind(c.result, "grade");  // the 优 written in the grade cell
  REQUIRE(grade.size() == 1);
  CHECK(grade[0].loc.cell == "附件1!I9");
  CHECK(grade[0].effect == "等级由“优”变为“中”");
}

TEST_CASE("check workbook: a sheet that is not a scoring sheet is refused, saying what was expected") {
  testing::TempDir tmp;
  std::string path = (fs::path(tmp.path()) / "别的表.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  worksheet_write_string(ws, 0, 0, "姓名", nullptr);
  worksheet_write_string(ws, 0, 1, "电话", nullptr);
  workbook_close(wb);
  try {
    CheckScoringSheet(path, CheckOptions{});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    std::string text = Pick(e.diagnostics().All().front().message, Language::kChinese);
    CHECK(text.find("一级指标") != std::string::npos);
    CHECK(e.diagnostics().All().front().loc.file == path);
  }
}

TEST_CASE("check workbook: the annotated copy keeps the submission's column widths, row heights and page, with notes") {
  testing::TempDir tmp;
  ScoredProject jc = ScoreProject(LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024"));
  std::string path = tmp.path() + "/评分表.xlsx";
  RenderXlsx(jc, path);
  XlsxWorkbook original = ReadXlsx(path);
  const XlsxSheet* sent = original.Sheet("评分表");
  REQUIRE(sent != nullptr);
  REQUIRE_FALSE(sent->column_widths.empty());
  REQUIRE_FALSE(sent->row_heights.empty());
  SheetCheck c = CheckScoringSheet(path, CheckOptions{});
  // One flagged cell, to carry a note: the total typed wrong.
  c.result.findings.push_back(Finding{Severity::kError, "total", SourceLoc{path, 0, 0, "评分表!I27"}, "", "合计得分",
                                      "95", "90.71", "合计得分：报告为 95，应为 90.71。", ""});
  std::string copy = tmp.path() + "/copy.xlsx";
  WriteAnnotatedCopy(path, c, copy);
  XlsxWorkbook back = ReadXlsx(copy);
  const XlsxSheet* kept = back.Sheet("评分表");
  REQUIRE(kept != nullptr);
  for (const auto& w : sent->column_widths) {
    CAPTURE(w.first);
    bool same = false;
    for (const auto& k : kept->column_widths)
      same = same || (k.first <= w.first && w.last <= k.last && std::abs(k.width - w.width) < 0.01);
    CHECK(same);
  }
  for (const auto& [row, height] : sent->row_heights) {
    CAPTURE(row);
    REQUIRE(kept->row_heights.count(row) == 1);
    CHECK(std::abs(kept->row_heights.at(row) - height) < 0.01);
  }
  CHECK(kept->landscape);
  // Every sheet of the submission, in order, then 审核意见.
  REQUIRE(back.sheets.size() == original.sheets.size() + 1);
  for (size_t i = 0; i < original.sheets.size(); ++i) CHECK(back.sheets[i].name == original.sheets[i].name);
  CHECK(back.sheets.back().name == "审核意见");
  // In the fonts it had: the title's and a leaf's.
  for (auto [r, c] : {std::pair{0, 0}, std::pair{4, 4}}) {
    const XlsxCell* a = sent->At(r, c);
    const XlsxCell* b = kept->At(r, c);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    const XlsxFont& fa = original.style_fonts.at(static_cast<size_t>(a->style));
    const XlsxFont& fb = back.style_fonts.at(static_cast<size_t>(b->style));
    CHECK(fb.name == fa.name);
    CHECK(fb.size == fa.size);
    CHECK(fb.bold == fa.bold);
  }
  // The flagged cell carries its finding as a note (a comments part in the package).
  std::string bytes = ReadFileBytes(copy).value();
  CHECK(bytes.find("xl/comments1.xml") != std::string::npos);
}
