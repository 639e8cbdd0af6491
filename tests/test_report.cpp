// The report: golden report.md per bundled case, HTML escaping of hostile
// input, template errors, and the computed tables. Regenerate the golden
// files after a reviewed change with: JIXIAO_ACCEPT=1 ./build/jixiao_tests -tc='golden*'
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "load/load.h"
#include "render/report.h"
#include "score/score.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

std::string Slurp(const fs::path& p) { return testing::ReadText(p.string()); }

Report RenderCase(const std::string& dir) {
  auto project = LoadProject(dir);
  ScoredProject sp = ScoreProject(project);
  return RenderReport(sp, LoadTemplates(""), LoadFragments(project->Files(), project->text_dir));
}

void CheckGolden(const std::string& name) {
  Report r = RenderCase((fs::path(JIXIAO_SOURCE_DIR) / "inputs" / name).string());
  testing::CheckGolden(name, r.markdown);
}

fs::path TempDir(const std::string& tag) {
  fs::path d = fs::temp_directory_path() / ("jixiao-report-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("golden report.md: jiaocheng-2024") { CheckGolden("jiaocheng-2024"); }
TEST_CASE("golden report.md: tianjin-disabled-2023") { CheckGolden("tianjin-disabled-2023"); }
TEST_CASE("golden report.md: yaohai-2023") { CheckGolden("yaohai-2023"); }
TEST_CASE("golden report.md: henan-2024 (the worked example)") { CheckGolden("henan-2024"); }

TEST_CASE("report: computed tables of jiaocheng-2024") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  const std::string& md = r.markdown;
  CHECK(md.find("包括 4 项一级指标、12 项二级指标、22 项三级指标") != std::string::npos);
  CHECK(md.find("| D 效益 | 30 | 25.71 | 85.70% |") != std::string::npos);
  CHECK(md.find("| 合计 | 100 | 90.71 | 90.71% |") != std::string::npos);
  CHECK(md.find("| D1 社会效益 | D13 政策知晓率 | 6 | 4.71 | 78.50% |") != std::string::npos);
  CHECK(md.find("根据评分规则，该指标满分为 4 分，得 3.00 分。") != std::string::npos);
  // 附件2: shares computed from the counts, not the published 8.63% / 68.82%.
  CHECK(md.find("| 熟悉 | 9 | 8.82% |") != std::string::npos);
  CHECK(md.find("| 一般了解 | 70 | 68.63% |") != std::string::npos);
  CHECK(md.find("| 平均 | 92.04% |") != std::string::npos);
  // The fund-source shares add up as displayed: 24.64 + 36.89 + 2.75 + 35.71.
  CHECK(md.find("| 合计 | 1,022.04 | 99.99% |") != std::string::npos);
  CHECK(md.find("[[") == std::string::npos);  // layout marks never reach report.md
  CHECK(r.html.find("<svg") != std::string::npos);
  CHECK(r.html.find("class=\"page-break\"") != std::string::npos);
}

TEST_CASE("report: tianjin's deduction row and balance chart") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/tianjin-disabled-2023");
  CHECK(r.markdown.find("| 减分项 | — | −3.00 | — |") != std::string::npos);
  CHECK(r.markdown.find("| 合计 | 100 | 86.00 | 86.00% |") != std::string::npos);
  CHECK(r.html.find("chart-balance") != std::string::npos);
}

TEST_CASE("report: hostile input is escaped in the HTML") {
  fs::path d = TempDir("hostile");
  fs::path src(JIXIAO_SOURCE_DIR);
  fs::copy(src / "inputs" / "jiaocheng-2024", d / "p", fs::copy_options::recursive);
  fs::copy(src / "indicators" / "jiaocheng-2024.yaml", d / "system.yaml");
  // A hostile indicator name in the system, a hostile fragment and project name.
  std::string sys = Slurp(d / "system.yaml");
  sys.replace(sys.find("name: 立项依据充分性"), std::string("name: 立项依据充分性").size(),
              "name: \"立项<script>alert('x')</script>依据\"");
  std::ofstream(d / "system.yaml", std::ios::binary) << sys;
  std::string proj = Slurp(d / "p" / "project.yaml");
  proj.replace(proj.find("system: ../../indicators/jiaocheng-2024.yaml"),
               std::string("system: ../../indicators/jiaocheng-2024.yaml").size(), "system: ../system.yaml");
  proj.replace(proj.find("name: 交城县城乡医疗救助补助资金"), std::string("name: 交城县城乡医疗救助补助资金").size(),
               "name: \"<img src=x onerror=alert(1)>资金\"");
  std::ofstream(d / "p" / "project.yaml", std::ios::binary) << proj;
  fs::create_directories(d / "p" / "text");
  std::ofstream(d / "p" / "text" / "主要绩效.md", std::ios::binary)
      << "正文 <script>alert(2)</script> 与 <b onclick=x>粗体</b>\n\n<iframe src=evil></iframe>\n\n[[pagebreak]]\n";

  Report r = RenderCase((d / "p").string());
  const std::string& h = r.html;
  CHECK(h.find("<script>alert") == std::string::npos);
  CHECK(h.find("<img src=x") == std::string::npos);
  CHECK(h.find("<b onclick") == std::string::npos);
  CHECK(h.find("<iframe") == std::string::npos);
  CHECK(h.find("&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
  CHECK(h.find("立项&lt;script&gt;alert('x')&lt;/script&gt;依据") != std::string::npos);
  CHECK(h.find("&lt;img src=x onerror=alert(1)&gt;资金") != std::string::npos);
  // A user's [[pagebreak]] is text, not a layout mark.
  CHECK(h.find("[[pagebreak]]") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("report: template errors name the file and line") {
  fs::path d = TempDir("tpl");
  std::ofstream(d / "report.md.mustache") << "# {{project.name}}\n{{#level1}}\n{{nmae}}\n{{/level1}}\n";
  Fragments none;
  const std::string file = (d / "report.md.mustache").string();
  // The one diagnostic LoadTemplates gives for the template as it is now.
  auto only = [&] {
    std::vector<Diagnostic> all = testing::CatchDiagnostics([&] { LoadTemplates(d.string()); });
    REQUIRE(all.size() == 1);
    CHECK(all[0].loc.file == file);
    return all[0];
  };
  Diagnostic unknown = only();
  CHECK(unknown.id == "template-unknown-variable");
  CHECK(unknown.loc.line == 3);
  CHECK(unknown.hint_name == "name");
  std::ofstream(d / "report.md.mustache", std::ios::trunc) << "# x\n{{#level1}}\n{{name}}\n";
  Diagnostic open = only();  // a section left open
  CHECK(open.id == "template-unclosed-section");
  CHECK(open.loc.line == 2);
  CHECK(open.message.zh.find("{{#level1}}") != std::string::npos);
  std::ofstream(d / "report.md.mustache", std::ios::trunc) << "{{{text.甲}}}\n{{#text.乙}}{{{text.乙}}}{{/text.乙}}\n";
  TemplateSet t = LoadTemplates(d.string());
  REQUIRE(t.required.size() == 1);
  CHECK(t.required[0].fragment == "甲");
  CHECK(t.required[0].line == 1);
  CHECK_THROWS_AS(ValidateTemplates(t, none), InputError);
  none.text["甲"] = "有";
  CHECK_NOTHROW(ValidateTemplates(t, none));
  CHECK_THROWS_AS(LoadTemplates((d / "nope").string()), InputError);
  fs::remove_all(d);
}

TEST_CASE("report: the evaluated unit's comments get their annex") {
  fs::path d = TempDir("comments");
  fs::path src(JIXIAO_SOURCE_DIR);
  fs::copy(src / "inputs" / "tianjin-disabled-2023", d / "p", fs::copy_options::recursive);
  std::string proj = Slurp(d / "p" / "project.yaml");
  size_t at = proj.find("system: ../../indicators/");
  proj.replace(at, std::string("system: ../../").size(), "system: " + (src.string() + "/"));
  proj += "\ncomments:\n"
          "  - {from: 天津市残疾人联合会, comment: 建议删除减分项, response: 不予采纳, reason: 自评报告确有问题}\n"
          "  - {from: 天津市残疾人联合会, comment: 补充 2023 年资金数据来源, response: 采纳}\n";
  std::ofstream(d / "p" / "project.yaml", std::ios::binary) << proj;
  Report r = RenderCase((d / "p").string());
  CHECK(r.markdown.find("## 附件 3：意见反馈及采纳情况") != std::string::npos);
  CHECK(r.markdown.find("| 1 | 天津市残疾人联合会 | 建议删除减分项 | 不予采纳 | 自评报告确有问题 |") != std::string::npos);
  CHECK(r.markdown.find("| 2 | 天津市残疾人联合会 | 补充 2023 年资金数据来源 | 采纳 |  |") != std::string::npos);
  CHECK(r.markdown.find("\n附件 3：意见反馈及采纳情况\n") != std::string::npos);
  // 不予采纳 without a reason is an input error.
  proj += "  - {comment: 无理由, response: 不予采纳}\n";
  std::ofstream(d / "p" / "project.yaml", std::ios::binary | std::ios::trunc) << proj;
  CHECK_THROWS_AS(LoadProject((d / "p").string()), InputError);
  fs::remove_all(d);
}

TEST_CASE("EscapeMarkdown escapes what would start markup and drops layout marks, byte for byte") {
  CHECK(EscapeMarkdown("a*b_c[d]e<f>g|h#i`j~k&l\\m") == "a\\*b\\_c\\[d\\]e\\<f\\>g\\|h\\#i\\`j\\~k\\&l\\\\m");
  CHECK(EscapeMarkdown("第一行\r\n第二行\n") == "第一行 第二行 ");
  const std::string mark = kMarkChar;
  CHECK(EscapeMarkdown(mark + "pagebreak" + mark + "预算") == "pagebreak预算");
  // Other private-use characters share the mark's lead byte and stay.
  CHECK(EscapeMarkdown("\xEE\x80\x81x\xEE") == "\xEE\x80\x81x\xEE");
  CHECK(EscapeMarkdown("") == "");
  CHECK(EscapeMarkdown("纯文本 plain") == "纯文本 plain");
}

TEST_CASE("text from inputs never becomes Markdown structure or a link, wherever a template puts it") {
  const char* hostile[] = {"2025. 12. 31", "2025) 年度", "- 列表项", "+ 列表项", "---", "- - -", "===", "    缩进的代码",
                           "\t缩进", "> 引用", "| a | b |", "# 标题", "见 http://example.com/x说明", "https://a.cn",
                           "访问www.example.com获取", "WWW.EXAMPLE.CN", "1.", "-", "=\n=", "a\n---\nb",
                           "a\n    b", "10:30 会议", "~~~", "```"};
  for (const char* v : hostile) {
    // At the start of a line (a paragraph of its own), after text, and in a table cell.
    for (const std::string& md : {EscapeMarkdown(v) + "\n", "前文\n" + EscapeMarkdown(v) + "\n",
                                  "| 列 |\n|---|\n| " + EscapeMarkdown(v) + " |\n"}) {
      std::string html = MarkdownToHtml(md);
      for (const char* tag : {"<ol", "<ul", "<li", "<hr", "<pre", "<code", "<a ", "<h1", "<h2", "<blockquote"})
        CHECK_MESSAGE(html.find(tag) == std::string::npos, v, " -> ", html);
    }
  }
  // What the reader sees is the text itself.
  CHECK(MarkdownToHtml(EscapeMarkdown("2025. 12. 31")).find("2025. 12. 31") != std::string::npos);
  CHECK(MarkdownToHtml(EscapeMarkdown("见 http://example.com/x")).find("http://example.com/x") != std::string::npos);
  CHECK(EscapeMarkdown("2025. 12. 31") == "2025\\. 12. 31");
  CHECK(EscapeMarkdown("-5.00") == "-5.00");  // a negative figure is not a list item
  CHECK(EscapeMarkdown("90.71") == "90.71");
  CHECK(EscapeMarkdown("10:30") == "10:30");
}

TEST_CASE("SanitizeFragment keeps the evaluator's Markdown but not raw HTML or layout marks") {
  const std::string mark = kMarkChar;
  CHECK(SanitizeFragment("**加粗** <script>x</script>\n- 列表") == "**加粗** \\<script>x\\</script>\n- 列表");
  CHECK(SanitizeFragment(mark + "cover" + mark + "\n正文<") == "cover\n正文\\<");
  CHECK(SanitizeFragment("\xEE\x80\x81|a|") == "\xEE\x80\x81|a|");
  CHECK(SanitizeFragment("<") == "\\<");
  CHECK(SanitizeFragment("x" + mark + "<y" + mark + mark + "<<z\xEE") == "x\\<y\\<\\<z\xEE");
}

TEST_CASE("ChineseOrdinal numbers sections and items as Chinese writes them") {
  CHECK(ChineseOrdinal(0) == "一");
  CHECK(ChineseOrdinal(8) == "九");
  CHECK(ChineseOrdinal(9) == "十");
  CHECK(ChineseOrdinal(10) == "十一");
  CHECK(ChineseOrdinal(18) == "十九");
  CHECK(ChineseOrdinal(19) == "二十");
  CHECK(ChineseOrdinal(20) == "二十一");
  CHECK(ChineseOrdinal(98) == "九十九");
  CHECK(ChineseOrdinal(99) == "100");
}

TEST_CASE("custom templates: a list nested in itself is refused where it is opened, {{{x}}} in HTML is warned about") {
  testing::TempDir dir;
  std::string nested;
  for (int i = 0; i < 6; ++i) nested += "{{#score_rows}}\n";
  nested += "{{code}}\n";
  for (int i = 0; i < 6; ++i) nested += "{{/score_rows}}\n";
  dir.Write("report.md.mustache", "# 报告\n\n" + nested);
  std::vector<Diagnostic> all = testing::CatchDiagnostics([&] { LoadTemplates(dir.path()); });
  std::vector<Diagnostic> hits = testing::WithId(all, "template-nested-list");
  REQUIRE(hits.size() == 5);
  CHECK(hits[0].loc.line == 4);
  CHECK(hits[0].loc.file.find("report.md.mustache") != std::string::npos);

  testing::TempDir html;
  html.Write("report.html.mustache", "<html><title>{{{title}}}</title><style>{{{css}}}</style>{{&title}}{{{body}}}</html>\n");
  TemplateSet t = LoadTemplates(html.path());
  std::vector<Diagnostic> warned = testing::WithId(t.warnings.All(), "template-unescaped-html");
  REQUIRE(warned.size() == 2);
  CHECK(warned[0].severity == Severity::kWarning);
  CHECK(warned[0].loc.line == 1);
  CHECK(testing::Zh(warned[0]).find("{{{title}}}") != std::string::npos);
  CHECK(LoadTemplates("").warnings.All().empty());  // the built-in page puts in only the body and the CSS
}

TEST_CASE("report: a missing narrative fragment is a placeholder in report.md and report.html, and a warning") {
  auto project = LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  ScoredProject sp = ScoreProject(project);
  TemplateSet t = LoadTemplates("");
  Fragments frag = LoadFragments(project->Files(), project->text_dir);
  REQUIRE(frag.text.count("项目概况"));
  REQUIRE(frag.text.count("建议"));
  frag.text.erase("项目概况");
  frag.text.erase("建议");
  Report r = RenderReport(sp, t, frag);
  for (const std::string* page : {&r.markdown, &r.html}) {
    CHECK(page->find("【待补充：项目概况（text/项目概况.md）】") != std::string::npos);
    CHECK(page->find("【待补充：建议（text/建议.md）】") != std::string::npos);
    CHECK(page->find("【待补充：绩效目标") == std::string::npos);  // present: its own text
  }
  // In its section: right under （一）项目概况.
  size_t heading = r.markdown.find("### （一）项目概况\n");
  REQUIRE(heading != std::string::npos);
  CHECK(r.markdown.find("【待补充：项目概况", heading) < r.markdown.find("（二）", heading));
  // (jiaocheng's text also disagrees with its data: those warnings are report-inconsistency.)
  std::vector<Diagnostic> w;
  for (const auto& d : r.warnings.All())
    if (d.id != "report-inconsistency") w.push_back(d);
  REQUIRE(w.size() == 2);
  for (const auto& d : w) {
    CHECK(d.id == "fragment-placeholder");
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.loc.file.find("report.md.mustache") != std::string::npos);
    CHECK(d.loc.line > 0);
  }
  const std::string dir = (fs::path(project->text_dir)).string();
  CHECK(w[0].message.zh.find((fs::path(dir) / "项目概况.md").string()) != std::string::npos);
  CHECK(w[1].message.zh.find((fs::path(dir) / "建议.md").string()) != std::string::npos);
  CHECK(w[0].message.en.find("the text fragment " + (fs::path(dir) / "项目概况.md").string()) != std::string::npos);

  // --strict: refused, naming each file, as before.
  auto refused = testing::CatchDiagnostics([&] { RenderReport(sp, t, frag, ReportOptions{true}); });
  REQUIRE(refused.size() == 2);
  CHECK(refused[0].id == "missing-fragment");
  CHECK(refused[0].severity == Severity::kError);
  // All fragments present: no placeholder, no warning.
  Report whole = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  for (const auto& d : whole.warnings.All()) CHECK(d.id == "report-inconsistency");
  CHECK(whole.markdown.find("【待补充") == std::string::npos);
  // --strict with every fragment: refused for the text's year-end balance alone.
  auto strict = testing::CatchDiagnostics(
      [&] { RenderReport(sp, t, LoadFragments(project->Files(), project->text_dir), ReportOptions{true}); });
  REQUIRE(!strict.empty());
  for (const auto& d : strict) CHECK(d.id == "report-inconsistency");
}

TEST_CASE("report: a 自评报告 template that needs a fragment gets the same placeholder and warning") {
  auto project = LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/yaohai-2023");
  ScoredProject sp = ScoreProject(project);
  fs::path d = TempDir("self-frag");
  std::ofstream(d / "self-report.md.mustache") << "# {{report_title}}\n\n{{{text.项目概况}}}\n\n{{{text.建议}}}\n";
  TemplateSet t = LoadTemplates(d.string());
  Fragments frag = LoadFragments(project->Files(), project->text_dir);
  frag.text.erase("项目概况");
  REQUIRE(frag.text.count("建议"));
  Report r = RenderReport(sp, t, frag);
  CHECK(r.markdown.find("【待补充：项目概况（text/项目概况.md）】") != std::string::npos);
  CHECK(r.html.find("【待补充：项目概况（text/项目概况.md）】") != std::string::npos);
  CHECK(r.markdown.find("【待补充：建议") == std::string::npos);
  REQUIRE(r.warnings.All().size() == 1);
  CHECK(r.warnings.All()[0].id == "fragment-placeholder");
  CHECK(r.warnings.All()[0].loc.line == 3);
  auto refused = testing::CatchDiagnostics([&] { RenderReport(sp, t, frag, ReportOptions{true}); });
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].id == "missing-fragment");
  // The default 自评报告 template needs no fragment: nothing missing, nothing warned.
  CHECK(RenderReport(sp, LoadTemplates(""), frag).warnings.All().empty());
  fs::remove_all(d);
}

namespace {

size_t CountOf(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

// The text between the first `from` and the next `to` after it.
std::string Between(const std::string& s, const std::string& from, const std::string& to) {
  size_t a = s.find(from);
  if (a == std::string::npos) return "";
  size_t b = s.find(to, a + from.size());
  return s.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

}  // namespace

TEST_CASE("report.html: a two-level linked 目录 whose every link resolves, with the 附件") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/henan-2024");
  const std::string& h = r.html;
  const std::string nav = Between(h, "<nav class=\"toc\">", "</nav>");
  REQUIRE(!nav.empty());
  size_t links = 0;
  for (size_t at = nav.find("href=\"#"); at != std::string::npos; at = nav.find("href=\"#", at + 1)) {
    const size_t end = nav.find('"', at + 7);
    const std::string id = nav.substr(at + 7, end - at - 7);
    CHECK_MESSAGE(CountOf(h, "id=\"" + id + "\"") == 1, id);
    ++links;
  }
  CHECK(links > 20);
  CHECK(nav.find("<li class=\"toc1\"><a href=\"#s3\">一、项目基本情况</a>") != std::string::npos);
  CHECK(nav.find("<li class=\"toc2\"><a href=\"#s3-1\">（一）项目概况</a>") != std::string::npos);
  CHECK(nav.find(">附件 1：绩效评价指标评分表</a>") != std::string::npos);
  CHECK(nav.find(">八、附件</a>") != std::string::npos);
  CHECK(h.find("<h3 id=\"s3-1\">（一）项目概况</h3>") != std::string::npos);
  // report.md has the same contents as a nested list.
  CHECK(r.markdown.find("- 一、项目基本情况\n  - （一）项目概况\n") != std::string::npos);
  CHECK(r.markdown.find("- 附件 1：绩效评价指标评分表\n") != std::string::npos);
}

TEST_CASE("report.html: print has page numbers, no number on the cover, captions kept with tables") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  const std::string& h = r.html;
  CHECK(h.find("@bottom-center { content: \"— \" counter(page) \" —\"") != std::string::npos);
  CHECK(h.find("@page cover { @bottom-center { content: none; } }") != std::string::npos);
  CHECK(h.find("page: cover;") != std::string::npos);
  // A caption and its table are one block; a short table is not split.
  CHECK(h.find("<div class=\"table-block short\">\n<p class=\"caption\">表\u00A03-1 绩效评价得分情况</p>\n<table>") !=
        std::string::npos);
  CHECK(h.find("<p>表\u00A03-1") == std::string::npos);
  // "见表 4-1" keeps 表 with its number.
  CHECK(h.find("具体指标得分情况见表\u00A04-1。") != std::string::npos);
  // No rule makes a table's last row bold whatever it holds.
  CHECK(h.find("tr:last-child td { font-weight") == std::string::npos);
}

TEST_CASE("report.html: a table cell and a heading hold their inlines as cmark-gfm renders them in a paragraph") {
  // html_structure.cpp writes text, code, emphasis and breaks itself and hands
  // other inlines to cmark-gfm: the same inlines in a paragraph, which it does
  // not touch, are what the cells and headings must hold.
  const std::vector<std::string> inlines = {
      "a & b \"c\" 1 < 2 > 0 'q' / done",
      "`x<y && \"z\"` and **bold & strong** and *em <i>* and ***both***",
      "[link \"t\"](http://example.com/?a=1&b=2 \"title\") <http://example.com/x> www.example.com",
      "raw <b>html</b> and ~~struck~~ and ~single~ and \\* escaped",
      "中文 & “引号” 60~80分 见表 4-1 的 表 3",
  };
  for (const std::string& in : inlines) {
    const std::string para = MarkdownToHtml(in + "\n");
    REQUIRE(para.rfind("<p>", 0) == 0);
    const std::string want = para.substr(3, para.find("</p>") - 3);
    const std::string table = MarkdownToHtml("| 列 |\n| --- |\n| " + in + " |\n");
    CHECK_MESSAGE(table.find("<td>" + want + "</td>") != std::string::npos, in, "\n", table);
    const std::string heading = MarkdownToHtml("## " + in + "\n");
    CHECK_MESSAGE(heading.find(">" + want + "</h2>") != std::string::npos, in, "\n", heading);
  }
}

TEST_CASE("report: parent cells merged (rowspan) in the HTML, repeated in the Markdown, bold only on totals") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  // 附件1: D 效益 over its 5 leaves, D1 社会效益 over its 3, as 评分表.xlsx merges them.
  CHECK(r.html.find("<td rowspan=\"5\" class=\"merged\">D 效益（30）</td>\n<td rowspan=\"3\" class=\"merged\">D1 社会效益（18）</td>") != std::string::npos);
  CHECK(r.html.find("<td rowspan=\"3\" class=\"merged\">D1 社会效益（18）</td>") != std::string::npos);
  CHECK(CountOf(r.html, ">D1 社会效益（18）<") == 1);
  CHECK(r.markdown.find("| D 效益（30） | D1 社会效益（18） | D13 政策知晓率（6） |") != std::string::npos);
  // 表 4-4: the 二级 on each row in the Markdown, one merged cell in the HTML.
  CHECK(r.markdown.find("| D1 社会效益 | D13 政策知晓率 | 6 | 4.71 | 78.50% |") != std::string::npos);
  CHECK(r.html.find("<td rowspan=\"3\" class=\"merged\">D1 社会效益</td>") != std::string::npos);
  // Totals bold, and nothing else: every total row starts 合计/小计/平均 here.
  size_t totals = CountOf(r.html, "<tr class=\"total\">");
  CHECK(totals == CountOf(r.markdown, "\n| 合计 |") + CountOf(r.markdown, "\n| 小计 |") + CountOf(r.markdown, "\n| 平均 |"));
  CHECK(totals >= 7);
}

TEST_CASE("report: money in tables at two decimals with separators, each 附件 on its own line, signature block") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024");
  CHECK(r.markdown.find("| 合计 | 1,022.04 | 99.99% |") != std::string::npos);
  CHECK(r.markdown.find("| 2024 | 2,892.43 | 1,022.04 | 925.59 | 96.45 | 2,988.88 |") != std::string::npos);
  CHECK(r.markdown.find("## 八、附件\n\n附件 1：绩效评价指标评分表\n\n附件 2：满意度调查\n\n附件 3：评分说明\n") !=
        std::string::npos);
  const std::string sig = Between(r.html, "<div class=\"signature\">", "</div>");
  CHECK(sig.find("评价机构：山西中致同资产评估有限公司（盖章）") != std::string::npos);
  CHECK(r.html.find("<p>附件 1：绩效评价指标评分表</p>\n<p>附件 2：满意度调查</p>") != std::string::npos);
  // The one figure is 图1, with a legend.
  CHECK(r.html.find("<figcaption>图1 一级指标得分率</figcaption>") != std::string::npos);
  CHECK(r.html.find("有扣分</text>") != std::string::npos);
}

TEST_CASE("report: the fund chart is 图1 before the 得分率 chart, with an axis and every figure") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/tianjin-disabled-2023");
  const std::string& h = r.html;
  CHECK(h.find("<figcaption>图1 资金收支与结余（单位：万元）</figcaption>") != std::string::npos);
  CHECK(h.find("<figcaption>图2 一级指标得分率</figcaption>") != std::string::npos);
  for (const char* v : {">16,052.00<", ">15,333.33<", ">747.57<", ">28,334.29<", ">29,810.35<", ">1,476.06<", ">当年收入<"})
    CHECK_MESSAGE(h.find(v) != std::string::npos, v);
  CHECK(h.find("class=\"axis\" text-anchor=\"end\">30,000<") != std::string::npos);
}

TEST_CASE("report: the 自评报告 ends with a 单位（盖章） block on the right, its budget reads as the workbook's") {
  Report r = RenderCase(std::string(JIXIAO_SOURCE_DIR) + "/inputs/guangzhou-2021");
  CHECK(r.markdown.find("\n单位（盖章）：") != std::string::npos);
  CHECK(Between(r.html, "<div class=\"signature\">", "</div>").find("单位（盖章）：") != std::string::npos);
  CHECK(r.markdown.find("| 年度资金总额 | 24,767.12 | 28,602.02 | 28,602.02 | 100.00% |") != std::string::npos);
  // The 自评表's 总分 row is the bold one, not the last row of every table.
  CHECK(r.html.find("<tr class=\"total\">\n<td>总分</td>") != std::string::npos);
}
