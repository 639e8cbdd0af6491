// Self-evaluation: every target form and direction, each tier boundary, the
// 预算执行率 variants and its cap, over-achievement, 不适用 and 折算计分,
// the project's budget and tables, and the errors each rule raises.
#include <doctest/doctest.h>

#include <string>

#include "load.h"
#include "score.h"
#include "self_evaluation.h"
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
  CHECK(sp.Find("B")->explanation.find("(1 − (1250000 − 1000000) ÷ 1000000) × 10 = 7.5 分") != std::string::npos);
}

TEST_CASE("target =: exact or within the tolerance; = 0 is all or nothing") {
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
  for (const auto& [tier, score] : std::vector<std::pair<std::string, std::string>>{
           {"达成", "7.99"}, {"部分达成", "8"}, {"部分达成", "5.99"}, {"未达成", "6"}}) {
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
  CHECK(WithId(ErrorsB("{target: ≥70%, actual: 70}"), "unit-mismatch").size() == 1);
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
        "按评分规则：年度指标值 ≥241000人，实际完成值 3304人，未完成指标，按“实际完成值 ÷ 年度指标值 × 分值”计分：3304 ÷ 241000 × 10 = 0.14 分。评价组调整为 8 分。");
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
        "预算执行率 = 全年执行数 120 ÷ 全年预算数 100 = 120.00%；得分 = 120.00% × 10 = 12 分，最高 10 分。");
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
  CHECK(notes[0] == "预算执行率按区间计分（budget_rate: intervals_101）：执行率 ≥ 100% 得分值的 100%；80%（含）至 100% 得分值的 70%；60%（含）至 80% 得分值的 50%；低于 60% 得分值的 0%。");
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
