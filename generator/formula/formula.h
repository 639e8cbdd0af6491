// Formulas over a project's named values, in exact decimal arithmetic.
//
// Used for derived metrics (预算执行率 = 实际支出 / 实际到位资金), rule
// conditions (低收入参保率 >= 100%) and custom scoring formulas. The three
// stages are kept apart so each has its own error: Parse checks the syntax
// where the file is loaded, the caller binds Names() against what the
// project defines (an unknown name is an error there, never a silent zero),
// and Evaluate computes. muparser would do the syntax, but only in binary
// floating point, which the figures here must never pass through.
//
// Syntax: numbers (12, 3.5, 95%), names (any run of letters, digits, '_',
// '.' and non-ASCII characters, so 实际支出 and Q1.熟悉 are names),
// + - * / ( ), comparisons < <= > >= == !=, && || !, c ? a : b, and the
// functions min, max, sum, avg (any number of arguments), abs(x),
// round(x, places) and if(c, a, b). Comparisons give 1 or 0.
// Nesting deeper than kMaxFormulaNesting is a syntax error.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/decimal.h"

namespace jixiao {

// How deep parentheses, function calls and ?: branches may nest. A run of
// + - * / && || or comparisons, and of prefix - and !, is read in a loop
// and has no bound but the text's length.
inline constexpr int kMaxFormulaNesting = 100;

class FormulaError : public std::runtime_error {
 public:
  FormulaError(const std::string& what, size_t offset) : std::runtime_error(what), offset_(offset) {}
  size_t offset() const { return offset_; }  // byte offset into the formula text

 private:
  size_t offset_;
};

// A formula's text as a message quotes it: whole up to kFormulaQuoteBytes,
// else its start (cut at a character) and "…", so that a formula of 100 000
// terms gives a message of one line.
inline constexpr size_t kFormulaQuoteBytes = 80;
std::string QuoteFormula(const std::string& text);

using NameLookup = std::function<std::optional<Decimal>(const std::string&)>;

class Formula {
 public:
  struct Node;
  Formula() = default;
  // Throws FormulaError with the offset of the problem.
  static Formula Parse(const std::string& text);

  bool Empty() const { return root_ == nullptr; }
  const std::string& Text() const { return text_; }
  // Every name the formula reads, in order of first use.
  const std::vector<std::string>& Names() const { return names_; }
  // Throws FormulaError on division by zero or a name the lookup lacks.
  Decimal Evaluate(const NameLookup& lookup) const;

 private:
  std::string text_;
  std::shared_ptr<const Node> root_;
  std::vector<std::string> names_;
};

}  // namespace jixiao
