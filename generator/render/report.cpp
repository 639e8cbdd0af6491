#include "render/report.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "render/pdf/convert_pdf.h"
#include "render/report_writers.h"

namespace fs = std::filesystem;

namespace jixiao {

std::vector<std::string> WriteReport(const ScoredProject& sp, const TemplateSet& t,
                                     const std::string& out_dir, const std::vector<ExtraOutput>& extra,
                                     const ReportOptions& options, Diagnostics* warnings) {
  Fragments fragments = LoadFragments(sp.project->Files(), sp.project->text_dir);
  Report report = RenderReport(sp, t, fragments, options);
  if (warnings) warnings->Append(report.warnings);
  PendingFolder pending(out_dir);
  std::vector<std::string> written;
  const ReportKind kind = ReportKindOf(sp);
  for (const ReportWriter& w : ReportWriters()) {
    if (w.kind != kind) continue;
    w.write(sp, report, (fs::path(pending.scratch()) / w.file_name).string());
    written.push_back((fs::path(out_dir) / w.file_name).string());
  }
  if (options.pdf) {
    const fs::path docx = fs::path(pending.scratch()) / "report.docx";
    ConvertDocxToPdf({docx.string()});
    written.push_back((fs::path(out_dir) / "report.pdf").string());
  }
  for (const ExtraOutput& e : extra) {
    WriteFileAtomic((fs::path(pending.scratch()) / e.name).string(), e.content);
    written.push_back((fs::path(out_dir) / e.name).string());
  }
  pending.Commit();
  return written;
}

}  // namespace jixiao
