// jixiao: the command line. A thin layer: parse arguments, call the
// command (commands/), print what it gives back, and exit with its status
// (commands/exit_code.h).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <new>

#include "base/messages.h"
#include "base/precision.h"
#include "check/check.h"
#include "commands/archive_step.h"
#include "commands/batch.h"
#include "commands/check.h"
#include "commands/exit_code.h"
#include "commands/history.h"
#include "commands/import.h"
#include "commands/init.h"
#include "commands/report.h"
#include "commands/score.h"
#include "render/xlsx/collect_workbook.h"
#include "serve/server.h"

namespace {

using namespace jixiao;

// --lang, else $JIXIAO_LANG, else Chinese.
Language ChooseLanguage(const std::string& flag) {
  std::string lang = flag;
  if (lang.empty()) {
    const char* env = std::getenv("JIXIAO_LANG");
    if (env) lang = env;
  }
  return ParseLanguage(lang);
}

// The folders paths named in inputs may lie in, besides a project's own
// (base/allowed_folders.h): the bundled indicators/, the folders named with
// --allow-path, and for a single project the folder jixiao runs in (a batch
// reads files others sent: only its input folder, added by RunBatch).
std::shared_ptr<const AllowedFolders> CommandLineFolders(const std::vector<std::string>& allow_paths,
                                                         bool working_folder) {
  auto a = std::make_shared<AllowedFolders>();
  for (const auto& f : BundledIndicatorFolders()) a->Add(f);
  if (working_folder) a->Add(".");
  for (const auto& f : allow_paths) a->Add(f);
  return a;
}

// The diagnostics of a refused input, on stderr; the command's status.
int Finish(const CommandResult& r) {
  if (r.Refused() && !r.diagnostics.All().empty()) std::cerr << r.DiagnosticsText();
  if (!r.Refused())  // warnings of a run that went on (a risky custom template)
    for (const auto& d : r.diagnostics.All()) std::cerr << RenderDiagnostic(d, r.language);
  return ToInt(r.exit);
}

// With --db: where the run was kept, on stderr (stdout may be JSON).
void PrintArchived(const std::optional<ArchiveOutcome>& archive, Language lang) {
  if (archive) std::cerr << ArchiveLine(*archive, lang) << "\n";
}

int PrintScore(const ScoreRequest& request) {
  ScoreOutcome r = RunScore(request);
  std::cout << r.text;
  PrintArchived(r.archive, r.language);
  return Finish(r);
}

int PrintReport(const ReportRequest& request) {
  ReportOutcome r = RunReport(request);
  for (const auto& f : r.files) std::cout << f.path << "\n";
  if (!r.Refused())
    std::cout << Pick(Format(msg::kTermReportDone, r.scored->project->info.name, r.scored->total.ToFixed(kScorePlaces),
                             r.scored->grade), r.language) << "\n";
  PrintArchived(r.archive, r.language);
  const int status = Finish(r);
  size_t disagreements = 0;
  for (const auto& d : r.diagnostics.All()) disagreements += d.id == msg::kReportInconsistency.id;
  if (!r.Refused() && disagreements)
    std::cerr << Pick(Format(msg::kReportInconsistencies, disagreements), r.language) << "\n";
  return status;
}

struct CheckArguments {
  CheckRequest request;
  std::string tolerance;
  bool json = false;
};

int PrintCheck(CheckArguments& a) {
  if (!a.tolerance.empty()) {
    auto t = Decimal::Parse(a.tolerance);
    if (!t || t->Sign() < 0) {
      std::cerr << Pick(Format(msg::kTermBadTolerance, a.tolerance), a.request.language) << "\n";
      return ToInt(ExitCode::kInput);
    }
    a.request.options.tolerance = *t;
  }
  CheckOutcome r = RunCheck(a.request);
  if (r.checked) std::cout << (a.json ? RenderCheckJson(r.check) : RenderCheckTerminal(r.check, a.request.language));
  else if (a.json) std::cout << RenderRefusalJson(a.request.target.Name(), r.diagnostics.All(), a.request.language);
  if (!a.json)
    for (const auto& f : r.files) std::cout << f.path << "\n";
  PrintArchived(r.archive, r.language);
  return Finish(r);
}

int PrintHistory(const HistoryRequest& request) {
  HistoryOutcome r = RunHistory(request);
  std::cout << r.text;
  for (const auto& f : r.files) std::cerr << f.path << "\n";
  return Finish(r);
}

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

int PrintBatch(BatchOptions& opt) {
  std::error_code ec;
  if (std::filesystem::is_directory(opt.folder, ec)) {
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
  }
  opt.interrupted = &g_interrupted;
  bool tty = isatty(STDERR_FILENO) != 0;
  auto start = std::chrono::steady_clock::now();
  BatchOutcome r = RunBatch(opt, [&](size_t done, size_t total, const BatchRow& row) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
    if (tty) {
      // One line redrawn in place: bar, count, rate, time left.
      const int width = 28;
      int filled = total ? static_cast<int>(width * done / total) : width;
      std::cerr << fmt::format("\r[{}{}] {}/{}  {}  ", std::string(static_cast<size_t>(filled), '#'),
                               std::string(static_cast<size_t>(width - filled), '.'), done, total,
                               Pick(Format(msg::kBatchRate, rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60),
                                    opt.language));
      if (!row.ok) std::cerr << "\n" << Pick(Format(msg::kBatchFailedLine, row.dir), opt.language) << "\n";
      if (done == total) std::cerr << "\n";
    } else {
      std::cerr << fmt::format("[{}/{}] {}: {}\n", done, total, row.dir,
                               row.ok ? row.total.ToFixed(kScorePlaces) + " " + row.grade
                                      : Pick(Format(msg::kBatchFailedWord), opt.language));
    }
    if (!row.ok) std::cerr << row.error << "\n";
    if (!row.notes.empty()) std::cerr << row.notes << "\n";
  });
  if (!r.refused.empty()) std::cerr << r.refused;
  if (!r.Refused())
    std::cout << Pick(Format(msg::kBatchDone, r.rows.size(), r.done, r.failed, r.with_errors,
                             r.interrupted ? Pick(Format(msg::kBatchInterruptedNote), opt.language) : "", r.summary_path),
                      opt.language) << "\n";
  return Finish(r);
}

int PrintInit(const InitRequest& request) {
  CommandResult r = RunInit(request);
  for (const auto& f : r.files) std::cout << f.path << "\n";
  if (!r.Refused())
    std::cout << fmt::format("填写 {} 后运行 / fill in the workbook, then run: jixiao score {}\n",
                             kCollectWorkbookName, request.dir);
  return Finish(r);
}

int PrintImport(const ImportRequest& request) {
  ImportOutcome r = RunImport(request);
  std::cout << r.summary;
  return Finish(r);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "jixiao（绩效）: 预算绩效评价评分与报告 / fiscal performance-evaluation scoring and reports"};
  app.require_subcommand(1);
  std::string lang;
  app.add_option("--lang", lang, "消息语言 zh|en (default: $JIXIAO_LANG, else zh)");
  app.set_version_flag("--version", "jixiao 0.1.0");

  ScoreRequest score;
  CLI::App* sc = app.add_subcommand(
      "score", "逐项评分并打印总分和等级 / score every indicator, print the total and grade");
  sc->add_option("project", score.project.path, "项目文件夹或 project.yaml / project folder or its project.yaml")
      ->required();
  sc->add_option("--indicators", score.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  sc->add_flag("--json", score.json, "输出 JSON / print JSON for machines");
  const char* kDbHelp =
      "把本次结果存入此数据库（sqlite:文件 或 postgresql:连接串），并读出上年得分 / keep this run in the database "
      "(sqlite:FILE or postgresql:CONNINFO) and read last year's scores from it";
  sc->add_option("--db", score.db, kDbHelp);
  std::vector<std::string> allow_paths;
  const char* kAllowPathHelp =
      "允许输入文件引用此文件夹中的文件（可多次）/ let inputs name files in this folder (repeatable)";
  sc->add_option("--allow-path", allow_paths, kAllowPathHelp)->check(CLI::ExistingDirectory)->allow_extra_args(false);
  sc->fallthrough();  // --lang may come after the subcommand too

  ReportRequest report;
  CLI::App* rp = app.add_subcommand(
      "report", "生成评价报告（report.md、report.html、report.docx、评分表.xlsx）/ write the full report");
  rp->add_option("project", report.project.path, "项目文件夹或 project.yaml / project folder or its project.yaml")
      ->required();
  rp->add_option("-o,--output", report.out,
                 "输出文件夹，报告写入其下的 <项目文件夹名>/ / output folder (default: output)");
  rp->add_option("--templates", report.templates,
                 "模板文件夹，其中的同名文件替换内置模板 / folder of templates overriding the built-in ones");
  rp->add_option("--indicators", report.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  const char* kStrictHelp =
      "缺少模板需要的文字片段（text/项目概况.md 等）或正文数字与数据不符时拒绝生成报告，而不是占位并警告 / refuse a report "
      "missing a narrative fragment the template needs, or whose text disagrees with its data, instead of warnings";
  rp->add_flag("--strict", report.strict, kStrictHelp);
  const char* kPdfHelp =
      "另由 report.docx 生成 report.pdf（需 LibreOffice 和 unoconv）/ also write report.pdf from report.docx (needs "
      "LibreOffice and unoconv)";
  rp->add_flag("--pdf", report.pdf, kPdfHelp);
  rp->add_option("--db", report.db, kDbHelp);
  const char* kReferenceHelp =
      "report.docx 采用此 .docx 的样式（在 Word/WPS 中修改任一份 report.docx 的样式后保存即可；也可放在 --templates 文件夹中，"
      "名为 reference.docx）/ take report.docx's styles from this .docx (restyle any report.docx in Word or WPS and save it; "
      "or put it in the --templates folder as reference.docx)";
  rp->add_option("--reference-docx", report.reference_docx, kReferenceHelp)->check(CLI::ExistingFile);
  rp->add_option("--allow-path", allow_paths, kAllowPathHelp)->check(CLI::ExistingDirectory)->allow_extra_args(false);
  rp->fallthrough();

  CheckArguments check;
  CLI::App* ck = app.add_subcommand(
      "check", "核对报送的得分、合计、比率与勾稽关系 / recompute and check the figures a submission states");
  ck->add_option("target", check.request.target.path,
                 "项目文件夹、project.yaml，或报送的评分表 .xlsx / project folder, its project.yaml, or a submitted scoring workbook")
      ->required();
  ck->add_flag("--json", check.json, "输出 JSON / print JSON for machines");
  ck->add_option("--db", check.request.db, kDbHelp);
  ck->add_option("-o,--output", check.request.out,
                 "把审核意见写入 <文件夹>/<项目文件夹名>/check.md 和 check.html / also write check.md and check.html");
  ck->add_option("--tolerance", check.tolerance,
                 "差额不超过此数的记为警告而非错误（默认 0，即精确）/ differences up to this are warnings (default 0)");
  ck->add_option("--indicators", check.request.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  ck->add_option("--allow-path", allow_paths, kAllowPathHelp)->check(CLI::ExistingDirectory)->allow_extra_args(false);
  ck->fallthrough();

  BatchOptions batch;
  CLI::App* bt = app.add_subcommand(
      "batch", "批量评分、核对并生成报告，输出汇总表 / score, check and report every project under a folder");
  bt->add_option("folder", batch.folder, "含多个项目文件夹的文件夹 / folder holding project folders")->required();
  bt->add_option("-o,--output", batch.out, "输出文件夹（默认 output）/ output folder (default: output)");
  bt->add_option("-j,--jobs", batch.jobs, "并行数（默认为 CPU 核数）/ workers (default: the machine's cores)")
      ->check(CLI::NonNegativeNumber);
  bt->add_flag("--score-only", batch.score_only, "只评分和核对，不生成报告 / score and check only, write no reports");
  bt->add_flag("--strict", batch.strict, kStrictHelp);
  bt->add_flag("--pdf", batch.pdf, kPdfHelp);
  bt->add_option("--db", batch.db, kDbHelp);
  bt->add_option("--reference-docx", batch.reference_docx, kReferenceHelp)->check(CLI::ExistingFile);
  bt->add_option("--templates", batch.templates,
                 "模板文件夹，其中的同名文件替换内置模板 / folder of templates overriding the built-in ones");
  bt->add_option("--allow-path", allow_paths, kAllowPathHelp)->check(CLI::ExistingDirectory)->allow_extra_args(false);
  bt->add_option("--indicators", batch.indicators,
                 "指标体系文件：所有项目都按它评分；或存放指标体系的文件夹：project.yaml 的 system 在允许的文件夹中找不到时，"
                 "按其文件名在此文件夹中查找 / an indicator system: every project is scored against it; or a folder of "
                 "systems: a project whose system: names no file in the allowed folders uses the one of that file name there");
  std::string batch_sync = "each";
  bt->add_option("--sync", batch_sync,
                 "each（默认）：每份报告写入磁盘后再放入输出文件夹；end：全部完成后一次写入磁盘，再写汇总表（更快；"
                 "系统崩溃时已放入的报告可能不完整）/ each (default): every report flushed to the disk before it is put "
                 "in place; end: one flush when all are done, before the summary (faster; a system crash may leave "
                 "reports put in place but incomplete)")
      ->check(CLI::IsMember({"each", "end"}));
  bt->add_option("--timeout", batch.timeout_seconds,
                 "单个项目的时限（秒，默认 120，0 为不限），超时的项目记为失败 / per-project time limit in seconds (default 120, 0: none); a project past it fails")
      ->check(CLI::NonNegativeNumber);
  bt->fallthrough();

  InitRequest init;
  CLI::App* in = app.add_subcommand(
      "init", "新建项目文件夹：project.yaml 和按指标体系生成的数据采集表.xlsx / a new project folder with a data-collection workbook");
  in->add_option("folder", init.dir, "要新建的项目文件夹，如 inputs/新项目 / the project folder to create")->required();
  in->add_option("--indicators", init.indicators, "指标体系文件 / the indicator system (indicators/<system>.yaml)")
      ->required();
  in->add_flag("--force", init.force, "覆盖已有的 project.yaml 和数据采集表.xlsx / overwrite existing files");
  in->fallthrough();

  ImportRequest import;
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

  HistoryRequest history;
  std::string history_project, history_department, history_system;
  bool history_revised = false;
  CLI::App* hs = app.add_subcommand(
      "history", "查询存档（--db）：项目历年得分、部门的项目、指标体系的得分分布、审核改动了总分的报送 / ask the archive "
                 "(--db): a project across years, a department's projects, a system's scores per year, submissions "
                 "review changed");
  hs->add_option("--db", history.db, "数据库（sqlite:文件 或 postgresql:连接串）/ the database (sqlite:FILE or postgresql:CONNINFO)")
      ->required();
  auto* q_project = hs->add_option("--project", history_project,
                                   "项目名称（或其中一部分）：历年各指标得分、变动和扣分原因 / a project's name (or part of it): "
                                   "each indicator's score, change and reason across years");
  auto* q_department = hs->add_option("--department", history_department,
                                      "主管部门：其各项目历年的总分和等级 / a department: its projects' totals and grades by year");
  auto* q_system = hs->add_option("--system", history_system,
                                  "指标体系名称：每年得分分布和等级分布 / an indicator system's name: the score and grade "
                                  "distribution per year");
  auto* q_revised = hs->add_flag("--revised", history_revised,
                                 "报送总分与审核总分不符的报送 / submissions whose stated total is not the reviewed one");
  q_project->excludes(q_department)->excludes(q_system)->excludes(q_revised);
  q_department->excludes(q_system)->excludes(q_revised);
  q_system->excludes(q_revised);
  hs->add_option("--year", history.year, "与 --revised 同用：只列此年度 / with --revised: only this year");
  hs->add_option("--in-department", history.department,
                 "与 --revised 同用：只列此主管部门 / with --revised: only this department");
  hs->add_option("--limit", history.limit, "与 --revised 同用：最多列出的项数（默认 200）/ with --revised: at most this many (default 200)")
      ->check(CLI::PositiveNumber);
  hs->add_flag("--json", history.json, "输出 JSON / print JSON for machines");
  hs->add_option("-o,--output", history.xlsx, "另写入此 .xlsx 工作簿 / also write the answer to this .xlsx workbook");
  hs->fallthrough();

  ServeOptions serve;
  CLI::App* sv = app.add_subcommand(
      "serve", "在浏览器中使用：上传自评表、评分表或项目，查看评分与审核意见，下载报告 / a desk in the browser: upload "
               "自评表, 评分表 or projects, see scores and findings, download the reports");
  sv->add_option("--port", serve.port, "端口（默认 8080；0 为任一空闲端口）/ port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  sv->add_option("--bind", serve.bind,
                 "监听地址（默认 127.0.0.1，仅本机）/ address to listen on (default 127.0.0.1: this machine only)");
  sv->add_option("--data", serve.data,
                 "存放上传文件和结果的文件夹，其中建立仅本用户可读的子文件夹（默认系统临时文件夹）/ where uploads and "
                 "results are kept, in a private sub-folder (default: the temporary folder)");
  sv->add_option("--keep", serve.keep_minutes,
                 "结果在最后一次使用后保留的分钟数（默认 60）/ minutes results are kept after their last use (default 60)")
      ->check(CLI::PositiveNumber);
  sv->add_option("--allow-host", serve.allow_hosts,
                 "另外接受的 Host 名称，用于反向代理之后（可多次）/ a Host name also answered to, behind a reverse proxy (repeatable)")
      ->allow_extra_args(false);
  sv->add_option("--threads", serve.threads, "同时处理的请求数（默认 4）/ requests served at once (default 4)")
      ->check(CLI::Range(1, 64));
  sv->add_flag("--pdf", serve.pdf,
               "每份报告另生成 report.pdf 供下载（需 LibreOffice 和 unoconv；每份数秒）/ also offer report.pdf for each report "
               "(needs LibreOffice and unoconv; seconds a report)");
  sv->add_option("--templates", serve.templates,
                 "模板文件夹，其中的同名文件替换内置模板 / folder of templates overriding the built-in ones");
  sv->add_option("--db", serve.db,
                 "把每个上传的项目存入此数据库（sqlite:文件 或 postgresql:连接串），显示上年得分，并在页面中加入“历史”查询 / "
                 "keep every uploaded project in the database (sqlite:FILE or postgresql:CONNINFO), show last year's "
                 "total, and add the 历史 (history) questions to the page");
  sv->fallthrough();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return ToInt(code == 0 ? ExitCode::kOk : ExitCode::kInput);
  }
  const Language language = ChooseLanguage(lang);
  score.language = report.language = check.request.language = batch.language = init.language =
      import.language = history.language = language;
  score.project.allowed = report.project.allowed = check.request.target.allowed =
      CommandLineFolders(allow_paths, /*working_folder=*/true);
  batch.allowed = CommandLineFolders(allow_paths, /*working_folder=*/false);
  batch.sync_at_end = batch_sync == "end";
  // The commands turn bad input and exhausted memory into an outcome; what
  // escapes them anyway (memory exhausted while printing) is still an error
  // with exit 2, not an abort.
  try {
    if (sc->parsed()) return PrintScore(score);
    if (rp->parsed()) return PrintReport(report);
    if (ck->parsed()) return PrintCheck(check);
    if (bt->parsed()) return PrintBatch(batch);
    if (ip->parsed()) return PrintImport(import);
    if (hs->parsed()) {
      if (!history_department.empty()) {
        history.question = HistoryQuestion::kDepartment;
        history.subject = history_department;
      } else if (!history_system.empty()) {
        history.question = HistoryQuestion::kSystem;
        history.subject = history_system;
      } else if (history_revised) {
        history.question = HistoryQuestion::kRevised;
      } else if (!history_project.empty()) {
        history.subject = history_project;
      } else {
        std::cerr << Pick(Format(msg::kHistoryNoQuestion), language) << "\n";
        return ToInt(ExitCode::kInput);
      }
      return PrintHistory(history);
    }
    if (in->parsed()) return PrintInit(init);
    if (sv->parsed()) {
      serve.language = language;
      return RunServe(serve, std::cout, std::cerr);
    }
  } catch (const std::bad_alloc& e) {
    std::cerr << Pick(Format(msg::kOutOfMemory, e.what()), language) << "\n";
    return ToInt(ExitCode::kInput);
  }
  return ToInt(ExitCode::kOk);
}
