// The command layer (commands/): what a server calls. A project given in
// memory reports as the same project on disk; each call speaks its own
// language; the kind of an input is told in one place.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "base/read_file.h"
#include "commands/check.h"
#include "commands/import.h"
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

// Each finding as a line, without the file it names: the same workbook
// given by path or uploaded under another name finds the same.
std::string FindingsWithoutFile(const CheckResult& r) {
  std::string out;
  for (const auto& f : r.findings)
    out += std::to_string(static_cast<int>(f.severity)) + " " + f.kind + " " + f.loc.cell + " " + f.indicator +
           " | " + f.subject + " | " + f.stated + " | " + f.expected + " | " + f.message + " | " + f.effect + "\n";
  for (const auto& l : r.scores)
    out += l.code + " " + l.name + " " + l.weight.ToExactString() + " " + l.submitted.value_or("-") + " " +
           l.reviewed.ToExactString() + "\n";
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The bundled jiaocheng 评分表 and yaohai 自评表, as report writes them.
std::shared_ptr<const std::string> ReportWorkbook(const char* project, const char* name) {
  ReportRequest report;
  report.project.path = Source(std::string("inputs/") + project);
  report.keep_in_memory = true;
  return std::make_shared<const std::string>(ByName(RunReport(report).files).at(name));
}

}  // namespace

TEST_CASE("commands: report on a project given in memory gives the bytes the same project on disk gives") {
  for (const char* name : {"jiaocheng-2024", "yaohai-2023"}) {
    CAPTURE(name);
    const std::string dir = Source(std::string("inputs/") + name);
    const std::string system = Source(std::string("indicators/") + name + ".yaml");

    const auto started = fs::file_time_type::clock::now();
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
    REQUIRE(a.size() == 4);  // report.md, report.html, report.docx and the workbook
    CHECK(a.at("report.md") == b.at("report.md"));
    CHECK(a.at("report.html") == b.at("report.html"));
    CHECK(a.at("report.docx") == b.at("report.docx"));
    CHECK(a == b);
    CHECK(from_memory.dir == "output/" + std::string(name));  // named after the root, as after a folder
    CHECK(from_memory.scored->total == from_disk.scored->total);
    // Nothing written: a file there (the demo's output/) is the one that was there before.
    for (const auto& f : from_memory.files) {
      std::error_code ec;
      auto written = fs::last_write_time(f.path, ec);
      CHECK((ec || written < started));
    }
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
  // By content from bytes (an upload), whatever the name says.
  const std::string collect = ReadFileBytes(collect_path).value();
  CHECK(ReadInputKind("upload/a.xlsx", &scoring) == InputKind::kScoringWorkbook);
  CHECK(ReadInputKind("upload/a.xlsx", &form) == InputKind::kSelfForm);
  CHECK(ReadInputKind("upload/project.yaml", &collect) == InputKind::kCollectWorkbook);
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

TEST_CASE("commands: a 评分表 uploaded as bytes checks as the same file on disk") {
  TempDir tmp;
  auto scoring = ReportWorkbook("jiaocheng-2024", "评分表.xlsx");
  const std::string path = tmp.Write("评分表.xlsx", *scoring);
  const std::string name = "upload/评分表.xlsx";  // no such file: the bytes are all there is
  REQUIRE_FALSE(fs::exists(name));

  CheckRequest disk;
  disk.target.path = path;
  disk.out = "out";
  disk.keep_in_memory = true;
  CheckOutcome from_disk = RunCheck(disk);
  CheckRequest upload = disk;
  upload.target.path = name;
  upload.target.bytes = scoring;
  CheckOutcome from_upload = RunCheck(upload);
  REQUIRE(from_disk.checked);
  REQUIRE(from_upload.checked);

  CHECK(from_upload.exit == from_disk.exit);
  CHECK(from_upload.check.errors == from_disk.check.errors);
  CHECK(from_upload.check.warnings == from_disk.check.warnings);
  CHECK(FindingsWithoutFile(from_upload.check) == FindingsWithoutFile(from_disk.check));
  CHECK(from_upload.check.scores.back().reviewed == from_disk.check.scores.back().reviewed);  // the 合计
  CHECK(from_upload.check.target == name);
  CHECK(from_upload.dir == from_disk.dir);  // out/评分表, after the file's name either way
  auto a = ByName(from_disk.files), b = ByName(from_upload.files);
  REQUIRE(a.size() == 3);
  REQUIRE(b.count("评分表.审核.xlsx"));
  CHECK(b.at("评分表.审核.xlsx") == a.at("评分表.审核.xlsx"));
  CHECK(b.at("check.md") == ReplaceAll(a.at("check.md"), path, name));
  CHECK(b.at("check.html") == ReplaceAll(a.at("check.html"), path, name));
  for (const auto& f : from_upload.files) CHECK_FALSE(fs::exists(f.path));  // nothing written
}

TEST_CASE("commands: a 自评表 uploaded as bytes checks and scores as the same file on disk") {
  TempDir tmp;
  auto form = ReportWorkbook("yaohai-2023", "自评表.xlsx");
  const std::string path = tmp.Write("form/某局自评表.xlsx", *form);
  const std::string name = "upload/某局自评表.xlsx";
  CHECK(ReadInputKind(name, form.get()) == InputKind::kSelfForm);

  CheckRequest disk;
  disk.target.path = path;
  CheckRequest upload = disk;
  upload.target.path = name;
  upload.target.bytes = form;
  CheckOutcome from_disk = RunCheck(disk), from_upload = RunCheck(upload);
  REQUIRE(from_disk.checked);
  REQUIRE(from_upload.checked);
  CHECK(from_upload.exit == from_disk.exit);
  CHECK(FindingsWithoutFile(from_upload.check) == FindingsWithoutFile(from_disk.check));

  ScoreRequest score;
  score.project = upload.target;
  ScoreOutcome scored = RunScore(score);
  REQUIRE_FALSE(scored.Refused());
  CHECK(scored.scored->project->file == name);
  score.project = disk.target;
  CHECK(scored.scored->total == RunScore(score).scored->total);
}

TEST_CASE("commands: an upload that is not a workbook is refused, naming the name it was given") {
  auto not_xlsx = std::make_shared<const std::string>("项目名称,得分\n某项目,90\n");
  const std::string name = "上传/评分表.csv";
  CHECK(ReadInputKind(name, not_xlsx.get()) == InputKind::kScoringWorkbook);  // never the disk's idea of it

  CheckRequest request;
  request.target.path = name;
  request.target.bytes = not_xlsx;
  request.out = "out";
  request.keep_in_memory = true;
  request.language = Language::kEnglish;
  CheckOutcome en = RunCheck(request);
  request.language = Language::kChinese;
  CheckOutcome zh = RunCheck(request);
  for (const CheckOutcome* r : {&en, &zh}) {
    REQUIRE(r->Refused());
    CHECK_FALSE(r->checked);
    CHECK(r->files.empty());
    REQUIRE(r->diagnostics.All().size() == 1);
    CHECK(r->diagnostics.All()[0].id == "xlsx-not-zip");
    CHECK(r->diagnostics.All()[0].loc.file == name);
    CHECK(r->DiagnosticsText().rfind(name + ": ", 0) == 0);
  }
  // Each call in its own language: English, then Chinese, then English again as at first.
  CHECK(en.DiagnosticsText().find("error: not a valid .xlsx workbook") != std::string::npos);
  CHECK(zh.DiagnosticsText().find("错误: 不是有效的 .xlsx 工作簿") != std::string::npos);
  request.language = Language::kEnglish;
  CHECK(RunCheck(request).DiagnosticsText() == en.DiagnosticsText());

  ImportRequest import;
  import.workbook = name;
  import.bytes = not_xlsx;
  import.out = "out/never.yaml";
  ImportOutcome refused = RunImport(import);
  REQUIRE(refused.Refused());
  CHECK(refused.DiagnosticsText().rfind(name + ": 错误: 不是有效的 .xlsx 工作簿", 0) == 0);
  CHECK_FALSE(fs::exists(import.out));
}

TEST_CASE("commands: import of a 评分表 uploaded as bytes writes the system the file gives") {
  TempDir tmp;
  auto scoring = ReportWorkbook("jiaocheng-2024", "评分表.xlsx");
  ImportRequest disk;
  disk.workbook = tmp.Write("评分表.xlsx", *scoring);
  disk.out = tmp.path() + "/from-disk.yaml";
  ImportOutcome from_disk = RunImport(disk);
  REQUIRE_FALSE(from_disk.Refused());

  ImportRequest upload;
  upload.workbook = "upload/评分表.xlsx";
  upload.bytes = scoring;
  upload.out = tmp.path() + "/from-upload.yaml";
  ImportOutcome from_upload = RunImport(upload);
  REQUIRE_FALSE(from_upload.Refused());
  CHECK(ReadFileBytes(upload.out).value() == ReadFileBytes(disk.out).value());
  CHECK(from_upload.summary ==
        ReplaceAll(ReplaceAll(from_disk.summary, disk.workbook, upload.workbook), disk.out, upload.out));
}

TEST_CASE("commands: report without a narrative fragment succeeds with a warning, strict refuses") {
  const std::string dir = Source("inputs/jiaocheng-2024");
  auto files = FilesUnder(dir);
  REQUIRE(files.erase("text/主要绩效.md") == 1);
  ReportRequest report;
  report.project.files = std::make_shared<InputFiles>("upload/jiaocheng-2024", files);
  report.indicators = Source("indicators/jiaocheng-2024.yaml");
  report.keep_in_memory = true;
  ReportOutcome r = RunReport(report);
  CHECK(r.exit == ExitCode::kOk);
  // One placeholder warning; the others are the narrative's disagreements with the data (2993.54).
  std::vector<Diagnostic> placeholders;
  for (const auto& d : r.diagnostics.All()) {
    if (d.id == "fragment-placeholder") placeholders.push_back(d);
    else CHECK(d.id == "report-inconsistency");
  }
  REQUIRE(placeholders.size() == 1);
  CHECK(placeholders[0].message.en.find("upload/jiaocheng-2024/text/主要绩效.md") != std::string::npos);
  auto out = ByName(r.files);
  CHECK(out.at("report.md").find("【待补充：主要绩效（text/主要绩效.md）】") != std::string::npos);
  CHECK(out.at("report.html").find("【待补充：主要绩效（text/主要绩效.md）】") != std::string::npos);
  CHECK(out.count("评分表.xlsx") == 1);

  report.strict = true;
  ReportOutcome strict = RunReport(report);
  CHECK(strict.exit == ExitCode::kInput);
  CHECK(strict.files.empty());
  REQUIRE(strict.diagnostics.All().size() == 1);
  CHECK(strict.diagnostics.All()[0].id == "missing-fragment");
}
