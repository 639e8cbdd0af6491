// The command layer (commands/): what a server calls. A project given in
// memory reports as the same project on disk; each call speaks its own
// language; the kind of an input is told in one place.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "base/read_file.h"
#include "commands/check.h"
#include "commands/init.h"
#include "commands/output_folder.h"
#include "commands/report.h"
#include "commands/score.h"
#include "load/input_kind.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;
using jixiao::testing::TempDir;

namespace {

std::string Source(const std::string& rel) { return std::string(JIXIAO_SOURCE_DIR) + "/" + rel; }

// Every file under `dir` by its name relative to it, as an upload would give them.
std::map<std::string, std::string> FilesUnder(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = ReadFileBytes(e.path().string()).value();
  return files;
}

std::map<std::string, std::string> ByName(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[fs::path(f.path).filename().string()] = f.bytes;
  return out;
}

}  // namespace

TEST_CASE("commands: report on a project given in memory gives the bytes the same project on disk gives") {
  for (const char* name : {"jiaocheng-2024", "yaohai-2023"}) {
    CAPTURE(name);
    const std::string dir = Source(std::string("inputs/") + name);
    const std::string system = Source(std::string("indicators/") + name + ".yaml");

    ReportRequest disk;
    disk.project.path = dir;
    disk.indicators = system;
    disk.keep_in_memory = true;
    ReportOutcome from_disk = RunReport(disk);
    REQUIRE_FALSE(from_disk.Refused());

    // project.yaml and text/*.md as bytes, under a root that exists nowhere;
    // the system by its path.
    ReportRequest memory = disk;
    memory.project.path.clear();
    memory.project.files = std::make_shared<InputFiles>(std::string("upload/") + name, FilesUnder(dir));
    ReportOutcome from_memory = RunReport(memory);
    REQUIRE_FALSE(from_memory.Refused());

    auto a = ByName(from_disk.files), b = ByName(from_memory.files);
    REQUIRE(a.size() == 3);
    CHECK(a.at("report.md") == b.at("report.md"));
    CHECK(a.at("report.html") == b.at("report.html"));
    CHECK(a == b);
    CHECK(from_memory.dir == "output/" + std::string(name));  // named after the root, as after a folder
    CHECK(from_memory.scored->total == from_disk.scored->total);
    for (const auto& f : from_memory.files) CHECK_FALSE(fs::exists(f.path));  // nothing written
  }
}

TEST_CASE("commands: a project's 数据采集表.xlsx is read from memory too") {
  TempDir tmp;
  InitRequest init;
  init.dir = tmp.path() + "/p";
  init.indicators = Source("indicators/jiaocheng-2024.yaml");
  REQUIRE_FALSE(RunInit(init).Refused());
  ScoreRequest disk;
  disk.project.path = init.dir;
  disk.indicators = init.indicators;
  ScoreOutcome from_disk = RunScore(disk);

  ScoreRequest memory = disk;
  memory.project.files = std::make_shared<InputFiles>("upload/p", FilesUnder(init.dir));
  ScoreOutcome from_memory = RunScore(memory);
  // The empty workbook names no project: the same refusal, at the same cell.
  REQUIRE(from_disk.exit == ExitCode::kInput);
  REQUIRE(from_memory.exit == ExitCode::kInput);
  REQUIRE(from_memory.diagnostics.All().size() == 1);
  CHECK(from_memory.diagnostics.All()[0].id == "missing-key");
  CHECK(from_memory.diagnostics.All()[0].loc.cell == "基本信息!B4");
  CHECK(from_memory.diagnostics.All()[0].loc.file == "upload/p/数据采集表.xlsx");
  CHECK(from_disk.diagnostics.All()[0].loc.cell == "基本信息!B4");
}

TEST_CASE("commands: a filled 自评表 given in memory scores as the same file on disk") {
  TempDir tmp;
  ReportRequest report;
  report.project.path = Source("inputs/yaohai-2023");
  report.keep_in_memory = true;
  std::string form = ByName(RunReport(report).files).at("自评表.xlsx");
  ScoreRequest disk;
  disk.project.path = tmp.Write("form/自评表.xlsx", form);
  ScoreOutcome from_disk = RunScore(disk);
  REQUIRE_FALSE(from_disk.Refused());
  ScoreRequest memory;
  memory.project.files = std::make_shared<InputFiles>("upload/form", std::map<std::string, std::string>{{"自评表.xlsx", form}});
  ScoreOutcome from_memory = RunScore(memory);
  REQUIRE_FALSE(from_memory.Refused());
  CHECK(from_memory.scored->total == from_disk.scored->total);
  CHECK(from_memory.scored->grade == from_disk.scored->grade);
  CHECK(from_memory.scored->project->file == "upload/form/自评表.xlsx");
}

TEST_CASE("commands: a diagnostic about a file held in memory shows its line and caret") {
  ScoreRequest request;
  request.indicators = Source("indicators/jiaocheng-2024.yaml");
  request.project.files = std::make_shared<InputFiles>(
      "upload/p", std::map<std::string, std::string>{{"project.yaml", "project:\n  name: 项目\nbogus: 1\n"}});
  ScoreOutcome r = RunScore(request);
  REQUIRE(r.Refused());
  std::string text = r.DiagnosticsText();
  CHECK(text.find("upload/p/project.yaml:3:1: 错误: ") != std::string::npos);
  CHECK(text.find("\n  bogus: 1\n  ^\n") != std::string::npos);
}

TEST_CASE("commands: the language of one call does not leak into the next") {
  TempDir tmp;
  ScoreRequest request;
  request.project.path = tmp.path() + "/missing";
  request.language = Language::kEnglish;
  ScoreOutcome en = RunScore(request);
  request.language = Language::kChinese;
  ScoreOutcome zh = RunScore(request);
  REQUIRE(en.Refused());
  REQUIRE(zh.Refused());
  CHECK(en.DiagnosticsText().find("error: cannot read the file") != std::string::npos);
  CHECK(en.DiagnosticsText().find("1 error(s).") != std::string::npos);
  CHECK(zh.DiagnosticsText().find("错误: 无法读取文件") != std::string::npos);
  CHECK(zh.DiagnosticsText().find("共 1 个错误。") != std::string::npos);
  request.language = Language::kEnglish;
  CHECK(RunScore(request).DiagnosticsText() == en.DiagnosticsText());
  CHECK(ParseLanguage("en_US.UTF-8") == Language::kEnglish);
  CHECK(ParseLanguage("") == Language::kChinese);
  CHECK(ParseLanguage("zh") == Language::kChinese);
}

TEST_CASE("commands: the kind of each input, told in one place") {
  TempDir tmp;
  const std::string project = Source("inputs/jiaocheng-2024");
  CHECK(InputKindOf(project) == InputKind::kProjectFolder);
  CHECK(InputKindOf(project + "/project.yaml") == InputKind::kProjectYaml);
  CHECK(InputKindOf(tmp.path() + "/missing") == InputKind::kProjectFolder);  // reported as its project.yaml
  CHECK(InputKindOf(tmp.path() + "/missing.yaml") == InputKind::kProjectYaml);

  // A 评分表 and a 自评表 as report writes them, and the workbook init writes.
  ReportRequest report;
  report.project.path = project;
  report.keep_in_memory = true;
  auto scoring = ByName(RunReport(report).files).at("评分表.xlsx");
  report.project.path = Source("inputs/yaohai-2023");
  auto form = ByName(RunReport(report).files).at("自评表.xlsx");
  const std::string scoring_path = tmp.Write("评分表.xlsx", scoring);
  const std::string form_path = tmp.Write("form/自评表.xlsx", form);
  InitRequest init;
  init.dir = tmp.path() + "/new";
  init.indicators = Source("indicators/jiaocheng-2024.yaml");
  REQUIRE_FALSE(RunInit(init).Refused());
  const std::string collect_path = init.dir + "/数据采集表.xlsx";

  // By name: any .xlsx is read as a 自评表 (score, report).
  CHECK(InputKindOf(scoring_path) == InputKind::kSelfForm);
  CHECK(InputKindOf(form_path) == InputKind::kSelfForm);
  CHECK(InputKindOf(tmp.path() + "/form") == InputKind::kSelfFormFolder);
  CHECK(InputKindOf(init.dir) == InputKind::kProjectFolder);  // project.yaml beside the workbook
  // By content (check).
  CHECK(ReadInputKind(scoring_path) == InputKind::kScoringWorkbook);
  CHECK(ReadInputKind(form_path) == InputKind::kSelfForm);
  CHECK(ReadInputKind(collect_path) == InputKind::kCollectWorkbook);
  CHECK(ReadInputKind(tmp.path() + "/missing.xlsx") == InputKind::kScoringWorkbook);
  CHECK(ReadInputKind(project) == InputKind::kProjectFolder);
  CHECK_FALSE(IsProjectKind(InputKind::kScoringWorkbook));
  CHECK(IsProjectKind(InputKind::kSelfForm));
  // By name among many (batch).
  CHECK(IsSelfFormFileName("in/某局自评表.xlsx"));
  CHECK(IsSelfFormFileName("in/自评表.XLSX"));
  CHECK_FALSE(IsSelfFormFileName("in/评分表.xlsx"));
  CHECK_FALSE(IsSelfFormFileName("out/某局自评表.审核.xlsx"));
  CHECK_FALSE(IsSelfFormFileName("in/~$自评表.xlsx"));
}

TEST_CASE("commands: output folders, and check's exit status for findings") {
  Project p;
  p.dir = "inputs/jiaocheng-2024";
  CHECK(ProjectOutputDir("output", p) == "output/jiaocheng-2024");
  CHECK(CheckOutputDir("out", "inputs/jiaocheng-2024", InputKind::kProjectFolder, &p) == "out/jiaocheng-2024");
  CHECK(CheckOutputDir("out", "in/某局自评表.xlsx", InputKind::kSelfForm, nullptr) == "out/某局自评表");
  CHECK(BatchOutputRel("in/a/某局自评表.xlsx", "in") == "a/某局自评表");
  CHECK(BatchOutputRel("in/a/b", "in") == "a/b");

  CheckRequest check;
  check.target.path = Source("inputs/check-jiaocheng-2024");
  check.keep_in_memory = true;
  check.out = "out";
  CheckOutcome r = RunCheck(check);
  REQUIRE(r.checked);
  CHECK(r.exit == (r.check.errors > 0 ? ExitCode::kFindings : ExitCode::kOk));
  REQUIRE(r.files.size() == 2);
  CHECK(r.files[0].path == "out/check-jiaocheng-2024/check.md");
  CHECK(r.files[0].bytes == RenderCheckMarkdown(r.check));
}
