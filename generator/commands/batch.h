// `jixiao batch`: a folder of projects in, every project scored, checked and
// rendered (as `report` does), and one summary workbook (汇总.xlsx) out.
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

#include "commands/command_result.h"
#include "model/batch_summary.h"

namespace jixiao {

struct BatchOptions {
  std::string folder;
  std::string out = "output";
  std::string templates;
  int jobs = 0;             // 0: the machine's cores
  bool score_only = false;  // score and check, write no reports
  bool write_summary = true;  // <out>/汇总.xlsx
  const std::atomic<bool>* interrupted = nullptr;
  Language language = Language::kChinese;  // of a failed project's reason (BatchRow::error)
};

// The rows and counts (BatchSummary), and as every command: the exit status
// (kInterrupted, else kBatchFailures, else kFindings when a project's check
// found errors, else kOk; kInput when `folder` is not a folder).
struct BatchOutcome : CommandResult, BatchSummary {
  std::string refused;       // why the run did not start, as printed; set with exit kInput
  std::string summary_path;  // the summary workbook written
  size_t with_errors = 0;    // projects done whose check found errors
};

// Every project under `root`, sorted by path: each folder holding a
// project.yaml, and each filled 自评表 (IsSelfFormFileName, in a folder
// without a project.yaml), as finance bureaus receive them.
// `skip`, when given, is a folder not to look into (the run's output folder).
std::vector<std::string> FindProjects(const std::string& root, const std::string& skip = "");

// Called after each project with (finished, total, row).
using BatchProgress = std::function<void(size_t, size_t, const BatchRow&)>;

BatchOutcome RunBatch(const BatchOptions& opt, const BatchProgress& progress);

}  // namespace jixiao
