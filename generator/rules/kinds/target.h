// The self-evaluation target rule (项目支出绩效自评, 财预〔2020〕10号): a
// 年度指标值 (the system's, or the project's answer) against the 实际完成值
// (the answer's, or the rule's named value), scored by the system's options.
//
// Takes the indicator, its rule and answer, the project (its options and
// review mode) and, when scoring, the resolved value; gives a
// TargetEvaluation: the score with its sentence and what was read on the
// way (completion, met, the typed values). Scoring keeps it on the
// ScoredIndicator (its reading), so check, the 自评表 and the reports read
// it instead of evaluating again.
#pragma once

#include <optional>
#include <string>

#include "model/project.h"
#include "rules/rules.h"
#include "rules/target_value.h"

namespace jixiao {

struct TargetParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kTarget;
  // The 年度指标值 when the system states it (a project's answer may give its own).
  std::string target_text;
  SourceLoc target_loc;
  std::optional<Decimal> tolerance;  // for "=" targets, a share of the target; none: the options'
};

// The 年度指标值 a target rule states; "" when it states none or the rule
// is of another kind (a self-evaluation row shows the answer's, else this).
const std::string& StatedTarget(const Rule& r);

struct TargetEvaluation : RuleReading {
  bool ok = false;           // false: an input problem, reported to diags
  bool qualitative = false;  // scored by the evaluator's tier
  bool met = false;          // 已完成
  bool overridden = false;   // the evaluator's score replaced the rule's
  bool blank_target = false;  // under review: no 年度指标值, scored 0
  std::string unit_assumed;   // the target's unit a bare 实际完成值 was read in ("万元")
  std::optional<Decimal> completion;  // 完成率: actual / target (≤: target / actual)
  Decimal score;                      // on the indicator's weight, not yet rounded
  std::string sentence;
  TypedValue target, actual;
  std::string target_text, actual_text;  // as shown in the 自评表

  // The evaluation a scored target leaf keeps, or nullptr for other kinds.
  static const TargetEvaluation* Of(const RuleReading* reading) {
    return dynamic_cast<const TargetEvaluation*>(reading);
  }
};

// The value a target rule reads when the answer gives no 实际完成值.
struct TargetValue {
  std::optional<Decimal> value;  // nullopt while loading a metric, not yet resolved
  std::string text;              // as displayed
  bool percent = false;
};

// Problems go to `diags` when given; with none, the evaluation is made as
// far as the inputs allow (a form being read before its checks).
TargetEvaluation EvaluateTarget(const Indicator& ind, const Rule& r, const Answer* a,
                                const Project& p, const TargetValue& value, Diagnostics* diags);

// Whether the target is scored by the evaluator's tier (a qualitative
// phrase, or "不低于上年" without last year's value).
bool TargetIsQualitative(const Rule& r, const Answer* a);

}  // namespace jixiao
