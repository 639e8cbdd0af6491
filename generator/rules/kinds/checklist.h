// The parameters of a checklist rule (checklist.cpp): N items of equal
// points, each unmet one takes weight/N.
#pragma once

#include <string>
#include <vector>

#include "model/indicator.h"

namespace jixiao {

struct ChecklistParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kChecklist;
  std::vector<std::string> items;  // the texts of ①, ②, …
};

}  // namespace jixiao
