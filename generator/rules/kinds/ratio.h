// The parameters of a ratio rule (ratio.cpp): value × weight, capped.
#pragma once

#include <optional>

#include "model/indicator.h"

namespace jixiao {

struct RatioParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kRatio;
  std::optional<Decimal> cap;  // below the weight when stated; none: the weight
};

}  // namespace jixiao
