// The batch summary workbook (汇总.xlsx): a BatchSummary in, the workbook
// out — 项目 (one row per project, filter, frozen header, grade colours,
// links to reports), 等级分布 (counts and a chart) and 失败 (projects that
// could not be processed).
#pragma once

#include <string>

#include "model/batch_summary.h"

namespace jixiao {

void RenderSummaryXlsx(const BatchSummary& result, const std::string& path);

}  // namespace jixiao
