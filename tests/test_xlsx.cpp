// The .xlsx reader and the Excel scoring workbook: the reader on files from
// libxlsxwriter (shared and inline strings), openpyxl, hand-written XML and
// a LibreOffice re-save; hostile files (zip bombs, too many entries, entity
// bombs, deep nesting) refused quickly with an error naming the file; and
// the workbook RenderXlsx writes for jiaocheng-2024 read back cell by cell.
#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "load/load.h"
#include "render/render.h"
#include "score/score.h"
#include "libreoffice.h"
#include "test_util.h"
#include "formats/xlsx/xlsx_writer.h"
#include "formats/xlsx/xlsx_reader.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::Dump;
using jixiao::testing::TempDir;
using jixiao::testing::Zh;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip of `parts` (name, bytes), then `extra` read from a stream, as the
// last entry, when given.
void WriteZip(const std::string& path, const Parts& parts, const std::string& extra_name = "",
              std::istream* extra = nullptr) {
  std::ofstream out(path, std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, data] : parts) {
    std::istringstream in(data);
    zip.addFile(in, Poco::DateTime(2024, 1, 1), name);
  }
  if (extra) zip.addFile(*extra, Poco::DateTime(2024, 1, 1), extra_name);
  zip.close();
}

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char* kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string Worksheet(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + kMain +
         "\">" + body + "</worksheet>";
}

// The parts of a one-sheet workbook around `sheet_xml`; the sheet's target
// is absolute, as some writers make it.
Parts MinimalWorkbook(const std::string& sheet_xml, const std::string& shared_strings = "",
                      const std::string& styles = "") {
  std::string rels = std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkgRel +
                     "\"><Relationship Id=\"rId1\" Type=\"" + kRel +
                     "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>";
  if (!shared_strings.empty())
    rels += std::string("<Relationship Id=\"rId2\" Type=\"") + kRel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  if (!styles.empty())
    rels += std::string("<Relationship Id=\"rId3\" Type=\"") + kRel +
            "/styles\" Target=\"./styles.xml\"/>";
  rels += "</Relationships>";
  Parts parts = {
      {"_rels/.rels", std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkgRel +
                          "\"><Relationship Id=\"rId1\" Type=\"" + kRel +
                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain +
                              "\" xmlns:r=\"" + kRel +
                              "\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/>"
                              "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
  return parts;
}

// The one diagnostic of a refused workbook, checked to name the file.
Diagnostic Refused(const std::string& path, const std::string& id,
                   const XlsxLimits& limits = XlsxLimits{}) {
  auto all = CatchDiagnostics([&] { ReadXlsx(path, limits); });
  REQUIRE_MESSAGE(all.size() == 1, Dump(all));
  CHECK_MESSAGE(all[0].id == id, Dump(all));
  CHECK(all[0].loc.file == path);
  CHECK(RenderDiagnostic(all[0], Language::kChinese).find(path) != std::string::npos);
  return all[0];
}

// One sample of every kind of cell, in normal or constant_memory mode.
void WriteSampleWithLibxlsxwriter(const std::string& path, bool constant_memory) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  REQUIRE(wb != nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.00%");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "评分表");
  // constant_memory writes row by row: the merge goes before the rows below it.
  worksheet_merge_range(ws, 0, 3, 2, 3, "决策", nullptr);
  worksheet_write_string(ws, 0, 0, "一级指标", nullptr);
  worksheet_write_number(ws, 0, 1, 4.71, nullptr);
  worksheet_write_number(ws, 0, 2, 0.9204, percent);
  worksheet_write_number(ws, 1, 1, 3, nullptr);
  worksheet_write_boolean(ws, 1, 2, 1, nullptr);
  worksheet_write_formula_num(ws, 2, 1, "=SUM(B1:B2)", nullptr, 7.71);
  worksheet_write_formula_str(ws, 2, 2, "=IF(B3>=90,\"优\",\"良\")", nullptr, "良");
  worksheet_write_number(ws, 3, 0, 45657, date);
  worksheet_write_number(ws, 3, 1, 45657, builtin_date);
  lxw_rich_string_tuple plain = {nullptr, const_cast<char*>("扣分")};
  lxw_rich_string_tuple strong = {bold, const_cast<char*>("原因")};
  lxw_rich_string_tuple* runs[] = {&plain, &strong, nullptr};
  worksheet_write_rich_string(ws, 4, 0, runs, nullptr);
  worksheet_write_string(ws, 1048575, 16383, "角落", nullptr);

  lxw_worksheet* summary = workbook_add_worksheet(wb, "汇总");
  worksheet_write_string(summary, 0, 0, "合计", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

// What the reader must find in the sample, whichever mode wrote it.
void CheckSample(const XlsxWorkbook& wb) {
  REQUIRE(wb.sheets.size() == 2);
  CHECK(wb.sheets[0].name == "评分表");
  CHECK(wb.sheets[1].name == "汇总");
  REQUIRE(wb.Sheet("评分表") != nullptr);
  const XlsxSheet& s = *wb.Sheet("评分表");

  CHECK(s.Text(0, 0) == "一级指标");
  const XlsxCell* b1 = s.At("B1");
  REQUIRE(b1 != nullptr);
  CHECK(b1->is_number);
  CHECK_FALSE(b1->is_date);
  CHECK(b1->text == "4.71");
  CHECK(b1->ref == "B1");
  CHECK(s.At("C1")->text == "0.9204");
  CHECK_FALSE(s.At("C1")->is_date);
  CHECK(s.At("B2")->text == "3");
  CHECK(s.At("C2")->text == "TRUE");
  CHECK_FALSE(s.At("C2")->is_number);

  const XlsxCell* sum = s.At("B3");
  REQUIRE(sum != nullptr);
  CHECK(sum->is_formula);
  CHECK(sum->formula == "SUM(B1:B2)");
  CHECK(sum->text == "7.71");
  CHECK(sum->is_number);
  CHECK(s.At("C3")->formula == "IF(B3>=90,\"优\",\"良\")");
  CHECK(s.At("C3")->text == "良");

  CHECK(s.At("A4")->is_date);
  CHECK(s.At("A4")->text == "45657");
  CHECK(s.At("B4")->is_date);
  CHECK(s.Text(4, 0) == "扣分原因");
  CHECK(s.Text(1048575, 16383) == "角落");
  CHECK(s.At(1048575, 16383)->ref == "XFD1048576");

  const MergeRange* m = s.MergeAt(1, 3);
  REQUIRE(m != nullptr);
  CHECK(m->ref == "D1:D3");
  CHECK(s.Text(0, 3) == "决策");
  CHECK(s.At(1, 3) == nullptr);  // covered by the merge, blank
  CHECK(wb.Sheet("汇总")->Text(0, 0) == "合计");
  CHECK(wb.Sheet("无此表") == nullptr);
  CHECK(wb.Where(s, *sum).ToString() == wb.path + ": 评分表!B3");
}

// `size` zero bytes, made as they are read: a bomb's payload without the memory.
class ZeroBuf : public std::streambuf {
 public:
  explicit ZeroBuf(std::uint64_t size) : left_(size), chunk_(1 << 16, '\0') {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    auto n = static_cast<size_t>(std::min<std::uint64_t>(left_, chunk_.size()));
    left_ -= n;
    setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::uint64_t left_;
  std::vector<char> chunk_;
};

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

void PutU32(std::string& bytes, size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    bytes[at + static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// The first row whose cell in `col` starts with `prefix`, or -1.
int FindRow(const XlsxSheet& s, int col, const std::string& prefix) {
  for (const auto& [key, cell] : s.cells)
    if (key.second == col && cell.text.compare(0, prefix.size(), prefix) == 0) return key.first;
  return -1;
}

std::string SourcePath(const std::string& rel) {
  return std::string(JIXIAO_SOURCE_DIR) + "/" + rel;
}

// The numbers the jiaocheng-2024 workbook must hold, whoever saved it last.
void CheckJiaochengTotals(const XlsxWorkbook& wb) {
  const XlsxSheet* score = wb.Sheet("评分表");
  REQUIRE(score != nullptr);
  int total = FindRow(*score, 0, "合计");
  REQUIRE(total > 0);
  const XlsxCell* t = score->At(total, 8);
  REQUIRE(t != nullptr);
  CHECK(t->is_formula);
  CHECK(t->formula == "SUM(I5:I26)");
  CHECK(ShortestNumber(t->text) == "90.71");
  CHECK(score->Text(total + 1, 8) == "优");
}

}  // namespace

TEST_CASE("CellRef and ParseCellRef convert between A1 references and 0-based indexes") {
  CHECK(CellRef(0, 0) == "A1");
  CHECK(CellRef(6, 3) == "D7");
  CHECK(CellRef(0, 25) == "Z1");
  CHECK(CellRef(0, 26) == "AA1");
  CHECK(CellRef(1048575, 16383) == "XFD1048576");
  int r = -1, c = -1;
  CHECK(ParseCellRef("D7", r, c));
  CHECK((r == 6 && c == 3));
  CHECK(ParseCellRef("$AA$10", r, c));
  CHECK((r == 9 && c == 26));
  CHECK(ParseCellRef("xfd1048576", r, c));
  CHECK((r == 1048575 && c == 16383));
  for (const char* bad : {"", "A", "7", "A0", "1A", "XFE1", "A1048577", "A1:B2", "A-1", "$$A1"})
    CHECK_MESSAGE(!ParseCellRef(bad, r, c), bad);
}

TEST_CASE("ShortestNumber removes binary-float noise and leaves written text alone") {
  CHECK(ShortestNumber("90.70999999999999") == "90.71");
  CHECK(ShortestNumber("747.5700000000001") == "747.57");
  CHECK(ShortestNumber("0.30000000000000004") == "0.30000000000000004");  // 0.1 + 0.2 is not 0.3
  CHECK(ShortestNumber("90.71") == "90.71");
  CHECK(ShortestNumber("28.10") == "28.10");  // as written: not a float artefact
  CHECK(ShortestNumber("优") == "优");
  CHECK(ShortestNumber("") == "");
}

TEST_CASE("ReadXlsx reads a libxlsxwriter workbook with shared strings") {
  TempDir dir;
  std::string path = dir.path() + "/normal.xlsx";
  WriteSampleWithLibxlsxwriter(path, false);
  auto wb = ReadXlsx(path);
  CHECK(wb.path == path);
  CheckSample(wb);
}

TEST_CASE("ReadXlsx reads a constant_memory workbook, whose strings are inline") {
  TempDir dir;
  std::string path = dir.path() + "/constant.xlsx";
  WriteSampleWithLibxlsxwriter(path, true);
  // No shared-string table: every string is a t="inlineStr" cell.
  CHECK(ReadBytes(path).find("xl/sharedStrings.xml") == std::string::npos);
  auto wb = ReadXlsx(path);
  CheckSample(wb);
}

TEST_CASE("ReadXlsx reads a workbook written by openpyxl") {
  std::string python;
  for (const char* candidate : {"/usr/bin/python3", "python3"})
    if (std::system((std::string(candidate) + " -c 'import openpyxl' >/dev/null 2>&1").c_str()) ==
        0) {
      python = candidate;
      break;
    }
  if (python.empty()) {
    MESSAGE("skipped: python3 with openpyxl is not installed (apt-get install python3-openpyxl)");
    return;
  }
  TempDir dir;
  std::string script = dir.Write("make.py", R"py(import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "评分表"
ws["A1"] = "一级指标"
ws["B1"] = 4.71
ws["B2"] = 3
ws["B3"] = "=SUM(B1:B2)"
ws["C1"] = True
ws["D1"] = datetime.date(2024, 12, 31)
ws["A5"] = "A 决策"
ws.merge_cells("A5:A10")
wb.create_sheet("汇总")["A1"] = "合计"
wb.save(sys.argv[1])
)py");
  std::string path = dir.path() + "/openpyxl.xlsx";
  REQUIRE(std::system((python + " " + script + " " + path).c_str()) == 0);
  auto wb = ReadXlsx(path);
  REQUIRE(wb.sheets.size() == 2);
  const XlsxSheet& s = wb.sheets[0];
  CHECK(s.name == "评分表");
  CHECK(s.Text(0, 0) == "一级指标");
  CHECK(s.At("B1")->text == "4.71");
  CHECK(s.At("B1")->is_number);
  CHECK(s.At("B2")->text == "3");
  CHECK(s.At("B3")->is_formula);
  CHECK(s.At("B3")->formula == "SUM(B1:B2)");
  CHECK(s.At("C1")->text == "TRUE");
  CHECK(s.At("D1")->is_date);
  REQUIRE(s.MergeAt(9, 0) != nullptr);
  CHECK(s.MergeAt(9, 0)->ref == "A5:A10");
  CHECK(s.Text(4, 0) == "A 决策");
  CHECK(wb.sheets[1].Text(0, 0) == "合计");
}

TEST_CASE(
    "ReadXlsx handles what other writers do: no r attributes, rich runs, phonetics, "
    "cell types, styles") {
  TempDir dir;
  std::string sst =
      std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kMain +
      "\" count=\"3\" uniqueCount=\"3\">"
      "<si><t>决策</t></si>"
      "<si><r><rPr><b/></rPr><t>扣分</t></r><r><t xml:space=\"preserve\">原因 </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
      "<si><t>行_x000D_内</t></si></sst>";
  std::string styles =
      std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMain +
      "\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
      "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";
  std::string sheet = Worksheet(
      "<sheetData>"
      "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c><v>1.50</v></c></row>"
      "<row><c t=\"b\"><v>0</v></c><c t=\"e\"><v>#DIV/0!</v></c>"
      "<c t=\"str\"><f>A1&amp;\"x\"</f><v>决策x</v></c></row>"
      "<row r=\"5\"><c r=\"B5\" s=\"1\"><v>45657</v></c><c s=\"2\"><v>3</v></c>"
      "<c s=\"3\"><v>45658</v></c><c t=\"inlineStr\"><is><r><t>内</t></r><r><t>联</t></r></is></c>"
      "<c t=\"s\"><v>2</v></c><c s=\"1\"/></row>"
      "<row><c><f t=\"shared\" ref=\"A6:A7\" si=\"0\">B5*2</f><v>91314</v></c></row>"
      "<row><c><f t=\"shared\" si=\"0\"/><v>6</v></c></row>"
      "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B1:C2\"/></mergeCells>");
  std::string path = dir.path() + "/handmade.xlsx";
  WriteZip(path, MinimalWorkbook(sheet, sst, styles));
  auto wb = ReadXlsx(path);
  REQUIRE(wb.sheets.size() == 1);
  const XlsxSheet& s = wb.sheets[0];
  CHECK(s.name == "数据");
  CHECK(s.Text(0, 0) == "决策");
  CHECK(s.Text(0, 1) == "扣分原因 ");  // runs joined, the phonetic reading left out
  CHECK(s.At("C1")->text == "1.50");   // exactly as written
  CHECK(s.At("A2")->text == "FALSE");
  CHECK(s.At("B2")->text == "#DIV/0!");
  CHECK(s.At("C2")->text == "决策x");
  CHECK(s.At("C2")->formula == "A1&\"x\"");
  CHECK_FALSE(s.At("C2")->is_number);
  CHECK(s.At("B5")->is_date);        // built-in 14
  CHECK_FALSE(s.At("C5")->is_date);  // 0.00"日": the 日 is quoted text
  CHECK(s.At("C5")->is_number);
  CHECK(s.At("D5")->is_date);  // [$-804]yyyy"年"m"月"
  CHECK(s.At("E5")->text == "内联");
  CHECK(s.At("F5")->text == "行\r内");
  CHECK(s.At("G5") == nullptr);  // a styled blank
  CHECK(s.At("A6")->formula == "B5*2");
  CHECK(s.At("A7")->is_formula);
  CHECK(s.At("A7")->formula.empty());
  CHECK(s.At("A7")->text == "6");
  CHECK(s.RowCount() == 7);
  CHECK(s.MergeAt(1, 2)->ref == "B1:C2");
}

TEST_CASE(
    "ReadXlsx refuses a missing file, a file that is not a zip and a zip without a workbook") {
  TempDir dir;
  std::string missing = dir.path() + "/none.xlsx";
  Refused(missing, "cannot-read");
  Refused(dir.path(), "cannot-read");
  std::string text = dir.Write("text.xlsx", "一级指标,权重\nA,20\n");
  Refused(text, "xlsx-not-zip");
  std::string empty = dir.Write("empty.xlsx", "");
  Refused(empty, "xlsx-not-zip");
  std::string nobook = dir.path() + "/nobook.xlsx";
  WriteZip(nobook, Parts{{"hello.txt", "hi"}});
  auto d = Refused(nobook, "xlsx-missing-part");
  CHECK(Zh(d).find("xl/workbook.xml") != std::string::npos);
}

TEST_CASE("ReadXlsx refuses a zip bomb quickly, whether its headers tell the truth or lie") {
  TempDir dir;
  std::string path = dir.path() + "/bomb.xlsx";
  const std::uint64_t inflated = (64ull << 20) + 4096;  // just over the 64 MiB entry limit
  {
    Parts parts = MinimalWorkbook("");
    parts.pop_back();  // the sheet comes from the zero stream
    ZeroBuf zeros(inflated);
    std::istream zero_stream(&zeros);
    WriteZip(path, parts, "xl/worksheets/sheet1.xml", &zero_stream);
  }
  CHECK(std::filesystem::file_size(path) < 200 * 1024);

  auto start = std::chrono::steady_clock::now();
  auto honest = Refused(path, "xlsx-entry-too-large");
  CHECK(Zh(honest).find("xl/worksheets/sheet1.xml") != std::string::npos);

  // Make the headers claim 1000 bytes: the reader must count what inflates.
  std::string bytes = ReadBytes(path);
  size_t patched = 0;
  for (size_t at = bytes.find("PK\x03\x04"); at != std::string::npos;
       at = bytes.find("PK\x03\x04", at + 4)) {
    if (bytes.compare(at + 30, 24, "xl/worksheets/sheet1.xml") != 0) continue;
    PutU32(bytes, at + 22, 1000);
    ++patched;
  }
  for (size_t at = bytes.find("PK\x01\x02"); at != std::string::npos;
       at = bytes.find("PK\x01\x02", at + 4)) {
    if (bytes.compare(at + 46, 24, "xl/worksheets/sheet1.xml") != 0) continue;
    PutU32(bytes, at + 24, 1000);
    ++patched;
  }
  REQUIRE(patched == 2);
  WriteBytes(path, bytes);
  Refused(path, "xlsx-entry-too-large");

  // Many parts each under the entry limit still stop at the total limit.
  XlsxLimits small;
  small.max_entry_bytes = 64ull << 20;
  small.max_total_bytes = 16ull << 20;
  Refused(path, "xlsx-total-too-large", small);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5);
}

TEST_CASE("ReadXlsx refuses a zip with too many entries, even when its directory lies") {
  TempDir dir;
  std::string path = dir.path() + "/many.xlsx";
  Parts parts = MinimalWorkbook(Worksheet("<sheetData/>"));
  for (int i = 0; parts.size() <= 10000; ++i) parts.emplace_back("junk/" + std::to_string(i), "");
  WriteZip(path, parts);
  auto d = Refused(path, "xlsx-too-many-entries");
  CHECK(Zh(d).find("10000") != std::string::npos);

  // The end-of-central-directory record claims 5 entries.
  std::string bytes = ReadBytes(path);
  size_t eocd = bytes.rfind("PK\x05\x06");
  REQUIRE(eocd != std::string::npos);
  bytes[eocd + 8] = 5;
  bytes[eocd + 9] = 0;
  bytes[eocd + 10] = 5;
  bytes[eocd + 11] = 0;
  WriteBytes(path, bytes);
  Refused(path, "xlsx-too-many-entries");
}

TEST_CASE("ReadXlsx refuses a DOCTYPE: entity bombs and external entities never expand") {
  TempDir dir;
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">";
  std::string prev = "a";
  for (int i = 0; i < 12; ++i) {
    std::string name = "e" + std::to_string(i);
    laughs += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&" + prev + ";";
    laughs += "\">";
    prev = name;
  }
  laughs += std::string("]><worksheet xmlns=\"") + kMain +
            "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&" + prev +
            ";</t></is></c></row></sheetData></worksheet>";
  std::string bomb = dir.path() + "/laughs.xlsx";
  WriteZip(bomb, MinimalWorkbook(laughs));
  auto start = std::chrono::steady_clock::now();
  auto d = Refused(bomb, "xlsx-doctype");
  CHECK(Zh(d).find("xl/worksheets/sheet1.xml") != std::string::npos);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2);

  std::string external = std::string(
                             "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x "
                             "SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"") +
                         kMain +
                         "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;"
                         "</t></is></c></row></sheetData></worksheet>";
  std::string xxe = dir.path() + "/xxe.xlsx";
  WriteZip(xxe, MinimalWorkbook(external));
  Refused(xxe, "xlsx-doctype");
}

TEST_CASE("ReadXlsx refuses deep nesting, malformed XML and bad references, naming where") {
  TempDir dir;
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "<x>";
  for (int i = 0; i < 200; ++i) deep += "</x>";
  std::string p1 = dir.path() + "/deep.xlsx";
  WriteZip(p1, MinimalWorkbook(Worksheet(deep)));
  Refused(p1, "xlsx-too-deep");

  std::string p2 = dir.path() + "/broken.xlsx";
  WriteZip(p2, MinimalWorkbook(Worksheet("<sheetData><row></sheetData>")));
  auto d2 = Refused(p2, "xlsx-xml");
  CHECK(Zh(d2).find("xl/worksheets/sheet1.xml") != std::string::npos);
  CHECK(Zh(d2).find("line 1") != std::string::npos);

  std::string p3 = dir.path() + "/badref.xlsx";
  WriteZip(p3, MinimalWorkbook(Worksheet(
                   "<sheetData><row r=\"1\"><c r=\"A0\"><v>1</v></c></row></sheetData>")));
  auto d3 = Refused(p3, "xlsx-bad-cell-ref");
  CHECK(d3.loc.cell == "数据!A0");

  std::string p4 = dir.path() + "/badstring.xlsx";
  std::string sst = std::string("<sst xmlns=\"") + kMain + "\"><si><t>一</t></si></sst>";
  WriteZip(
      p4,
      MinimalWorkbook(
          Worksheet("<sheetData><row r=\"2\"><c r=\"D2\" t=\"s\"><v>7</v></c></row></sheetData>"),
          sst));
  auto d4 = Refused(p4, "xlsx-bad-shared-string");
  CHECK(d4.loc.cell == "数据!D2");
  CHECK(RenderDiagnostic(d4, Language::kChinese).find(p4 + ": 数据!D2") != std::string::npos);

  // A shared string repeated in every cell cannot multiply memory unchecked.
  std::string p5 = dir.path() + "/amplify.xlsx";
  std::string big(1 << 20, 'x');
  std::string cells;
  for (int i = 1; i <= 40; ++i)
    cells += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>0</v></c></row>";
  WriteZip(p5, MinimalWorkbook(
                   Worksheet("<sheetData>" + cells + "</sheetData>"),
                   std::string("<sst xmlns=\"") + kMain + "\"><si><t>" + big + "</t></si></sst>"));
  XlsxLimits limits;
  limits.max_text_bytes = 32ull << 20;
  // The over-limit errors name the sheet and the cell that passed the limit.
  CHECK(Refused(p5, "xlsx-too-much-text", limits).loc.cell == "数据!A33");
  limits.max_cells = 10;
  CHECK(Refused(p5, "xlsx-too-many-cells", limits).loc.cell == "数据!A11");
}

TEST_CASE("RenderXlsx writes jiaocheng-2024 as 附件1 with live totals, and it reads back") {
  auto sp = ScoreProject(LoadProject(SourcePath("inputs/jiaocheng-2024")));
  TempDir dir;
  std::string path = dir.path() + "/评分表.xlsx";
  RenderXlsx(sp, path);
  // Written beside the target and renamed: nothing else is left in the folder.
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    files += e.is_regular_file();
  CHECK(files == 1);

  auto wb = ReadXlsx(path);
  REQUIRE(wb.sheets.size() == 4);
  CHECK(wb.sheets[0].name == "评分表");
  CHECK(wb.sheets[1].name == "汇总");
  CHECK(wb.sheets[2].name == "满意度");
  CHECK(wb.sheets[3].name == "资金");

  const XlsxSheet& s = *wb.Sheet("评分表");
  CHECK(s.Text(0, 0) == "交城县城乡医疗救助补助资金绩效评价指标评分表");
  CHECK(s.Text(1, 0) == "评价指标");
  CHECK(s.Text(2, 0) == "一级指标");
  CHECK(s.Text(2, 2) == "二级指标");
  CHECK(s.Text(2, 4) == "三级指标");
  CHECK(s.Text(3, 0) == "名称");
  CHECK(s.Text(3, 1) == "权重");
  CHECK(s.Text(1, 6) == "指标解释");
  CHECK(s.Text(1, 7) == "评分标准");
  CHECK(s.Text(1, 8) == "得分");
  CHECK(s.Text(1, 9) == "扣分原因");

  // One row per leaf from row 5; 一级 A merged over its six leaves.
  CHECK(s.Text(4, 0) == "A 决策");
  CHECK(s.At("B5")->text == "20");
  REQUIRE(s.MergeAt(4, 0) != nullptr);
  CHECK(s.MergeAt(4, 0)->ref == "A5:A10");
  CHECK(s.MergeAt(4, 1)->ref == "B5:B10");
  CHECK(s.MergeAt(4, 2)->ref == "C5:C6");
  CHECK(s.Text(4, 2) == "A1 项目立项");
  CHECK(s.MergeAt(4, 4) == nullptr);
  CHECK(s.Text(10, 0) == "B 过程");

  int d13 = FindRow(s, 4, "D13 ");
  REQUIRE(d13 > 0);
  CHECK(s.Text(d13, 4) == "D13 政策知晓率");
  CHECK(s.At(d13, 5)->text == "6");
  CHECK(s.At(d13, 8)->is_number);
  CHECK(s.At(d13, 8)->text == "4.71");
  CHECK(s.Text(d13, 9).find("78.43%") != std::string::npos);
  int b12 = FindRow(s, 4, "B12 ");
  REQUIRE(b12 > 0);
  CHECK(s.At(b12, 8)->text == "3");
  CHECK(s.Text(b12, 7).find("预算执行率≥95%") != std::string::npos);
  int a11 = FindRow(s, 4, "A11 ");
  CHECK(s.Text(a11, 9).empty());  // full marks: no 扣分原因

  int total = FindRow(s, 0, "合计");
  CHECK(total == 26);
  CHECK(s.At(total, 1)->formula == "SUM(B5:B26)");
  CHECK(s.At(total, 1)->text == "100");
  CHECK(s.At(total, 5)->text == "100");
  CheckJiaochengTotals(wb);
  CHECK(s.Text(total + 1, 0) == "评价等级");
  CHECK(s.At(total + 1, 8)->formula ==
        "IF(I27>=90,\"优\",IF(I27>=80,\"良\",IF(I27>=60,\"中\",\"差\")))");

  const XlsxSheet& sum = *wb.Sheet("汇总");
  CHECK(sum.Text(1, 0) == "一级指标");
  CHECK(sum.Text(1, 3) == "得分率");
  const char* names[] = {"A 决策", "B 过程", "C 产出", "D 效益"};
  const char* scores[] = {"18", "17", "30", "25.71"};
  const char* rates[] = {"0.9", "0.85", "1", "0.857"};
  for (int i = 0; i < 4; ++i) {
    CHECK(sum.Text(2 + i, 0) == names[i]);
    CHECK(ShortestNumber(sum.At(2 + i, 2)->text) == scores[i]);
    CHECK(sum.At(2 + i, 3)->text == rates[i]);
    CHECK(sum.At(2 + i, 3)->formula ==
          "ROUND(" + CellRef(2 + i, 2) + "/" + CellRef(2 + i, 1) + ",4)");
  }
  CHECK(sum.At("C3")->formula == "SUM('评分表'!I5:I10)");
  CHECK(sum.At("C6")->formula == "SUM('评分表'!I22:I26)");
  CHECK(sum.Text(6, 0) == "合计");
  CHECK(ShortestNumber(sum.At("C7")->text) == "90.71");
  CHECK(sum.At("D7")->text == "0.9071");
  CHECK(sum.Text(7, 1) == "优");

  const XlsxSheet& survey = *wb.Sheet("满意度");
  int q1 = FindRow(survey, 0, "Q1 ");
  REQUIRE(q1 > 0);
  CHECK(survey.Text(q1 + 2, 0) == "熟悉");
  CHECK(survey.At(q1 + 2, 1)->text == "19");
  CHECK(survey.At(q1 + 2, 2)->text == "0.1863");
  CHECK(survey.At(q1 + 2, 2)->formula ==
        "ROUND(" + CellRef(q1 + 2, 1) + "/" + CellRef(q1 + 5, 1) + ",4)");
  CHECK(survey.Text(q1 + 5, 0) == "小计");
  CHECK(survey.At(q1 + 5, 1)->text == "102");
  int mean = FindRow(survey, 0, "平均");
  REQUIRE(mean > 0);
  CHECK(survey.At(mean, 1)->text == "0.9204");  // 92.035% half-up, not a double's 92.03%

  const XlsxSheet& funds = *wb.Sheet("资金");
  int sources_total = FindRow(funds, 0, "合计");
  REQUIRE(sources_total > 0);
  CHECK(ShortestNumber(funds.At(sources_total, 1)->text) == "1022.04");
  int year = FindRow(funds, 0, "2024");
  REQUIRE(year > 0);
  CHECK(funds.At(year, 5)->formula ==
        CellRef(year, 1) + "+" + CellRef(year, 2) + "-" + CellRef(year, 3));
  CHECK(ShortestNumber(funds.At(year, 5)->text) == "2988.88");
  CHECK(funds.At(year, 6)->text == "0");

  // Byte-identical on every run: a fixed creation date, no timestamps.
  std::string again = dir.path() + "/again.xlsx";
  RenderXlsx(sp, again);
  CHECK(ReadBytes(again) == ReadBytes(path));

  std::string nowhere = dir.path() + "/no/such/folder/评分表.xlsx";
  auto all = CatchDiagnostics([&] { RenderXlsx(sp, nowhere); });
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "cannot-write");
  CHECK(all[0].loc.file == nowhere);
}

TEST_CASE("RenderXlsx: a one-level system with capped deductions, and a four-level one") {
  TempDir dir;
  dir.Write("flat/system.yaml", R"(name: 一级体系
total: 100
deduction_cap: 5
indicators:
  - {code: A, name: 决策, weight: 40, explanation: 项目决策, criteria: 综合评定, rule: {kind: manual}}
  - {code: B, name: 产出, weight: 60, explanation: 项目产出, criteria: 综合评定, rule: {kind: manual}}
)");
  dir.Write("flat/project.yaml", R"(project: {name: 一级项目}
system: system.yaml
answers:
  A: {score: 30, reason: 绩效目标不明确}
  B: {score: 60}
deductions:
  - {reason: 资料提供不及时, points: 2}
  - {reason: 自评报告存在问题, points: 4}
)");
  auto flat = ScoreProject(LoadProject(dir.path() + "/flat"));
  REQUIRE(flat.total == Decimal(85));
  std::string path = dir.path() + "/flat.xlsx";
  RenderXlsx(flat, path);
  auto wb = ReadXlsx(path);
  CHECK(wb.sheets.size() == 2);  // no surveys, no funds
  const XlsxSheet& s = *wb.Sheet("评分表");
  // 名称 | 权重 | 指标解释 | 评分标准 | 得分 | 扣分原因
  CHECK(s.Text(2, 0) == "一级指标");
  CHECK(s.Text(1, 2) == "指标解释");
  CHECK(s.Text(1, 4) == "得分");
  CHECK(s.Text(4, 0) == "A 决策");
  CHECK(s.At("E5")->text == "30");
  CHECK(s.Text(4, 5) == "绩效目标不明确");
  CHECK(s.Text(6, 0) == "减分项");
  CHECK(s.MergeAt(7, 0)->ref == "A7:A8");
  CHECK(s.Text(6, 1) == "资料提供不及时");
  CHECK(s.At("E7")->text == "-2");
  CHECK(s.At("E8")->text == "-4");
  CHECK(s.Text(8, 0) == "减分合计（上限 5 分）");
  CHECK(s.At("E9")->formula == "MAX(-5,SUM(E7:E8))");
  CHECK(s.At("E9")->text == "-5");
  CHECK(s.Text(9, 0) == "合计");
  CHECK(s.At("E10")->formula == "SUM(E5:E6)+E9");
  CHECK(s.At("E10")->text == "85");
  CHECK(s.At("E11")->text == "良");
  const XlsxSheet& sum = *wb.Sheet("汇总");
  CHECK(sum.Text(4, 0) == "减分项");
  CHECK(sum.At("C5")->formula == "'评分表'!E9");
  CHECK(sum.At("C6")->formula == "SUM(C3:C5)");
  CHECK(sum.At("C6")->text == "85");
  CHECK(sum.At("D6")->text == "0.85");

  dir.Write("deep/system.yaml", R"(name: 四级体系
total: 10
indicators:
  - code: A
    name: 决策
    weight: 4
    rule: {kind: manual}
  - code: B
    name: 产出
    weight: 6
    children:
      - code: B1
        name: 数量
        weight: 6
        children:
          - code: B11
            name: 覆盖
            weight: 6
            children:
              - {code: B111, name: 城镇, weight: 2, rule: {kind: manual}}
              - {code: B112, name: 农村, weight: 4, rule: {kind: manual}}
)");
  dir.Write("deep/project.yaml", R"(project: {name: 四级项目}
system: system.yaml
answers:
  A: {score: 4}
  B111: {score: 2}
  B112: {score: 3, reason: 农村覆盖不足}
)");
  auto deep = ScoreProject(LoadProject(dir.path() + "/deep"));
  std::string deep_path = dir.path() + "/deep.xlsx";
  RenderXlsx(deep, deep_path);
  auto deep_wb = ReadXlsx(deep_path);
  const XlsxSheet& d = deep_wb.sheets[0];
  CHECK(d.Text(2, 4) == "三级及以下指标");
  CHECK(d.Text(4, 0) == "A 决策");  // a leaf at 一级: the deeper columns stay empty
  CHECK(d.Text(4, 2).empty());
  CHECK(d.Text(5, 0) == "B 产出");
  CHECK(d.MergeAt(5, 0)->ref == "A6:A7");
  CHECK(d.MergeAt(5, 2)->ref == "C6:C7");
  CHECK(d.Text(5, 4) == "B11 覆盖 / B111 城镇");
  CHECK(d.Text(6, 4) == "B11 覆盖 / B112 农村");
  CHECK(d.At("F7")->text == "4");
  CHECK(d.At("I7")->text == "3");
  CHECK(d.Text(7, 0) == "合计");
  CHECK(d.At("B8")->formula == "SUM(B5:B7)");  // every row has a 一级 weight
  CHECK(d.At("D8") == nullptr);                // not every row has a 二级 one
  CHECK(d.At("I8")->text == "9");
}

TEST_CASE("a LibreOffice re-save of the jiaocheng-2024 workbook still reads 90.71") {
  if (!testing::LibreOfficeAvailable()) return;
  auto sp = ScoreProject(LoadProject(SourcePath("inputs/jiaocheng-2024")));
  TempDir dir;
  std::string path = dir.path() + "/score.xlsx";
  RenderXlsx(sp, path);
  std::string resaved = testing::ConvertWithLibreOffice(path, dir.path() + "/lo", dir.path());
  REQUIRE_MESSAGE(!resaved.empty(), "LibreOffice could not convert " << path);
  auto wb = ReadXlsx(resaved);
  REQUIRE(wb.sheets.size() == 4);
  CHECK(wb.sheets[0].name == "评分表");
  CHECK(wb.sheets[3].name == "资金");
  CheckJiaochengTotals(wb);
  const XlsxSheet& s = *wb.Sheet("评分表");
  CHECK(s.MergeAt(4, 0)->ref == "A5:A10");
  int d13 = FindRow(s, 4, "D13 ");
  REQUIRE(d13 > 0);
  CHECK(s.At(d13, 8)->text == "4.71");
  CHECK(wb.Sheet("汇总")->At("D7")->text == "0.9071");
}

TEST_CASE("ScratchDirFor: $TMPDIR when it is a writable folder, else /dev/shm, else the library's default") {
  testing::TempDir tmp;
  CHECK(ScratchDirFor(tmp.path().c_str()) == tmp.path());
  std::string fallback = ScratchDirFor(nullptr);
  CHECK((fallback.empty() || fallback == "/dev/shm"));
  CHECK(ScratchDirFor((tmp.path() + "/missing").c_str()) == fallback);
  CHECK(ScratchDirFor("") == fallback);
  std::string file = tmp.Write("a-file", "x");
  CHECK(ScratchDirFor(file.c_str()) == fallback);  // a file is not a folder
}

TEST_CASE("ThreadScratchDir: each thread has its own folder inside ScratchDir(), gone when the thread ends") {
  if (!ScratchDir()) return;  // no usable scratch folder: the library's default is used as it is
  const std::string base = ScratchDir();
  std::string mine = ThreadScratchDir();
  CHECK(mine.rfind(base + "/jixiao-", 0) == 0);
  CHECK(std::filesystem::is_directory(mine));
  CHECK(std::string(ThreadScratchDir()) == mine);  // the same folder for the thread's next workbook
  std::string theirs;
  bool existed = false;
  std::thread worker([&] {
    theirs = ThreadScratchDir();
    existed = std::filesystem::is_directory(theirs);
  });
  worker.join();
  CHECK(existed);
  CHECK(theirs != mine);
  CHECK(theirs.rfind(base + "/jixiao-", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(theirs));
}
