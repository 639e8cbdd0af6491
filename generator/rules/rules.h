// The rule engine: one scoring rule applied to one leaf indicator.
//
// Takes the rule, the indicator's weight and what the project gives for it
// (the value the rule reads, the evaluator's answer, a lookup for formula
// names) and gives the unrounded score together with the sentence that
// explains it. The sentence is written here, at the moment the score is
// made, so the terminal, the report paragraph and the 扣分原因 column all
// print the same words.
#pragma once

#include <memory>
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

// What a kind read on the way to its score that later stages show or
// check (a target's completion and typed values). Kept on the scored
// indicator, so nothing evaluates the rule a second time. Each kind that
// keeps one derives its own (rules/kinds/target.h).
struct RuleReading {
  virtual ~RuleReading() = default;
};

struct RuleResult {
  Decimal score;  // in [0, weight], not yet rounded
  std::string explanation;
  bool overridden = false;  // an evaluator's score replaced the rule's, stated by the kind
  std::shared_ptr<const RuleReading> reading;
};

// The rule's kind (rules/kinds/) scores it. Throws FormulaError when a
// formula cannot be evaluated (division by zero), InputError when the
// kind's inputs cannot be compared.
RuleResult ApplyRule(const Indicator& ind, const Rule& rule, const RuleInput& in);

// An evaluator's score written against the system's weight, on the weight
// after 折算计分 (a leaf whose weight was rescaled because others are 不适用).
Decimal ScaledAnswerScore(const Indicator& ind, const Decimal& written);

// "①" for 1 … "⑳" for 20, then "(21)".
std::string CircledNumber(int n);

}  // namespace jixiao
