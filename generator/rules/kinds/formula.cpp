// formula: any expression over the project's values and `weight`, limited
// to [0, weight].
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "rules/kinds/formula.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class FormulaKind : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kFormula; }
  const char* name() const override { return "formula"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "formula", "description"});
    FormulaParams p;
    p.description = src.String("description", false).value_or("");
    if (!src.node["formula"]) src.diags.Error(rule.loc, src.code(), msg::kMissingKey, "formula");
    else if (auto f = src.ParseFormula(src.node["formula"])) p.formula = *f;
    rule.SetParams(std::move(p));
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const Formula& formula = r.Params<FormulaParams>().formula;
    Decimal raw = formula.Evaluate([&](const std::string& n) -> std::optional<Decimal> {
      if (n == "weight") return ind.weight;
      return in.lookup(n);
    });
    Decimal s = ClampToWeight(raw, ind.weight);
    const std::string& what = r.Params<FormulaParams>().description;
    if (!what.empty())
      return {s, fmt::format("{}，得 {}{}。", what, Points(s), s != raw ? "（限于 0 至满分）" : "")};
    return {s, fmt::format("按公式 {} 计算得 {}{}。", formula.Text(), Points(s),
                           s != raw ? "（限于 0 至满分）" : "")};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    const Formula& formula = r.Params<FormulaParams>().formula;
    if (formula.Empty()) return {};
    return {{&formula, r.loc, false}};
  }
  const Formula* OwnFormula(const Rule& r) const override { return &r.Params<FormulaParams>().formula; }

  const char* Label() const override { return "公式计算"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    std::vector<std::string> names;
    const Formula& formula = r.Params<FormulaParams>().formula;
    for (const auto& n : formula.Names())
      if (n != "weight") names.push_back(n);
    WorkbookEntry e;
    const std::string& what = r.Params<FormulaParams>().description;
    e.needs = (what.empty() ? "按公式计算：" : what + "：") + formula.Text() + DataSheetNote(names);
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    const FormulaParams& p = r.Params<FormulaParams>();
    if (!p.description.empty()) return p.description + "（得分 = " + p.formula.Text() + "，限于 0 至满分）";
    return "得分 = " + p.formula.Text() + "，限于 0 至满分";
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    const FormulaParams& p = r.Params<FormulaParams>();
    out << YAML::Key << "formula" << YAML::Value << p.formula.Text();
    if (!p.description.empty()) out << YAML::Key << "description" << YAML::Value << p.description;
  }
};

}  // namespace

const RuleKindUnit& FormulaRuleKind() {
  static const FormulaKind unit;
  return unit;
}

}  // namespace jixiao
