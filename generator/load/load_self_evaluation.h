// Loading the self-evaluation (项目支出绩效自评, 财预〔2020〕10号): a system's
// `layout` and `options`; a project's `budget` (项目资金), `goals`
// (年度总体目标), `tables`, and the target / actual / deviation_reason /
// not_applicable of its answers; the second binding pass, which runs each
// rule kind's BindProject once the whole project is read (target and
// budget_rate need the budget and the named values); and 折算计分, which
// gives a project with 不适用 indicators its own copy of the system with
// the remaining weights rescaled. The two rule kinds themselves are
// rules/kinds/target.cpp and rules/kinds/budget_rate.cpp.
#pragma once

#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "model/project.h"

namespace jixiao {

class YamlFile;
class YamlNode;

// `layout` and `options` at the top of a system file.
void ReadSystemOptions(const YamlFile& y, const YamlNode& root, IndicatorSystem& sys,
                       Diagnostics& diags);
// target, actual, baseline, deviation_reason, not_applicable of an answer.
void ReadSelfEvaluationAnswer(const YamlFile& y, const YamlNode& v, Answer& a, Diagnostics& diags);
void ReadBudget(const YamlFile& y, const YamlNode& n, Budget& b, Diagnostics& diags);
// A column of 项目资金 whose 其中 rows do not add up to its 年度资金总额.
struct BudgetColumnMismatch {
  const char* column;  // "全年预算数"
  Decimal sum, total;
};
// Each column's total left out becomes the sum of its sources; the columns
// whose total is written and differs are returned.
std::vector<BudgetColumnMismatch> FillBudgetTotals(Budget& b);
// The total cell of a column, for placing a finding (a form's cell, YAML's line).
std::optional<Decimal> BudgetRow::*BudgetColumn(const char* column);

void ReadGoals(const YamlFile& y, const YamlNode& n, Goals& g, Diagnostics& diags);
void ReadTables(const YamlFile& y, const YamlNode& n, std::vector<DataTable>& tables,
                Diagnostics& diags);

// The second binding pass: 不适用 answers (a reason, no data, not every
// leaf), then each rule kind's BindProject (a target and an actual that can
// be compared, a 偏差原因 for every shortfall and for a completion at or
// above the over-achievement threshold, a qualitative score inside its
// tier, the budget figures the rate needs).
void BindSelfEvaluation(const Project& p, Diagnostics& diags);

// 折算计分: the system with each 不适用 leaf at weight 0 and the other
// leaves' weights (预算执行率 apart) rescaled so they still sum to what
// they summed to, at two decimals by the largest remainder. The system
// itself when nothing is 不适用.
std::shared_ptr<const IndicatorSystem> ApplyNotApplicable(
    std::shared_ptr<const IndicatorSystem> sys, const std::map<std::string, Answer>& answers);

}  // namespace jixiao
