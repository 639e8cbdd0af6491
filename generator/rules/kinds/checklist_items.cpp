#include "rules/kinds/checklist_items.h"

#include <algorithm>

#include "base/messages.h"

namespace jixiao {

std::vector<ChecklistItem> ReadChecklistItems(const RuleSource& src, const Rule& rule, bool points) {
  const std::string& code = src.code();
  const YamlFile& y = src.yaml;
  Diagnostics& diags = src.diags;
  src.CheckKeys({"kind", "items"});
  std::vector<ChecklistItem> read;
  YamlNode items = src.node["items"];
  if (!items) {
    diags.Error(rule.loc, code, msg::kMissingKey, "items");
    return read;
  }
  if (!y.IsList(items, "items", code, diags)) return read;
  for (const auto& it : items) {
    ChecklistItem item;
    if (points) {
      if (!y.IsMap(it, "item {text, points}", code, diags)) continue;
      y.CheckKeys(it, {"text", "points"}, code, diags);
      item.text = y.String(it, "text", true, code, diags).value_or("");
      item.points = y.Number(it, "points", true, code, diags).value_or(Decimal());
    } else if (it.IsScalar()) {
      item.text = it.Scalar();
    } else {
      diags.Error(y.Loc(it), code, msg::kExpectedText, "item");
    }
    read.push_back(item);
  }
  if (read.empty()) diags.Error(y.Loc(items), code, msg::kEmptyList, "items");
  return read;
}

void BindChecklistAnswer(const Indicator& ind, const Rule& rule, const Answer& a, Diagnostics& diags) {
  if (!a.unmet && !a.score) diags.Error(a.loc, ind.code, msg::kMissingAnswerField, "unmet");
  if (a.met || !a.tier.empty())
    diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(rule.kind), "unmet, reason");
}

std::vector<int> UnmetItems(const Answer& a) {
  std::vector<int> unmet = a.unmet.value_or(std::vector<int>{});
  std::sort(unmet.begin(), unmet.end());
  unmet.erase(std::unique(unmet.begin(), unmet.end()), unmet.end());
  return unmet;
}

std::string ItemList(const std::vector<int>& idx) {
  std::string s;
  for (int i : idx) s += (s.empty() ? "" : "、") + CircledNumber(i);
  return s;
}

}  // namespace jixiao
