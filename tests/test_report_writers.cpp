// The writer table (render/report_writers.h) and the one decision of the
// report kind (render/report_kind.h): one row per (format, report kind),
// and WriteReport writes exactly the rows of the project's kind.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "load/load.h"
#include "render/report.h"
#include "render/report_kind.h"
#include "render/report_writers.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;
using jixiao::testing::TempDir;

namespace {
std::string CasePath(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/inputs/" + name; }
}  // namespace

TEST_CASE("the writer table has one row per (format, report kind), each kind with md, html, docx and xlsx") {
  std::set<std::pair<std::string, ReportKind>> seen;
  std::set<std::string> formats;
  for (const ReportWriter& w : ReportWriters()) {
    INFO(w.format << " " << w.file_name);
    CHECK(seen.insert({w.format, w.kind}).second);  // no (format, kind) twice
    CHECK(static_cast<bool>(w.write));
    CHECK(std::string(w.file_name).size() > 0);
    formats.insert(w.format);
  }
  CHECK(formats == std::set<std::string>{"md", "html", "docx", "xlsx"});
  for (ReportKind k : {ReportKind::kEvaluation, ReportKind::kSelfEvaluation})
    for (const auto& f : formats) CHECK(seen.count({f, k}) == 1);
  CHECK(seen.size() == 2 * formats.size());
}

TEST_CASE("ReportKindOf decides the report, its Markdown template and the files WriteReport writes") {
  TemplateSet t = LoadTemplates("");
  struct Case {
    const char* name;
    ReportKind kind;
    const char* md_template;
    const char* workbook;
  };
  for (const Case& c : {Case{"jiaocheng-2024", ReportKind::kEvaluation, "report.md.mustache", "评分表.xlsx"},
                        Case{"yaohai-2023", ReportKind::kSelfEvaluation, "self-report.md.mustache", "自评表.xlsx"}}) {
    INFO(c.name);
    ScoredProject sp = ScoreProject(LoadProject(CasePath(c.name)));
    CHECK(ReportKindOf(sp) == c.kind);
    CHECK(std::string(MarkdownTemplateFor(ReportKindOf(sp))) == c.md_template);
    TempDir dir;
    auto written = WriteReport(sp, t, dir.path());
    REQUIRE(written.size() == 4);
    CHECK(std::filesystem::path(written[0]).filename() == "report.md");
    CHECK(std::filesystem::path(written[1]).filename() == "report.html");
    CHECK(std::filesystem::path(written[2]).filename() == "report.docx");
    CHECK(std::filesystem::path(written[3]).filename().string() == c.workbook);
    for (const auto& p : written) CHECK(std::filesystem::exists(p));
  }
}
