// Batch: order, broken projects, identical results at any worker count,
// the summary workbook read back, and interrupts.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "base/atomic_file.h"
#include "commands/batch.h"
#include "commands/output_folder.h"
#include "render/xlsx/render_summary_xlsx.h"
#include "load/load.h"
#include "render/render.h"
#include "score/score.h"
#include "form_fixtures.h"
#include "test_util.h"
#include "formats/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

std::string Slurp(const fs::path& p) { return testing::ReadText(p.string()); }

// A folder of projects: the three bundled cases (their system paths made
// absolute) and one broken project.
void MakeFolder(const fs::path& root) {
  fs::path src(JIXIAO_SOURCE_DIR);
  for (const char* name : {"jiaocheng-2024", "tianjin-disabled-2023", "yaohai-2023"}) {
    fs::copy(src / "inputs" / name, root / name, fs::copy_options::recursive);
    std::string y = Slurp(root / name / "project.yaml");
    size_t at = y.find("system: ../../");
    y.replace(at, std::string("system: ../../").size(), "system: " + src.string() + "/");
    std::ofstream(root / name / "project.yaml", std::ios::binary | std::ios::trunc) << y;
  }
  fs::create_directories(root / "broken");
  std::ofstream(root / "broken" / "project.yaml") << "project: {name: 坏\n";
}

// A run over `in` into `out` on `jobs` workers.
BatchOptions Options(const fs::path& in, const fs::path& out, int jobs) {
  BatchOptions opt;
  opt.folder = in.string();
  opt.out = out.string();
  opt.jobs = jobs;
  return opt;
}

}  // namespace

TEST_CASE("batch: finds every project folder, sorted") {
  auto found = FindProjects(std::string(JIXIAO_SOURCE_DIR) + "/inputs");
  REQUIRE(found.size() >= 6);
  CHECK(std::is_sorted(found.begin(), found.end()));
  CHECK(std::find_if(found.begin(), found.end(), [](const std::string& s) {
          return s.size() >= 14 && s.compare(s.size() - 14, 14, "jiaocheng-2024") == 0;
        }) != found.end());
}

TEST_CASE("batch: a broken project is reported and the others finish, in order, alike at -j1 and -j2") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  BatchOutcome runs[2];
  for (int j = 1; j <= 2; ++j) {
    BatchOptions opt;
    opt.folder = root.string();
    opt.out = (fs::path(tmp.path()) / ("out" + std::to_string(j))).string();
    opt.jobs = j;
    size_t calls = 0;
    runs[j - 1] = RunBatch(opt, [&](size_t done, size_t total, const BatchRow&) {
      ++calls;
      CHECK(done <= total);
    });
    CHECK(calls == 4);
    RenderSummaryXlsx(runs[j - 1], opt.out + "/汇总.xlsx");
  }
  const BatchOutcome& r = runs[0];
  REQUIRE(r.rows.size() == 4);
  CHECK(r.done == 3);
  CHECK(r.failed == 1);
  CHECK_FALSE(r.interrupted);
  CHECK(fs::path(r.rows[0].dir).filename() == "broken");
  CHECK_FALSE(r.rows[0].ok);
  CHECK(r.rows[0].error.find("broken/project.yaml:") != std::string::npos);
  CHECK(r.rows[0].error.find("YAML") != std::string::npos);
  CHECK(r.rows[1].total == *Decimal::Parse("90.71"));
  CHECK(r.rows[1].grade == "优");
  CHECK(r.rows[2].total == Decimal(86));
  CHECK(r.rows[3].total == Decimal(98));
  // The same results in the same order at two workers, and byte-identical files.
  for (size_t i = 0; i < 4; ++i) {
    CHECK(runs[1].rows[i].dir == r.rows[i].dir);
    CHECK(runs[1].rows[i].total == r.rows[i].total);
    CHECK(runs[1].rows[i].grade == r.rows[i].grade);
  }
  fs::path o1 = fs::path(tmp.path()) / "out1", o2 = fs::path(tmp.path()) / "out2";
  for (const char* f : {"jiaocheng-2024/report.md", "jiaocheng-2024/report.html", "jiaocheng-2024/评分表.xlsx",
                        "yaohai-2023/report.md", "汇总.xlsx"})
    CHECK_MESSAGE(Slurp(o1 / f) == Slurp(o2 / f), f);

  // The summary read back: one row per finished project, the failure listed.
  XlsxWorkbook wb = ReadXlsx((o1 / "汇总.xlsx").string());
  const XlsxSheet* projects = wb.Sheet("项目");
  REQUIRE(projects != nullptr);
  // Stated beside reviewed, the 减分, the findings: what a bureau sorts by.
  const char* heads[] = {"序号", "项目", "主管部门", "年度", "报送总分", "审核总分", "差额",
                         "报送等级", "审核等级", "减分", "错误", "警告", "报告"};
  for (int c = 0; c < 13; ++c) CHECK(projects->Text(0, c) == heads[c]);
  CHECK(projects->Text(1, 1) == "交城县城乡医疗救助补助资金");
  CHECK(ShortestNumber(projects->Text(1, 5)) == "90.71");
  CHECK(projects->Text(1, 8) == "优");
  CHECK(projects->Text(2, 8) == "良");
  CHECK(projects->Text(3, 8) == "优");
  int folder_col = -1;
  for (const auto& [pos, cell] : projects->cells)
    if (pos.first == 0 && cell.text == "项目文件夹") folder_col = pos.second;
  CHECK(folder_col > 12);  // after the printed columns
  CHECK(projects->RowCount() == 4);
  // Each report is linked by a HYPERLINK formula, relative to the summary.
  bool linked = false;
  for (const auto& [pos, cell] : projects->cells)
    if (pos.first == 1 && cell.is_formula && cell.formula == "HYPERLINK(\"jiaocheng-2024/report.html\",\"报告\")")
      linked = true;
  CHECK(linked);
  const XlsxSheet* dist = wb.Sheet("等级分布");
  REQUIRE(dist != nullptr);
  CHECK(dist->Text(1, 1) == "2");  // 优
  CHECK(dist->Text(2, 1) == "1");  // 良
  const XlsxSheet* failed = wb.Sheet("失败");
  REQUIRE(failed != nullptr);
  CHECK(failed->Text(1, 0).find("broken") != std::string::npos);
  // Every report landed whole: no temporary files anywhere.
  for (const auto& e : fs::recursive_directory_iterator(o1))
    CHECK_MESSAGE(e.path().filename().string().find(".tmp") == std::string::npos, e.path().string());
}

TEST_CASE("batch: an interrupt stops new projects and keeps the finished ones whole") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  std::atomic<bool> stop{false};
  BatchOptions opt;
  opt.folder = root.string();
  opt.out = (fs::path(tmp.path()) / "out").string();
  opt.jobs = 1;
  opt.interrupted = &stop;
  BatchOutcome r = RunBatch(opt, [&](size_t done, size_t, const BatchRow&) {
    if (done == 2) stop = true;  // as if Ctrl-C came during the second project
  });
  CHECK(r.interrupted);
  REQUIRE(r.rows.size() == 2);
  CHECK(fs::exists(fs::path(opt.out) / "jiaocheng-2024" / "report.md"));
  CHECK_FALSE(fs::exists(fs::path(opt.out) / "tianjin-disabled-2023"));
  stop = true;
  BatchOutcome none = RunBatch(opt, nullptr);
  CHECK(none.rows.empty());
  CHECK(none.interrupted);
}

TEST_CASE("batch: score only writes no reports") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  BatchOptions opt;
  opt.folder = root.string();
  opt.out = (fs::path(tmp.path()) / "out").string();
  opt.score_only = true;
  BatchOutcome r = RunBatch(opt, nullptr);
  CHECK(r.done == 3);
  CHECK_FALSE(fs::exists(fs::path(opt.out) / "jiaocheng-2024" / "report.md"));
  CHECK(r.rows[1].report.empty());
}

TEST_CASE("batch: filled 自评表 workbooks are projects of their own, loose or in a folder") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root / "单位乙");
  fs::path src(JIXIAO_SOURCE_DIR);
  // Two submitted forms, as a budget unit would send them, and a file that only claims to be one.
  RenderSelfXlsx(ScoreProject(LoadProject((src / "inputs" / "guangzhou-2021").string())),
                 (root / "广州市民政局2021自评表.xlsx").string());
  RenderSelfXlsx(ScoreProject(LoadProject((src / "inputs" / "tianjin-aid-2023").string())),
                 (root / "单位乙" / "自评表.xlsx").string());
  std::ofstream(root / "坏的自评表.xlsx") << "not a workbook";
  // Not projects: an annotated copy, Excel's lock file, a workbook without 自评表 in its name,
  // and a 自评表 beside a project.yaml (that project's own).
  fs::copy_file(root / "单位乙" / "自评表.xlsx", root / "单位乙" / "自评表.审核.xlsx");
  fs::copy_file(root / "单位乙" / "自评表.xlsx", root / "~$自评表.xlsx");
  fs::copy_file(root / "单位乙" / "自评表.xlsx", root / "评分表.xlsx");
  fs::copy(src / "inputs" / "jiaocheng-2024", root / "jiaocheng-2024", fs::copy_options::recursive);
  fs::copy_file(root / "单位乙" / "自评表.xlsx", root / "jiaocheng-2024" / "自评表.xlsx");

  auto found = FindProjects(root.string());
  std::vector<std::string> names;
  for (const auto& f : found) names.push_back(fs::relative(f, root).string());
  CHECK(names == std::vector<std::string>{"jiaocheng-2024", "单位乙/自评表.xlsx", "坏的自评表.xlsx",
                                          "广州市民政局2021自评表.xlsx"});

  fs::remove_all(root / "jiaocheng-2024");  // its system path is relative to the source tree
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 2);
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.done == 2);
  CHECK(r.failed == 1);
  CHECK_FALSE(r.rows[1].ok);
  CHECK(r.rows[1].error.find("坏的自评表.xlsx") != std::string::npos);
  for (size_t i : {0u, 2u}) {
    CAPTURE(r.rows[i].dir);
    CHECK(r.rows[i].ok);
    CHECK(r.rows[i].total == Decimal(100));
    CHECK(r.rows[i].grade == "优");
  }
  CHECK(r.rows[2].name.find("医疗救助") != std::string::npos);
  // Outputs are named after the file, as `check -o` names them.
  CHECK(fs::exists(fs::path(opt.out) / "广州市民政局2021自评表" / "report.html"));
  CHECK(fs::exists(fs::path(opt.out) / "广州市民政局2021自评表" / "自评表.xlsx"));
  CHECK(fs::exists(fs::path(opt.out) / "单位乙" / "自评表" / "report.md"));
  CHECK(r.rows[2].report == "广州市民政局2021自评表/report.html");

  // A second run writing into a folder inside the input folder: the 自评表 files
  // the first run wrote there are outputs, not submissions.
  BatchOptions again = opt;
  again.out = (root / "out").string();
  BatchOutcome first = RunBatch(again, nullptr);
  CHECK(first.rows.size() == 3);
  CHECK(fs::exists(root / "out" / "单位乙" / "自评表" / "自评表.xlsx"));
  BatchOutcome second = RunBatch(again, nullptr);
  CHECK(second.rows.size() == 3);
  CHECK(FindProjects(root.string()).size() == 5);  // without the skip, the two written forms count
}

TEST_CASE("batch: a form and a folder that would share an output folder: the second is reported, not run") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);  // jiaocheng-2024, tianjin-disabled-2023, yaohai-2023, broken
  fs::path src(JIXIAO_SOURCE_DIR);
  // 自评表.xlsx writes to out/自评表/, and so does a project folder named 自评表.
  RenderSelfXlsx(ScoreProject(LoadProject((src / "inputs" / "guangzhou-2021").string())),
                 (root / "自评表.xlsx").string());
  fs::copy(root / "jiaocheng-2024", root / "自评表", fs::copy_options::recursive);
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 2);
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 6);
  CHECK(r.failed == 2);  // broken, and the form found after the folder
  const BatchRow& form = r.rows[5];
  CHECK(fs::path(form.dir).filename() == "自评表.xlsx");
  CHECK_FALSE(form.ok);
  CHECK(form.error.find("未处理") != std::string::npos);
  CHECK(form.error.find((root / "自评表").string()) != std::string::npos);
  CHECK(r.rows[4].ok);  // the folder's project, its report whole
  CHECK(r.rows[4].total == *Decimal::Parse("90.71"));
  CHECK(fs::exists(fs::path(opt.out) / "自评表" / "report.html"));
  CHECK_FALSE(fs::exists(fs::path(opt.out) / "自评表" / "自评表.xlsx"));
}

TEST_CASE("batch: a submitted form's stated total and grade beside the reviewed ones, check.html beside check.md") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  testing::FormSpec s;
  s.rows[0].actual = "500人次";  // 10 of 20 by the rule; the form still says 20 and 总分 100
  testing::WriteForm((root / "单位丙自评表.xlsx").string(), s);
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 1);
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 1);
  REQUIRE(r.rows[0].ok);
  REQUIRE(r.rows[0].stated_total);
  CHECK(*r.rows[0].stated_total == Decimal(100));
  CHECK(r.rows[0].stated_grade == "优");
  CHECK(r.rows[0].total == Decimal(90));
  CHECK(r.rows[0].errors > 0);
  fs::path out = fs::path(opt.out) / "单位丙自评表";
  CHECK(fs::exists(out / "check.md"));
  CHECK(fs::exists(out / "check.html"));
  XlsxWorkbook wb = ReadXlsx((fs::path(opt.out) / "汇总.xlsx").string());
  const XlsxSheet* projects = wb.Sheet("项目");
  REQUIRE(projects != nullptr);
  CHECK(ShortestNumber(projects->Text(1, 4)) == "100");  // 报送总分
  CHECK(ShortestNumber(projects->Text(1, 5)) == "90");   // 审核总分
  CHECK(ShortestNumber(projects->Text(1, 6)) == "-10");  // 差额
  CHECK(projects->Text(1, 7) == "优");
  CHECK(projects->Text(1, 8) == "优");
  CHECK(wb.Sheet("失败") == nullptr);  // nothing failed: no empty sheet to print
}

TEST_CASE("batch: a project that crashes or aborts in its worker is a failure, the others complete") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  for (int jobs : {1, 2}) {
    BatchOptions opt = Options(root, fs::path(tmp.path()) / ("out" + std::to_string(jobs)), jobs);
    // A crash in the worker (as a library's SIGSEGV or abort would be), on purpose.
    opt.before_project = [](const std::string& dir) {
      // As the default action (doctest's own handlers would report the worker as a test).
      std::signal(SIGSEGV, SIG_DFL);
      std::signal(SIGABRT, SIG_DFL);
      if (fs::path(dir).filename() == "tianjin-disabled-2023") std::raise(SIGSEGV);
      if (fs::path(dir).filename() == "yaohai-2023") std::abort();
    };
    BatchOutcome r = RunBatch(opt, nullptr);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.done == 1);
    CHECK(r.failed == 3);
    CHECK(r.exit == ExitCode::kBatchFailures);
    CHECK(r.rows[1].ok);
    CHECK(r.rows[1].total == *Decimal::Parse("90.71"));
    CHECK(fs::exists(fs::path(opt.out) / "jiaocheng-2024" / "report.html"));
    CHECK(r.rows[2].error.find("SIGSEGV") != std::string::npos);
    CHECK(r.rows[2].error.find("tianjin-disabled-2023") != std::string::npos);
    CHECK(r.rows[3].error.find("SIGABRT") != std::string::npos);
    CHECK_FALSE(fs::exists(fs::path(opt.out) / "yaohai-2023"));
    // The failures sheet lists the crash with its reason.
    XlsxWorkbook wb = ReadXlsx((fs::path(opt.out) / "汇总.xlsx").string());
    const XlsxSheet* failed = wb.Sheet("失败");
    REQUIRE(failed != nullptr);
    std::string all;
    for (const auto& [pos, cell] : failed->cells) all += failed->Text(pos.first, pos.second) + "\n";
    CHECK(all.find("SIGSEGV") != std::string::npos);
    CHECK(all.find("SIGABRT") != std::string::npos);
  }
}

TEST_CASE("batch: a project past the time limit is stopped and reported, the others complete") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 2);
  opt.timeout_seconds = 1;
  opt.before_project = [](const std::string& dir) {
    if (fs::path(dir).filename() == "jiaocheng-2024")
      for (;;) pause();  // a hang
  };
  auto start = std::chrono::steady_clock::now();
  BatchOutcome r = RunBatch(opt, nullptr);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));  // stopped, not stuck for ever
  REQUIRE(r.rows.size() == 4);
  CHECK_FALSE(r.rows[1].ok);
  CHECK(r.rows[1].error.find("1 秒") != std::string::npos);
  CHECK(r.rows[2].ok);
  CHECK(r.rows[3].ok);
  CHECK(r.done == 2);
  // Nothing of the stopped project's outputs is left, not even scratch.
  for (const auto& e : fs::recursive_directory_iterator(opt.out))
    CHECK_MESSAGE(e.path().filename().string().find(".tmp") == std::string::npos, e.path().string());
}

TEST_CASE("batch: an interrupt stops the batch promptly even with a worker stuck in one project") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  std::atomic<bool> stop{false};
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 1);
  opt.timeout_seconds = 0;  // no limit: only the interrupt can end it
  opt.interrupted = &stop;
  opt.before_project = [](const std::string& dir) {
    if (fs::path(dir).filename() == "jiaocheng-2024")
      for (;;) pause();
  };
  std::thread ctrl_c([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stop = true;
  });
  auto start = std::chrono::steady_clock::now();
  BatchOutcome r = RunBatch(opt, nullptr);
  ctrl_c.join();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));  // stopped, not stuck for ever
  CHECK(r.interrupted);
  CHECK(r.exit == ExitCode::kInterrupted);
  REQUIRE(r.rows.size() == 1);  // broken, before the stuck one
  CHECK_FALSE(fs::exists(fs::path(opt.out) / "jiaocheng-2024"));
  for (const auto& e : fs::recursive_directory_iterator(opt.out))
    CHECK_MESSAGE(e.path().filename().string().find(".tmp") == std::string::npos, e.path().string());
}

TEST_CASE("batch: symbolic links are not followed and nothing is written outside -o") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::path away = fs::path(tmp.path()) / "away";
  fs::create_directories(root);
  fs::create_directories(away);
  MakeFolder(away);
  fs::remove_all(away / "broken");
  // A project folder linked from elsewhere, and a real project whose text/
  // fragment is a link out of the batch folder.
  fs::create_directory_symlink(away / "jiaocheng-2024", root / "linked");
  fs::copy(away / "yaohai-2023", root / "yaohai-2023", fs::copy_options::recursive);
  std::ofstream(fs::path(tmp.path()) / "secret.md") << "SECRET-LINE\n";
  fs::create_symlink(fs::path(tmp.path()) / "secret.md", root / "yaohai-2023" / "text" / "秘密.md");
  fs::copy(away / "tianjin-disabled-2023", root / "tianjin-disabled-2023", fs::copy_options::recursive);
  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 1);
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.done == 1);
  CHECK(fs::path(r.rows[0].dir).filename() == "tianjin-disabled-2023");
  CHECK(r.rows[0].ok);
  CHECK(r.rows[1].error.find("path-not-allowed") == std::string::npos);  // the message, not its id
  CHECK(r.rows[1].error.find("秘密.md") != std::string::npos);
  CHECK(r.rows[1].error.find("SECRET-LINE") == std::string::npos);
  CHECK(fs::path(r.rows[2].dir).filename() == "linked");
  CHECK(r.rows[2].error.find("符号链接") != std::string::npos);
  // Nothing written into the link's target or beside the input.
  for (const auto& e : fs::recursive_directory_iterator(away))
    CHECK_MESSAGE(e.path().filename() != "report.md", e.path().string());
  CHECK(BatchOutputRel("in/../../x/p", "in") == "p");
}

namespace {

// A copy of the bundled case `name` in `root`, its `system:` rewritten to `system`.
void CopyCase(const fs::path& root, const std::string& name, const std::string& as, const std::string& system) {
  fs::path src(JIXIAO_SOURCE_DIR);
  fs::copy(src / "inputs" / name, root / as, fs::copy_options::recursive);
  std::string y = Slurp(root / as / "project.yaml");
  size_t at = y.find("system: ");
  size_t end = y.find('\n', at);
  y.replace(at, end - at, "system: " + system);
  std::ofstream(root / as / "project.yaml", std::ios::binary | std::ios::trunc) << y;
}

// The files under `dir`, relative, sorted, with their bytes.
std::map<std::string, std::string> Tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = Slurp(e.path());
  return files;
}

}  // namespace

TEST_CASE("batch: the file name a system: path ends in, written on any disk") {
  CHECK(SystemFileName("D:\\评价\\体系\\jiaocheng-2024.yaml") == "jiaocheng-2024.yaml");
  CHECK(SystemFileName("/home/sender/indicators/x.yaml") == "x.yaml");
  CHECK(SystemFileName("x.yml") == "x.yml");
  CHECK(SystemFileName("../x/..").empty());
  CHECK(SystemFileName("a/").empty());
}

TEST_CASE("batch --indicators FILE: every project scored against that one system, 自评表 too, as report does") {
  testing::TempDir tmp;
  fs::path src(JIXIAO_SOURCE_DIR);
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  // The sender's disk: a path that exists nowhere here.
  CopyCase(root, "jiaocheng-2024", "a", "D:\\绩效\\指标\\jiaocheng-2024.yaml");
  CopyCase(root, "jiaocheng-2024", "b", "/home/sender/elsewhere.yaml");
  const fs::path form = root / "某单位自评表.xlsx";
  RenderSelfXlsx(ScoreProject(LoadProject((src / "inputs" / "guangzhou-2021").string())), form.string());
  const std::string system = (src / "indicators" / "jiaocheng-2024.yaml").string();

  // Without --indicators, neither project finds its system.
  BatchOptions plain = Options(root, fs::path(tmp.path()) / "plain", 2);
  plain.score_only = true;
  BatchOutcome refused = RunBatch(plain, nullptr);
  CHECK(refused.failed == 2);
  CHECK(refused.done == 1);

  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 2);
  opt.indicators = system;
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.failed == 0);
  const Decimal expected = ScoreProject(LoadProject((src / "inputs" / "jiaocheng-2024").string())).total;
  for (size_t i : {0u, 1u}) {
    CAPTURE(r.rows[i].error);
    CHECK(r.rows[i].ok);
    CHECK(r.rows[i].total == expected);
  }
  // The 自评表 read with the system's options and grades, as `report --indicators` reads it.
  CHECK(r.rows[2].ok);
  CHECK(r.rows[2].total == ScoreProject(LoadProject(form.string(), system)).total);
  CHECK(fs::exists(fs::path(opt.out) / "a" / "report.html"));
  CHECK(fs::exists(fs::path(opt.out) / "某单位自评表" / "report.html"));

  // A file that is not there, or not a system: the run is refused, nothing written.
  BatchOptions missing = Options(root, fs::path(tmp.path()) / "missing", 1);
  missing.indicators = (fs::path(tmp.path()) / "nowhere.yaml").string();
  BatchOutcome m = RunBatch(missing, nullptr);
  CHECK(m.exit == ExitCode::kInput);
  CHECK(m.refused.find("--indicators") != std::string::npos);
  CHECK_FALSE(fs::exists(missing.out));
  std::ofstream(fs::path(tmp.path()) / "broken.yaml") << "name: [\n";
  missing.indicators = (fs::path(tmp.path()) / "broken.yaml").string();
  BatchOutcome b = RunBatch(missing, nullptr);
  CHECK(b.exit == ExitCode::kInput);
  CHECK(b.DiagnosticsText().find("broken.yaml") != std::string::npos);
  CHECK_FALSE(fs::exists(missing.out));
}

TEST_CASE("batch --indicators DIR: a system: that names no allowed file is found there by its file name") {
  testing::TempDir tmp;
  fs::path src(JIXIAO_SOURCE_DIR);
  fs::path root = fs::path(tmp.path()) / "in";
  fs::path systems = fs::path(tmp.path()) / "体系";
  fs::path elsewhere = fs::path(tmp.path()) / "elsewhere";
  fs::create_directories(root);
  fs::create_directories(systems);
  fs::create_directories(elsewhere);
  fs::copy_file(src / "indicators" / "jiaocheng-2024.yaml", systems / "jiaocheng-2024.yaml");
  fs::copy_file(src / "indicators" / "yaohai-2023.yaml", systems / "yaohai-2023.yaml");
  // A file outside the allowed folders, not an indicator system: never read.
  std::ofstream(elsewhere / "jiaocheng-2024.yaml") << "秘密: 不应出现在消息中\n";
  CopyCase(root, "jiaocheng-2024", "a-windows", "D:\\绩效\\指标\\jiaocheng-2024.yaml");
  CopyCase(root, "jiaocheng-2024", "b-outside", (elsewhere / "jiaocheng-2024.yaml").string());
  CopyCase(root, "yaohai-2023", "c-relative", "../../indicators/yaohai-2023.yaml");
  CopyCase(root, "jiaocheng-2024", "d-unknown", "/home/sender/没有这个体系.yaml");
  CopyCase(root, "jiaocheng-2024", "e-not-yaml", "/home/sender/jiaocheng-2024.txt");
  RenderSelfXlsx(ScoreProject(LoadProject((src / "inputs" / "guangzhou-2021").string())),
                 (root / "f自评表.xlsx").string());

  BatchOptions opt = Options(root, fs::path(tmp.path()) / "out", 2);
  opt.indicators = systems.string();
  BatchOutcome r = RunBatch(opt, nullptr);
  REQUIRE(r.rows.size() == 6);
  CHECK(r.exit == ExitCode::kBatchFailures);
  CHECK(r.done == 4);
  CHECK(r.failed == 2);
  const Decimal jiaocheng = ScoreProject(LoadProject((src / "inputs" / "jiaocheng-2024").string())).total;
  const Decimal yaohai = ScoreProject(LoadProject((src / "inputs" / "yaohai-2023").string())).total;
  CHECK(r.rows[0].ok);
  CHECK(r.rows[0].total == jiaocheng);
  CHECK(r.rows[1].ok);
  CHECK(r.rows[1].total == jiaocheng);
  CHECK(r.rows[2].ok);
  CHECK(r.rows[2].total == yaohai);
  // Not in the folder: located at the system: line, what was looked for and where.
  CHECK_FALSE(r.rows[3].ok);
  CHECK(r.rows[3].error.find("d-unknown/project.yaml:11:") != std::string::npos);
  CHECK(r.rows[3].error.find("没有这个体系.yaml") != std::string::npos);
  CHECK(r.rows[3].error.find(systems.string()) != std::string::npos);
  CHECK_FALSE(r.rows[4].ok);
  CHECK(r.rows[4].error.find("e-not-yaml/project.yaml:11:") != std::string::npos);
  CHECK(r.rows[4].error.find(".yaml") != std::string::npos);
  // A 自评表 names no system: read as without --indicators.
  CHECK(r.rows[5].ok);
  CHECK(r.rows[5].total == Decimal(100));
  for (const auto& row : r.rows) CHECK(row.error.find("秘密") == std::string::npos);
  CHECK(fs::exists(fs::path(opt.out) / "a-windows" / "report.html"));
  CHECK_FALSE(fs::exists(fs::path(opt.out) / "d-unknown"));
  CHECK(fs::exists(fs::path(opt.out) / "汇总.xlsx"));

  // Without the folder, the path outside the allowed folders is refused as before.
  BatchOptions plain = Options(root, fs::path(tmp.path()) / "plain", 2);
  plain.score_only = true;
  BatchOutcome p = RunBatch(plain, nullptr);
  REQUIRE(p.rows.size() == 6);
  CHECK_FALSE(p.rows[1].ok);
  CHECK(p.rows[1].error.find("可用 --allow-path 增加") != std::string::npos);
}

TEST_CASE("batch --sync end: the same outputs as each set synced, the mode restored after the run") {
  testing::TempDir tmp;
  fs::path root = fs::path(tmp.path()) / "in";
  fs::create_directories(root);
  MakeFolder(root);
  BatchOptions each = Options(root, fs::path(tmp.path()) / "each", 2);
  BatchOptions end = Options(root, fs::path(tmp.path()) / "end", 2);
  end.sync_at_end = true;
  BatchOutcome a = RunBatch(each, nullptr);
  BatchOutcome b = RunBatch(end, nullptr);
  CHECK(CurrentSetSync() == SetSync::kEach);
  CHECK(a.exit == b.exit);
  CHECK(a.done == 3);
  CHECK(b.done == 3);
  CHECK(b.failed == 1);
  auto ta = Tree(each.out), tb = Tree(end.out);
  ta.erase("汇总.xlsx");
  tb.erase("汇总.xlsx");
  CHECK(ta.size() >= 12);
  std::vector<std::string> names_a, names_b;
  for (const auto& [k, v] : ta) names_a.push_back(k);
  for (const auto& [k, v] : tb) names_b.push_back(k);
  CHECK(names_a == names_b);
  for (const auto& [k, v] : ta) {
    CAPTURE(k);
    if (k.size() > 3 && (k.compare(k.size() - 3, 3, ".md") == 0 || k.compare(k.size() - 5, 5, ".html") == 0))
      CHECK(tb[k] == v);
  }
  CHECK(fs::exists(fs::path(end.out) / "汇总.xlsx"));
  // Run again over the same output folder: sets exchanged in place, no temporaries left.
  BatchOutcome c = RunBatch(end, nullptr);
  CHECK(c.done == 3);
  for (const auto& e : fs::recursive_directory_iterator(end.out))
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}
