// The parameters of a qualitative rule (qualitative.cpp): the tiers of the
// weight the evaluator picks from.
#pragma once

#include <vector>

#include "model/indicator.h"

namespace jixiao {

struct QualitativeParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kQualitative;
  std::vector<Tier> tiers;  // as written, or 财预〔2020〕10号's three when the rule states none
};

}  // namespace jixiao
