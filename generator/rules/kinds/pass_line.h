// The parameters of a pass_line rule (pass_line.cpp): 0 below the pass
// line, full at `full`, linear between.
#pragma once

#include "model/indicator.h"

namespace jixiao {

struct PassLineParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kPassLine;
  Decimal pass;  // below it: 0 (the YAML default is 60%)
  Decimal full;  // at or above it: the weight (the YAML default is 100%)
};

}  // namespace jixiao
