// The self-evaluation budget_rate rule (预算执行率): 全年执行数 over the
// base the system's options name, from the project's 项目资金 block or,
// when it has none, from values named 全年执行数 and the base.
//
// Takes a project; gives the figures of the rate, which the rule scores and
// the 自评表 and reports show.
#pragma once

#include <optional>
#include <string>

#include "model/project.h"

namespace jixiao {

struct BudgetRateFigures {
  Decimal executed;       // 全年执行数
  Decimal base;           // the base the options name
  Decimal rate;           // executed / base at 2 decimals of a percent
  std::string base_name;  // 全年预算数, 调整后预算数, 实际到位资金
  std::string unit;       // 万元 or 元
};

// nullopt with a diagnostic in `diags` (when given) when the figures are
// missing or the base is zero.
std::optional<BudgetRateFigures> ComputeBudgetRate(const Project& p, Diagnostics* diags);

}  // namespace jixiao
