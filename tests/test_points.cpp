// The points rule (要点) from YAML to score: shares (equal, fractions,
// percentages, 分), each point's way of scoring, per-object deductions, the
// evaluator's partial deduction on one point, not assessable for a point and
// for an indicator, and the errors a wrong system or answer gets.
#include <doctest/doctest.h>

#include <string>

#include "load/load.h"
#include "rules/kinds/points.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;

namespace {

// A system of two leaves: P (the rule under test, weight `weight`) and Q
// (manual, 10 − weight), and a project answering both.
struct PointsCase {
  testing::TempDir dir;
  std::string rule, answer, values;
  std::string weight = "6";

  ScoredProject Score() {
    Decimal w = *Decimal::Parse(weight);
    std::string other = (Decimal(10) - w).ToExactString();
    dir.Write("sys.yaml", "name: 体系\ntotal: 10\nindicators:\n"
                          "  - code: P\n    name: 要点指标\n    weight: " + weight + "\n    rule:\n" + rule +
                          "  - code: Q\n    name: 其他\n    weight: " + other + "\n    rule: {kind: manual}\n");
    dir.Write("project.yaml", "system: sys.yaml\nproject: {name: 项目, year: 2024}\n" + values +
                                  "answers:\n  Q: {score: " + other + "}\n" + answer);
    return ScoreProject(LoadProject(dir.path()));
  }
  std::vector<Diagnostic> Errors() {
    return testing::CatchDiagnostics([&] { Score(); });
  }
};

std::string Score(const ScoredProject& sp, const char* code) { return sp.Find(code)->score.ToFixed(2); }
std::string Why(const ScoredProject& sp, const char* code) { return sp.Find(code)->explanation; }
bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
#define CHECK_HAS(s, part) CHECK_MESSAGE(Has((s), (part)), "text: ", (s), "\n   expected to contain: ", (part))

}  // namespace

TEST_CASE("points: equal shares, all met → full marks, said in one sentence") {
  PointsCase c;
  c.rule = "      kind: points\n      points: [依据充分, 程序规范, 资料齐全]\n";
  c.answer = "  P: {points: {}}\n";
  auto sp = c.Score();
  CHECK(Score(sp, "P") == "6.00");
  CHECK_HAS(Why(sp, "P"), "3 项评价要点均满足，得满分 6 分");
  CHECK(sp.total.ToFixed(2) == "10.00");
}

TEST_CASE("points: 要点①②③④各占1/4, each scored by its own deviation (按偏差率扣除相应权重分值)") {
  PointsCase c;
  c.weight = "4";
  c.rule =
      "      kind: points\n      points:\n"
      "        - {text: 数量, share: 1/4, deviation: 数量偏差率}\n"
      "        - {text: 质量, share: 1/4, deviation: 质量偏差率}\n"
      "        - {text: 时效, share: 1/4, deviation: 时效偏差率}\n"
      "        - {text: 成本, share: 1/4, deviation: 成本偏差率}\n";
  c.values = "values:\n  数量偏差率: 0%\n  质量偏差率: 12.5%\n  时效偏差率: -40%\n  成本偏差率: 150%\n";
  c.answer = "";
  auto sp = c.Score();
  // 1 + (1 − 0.125) + (1 − 0.4) + 0 = 1 + 0.875 → 0.88 + 0.60 + 0 = 2.48 (each point rounded, then summed).
  CHECK(Score(sp, "P") == "2.48");
  const std::string why = Why(sp, "P");
  CHECK_HAS(why, "要点②偏差率 12.50%，扣除相应分值，得 0.88 分");
  CHECK_HAS(why, "要点③偏差率 40.00%");
  CHECK_HAS(why, "要点④偏差率 150.00%，扣除相应分值，得 0 分");
  CHECK_HAS(why, "其余 1 项要点满足");
  CHECK_HAS(why, "合计得 2.48 分");
}

TEST_CASE("points: ①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分") {
  PointsCase c;
  c.weight = "5";
  c.rule =
      "      kind: points\n      points:\n"
      "        - {text: 制度健全, share: 10%}\n"
      "        - {text: 资料完整, share: 80%, per_failure: 20%, zero_at: 5}\n"
      "        - {text: 按时报送, share: 10%}\n";
  SUBCASE("two failures: ② keeps 60% of its 4 分") {
    c.answer = "  P: {points: {2: {failures: 2}}, reason: 两项资料缺失}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "3.40");  // 0.5 + 4 × 0.6 + 0.5
    CHECK_HAS(Why(sp, "P"), "要点②不满足 2 项，每项扣该要点 20%，得 2.4 分");
    CHECK(sp.Find("P")->reason == "两项资料缺失");
  }
  SUBCASE("five failures: the floor, ② scores 0, and ③ not met") {
    c.answer = "  P: {points: {2: {failures: 5}, 3: unmet}, reason: 资料缺失，未按时报送}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "0.50");
    CHECK_HAS(Why(sp, "P"), "要点②不满足 5 项，5 项及以上不得分，扣 4 分");
    CHECK_HAS(Why(sp, "P"), "要点③不满足，扣 0.5 分");
  }
  SUBCASE("four failures of 20% leave 20%, not below") {
    c.answer = "  P: {points: {2: {failures: 4}}, reason: 四项缺失}\n";
    CHECK(Score(c.Score(), "P") == "1.80");  // 0.5 + 0.8 + 0.5
  }
}

TEST_CASE("points: 每出现一项不满足扣该要点1/3，三项及以上不得分 stays exact in thirds") {
  PointsCase c;
  c.weight = "3";
  c.rule = "      kind: points\n      points:\n        - {text: 规范, per_failure: 1/3, zero_at: 3}\n"
           "        - 及时\n";
  c.answer = "  P: {points: {1: {failures: 1}}, reason: 一项不规范}\n";
  auto sp = c.Score();
  // ① 1.5 × 2/3 = 1 exactly; ② 1.5.
  CHECK(Score(sp, "P") == "2.50");
  CHECK_HAS(Why(sp, "P"), "每项扣该要点 1/3");
}

TEST_CASE("points: 不满足时，各要点得分为：及时率×权重分值 (a rate-scored point)") {
  PointsCase c;
  c.weight = "2";
  c.rule = "      kind: points\n      points:\n        - {text: 及时拨付, rate: 及时率}\n        - {text: 足额拨付, rate: 足额率}\n";
  c.values = "values:\n  及时率: 85%\n  足额率: 100%\n";
  auto sp = c.Score();
  CHECK(Score(sp, "P") == "1.85");
  CHECK_HAS(Why(sp, "P"), "要点①及时率 85.00% × 1 分，得 0.85 分");
}

TEST_CASE("points: per-object deductions after the points (每发现一家对象不达标，扣指标分值的10%)") {
  PointsCase c;
  c.weight = "5";
  c.rule = "      kind: points\n      points: [协议签订, 考核开展]\n      per_object: 10%\n      object: 定点医疗机构不达标\n";
  SUBCASE("two objects take 20% of the weight") {
    c.answer = "  P: {points: {}, objects: 2, reason: 两家不达标}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "4.00");
    CHECK_HAS(Why(sp, "P"), "发现 2 家定点医疗机构不达标，每家扣指标分值的 10%，扣 1 分");
  }
  SUBCASE("deductions stop at zero") {
    c.answer = "  P: {points: {1: unmet, 2: unmet}, objects: 3, reason: 均未落实}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "0.00");
    CHECK_HAS(Why(sp, "P"), "扣完为止");
  }
  SUBCASE("the count is required") {
    c.answer = "  P: {points: {}}\n";
    auto errors = c.Errors();
    REQUIRE(testing::WithId(errors, "missing-answer-field").size() == 1);
    CHECK(testing::WithId(errors, "missing-answer-field")[0].indicator == "P");
  }
}

TEST_CASE("points: the evaluator's partial deduction on one point (2.40 of 3) with its reason") {
  PointsCase c;
  c.rule = "      kind: points\n      points:\n        - {text: 制度, points: 3}\n        - {text: 执行, points: 3}\n";
  SUBCASE("stated beside the rule's result") {
    c.answer = "  P: {points: {2: {score: 2.4, reason: 部分台账未及时更新}}}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "5.40");
    CHECK_HAS(Why(sp, "P"), "要点②按评分标准得 3 分，评价组调整为 2.4 分（部分台账未及时更新）");
  }
  SUBCASE("a point's score above its share is an error at the point") {
    c.answer = "  P: {points: {2: {score: 3.5, reason: 多}}}\n";
    auto errors = c.Errors();
    REQUIRE(testing::WithId(errors, "point-score-above-share").size() == 1);
    CHECK(testing::WithId(errors, "point-score-above-share")[0].loc.line == 5);  // P's answer
  }
  SUBCASE("below its share without a reason is an error") {
    c.answer = "  P: {points: {2: {score: 2.4}}}\n";
    CHECK(testing::WithId(c.Errors(), "score-needs-reason").size() == 1);
  }
}

TEST_CASE("points: a manual point needs the evaluator's score") {
  PointsCase c;
  c.rule = "      kind: points\n      points:\n        - 制度健全\n        - {text: 实施效果, manual: true}\n";
  SUBCASE("scored") {
    c.answer = "  P: {points: {2: {score: 2, reason: 效果一般}}}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "5.00");
    CHECK_HAS(Why(sp, "P"), "要点②评价组评定得 2 分（满分 3 分）（效果一般）");
  }
  SUBCASE("missing") {
    c.answer = "  P: {points: {}}\n";
    auto errors = c.Errors();
    REQUIRE(testing::WithId(errors, "point-needs-score").size() == 1);
    CHECK_HAS(testing::WithId(errors, "point-needs-score")[0].message.zh, "要点②");
  }
}

TEST_CASE("points: not assessable — a point at full share, or its share spread over the rest") {
  PointsCase c;
  c.rule = "      kind: points\n      points: [签约, 考核, 结算]\n";
  SUBCASE("full: 暂不扣分") {
    c.answer = "  P: {points: {2: {not_assessable: full, reason: 考核期未满}, 3: unmet}, reason: 未结算}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "4.00");
    CHECK_HAS(Why(sp, "P"), "要点②本年度不具备评价条件（考核期未满），暂不扣分");
  }
  SUBCASE("rescale: the other two points share 6 分") {
    c.answer = "  P: {points: {2: {not_assessable: rescale, reason: 考核期未满}, 3: unmet}, reason: 未结算}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "3.00");  // ① 3 of 3, ③ 0 of 3
    CHECK_HAS(Why(sp, "P"), "其分值按比例计入其余要点");
  }
  SUBCASE("without a reason") {
    c.answer = "  P: {points: {2: {not_assessable: full}}}\n";
    CHECK(testing::WithId(c.Errors(), "not-assessable-needs-reason").size() == 1);
  }
}

TEST_CASE("not assessable for a whole indicator: full marks said as such, or its weight rescaled") {
  PointsCase c;
  c.rule = "      kind: points\n      points: [签约, 考核]\n";
  SUBCASE("full") {
    c.answer = "  P: {not_assessable: full, reason: 项目尚未完工}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "6.00");
    CHECK_HAS(Why(sp, "P"), "该指标本年度不具备评价条件（项目尚未完工），暂不扣分，按满分 6 分计");
  }
  SUBCASE("rescale: Q carries the system's 10 分") {
    c.answer = "  P: {not_assessable: rescale, reason: 项目尚未完工}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "0.00");
    CHECK(sp.Find("Q")->def->weight.ToFixed(2) == "10.00");
    CHECK_HAS(Why(sp, "P"), "不具备评价条件");
  }
  SUBCASE("a word other than full or rescale") {
    c.answer = "  P: {not_assessable: yes, reason: 项目尚未完工}\n";
    CHECK(testing::WithId(c.Errors(), "bad-choice").size() == 1);
  }
}

TEST_CASE("points: errors in the system name the line and what was expected") {
  PointsCase c;
  c.answer = "  P: {points: {}}\n";
  SUBCASE("shares that do not add up") {
    c.rule = "      kind: points\n      points:\n        - {text: 甲, share: 50%}\n        - {text: 乙, share: 30%}\n";
    auto errors = c.Errors();
    REQUIRE(testing::WithId(errors, "point-shares-sum").size() == 1);
    CHECK_HAS(testing::WithId(errors, "point-shares-sum")[0].message.zh, "4.8");
  }
  SUBCASE("a share that is not a share") {
    c.rule = "      kind: points\n      points:\n        - {text: 甲, share: 一半}\n        - 乙\n";
    CHECK(testing::WithId(c.Errors(), "expected-share").size() == 1);
  }
  SUBCASE("two ways of scoring one point") {
    c.rule = "      kind: points\n      points:\n        - {text: 甲, per_failure: 20%, manual: true}\n";
    CHECK(testing::WithId(c.Errors(), "point-kind-twice").size() == 1);
  }
  SUBCASE("an answer for a point that does not exist") {
    c.rule = "      kind: points\n      points: [甲, 乙]\n";
    c.answer = "  P: {points: {3: unmet}}\n";
    CHECK(testing::WithId(c.Errors(), "no-such-point").size() == 1);
  }
  SUBCASE("failures on a met/not-met point") {
    c.rule = "      kind: points\n      points: [甲, 乙]\n";
    c.answer = "  P: {points: {1: {failures: 2}}}\n";
    CHECK(testing::WithId(c.Errors(), "point-answer-not-for-kind").size() == 1);
  }
  SUBCASE("no answer at all") {
    c.rule = "      kind: points\n      points: [甲, 乙]\n";
    c.answer = "";
    CHECK(testing::WithId(c.Errors(), "missing-answer").size() == 1);
  }
}

TEST_CASE("steps: whole steps and the continuous reading, each named in its sentence") {
  PointsCase c;
  c.weight = "5";
  c.answer = "";
  c.values = "values:\n  执行率: 97.5%\n";
  SUBCASE("whole (the default): 2.5% below is three 1% steps") {
    c.rule = "      {kind: steps, value: 执行率, full_at: 100%, step: 1%, deduct_share: 5%}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "4.25");  // 5 − 3 × 0.25
    CHECK_HAS(Why(sp, "P"), "不足一档按一档计");
  }
  SUBCASE("continuous: 每降低1%扣5% reads 2.5% below as 12.5% of the weight") {
    c.rule = "      {kind: steps, value: 执行率, full_at: 100%, step: 1%, deduct_share: 5%, reading: continuous}\n";
    auto sp = c.Score();
    CHECK(Score(sp, "P") == "4.38");  // 5 − 0.625 = 4.375 → 4.38
    CHECK_HAS(Why(sp, "P"), "按比例连续计算");
  }
  SUBCASE("a reading that is neither") {
    c.rule = "      {kind: steps, value: 执行率, full_at: 100%, step: 1%, deduct: 1, reading: partial}\n";
    CHECK(testing::WithId(c.Errors(), "bad-choice").size() == 1);
  }
}

TEST_CASE("formula: its description is the sentence, not the raw formula") {
  PointsCase c;
  c.weight = "4";
  c.answer = "";
  c.values = "values:\n  到位资金: 90\n  预算资金: 100\n";
  c.rule = "      kind: formula\n      formula: weight * 到位资金 / 预算资金\n"
           "      description: 按到位资金占预算资金的比例计分\n";
  auto sp = c.Score();
  CHECK(Score(sp, "P") == "3.60");
  CHECK(Why(sp, "P") == "按到位资金占预算资金的比例计分，得 3.6 分。");
}

TEST_CASE("an unquoted formula with ? : says to quote it") {
  PointsCase c;
  c.answer = "";
  c.values = "values:\n  完成率: 90%\n";
  c.rule = "      kind: formula\n      formula: 完成率 >= 0.9 ? weight : 0\n";
  auto errors = c.Errors();
  REQUIRE(testing::WithId(errors, "yaml-unquoted-formula").size() == 1);
  const Diagnostic& d = testing::WithId(errors, "yaml-unquoted-formula")[0];
  CHECK(d.loc.line == 9);  // the formula's line in sys.yaml
  CHECK_HAS(d.message.zh, "formula: \"完成率 >= 0.9 ? weight : 0\"");
}

TEST_CASE("limits: more than kMaxScoringPoints points is an error at the list") {
  PointsCase c;
  c.answer = "  P: {points: {}}\n";
  std::string list;
  for (size_t i = 0; i <= kMaxScoringPoints; ++i) list += (i ? ", " : "") + std::string("要点") + std::to_string(i);
  c.rule = "      kind: points\n      points: [" + list + "]\n";
  auto errors = c.Errors();
  REQUIRE(testing::WithId(errors, "too-many-points").size() == 1);
  CHECK(testing::WithId(errors, "too-many-points")[0].loc.line == 9);
}
