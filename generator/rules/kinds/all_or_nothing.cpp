// all_or_nothing: full when met, else 0. Met is the evaluator's answer, or
// a `when` formula over the project's values when the rule gives one.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class AllOrNothing : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kAllOrNothing; }
  const char* name() const override { return "all_or_nothing"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "when"});
    if (src.node["when"]) {
      if (auto f = src.ParseFormula(src.node["when"])) rule.formula = *f;
    }
  }

  const char* RequiredAnswer(const Rule& r) const override { return r.formula.Empty() ? "met" : nullptr; }
  void BindAnswer(const Indicator& ind, const Rule& r, const Answer& a,
                  Diagnostics& diags) const override {
    if (r.formula.Empty() && !a.met && !a.score) diags.Error(a.loc, ind.code, msg::kMissingAnswerField, "met");
    // With a `when` formula the data decide; a `met` beside it would be ignored.
    if (a.unmet || !a.tier.empty() || (a.met && !r.formula.Empty()))
      diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind),
                  r.formula.Empty() ? "met, reason" : "score, reason");
  }
  bool Computable(const Rule& r, const Answer& a) const override {
    return !r.formula.Empty() || a.met.has_value();
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    bool met;
    if (!r.formula.Empty()) met = !r.formula.Evaluate(in.lookup).IsZero();
    else met = in.answer && in.answer->met.value_or(false);
    if (met) return {ind.weight, fmt::format("满足要求，得满分 {}。", Points(ind.weight))};
    return {Decimal(0), "不满足要求，得 0 分。"};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    if (r.formula.Empty()) return {};
    return {{&r.formula, r.loc, false}};
  }

  const char* Label() const override { return "满足得满分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    WorkbookEntry e;
    if (r.formula.Empty()) {
      e.needs = "满足得满分，否则不得分：在“评价”列选 是/否。";
      e.judgement = WorkbookEntry::Judgement::kYesNo;
    } else {
      e.needs = "按数据判定：" + r.formula.Text() + DataSheetNote(r.formula.Names());
    }
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    return r.formula.Empty() ? "满足要求得满分，否则不得分" : "满足 " + r.formula.Text() + " 得满分，否则不得分";
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    if (!r.formula.Empty()) out << YAML::Key << "when" << YAML::Value << r.formula.Text();
  }
};

}  // namespace

const RuleKindUnit& AllOrNothingRuleKind() {
  static const AllOrNothing unit;
  return unit;
}

}  // namespace jixiao
