#include "report.h"

#include <filesystem>

#include "atomic_file.h"
#include "messages.h"
#include "render.h"

namespace fs = std::filesystem;

namespace jixiao {

std::vector<std::string> WriteReport(const ScoredProject& sp, const TemplateSet& t,
                                     const std::string& out_dir) {
  Fragments fragments = LoadFragments(sp.project->text_dir);
  Report report = RenderReport(sp, t, fragments);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) Fail(SourceLoc{out_dir}, "", msg::kCannotWrite, ec.message());
  std::vector<std::string> written;
  auto path = [&](const char* name) { return (fs::path(out_dir) / name).string(); };
  WriteFileAtomic(path("report.md"), report.markdown);
  written.push_back(path("report.md"));
  WriteFileAtomic(path("report.html"), report.html);
  written.push_back(path("report.html"));
  RenderXlsx(sp, path("评分表.xlsx"));
  written.push_back(path("评分表.xlsx"));
  return written;
}

}  // namespace jixiao
