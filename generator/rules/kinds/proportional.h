// The parameters of a proportional rule (proportional.cpp): full at a
// target, else value × weight or value ÷ target × weight.
#pragma once

#include "model/indicator.h"

namespace jixiao {

struct ProportionalParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kProportional;
  Decimal target;           // the value at and above which the score is full
  bool attainment = false;  // value ÷ target × weight instead of value × weight
};

}  // namespace jixiao
