// Paths from inputs: confined to the project's folder, the bundled
// indicators/ and the folders named on the command line; a file that is not
// an input of its kind is named, never quoted; in memory, nothing outside
// the allowed folders is read from the disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "base/allowed_folders.h"
#include "base/input_files.h"
#include "commands/report.h"
#include "commands/score.h"
#include "load/load.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

const fs::path kSource(JIXIAO_SOURCE_DIR);

// A copy of jiaocheng-2024 in `dir` whose project.yaml says `system: <system>`.
fs::path CopyProject(const fs::path& dir, const std::string& system) {
  fs::copy(kSource / "inputs" / "jiaocheng-2024", dir, fs::copy_options::recursive);
  std::string y = testing::ReadText((dir / "project.yaml").string());
  size_t at = y.find("system: ");
  size_t end = y.find('\n', at);
  y.replace(at, end - at, "system: " + system);
  std::ofstream(dir / "project.yaml", std::ios::binary | std::ios::trunc) << y;
  return dir;
}

std::shared_ptr<const AllowedFolders> Bundled() { return DefaultAllowedFolders(); }

std::string AllText(const std::vector<Diagnostic>& all) {
  std::string s;
  for (const auto& d : all) s += RenderDiagnostic(d, Language::kChinese) + "\n";
  return s;
}

}  // namespace

TEST_CASE("paths: a system outside the allowed folders is refused with its location, not read") {
  testing::TempDir tmp;
  fs::path outside = fs::path(tmp.path()) / "elsewhere";
  fs::create_directories(outside);
  fs::copy_file(kSource / "indicators" / "jiaocheng-2024.yaml", outside / "sys.yaml");
  fs::path p = CopyProject(fs::path(tmp.path()) / "p", "../elsewhere/sys.yaml");
  auto diags = testing::CatchDiagnostics([&] { LoadProject(p.string(), "", nullptr, false, Bundled()); });
  auto hit = testing::WithId(diags, "path-not-allowed");
  REQUIRE(hit.size() == 1);
  CHECK(hit[0].loc.file == (p / "project.yaml").string());
  CHECK(hit[0].loc.line > 0);
  // Named on the command line (--allow-path): read.
  auto more = std::make_shared<AllowedFolders>(*Bundled());
  more->Add(outside.string());
  CHECK(LoadProject(p.string(), "", nullptr, false, more)->info.name == "交城县城乡医疗救助补助资金");
  // Unconfined (a library caller's own files): read as before.
  CHECK(LoadProject(p.string())->system);
}

TEST_CASE("paths: system: ../../etc/passwd says it is not an indicator system and quotes nothing of it") {
  testing::TempDir tmp;
  fs::path p = CopyProject(fs::path(tmp.path()) / "p", "../../../../../../../../etc/passwd");
  for (auto allowed : {Bundled(), std::shared_ptr<const AllowedFolders>()}) {
    auto diags = testing::CatchDiagnostics([&] { LoadProject(p.string(), "", nullptr, false, allowed); });
    REQUIRE(testing::WithId(diags, "system-not-yaml").size() == 1);
    std::string text = AllText(diags);
    CHECK(text.find("root:") == std::string::npos);
    CHECK(text.find("不是指标体系文件") != std::string::npos);
  }
  // Given as --indicators (the user's own choice): still named, not quoted.
  auto diags = testing::CatchDiagnostics([&] { LoadSystem("/etc/passwd"); });
  REQUIRE(testing::WithId(diags, "system-not-yaml").size() == 1);
  CHECK(AllText(diags).find("root:") == std::string::npos);
  // A .yaml that is not a system: named as not one, its lines not quoted.
  std::string secret = (fs::path(tmp.path()) / "secret.yaml").string();
  std::ofstream(secret) << "password hunter2\n";
  diags = testing::CatchDiagnostics([&] { LoadSystem(secret); });
  REQUIRE(testing::WithId(diags, "not-indicator-system").size() == 1);
  CHECK(AllText(diags).find("hunter2") == std::string::npos);
}

TEST_CASE("paths: a text/ fragment that is a symbolic link out of the project is refused") {
  testing::TempDir tmp;
  fs::path p = CopyProject(fs::path(tmp.path()) / "p", kSource.string() + "/indicators/jiaocheng-2024.yaml");
  fs::path target = fs::path(tmp.path()) / "secret.md";
  std::ofstream(target) << "SECRET-LINE\n";
  fs::create_symlink(target, p / "text" / "项目概况x.md");
  auto project = LoadProject(p.string(), "", nullptr, false, Bundled());
  ScoredProject sp = ScoreProject(project);
  testing::TempDir out;
  auto diags = testing::CatchDiagnostics([&] { WriteReport(sp, LoadTemplates(""), out.path() + "/r"); });
  auto hit = testing::WithId(diags, "path-not-allowed");
  REQUIRE(hit.size() == 1);
  CHECK(hit[0].loc.file.find("项目概况x.md") != std::string::npos);
  CHECK(AllText(diags).find("SECRET-LINE") == std::string::npos);
  CHECK_FALSE(fs::exists(out.path() + "/r"));
  // A link within the project folder is the project's own file.
  fs::remove(p / "text" / "项目概况x.md");
  fs::copy_file(target, p / "secret.md");
  fs::create_symlink(p / "secret.md", p / "text" / "项目概况x.md");
  project = LoadProject(p.string(), "", nullptr, false, Bundled());
  CHECK_FALSE(WriteReport(ScoreProject(project), LoadTemplates(""), out.path() + "/r").empty());
}

TEST_CASE("paths: text: and workbook: outside the allowed folders are refused where they are written") {
  testing::TempDir tmp;
  fs::path p = CopyProject(fs::path(tmp.path()) / "p", kSource.string() + "/indicators/jiaocheng-2024.yaml");
  fs::create_directories(fs::path(tmp.path()) / "other" / "text");
  std::ofstream(p / "project.yaml", std::ios::app) << "text: ../other/text\nworkbook: ../other/x.xlsx\n";
  auto diags = testing::CatchDiagnostics([&] { LoadProject(p.string(), "", nullptr, false, Bundled()); });
  auto hit = testing::WithId(diags, "path-not-allowed");
  REQUIRE(hit.size() == 2);
  for (const auto& d : hit) CHECK(d.loc.line > 0);
}

TEST_CASE("paths: in memory, nothing outside the allowed folders is read from the disk") {
  testing::TempDir tmp;
  std::string secret = (fs::path(tmp.path()) / "s.md").string();
  std::ofstream(secret) << "SECRET";
  InputFiles files("upload/p", {{"project.yaml", "x"}});
  CHECK(files.Read("upload/p/project.yaml") == std::optional<std::string>("x"));
  CHECK_FALSE(files.MayRead(secret));
  CHECK_THROWS_AS(files.Read(secret), InputError);
  CHECK_THROWS_AS(files.IsFile(secret), InputError);
  CHECK_THROWS_AS(files.FileNames(tmp.path()), InputError);
  // The bundled indicators stay readable, as a project names its system.
  CHECK(files.Read((kSource / "indicators" / "jiaocheng-2024.yaml").string()).has_value());

  // A project uploaded with `system:` pointing at a file outside: refused, located.
  std::string yaml = testing::ReadText((kSource / "inputs" / "jiaocheng-2024" / "project.yaml").string());
  fs::copy_file(kSource / "indicators" / "jiaocheng-2024.yaml", fs::path(tmp.path()) / "sys.yaml");
  size_t at = yaml.find("system: ");
  yaml.replace(at, yaml.find('\n', at) - at, "system: " + tmp.path() + "/sys.yaml");
  ScoreRequest req;
  req.project.files = std::make_shared<InputFiles>("upload/p", std::map<std::string, std::string>{{"project.yaml", yaml}});
  ScoreOutcome r = RunScore(req);
  CHECK(r.Refused());
  CHECK(testing::WithId(r.diagnostics.All(), "path-not-allowed").size() == 1);
}
