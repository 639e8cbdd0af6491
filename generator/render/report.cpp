#include "render/report.h"

#include <filesystem>

#include "base/messages.h"
#include "render/report_writers.h"

namespace fs = std::filesystem;

namespace jixiao {

std::vector<std::string> WriteReport(const ScoredProject& sp, const TemplateSet& t,
                                     const std::string& out_dir) {
  Fragments fragments = LoadFragments(sp.project->Files(), sp.project->text_dir);
  Report report = RenderReport(sp, t, fragments);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) Fail(SourceLoc{out_dir}, "", msg::kCannotWrite, ec.message());
  std::vector<std::string> written;
  const ReportKind kind = ReportKindOf(sp);
  for (const ReportWriter& w : ReportWriters()) {
    if (w.kind != kind) continue;
    const std::string path = (fs::path(out_dir) / w.file_name).string();
    w.write(sp, report, path);
    written.push_back(path);
  }
  return written;
}

}  // namespace jixiao
