// The table of rule kinds, and what the kinds share: the readers of a
// rule's YAML map and the answer check most kinds use.
#include <map>

#include "base/messages.h"
#include "rules/rule_kind.h"

namespace jixiao {

// One line per kind: its unit (rules/kinds/<kind>.cpp) and its row below.
const RuleKindUnit& ChecklistRuleKind();
const RuleKindUnit& ChecklistPointsRuleKind();
const RuleKindUnit& RatioRuleKind();
const RuleKindUnit& StepsRuleKind();
const RuleKindUnit& ProportionalRuleKind();
const RuleKindUnit& BandsRuleKind();
const RuleKindUnit& AllOrNothingRuleKind();
const RuleKindUnit& ConditionsRuleKind();
const RuleKindUnit& QualitativeRuleKind();
const RuleKindUnit& ManualRuleKind();
const RuleKindUnit& FormulaRuleKind();
const RuleKindUnit& PassLineRuleKind();
const RuleKindUnit& TargetRuleKind();
const RuleKindUnit& BudgetRateRuleKind();
const RuleKindUnit& PointsRuleKind();

const std::vector<const RuleKindUnit*>& RuleKindUnits() {
  static const std::vector<const RuleKindUnit*> units = {
      &ChecklistRuleKind(),    &ChecklistPointsRuleKind(), &RatioRuleKind(),
      &StepsRuleKind(),        &ProportionalRuleKind(),    &BandsRuleKind(),
      &AllOrNothingRuleKind(), &ConditionsRuleKind(),      &QualitativeRuleKind(),
      &ManualRuleKind(),       &FormulaRuleKind(),         &PassLineRuleKind(),
      &TargetRuleKind(),       &BudgetRateRuleKind(),       &PointsRuleKind(),
  };
  return units;
}

const RuleKindUnit& UnitOf(RuleKind kind) {
  static const std::map<RuleKind, const RuleKindUnit*> by_kind = [] {
    std::map<RuleKind, const RuleKindUnit*> m;
    for (const RuleKindUnit* u : RuleKindUnits()) m[u->kind()] = u;
    return m;
  }();
  return *by_kind.at(kind);
}

const RuleKindUnit* FindRuleKind(const std::string& name) {
  for (const RuleKindUnit* u : RuleKindUnits())
    if (name == u->name()) return u;
  return nullptr;
}

const char* RuleKindName(RuleKind k) {
  for (const RuleKindUnit* u : RuleKindUnits())
    if (u->kind() == k) return u->name();
  return "?";
}

void RuleKindUnit::BindAnswer(const Indicator& ind, const Rule& rule, const Answer& a,
                              Diagnostics& diags) const {
  // A kind computed from the project's values takes only an override.
  if (a.unmet || a.met || !a.tier.empty())
    diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(rule.kind), "score, reason");
}

void RuleSource::CheckKeys(std::initializer_list<const char*> allowed) const {
  yaml.CheckKeys(node, allowed, code(), diags);
}

std::optional<std::string> RuleSource::String(const char* key, bool required) const {
  return yaml.String(node, key, required, code(), diags);
}

std::optional<Decimal> RuleSource::Number(const char* key, bool required) const {
  return yaml.Number(node, key, required, code(), diags);
}

void RuleSource::ReadValueName(Rule& rule) const {
  if (auto v = String("value", true)) {
    rule.value = *v;
    rule.value_loc = Loc(node["value"]);
  }
}

void RuleSource::ReadValueMax(Rule& rule, std::optional<Decimal> absent) const {
  if (node["value_max"]) {
    if (node["value_max"].Scalar() != "none") rule.value_max = yaml.NumberOf(node["value_max"], code(), diags);
  } else {
    rule.value_max = absent;
  }
}

std::optional<Formula> RuleSource::ParseFormula(const YamlNode& n) const {
  if (!n.IsScalar()) {
    diags.Error(Loc(n), code(), msg::kExpectedText, "formula");
    return std::nullopt;
  }
  try {
    return Formula::Parse(n.Scalar());
  } catch (const FormulaError& e) {
    diags.Error(Loc(n), code(), msg::kFormulaSyntax, QuoteFormula(n.Scalar()), e.what());
    return std::nullopt;
  }
}

}  // namespace jixiao
