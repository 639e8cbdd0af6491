// `jixiao check`: a project (scored from its data and compared with what it
// states), a submitted 自评表.xlsx (a project of its own) or a submitted 附件1
// scoring workbook (checked on its own figures) in, a workbook on disk or
// uploaded (ProjectInput::bytes); the findings out, and
// with an output folder check.md, check.html and, for a workbook, an
// annotated copy (<name>.审核.xlsx) — or their bytes, with `keep_in_memory`.
#pragma once

#include <string>

#include "archive/archive_run.h"
#include "check/check.h"
#include "commands/command_result.h"
#include "commands/project_input.h"

namespace jixiao {

struct CheckRequest {
  ProjectInput target;     // its kind decided by ReadInputKind; given as files in memory, a project
  std::string indicators;  // a system to use instead of the one project.yaml names
  CheckOptions options;    // the tolerance; its language is the request's
  std::string out;         // where check.md etc. go (output_folder.h); empty: nowhere
  bool keep_in_memory = false;  // fill OutputFile::bytes and write nothing
  // The archive to keep a checked project in (a submitted 评分表 alone is not a project: not kept) (sqlite:FILE, postgresql:…; archive_step.h); "" none.
  std::string db;
  Language language = Language::kChinese;
};

struct CheckOutcome : CommandResult {
  bool checked = false;  // `check` holds the findings (false when the target was refused)
  CheckResult check;
  std::string dir;  // the output folder, when `out` was given
  std::optional<ArchiveOutcome> archive;  // with a db and a project: the run as stored
};

// exit: kFindings when a finding is an error, kInput when refused.
CheckOutcome RunCheck(const CheckRequest& request);

}  // namespace jixiao
