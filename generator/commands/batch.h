// `jixiao batch`: a folder of projects in, every project scored, checked and
// rendered (as `report` does), and one summary workbook (汇总.xlsx) out.
//
// Projects run in parallel on a fixed number of worker processes (forked,
// each keeping its own cache of systems); a finished project leaves only its
// summary row behind, so memory does not grow with the number of projects.
// A project that fails in any way — an input error, a crash (SIGSEGV, an
// abort in a library), a hang past `timeout_seconds` — is recorded (file and
// reason) and the others go on: a dead or stopped worker is replaced. An
// interrupt stops handing out projects; a report already begun has
// `grace_ms` to finish whole, then its worker is stopped and its unfinished
// outputs removed. Symbolic links are not followed (FindProjects), paths a
// project names stay within the batch folder and `allowed`, and outputs
// stay within `out`.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "base/allowed_folders.h"
#include "commands/command_result.h"
#include "check/check.h"
#include "model/batch_summary.h"

namespace jixiao {

struct BatchOptions {
  std::string folder;
  std::string out = "output";
  std::string templates;
  std::string reference_docx;  // report.docx's styles from this .docx
  int jobs = 0;             // 0: the machine's cores
  bool score_only = false;  // score and check, write no reports
  // A report missing a required fragment fails its project (missing-fragment)
  // instead of being written with a placeholder and a warning (BatchRow::notes).
  bool strict = false;
  // report.pdf for every report, converted after the projects, all in one
  // LibreOffice process (render/pdf/convert_pdf.h), each put in place whole.
  bool pdf = false;
  bool write_summary = true;  // <out>/汇总.xlsx
  // The archive every project is kept in (commands/archive_step.h), and
  // last year's total read from for the reports and the summary; "" none.
  std::string db;
  // --indicators: a system file (every project is scored against it, as
  // `report --indicators` does, 自评表 included), or a folder of systems: an
  // allowed folder, where a project whose `system:` names no file in the
  // allowed folders finds it by file name (LoadProject's systems_folder;
  // 自评表 files name no system and are read as without it).
  std::string indicators;
  // Each report's set flushed before it is swapped in (false), or none
  // flushed until every project is done: then one syncfs of `out`, before
  // the summary is written (--sync end; atomic_file.h, SetSync::kDeferred).
  bool sync_at_end = false;
  // The folders besides `folder` that paths named in a project may lie in
  // (allowed_folders.h); null: the bundled indicators/. `folder` is always allowed.
  std::shared_ptr<const AllowedFolders> allowed;
  const std::atomic<bool>* interrupted = nullptr;
  // Each project runs in a worker process: one that takes longer than this
  // is stopped and listed as failed (0: no limit).
  double timeout_seconds = 120;
  // After an interrupt, how long projects already begun may take to finish
  // before their workers are stopped (their unfinished outputs removed).
  int grace_ms = 1000;
  // Tests only: called in the worker process before each project (to make
  // one crash or hang on purpose). The command line never sets it.
  std::function<void(const std::string& dir)> before_project;
  Language language = Language::kChinese;  // of a failed project's reason (BatchRow::error)
};

// The rows and counts (BatchSummary), and as every command: the exit status
// (kInterrupted, else kBatchFailures, else kFindings when a project's check
// found errors, else kOk; kInput when `folder` is not a folder, when
// `indicators` is neither a system that loads nor a folder, or when the
// flush of --sync end fails: then no summary is written).
struct BatchOutcome : CommandResult, BatchSummary {
  std::string refused;       // why the run did not start, as printed; set with exit kInput
  std::string summary_path;  // the summary workbook written
  size_t with_errors = 0;    // projects done whose check found errors
};

// Every project under `root`, sorted by path: each folder holding a
// project.yaml, and each filled 自评表 (IsSelfFormFileName, in a folder
// without a project.yaml), as finance bureaus receive them.
// `skip`, when given, is a folder not to look into (the run's output folder).
// `links`, when given, receives the symbolic links found where a project
// would be (a linked project folder or 自评表): they are not followed.
std::vector<std::string> FindProjects(const std::string& root, const std::string& skip = "",
                                      std::vector<std::string>* links = nullptr);

// A project's row in the summary: its name, 一级 scores, total and grade
// beside what it states, and the counts of its check's findings. Batch makes
// one per project; a server, one per uploaded file.
BatchRow SummaryRow(const std::string& dir, const ScoredProject& sp, const CheckResult& check);

// Called after each project with (finished, total, row).
using BatchProgress = std::function<void(size_t, size_t, const BatchRow&)>;

BatchOutcome RunBatch(const BatchOptions& opt, const BatchProgress& progress);

}  // namespace jixiao
