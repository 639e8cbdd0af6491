#include "commands/report.h"

#include <filesystem>

#include "commands/archive_step.h"
#include "commands/output_folder.h"
#include "render/pdf/convert_pdf.h"

namespace fs = std::filesystem;

namespace jixiao {

ReportOutcome RunReport(const ReportRequest& request) {
  ReportOutcome out;
  out.language = request.language;
  out.inputs = request.project.files;
  CatchInputError(out, [&] {
    if (request.pdf) RequirePdfConverter();
    std::optional<TemplateSet> loaded;
    if (!request.template_set) loaded = LoadTemplates(request.templates);
    if (!request.reference_docx.empty()) {
      if (!loaded) loaded = *request.template_set;
      UseReferenceDocx(*loaded, request.reference_docx);
    }
    const TemplateSet& templates = loaded ? *loaded : *request.template_set;
    out.diagnostics.Append(templates.warnings);
    std::unique_ptr<Database> db = OpenArchive(request.db);
    auto project = LoadProjectInput(request.project, request.indicators);
    out.scored = ScoreProject(project);
    // With an archive, the check it keeps is the one the report's consistency check reads.
    std::optional<CheckResult> check;
    if (db) {
      check = CheckProject(*out.scored, {});
      out.archive = ArchiveScored(*db, *out.scored, *check, request.project.Name(), "report");
    }
    const ProjectInput& in = request.project;
    out.dir = ReportOutputDir(request.out, in.Name(), in.bytes || (!in.files && IsXlsxPath(in.path)), *project);
    const ReportOptions options{request.strict, request.pdf,
                                out.archive && out.archive->previous ? &*out.archive->previous : nullptr,
                                check ? &*check : nullptr};
    Diagnostics warnings;
    if (request.keep_in_memory) {
      out.files = KeepInMemory(out.dir, [&](const std::string& scratch) {
        return WriteReport(*out.scored, templates, scratch, {}, options, &warnings);
      });
    } else {
      for (auto& path : WriteReport(*out.scored, templates, out.dir, {}, options, &warnings))
        out.files.push_back(OutputFile{std::move(path), ""});
    }
    out.diagnostics.Append(warnings);
  }, request.project.path);
  return out;
}

}  // namespace jixiao
