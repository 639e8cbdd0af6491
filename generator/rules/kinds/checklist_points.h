// The parameters of a checklist_points rule (checklist_points.cpp): items
// with their own points, the sum capped at the weight.
#pragma once

#include <vector>

#include "rules/kinds/checklist_items.h"

namespace jixiao {

struct ChecklistPointsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kChecklistPoints;
  std::vector<ChecklistItem> items;
};

}  // namespace jixiao
