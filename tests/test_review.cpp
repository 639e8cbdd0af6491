// `check` on submitted 自评表 as they arrive: provincial layouts, blank
// cells, units left off, totals that do not add up. Each shape is reviewed,
// never refused, and each defect is a finding at its cell.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "commands/check.h"
#include "load/input_kind.h"
#include "load/load.h"
#include "formats/xlsx/layouts/self_form.h"
#include "form_fixtures.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;
using jixiao::testing::FormRowSpec;
using jixiao::testing::FormSpec;
using jixiao::testing::TempDir;

namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

struct Reviewed {
  CheckOutcome outcome;
  std::vector<Finding> Of(const std::string& kind) const {
    std::vector<Finding> out;
    for (const auto& f : outcome.check.findings)
      if (f.kind == kind) out.push_back(f);
    return out;
  }
  std::string All() const {
    std::string s;
    for (const auto& f : outcome.check.findings) s += f.kind + " " + f.loc.cell + " " + f.message + "\n";
    return s;
  }
};

Reviewed Review(const FormSpec& spec, const TempDir& dir, const std::string& name = "报送自评表.xlsx") {
  std::string path = dir.path() + "/" + name;
  jixiao::testing::WriteForm(path, spec);
  CheckRequest request;
  request.target.path = path;
  Reviewed r{RunCheck(request)};
  INFO(r.outcome.DiagnosticsText());
  REQUIRE(r.outcome.checked);
  return r;
}

}  // namespace

TEST_CASE("review: the fixture form as written is clean") {
  TempDir dir;
  Reviewed r = Review(FormSpec{}, dir);
  INFO(r.All());
  CHECK(r.outcome.check.findings.empty());
  CHECK(r.outcome.exit == ExitCode::kOk);
}

TEST_CASE("review: an empty 二级 row is a warning at its cell, the rest is still checked") {
  TempDir dir;
  FormSpec s;
  // An 经济效益指标 row with nothing in it, between two filled rows; 合计 typed wrong.
  s.rows.insert(s.rows.begin() + 3, FormRowSpec{"效益指标", "经济效益指标", "", "", "", "", "", ""});
  s.total_score = "98";
  Reviewed r = Review(s, dir);
  INFO(r.All());
  auto empty = r.Of("empty-row");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].severity == Severity::kWarning);
  CHECK(empty[0].loc.cell == "自评表!C16");  // the 二级 cell of that row, not the 一级 above
  CHECK(empty[0].message.find("经济效益指标") != std::string::npos);
  REQUIRE(r.Of("total").size() == 1);  // and the 合计 was still checked
  CHECK(r.Of("total")[0].expected == "100.00");
  CHECK(r.outcome.exit == ExitCode::kFindings);
}

TEST_CASE("review: a 年度资金总额 of 0 above filled 其中 rows is a finding, and the rate uses the rows") {
  TempDir dir;
  FormSpec s;
  s.budget_total = {"0", "0", "0", "10", "", "10"};
  s.sources = {{"其中：当年财政拨款", {"90", "89.974", "89.974"}}, {"上年结转资金", {}}, {"其他资金", {}}};
  s.goal_actual = "年中预算调整后已完成年度目标";  // the adjustment explained
  Reviewed r = Review(s, dir);
  INFO(r.All());
  auto sums = r.Of("budget-sum");
  REQUIRE(sums.size() == 3);
  CHECK(sums[0].loc.cell == "自评表!C6");  // 年初预算数 of the 年度资金总额 row
  CHECK(sums[1].loc.cell == "自评表!D6");
  CHECK(sums[1].expected == "89.974");
  CHECK(sums[1].severity == Severity::kError);
  // 89.974 ÷ 89.974: the rate is 100%, so the stated 10 stands.
  CHECK(r.Of("rule-score").empty());
  CHECK(r.Of("budget-adjustment-reason").empty());
}

TEST_CASE("review: a budget changed during the year without a word is a warning") {
  TempDir dir;
  FormSpec s;
  s.budget_total = {"100", "120", "120", "10", "", "10"};
  s.sources = {{"其中：当年财政拨款", {"100", "120", "120"}}};
  Reviewed r = Review(s, dir);
  INFO(r.All());
  REQUIRE(r.Of("budget-adjustment-reason").size() == 1);
}

TEST_CASE("review: a row without a target and a row without a 完成值 are judged alike") {
  TempDir dir;
  FormSpec s;
  s.rows[5].target = "";   // 满意度 without a target
  s.rows[1].actual = "";   // 救助比例 without a 完成值
  s.total_score = "100";
  Reviewed r = Review(s, dir);
  INFO(r.All());
  REQUIRE(r.Of("blank-target").size() == 1);
  REQUIRE(r.Of("blank-actual").size() == 1);
  CHECK(r.Of("blank-target")[0].severity == Severity::kError);
  CHECK(r.Of("blank-actual")[0].severity == Severity::kError);
  CHECK(r.Of("blank-actual")[0].loc.cell == "自评表!F14");
  // Both scored 0 in review: the total is 100 − 20 − 10.
  REQUIRE(r.Of("total").size() == 1);
  CHECK(r.Of("total")[0].expected == "70.00");
  CHECK(r.outcome.exit == ExitCode::kFindings);
}

TEST_CASE("review: a bare 完成值 takes the target's unit, with a warning and no false finding") {
  TempDir dir;
  FormSpec s;
  s.rows[0] = {"产出指标", "成本指标", "救助总成本", "≤90万元", "90", "20", "20", ""};
  s.rows[1] = {"产出指标", "质量指标", "救助比例", "≥100百分比", "90", "20", "20", ""};
  Reviewed r = Review(s, dir);
  INFO(r.All());
  auto assumed = r.Of("unit-assumed");
  REQUIRE(assumed.size() == 2);
  CHECK(assumed[0].message.find("“万元”") != std::string::npos);
  CHECK(r.Of("missing-deviation-reason").size() == 1);  // 90% of 100%, without a reason
  // 90 万元 ≤ 90 万元: met, no over-achievement; 90% of ≥100%: 18 of 20, not the stated 20.
  auto rule = r.Of("rule-score");
  REQUIRE(rule.size() == 1);
  CHECK(rule[0].indicator == "B21");
  CHECK(rule[0].expected == "18.00");
  // And score reads such a form without refusing it.
  s.rows[1] = FormSpec{}.rows[1];
  std::string path = dir.path() + "/score.xlsx";
  jixiao::testing::WriteForm(path, s);
  auto p = LoadProject(path);
  ScoredProject sp = ScoreProject(p);
  CHECK(sp.Find("B11")->score == D("20"));
  CHECK(sp.Find("B11")->explanation.find("按年度指标值的单位“万元”计") != std::string::npos);
}

TEST_CASE("review: a blank form is an error: blank 得分 (with the derivable value), blank 总分, template text") {
  TempDir dir;
  FormSpec s;
  s.budget_total = {"100", "100", "95", "10", "", ""};
  s.sources = {{"其中：当年财政拨款", {"100", "100", "95"}}};
  for (auto& row : s.rows) row.actual = row.score = "";
  s.rows[0].deviation = "（100字以内）";
  s.goal_actual = "(200字以内)";
  s.total_score = "";
  s.grade_text = "";
  Reviewed r = Review(s, dir);
  INFO(r.All());
  auto blank = r.Of("blank-score");
  REQUIRE(blank.size() == 7);  // 预算执行率 and the six indicators
  CHECK(blank[0].indicator == "A");
  CHECK(blank[0].expected == "9.50");  // 95 ÷ 100 × 10: derivable
  CHECK(blank[0].loc.cell == "自评表!H6");
  REQUIRE(r.Of("blank-total").size() == 1);
  CHECK(r.Of("blank-total")[0].expected == "9.50");
  auto text = r.Of("instruction-text");
  REQUIRE(text.size() == 2);
  CHECK(r.outcome.check.errors >= 10);
  CHECK(r.outcome.exit == ExitCode::kFindings);
}

TEST_CASE("review: a stated grade that disagrees with the reviewed total is a finding of its own") {
  TempDir dir;
  FormSpec s;
  s.rows[0].actual = "500人次";  // 500 of ≥1000: 10 of 20, as the row says
  s.rows[0].score = "10";
  s.rows[0].deviation = "申请人数少";
  s.total_score = "100";
  Reviewed r = Review(s, dir);
  INFO(r.All());
  REQUIRE(r.Of("total").size() == 1);
  CHECK(r.Of("total")[0].expected == "90.00");
  CHECK(r.Of("total")[0].effect == "等级不变（优）");
  s.rows[1].actual = "35%";  // 35% of ≥70%: 10 of 20 → 80, 良
  s.rows[1].score = "10";
  s.rows[1].deviation = "政策调整";
  r = Review(s, dir, "b.xlsx");
  INFO(r.All());
  CHECK(r.Of("total")[0].effect == "等级由“优”变为“良”");
  auto grade = r.Of("grade");
  REQUIRE(grade.size() == 1);
  CHECK(grade[0].stated == "优");
  CHECK(grade[0].expected == "良");
}

TEST_CASE("review: a 四川-style export (权重, 完成值, 合计, 预算执行情况, 年初预算, 预算执行数) is read") {
  TempDir dir;
  FormSpec s;
  s.title_rows = 4;
  s.budget_block = "预算执行情况（万元）";
  s.budget_heads = {"年初预算", "全年预算数", "预算执行数", "权重", "执行率", "得分"};
  s.total_label = "合计";
  // Columns in another order: 权重 before the values, 完成值 for 实际完成值.
  s.columns = {"l1", "l2", "l3", "weight", "target", "actual", "score", "deviation"};
  s.labels = {"一级指标", "二级指标", "三级指标", "权重", "年度指标值", "完成值", "得分", "偏差原因分析"};
  s.total_row_label = "合计";
  std::string path = dir.path() + "/四川.xlsx";
  jixiao::testing::WriteForm(path, s);
  CHECK(ReadInputKind(path) == InputKind::kSelfForm);
  Reviewed r = Review(s, dir, "四川.xlsx");
  INFO(r.All());
  CHECK(r.outcome.check.findings.empty());
  auto p = LoadProject(path);
  CHECK(*p->budget.total.initial == D("100"));
  CHECK(*p->budget.total.executed == D("100"));
  ScoredProject sp = ScoreProject(p);
  CHECK(sp.total == D("100"));
  CHECK(p->stated.total->value == D("100"));
}

TEST_CASE("review: a 河北-style export (主管单位, 自评得分, 全年实际值, 总计, 调整后预算数) is read") {
  TempDir dir;
  FormSpec s;
  s.department_label = "主管单位";
  s.implementer_label = "预算单位";
  s.budget_heads = {"年初预算数", "调整后预算数", "全年执行数", "分值", "执行率", "自评得分"};
  s.labels = {"一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "分值", "自评得分", "未完成原因和改进措施"};
  s.total_row_label = "总计";
  s.rows[0].actual = "800人次";
  s.rows[0].score = "16";
  s.rows[0].deviation = "申请人数减少";
  s.total_score = "96";
  Reviewed r = Review(s, dir, "河北.xlsx");
  INFO(r.All());
  CHECK(r.outcome.check.findings.empty());
  auto p = LoadProject(dir.path() + "/河北.xlsx");
  CHECK(p->info.department == "某县医疗保障局");
  CHECK(*p->budget.total.full_year == D("100"));  // 调整后预算数 is the year's budget here
  CHECK_FALSE(p->budget.total.adjusted);
  CHECK(p->answers.at("B11").deviation_reason == "申请人数减少");
}

TEST_CASE("review: a 山西-style export (部门名称, 指标分值, 全年完成值, 实际支出数, 综合得分) is read") {
  TempDir dir;
  FormSpec s;
  s.title_rows = 1;
  s.department_label = "部门名称";
  s.budget_block = "预算资金（万元）";
  s.budget_heads = {"年初预算金额", "全年预算", "实际支出数", "指标分值", "执行率", "得分"};
  s.total_label = "总额";
  s.columns = {"l1", "l2", "l3", "target", "actual", "weight", "score", "deviation"};
  s.labels = {"一级指标", "二级指标", "三级指标", "年度目标值", "全年完成值", "指标分值", "评分", "原因分析"};
  s.total_row_label = "综合得分";
  s.rows[1].actual = "63%";  // 63% of ≥70%: 18 of 20
  s.rows[1].score = "18";
  s.rows[1].deviation = "部分对象未达标";
  s.total_score = "98";
  Reviewed r = Review(s, dir, "山西.xlsx");
  INFO(r.All());
  CHECK(r.outcome.check.findings.empty());
  auto p = LoadProject(dir.path() + "/山西.xlsx");
  CHECK(*p->budget.total.executed == D("100"));
  CHECK(ScoreProject(p).total == D("98"));
}

TEST_CASE("review: a 湖北-style export with the 得分 column before 分值 and a 满分 label is read") {
  TempDir dir;
  FormSpec s;
  s.columns = {"l1", "l2", "l3", "score", "weight", "target", "actual", "deviation"};
  s.labels = {"一级指标", "二级指标", "三级指标", "实际得分", "满分", "预期指标值", "实际完成值", "偏差原因及改进措施"};
  s.total_row_label = "得分合计";
  s.rows[5].score = "12";  // above its 满分 of 10
  s.total_score = "102";
  Reviewed r = Review(s, dir, "湖北.xlsx");
  INFO(r.All());
  REQUIRE(r.Of("score-above-weight").size() == 1);
  CHECK(r.Of("score-above-weight")[0].indicator == "D11");
  REQUIRE(r.Of("total").size() == 1);
  CHECK(r.Of("total")[0].expected == "100.00");
}

TEST_CASE("review: a form whose indicator table cannot be found is refused, naming what is missing") {
  TempDir dir;
  FormSpec s;
  s.labels[2] = "指标名称";  // no 三级指标 anywhere
  std::string path = dir.path() + "/x.xlsx";
  jixiao::testing::WriteForm(path, s);
  CheckRequest request;
  request.target.path = path;
  CheckOutcome out = RunCheck(request);
  CHECK_FALSE(out.checked);
  CHECK(out.exit == ExitCode::kInput);
  CHECK(out.DiagnosticsText().find("x.xlsx") != std::string::npos);
  // What it found of a 自评表, and what it lacks.
  CHECK(out.DiagnosticsText().find("找到了“一级指标、二级指标、年度指标值、实际完成值、分值、得分”，缺少“三级指标”") !=
        std::string::npos);
}

TEST_CASE("review: every label the form reader accepts is listed in the docs, in both languages") {
  using namespace self_form;
  std::vector<const char*> labels;
  auto add = [&](const auto& list) {
    for (const char* l : list) labels.push_back(l);
  };
  add(kDepartmentLabels), add(kImplementerLabels), add(kBudgetBlockLabels), add(kBudgetInitialLabels);
  add(kBudgetFullYearLabels), add(kBudgetAdjustedLabels), add(kBudgetReceivedLabels), add(kBudgetExecutedLabels);
  add(kBudgetTotalLabels), add(kGoalExpectedLabels), add(kGoalActualLabels), add(kTargetLabels);
  add(kActualLabels), add(kWeightLabels), add(kScoreLabels), add(kDeviationKeys), add(kTotalLabels);
  add(kNatureLabels), add(kValueLabels), add(kUnitLabels);
  for (const char* doc : {"docs/en/checking.md", "docs/zh/审核.md"}) {
    std::string text = jixiao::testing::ReadText((fs::path(JIXIAO_SOURCE_DIR) / doc).string());
    for (const char* l : labels) {
      std::string label = l;
      CAPTURE(doc);
      CAPTURE(label);
      const bool listed = text.find(std::string("、") + l) != std::string::npos ||
                          text.find(std::string("| ") + l + "、") != std::string::npos ||
                          text.find(std::string("| ") + l + " |") != std::string::npos ||
                          text.find(std::string("/ ") + l) != std::string::npos ||
                          text.find(std::string(": ") + l) != std::string::npos ||
                          text.find(std::string("：") + l) != std::string::npos;
      CHECK(listed);
    }
  }
}
