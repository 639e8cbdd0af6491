// The limits every input is held to (issue 14): each reproducer of a crash,
// a hang or runaway memory is a located error here, or, where iteration
// replaced recursion, simply works.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <new>
#include <string>

#include "base/decimal.h"
#include "base/messages.h"
#include "base/read_file.h"
#include "commands/command_result.h"
#include "formats/xlsx/xlsx_reader.h"
#include "formats/yaml/yaml_source.h"
#include "formula/formula.h"
#include "load/load.h"
#include "model/indicator.h"
#include "model/project.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::TempDir;

namespace {

Decimal EvalText(const std::string& text, const std::map<std::string, Decimal>& names = {}) {
  Formula f = Formula::Parse(text);
  return f.Evaluate([&](const std::string& n) -> std::optional<Decimal> {
    auto it = names.find(n);
    if (it == names.end()) return std::nullopt;
    return it->second;
  });
}

std::string ParseError(const std::string& text) {
  try {
    Formula::Parse(text);
  } catch (const FormulaError& e) {
    return e.what();
  }
  return "";
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

const Diagnostic& OnlyOne(const std::vector<Diagnostic>& all, const std::string& id) {
  REQUIRE(all.size() >= 1);
  for (const auto& d : all)
    if (d.id == id) return d;
  FAIL("no diagnostic ", id, "; first is ", all[0].id, ": ", all[0].message.en);
  return all[0];
}

const char* kSmallSystem = R"(name: 体系
total: 100
indicators:
  - code: A
    name: 甲
    weight: 100
    rule: {kind: proportional, value: v, target: 1}
)";

}  // namespace

// ---- formulas ----

TEST_CASE("limits: a formula 10 000 parentheses deep is a syntax error naming the limit, not a crash") {
  std::string text = Repeat("(", 10000) + "1" + Repeat(")", 10000);
  std::string what = ParseError(text);
  CHECK(what.find("nested more than " + std::to_string(kMaxFormulaNesting)) != std::string::npos);
  // At the limit it still parses.
  std::string ok = Repeat("(", kMaxFormulaNesting - 1) + "7" + Repeat(")", kMaxFormulaNesting - 1);
  CHECK(EvalText(ok) == Decimal(7));
}

TEST_CASE("limits: a message quotes at most the start of a long formula") {
  CHECK(QuoteFormula("a + b") == "a + b");
  std::string cut = QuoteFormula(Repeat("甲", 100));
  CHECK(cut.size() <= kFormulaQuoteBytes + 3);
  CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
  CHECK(cut.substr(0, 78) == Repeat("甲", 26));  // whole characters only
}

TEST_CASE("limits: a chain of 100 000 + terms is evaluated, in a loop") {
  std::string text = "1" + Repeat(" + 1", 99999);
  CHECK(EvalText(text) == Decimal(100000));
  std::string mixed = "x" + Repeat(" - 1 + 2", 50000);  // 100 001 terms
  CHECK(EvalText(mixed, {{"x", Decimal(5)}}) == Decimal(50005));
  CHECK(EvalText("2" + Repeat(" * 1", 100000)) == Decimal(2));
}

TEST_CASE("limits: 100 000 unary minus signs fold, in a loop") {
  CHECK(EvalText(Repeat("-", 100000) + "3") == Decimal(3));
  CHECK(EvalText(Repeat("-", 99999) + "3") == Decimal(-3));
  CHECK(EvalText(Repeat("!", 100001) + "0") == Decimal(1));
  CHECK(EvalText("-!0") == Decimal(-1));
  CHECK(EvalText("!-0") == Decimal(1));
}

TEST_CASE("limits: a chain of && stops at the operand that decides it") {
  // x == 0: the division on the right is never evaluated.
  CHECK(EvalText("x != 0 && 1 / x > 1 && 1 / x < 9", {{"x", Decimal(0)}}) == Decimal(0));
  CHECK(EvalText("x == 0 || 1 / x > 1 || 1 / x < 9", {{"x", Decimal(0)}}) == Decimal(1));
}

TEST_CASE("limits: a formula with 100 000 distinct names lists them without quadratic time") {
  std::string text = "n0";
  for (int i = 1; i < 100000; ++i) text += " + n" + std::to_string(i);
  auto start = std::chrono::steady_clock::now();
  Formula f = Formula::Parse(text);
  CHECK(f.Names().size() == 100000);
  // Linear: under a second in a Release build; comparing each name with
  // every earlier one took minutes.
  CHECK(SecondsSince(start) < 30);  // a guard against a hang or quadratic time, not a speed test
}

// ---- exact values ----

TEST_CASE("limits: arithmetic refuses, before computing, a value past kMaxExactDigits digits") {
  Decimal big = *Decimal::Parse(std::string(kMaxExactDigits / 2 + 10, '9'));
  CHECK_THROWS_AS(big * big, DecimalLimitError);
  CHECK_THROWS_AS(Decimal(1) / (big * Decimal(1)) / big, DecimalLimitError);
  Decimal half = *Decimal::Parse(std::string(kMaxExactDigits / 2 - 10, '9'));
  CHECK((half * half).NumeratorDigits() <= kMaxExactDigits);
  // Parse refuses longer numbers than the limit.
  CHECK(!Decimal::Parse(std::string(kMaxExactDigits + 1, '1')));
}

TEST_CASE("limits: metrics each the square of the one before stop with an error naming the metric") {
  TempDir dir;
  dir.Write("sys.yaml", kSmallSystem);
  std::string project = "project: {name: 测试}\nsystem: sys.yaml\nvalues:\n  m0: 12345.6789\nmetrics:\n";
  for (int i = 1; i <= 40; ++i) project += "  m" + std::to_string(i) + ": m" + std::to_string(i - 1) + " * m" + std::to_string(i - 1) + "\n";
  project += "  v: m40 / (m40 + 1)\n";
  dir.Write("project.yaml", project);
  auto start = std::chrono::steady_clock::now();
  auto all = CatchDiagnostics([&] { ScoreProject(LoadProject(dir.path())); });
  CHECK(SecondsSince(start) < 30);  // a guard against a hang or quadratic time, not a speed test
  const Diagnostic& d = OnlyOne(all, "metric-too-large");
  CHECK(d.message.en.find("metric 'm") != std::string::npos);
  CHECK(d.message.en.find(std::to_string(kMaxExactDigits)) != std::string::npos);
  CHECK(d.loc.file.find("project.yaml") != std::string::npos);
  CHECK(d.loc.line > 5);
}

TEST_CASE("limits: a chain of more than kMaxMetricChain metrics is a load error, not deep recursion") {
  TempDir dir;
  dir.Write("sys.yaml", kSmallSystem);
  std::string project = "project: {name: 测试}\nsystem: sys.yaml\nvalues:\n  m0: 1\nmetrics:\n";
  const int n = 100000;
  for (int i = 1; i <= n; ++i) project += "  m" + std::to_string(i) + ": m" + std::to_string(i - 1) + " + 1\n";
  project += "  v: m" + std::to_string(n) + " / " + std::to_string(n + 1) + "\n";
  dir.Write("project.yaml", project);
  auto all = CatchDiagnostics([&] { LoadProject(dir.path()); });
  const Diagnostic& d = OnlyOne(all, "metric-too-deep");
  CHECK(d.message.en.find(std::to_string(kMaxMetricChain)) != std::string::npos);
  CHECK(d.loc.line > 0);
}

TEST_CASE("limits: GMP's allocation failure is std::bad_alloc, and a command turns it into exit 2") {
  mpz_class z;
  // 10^(10^9) needs about 400 MB in one piece, past kMaxGmpAllocationBytes.
  CHECK_THROWS_AS(mpz_ui_pow_ui(z.get_mpz_t(), 10, 1000000000UL), std::bad_alloc);
  CommandResult r;
  CatchInputError(r, [] { throw std::bad_alloc(); }, "inputs/x");
  CHECK(r.exit == ExitCode::kInput);
  REQUIRE(r.diagnostics.All().size() == 1);
  CHECK(r.diagnostics.All()[0].id == "out-of-memory");
  CHECK(r.diagnostics.All()[0].loc.file == "inputs/x");
  CommandResult big;
  CatchInputError(big, [] { throw DecimalLimitError(); });
  CHECK(big.exit == ExitCode::kInput);
  CHECK(big.diagnostics.All()[0].id == "value-too-large");
}

// ---- YAML ----

TEST_CASE("limits: a 1 MB scalar aliased 100 000 times is a located error, at once") {
  std::string text = "big: &b \"" + std::string(1 << 20, 'x') + "\"\nlist:\n";
  for (int i = 0; i < 100000; ++i) text += "  - *b\n";
  auto start = std::chrono::steady_clock::now();
  auto all = CatchDiagnostics([&] { YamlFile::Parse("p.yaml", text); });
  CHECK(SecondsSince(start) < 30);  // a guard against a hang or quadratic time, not a speed test
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "yaml-too-many-bytes");
  CHECK(all[0].loc.line == 3);  // the list the aliases fill
}

TEST_CASE("limits: [[[[…]]]] 100 000 deep is a located error without quadratic time") {
  std::string text = "a: " + Repeat("[", 100000) + Repeat("]", 100000) + "\n";
  auto start = std::chrono::steady_clock::now();
  auto all = CatchDiagnostics([&] { YamlFile::Parse("p.yaml", text); });
  CHECK(SecondsSince(start) < 30);  // a guard against a hang or quadratic time, not a speed test
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "yaml-too-deep");
  CHECK(all[0].loc.line == 1);
  // Flow maps and block nesting are held to the same bound.
  CHECK(CatchDiagnostics([&] { YamlFile::Parse("p.yaml", Repeat("{a: ", 5000) + "1" + Repeat("}", 5000)); })[0].id ==
        "yaml-too-deep");
  std::string block;
  for (int i = 0; i < 300; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(CatchDiagnostics([&] { YamlFile::Parse("p.yaml", block); })[0].id == "yaml-too-deep");
}

// ---- indicator systems ----

TEST_CASE("limits: an indicator system nested 5 000 levels deep is a located error") {
  TempDir dir;
  // Written in flow style, one level a line: block style would indent past any sane size.
  std::string text = "name: 深\ntotal: 100\nindicators:\n";
  for (int i = 0; i < 5000; ++i)
    text += std::string(i == 0 ? "  - " : "    ") + "{code: C" + std::to_string(i) + ", name: 层, weight: 100, children: [\n";
  text += "    {code: L, name: 叶, weight: 100, rule: {kind: manual}}\n";
  for (int i = 0; i < 5000; ++i) text += "]}";
  text += "\n";
  std::string path = dir.Write("deep.yaml", text);
  auto start = std::chrono::steady_clock::now();
  auto all = CatchDiagnostics([&] { LoadSystem(path); });
  CHECK(SecondsSince(start) < 30);  // a guard against a hang or quadratic time, not a speed test
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "yaml-too-deep");
  CHECK(all[0].loc.file == path);
  CHECK(all[0].loc.line > 50);
}

TEST_CASE("limits: indicators deeper than kMaxIndicatorLevels are an error at the first too deep") {
  TempDir dir;
  std::string text = "name: 深\ntotal: 100\nindicators:\n";
  std::string indent = "  ";
  for (int i = 1; i <= kMaxIndicatorLevels; ++i) {
    text += indent + "- code: C" + std::to_string(i) + "\n" + indent + "  name: 层\n" + indent + "  weight: 100\n";
    text += indent + "  children:\n";
    indent += "    ";
  }
  text += indent + "- {code: L, name: 叶, weight: 100, rule: {kind: manual}}\n";
  std::string path = dir.Write("deep.yaml", text);
  auto all = CatchDiagnostics([&] { LoadSystem(path); });
  const Diagnostic& d = OnlyOne(all, "indicator-too-deep");
  CHECK(d.indicator == "L");
  CHECK(d.message.en.find(std::to_string(kMaxIndicatorLevels)) != std::string::npos);
}

// ---- grades ----

TEST_CASE("limits: a system of total 200 grades on the share of its total") {
  TempDir dir;
  dir.Write("sys.yaml", R"(name: 二百分
total: 200
indicators:
  - {code: A, name: 甲, weight: 120, rule: {kind: manual}}
  - {code: B, name: 乙, weight: 80, rule: {kind: manual}}
)");
  dir.Write("project.yaml", R"(project: {name: 测试}
system: sys.yaml
answers:
  A: {score: 60, reason: 一般}
  B: {score: 35, reason: 一般}
)");
  ScoredProject sp = ScoreProject(LoadProject(dir.path()));
  CHECK(sp.total == Decimal(95));
  CHECK(GradePoints(*sp.project->system, sp.total) == *Decimal::Parse("47.5"));
  CHECK(sp.grade == "差");  // 47.5 of 100, not 95
}

TEST_CASE("limits: grade bands above 100 and a non-positive total are load errors") {
  TempDir dir;
  std::string path = dir.Write("sys.yaml", R"(name: 二百分
total: 200
grades:
  - {name: 优, min: 180}
  - {name: 差, min: 0}
indicators:
  - {code: A, name: 甲, weight: 200, rule: {kind: manual}}
)");
  CHECK(OnlyOne(CatchDiagnostics([&] { LoadSystem(path); }), "grade-above-hundred").loc.line == 4);
  std::string zero = dir.Write("zero.yaml", "name: 零\ntotal: 0\nindicators:\n  - {code: A, name: 甲, weight: 0, rule: {kind: manual}}\n");
  CHECK(OnlyOne(CatchDiagnostics([&] { LoadSystem(zero); }), "must-be-positive").loc.line == 2);
  std::string mismatch = dir.Write("mis.yaml", "name: 错\ntotal: 200\nindicators:\n  - {code: A, name: 甲, weight: 100, rule: {kind: manual}}\n");
  OnlyOne(CatchDiagnostics([&] { LoadSystem(mismatch); }), "root-weight-sum");
}

// ---- only regular files ----

TEST_CASE("limits: a FIFO, a device and a socket named as inputs are refused, never read") {
  TempDir dir;
  std::string fifo = dir.path() + "/project.yaml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  auto all = CatchDiagnostics([&] { ReadFileBytes(fifo); });
  CHECK(all[0].id == "not-regular-file");
  CHECK(all[0].message.en.find("FIFO") != std::string::npos);
  CHECK(all[0].loc.file == fifo);
  CHECK(CatchDiagnostics([&] { LoadProject(dir.path()); })[0].id == "not-regular-file");
  // A device is refused before it is opened: not a .yaml file; a FIFO named .yaml as not a regular file.
  CHECK(CatchDiagnostics([&] { LoadSystem("/dev/zero"); })[0].id == "system-not-yaml");
  const std::string fifo_yaml = dir.path() + "/sys.yaml";
  REQUIRE(mkfifo(fifo_yaml.c_str(), 0600) == 0);
  CHECK(CatchDiagnostics([&] { LoadSystem(fifo_yaml); })[0].id == "not-regular-file");
  CHECK(CatchDiagnostics([&] { ReadXlsx(fifo); })[0].id == "not-regular-file");
  CHECK(CatchDiagnostics([&] { ReadXlsx("/dev/zero"); })[0].id == "not-regular-file");

  std::string sock_path = dir.path() + "/s.yaml";
  int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  REQUIRE(sock_path.size() < sizeof addr.sun_path);
  std::copy(sock_path.begin(), sock_path.end(), addr.sun_path);
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  auto sock = CatchDiagnostics([&] { ReadFileBytes(sock_path); });
  ::close(s);
  CHECK(sock[0].id == "not-regular-file");
  CHECK(sock[0].message.en.find("socket") != std::string::npos);
}

TEST_CASE("limits: a text input above kMaxInputFileBytes is refused by its size, unread") {
  TempDir dir;
  std::string path = dir.path() + "/big.yaml";
  REQUIRE(truncate(dir.Write("big.yaml", "").c_str(), static_cast<off_t>(kMaxInputFileBytes + 1)) == 0);
  auto all = CatchDiagnostics([&] { ReadFileBytes(path); });
  CHECK(all[0].id == "input-too-large");
}
