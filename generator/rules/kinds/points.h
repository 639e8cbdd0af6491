// The parameters of a points rule (points.cpp): an indicator scored by its
// 要点 (scoring points), each with its share of the weight and its own way
// of scoring, as real 评分标准 are written:
//   "要点①②③④各占指标分值的1/4 … 否则按偏差率扣除相应权重分值";
//   "①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分";
//   "不满足时，各要点得分为：及时率×权重分值";
//   "每发现一家对象不达标，扣指标分值的10%" (per-object, on the indicator).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formula/formula.h"
#include "model/indicator.h"
#include "rules/rules.h"

namespace jixiao {

// One 要点 and how it is scored. Its score lies in [0, share × weight].
struct ScoringPoint {
  enum class Kind {
    kMet,        // met: the whole share; not met: 0
    kFailures,   // a count of failures, each taking `per_failure` of the share; 0 at `zero_at` failures
    kRate,       // `value` (a rate in [0, 1]) × the share
    kDeviation,  // (1 − `value`, a deviation rate) × the share, not below 0
    kManual,     // the evaluator scores it, with a reason below the share
  };
  Kind kind = Kind::kMet;
  std::string text;        // as the 评分标准 writes it
  Decimal share;           // of the indicator's weight, exact; the points' shares sum to 1
  std::string share_text;  // as written ("1/4", "80%", "2 分"); "" when shared equally
  Decimal per_failure;     // kFailures: share of the point per failure
  int zero_at = 0;         // kFailures: failures at which the point scores 0; 0 for none
  std::optional<Formula> value;  // kRate, kDeviation: a name or formula over the project's values
  SourceLoc loc;
};

// The most 要点 one indicator may list (real criteria have 2 to 10).
inline constexpr size_t kMaxScoringPoints = 50;

struct PointsParams : RuleParams {
  static constexpr RuleKind kKind = RuleKind::kPoints;
  std::vector<ScoringPoint> points;
  // "每发现一家对象不达标，扣指标分值的10%": a share of the weight per object
  // counted in the answer's `objects`, after the points; `object` names what
  // is counted ("家不达标定点医疗机构").
  std::optional<Decimal> per_object;
  std::string object;
};

// What a points rule read, kept on the scored leaf for the 评分表 and the
// report: each point's full share and score as shown.
struct PointsReading : RuleReading {
  struct Point {
    int number;
    std::string text;
    Decimal full;   // the point's share of the weight, rounded
    Decimal score;  // rounded; the points' scores less object_loss give the leaf's score
    bool excluded;  // not assessable, its share spread over the others
    std::string clause;  // why it lost marks; "" when it scored its share plainly
  };
  std::vector<Point> points;
  Decimal object_loss;
};

}  // namespace jixiao
