// The parameters of a steps rule (steps.cpp): full at a threshold, minus a
// deduction per step below it.
#pragma once

#include "model/indicator.h"

namespace jixiao {

struct StepsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kSteps;
  Decimal full_at;  // the value at and above which the score is full
  Decimal step;     // a partial step counts as a step
  Decimal deduct;   // per step: points, or a share of the weight when deduct_is_share
  bool deduct_is_share = false;
};

}  // namespace jixiao
