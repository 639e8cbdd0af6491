// The parameters of a formula rule (formula.cpp): any expression over the
// project's values and `weight`, limited to [0, weight].
#pragma once

#include "formula/formula.h"
#include "model/indicator.h"

namespace jixiao {

struct FormulaParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kFormula;
  Formula formula;
};

}  // namespace jixiao
