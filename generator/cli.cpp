// jixiao: the command line. A thin layer: parse arguments, call the
// library, print, and map outcomes to exit codes (0 ok, 1 findings with
// errors, 2 bad input or usage).
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "diagnostics.h"
#include "load.h"
#include "atomic_file.h"
#include "check.h"
#include "render.h"
#include "report.h"
#include "score.h"

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
  auto project = LoadProject(o.target, o.indicators);
  ScoredProject sp = ScoreProject(project);
  CheckResult r = CheckProject(sp, opt);
  std::cout << (o.json ? RenderCheckJson(r) : RenderCheckTerminal(r));
  if (!o.out.empty()) {
    std::string dir = ProjectOutputDir(o.out, *project);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string md = RenderCheckMarkdown(r);
    WriteFileAtomic(dir + "/check.md", md);
    WriteFileAtomic(dir + "/check.html", RenderStandaloneHtml(r.name + " 审核意见", md));
    if (!o.json) std::cout << dir << "/check.md\n" << dir << "/check.html\n";
  }
  return r.errors > 0 ? kExitFindings : kExitOk;
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
  ck->add_option("target", check.target, "项目文件夹或 project.yaml / project folder or its project.yaml")
      ->required();
  ck->add_flag("--json", check.json, "输出 JSON / print JSON for machines");
  ck->add_option("-o,--output", check.out,
                 "把审核意见写入 <文件夹>/<项目文件夹名>/check.md 和 check.html / also write check.md and check.html");
  ck->add_option("--tolerance", check.tolerance,
                 "差额不超过此数的记为警告而非错误（默认 0，即精确）/ differences up to this are warnings (default 0)");
  ck->add_option("--indicators", check.indicators,
                 "使用此指标体系，代替 project.yaml 中的 system / use this indicator system instead");
  ck->fallthrough();

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
  } catch (const InputError& e) {
    return PrintInputError(e);
  }
  return kExitOk;
}
