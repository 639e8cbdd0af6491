// The parameters of a steps rule (steps.cpp): full at a threshold, minus a
// deduction per step below it.
#pragma once

#include "model/indicator.h"

namespace jixiao {

struct StepsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kSteps;
  Decimal full_at;  // the value at and above which the score is full
  Decimal step;
  // `reading: whole` (the default): a partial step counts as a step, "每降低5%扣1分"
  // read as 不足一档按一档计; `reading: continuous`: the deduction in proportion,
  // "每降低1%扣5%" read as 0.4% below → 2% of the weight.
  bool continuous = false;
  Decimal deduct;   // per step: points, or a share of the weight when deduct_is_share
  bool deduct_is_share = false;
};

}  // namespace jixiao
