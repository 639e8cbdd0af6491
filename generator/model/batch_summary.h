// A batch run as its summary keeps it: one row per project (what the
// summary workbook shows), the counts, and whether it was interrupted.
// Written by commands/batch, read by render/xlsx/render_summary_xlsx.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.h"

namespace jixiao {

// One project's line in the summary.
struct BatchRow {
  std::string dir;  // the project folder (or 自评表.xlsx) as found
  bool ok = false;
  std::string error;  // why it failed (the diagnostics as printed)
  std::string notes;  // the warnings of a project done (a report's placeholders), as printed
  std::string name, department, year, grade, report;
  Decimal total;       // reviewed: jixiao's
  Decimal deductions;  // 减分 applied (the total is the 一级 scores less these)
  // What the submission states, when it states it: its 总分 and 等级.
  std::optional<Decimal> stated_total;
  std::string stated_grade;
  // Last year's total, when the archive (--db) holds the project's previous year.
  std::optional<Decimal> previous_total;
  std::string previous_year;
  // "A 决策" → the displayed score. Kept as text: a summary row is all that
  // stays of a finished project, so it is kept small.
  std::vector<std::pair<std::string, std::string>> level1;
  size_t errors = 0, warnings = 0;  // check findings
};

struct BatchSummary {
  std::vector<BatchRow> rows;  // in the order the projects were found
  size_t done = 0, failed = 0;
  bool interrupted = false;
};

}  // namespace jixiao
