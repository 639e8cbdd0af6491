// The parameters of a formula rule (formula.cpp): any expression over the
// project's values and `weight`, limited to [0, weight].
#pragma once

#include "formula/formula.h"
#include "model/indicator.h"

namespace jixiao {

struct FormulaParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kFormula;
  Formula formula;
  // What the formula means, in the report's words ("按到位资金占预算的比例计分"):
  // the sentence, the 评分说明 and the 扣分原因 say this, not the formula.
  std::string description;
};

}  // namespace jixiao
