// YamlFile: libyaml's events as a tree of YamlNode, with places in bytes,
// nulls as YAML writes them, aliases, and the errors a user can make.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "formats/yaml/yaml_source.h"

using jixiao::Diagnostic;
using jixiao::YamlFile;
using jixiao::YamlNode;
using jixiao::testing::CatchDiagnostics;

namespace {
Diagnostic OnlyError(const std::string& text) {
  auto all = CatchDiagnostics([&] { YamlFile::Parse("p.yaml", text); });
  REQUIRE(all.size() == 1);
  return all[0];
}
}  // namespace

TEST_CASE("YamlFile reads maps in file order, sequences and scalars") {
  YamlFile y = YamlFile::Parse("p.yaml", "b: 1\na: [x, 'y', \"z\"]\nc:\n  - {k: v}\n  - 2.50\n");
  const YamlNode& root = y.root();
  REQUIRE(root.IsMap());
  CHECK(root.size() == 3);
  std::vector<std::string> keys;
  for (auto it = root.begin(); it != root.end(); ++it) keys.push_back(it->first.Scalar());
  CHECK(keys == std::vector<std::string>{"b", "a", "c"});
  CHECK(root["b"].Scalar() == "1");
  REQUIRE(root["a"].IsSequence());
  std::vector<std::string> items;
  for (const auto& item : root["a"]) items.push_back(item.Scalar());
  CHECK(items == std::vector<std::string>{"x", "y", "z"});
  CHECK(root["c"].size() == 2);
  CHECK((*root["c"].begin())["k"].Scalar() == "v");
  CHECK(root["missing"].IsMap() == false);
  CHECK(!root["missing"]);
  CHECK(!root["b"]["not a map"]);  // a lookup in a scalar is undefined, not a crash
  CHECK(root["b"].Scalar() == "1");
  CHECK(root["a"].Scalar().empty());  // a list has no scalar text
}

TEST_CASE("YamlFile: an empty or ~ value is null and present, a quoted one is text") {
  YamlFile y = YamlFile::Parse("p.yaml", "a:\nb: ~\nc: null\nd: ''\ne: \"null\"\n");
  for (const char* k : {"a", "b", "c"}) {
    CAPTURE(k);
    CHECK(static_cast<bool>(y.root()[k]));
    CHECK(y.root()[k].IsNull());
    CHECK(!y.root()[k].IsScalar());
  }
  CHECK(y.root()["d"].IsScalar());
  CHECK(y.root()["d"].Scalar().empty());
  CHECK(y.root()["e"].Scalar() == "null");
}

TEST_CASE("YamlFile places nodes by line and byte column, as the caret counts") {
  // 名称 is 6 bytes: the value after "  名称: " starts at byte column 11.
  YamlFile y = YamlFile::Parse("p.yaml", "project:\n  名称: 测试\n  年度: [2024, 二〇二四]\n");
  auto loc = y.Loc(y.root()["project"]["名称"]);
  CHECK(loc.line == 2);
  CHECK(loc.column == 11);
  YamlNode year = y.root()["project"]["年度"];
  auto it = year.begin();
  ++it;
  CHECK(y.Loc(*it).line == 3);
  CHECK(y.Loc(*it).column == 3 + 6 + 2 + 7);  // after "  年度: [2024, "
  // A byte-order mark is not a column.
  YamlFile bom = YamlFile::Parse("p.yaml", "\xEF\xBB\xBF" "a: 1\n");
  CHECK(bom.Loc(bom.root()["a"]).column == 4);
  // An empty file is a null document with no place.
  YamlFile empty = YamlFile::Parse("p.yaml", "");
  CHECK(empty.root().IsNull());
  CHECK(empty.Loc(empty.root()).line == 0);
}

TEST_CASE("YamlFile resolves aliases and bounds what they expand to") {
  YamlFile y = YamlFile::Parse("p.yaml", "base: &b {x: 1}\nuse: *b\n");
  CHECK(y.root()["use"]["x"].Scalar() == "1");

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c)
    bomb += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c,
                        fmt::arg("p", std::string(1, static_cast<char>(c - 1))));
  Diagnostic d = OnlyError(bomb);
  CHECK(d.id == "yaml-too-large");
  CHECK(d.loc.line > 1);

  Diagnostic undefined = OnlyError("a: *nowhere\n");
  CHECK(undefined.id == "yaml-syntax");
  CHECK(undefined.message.en.find("nowhere") != std::string::npos);
}

TEST_CASE("YamlFile: a key written twice is an error at the second, naming the first line") {
  Diagnostic d = OnlyError("values:\n  预算资金: 1\n  实际支出: 2\n  预算资金: 3\n");
  CHECK(d.id == "yaml-duplicate-key");
  CHECK(d.loc.line == 4);
  CHECK(d.loc.column == 3);
  CHECK(d.message.zh.find("预算资金") != std::string::npos);
  CHECK(d.message.zh.find("第 2 行") != std::string::npos);
  // The same key in two different maps is fine.
  YamlFile ok = YamlFile::Parse("p.yaml", "a: {k: 1}\nb: {k: 2}\n");
  CHECK(ok.root()["b"]["k"].Scalar() == "2");
}

TEST_CASE("YamlFile: syntax errors and bad bytes name the line and column") {
  Diagnostic colon = OnlyError("project:\n  name: 测试: 项目\n");
  CHECK(colon.id == "yaml-syntax");
  CHECK(colon.loc.line == 2);
  CHECK(colon.loc.column == 15);  // the second ":", after 14 bytes

  Diagnostic open = OnlyError("items: [a, b\n");
  CHECK(open.id == "yaml-syntax");
  CHECK(open.loc.line >= 1);

  Diagnostic bytes = OnlyError("a: 1\nb: \xB2\xE2\n");  // GBK, not UTF-8
  CHECK(bytes.id == "yaml-syntax");
  CHECK(bytes.loc.line == 2);
  CHECK(bytes.loc.column == 4);
}

TEST_CASE("YamlFile: an alias inside its own anchor is an error, not a cycle") {
  Diagnostic d = OnlyError("indicators: &all\n  - {code: A, children: *all}\n");
  CHECK(d.id == "yaml-syntax");
  CHECK(d.loc.line == 2);
  CHECK(d.message.en.find("recursive alias *all") != std::string::npos);
}

TEST_CASE("YamlFile keeps U+2028 and U+2029 as text and counts lines as the caret does") {
  const std::string ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9";
  YamlFile y = YamlFile::Parse("p.yaml", "a: x" + ls + "y\nb: \"交城县" + ps + "医保\"\nc: |\n  第一" + ls + "段\nd: 1\n");
  CHECK(y.root()["a"].Scalar() == "x" + ls + "y");
  CHECK(y.root()["b"].Scalar() == "交城县" + ps + "医保");
  CHECK(y.root()["c"].Scalar() == "第一" + ls + "段\n");
  CHECK(y.Loc(y.root()["d"]).line == 5);  // the separators did not start lines
  // A NEL means a file decoded with the wrong encoding: refused where it is.
  Diagnostic nel = OnlyError("a: 1\nb: x\xC2\x85y\n");
  CHECK(nel.id == "yaml-syntax");
  CHECK(nel.loc.line == 2);
  CHECK(nel.loc.column == 5);
  CHECK(nel.message.en.find("U+0085") != std::string::npos);
}

TEST_CASE("YamlFile reads a large flat map and a long flow list, and finds the one duplicate") {
  std::string map, list = "l: [";
  for (int i = 0; i < 60000; ++i) {
    map += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    list += (i ? ", " : "") + std::to_string(i);
  }
  YamlFile y = YamlFile::Parse("p.yaml", map + list + "]\n");
  CHECK(y.root().size() == 60001);
  CHECK(y.root()["k59999"].Scalar() == "59999");
  CHECK(y.root()["l"].size() == 60000);
  Diagnostic d = OnlyError(map + "k123: again\n");
  CHECK(d.id == "yaml-duplicate-key");
  CHECK(d.loc.line == 60001);
}

TEST_CASE("RenderDiagnostic: the caret stands under the error on a first line with a BOM and on CRLF lines") {
  jixiao::testing::TempDir tmp;
  std::string file = tmp.Write("p.yaml", "\xEF\xBB\xBF" "a: 1\r\nb: [x\r\nc: 2\r\n");
  auto all = CatchDiagnostics([&] { YamlFile::Load(file); });
  REQUIRE(all.size() == 1);
  std::string out = jixiao::RenderDiagnostic(all[0], jixiao::Language::kChinese);
  CHECK(out.find("\r") == std::string::npos);
  CHECK(out.find("\xEF\xBB\xBF") == std::string::npos);
  std::string dup = tmp.Write("d.yaml", "\xEF\xBB\xBF" "k: 1\nk: 2\n");
  auto d = CatchDiagnostics([&] { YamlFile::Load(dup); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].loc.line == 2);
  std::string b = tmp.Write("b.yaml", "\xEF\xBB\xBF" "a: b: c\n");
  auto e = CatchDiagnostics([&] { YamlFile::Load(b); });
  REQUIRE(e.size() == 1);
  std::string text = jixiao::RenderDiagnostic(e[0], jixiao::Language::kChinese);
  // "  a: b: c" then the caret under the second ':' (byte column 5 after the BOM).
  CHECK(text.find("\n  a: b: c\n      ^\n") != std::string::npos);
}

TEST_CASE("RenderDiagnostic: a 20 kB line is shown as a window around the column, the caret under the error") {
  jixiao::testing::TempDir tmp;
  std::string pad;
  for (int i = 0; i < 4000; ++i) pad += "字";  // 12 000 bytes before the error
  std::string file = tmp.Write("long.yaml", "a: [\"" + pad + "\", b: c: d" + std::string(8000, 'x') + "]\n");
  auto all = CatchDiagnostics([&] { YamlFile::Load(file); });
  REQUIRE(all.size() == 1);
  std::string out = jixiao::RenderDiagnostic(all[0], jixiao::Language::kChinese);
  CHECK(out.size() < 1000);
  std::istringstream lines(out);
  std::string first, shown, caret;
  std::getline(lines, first);
  std::getline(lines, shown);
  std::getline(lines, caret);
  CHECK(shown.rfind("  …", 0) == 0);
  CHECK(shown.size() > 3);
  CHECK(shown.substr(shown.size() - 3) == "…");
  // The caret stands under the column the error names, counted in the window.
  size_t caret_col = caret.find('^');
  REQUIRE(caret_col != std::string::npos);
  // Terminal columns: 字 two, the ASCII and the "…" one each.
  size_t byte = 0;
  while (byte < shown.size() && jixiao::DisplayWidth(shown, byte) < caret_col) ++byte;
  CHECK(jixiao::DisplayWidth(shown, byte) == caret_col);
  CHECK(shown.substr(byte, 1) == ":");
  CHECK(jixiao::DisplayWidth("…字x") == 4);
}

TEST_CASE("YamlFile refuses control characters in text, located, and keeps tabs and line breaks") {
  struct Case {
    const char* text;
    const char* code;
    int line;
  };
  for (const Case& c : {Case{"a: ok\nname: \"x\\e[31mred\"\n", "001B", 2}, Case{"name: \"a\\0b\"\n", "0000", 1},
                        Case{"name: \"\\u202Eevil\"\n", "202E", 1}, Case{"name: \"\xE2\x81\xA6x\"\n", "2066", 1},
                        Case{"name: \"a\\rb\"\n", "000D", 1}, Case{"name: \"\\x7f\"\n", "007F", 1},
                        Case{"name: \"\\x85\"\n", "0085", 1}, Case{"- [k, \"\\x01\"]\n", "0001", 1}}) {
    Diagnostic d = OnlyError(c.text);
    CHECK(d.id == "yaml-control-character");
    CHECK(d.loc.line == c.line);
    CHECK(d.loc.column > 0);
    CHECK_MESSAGE(jixiao::testing::Zh(d).find(std::string("U+") + c.code) != std::string::npos, c.text);
  }
  YamlFile y = YamlFile::Parse("p.yaml", "a: \"tab\\there\"\nb: |\n  two\n  lines\nc: \"\\u202F窄空格\"\n");
  CHECK(y.root()["a"].Scalar() == "tab\there");
  CHECK(y.root()["b"].Scalar() == "two\nlines\n");
  CHECK(y.root()["c"].Scalar() == "\xE2\x80\xAF窄空格");
}
