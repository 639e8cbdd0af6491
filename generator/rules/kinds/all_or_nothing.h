// The parameters of an all_or_nothing rule (all_or_nothing.cpp): full when
// met, else 0.
#pragma once

#include "formula/formula.h"
#include "model/indicator.h"

namespace jixiao {

struct AllOrNothingParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kAllOrNothing;
  Formula when;  // met when not 0; empty: the evaluator's answer says whether met
};

}  // namespace jixiao
