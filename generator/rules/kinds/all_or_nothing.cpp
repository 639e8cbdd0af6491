// all_or_nothing: full when met, else 0. Met is the evaluator's answer, or
// a `when` formula over the project's values when the rule gives one.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "rules/kinds/all_or_nothing.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class AllOrNothing : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kAllOrNothing; }
  const char* name() const override { return "all_or_nothing"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "when"});
    AllOrNothingParams p;
    if (src.node["when"]) {
      if (auto f = src.ParseFormula(src.node["when"])) p.when = *f;
    }
    rule.SetParams(std::move(p));
  }

  const char* RequiredAnswer(const Rule& r) const override { return When(r).Empty() ? "met" : nullptr; }
  void BindAnswer(const Indicator& ind, const Rule& r, const Answer& a,
                  Diagnostics& diags) const override {
    const bool by_data = !When(r).Empty();
    if (!by_data && !a.met && !a.score) diags.Error(a.loc, ind.code, msg::kMissingAnswerField, "met");
    // With a `when` formula the data decide; a `met` beside it would be ignored.
    if (a.unmet || !a.tier.empty() || (a.met && by_data))
      diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind),
                  by_data ? "score, reason" : "met, reason");
  }
  bool Computable(const Rule& r, const Answer& a) const override {
    return !When(r).Empty() || a.met.has_value();
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const Formula& when = When(r);
    bool met;
    if (!when.Empty()) met = !when.Evaluate(in.lookup).IsZero();
    else met = in.answer && in.answer->met.value_or(false);
    if (met) return {ind.weight, fmt::format("满足要求，得满分 {}。", Points(ind.weight))};
    return {Decimal(0), "不满足要求，得 0 分。"};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    if (When(r).Empty()) return {};
    return {{&When(r), r.loc, false}};
  }
  const Formula* OwnFormula(const Rule& r) const override { return &When(r); }

  const char* Label() const override { return "满足得满分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    const Formula& when = When(r);
    WorkbookEntry e;
    if (when.Empty()) {
      e.needs = "满足得满分，否则不得分：在“评价”列选 是/否。";
      e.judgement = WorkbookEntry::Judgement::kYesNo;
    } else {
      e.needs = "按数据判定：" + when.Text() + DataSheetNote(when.Names());
    }
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    const Formula& when = When(r);
    return when.Empty() ? "满足要求得满分，否则不得分" : "满足 " + when.Text() + " 得满分，否则不得分";
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    if (!When(r).Empty()) out << YAML::Key << "when" << YAML::Value << When(r).Text();
  }

 private:
  static const Formula& When(const Rule& r) { return r.Params<AllOrNothingParams>().when; }
};

}  // namespace

const RuleKindUnit& AllOrNothingRuleKind() {
  static const AllOrNothing unit;
  return unit;
}

}  // namespace jixiao
