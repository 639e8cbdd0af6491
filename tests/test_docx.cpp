// report.docx (render/docx/render_docx.cpp): the package's parts, the 公文
// styles, the cover without a page number, the TOC field with its entries,
// "— PAGE —" footers, each 附件 a section and a wide table landscape with a
// repeated header row; and LibreOffice (which Word and WPS users' bureaus
// also use) opens it and prints it.
#include <doctest/doctest.h>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "libreoffice.h"
#include "load/load.h"
#include "render/docx/render_docx.h"
#include "render/pdf/convert_pdf.h"
#include "render/report.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;

namespace {

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> parts;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream zin(again, it->second);
    std::ostringstream out;
    out << zin.rdbuf();
    parts[it->first] = out.str();
  }
  return parts;
}

size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

const std::string kReport =
    "# 示例项目绩效评价报告\n\n主管部门：示例局\n\n2025年12月10日\n\n"
    "## 目　录\n\n- 摘要\n- 一、项目基本情况\n\n"
    "## 摘　要\n\n综合得分 90.71 分。\n\n"
    "## 一、项目基本情况\n\n### （一）项目概况\n\n正文第一句。\n续写的一行。\n\n"
    "表 1 资金情况\n\n| 项目 | 金额 |\n| --- | ---: |\n| 甲 | 1,022.04 |\n| 合计 | 1,022.04 |\n\n"
    "## 八、附件\n\n附件 1. 评分表\n附件 2. 满意度调查\n\n评价机构：某公司（盖章）\n\n2025年5月\n\n"
    "## 附件 1：绩效评价指标评分表\n\n"
    "| 一级 | 二级 | 三级 | 权重 | 解释 | 标准 | 得分 | 原因 |\n"
    "| --- | --- | --- | ---: | --- | --- | ---: | --- |\n"
    "| A & B | A1 | A11 &lt;1 &gt; 0 | 3 | 说明 | 标准 | 2.40 | 原因 |\n\n"
    "## 附件 2：满意度调查\n\n很满意。\n";

}  // namespace

TEST_CASE("report.docx: parts, styles, cover, contents, page numbers, sections and tables") {
  const std::string bytes = RenderDocx(kReport);
  auto parts = Unzip(bytes);
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels"})
    CHECK_MESSAGE(parts.count(name) == 1, name);
  const std::string& doc = parts["word/document.xml"];
  const std::string& styles = parts["word/styles.xml"];
  // The title, headings and body in the 公文 styles, with east-Asian fonts.
  CHECK(doc.find("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>示例项目绩效评价报告") !=
        std::string::npos);
  CHECK(Count(doc, "<w:pStyle w:val=\"Heading1\"/>") == 5);  // 摘要, 一、, 八、, 附件 1, 附件 2
  CHECK(Count(doc, "<w:pStyle w:val=\"Heading2\"/>") == 1);
  for (const char* font : {"w:eastAsia=\"方正小标宋简体\"", "w:eastAsia=\"黑体\"", "w:eastAsia=\"楷体\"",
                           "w:eastAsia=\"仿宋\"", "w:eastAsia=\"宋体\""})
    CHECK_MESSAGE(styles.find(font) != std::string::npos, font);
  CHECK(styles.find("w:line=\"560\" w:lineRule=\"exact\"") != std::string::npos);  // 28 pt lines
  CHECK(styles.find("w:firstLineChars=\"200\"") != std::string::npos);             // two characters
  // The TOC field, two levels, its entries cached; Word and WPS update it on opening.
  CHECK(doc.find("TOC \\o \"1-2\"") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>附件 1：绩效评价指标评分表") !=
        std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"TOC2\"/></w:pPr><w:r><w:t>（一）项目概况") != std::string::npos);
  CHECK(doc.find("- 摘要") == std::string::npos);  // the Markdown list is replaced
  CHECK(parts["word/settings.xml"].find("<w:updateFields w:val=\"true\"/>") != std::string::npos);
  // Sections: the cover (no footer), the body (numbered from 1), 附件 1 (landscape), 附件 2.
  CHECK(Count(doc, "<w:sectPr>") == 4);
  CHECK(Count(doc, "<w:footerReference") == 3);
  CHECK(doc.find("<w:sectPr><w:pgSz") < doc.find("<w:footerReference"));  // the first section has none
  CHECK(Count(doc, "<w:pgNumType w:start=\"1\"/>") == 1);
  CHECK(Count(doc, "w:orient=\"landscape\"") == 1);
  CHECK(parts["word/footer1.xml"].find("— </w:t>") != std::string::npos);
  CHECK(parts["word/footer1.xml"].find(" PAGE ") != std::string::npos);
  // Tables: header rows repeat, numbers right-aligned, the 合计 row bold and only it.
  CHECK(Count(doc, "<w:tblHeader/>") == 2);
  CHECK(doc.find("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t>1,022.04") != std::string::npos);
  CHECK(doc.find("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>合计") != std::string::npos);
  CHECK(doc.find("<w:b/><w:bCs/></w:rPr><w:t>甲") == std::string::npos);
  // A caption is centred and kept with its table; the 附件 lines are lines; the signature is on the right.
  CHECK(doc.find("<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t>表 1 资金情况") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>附件 2. 满意度调查") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Signature\"/></w:pPr><w:r><w:t>评价机构") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Signature\"/></w:pPr><w:r><w:t>2025年5月") != std::string::npos);
  // Its lines are kept together on one page.
  size_t signature = styles.find("w:styleId=\"Signature\"");
  REQUIRE(signature != std::string::npos);
  CHECK(styles.substr(signature, styles.find("</w:style>", signature) - signature).find("<w:keepNext/>") != std::string::npos);
  // A wrapped line runs on; text from the input is escaped.
  CHECK(doc.find("正文第一句。</w:t></w:r></w:p><w:p>") != std::string::npos);
  CHECK(doc.find("A &amp; B") != std::string::npos);
  CHECK(doc.find("A11 &lt;1 &gt; 0") != std::string::npos);
  // The same report gives the same bytes.
  CHECK(RenderDocx(kReport) == bytes);
}

TEST_CASE("report.docx: a run keeps its spaces (xml:space) where an end is a space or two stand together") {
  const std::string doc = Unzip(RenderDocx("正文一段。\n\n代码 `  两个空格` 与 `a  b` 和 `尾 `\n"))["word/document.xml"];
  CHECK(doc.find("<w:t>正文一段。</w:t>") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">  两个空格</w:t>") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">a  b</w:t>") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">尾 </w:t>") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">代码 </w:t>") != std::string::npos);
}

TEST_CASE("report.docx of a bundled case opens in LibreOffice and prints as a PDF") {
  if (!testing::LibreOfficeAvailable()) return;
  testing::TempDir dir;
  auto sp = ScoreProject(LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/jiaocheng-2024"));
  auto written = WriteReport(sp, LoadTemplates(""), dir.path());
  std::string docx;
  for (const auto& p : written)
    if (std::filesystem::path(p).filename() == "report.docx") docx = p;
  REQUIRE(!docx.empty());
  std::string pdf = testing::ConvertWithLibreOffice(docx, dir.path(), dir.path(), "pdf");
  REQUIRE_MESSAGE(!pdf.empty(), "LibreOffice could not open report.docx");
  std::ifstream in(pdf, std::ios::binary);
  std::string head(5, '\0');
  in.read(&head[0], 5);
  CHECK(head == "%PDF-");
  CHECK(std::filesystem::file_size(pdf) > 50000);
}

namespace {

// A command's standard output ("" when it cannot run).
std::string Output(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

}  // namespace

TEST_CASE("report.pdf: every bundled case converted in one LibreOffice process, TOC filled, fonts embedded") {
  if (!testing::LibreOfficeAvailable()) return;
  REQUIRE_MESSAGE(testing::OnPath("unoconv"), "unoconv is not installed: run scripts/install-deps.sh");
  REQUIRE_MESSAGE(testing::OnPath("pdfinfo"), "poppler-utils is not installed: run scripts/install-deps.sh");
  namespace fs = std::filesystem;
  testing::TempDir dir;
  std::vector<std::string> docx;
  for (const auto& e : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "inputs")) {
    if (!fs::exists(e.path() / "project.yaml")) continue;
    auto sp = ScoreProject(LoadProject(e.path().string()));
    fs::path out = fs::path(dir.path()) / e.path().filename();
    for (const auto& p : WriteReport(sp, LoadTemplates(""), out.string()))
      if (fs::path(p).filename() == "report.docx") docx.push_back(p);
  }
  REQUIRE(docx.size() >= 10);
  ConvertDocxToPdf(docx);
  for (const auto& d : docx) {
    const std::string pdf = fs::path(d).replace_extension(".pdf").string();
    INFO(pdf);
    REQUIRE(fs::exists(pdf));
    std::string info = Output("pdfinfo '" + pdf + "'");
    CHECK(info.find("Page size:       595.") != std::string::npos);  // A4
    size_t at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    int pages = std::stoi(info.substr(at + 6));
    CHECK(pages >= 5);
    CHECK(pages <= 120);
    // Every font embedded: pdffonts' "emb" column says yes on each line.
    std::string fonts = Output("pdffonts '" + pdf + "'");
    std::istringstream lines(fonts);
    std::string line;
    int listed = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
      if (n < 2 || line.empty()) continue;
      ++listed;
      CHECK_MESSAGE(line.find(" yes ") != std::string::npos, line);
    }
    CHECK(listed > 0);
  }
  // jiaocheng's 目录: the entries filled with their page numbers, the annexes included,
  // and the page the TOC gives for 八、附件 is the page whose footer prints that number.
  const std::string jiaocheng = (fs::path(dir.path()) / "jiaocheng-2024" / "report.pdf").string();
  std::string toc = Output("pdftotext -f 2 -l 3 -layout '" + jiaocheng + "' -");
  size_t annex = toc.find("八、附件");
  REQUIRE(annex != std::string::npos);
  size_t eol = toc.find('\n', annex);
  std::string entry = toc.substr(annex, eol - annex);
  size_t digits = entry.find_last_not_of("0123456789 ");
  REQUIRE(digits + 1 < entry.size());
  int page = std::stoi(entry.substr(digits + 1));
  CHECK(toc.find("附件 1") != std::string::npos);
  std::string body = Output("pdftotext -layout '" + jiaocheng + "' -");
  std::vector<std::string> pages;
  for (size_t from = 0, ff; (ff = body.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(body.substr(from, ff - from));
  bool found = false;
  for (const auto& text : pages)
    if (text.find("八、附件") != std::string::npos && text.find("— " + std::to_string(page) + " —") != std::string::npos)
      found = true;
  CHECK_MESSAGE(found, "no page holds 八、附件 with the footer — " << page << " —");
}

TEST_CASE("report.docx with a reference .docx: its styles followed by name, the ids a localized Word gave them too") {
  // As a Chinese Word saves a restyled report.docx: heading 1 re-identified as "1" in 华文中宋,
  // Title as "a3", the body style kept; no 表格文字 and no toc 2; another style holding the id TableText.
  const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string reference =
      "<?xml version=\"1.0\"?><w:styles " + ns + "><w:docDefaults/>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/>"
      "<w:rPr><w:rFonts w:eastAsia=\"华文中宋\"/><w:sz w:val=\"36\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"正文\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text Other\"/></w:style>"
      "</w:styles>";
  auto parts = Unzip(RenderDocx(kReport, &reference));
  const std::string& doc = parts["word/document.xml"];
  const std::string& styles = parts["word/styles.xml"];
  // The reference's own definitions, as it wrote them.
  CHECK(styles.find("华文中宋") != std::string::npos);
  CHECK(Count(styles, "<w:name w:val=\"heading 1\"/>") == 1);
  // The document uses the reference's ids for the styles it has.
  CHECK(doc.find("<w:pStyle w:val=\"1\"/>") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Heading1\"/>") == std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"a3\"/>") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Title\"/>") == std::string::npos);
  // What it lacks is added: 表格文字 under an id of its own (TableText is taken), based on its Normal ("a").
  CHECK(styles.find("w:styleId=\"jixiaoTableText\"><w:name w:val=\"表格文字\"/><w:basedOn w:val=\"a\"/>") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"jixiaoTableText\"/>") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"TableText\"/>") == std::string::npos);
  CHECK(styles.find("<w:name w:val=\"toc 2\"/>") != std::string::npos);
  CHECK(Count(styles, "w:styleId=\"Body\"") == 1);
  // Without a reference: the built-in styles, unchanged.
  CHECK(Unzip(RenderDocx(kReport))["word/document.xml"].find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
}

TEST_CASE("reference .docx: read from a report.docx, from a templates folder, refused when it is not one") {
  namespace fs = std::filesystem;
  testing::TempDir dir;
  const std::string docx = (fs::path(dir.path()) / "reference.docx").string();
  {
    std::ofstream out(docx, std::ios::binary);
    out << RenderDocx(kReport);
  }
  // Any report.docx jixiao wrote is a reference: its styles come back whole.
  std::string styles = ReadReferenceStyles(docx);
  CHECK(styles.find("<w:name w:val=\"heading 1\"/>") != std::string::npos);
  // reference.docx in a templates folder is taken up by LoadTemplates.
  TemplateSet t = LoadTemplates(dir.path());
  REQUIRE(t.docx_styles);
  CHECK(*t.docx_styles == styles);
  CHECK_FALSE(LoadTemplates("").docx_styles);
  // Not a .docx: refused, naming the file.
  const std::string text = (fs::path(dir.path()) / "notes.docx").string();
  {
    std::ofstream out(text);
    out << "not a zip";
  }
  auto d = testing::CatchDiagnostics([&] { ReadReferenceStyles(text); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].id == "reference-docx-invalid");
  CHECK(d[0].loc.file == text);
}

TEST_CASE("report.docx: parent cells merged down (w:vMerge) as in 评分表.xlsx, bold only on the total row") {
  const std::string md =
      "## 附件 1：绩效评价指标评分表\n\n"
      "| 一级指标 | 二级指标 | 三级指标 | 权重 | 指标解释 | 评分标准 | 得分 | 扣分原因 |\n"
      "| --- | --- | --- | ---: | --- | --- | ---: | --- |\n"
      "| A 决策（20） | A1 立项（6） | A11 依据（3） | 3 | 甲 | 乙 | 3.00 | |\n"
      "| A 决策（20） | A1 立项（6） | A12 程序（3） | 3 | 甲 | 乙 | 3.00 | |\n"
      "| A 决策（20） | A2 目标（14） | A21 明确（14） | 14 | 甲 | 乙 | 14.00 | |\n"
      "| 减分项 | | 违规 | | | | −1.00 | |\n"
      "| 合计 | | | 20 | | | 19.00 | |\n";
  const std::string doc = Unzip(RenderDocx(md))["word/document.xml"];
  // A 决策 over three rows, A1 立项 over two: two restarts, three continuations.
  CHECK(Count(doc, "<w:vMerge w:val=\"restart\"/>") == 2);
  CHECK(Count(doc, "<w:vMerge/>") == 3);
  CHECK(Count(doc, ">A 决策（20）<") == 1);  // the text once, in the first cell of the merge
  CHECK(Count(doc, ">A1 立项（6）<") == 1);
  // Every row keeps one cell per column (Word needs the continuing cells).
  CHECK(Count(doc, "<w:tc>") == 6 * 8);
  // Bold: the header and the 合计 row, not the 减分项 row that comes last before it.
  CHECK(doc.find("<w:b/><w:bCs/></w:rPr><w:t>合计") != std::string::npos);
  CHECK(doc.find("<w:b/><w:bCs/></w:rPr><w:t>减分项") == std::string::npos);
  CHECK(doc.find("<w:b/><w:bCs/></w:rPr><w:t>−1.00") == std::string::npos);
}

TEST_CASE("report.docx from report.html's parse: the same package, or none when the tree is not the same") {
  const std::string mark = std::string(kMarkChar) + "pagebreak" + kMarkChar;
  auto from_tree = [](const std::string& marked) {
    std::string bytes;
    MarkdownToHtml(marked, [&](cmark_node* doc, TablePlans&) { bytes = RenderDocxFromMarkedTree(doc, marked.size(), nullptr, nullptr); });
    return bytes;
  };
  // A mark in a paragraph of its own stands for nothing: the package of the Markdown without it.
  CHECK(from_tree("# 标题\n\n" + mark + "\n\n正文。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n") ==
        RenderDocx("# 标题\n\n正文。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n"));
  // A mark line under a text line or a table joins it; text struck through (two tildes) has no place in Word.
  CHECK(from_tree("# 标题\n\n正文。\n" + mark + "\n").empty());
  CHECK(from_tree("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n" + mark + "\n").empty());
  CHECK(from_tree("得分~~删去~~\n").empty());
  // One tilde is a range in Chinese text, not a strikethrough: the same package as its own parse.
  CHECK(from_tree("得分60~80分，80~90分\n") == RenderDocx("得分60~80分，80~90分\n"));
  CHECK(MarkdownToHtml("得分60~80分，80~90分\n").find("<del>") == std::string::npos);
}

TEST_CASE("report.docx: a chart mark without its chart leaves nothing") {
  // chart:balances for a project of one year: report.html drops the mark, so does the .docx.
  const std::string mark = std::string(kMarkChar) + "chart:balances" + kMarkChar;
  const std::string md = "# 标题\n\n正文。\n\n" + mark + "\n\n后文。\n";
  const std::string doc = Unzip(RenderDocx(md))["word/document.xml"];
  CHECK(doc.find("chart:balances") == std::string::npos);
  CHECK(doc.find(">正文。<") != std::string::npos);
  CHECK(doc.find(">后文。<") != std::string::npos);
}

TEST_CASE("report.docx: charts as native chart parts at their marks, numbered, with captions and legends") {
  const std::string mark = std::string("\xEE\x80\x80") + "chart:level1" + "\xEE\x80\x80";
  DocxChart chart;
  chart.mark = mark;
  chart.horizontal = chart.stacked = chart.percent = true;
  chart.caption = "一级指标得分率";
  chart.categories = {"A 决策", "B 过程 & 管理"};
  chart.series = {{"得满分", "2F5597", {std::string("1"), std::nullopt}},
                  {"有扣分", "C55A11", {std::nullopt, std::string("0.85")}}};
  DocxChart unused = chart;
  unused.mark = "never in the text";
  const std::vector<DocxChart> charts = {chart, unused};
  const std::string md = "## 三、综合评价\n\n表前一段。\n\n" + mark + "\n\n表后一段。\n";
  auto parts = Unzip(RenderDocx(md, nullptr, &charts));
  const std::string& doc = parts["word/document.xml"];
  REQUIRE(parts.count("word/charts/chart1.xml") == 1);
  CHECK(parts.count("word/charts/chart2.xml") == 0);  // a chart whose mark is not in the report is not placed
  CHECK(doc.find("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rIdChart1\"/>") !=
        std::string::npos);
  CHECK(doc.find("chart:level1") == std::string::npos);  // the mark itself is gone
  CHECK(doc.find("<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t>图1 一级指标得分率") != std::string::npos);
  CHECK(doc.find("表前一段") < doc.find("rIdChart1"));
  CHECK(doc.find("rIdChart1") < doc.find("表后一段"));
  CHECK(parts["[Content_Types].xml"].find("/word/charts/chart1.xml") != std::string::npos);
  CHECK(parts["word/_rels/document.xml.rels"].find("Id=\"rIdChart1\"") != std::string::npos);
  const std::string& xml = parts["word/charts/chart1.xml"];
  CHECK(xml.find("<c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/>") != std::string::npos);
  CHECK(xml.find("<c:v>B 过程 &amp; 管理</c:v>") != std::string::npos);  // categories escaped
  CHECK(xml.find("<c:v>得满分</c:v>") != std::string::npos);
  CHECK(xml.find("<c:v>有扣分</c:v>") != std::string::npos);
  CHECK(xml.find("<c:pt idx=\"1\"><c:v>0.85</c:v></c:pt>") != std::string::npos);
  CHECK(xml.find("<c:legend><c:legendPos val=\"b\"/>") != std::string::npos);
  CHECK(xml.find("formatCode=\"0.00%\"") != std::string::npos);
}

TEST_CASE("report.docx of a report whose parse would not do: written from its own Markdown, charts kept") {
  // Struck-through text in a fragment: report.html's parse has strikethrough,
  // the .docx's own parse does not, so the .docx is written from the Markdown.
  auto sp = ScoreProject(LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/tianjin-disabled-2023"));
  Fragments f = LoadFragments(sp.project->Files(), sp.project->text_dir);
  REQUIRE(!f.text.empty());
  f.text.begin()->second += "\n\n这一句~~删去~~保留。\n";
  Report r = RenderReport(sp, LoadTemplates(""), f);
  CHECK(r.docx.empty());
  REQUIRE(!r.docx_markdown.empty());
  CHECK(r.docx_markdown.find("\xEE\x80\x80" "chart:") != std::string::npos);  // the charts' marks kept
  auto parts = Unzip(RenderDocx(r.docx_markdown, nullptr, &r.docx_charts));
  CHECK(parts.count("word/charts/chart1.xml") == 1);
  CHECK(parts.count("word/charts/chart2.xml") == 1);
  CHECK(parts["word/document.xml"].find("~~删去~~") != std::string::npos);
}

TEST_CASE("report.docx of a bundled case: its charts in report order, the same figures as the report") {
  auto sp = ScoreProject(LoadProject(std::string(JIXIAO_SOURCE_DIR) + "/inputs/tianjin-disabled-2023"));
  Report r = RenderReport(sp, LoadTemplates(""), LoadFragments(sp.project->Files(), sp.project->text_dir));
  CHECK(r.markdown.find("\xEE\x80\x80") == std::string::npos);  // report.md keeps no mark
  // Written from report.html's parse: no Markdown of its own is kept for it.
  REQUIRE(!r.docx.empty());
  CHECK(r.docx_markdown.empty());
  auto parts = Unzip(r.docx);
  REQUIRE(parts.count("word/charts/chart1.xml") == 1);
  REQUIRE(parts.count("word/charts/chart2.xml") == 1);
  // The funds chart stands first (一、（二）), the 得分率 chart second (三、), as in report.html.
  const std::string& funds = parts["word/charts/chart1.xml"];
  CHECK(funds.find("<c:v>当年收入</c:v>") != std::string::npos);
  CHECK(funds.find("<c:v>2023 年</c:v>") != std::string::npos);
  CHECK(funds.find("<c:v>28334.29</c:v>") != std::string::npos);
  CHECK(funds.find("<a:t>万元</a:t>") != std::string::npos);
  const std::string& level1 = parts["word/charts/chart2.xml"];
  CHECK(level1.find("<c:v>A 决策</c:v>") != std::string::npos);
  const std::string& doc = parts["word/document.xml"];
  CHECK(doc.find("图1 资金收支与结余（单位：万元）") != std::string::npos);
  CHECK(doc.find("图2 一级指标得分率") != std::string::npos);
  CHECK(r.html.find("图1") < r.html.find("图2"));
  CHECK(r.html.find("资金收支与结余") < r.html.find("一级指标得分率</figcaption>"));
}
