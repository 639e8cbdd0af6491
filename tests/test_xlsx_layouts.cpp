// The layout headers (formats/xlsx/layouts/): for each workbook jixiao both
// writes and reads, the labels the writer puts in are the ones the reader
// finds. Each workbook is written, then read back by those labels.
#include <doctest/doctest.h>

#include <string>

#include "formats/xlsx/layouts/collect.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/layouts/self_form.h"
#include "formats/xlsx/xlsx_reader.h"
#include "load/input_kind.h"
#include "load/load.h"
#include "load/load_scoring_sheet.h"
#include "render/render.h"
#include "render/xlsx/collect_workbook.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;
using jixiao::testing::TempDir;

namespace {

std::string CasePath(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/inputs/" + name; }

// Whether any cell of the sheet shows exactly `text`.
bool Shows(const XlsxSheet& s, const std::string& text) {
  for (const auto& [pos, cell] : s.cells)
    if (cell.text == text) return true;
  return false;
}

}  // namespace

TEST_CASE("评分表: each label jixiao writes is the first the reader accepts, and a written sheet reads back by them") {
  using namespace scoring_sheet;
  CHECK(std::string(kNameLabels[0]) == kName);
  CHECK(std::string(kWeightPrefixes[0]) == kWeight);
  CHECK(std::string(kExplanationLabels[0]) == kExplanation);
  CHECK(std::string(kCriteriaLabels[0]) == kCriteria);
  CHECK(std::string(kScoreLabels[0]) == kScore);
  CHECK(std::string(kReasonPrefixes[0]) == kReason);

  ScoredProject sp = ScoreProject(LoadProject(CasePath("jiaocheng-2024")));
  TempDir dir;
  const std::string path = dir.path() + "/" + kWorkbookName;
  RenderXlsx(sp, path);
  XlsxWorkbook wb = ReadXlsx(path);
  const XlsxSheet* sheet = wb.Sheet(kSheet);
  REQUIRE(sheet);
  CHECK(wb.Sheet(kSummarySheet));
  for (const char* label : {kIndicators, kName, kWeight, kExplanation, kCriteria, kScore, kReason, kTotal, kGrade})
    CHECK_MESSAGE(Shows(*sheet, label), label);
  CHECK(Shows(*sheet, std::string(kLevelNumerals[0]) + kLevelSuffix));

  ScoringSheet read = LoadScoringSheet(path);
  CHECK(read.sheet == kSheet);
  CHECK(read.scores.has_score_column);
  CHECK(read.scores.reason_column >= 0);
  REQUIRE(read.scores.total);
  CHECK(read.scores.total->value == sp.total.Round(kScorePlaces));
  REQUIRE(read.scores.grade);
  CHECK(read.scores.grade->text == sp.grade);
  CHECK(read.system.roots.size() == sp.roots.size());
}

TEST_CASE("数据采集表: the sheets and header labels jixiao init writes are the ones the workbook reader finds") {
  using namespace collect;
  auto sys = LoadSystem(std::string(JIXIAO_SOURCE_DIR) + "/indicators/jiaocheng-2024.yaml");
  TempDir dir;
  const std::string path = dir.path() + "/" + kCollectWorkbookName;
  WriteCollectWorkbook(*sys, path);
  XlsxWorkbook wb = ReadXlsx(path);
  for (const char* name : {kGuideSheet, kInfoSheet, kDataSheet, kFundsSheet, kIndicatorSheet, kSurveySheet})
    CHECK_MESSAGE(wb.Sheet(name), name);
  const XlsxSheet* info = wb.Sheet(kInfoSheet);
  REQUIRE(info);
  for (const char* label : kInfoLabels) CHECK_MESSAGE(Shows(*info, label), label);
  const XlsxSheet* data = wb.Sheet(kDataSheet);
  REQUIRE(data);
  for (const char* label : {kDataName, kDataValue, kDataUnit, kDataFormula, kDataUsedBy, kDataNote})
    CHECK_MESSAGE(Shows(*data, label), label);
  const XlsxSheet* funds = wb.Sheet(kFundsSheet);
  REQUIRE(funds);
  for (const char* label : {kFundsUnit, kFundsSources, kFundsUses, kFundsYear, kFundsTotal})
    CHECK_MESSAGE(Shows(*funds, label), label);
  const XlsxSheet* ind = wb.Sheet(kIndicatorSheet);
  REQUIRE(ind);
  for (const char* label : {kIndCode, kIndJudgement, kIndScore, kIndReason, kIndEvidence})
    CHECK_MESSAGE(Shows(*ind, label), label);
  const XlsxSheet* survey = wb.Sheet(kSurveySheet);
  REQUIRE(survey);
  for (const char* label : {kSurveyId, kSurveyOptions, kSurveyCounts, kSurveyItems, kSurveyRate})
    CHECK_MESSAGE(Shows(*survey, label), label);

  // Filled and read back by LoadProject: test_workbook.cpp, for every bundled case.
}

TEST_CASE("自评表: the labels the form writer puts in are the ones LoadSelfForm reads it back by") {
  using namespace self_form;
  ScoredProject sp = ScoreProject(LoadProject(CasePath("yaohai-2023")));
  TempDir dir;
  const std::string path = dir.path() + "/" + kWorkbookName;
  RenderSelfXlsx(sp, path);
  XlsxWorkbook wb = ReadXlsx(path);
  const XlsxSheet* sheet = wb.Sheet(kSheet);
  REQUIRE(sheet);
  for (const char* label : {kTitle, kProjectName, kDepartment, kImplementer, kBudgetInitial, kBudgetFullYear,
                            kBudgetExecuted, kWeight, kRate, kScore, kBudgetTotal, kGoals, kGoalExpected,
                            kGoalActual, kIndicators, kLevel1, kLevel2, kLevel3, kTarget, kActual, kDeviation,
                            kTotal})
    CHECK_MESSAGE(Shows(*sheet, label), label);
  CHECK(ReadInputKind(path) == InputKind::kSelfForm);
  ScoredProject back = ScoreProject(LoadSelfForm(path, std::string(JIXIAO_SOURCE_DIR) + "/indicators/yaohai-2023.yaml"));
  CHECK(back.project->info.name == sp.project->info.name);
  CHECK(back.total == sp.total);
}
