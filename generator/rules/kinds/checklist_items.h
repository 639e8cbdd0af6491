// What the two checklist kinds (checklist, checklist_points) share: the
// `items` list, the answer's `unmet` items, and how a list of item
// numbers reads in a sentence ("①、③").
#pragma once

#include <vector>

#include "rules/rule_kind.h"

namespace jixiao {

void ReadChecklistItems(const RuleSource& src, Rule& rule, bool points);
void BindChecklistAnswer(const Indicator& ind, const Rule& rule, const Answer& a, Diagnostics& diags);
// The answer's unmet items, sorted, each once.
std::vector<int> UnmetItems(const Answer& a);
std::string ItemList(const std::vector<int>& items);

}  // namespace jixiao
