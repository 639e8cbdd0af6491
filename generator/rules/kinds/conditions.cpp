// conditions: the sum of the points of each condition (a formula over the
// project's values) that holds, capped at the weight.
#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/conditions.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class Conditions : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kConditions; }
  const char* name() const override { return "conditions"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlFile& y = src.yaml;
    const std::string& code = src.code();
    Diagnostics& diags = src.diags;
    src.CheckKeys({"kind", "conditions"});
    ConditionsParams p;
    YamlNode cs = src.node["conditions"];
    if (!cs) {
      diags.Error(rule.loc, code, msg::kMissingKey, "conditions");
    } else if (y.IsList(cs, "conditions", code, diags)) {
      for (const auto& c : cs) {
        if (!y.IsMap(c, "condition {text, when, points}", code, diags)) continue;
        y.CheckKeys(c, {"text", "when", "points"}, code, diags);
        Condition cond;
        cond.loc = y.Loc(c);
        cond.text = y.String(c, "text", true, code, diags).value_or("");
        cond.points = y.Number(c, "points", true, code, diags).value_or(Decimal());
        if (c["when"]) {
          if (auto f = src.ParseFormula(c["when"])) cond.when = *f;
        } else {
          diags.Error(cond.loc, code, msg::kMissingKey, "when");
        }
        p.conditions.push_back(cond);
      }
    }
    rule.SetParams(std::move(p));
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    Decimal sum;
    std::string parts;
    for (const auto& c : r.Params<ConditionsParams>().conditions) {
      bool ok = !c.when.Evaluate(in.lookup).IsZero();
      if (ok) sum += c.points;
      parts += fmt::format("{}“{}”{}，得 {}", parts.empty() ? "" : "；", c.text, ok ? "满足" : "不满足",
                           Points(ok ? c.points : Decimal(0)));
    }
    Decimal score = ClampToWeight(sum, ind.weight);
    return {score, fmt::format("{}；合计得 {}。", parts, Points(score))};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    std::vector<RuleFormula> out;
    for (const auto& c : r.Params<ConditionsParams>().conditions) out.push_back({&c.when, c.loc, false});
    return out;
  }

  const char* Label() const override { return "条件计分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    std::vector<std::string> names;
    std::string conds;
    for (const auto& c : r.Params<ConditionsParams>().conditions) {
      conds += (conds.empty() ? "" : "；") +
               fmt::format("{}（{} 分）", c.text.empty() ? c.when.Text() : c.text, c.points.ToShort(kScorePlaces));
      for (const auto& n : c.when.Names())
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    WorkbookEntry e;
    e.needs = "按数据判定：" + conds + DataSheetNote(names);
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    std::string s;
    for (const auto& c : r.Params<ConditionsParams>().conditions)
      s += (s.empty() ? "" : "；") + c.text + " 得 " + c.points.ToShort(kScorePlaces) + " 分";
    return s;
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    out << YAML::Key << "conditions" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : r.Params<ConditionsParams>().conditions)
      out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << c.text << YAML::Key << "when"
          << YAML::Value << c.when.Text() << YAML::Key << "points" << YAML::Value
          << c.points.ToExactString() << YAML::EndMap;
    out << YAML::EndSeq;
  }
};

}  // namespace

const RuleKindUnit& ConditionsRuleKind() {
  static const Conditions unit;
  return unit;
}

}  // namespace jixiao
