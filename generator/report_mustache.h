// Internal to the report renderers: the mustache data tree for a report.
#pragma once

#include <kainjow/mustache.hpp>

#include "report_data.h"

namespace jixiao {

kainjow::mustache::data BuildReportData(const ScoredProject& sp, const Fragments& fragments);
// The 自评报告's data: the above and the self-evaluation's own (self_report_data.cpp).
kainjow::mustache::data BuildSelfReportData(const ScoredProject& sp, const Fragments& fragments);

}  // namespace jixiao
