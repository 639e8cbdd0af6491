// The parameters of a bands rule (bands.cpp): value ranges, highest first,
// each with a fixed score, full, or a formula over x.
#pragma once

#include <optional>
#include <vector>

#include "formula/formula.h"
#include "model/indicator.h"

namespace jixiao {

// A score written in a band: a number, "full" (the weight), or a formula
// over x (the rule's value), weight and the project's names.
struct ScoreSpec {
  enum Kind { kFixed, kFull, kFormula } kind = kFixed;
  Decimal fixed;
  Formula formula;
};

struct Band {
  std::optional<Decimal> min;  // inclusive; none = every value below the bands above
  ScoreSpec score;
  SourceLoc loc;
};

struct BandsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kBands;
  std::vector<Band> bands;  // highest min first; a band without min last
};

}  // namespace jixiao
