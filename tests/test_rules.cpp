// The rule engine: each RuleKind applied to one leaf, with exact scores at
// the boundaries the seeds and the Ministry's rules draw, and the sentence
// that explains each score.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "formula/formula.h"
#include "model/indicator.h"
#include "model/project.h"
#include "rules/kinds/all_or_nothing.h"
#include "rules/kinds/bands.h"
#include "rules/kinds/checklist.h"
#include "rules/kinds/checklist_points.h"
#include "rules/kinds/conditions.h"
#include "rules/kinds/formula.h"
#include "rules/kinds/pass_line.h"
#include "rules/kinds/proportional.h"
#include "rules/kinds/qualitative.h"
#include "rules/kinds/ratio.h"
#include "rules/kinds/steps.h"
#include "rules/rules.h"

using namespace jixiao;

namespace {

Decimal D(const char* text) {
  auto d = Decimal::Parse(text);
  REQUIRE_MESSAGE(d.has_value(), "cannot parse ", std::string(text));
  return *d;
}

Indicator Leaf(const std::string& code, const char* weight) {
  Indicator ind;
  ind.code = code;
  ind.name = code;
  ind.weight = D(weight);
  ind.level = 3;
  return ind;
}

struct Case {
  Indicator ind;
  Rule rule;
  std::map<std::string, Decimal> names;

  // Applies the rule with `value` as the rule's value (and under its name).
  RuleResult Apply(const std::optional<Decimal>& value, const Answer* answer = nullptr) {
    RuleInput in;
    in.value = value;
    if (value) in.value_text = value->ToPercent();
    in.answer = answer;
    in.lookup = [this, value](const std::string& n) -> std::optional<Decimal> {
      if (value && n == rule.value) return value;
      auto it = names.find(n);
      if (it == names.end()) return std::nullopt;
      return it->second;
    };
    return ApplyRule(ind, rule, in);
  }
  RuleResult At(const char* value) { return Apply(D(value)); }
  RuleResult With(const Answer& a) { return Apply(std::nullopt, &a); }
};

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

#define CHECK_HAS(s, part) CHECK_MESSAGE(Has((s), (part)), "explanation: ", (s), "\n   expected to contain: ", (part))

Answer Unmet(std::vector<int> unmet) {
  Answer a;
  a.unmet = std::move(unmet);
  return a;
}
Answer Met(bool met) {
  Answer a;
  a.met = met;
  return a;
}
Answer Scored(const char* score, const std::string& tier = "") {
  Answer a;
  a.score = D(score);
  a.tier = tier;
  return a;
}

Case Checklist(const char* weight, int n) {
  Case c{Leaf("A22", weight), {}, {}};
  ChecklistParams p;
  for (int i = 1; i <= n; ++i) p.items.push_back("要点" + std::to_string(i));
  c.rule.SetParams(p);
  return c;
}

Case ChecklistPoints(const char* weight, std::vector<long> points) {
  Case c{Leaf("B23", weight), {}, {}};
  ChecklistPointsParams p;
  for (size_t i = 0; i < points.size(); ++i)
    p.items.push_back({"要点" + std::to_string(i + 1), Decimal(points[i])});
  c.rule.SetParams(p);
  return c;
}

StepsParams Steps(const char* full_at, const char* step, const char* deduct, bool deduct_is_share) {
  StepsParams p;
  p.full_at = D(full_at);
  p.step = D(step);
  p.deduct = D(deduct);
  p.deduct_is_share = deduct_is_share;
  return p;
}

// 002 B12: 预算执行率≥95%，得4分；每降低5%，扣1分，扣完为止.
Case B12() {
  Case c{Leaf("B12", "4"), {}, {}};
  c.rule.SetParams(Steps("95%", "5%", "1", false));
  c.rule.value = "预算执行率";
  return c;
}

// 002 C21: ≥70%得满分；每低10%，扣20%权重分，扣完为止.
Case C21() {
  Case c{Leaf("C21", "6"), {}, {}};
  c.rule.SetParams(Steps("70%", "10%", "20%", true));
  c.rule.value = "住院救助比例";
  return c;
}

// 002 D13: 政策知晓率≥90%，得满分；否则，按比例得分.
Case D13(bool attainment) {
  Case c{Leaf("D13", "6"), {}, {}};
  ProportionalParams p;
  p.target = D("90%");
  p.attainment = attainment;
  c.rule.SetParams(p);
  c.rule.value = "政策知晓率";
  return c;
}

Band MakeBand(const char* min, const char* score) {
  Band b;
  if (min) b.min = D(min);
  if (std::string(score) == "full") {
    b.score.kind = ScoreSpec::kFull;
  } else if (Decimal::Parse(score)) {
    b.score.kind = ScoreSpec::kFixed;
    b.score.fixed = D(score);
  } else {
    b.score.kind = ScoreSpec::kFormula;
    b.score.formula = Formula::Parse(score);
  }
  return b;
}

Case Bands(const char* code, const char* weight, const std::string& value,
           std::vector<std::pair<const char*, const char*>> bands) {
  Case c{Leaf(code, weight), {}, {}};
  BandsParams p;
  for (const auto& [min, score] : bands) p.bands.push_back(MakeBand(min, score));
  c.rule.SetParams(p);
  c.rule.value = value;
  return c;
}

// 002 D31: 满意度≥90%，得满分；60%≤满意度<90%，得分=满意度×3分；满意度<60%，不得分.
Case D31() {
  return Bands("D31", "6", "救助群众满意度", {{"90%", "full"}, {"60%", "x * 3"}, {nullptr, "0"}});
}

// 财预〔2021〕101号: 预算执行率 100% → 10, ≥80% → 7, ≥60% → 5, else 0.
Case Execution101() {
  return Bands("预算执行率", "10", "预算执行率",
               {{"100%", "full"}, {"80%", "7"}, {"60%", "5"}, {nullptr, "0"}});
}

// 财预〔2021〕101号: 满意度 ≥90% → 10, ≥80% → 8, ≥60% → 5, else 0.
Case Satisfaction101() {
  return Bands("满意度指标", "10", "满意度",
               {{"90%", "full"}, {"80%", "8"}, {"60%", "5"}, {nullptr, "0"}});
}

Case PassLine(const char* weight) {
  Case c{Leaf("产出数量", weight), {}, {}};
  PassLineParams p;
  p.pass = D("60%");
  p.full = Decimal(1);
  c.rule.SetParams(p);
  c.rule.value = "完成率";
  return c;
}

Condition When(const std::string& text, const std::string& formula, long points) {
  Condition c;
  c.text = text;
  c.when = Formula::Parse(formula);
  c.points = Decimal(points);
  return c;
}

// 002 C11: 农村低收入群体参保率为100%，得3分；脱贫人口参保率≥95%，得3分.
Case C11(const char* low_income, const char* poverty) {
  Case c{Leaf("C11", "6"), {}, {}};
  ConditionsParams p;
  p.conditions = {When("农村低收入群体参保率为100%", "农村低收入群体参保率 >= 100%", 3),
                  When("脱贫人口参保率≥95%", "脱贫人口参保率 >= 95%", 3)};
  c.rule.SetParams(p);
  c.names = {{"农村低收入群体参保率", D(low_income)}, {"脱贫人口参保率", D(poverty)}};
  return c;
}

Case Qualitative() {
  Case c{Leaf("质量指标", "10"), {}, {}};
  QualitativeParams p;
  p.tiers = {{"达成", D("80%"), Decimal(1)}, {"部分达成", D("60%"), D("80%")}, {"未达成", Decimal(0), D("60%")}};
  c.rule.SetParams(p);
  return c;
}

Case FormulaRule(const char* weight, const std::string& formula) {
  Case c{Leaf("F1", weight), {}, {}};
  FormulaParams p;
  p.formula = Formula::Parse(formula);
  c.rule.SetParams(p);
  return c;
}

}  // namespace

TEST_CASE("checklist of equal points: A22, 3 points, 2 unmet → 1 of 3") {
  Case c = Checklist("3", 3);
  RuleResult r = c.With(Unmet({2, 3}));
  CHECK(r.score == Decimal(1));
  CHECK(r.explanation == "3 项评价要点中第②、③项不满足，每项 1 分，扣 2.00 分，得 1.00 分。");

  r = c.With(Unmet({}));
  CHECK(r.score == Decimal(3));
  CHECK(r.explanation == "3 项评价要点均满足，得满分 3.00 分。");

  r = c.With(Unmet({1, 2, 3}));
  CHECK(r.score == Decimal(0));
  // Order and repeats in the answer do not matter.
  r = c.With(Unmet({3, 2, 3}));
  CHECK(r.score == Decimal(1));
  CHECK_HAS(r.explanation, "第②、③项不满足");
}

TEST_CASE("checklist of equal points: shares that are not whole points stay exact") {
  // A21: 4 points worth 3 → each 0.75.
  Case a21 = Checklist("3", 4);
  RuleResult r = a21.With(Unmet({4}));
  CHECK(r.score == D("2.25"));
  CHECK(r.explanation == "4 项评价要点中第④项不满足，每项 0.75 分，扣 0.75 分，得 2.25 分。");
  // A11: 5 points worth 3 → each 0.6.
  CHECK(Checklist("3", 5).With(Unmet({1, 5})).score == D("1.8"));
  // 3 points worth 5: a third is not a finite decimal, yet all three unmet is exactly 0.
  Case thirds = Checklist("5", 3);
  r = thirds.With(Unmet({1}));
  CHECK(r.score == Decimal(10) / Decimal(3));
  CHECK(r.score.Round(2) == D("3.33"));
  CHECK_HAS(r.explanation, "每项 1.67 分，扣 1.67 分，得 3.33 分");
  CHECK(thirds.With(Unmet({1, 2, 3})).score == Decimal(0));
}

TEST_CASE("checklist of explicit points: B23 ① and ② unmet → 2 of 4") {
  Case c = ChecklistPoints("4", {1, 1, 2});
  RuleResult r = c.With(Unmet({1, 2}));
  CHECK(r.score == Decimal(2));
  CHECK(r.explanation == "满足第③项，合计 2.00 分；第①、②项不满足，得 2.00 分。");

  r = c.With(Unmet({3}));
  CHECK(r.score == Decimal(2));
  r = c.With(Unmet({}));
  CHECK(r.score == Decimal(4));
  CHECK(r.explanation == "满足第①、②、③项，合计 4.00 分，得 4.00 分。");
  r = c.With(Unmet({1, 2, 3}));
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "各项均不满足；第①、②、③项不满足，得 0.00 分。");
}

TEST_CASE("checklist of explicit points: B21 points exceeding the weight are capped") {
  // B21: three points of 1 under a weight of 2.
  Case c = ChecklistPoints("2", {1, 1, 1});
  RuleResult r = c.With(Unmet({}));
  CHECK(r.score == Decimal(2));
  CHECK(r.explanation == "满足第①、②、③项，合计 3.00 分，超过满分按 2.00 分计，得 2.00 分。");
  r = c.With(Unmet({2}));
  CHECK(r.score == Decimal(2));
  CHECK_FALSE(Has(r.explanation, "超过满分"));
  r = c.With(Unmet({2, 3}));
  CHECK(r.score == Decimal(1));
}

TEST_CASE("ratio × weight, capped: B11 资金到位率 × 2") {
  Case c{Leaf("B11", "2"), {}, {}};
  c.rule.kind = RuleKind::kRatio;
  c.rule.value = "资金到位率";
  RuleResult r = c.At("100%");
  CHECK(r.score == Decimal(2));
  CHECK(r.explanation == "资金到位率 100.00% × 权重 2 = 2.00 分。");
  r = c.At("90.56%");
  CHECK(r.score == D("1.8112"));
  CHECK(r.score.Round(2) == D("1.81"));
  // Above 100% the score stops at the weight.
  r = c.At("120%");
  CHECK(r.score == Decimal(2));
  CHECK(r.explanation == "资金到位率 120.00% × 权重 2 = 2.40 分，最高得 2.00 分。");
  CHECK(c.At("0%").score == Decimal(0));
  // A stated cap below the weight.
  RatioParams capped;
  capped.cap = D("1.5");
  c.rule.SetParams(capped);
  CHECK(c.At("90%").score == D("1.5"));
  CHECK_HAS(c.At("90%").explanation, "最高得 1.50 分");
  CHECK(c.At("70%").score == D("1.4"));
}

TEST_CASE("steps: B12 预算执行率 boundaries (95% → 4, 94.99% → 3, 85% → 2, far below → 0)") {
  Case c = B12();
  RuleResult r = c.At("95%");
  CHECK(r.score == Decimal(4));
  CHECK(r.explanation == "预算执行率 95.00%，不低于 95%，得满分 4.00 分。");
  CHECK(c.At("100%").score == Decimal(4));

  r = c.At("94.99%");
  CHECK(r.score == Decimal(3));  // a partial step counts as a step
  CHECK(r.explanation ==
        "预算执行率 94.99%，低于 95%，按每降低 5% 扣 1 分（不足一档按一档计）计 1 档，扣 1.00 分，得 3.00 分。");
  CHECK(c.At("90.56%").score == Decimal(3));  // 002's figure
  CHECK(c.At("90%").score == Decimal(3));     // exactly one step
  CHECK(c.At("89.99%").score == Decimal(2));
  r = c.At("85.00%");
  CHECK(r.score == Decimal(2));
  CHECK_HAS(r.explanation, "计 2 档，扣 2.00 分，得 2.00 分");
  CHECK(c.At("80%").score == Decimal(1));
  CHECK(c.At("79.99%").score == Decimal(0));

  // 扣完为止: never below zero.
  r = c.At("75%");
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "扣 4.00 分（扣完为止），得 0.00 分");
  r = c.At("10%");
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "计 17 档，扣 4.00 分（扣完为止），得 0.00 分");
  CHECK(c.At("0%").score == Decimal(0));
}

TEST_CASE("steps: C21 deducts a share of the weight (每低10%，扣20%权重分)") {
  Case c = C21();
  CHECK(c.At("70%").score == Decimal(6));
  CHECK(c.At("85%").score == Decimal(6));
  RuleResult r = c.At("69.99%");
  CHECK(r.score == D("4.8"));
  CHECK(r.explanation ==
        "住院救助比例 69.99%，低于 70%，按每降低 10% 扣 20% 权重分（1.2 分）（不足一档按一档计）计 1 档，扣 1.20 分，得 4.80 分。");
  CHECK(c.At("60%").score == D("4.8"));
  CHECK(c.At("59.99%").score == D("3.6"));
  CHECK(c.At("30%").score == D("1.2"));
  r = c.At("20%");
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "（扣完为止）");
  // Six steps would take 7.2 of 6: floored at 0, not negative.
  r = c.At("10%");
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "计 6 档，扣 6.00 分（扣完为止），得 0.00 分");
}

TEST_CASE("proportional, value reading: D13 知晓率 × 6, full at 90%") {
  Case c = D13(false);
  RuleResult r = c.At("90%");  // exactly the target: full
  CHECK(r.score == Decimal(6));
  CHECK(r.explanation == "政策知晓率 90.00%，达到 90%，得满分 6.00 分。");
  CHECK(c.At("95%").score == Decimal(6));
  r = c.At("78.43%");  // 80/102 as displayed
  CHECK(r.score == D("4.7058"));  // unrounded; scoring rounds
  CHECK(r.score.Round(2) == D("4.71"));
  CHECK(r.explanation == "政策知晓率 78.43%，低于 90%，按比例得分：78.43% × 6 = 4.71 分。");
  r = c.At("89.99%");
  CHECK(r.score == D("5.3994"));
  CHECK(r.score.Round(2) == D("5.40"));
  CHECK(c.At("0%").score == Decimal(0));
}

TEST_CASE("proportional, attainment reading: 完成值/指标值 × 分值") {
  Case c = D13(true);
  CHECK(c.At("90%").score == Decimal(6));
  RuleResult r = c.At("81%");
  CHECK(r.score == D("5.4"));  // 81/90 × 6, not 81% × 6 = 4.86
  CHECK(r.explanation == "政策知晓率 81.00%，低于 90%，按完成比例得分：81.00% ÷ 90% × 6 = 5.40 分。");
  r = c.At("78.43%");
  CHECK(r.score.Round(2) == D("5.23"));  // 0.7843 / 0.9 × 6 = 5.2286…
  CHECK(c.At("89.99%").score.Round(2) == D("6.00"));  // 5.9993… displays as 6.00
  CHECK(c.At("89.99%").score < Decimal(6));
}

TEST_CASE("bands with a formula: D31 满意度 × 3 between 60% and 90%") {
  Case c = D31();
  RuleResult r = c.At("92.04%");
  CHECK(r.score == Decimal(6));
  CHECK(r.explanation == "救助群众满意度 92.04%，不低于 90%，得满分 6.00 分。");
  CHECK(c.At("90%").score == Decimal(6));

  r = c.At("89.99%");
  CHECK(r.score == D("2.6997"));  // ApplyRule does not round
  CHECK(r.score.Round(2) == D("2.70"));
  CHECK(r.explanation ==
        "救助群众满意度 89.99%，在 60% 至 90% 之间，按 x * 3 计算（x 为救助群众满意度）得 2.70 分。");
  r = c.At("60%");
  CHECK(r.score == D("1.8"));
  CHECK(r.score.Round(2) == D("1.80"));
  r = c.At("59.99%");
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "救助群众满意度 59.99%，低于 60%，得 0.00 分。");
  CHECK(c.At("0%").score == Decimal(0));
}

TEST_CASE("bands: 财预〔2021〕101号 预算执行率 intervals 10/7/5/0") {
  Case c = Execution101();
  RuleResult r = c.At("100%");
  CHECK(r.score == Decimal(10));
  CHECK(r.explanation == "预算执行率 100.00%，不低于 100%，得满分 10.00 分。");
  r = c.At("99.99%");
  CHECK(r.score == Decimal(7));
  CHECK(r.explanation == "预算执行率 99.99%，在 80% 至 100% 之间，得 7.00 分。");
  CHECK(c.At("80%").score == Decimal(7));
  CHECK(c.At("79.99%").score == Decimal(5));
  CHECK(c.At("60%").score == Decimal(5));
  r = c.At("59.99%");
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "预算执行率 59.99%，低于 60%，得 0.00 分。");
  CHECK(c.At("0%").score == Decimal(0));
}

TEST_CASE("bands: 财预〔2021〕101号 满意度 intervals 10/8/5/0") {
  Case c = Satisfaction101();
  CHECK(c.At("100%").score == Decimal(10));
  CHECK(c.At("90%").score == Decimal(10));
  CHECK(c.At("89.99%").score == Decimal(8));
  CHECK(c.At("80%").score == Decimal(8));
  CHECK(c.At("79.99%").score == Decimal(5));
  CHECK(c.At("60%").score == Decimal(5));
  CHECK(c.At("59.99%").score == Decimal(0));
}

TEST_CASE("bands: below every band without an else band is 0, with a sentence") {
  Case c = Bands("X1", "4", "比率", {{"90%", "full"}, {"60%", "2"}});
  RuleResult r = c.At("50%");
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "比率 50.00%，不在任何评分区间内，得 0 分。");
}

TEST_CASE("bands: a formula result is kept between 0 and the weight") {
  // x * 3 under a weight of 2: 90% → 2.7, limited to 2.
  Case c = Bands("X2", "2", "比率", {{"60%", "x * 3"}, {nullptr, "x - 1"}});
  RuleResult r = c.At("90%");
  CHECK(r.score == Decimal(2));
  CHECK_HAS(r.explanation, "得 2.00 分（限于 0 至满分）");
  r = c.At("50%");  // 50% − 1 is negative: 0
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "（限于 0 至满分）");
  // weight is a name the formula may use.
  Case w = Bands("X3", "5", "比率", {{"0%", "x * weight"}});
  CHECK(w.At("50%").score == D("2.5"));
}

TEST_CASE("pass line: (完成率 − 60%) / (1 − 60%) × 分值, 0 below 60%") {
  Case c = PassLine("10");
  RuleResult r = c.At("100%");
  CHECK(r.score == Decimal(10));
  CHECK(r.explanation == "完成率 100.00%，达到 100%，得满分 10.00 分。");
  r = c.At("80%");
  CHECK(r.score == Decimal(5));
  CHECK(r.explanation == "完成率 80.00%：(80.00% − 60%) ÷ (100% − 60%) × 10 = 5.00 分。");
  CHECK(c.At("90%").score == D("7.5"));
  CHECK(c.At("61%").score == D("0.25"));
  CHECK(c.At("99.99%").score == D("9.9975"));
  CHECK(c.At("60%").score == Decimal(0));
  r = c.At("59.99%");
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "完成率 59.99%，低于及格线 60%，得 0 分。");
  // A weight that does not divide evenly stays exact until display.
  Case odd = PassLine("6");
  CHECK(odd.At("70%").score == D("1.5"));
  CHECK(odd.At("78.43%").score.Round(2) == D("2.76"));  // 0.1843 / 0.4 × 6 = 2.7645
}

TEST_CASE("all or nothing: by the evaluator's answer") {
  Case c{Leaf("C12", "6"), {}, {}};
  c.rule.kind = RuleKind::kAllOrNothing;
  RuleResult r = c.With(Met(true));
  CHECK(r.score == Decimal(6));
  CHECK(r.explanation == "满足要求，得满分 6.00 分。");
  r = c.With(Met(false));
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "不满足要求，得 0 分。");
}

TEST_CASE("all or nothing: by a `when` formula (C41 发现1例不符合标准的，得0分)") {
  Case c{Leaf("C41", "6"), {}, {}};
  AllOrNothingParams p;
  p.when = Formula::Parse("不符合救助标准例数 == 0");
  c.rule.SetParams(p);
  c.names = {{"不符合救助标准例数", Decimal(0)}};
  CHECK(c.Apply(std::nullopt).score == Decimal(6));
  c.names["不符合救助标准例数"] = Decimal(1);
  RuleResult r = c.Apply(std::nullopt);
  CHECK(r.score == Decimal(0));
  CHECK(r.explanation == "不满足要求，得 0 分。");
  // The formula decides even when an answer is present.
  Answer says_met = Met(true);
  CHECK(c.Apply(std::nullopt, &says_met).score == Decimal(0));
  // A name the project lacks is an error, not a zero.
  c.names.clear();
  CHECK_THROWS_AS(c.Apply(std::nullopt), FormulaError);
}

TEST_CASE("conditions: C11 100% and 99% → 6, each condition counted on its own") {
  RuleResult r = C11("100%", "99%").Apply(std::nullopt);
  CHECK(r.score == Decimal(6));
  CHECK(r.explanation ==
        "“农村低收入群体参保率为100%”满足，得 3.00 分；“脱贫人口参保率≥95%”满足，得 3.00 分；合计得 6.00 分。");
  r = C11("99.99%", "95%").Apply(std::nullopt);
  CHECK(r.score == Decimal(3));
  CHECK(r.explanation ==
        "“农村低收入群体参保率为100%”不满足，得 0.00 分；“脱贫人口参保率≥95%”满足，得 3.00 分；合计得 3.00 分。");
  CHECK(C11("100%", "94.99%").Apply(std::nullopt).score == Decimal(3));
  CHECK(C11("99%", "94.99%").Apply(std::nullopt).score == Decimal(0));
}

TEST_CASE("conditions: points beyond the weight are capped") {
  Case c{Leaf("C99", "5"), {}, {}};
  ConditionsParams p;
  p.conditions = {When("甲", "a > 0", 3), When("乙", "b > 0", 3)};
  c.rule.SetParams(p);
  c.names = {{"a", Decimal(1)}, {"b", Decimal(1)}};
  RuleResult r = c.Apply(std::nullopt);
  CHECK(r.score == Decimal(5));
  CHECK_HAS(r.explanation, "合计得 5.00 分。");
}

TEST_CASE("qualitative: the evaluator's score within the chosen tier") {
  Case c = Qualitative();
  RuleResult r = c.With(Scored("9", "达成"));
  CHECK(r.score == Decimal(9));
  CHECK(r.explanation == "评价为“达成”（80%–100% 权重分），得 9.00 分。");
  r = c.With(Scored("7.5", "部分达成"));
  CHECK(r.score == D("7.5"));
  CHECK(r.explanation == "评价为“部分达成”（60%–80% 权重分），得 7.50 分。");
  r = c.With(Scored("3", "未达成"));
  CHECK(r.score == Decimal(3));
  CHECK_HAS(r.explanation, "“未达成”（0%–60% 权重分）");
}

TEST_CASE("manual: the evaluator's score, full or not") {
  Case c{Leaf("D21", "6"), {}, {}};
  c.rule.kind = RuleKind::kManual;
  RuleResult r = c.With(Scored("3"));
  CHECK(r.score == Decimal(3));
  CHECK(r.explanation == "评价组评定得 3.00 分（满分 6 分）。");
  r = c.With(Scored("6"));
  CHECK(r.score == Decimal(6));
  CHECK(r.explanation == "评价组评定得满分 6.00 分。");
  CHECK(c.With(Scored("0")).score == Decimal(0));
}

TEST_CASE("formula: a custom expression, clamped between 0 and the weight") {
  Case c = FormulaRule("5", "完成人数 / 计划人数 * weight");
  c.names = {{"完成人数", Decimal(800)}, {"计划人数", Decimal(1000)}};
  RuleResult r = c.Apply(std::nullopt);
  CHECK(r.score == Decimal(4));
  CHECK(r.explanation == "按公式 完成人数 / 计划人数 * weight 计算得 4.00 分。");
  c.names["完成人数"] = Decimal(1200);
  r = c.Apply(std::nullopt);
  CHECK(r.score == Decimal(5));
  CHECK(r.explanation == "按公式 完成人数 / 计划人数 * weight 计算得 5.00 分（限于 0 至满分）。");
  Case neg = FormulaRule("5", "a - 10");
  neg.names = {{"a", Decimal(3)}};
  r = neg.Apply(std::nullopt);
  CHECK(r.score == Decimal(0));
  CHECK_HAS(r.explanation, "（限于 0 至满分）");
  // Exact and unrounded: 2/3 of 5.
  Case third = FormulaRule("5", "weight * 2 / 3");
  CHECK(third.Apply(std::nullopt).score == Decimal(10) / Decimal(3));
  CHECK(third.Apply(std::nullopt).score.Round(2) == D("3.33"));
}

TEST_CASE("formula: division by zero reaches the caller as a FormulaError") {
  Case c = FormulaRule("5", "完成人数 / 计划人数 * weight");
  c.names = {{"完成人数", Decimal(800)}, {"计划人数", Decimal(0)}};
  CHECK_THROWS_AS(c.Apply(std::nullopt), FormulaError);
}

TEST_CASE("CircledNumber and RuleKindName") {
  CHECK(CircledNumber(1) == "①");
  CHECK(CircledNumber(3) == "③");
  CHECK(CircledNumber(20) == "⑳");
  CHECK(CircledNumber(21) == "(21)");
  CHECK(std::string(RuleKindName(RuleKind::kChecklist)) == "checklist");
  CHECK(std::string(RuleKindName(RuleKind::kChecklistPoints)) == "checklist_points");
  CHECK(std::string(RuleKindName(RuleKind::kRatio)) == "ratio");
  CHECK(std::string(RuleKindName(RuleKind::kSteps)) == "steps");
  CHECK(std::string(RuleKindName(RuleKind::kProportional)) == "proportional");
  CHECK(std::string(RuleKindName(RuleKind::kBands)) == "bands");
  CHECK(std::string(RuleKindName(RuleKind::kAllOrNothing)) == "all_or_nothing");
  CHECK(std::string(RuleKindName(RuleKind::kConditions)) == "conditions");
  CHECK(std::string(RuleKindName(RuleKind::kQualitative)) == "qualitative");
  CHECK(std::string(RuleKindName(RuleKind::kManual)) == "manual");
  CHECK(std::string(RuleKindName(RuleKind::kFormula)) == "formula");
  CHECK(std::string(RuleKindName(RuleKind::kPassLine)) == "pass_line");
}
