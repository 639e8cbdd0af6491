// What the two checklist kinds (checklist, checklist_points) share: the
// `items` list, the answer's `unmet` items, and how a list of item
// numbers reads in a sentence ("①、③").
#pragma once

#include <string>
#include <vector>

#include "rules/rule_kind.h"

namespace jixiao {

// An item of a checklist as written: its text and, in a checklist_points
// rule, its points.
struct ChecklistItem {
  std::string text;
  Decimal points;
};

// The rule's `items`: texts, or {text, points} maps when `points`.
std::vector<ChecklistItem> ReadChecklistItems(const RuleSource& src, const Rule& rule, bool points);
void BindChecklistAnswer(const Indicator& ind, const Rule& rule, const Answer& a, Diagnostics& diags);
// The answer's unmet items, sorted, each once.
std::vector<int> UnmetItems(const Answer& a);
std::string ItemList(const std::vector<int>& items);

// The answer hooks of both checklist kinds: an answer names its `unmet` items.
class ChecklistAnswerUnit : public RuleKindUnit {
 public:
  const char* RequiredAnswer(const Rule&) const override { return "unmet: [...]"; }
  void BindAnswer(const Indicator& ind, const Rule& rule, const Answer& a,
                  Diagnostics& diags) const override {
    BindChecklistAnswer(ind, rule, a, diags);
  }
  bool Computable(const Rule&, const Answer& a) const override { return a.unmet.has_value(); }
};

}  // namespace jixiao
