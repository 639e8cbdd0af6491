// End to end over the bundled cases: inputs/<case>/project.yaml and the
// indicator system it names, loaded, scored and checked against the
// figures the seeds publish (or, where a seed adds up wrongly, the figures
// that tie out).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/load.h"
#include "render/render.h"
#include "score/score.h"

using jixiao::Decimal;

namespace {

std::string CaseDir(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/inputs/" + name;
}

jixiao::ScoredProject ScoreCase(const std::string& name) {
  return jixiao::ScoreProject(jixiao::LoadProject(CaseDir(name)));
}

Decimal D(const char* text) { return *Decimal::Parse(text); }

Decimal ScoreOf(const jixiao::ScoredProject& sp, const std::string& code) {
  const jixiao::ScoredIndicator* s = sp.Find(code);
  REQUIRE_MESSAGE(s != nullptr, "no indicator " << code);
  return s->score;
}

}  // namespace

TEST_CASE("jiaocheng-2024 (seed 002) scores 90.71 优") {
  auto sp = ScoreCase("jiaocheng-2024");

  CHECK(ScoreOf(sp, "A") == D("18"));
  CHECK(ScoreOf(sp, "B") == D("17"));
  CHECK(ScoreOf(sp, "C") == D("30"));
  CHECK(ScoreOf(sp, "D") == D("25.71"));
  CHECK(sp.deductions == D("0"));
  CHECK(sp.total == D("90.71"));
  CHECK(sp.grade == "优");

  CHECK(ScoreOf(sp, "B12") == D("3"));     // 90.56%: one step below 95%
  CHECK(ScoreOf(sp, "D13") == D("4.71"));  // 78.43% × 6
  CHECK(ScoreOf(sp, "D31") == D("6"));     // 92.04% ≥ 90%
  CHECK(ScoreOf(sp, "A22") == D("1"));     // 2 of 3 points unmet
  CHECK(ScoreOf(sp, "B23") == D("2"));     // ① and ② unmet
  CHECK(ScoreOf(sp, "D21") == D("3"));     // manual

  std::vector<std::string> lost;
  for (const auto* s : sp.LostLeaves()) lost.push_back(s->def->code);
  CHECK(lost == std::vector<std::string>{"A22", "B12", "B23", "D13", "D21"});

  const jixiao::ResolvedValue* awareness = sp.Value("政策知晓率");
  REQUIRE(awareness != nullptr);
  CHECK(awareness->display == "78.43%");  // 80 / 102
  const jixiao::ResolvedValue* satisfaction = sp.Value("救助群众满意度");
  REQUIRE(satisfaction != nullptr);
  CHECK(satisfaction->display == "92.04%");  // mean 92.035%, half-up

  std::string json = jixiao::RenderJson(sp);
  CHECK(json.find("\"total\": 90.71") != std::string::npos);
  CHECK(json.find("\"grade\": \"优\"") != std::string::npos);
}

TEST_CASE("tianjin-disabled-2023 (seed 000) scores 86 良 after a deduction of 3") {
  auto sp = ScoreCase("tianjin-disabled-2023");

  CHECK(ScoreOf(sp, "A") == D("12"));
  CHECK(ScoreOf(sp, "B") == D("20"));
  CHECK(ScoreOf(sp, "C") == D("33"));
  CHECK(ScoreOf(sp, "D") == D("24"));
  CHECK(sp.sum == D("89"));
  CHECK(sp.deductions_claimed == D("3"));
  CHECK(sp.deductions == D("3"));  // under the cap of 5
  REQUIRE(sp.system().deduction_cap);
  CHECK(*sp.system().deduction_cap == D("5"));
  CHECK(sp.total == D("86"));
  CHECK(sp.grade == "良");

  // Every lost point has the evaluator's reason, not a generated sentence.
  for (const auto* s : sp.LostLeaves()) CHECK_FALSE(s->reason.empty());
  CHECK(sp.Find("A")->reason.find("绩效目标设置不够规范") != std::string::npos);
  CHECK(sp.Find("B")->reason.find("资金拨付早于审批") != std::string::npos);

  // The fund balances are recorded as they tie out.
  for (const auto& y : sp.project->funds.balances)
    CHECK_MESSAGE(y.opening + y.income - y.spending == y.closing, y.year);
}

TEST_CASE("yaohai-2023 (seed 004) scores 98 优, not the stated 100") {
  auto sp = ScoreCase("yaohai-2023");

  CHECK(ScoreOf(sp, "A") == D("10"));  // 预算执行率, from the 项目资金 block
  CHECK(sp.Find("A")->explanation == "预算执行率 = 全年执行数 100 ÷ 全年预算数 100 = 100.00%；得分 = 100.00% × 10 = 10.00 分。");
  CHECK(sp.system().SelfEvaluation());
  CHECK(ScoreOf(sp, "B") == D("48"));  // 产出: 8 + 20 + 10 + 10, stated as 50
  CHECK(ScoreOf(sp, "C") == D("30"));
  CHECK(ScoreOf(sp, "D") == D("10"));
  CHECK(sp.total == D("98"));
  CHECK(sp.grade == "优");

  const jixiao::ScoredIndicator* quantity = sp.Find("B11");
  REQUIRE(quantity != nullptr);
  CHECK(quantity->def->name == "城乡医疗救助代参保人数");
  CHECK(quantity->score == D("8"));
  CHECK(quantity->reason == "由于数量指标年初填写错误，实际资助参保3304人，未完成指标");
  CHECK(ScoreOf(sp, "B1") == D("8"));  // 数量指标

  std::vector<std::string> lost;
  for (const auto* s : sp.LostLeaves()) lost.push_back(s->def->code);
  CHECK(lost == std::vector<std::string>{"B11"});
}

TEST_CASE("henan-2024 (worked example) scores 64.99 中: the published 65.00 has C101 ① at 1.80 for 1.79") {
  auto sp = ScoreCase("henan-2024");

  CHECK(ScoreOf(sp, "A") == D("10.40"));
  CHECK(ScoreOf(sp, "B") == D("11.47"));
  CHECK(ScoreOf(sp, "C") == D("19.87"));  // published 19.88
  CHECK(ScoreOf(sp, "D") == D("23.25"));
  CHECK(sp.total == D("64.99"));          // published 65.00
  CHECK(sp.grade == "中");

  CHECK(ScoreOf(sp, "A202") == D("2.40"));  // ① and ② partly deducted: 0.5 + 0.9 + 1
  CHECK(ScoreOf(sp, "B101") == D("3.33"));  // ① 3 failures → 0; ② 1 failure → 1.25 × 2/3
  CHECK(ScoreOf(sp, "B102") == D("0.80"));  // ① 10% met; ② 5 failures → 0; ③ unmet
  CHECK(ScoreOf(sp, "B201") == D("3.34"));  // 93.35%: (93.35% − 80%) ÷ 20% × 5
  CHECK(ScoreOf(sp, "C101") == D("6.93"));  // 1.79 + 1.29 + 1.92 + 1.93
  CHECK(ScoreOf(sp, "C103") == D("2"));     // ④ not assessable, kept at its share
  CHECK(ScoreOf(sp, "C201") == D("4"));     // ③ unmet, no object deduction
  CHECK(ScoreOf(sp, "C203") == D("1"));     // three thirds of 1 add up to 1
  CHECK(ScoreOf(sp, "C301") == D("0.94"));  // 40.66% × 0.67 + 100% × 0.67 + 0
  CHECK(ScoreOf(sp, "D202") == D("4.50"));  // half of ④
  CHECK(ScoreOf(sp, "D401") == D("4"));     // 93.06% ≥ 90%

  const jixiao::ResolvedValue* rate = sp.Value("预算执行率");
  REQUIRE(rate != nullptr);
  CHECK(rate->display == "93.35%");  // 12634.70 / 13534.70
  const jixiao::ResolvedValue* timely = sp.Value("竞赛补贴发放及时率");
  REQUIRE(timely != nullptr);
  CHECK(timely->display == "40.66%");  // the mean of 33.56%, 27.72%, 55.36%, 45.98%
  const jixiao::ResolvedValue* sat = sp.Value("补助对象满意度");
  REQUIRE(sat != nullptr);
  CHECK(sat->display == "91.58%");  // 852625 / 9310

  // Every published leaf score but C101's.
  const std::vector<std::pair<std::string, std::string>> published = {
      {"A101", "2"}, {"A102", "0"}, {"A201", "2"}, {"A202", "2.40"}, {"A301", "3"}, {"A302", "1"},
      {"B101", "3.33"}, {"B102", "0.80"}, {"B201", "3.34"}, {"B202", "2"}, {"B203", "2"},
      {"C102", "3"}, {"C103", "2"}, {"C201", "4"}, {"C202", "2"}, {"C203", "1"}, {"C301", "0.94"},
      {"D101", "0"}, {"D102", "3"}, {"D103", "0"}, {"D201", "3.75"}, {"D202", "4.50"}, {"D203", "2"},
      {"D301", "1"}, {"D302", "1"}, {"D401", "4"}, {"D402", "4"}};
  for (const auto& [code, score] : published) CHECK_MESSAGE(ScoreOf(sp, code) == D(score.c_str()), code);
}
