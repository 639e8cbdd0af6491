// Formula: parsing, evaluation in exact decimals, names and errors.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/decimal.h"
#include "formula/formula.h"

using jixiao::Decimal;
using jixiao::Formula;
using jixiao::FormulaError;

namespace {

Decimal D(const char* text) {
  auto d = Decimal::Parse(text);
  REQUIRE_MESSAGE(d.has_value(), "cannot parse ", std::string(text));
  return *d;
}

// Evaluates `text` with the given names.
Decimal Eval(const std::string& text, const std::map<std::string, Decimal>& names = {}) {
  Formula f = Formula::Parse(text);
  return f.Evaluate([&](const std::string& n) -> std::optional<Decimal> {
    auto it = names.find(n);
    if (it == names.end()) return std::nullopt;
    return it->second;
  });
}

// The offset of the FormulaError that parsing `text` throws; -1 if none.
long ParseErrorOffset(const std::string& text, std::string* what = nullptr) {
  try {
    Formula::Parse(text);
  } catch (const FormulaError& e) {
    if (what) *what = e.what();
    return static_cast<long>(e.offset());
  }
  return -1;
}

// The offset of the FormulaError that evaluating `text` throws; -1 if none.
long EvalErrorOffset(const std::string& text, const std::map<std::string, Decimal>& names,
                     std::string* what = nullptr) {
  try {
    Eval(text, names);
  } catch (const FormulaError& e) {
    if (what) *what = e.what();
    return static_cast<long>(e.offset());
  }
  return -1;
}

}  // namespace

TEST_CASE("formula: numbers and arithmetic precedence") {
  CHECK(Eval("12") == Decimal(12));
  CHECK(Eval("3.5") == D("3.5"));
  CHECK(Eval("1 + 2 * 3") == Decimal(7));
  CHECK(Eval("(1 + 2) * 3") == Decimal(9));
  CHECK(Eval("10 - 4 - 3") == Decimal(3));  // left to right
  CHECK(Eval("8 / 4 / 2") == Decimal(1));
  CHECK(Eval("2 * 3 + 4 * 5") == Decimal(26));
  CHECK(Eval("-2 * 3") == Decimal(-6));
  CHECK(Eval("2 * -3") == Decimal(-6));
  CHECK(Eval("-2 + 3") == Decimal(1));
  CHECK(Eval("--2") == Decimal(2));
  CHECK(Eval("+2") == Decimal(2));
  CHECK(Eval("1 / 3 * 3") == Decimal(1));  // exact, no 0.999…
  CHECK(Eval("0.1 + 0.2") == D("0.3"));
  CHECK(Eval("((2))") == Decimal(2));
}

TEST_CASE("formula: percent literals and full-width operators") {
  CHECK(Eval("95%") == D("0.95"));
  CHECK(Eval("50% * 4") == Decimal(2));
  CHECK(Eval("1.5%") == D("0.015"));
  CHECK(Eval("100% - 60%") == D("0.4"));
  CHECK(Eval("95％") == D("0.95"));
  CHECK(Eval("2 × 3") == Decimal(6));
  CHECK(Eval("6 ÷ 4") == D("1.5"));
  CHECK(Eval("（1 + 2）* 3") == Decimal(9));
  CHECK(Eval("1\u3000+\u30002") == Decimal(3));  // ideographic spaces
  CHECK(Eval("max(1，2)") == Decimal(2));
}

TEST_CASE("formula: comparisons give 1 or 0 and bind looser than arithmetic") {
  CHECK(Eval("0.95 >= 95%") == Decimal(1));
  CHECK(Eval("0.9499 >= 95%") == Decimal(0));
  CHECK(Eval("1 < 2") == Decimal(1));
  CHECK(Eval("2 < 2") == Decimal(0));
  CHECK(Eval("2 <= 2") == Decimal(1));
  CHECK(Eval("3 > 2") == Decimal(1));
  CHECK(Eval("2 > 2") == Decimal(0));
  CHECK(Eval("2 == 2.00") == Decimal(1));
  CHECK(Eval("2 != 2") == Decimal(0));
  CHECK(Eval("2 != 3") == Decimal(1));
  CHECK(Eval("1 + 1 == 2") == Decimal(1));
  CHECK(Eval("2 * 3 > 5") == Decimal(1));
  CHECK(Eval("99% ≥ 95%") == Decimal(1));
  CHECK(Eval("99% ≤ 95%") == Decimal(0));
  CHECK(Eval("(1 < 2) + (2 < 3)") == Decimal(2));
}

TEST_CASE("formula: && || ! with && binding tighter than ||") {
  CHECK(Eval("1 && 1") == Decimal(1));
  CHECK(Eval("1 && 0") == Decimal(0));
  CHECK(Eval("0 || 3") == Decimal(1));  // any non-zero is true; the result is 1
  CHECK(Eval("0 || 0") == Decimal(0));
  CHECK(Eval("!0") == Decimal(1));
  CHECK(Eval("!5") == Decimal(0));
  CHECK(Eval("!!5") == Decimal(1));
  CHECK(Eval("!(1 == 2)") == Decimal(1));
  CHECK(Eval("1 || 0 && 0") == Decimal(1));    // 1 || (0 && 0)
  CHECK(Eval("(1 || 0) && 0") == Decimal(0));
  CHECK(Eval("1 > 0 && 2 > 1") == Decimal(1));
  CHECK(Eval("1 > 2 || 2 > 3") == Decimal(0));
}

TEST_CASE("formula: c ? a : b, nesting to the right") {
  CHECK(Eval("1 ? 2 : 3") == Decimal(2));
  CHECK(Eval("0 ? 2 : 3") == Decimal(3));
  CHECK(Eval("1 > 2 ? 10 : 20") == Decimal(20));
  CHECK(Eval("0 ? 1 : 0 ? 2 : 3") == Decimal(3));
  CHECK(Eval("0 ? 1 : 1 ? 2 : 3") == Decimal(2));
  CHECK(Eval("1 ? 0 ? 5 : 6 : 7") == Decimal(6));
  CHECK(Eval("(1 ? 2 : 3) + 1") == Decimal(3));
}

TEST_CASE("formula: functions") {
  CHECK(Eval("min(3, 1, 2)") == Decimal(1));
  CHECK(Eval("max(3, 1, 2)") == Decimal(3));
  CHECK(Eval("min(5)") == Decimal(5));
  CHECK(Eval("sum(1, 2, 3.5)") == D("6.5"));
  CHECK(Eval("avg(1, 2)") == D("1.5"));
  CHECK(Eval("avg(94.52%, 92.17%, 90.11%, 91.34%)") == D("0.92035"));
  CHECK(Eval("round(avg(94.52%, 92.17%, 90.11%, 91.34%), 4)") == D("0.9204"));
  CHECK(Eval("abs(-2.5)") == D("2.5"));
  CHECK(Eval("abs(2.5)") == D("2.5"));
  CHECK(Eval("round(2.675, 2)") == D("2.68"));
  CHECK(Eval("round(-2.675, 2)") == D("-2.68"));
  CHECK(Eval("round(1.005, 2)") == D("1.01"));
  CHECK(Eval("round(92.035, 0)") == Decimal(92));
  CHECK(Eval("if(1 > 0, 5, 6)") == Decimal(5));
  CHECK(Eval("if(0, 5, 6)") == Decimal(6));
  CHECK(Eval("min(1, 2) + max(1, 2) * 2") == Decimal(5));
  CHECK(Eval("max (1, 2)") == Decimal(2));  // a space before '(' is allowed
}

TEST_CASE("formula: round() places must be a whole number from 0 to 12") {
  CHECK_THROWS_AS(Eval("round(1.5, 1.5)"), FormulaError);
  CHECK_THROWS_AS(Eval("round(1.5, -1)"), FormulaError);
  CHECK_THROWS_AS(Eval("round(1.5, 13)"), FormulaError);
  CHECK(Eval("round(1.5, 12)") == D("1.5"));
}

TEST_CASE("formula: Chinese and dotted names") {
  std::map<std::string, Decimal> names = {{"实际支出资金", D("925.59")},
                                          {"实际到位资金", D("1022.04")},
                                          {"Q1.熟悉", Decimal(19)},
                                          {"Q1.一般了解", Decimal(61)},
                                          {"Q1.合计", Decimal(102)},
                                          {"满意度", D("0.8999")},
                                          {"x_1", Decimal(2)}};
  CHECK(Eval("实际支出资金 / 实际到位资金", names).Round(4) == D("0.9056"));
  CHECK(Eval("实际支出资金/实际到位资金", names).Round(4) == D("0.9056"));
  CHECK(Eval("(Q1.熟悉 + Q1.一般了解) / Q1.合计", names).Round(4) == D("0.7843"));
  CHECK(Eval("满意度×3", names) == D("2.6997"));
  CHECK(Eval("满意度≥90%", names) == Decimal(0));
  CHECK(Eval("x_1 * 2", names) == Decimal(4));
  CHECK(Eval("max(Q1.熟悉，Q1.一般了解)", names) == Decimal(61));
  Formula f = Formula::Parse("(Q1.熟悉 + Q1.一般了解) / Q1.合计");
  CHECK(f.Names() == std::vector<std::string>{"Q1.熟悉", "Q1.一般了解", "Q1.合计"});
  // Full-width brackets end a name: 实际支出（万元） is a name and a stray bracket.
  CHECK_THROWS_AS(Formula::Parse("实际支出（万元）"), FormulaError);
}

TEST_CASE("formula: Names() lists each name once, in order of first use") {
  Formula f = Formula::Parse("b + a * b + min(c, a) + if(d > 0, e, b)");
  CHECK(f.Names() == std::vector<std::string>{"b", "a", "c", "d", "e"});
  CHECK(Formula::Parse("1 + 2").Names().empty());
  // Function names are not names.
  CHECK(Formula::Parse("max(1, 2)").Names().empty());
  CHECK(f.Text() == "b + a * b + min(c, a) + if(d > 0, e, b)");
  CHECK_FALSE(f.Empty());
  CHECK(Formula().Empty());
  CHECK_THROWS_AS(Formula().Evaluate([](const std::string&) { return std::nullopt; }),
                  FormulaError);
}

TEST_CASE("formula: syntax errors carry the byte offset of the problem") {
  std::string what;
  CHECK(ParseErrorOffset("", &what) == 0);
  CHECK(what == "unexpected end of formula");
  CHECK(ParseErrorOffset("1 +", &what) == 3);
  CHECK(what == "unexpected end of formula");
  CHECK(ParseErrorOffset("(1 + 2", &what) == 6);
  CHECK(what == "expected ')'");
  CHECK(ParseErrorOffset("1 + * 2", &what) == 4);
  CHECK(what == "unexpected '*'");
  CHECK(ParseErrorOffset("1 ? 2", &what) == 5);
  CHECK(what == "expected ':'");
  CHECK(ParseErrorOffset("2 3", &what) == 2);
  CHECK(what == "unexpected '3'");
  CHECK(ParseErrorOffset("a = 0", &what) == 2);  // '=' is not '=='
  CHECK(what == "unexpected '='");
  CHECK(ParseErrorOffset("a + 1.2.3", &what) == 4);
  CHECK(what == "bad number '1.2.3'");
  CHECK(ParseErrorOffset("x + foo(1)", &what) == 4);
  CHECK(what == "unknown function 'foo'");
  CHECK(ParseErrorOffset("abs(1, 2)", &what) == 0);
  CHECK(what == "wrong number of arguments to abs()");
  CHECK(ParseErrorOffset("1 + round(1)", &what) == 4);
  CHECK(what == "wrong number of arguments to round()");
  CHECK(ParseErrorOffset("if(1, 2)", &what) == 0);
  CHECK(ParseErrorOffset("min()", &what) == 0);
  CHECK(what == "wrong number of arguments to min()");
  CHECK(ParseErrorOffset("max(1, 2", &what) == 8);
  CHECK(what == "expected ')'");
  CHECK(ParseErrorOffset("x + $", &what) == 4);
  CHECK(what == "unexpected '$'");
  // A multi-byte character is named whole, not cut into a broken byte.
  CHECK(ParseErrorOffset("实际支出（万元）", &what) == 12);
  CHECK(what == "unexpected '（'");
  CHECK(ParseErrorOffset("1 + 2", &what) == -1);
}

TEST_CASE("formula: an unknown name is an error at evaluation, never a zero") {
  // Parsing does not know the project's names; evaluating does.
  CHECK_NOTHROW(Formula::Parse("a + 未知"));
  std::string what;
  CHECK(EvalErrorOffset("a + 未知", {{"a", Decimal(1)}}, &what) == 4);
  CHECK(what == "unknown name '未知'");
  CHECK(EvalErrorOffset("a + 未知", {{"a", Decimal(1)}, {"未知", Decimal(2)}}) == -1);
  CHECK(Eval("a + 未知", {{"a", Decimal(1)}, {"未知", Decimal(2)}}) == Decimal(3));
  // The branch not taken is not evaluated.
  CHECK(Eval("1 ? 2 : 未知") == Decimal(2));
  CHECK(Eval("if(0, 未知, 7)") == Decimal(7));
}

TEST_CASE("formula: division by zero is a FormulaError at the '/'") {
  std::string what;
  CHECK(EvalErrorOffset("1 / 0", {}, &what) == 2);
  CHECK(what == "division by zero");
  CHECK(EvalErrorOffset("a / (b - b)", {{"a", Decimal(1)}, {"b", Decimal(5)}}, &what) == 2);
  CHECK(what == "division by zero");
  CHECK(EvalErrorOffset("实际支出 ÷ 到位", {{"实际支出", Decimal(1)}, {"到位", Decimal(0)}}) == 13);
  CHECK_THROWS_AS(Eval("avg(1, 2) / (1 - 100%)"), FormulaError);
  CHECK(Eval("0 / 5") == Decimal(0));
}
