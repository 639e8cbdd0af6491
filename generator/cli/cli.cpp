// jixiao: the command line. A thin layer: parse arguments, call the
// library, print, and map outcomes to exit codes (0 ok, 1 findings with
// errors, 2 bad input or usage).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <iostream>

#include "base/diagnostics.h"
#include "load/load.h"
#include "base/atomic_file.h"
#include "commands/batch.h"
#include "check/check.h"
#include "check/check_workbook.h"
#include "render/xlsx/collect_workbook.h"
#include "import/import_system.h"
#include "render/render.h"
#include "render/report.h"
#include "score/score.h"

namespace {

using namespace jixiao;

constexpr int kExitOk = 0;
constexpr int kExitInput = 2;

void ChooseLanguage(const std::string& flag) {
  std::string lang = flag;
  if (lang.empty()) {
    const char* env = std::getenv("JIXIAO_LANG");
    if (env) lang = env;
  }
  SetLanguage(lang.rfind("en", 0) == 0 ? Language::kEnglish : Language::kChinese);
}

int PrintInputError(const InputError& e) {
  for (const auto& d : e.diagnostics().All()) std::cerr << RenderDiagnostic(d);
  size_t errors = 0;
  for (const auto& d : e.diagnostics().All()) errors += d.severity == Severity::kError ? 1 : 0;
  std::cerr << (CurrentLanguage() == Language::kEnglish
                    ? fmt::format("{} error(s).\n", errors)
                    : fmt::format("共 {} 个错误。\n", errors));
  return kExitInput;
}

struct ScoreOptions {
  std::string project;
  std::string indicators;
  bool json = false;
};

int RunScore(const ScoreOptions& o) {
  auto project = LoadProject(o.project, o.indicators);
  ScoredProject sp = ScoreProject(project);
  std::cout << (o.json ? RenderJson(sp) : RenderTerminal(sp));
  return kExitOk;
}

struct ReportOptions {
  std::string project;
  std::string indicators;
  std::string out = "output";
  std::string templates;
};

// output/<project folder name>/: one folder per project, as batch will use.
std::string ProjectOutputDir(const std::string& out, const Project& p) {
  std::filesystem::path dir = std::filesystem::path(p.dir).filename();
  if (dir.empty() || dir == ".") dir = std::filesystem::absolute(p.dir).filename();
  return (std::filesystem::path(out) / dir).string();
}

int RunReport(const ReportOptions& o) {
  TemplateSet templates = LoadTemplates(o.templates);
  auto project = LoadProject(o.project, o.indicators);
  ScoredProject sp = ScoreProject(project);
  std::string dir = ProjectOutputDir(o.out, *project);
  for (const auto& path : WriteReport(sp, templates, dir)) std::cout << path << "\n";
  std::cout << fmt::format("{}：{} 分，{}\n", project->info.name, sp.total.ToShort(), sp.grade);
  return kExitOk;
}

struct CheckOptionsCli {
  std::string target;
  std::string indicators;
  std::string out;
  std::string tolerance;
  bool json = false;
};

constexpr int kExitFindings = 1;

int RunCheck(const CheckOptionsCli& o) {
  CheckOptions opt;
  if (!o.tolerance.empty()) {
    auto t = Decimal::Parse(o.tolerance);
    if (!t || t->Sign() < 0) {
      std::cerr << fmt::format("--tolerance: 应为非负数，实际为“{}” / expected a non-negative number\n", o.tolerance);
      return kExitInput;
    }
    opt.tolerance = *t;
  }
  // A submitted workbook is checked on its own figures; a project folder
  // (or its project.yaml) is scored from its data and compared with `stated:`.
  // A filled 自评表 is a project of its own (load_self_form.cpp): its 得分 and 总分 are the stated figures.
  bool workbook = IsXlsxPath(o.target) && !IsSelfFormWorkbook(o.target);
  std::optional<SheetCheck> sheet;
  std::shared_ptr<const Project> project;
  CheckResult r;
  if (workbook) {
    sheet = CheckScoringSheet(o.target, opt);
    r = sheet->result;
  } else {
    project = LoadProject(o.target, o.indicators, nullptr, /*review=*/true);
    r = CheckProject(ScoreProject(project), opt);
  }
  std::cout << (o.json ? RenderCheckJson(r) : RenderCheckTerminal(r));
  if (!o.out.empty()) {
    std::filesystem::path stem = std::filesystem::path(o.target).stem();
    bool xlsx_target = IsXlsxPath(o.target);  // a submitted workbook or 自评表: output named after the file
    std::string dir = xlsx_target ? (std::filesystem::path(o.out) / stem).string() : ProjectOutputDir(o.out, *project);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string md = RenderCheckMarkdown(r);
    WriteFileAtomic(dir + "/check.md", md);
    WriteFileAtomic(dir + "/check.html", RenderStandaloneHtml(r.name + " 审核意见", md));
    if (!o.json) std::cout << dir << "/check.md\n" << dir << "/check.html\n";
    bool form = !workbook && IsXlsxPath(o.target);
    if (workbook || form) {
      // A submitted 自评表 gets the same annotated copy, its findings placed on the form's sheet.
      SheetCheck annotated;
      if (workbook) {
        annotated = *sheet;
      } else {
        annotated.result = r;
        annotated.sheet = "自评表";
        for (const auto& f : r.findings) {
          size_t bang = f.loc.cell.rfind('!');
          if (bang != std::string::npos) {
            annotated.sheet = f.loc.cell.substr(0, bang);
            break;
          }
        }
      }
      std::string copy = dir + "/" + stem.string() + ".审核.xlsx";
      WriteAnnotatedCopy(o.target, annotated, copy);
      if (!o.json) std::cout << copy << "\n";
    }
  }
  return r.errors > 0 ? kExitFindings : kExitOk;
}

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

constexpr int kExitFailed = 3;
constexpr int kExitInterrupted = 130;

struct BatchOptionsCli {
  std::string folder;
  std::string out = "output";
  std::string templates;
  int jobs = 0;
  bool score_only = false;
};

int RunBatchCommand(const BatchOptionsCli& o) {
  std::error_code ec;
  if (!std::filesystem::is_directory(o.folder, ec)) {
    std::cerr << fmt::format("{}: 错误: 不是文件夹 / not a folder\n", o.folder);
    return kExitInput;
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  BatchOptions opt;
  opt.folder = o.folder;
  opt.out = o.out;
  opt.templates = o.templates;
  opt.jobs = o.jobs;
  opt.score_only = o.score_only;
  opt.interrupted = &g_interrupted;
  bool tty = isatty(STDERR_FILENO) != 0;
  auto start = std::chrono::steady_clock::now();
  BatchResult r = RunBatch(opt, [&](size_t done, size_t total, const BatchRow& row) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
    if (tty) {
      // One line redrawn in place: bar, count, rate, time left.
      const int width = 28;
      int filled = total ? static_cast<int>(width * done / total) : width;
      std::cerr << fmt::format("\r[{}{}] {}/{}  {:.1f} 个/秒  剩余 {:02}:{:02}  ", std::string(static_cast<size_t>(filled), '#'),
                               std::string(static_cast<size_t>(width - filled), '.'), done, total, rate,
                               static_cast<int>(left) / 60, static_cast<int>(left) % 60);
      if (!row.ok) std::cerr << "\n失败：" << row.dir << "\n";
      if (done == total) std::cerr << "\n";
    } else {
      std::cerr << fmt::format("[{}/{}] {}: {}\n", done, total, row.dir,
                               row.ok ? row.total.ToShort() + " " + row.grade : "失败 / failed");
    }
    if (!row.ok) std::cerr << row.error << "\n";
  });
  std::filesystem::create_directories(o.out, ec);
  std::string summary = (std::filesystem::path(o.out) / "汇总.xlsx").string();
  RenderSummaryXlsx(r, summary);
  size_t with_errors = 0;
  for (const auto& row : r.rows) with_errors += row.ok && row.errors > 0 ? 1 : 0;
  std::cout << fmt::format("{} 个项目：完成 {}，失败 {}，核对有错误的 {}{}。汇总：{}\n", r.rows.size(), r.done, r.failed,
                           with_errors, r.interrupted ? "（已中断，未处理的项目未计入）" : "", summary);
  if (r.interrupted) return kExitInterrupted;
  if (r.failed) return kExitFailed;
  return with_errors ? kExitFindings : kExitOk;
}

struct InitOptions {
  std::string dir;
  std::string indicators;
  bool force = false;
};

int RunInit(const InitOptions& o) {
  for (const auto& path : InitProject(o.indicators, o.dir, o.force)) std::cout << path << "\n";
  std::cout << fmt::format("填写 {} 后运行 / fill in the workbook, then run: jixiao score {}\n",
                           kCollectWorkbookName, o.dir);
  return kExitOk;
}

struct ImportOptionsCli {
  std::string workbook;
  std::string out;
  ImportOptions options;
};

int RunImport(const ImportOptionsCli& o) {
  ImportedSystem imported = ImportSystem(o.workbook, o.out, o.options);
  std::cout << RenderImportSummary(imported, o.out);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "jixiao（绩效）: 预算绩效评价评分与报告 / fiscal performance-evaluation scoring and reports"};
  app.require_subcommand(1);
  std::string lang;
  app.add_option("--lang", lang, "消息语言 zh|en (default: $JIXIAO_LANG, else zh)");
  app.set_version_flag("--version", "jixiao 0.1.0");

  ScoreOptions score;
  CLI::App* sc = app.add_subcommand(
      "score", "逐项评分并打印总分和等级 / score every indicator, print the total and grade");
  sc->add_option("project", score.project, "项目文件夹或 project.yaml / project folder or its project.yaml")
      ->required();
  sc->add_option("--indicators", score.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  sc->add_flag("--json", score.json, "输出 JSON / print JSON for machines");
  sc->fallthrough();  // --lang may come after the subcommand too

  ReportOptions report;
  CLI::App* rp = app.add_subcommand(
      "report", "生成评价报告（report.md、report.html、评分表.xlsx）/ write the full report");
  rp->add_option("project", report.project, "项目文件夹或 project.yaml / project folder or its project.yaml")
      ->required();
  rp->add_option("-o,--output", report.out,
                 "输出文件夹，报告写入其下的 <项目文件夹名>/ / output folder (default: output)");
  rp->add_option("--templates", report.templates,
                 "模板文件夹，其中的同名文件替换内置模板 / folder of templates overriding the built-in ones");
  rp->add_option("--indicators", report.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");

  rp->fallthrough();

  CheckOptionsCli check;
  CLI::App* ck = app.add_subcommand(
      "check", "核对报送的得分、合计、比率与勾稽关系 / recompute and check the figures a submission states");
  ck->add_option("target", check.target,
                 "项目文件夹、project.yaml，或报送的评分表 .xlsx / project folder, its project.yaml, or a submitted scoring workbook")
      ->required();
  ck->add_flag("--json", check.json, "输出 JSON / print JSON for machines");
  ck->add_option("-o,--output", check.out,
                 "把审核意见写入 <文件夹>/<项目文件夹名>/check.md 和 check.html / also write check.md and check.html");
  ck->add_option("--tolerance", check.tolerance,
                 "差额不超过此数的记为警告而非错误（默认 0，即精确）/ differences up to this are warnings (default 0)");
  ck->add_option("--indicators", check.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  ck->fallthrough();

  BatchOptionsCli batch;
  CLI::App* bt = app.add_subcommand(
      "batch", "批量评分、核对并生成报告，输出汇总表 / score, check and report every project under a folder");
  bt->add_option("folder", batch.folder, "含多个项目文件夹的文件夹 / folder holding project folders")->required();
  bt->add_option("-o,--output", batch.out, "输出文件夹（默认 output）/ output folder (default: output)");
  bt->add_option("-j,--jobs", batch.jobs, "并行数（默认为 CPU 核数）/ workers (default: the machine's cores)")
      ->check(CLI::NonNegativeNumber);
  bt->add_flag("--score-only", batch.score_only, "只评分和核对，不生成报告 / score and check only, write no reports");
  bt->add_option("--templates", batch.templates,
                 "模板文件夹，其中的同名文件替换内置模板 / folder of templates overriding the built-in ones");
  bt->fallthrough();

  InitOptions init;
  CLI::App* in = app.add_subcommand(
      "init", "新建项目文件夹：project.yaml 和按指标体系生成的数据采集表.xlsx / a new project folder with a data-collection workbook");
  in->add_option("folder", init.dir, "要新建的项目文件夹，如 inputs/新项目 / the project folder to create")->required();
  in->add_option("--indicators", init.indicators, "指标体系文件 / the indicator system (indicators/<system>.yaml)")
      ->required();
  in->add_flag("--force", init.force, "覆盖已有的 project.yaml 和数据采集表.xlsx / overwrite existing files");
  in->fallthrough();

  ImportOptionsCli import;
  CLI::App* ip = app.add_subcommand(
      "import", "从附件1格式的评分表 .xlsx 导入指标体系 / import an indicator system from a scoring sheet (.xlsx)");
  ip->add_option("workbook", import.workbook, "评分表 .xlsx / the scoring sheet")->required();
  ip->add_option("-o,--output", import.out, "写入的指标体系，如 indicators/<体系>.yaml / the YAML to write")
      ->required();
  ip->add_option("--sheet", import.options.sheet,
                 "读取此工作表（默认：第一个符合附件1格式的）/ read this sheet (default: the first in 附件1's layout)");
  ip->add_option("--name", import.options.name,
                 "指标体系名称（默认取自标题行）/ the system's name (default: from the title row)");
  ip->add_flag("--force", import.options.force, "覆盖已有的输出文件 / overwrite an existing output");
  ip->fallthrough();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInput;
  }
  ChooseLanguage(lang);
  try {
    if (sc->parsed()) return RunScore(score);
    if (rp->parsed()) return RunReport(report);
    if (ck->parsed()) return RunCheck(check);
    if (bt->parsed()) return RunBatchCommand(batch);
    if (ip->parsed()) return RunImport(import);
    if (in->parsed()) return RunInit(init);
  } catch (const InputError& e) {
    return PrintInputError(e);
  }
  return kExitOk;
}
