#include "commands/check.h"

#include "commands/archive_step.h"

#include <filesystem>
#include <optional>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "check/check_workbook.h"
#include "commands/archive_step.h"
#include "commands/output_folder.h"
#include "render/report.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

// A submitted 自评表 gets the annotated copy a scoring sheet gets, its
// findings placed on the form's sheet (the sheet its first finding names).
SheetCheck FormAnnotation(const CheckResult& r) {
  SheetCheck annotated;
  annotated.result = r;
  annotated.sheet = "自评表";
  for (const auto& f : r.findings) {
    size_t bang = f.loc.cell.rfind('!');
    if (bang != std::string::npos) {
      annotated.sheet = f.loc.cell.substr(0, bang);
      break;
    }
  }
  return annotated;
}

}  // namespace

CheckOutcome RunCheck(const CheckRequest& request) {
  CheckOutcome out;
  out.language = request.language;
  out.inputs = request.target.files;
  CheckOptions opt = request.options;
  opt.language = request.language;
  CatchInputError(out, [&] {
    std::unique_ptr<Database> db = OpenArchive(request.db);
    const ProjectInput& target = request.target;
    const std::string* bytes = target.files ? nullptr : target.bytes.get();  // a workbook uploaded; null: the disk
    const InputKind kind = target.files ? InputKind::kProjectFolder : ReadInputKind(target.path, bytes);
    std::optional<SheetCheck> sheet;
    std::shared_ptr<const Project> project;
    if (!IsProjectKind(kind)) {
      try {
        sheet = CheckScoringSheet(target.path, opt, bytes);
      } catch (InputError& e) {
        // Neither layout: say, too, how near it came to a 自评表.
        SelfFormLabels labels = FindSelfFormLabels(target.path, bytes);
        if (labels.found.size() >= 2) {
          auto join = [](const std::vector<std::string>& v) {
            std::string s;
            for (const auto& x : v) s += (s.empty() ? "" : "、") + x;
            return s;
          };
          Diagnostics more = e.diagnostics();
          more.Error(SourceLoc{target.path}, "", msg::kFormLabelsFound, join(labels.found), join(labels.missing));
          throw InputError(more);
        }
        throw;
      }
      out.check = sheet->result;
    } else {
      project = LoadProjectInput(target, request.indicators, nullptr, /*review=*/true);
      ScoredProject scored = ScoreProject(project);
      out.check = CheckProject(scored, opt);
      if (db) out.archive = ArchiveScored(*db, scored, out.check, target.Name(), "check");
    }
    out.checked = true;
    if (request.out.empty()) return;
    out.dir = CheckOutputDir(request.out, target.Name(), kind, project.get());
    std::string md = RenderCheckMarkdown(out.check);
    std::string html = RenderStandaloneHtml(out.check.name + " 审核意见", md);
    std::optional<SheetCheck> annotated;
    if (sheet) annotated = *sheet;
    else if (IsWorkbookKind(kind)) annotated = FormAnnotation(out.check);
    std::string copy_name = fs::path(target.path).stem().string() + ".审核.xlsx";
    if (request.keep_in_memory) {
      out.files.push_back(OutputFile{out.dir + "/check.md", std::move(md)});
      out.files.push_back(OutputFile{out.dir + "/check.html", std::move(html)});
      if (annotated) {
        auto kept = KeepInMemory(out.dir, [&](const std::string& scratch) {
          std::string path = scratch + "/" + copy_name;
          WriteAnnotatedCopy(target.path, *annotated, path, bytes);
          return std::vector<std::string>{path};
        });
        for (auto& f : kept) out.files.push_back(std::move(f));
      }
      return;
    }
    std::error_code ec;
    fs::create_directories(out.dir, ec);
    WriteFileAtomic(out.dir + "/check.md", md);
    out.files.push_back(OutputFile{out.dir + "/check.md", ""});
    WriteFileAtomic(out.dir + "/check.html", html);
    out.files.push_back(OutputFile{out.dir + "/check.html", ""});
    if (annotated) {
      std::string copy = out.dir + "/" + copy_name;
      WriteAnnotatedCopy(target.path, *annotated, copy, bytes);
      out.files.push_back(OutputFile{copy, ""});
    }
  });
  if (!out.Refused() && out.check.errors > 0) out.exit = ExitCode::kFindings;
  return out;
}

}  // namespace jixiao
