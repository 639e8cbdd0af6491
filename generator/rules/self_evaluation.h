// Self-evaluation (项目支出绩效自评, 财预〔2020〕10号): the rules of the
// Ministry's 项目支出绩效自评表 and their local variants.
//
// Loading (load_self_evaluation.cpp): a system's `layout` and `options`, the
// `target` and `budget_rate` rules; a project's `budget` (项目资金), `goals`
// (年度总体目标), `tables`, and the target / actual / deviation_reason /
// not_applicable of its answers; the checks that need them together; and
// 折算计分, which gives a project with 不适用 indicators its own copy of
// the system with the remaining weights rescaled.
//
// Scoring (self_evaluation.cpp): the two rules, each giving its score and
// the sentence that explains it, and the 评分说明 lines that say which
// variant of each rule was applied.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/project.h"
#include "rules/rules.h"
#include "score/score.h"
#include "rules/target_value.h"

namespace jixiao {

class YamlFile;
class YamlNode;

// ---- loading ----

// `layout` and `options` at the top of a system file.
void ReadSystemOptions(const YamlFile& y, const YamlNode& root, IndicatorSystem& sys,
                       Diagnostics& diags);
// The keys of a `target` or `budget_rate` rule (the kind is already read).
void ReadSelfEvaluationRule(const YamlFile& y, const YamlNode& r, Rule& rule,
                            const std::string& code, Diagnostics& diags);
// target, actual, baseline, deviation_reason, not_applicable of an answer.
void ReadSelfEvaluationAnswer(const YamlFile& y, const YamlNode& v, Answer& a, Diagnostics& diags);
void ReadBudget(const YamlFile& y, const YamlNode& n, Budget& b, Diagnostics& diags);
void ReadGoals(const YamlFile& y, const YamlNode& n, Goals& g, Diagnostics& diags);
void ReadTables(const YamlFile& y, const YamlNode& n, std::vector<DataTable>& tables,
                Diagnostics& diags);

// Whether Bind (load_project.cpp) leaves this rule's answers to
// BindSelfEvaluation.
bool IsSelfEvaluationRule(const Rule& r);

// The checks of target and budget_rate rules and of 不适用 answers: a
// target and an actual that can be compared, a 偏差原因 for every shortfall
// and for a completion at or above the over-achievement threshold, a
// qualitative score inside its tier, the budget figures the rate needs.
void BindSelfEvaluation(const Project& p, Diagnostics& diags);

// 折算计分: the system with each 不适用 leaf at weight 0 and the other
// leaves' weights (预算执行率 apart) rescaled so they still sum to what
// they summed to, at two decimals by the largest remainder. The system
// itself when nothing is 不适用.
std::shared_ptr<const IndicatorSystem> ApplyNotApplicable(
    std::shared_ptr<const IndicatorSystem> sys, const std::map<std::string, Answer>& answers);

// ---- scoring ----

struct BudgetRateFigures {
  Decimal executed;       // 全年执行数
  Decimal base;           // the base the options name
  Decimal rate;           // executed / base at 2 decimals of a percent
  std::string base_name;  // 全年预算数, 调整后预算数, 实际到位资金
  std::string unit;       // 万元 or 元
};

// The figures of the budget rate, from the project's `budget` or, when it
// has none, from values named 全年执行数 and the base. nullopt with a
// diagnostic in `diags` when they are missing or the base is zero.
std::optional<BudgetRateFigures> ComputeBudgetRate(const Project& p, Diagnostics* diags);

const char* BudgetBaseName(SelfEvaluationOptions::BudgetBase b);

// What a target indicator came to, for the rule and for the renderers.
struct TargetEvaluation {
  bool ok = false;           // false: an input problem, reported to diags
  bool qualitative = false;  // scored by the evaluator's tier
  bool met = false;          // 已完成
  bool overridden = false;   // the evaluator's score replaced the rule's
  std::optional<Decimal> completion;  // 完成率: actual / target (≤: target / actual)
  Decimal score;                      // on the indicator's weight, not yet rounded
  std::string sentence;
  TypedValue target, actual;
  std::string target_text, actual_text;  // as shown in the 自评表
};

// `value` is the rule's named value when the rule reads one and the answer
// gives no actual (resolved by scoring; nullopt while loading).
TargetEvaluation EvaluateTarget(const Indicator& ind, const Rule& r, const Answer* a,
                                const Project& p, const std::optional<Decimal>& value,
                                const std::string& value_text, bool value_percent,
                                Diagnostics* diags);

// Whether the target is scored by the evaluator's tier (a qualitative
// phrase, or "不低于上年" without last year's value).
bool TargetIsQualitative(const Rule& r, const Answer* a);

RuleResult ApplyTargetRule(const Indicator& ind, const Rule& r, const RuleInput& in);
RuleResult ApplyBudgetRateRule(const Indicator& ind, const Rule& r, const RuleInput& in);

// An evaluator's score written against the system's weight, on the weight
// after 折算计分.
Decimal ScaledAnswerScore(const Indicator& ind, const Decimal& written);

// The one sentence per rule for the 评分说明.
std::string DescribeSelfEvaluationRule(const Indicator& ind, const IndicatorSystem& sys);

// The 评分说明 of the options applied: 预算执行率 and its base, the
// quantitative and qualitative rules, over-achievement, 折算计分.
std::vector<std::string> SelfEvaluationNotes(const IndicatorSystem& sys);

// ---- rendering ----

// One indicator row of the 自评表 (every leaf but 预算执行率): its path
// from the 一级 indicator down, and what the form shows for it.
struct SelfFormRow {
  std::vector<const ScoredIndicator*> path;  // 一级, 二级, …, the leaf
  const ScoredIndicator* leaf = nullptr;
  std::string target;     // 年度指标值 as written, "—" when none
  std::string actual;     // 实际完成值 as written (or the value read), "—" when none
  std::string deviation;  // 偏差原因分析及改进措施: the answer's, else the reason for lost points
  std::string status;     // 已完成, 未完成, 不适用
  bool not_applicable = false;
};

// "城乡医疗救助项目支出绩效自评报告": the name, "项目" unless it ends so,
// "支出绩效自评报告" (004's title).
std::string SelfReportTitle(const std::string& project_name);

// The leaf scored by the budget_rate rule (the 项目资金 block), if any.
const ScoredIndicator* FindBudgetRateLeaf(const ScoredProject& sp);
std::vector<SelfFormRow> SelfFormRows(const ScoredProject& sp);

}  // namespace jixiao
