// The parameters of a conditions rule (conditions.cpp): the points of each
// condition that holds, summed and capped at the weight.
#pragma once

#include <string>
#include <vector>

#include "formula/formula.h"
#include "model/indicator.h"

namespace jixiao {

struct Condition {
  std::string text;
  Formula when;  // over the project's values; holds when not 0
  Decimal points;
  SourceLoc loc;
};

struct ConditionsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kConditions;
  std::vector<Condition> conditions;
};

}  // namespace jixiao
