// Scoring: a loaded Project in, an immutable ScoredProject out.
//
// Resolves the project's values and metrics (each metric rounded to its
// displayed precision before anything reads it, so a reader can recompute
// every score from the printed figures), applies each leaf's rule, rounds
// each leaf score half-up to 2 decimals, sums displayed children into
// parents, applies deductions under their cap, and grades the displayed
// total. Every renderer reads the result and nothing else.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/precision.h"
#include "model/project.h"
#include "rules/rules.h"

namespace jixiao {

struct ScoredIndicator {
  const Indicator* def = nullptr;
  Decimal score;  // at display precision; a parent's is the sum of its children's
  std::optional<Decimal> rate;  // 得分率 = score / weight, at display precision
  std::string explanation;      // how the score was made (every leaf)
  std::string reason;           // 扣分原因: the evaluator's words, else the explanation
  bool overridden = false;      // an evaluator's score replaced the rule's
  // What the leaf's rule kind read while scoring (a target's completion),
  // for check and the renderers; null for kinds that keep nothing.
  std::shared_ptr<const RuleReading> reading;
  std::vector<ScoredIndicator> children;

  bool Lost() const { return score < def->weight; }
};

struct ResolvedValue {
  std::string name;
  Decimal value;  // at display precision for metrics
  bool percent = false;
  std::string display;  // "90.56%", "1022.04"
  std::string formula;  // for metrics
  SourceLoc loc;
};

struct ScoredProject {
  std::shared_ptr<const Project> project;
  std::vector<ScoredIndicator> roots;
  std::vector<ResolvedValue> values;
  Decimal sum;                 // sum of the 一级 scores
  Decimal deductions_claimed;  // sum of the deduction items
  Decimal deductions;          // applied, after the cap
  Decimal total;
  std::optional<Decimal> total_rate;
  std::string grade;

  const IndicatorSystem& system() const { return *project->system; }
  const ScoredIndicator* Find(const std::string& code) const;
  // Leaves below their weight, in system order.
  std::vector<const ScoredIndicator*> LostLeaves() const;
  const ResolvedValue* Value(const std::string& name) const;
};

// Throws InputError (a value above its limit, division by zero in a formula).
ScoredProject ScoreProject(std::shared_ptr<const Project> project);

}  // namespace jixiao
