// Batch: a folder of projects in, every project scored, checked and
// rendered (as `report` does), and one summary workbook out.
//
// Projects run in parallel on a fixed number of workers; a finished
// project leaves only its summary row behind, so memory does not grow with
// the number of projects. A broken project is recorded (file and reason)
// and the others go on. An interrupt stops the workers taking new projects;
// every report already begun is finished whole.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "base/decimal.h"

namespace jixiao {

struct BatchOptions {
  std::string folder;
  std::string out = "output";
  std::string templates;
  int jobs = 0;             // 0: the machine's cores
  bool score_only = false;  // score and check, write no reports
  const std::atomic<bool>* interrupted = nullptr;
};

// One project's line in the summary.
struct BatchRow {
  std::string dir;  // the project folder (or 自评表.xlsx) as found
  bool ok = false;
  std::string error;  // why it failed (the diagnostics as printed)
  std::string name, department, year, grade, report;
  Decimal total;
  // "A 决策" → the displayed score. Kept as text: a summary row is all that
  // stays of a finished project, so it is kept small.
  std::vector<std::pair<std::string, std::string>> level1;
  size_t errors = 0, warnings = 0;  // check findings
};

struct BatchResult {
  std::vector<BatchRow> rows;  // in the order the projects were found
  size_t done = 0, failed = 0;
  bool interrupted = false;
  std::string summary_path;
};

// Every project under `root`, sorted by path: each folder holding a
// project.yaml, and each filled 自评表 (an .xlsx with 自评表 in its name, in
// a folder without a project.yaml), as finance bureaus receive them.
// `skip`, when given, is a folder not to look into (the run's output folder).
std::vector<std::string> FindProjects(const std::string& root, const std::string& skip = "");

// Called after each project with (finished, total, row).
using BatchProgress = std::function<void(size_t, size_t, const BatchRow&)>;

BatchResult RunBatch(const BatchOptions& opt, const BatchProgress& progress);

// The summary workbook (汇总.xlsx): 项目 (one row per project, filter,
// frozen header, grade colours, links to reports), 等级分布 (counts and a
// chart) and 失败 (projects that could not be processed).
void RenderSummaryXlsx(const BatchResult& result, const std::string& path);

}  // namespace jixiao
