#include "render/report.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "render/render.h"

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
  auto path = [&](const char* name) { return (fs::path(out_dir) / name).string(); };
  WriteFileAtomic(path("report.md"), report.markdown);
  written.push_back(path("report.md"));
  WriteFileAtomic(path("report.html"), report.html);
  written.push_back(path("report.html"));
  // A self-evaluation gets the Ministry's 自评表 instead of the scoring workbook.
  const char* sheet = sp.system().SelfEvaluation() ? "自评表.xlsx" : "评分表.xlsx";
  if (sp.system().SelfEvaluation()) RenderSelfXlsx(sp, path(sheet));
  else RenderXlsx(sp, path(sheet));
  written.push_back(path(sheet));
  return written;
}

}  // namespace jixiao
