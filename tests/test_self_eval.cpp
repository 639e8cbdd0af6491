// Self-evaluation: every target form and direction, each tier boundary, the
// 预算执行率 variants and its cap, over-achievement, 不适用 and 折算计分,
// the project's budget and tables, and the errors each rule raises.
#include <doctest/doctest.h>

#include <string>

#include "load/load.h"
#include "score/score.h"
#include "render/self_evaluation_rows.h"
#include "test_util.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::Dump;
using jixiao::testing::TempDir;
using jixiao::testing::WithId;

namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

// A system of one 10-point target indicator B (and 预算执行率 A when
// `budget` is set), with the given options block.
std::string System(const std::string& options, const std::string& rule = "{kind: target}",
                   bool budget = false) {
  std::string s = "name: 测试体系\nlayout: self_evaluation\n";
  s += budget ? "total: 20\n" : "total: 10\n";
  if (!options.empty()) s += "options:\n" + options;
  s += "indicators:\n";
  if (budget) s += "  - {code: A, name: 预算执行率, weight: 10, rule: {kind: budget_rate}}\n";
  s += "  - {code: B, name: 指标, weight: 10, rule: " + rule + "}\n";
  return s;
}

std::shared_ptr<const Project> Load(TempDir& dir, const std::string& system, const std::string& body) {
  dir.Write("system.yaml", system);
  return LoadProject(dir.Write("p/project.yaml", "project: {name: 测试项目}\nsystem: ../system.yaml\n" + body));
}

ScoredProject Score(const std::string& system, const std::string& body) {
  TempDir dir;
  return ScoreProject(Load(dir, system, body));
}

// The score of B for one answer under the given options.
Decimal ScoreB(const std::string& answer, const std::string& options = "") {
  ScoredProject sp = Score(System(options), "answers:\n  B: " + answer + "\n");
  return sp.Find("B")->score;
}

std::vector<Diagnostic> Errors(const std::string& system, const std::string& body) {
  TempDir dir;
  return CatchDiagnostics([&] { Load(dir, system, body); });
}

std::vector<Diagnostic> ErrorsB(const std::string& answer, const std::string& options = "") {
  return Errors(System(options), "answers:\n  B: " + answer + "\n");
}

}  // namespace

TEST_CASE("target ≥: met is full, short is actual ÷ target × weight") {
  CHECK(ScoreB("{target: ≥70%, actual: 70%}") == D("10"));
  CHECK(ScoreB("{target: ≥70%, actual: 85%}") == D("10"));
  CHECK(ScoreB("{target: ≥70%, actual: 63%, deviation_reason: 年中政策调整}") == D("9"));  // 63 ÷ 70 × 10
  CHECK(ScoreB("{target: 不低于3000人, actual: 2000人, deviation_reason: 申请人数少}") == D("6.67"));
  CHECK(ScoreB("{target: 达到100%, actual: 100%}") == D("10"));
  CHECK(ScoreB("{target: 达到80%以上, actual: 达到80%以上}") == D("10"));  // 003: a range inside the target
  CHECK(ScoreB("{target: ≥1万人次, actual: 1.13万人次}") == D("10"));
  CHECK(ScoreB("{target: \">90%\", actual: 90%, deviation_reason: 恰好持平}") == D("10"));  // strict: unmet, ratio 1
  ScoredProject sp = Score(System(""), "answers:\n  B: {target: ≥241000人, actual: 3304人, deviation_reason: 指标值填写错误}\n");
  CHECK(sp.Find("B")->score == D("0.14"));
  CHECK(sp.Find("B")->explanation ==
        "年度指标值 ≥241000人，实际完成值 3304人，未完成指标，按“实际完成值 ÷ 年度指标值 × 分值”计分：3304 ÷ 241000 × 10 = 0.14 分。");
  CHECK(sp.Find("B")->reason == "指标值填写错误");
}

TEST_CASE("target ≤: A ÷ B × weight by default, linear as an option") {
  CHECK(ScoreB("{target: ≤1000000元, actual: 1000000元}") == D("10"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 800000元}") == D("10"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 1250000元, deviation_reason: 超支}") == D("8"));
  CHECK(ScoreB("{target: ≤100万元, actual: 1250000元, deviation_reason: 超支}") == D("8"));  // 万 multiplied out
  CHECK(ScoreB("{target: 控制在5%以内, actual: 0%}") == D("10"));  // 0 is met, no ratio
  const std::string linear = "  at_most_scoring: linear\n";
  CHECK(ScoreB("{target: ≤1000000元, actual: 1000000元}", linear) == D("10"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 1250000元, deviation_reason: 超支}", linear) == D("7.5"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 1500000元, deviation_reason: 超支}", linear) == D("5"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 1999999元, deviation_reason: 超支}", linear) == D("0"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 2000000元, deviation_reason: 超支}", linear) == D("0"));
  CHECK(ScoreB("{target: ≤1000000元, actual: 3000000元, deviation_reason: 超支}", linear) == D("0"));
  ScoredProject sp = Score(System(linear), "answers:\n  B: {target: ≤1000000元, actual: 1250000元, deviation_reason: 超支}\n");
  CHECK(sp.Find("B")->explanation.find("(1 − (1250000 − 1000000) ÷ 1000000) × 10 = 7.50 分") != std::string::npos);
}

TEST_CASE("target =: exact or within the tolerance, = 0 is all or nothing") {
  CHECK(ScoreB("{target: =0起, actual: 0起}") == D("10"));
  CHECK(ScoreB("{target: =0起, actual: 1起, deviation_reason: 发生一起事故}") == D("0"));
  CHECK(ScoreB("{target: =100%, actual: 100%}") == D("10"));
  CHECK(ScoreB("{target: 100%, actual: 100%}") == D("10"));  // a bare number reads as =
  CHECK(ScoreB("{target: =100%, actual: 98%, deviation_reason: 个别未完成}") == D("9.8"));  // 98 ÷ 100
  CHECK(ScoreB("{target: =50家, actual: 60家, deviation_reason: 新增机构}") == D("8.33"));  // 50 ÷ 60
  CHECK(ScoreB("{target: =100%, actual: 98%, deviation_reason: 个别未完成}", "  equal_scoring: all_or_nothing\n") == D("0"));
  CHECK(ScoreB("{target: =100%, actual: 98%}", "  equal_tolerance: 2%\n") == D("10"));
  CHECK(ScoreB("{target: =100%, actual: 97.9%, deviation_reason: 个别未完成}", "  equal_tolerance: 2%\n") == D("9.79"));
  ScoredProject sp = Score(System("", "{kind: target, tolerance: 5%}"), "answers:\n  B: {target: =20天, actual: 21天}\n");
  CHECK(sp.Find("B")->score == D("10"));
  CHECK(sp.Find("B")->explanation.find("在 ±5% 的容差以内") != std::string::npos);
}

TEST_CASE("target yes/no") {
  CHECK(ScoreB("{target: 是, actual: 是}") == D("10"));
  CHECK(ScoreB("{target: 是, actual: 否, deviation_reason: 未建立制度}") == D("0"));
  CHECK(WithId(ErrorsB("{target: 是, actual: 基本完成}"), "actual-not-yes-no").size() == 1);
}

TEST_CASE("qualitative targets: three tiers, 80% in the top one and 60% in the middle one") {
  auto q = [](const std::string& tier, const std::string& score) {
    return "{target: 有所提升, actual: 有所提升, tier: " + tier + ", score: " + score + ", reason: 评价理由}";
  };
  CHECK(ScoreB(q("达成", "10")) == D("10"));
  CHECK(ScoreB(q("达成", "8")) == D("8"));                 // 80% belongs to 达成
  CHECK(ScoreB(q("部分达成", "7.99")) == D("7.99"));
  CHECK(ScoreB(q("部分达成", "6")) == D("6"));             // 60% belongs to 部分达成
  CHECK(ScoreB(q("未达成", "5.99")) == D("5.99"));
  CHECK(ScoreB(q("未达成", "0")) == D("0"));
  // A score outside its tier is refused, not moved.
  for (const auto& pair : std::vector<std::pair<std::string, std::string>>{
           {"达成", "7.99"}, {"部分达成", "8"}, {"部分达成", "5.99"}, {"未达成", "6"}}) {
    const std::string& tier = pair.first;  // named: CAPTURE captures them (clang 14 refuses structured bindings)
    const std::string& score = pair.second;
    CAPTURE(tier);
    CAPTURE(score);
    auto errs = ErrorsB(q(tier, score));
    REQUIRE_MESSAGE(WithId(errs, "score-outside-tier").size() == 1, Dump(errs));
  }
  auto missing = ErrorsB("{target: 成效明显, actual: 成效明显}");
  REQUIRE(WithId(missing, "qualitative-needs-tier").size() == 1);
  CHECK(testing::Zh(WithId(missing, "qualitative-needs-tier")[0]).find("达成, 部分达成, 未达成") != std::string::npos);
  CHECK(WithId(ErrorsB("{target: 有所提升, tier: 达成, score: 10}"), "score-needs-reason").size() == 1);
  CHECK(WithId(ErrorsB("{target: 有所提升, tier: 完成, score: 10, reason: 好}"), "bad-choice")[0].hint_name == "达成");
  // Tiers a system writes for itself.
  const std::string tiers =
      "  qualitative_tiers:\n    - {name: 好, low: 90%, high: 100%}\n    - {name: 差, low: 0, high: 90%}\n";
  CHECK(ScoreB("{target: 明显提高, tier: 好, score: 9, reason: 理由}", tiers) == D("9"));
  CHECK(WithId(ErrorsB("{target: 明显提高, tier: 好, score: 8.9, reason: 理由}", tiers), "score-outside-tier").size() == 1);
  CHECK(WithId(Errors(System("  qualitative_tiers:\n    - {name: 好, low: 90%, high: 100%}\n    - {name: 差, low: 10%, high: 80%}\n"), ""),
               "tiers-shape").size() == 1);
}

TEST_CASE("target: last year's value, and 不低于上年 without it judged by tier") {
  CHECK(ScoreB("{target: 不低于上年, baseline: 98%, actual: 100%}") == D("10"));
  CHECK(ScoreB("{target: 不低于上年, baseline: 98%, actual: 49%, deviation_reason: 下降}") == D("5"));
  CHECK(ScoreB("{target: 不低于上年, actual: 100%, tier: 达成, score: 10, reason: 覆盖率已为 100%}") == D("10"));
  CHECK(WithId(ErrorsB("{target: 不低于上年, actual: 100%}"), "qualitative-needs-tier").size() == 1);
}

TEST_CASE("target: the errors a clerk can make, each named") {
  CHECK(WithId(ErrorsB("{actual: 70%}"), "target-missing").size() == 1);
  CHECK(WithId(ErrorsB("{target: ≥70%}"), "actual-missing").size() == 1);
  // A bare number takes the target's unit (the sentence says so): 70 beside ≥70% is 70%.
  CHECK(ScoreB("{target: ≥70%, actual: 70}") == D("10"));
  CHECK(ScoreB("{target: ≤90万元, actual: 95, deviation_reason: 超支}") == D("9.47"));  // 90 ÷ 95 × 10
  CHECK(ScoreB("{target: ≥100百分比, actual: 90, deviation_reason: 未完成}") == D("9"));
  CHECK(ScoreB("{target: ≥95％, actual: 96}") == D("10"));
  CHECK(WithId(ErrorsB("{target: ≥10家, actual: 12人}"), "unit-mismatch").size() == 1);
  CHECK(WithId(ErrorsB("{target: ≥70%, actual: 显著提升}"), "actual-not-number").size() == 1);
  CHECK(WithId(ErrorsB("{target: ≥70%, actual: ≥60%}"), "actual-undecided").size() == 1);
  auto shortfall = ErrorsB("{target: ≥70%, actual: 63%}");
  REQUIRE(WithId(shortfall, "shortfall-needs-reason").size() == 1);
  CHECK(testing::Zh(WithId(shortfall, "shortfall-needs-reason")[0]) ==
        "未完成年度指标值（得 9 分，满分 10 分），须填写偏差原因（deviation_reason）");
  CHECK(WithId(ErrorsB("{target: ≥70%, actual: 70%, met: true}"), "answer-field-not-for-rule").size() == 1);
  // `value:` names a project value; an answer's actual takes its place.
  auto sp = Score(System("", "{kind: target, target: ≥70%, value: 比例}"), "values: {比例: 63%}\nanswers:\n  B: {reason: 未达到}\n");
  CHECK(sp.Find("B")->score == D("9"));
  sp = Score(System("", "{kind: target, target: ≥70%, value: 比例}"), "answers:\n  B: {actual: 70%}\n");
  CHECK(sp.Find("B")->score == D("10"));
  CHECK(WithId(Errors(System("", "{kind: target, target: ≥70%, value: 比例}"), "answers:\n  B: {reason: 无}\n"),
               "rule-needs-name").size() == 1);
}

TEST_CASE("over-achievement at 130% demands a 偏差原因, never a deduction") {
  // 91% of ≥70% is exactly 130%.
  auto errs = ErrorsB("{target: ≥70%, actual: 91%}");
  REQUIRE(WithId(errs, "overachievement-needs-reason").size() == 1);
  CHECK(testing::Zh(WithId(errs, "overachievement-needs-reason")[0]).find("130.00%") != std::string::npos);
  CHECK(ScoreB("{target: ≥70%, actual: 91%, deviation_reason: 政策扩面，救助人数增加}") == D("10"));
  CHECK(ScoreB("{target: ≥70%, actual: 90.9%}") == D("10"));  // 129.86%: no reason needed
  // "≤": the target is 130% of the actual.
  CHECK(WithId(ErrorsB("{target: ≤130万元, actual: 100万元}"), "overachievement-needs-reason").size() == 1);
  CHECK(ScoreB("{target: ≤129万元, actual: 100万元}") == D("10"));
  CHECK(WithId(ErrorsB("{target: =100家, actual: 130家}"), "overachievement-needs-reason").size() == 1);
  // The threshold is an option.
  CHECK(ScoreB("{target: ≥70%, actual: 91%}", "  overachievement_threshold: 150%\n") == D("10"));
  CHECK(WithId(ErrorsB("{target: ≥70%, actual: 105%}", "  overachievement_threshold: 150%\n"),
               "overachievement-needs-reason").size() == 1);
}

TEST_CASE("an evaluator's score replaces the rule's, with a reason, and both are stated") {
  ScoredProject sp = Score(System(""), "answers:\n  B: {target: ≥241000人, actual: 3304人, score: 8, reason: 数量指标年初填写错误}\n");
  const ScoredIndicator* b = sp.Find("B");
  CHECK(b->score == D("8"));
  CHECK(b->overridden);
  CHECK(b->explanation ==
        "按评分规则：年度指标值 ≥241000人，实际完成值 3304人，未完成指标，按“实际完成值 ÷ 年度指标值 × 分值”计分：3304 ÷ 241000 × 10 = 0.14 分。评价组调整为 8.00 分。");
  CHECK(WithId(ErrorsB("{target: ≥241000人, actual: 3304人, score: 8}"), "score-needs-reason").size() == 1);
  CHECK(WithId(ErrorsB("{target: ≥241000人, actual: 3304人, score: 11, reason: 多}"), "score-above-weight").size() == 1);
  // A figure that cannot be compared is judged by the evaluator.
  CHECK(ScoreB("{target: ≥80%, actual: 显著提升（未公布比率）, score: 10, reason: 宣传成效明显}") == D("10"));
  CHECK_FALSE(Score(System(""), "answers:\n  B: {target: 有所提升, tier: 达成, score: 10, reason: 好}\n").Find("B")->overridden);
}

TEST_CASE("预算执行率: proportional and capped at 10, on the base the options name") {
  auto budget = [](const std::string& figures) { return "budget:\n  " + figures + "\nanswers:\n  B: {target: 是, actual: 是}\n"; };
  auto a_score = [&](const std::string& options, const std::string& figures) {
    return Score(System(options, "{kind: target}", true), budget(figures)).Find("A")->score;
  };
  CHECK(a_score("", "{full_year: 100, executed: 90}") == D("9"));
  CHECK(a_score("", "{full_year: 100, executed: 100}") == D("10"));
  CHECK(a_score("", "{full_year: 100, executed: 120}") == D("10"));  // 120%: capped
  CHECK(a_score("", "{full_year: 3, executed: 2}") == D("6.67"));     // 66.67% × 10, the rate rounded first
  CHECK(a_score("  budget_base: 调整后预算数\n", "{full_year: 100, adjusted: 80, executed: 72}") == D("9"));
  CHECK(a_score("  budget_base: 实际到位资金\n", "{full_year: 100, received: 90, executed: 90}") == D("10"));
  auto sp = Score(System("", "{kind: target}", true), budget("{full_year: 100, executed: 120}"));
  CHECK(sp.Find("A")->explanation ==
        "预算执行率 = 全年执行数 120 ÷ 全年预算数 100 = 120.00%；得分 = 120.00% × 10 = 12.00 分，最高 10.00 分。");
  // The 101号 intervals, each boundary.
  const std::string iv = "  budget_rate: intervals_101\n";
  CHECK(a_score(iv, "{full_year: 10000, executed: 10000}") == D("10"));
  CHECK(a_score(iv, "{full_year: 10000, executed: 9999}") == D("7"));
  CHECK(a_score(iv, "{full_year: 10000, executed: 8000}") == D("7"));
  CHECK(a_score(iv, "{full_year: 10000, executed: 7999}") == D("5"));
  CHECK(a_score(iv, "{full_year: 10000, executed: 6000}") == D("5"));
  CHECK(a_score(iv, "{full_year: 10000, executed: 5999}") == D("0"));
  // Step deductions.
  const std::string st = "  budget_rate: steps\n  budget_steps: {full_at: 100%, step: 5%, deduct: 1}\n";
  CHECK(a_score(st, "{full_year: 100, executed: 100}") == D("10"));
  CHECK(a_score(st, "{full_year: 100, executed: 95}") == D("9"));
  CHECK(a_score(st, "{full_year: 100, executed: 94}") == D("8"));  // a partial step counts
  CHECK(a_score(st, "{full_year: 100, executed: 10}") == D("0"));  // 扣完为止
  CHECK(WithId(Errors(System("  budget_rate: steps\n", "{kind: target}", true), budget("{full_year: 1, executed: 1}")),
               "budget-steps-missing").size() == 1);
  // Figures missing or zero; the fallback to values.
  CHECK(WithId(Errors(System("  budget_base: 调整后预算数\n", "{kind: target}", true), budget("{full_year: 100, executed: 90}")),
               "budget-figure-missing").size() == 1);
  CHECK(WithId(Errors(System("", "{kind: target}", true), budget("{full_year: 0, executed: 0}")), "budget-base-zero").size() == 1);
  CHECK(WithId(Errors(System("", "{kind: target}", true), "answers:\n  B: {target: 是, actual: 是}\n"), "budget-missing").size() == 1);
  CHECK(Score(System("", "{kind: target}", true), "values: {全年预算数: 200, 全年执行数: 150}\nanswers:\n  B: {target: 是, actual: 是}\n")
            .Find("A")->score == D("7.5"));
}

TEST_CASE("项目资金: the sources add up to the annual total, which they fill in when left out") {
  auto sp = Score(System("", "{kind: target}", true),
                  "budget:\n  unit: 万元\n  sources:\n    - {name: 当年财政拨款, initial: 80, full_year: 90, executed: 90}\n"
                  "    - {name: 上年结转资金, full_year: 10, executed: 5}\nanswers:\n  B: {target: 是, actual: 是}\n");
  CHECK(*sp.project->budget.total.full_year == D("100"));
  CHECK(*sp.project->budget.total.executed == D("95"));
  CHECK(*sp.project->budget.total.initial == D("80"));
  CHECK(sp.Find("A")->score == D("9.5"));
  auto errs = Errors(System("", "{kind: target}", true),
                     "budget:\n  full_year: 100\n  executed: 95\n  sources:\n    - {name: 当年财政拨款, full_year: 90, executed: 95}\n"
                     "answers:\n  B: {target: 是, actual: 是}\n");
  REQUIRE(WithId(errs, "budget-sources-sum").size() == 1);
  CHECK(testing::Zh(WithId(errs, "budget-sources-sum")[0]) == "各资金来源的全年预算数合计 90，与年度资金总额的 100 不符");
}

TEST_CASE("不适用: left out, the rest rescaled to the full score with exact parts") {
  // 产出 90 over seven leaves; the 20-point one is 不适用, so the other 70
  // become 90: 10 → 12.857…, 20 → 25.714…, apportioned at two decimals.
  std::string sys = "name: 折算\nlayout: self_evaluation\nindicators:\n"
                    "  - {code: A, name: 预算执行率, weight: 10, rule: {kind: budget_rate}}\n"
                    "  - code: B\n    name: 产出指标\n    weight: 90\n    children:\n";
  const char* weights[] = {"10", "10", "10", "10", "20", "20", "10"};
  std::string answers = "answers:\n";
  for (int i = 0; i < 7; ++i) {
    std::string code = "B" + std::to_string(i + 1);
    sys += "      - {code: " + code + ", name: 指标" + std::to_string(i + 1) + ", weight: " + weights[i] +
           ", rule: {kind: target}}\n";
    if (i == 5) answers += "  " + code + ": {not_applicable: 本年度未开展该项工作}\n";
    else answers += "  " + code + ": {target: 是, actual: 是}\n";
  }
  std::string body = "budget: {full_year: 100, executed: 100}\n" + answers;
  ScoredProject sp = Score(sys, body);
  const ScoredIndicator* b = sp.Find("B");
  CHECK(b->def->weight == D("90"));
  CHECK_FALSE(b->def->written_weight.has_value());  // the parent's sum did not change
  Decimal sum;
  for (const auto& c : b->children) sum += c.def->weight;
  CHECK(sum == D("90"));
  CHECK(sp.Find("B1")->def->weight == D("12.86"));
  CHECK(sp.Find("B4")->def->weight == D("12.86"));
  CHECK(sp.Find("B5")->def->weight == D("25.71"));
  CHECK(sp.Find("B7")->def->weight == D("12.85"));  // the remainders tie: system order decides
  CHECK(sp.Find("B6")->def->weight == D("0"));
  CHECK(sp.Find("B6")->def->not_applicable);
  CHECK(*sp.Find("B6")->def->written_weight == D("20"));
  CHECK(sp.Find("B6")->explanation.find("不适用") != std::string::npos);
  CHECK_FALSE(sp.Find("B6")->Lost());
  CHECK(sp.Find("A")->def->weight == D("10"));  // 预算执行率 keeps its 10
  CHECK(sp.total == D("100"));                 // all met: exactly the full score
  auto notes = SelfEvaluationNotes(sp.system());
  CHECK(notes.back().find("指标6不适用") != std::string::npos);

  // A shortfall on a rescaled leaf: the rule works on the rescaled weight,
  // and an evaluator's score is rescaled with it.
  std::string short_body = body;
  short_body.replace(short_body.find("  B1: {target: 是, actual: 是}"), std::string("  B1: {target: 是, actual: 是}").size(),
                     "  B1: {target: ≥100人, actual: 50人, deviation_reason: 报名少}");
  short_body.replace(short_body.find("  B2: {target: 是, actual: 是}"), std::string("  B2: {target: 是, actual: 是}").size(),
                     "  B2: {target: 是, actual: 否, score: 8, reason: 部分完成}");
  sp = Score(sys, short_body);
  CHECK(sp.Find("B1")->score == D("6.43"));   // 50 ÷ 100 × 12.86
  CHECK(sp.Find("B2")->score == D("10.29"));  // 8 × 12.86 ÷ 10
  Decimal parts;
  for (const auto& c : sp.Find("B")->children) parts += c.score;
  CHECK(parts == sp.Find("B")->score);
  CHECK(sp.total == sp.Find("A")->score + sp.Find("B")->score);

  // 不适用 needs a reason and takes no data; not everything can be 不适用.
  std::string bad = body;
  bad.replace(bad.find("{not_applicable: 本年度未开展该项工作}"), std::string("{not_applicable: 本年度未开展该项工作}").size(),
              "{not_applicable: true, actual: 是}");
  auto errs = Errors(sys, bad);
  CHECK(WithId(errs, "not-applicable-needs-reason").size() == 1);
  CHECK(WithId(errs, "not-applicable-with-data").size() == 1);
  std::string all = "budget: {full_year: 100, executed: 100}\nanswers:\n";
  for (int i = 0; i < 7; ++i) all += "  B" + std::to_string(i + 1) + ": {not_applicable: 未开展}\n";
  CHECK(WithId(Errors(sys, all), "all-not-applicable").size() == 1);
}

TEST_CASE("system options: unknown keys and choices are errors with a hint") {
  auto errs = Errors(System("  budget_rate: interval_101\n  at_most_scorng: linear\n"), "");
  CHECK(WithId(errs, "bad-choice")[0].hint_name == "intervals_101");
  CHECK(WithId(errs, "unknown-key")[0].hint_name == "at_most_scoring");
  CHECK(WithId(Errors("name: x\nlayout: self_evaluaton\nindicators:\n  - {code: A, name: a, weight: 100, rule: {kind: manual}}\n", ""),
               "bad-choice")[0].hint_name == "self_evaluation");
  // A budget option written in the system shows in the 评分说明.
  TempDir dir;
  dir.Write("s.yaml", System("  budget_rate: intervals_101\n  budget_base: 实际到位资金\n", "{kind: target}", true));
  auto sys = LoadSystem(dir.path() + "/s.yaml");
  auto notes = SelfEvaluationNotes(*sys);
  CHECK(notes[0] == "预算执行率按区间计分：执行率 ≥ 100% 得分值的 100%；80%（含）至 100% 得分值的 70%；60%（含）至 80% 得分值的 50%；低于 60% 得分值的 0%。");
  CHECK(notes[1].find("实际到位资金") != std::string::npos);
}

TEST_CASE("tables: the total row and 小计 columns are checked") {
  std::string ok = "tables:\n  - title: 资金分配表\n    unit: 万元\n    columns: [区, 中央, 区级, 小计]\n"
                   "    rows:\n      - [甲区, 1.5, 1.5, 3]\n      - [乙区, 2, 2, 4]\n    total: [合计, 3.5, 3.5, 7]\n"
                   "answers:\n  B: {target: 是, actual: 是}\n";
  auto sp = Score(System(""), ok);
  REQUIRE(sp.project->tables.size() == 1);
  CHECK(sp.project->tables[0].rows[1].label == "乙区");
  std::string bad = ok;
  bad.replace(bad.find("[乙区, 2, 2, 4]"), std::string("[乙区, 2, 2, 4]").size(), "[乙区, 2, 2.1, 4]");
  auto errs = Errors(System(""), bad);
  CHECK(WithId(errs, "table-subtotal").size() == 1);
  CHECK(WithId(errs, "table-total").size() == 1);  // 区级 sums to 3.6
  CHECK(testing::Zh(WithId(errs, "table-total")[0]) == "“区级”列各行合计 3.6，与合计行的 3.5 不符");
  bad = ok;
  bad.replace(bad.find("[甲区, 1.5, 1.5, 3]"), std::string("[甲区, 1.5, 1.5, 3]").size(), "[甲区, 1.5, 1.5]");
  CHECK(WithId(Errors(System(""), bad), "table-columns").size() == 1);
}

// ---- the bundled cases, end to end ----

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/render.h"
#include "render/report.h"
#include "formats/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;

namespace {

std::string CaseDir(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/inputs/" + name; }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// As tests/test_report.cpp: JIXIAO_ACCEPT=1 rewrites the golden file.
void CheckSelfGolden(const std::string& name) {
  auto project = LoadProject(CaseDir(name));
  Report r = RenderReport(ScoreProject(project), LoadTemplates(""), LoadFragments(project->Files(), project->text_dir));
  testing::CheckGolden(name, r.markdown);
}

int RowWith(const XlsxSheet& s, int col, const std::string& text) {
  for (int r = 0; r < s.RowCount(); ++r)
    if (s.Text(r, col) == text) return r;
  return -1;
}

}  // namespace

TEST_CASE("golden report.md: guangzhou-2021 (self-evaluation)") { CheckSelfGolden("guangzhou-2021"); }
TEST_CASE("golden report.md: tianjin-aid-2023 (self-evaluation)") { CheckSelfGolden("tianjin-aid-2023"); }

TEST_CASE("guangzhou-2021 (seed 003): all 11 indicators met, 100, 优 as published") {
  ScoredProject sp = ScoreProject(LoadProject(CaseDir("guangzhou-2021")));
  auto rows = SelfFormRows(sp);
  CHECK(rows.size() == 11);
  for (const auto& r : rows) CHECK_MESSAGE(!r.leaf->Lost(), r.leaf->def->name);
  CHECK(sp.Find("A")->score == D("10"));  // 28602.02 ÷ 28602.02
  CHECK(sp.total == D("100"));
  CHECK(sp.grade == "优");
  CHECK(sp.Find("B22")->explanation == "年度指标值 达到80%以上，实际完成值 达到80%以上，已完成指标，得满分 12.50 分。");
  CHECK(sp.Find("D11")->explanation == "年度指标值 ≥80%，实际完成值 90.4%，已完成指标，得满分 5.00 分。");
}

TEST_CASE("tianjin-aid-2023 (seed 001): the allocation tables total 9429 and 30551.6") {
  ScoredProject sp = ScoreProject(LoadProject(CaseDir("tianjin-aid-2023")));
  const auto& tables = sp.project->tables;
  REQUIRE(tables.size() == 2);
  CHECK(tables[0].rows.size() == 16);
  CHECK(*tables[0].total->values[0] == D("9429"));
  CHECK(tables[1].rows.size() == 16);
  CHECK(*tables[1].total->values[2] == D("30551.6"));
  CHECK(sp.total == D("100"));
  CHECK(sp.grade == "优");
  CHECK(sp.Find("C11")->overridden);  // 知晓率: no published figure, the evaluator's score
  CHECK_FALSE(sp.Find("B31")->overridden);
  CHECK(sp.Find("B31")->explanation.find("不低于上年") != std::string::npos);
  // The tables' figures are checked when loading: one changed district fails.
  TempDir dir;
  fs::copy(CaseDir("tianjin-aid-2023"), fs::path(dir.path()) / "p", fs::copy_options::recursive);
  std::string y = Slurp(fs::path(dir.path()) / "p" / "project.yaml");
  y.replace(y.find("system: ../../"), std::string("system: ../../").size(), std::string("system: ") + JIXIAO_SOURCE_DIR + "/");
  y.replace(y.find("[和平区, 148]"), std::string("[和平区, 148]").size(), "[和平区, 149]");
  std::ofstream(fs::path(dir.path()) / "p" / "project.yaml", std::ios::binary | std::ios::trunc) << y;
  auto errs = CatchDiagnostics([&] { LoadProject(dir.path() + "/p"); });
  REQUIRE(WithId(errs, "table-total").size() == 1);
  CHECK(testing::Zh(WithId(errs, "table-total")[0]) == "“安排资金金额”列各行合计 9430，与合计行的 9429 不符");
}

TEST_CASE("自评表.xlsx: the Ministry's layout with merged parents, live totals and the 评分说明") {
  ScoredProject sp = ScoreProject(LoadProject(CaseDir("yaohai-2023")));
  TempDir dir;
  std::string path = dir.path() + "/自评表.xlsx";
  RenderSelfXlsx(sp, path);
  XlsxWorkbook wb = ReadXlsx(path);
  REQUIRE(wb.sheets.size() == 1);
  const XlsxSheet& s = wb.sheets[0];
  CHECK(s.name == "自评表");
  CHECK(s.Text(0, 0) == "项目支出绩效自评表");
  CHECK(s.Text(1, 0) == "（2023年度）");
  CHECK(s.Text(2, 0) == "项目名称");
  CHECK(s.Text(2, 1) == "城乡医疗救助项目");
  CHECK(s.Text(3, 0) == "主管部门");
  CHECK(s.Text(3, 5) == "实施单位");
  // 项目资金: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
  CHECK(s.Text(4, 3) == "年初预算数");
  CHECK(s.Text(4, 5) == "全年执行数");
  CHECK(s.Text(4, 8) == "得分");
  CHECK(s.Text(5, 1) == "年度资金总额");
  CHECK(s.At(5, 6)->text == "10");
  CHECK(s.At(5, 7)->formula == "IF(E6=0,\"\",ROUND(F6/E6,4))");
  CHECK(s.At(5, 7)->text == "1");
  CHECK(s.At(5, 8)->text == "10");
  CHECK(s.Text(6, 1) == "其中：当年财政拨款");
  CHECK(s.Text(7, 1) == "上年结转资金");
  CHECK(s.Text(8, 1) == "其他资金");
  CHECK(s.MergeAt(4, 0)->ref == "A5:A9");
  // 年度总体目标, then the indicators from the header row.
  CHECK(s.Text(9, 0) == "年度总体目标");
  CHECK(s.Text(9, 1) == "预期目标");
  CHECK(s.Text(9, 5) == "实际完成情况");
  int head = RowWith(s, 1, "一级指标");
  REQUIRE(head == 11);
  CHECK(s.Text(head, 8) == "偏差原因分析及改进措施");
  CHECK(s.Text(head + 1, 1) == "产出指标");
  CHECK(s.MergeAt(head + 1, 1)->ref == "B13:B17");  // 产出 over its five 三级
  CHECK(s.MergeAt(head + 2, 2)->ref == "C14:C15");  // 质量指标 over two
  CHECK(s.Text(head + 1, 3) == "城乡医疗救助代参保人数");
  CHECK(s.Text(head + 1, 4) == "≥241000人");
  CHECK(s.Text(head + 1, 5) == "3304人");
  CHECK(s.At(head + 1, 7)->text == "8");
  CHECK(s.Text(head + 1, 8) == "由于数量指标年初填写错误，实际资助参保3304人，未完成指标");
  CHECK(s.MergeAt(head + 6, 2)->ref == "C18:D18");  // a 二级 leaf spans 二级 and 三级
  CHECK(s.MergeAt(head + 1, 0)->ref == "A12:A20");
  int total = RowWith(s, 0, "总分");
  REQUIRE(total == 20);
  CHECK(s.At(total, 6)->formula == "G6+SUM(G13:G20)");
  CHECK(s.At(total, 6)->text == "100");
  CHECK(s.At(total, 7)->formula == "I6+SUM(H13:H20)");
  CHECK(s.At(total, 7)->text == "98");
  CHECK(s.Text(total, 8) == "自评等级：优");
  // The 评分说明 under the table in the form's words, never the system's option keys.
  CHECK(s.Text(total + 1, 0).find("预算执行率按比例计分") != std::string::npos);
  CHECK(s.Text(total + 1, 0).find("budget_rate") == std::string::npos);
  CHECK(s.Text(total + 1, 0).find("overachievement_threshold") == std::string::npos);
}

TEST_CASE("a 自评表 jixiao wrote reads back as the same project, for every case") {
  for (const char* name : {"yaohai-2023", "guangzhou-2021", "tianjin-aid-2023"}) {
    CAPTURE(name);
    ScoredProject sp = ScoreProject(LoadProject(CaseDir(name)));
    TempDir dir;
    std::string path = dir.path() + "/自评表.xlsx";
    RenderSelfXlsx(sp, path);
    REQUIRE(InputKindOf(path) == InputKind::kSelfForm);
    CHECK(ReadInputKind(path) == InputKind::kSelfForm);  // `check` takes it as a project, not a 附件1 scoring sheet
    REQUIRE(InputKindOf(dir.path()) == InputKind::kSelfFormFolder);  // a folder with 自评表.xlsx and no project.yaml
    ScoredProject back = ScoreProject(LoadProject(path));
    CHECK(back.total == sp.total);
    CHECK(back.grade == sp.grade);
    CHECK(back.project->info.name == sp.project->info.name);
    CHECK(back.project->info.year == sp.project->info.year);
    CHECK(back.project->goals.expected == sp.project->goals.expected);
    CHECK(*back.project->budget.total.executed == *sp.project->budget.total.executed);
    auto a = SelfFormRows(sp), b = SelfFormRows(back);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(b[i].leaf->def->name == a[i].leaf->def->name);
      CHECK(b[i].leaf->def->weight == a[i].leaf->def->weight);
      CHECK(b[i].leaf->score == a[i].leaf->score);
      CHECK(b[i].target == a[i].target);
    }
    // The form's own figures are stated: `check` finds them consistent.
    CHECK(back.project->stated.present);
    REQUIRE(back.project->stated.total);
    CHECK(back.project->stated.total->value == sp.total);
    // And the report is written from it, with no fragments at all.
    Report r = RenderReport(back, LoadTemplates(""), LoadFragments(back.project->Files(), back.project->text_dir));
    CHECK(r.markdown.find("综合得分为 " + sp.total.ToFixed(kScorePlaces) + " 分") != std::string::npos);
  }
}

TEST_CASE("a 自评表 as a budget system exports it: 年度指标值 split into 指标性质 | 指标值 | 度量单位") {
  TempDir dir;
  std::string path = dir.path() + "/export.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  auto text = [&](int r, int c, const char* s) { worksheet_write_string(ws, r, c, s, nullptr); };
  auto num = [&](int r, int c, double v) { worksheet_write_number(ws, r, c, v, nullptr); };
  worksheet_merge_range(ws, 0, 0, 0, 9, "2020年度项目支出绩效自评表", nullptr);
  text(1, 0, "项目名称");
  worksheet_merge_range(ws, 1, 1, 1, 9, "省级自然资源卫片执法补助经费", nullptr);
  text(2, 0, "主管部门");
  text(2, 1, "丽江市自然资源和规划局");
  text(2, 5, "实施单位");
  text(2, 6, "丽江市古城区自然资源局");
  worksheet_merge_range(ws, 3, 0, 7, 0, "项目资金(万元)", nullptr);
  const char* heads[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  for (int i = 0; i < 6; ++i) text(3, 2 + i, heads[i]);
  text(4, 1, "年度资金总额");
  num(4, 2, 7.29), num(4, 3, 7.29), num(4, 4, 7.29), num(4, 5, 10), text(4, 6, "100%"), num(4, 7, 10);
  text(5, 1, "其中：当年财政拨款");
  num(5, 2, 7.29), num(5, 3, 7.29), num(5, 4, 7.29);
  text(6, 1, "上年结转资金");
  text(7, 1, "其他资金");
  worksheet_merge_range(ws, 8, 0, 9, 0, "年度总体目标", nullptr);
  text(8, 1, "预期目标");
  text(8, 5, "实际完成情况");
  text(9, 1, "按时完成卫片执法");
  text(9, 5, "已完成");
  // The budget system's two header rows.
  worksheet_merge_range(ws, 10, 0, 10, 2, "绩效指标", nullptr);
  worksheet_merge_range(ws, 10, 3, 10, 5, "年度指标值", nullptr);
  text(10, 6, "实际完成值"), text(10, 7, "分值"), text(10, 8, "得分"), text(10, 9, "偏差原因分析及改进措施");
  const char* heads2[] = {"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"};
  for (int i = 0; i < 6; ++i) text(11, i, heads2[i]);
  struct Row { const char *l1, *l2, *l3, *nature, *value, *unit, *actual; double weight, score; const char* dev; };
  const Row rows[] = {
      {"产出指标", "数量指标", "卫片执法补助经费", "﹦", "72890", "元", "72890", 10, 9, ""},
      {"", "质量指标", "项目验收合格率", "﹦", "100", "%", "98", 20, 19.6, "个别图斑未验收"},
      {"", "时效指标", "项目完成及时率", "﹦", "100", "%", "100", 20, 20, ""},
      {"效益指标", "社会效益指标", "违法行为责停率", "≥", "95", "%", "95", 30, 30, ""},
      {"满意度指标", "服务对象满意度指标", "满意度", "≥", "95", "%", "96", 10, 10, ""},
  };
  for (int i = 0; i < 5; ++i) {
    const Row& r = rows[i];
    int at = 12 + i;
    text(at, 0, r.l1), text(at, 1, r.l2), text(at, 2, r.l3), text(at, 3, r.nature);
    text(at, 4, r.value), text(at, 5, r.unit), text(at, 6, r.actual);
    num(at, 7, r.weight), num(at, 8, r.score), text(at, 9, r.dev);
  }
  text(17, 0, "总分"), num(17, 7, 100), num(17, 8, 98.6);
  workbook_close(wb);

  auto p = LoadProject(path);
  CHECK(p->info.name == "省级自然资源卫片执法补助经费");
  CHECK(p->info.year == "2020");
  CHECK(p->info.implementer == "丽江市古城区自然资源局");
  CHECK(*p->budget.total.full_year == D("7.29"));
  REQUIRE(p->budget.sources.size() == 1);
  CHECK(p->budget.sources[0].name == "当年财政拨款");
  CHECK(p->goals.actual == "已完成");
  ScoredProject sp = ScoreProject(p);
  CHECK(sp.system().roots.size() == 4);  // 预算执行率, 产出, 效益, 满意度
  const ScoredIndicator* b11 = sp.Find("B11");
  REQUIRE(b11 != nullptr);
  CHECK(b11->def->name == "卫片执法补助经费");
  CHECK(p->answers.at("B11").target == "﹦72890元");
  CHECK(p->answers.at("B11").actual == "72890元");
  // Met by the rule; the form's 9 has no 偏差原因, so the rule's 10 stands and the 9 is stated.
  CHECK(b11->score == D("10"));
  CHECK(b11->explanation.find("（自评表填报 9.00 分）") != std::string::npos);
  // 98% of = 100%, with a 偏差原因: the form's 19.6, which is also the rule's.
  CHECK(sp.Find("B21")->score == D("19.6"));
  CHECK(sp.Find("D11")->score == D("10"));
  CHECK(sp.total == D("99.6"));
  CHECK(p->stated.total->value == D("98.6"));  // what the form says, for `check`
}

TEST_CASE("a workbook that is not a 自评表, or a row without its 分值, is named") {
  TempDir dir;
  ScoredProject jc = ScoreProject(LoadProject(CaseDir("jiaocheng-2024")));
  RenderXlsx(jc, dir.path() + "/评分表.xlsx");
  CHECK(ReadInputKind(dir.path() + "/评分表.xlsx") == InputKind::kScoringWorkbook);
  CHECK(ReadInputKind(dir.path() + "/missing.xlsx") == InputKind::kScoringWorkbook);
  std::string path = dir.path() + "/x.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "表");
  worksheet_write_string(ws, 0, 0, "项目名称", nullptr);
  worksheet_write_string(ws, 0, 1, "甲", nullptr);
  workbook_close(wb);
  auto errs = CatchDiagnostics([&] { LoadProject(path); });
  REQUIRE(WithId(errs, "form-not-self-form").size() == 1);
  CHECK(testing::Zh(WithId(errs, "form-not-self-form")[0]) == "不是项目支出绩效自评表：找不到“三级指标”");

  wb = workbook_new(path.c_str());
  ws = workbook_add_worksheet(wb, "自评表");
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"};
  for (int i = 0; i < 7; ++i) worksheet_write_string(ws, 1, i, heads[i], nullptr);
  worksheet_write_string(ws, 0, 0, "项目名称", nullptr);
  worksheet_write_string(ws, 0, 1, "乙", nullptr);
  worksheet_write_string(ws, 2, 0, "产出指标", nullptr);
  worksheet_write_string(ws, 2, 1, "数量指标", nullptr);
  worksheet_write_string(ws, 2, 2, "培训人数", nullptr);
  worksheet_write_string(ws, 2, 3, "≥100人", nullptr);
  worksheet_write_string(ws, 2, 4, "120人", nullptr);
  workbook_close(wb);
  errs = CatchDiagnostics([&] { LoadProject(path); });
  REQUIRE(WithId(errs, "form-missing-weight").size() == 1);
  CHECK(WithId(errs, "form-missing-weight")[0].loc.cell == "自评表!F3");
}

TEST_CASE("the 自评报告 outline and its template variables") {
  auto project = LoadProject(CaseDir("yaohai-2023"));
  Report r = RenderReport(ScoreProject(project), LoadTemplates(""), LoadFragments(project->Files(), project->text_dir));
  const std::string& md = r.markdown;
  for (const char* part : {"## 一、项目基本情况", "### （二）项目绩效目标", "## 二、绩效评价结论",
                           "经评价，2023年度城乡医疗救助项目综合得分为 98.00 分，评价结果为“优”。", "## 三、指标分析",
                           "### （二）产出指标（满分 50 分，实得 48.00 分）", "#### 1. 数量指标（满分 10 分，实得 8.00 分）",
                           "## 四、存在问题", "## 五、意见和建议", "## 七、附件", "## 附件 1：项目支出绩效自评表（2023年度）",
                           "## 附件 2：评分说明", "预算执行率按比例计分"}) {
    CAPTURE(part);
    CHECK(md.find(part) != std::string::npos);
  }
  CHECK(r.html.find("<title>城乡医疗救助项目支出绩效自评报告</title>") != std::string::npos);
  CHECK(r.html.find("<section class=\"landscape self-form\">") != std::string::npos);  // [[form]]
  CHECK(r.markdown.find("[[") == std::string::npos);
  // An unknown variable in a replacement self-report template is named.
  TempDir dir;
  dir.Write("self-report.md.mustache", "# {{report_title}}\n{{counts_sentense}}\n");
  auto errs = CatchDiagnostics([&] { LoadTemplates(dir.path()); });
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].id == "template-unknown-variable");
  CHECK(errs[0].loc.line == 2);
  CHECK(errs[0].hint_name == "counts_sentence");
}

TEST_CASE("the bundled template indicators/self-evaluation.yaml writes every option at its default") {
  auto sys = LoadSystem(std::string(JIXIAO_SOURCE_DIR) + "/indicators/self-evaluation.yaml");
  CHECK(sys->SelfEvaluation());
  SelfEvaluationOptions defaults;
  const SelfEvaluationOptions& o = sys->options;
  CHECK(o.budget_rate == defaults.budget_rate);
  CHECK(o.budget_base == defaults.budget_base);
  CHECK(o.at_most == defaults.at_most);
  CHECK(o.equal == defaults.equal);
  CHECK(o.equal_tolerance == defaults.equal_tolerance);
  CHECK(o.overachievement == defaults.overachievement);
  REQUIRE(o.intervals.size() == defaults.intervals.size());
  for (size_t i = 0; i < o.intervals.size(); ++i) {
    CHECK(o.intervals[i].min == defaults.intervals[i].min);
    CHECK(o.intervals[i].share == defaults.intervals[i].share);
  }
  REQUIRE(o.tiers.size() == 3);
  CHECK(o.tiers[1].low == D("60%"));
  CHECK(sys->Find("A")->weight == D("10"));
  Decimal rest;
  for (const auto& r : sys->roots)
    if (r.code != "A") rest += r.weight;
  CHECK(rest == D("90"));
}

TEST_CASE("自评表.xlsx with another base and a 不适用 row reads back the same") {
  std::string sys = "name: 折算\nlayout: self_evaluation\noptions:\n  budget_base: 调整后预算数\nindicators:\n"
                    "  - {code: A, name: 预算执行率, weight: 10, rule: {kind: budget_rate}}\n"
                    "  - code: B\n    name: 产出指标\n    weight: 90\n    children:\n"
                    "      - code: B1\n        name: 数量指标\n        weight: 90\n        children:\n"
                    "          - {code: B11, name: 培训人数, weight: 30, rule: {kind: target}}\n"
                    "          - {code: B12, name: 安全事故数, weight: 30, rule: {kind: target}}\n"
                    "          - {code: B13, name: 新建站点数, weight: 30, rule: {kind: target}}\n";
  std::string body = "budget: {initial: 100, full_year: 120, adjusted: 110, executed: 99}\n"
                     "answers:\n"
                     "  B11: {target: ≥100人, actual: 80人, deviation_reason: 疫情影响}\n"
                     "  B12: {target: =0起, actual: 0起}\n"
                     "  B13: {not_applicable: 本年度未安排新建站点}\n";
  ScoredProject sp = Score(sys, body);
  CHECK(sp.Find("A")->score == D("9"));      // 99 ÷ 110
  CHECK(sp.Find("B11")->def->weight == D("45"));
  CHECK(sp.Find("B11")->score == D("36"));   // 80 ÷ 100 × 45
  CHECK(sp.total == D("90"));                // 9 + 36 + 45
  TempDir dir;
  std::string path = dir.path() + "/自评表.xlsx";
  RenderSelfXlsx(sp, path);
  XlsxWorkbook wb = ReadXlsx(path);
  const XlsxSheet& s = wb.sheets[0];
  CHECK(s.Text(4, 2) == "年初预算数");
  CHECK(s.Text(4, 4) == "调整后预算数");
  int row = RowWith(s, 3, "新建站点数");
  REQUIRE(row > 0);
  CHECK(s.Text(row, 6) == "不适用");
  CHECK(s.Text(row, 8) == "不适用：本年度未安排新建站点");
  CHECK(s.Text(RowWith(s, 0, "总分") + 1, 0).find("新建站点数不适用") != std::string::npos);
  TemplateSet t = LoadTemplates("");
  dir.Write("o.yaml", sys);
  ScoredProject back = ScoreProject(LoadSelfForm(path, dir.path() + "/o.yaml"));
  CHECK(back.total == D("90"));
  CHECK(back.Find("B13")->def->not_applicable);
  CHECK(back.Find("A")->score == D("9"));
  Report r = RenderReport(back, t, LoadFragments(back.project->Files(), back.project->text_dir));
  CHECK(r.markdown.find("另有新建站点数不适用，按折算计分") != std::string::npos);
}
