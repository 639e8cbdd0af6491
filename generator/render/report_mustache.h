// Internal to the report renderers: the mustache data tree for a report.
#pragma once

#include <optional>
#include <string>

#include "base/precision.h"
#include "formats/mustache/mustache.h"
#include "model/history.h"
#include "render/report_data.h"

namespace jixiao {

TemplateValue BuildReportData(const ScoredProject& sp, const Fragments& fragments);

// Shared by both report kinds' data builders.
// Mustache treats every string as true; an empty one must be false so that
// {{#project.evaluator}}…{{/project.evaluator}} disappears when not given.
inline TemplateValue OptText(const std::string& s) { return s.empty() ? TemplateValue(false) : TemplateValue(s); }
// A rate as the reports print it, "—" when there is none.
inline std::string RateText(const std::optional<Decimal>& r) { return r ? r->ToPercent(kPercentPlaces) : "—"; }

// Money as the workbooks show it (#,##0.00): two decimals, thousands
// separated, "15,782.60".
std::string MoneyText(const Decimal& d);
// A figure as written (a budget in 万元): at least two decimals, every
// written digit kept, thousands separated ("12,551.00", "3.1416").
std::string WrittenMoneyText(const Decimal& d);
// "1234567.5" → "1,234,567.5"; a sign stays in front.
std::string GroupThousands(const std::string& number);

// Annexes numbered in the order they are added (附件 1, 附件 2, …), for the
// templates' `annexes` list.
class AnnexList {
 public:
  // Adds an annex; returns its number as text.
  std::string Add(const std::string& title);
  // Adds the fragments' own annexes (text/附件-*.md): `extra_annexes`.
  TemplateValue AddFragments(const Fragments& fragments);
  const TemplateValue& List() const { return list_; }

 private:
  int next_ = 1;
  TemplateValue list_ = TemplateValue::List();
};
// `previous`: last year's figures beside this year's (previous_year.cpp),
// for a report run with an archive holding them: the year, its total and
// grade, the change and a sentence saying it, and the 一级 rows with both
// years' scores.
void AddPreviousYear(TemplateValue& data, const ScoredProject& sp, const PreviousYear& previous);

// The 自评报告's data: the above and the self-evaluation's own (self_report_data.cpp).
TemplateValue BuildSelfReportData(const ScoredProject& sp, const Fragments& fragments);

}  // namespace jixiao
