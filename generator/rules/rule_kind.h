// A rule kind as one unit: a kind's parameters, its YAML keys, the answers
// it needs, its score with the sentence that explains it, its 评分说明
// sentence and the YAML `jixiao import` writes for it, under rules/kinds/:
// <kind>.h declares its parameters (a RuleParams), <kind>.cpp its unit.
//
// Takes a rule's YAML map (loading), a project's answer (binding), the
// value the rule reads (scoring); gives the rule's parameters,
// diagnostics, a RuleResult and text. The kinds are registered in one
// table (rule_kinds.cpp): loading, binding, scoring, the report and import
// ask the table for a kind's unit and never switch on the kind themselves.
//
// Adding a kind:
//   1. an enumerator in RuleKind (model/indicator.h), the table's key;
//   2. rules/kinds/<kind>.h: `struct <Kind>Params : RuleParams` with
//      `static constexpr RuleKind kKind`, when the kind has parameters;
//   3. rules/kinds/<kind>.cpp: the unit (a RuleKindUnit) whose Read() ends
//      with rule.SetParams(params), and whose other hooks read
//      rule.Params<<Kind>Params>(); and `const RuleKindUnit& <Kind>RuleKind()`;
//   4. its row in RuleKindUnits() (rule_kinds.cpp), and the .cpp in CMakeLists.txt.
// test_rule_kinds.cpp then checks that every enumerator has its unit.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "base/precision.h"
#include "formats/yaml/yaml_source.h"
#include "model/indicator.h"
#include "model/project.h"
#include "rules/rules.h"

namespace YAML {
class Emitter;
}

namespace jixiao {

// A rule's YAML map, with the readers the kinds share. Every problem goes
// to `diags` with the indicator's code.
struct RuleSource {
  const YamlFile& yaml;
  const YamlNode& node;  // the `rule:` map
  const Indicator& indicator;
  Diagnostics& diags;

  const std::string& code() const { return indicator.code; }
  SourceLoc Loc(const YamlNode& n) const { return yaml.Loc(n); }
  void CheckKeys(std::initializer_list<const char*> allowed) const;
  std::optional<std::string> String(const char* key, bool required) const;
  std::optional<Decimal> Number(const char* key, bool required) const;
  // `value`: the project value the rule reads.
  void ReadValueName(Rule& rule) const;
  // `value_max`: "none" for no limit; when absent, `absent` (100% for rules
  // that read a rate, none for those that read any measure).
  void ReadValueMax(Rule& rule, std::optional<Decimal> absent) const;
  std::optional<Formula> ParseFormula(const YamlNode& n) const;
};

// What the 数据采集表 (render/xlsx/collect_workbook.cpp) asks for a leaf of
// a kind, and so what load_workbook.cpp reads back: data only, so both
// stay one loop over the leaves.
struct WorkbookEntry {
  std::string needs;  // 评价要点/所需数据: what the row asks for
  // The 评价 cell of the indicator row: nothing, 是/否 (the answer's `met`),
  // one of `choices` (the answer's `tier`; 不适用 marks the leaf not
  // applicable), or a count (the answer's `objects`).
  enum class Judgement { kNone, kYesNo, kChoice, kCount } judgement = Judgement::kNone;
  std::vector<std::string> choices;
  std::vector<std::string> items;  // one row each below the indicator
  // What each item row's 评价 cell takes: 是/否 (the answer's `unmet`, or a
  // point's `met`), a count of failures, a point's score, or nothing (computed
  // from the 数据 sheet). Empty: 是/否 on every row, read as `unmet`; given:
  // one per item, read as the answer's `points`.
  enum class ItemInput { kYesNo, kCount, kScore, kNone };
  std::vector<ItemInput> item_inputs;
  bool targets = false;     // 年度指标值, 实际完成值 and 偏差原因 are entered
  std::string stated_target;  // the 年度指标值 the system states, shown in its cell
  bool judged = false;      // the evaluator writes a reason: room for it
};

// A formula a rule writes over the project's names, and where: binding
// checks every name it reads, the 数据采集表 lists them on its 数据 sheet.
struct RuleFormula {
  const Formula* formula;
  SourceLoc loc;
  bool reads_x = false;  // a band's score formula: x is the rule's value
};

class RuleKindUnit {
 public:
  virtual ~RuleKindUnit() = default;

  virtual RuleKind kind() const = 0;
  // The YAML spelling: `kind: checklist`.
  virtual const char* name() const = 0;

  // Loading: the kind's own keys of the rule map (the kind is read); sets
  // the shared fields it reads (value, value_max) and the kind's parameters.
  virtual void Read(const RuleSource& src, Rule& rule) const = 0;

  // The formulas the rule writes (bands, conditions, `when`, `formula`).
  virtual std::vector<RuleFormula> Formulas(const Rule&) const { return {}; }
  // The rule's own formula (`formula`, `when`), which a formula that cannot
  // be evaluated while scoring is reported as; nullptr when the kind has
  // none of its own (a band's or a condition's formula is not named).
  virtual const Formula* OwnFormula(const Rule&) const { return nullptr; }

  // The number of items (要点) an answer's `unmet` can name: a checklist's
  // items; 0 for a kind without items.
  virtual size_t ItemCount(const Rule&) const { return 0; }

  // Binding, first pass (load_project.cpp), each answer on its own.
  // What a project must give when it has no answer for the leaf ("score +
  // reason"); nullptr when the rule scores from the project's values.
  virtual const char* RequiredAnswer(const Rule&) const { return nullptr; }
  // The fields of the answer this kind reads and those it refuses.
  virtual void BindAnswer(const Indicator& ind, const Rule& rule, const Answer& a,
                          Diagnostics& diags) const;
  // Whether the kind's answers are bound only in the second pass
  // (BindProject), which needs the budget and the named values: the first
  // pass then neither asks for an answer nor checks its score.
  virtual bool BindsWithProject() const { return false; }
  // Whether a score at the full weight still needs a reason (an override
  // of a computed rule does; an expert's full mark does not).
  virtual bool FullScoreNeedsReason() const { return true; }
  // Binding, second pass (load_self_evaluation.cpp), once every name and
  // the project's budget are read: the checks that need the whole project.
  // `a` is null when the project gives no answer for the leaf.
  virtual void BindProject(const Indicator&, const Rule&, const Answer*, const Project&,
                           Diagnostics&) const {}

  // Scoring. Whether the rule reads its named value for this answer.
  virtual bool ReadsValue(const Rule& rule, const Answer*) const { return !rule.value.empty(); }
  // Whether the kind makes its score from the evaluator's score itself (an
  // expert's mark, a tier's point); otherwise an evaluator's score
  // overrides the computed one and both are stated.
  virtual bool JudgesScore() const { return false; }
  // Whether an evaluator's score can be set beside the rule's own result,
  // i.e. the answer holds what the rule needs to compute (score.cpp states both).
  virtual bool Computable(const Rule&, const Answer&) const { return true; }
  // The score (in [0, weight], unrounded) and its sentence, made together.
  // Throws FormulaError when a formula cannot be evaluated.
  virtual RuleResult Apply(const Indicator& ind, const Rule& rule, const RuleInput& in) const = 0;

  // The 评分说明 sentence of the report.
  virtual std::string Describe(const Indicator& ind, const Rule& rule) const = 0;

  // The 数据采集表: the kind's name in its 计分方式 column ("要点等分") and
  // what a leaf of it asks for.
  virtual const char* Label() const = 0;
  virtual WorkbookEntry Workbook(const Indicator& ind, const Rule& rule,
                                 const IndicatorSystem& sys) const = 0;
  // Whether the value the rule reads is a rate (compared with percent
  // thresholds), so the 数据 sheet formats it as one.
  virtual bool ReadsRate(const Rule&) const { return false; }

  // Import: the kind's own keys, after `kind:`, of the YAML `jixiao import` writes.
  virtual void EmitYaml(YAML::Emitter&, const Rule&) const {}
};

// Every kind, in the order the messages list them.
const std::vector<const RuleKindUnit*>& RuleKindUnits();
// The unit of a kind; every RuleKind has one.
const RuleKindUnit& UnitOf(RuleKind kind);
// The unit spelt `name` in YAML, or nullptr.
const RuleKindUnit* FindRuleKind(const std::string& name);

// Sentence pieces every kind writes the same way.
inline std::string Points(const Decimal& d) { return d.ToShort(kScorePlaces) + " 分"; }
inline std::string MeasuredRate(const Decimal& d) { return d.ToPercent(kPercentPlaces); }  // a measured value
inline std::string RuleLimit(const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); }  // a threshold in a rule
inline Decimal ClampToWeight(const Decimal& v, const Decimal& weight) {
  return Max(Decimal(0), Min(v, weight));
}
// "（在“数据”表填写 甲、乙）" after what a row asks for; "" with no names.
inline std::string DataSheetNote(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : "、") + n;
  return "（在“数据”表填写 " + s + "）";
}
// "读取数据：到位率（在“数据”表填写）": a rule that reads one named value.
inline WorkbookEntry ReadsValueEntry(const Rule& rule) {
  WorkbookEntry e;
  e.needs = "读取数据：" + rule.value + "（在“数据”表填写）";
  return e;
}
// A share as `jixiao import` writes it: 95%.
inline std::string YamlPercent(const Decimal& d) { return (d * Decimal(100)).ToExactString() + "%"; }

}  // namespace jixiao
