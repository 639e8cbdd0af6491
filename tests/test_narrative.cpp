// The narrative against the data (check/narrative.h): each figure the text
// ties to a subject compared at its written precision, parts and other
// figures left alone.
#include <doctest/doctest.h>

#include "check/narrative.h"
#include "load/load.h"

using namespace jixiao;

namespace {

ScoredProject Case(const std::string& name) {
  return ScoreProject(LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/" + name));
}

std::vector<Finding> Check(const ScoredProject& sp, const std::string& text) {
  return CheckNarrative(sp, {NarrativeFile{"text/资金情况.md", text}});
}

}  // namespace

TEST_CASE("narrative: a year-end balance the text writes against 年初 + 收入 − 支出, located at the figure") {
  ScoredProject sp = Case("jiaocheng-2024");  // 2024: 2892.43 + 1022.04 − 925.59 = 2988.88
  auto f = Check(sp, "资金结余情况如下。\n2023 年度结转结余 2892.43 万元，2024 年末资金结转结余 2993.54 万元。");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "text-figure");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].stated == "2993.54");
  CHECK(f[0].expected == "2988.88");
  CHECK(f[0].subject == "正文 2024 年末结余");
  CHECK(f[0].loc.file == "text/资金情况.md");
  CHECK(f[0].loc.line == 2);
  CHECK(f[0].loc.column == 72);  // in bytes, as every diagnostic counts: "2023 年度结转结余 2892.43 万元，2024 年末资金结转结余 " is 71
  CHECK(f[0].message.find("按年初 2892.43 + 收入 1022.04 − 支出 925.59") != std::string::npos);
  // The same sentence with the computed figure: nothing. 2023's closing is 2024's 年初.
  CHECK(Check(sp, "2023 年度结转结余 2892.43 万元，2024 年末资金结转结余 2988.88 万元。").empty());
  auto prior = Check(sp, "2023 年度结转结余 2890.00 万元。");
  REQUIRE(prior.size() == 1);
  CHECK(prior[0].expected == "2892.43");
}

TEST_CASE("narrative: a fund row by its name, a part without one, and other figures, are left alone") {
  ScoredProject sp = Case("jiaocheng-2024");
  // The bundled wording: each row as the table has it, 参保救助 (the table says 参保资助) unnamed.
  CHECK(Check(sp, "2024 年度资金支付总额为 925.59 万元，其中住院救助支出 533.84 万元（3297 人次）、门诊救助支出为 "
                  "37.15 万元（7958 人次）、参保救助支出为 354.6 万元（11514 人次）。")
            .empty());
  auto row = Check(sp, "其中住院救助支出 533.80 万元、门诊救助支出为 37.15 万元。");
  REQUIRE(row.size() == 1);
  CHECK(row[0].subject == "正文 住院救助");
  CHECK(row[0].expected == "533.84");
  // The whole year's payments, without a balance table: the sum of the 支出 rows.
  auto total = Check(sp, "2024 年度资金支付总额为 925.00 万元。");
  REQUIRE(total.size() == 1);
  CHECK(total[0].expected == "925.59");
  // What is not the figure itself: a budget, a change, an unspent rest, a share.
  CHECK(Check(sp, "项目预算 1000 万元，较上年增加 22.04 万元，未支出的 96.45 万元结转下年，人均 0.5 万元。").empty());
}

TEST_CASE("narrative: 到位, 支出 and 当年结余 of a year named earlier in the paragraph (tianjin-disabled)") {
  ScoredProject sp = Case("tianjin-disabled-2023");  // 2023: 28334.29 in, 29810.35 out
  auto f = Check(sp, "2023 年该项目资金实际到位 28334.29 万元，实际支出 29810.34 万元。当年资金结余 -1476.05 万元，"
                     "年底资金累计结余 1476.06 万元。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].stated == "29810.34");
  CHECK(f[0].expected == "29810.35");
  CHECK(f[1].stated == "-1476.05");
  CHECK(f[1].expected == "-1476.06");
  CHECK(f[1].subject == "正文 2023 年当年结余");
  // A part of the income ("市区两级财政补助收入") and what it contains are not the year's 到位.
  CHECK(Check(sp, "2023 年筹集规模为 28334.29 万元，一是市区两级财政补助收入为 28333.6 万元，包含市区两级筹集资金 "
                  "25102 万元。")
            .empty());
  // Without a year the text names, of three balance years: nothing to compare with.
  CHECK(Check(sp, "实际支出 1.00 万元。").empty());
}

TEST_CASE("narrative: a money figure one unit in its last place off a computed one is a rounding slip") {
  ScoredProject sp = Case("jiaocheng-2024");  // 下达 1022.04
  auto f = Check(sp, "资金规模 1022.05 万元。");
  REQUIRE(f.size() == 1);
  CHECK(f[0].expected == "1022.04");
  CHECK(Check(sp, "资金规模 1022.04 万元。").empty());
  CHECK(Check(sp, "资金规模 1022.07 万元。").empty());  // not a slip of a computed figure: unknown, left alone
}

TEST_CASE("narrative: the total, an indicator's score and the grade, at the precision the text writes") {
  ScoredProject sp = Case("jiaocheng-2024");  // 90.71, 优; A 决策 18.00; B12 预算执行率 3.00
  CHECK(Check(sp, "项目综合得分 90.71 分，评价等级为“优”。决策指标满分 20 分，得分 18 分。").empty());
  CHECK(Check(sp, "综合得分为 91 分。").empty());  // 90.71 written at no decimals
  auto f = Check(sp, "综合得分为 90.17 分，评价等级为“良”。预算执行率指标得 4 分，扣 1 分。");
  REQUIRE(f.size() == 3);
  CHECK(f[0].subject == "正文 综合得分");
  CHECK(f[0].expected == "90.71");
  CHECK(f[1].subject == "正文 评价等级");
  CHECK(f[1].stated == "良");
  CHECK(f[1].expected == "优");
  CHECK(f[2].subject == "正文 B12 预算执行率 得分");
  CHECK(f[2].expected == "3.00");
}

TEST_CASE("narrative: a named rate with its percent sign, a target for it is not its value") {
  ScoredProject sp = Case("jiaocheng-2024");  // 脱贫人口参保率 99.00%
  auto f = Check(sp, "脱贫人口参保率为 98.5%。");
  REQUIRE(f.size() == 1);
  CHECK(f[0].expected == "99.0%");
  CHECK(Check(sp, "脱贫人口参保率为 99%，脱贫人口参保率目标为 95%。").empty());
}
