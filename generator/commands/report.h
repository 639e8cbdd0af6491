// `jixiao report`: a project and the templates in; report.md, report.html
// and 评分表.xlsx (自评表.xlsx for a self-evaluation) out, in the project's
// output folder (output_folder.h) — or, with `keep_in_memory`, their bytes
// and nothing written. A missing narrative fragment is a placeholder in the
// report and a warning (fragment-placeholder) in `diagnostics`, the exit
// status still kOk; with `strict` it refuses the report.
#pragma once

#include <optional>
#include <string>

#include "archive/archive_run.h"
#include "commands/command_result.h"
#include "commands/project_input.h"
#include "render/report.h"

namespace jixiao {

struct ReportRequest {
  ProjectInput project;
  std::string indicators;        // a system to use instead of the one project.yaml names
  std::string out = "output";    // the output folder; the report goes to <out>/<project folder name>/
  std::string templates;         // a folder of templates overriding the built-in ones
  std::string reference_docx;    // report.docx's styles from this .docx (render/docx/render_docx.h)
  const TemplateSet* template_set = nullptr;  // already loaded (a server's); `templates` unused then
  bool keep_in_memory = false;   // fill OutputFile::bytes and write nothing
  // A fragment the template requires but the project lacks (text/项目概况.md …)
  // refuses the report (missing-fragment) instead of a placeholder and a warning.
  bool strict = false;
  // report.pdf as well, through LibreOffice (render/pdf/convert_pdf.h);
  // refused at once, naming the packages, when the converter is missing.
  bool pdf = false;
  // The archive to keep this run in, and last year's figures from (sqlite:FILE, postgresql:…; archive_step.h); "" none.
  std::string db;
  Language language = Language::kChinese;
};

struct ReportOutcome : CommandResult {
  std::optional<ScoredProject> scored;  // unless refused
  std::string dir;                      // the project's output folder
  std::optional<ArchiveOutcome> archive;  // with a db: the run as stored, last year's figures
};

ReportOutcome RunReport(const ReportRequest& request);

}  // namespace jixiao
