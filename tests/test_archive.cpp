// The archive: runs stored whole and once, last year's figures read back,
// the four history questions, a schema a newer jixiao wrote refused. Every
// case runs against SQLite, and against PostgreSQL when $JIXIAO_TEST_PG
// names one (.ci/run starts a private server: scripts/with-postgres.sh).
#include <doctest/doctest.h>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "archive/archive_run.h"
#include "archive/history_queries.h"
#include "archive/schema.h"
#include "commands/history.h"
#include "commands/project_input.h"
#include "commands/report.h"
#include "commands/score.h"
#include "render/render_history.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;
using namespace Poco::Data::Keywords;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::TempDir;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A copy of a bundled project under `root`/<name>: its system named by an
// absolute path, its year and any `replace` (text → text) applied to project.yaml.
std::string CopyProject(const std::string& root, const std::string& from, const std::string& name,
                        const std::string& year, const std::vector<std::pair<std::string, std::string>>& replace = {}) {
  fs::path src = fs::path(JIXIAO_SOURCE_DIR) / "inputs" / from;
  fs::path dst = fs::path(root) / name;
  fs::create_directories(dst);
  for (const auto& e : fs::directory_iterator(src))
    fs::copy(e.path(), dst / e.path().filename(), fs::copy_options::recursive);
  std::string yaml = ReadAll(src / "project.yaml");
  yaml = std::regex_replace(yaml, std::regex(R"(system: \.\./\.\./indicators/)"),
                            "system: " + (fs::path(JIXIAO_SOURCE_DIR) / "indicators").string() + "/");
  yaml = std::regex_replace(yaml, std::regex(R"(year: "\d{4}")"), "year: \"" + year + "\"");
  for (const auto& [a, b] : replace) {
    size_t at = yaml.find(a);
    REQUIRE_MESSAGE(at != std::string::npos, a);
    yaml.replace(at, a.size(), b);
  }
  std::ofstream(dst / "project.yaml", std::ios::binary) << yaml;
  return dst.string();
}

// The bytes of the output file named `name` (a command run with keep_in_memory); null when absent.
const std::string* Named(const std::vector<OutputFile>& files, const std::string& name) {
  for (const auto& f : files)
    if (fs::path(f.path).filename() == name) return &f.bytes;
  return nullptr;
}

ScoredProject Scored(const std::string& dir) {
  ProjectInput in;
  in.path = dir;
  return ScoreProject(LoadProjectInput(in, ""));
}

// The databases a case runs on: a fresh SQLite file, and the PostgreSQL of
// $JIXIAO_TEST_PG in a fresh schema of the case's own (ctest runs cases at once).
std::vector<std::string> Databases(const TempDir& tmp, const std::string& schema) {
  std::vector<std::string> urls = {"sqlite:" + tmp.path() + "/archive.db"};
  if (const char* pg = std::getenv("JIXIAO_TEST_PG"); pg && *pg) {
    Poco::Data::PostgreSQL::Connector::registerConnector();
    Poco::Data::Session s("PostgreSQL", pg);
    s << "SET client_min_messages = warning", now;
    s << "DROP SCHEMA IF EXISTS " + schema + " CASCADE", now;
    s << "CREATE SCHEMA " + schema, now;
    urls.push_back(std::string("postgresql:") + pg + " options='-csearch_path=" + schema + "'");
  }
  return urls;
}

// Last year scored into the archive at `url`, then this year's report with
// it: the two outcomes, each required to have succeeded, the report with
// last year's figures found.
struct TwoYears {
  ScoreOutcome last;
  ReportOutcome now;
};
TwoYears ScoreThenReport(const std::string& last_year, const std::string& this_year, const std::string& url) {
  TwoYears t;
  ScoreRequest score;
  score.project.path = last_year;
  score.db = url;
  t.last = RunScore(score);
  REQUIRE_MESSAGE(t.last.exit == ExitCode::kOk, t.last.DiagnosticsText());
  REQUIRE(t.last.archive);
  ReportRequest report;
  report.project.path = this_year;
  report.db = url;
  report.keep_in_memory = true;
  t.now = RunReport(report);
  REQUIRE_MESSAGE(t.now.exit == ExitCode::kOk, t.now.DiagnosticsText());
  REQUIRE(t.now.archive);
  REQUIRE(t.now.archive->previous);
  return t;
}

long long Count(Database& db, const std::string& sql) {
  Poco::Int64 n = 0;
  db.session() << sql, into(n), now;
  return n;
}

}  // namespace

TEST_CASE("archive: a run is stored whole, once, changed data is a new run and the old one stays") {
  TempDir tmp;
  std::string a = CopyProject(tmp.path(), "jiaocheng-2024", "jc", "2024");
  for (const std::string& url : Databases(tmp, "archive_store")) {
    CAPTURE(url);
    Database db(url);
    CHECK(db.SchemaVersion() == kSchemaVersion);
    ScoredProject sp = Scored(a);
    ArchivedRun run = MakeArchivedRun(sp, CheckProject(sp, {}), a, "score");
    CHECK(run.project_key == "交城县医疗保障局|交城县城乡医疗救助补助资金");
    CHECK(run.inputs.size() >= 2);
    StoredRun first = StoreRun(db, run);
    CHECK(first.stored);
    StoredRun again = StoreRun(db, MakeArchivedRun(sp, CheckProject(sp, {}), a, "report"));
    CHECK_FALSE(again.stored);
    CHECK(again.id == first.id);
    CHECK(Count(db, "SELECT COUNT(*) FROM runs") == 1);
    // Every indicator, parents and leaves, with its displayed score as text.
    long long indicators = Count(db, "SELECT COUNT(*) FROM scores");
    CHECK(indicators == static_cast<long long>(run.scores.size()));
    CHECK(indicators > 10);
    std::string total;
    db.session() << "SELECT total FROM runs", into(total), now;
    CHECK(total == sp.total.ToFixed(2));

    // The same project with one figure changed: a second run, the first kept, the new one latest.
    std::string b = CopyProject(tmp.path(), "jiaocheng-2024", "jc-fixed-" + std::to_string(db.dialect() == Dialect::kSQLite), "2024",
                                {{"实际支出资金: 925.59", "实际支出资金: 990.00"}});
    ScoredProject sb = Scored(b);
    CHECK(StoreRun(db, MakeArchivedRun(sb, CheckProject(sb, {}), b, "score")).stored);
    CHECK(Count(db, "SELECT COUNT(*) FROM runs") == 2);
    CHECK(Count(db, "SELECT COUNT(*) FROM runs WHERE latest = 1") == 1);
    std::string latest_total;
    db.session() << "SELECT total FROM runs WHERE latest = 1", into(latest_total), now;
    CHECK(latest_total == sb.total.ToFixed(2));
    CHECK(sb.total != sp.total);
  }
}

TEST_CASE("archive: last year's figures, and the four history questions") {
  TempDir tmp;
  std::string y23 = CopyProject(tmp.path(), "jiaocheng-2024", "jc-2023", "2023",
                                {{"实际支出资金: 925.59", "实际支出资金: 800.00"}});
  std::string y24 = CopyProject(tmp.path(), "jiaocheng-2024", "jc-2024", "2024");
  std::string other = CopyProject(tmp.path(), "check-jiaocheng-2024", "jc-submitted", "2024",
                                  {{"  name: 交城县城乡医疗救助补助资金", "  name: 交城县城乡医疗救助补助资金（报送）"},
                                   {"  total: 90.71", "  total: 95.00"},
                                   {"text: ../jiaocheng-2024/text", "text: " + (fs::path(JIXIAO_SOURCE_DIR) / "inputs/jiaocheng-2024/text").string()}});
  for (const std::string& url : Databases(tmp, "archive_history")) {
    CAPTURE(url);
    Database db(url);
    ScoredProject s23 = Scored(y23), s24 = Scored(y24);
    REQUIRE(s23.total != s24.total);
    CHECK_FALSE(FindPreviousYear(db, ProjectKey(s24.project->info), "2024"));
    StoreRun(db, MakeArchivedRun(s23, CheckProject(s23, {}), y23, "score"));
    ArchiveOutcome a = ArchiveScored(db, s24, CheckProject(s24, {}), y24, "report");
    REQUIRE(a.previous);
    CHECK(a.previous->year == "2023");
    CHECK(a.previous->total == s23.total);
    REQUIRE(a.previous->Score("A"));
    CHECK(*a.previous->Score("A") == s23.roots[0].score);

    // A project across years: both years in order, each indicator's score, the change.
    ProjectHistory h = QueryProject(db, "交城县城乡医疗救助补助资金");
    REQUIRE(h.years.size() == 2);
    CHECK(h.years[0].year == "2023");
    CHECK(h.years[1].total == s24.total);
    CHECK(h.years[1].scores.size() == h.years[0].scores.size());
    std::string text = RenderHistoryTerminal(HistoryTables(h, Language::kChinese));
    CHECK(text.find(ChangeText(s24.total - s23.total)) != std::string::npos);
    CHECK(text.find("2023") != std::string::npos);
    std::string json = RenderHistoryJson(h);
    CHECK(json.find("\"change\": " + (s24.total - s23.total).ToFixed(2)) != std::string::npos);

    // A part of the name that matches two projects is ambiguous; a stored submission is the other.
    Scored(other);
    ScoredProject so = Scored(other);
    StoreRun(db, MakeArchivedRun(so, CheckProject(so, {}), other, "check"));
    auto diags = CatchDiagnostics([&] { QueryProject(db, "医疗救助"); });
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].id == "history-ambiguous");
    diags = CatchDiagnostics([&] { QueryProject(db, "没有这个项目"); });
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].id == "history-nothing");

    DepartmentHistory d = QueryDepartment(db, "交城县医疗保障局");
    CHECK(d.runs.size() == 3);
    SystemDistribution sd = QuerySystem(db, s24.system().name);
    REQUIRE(sd.years.size() == 2);
    CHECK(sd.years[1].year == "2024");
    CHECK(sd.years[1].projects == 2);
    CHECK(sd.years[1].min == std::min(s24.total, so.total));
    CHECK(sd.years[1].mean == (s24.total + so.total) / Decimal{2});

    // The submission states 95.00; review gives 90.71: listed as revised.
    REQUIRE(so.project->stated.total);
    REQUIRE(so.project->stated.total->value != so.total);
    RevisedHistory rv = QueryRevised(db, "", "", 10);
    REQUIRE(rv.runs.size() == 1);
    CHECK(rv.runs[0].name == so.project->info.name);
    CHECK(*rv.runs[0].stated_total == so.project->stated.total->value);
    CHECK(QueryRevised(db, "2023", "", 10).runs.empty());
  }
}

TEST_CASE("archive: a report run with the archive sets last year beside this year") {
  TempDir tmp;
  std::string y23 = CopyProject(tmp.path(), "jiaocheng-2024", "jc-2023", "2023",
                                {{"实际支出资金: 925.59", "实际支出资金: 800.00"}});
  std::string y24 = CopyProject(tmp.path(), "jiaocheng-2024", "jc-2024", "2024");
  auto [s, r] = ScoreThenReport(y23, y24, "sqlite:" + tmp.path() + "/a.db");
  CHECK(s.archive->stored.stored);
  CHECK_FALSE(s.archive->previous);
  const std::string* md = Named(r.files, "report.md");
  REQUIRE(md);
  std::string change = ChangeText(r.scored->total - s.scored->total);
  CHECK(md->find("| 一级指标 | 权重 | 上年得分 | 得分 | 变动 | 得分率 |") != std::string::npos);
  CHECK(md->find("与上年（2023 年度，" + s.scored->total.ToFixed(2) + " 分") != std::string::npos);
  CHECK(md->find("| " + s.scored->total.ToFixed(2) + " | " + r.scored->total.ToFixed(2) + " | " + change + " |") !=
        std::string::npos);
}

TEST_CASE("archive: a bad URL, and a database a newer jixiao wrote, are refused with a clear error") {
  TempDir tmp;
  auto diags = CatchDiagnostics([&] { Database db("mysql://x"); });
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].id == "database-url");
  diags = CatchDiagnostics([&] { Database db("postgresql:host=/nonexistent-socket-dir port=1 user=x password=secret dbname=x"); });
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].id == "database-open");
  CHECK(diags[0].loc.file.find("secret") == std::string::npos);
  for (const std::string& url : Databases(tmp, "archive_newer")) {
    CAPTURE(url);
    {
      Database db(url);
      db.session() << "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')", now;
    }
    diags = CatchDiagnostics([&] { Database db(url); });
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].id == "database-newer");
    CHECK(diags[0].message.en.find("99") != std::string::npos);
  }
  // history without a database, and with nothing in it
  HistoryRequest h;
  h.subject = "x";
  CHECK(RunHistory(h).exit == ExitCode::kInput);
  h.db = "sqlite:" + tmp.path() + "/empty.db";
  HistoryOutcome out = RunHistory(h);
  CHECK(out.exit == ExitCode::kInput);
  CHECK(out.DiagnosticsText().find("history-nothing") == std::string::npos);  // the message, not the id
  CHECK(out.DiagnosticsText().find("没有与“x”相符的记录") != std::string::npos);
}

TEST_CASE("archive: a 自评报告 run with the archive compares with last year in a sentence") {
  TempDir tmp;
  std::string y22 = CopyProject(tmp.path(), "yaohai-2023", "yh-2022", "2022",
                                {{"executed: 100         # 全年执行数", "executed: 90         # 全年执行数"},
                                 {"executed: 100}", "executed: 90}"}});
  std::string y23 = CopyProject(tmp.path(), "yaohai-2023", "yh-2023", "2023");
  auto [s, r] = ScoreThenReport(y22, y23, "sqlite:" + tmp.path() + "/a.db");
  REQUIRE(s.scored->total != r.scored->total);
  const std::string* md = Named(r.files, "report.md");
  REQUIRE(md);
  std::string change = (r.scored->total - s.scored->total).ToFixed(2);
  CHECK(md->find("与上年（2022 年度，" + s.scored->total.ToFixed(2) + " 分，“" + s.scored->grade +
                       "”）相比，综合得分提高 " + change + " 分") != std::string::npos);
}

TEST_CASE("archive: filled 自评表 uploaded as bytes are told apart by their bytes") {
  TempDir tmp;
  std::string y22 = CopyProject(tmp.path(), "yaohai-2023", "yh-2022", "2022",
                                {{"executed: 100         # 全年执行数", "executed: 90         # 全年执行数"},
                                 {"executed: 100}", "executed: 90}"}});
  std::string y23 = CopyProject(tmp.path(), "yaohai-2023", "yh-2023", "2023");
  // Each project's own 自评表.xlsx, as a clerk would upload it.
  auto form = [&](const std::string& dir) {
    ReportRequest report;
    report.project.path = dir;
    report.keep_in_memory = true;
    ReportOutcome r = RunReport(report);
    REQUIRE_MESSAGE(r.exit == ExitCode::kOk, r.DiagnosticsText());
    const std::string* form = Named(r.files, "自评表.xlsx");
    REQUIRE(form);
    return std::make_shared<const std::string>(*form);
  };
  auto a = form(y22), b = form(y23);
  REQUIRE(*a != *b);
  std::string url = "sqlite:" + tmp.path() + "/a.db";
  auto upload = [&](std::shared_ptr<const std::string> bytes) {
    ScoreRequest score;
    score.project.path = "自评表.xlsx";  // the same upload name for both
    score.project.bytes = std::move(bytes);
    score.db = url;
    ScoreOutcome s = RunScore(score);
    REQUIRE_MESSAGE(s.exit == ExitCode::kOk, s.DiagnosticsText());
    REQUIRE(s.archive);
    return s.archive->stored;
  };
  StoredRun first = upload(a), second = upload(b), again = upload(a);
  CHECK(first.stored);
  CHECK(second.stored);
  CHECK(first.id != second.id);
  CHECK_FALSE(again.stored);
  CHECK(again.id == first.id);
}
