// The indicator system (指标体系): a reusable tree of indicators with
// weights, texts and, on each leaf, a scoring rule; the grade scale; the
// cap on deductions. Loaded by load_system.cpp, read by scoring and the
// renderers, never changed after loading.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"
#include "formula/formula.h"

namespace jixiao {

// The kinds of rule, the key of the table of rule kinds (rules/rule_kinds.cpp):
// one enumerator per row, each the kind() of its unit in rules/kinds/<kind>.cpp,
// where what the kind reads and how it scores live. The enum stays in model/ so
// that loaders, renderers and tests can name a kind without including rules/.
enum class RuleKind {
  kChecklist,        // N equal points, each unmet one takes weight/N
  kChecklistPoints,  // explicit points per item, capped at the weight
  kRatio,            // value × weight, capped
  kSteps,            // full at a threshold, minus a deduction per step below
  kProportional,     // full at a target, else value × weight or value/target × weight
  kBands,            // value ranges → fixed scores or a formula (piecewise, 101号 intervals)
  kAllOrNothing,     // full when met, else 0
  kConditions,       // sum of the points of each condition that holds
  kQualitative,      // tiers of the weight (达成/部分达成/未达成), evaluator picks
  kManual,           // expert judgement, reason required below the weight
  kFormula,          // any expression over the project's values
  kPassLine,         // (value − pass) / (full − pass) × weight, 0 below pass
  kTarget,           // self-evaluation: 年度指标值 vs 实际完成值 (≥, ≤, =, yes/no, qualitative)
  kBudgetRate,       // self-evaluation: 预算执行率 from the project's 项目资金
  kPoints,           // 要点 with shares, each met, per-failure, rate, deviation or manual (keep last: test_rule_kinds.cpp)
};

const char* RuleKindName(RuleKind k);  // the YAML spelling

// A share of the weight a qualitative judgement falls in (a qualitative
// rule's tiers, the self-evaluation options' tiers).
struct Tier {
  std::string name;
  Decimal low;   // share of the weight, inclusive
  Decimal high;  // share of the weight, inclusive for the top tier
};

// A kind's own parameters (a steps rule's threshold and deduction, a bands
// rule's bands). Each kind that has any declares its type beside its unit,
// in rules/kinds/<kind>.h, derived from this, with the kind it belongs to:
//   struct StepsParams : RuleParams { static constexpr RuleKind kKind = RuleKind::kSteps; … };
// model/ holds them without knowing them, so it includes nothing of rules/.
struct RuleParams {
  virtual ~RuleParams() = default;
};

// A leaf's scoring rule: what every kind shares, and the kind's parameters.
// Never changed after loading; copies share the parameters.
struct Rule {
  RuleKind kind = RuleKind::kManual;
  SourceLoc loc;
  std::string value;  // the project value it reads (ratio, steps, proportional, bands, pass_line, target)
  SourceLoc value_loc;
  std::optional<Decimal> value_max;  // a value above this is an input error (default 100% where rates)

  // The kind's parameters, typed: rule.Params<StepsParams>(). A rule given
  // only its kind (a 自评表's target rows) reads the type's defaults. Asking
  // for another kind's parameters is a programming error and throws.
  template <typename P>
  const P& Params() const {
    if (kind != P::kKind) throw std::logic_error(std::string("Rule::Params: a ") + RuleKindName(kind) +
                                                 " rule has no parameters of " + RuleKindName(P::kKind));
    if (!params_) {
      static const P kDefaults;
      return kDefaults;
    }
    return dynamic_cast<const P&>(*params_);
  }
  // Sets the kind and its parameters together, so they never disagree.
  template <typename P>
  void SetParams(P params) {
    kind = P::kKind;
    params_ = std::make_shared<const P>(std::move(params));
  }

 private:
  std::shared_ptr<const RuleParams> params_;  // of the type whose kKind is `kind`; null: the defaults
};

struct Indicator {
  std::string code;
  std::string name;
  Decimal weight;
  std::string explanation;  // 指标解释
  std::string criteria;     // 评分标准
  std::optional<Rule> rule;  // leaves only
  std::vector<Indicator> children;
  int level = 1;  // 1 = 一级
  SourceLoc loc;
  SourceLoc weight_loc;
  // 不适用 and 折算计分 (self_evaluation.cpp): a leaf left out has weight 0;
  // the others' weights are rescaled. written_weight is the system's own.
  bool not_applicable = false;
  std::optional<Decimal> written_weight;

  bool IsLeaf() const { return children.empty(); }
};

// How deep indicators may nest (一级, 二级, 三级 … ); systems in use have
// three or four levels.
inline constexpr int kMaxIndicatorLevels = 10;

// Grade bands are points out of 100: a system whose total is not 100 is
// graded on the total's share of it (GradePoints), so 95 of 200 is 47.5 and
// graded as 47.5 of 100 would be.
struct GradeBand {
  std::string name;  // 优, 良, 中, 差
  Decimal min;       // inclusive lower bound, out of 100; the band runs up to the next one's min
  std::string written;  // as the system wrote it ("80-89"), for the 评分说明
};

// The named options of a system that declares `layout: self_evaluation`
// (or uses target / budget_rate rules): local rules differ, and each
// variant is one of these, never a code branch. docs/zh/自评.md.
struct SelfEvaluationOptions {
  enum class BudgetRate { kProportional, kIntervals, kSteps };
  enum class BudgetBase { kFullYear, kAdjusted, kReceived };  // 全年预算数 / 调整后预算数 / 实际到位资金
  enum class AtMost { kRatio, kLinear };
  enum class Equal { kProportional, kAllOrNothing };
  struct Interval {
    Decimal min;    // lowest 执行率 of the interval, inclusive
    Decimal share;  // of the weight
  };
  BudgetRate budget_rate = BudgetRate::kProportional;
  BudgetBase budget_base = BudgetBase::kFullYear;
  AtMost at_most = AtMost::kRatio;
  Equal equal = Equal::kProportional;
  Decimal equal_tolerance;             // share of the target; 0: exact
  Decimal overachievement = Decimal(mpq_class(13, 10));  // completion ≥ 130% needs a 偏差原因
  // kIntervals, highest first: 10/7/5/0 of 10 at 100%/80%/60% (财预〔2021〕101号, as DESIGN.md gives it).
  std::vector<Interval> intervals = {{Decimal(1), Decimal(1)},
                                     {Decimal(mpq_class(4, 5)), Decimal(mpq_class(7, 10))},
                                     {Decimal(mpq_class(3, 5)), Decimal(mpq_class(1, 2))},
                                     {Decimal(0), Decimal(0)}};
  Decimal steps_full_at, steps_step, steps_deduct;  // kSteps: the system must state them
  // 财预〔2020〕10号: 达成 100–80% (含 80%), 部分达成 80–60% (含 60%), 未达成 60–0%.
  std::vector<Tier> tiers = {{"达成", Decimal(mpq_class(4, 5)), Decimal(1)},
                             {"部分达成", Decimal(mpq_class(3, 5)), Decimal(mpq_class(4, 5))},
                             {"未达成", Decimal(0), Decimal(mpq_class(3, 5))}};
  std::vector<std::string> written;    // the options the system wrote, as "key: value"
};

struct IndicatorSystem {
  std::string file;
  std::string name;
  Decimal total{100};
  std::vector<Indicator> roots;
  std::vector<GradeBand> grades;  // highest first
  bool integer_grade_bands = false;  // written as "80-89", read as [80, 90)
  std::optional<Decimal> deduction_cap;
  std::vector<std::string> notes;  // 评分说明 lines the system states
  std::string layout;               // "" (evaluation report) or "self_evaluation"
  SelfEvaluationOptions options;
  bool SelfEvaluation() const { return layout == "self_evaluation"; }

  // Visits every indicator depth-first, parents before children.
  template <typename F>
  void ForEach(F&& f) const {
    struct Walk {
      static void Go(const Indicator& n, F& f) {
        f(n);
        for (const auto& c : n.children) Go(c, f);
      }
    };
    for (const auto& r : roots) Walk::Go(r, f);
  }
  const Indicator* Find(const std::string& code) const;
  int Depth() const;
  int CountAtLevel(int level) const;
};

// 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差: the bands a system gets when it states none.
std::vector<GradeBand> DefaultGrades();

// A displayed total on the grade bands' scale of 100: the total itself when
// the system's total is 100, else total × 100 / the system's total.
Decimal GradePoints(const IndicatorSystem& sys, const Decimal& total);
// The grade for a displayed total: the first band whose min its
// GradePoints reach.
std::string GradeFor(const IndicatorSystem& sys, const Decimal& total);

}  // namespace jixiao
