// The rule engine: one scoring rule applied to one leaf indicator.
//
// Takes the rule, the indicator's weight and what the project gives for it
// (the value the rule reads, the evaluator's answer, a lookup for formula
// names) and gives the unrounded score together with the sentence that
// explains it. The sentence is written here, at the moment the score is
// made, so the terminal, the report paragraph and the 扣分原因 column all
// print the same words.
#pragma once

#include <optional>
#include <string>

#include "formula/formula.h"
#include "model/indicator.h"
#include "model/project.h"

namespace jixiao {

struct RuleInput {
  std::optional<Decimal> value;  // the rule's value, at its displayed precision
  std::string value_text;        // as displayed: "90.56%"
  const Answer* answer = nullptr;
  NameLookup lookup;  // project names, for conditions and formulas
  const Project* project = nullptr;  // target and budget_rate rules: budget, options
};

struct RuleResult {
  Decimal score;  // in [0, weight], not yet rounded
  std::string explanation;
};

// Throws FormulaError when a formula cannot be evaluated (division by zero).
RuleResult ApplyRule(const Indicator& ind, const Rule& rule, const RuleInput& in);

// "①" for 1 … "⑳" for 20, then "(21)".
std::string CircledNumber(int n);

}  // namespace jixiao
