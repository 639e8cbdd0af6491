#include "commands/batch.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "base/precision.h"
#include "check/check.h"
#include "commands/output_folder.h"
#include "load/input_kind.h"
#include "load/load.h"
#include "render/report.h"
#include "render/xlsx/render_summary_xlsx.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

std::string ErrorText(const InputError& e, Language lang) {
  std::string s;
  for (const auto& d : e.diagnostics().All()) s += RenderDiagnostic(d, lang);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// `clash`: another project found earlier that writes to the same folder.
BatchRow RunOne(std::string dir, const BatchOptions& opt, const TemplateSet& templates,
               SystemCache& systems, const std::string& clash) {
  BatchRow row;
  row.dir = std::move(dir);
  const std::string& dir_ref = row.dir;
  try {
    if (!clash.empty())
      Fail(SourceLoc{dir_ref}, "", msg::kBatchOutputClash, (fs::path(opt.out) / BatchOutputRel(dir_ref, opt.folder)).string(), clash);
    // A 自评表 is a submission: read under review, so a blank 完成值 or a
    // missing 偏差原因 is a check finding rather than a failed project.
    const bool form = InputKindOf(dir_ref) == InputKind::kSelfForm;
    auto project = LoadProject(dir_ref, "", &systems, /*review=*/form);
    ScoredProject sp = ScoreProject(project);
    CheckResult check = CheckProject(sp, CheckOptions{});
    row.name = project->info.name;
    row.department = project->info.department;
    row.year = project->info.year;
    row.total = sp.total;
    row.grade = sp.grade;
    for (const auto& r : sp.roots) row.level1.emplace_back(r.def->code + " " + r.def->name, r.score.ToShort(kScorePlaces));
    row.errors = check.errors;
    row.warnings = check.warnings;
    if (!opt.score_only) {
      fs::path rel = BatchOutputRel(dir_ref, opt.folder);
      fs::path out = fs::path(opt.out) / rel;
      WriteReport(sp, templates, out.string());
      if (!check.findings.empty()) {
        std::string md = RenderCheckMarkdown(check);
        WriteFileAtomic((out / "check.md").string(), md);
      }
      row.report = (rel / "report.html").string();
    }
    row.ok = true;
  } catch (const InputError& e) {
    row.error = ErrorText(e, opt.language);
  } catch (const std::exception& e) {
    row.error = e.what();
  }
  return row;
}

}  // namespace

std::vector<std::string> FindProjects(const std::string& root, const std::string& skip) {
  std::vector<std::string> found;
  std::error_code ec;
  auto has_yaml = [&](const fs::path& dir) { return fs::is_regular_file(dir / "project.yaml", ec); };
  // An output folder inside the input folder holds the 自评表.xlsx files an
  // earlier run wrote: they are not submissions.
  std::error_code skip_ec;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, skip_ec);
  if (has_yaml(root)) found.push_back(root);
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_directory(ec)) {
      std::error_code canon_ec;
      if (!skipped.empty() && p.filename() == skipped.filename() && fs::weakly_canonical(p, canon_ec) == skipped) {
        it.disable_recursion_pending();
        continue;
      }
      if (has_yaml(p)) found.push_back(p.string());
    } else if (it->is_regular_file(ec) && IsSelfFormFileName(p.string()) && !has_yaml(p.parent_path())) {
      // Only a regular file: a FIFO named like a 自评表 would block its reader.
      // A 自评表 beside a project.yaml belongs to that project (an input or an output).
      found.push_back(p.string());
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

BatchOutcome RunBatch(const BatchOptions& opt, const BatchProgress& progress) {
  BatchOutcome result;
  result.language = opt.language;
  std::error_code ec;
  if (!fs::is_directory(opt.folder, ec)) {
    result.exit = ExitCode::kInput;
    result.refused = fmt::format("{}: 错误: 不是文件夹 / not a folder\n", opt.folder);
    return result;
  }
  TemplateSet templates;  // one set, read by every worker
  try {
    templates = LoadTemplates(opt.templates);
  } catch (const InputError& e) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Append(e.diagnostics());
    return result;
  }
  SystemCache systems;                                   // each system parsed once
  std::vector<std::string> dirs = FindProjects(opt.folder, opt.score_only ? "" : opt.out);
  std::vector<std::optional<BatchRow>> slots(dirs.size());  // filled as projects finish
  // X自评表.xlsx and a folder X自评表/ would write to the same place: the
  // second one found is reported instead of overwriting the first's outputs.
  std::vector<std::string> clash(dirs.size());
  if (!opt.score_only) {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < dirs.size(); ++i) {
      auto [at, fresh] = first.emplace(fs::path(BatchOutputRel(dirs[i], opt.folder)).lexically_normal().string(), i);
      if (!fresh) clash[i] = dirs[at->second];
    }
  }
  int jobs = opt.jobs > 0 ? opt.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, std::max<size_t>(1, dirs.size()));

  std::atomic<size_t> next{0};
  std::mutex mu;  // guards `finished` and the progress callback
  size_t finished = 0;
  auto worker = [&] {
    for (;;) {
      if (opt.interrupted && opt.interrupted->load()) return;
      size_t i = next.fetch_add(1);
      if (i >= dirs.size()) return;
      BatchRow row = RunOne(std::move(dirs[i]), opt, templates, systems, clash[i]);  // the row keeps the path
      std::lock_guard<std::mutex> lock(mu);
      slots[i] = std::move(row);
      ++finished;
      if (progress) progress(finished, dirs.size(), *slots[i]);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  // Keep the order the projects were found in; drop what an interrupt left undone.
  for (auto& slot : slots)
    if (slot) result.rows.push_back(std::move(*slot));
  result.interrupted = result.rows.size() < dirs.size();
  for (const auto& r : result.rows) (r.ok ? result.done : result.failed)++;
  for (const auto& row : result.rows) result.with_errors += row.ok && row.errors > 0 ? 1 : 0;
  if (opt.write_summary) {
    fs::create_directories(opt.out, ec);
    result.summary_path = (fs::path(opt.out) / "汇总.xlsx").string();
    try {
      RenderSummaryXlsx(result, result.summary_path);
    } catch (const InputError& e) {
      result.exit = ExitCode::kInput;
      result.diagnostics.Append(e.diagnostics());
      return result;
    }
    result.files.push_back(OutputFile{result.summary_path, ""});
  }
  if (result.interrupted) result.exit = ExitCode::kInterrupted;
  else if (result.failed) result.exit = ExitCode::kBatchFailures;
  else if (result.with_errors) result.exit = ExitCode::kFindings;
  return result;
}

}  // namespace jixiao
