// Internal to the report renderers: the mustache data tree for a report.
#pragma once

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>

#include "report_data.h"

namespace jixiao {

kainjow::mustache::data BuildReportData(const ScoredProject& sp, const Fragments& fragments);

// kainjow's set() and push_back() copy the value, and a report's tree is
// built bottom-up, so every level would be copied again by its parent. The
// builders move each value into place instead (docs/performance.md).
inline void Put(kainjow::mustache::data& object, const std::string& key, kainjow::mustache::data value) {
  object[key] = std::move(value);
}
// A list's vector is reached through list_value(), its only accessor; the
// vector itself is not const. kainjow's move constructor is not noexcept,
// so std::vector would copy every element when it grows: the list grows
// here instead, moving its elements.
inline void Append(kainjow::mustache::data& list, kainjow::mustache::data value) {
  if (!list.is_list()) return;
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    kainjow::mustache::list grown;
    grown.reserve(items.size() < 4 ? 8 : 2 * items.size());
    for (auto& item : items) grown.emplace_back(std::move(item));
    items.swap(grown);
  }
  items.emplace_back(std::move(value));
}

// Shared by both report kinds' data builders.
// An empty mustache list.
inline kainjow::mustache::data EmptyList() {
  return kainjow::mustache::data(kainjow::mustache::data::type::list);
}
// Mustache treats every string as true; an empty one must be false so that
// {{#project.evaluator}}…{{/project.evaluator}} disappears when not given.
inline kainjow::mustache::data OptText(const std::string& s) {
  return s.empty() ? kainjow::mustache::data(false) : kainjow::mustache::data(s);
}
// A rate as the reports print it, "—" when there is none.
inline std::string RateText(const std::optional<Decimal>& r) { return r ? r->ToPercent(2) : "—"; }

// Annexes numbered in the order they are added (附件 1, 附件 2, …), for the
// templates' `annexes` list.
class AnnexList {
 public:
  // Adds an annex; returns its number as text.
  std::string Add(const std::string& title);
  // Adds the fragments' own annexes (text/附件-*.md): `extra_annexes`.
  kainjow::mustache::data AddFragments(const Fragments& fragments);
  const kainjow::mustache::data& List() const { return list_; }

 private:
  int next_ = 1;
  kainjow::mustache::data list_{kainjow::mustache::data::type::list};
};
// The 自评报告's data: the above and the self-evaluation's own (self_report_data.cpp).
kainjow::mustache::data BuildSelfReportData(const ScoredProject& sp, const Fragments& fragments);

}  // namespace jixiao
