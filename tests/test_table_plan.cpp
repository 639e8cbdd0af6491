// render/table_plan.cpp: which cells of a report table merge (as 评分表.xlsx
// merges them), which rows are totals, which paragraph is a caption; and
// money as the workbooks print it.
#include <doctest/doctest.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>
#include <string>

#include "render/report_mustache.h"
#include "render/table_plan.h"

using namespace jixiao;

namespace {

// The plan of the first table in `md`.
TablePlan PlanOf(const std::string& md) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  TablePlan plan;
  for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
    if (std::string(cmark_node_get_type_string(n)) == "table") {
      plan = PlanTable(n);
      break;
    }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return plan;
}

}  // namespace

TEST_CASE("PlanTable merges a parent over the rows it covers, within its own parent, as 评分表.xlsx does") {
  const std::string md =
      "| 一级指标 | 二级指标 | 三级指标 | 权重 |\n| --- | --- | --- | ---: |\n"
      "| A 决策 | A1 立项 | A11 依据 | 3 |\n"
      "| A 决策 | A1 立项 | A12 程序 | 3 |\n"
      "| A 决策 | A2 目标 | A21 明确 | 3 |\n"
      "| B 过程 | A2 目标 | B11 到位 | 3 |\n"  // same 二级 text under another 一级: not merged
      "| B 过程 | B2 管理 | 同名 | 3 |\n"
      "| B 过程 | B2 管理 | 同名 | 3 |\n"        // leaves never merge, even with one name
      "| B 过程 | | B31 | 3 |\n"                // blanks never merge
      "| B 过程 | | B32 | 3 |\n"
      "| 合计 | | | 100 |\n";
  TablePlan p = PlanOf(md);
  REQUIRE(p.span.size() == 10);
  CHECK(p.span[0] == std::vector<int>{1, 1, 1, 1});  // the header
  CHECK(p.span[1] == std::vector<int>{3, 2, 1, 1});
  CHECK(p.span[2] == std::vector<int>{0, 0, 1, 1});
  CHECK(p.span[3] == std::vector<int>{0, 1, 1, 1});
  CHECK(p.span[4] == std::vector<int>{5, 1, 1, 1});
  CHECK(p.span[5] == std::vector<int>{0, 2, 1, 1});
  CHECK(p.span[6] == std::vector<int>{0, 0, 1, 1});
  CHECK(p.span[7] == std::vector<int>{0, 1, 1, 1});
  CHECK(p.span[8] == std::vector<int>{0, 1, 1, 1});
  CHECK(p.span[9] == std::vector<int>{1, 1, 1, 1});
  CHECK(p.total == std::vector<bool>{false, false, false, false, false, false, false, false, false, true});
}

TEST_CASE("PlanTable merges nothing outside the leading indicator columns") {
  TablePlan p = PlanOf("| 年度 | 金额 | 说明 |\n| --- | ---: | --- |\n| 2024 | 1 | 同 |\n| 2024 | 1 | 同 |\n");
  for (const auto& row : p.span) CHECK(row == std::vector<int>{1, 1, 1});
  // One indicator column holds the leaves: 表 3-1's 一级 rows stay apart.
  p = PlanOf("| 一级指标 | 权重 |\n| --- | ---: |\n| A | 1 |\n| A | 1 |\n");
  for (const auto& row : p.span) CHECK(row == std::vector<int>{1, 1});
}

TEST_CASE("IsTotalRowLabel: totals are bold, a last row that is not a total is not") {
  for (const char* t : {"合计", "合　计", "总分", "总计", "小计", "平均", "减分项合计（上限 5 分）"})
    CHECK_MESSAGE(IsTotalRowLabel(t), t);
  for (const char* t : {"减分项", "D 效益", "2024", "其中：中央", ""}) CHECK_MESSAGE(!IsTotalRowLabel(t), t);
}

TEST_CASE("IsCaptionText: 表 or 图 and a number") {
  CHECK(IsCaptionText("表 4-1 决策指标得分情况"));
  CHECK(IsCaptionText("表1 项目资金情况"));
  CHECK(IsCaptionText("表\u00A02-1 评价结果等级划分标准"));
  CHECK(IsCaptionText("图 1 一级指标得分率"));
  CHECK_FALSE(IsCaptionText("表明项目资金到位及时"));
  CHECK_FALSE(IsCaptionText("图表"));
}

TEST_CASE("money in report tables: two decimals and thousands separators, as the workbooks' #,##0.00") {
  CHECK(MoneyText(*Decimal::Parse("15782.6")) == "15,782.60");
  CHECK(MoneyText(*Decimal::Parse("1022.04")) == "1,022.04");
  CHECK(MoneyText(*Decimal::Parse("925.595")) == "925.60");  // half-up at the cent
  CHECK(MoneyText(*Decimal::Parse("-1476.06")) == "-1,476.06");
  CHECK(MoneyText(*Decimal::Parse("1234567")) == "1,234,567.00");
  CHECK(MoneyText(Decimal()) == "0.00");
  // A figure as written keeps every written digit.
  CHECK(WrittenMoneyText(*Decimal::Parse("12551")) == "12,551.00");
  CHECK(WrittenMoneyText(*Decimal::Parse("3.1416")) == "3.1416");
  CHECK(GroupThousands("−28602.02") == "−28,602.02");
}
