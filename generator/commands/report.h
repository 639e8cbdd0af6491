// `jixiao report`: a project and the templates in; report.md, report.html
// and 评分表.xlsx (自评表.xlsx for a self-evaluation) out, in the project's
// output folder (output_folder.h) — or, with `keep_in_memory`, their bytes
// and nothing written.
#pragma once

#include <optional>
#include <string>

#include "commands/command_result.h"
#include "commands/project_input.h"
#include "render/report.h"

namespace jixiao {

struct ReportRequest {
  ProjectInput project;
  std::string indicators;        // a system to use instead of the one project.yaml names
  std::string out = "output";    // the output folder; the report goes to <out>/<project folder name>/
  std::string templates;         // a folder of templates overriding the built-in ones
  const TemplateSet* template_set = nullptr;  // already loaded (a server's); `templates` unused then
  bool keep_in_memory = false;   // fill OutputFile::bytes and write nothing
  Language language = Language::kChinese;
};

struct ReportOutcome : CommandResult {
  std::optional<ScoredProject> scored;  // unless refused
  std::string dir;                      // the project's output folder
};

ReportOutcome RunReport(const ReportRequest& request);

}  // namespace jixiao
